"""The graph views: the dependency graph page and a design's neighbourhood line."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from mkdocs_design.output import picture
from mkdocs_design.output.labels import english
from mkdocs_design.output.markup import a, link, md_text
from mkdocs_design.output.svg import draw
from mkdocs_design.output.views import html_block, joined, page
from mkdocs_design.reading.statuses import slug

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from mkdocs_design.catalog.catalog import Catalog
    from mkdocs_design.catalog.graph import Graph
    from mkdocs_design.model import DesignDoc
    from mkdocs_design.output.labels import Labels
    from mkdocs_design.output.views import Fragments, Href


#: Above this many designs, the page draws the designs only, not each design's components.
DETAIL_LIMIT = 60


def render_graph(
    catalog: Catalog,
    graph: Graph,
    docs: Sequence[DesignDoc],
    href: Href,
    *,
    title: str | None,
    fragments: Fragments | None = None,
    index_uri: str | None,
    labels: Labels | None = None,
) -> str:
    """The dependency graph page: a picture of the designs, their components, then the lists.

    The pictures are static SVG drawn at build time (:mod:`~mkdocs_design.output.svg`): they
    need no script and no network, under any theme. ``labels``: the words (English).
    """
    labels = labels or english()
    if not docs:
        return page(title, labels["no_designs_found"])
    shown = {d.src_uri for d in docs}
    target, node = _target_namer(catalog, href), _node_namer(catalog, href, index_uri)
    designs = (
        (doc, href(doc.src_uri), joined([*map(target, graph.depends_on(doc.src_uri))]),
         joined([*map(target, graph.dependents(doc.src_uri))]))
        for doc in docs
    )  # fmt: skip
    edges = [e for e in graph.component_edges if e.stated_by in shown]
    findings = [f for f in graph.findings if f.location.path in shown]
    blocks = [
        labels["graph_intro"],
        _overview(catalog, graph, docs, href, fragments, labels),
        *_details(catalog, graph, docs, href, fragments, labels),
        f"## {labels['designs_heading']}",
        html_block("graph.html.j2", fragments, kind="designs", rows=designs, labels=labels),
    ]
    if edges:
        pairs = ((node(e.source), node(e.target)) for e in edges)
        listed = html_block("graph.html.j2", fragments, kind="components", rows=pairs,
                            labels=labels)  # fmt: skip
        blocks += [f"## {labels['components_heading']}", listed]
    blocks.append(f"## {labels['disagreements_heading']}")
    if findings:
        located = ((f, href(f.location.path)) for f in findings)
        blocks.append(html_block("graph.html.j2", fragments, kind="findings", rows=located,
                                 labels=labels))  # fmt: skip
    else:
        blocks.append(labels["pages_agree"])
    return page(title, *blocks)


def _overview(
    catalog: Catalog,
    graph: Graph,
    docs: Sequence[DesignDoc],
    href: Href,
    fragments: Fragments | None,
    labels: Labels,
) -> str:
    """The picture of the designs, with a legend of the statuses it shows."""
    drawn = picture.overview(catalog, graph, docs, href, labels)
    others, links = sum(1 for n in drawn.nodes if n.kind != "design"), len(drawn.links)
    label = labels.text(
        "graph_label_others" if others else "graph_label",
        designs=labels.count("designs", len(docs)), count=len(docs),
        others=labels.count("other_systems", others),
        dependencies=labels.count("dependencies", links),
    )  # fmt: skip
    svg, _ = draw(drawn, catalog.statuses, label=label)
    present = {n.status for n in drawn.nodes if n.kind in ("design", "outside")}
    roles = ((name, catalog.statuses.role(name)) for name in catalog.statuses.names)
    legend = [(name, slug(role) if role else "none", slug(name)) for name, role in roles
              if name in present]  # fmt: skip
    # Markup: the SVG comes from an autoescaped template already (svg.py), names escaped there.
    return html_block(
        "graph.html.j2", fragments, kind="picture", svg=Markup(svg), legend=legend, labels=labels
    )


def _details(
    catalog: Catalog,
    graph: Graph,
    docs: Sequence[DesignDoc],
    href: Href,
    fragments: Fragments | None,
    labels: Labels,
) -> list[str]:
    """Each design's components as a picture of its own, folded away, if there are few designs."""
    heading = f"## {labels['components_by_design']}"
    if len(docs) > DETAIL_LIMIT:
        n = len(docs)
        return [heading, labels.text("too_many_designs", designs=labels.count("designs", n),
                                     count=n)]  # fmt: skip
    rows = []
    for doc in docs:
        if doc.components:
            drawn = picture.components(catalog, graph, doc, href, labels)
            label = labels.text("components_of", design=doc.title)
            rows.append((doc, len(doc.components), draw(drawn, catalog.statuses, label=label)[0]))
    if not rows:
        return []
    shown = [(doc, count, Markup(svg)) for doc, count, svg in rows]
    return [heading, html_block("graph.html.j2", fragments, kind="details", rows=shown,
                                labels=labels)]  # fmt: skip


def render_neighbourhood(
    catalog: Catalog, graph: Graph, doc: DesignDoc, from_uri: str, labels: Labels | None = None
) -> str:
    """One line: what a design depends on and what depends on it, as Markdown links."""
    labels = labels or english()

    def name(target: str) -> str:
        other = catalog.by_uri.get(target)
        if other is None:
            return str(md_text(target.removeprefix("external:")))
        return str(link(other.title, from_uri, other.src_uri))

    deps = ", ".join(map(name, graph.depends_on(doc.src_uri))) or labels["nothing_stated"]
    users = ", ".join(map(name, graph.dependents(doc.src_uri))) or labels["nothing_stated"]
    line = labels.text("neighbourhood", depends=deps, users=users)
    return f'<span class="design-neighbourhood">{line}</span>'


def _target_namer(catalog: Catalog, href: Href) -> Callable[[str], Markup]:
    """A graph target: a link to the design, or the name of a system outside the catalog."""

    @cache  # a design is named by every design that depends on it or that it depends on
    def target(name: str) -> Markup:
        doc = catalog.by_uri.get(name)
        if doc is not None:
            return a(href(doc.src_uri), doc.title)
        return escape(name.removeprefix("external:"))

    return target


def _node_namer(catalog: Catalog, href: Href, index_uri: str | None) -> Callable[[str], Markup]:
    """A ``component:<key>`` node: the component's name, linked to the index if there is one."""

    @cache  # a component is named by every edge from or to it
    def node(name: str) -> Markup:
        entry = catalog.find_component(name.removeprefix("component:"))
        text = entry.name if entry else name.removeprefix("component:")
        if entry is not None and index_uri is not None:
            return a(href(index_uri, entry.anchor), text)
        return escape(text)

    return node
