"""The graph views: the dependency graph page and a design's neighbourhood line."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from mkdocs_design.output.markup import a, link, md_text
from mkdocs_design.output.mermaid import MAX_TEXT, flowchart
from mkdocs_design.output.views import html_block, joined, page, plural

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from mkdocs_design.catalog.catalog import Catalog
    from mkdocs_design.catalog.graph import Graph
    from mkdocs_design.model import DesignDoc
    from mkdocs_design.output.views import Fragments, Href


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
    """The dependency graph page: a Mermaid diagram, the same graph as lists, disagreements."""
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
    source = flowchart(catalog, graph, docs, limit=MAX_TEXT)
    diagram = (
        f"``` mermaid\n{source}```"
        if len(source) <= MAX_TEXT
        else f"The diagram of {plural(len(docs), 'design')} is larger than Mermaid draws; "
        'place smaller ones with `<!-- design/graph folder="team" -->`.'
    )
    blocks = [
        "Designs with their components, and the dependencies their pages state: solid arrows "
        "come from a design's **Depends On** or a component's **Dependencies**, dotted ones "
        "only from the other side's **Used By**.",
        diagram,
        "## Designs",
        html_block("graph.html.j2", fragments, kind="designs", rows=designs),
    ]
    if edges:
        pairs = ((node(e.source), node(e.target)) for e in edges)
        listed = html_block("graph.html.j2", fragments, kind="components", rows=pairs)
        blocks += ["## Components", listed]
    blocks.append("## Disagreements")
    located = ((f, href(f.location.path)) for f in findings)
    found = html_block("graph.html.j2", fragments, kind="findings", rows=located)
    blocks.append(found if findings else "The pages agree with each other.")
    return page(title, *blocks)


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
