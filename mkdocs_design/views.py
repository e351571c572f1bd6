"""What the plugin puts on pages: generated views, marker views and design-page decorations.

Pure: everything comes in as a :class:`Site` (catalog, derived insights, settings and the
paths of the generated pages), and Markdown goes out.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
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
    from collections.abc import Mapping

    from mkdocs_design.catalog import Catalog
    from mkdocs_design.lifecycle import Insights
    from mkdocs_design.model import DesignDoc


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Site:
    """Everything a view needs."""

    catalog: Catalog
    insights: Insights
    settings: Settings

    def render_view(self, marker: Marker, from_uri: str, *, title: str | None = None) -> str:
        """One view, for a generated page (with ``title``) or in place of a marker."""
        docs = select_docs(self.catalog, marker.filters)
        paths, colors = self.settings.paths, dict(self.settings.colors)
        if marker.view == "components":
            entries = select_components(self.catalog, docs)
            return render.render_components(
                self.catalog, entries, from_uri, title=title, index_uri=paths.get("components")
            )
        if marker.view == "questions":
            return render.render_questions(
                self.catalog, docs, from_uri, title=title, colors=colors, stale=self.insights.stale
            )
        if marker.view == "graph":
            return render.render_graph(
                self.catalog,
                self.insights.graph,
                docs,
                from_uri,
                title=title,
                index_uri=paths.get("components"),
            )
        if marker.view == "neighbourhood":
            doc = self.catalog.by_uri.get(from_uri)
            return (
                render.render_neighbourhood(self.catalog, self.insights.graph, doc, from_uri)
                if doc
                else ""
            )
        return render.render_overview(
            self.catalog, docs, from_uri, title=title, colors=colors, stale=self.insights.stale
        )

    def generated_page(self, view: str, path: str, title: str, *, url: str) -> str:
        """A generated page: its view, plus the filter script where it applies.

        Args:
            view: ``overview``, ``components``, ``questions`` or ``graph``.
            path: The page's path in ``docs_dir`` (links are relative to it).
            title: Its title.
            url: Its URL in the site: MkDocs rewrites Markdown links but not a raw
                ``<script src>``, which must therefore be relative to where the page is served.
        """
        content = self.render_view(Marker(view, {}, 0), path, title=title)
        script = self.settings.script
        if script and view in ("overview", "components", "questions"):
            folder = url if url.endswith("/") or not url else posixpath.dirname(url)
            src = posixpath.relpath(script, folder.rstrip("/") or ".")
            content += f'\n<script src="{markup.escape_attr(src)}" defer></script>\n'
        return content

    def decorate(self, src_uri: str, markdown: str, *, offset: int) -> str | None:
        """A page's Markdown with badge, banners, anchors, marks and marker views.

        Args:
            src_uri: The page.
            markdown: Its Markdown as MkDocs read it (front matter removed).
            offset: Real file line of ``markdown``'s first line, minus one.
        """
        doc = self.catalog.by_uri.get(src_uri)
        if doc is None and "<!-- design/" not in markdown:
            return None
        lines = markdown.split("\n")
        if doc is not None:
            lines = self._decorate_design(doc, lines, offset)
        markers, _ = find_markers(lines, src_uri)
        return replace_markers(lines, markers, lambda m: self.render_view(m, src_uri))

    def _decorate_design(self, doc: DesignDoc, lines: list[str], offset: int) -> list[str]:
        settings = self.settings
        if settings.mark_placeholders and doc.placeholders:
            lines = mark_placeholders(lines, doc.placeholders, first_line=offset + 1)
        for q in doc.questions:
            index = q.line - offset - 1
            if 0 <= index < len(lines):
                lines[index] = markup.anchor_item(lines[index], q.anchor)
        placed = any(m.view == "neighbourhood" for m in find_markers(lines, doc.src_uri)[0])
        block = self._header(doc, neighbourhood=self.settings.neighbourhood and not placed)
        if block:
            at = doc.title_line - offset if doc.title_line else 0
            lines[at:at] = ["", *block, ""]
        return lines

    def _header(self, doc: DesignDoc, *, neighbourhood: bool) -> list[str]:
        """Lines under the title: badge, lifecycle banner, supersedes, neighbourhood."""
        settings, insights, uri = self.settings, self.insights, doc.src_uri
        block: list[str] = []
        if settings.badge:
            block.append(
                f'<p class="design-status">{markup.badge(doc.status, dict(settings.colors))}</p>'
            )
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
