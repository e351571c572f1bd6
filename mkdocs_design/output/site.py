"""What the plugin puts on pages: generated views, marker views and design-page decorations.

Pure: a :class:`Site` holds the catalog, what the build derived from it, the page rules and the
site's links; Markdown goes out.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from markdown.extensions.toc import unique

from mkdocs_design.output import graphs, markup, views
from mkdocs_design.output.labels import english
from mkdocs_design.output.lists import separate_lists
from mkdocs_design.output.markers import (
    Marker,
    find_markers,
    holds_markers,
    replace_markers,
    select_components,
    select_docs,
)
from mkdocs_design.output.marks import mark_ids, mark_placeholders
from mkdocs_design.reading.places import ALL_CONTAINERS
from mkdocs_design.reading.statuses import ENDED

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from markupsafe import Markup

    from mkdocs_design.catalog.catalog import Catalog, ComponentEntry
    from mkdocs_design.catalog.lifecycle import Insights
    from mkdocs_design.model import DesignDoc, Status
    from mkdocs_design.output.labels import Labels
    from mkdocs_design.output.links import Links
    from mkdocs_design.reading.statuses import StatusTable


_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")


@dataclass(frozen=True, kw_only=True)
class PageRules:
    """What design pages and generated pages show, settled from the configuration.

    Attributes:
        statuses: The status vocabulary (badge classes, banners, the filters' order).
        badge: Show the status badge under each design page's title.
        nav_status: Give design pages a ``status`` for Material's navigation.
        mark_placeholders: Highlight unresolved placeholders.
        banners: Banners on designs that are over (roles Superseded, Deprecated, Rejected).
        banner_draft: A banner on drafts too.
        neighbourhood: What a design depends on and what depends on it, under its title.
        labels: The words of generated pages and views, in the pages' language.
        views: ``(path, title)`` of each generated view that is on, by view name.
        json_path: Where ``catalog.json`` goes, or ``None`` when it is off.
        script: Site path of the filter script, or ``None`` when filters are off.
        heading_ids: The ids ``toc`` gives the headings of a page's Markdown lines, which the
            ids the plugin writes there must not repeat (``toc`` does not see raw HTML).
        containers: The containers the site's Markdown reads, which marker views go into
            (``!!!`` with ``admonition``; see :func:`~mkdocs_design.reading.places.containers`).
    """

    statuses: StatusTable
    badge: bool = True
    nav_status: bool = False
    mark_placeholders: bool = True
    banners: bool = True
    banner_draft: bool = False
    neighbourhood: bool = False
    labels: Labels = field(default_factory=english)
    views: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    json_path: str | None = None
    script: str | None = None
    heading_ids: Callable[[Sequence[str]], frozenset[str]] | None = None
    containers: frozenset[str] = ALL_CONTAINERS

    @property
    def paths(self) -> dict[str, str]:
        """Generated page paths by view name."""
        return {view: path for view, (path, _) in self.views.items()}

    def index_ids(self) -> frozenset[str]:
        """The ids of the component index's own headings (its title), which no row may take."""
        view = self.views.get("components")
        if view is None or self.heading_ids is None:
            return frozenset()
        return self.heading_ids([f"# {markup.md_text(view[1])}"])


@dataclass(frozen=True)
class Site:
    """Everything a view needs."""

    catalog: Catalog
    insights: Insights
    rules: PageRules
    links: Links
    #: Every anchor (``""`` for none) a view linked, by ``from_uri``, then ``to_uri``, for
    #: :meth:`broken_links`; nested dicts, as views link tens of thousands of times.
    linked: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    #: The ids of the component rows each page got, in order, for :meth:`duplicate_ids`.
    rows: dict[str, list[str]] = field(default_factory=dict)

    def forget(self, from_uri: str) -> None:
        """Forget the links and rows a page's views made, before they are drawn again."""
        self.linked.pop(from_uri, None)
        self.rows.pop(from_uri, None)

    def href(self, from_uri: str) -> views.Href:
        """Links from one page, as MkDocs would write them: ``href(to_uri, anchor)``."""
        urls, relative = self.links.urls, self.links.relative
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
        """Links the views wrote whose page or anchor does not exist, or is not one: our bug.

        MkDocs validates Markdown links only, so the views' HTML links are checked here
        against the pages and the ids the model knows; a link to an id that a page has twice
        lands on the wrong one, and is as broken.
        """
        ids = self._ids()
        urls = self.links.urls
        return sorted(
            (src, dst, anchor)
            for src, targets in self.linked.items()
            for dst, anchors in targets.items()
            for anchor in anchors
            if dst not in urls or (anchor and ids.get(dst, Counter())[anchor] != 1)
        )

    def duplicate_ids(self) -> list[tuple[str, str]]:
        """``(page, id)`` of every id that a page would have twice: our bug, if any.

        Counted over what the model knows: the headings the catalog links (sections and
        components, as ``toc`` names them) and every id the plugin writes (question anchors,
        placeholder marks, component rows).
        """
        return sorted(
            (page, ident) for page, ids in self._ids().items() for ident, n in ids.items() if n > 1
        )

    def _ids(self) -> dict[str, Counter[str]]:
        """Every id the model knows on each page, with how often the page has it."""
        marks = self.rules.mark_placeholders
        ids: dict[str, Counter[str]] = {
            doc.src_uri: Counter(
                (
                    *{*(s.anchor for s in doc.sections), *(c.anchor for c in doc.components)},
                    *(q.anchor for q in doc.questions if q.anchor),
                    *(mark_ids(doc.placeholders) if marks else ()),
                )
            )
            for doc in self.catalog.docs
        }
        index = self.rules.paths.get("components")
        if index is not None:
            ids.setdefault(index, Counter()).update(self.rules.index_ids())
        for page, rows in self.rows.items():
            ids.setdefault(page, Counter()).update(rows)
        return ids

    def render_view(
        self,
        marker: Marker,
        from_uri: str,
        *,
        title: str | None = None,
        fragments: views.Fragments | None = None,
        taken: set[str] | None = None,
    ) -> str:
        """One view, for a generated page (with ``title``) or in place of a marker.

        With ``fragments``, its HTML blocks are kept there and the Markdown holds placeholders.
        ``taken`` holds the ids the page has already (a marker's page): rows take others.
        """
        docs = select_docs(self.catalog, marker.filters)
        index, href = self.rules.paths.get("components"), self.href(from_uri)
        stale, order, labels = self.insights.stale, self._order, self.rules.labels
        if marker.view == "components":
            entries = select_components(self.catalog, docs)
            anchors = self._row_ids(from_uri, entries, taken)
            return views.render_components(
                self.catalog, entries, href, title=title, index_uri=index, here_uri=from_uri,
                labels=labels,
                fragments=fragments, order=order, anchors=anchors,
            )  # fmt: skip
        if marker.view == "questions":
            return views.render_questions(
                self.catalog, docs, href, title=title, stale=stale, fragments=fragments,
                order=order, labels=labels,
            )  # fmt: skip
        if marker.view == "graph":
            return graphs.render_graph(
                self.catalog, self.insights.graph, docs, href,
                title=title, index_uri=index, fragments=fragments, labels=labels,
            )  # fmt: skip
        if marker.view == "neighbourhood":
            doc = self.catalog.by_uri.get(from_uri)
            graph = self.insights.graph
            if doc is None:
                return ""
            return graphs.render_neighbourhood(self.catalog, graph, doc, from_uri, labels)
        marks = self.rules.mark_placeholders
        return views.render_overview(
            self.catalog, docs, href, title=title, stale=stale, fragments=fragments, order=order,
            marks=marks, labels=labels,
        )  # fmt: skip

    def generated_page(
        self, view: str, path: str, title: str, fragments: views.Fragments | None = None
    ) -> str:
        """A generated page: its view, plus the filter script where it applies.

        Args:
            view: ``overview``, ``components``, ``questions`` or ``graph``.
            path: The page's path in ``docs_dir``.
            title: Its title.
            fragments: Where to keep the view's HTML blocks.
        """
        self.rows.pop(path, None)  # rendered again: its rows are counted again
        content = self.render_view(Marker(view, {}, 0), path, title=title, fragments=fragments)
        script = self.rules.script
        if script and view in ("overview", "components", "questions"):
            # A site path, not a page: relative to this page's URL as MkDocs computes it.
            src = self.links.relative(script, self.links.urls.get(path, path))
            content += f'\n<script src="{markup.escape_attr(src)}" defer></script>\n'
        return content

    def decorate(
        self,
        src_uri: str,
        markdown: str,
        *,
        offset: int,
        fragments: views.Fragments | None = None,
        doc: DesignDoc | None = None,
        design: bool = True,
    ) -> str | None:
        """A page's Markdown with badge, banners, anchors, marks and marker views.

        Args:
            src_uri: The page.
            markdown: Its Markdown as MkDocs read it (front matter removed).
            offset: Real file line of ``markdown``'s first line, minus one.
            fragments: Where to keep the HTML blocks of marker views.
            doc: The page read from ``markdown`` itself, when another plugin changed it after
                the catalog read the source; the catalog's own model otherwise.
            design: False for a page another plugin made no longer a design: views only.
        """
        doc = (doc or self.catalog.by_uri.get(src_uri)) if design else None
        # Every marker line holds "design/", and decorating adds none: most pages skip the search.
        marked = holds_markers(markdown)
        if doc is None and not marked:
            return None
        lines = markdown.split("\n")
        if doc is not None:
            lines = self._decorate_design(doc, lines, offset, marked=marked)
        markers = find_markers(lines, src_uri, opens=self.rules.containers)[0] if marked else []
        self.rows.pop(src_uri, None)  # decorated again: its rows are counted again
        taken = self._taken(lines, doc) if any(m.view == "components" for m in markers) else None
        return replace_markers(
            lines,
            markers,
            lambda m: self.render_view(m, src_uri, fragments=fragments, taken=taken),
        )

    def _taken(self, lines: Sequence[str], doc: DesignDoc | None) -> set[str]:
        """The ids a page has before its marker views: headings, questions, marks."""
        heading_ids = self.rules.heading_ids
        taken = set(heading_ids(lines) if heading_ids is not None else ())
        if doc is not None:
            taken.update(q.anchor for q in doc.questions)
            taken.update(mark_ids(doc.placeholders) if self.rules.mark_placeholders else ())
        return taken

    def _row_ids(
        self, page: str, entries: Iterable[ComponentEntry], taken: set[str] | None
    ) -> dict[str, str] | None:
        """The id of each row on ``page``: its anchor, made unique where the page has it."""
        if taken is None:  # the component index: the catalog made the anchors unique there
            self.rows.setdefault(page, []).extend(e.anchor for e in entries)
            return None
        ids = {e.key: unique(e.anchor, taken) for e in entries}
        self.rows.setdefault(page, []).extend(ids.values())
        return ids

    def _decorate_design(
        self, doc: DesignDoc, lines: list[str], offset: int, *, marked: bool
    ) -> list[str]:
        if self.rules.mark_placeholders and doc.placeholders:
            lines = mark_placeholders(lines, doc.placeholders, first_line=offset + 1)
        for q in doc.questions:
            index = q.line - offset - 1
            if q.anchor and 0 <= index < len(lines):
                lines[index] = markup.anchor_item(lines[index], q.anchor)
        placed = marked and any(
            m.view == "neighbourhood"
            for m in find_markers(lines, doc.src_uri, opens=self.rules.containers)[0]
        )
        block = self._header(doc, neighbourhood=self.rules.neighbourhood and not placed)
        if block:
            at = doc.title_line - offset if doc.title_line else 0
            if 0 < at < len(lines) and _SETEXT.match(lines[at]):
                at += 1  # under a setext title's underline, never between it and its text
            lines[at:at] = ["", *block, ""]
        return separate_lists(lines)

    @cached_property
    def _badge(self) -> Callable[[Status | None], Markup]:
        return views.badges()

    @cached_property
    def _order(self) -> str:
        """``[[css id, name], …]`` of the statuses in lifecycle order, for the filter script."""
        names = self.rules.statuses.names
        return json.dumps([[markup.status_class(n), n] for n in names], separators=(",", ":"))

    def _header(self, doc: DesignDoc, *, neighbourhood: bool) -> list[str]:
        """Lines under the title: badge, lifecycle banner, supersedes, neighbourhood."""
        rules, insights, uri = self.rules, self.insights, doc.src_uri
        block: list[str] = []
        if rules.badge:
            block.append(f'<p class="design-status">{self._badge(doc.status)}</p>')
        role = rules.statuses.role(doc.canonical_status)
        if rules.banners and (role in ENDED or (rules.banner_draft and role == "Draft")):
            block += ["", markup.banner(doc, insights.successors.get(uri), uri, role)]
        if uri in insights.superseded:
            block += ["", markup.supersedes_line(insights.superseded[uri], uri)]
        if neighbourhood:
            near = graphs.render_neighbourhood(self.catalog, insights.graph, doc, uri, rules.labels)
            block += ["", near]
        return block
