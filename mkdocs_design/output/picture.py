"""What the graph page draws: the designs and their dependencies, and each design's components.

Pure: from the catalog and its graph to a :class:`Picture` of nodes and links, which
:mod:`~mkdocs_design.output.svg` lays out and draws. Names stay text here; drawing escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from mkdocs_design.catalog.catalog import component_key
from mkdocs_design.catalog.graph import design_index
from mkdocs_design.output.labels import english

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.catalog.catalog import Catalog, ComponentEntry
    from mkdocs_design.catalog.graph import Graph
    from mkdocs_design.model import DesignDoc
    from mkdocs_design.output.labels import Labels
    from mkdocs_design.output.views import Href

#: Node kinds: a design of the view, a design outside it, a system outside the catalog, a
#: component of the design drawn, a component of another design.
KINDS = ("design", "outside", "external", "component", "foreign")


class Node(NamedTuple):
    """Something drawn as a box.

    Attributes:
        label: Its name.
        kind: One of :data:`KINDS`.
        note: The smaller second line: a status, ``external system``, ``in <design>``.
        status: The canonical status of a design, if it has one.
        href: Where it links to, if anywhere.
    """

    label: str
    kind: str
    note: str = ""
    status: str | None = None
    href: str | None = None


class Link(NamedTuple):
    """An arrow: ``source`` depends on ``target`` (indexes into the picture's nodes).

    Attributes:
        source: The node that depends.
        target: The node depended on.
        inferred: Only the target's Used By says so.
        both: Each depends on the other: one line, an arrow at each end.
    """

    source: int
    target: int
    inferred: bool = False
    both: bool = False


@dataclass(frozen=True, slots=True)
class Picture:
    """Nodes and the links between them, in a deterministic order."""

    nodes: tuple[Node, ...]
    links: tuple[Link, ...]


class _Builder:
    """Nodes by key, made once, and links folded into one per pair of nodes; the notes' words."""

    def __init__(self, labels: Labels | None) -> None:
        self.labels = labels or english()
        self.nodes: list[Node] = []
        self.keys: dict[str, int] = {}
        self.found: dict[tuple[int, int], bool] = {}  # (source, target) -> inferred only

    def node(self, key: str, make: Node) -> int:
        if key not in self.keys:
            self.keys[key] = len(self.nodes)
            self.nodes.append(make)
        return self.keys[key]

    def link(self, source: int, target: int, *, inferred: bool = False) -> None:
        if source != target:
            self.found[source, target] = self.found.get((source, target), True) and inferred

    def picture(self) -> Picture:
        links = []
        for (source, target), inferred in self.found.items():
            back = self.found.get((target, source))
            if back is None:
                links.append(Link(source, target, inferred))
            elif (inferred, source) < (back, target):  # once a pair, from a stated end
                links.append(Link(source, target, inferred and back, both=True))
        return Picture(tuple(self.nodes), tuple(links))


def overview(
    catalog: Catalog,
    graph: Graph,
    docs: Sequence[DesignDoc],
    href: Href,
    labels: Labels | None = None,
) -> Picture:
    """The designs of ``docs``, what they depend on, and the dependencies between them.

    A design's Depends On and Used By give its links; so do its components' Dependencies on
    components of other designs, folded up to those designs. Names that match no design are
    ``external`` nodes (one per name, case and spacing ignored); designs not in ``docs`` that
    a design depends on are ``outside`` nodes. Designs come team folder by team folder.
    ``labels``: the notes' words (English).
    """
    made = _Builder(labels)
    for doc in sorted(docs, key=lambda d: d.src_uri.rpartition("/")[0]):  # stable: keeps order
        made.node(doc.src_uri, _design(doc, "design", href, made.labels))
    for edge in graph.design_edges:
        if edge.source in made.keys:
            made.link(made.keys[edge.source], _target(catalog, edge.target, made, href),
                      inferred=edge.inferred)  # fmt: skip
    for edge in graph.component_edges:
        entry = catalog.find_component(edge.target.removeprefix("component:"))
        if edge.stated_by in made.keys and entry is not None:
            homes = [doc.src_uri for doc in entry.designs]
            if edge.stated_by not in homes:
                made.link(made.keys[edge.stated_by], _target(catalog, homes[0], made, href))
    return made.picture()


def _design(doc: DesignDoc, kind: str, href: Href, labels: Labels) -> Node:
    note = doc.canonical_status or (doc.status.raw if doc.status else labels["no_status"])
    return Node(doc.title, kind, note, doc.canonical_status, href(doc.src_uri))


def _target(catalog: Catalog, target: str, made: _Builder, href: Href) -> int:
    """The node of a design edge's target: a design (in the view or not) or a named system."""
    doc = catalog.by_uri.get(target)
    if doc is not None:
        return made.node(doc.src_uri, _design(doc, "outside", href, made.labels))
    name = target.removeprefix("external:")
    key = "external:" + " ".join(name.split()).casefold()
    return made.node(key, Node(name, "external", made.labels["external"]))


def components(
    catalog: Catalog, graph: Graph, doc: DesignDoc, href: Href, labels: Labels | None = None
) -> Picture:
    """A design's components, what they depend on, and the components of others that use them.

    A dependency that is a component of another design is drawn ``foreign`` and links to its
    heading there; one that names a design links to that design; any other name is an
    ``external`` node. ``labels``: the notes' words (English).
    """
    made = _Builder(labels)
    keys = [_key(catalog, comp.name) for comp in doc.components]
    own = {
        key: made.node(key, Node(comp.name, "component", href=href(doc.src_uri, comp.anchor)))
        for key, comp in zip(keys, doc.components, strict=True)
    }
    designs = design_index(catalog)
    for key, comp in zip(keys, doc.components, strict=True):
        source = own[key]
        for dep in comp.dependencies:
            entry = catalog.find_component(dep)
            if entry is not None:
                target = own.get(entry.key)
                if target is None:
                    target = made.node(entry.key, _foreign(entry, href, made.labels))
            elif (other := designs.get(component_key(dep))) is not None and other is not doc:
                target = made.node(other.src_uri, _design(other, "outside", href, made.labels))
            else:
                name = " ".join(dep.split())
                target = made.node(
                    f"external:{name.casefold()}", Node(name, "external", made.labels["external"])
                )
            made.link(source, target)
    for edge in graph.component_edges:
        target_key = edge.target.removeprefix("component:")
        source_key = edge.source.removeprefix("component:")
        entry = catalog.find_component(source_key)
        if target_key in own and source_key not in own and entry is not None:
            made.link(made.node(source_key, _foreign(entry, href, made.labels)), own[target_key])
    return made.picture()


def _key(catalog: Catalog, name: str) -> str:
    """The component index's key for a component a design describes."""
    entry = catalog.find_component(name)
    return entry.key if entry is not None else component_key(name)


def _foreign(entry: ComponentEntry, href: Href, labels: Labels) -> Node:
    """A component of another design, linked to its heading on the first design describing it."""
    doc, comp = entry.sources[0]
    note = labels.text("component_of", design=doc.title)
    return Node(entry.name, "foreign", note, href=href(doc.src_uri, comp.anchor))
