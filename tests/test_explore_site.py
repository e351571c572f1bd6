"""The dependency graph, reconciliation, lifecycle banners and staleness, read from real sites.

Each site is built in-process with ``SOURCE_DATE_EPOCH`` fixed, so "today" is 2026-01-01 and
every age is known. Line numbers in expected findings are looked up in the page sources, as
an editor shows them.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from typing import TYPE_CHECKING, Any

import pytest
from conftest import build_site, run_mkdocs, write_site
from test_catalog_site import Site, html_path, rows
from test_graph_svg import Drawn, read_svg

from mkdocs_design.catalog import history

if TYPE_CHECKING:
    from pathlib import Path

    from bs4 import Tag

TODAY = "1767225600"  # 2026-01-01T00:00:00Z
GRAPH = "design-catalog/graph/index.html"
OVERVIEW = "design-catalog/index.html"
QUESTIONS = "design-catalog/questions/index.html"


def design(
    title: str,
    status: str,
    *,
    created: str = "2025-11-20",
    depends: str | None = None,
    used: str | None = None,
    components: dict[str, tuple[str, ...]] | None = None,
    questions: tuple[str, ...] = (),
    timeline: tuple[str, ...] = (),
    body: str = "",
) -> str:
    """A design page: System Context lists, components (name → dependencies), questions."""
    parts = [f"# Design: {title}\n\n**Created:** {created}\n**Status:** {status}\n", body]
    parts.append(f"## Architecture Overview\n\nHow {title} works.\n")
    context = [f"- **Depends On:** {depends}"] if depends is not None else []
    context += [f"- **Used By:** {used}"] if used is not None else []
    if context:
        parts.append("## System Context\n\n" + "\n".join(context) + "\n")
    if components:
        parts.append("## Component Structure\n\n### Components\n")
        for n, (name, deps) in enumerate(components.items(), 1):
            listed = "".join(f"- {dep}\n" for dep in deps)
            parts.append(
                f"#### {n}. {name}\n\n**Responsibility:** Part {n}.\n"
                + (f"\n**Dependencies:**\n{listed}" if deps else "")
            )
    if questions:
        parts.append("## Open Questions\n\n" + "".join(f"- {q}\n" for q in questions))
    if timeline:
        parts.append("## Timeline Estimate\n\n" + "".join(f"- {t}\n" for t in timeline))
    return "\n".join(part for part in parts if part)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line containing ``needle``."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


def build(root: Path, docs: dict[str, str], config: dict[str, Any] | None = None) -> Site:
    """Write and build a site with today fixed; the docs folder is not in a git work tree."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", TODAY)
        patch.setenv("GIT_CEILING_DIRECTORIES", str(root.parent))
        return Site(build_site(write_site(root, docs, config)))


_FINDING = re.compile(r"mkdocs_design: [^:\n]+\.md:\d+:\d+: ")


def info(site: Site) -> list[str]:
    """The plugin's information findings (logged one by one at DEBUG), without the prefix."""
    messages = [
        r.getMessage()
        for r in site.built.records
        if r.levelno == logging.DEBUG and ".mkdocs_design." in r.name
    ]
    assert messages, "the plugin logged nothing at DEBUG"
    return [m.removeprefix("mkdocs_design: ") for m in messages if _FINDING.match(m)]


def drawn(site: Site, page: str = GRAPH) -> Drawn:
    """The overview picture of a graph page (or of a graph view)."""
    svg = site.main(page).select_one("figure.design-graph svg")
    assert svg is not None, f"{page}: no graph picture"
    return read_svg(svg)


def detail(site: Site, title: str, page: str = GRAPH) -> Drawn:
    """The picture of one design's components, under its folded heading."""
    for fold in site.main(page).select("details.design-graph-detail"):
        if fold.summary.get_text().startswith(f"{title} ("):
            return read_svg(fold.find("svg"))
    raise AssertionError(f"{page}: no components picture for {title}")


def design_items(site: Site) -> dict[str, Tag]:
    """The "Designs" list of the graph page, by design title."""
    heading = next(h for h in site.main(GRAPH).find_all("h2") if h.get_text() == "Designs")
    items = heading.find_next("ul").find_all("li", recursive=False)
    return {li.find("a").get_text(): li for li in items}


def section(site: Site, page: str, title: str) -> Tag | None:
    """The element after an ``h2`` titled ``title`` (its list or paragraph)."""
    main = site.main(page)
    heading = next((h for h in main.find_all("h2") if h.get_text() == title), None)
    return heading.find_next_sibling() if heading else None


# --- designs that agree --------------------------------------------------------------------------

AGREE = {
    "index.md": "# Home\n",
    "platform/event-bus.md": design(
        "Event Bus", "Implemented", depends="Tenant Directory", used="Tracking",
        components={"Event Publisher": ("Topic Registry",), "Topic Registry": ()},
    ),
    "shipments/tracking.md": design(
        "Tracking", "Approved", depends="Event Bus", used="None",
        components={"Scan Normalizer": ("Event Publisher (outbox)",)},
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def agree(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("agree")
    return build(root, AGREE, {"validation": {"anchors": "warn"}})


def test_agreeing_designs_have_no_disagreements(agree: Site) -> None:
    """Pages that agree: no finding logged or listed, no inferred edge in catalog.json."""
    assert agree.built.messages(logging.WARNING) == []
    assert info(agree) == []
    assert section(agree, GRAPH, "Disagreements").get_text() == "The pages agree with each other."
    assert agree.catalog["findings"] == []
    assert [(e["source"], e["target"], e["inferred"]) for e in agree.catalog["edges"]] == [
        ("shipments/tracking.md", "platform/event-bus.md", False),
        ("platform/event-bus.md", "external:Tenant Directory", False),
        ("component:event publisher", "component:topic registry", False),
        ("component:scan normalizer", "component:event publisher", False),
    ]


def test_graph_page_lists_the_same_graph_with_links(agree: Site) -> None:
    """Under the default theme the lists carry the graph: each design, its edges, its links."""
    items = design_items(agree)
    assert list(items) == ["Tracking", "Event Bus"]
    assert items["Tracking"].get_text() == (
        "Tracking (Approved): depends on Event Bus; used by nothing stated."
    )
    assert items["Event Bus"].get_text() == (
        "Event Bus (Implemented): depends on Tenant Directory; used by Tracking."
    )
    targets = [agree.resolve(GRAPH, a["href"]) for a in items["Event Bus"].find_all("a")]
    assert targets == [html_path("platform/event-bus.md"), html_path("shipments/tracking.md")]
    components = section(agree, GRAPH, "Components")
    assert [li.get_text() for li in components.find_all("li")] == [
        "Event Publisher depends on Topic Registry",
        "Scan Normalizer depends on Event Publisher",
    ]
    agree.assert_links_land(GRAPH)


def test_graph_page_draws_the_graph(agree: Site) -> None:
    """The picture: designs and the systems they name, the stated edges, each design linked."""
    overview = drawn(agree)
    assert sorted(overview.labels) == ["Event Bus", "Tenant Directory", "Tracking"]
    assert overview.kinds == ["design", "design", "external"]
    assert overview.arrows == {
        ("Tracking", "-->", "Event Bus"),
        ("Event Bus", "-->", "Tenant Directory"),
    }
    bus = detail(agree, "Event Bus")
    assert dict(zip(bus.labels, bus.kinds, strict=True)) == {
        "Event Publisher": "component", "Topic Registry": "component",
        "Scan Normalizer": "foreign",
    }  # fmt: skip
    assert bus.arrows == {
        ("Event Publisher", "-->", "Topic Registry"),
        ("Scan Normalizer", "-->", "Event Publisher"),
    }
    agree.assert_links_land(GRAPH)


def test_graph_page_needs_no_script_and_no_fence(agree: Site) -> None:
    """The picture is in the page: no Mermaid block, no script of ours, no custom fence."""
    main = agree.main(GRAPH)
    assert main.select("pre.mermaid, code.language-mermaid") == []
    assert main.find("script") is None
    assert main.select_one("svg[role=img][aria-label]") is not None


# --- designs that disagree, and lifecycle ------------------------------------------------------

TIMELINE_OVER = ("Phase 1: 2025-03-01", "Phase 2: 2025-09-30")
DISAGREE = {
    "index.md": "# Home\n",
    "notes.md": "# Notes\n\n<!-- design/neighbourhood -->\n\nAfter.\n",
    "platform/event-bus.md": design(
        "Event Bus", "Implemented", created="2024-09-02", depends="Tenant Directory",
        used="Tracking, Billing Ledger",
        components={"Event Publisher": ("Topic Registry", "Mystery Box"), "Topic Registry": ()},
    ),
    "shipments/tracking.md": design(
        "Tracking", "Approved", depends="Event Bus", used="Customer Portal",
        timeline=TIMELINE_OVER, body="<!-- design/neighbourhood -->\n",
    ),
    "shipments/eta.md": design(
        "ETA", "Draft", created="2025-06-01", depends="Tracking",
        questions=("[ ] Which weather feed?",),
    ),
    "billing/ledger.md": design(
        "Billing Ledger", "In Review", created="2025-12-01", depends="Usage Store",
        questions=("[ ] Postgres or ClickHouse?",),
    ),
    "billing/future.md": design("Forecast", "Draft", created="2026-06-01"),
    "platform/webhooks.md": design("Webhooks", "Superseded by [Event Bus](event-bus.md)"),
    "platform/fax.md": design("Fax Gateway", "Superseded"),
    "platform/polling.md": design("Polling", "Deprecated"),
    "billing/credits.md": design("Credits", "Rejected"),
}  # fmt: skip


def where(path: str, needle: str) -> str:
    return f"docs/{path}:{line_of(DISAGREE[path], needle)}:1"


EXPECTED_FINDINGS = [
    f"{where('billing/future.md', '**Created:**')}: created date 2026-06-01 is in the future",
    f'{where("platform/event-bus.md", "**Used By:**")}: lists "Billing Ledger" under Used By, '
    'but billing/ledger.md does not list "Event Bus" under Depends On',
    f'{where("platform/event-bus.md", "1. Event Publisher")}: component "Event Publisher" '
    'depends on "Mystery Box", which no design defines',
    f'{where("shipments/eta.md", "**Depends On:**")}: lists "Tracking" under Depends On, but '
    'shipments/tracking.md does not list "ETA" under Used By',
    f"{where('shipments/tracking.md', '2025-09-30')}: the timeline ended on 2025-09-30 but the "
    "status is still Approved",
]


@pytest.fixture(scope="module")
def disagree(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("disagree")
    config = {
        "markdown_extensions": ["pymdownx.tasklist"],
        "validation": {"anchors": "warn"},
    }
    return build(root, DISAGREE, config)


def test_disagreements_are_info_findings_with_file_and_line(disagree: Site) -> None:
    """One-sided dependencies, dangling component names and date problems: INFO, file:line."""
    assert disagree.built.messages(logging.WARNING) == []
    assert sorted(info(disagree)) == sorted(EXPECTED_FINDINGS)


def test_graph_page_lists_reconciliation_findings(disagree: Site) -> None:
    """The Disagreements list holds the reconciliation findings (not date ones), linked."""
    listing = section(disagree, GRAPH, "Disagreements")
    assert listing.name == "ul"
    texts = sorted(li.get_text() for li in listing.find_all("li"))
    expected = [
        f"{m.split(':')[0].removeprefix('docs/')}, line {m.split(':')[1]}: " + m.split(":1: ", 1)[1]
        for m in EXPECTED_FINDINGS
        if "date" not in m and "timeline" not in m
    ]
    assert texts == sorted(expected)
    targets = {disagree.resolve(GRAPH, a["href"]) for a in listing.find_all("a")}
    assert targets == {html_path("platform/event-bus.md"), html_path("shipments/eta.md")}
    disagree.assert_links_land(GRAPH)


def test_graph_page_shows_inferred_edges_dotted(disagree: Site) -> None:
    """A dependency stated only by the other side's Used By is a dashed arrow and listed."""
    edges = drawn(disagree).arrows
    assert ("Billing Ledger", "-.->", "Event Bus") in edges
    assert ("Billing Ledger", "-->", "Usage Store") in edges
    assert ("ETA", "-->", "Tracking") in edges
    assert ("Tracking", "-->", "Event Bus") in edges
    assert not [e for e in edges if e[1] == "-.->" and e != ("Billing Ledger", "-.->", "Event Bus")]
    items = design_items(disagree)
    assert "used by Tracking, Billing Ledger." in items["Event Bus"].get_text()
    assert "depends on Usage Store, Event Bus;" in items["Billing Ledger"].get_text()


def test_catalog_json_edges_findings_and_lifecycle(disagree: Site) -> None:
    """catalog.json: edges with the inferred reverse edge, findings, successors, staleness."""
    data = disagree.catalog
    edges = [(e["source"], e["target"], e["stated_by"], e["inferred"]) for e in data["edges"]]
    assert ("billing/ledger.md", "platform/event-bus.md", "platform/event-bus.md", True) in edges
    assert ("shipments/eta.md", "shipments/tracking.md", "shipments/eta.md", False) in edges
    assert [e for e in edges if e[3]] == [
        ("billing/ledger.md", "platform/event-bus.md", "platform/event-bus.md", True)
    ]
    found = sorted(f"docs/{f['src']}:{f['line']}:1: {f['message']}" for f in data["findings"])
    assert found == sorted(EXPECTED_FINDINGS)
    assert {f["code"] for f in data["findings"]} == {"reconcile", "lifecycle"}
    designs = {d["src"]: d for d in data["designs"]}
    assert designs["platform/webhooks.md"]["superseded_by"] == "platform/event-bus.md"
    assert designs["platform/event-bus.md"]["supersedes"] == ["platform/webhooks.md"]
    assert designs["platform/fax.md"]["superseded_by"] is None
    assert designs["billing/ledger.md"]["dependencies"] == [
        "external:Usage Store",
        "platform/event-bus.md",
    ]
    assert designs["platform/event-bus.md"]["dependents"] == [
        "shipments/tracking.md",
        "billing/ledger.md",
    ]
    assert designs["shipments/eta.md"]["stale"] == {
        "days": 214,
        "since": "2025-06-01",
        "source": "created",
    }
    stale = sorted(src for src, d in designs.items() if d["stale"])
    assert stale == ["shipments/eta.md"]


def banner(site: Site, src: str) -> Tag | None:
    return site.main(html_path(src)).select_one("span.design-banner")


def test_superseded_banner_links_the_successor(disagree: Site) -> None:
    """A status "Superseded by [Event Bus](…)" gives a banner under the badge linking it."""
    page = html_path("platform/webhooks.md")
    found = banner(disagree, "platform/webhooks.md")
    assert found is not None
    assert found["role"] == "note"
    assert "design-banner--superseded" in found["class"]
    assert found.get_text() == "This design has been superseded by Event Bus."
    [link] = found.find_all("a")
    assert disagree.resolve(page, link["href"]) == html_path("platform/event-bus.md")
    title = disagree.main(page).find("h1")
    assert found.find_parent("p").find_previous_sibling() is title.find_next_sibling()
    disagree.assert_links_land(page)


def test_successor_page_lists_what_it_supersedes(disagree: Site) -> None:
    """The successor's page says "Supersedes: Webhooks." with a link back."""
    page = html_path("platform/event-bus.md")
    line = disagree.main(page).select_one("span.design-supersedes")
    assert line is not None
    assert line.get_text() == "Supersedes: Webhooks."
    [link] = line.find_all("a")
    assert disagree.resolve(page, link["href"]) == html_path("platform/webhooks.md")
    assert banner(disagree, "platform/event-bus.md") is None


@pytest.mark.parametrize(
    ("src", "css", "text"),
    [
        ("platform/fax.md", "superseded",
         "This design has been superseded; its status names no successor page."),
        ("platform/polling.md", "deprecated", "This design is deprecated."),
        ("billing/credits.md", "rejected", "This design was rejected."),
    ],
)  # fmt: skip
def test_banner_without_successor(disagree: Site, src: str, css: str, text: str) -> None:
    """Superseded without a link, Deprecated and Rejected: a banner without a link."""
    found = banner(disagree, src)
    assert found is not None
    assert f"design-banner--{css}" in found["class"]
    assert found.get_text() == text
    assert found.find("a") is None


@pytest.mark.parametrize("src", ["shipments/eta.md", "shipments/tracking.md", "billing/ledger.md"])
def test_no_banner_on_live_designs_by_default(disagree: Site, src: str) -> None:
    """Drafts, In Review and Approved designs get no banner unless asked."""
    assert banner(disagree, src) is None


def test_stale_design_marked_on_overview_and_questions(disagree: Site) -> None:
    """A Draft unchanged for 214 days (by Created) is marked stale; a recent one is not."""
    table = disagree.main(OVERVIEW).select_one("table")
    marks = {r.find("td").get_text(): r.select_one("span.design-stale") for r in rows(table)}
    assert marks["ETA"] is not None
    assert marks["ETA"].get_text() == "stale"
    assert marks["ETA"]["title"] == "No change for 214 days"
    assert [t for t, mark in marks.items() if mark is not None] == ["ETA"]
    dashboard = disagree.main(QUESTIONS).select("span.design-stale")
    assert [s.get_text() for s in dashboard] == ["stale: no change for 214 days"]
    heading = dashboard[0].find_previous("h2")
    assert heading.get_text() == "ETA"


def test_neighbourhood_marker(disagree: Site) -> None:
    """``<!-- design/neighbourhood -->`` on a design page shows its neighbours there only."""
    page = html_path("shipments/tracking.md")
    spans = disagree.main(page).select("span.design-neighbourhood")
    assert [s.get_text() for s in spans] == ["Depends on: Event Bus · Used by: ETA"]
    links = [disagree.resolve(page, a["href"]) for a in spans[0].find_all("a")]
    assert links == [html_path("platform/event-bus.md"), html_path("shipments/eta.md")]
    assert disagree.main(html_path("shipments/eta.md")).select("span.design-neighbourhood") == []
    notes = disagree.main("notes/index.html")
    assert notes.select("span.design-neighbourhood") == []
    assert "design/neighbourhood" not in str(notes)
    assert [p.get_text() for p in notes.find_all("p")] == ["After."]


# --- options -----------------------------------------------------------------------------------


def test_reconcile_warn_fails_strict_builds(tmp_path: Path) -> None:
    """``reconcile: warn`` turns disagreements into warnings: ``--strict`` fails, naming them."""
    docs = {k: DISAGREE[k] for k in ("platform/event-bus.md", "billing/ledger.md")}
    write_site(tmp_path, docs, {"plugins": [{"design": {"reconcile": "warn"}}]})
    result = run_mkdocs("build", "--strict", cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    used_by = line_of(DISAGREE["platform/event-bus.md"], "**Used By:**")
    assert (
        f'WARNING -  mkdocs_design: docs/platform/event-bus.md:{used_by}:1: lists "Billing Ledger"'
    ) in output
    assert "Traceback" not in output
    write_site(tmp_path, docs, {"plugins": [{"design": {"reconcile": "info"}}]})
    result = run_mkdocs("build", "--strict", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_reconcile_error_fails_listing_every_disagreement(tmp_path: Path) -> None:
    """``reconcile: error`` fails the build once, listing every disagreement."""
    docs = {k: DISAGREE[k] for k in ("platform/event-bus.md", "billing/ledger.md")}
    write_site(tmp_path, docs, {"plugins": [{"design": {"reconcile": "error"}}]})
    result = run_mkdocs("build", cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "2 problem(s) fail the build" in output
    assert "Mystery Box" in output
    assert "Billing Ledger" in output


def test_banner_draft_and_banners_off(tmp_path: Path) -> None:
    """``banner_draft: true`` adds a Draft banner; ``banners: false`` removes them all."""
    docs = {k: DISAGREE[k] for k in ("shipments/eta.md", "platform/webhooks.md",
                                     "platform/event-bus.md")}  # fmt: skip
    site = build(tmp_path / "on", docs, {"plugins": [{"design": {"banner_draft": True}}]})
    found = banner(site, "shipments/eta.md")
    assert found is not None
    assert "design-banner--draft" in found["class"]
    assert found.get_text() == "This design is a draft: it may change before it is approved."
    assert banner(site, "platform/event-bus.md") is None
    site = build(tmp_path / "off", docs, {"plugins": [{"design": {"banners": False}}]})
    assert banner(site, "platform/webhooks.md") is None
    assert banner(site, "shipments/eta.md") is None
    supersedes = site.main(html_path("platform/event-bus.md")).select("span.design-supersedes")
    assert [s.get_text() for s in supersedes] == ["Supersedes: Webhooks."]


def test_neighbourhood_option_on_every_design(tmp_path: Path) -> None:
    """``neighbourhood: true`` puts the neighbourhood under every design's title."""
    docs = {k: DISAGREE[k] for k in ("platform/event-bus.md", "shipments/tracking.md",
                                     "billing/ledger.md")}  # fmt: skip
    docs["shipments/tracking.md"] = docs["shipments/tracking.md"].replace(
        "<!-- design/neighbourhood -->\n", ""
    )
    site = build(tmp_path, docs, {"plugins": [{"design": {"neighbourhood": True}}]})
    texts = {
        src: [s.get_text() for s in site.main(html_path(src)).select("span.design-neighbourhood")]
        for src in docs
    }
    assert texts == {
        "platform/event-bus.md": [
            "Depends on: Tenant Directory · Used by: Tracking, Billing Ledger"
        ],
        "shipments/tracking.md": ["Depends on: Event Bus · Used by: nothing stated"],
        "billing/ledger.md": ["Depends on: Usage Store, Event Bus · Used by: nothing stated"],
    }
    for src in docs:
        site.assert_links_land(html_path(src))


def test_graph_false_removes_the_page(tmp_path: Path) -> None:
    """``graph: false``: no graph page; the other catalog pages and catalog.json remain."""
    site = build(tmp_path, AGREE, {"plugins": [{"design": {"graph": False}}]})
    assert not (site.root / GRAPH).exists()
    assert (site.root / OVERVIEW).is_file()
    assert site.catalog["edges"]


def test_graph_path_and_title(tmp_path: Path) -> None:
    """``graph_path`` and ``graph_title`` move and rename the page."""
    options = {"graph_path": "maps/deps.md", "graph_title": "System map"}
    site = build(tmp_path, AGREE, {"plugins": [{"design": options}]})
    assert not (site.root / GRAPH).exists()
    assert site.main("maps/deps/index.html").find("h1").get_text() == "System map"
    site.assert_links_land("maps/deps/index.html")


def test_stale_after_days_option(tmp_path: Path) -> None:
    """``stale_after_days: 0`` turns staleness off; a short limit catches recent drafts."""
    docs = {k: DISAGREE[k] for k in ("shipments/eta.md", "billing/ledger.md")}
    site = build(tmp_path / "off", docs, {"plugins": [{"design": {"stale_after_days": 0}}]})
    assert [d["stale"] for d in site.catalog["designs"]] == [None, None]
    assert site.main(OVERVIEW).select("span.design-stale") == []
    options = {"stale_after_days": 20, "stale_statuses": ["Proposed"]}
    site = build(tmp_path / "short", docs, {"plugins": [{"design": options}]})
    stale = {d["src"]: d["stale"] for d in site.catalog["designs"]}
    assert stale == {
        "shipments/eta.md": None,
        "billing/ledger.md": {"days": 31, "since": "2025-12-01", "source": "created"},
    }


# --- staleness from git --------------------------------------------------------------------------


def git(repo: Path, *args: str, when: str = "2025-01-01T12:00:00Z") -> None:
    env = {
        **os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.invalid",
        "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.invalid",
        "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
    }  # fmt: skip
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


GIT_DOCS = {
    "old-commit.md": design("Old Commit", "Draft", created="2025-12-15"),
    "new-commit.md": design("New Commit", "Draft", created="2023-01-01"),
    "uncommitted.md": design("Uncommitted", "In Review", created="2025-01-01"),
}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_staleness_from_git_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a git work tree, age counts from each page's last commit; one git run per build."""
    config = write_site(tmp_path, {k: GIT_DOCS[k] for k in ("old-commit.md", "new-commit.md")})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "old", when="2025-03-01T12:00:00Z")
    (tmp_path / "docs/new-commit.md").write_text(GIT_DOCS["new-commit.md"] + "\nMore.\n", "utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "new", when="2025-12-20T12:00:00Z")
    write_site(tmp_path, GIT_DOCS)  # uncommitted.md stays out of git

    calls: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(command: list[str], *args: Any, **kwargs: Any) -> Any:
        calls.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(history.subprocess, "run", counting_run)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    site = Site(build_site(config))
    assert [c[0] for c in calls] == ["git"], "one git process for the whole build"
    stale = {d["src"]: d["stale"] for d in site.catalog["designs"]}
    assert stale == {
        "old-commit.md": {"days": 306, "since": "2025-03-01", "source": "git"},
        "new-commit.md": None,
        "uncommitted.md": {"days": 365, "since": "2025-01-01", "source": "created"},
    }
    table = site.main(OVERVIEW).select_one("table")
    marked = sorted(
        r.find("td").get_text() for r in rows(table) if r.select_one("span.design-stale")
    )
    assert marked == ["Old Commit", "Uncommitted"]


# --- hostile names -------------------------------------------------------------------------------

HOSTILE_TITLES = [
    '"quotes" and \'apostrophes\'', "<script>alert(1)</script>", "Bracket ] [ here",
    "Ticks `code` here", "Arrow --> there", "end", "subgraph", "%%{init: {}}%% 50% off",
    "Amp &amp; #quot; here", "x ]; style d0 fill:#f00;",
]  # fmt: skip
# No `&`, `<` or backtick here: entities in names have a test of their own below.
EXTERNAL = 'External "x" --> end ] [ %% subgraph'


def as_source(name: str) -> str:
    """Markdown that displays ``name`` literally (and that the parser reads back as ``name``)."""
    return "".join({"&": "&amp;", "<": "&lt;", ">": "&gt;", "`": "&#96;"}.get(c, c) for c in name)


HOSTILE = {
    "index.md": "# Home\n",
    **{
        f"h{n}.md": design(
            as_source(title), "Draft",
            depends=f"h{(n + 1) % len(HOSTILE_TITLES)}, {EXTERNAL}",
            components={as_source(f"Part {title}"): (f'Unknown "{n}" --> ]',)},
        )
        for n, title in enumerate(HOSTILE_TITLES)
    },
}  # fmt: skip


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("hostile")
    return build(root, HOSTILE)


def test_hostile_names_are_text_in_the_pictures(hostile: Site) -> None:
    """Every name from a page is one node's title, read back exactly; nothing else is drawn."""
    titles = sorted(d["title"] for d in hostile.catalog["designs"])
    assert titles == sorted(HOSTILE_TITLES), "the parser reads the names back as written"
    components = {c["name"] for d in hostile.catalog["designs"] for c in d["components"]}
    assert components == {f"Part {title}" for title in titles}
    overview = drawn(hostile)
    assert sorted(overview.labels) == sorted([*titles, EXTERNAL])
    assert len(overview.arrows) == 2 * len(titles)
    parts = [label for title in titles for label in detail(hostile, title).labels]
    assert components <= set(parts)
    main = hostile.main(GRAPH)
    assert main.find_all(["script", "img", "foreignobject", "iframe"]) == []


def test_hostile_names_show_as_text_in_the_lists(hostile: Site) -> None:
    """The graph page's lists show each name literally; nothing from a page becomes markup."""
    main = hostile.main(GRAPH)
    assert set(design_items(hostile)) == set(HOSTILE_TITLES)
    for n, title in enumerate(HOSTILE_TITLES):
        after = HOSTILE_TITLES[(n + 1) % len(HOSTILE_TITLES)]
        assert design_items(hostile)[title].get_text() == (
            f"{title} (Draft): depends on {after}, {EXTERNAL}; used by {HOSTILE_TITLES[n - 1]}."
        )
    assert main.find_all(["script", "b", "img"]) == []
    assert [li for li in main("li") if li.find_all(["code", "em", "strong"])] == []
    disagreements = [li.get_text() for li in section(hostile, GRAPH, "Disagreements")("li")]
    assert sorted(disagreements) == sorted(
        f'h{n}.md, line {line_of(HOSTILE[f"h{n}.md"], "#### 1.")}: component "Part {title}" '
        f'depends on "Unknown "{n}" --> ]", which no design defines'
        for n, title in enumerate(HOSTILE_TITLES)
    )
    hostile.assert_links_land(GRAPH)


def test_entity_in_a_dependency_name_is_one_name(tmp_path: Path) -> None:
    """``AT&amp;T Gateway`` in Depends On or Dependencies is one name, shown as "AT&T Gateway"."""
    page = design(
        "Billing", "Draft", depends="AT&amp;T Gateway, Ledger",
        components={"Invoicer": ("AT&amp;T Gateway",)},
    )  # fmt: skip
    site = build(tmp_path, {"billing.md": page})
    [doc] = site.catalog["designs"]
    assert doc["depends_on"] == ["AT&T Gateway", "Ledger"]
    assert doc["components"][0]["dependencies"] == ["AT&T Gateway"]


def test_neighbourhood_option_and_marker_show_it_once(tmp_path: Path) -> None:
    """With ``neighbourhood: true``, a page's own marker decides where it goes: shown once."""
    docs = {k: DISAGREE[k] for k in ("platform/event-bus.md", "shipments/tracking.md")}
    site = build(tmp_path, docs, {"plugins": [{"design": {"neighbourhood": True}}]})
    page = site.main(html_path("shipments/tracking.md"))
    assert len(page.select("span.design-neighbourhood")) == 1
