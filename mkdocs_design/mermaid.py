"""The dependency graph as Mermaid flowchart source.

Node ids are generated (``d0``, ``c3``, ``x1``), never taken from pages, and every label is
quoted with Mermaid's entity codes for the characters that could end the label, start markup
or close the code fence, so a name from a page can only ever be a label.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs_design.statuses import slug

if TYPE_CHECKING:
    from mkdocs_design.catalog import Catalog
    from mkdocs_design.graph import Graph

_ENTITIES = {
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "#": "#35;",
    ";": "#59;",
}


def label(text: str) -> str:
    """A quoted Mermaid label showing ``text`` literally, on one line."""
    flat = " ".join(text.split())
    return '"' + "".join(_ENTITIES.get(char, char) for char in flat) + '"'


def flowchart(catalog: Catalog, graph: Graph) -> str:
    """Designs as subgraphs holding their components; edges as the pages state them.

    Solid arrows are stated dependencies, dotted ones are inferred from a Used By list.
    External names (matching no design) are rounded nodes.
    """
    ids = {doc.src_uri: f"d{n}" for n, doc in enumerate(catalog.docs)}
    comp_ids = {entry.key: f"c{n}" for n, entry in enumerate(catalog.components)}
    homes = {entry.key: entry.sources[0][0].src_uri for entry in catalog.components}
    lines = ["flowchart LR"]
    for doc in catalog.docs:
        css = slug(doc.canonical_status) if doc.canonical_status else "unknown"
        lines.append(f"  subgraph {ids[doc.src_uri]}[{label(doc.title)}]")
        lines += [
            f"    {comp_ids[e.key]}[{label(e.name)}]"
            for e in catalog.components
            if homes[e.key] == doc.src_uri
        ]
        lines.append("  end")
        lines.append(f"  class {ids[doc.src_uri]} design-{css}")
    externals: dict[str, str] = {}
    for edge in graph.design_edges:
        target = ids.get(edge.target)
        if target is None:
            name = edge.target.removeprefix("external:")
            target = externals.setdefault(name, f"x{len(externals)}")
        lines.append(f"  {ids[edge.source]} {'-.->' if edge.inferred else '-->'} {target}")
    lines += [f"  {x}({label(name)})" for name, x in externals.items()]
    for edge in graph.component_edges:
        source, target = (
            edge.source.removeprefix("component:"),
            edge.target.removeprefix("component:"),
        )
        lines.append(f"  {comp_ids[source]} --> {comp_ids[target]}")
    return "\n".join(lines) + "\n"
