"""The dependency graph as Mermaid flowchart source.

Node ids are generated (``d0``, ``c3``, ``x1``), never taken from pages, and every label is
quoted with Mermaid's entity codes for the characters that could end the label, start markup
or close the code fence, so a name from a page can only ever be a label. Checked against
Mermaid 11: ``%`` is encoded because Mermaid strips ``%%{...}%%`` directives anywhere in the
source before parsing, and ``:`` because its entity pre-pass rewrites lines that look like
``style …:#…;``; an empty label is a parse error, so it becomes one space.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs_design.reading.statuses import ENDED, slug

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.catalog.catalog import Catalog, ComponentEntry
    from mkdocs_design.catalog.graph import Graph
    from mkdocs_design.model import DesignDoc
    from mkdocs_design.reading.statuses import StatusTable

#: Mermaid's default ``maxTextSize``: it refuses to draw longer diagram sources.
MAX_TEXT = 50_000

_ENTITIES = {
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "#": "#35;",
    ";": "#59;",
    "%": "#37;",
    ":": "#58;",
}
_TABLE = str.maketrans(_ENTITIES)


def label(text: str) -> str:
    """A quoted Mermaid label showing ``text`` literally, on one line."""
    return '"' + (" ".join(text.split()).translate(_TABLE) or "#32;") + '"'


def flowchart(
    catalog: Catalog, graph: Graph, docs: Sequence[DesignDoc], *, limit: int | None = None
) -> str:
    """Designs as subgraphs holding their components; edges as the pages state them.

    Solid arrows are stated dependencies, dotted ones are inferred from a Used By list.
    Names that match no design, and designs left out of ``docs``, are rounded nodes. Only
    ``docs``, their components and the edges leaving them are drawn, each edge once.

    Args:
        catalog: The catalog.
        graph: Its dependency graph.
        docs: The designs to draw.
        limit: Stop as soon as the source is sure to be longer than this (for
            :data:`MAX_TEXT`: Mermaid will not draw it); what is returned then is cut short,
            but still longer than ``limit``.
    """
    ids = {doc.src_uri: f"d{n}" for n, doc in enumerate(docs)}
    homes: dict[str, list[ComponentEntry]] = {}
    for entry in catalog.components:
        homes.setdefault(entry.sources[0][0].src_uri, []).append(entry)
    drawn = [entry for doc in docs for entry in homes.get(doc.src_uri, [])]
    comp_ids = {entry.key: f"c{n}" for n, entry in enumerate(drawn)}
    lines = ["flowchart LR", *classes(catalog.statuses)]
    size = sum(len(line) + 1 for line in lines)  # of "\n".join(lines) + "\n"
    for doc in docs:
        css = _class(doc.canonical_status)
        drawn_here = [
            f"  subgraph {ids[doc.src_uri]} [{label(doc.title)}]",
            *(f"    {comp_ids[e.key]}[{label(e.name)}]" for e in homes.get(doc.src_uri, [])),
            "  end",
            f"  class {ids[doc.src_uri]} {css}",
        ]
        lines += drawn_here
        size += sum(len(line) + 1 for line in drawn_here)
        if limit is not None and size > limit:
            # Lines are only ever added from here on: the whole would be longer still.
            return "\n".join(lines) + "\n"
    others: dict[str, tuple[str, str]] = {}
    arrows: list[str] = []
    for edge in graph.design_edges:
        if edge.source not in ids:
            continue
        node = ids.get(edge.target) or _other(catalog, edge.target, others)
        arrows.append(f"  {ids[edge.source]} {'-.->' if edge.inferred else '-->'} {node}")
    for edge in graph.component_edges:
        source = comp_ids.get(edge.source.removeprefix("component:"))
        target = comp_ids.get(edge.target.removeprefix("component:"))
        if source and target:
            arrows.append(f"  {source} --> {target}")
    lines += [f"  {node}({label(text)})" for node, text in others.values()]
    return "\n".join([*lines, *dict.fromkeys(arrows)]) + "\n"


def _other(catalog: Catalog, target: str, others: dict[str, tuple[str, str]]) -> str:
    """The node id of a target drawn outside the subgraphs: a named system or another design."""
    doc = catalog.by_uri.get(target)
    text = doc.title if doc else target.removeprefix("external:")
    key = f"design:{target}" if doc else f"external:{' '.join(text.split()).casefold()}"
    return others.setdefault(key, (f"x{len(others)}", text))[0]


#: A stroke pattern per role, so that a status is never told by colour alone.
_STROKES = {
    "Draft": "stroke-dasharray: 4 3",
    "Implemented": "stroke-width:2px",
    **dict.fromkeys(ENDED, "stroke-dasharray: 2 2"),
}


def classes(statuses: StatusTable) -> list[str]:
    """One Mermaid class per status of the vocabulary: its colour and its role's stroke."""
    found = []
    for status in statuses.statuses:
        style = ",".join(filter(None, (f"stroke:{status.color}", _STROKES.get(status.role))))
        found.append(f"  classDef {_class(status.name)} {style}")
    return found


def _class(name: str | None) -> str:
    return slug(name).replace("-", "_") if name else "unknown"
