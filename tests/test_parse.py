"""The parser on fixture pages that reproduce what real design documents do.

Every page under ``fixtures/pages`` imitates a deviation seen in real design documents
(numbered headings, renamed sections, Kiro-style pages, front matter, tables of components…);
``fixtures/pages/ordinary`` holds ordinary documentation that must never be detected. Lines
are lines of the real file, front matter included, as an editor shows them.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from mkdocs.utils.meta import get_data

from mkdocs_design.reading import fields
from mkdocs_design.reading.parse import (
    Detection,
    ParseRules,
    body_lines,
    detect,
    parse_page,
    split_front_matter,
)
from mkdocs_design.reading.scan import scan
from mkdocs_design.reading.statuses import StatusTable

if TYPE_CHECKING:
    from mkdocs_design.model import DesignDoc

PAGES = Path(__file__).parent / "fixtures" / "pages"
RULES = ParseRules()


def source(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def parse(name: str, rules: ParseRules = RULES, src_uri: str | None = None) -> DesignDoc:
    doc = parse_page(src_uri or name, source(name), rules)
    assert doc is not None, f"{name} was not detected"
    return doc


def detection(text: str, rules: ParseRules = RULES) -> Detection:
    front = split_front_matter("page.md", text)
    page = scan(body_lines(text, front), rules.slugify, rules.separator)
    return detect(front, page, rules)


@pytest.mark.parametrize(
    ("name", "title", "line", "reason"),
    [
        pytest.param("canonical.md", "Irrigation Scheduler", 1, "title", id="design-colon"),
        pytest.param("numbered.md", "Frost Guard (Night Heating)", 1, "title", id="parenthetical"),
        pytest.param("parenthetical.md", "Pest Monitor (Camera-Based Detection)", 1, "title",
                     id="parenthetical-hyphen"),
        pytest.param("kiro-components.md", "Frost Alert Relay", 1, "title", id="hyphen-design"),
        pytest.param("responsibilities.md", "Greenhouse Setup Wizard", 1, "title",
                     id="em-dash-technical-design"),
        pytest.param("front-matter.md", "Nutrient Mixer", 12, "title", id="after-front-matter"),
        pytest.param("thematic-break.md", "Merge Harvest Board and Yield Page", 3, "title",
                     id="after-thematic-break"),
        pytest.param("invalid-yaml.md", "Seed Vault", 6, "title", id="after-invalid-yaml"),
        pytest.param("superseded.md", "Legacy Drip Timer", 6, "front matter", id="plain-h1"),
        pytest.param("sections-only.md", "Water Recycling Loop", 1, "sections", id="by-sections"),
    ],
)  # fmt: skip
def test_title(name: str, title: str, line: int, reason: str) -> None:
    """The feature name comes from the H1, with its real line and the detection reason."""
    doc = parse(name)
    assert (doc.title, doc.title_line, doc.reason) == (title, line, reason)


@pytest.mark.parametrize(
    ("text", "src_uri", "title"),
    [
        pytest.param(source("kiro-bare.md"), ".kiro/specs/sensor-scroll-fix/design.md",
                     "Sensor scroll fix", id="bare-title-folder"),
        pytest.param(source("kiro-bare.md"), "design/2025-04-01-scroll-fix.md", "Scroll fix",
                     id="bare-title-dated-file"),
        pytest.param('---\ntitle: "Design: Seed Vault"\n---\n\n# Design Document\n', "x.md",
                     "Seed Vault", id="bare-title-front-matter-title"),
        pytest.param("---\ndesign: true\ntitle: Seed Vault\n---\n\nNo heading.\n", "x.md",
                     "Seed Vault", id="no-h1-front-matter-title"),
    ],
)  # fmt: skip
def test_title_without_a_name_in_the_h1(text: str, src_uri: str, title: str) -> None:
    """A bare "Design Document" title falls back to front matter, then to the path."""
    doc = parse_page(src_uri, text, RULES)
    assert doc is not None
    assert doc.title == title


@pytest.mark.parametrize(
    ("name", "raw", "canonical", "line", "link"),
    [
        pytest.param("canonical.md", "Draft", "Draft", 4, None, id="trailing-spaces"),
        pytest.param("parenthetical.md", "In Review", "In Review", 4, None, id="in-review"),
        pytest.param("thematic-break.md", "Approved", "Approved", 7, None, id="after-date-ticket"),
        pytest.param("numbered.md", "Ready for Implementation", None, 4, None, id="unknown"),
        pytest.param("front-matter.md", "Draft — awaiting approval", "Draft", 0, None,
                     id="front-matter-commentary"),
        pytest.param("superseded.md", "Superseded by [Irrigation Scheduler](canonical.md)",
                     "Superseded", 0, "canonical.md", id="superseded-link"),
    ],
)  # fmt: skip
def test_status(name: str, raw: str, canonical: str | None, line: int, link: str | None) -> None:
    """Status as written, as understood, where it is and the link it carries."""
    status = parse(name).status
    assert status is not None
    assert (status.raw, status.canonical, status.line, status.link) == (raw, canonical, line, link)


@pytest.mark.parametrize("name", ["kiro-bare.md", "kiro-components.md", "responsibilities.md"])
def test_no_status(name: str) -> None:
    """Pages without a status line have none, and no finding about it."""
    doc = parse(name)
    assert doc.status is None
    assert not [f for f in doc.findings if f.code == "unknown-status"]


def test_custom_alias_resolves_a_real_world_status() -> None:
    """``Ready for Implementation`` resolves once the site maps it, and the finding goes."""
    rules = ParseRules(statuses=StatusTable.build(aliases={"Ready for Implementation": "Approved"}))
    doc = parse("numbered.md", rules)
    assert doc.canonical_status == "Approved"
    assert doc.findings == ()


@pytest.mark.parametrize(
    ("name", "created", "raw", "line"),
    [
        pytest.param("canonical.md", dt.date(2025, 2, 3), "2025-02-03", 3, id="created"),
        pytest.param("thematic-break.md", dt.date(2025, 3, 9), "2025-03-09", 5, id="date-label"),
        pytest.param("sections-only.md", dt.date(2025, 3, 3), "3 March 2025", 4, id="words"),
        pytest.param("front-matter.md", dt.date(2025, 4, 2), None, 0, id="front-matter-date"),
        pytest.param("parenthetical.md", None, "15/03/2025", 3, id="unparsed"),
        pytest.param("kiro-bare.md", None, None, 0, id="none"),
    ],
)  # fmt: skip
def test_created(name: str, created: dt.date | None, raw: str | None, line: int) -> None:
    """The created date parses when it can; the raw text and line are kept."""
    doc = parse(name)
    assert (doc.created, doc.created_raw, doc.created_line) == (created, raw, line)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        pytest.param("2025-03-01", dt.date(2025, 3, 1), id="iso"),
        pytest.param("2025/03/01", dt.date(2025, 3, 1), id="slashes"),
        pytest.param("1 March 2025", dt.date(2025, 3, 1), id="day-month-year"),
        pytest.param("Mar 1, 2025", dt.date(2025, 3, 1), id="month-day-year"),
        pytest.param("**2025-03-01**", dt.date(2025, 3, 1), id="bold"),
        pytest.param("2025-03-01 (kick-off)", dt.date(2025, 3, 1), id="commentary"),
        pytest.param("2025-13-01", None, id="no-such-month"),
        pytest.param("2025-13-01 (typo)", None, id="no-such-month-commentary"),
        pytest.param("[Date]", None, id="placeholder"),
        pytest.param("next Tuesday", None, id="words"),
    ],
)
def test_parse_date(text: str, date: dt.date | None) -> None:
    """The date formats authors write; anything else is no date (and never an error)."""
    assert fields.parse_date(text) == date


def test_impossible_created_date_is_a_finding() -> None:
    """``2025-13-01`` is reported as a bad date at its line (it once recursed forever)."""
    doc = parse_page("x.md", "# Design: X\n\n**Created:** 2025-13-01\n", RULES)
    assert doc is not None
    assert (doc.created, doc.created_raw) == (None, "2025-13-01")
    assert [(f.code, f.location.line) for f in doc.findings] == [("bad-date", 3)]


@pytest.mark.parametrize(
    ("name", "authors"),
    [
        pytest.param("canonical.md", ("Mira Holt", "Tomás Reyes"), id="owner-then-authors"),
        pytest.param("front-matter.md", ("Ana Lima", "Joost de Vries"), id="front-matter"),
        pytest.param("kiro-components.md", (), id="none"),
    ],
)
def test_authors(name: str, authors: tuple[str, ...]) -> None:
    """Owner first, then authors, without repeats."""
    assert parse(name).authors == authors


@pytest.mark.parametrize(
    ("name", "sections"),
    [
        pytest.param("canonical.md", [
            ("Architecture Overview", "Architecture Overview", "architecture-overview", 8, False),
            ("System Context", "System Context", "system-context", 14, False),
            ("Component Structure", "Component Structure", "component-structure", 22, False),
            ("Data Flow", "Data Flow", "data-flow", 78, False),
            ("Open Questions", "Open Questions", "open-questions", 88, False),
            ("Alternatives Considered", "Alternatives Considered", "alternatives-considered",
             96, False),
            ("Timeline Estimate", "Timeline Estimate", "timeline-estimate", 108, True),
            ("References", "References", "references", 110, False),
        ], id="canonical"),
        pytest.param("numbered.md", [
            ("1. Architecture Overview", "Architecture Overview", "1-architecture-overview", 10,
             False),
            ("2. Rule Engine", None, "2-rule-engine", 21, False),
            ("3. Data Flow", "Data Flow", "3-data-flow", 37, False),
            ("4. Testing Strategy", "Testing Strategy", "4-testing-strategy", 41, False),
            ("5. Files to Create/Modify", None, "5-files-to-createmodify", 46, False),
        ], id="numbered"),
        pytest.param("thematic-break.md", [
            ("Goal", None, "goal", 9, False),
            ("Decision", None, "decision", 13, False),
            ("Alternatives Rejected", "Alternatives Considered", "alternatives-rejected", 17,
             False),
            ("Architecture", "Architecture Overview", "architecture", 22, False),
            ("Components", "Component Structure", "components", 41, False),
            ("Testing Classification", None, "testing-classification", 49, False),
        ], id="renamed-and-h3"),
        pytest.param("parenthetical.md", [
            ("Architecture Overview", "Architecture Overview", "architecture-overview", 6, False),
            ("Database Schema", "Data Models", "database-schema", 11, False),
            ("API Endpoints", "API Contracts", "api-endpoints", 15, False),
            ("Zonen-Übersicht (区域)", None, "zonen-ubersicht", 21, False),
            ("Error Handling", "Error Handling", "error-handling", 28, False),
            ("Testing Strategy", "Testing Strategy", "testing-strategy", 32, False),
        ], id="non-latin"),
        pytest.param("fenced.md", [
            ("Architecture Overview", "Architecture Overview", "architecture-overview", 6, False),
            ("Component Structure", "Component Structure", "component-structure", 23, False),
            ("Open Questions", "Open Questions", "open-questions", 36, False),
        ], id="headings-in-fences-ignored"),
    ],
)  # fmt: skip
def test_sections(name: str, sections: list[tuple[str, str | None, str, int, bool]]) -> None:
    """Sections in page order: title, template key, anchor, line and emptiness."""
    found = [(s.title, s.key, s.anchor, s.line, s.empty) for s in parse(name).sections]
    assert found == sections


@pytest.mark.parametrize(
    ("name", "key"),
    [
        pytest.param("kiro-components.md", "Monitoring & Observability", id="monitoring-logging"),
        pytest.param("kiro-components.md", "Deployment Strategy", id="deployment-considerations"),
        pytest.param("kiro-components.md", "Component Structure", id="components-interfaces"),
        pytest.param("kiro-bare.md", "Architecture Overview", id="architecture"),
        pytest.param("context-first.md", "Open Questions", id="open-questions-resolved"),
        pytest.param("context-first.md", "Data Models", id="data-model"),
    ],
)
def test_renamed_sections_count_as_present(name: str, key: str) -> None:
    """Renamed sections stand for their template section and are not reported missing."""
    doc = parse(name)
    assert key in {s.key for s in doc.sections}
    assert key not in doc.missing_sections


def test_missing_and_empty_sections() -> None:
    """Missing sections are listed in template order; empty ones by key."""
    doc = parse("canonical.md")
    assert doc.missing_sections == (
        "API Contracts", "Data Models", "Error Handling", "Security Considerations",
        "Performance Considerations", "Testing Strategy", "Deployment Strategy",
        "Monitoring & Observability",
    )  # fmt: skip
    assert doc.empty_sections == ("Timeline Estimate",)


@pytest.mark.parametrize(
    ("name", "depends_on", "used_by", "external"),
    [
        pytest.param("canonical.md",
                     ("Sensor Gateway (moisture readings)",
                      "Bed Registry (bed layout, crop profiles)"),
                     ("Grower Dashboard", "Alerting Service"), ("OpenWeather API (rain forecast)",),
                     id="template"),
        pytest.param("context-first.md",
                     ("PostgreSQL", "every handler that records a harvest (internal/harvest)",
                      "crop registry"),
                     ("Yield Reports (GET /api/beds/{id}/harvests)", "export jobs"), (),
                     id="none-with-commentary"),
        pytest.param("numbered.md", ("09-climate-sensors", "12-alert-inbox"), (), (),
                     id="dependencies-metadata"),
        pytest.param("kiro-bare.md", (), (), (), id="no-context"),
    ],
)  # fmt: skip
def test_system_context(
    name: str, depends_on: tuple[str, ...], used_by: tuple[str, ...], external: tuple[str, ...]
) -> None:
    """Depends On, Used By and External Dependencies, one entry per item."""
    doc = parse(name)
    assert (doc.depends_on, doc.used_by, doc.external) == (depends_on, used_by, external)


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        pytest.param("canonical.md",
                     {"depends on": 18, "used by": 19, "external dependencies": 20}, id="template"),
        pytest.param("context-first.md",
                     {"depends on": 10, "used by": 11, "external dependencies": 12},
                     id="context-first"),
        pytest.param("numbered.md", {"depends on": 6}, id="dependencies-metadata"),
        pytest.param("kiro-bare.md", {}, id="none"),
    ],
)  # fmt: skip
def test_context_lines(name: str, lines: dict[str, int]) -> None:
    """Where each System Context list is, for findings about its entries."""
    assert parse(name).context_lines == lines


def test_timeline_dates_with_lines() -> None:
    """Dates written in the Timeline Estimate section, impossible ones skipped."""
    assert parse("context-first.md").timeline == (
        (dt.date(2025, 3, 20), 53),
        (dt.date(2025, 4, 1), 54),
        (dt.date(2025, 4, 18), 54),
        (dt.date(2025, 5, 2), 55),
    )
    assert parse("canonical.md").timeline == ()


COMPONENTS = [
    pytest.param("canonical.md", 0, (
        "Schedule Planner", "1-schedule-planner-internalplanplannergo", 26,
        "internal/plan/planner.go",
        "Turn moisture readings and crop profiles into watering windows per bed.",
        ("Sensor Cache", "Bed Registry"), ("go",), 3,
    ), id="template-heading-with-path"),
    pytest.param("canonical.md", 1, (
        "Valve Driver", "2-valve-driver-internalvalvedrivergo", 50, "internal/valve/driver.go",
        "Open and close valves through the field controllers.",
        ("Field Controller Bus", "Schedule Planner"), ("sql",), 1,
    ), id="implementation-instead-of-interface"),
    pytest.param("canonical.md", 2, (
        "Sensor Cache", "3-sensor-cache", 67, None,
        "Keep the latest reading per sensor in memory.", (), (), 0,
    ), id="no-interface-none-dependencies"),
    pytest.param("kiro-components.md", 0, (
        "Alert Router Update", "1-alert-router-update", 27, "services/alerts/router.ts", "", (),
        ("typescript",), 0,
    ), id="kiro-file-label"),
    pytest.param("kiro-components.md", 2, (
        "Rota Configuration", "3-rota-configuration", 57, None, "", (), (), 0,
    ), id="kiro-no-fields"),
    pytest.param("kiro-bare.md", 0, (
        '.layout[data-page="sensors"]', "css-classes-involved", 21, None, "Root grid container",
        (), (), 0,
    ), id="bold-code-items"),
    pytest.param("responsibilities.md", 0, (
        "SetupWizard", "component-responsibilities", 21, None, "Top-level container", (), (), 2,
    ), id="responsibilities-paragraph"),
    pytest.param("responsibilities.md", 2, (
        "StepFirstCrop", "component-responsibilities", 29, None, "Step 3", (), (), 1,
    ), id="responsibilities-last"),
    pytest.param("thematic-break.md", 1, (
        "app/yield/page.tsx", "components", 46, "app/yield/page.tsx", "Deleted", (), (), 0,
    ), id="table-row"),
    pytest.param("thematic-break.md", 2, (
        "components/nav/tabs.tsx", "components", 47, "components/nav/tabs.tsx", "Remove 產量 tab",
        (), (), 0,
    ), id="table-row-cjk"),
    pytest.param("canonical.md", 3, (
        "Schedule Planner", "4-schedule-planner", 74, None,
        "A second description of the planner, left over from an earlier draft.", (), (), 0,
    ), id="paragraph-as-responsibility"),
    pytest.param("subheadings.md", 2, (
        "Door Service", "1-door-service-servicesdoorservicepy", 17, "services/door/service.py",
        "Opens and closes vents and doors on schedule.", ("Climate Service", "Door Relay"),
        ("python",), 1,
    ), id="fields-as-subheadings"),
    pytest.param("subheadings.md", 0, (
        "Door Panel", "door-panel", 9, None, "Shows whether each door is open.", (), (), 0,
    ), id="under-an-area-heading"),
    pytest.param("fenced.md", 0, (
        "Export Job", "export-job", 25, None, "Write one CSV per greenhouse per day.", (),
        ("python",), 0,
    ), id="unnumbered-heading"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "index", "expected"), COMPONENTS)
def test_component(name: str, index: int, expected: tuple[object, ...]) -> None:
    """Name, anchor, line, path, responsibility, dependencies, languages, behaviour count."""
    c = parse(name).components[index]
    found = (c.name, c.anchor, c.line, c.path, c.responsibility, c.dependencies, c.languages)
    assert (*found, len(c.behaviours)) == expected


@pytest.mark.parametrize(
    ("name", "names"),
    [
        pytest.param("canonical.md", ["Schedule Planner", "Valve Driver", "Sensor Cache",
                                      "Schedule Planner"], id="template"),
        pytest.param("kiro-components.md", ["Alert Router Update", "SMS Sender",
                                            "Rota Configuration"], id="kiro-numbered"),
        pytest.param("kiro-bare.md", ['.layout[data-page="sensors"]', ".sidebar",
                                      ".readings-table"], id="kiro-css-not-properties"),
        pytest.param("responsibilities.md", ["SetupWizard", "StepZones", "StepFirstCrop"],
                     id="responsibilities-not-file-tree"),
        pytest.param("subheadings.md", ["Door Panel", "Schedule Editor", "Door Service"],
                     id="area-grouping-and-field-subheadings"),
        pytest.param("numbered.md", [], id="no-component-section"),
        pytest.param("context-first.md", [], id="none"),
    ],
)  # fmt: skip
def test_component_names(name: str, names: list[str]) -> None:
    """Exactly the components a reader would list, in page order."""
    assert [c.name for c in parse(name).components] == names


def test_component_behaviours() -> None:
    """Key Behaviors items and the bullets under a bold component name, as plain text."""
    planner, _, _, _ = parse("canonical.md").components
    assert planner.behaviours[0] == "Never plans two overlapping windows for one valve"
    wizard = parse("responsibilities.md").components[0]
    assert wizard.behaviours == (
        "Holds the form data of every step",
        "Handles back and forward navigation",
    )


@pytest.mark.parametrize(
    ("name", "questions"),
    [
        pytest.param("canonical.md", [
            ("Should growers be able to pause a single bed for a day?", False, 90,
             "q-should-growers-be-able-to-pause-a"),
            ("Do we need per-valve flow limits? Yes, stored on the valve.", True, 91,
             "q-do-we-need-per-valve-flow-limits-yes"),
            ("~~Should we water at night?~~ Settled: only before sunrise.", True, 92,
             "q-should-we-water-at-night-settled-only"),
            ("How long do we keep old plans? Readings older than a week are already discarded.",
             False, 93, "q-how-long-do-we-keep-old-plans-readings"),
        ], id="boxes-strike-continuation"),
        pytest.param("context-first.md", [
            ("Should log writes be asynchronous?", True, 45, "q-should-log-writes-be-asynchronous"),
            ("Do we store the scale's raw reading?", True, 46,
             "q-do-we-store-the-scales-raw-reading"),
            ("Retention period?", True, 47, "q-retention-period"),
        ], id="resolved-section-bold-questions"),
        pytest.param("fenced.md", [
            ("Should exports be zipped?", False, 38, "q-should-exports-be-zipped"),
        ], id="fenced-task-ignored"),
        pytest.param("subheadings.md", [
            ("Should doors close during pollination hours?", False, 41,
             "q-should-doors-close-during-pollination"),
            ("Who may override the wind rule?", False, 42, "q-who-may-override-the-wind-rule"),
        ], id="numbered-list"),
        pytest.param("thematic-break.md", [], id="checkboxes-elsewhere-ignored"),
    ],
)  # fmt: skip
def test_questions(name: str, questions: list[tuple[str, bool, int, str]]) -> None:
    """Open-question items: text, resolved, real line and the anchor the plugin adds."""
    found = [(q.text, q.resolved, q.line, q.anchor) for q in parse(name).questions]
    assert found == questions


def test_question_anchor_avoids_heading_ids() -> None:
    """A question whose slug equals a heading id gets toc's ``_1`` suffix."""
    text = "# Design: X\n\n## Open Questions\n\n- [ ] Open questions\n- [ ] Open questions\n"
    doc = parse_page("x.md", text, RULES)
    assert doc is not None
    assert [q.anchor for q in doc.questions] == ["q-open-questions", "q-open-questions_1"]


@pytest.mark.parametrize(
    ("name", "alternatives"),
    [
        pytest.param("canonical.md", [
            ("Cron Jobs Per Bed", "Cron cannot react to rain forecasts or moisture changes.", 98),
            ("Vendor Controller Schedules",
             "Each vendor has its own format and no API for rain delays.", 104),
        ], id="headings"),
        pytest.param("thematic-break.md", [
            ("Charts first", "growers open the board ten times more often.", 19),
            ("Keep both", "two pages keep drifting apart.", 20),
        ], id="bold-bullets-under-h3"),
    ],
)  # fmt: skip
def test_alternatives(name: str, alternatives: list[tuple[str, str, int]]) -> None:
    """Alternatives: name, the reason they were rejected, line."""
    found = [(a.name, a.rejected_because, a.line) for a in parse(name).alternatives]
    assert found == alternatives


@pytest.mark.parametrize(
    ("name", "references"),
    [
        pytest.param("canonical.md", ("[Bed Registry design](bed-registry.md)",
                                      "[Valve protocol notes](https://example.com/valves)"),
                     id="links"),
        pytest.param("context-first.md", ("Requirements: `docs/harvest/requirements.md`",
                                          "Reports design: [Yield Reports](yield-reports.md)"),
                     id="labelled"),
        pytest.param("kiro-bare.md", (), id="none"),
    ],
)  # fmt: skip
def test_references(name: str, references: tuple[str, ...]) -> None:
    """Reference items as written."""
    assert parse(name).references == references


@pytest.mark.parametrize(
    ("name", "findings"),
    [
        pytest.param("canonical.md", [("duplicate-component", 74)], id="duplicate-component"),
        pytest.param("numbered.md", [("unknown-status", 4)], id="unknown-status"),
        pytest.param("parenthetical.md", [("bad-date", 3)], id="bad-date"),
        pytest.param("invalid-yaml.md", [("front-matter", 3)], id="invalid-yaml"),
        pytest.param("thematic-break.md", [], id="thematic-break-is-no-front-matter"),
        pytest.param("front-matter.md", [], id="valid-front-matter"),
        pytest.param("kiro-bare.md", [], id="kiro"),
    ],
)
def test_findings(name: str, findings: list[tuple[str, int]]) -> None:
    """Problems met while parsing, with their real line."""
    doc = parse(name)
    assert [(f.code, f.location.line) for f in doc.findings] == findings
    assert all(f.location.path == name for f in doc.findings)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(source("canonical.md"), 'component "Schedule Planner" is described twice',
                     id="duplicate"),
        pytest.param(source("numbered.md"), 'unknown status "Ready for Implementation"',
                     id="unknown-status"),
        pytest.param(source("parenthetical.md"), 'created date "15/03/2025" is not a date',
                     id="bad-date"),
        pytest.param(source("invalid-yaml.md"), "mapping values are not allowed",
                     id="yaml"),
    ],
)  # fmt: skip
def test_finding_messages_say_what_is_wrong(text: str, message: str) -> None:
    """Finding messages name the offending value."""
    doc = parse_page("p.md", text, RULES)
    assert doc is not None
    assert any(message in f.message for f in doc.findings)


def test_placeholder_component_names_are_not_duplicates() -> None:
    """The template's repeated ``[Component Name]`` is a placeholder, not a duplicate."""
    text = "# Design: X\n\n## Component Structure\n\n### [Component Name]\n\n### [Component Name]\n"
    doc = parse_page("x.md", text, RULES)
    assert doc is not None
    assert len(doc.components) == 2
    assert doc.findings == ()


def test_front_matter_is_kept_and_lines_count_it() -> None:
    """Front matter reaches ``meta``; body lines are counted from the top of the file."""
    doc = parse("front-matter.md")
    assert doc.meta["owner"] == "Ana Lima"
    assert doc.sections[0].line == 14


@pytest.mark.parametrize(
    "front",
    [
        "status:\tDraft\n",  # a tab after the colon: libyaml reads it, pure PyYAML refuses it
        "title: A\nauthors: [Ana, Bo]\ncreated: 2025-01-02\n",
        "status: Draft\nstatus: Approved\n",
        "- a list\n",
        "title: [unclosed\n",
    ],
)
def test_front_matter_reads_as_mkdocs_reads_it(front: str) -> None:
    """The plugin sees the front matter MkDocs sees: same loader, same values, same failures."""
    page = f"---\n{front}---\n\n# Design: X\n"
    found = split_front_matter("p.md", page)
    expected = get_data(page)[1]
    assert found.meta == expected
    assert (found.error is not None) == front.startswith("title: ["), found


# Detection ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "# Design: Seed Vault",
        "# design: seed vault",
        "# Design — Seed Vault",
        "# Design Doc: Seed Vault",
        "# Design Document: Seed Vault",
        "# Technical Design: Seed Vault",
        "# Seed Vault — Technical Design",
        "# Seed Vault \u2013 Design",
        "# Seed Vault - Design",
        "# Seed Vault - Design Document",
        "# Design: Seed Vault (Phase 2)",
        "# Design Document",
        "Design: Seed Vault\n==================",
        "# Design: `seed-vault`",
    ],
)
def test_design_titles_are_detected(title: str) -> None:
    """Both title forms and their variants make a page a design page."""
    assert detection(f"{title}\n\nSome text.\n").reason == "title"


@pytest.mark.parametrize(
    "title",
    [
        "# Design",
        "# Design Tokens",
        "# Responsive Design",
        "# How to write a design document",
        "# Designing for growers",
        "# Seed Vault Design",
        "## Design: Seed Vault",
    ],
)
def test_other_titles_are_not_design_titles(title: str) -> None:
    """Titles that merely mention design, or are not the H1, do not detect a page."""
    assert not detection(f"{title}\n\nSome text.\n").is_design


def test_front_matter_design_true() -> None:
    """``design: true`` detects a page whatever its title."""
    found = detection("---\ndesign: true\n---\n\n# Payments\n")
    assert (found.reason, found.title.text if found.title else None) == ("front matter", "Payments")


def test_front_matter_design_false_opts_out() -> None:
    """``design: false`` wins over a design title and template sections."""
    found = detection(source("opt-out.md"))
    assert not found.is_design
    assert "design: false" in found.explanation
    assert parse_page("opt-out.md", source("opt-out.md"), RULES) is None


@pytest.mark.parametrize(
    ("name", "detected"),
    [
        pytest.param("superseded.md", True, id="design-true"),
        pytest.param("canonical.md", False, id="title-not-enough"),
        pytest.param("sections-only.md", False, id="sections-not-enough"),
    ],
)
def test_detect_front_matter_mode(name: str, detected: bool) -> None:
    """With ``detect: front_matter`` only ``design: true`` counts."""
    rules = ParseRules(detect="front_matter")
    assert (parse_page(name, source(name), rules) is not None) is detected


def test_three_sections_detect_with_numbering_and_case_ignored() -> None:
    """``## ARCHITECTURE OVERVIEW``, ``## 2. data flow`` and ``## Testing Strategy`` are three."""
    found = detection(source("sections-only.md"))
    assert found.reason == "sections"
    assert found.sections == ("Architecture Overview", "Data Flow", "Testing Strategy")


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        pytest.param("# Notes\n\n## Architecture Overview\n\n## Data Flow\n",
                     ("Architecture Overview", "Data Flow"), id="two"),
        pytest.param("# API\n\n## Data Models\n\n## Error Handling\n\n## References\n",
                     ("Data Models",), id="generic-ones-do-not-count"),
        pytest.param("# Notes\n\n## Architecture\n\n## Monitoring and Logging\n\n## Testing\n",
                     (), id="aliases-do-not-count"),
        pytest.param("# Notes\n\n### Architecture Overview\n\n### Data Flow\n\n### Data Models\n",
                     (), id="only-h2-counts"),
    ],
)  # fmt: skip
def test_fewer_than_three_sections_do_not_detect(text: str, sections: tuple[str, ...]) -> None:
    """Two distinctive sections, generic ones, aliases or ``###`` headings are not enough."""
    found = detection(text)
    assert not found.is_design
    assert found.sections == sections


ORDINARY = sorted((PAGES / "ordinary").glob("*.md"))


def test_ordinary_fixtures_exist() -> None:
    """The ordinary pages below are really there (a renamed folder must not pass silently)."""
    assert len(ORDINARY) >= 5


@pytest.mark.parametrize("path", ORDINARY, ids=[p.stem for p in ORDINARY])
def test_ordinary_pages_are_not_detected(path: Path) -> None:
    """A guide, an API reference, a changelog, an architecture tour, an ADR… stay ordinary."""
    text = path.read_text(encoding="utf-8")
    assert parse_page(path.name, text, RULES) is None, detection(text).explanation


def test_near_miss_explains_itself() -> None:
    """A page with two template sections says which ones it has and what it lacks."""
    found = detection((PAGES / "ordinary" / "architecture.md").read_text(encoding="utf-8"))
    assert "`## Architecture Overview` and `## Data Flow`" in found.explanation
    assert "3 template sections are needed" in found.explanation


# Real Markdown written by other people: package descriptions and Markdown files they ship.

PACKAGES = (
    "mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "Jinja2", "click", "pytest",
    "hypothesis", "PyYAML", "beautifulsoup4", "mkdocs-get-deps", "ghp-import", "mergedeep",
    "platformdirs", "requests", "soupsieve", "backrefs", "MarkupSafe", "urllib3", "idna",
)  # fmt: skip


def _markdown_descriptions() -> list[tuple[str, str]]:
    found = []
    for name in PACKAGES:
        try:
            meta = importlib.metadata.metadata(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        # ``json`` reads the description from the payload or the header, whichever is used.
        fields = meta.json
        if "markdown" in str(fields.get("description_content_type", "")).lower():
            found.append((name, str(fields.get("description", ""))))
    return found


def test_package_descriptions_are_never_detected() -> None:
    """READMEs of installed packages (real, varied Markdown) are never design pages."""
    checked = _markdown_descriptions()
    assert len(checked) >= 5, [name for name, _ in checked]
    assert all(len(text) > 200 for _, text in checked)
    detected = [name for name, text in checked if parse_page(f"{name}.md", text, RULES)]
    assert detected == []


def _shipped_markdown() -> list[Path]:
    files = []
    for dist in importlib.metadata.distributions():
        for file in dist.files or ():
            if file.suffix == ".md" and (path := Path(str(dist.locate_file(file)))).is_file():
                files.append(path)
    return files


def test_markdown_files_in_site_packages_are_never_detected() -> None:
    """Every ``*.md`` installed packages ship (licences, READMEs, guides) stays ordinary."""
    files = _shipped_markdown()
    assert len(files) >= 3
    detected = [p for p in files if parse_page(p.name, p.read_text(encoding="utf-8"), RULES)]
    assert detected == []
