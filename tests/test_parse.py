"""The parser's rules, case by case: detection, titles, dates, front matter, findings.

What each fixture page reads as, whole, is pinned by its golden (``test_golden.py``); the cases
here are the rules behind it, one behaviour each. ``fixtures/pages/ordinary`` holds ordinary
documentation that must never be detected. Lines are lines of the real file, front matter
included, as an editor shows them.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from mkdocs.utils.meta import get_data

from mkdocs_design.reading import fields
from mkdocs_design.reading.frontmatter import split_front_matter
from mkdocs_design.reading.parse import ParseRules, parse_page, read
from mkdocs_design.reading.statuses import StatusTable

if TYPE_CHECKING:
    from mkdocs_design.model import DesignDoc
    from mkdocs_design.reading.detect import Detection

PAGES = Path(__file__).parent / "fixtures" / "pages"
RULES = ParseRules()


def source(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def parse(name: str, rules: ParseRules = RULES, src_uri: str | None = None) -> DesignDoc:
    doc = parse_page(src_uri or name, source(name), rules)
    assert doc is not None, f"{name} was not detected"
    return doc


def detection(text: str, rules: ParseRules = RULES) -> Detection:
    return read("page.md", text, rules)[2]


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


def test_custom_alias_resolves_a_real_world_status() -> None:
    """``Ready for Implementation`` resolves once the site maps it, and the finding goes."""
    rules = ParseRules(statuses=StatusTable.build(aliases={"Ready for Implementation": "Approved"}))
    doc = parse("numbered.md", rules)
    assert doc.canonical_status == "Approved"
    assert doc.findings == ()


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


def test_question_anchor_avoids_heading_ids() -> None:
    """A question whose slug equals a heading id gets toc's ``_1`` suffix."""
    text = "# Design: X\n\n## Open Questions\n\n- [ ] Open questions\n- [ ] Open questions\n"
    doc = parse_page("x.md", text, RULES)
    assert doc is not None
    assert [q.anchor for q in doc.questions] == ["q-open-questions", "q-open-questions_1"]


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


def test_placeholder_component_names_are_not_components() -> None:
    """The template's repeated ``[Component Name]`` is a leftover: no component, no duplicate."""
    text = "# Design: X\n\n## Component Structure\n\n### [Component Name]\n\n### [Component Name]\n"
    doc = parse_page("x.md", text, RULES)
    assert doc is not None
    assert doc.components == ()
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
    assert detection(f"{title}\n\nSome text.\n").rule == "title"


@pytest.mark.parametrize(
    "heading",
    [
        "# Design-Dokument: Seed Vault",
        "# Technisches Design: Seed Vault",
        "# Документ дизайна: Seed Vault",
        "# Дизайн-документ: Seed Vault",
        "# Documento de diseño: Seed Vault",
        "# Document de conception : Seed Vault",
        "# Seed Vault 技术设计文档",
        "# Seed Vault 설계 문서",
        "# Seed Vault · 設計書",
    ],
)
def test_translated_titles_name_the_design(heading: str) -> None:
    """A title word of a shipped language is taken off the title, in either position."""
    doc = parse_page("x.md", f"{heading}\n\nSome text.\n", RULES)
    assert doc is not None
    assert doc.title == "Seed Vault"


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
    assert (found.rule, found.title.text if found.title else None) == ("front matter", "Payments")


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
    assert found.rule == "sections"
    assert found.sections == ("Architecture Overview", "Data Flow", "Testing Strategy")


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        pytest.param("# Notes\n\n## Architecture Overview\n\n## Data Flow\n",
                     ("Architecture Overview", "Data Flow"), id="two"),
        pytest.param("# API\n\n## Data Models\n\n## Error Handling\n\n## References\n",
                     ("Data Models",), id="generic-ones-do-not-count"),
        pytest.param("# Notes\n\n## Architecture\n\n## Security\n\n## Testing\n",
                     (), id="common-words-do-not-count"),
        pytest.param("# Notes\n\n### Architecture Overview\n\n### Data Flow\n\n### Data Models\n",
                     (), id="only-h2-counts"),
    ],
)  # fmt: skip
def test_fewer_than_three_sections_do_not_detect(text: str, sections: tuple[str, ...]) -> None:
    """Two strong sections, generic ones, common words or ``###`` headings are not enough."""
    found = detection(text)
    assert not found.is_design
    assert found.sections == sections


ORDINARY = sorted((PAGES / "ordinary").glob("*.md"))


def test_ordinary_fixtures_exist() -> None:
    """The ordinary pages below are really there (a renamed folder must not pass silently)."""
    assert len(ORDINARY) >= 5


@pytest.mark.parametrize("path", ORDINARY, ids=[p.stem for p in ORDINARY])
def test_ordinary_pages_are_not_detected(path: Path) -> None:
    """A guide, an API reference, a changelog, an architecture tour… stay ordinary."""
    text = path.read_text(encoding="utf-8")
    assert parse_page(path.name, text, RULES) is None, detection(text).explanation


def test_near_miss_explains_itself() -> None:
    """A page with two template sections says which ones it has and what it lacks."""
    found = detection((PAGES / "ordinary" / "architecture.md").read_text(encoding="utf-8"))
    assert "`## Architecture Overview` and `## Data Flow`" in found.explanation
    assert "3 sections only design pages have are needed" in found.explanation


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
