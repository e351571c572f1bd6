"""The graph page's pictures: the layered layout, what a catalog draws, and the SVG itself.

The layout is checked for what a reader needs (no box over another, every line from the right
box to the right box, few crossings) on hand-made and generated graphs and on the sample
site; the SVG for what a browser needs (one ``<svg>`` with a title, nodes that are links, page
text only ever as text).
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, NamedTuple

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import SAMPLE_SITE, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_design.catalog.catalog import Catalog
from mkdocs_design.catalog.graph import build_graph
from mkdocs_design.model import Component, DesignDoc, Status
from mkdocs_design.output import graphs, picture
from mkdocs_design.output.grid import DUMMY_LIMIT
from mkdocs_design.output.layout import Layout, Spacing, layered
from mkdocs_design.output.svg import draw, fit, text_width, wrap
from mkdocs_design.reading.parse import ParseRules, parse_page
from mkdocs_design.reading.placeholders import PlaceholderRules
from mkdocs_design.reading.statuses import StatusTable
from mkdocs_design.reading.template import template_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.output.picture import Picture

STATUSES = StatusTable.build()
REPRODUCIBLE = settings(
    derandomize=True, database=None, deadline=None, max_examples=examples(60),
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip


# --- reading a picture back (the site tests use these too) ---------------------------------------


class Drawn(NamedTuple):
    """What an ``<svg>`` shows: node names and kinds in order, and its arrows."""

    labels: list[str]
    kinds: list[str]
    arrows: set[tuple[str, str, str]]


def read_svg(svg: Tag) -> Drawn:
    """Names (from each node's ``<title>``, less its note), kinds and arrows of a picture.

    An arrow is ``(source, "-->", target)``, ``"-.->"`` when inferred, ``"<->"`` both ways.
    """
    labels, kinds = [], []
    for index, node in enumerate(svg.select("[data-node]")):
        assert node["data-node"] == str(index)
        note = node.select_one(".design-graph__note")
        title = node.find("title").get_text()
        labels.append(title.removesuffix(f" ({note.get_text()})") if note else title)
        kind = next(c for c in node["class"] if c.startswith("design-graph__node--"))
        kinds.append(kind.removeprefix("design-graph__node--"))
    arrows = set()
    for path in svg.select("path.design-graph__edge"):
        classes = path["class"]
        arrow = "<->" if "design-graph__edge--both" in classes else "-->"
        arrow = "-.->" if "design-graph__edge--inferred" in classes else arrow
        arrows.add((labels[int(path["data-from"])], arrow, labels[int(path["data-to"])]))
    return Drawn(labels, kinds, arrows)


def svg_of(html: str) -> Tag:
    found = BeautifulSoup(html, "html.parser").find("svg")
    assert isinstance(found, Tag)
    return found


# --- the layout -----------------------------------------------------------------------------------


def overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def check(
    sizes: Sequence[tuple[float, float]], edges: Sequence[tuple[int, int]], got: Layout
) -> None:
    """No box over another; every line from the bottom of its upper box to the top of the lower."""
    assert [(w, h) for _, _, w, h in got.boxes] == list(sizes)
    for a, b in itertools.combinations(got.boxes, 2):
        assert not overlaps(a, b), (a, b)
    for (source, target), route, flipped in zip(edges, got.routes, got.flipped, strict=True):
        if source == target:
            assert route == ()
            continue
        upper, lower = (target, source) if flipped else (source, target)
        ux, uy, uw, uh = got.boxes[upper]
        lx, ly, lw, _ = got.boxes[lower]
        (x0, y0), (x1, y1) = route[0], route[-1]
        assert ux <= x0 <= ux + uw
        assert y0 == pytest.approx(uy + uh)
        assert lx <= x1 <= lx + lw
        assert y1 == pytest.approx(ly)
        ys = [y for _, y in route]
        assert ys == sorted(ys), "every line runs down"
    assert all(x >= -1e-6 and y >= 0 and x + w <= got.width + 1e-6 for x, y, w, _ in got.boxes)
    assert all(y + h <= got.height + 1e-6 for _, y, _, h in got.boxes)


@st.composite
def graphs_(draw_: st.DrawFn) -> tuple[list[tuple[float, float]], list[tuple[int, int]], set[int]]:
    count = draw_(st.integers(1, 24))
    sizes = draw_(st.lists(st.tuples(st.integers(40, 200), st.integers(20, 70)), min_size=count,
                           max_size=count))  # fmt: skip
    edges = draw_(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)),
                           max_size=3 * count))  # fmt: skip
    weak = draw_(st.sets(st.integers(0, max(0, len(edges) - 1))))
    return [(float(w), float(h)) for w, h in sizes], edges, weak


@REPRODUCIBLE
@given(graphs_())
def test_layout_keeps_boxes_apart_and_lines_on_their_ends(
    graph: tuple[list[tuple[float, float]], list[tuple[int, int]], set[int]],
) -> None:
    """Any graph, cycles and self-loops included: boxes apart, lines down, same every time."""
    sizes, edges, weak = graph
    got = layered(sizes, edges, weak=weak)
    check(sizes, edges, got)
    assert got == layered(sizes, edges, weak=weak)


def test_weak_edges_are_turned_round_first() -> None:
    """A stated edge and an inferred one in a cycle: the inferred one points up."""
    sizes = [(80.0, 30.0)] * 2
    assert layered(sizes, [(0, 1), (1, 0)], weak={1}).flipped == (False, True)
    assert layered(sizes, [(0, 1), (1, 0)], weak={0}).flipped == (True, False)


def test_a_cycle_of_stated_edges_turns_one_round() -> None:
    """Three designs depending on each other in a ring: one arrow points up."""
    got = layered([(80.0, 30.0)] * 3, [(0, 1), (1, 2), (2, 0)])
    assert sum(got.flipped) == 1
    check([(80.0, 30.0)] * 3, [(0, 1), (1, 2), (2, 0)], got)


def test_sources_above_targets_and_rows_apart() -> None:
    """A chain is drawn top to bottom, one row per link; a weak edge follows the rows."""
    sizes = [(100.0, 40.0)] * 4
    got = layered(sizes, [(0, 1), (1, 2), (3, 2), (0, 2)], weak={3})
    ys = [y for _, y, _, _ in got.boxes]
    assert ys[0] < ys[1] < ys[2]
    assert ys[3] < ys[2], "a node depending only on the bottom one sits just above it"
    assert got.flipped == (False,) * 4


def test_ordering_removes_an_avoidable_crossing() -> None:
    """Two parallel edges given crossed are drawn side by side."""
    sizes = [(60.0, 30.0)] * 4
    got = layered(sizes, [(0, 3), (1, 2)])
    assert got.crossings == 0
    assert (got.boxes[0][0] < got.boxes[1][0]) == (got.boxes[3][0] < got.boxes[2][0])


def test_long_edges_go_around_nodes() -> None:
    """An edge across a row passes beside the row's node, not through it."""
    sizes = [(100.0, 40.0)] * 3
    got = layered(sizes, [(0, 1), (1, 2), (0, 2)])
    check(sizes, [(0, 1), (1, 2), (0, 2)], got)
    x, _, width, _ = got.boxes[1]
    bends = got.routes[2][1:-1]
    assert bends, "a dummy point in the middle row"
    assert all(not x <= bx <= x + width for bx, _ in bends)


def test_wide_layers_wrap_and_loose_nodes_come_last() -> None:
    """Forty dependencies of one design wrap onto rows; nodes without edges go underneath."""
    sizes = [(100.0, 40.0)] * 43
    edges = [(0, n) for n in range(1, 41)]
    spacing = Spacing(max_width=600)
    got = layered(sizes, edges, spacing=spacing)
    check(sizes, edges, got)
    rows = {y for _, y, _, _ in got.boxes[1:41]}
    assert len(rows) >= 40 * 128 / 600
    lowest = max(y for _, y, _, _ in got.boxes[:41])
    assert all(y > lowest for _, y, _, _ in got.boxes[41:])


def test_huge_graphs_draw_long_edges_straight() -> None:
    """Past the dummy limit, long edges are one curve each; boxes still never overlap."""
    count = 150
    edges = [(n, n + 1) for n in range(count - 1)] + [(0, count - 1)] * (DUMMY_LIMIT // 140)
    sizes = [(100.0, 40.0)] * count
    got = layered(sizes, edges)
    check(sizes, edges, got)
    assert len(got.routes[-1]) == 2


@REPRODUCIBLE
@given(st.lists(st.integers(0, 9), max_size=40))
def test_crossing_count_is_the_number_of_pairs_out_of_order(values: list[int]) -> None:
    """The Fenwick-tree count matches a direct count."""
    from mkdocs_design.output.grid import _inversions  # private: tested alone

    expected = sum(1 for a, b in itertools.combinations(values, 2) if a > b)
    assert _inversions(values, 10) == expected


# --- text in boxes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Event Bus", ("Event Bus",)),
        ("Prepaid Shipment Credits", ("Prepaid Shipment", "Credits")),
        ("A very long design title that goes on and on",
         ("A very long design", "title that goes on…")),
        ("Supercalifragilisticexpialidocious", ("Supercalifragilistic…",)),
        ("", ("",)),
    ],
)  # fmt: skip
def test_names_wrap_onto_two_lines_at_most(text: str, lines: tuple[str, ...]) -> None:
    """Names wrap at spaces, two lines at most, cut with an ellipsis past that."""
    assert wrap(text, 15, 150) == lines


@given(st.text(max_size=80))
def test_wrapped_lines_fit(text: str) -> None:
    """Whatever the name, no line is wider than the box allows."""
    for line in wrap(text, 15, 150):
        assert text_width(line, 15) <= 150
    assert text_width(fit(text, 11, 100), 11) <= 100


# --- the picture of a catalog ---------------------------------------------------------------------


def doc(
    src_uri: str,
    title: str,
    status: str = "Approved",
    *,
    depends_on: tuple[str, ...] = (),
    used_by: tuple[str, ...] = (),
    components: tuple[Component, ...] = (),
) -> DesignDoc:
    return DesignDoc(
        src_uri, title, title_line=1, status=Status(status, STATUSES.resolve(status), 3),
        depends_on=depends_on, used_by=used_by, components=components,
    )  # fmt: skip


def href(to_uri: str, anchor: str = "") -> str:
    return f"{to_uri}#{anchor}" if anchor else to_uri


def comp(name: str, *dependencies: str) -> Component:
    return Component(name, name.lower().replace(" ", "-"), 10, dependencies=dependencies)


CATALOG = Catalog.from_docs(
    [
        doc("platform/bus.md", "Event Bus", "Implemented", depends_on=("Tenant Directory",),
            used_by=("Tracking",), components=(comp("Publisher", "Registry"), comp("Registry"))),
        doc("shipments/tracking.md", "Tracking", "Draft",
            depends_on=("Event Bus", "Tenant Directory", "Billing"),
            components=(comp("Normalizer", "Publisher", "PostgreSQL"),)),
        doc("billing/billing.md", "Billing", "Ready", depends_on=("Tracking",),
            used_by=("Event Bus",), components=(comp("Invoicer", "Normalizer"),)),
        doc("billing/ledger.md", "Ledger", components=(comp("Journal", "Registry"),)),
    ],
    STATUSES,
)  # fmt: skip


def arrows_of(drawn: Picture) -> set[tuple[str, str, str]]:
    names = [n.label for n in drawn.nodes]
    return {
        (names[ln.source], "<->" if ln.both else "-.->" if ln.inferred else "-->", names[ln.target])
        for ln in drawn.links
    }


def test_overview_draws_designs_their_links_and_systems_outside() -> None:
    """Depends On and Used By links, component links folded up, one node per external name.

    Designs come folder by folder, in catalog order (status, then title) within each.
    """
    drawn = picture.overview(CATALOG, build_graph(CATALOG), CATALOG.docs, href)
    assert [(n.label, n.kind) for n in drawn.nodes] == [
        ("Ledger", "design"), ("Billing", "design"), ("Event Bus", "design"),
        ("Tracking", "design"), ("Tenant Directory", "external"),
    ]  # fmt: skip
    assert arrows_of(drawn) == {
        ("Tracking", "-->", "Event Bus"),
        ("Tracking", "-->", "Tenant Directory"),
        ("Event Bus", "-->", "Tenant Directory"),
        ("Billing", "<->", "Tracking"),  # stated both ways
        ("Event Bus", "-.->", "Billing"),  # only Billing's Used By says so
        ("Ledger", "-->", "Event Bus"),  # Journal depends on Registry, a component of Event Bus
    }
    assert drawn.nodes[3].note == "Draft"
    assert drawn.nodes[3].href == "shipments/tracking.md"


def test_filtered_overview_names_the_designs_outside() -> None:
    """A folder's picture: its designs, and the others it depends on as ``outside`` nodes."""
    billing = [d for d in CATALOG.docs if d.src_uri.startswith("billing/")]
    drawn = picture.overview(CATALOG, build_graph(CATALOG), billing, href)
    kinds = {n.label: n.kind for n in drawn.nodes}
    assert kinds == {"Billing": "design", "Ledger": "design", "Tracking": "outside",
                     "Event Bus": "outside"}  # fmt: skip


def test_components_of_a_design_with_their_users_and_dependencies() -> None:
    """Own components, components of others they use or are used by, and named systems."""
    tracking = CATALOG.by_uri["shipments/tracking.md"]
    drawn = picture.components(CATALOG, build_graph(CATALOG), tracking, href)
    assert {(n.label, n.kind, n.note) for n in drawn.nodes} == {
        ("Normalizer", "component", ""),
        ("Publisher", "foreign", "in Event Bus"),
        ("PostgreSQL", "external", "external"),
        ("Invoicer", "foreign", "in Billing"),
    }
    assert arrows_of(drawn) == {
        ("Normalizer", "-->", "Publisher"),
        ("Normalizer", "-->", "PostgreSQL"),
        ("Invoicer", "-->", "Normalizer"),
    }
    assert drawn.nodes[0].href == "shipments/tracking.md#normalizer"


# --- the SVG --------------------------------------------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"
TAGS = {"svg", "title", "g", "path", "a", "rect", "text", "tspan"}
ATTRIBUTES = {
    "class", "xmlns", "viewBox", "width", "height", "role", "aria-label", "d", "href", "style",
    "x", "y", "rx", "data-node", "data-from", "data-to",
}  # fmt: skip
HOSTILE = [
    "<script>alert(1)</script>", '" onmouseover="alert(1)', "]]><svg onload=alert(1)>",
    "&amp; &lt;", "javascript:alert(1)", "</title><script>x</script>", "{{ 7*7 }}",
]  # fmt: skip


def test_svg_is_well_formed_and_holds_names_as_text_only() -> None:
    """Hostile names stay text: valid XML, known tags and attributes, names read back whole."""
    docs = [doc(f"h{n}.md", name, depends_on=(f"x {name}",)) for n, name in enumerate(HOSTILE)]
    catalog = Catalog.from_docs(docs, STATUSES)
    drawn = picture.overview(catalog, build_graph(catalog), catalog.docs, href)
    svg, _ = draw(drawn, STATUSES, label="Graph of <b>")
    root = ET.fromstring(svg)
    for element in root.iter():
        assert element.tag.removeprefix(SVG) in TAGS, element.tag
        assert set(element.attrib) <= ATTRIBUTES, element.attrib
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Graph of <b>"
    assert root[0].tag == f"{SVG}title"
    shown = read_svg(svg_of(svg))
    assert sorted(shown.labels) == sorted([*HOSTILE, *(f"x {name}" for name in HOSTILE)])
    assert "<script" not in svg
    assert " onload=" not in svg.replace("onload=alert", "")


def test_nodes_are_links_styled_by_status_and_role() -> None:
    """Each design is a link with a title; its status colour and role shape are classes."""
    drawn = picture.overview(CATALOG, build_graph(CATALOG), CATALOG.docs, href)
    svg = svg_of(draw(drawn, STATUSES, label="Graph")[0])
    links = svg.select("a.design-graph__node")
    assert [a["href"] for a in links] == [n.href for n in drawn.nodes if n.href]
    by_name = {a.find("title").get_text(): a for a in links}
    tracking = by_name["Tracking (Draft)"]
    assert "design-graph__node--role-draft" in tracking["class"]
    assert tracking["style"] == "--design--node: var(--design-draft)"
    billing = by_name["Billing (Ready)"]  # a status the vocabulary does not know
    assert "design-graph__node--role-none" in billing["class"]
    assert billing["style"] == "--design--node: var(--design-unknown)"
    external = svg.select_one("g.design-graph__node--external")
    assert external is not None
    assert external.get("style") is None
    assert read_svg(svg).arrows == arrows_of(drawn)


# --- the sample site -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> Catalog:
    """The sample site's designs, read as its ``mkdocs.yml`` says (its status aliases)."""
    config = yaml.safe_load((SAMPLE_SITE / "mkdocs.yml").read_text("utf-8"))
    options = next(p["design"] for p in config["plugins"] if isinstance(p, dict))
    statuses = StatusTable.build(aliases=options.get("status_aliases"))
    rules = ParseRules(
        statuses=statuses, placeholders=PlaceholderRules.from_template(template_text())
    )
    root = SAMPLE_SITE / config["docs_dir"]
    pages = (parse_page(p.relative_to(root).as_posix(), p.read_text("utf-8"), rules)
             for p in sorted(root.rglob("*.md")))  # fmt: skip
    return Catalog.from_docs([doc for doc in pages if doc], statuses)


def test_sample_site_reads_at_a_glance(sample: Catalog) -> None:
    """Twelve designs and three systems: boxes apart, few crossings, within a page's width."""
    graph = build_graph(sample)
    drawn = picture.overview(sample, graph, sample.docs, href)
    svg, layout = draw(drawn, sample.statuses, label="Graph")
    assert len(drawn.nodes) == 15
    assert len(drawn.links) == 32
    for a, b in itertools.combinations(layout.boxes, 2):
        assert not overlaps(a, b)
    assert layout.crossings <= 24
    assert layout.width <= 760
    assert layout.height <= 800
    shown = read_svg(svg_of(svg))
    assert shown.kinds.count("design") == 12
    assert ("Webhook Dispatcher", "-->", "Shipment Service") in shown.arrows


def test_sample_site_page_draws_components_per_design(sample: Catalog) -> None:
    """The page: the overview, then each design's components, folded; no Mermaid."""
    page = graphs.render_graph(
        sample, build_graph(sample), sample.docs, href, title="Graph", index_uri=None
    )
    soup = BeautifulSoup(page, "html.parser")
    assert len(soup.select("figure.design-graph svg")) == 1
    details = soup.select("details.design-graph-detail")
    assert len(details) == len([d for d in sample.docs if d.components]) == 12
    assert all(d.select_one("svg[role=img]") for d in details)
    assert "mermaid" not in page
    assert "flowchart" not in page


def test_large_catalogs_draw_designs_only() -> None:
    """Past the detail limit the page says so and draws no component pictures."""
    docs = [
        doc(f"t{n % 7}/d{n}.md", f"Design {n}", depends_on=(f"Design {n // 2}",),
            components=(comp(f"Part {n}"),))
        for n in range(graphs.DETAIL_LIMIT + 1)
    ]  # fmt: skip
    catalog = Catalog.from_docs(docs, STATUSES)
    page = graphs.render_graph(
        catalog, build_graph(catalog), catalog.docs, href, title=None, index_uri=None
    )
    assert "only the designs are drawn" in page
    assert page.count("<svg") == 1
