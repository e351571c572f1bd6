"""What the plugin puts on pages: generated views, marker views and design-page decorations.

Pure: everything comes in as a :class:`Site` (catalog, derived insights, settings and the
paths of the generated pages), and Markdown goes out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from mkdocs_design import markup, render
from mkdocs_design.lifecycle import BANNER_STATUSES
from mkdocs_design.markers import (
    Marker,
    find_markers,
    replace_markers,
    select_components,
    select_docs,
)
from mkdocs_design.placeholders import mark_placeholders

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from markupsafe import Markup

    from mkdocs_design.catalog import Catalog
    from mkdocs_design.lifecycle import Insights
    from mkdocs_design.model import DesignDoc, Status


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The options that shape what pages show (a plain copy of the plugin options)."""

    badge: bool = True
    mark_placeholders: bool = True
    banners: bool = True
    banner_draft: bool = False
    neighbourhood: bool = False
    colors: Mapping[str, str] = field(default_factory=dict)
    #: Generated page paths by view name (``overview``, ``components``, ``questions``, ``graph``).
    paths: Mapping[str, str] = field(default_factory=dict)
    #: Site path of the filter script, or ``None`` when filters are off.
    script: str | None = None
    #: Every page's URL in the site, by ``src_uri``, as MkDocs gives it (``File.url``).
    urls: Mapping[str, str] = field(default_factory=dict)
    #: ``relative_url(url, from_url)``: MkDocs' ``get_relative_url``, so links match its own.
    relative_url: Callable[[str, str], str]


@dataclass(frozen=True)
class Site:
    """Everything a view needs."""

    catalog: Catalog
    insights: Insights
    settings: Settings
    #: Every anchor (``""`` for none) a view linked, by ``from_uri``, then ``to_uri``, for
    #: :meth:`broken_links`. Not a set of triples: views link tens of thousands of times, and
    #: each triple was one more object for the garbage collector to count.
    linked: dict[str, dict[str, set[str]]] = field(default_factory=dict)

    def href(self, from_uri: str) -> render.Href:
        """Links from one page, as MkDocs would write them: ``href(to_uri, anchor)``."""
        urls, relative = self.settings.urls, self.settings.relative_url
        here = urls.get(from_uri, from_uri)
        linked = self.linked.setdefault(from_uri, {})

        seen: dict[str, str] = {}  # a view links to the same pages many times

        def href(to_uri: str, anchor: str = "", /) -> str:
            if (anchors := linked.get(to_uri)) is None:
                anchors = linked[to_uri] = set()
            anchors.add(anchor)
            fragment = f"#{anchor}" if anchor else ""
            if to_uri == from_uri and anchor:
                return fragment
            if (path := seen.get(to_uri)) is None:
                path = seen[to_uri] = relative(urls.get(to_uri, to_uri), here)
            return path + fragment

        return href

    def broken_links(self) -> list[tuple[str, str, str]]:
        """Links the views wrote whose page or anchor does not exist: our bug, if any.

        The views' HTML links are not checked by MkDocs (it validates Markdown links only),
        so the plugin checks them itself against the pages and the ids the model knows.
        """
        ids: dict[str, set[str]] = {
            doc.src_uri: {
                *(s.anchor for s in doc.sections),
                *(c.anchor for c in doc.components),
                *(q.anchor for q in doc.questions),
            }
            for doc in self.catalog.docs
        }
        index = self.settings.paths.get("components")
        if index is not None:
            ids.setdefault(index, set()).update(e.anchor for e in self.catalog.components)
        urls = self.settings.urls
        return sorted(
            (src, dst, anchor)
            for src, targets in self.linked.items()
            for dst, anchors in targets.items()
            for anchor in anchors
            if dst not in urls or (anchor and anchor not in ids.get(dst, ()) and dst != src)
        )

    def render_view(
        self,
        marker: Marker,
        from_uri: str,
        *,
        title: str | None = None,
        fragments: render.Fragments | None = None,
    ) -> str:
        """One view, for a generated page (with ``title``) or in place of a marker.

        With ``fragments``, its HTML blocks are kept there and the Markdown holds placeholders.
        """
        docs = select_docs(self.catalog, marker.filters)
        paths, colors, href = self.settings.paths, dict(self.settings.colors), self.href(from_uri)
        if marker.view == "components":
            entries = select_components(self.catalog, docs)
            return render.render_components(
                self.catalog, entries, href, title=title,
                index_uri=paths.get("components"), here_uri=from_uri, fragments=fragments,
            )  # fmt: skip
        if marker.view == "questions":
            return render.render_questions(
                self.catalog, docs, href, title=title, colors=colors,
                stale=self.insights.stale, fragments=fragments,
            )  # fmt: skip
        if marker.view == "graph":
            return render.render_graph(
                self.catalog, self.insights.graph, docs, href,
                title=title, index_uri=paths.get("components"), fragments=fragments,
            )  # fmt: skip
        if marker.view == "neighbourhood":
            doc = self.catalog.by_uri.get(from_uri)
            return (
                render.render_neighbourhood(self.catalog, self.insights.graph, doc, from_uri)
                if doc
                else ""
            )
        return render.render_overview(
            self.catalog, docs, href, title=title, colors=colors,
            stale=self.insights.stale, fragments=fragments,
        )  # fmt: skip

    def generated_page(
        self, view: str, path: str, title: str, fragments: render.Fragments | None = None
    ) -> str:
        """A generated page: its view, plus the filter script where it applies.

        Args:
            view: ``overview``, ``components``, ``questions`` or ``graph``.
            path: The page's path in ``docs_dir``.
            title: Its title.
            fragments: Where to keep the view's HTML blocks.
        """
        content = self.render_view(Marker(view, {}, 0), path, title=title, fragments=fragments)
        script = self.settings.script
        if script and view in ("overview", "components", "questions"):
            # A site path, not a page: relative to this page's URL as MkDocs computes it.
            src = self.settings.relative_url(script, self.settings.urls.get(path, path))
            content += f'\n<script src="{markup.escape_attr(src)}" defer></script>\n'
        return content

    def decorate(
        self,
        src_uri: str,
        markdown: str,
        *,
        offset: int,
        fragments: render.Fragments | None = None,
    ) -> str | None:
        """A page's Markdown with badge, banners, anchors, marks and marker views.

        Args:
            src_uri: The page.
            markdown: Its Markdown as MkDocs read it (front matter removed).
            offset: Real file line of ``markdown``'s first line, minus one.
            fragments: Where to keep the HTML blocks of marker views.
        """
        doc = self.catalog.by_uri.get(src_uri)
        if doc is None and "<!-- design/" not in markdown:
            return None
        # Every marker line holds "design/", and decorating adds no marker line: most pages
        # are spared the search of their lines for markers (twice, for a design page).
        marked = "design/" in markdown
        lines = markdown.split("\n")
        if doc is not None:
            lines = self._decorate_design(doc, lines, offset, marked=marked)
        markers = find_markers(lines, src_uri)[0] if marked else []
        return replace_markers(
            lines, markers, lambda m: self.render_view(m, src_uri, fragments=fragments)
        )

    def _decorate_design(
        self, doc: DesignDoc, lines: list[str], offset: int, *, marked: bool
    ) -> list[str]:
        settings = self.settings
        if settings.mark_placeholders and doc.placeholders:
            lines = mark_placeholders(lines, doc.placeholders, first_line=offset + 1)
        for q in doc.questions:
            index = q.line - offset - 1
            if 0 <= index < len(lines):
                lines[index] = markup.anchor_item(lines[index], q.anchor)
        placed = marked and any(
            m.view == "neighbourhood" for m in find_markers(lines, doc.src_uri)[0]
        )
        block = self._header(doc, neighbourhood=self.settings.neighbourhood and not placed)
        if block:
            at = doc.title_line - offset if doc.title_line else 0
            lines[at:at] = ["", *block, ""]
        return lines

    @cached_property
    def _badge(self) -> Callable[[Status | None], Markup]:
        return render.badges(self.settings.colors)

    def _header(self, doc: DesignDoc, *, neighbourhood: bool) -> list[str]:
        """Lines under the title: badge, lifecycle banner, supersedes, neighbourhood."""
        settings, insights, uri = self.settings, self.insights, doc.src_uri
        block: list[str] = []
        if settings.badge:
            block.append(f'<p class="design-status">{self._badge(doc.status)}</p>')
        status = doc.canonical_status
        if settings.banners and (
            status in BANNER_STATUSES or (settings.banner_draft and status == "Draft")
        ):
            block += ["", markup.banner(doc, insights.successors.get(uri), uri)]
        if uri in insights.superseded:
            block += ["", markup.supersedes_line(insights.superseded[uri], uri)]
        if neighbourhood:
            block += ["", render.render_neighbourhood(self.catalog, insights.graph, doc, uri)]
        return block
