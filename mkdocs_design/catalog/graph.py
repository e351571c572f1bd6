"""The system map the design pages state: who depends on whom, and where they disagree.

Pure: built from the :class:`~mkdocs_design.catalog.Catalog`. Names in Depends On / Used By are
matched against design titles (and file names), component dependencies against the component
index. Where two pages disagree, or a component depends on a name nothing defines, the result
holds a :class:`~mkdocs_design.model.Finding`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from mkdocs_design.catalog.catalog import component_key
from mkdocs_design.model import Finding, Location, Severity
from mkdocs_design.reading.text import page_name

if TYPE_CHECKING:
    from mkdocs_design.catalog.catalog import Catalog
    from mkdocs_design.model import DesignDoc

RECONCILE = "reconcile"


class Edge(NamedTuple):
    """A stated dependency: ``source`` depends on ``target``.

    A named tuple, not a dataclass, as the model's many small values are: a catalog of 1,000
    designs has about 9,000 (see :mod:`mkdocs_design.model`).

    Attributes:
        source: ``src_uri`` of a design, or ``component:<key>`` for a component.
        target: Same forms, or ``external:<name>`` for a name that matches no design.
        stated_by: ``src_uri`` of the page that says so.
        inferred: True when only the target's Used By says it (the reverse edge).
    """

    source: str
    target: str
    stated_by: str
    inferred: bool = False


@dataclass(frozen=True)
class Graph:
    """Edges between designs and between components, and the disagreements found."""

    design_edges: tuple[Edge, ...]
    component_edges: tuple[Edge, ...]
    findings: tuple[Finding, ...]

    def depends_on(self, src_uri: str) -> list[str]:
        """Targets a design depends on (stated or inferred), in order."""
        return list(self._outgoing.get(src_uri, {}))

    def dependents(self, src_uri: str) -> list[str]:
        """Designs that depend on this one (stated or inferred), in order."""
        return list(self._incoming.get(src_uri, {}))

    @cached_property
    def _outgoing(self) -> dict[str, dict[str, None]]:
        # Indexed once: every design page and the JSON ask, so a scan per call is quadratic.
        found: dict[str, dict[str, None]] = {}
        for edge in self.design_edges:
            found.setdefault(edge.source, {})[edge.target] = None
        return found

    @cached_property
    def _incoming(self) -> dict[str, dict[str, None]]:
        found: dict[str, dict[str, None]] = {}
        for edge in self.design_edges:
            found.setdefault(edge.target, {})[edge.source] = None
        return found


def design_index(catalog: Catalog) -> dict[str, DesignDoc]:
    """Designs by the key of their title and of their path's name (``page_name``).

    Names match by :func:`~mkdocs_design.catalog.catalog.component_key`. Titles win over paths:
    a design titled "Auth" is "Auth", even when another design's file is ``auth.md``. Within
    each kind, the first design in catalog order wins.
    """
    found: dict[str, DesignDoc] = {}
    for doc in catalog.docs:
        found.setdefault(component_key(doc.title), doc)
    for doc in catalog.docs:
        found.setdefault(component_key(page_name(doc.src_uri)), doc)
    found.pop("", None)  # a name of punctuation only names nothing
    return found


def build_graph(catalog: Catalog, severity: Severity = Severity.INFO) -> Graph:
    """Derive the graph and its reconciliation findings from a catalog."""
    designs = design_index(catalog)
    edges: list[Edge] = []
    findings: list[Finding] = []
    for doc in catalog.docs:
        for name in doc.depends_on:
            target = designs.get(component_key(name))
            if target is doc:
                continue  # a design naming itself states no dependency
            edges.append(
                Edge(doc.src_uri, target.src_uri if target else f"external:{name}", doc.src_uri)
            )
            # Only a page that states a Used By list can be said to leave someone out of it.
            if target is not None and target.used_by and not _names(target.used_by, doc, designs):
                findings.append(_one_sided(doc, "depends on", target, "Used By", severity))
        for name in doc.used_by:
            user = designs.get(component_key(name))
            if user is None or user is doc:
                continue
            if not _names(user.depends_on, doc, designs):
                edges.append(Edge(user.src_uri, doc.src_uri, doc.src_uri, inferred=True))
                if user.depends_on:
                    findings.append(_one_sided(doc, "used by", user, "Depends On", severity))
    component_edges, dangling = _component_edges(catalog, designs, severity)
    return Graph(tuple(dict.fromkeys(edges)), component_edges, (*findings, *dangling))


def _names(listed: tuple[str, ...], doc: DesignDoc, designs: dict[str, DesignDoc]) -> bool:
    return any(designs.get(component_key(n)) is doc for n in listed)


def _one_sided(
    doc: DesignDoc, says: str, other: DesignDoc, field: str, severity: Severity
) -> Finding:
    line = doc.context_lines.get(says, 0) or doc.title_line or 1
    stated = "Depends On" if says == "depends on" else "Used By"
    message = (
        f'lists "{other.title}" under {stated}, but {other.src_uri} does not list '
        f'"{doc.title}" under {field}'
    )
    return Finding(RECONCILE, severity, Location(doc.src_uri, line), message)


def _component_edges(
    catalog: Catalog, designs: dict[str, DesignDoc], severity: Severity
) -> tuple[tuple[Edge, ...], list[Finding]]:
    """Edges between known components (one per pair, first stater kept) and dangling names.

    A dependency is not dangling when it names a design (``Event Bus``), or a system its own
    design lists under Depends On or External Dependencies (``AWS Glue Schema Registry``).
    """
    edges: dict[tuple[str, str], Edge] = {}
    findings: list[Finding] = []
    for entry in catalog.components:
        for doc, comp in entry.sources:
            for dep in comp.dependencies:
                known = catalog.find_component(dep)
                if known is not None and known.key != entry.key:
                    source, target = f"component:{entry.key}", f"component:{known.key}"
                    edges.setdefault((source, target), Edge(source, target, doc.src_uri))
                elif known is None and _dangling(dep, doc, designs):
                    message = f'component "{comp.name}" depends on "{dep}", which no design defines'
                    findings.append(
                        Finding(RECONCILE, severity, Location(doc.src_uri, comp.line), message)
                    )
    return tuple(edges.values()), findings


def _dangling(name: str, doc: DesignDoc, designs: dict[str, DesignDoc]) -> bool:
    """Whether a name is neither a design nor a system ``doc`` lists as one it depends on."""
    key = component_key(name)
    stated = (*doc.depends_on, *doc.external)
    return key not in designs and all(component_key(n) != key for n in stated)
