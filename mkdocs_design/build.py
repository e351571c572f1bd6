"""One build: MkDocs' files in; the catalog, the generated pages and the page edits out.

With :mod:`plugin`, :mod:`config` and :mod:`rules`, the MkDocs-facing side of the plugin: it
reads page sources from ``Files``, hands them to the pure reader (through the ``serve`` parse
cache), assembles the catalog once, and wraps the rendered views as ``File.generated`` pages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from mkdocs_design.catalog.catalog import Catalog
from mkdocs_design.catalog.history import last_changes
from mkdocs_design.catalog.lifecycle import Insights
from mkdocs_design.model import DesignDoc, Finding, Location, Severity
from mkdocs_design.output.markers import find_markers
from mkdocs_design.output.markup import status_class
from mkdocs_design.output.site import Links, Site
from mkdocs_design.output.views import Fragments
from mkdocs_design.reading.parse import parse_page

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from mkdocs_design.languages import Language
    from mkdocs_design.reading.parse import ParseRules
    from mkdocs_design.rules import Rules


class Page(NamedTuple):
    """A page the build read.

    Attributes:
        path: Its source file (``None`` for a page another plugin generated in memory).
        lines: Its number of lines, front matter included.
        marked: Whether it holds a marker view (``<!-- design/overview -->``).
        body: A digest of its Markdown as MkDocs hands it on (front matter removed).
    """

    path: str | None
    lines: int
    marked: bool = False
    body: bytes = b""


@dataclass
class ParseCache:
    """Parses kept by real file, for the content and rules they came from.

    A plain build parses each page once and needs none. Under ``serve`` every rebuild reads
    every page again, and unchanged pages are then not parsed again; on a multilingual site
    a page one language falls back to is read by several language passes, and parsed once.
    """

    rules: tuple[Any, ...] = ()
    entries: dict[str, tuple[bytes, DesignDoc | None]] = field(default_factory=dict)

    def parse(
        self, src_uri: str, source: str, rules: ParseRules, path: str | None = None
    ) -> DesignDoc | None:
        """:func:`~mkdocs_design.reading.parse.parse_page`, or its result from before.

        Args:
            src_uri: The page.
            source: Its text.
            rules: What pages are read by.
            path: Its real file, the key (``src_uri`` for a page with none).
        """
        if rules.identity() != self.rules:
            self.rules, self.entries = rules.identity(), {}
        digest = _digest(f"{src_uri}\0{source}")  # the model names its page: both count
        key = path or src_uri
        hit = self.entries.get(key)
        if hit is not None and hit[0] == digest:
            return hit[1]
        doc = parse_page(src_uri, source, rules)
        self.entries[key] = (digest, doc)
        return doc

    def keep_only(self, paths: Collection[str]) -> None:
        """Forget the pages deleted or renamed since the last rebuild."""
        for gone in self.entries.keys() - set(paths):
            del self.entries[gone]


@dataclass(frozen=True)
class Build:
    """All design pages of one build, what was derived from them, and what the pages show.

    Attributes:
        rules: This build's rules.
        catalog: Every design of the site.
        insights: Graph, staleness and supersession, derived once.
        site: What views and page edits need.
        pages: Every page read, by ``src_uri``.
        problems: Pages that could not be read (as designs), and bad markers.
        root: The folder holding ``mkdocs.yml``, which messages name paths from.
        notes: Warnings about the build itself, not about a page (``SOURCE_DATE_EPOCH``).
        fragments: HTML blocks kept for each page until its HTML is written.
        lost: Blocks that found no place in their page's HTML, as findings.
        language: The language of this build's pass on a multilingual site, else ``None``.
        locales: The language each page is written in, on a multilingual site.
    """

    rules: Rules
    catalog: Catalog
    insights: Insights
    site: Site
    pages: Mapping[str, Page]
    problems: tuple[Finding, ...]
    root: str
    notes: tuple[str, ...] = ()
    fragments: dict[str, Fragments] = field(default_factory=dict)
    lost: list[Finding] = field(default_factory=list)
    language: Language | None = None
    locales: Mapping[str, str] = field(default_factory=dict)

    @property
    def prefix(self) -> str:
        """Where this build's pages go in the site: ``fr/`` for a translation's pass."""
        return self.language.prefix if self.language is not None else ""

    def cache_keys(self) -> set[str]:
        """What :class:`ParseCache` keys this build's pages by."""
        return _cache_keys(self.pages)

    @classmethod
    def collect(
        cls,
        files: Files,
        config: MkDocsConfig,
        rules: Rules,
        cache: ParseCache | None = None,
        *,
        serving: bool = False,
        language: Language | None = None,
    ) -> Build:
        """Read every included page (drafts too when serving) and assemble the catalog.

        With ``language`` (a multilingual site's pass), the catalog's own pages go under that
        language's folder, and the cache keeps the pages of other languages: the pass sees
        its own language's only (the plugin prunes it after the last language).
        """
        pages: dict[str, Page] = {}
        docs: list[DesignDoc] = []
        problems: list[Finding] = []
        # Drafts too when serving, as MkDocs renders them then.
        included = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
        for file in files.documentation_pages(inclusion=included):
            source = _source(file, problems)
            if source is None:
                continue
            marked = "<!-- design/" in source
            if marked:
                problems += find_markers(source.split("\n"), file.src_uri)[1]
            doc = _parse(file, source, rules, cache, problems)
            # What MkDocs will hand on_page_markdown, to tell whether another plugin changed it.
            body = _digest(get_data(source)[0]) if doc else b""
            pages[file.src_uri] = Page(file.abs_src_path, source.count("\n"), marked, body)
            docs += [doc] if doc else []
        if cache is not None and language is None:
            cache.keep_only(_cache_keys(pages))
        catalog = Catalog.from_docs(docs, rules.statuses)
        day, notes = today()
        insights = Insights.derive(
            catalog,
            last_changed=last_changes(config.docs_dir) if rules.stale_after_days > 0 else {},
            today=day,
            stale_after_days=rules.stale_after_days,
            stale_statuses=rules.stale_statuses,
        )
        urls = {f.src_uri: f.url for f in files.documentation_pages()}
        prefix = language.prefix if language is not None else ""
        for path in rules.pages.paths.values():  # where the generated pages will be served
            urls[path] = placed(path, config, prefix).url
        site = Site(catalog, insights, rules.pages, Links(urls, get_relative_url))
        root = os.path.dirname(config.config_file_path or "") or os.getcwd()
        notes_ = (notes,) if notes else ()
        locales = language.locales(files) if language is not None else {}
        return cls(rules, catalog, insights, site, pages, tuple(problems), root, notes_,
                   language=language, locales=locales)  # fmt: skip

    def depending(self, files: Files) -> None:
        """Have MkDocs rebuild, even under ``--dirty``, every page the catalog shows on.

        A design page's badge, banner and "supersedes" line, and a marker view, change when
        another page does; MkDocs' ``--dirty`` asks ``File.is_modified()`` (mkdocs/commands/
        build.py) and would keep them stale. Nothing on disk is touched.
        """
        for file in files.documentation_pages():
            page = self.pages.get(file.src_uri)
            if page is not None and (page.marked or file.src_uri in self.catalog.by_uri):
                file.is_modified = _modified  # type: ignore[method-assign]

    def set_nav_statuses(self, files: Files) -> None:
        """Give design pages a ``status`` in their metadata, for Material's nav indicator.

        Once every page is read (front matter and ``.meta.yml`` win), before any is rendered:
        under ``--dirty`` this also reaches the pages that skip the page events.
        """
        if not self.rules.pages.nav_status:
            return
        for file in files.documentation_pages():
            doc = self.catalog.by_uri.get(file.src_uri)
            if doc is not None and doc.canonical_status and file.page is not None:
                file.page.meta.setdefault("status", status_class(doc.canonical_status))

    def decorate(self, src_uri: str, markdown: str) -> str | None:
        """A page's Markdown with everything the plugin adds (see :class:`Site`).

        Edits go where the catalog read them from the source. When another plugin changed the
        Markdown first (an include, a macro), the page is read again from what MkDocs hands
        on, so each edit still lands on its own line.
        """
        page, doc = self.pages.get(src_uri), self.catalog.by_uri.get(src_uri)
        kept = self.fragments.setdefault(src_uri, Fragments("m"))
        if page is None or doc is None or page.body == _digest(markdown):
            offset = page.lines - markdown.count("\n") if page is not None else 0
            return self.site.decorate(src_uri, markdown, offset=offset, fragments=kept)
        again = _parse(src_uri, markdown, self.rules, None, [])
        again = again or replace(doc, title_line=0, questions=(), placeholders=())
        return self.site.decorate(src_uri, markdown, offset=0, fragments=kept, doc=again)

    def fill(self, src_uri: str, html: str) -> str | None:
        """Put the HTML blocks kept for a page into its converted HTML (then forget them).

        A block that finds no place (another plugin removed its placeholder) is an error,
        reported with the build's findings: a catalog table is never lost silently.
        """
        kept = self.fragments.pop(src_uri, None)
        if kept is None or not kept.blocks:
            return None
        filled, lost = kept.fill(html)
        if lost:
            message = (
                f"{lost} catalog block(s) found no place on this page: another plugin removed "
                "or rewrote <div data-design-fragment> before mkdocs-design filled it"
            )
            self.lost.append(Finding("lost-view", Severity.ERROR, Location(src_uri, 1), message))
        return filled


def _parse(
    page: File | str,
    source: str,
    rules: Rules,
    cache: ParseCache | None,
    problems: list[Finding],
) -> DesignDoc | None:
    """Parse one page; a page the reader cannot handle is a finding, never a traceback."""
    src_uri = page if isinstance(page, str) else page.src_uri
    if not rules.selects(src_uri):
        return None
    try:
        if cache is not None:
            path = None if isinstance(page, str) else page.abs_src_path
            return cache.parse(src_uri, source, rules.reading, path)
        return parse_page(src_uri, source, rules.reading)
    except Exception as error:  # one odd page must not stop the build
        message = f"could not be read as a design page ({type(error).__name__}: {error}); skipped"
        problems.append(Finding("parse-error", Severity.WARNING, Location(src_uri, 1), message))
        return None


def placed(path: str, config: MkDocsConfig, prefix: str = "") -> File:
    """A generated file's place in the site, under a language's folder (``prefix``) if any."""
    file = File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
    if prefix:
        file.dest_uri = prefix + file.dest_uri  # before url and abs_dest_path are derived
    return file


def today() -> tuple[dt.date, str | None]:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` for reproducible builds; why it was ignored."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.date.today(), None
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date(), None
    except (ValueError, OverflowError, OSError):
        problem = f"SOURCE_DATE_EPOCH={epoch[:40]!r} is not a time in seconds; today is used"
        return dt.date.today(), problem


def _cache_keys(pages: Mapping[str, Page]) -> set[str]:
    return {page.path or src for src, page in pages.items()}


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _modified() -> bool:
    return True


def _source(file: File, problems: list[Finding]) -> str | None:
    """A page's text as MkDocs reads it; ``None``, and an error, when it cannot be read."""
    try:
        return file.content_string
    except (OSError, UnicodeDecodeError) as error:
        reason = "is not valid UTF-8" if isinstance(error, UnicodeDecodeError) else "cannot be read"
        message = f"{reason} ({error}); MkDocs stops the build on it"
        problems.append(Finding("unreadable", Severity.ERROR, Location(file.src_uri, 1), message))
        return None
