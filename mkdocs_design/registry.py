"""The per-build registry: MkDocs files in, design catalog and generated pages out.

This is the plugin's MkDocs-facing glue (with :mod:`plugin` and :mod:`config`, the only modules
that import MkDocs): it reads page sources from ``Files``, calls the pure parser (cached by
content across ``serve`` rebuilds), and wraps rendered views as ``File.generated`` pages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import TYPE_CHECKING, Any

from markdown.extensions.toc import slugify as toc_slugify
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url
from pathspec import GitIgnoreSpec

from mkdocs_design.catalog import Catalog
from mkdocs_design.checks import Policy, doc_findings, sort_findings
from mkdocs_design.export import render_json
from mkdocs_design.history import last_changes
from mkdocs_design.lifecycle import Insights
from mkdocs_design.markers import find_markers
from mkdocs_design.model import DesignDoc, Finding, Location, Severity
from mkdocs_design.parse import ParseRules, parse_page
from mkdocs_design.placeholders import PlaceholderRules, default_template
from mkdocs_design.render import Fragments
from mkdocs_design.statuses import DEFAULT_STATUSES, StatusTable, slug
from mkdocs_design.views import Settings, Site

if TYPE_CHECKING:
    from collections.abc import Callable, MutableMapping

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from mkdocs_design.config import DesignConfig

ASSET_DIR = "assets/mkdocs_design"
ASSETS = ("design.css", "catalog.js")
_LEVELS = {"info": logging.INFO, "warn": logging.WARNING, "error": logging.ERROR}


@dataclass(frozen=True)
class Rules:
    """Everything settled from configuration once per build."""

    parse: ParseRules
    policy: Policy
    options: DesignConfig
    colors: dict[str, str]
    include: GitIgnoreSpec | None
    exclude: GitIgnoreSpec | None
    fingerprint: tuple[Any, ...]


def build_rules(options: DesignConfig, config: MkDocsConfig, *, serving: bool) -> Rules:
    """Settle this build's rules from the plugin options and the site configuration.

    Raises:
        ValueError: With a message naming the option, when an option's value is unusable.
    """
    statuses, colors = _statuses(options)
    toc = config.mdx_configs.get("toc", {})
    extensions = {str(e).rsplit(".", 1)[-1] for e in config.markdown_extensions}
    placeholders = _placeholder_rules(options)
    error_from = options.placeholders_error_from
    if error_from is not None and statuses.resolve(error_from) is None:
        raise ValueError(f"option 'placeholders_error_from': unknown status {error_from!r}")
    parse = ParseRules(
        statuses=statuses,
        slugify=toc.get("slugify", toc_slugify),
        separator=toc.get("separator", "-"),
        attr_list="attr_list" in extensions,
        detect=options.detect,
        placeholders=placeholders if options.placeholders != "ignore" else None,
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
    fingerprint = (
        statuses,
        parse.separator,
        parse.attr_list,
        parse.detect,
        parse.placeholders,
        _key(parse.slugify),
    )
    specs = [GitIgnoreSpec.from_lines(p) if p else None for p in (options.include, options.exclude)]
    return Rules(parse, policy, options, colors, specs[0], specs[1], fingerprint)


def _statuses(options: DesignConfig) -> tuple[StatusTable, dict[str, str]]:
    table = {name: list(aliases) for name, aliases in DEFAULT_STATUSES}
    colors: dict[str, str] = {}
    for status in options.statuses:
        table.setdefault(status.name, []).extend(status.aliases)
        if status.color:
            colors[status.name] = status.color
    try:
        return StatusTable.build(table.items(), options.status_aliases), colors
    except ValueError as error:
        raise ValueError(f"option 'status_aliases': {error}") from None


def _placeholder_rules(options: DesignConfig) -> PlaceholderRules:
    try:
        return PlaceholderRules.from_template(
            default_template(),
            extra_patterns=options.placeholders_patterns,
            ignore=options.placeholders_ignore,
        )
    except Exception as error:  # re.error from a user pattern
        raise ValueError(
            f"option 'placeholders_patterns': invalid regular expression ({error})"
        ) from None


def _key(function: Callable[..., Any]) -> tuple[Any, ...]:
    """An identity for a slugify callable that survives re-loading mkdocs.yml."""
    inner = getattr(function, "func", function)
    keywords = getattr(function, "keywords", {}) or {}
    return (
        getattr(inner, "__module__", ""),
        getattr(inner, "__qualname__", repr(inner)),
        tuple(sorted(keywords.items())),
    )


@dataclass
class Registry:
    """All design pages of one build, and what the build found on them."""

    rules: Rules
    catalog: Catalog
    line_counts: dict[str, int] = field(default_factory=dict)
    #: Each scanned page's source file (``None`` for pages without one), by ``src_uri``.
    sources: dict[str, str | None] = field(default_factory=dict)
    root: str = ""
    extra: list[Finding] = field(default_factory=list)
    scanned: int = 0
    fragments: dict[str, Fragments] = field(default_factory=dict)
    insights: Insights = field(init=False)
    site: Site = field(init=False)

    @classmethod
    def collect(
        cls,
        files: Files,
        config: MkDocsConfig,
        rules: Rules,
        cache: dict[str, Any],
        *,
        serving: bool,
    ) -> Registry:
        """Parse the source of every included page (drafts too when serving)."""
        if cache.get("fingerprint") != rules.fingerprint:
            cache.clear()
            cache["fingerprint"] = rules.fingerprint
        registry = cls(rules, Catalog.from_docs((), rules.parse.statuses))
        registry.root = os.path.dirname(config.config_file_path or "") or os.getcwd()
        docs: list[DesignDoc] = []
        for file in files.documentation_pages():
            if not (file.inclusion.is_in_serve() if serving else file.inclusion.is_included()):
                continue
            source = _source(file)
            if source is None:
                continue
            registry.scanned += 1
            registry.sources[file.src_uri] = file.abs_src_path
            registry.line_counts[file.src_uri] = source.count("\n")
            if "<!-- design/" in source:
                registry.extra += find_markers(source.split("\n"), file.src_uri)[1]
            # A build parses each page once; only serve rebuilds gain from the cache.
            if registry._selected(file.src_uri) and (
                doc := registry._parse(file.src_uri, source, cache if serving else None)
            ):
                docs.append(doc)
        for gone in set(cache) - set(registry.sources) - {"fingerprint"}:
            del cache[gone]  # pages deleted or renamed since the last serve rebuild
        registry.catalog = Catalog.from_docs(docs, rules.parse.statuses)
        registry.derive(config, files)
        return registry

    def _selected(self, src_uri: str) -> bool:
        include, exclude = self.rules.include, self.rules.exclude
        return (include is None or include.match_file(src_uri)) and not (
            exclude and exclude.match_file(src_uri)
        )

    def _parse(self, src_uri: str, source: str, cache: dict[str, Any] | None) -> DesignDoc | None:
        """Parse a page, or reuse its parse from an earlier ``serve`` rebuild (``cache``)."""
        digest = b""
        if cache is not None:
            digest = hashlib.blake2b(
                source.encode("utf-8", "surrogatepass"), digest_size=16
            ).digest()
            hit = cache.get(src_uri)
            if hit is not None and hit[0] == digest:
                return hit[1]  # type: ignore[no-any-return]
        try:
            doc = parse_page(src_uri, source, self.rules.parse)
        except Exception as error:  # never a traceback for one odd page; the build goes on
            message = (
                f"could not be read as a design page ({type(error).__name__}: {error}); skipped"
            )
            self.extra.append(
                Finding("parse-error", Severity.WARNING, Location(src_uri, 1), message)
            )
            return None
        if cache is not None:
            cache[src_uri] = (digest, doc)
        return doc

    def findings(self) -> list[Finding]:
        """Every finding of the build, in file and line order."""
        found = [f for doc in self.catalog.docs for f in doc_findings(doc)]
        broken = [
            Finding("broken-link", Severity.WARNING, Location(src, 1),
                    f"a catalog link to '{dst}#{anchor}' has no target (a mkdocs-design bug: "
                    "please report it)")
            for src, dst, anchor in self.site.broken_links()
        ]  # fmt: skip
        return sort_findings([*found, *self.insights.findings, *self.extra, *broken])

    def levelled(self) -> list[tuple[Finding, str]]:
        """Every finding with the level the configuration gives it, ``ignore`` left out."""
        policy, docs = self.rules.policy, self.catalog.by_uri
        pairs = [(f, policy.level_for(f, docs.get(f.location.path))) for f in self.findings()]
        return [(f, level) for f, level in pairs if level != "ignore"]

    def report(self, log: logging.Logger | logging.LoggerAdapter[Any]) -> list[str]:
        """Log each finding at its configured level; return the ones that fail the build."""
        errors: list[str] = []
        for finding, level in self.levelled():
            line = f"{self.where(finding.location)}: {finding.message}"
            if level == "error":
                errors.append(line)
            else:
                log.log(_LEVELS[level], line)
        return errors

    def where_path(self, src_uri: str) -> str:
        """The path users see for a page: relative to the folder of ``mkdocs.yml``."""
        path = self.sources.get(src_uri)
        return os.path.relpath(path, self.root).replace(os.sep, "/") if path else src_uri

    def where(self, at: Location) -> str:
        """``path:line:column`` as printed in messages."""
        return f"{self.where_path(at.path)}:{at.line}:{at.column}"

    def derive(self, config: MkDocsConfig, files: Files) -> None:
        """Derive graph, staleness and supersession once, after the catalog is complete."""
        options, table = self.rules.options, self.rules.parse.statuses
        history = last_changes(config.docs_dir) if options.stale_after_days > 0 else {}
        statuses = [table.resolve(s) or s for s in options.stale_statuses]
        self.insights = Insights.derive(
            self.catalog, last_changed=history, today=today(),
            stale_after_days=options.stale_after_days, stale_statuses=statuses,
        )  # fmt: skip
        settings = _settings(options, self.rules.colors)
        urls = {f.src_uri: f.url for f in files.documentation_pages()}
        for path in settings.paths.values():  # where the generated pages will be served
            urls[path] = File(path, config.docs_dir, config.site_dir, config.use_directory_urls).url
        self.site = Site(self.catalog, self.insights, replace(settings, urls=urls))

    def add_generated(self, files: Files, config: MkDocsConfig) -> list[str]:
        """Add the catalog pages, ``catalog.json`` and the assets; return path conflicts."""
        options, site = self.rules.options, self.site
        inclusion = InclusionLevel.NOT_IN_NAV if config.nav else InclusionLevel.UNDEFINED
        problems = self.conflicts(files)
        for view, title in _views(options):
            path = site.settings.paths[view]
            if files.get_file_from_path(path) is None:
                kept = self.fragments.setdefault(path, Fragments("g"))
                content = site.generated_page(view, path, title, kept)
                files.append(File.generated(config, path, content=content, inclusion=inclusion))
        if options.json and files.get_file_from_path(options.json_path) is None:
            urls = site.settings.urls  # every page's URL, as derive() collected them
            content = render_json(self.catalog, lambda uri: urls.get(uri, uri), self.insights)
            files.append(File.generated(config, options.json_path, content=content))
        for asset in ASSETS:
            if files.get_file_from_path(f"{ASSET_DIR}/{asset}") is None:
                text = (
                    resources.files("mkdocs_design").joinpath(f"assets/{asset}").read_text("utf-8")
                )
                files.append(File.generated(config, f"{ASSET_DIR}/{asset}", content=text))
        return problems

    def conflicts(self, files: Files) -> list[str]:
        """Messages for each user file sitting where a catalog page would be generated."""
        options = self.rules.options
        wanted = [(view, self.site.settings.paths[view]) for view, _ in _views(options)]
        wanted += [("json", options.json_path)] if options.json else []
        return [
            _conflict(existing, path, view)
            for view, path in wanted
            if (existing := files.get_file_from_path(path))
        ]

    def set_nav_status(self, page: Page) -> None:
        """Give a design page's metadata its status, for Material's nav indicator."""
        doc = self.catalog.by_uri.get(page.file.src_uri)
        if doc is not None and doc.canonical_status:
            page.meta.setdefault("status", slug(doc.canonical_status))

    def decorate(self, src_uri: str, markdown: str, meta: MutableMapping[str, Any]) -> str | None:
        """A page's Markdown with everything the plugin adds (see :mod:`views`)."""
        doc = self.catalog.by_uri.get(src_uri)
        if doc is not None and self.rules.options.nav_status and doc.canonical_status:
            meta.setdefault("status", slug(doc.canonical_status))
        offset = self.line_counts.get(src_uri, 0) - markdown.count("\n")
        kept = self.fragments.setdefault(src_uri, Fragments("m"))
        return self.site.decorate(src_uri, markdown, offset=offset, fragments=kept)

    def fill(self, src_uri: str, html: str) -> str | None:
        """Put the HTML blocks kept for a page into its converted HTML (then forget them)."""
        kept = self.fragments.pop(src_uri, None)
        return kept.fill(html) if kept is not None and kept.blocks else None


def _views(options: DesignConfig) -> list[tuple[str, str]]:
    pages = (
        ("overview", options.overview, options.overview_title),
        ("components", options.components, options.components_title),
        ("questions", options.questions, options.questions_title),
        ("graph", options.graph, options.graph_title),
    )
    return [(view, title) for view, enabled, title in pages if enabled]


def _settings(options: DesignConfig, colors: dict[str, str]) -> Settings:
    paths = {
        "overview": options.overview_path, "components": options.components_path,
        "questions": options.questions_path, "graph": options.graph_path,
    }  # fmt: skip
    enabled = {view for view, _ in _views(options)}
    return Settings(
        badge=options.badge, mark_placeholders=options.placeholders_mark, banners=options.banners,
        banner_draft=options.banner_draft, neighbourhood=options.neighbourhood, colors=colors,
        paths={view: path for view, path in paths.items() if view in enabled},
        script=f"{ASSET_DIR}/catalog.js" if options.filters else None,
        relative_url=get_relative_url,
    )  # fmt: skip


def today() -> dt.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds and tests."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def _conflict(existing: File, path: str, view: str) -> str:
    return (
        f"cannot generate the {view} page at '{path}': your page '{existing.src_uri}' is "
        f"already there and is never overwritten. Move it, or set '{view}_path' "
        f"(or '{view}: false') in mkdocs.yml."
    )


def _source(file: File) -> str | None:
    try:
        return file.content_string
    except (OSError, UnicodeDecodeError):
        return None  # MkDocs reports the unreadable page itself when it reads it
