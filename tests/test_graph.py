"""The dependency graph on hand-built designs: name matching, edges, reconciliation, Mermaid.

No Markdown here: designs are built as :class:`DesignDoc` values, so each table row states
exactly what the pages say and what the graph must make of it.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_design.catalog.catalog import Catalog, component_key
from mkdocs_design.catalog.graph import Edge, build_graph, design_index
from mkdocs_design.model import Component, DesignDoc, Location, Severity, Status
from mkdocs_design.output.mermaid import flowchart, label
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


# --- Mermaid -----------------------------------------------------------------------------------

# What Mermaid 11 does with a label: `#name;` / `#123;` codes become characters.
_CODE = re.compile(r"#(\w+);")


def mermaid_text(quoted: str) -> str:
    """The text Mermaid shows for a quoted label."""
    assert quoted.startswith('"')
    assert quoted.endswith('"')
    inner = quoted[1:-1]
    return _CODE.sub(
        lambda m: chr(int(m[1])) if m[1].isdigit() else html.unescape(f"&{m[1]};"), inner
    )


HOSTILE = [
    '"quotes"', "<script>alert(1)</script>", "]", "a ] b [c", "`tick` ``x``", "-->", "end",
    "subgraph", "%%{init: {\"theme\": \"dark\"}}%%", "%% comment", "#quot;", "&amp; &", "a;b",
    "style x:#f00;", "classDef x:#f00;", "{curly} (paren) |pipe|", ":::draft", "x\ny",
    "Ünïcödé 日本",
]  # fmt: skip


@pytest.mark.parametrize("name", HOSTILE)
def test_label_is_one_quoted_string_mermaid_shows_literally(name: str) -> None:
    """A name from a page becomes a quoted label that shows exactly that name."""
    quoted = label(name)
    assert re.fullmatch(r'"[^"<>&`%:;\n]*"', _CODE.sub("", quoted)), quoted
    assert mermaid_text(quoted) == " ".join(name.split())


@pytest.mark.parametrize(
    ("name", "quoted"),
    [
        pytest.param("Event Bus", '"Event Bus"', id="plain"),
        pytest.param('Say "hi"', '"Say #quot;hi#quot;"', id="quotes"),
        pytest.param("a<b>&c", '"a#lt;b#gt;#amp;c"', id="html"),
        pytest.param("`x`", '"#96;x#96;"', id="backticks"),
        pytest.param("#1; 50%: ok", '"#35;1#59; 50#37;#58; ok"', id="entity-lookalike"),
        pytest.param("  a \n b  ", '"a b"', id="whitespace"),
        pytest.param("", '"#32;"', id="empty-is-a-space"),
        pytest.param(" \t", '"#32;"', id="blank-is-a-space"),
    ],
)  # fmt: skip
def test_label_exact(name: str, quoted: str) -> None:
    """Exact encodings: Mermaid entity codes for every character that could escape."""
    assert label(name) == quoted


@settings(deadline=None)
@given(st.text())
def test_label_round_trips_any_text(text: str) -> None:
    """Any text reads back exactly (whitespace folded); no raw quote or markup survives."""
    quoted = label(text)
    assert "\n" not in quoted
    assert '"' not in quoted[1:-1]
    assert mermaid_text(quoted) == (" ".join(text.split()) or " ")


LINE = re.compile(
    r"flowchart LR"
    r"|  classDef [a-z_]+ [^\"]+"
    r'|  subgraph d\d+ \["[^"]*"\]'
    r'|    c\d+\["[^"]*"\]'
    r"|  end"
    r"|  class d\d+ [a-z0-9_]+"
    r'|  x\d+\("[^"]*"\)'
    r"|  d\d+ (-->|-\.->) [dx]\d+"
    r"|  c\d+ --> c\d+"
)


def check_structure(source: str) -> list[str]:
    """Assert every line is one of the shapes flowchart emits; return the lines."""
    lines = source.rstrip("\n").split("\n")
    assert source.endswith("\n")
    bad = [line for line in lines if not LINE.fullmatch(line)]
    assert bad == [], bad
    return lines


def labels(lines: list[str]) -> dict[str, str]:
    """Node id → the text Mermaid shows for it."""
    found = {}
    for line in lines:
        if m := re.match(r'\s+(?:subgraph )?([dcx]\d+) ?[\[(]("[^"]*")[\])]$', line):
            found[m[1]] = mermaid_text(m[2])
    return found


def sample_catalog() -> Catalog:
    return catalog(
        doc(BUS, "Event Bus", status="Implemented", depends_on=("tenant  directory",),
            used_by=("Tracking", "Billing"),
            components=(comp("Publisher", "Registry", "Mystery"), comp("Registry"))),
        doc(TRACK, "Tracking", status="Draft", depends_on=("Event Bus", "Tenant Directory"),
            components=(comp("Normalizer", "Publisher"),)),
        doc("billing.md", "Billing", status="Ready for QA", depends_on=("Ledger",)),
    )  # fmt: skip


def test_flowchart_structure() -> None:
    """Designs are subgraphs holding their components; edges solid or dotted; externals round."""
    docs = sample_catalog()
    graph = build_graph(docs)
    lines = check_structure(flowchart(docs, graph, docs.docs))
    names = labels(lines)
    ids = {text: node for node, text in names.items()}
    everything = "Tracking Normalizer Event_Bus Publisher Registry Billing Tenant_Directory Ledger"
    assert sorted(names.values()) == sorted(n.replace("_", " ") for n in everything.split())
    body = "\n".join(lines)
    assert f"subgraph {ids['Event Bus']} " in body
    inside_bus = body.split(f"subgraph {ids['Event Bus']} ")[1].split("  end")[0]
    assert ids["Publisher"] in inside_bus
    assert ids["Registry"] in inside_bus
    assert ids["Normalizer"] not in inside_bus
    assert f"  class {ids['Tracking']} draft" in lines
    assert f"  class {ids['Event Bus']} implemented" in lines
    assert f"  class {ids['Billing']} unknown" in lines
    arrows = [line.strip() for line in lines if "->" in line]
    assert sorted(arrows) == sorted([
        f"{ids['Tracking']} --> {ids['Event Bus']}",
        f"{ids['Tracking']} --> {ids['Tenant Directory']}",
        f"{ids['Event Bus']} --> {ids['Tenant Directory']}",
        f"{ids['Billing']} -.-> {ids['Event Bus']}",
        f"{ids['Billing']} --> {ids['Ledger']}",
        f"{ids['Publisher']} --> {ids['Registry']}",
        f"{ids['Normalizer']} --> {ids['Publisher']}",
    ])  # fmt: skip
    assert f'  {ids["Ledger"]}("Ledger")' in lines


def test_flowchart_of_some_designs_names_the_others_by_title() -> None:
    """A filtered graph draws only the chosen designs; a dependency outside is its title."""
    docs = sample_catalog()
    lines = check_structure(flowchart(docs, build_graph(docs), [docs.by_uri[TRACK]]))
    names = labels(lines)
    assert sorted(names.values()) == ["Event Bus", "Normalizer", "Tenant Directory", "Tracking"]
    assert not any(BUS in line for line in lines)
    ids = {text: node for node, text in names.items()}
    assert ids["Event Bus"].startswith("x")
    assert f"  {ids['Normalizer']} --> " not in "\n".join(lines)  # Publisher is not drawn


def test_flowchart_draws_each_edge_once() -> None:
    """Repeated statements of one dependency give one arrow."""
    docs = catalog(
        doc("a.md", "A", depends_on=("B", "b", "Vault", "vault")),
        doc("b.md", "B", used_by=("A",)),
    )
    lines = check_structure(flowchart(docs, build_graph(docs), docs.docs))
    arrows = [line for line in lines if "->" in line]
    assert len(arrows) == len(set(arrows)) == 2


def test_flowchart_escapes_hostile_names_everywhere() -> None:
    """Hostile titles, components and external names stay labels that read as written."""
    hostile = [name for name in HOSTILE if "\n" not in name]
    docs = catalog(
        *(
            doc(
                f"d{n}.md", name, depends_on=(f"ext{n} {name}",), components=(comp(f"c{n} {name}"),)
            )
            for n, name in enumerate(hostile)
        )
    )
    lines = check_structure(flowchart(docs, build_graph(docs), docs.docs))
    shown = set(labels(lines).values())
    for n, name in enumerate(hostile):
        assert {name, f"c{n} {name}", f"ext{n} {name}"} <= shown, name
    assert len([line for line in lines if line == "  end"]) == len(hostile)


def test_flowchart_empty_catalog() -> None:
    """No designs: a valid, empty flowchart."""
    docs = catalog()
    assert flowchart(docs, build_graph(docs), ()).startswith("flowchart LR\n")
