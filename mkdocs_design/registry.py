"""The per-build registry: MkDocs files in, design catalog and generated pages out.

This is the plugin's MkDocs-facing glue (with :mod:`plugin` and :mod:`config`, the only modules
that import MkDocs): it reads page sources from ``Files``, calls the pure parser (cached by
content across ``serve`` rebuilds), and wraps rendered views as ``File.generated`` pages.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from markdown.extensions.toc import slugify as toc_slugify
from mkdocs.structure.files import File, InclusionLevel
from pathspec import PathSpec

from mkdocs_design import render
from mkdocs_design.catalog import Catalog
from mkdocs_design.checks import Policy, doc_findings, sort_findings
from mkdocs_design.markers import (
    Marker,
    find_markers,
    replace_markers,
    select_components,
    select_docs,
)
from mkdocs_design.model import DesignDoc, Finding, Location, Severity
from mkdocs_design.parse import ParseRules, parse_page
from mkdocs_design.placeholders import PlaceholderRules, default_template, mark_placeholders
from mkdocs_design.statuses import DEFAULT_STATUSES, StatusTable, slug

if TYPE_CHECKING:
    from collections.abc import Callable, MutableMapping

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from mkdocs_design.config import DesignConfig

_LEVELS = {"info": logging.INFO, "warn": logging.WARNING, "error": logging.ERROR}


@dataclass(frozen=True)
class Rules:
    """Everything settled from configuration once per build."""

    parse: ParseRules
    policy: Policy
    options: DesignConfig
    colors: dict[str, str]
    include: PathSpec[Any] | None
    exclude: PathSpec[Any] | None
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
    )
    fingerprint = (
        statuses,
        parse.separator,
        parse.attr_list,
        parse.detect,
        parse.placeholders,
        _key(parse.slugify),
    )
    specs = [
        PathSpec.from_lines("gitwildmatch", p) if p else None
        for p in (options.include, options.exclude)
    ]
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
    display: dict[str, str] = field(default_factory=dict)
    extra: list[Finding] = field(default_factory=list)
    scanned: int = 0

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
        root = os.path.dirname(config.config_file_path or "") or os.getcwd()
        docs: list[DesignDoc] = []
        for file in files.documentation_pages():
            if not (file.inclusion.is_in_serve() if serving else file.inclusion.is_included()):
                continue
            source = _source(file)
            if source is None:
                continue
            registry.scanned += 1
            display = (
                os.path.relpath(file.abs_src_path, root).replace(os.sep, "/")
                if file.abs_src_path
                else file.src_uri
            )
            registry.display[file.src_uri] = display
            registry.line_counts[file.src_uri] = source.count("\n")
            if "<!-- design/" in source:
                registry.extra += find_markers(source.split("\n"), file.src_uri)[1]
            if registry._selected(file.src_uri) and (
                doc := registry._parse(file.src_uri, source, cache)
            ):
                docs.append(doc)
        registry.catalog = Catalog.from_docs(docs, rules.parse.statuses)
        return registry

    def _selected(self, src_uri: str) -> bool:
        include, exclude = self.rules.include, self.rules.exclude
        return (include is None or include.match_file(src_uri)) and not (
            exclude and exclude.match_file(src_uri)
        )

    def _parse(self, src_uri: str, source: str, cache: dict[str, Any]) -> DesignDoc | None:
        digest = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).digest()
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
        cache[src_uri] = (digest, doc)
        return doc

    def findings(self) -> list[Finding]:
        """Every finding of the build, in file and line order."""
        found = [f for doc in self.catalog.docs for f in doc_findings(doc)]
        return sort_findings([*found, *self.extra])

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
        return self.display.get(src_uri, src_uri)

    def where(self, at: Location) -> str:
        """``path:line:column`` as printed in messages."""
        return f"{self.where_path(at.path)}:{at.line}:{at.column}"

    def add_generated(self, files: Files, config: MkDocsConfig, *, css: str) -> list[str]:
        """Add the catalog pages, ``catalog.json`` and the stylesheet; return path conflicts."""
        options = self.rules.options
        inclusion = InclusionLevel.NOT_IN_NAV if config.nav else InclusionLevel.UNDEFINED
        problems: list[str] = []
        pages = (
            ("overview", options.overview, options.overview_path, options.overview_title),
            ("components", options.components, options.components_path, options.components_title),
            ("questions", options.questions, options.questions_path, options.questions_title),
        )
        for view, enabled, path, title in pages:
            if enabled and not _conflict(files, path, view, problems):
                content = self.render_view(Marker(view, {}, 0), path, title=title)
                files.append(File.generated(config, path, content=content, inclusion=inclusion))
        if options.json and not _conflict(files, options.json_path, "json", problems):
            urls = {f.src_uri: f.url for f in files.documentation_pages()}
            content = render.render_json(self.catalog, lambda uri: urls.get(uri, uri))
            files.append(File.generated(config, options.json_path, content=content))
        stylesheet = (
            resources.files("mkdocs_design").joinpath("assets/design.css").read_text("utf-8")
        )
        if files.get_file_from_path(css) is None:
            files.append(File.generated(config, css, content=stylesheet))
        return problems

    def render_view(self, marker: Marker, from_uri: str, *, title: str | None = None) -> str:
        """Render one view (for a generated page, or in place of a marker)."""
        docs = select_docs(self.catalog, marker.filters)
        colors = self.rules.colors
        if marker.view == "components":
            entries = select_components(self.catalog, docs)
            index = self.rules.options.components_path if self.rules.options.components else None
            return render.render_components(
                self.catalog, entries, from_uri, title=title, index_uri=index
            )
        if marker.view == "questions":
            return render.render_questions(self.catalog, docs, from_uri, title=title, colors=colors)
        return render.render_overview(self.catalog, docs, from_uri, title=title, colors=colors)

    def set_nav_status(self, page: Page) -> None:
        """Give a design page's metadata its status, for Material's nav indicator."""
        doc = self.catalog.by_uri.get(page.file.src_uri)
        if doc is not None and doc.canonical_status:
            page.meta.setdefault("status", slug(doc.canonical_status))


def _conflict(files: Files, path: str, view: str, problems: list[str]) -> bool:
    existing = files.get_file_from_path(path)
    if existing is None:
        return False
    option = "json" if view == "json" else view
    problems.append(
        f"cannot generate the {view} page at '{path}': your page '{existing.src_uri}' is "
        f"already there and is never overwritten. Move it, or set '{option}_path' "
        f"(or '{option}: false') in mkdocs.yml."
    )
    return True


def _source(file: File) -> str | None:
    try:
        return file.content_string
    except (OSError, UnicodeDecodeError):
        return None  # MkDocs reports the unreadable page itself when it reads it


def decorate(registry: Registry, src_uri: str, markdown: str, meta: MutableMapping[str, Any]) -> str | None:
    """A page's Markdown with badge, question anchors, placeholder marks and marker views."""
    doc = registry.catalog.by_uri.get(src_uri)
    if doc is None and "<!-- design/" not in markdown:
        return None
    lines = markdown.split("\n")
    if doc is not None:
        if registry.rules.options.nav_status and doc.canonical_status:
            meta.setdefault("status", slug(doc.canonical_status))
        offset = registry.line_counts.get(src_uri, 0) - markdown.count("\n")
        lines = _decorate_design(registry, doc, lines, offset)
    markers, _ = find_markers(lines, src_uri)
    return replace_markers(lines, markers, lambda m: registry.render_view(m, src_uri))


def _decorate_design(
    registry: Registry, doc: DesignDoc, lines: list[str], offset: int
) -> list[str]:
    options = registry.rules.options
    if options.placeholders_mark and doc.placeholders:
        lines = mark_placeholders(lines, doc.placeholders, first_line=offset + 1)
    for q in doc.questions:
        index = q.line - offset - 1
        if 0 <= index < len(lines):
            lines[index] = render.anchor_item(lines[index], q.anchor)
    if options.badge:
        at = doc.title_line - offset if doc.title_line else 0
        block = f'<p class="design-status">{render.badge(doc.status, registry.rules.colors)}</p>'
        lines[at:at] = ["", block, ""]
    return lines
