"""The graph views: the dependency graph page and a design's neighbourhood line."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from mkdocs_design.output import picture
from mkdocs_design.output.markup import a, link, md_text
from mkdocs_design.output.svg import draw
from mkdocs_design.output.views import html_block, joined, page, plural
from mkdocs_design.reading.statuses import slug

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from mkdocs_design.catalog.catalog import Catalog
    from mkdocs_design.catalog.graph import Graph
    from mkdocs_design.model import DesignDoc
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
) -> str:
    """The dependency graph page: a picture of the designs, their components, then the lists.

    The pictures are static SVG drawn at build time (:mod:`~mkdocs_design.output.svg`): they
    need no script and no network, under any theme.
    """
    if not docs:
        return page(title, "No design pages found.")
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
        "Each box is a design, linked to its page, with its status in words and in the "
        "style of its border. An arrow points at what a design depends on: solid when a "
        "page states it (its **Depends On**, or a component's **Dependencies**), dashed "
        "when only the other side's **Used By** does. Rounded boxes are systems outside "
        "the catalog.",
        _overview(catalog, graph, docs, href, fragments),
        *_details(catalog, graph, docs, href, fragments),
        "## Designs",
        html_block("graph.html.j2", fragments, kind="designs", rows=designs),
    ]
    if edges:
        pairs = ((node(e.source), node(e.target)) for e in edges)
        listed = html_block("graph.html.j2", fragments, kind="components", rows=pairs)
        blocks += ["## Components", listed]
    blocks.append("## Disagreements")
    if findings:
        located = ((f, href(f.location.path)) for f in findings)
        blocks.append(html_block("graph.html.j2", fragments, kind="findings", rows=located))
    else:
        blocks.append("The pages agree with each other.")
    return page(title, *blocks)


def _overview(
    catalog: Catalog,
    graph: Graph,
    docs: Sequence[DesignDoc],
    href: Href,
    fragments: Fragments | None,
) -> str:
    """The picture of the designs, with a legend of the statuses it shows."""
    drawn = picture.overview(catalog, graph, docs, href)
    others, links = sum(1 for n in drawn.nodes if n.kind != "design"), len(drawn.links)
    label = (
        f"Dependency graph of {plural(len(docs), 'design')}"
        + (f" and {plural(others, 'other system')}" if others else "")
        + f", with {links} {'dependency' if links == 1 else 'dependencies'} between them."
    )
    svg, _ = draw(drawn, catalog.statuses, label=label)
    present = {n.status for n in drawn.nodes if n.kind in ("design", "outside")}
    roles = ((name, catalog.statuses.role(name)) for name in catalog.statuses.names)
    legend = [(name, slug(role) if role else "none", slug(name)) for name, role in roles
              if name in present]  # fmt: skip
    # Markup: the SVG comes from an autoescaped template already (svg.py), names escaped there.
    return html_block("graph.html.j2", fragments, kind="picture", svg=Markup(svg), legend=legend)


def _details(
    catalog: Catalog,
    graph: Graph,
    docs: Sequence[DesignDoc],
    href: Href,
    fragments: Fragments | None,
) -> list[str]:
    """Each design's components as a picture of its own, folded away, if there are few designs."""
    if len(docs) > DETAIL_LIMIT:
        return [
            "## Components by design",
            f"With {plural(len(docs), 'design')}, only the designs are drawn; the components "
            "and their dependencies are listed below. Place a smaller graph with "
            '`<!-- design/graph folder="team" -->` to see them drawn.',
        ]
    rows = []
    for doc in docs:
        if doc.components:
            drawn = picture.components(catalog, graph, doc, href)
            label = f"Components of {doc.title} and their dependencies"
            rows.append((doc, len(doc.components), draw(drawn, catalog.statuses, label=label)[0]))
    if not rows:
        return []
    shown = [(doc, count, Markup(svg)) for doc, count, svg in rows]
    return [
        "## Components by design",
        html_block("graph.html.j2", fragments, kind="details", rows=shown),
    ]


def render_neighbourhood(catalog: Catalog, graph: Graph, doc: DesignDoc, from_uri: str) -> str:
    """One line: what a design depends on and what depends on it, as Markdown links."""

    def name(target: str) -> str:
        other = catalog.by_uri.get(target)
        if other is None:
            return str(md_text(target.removeprefix("external:")))
        return str(link(other.title, from_uri, other.src_uri))

    deps = ", ".join(map(name, graph.depends_on(doc.src_uri))) or "nothing stated"
    users = ", ".join(map(name, graph.dependents(doc.src_uri))) or "nothing stated"
    return (
        f'<span class="design-neighbourhood">**Depends on:** {deps} · **Used by:** {users}</span>'
    )


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
