"""The dependency graph as Mermaid flowchart source.

Node ids are generated (``d0``, ``c3``, ``x1``), never taken from pages, and every label is
quoted with Mermaid's entity codes for the characters that could end the label, start markup
or close the code fence, so a name from a page can only ever be a label.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs_design.statuses import slug

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.catalog import Catalog, ComponentEntry
    from mkdocs_design.model import DesignDoc
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


def flowchart(catalog: Catalog, graph: Graph, docs: Sequence[DesignDoc]) -> str:
    """Designs as subgraphs holding their components; edges as the pages state them.

    Solid arrows are stated dependencies, dotted ones are inferred from a Used By list.
    Names that match no design are rounded nodes. Only ``docs`` and their edges are drawn.
    """
    ids = {doc.src_uri: f"d{n}" for n, doc in enumerate(docs)}
    homes: dict[str, list[ComponentEntry]] = {}
    for entry in catalog.components:
        homes.setdefault(entry.sources[0][0].src_uri, []).append(entry)
    comp_ids = {e.key: f"c{n}" for n, e in enumerate(e for d in docs for e in homes.get(d.src_uri, []))}
    lines = ["flowchart LR", *CLASSES]
    for doc in docs:
        css = slug(doc.canonical_status) if doc.canonical_status else "unknown"
        lines.append(f"  subgraph {ids[doc.src_uri]} [{label(doc.title)}]")
        lines += [f"    {comp_ids[e.key]}[{label(e.name)}]" for e in homes.get(doc.src_uri, [])]
        lines += ["  end", f"  class {ids[doc.src_uri]} {css.replace('-', '_')}"]
    externals: dict[str, str] = {}
    for edge in graph.design_edges:
        if edge.source not in ids:
            continue
        target = ids.get(edge.target)
        if target is None:
            name = edge.target.removeprefix("external:")
            target = externals.setdefault(name, f"x{len(externals)}")
        lines.append(f"  {ids[edge.source]} {'-.->' if edge.inferred else '-->'} {target}")
    lines += [f"  {x}({label(name)})" for name, x in externals.items()]
    for edge in graph.component_edges:
        source = comp_ids.get(edge.source.removeprefix("component:"))
        target = comp_ids.get(edge.target.removeprefix("component:"))
        if source and target:
            lines.append(f"  {source} --> {target}")
    return "\n".join(lines) + "\n"


#: Mermaid class definitions, one per default status (custom statuses fall back to none).
CLASSES = (
    "  classDef draft stroke-dasharray: 4 3",
    "  classDef in_review stroke:#9a6700",
    "  classDef approved stroke:#1a7f37",
    "  classDef implemented stroke:#0969da,stroke-width:2px",
    "  classDef deferred stroke:#8250df",
    "  classDef rejected stroke:#cf222e,stroke-dasharray: 2 2",
    "  classDef superseded stroke:#bc4c00,stroke-dasharray: 2 2",
    "  classDef deprecated stroke:#57606a,stroke-dasharray: 2 2",
)
