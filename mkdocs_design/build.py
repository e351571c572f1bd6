"""One build: MkDocs' files in; the catalog, the generated pages and the page edits out.

With :mod:`plugin`, :mod:`config` and :mod:`rules`, the MkDocs-facing side of the plugin: it
reads page sources from ``Files``, hands them to the pure reader (through the ``serve`` parse
cache), assembles the catalog once, and wraps the rendered views as ``File.generated`` pages.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from mkdocs_design.cache import ParseCache, digest
from mkdocs_design.catalog.catalog import Catalog
from mkdocs_design.catalog.history import last_changes, today
from mkdocs_design.catalog.lifecycle import Insights
from mkdocs_design.model import DesignDoc, Finding, Location, Severity
from mkdocs_design.output.links import Links
from mkdocs_design.output.markers import Known, find_markers, holds_markers
from mkdocs_design.output.site import Site
from mkdocs_design.output.views import Fragments
from mkdocs_design.rewrites import convert, marker_findings, read_again, rewriters
from mkdocs_design.snippets import MARK, expander, snipped_markers
from mkdocs_design.sources import (
    Page,
    cache_keys,
    page_source,
    page_urls,
    parse_file,
    placed,
    written,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from mkdocs_design.languages import Language
    from mkdocs_design.rules import Rules


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
        history: When each page last changed, and today, which staleness is judged by.
        expand: What ``pymdownx.snippets`` makes of a page's Markdown, on a site using it.
        rewritten: Whether snippets or another plugin (``on_page_markdown``) may change what
            pages say: the catalog may then be revised while pages are converted.
        revised: Designs read again since the catalog was assembled, waiting for
            :meth:`revise` (``None``: no longer a design).
        revision: How many times the catalog was assembled again, 0 for the first.
        drawn: The revision each page showing the catalog was drawn at, and its Markdown.
        read: Each page read again, with the Markdown it was read from and what its edits go by.
        known: What markers' filter values are checked against.
        remarked: The marker findings of pages another plugin changed, read as rendered: they
            stand for those :attr:`problems` found in the source.
    """

    rules: Rules
    catalog: Catalog
    insights: Insights
    site: Site
    pages: dict[str, Page]
    problems: tuple[Finding, ...]
    root: str
    notes: tuple[str, ...] = ()
    fragments: dict[str, Fragments] = field(default_factory=dict)
    lost: list[Finding] = field(default_factory=list)
    language: Language | None = None
    locales: Mapping[str, str] = field(default_factory=dict)
    history: tuple[Mapping[str, dt.date], dt.date] = ({}, dt.date.min)
    expand: Callable[[str], str] | None = None
    revised: dict[str, DesignDoc | None] = field(default_factory=dict)
    revision: int = 0
    rewritten: bool = False
    drawn: dict[str, tuple[int, str]] = field(default_factory=dict)
    read: dict[str, tuple[str, DesignDoc | None]] = field(default_factory=dict)
    known: Known | None = None
    remarked: dict[str, tuple[Finding, ...]] = field(default_factory=dict)

    @property
    def prefix(self) -> str:
        """Where this build's pages go in the site: ``fr/`` for a translation's pass."""
        return self.language.prefix if self.language is not None else ""

    def cache_keys(self) -> set[str]:
        """What :class:`ParseCache` keys this build's pages by."""
        return cache_keys(self.pages)

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
        # What markers' filters are checked against: the site's statuses and folders.
        uris = [file.src_uri for file in files.documentation_pages(inclusion=included)]
        known = Known.of(rules.statuses, uris)
        expand = expander(config)
        for file in files.documentation_pages(inclusion=included):
            source = page_source(file, problems)
            if source is None:
                continue
            marked = holds_markers(source)
            if marked:
                problems += find_markers(source.split("\n"), file.src_uri, known=known,
                                         opens=rules.pages.containers)[1]  # fmt: skip
            if expand is not None and MARK in source:
                problems += snipped_markers(expand, source, file.src_uri)
            doc = parse_file(file, source, rules, cache, problems)
            # What MkDocs will hand on_page_markdown, to tell whether another plugin changed it.
            body = get_data(source)[0]
            head = source[: len(source) - len(body)]
            pages[file.src_uri] = Page(file.abs_src_path, source.count("\n"), marked,
                                       digest(body.rstrip()), head)  # fmt: skip
            docs += [doc] if doc else []
        if cache is not None and language is None:
            cache.keep_only(cache_keys(pages))
        day, notes = today()
        history = (last_changes(config.docs_dir) if rules.stale_after_days > 0 else {}, day)
        catalog, insights = _assemble(docs, rules, history)
        urls = dict(page_urls(files))
        prefix = language.prefix if language is not None else ""
        for path in rules.pages.paths.values():  # where the generated pages will be served
            urls[path] = placed(path, config, prefix).url
        site = Site(catalog, insights, rules.pages, Links(urls, get_relative_url))
        root = os.path.dirname(config.config_file_path or "") or os.getcwd()
        notes_: tuple[str, ...] = (notes,) if notes else ()
        notes_ += rules.pattern_notes(pages)
        locales = language.locales(files) if language is not None else {}
        return cls(rules, catalog, insights, site, pages, tuple(problems), root, notes_,
                   language=language, locales=locales, history=history,
                   expand=expand, rewritten=expand is not None or rewriters(config),
                   known=known)  # fmt: skip

    def revise(self) -> Build:
        """This build with the designs read again since (:attr:`revised`) in its catalog.

        The views are then drawn from what readers see; ``self`` when nothing was read again.
        """
        if not self.revised:
            return self
        docs: dict[str, DesignDoc | None] = {doc.src_uri: doc for doc in self.catalog.docs}
        for src_uri, doc in self.revised.items():
            docs[src_uri] = doc
        ordered = [doc for src in self.pages if (doc := docs.get(src)) is not None]
        catalog, insights = _assemble(ordered, self.rules, self.history)
        site = replace(self.site, catalog=catalog, insights=insights)
        return replace(self, catalog=catalog, insights=insights, site=site, revised={},
                       revision=self.revision + 1)  # fmt: skip

    def depending(self, files: Files) -> None:
        """Have MkDocs rebuild, even under ``--dirty``, every page the catalog shows on.

        A design page's badge, banner and "supersedes" line, and a marker view, change when
        another page does; MkDocs' ``--dirty`` asks ``File.is_modified()`` (mkdocs/commands/
        build.py) and would keep them stale. Where another plugin or snippets may change what
        pages say, any page may be or show a design once converted: all are rebuilt. Nothing
        on disk is touched.
        """
        for file in files.documentation_pages():
            page = self.pages.get(file.src_uri)
            shown = page is not None and (page.marked or file.src_uri in self.catalog.by_uri)
            if shown or (page is not None and self.rewritten):
                file.is_modified = _modified  # type: ignore[method-assign]

    def decorate(self, src_uri: str, markdown: str) -> str | None:
        """A page's Markdown with everything the plugin adds (see :class:`Site`).

        Edits go where the catalog read them from the source. When another plugin changed the
        Markdown first (an include, a macro), or snippets will add to it, the page is read
        again from what readers will see: the catalog takes that (:meth:`revise`), and each
        edit still lands on its own line.
        """
        page = self.pages.get(src_uri)
        doc = self.revised[src_uri] if src_uri in self.revised else self.catalog.by_uri.get(src_uri)
        if self.revision and (view := self._generated.get(src_uri)) is not None:
            kept = self.fragments[src_uri] = Fragments("g")  # drawn again from the catalog
            self.site.forget(src_uri)
            return self.site.generated_page(*view, fragments=kept)
        kept = self.fragments.setdefault(src_uri, Fragments("m"))
        offset = page.head.count("\n") if page is not None else 0  # counted from the top
        changed = page is not None and page.body != digest(markdown.rstrip())
        if changed and page is not None and (page.marked or holds_markers(markdown)):
            opens = self.rules.pages.containers
            self.remarked[src_uri] = marker_findings(src_uri, page, markdown, self.known, opens)
        read_again = changed or (page is not None and self._expands(markdown))
        if page is None or not read_again or not (doc or self.rules.selects(src_uri)):
            drawn = self.site.decorate(src_uri, markdown, offset=offset, fragments=kept, doc=doc)
        else:  # the page as MkDocs hands it (before snippets) places the edits
            again = self._read_again(src_uri, page, doc, markdown)
            drawn = self.site.decorate(src_uri, markdown, offset=offset, fragments=kept,
                                       doc=again, design=again is not None)  # fmt: skip
        if drawn is not None and self.rewritten:  # drawn from the catalog as read so far
            self.drawn[src_uri] = (self.revision, markdown)
        return drawn

    def _expands(self, markdown: str) -> bool:
        return self.expand is not None and MARK in markdown

    def _read_again(
        self, src_uri: str, page: Page, doc: DesignDoc | None, markdown: str
    ) -> DesignDoc | None:
        """Read a page again, for :meth:`revise` when it differs; return what edits go by."""
        if (known := self.read.get(src_uri)) is not None and known[0] is markdown:
            return known[1]  # drawn again (:meth:`redraw`): read already
        seen, own = read_again(src_uri, page, markdown, self.rules, self.expand)
        if seen != doc:
            self.revised[src_uri] = seen
        self.read[src_uri] = (markdown, own)
        return own

    def with_snippets(self) -> Build:
        """This build with what ``pymdownx.snippets`` adds to its designs, as a build reads it.

        For ``mkdocs-design check``, which runs no page events.
        """
        for src_uri, page in list(self.pages.items()) if self.expand else ():
            doc = self.catalog.by_uri.get(src_uri)
            source = written(page) if doc or self.rules.selects(src_uri) else None
            if source and MARK in source:
                self._read_again(src_uri, page, doc, source[len(page.head) :])
        return self.revise()

    def adopt(self, files: Files, cache: ParseCache | None = None) -> None:
        """Read the pages included since :meth:`collect`, to :meth:`revise` the catalog with.

        Material's blog marks its posts excluded while files are collected, and includes them
        again when the navigation is built.
        """
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            if file.src_uri in self.pages or file.src_uri in self._generated:
                continue
            source = page_source(file, [])  # an unreadable page stops MkDocs itself
            doc = parse_file(file, source, self.rules, cache, []) if source is not None else None
            if doc is None or source is None:
                continue
            body = get_data(source)[0]
            head = source[: len(source) - len(body)]
            marked = holds_markers(source)
            self.pages[file.src_uri] = Page(file.abs_src_path, source.count("\n"), marked,
                                            digest(body.rstrip()), head)  # fmt: skip
            self.revised[file.src_uri] = doc
            if isinstance(urls := self.site.links.urls, dict):
                urls[file.src_uri] = file.url  # where the blog put it
            file.is_modified = _modified  # type: ignore[method-assign]

    def redraw(self, files: Files, config: MkDocsConfig) -> None:
        """Draw again the pages drawn before the catalog's last revision.

        MkDocs converts pages in file order: a page showing the catalog (the home page's
        views, a design's banner or neighbourhood) may come before a design another plugin
        changes. Such a page is decorated again, and converted again when that changes its
        Markdown, as MkDocs converts it (``on_page_content`` too).
        """
        for src_uri, (revision, markdown) in list(self.drawn.items()):
            file = files.get_file_from_path(src_uri)
            if revision == self.revision or file is None or file.page is None:
                continue
            self.site.forget(src_uri)
            self.fragments.pop(src_uri, None)
            page, again = file.page, self.decorate(src_uri, markdown) or markdown
            if again == page.markdown:
                continue  # the same Markdown: its blocks, drawn again, fill the same places
            convert(page, again, config, files)

    def shows_catalog(self, src_uri: str) -> bool:
        """Whether a page shows the catalog: a generated page, or one with a marker view."""
        page = self.pages.get(src_uri)
        return src_uri in self._generated or (page is not None and page.marked)

    @property
    def _generated(self) -> dict[str, tuple[str, str, str]]:
        """``(view, path, title)`` of each generated page, by its path."""
        return {path: (view, path, title) for view, (path, title) in self.rules.pages.views.items()}

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


def _assemble(
    docs: list[DesignDoc], rules: Rules, history: tuple[Mapping[str, dt.date], dt.date]
) -> tuple[Catalog, Insights]:
    """The catalog of ``docs``, and what is derived from it."""
    catalog = Catalog.from_docs(docs, rules.statuses, reserved=rules.pages.index_ids())
    insights = Insights.derive(
        catalog,
        last_changed=history[0],
        today=history[1],
        stale_after_days=rules.stale_after_days,
        stale_statuses=rules.stale_statuses,
    )
    return catalog, insights


def _modified() -> bool:
    return True
