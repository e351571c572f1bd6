"""The configuration, read once per build into one frozen :class:`Rules` value.

Reading, checks and views each take the part they need: :attr:`Rules.reading` for the parser,
:attr:`Rules.policy` for levelling findings, :attr:`Rules.pages` for what pages show, and the
one status vocabulary for all of them. Nothing downstream reads the plugin options again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from markdown.extensions.toc import slugify as toc_slugify
from pathspec import GitIgnoreSpec

from mkdocs_design.catalog.checks import Policy
from mkdocs_design.output.site import PageRules
from mkdocs_design.reading.parse import ParseRules
from mkdocs_design.reading.placeholders import PlaceholderRules
from mkdocs_design.reading.places import containers
from mkdocs_design.reading.scan import scan
from mkdocs_design.reading.statuses import EARLY, StatusDef, StatusTable
from mkdocs_design.reading.template import template_text
from mkdocs_design.reading.vocabulary import Vocabulary

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from mkdocs.config.defaults import MkDocsConfig

    from mkdocs_design.config import DesignConfig

#: Where the plugin's stylesheet and script are served from.
ASSET_DIR = "assets/mkdocs_design"
#: The generated views, in the order they are added to the site.
VIEWS = ("overview", "components", "questions", "graph")


@dataclass(frozen=True)
class Rules:
    """Everything a build needs from the configuration.

    Attributes:
        statuses: The status vocabulary: lifecycle order, aliases, colours and roles.
        reading: What the parser needs.
        policy: How findings are levelled.
        pages: What design pages and generated pages show, and where the latter go.
        include: Where detection looks (``None``: everywhere).
        exclude: Where detection never looks.
        stale_after_days: Days after which an early design is stale (0: never).
        stale_statuses: The statuses that can go stale.
    """

    statuses: StatusTable
    reading: ParseRules
    policy: Policy
    pages: PageRules
    include: GitIgnoreSpec | None
    exclude: GitIgnoreSpec | None
    stale_after_days: int
    stale_statuses: frozenset[str]

    def pattern_notes(self, pages: Collection[str]) -> tuple[str, ...]:
        """Warnings for ``include`` and ``exclude`` patterns that leave no page to read."""
        notes: tuple[str, ...] = ()
        if self.include is not None and pages and not any(map(self.include.match_file, pages)):
            notes += ("option 'include' matches no page of the site: no page is read as a "
                      "design (patterns are relative to docs_dir)",)  # fmt: skip
        if self.exclude is not None and pages and all(map(self.exclude.match_file, pages)):
            notes += ("option 'exclude' leaves out every page of the site: no page is read "
                      "as a design",)  # fmt: skip
        return notes

    def selects(self, src_uri: str) -> bool:
        """Whether detection looks at this page (``include`` and ``exclude``)."""
        return (self.include is None or self.include.match_file(src_uri)) and not (
            self.exclude is not None and self.exclude.match_file(src_uri)
        )


def settle(options: DesignConfig, config: MkDocsConfig, *, serving: bool) -> Rules:
    """Settle this build's rules from the plugin options and the site configuration.

    Raises:
        ValueError: With a message naming the option, when an option's value is unusable.
    """
    try:
        vocabulary = Vocabulary.build(options.vocabulary)
    except ValueError as error:
        raise ValueError(f"option 'vocabulary': {error}") from None
    statuses = _statuses(options, vocabulary)
    toc = config.mdx_configs.get("toc", {})
    extensions = {str(e).rsplit(".", 1)[-1] for e in config.markdown_extensions}
    error_from = options.placeholders_error_from
    for option, patterns in (("include", options.include), ("exclude", options.exclude)):
        _check_patterns(option, patterns)
    if error_from is not None and statuses.resolve(error_from) is None:
        raise ValueError(f"option 'placeholders_error_from': unknown status {error_from!r}")
    reading = ParseRules(
        statuses=statuses,
        slugify=toc.get("slugify", toc_slugify),
        separator=toc.get("separator", "-"),
        attr_list="attr_list" in extensions,
        containers=containers(config.markdown_extensions),
        detect=options.detect,
        placeholders=_placeholder_rules(options) if options.placeholders != "ignore" else None,
        vocabulary=vocabulary,
    )
    policy = Policy(
        placeholders=options.placeholders,
        error_from=statuses.resolve(error_from) if error_from else None,
        unknown_status=options.status_unknown,
        statuses=statuses,
        serving=serving,
        error_on_serve=options.placeholders_on_serve == "error",
        reconcile=options.reconcile,
        lifecycle=options.lifecycle_checks,
    )
    if options.stale_after_days < 0:
        raise ValueError("option 'stale_after_days': must be 0 (off) or more days")
    stale = options.stale_statuses
    for name in stale or ():
        if statuses.resolve(name) is None:
            close = statuses.suggest(name)
            hint = f" (did you mean {close!r}?)" if close else ""
            raise ValueError(f"option 'stale_statuses': unknown status {name!r}{hint}")
    return Rules(
        statuses=statuses,
        reading=reading,
        policy=policy,
        pages=_pages(options, statuses, reading, config),
        include=GitIgnoreSpec.from_lines(options.include) if options.include else None,
        exclude=GitIgnoreSpec.from_lines(options.exclude) if options.exclude else None,
        stale_after_days=options.stale_after_days,
        stale_statuses=statuses.having(EARLY)
        if stale is None
        else frozenset(statuses.resolve(s) or s for s in stale),
    )


def _check_patterns(option: str, patterns: Sequence[str]) -> None:
    """Refuse a pattern that can match no page: outside ``docs_dir``, or not a pattern."""
    for pattern in patterns:
        if pattern.startswith("../") or "/../" in pattern:
            raise ValueError(f"option '{option}': {pattern!r} points outside docs_dir, where "
                             "no page is; patterns are relative to docs_dir")  # fmt: skip
        try:
            GitIgnoreSpec.from_lines([pattern]).match_file("x.md")
        except Exception as error:  # pathspec's own error types differ by version
            raise ValueError(f"option '{option}': {pattern!r} is not a pattern ({error})") from None


def _statuses(options: DesignConfig, vocabulary: Vocabulary) -> StatusTable:
    if any(not s.name.strip() for s in options.statuses):
        raise ValueError("option 'statuses': a status has an empty name")
    own = [
        StatusDef(s.name, tuple(s.aliases), s.color or "", s.like or "", s.after or "")
        for s in options.statuses
    ]
    try:
        return StatusTable.build(own, options.status_aliases, vocabulary.statuses)
    except ValueError as error:
        option = "status_aliases" if str(error).startswith("alias") else "statuses"
        raise ValueError(f"option '{option}': {error}") from None


def _placeholder_rules(options: DesignConfig) -> PlaceholderRules:
    try:
        return PlaceholderRules.from_template(
            template_text(),
            extra_patterns=options.placeholders_patterns,
            ignore=options.placeholders_ignore,
        )
    except Exception as error:  # re.error from a user pattern
        raise ValueError(
            f"option 'placeholders_patterns': invalid regular expression ({error})"
        ) from None


def _heading_ids(reading: ParseRules, lines: Sequence[str]) -> frozenset[str]:
    """The ids ``toc`` gives the headings of ``lines``, as the reader finds them."""
    return scan(lines, reading.slugify, reading.separator, attr_list=reading.attr_list).ids


def _pages(
    options: DesignConfig, statuses: StatusTable, reading: ParseRules, config: MkDocsConfig
) -> PageRules:
    views = {
        "overview": (options.overview, options.overview_path, options.overview_title),
        "components": (options.components, options.components_path, options.components_title),
        "questions": (options.questions, options.questions_path, options.questions_title),
        "graph": (options.graph, options.graph_path, options.graph_title),
    }
    for option, path, suffix in (
        *((f"{view}_path", path, ".md") for view, (on, path, _) in views.items() if on),
        *((("json_path", options.json_path, ".json"),) if options.json else ()),
    ):
        _check_path(option, path, suffix)
    for view, (on, _, title) in views.items():
        if on and not title.strip():
            raise ValueError(f"option '{view}_title': a page needs a title (or turn '{view}' off)")
    return PageRules(
        statuses=statuses,
        badge=options.badge,
        nav_status=options.nav_status,
        mark_placeholders=options.placeholders_mark,
        banners=options.banners,
        banner_draft=options.banner_draft,
        neighbourhood=options.neighbourhood,
        views={view: (path, title) for view, (on, path, title) in views.items() if on},
        json_path=options.json_path if options.json else None,
        script=f"{ASSET_DIR}/catalog.js" if options.filters else None,
        heading_ids=partial(_heading_ids, reading),
        containers=containers(config.markdown_extensions),
    )


def _check_path(option: str, path: str, suffix: str) -> None:
    """An output path must be a relative path inside ``docs_dir`` ending in ``suffix``.

    Raises:
        ValueError: Naming the option and what is wrong with its value.
    """
    parts = path.replace("\\", "/").split("/")
    if not path.strip():
        problem = "is empty"
    elif path.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts or "." in parts:
        problem = "must be a relative path inside docs_dir, without '..' or '.'"
    elif "" in parts:
        problem = "has an empty folder name"
    elif not path.endswith(suffix):
        problem = f"must end in {suffix}"
    else:
        return
    raise ValueError(f"option '{option}': {path!r} {problem}")
