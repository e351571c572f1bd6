"""The dependency graph on hand-built designs: name matching, edges, reconciliation.

No Markdown here: designs are built as :class:`DesignDoc` values, so each table row states
exactly what the pages say and what the graph must make of it.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from mkdocs_design.catalog.catalog import Catalog, component_key
from mkdocs_design.catalog.graph import Edge, build_graph, design_index
from mkdocs_design.model import Component, DesignDoc, Location, Severity, Status
from mkdocs_design.reading.statuses import StatusTable

STATUSES = StatusTable.build()
DEPENDS_LINE, USED_LINE = 7, 8


def doc(
    src_uri: str,
    title: str,
    *,
    status: str = "Approved",
    depends_on: tuple[str, ...] = (),
    used_by: tuple[str, ...] = (),
    components: tuple[Component, ...] = (),
) -> DesignDoc:
    """A design whose System Context lists sit on lines 7 (Depends On) and 8 (Used By)."""
    return DesignDoc(
        src_uri, title, title_line=1, status=Status(status, STATUSES.resolve(status), 3),
        depends_on=depends_on, used_by=used_by, components=components,
        context_lines={"depends on": DEPENDS_LINE, "used by": USED_LINE},
    )  # fmt: skip


def comp(name: str, *dependencies: str, line: int = 20) -> Component:
    return Component(name, name.lower().replace(" ", "-"), line, dependencies=dependencies)


def catalog(*docs: DesignDoc) -> Catalog:
    return Catalog.from_docs(docs, STATUSES)


def stated(graph_edges: tuple[Edge, ...]) -> list[tuple[str, str, bool]]:
    return [(e.source, e.target, e.inferred) for e in graph_edges]


# --- name matching -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        pytest.param("Event Bus", "event bus", id="words"),
        pytest.param("  event   BUS. ", "event bus", id="case-spaces-dot"),
        pytest.param("Event Bus (Kafka)", "event bus", id="trailing-parenthetical"),
        pytest.param("event_bus", "event bus", id="underscore"),
        pytest.param("`Rate Limiter`", "rate limiter", id="code-span"),
        pytest.param("**Rate** ~~Limiter~~", "rate limiter", id="markup"),
        pytest.param("Single Sign-On", "single sign on", id="hyphen"),
        pytest.param("C++ Parser", "c++ parser", id="symbols-that-tell-names-apart"),
        pytest.param("Платёжный шлюз", "платёжный шлюз", id="cyrillic"),
        pytest.param("支付网关", "支付网关", id="cjk"),
        pytest.param("Straße", "strasse", id="casefold"),
        pytest.param("(internal)", "", id="only-parenthetical"),
        pytest.param("—", "", id="only-punctuation"),
    ],
)  # fmt: skip
def test_component_key(name: str, key: str) -> None:
    """Names fold to one key however they are written; every script keeps its letters."""
    assert component_key(name) == key


def test_non_latin_names_do_not_all_match_each_other() -> None:
    """Two designs with Cyrillic titles are two designs, and a third name matches neither."""
    a = doc("a.md", "Платежи")
    b = doc("b.md", "Доставка")
    index = design_index(catalog(a, b))
    assert index["платежи"] is a
    assert index["доставка"] is b
    assert "" not in index
    graph = build_graph(catalog(doc("c.md", "Склад", depends_on=("Отчёты",)), a, b))
    assert stated(graph.design_edges) == [("c.md", "external:Отчёты", False)]


def test_titles_win_over_file_names() -> None:
    """A design titled "Auth" is found as "Auth" even when another design's file is auth.md."""
    sso = doc("platform/auth.md", "Single Sign-On", status="Draft")  # first in catalog order
    auth = doc("security/tokens.md", "Auth")
    assert catalog(sso, auth).docs == (sso, auth)
    index = design_index(catalog(sso, auth))
    assert index["auth"] is auth
    assert index["single sign on"] is sso
    assert index["tokens"] is auth


@pytest.mark.parametrize(
    ("src_uri", "names"),
    [
        pytest.param("billing/ledger.md", ["usage ledger", "ledger"], id="file-stem"),
        pytest.param("billing/ledger/design.md", ["usage ledger", "ledger"], id="design-md"),
        pytest.param("billing/ledger/index.md", ["usage ledger", "ledger"], id="index-md"),
        pytest.param("billing/ledger/README.md", ["usage ledger", "ledger"], id="readme"),
        pytest.param("design.md", ["usage ledger", "design"], id="top-level-design-md"),
    ],
)  # fmt: skip
def test_design_index_keys(src_uri: str, names: list[str]) -> None:
    """A design is found by its title and by its file name (or folder, for design.md)."""
    ledger = doc(src_uri, "Usage Ledger")
    assert sorted(design_index(catalog(ledger))) == sorted(names)


# --- design edges and reconciliation -----------------------------------------------------------

BUS = "platform/event-bus.md"
TRACK = "shipments/tracking.md"


@pytest.mark.parametrize(
    ("bus", "tracking", "edges", "findings"),
    [
        pytest.param(
            {"used_by": ("Tracking",)}, {"depends_on": ("Event Bus",)},
            [(TRACK, BUS, False)], [], id="agree",
        ),
        pytest.param(
            {"used_by": ("tracking",)}, {"depends_on": ("event-bus",)},
            [(TRACK, BUS, False)], [], id="agree-by-file-name",
        ),
        pytest.param(
            {"used_by": ("Billing",)}, {"depends_on": ("Event Bus",)},
            [(TRACK, BUS, False)],
            [(TRACK, DEPENDS_LINE, 'lists "Event Bus" under Depends On, but '
              'platform/event-bus.md does not list "Tracking" under Used By')],
            id="used-by-omits-dependent",
        ),
        pytest.param(
            {}, {"depends_on": ("Event Bus",)}, [(TRACK, BUS, False)], [],
            id="no-used-by-list-no-disagreement",
        ),
        pytest.param(
            {"used_by": ("Tracking",)}, {"depends_on": ("Carrier Gateway",)},
            [(TRACK, "external:Carrier Gateway", False), (TRACK, BUS, True)],
            [(BUS, USED_LINE, 'lists "Tracking" under Used By, but shipments/tracking.md does '
              'not list "Event Bus" under Depends On')],
            id="depends-on-omits-dependency",
        ),
        pytest.param(
            {"used_by": ("Tracking",)}, {}, [(TRACK, BUS, True)], [],
            id="no-depends-on-list-inferred-only",
        ),
        pytest.param(
            {"used_by": ("Customer Portal",)}, {"depends_on": ("Customer Portal",)},
            [(TRACK, "external:Customer Portal", False)], [], id="names-outside-the-catalog",
        ),
        pytest.param(
            {"depends_on": ("Event Bus",), "used_by": ("Event Bus (v1)",)}, {},
            [], [], id="self-reference-is-no-edge",
        ),
        pytest.param(
            {"used_by": ("Tracking", "tracking")}, {"depends_on": ("Tracking Hub",)},
            [(TRACK, "external:Tracking Hub", False), (TRACK, BUS, True)],
            [(BUS, USED_LINE, 'lists "Tracking" under Used By, but shipments/tracking.md does '
              'not list "Event Bus" under Depends On')] * 2,
            id="two-spellings-one-inferred-edge",
        ),
    ],
)  # fmt: skip
def test_design_edges_and_disagreements(
    bus: dict[str, tuple[str, ...]],
    tracking: dict[str, tuple[str, ...]],
    edges: list[tuple[str, str, bool]],
    findings: list[tuple[str, int, str]],
) -> None:
    """Each side's lists → stated and inferred edges, and a finding where one side is silent."""
    graph = build_graph(catalog(doc(BUS, "Event Bus", **bus), doc(TRACK, "Tracking", **tracking)))
    assert sorted(stated(graph.design_edges)) == sorted(edges)
    assert [(f.location.path, f.location.line, f.message) for f in graph.findings] == findings
    assert {f.code for f in graph.findings} <= {"reconcile"}


def test_inferred_edge_is_stated_by_the_used_by_page() -> None:
    """The reverse edge offered for a one-sided Used By names the page that states it."""
    graph = build_graph(
        catalog(doc(BUS, "Event Bus", used_by=("Tracking",)), doc(TRACK, "Tracking"))
    )
    assert graph.design_edges == (Edge(TRACK, BUS, stated_by=BUS, inferred=True),)
    assert graph.depends_on(TRACK) == [BUS]
    assert graph.dependents(BUS) == [TRACK]
    assert graph.depends_on(BUS) == []


def test_finding_line_falls_back_to_the_title() -> None:
    """Without a known System Context line, the finding points at the title (or line 1)."""
    bus = DesignDoc(BUS, "Event Bus", title_line=4, used_by=("Tracking",))
    tracking = DesignDoc(TRACK, "Tracking", depends_on=("Carrier",))
    found = build_graph(catalog(bus, tracking)).findings
    assert [f.location for f in found] == [Location(BUS, 4)]
    bus = DesignDoc(BUS, "Event Bus", used_by=("Tracking",))
    assert [f.location for f in build_graph(catalog(bus, tracking)).findings] == [Location(BUS, 1)]


@pytest.mark.parametrize("severity", [Severity.INFO, Severity.WARNING])
def test_findings_carry_the_requested_severity(severity: Severity) -> None:
    """The caller picks the severity of reconciliation findings."""
    graph = build_graph(
        catalog(
            doc(BUS, "Event Bus", used_by=("Tracking",)),
            doc(TRACK, "Tracking", depends_on=("X",), components=(comp("Relay", "Nowhere"),)),
        ),
        severity,
    )
    assert len(graph.findings) == 2
    assert {f.severity for f in graph.findings} == {severity}


def test_dependencies_and_dependents_keep_order_without_repeats() -> None:
    """``depends_on`` / ``dependents`` list each design once, stated edges in page order."""
    docs = catalog(
        doc("a.md", "A", depends_on=("B", "C", "Vault")),
        doc("b.md", "B", used_by=("A", "C")),
        doc("c.md", "C", used_by=("A",)),
    )
    graph = build_graph(docs)
    assert graph.depends_on("a.md") == ["b.md", "c.md", "external:Vault"]
    assert graph.depends_on("c.md") == ["b.md"]
    assert graph.dependents("b.md") == ["a.md", "c.md"]
    assert graph.findings == ()


# --- component edges ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("components", "edges", "dangling"),
    [
        pytest.param([comp("Publisher", "Registry"), comp("Registry")],
                     [("component:publisher", "component:registry")], [], id="known"),
        pytest.param([comp("Publisher", "Registry (cached 60 s)"), comp("Registry")],
                     [("component:publisher", "component:registry")], [], id="parenthetical"),
        pytest.param([comp("Publisher", "Registry, for schema lookups"), comp("Registry")],
                     [("component:publisher", "component:registry")], [], id="longer-text"),
        pytest.param([comp("Publisher", "Rate Registry, for lookups"), comp("Rate Registry")],
                     [("component:publisher", "component:rate registry")], [],
                     id="longer-text-two-words"),
        pytest.param([comp("Publisher", "Publisher")], [], [], id="self"),
        pytest.param([comp("Publisher", "Mystery Box", line=31)], [],
                     [("Publisher", "Mystery Box", 31)], id="dangling"),
        pytest.param([comp("Publisher", "Tracking")], [], [], id="names-a-design"),
        pytest.param([comp("Publisher", "tracking")], [], [], id="names-a-design-file"),
    ],
)  # fmt: skip
def test_component_edges_and_dangling_names(
    components: list[Component],
    edges: list[tuple[str, str]],
    dangling: list[tuple[str, str, int]],
) -> None:
    """Component dependencies → edges between known components; unknown names → findings."""
    graph = build_graph(
        catalog(doc(BUS, "Event Bus", components=tuple(components)), doc(TRACK, "Tracking"))
    )
    assert [(e.source, e.target) for e in graph.component_edges] == edges
    assert {e.stated_by for e in graph.component_edges} <= {BUS}
    expected = [
        (BUS, line, f'component "{name}" depends on "{dep}", which no design defines')
        for name, dep, line in dangling
    ]
    assert [(f.location.path, f.location.line, f.message) for f in graph.findings] == expected


@pytest.mark.parametrize(
    ("bus_lists", "tracking_lists", "dangling"),
    [
        pytest.param({"external": ("AWS Glue (eu-west-1)",)}, {}, False, id="own-external"),
        pytest.param({"depends_on": ("aws glue",)}, {}, False, id="own-depends-on"),
        pytest.param({}, {"external": ("AWS Glue",)}, True, id="another-designs-external"),
        pytest.param({"external": ("AWS Glue Schema Registry",)}, {}, True, id="other-name"),
    ],
)  # fmt: skip
def test_systems_a_design_lists_are_not_dangling(
    bus_lists: dict[str, tuple[str, ...]],
    tracking_lists: dict[str, tuple[str, ...]],
    dangling: bool,
) -> None:
    """A component may depend on what its own design lists as Depends On or External."""
    bus = replace(doc(BUS, "Event Bus", components=(comp("Registry", "AWS Glue"),)), **bus_lists)
    tracking = replace(doc(TRACK, "Tracking"), **tracking_lists)
    assert bool(build_graph(catalog(bus, tracking)).findings) is dangling


def test_component_described_twice_gives_one_edge() -> None:
    """Two designs describing the same dependency yield one edge, stated by the first."""
    graph = build_graph(
        catalog(
            doc(BUS, "Event Bus", components=(comp("Publisher", "Registry"), comp("Registry"))),
            doc(TRACK, "Tracking", components=(comp("Publisher", "Registry"),)),
        )
    )
    assert graph.component_edges == (
        Edge("component:publisher", "component:registry", stated_by=BUS),
    )
