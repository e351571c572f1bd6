"""The template's section vocabulary, and how real headings map onto it."""

from __future__ import annotations

import pytest
from markdown.extensions.toc import slugify

from mkdocs_design.reading.scan import scan
from mkdocs_design.reading.sections import (
    ALIASES,
    GENERIC,
    distinctive,
    section_key,
    sections_of,
    template_sections,
    title_key,
)

TEMPLATE = (
    "Architecture Overview", "System Context", "Component Structure", "Data Flow",
    "API Contracts", "Data Models", "Error Handling", "Security Considerations",
    "Performance Considerations", "Testing Strategy", "Deployment Strategy",
    "Monitoring & Observability", "Open Questions", "Alternatives Considered",
    "Timeline Estimate", "References",
)  # fmt: skip


def test_template_sections_come_from_the_shipped_template() -> None:
    """The sixteen ``##`` sections of the template, in order."""
    assert template_sections() == TEMPLATE


@pytest.mark.parametrize(
    ("title", "folded"),
    [
        ("Architecture Overview", "architecture overview"),
        ("1. Architecture Overview", "architecture overview"),
        ("10. Files to Create/Modify", "files to create and modify"),
        ("3.1 Data Types", "data types"),
        ("A. Appendix", "appendix"),
        ("IV. Risks", "risks"),
        ("Open Questions (Resolved)", "open questions"),
        ("Monitoring & Observability", "monitoring and observability"),
        ("References:", "references"),
        ("  DATA   FLOW  ", "data flow"),
        ("Überblick", "überblick"),
    ],
)
def test_title_key(title: str, folded: str) -> None:
    """Numbering, a trailing parenthetical, case, ``&``, ``/`` and spacing are ignored."""
    assert title_key(title) == folded


@pytest.mark.parametrize(
    ("title", "key"),
    [
        pytest.param("Architecture Overview", "Architecture Overview", id="exact"),
        pytest.param("1. ARCHITECTURE OVERVIEW", "Architecture Overview", id="numbered-upper"),
        pytest.param("Architecture", "Architecture Overview", id="kiro-architecture"),
        pytest.param("Components and Interfaces", "Component Structure", id="kiro-components"),
        pytest.param("Components", "Component Structure", id="components"),
        pytest.param("Data Model", "Data Models", id="singular"),
        pytest.param("Database Schema", "Data Models", id="schema"),
        pytest.param("API Endpoints", "API Contracts", id="endpoints"),
        pytest.param("Data Flow Diagram", "Data Flow", id="diagram"),
        pytest.param("Monitoring and Logging", "Monitoring & Observability", id="logging"),
        pytest.param("Monitoring & Observability", "Monitoring & Observability", id="ampersand"),
        pytest.param("Deployment Considerations", "Deployment Strategy", id="deployment"),
        pytest.param("Open Questions (Resolved)", "Open Questions", id="resolved"),
        pytest.param("Alternatives Rejected", "Alternatives Considered", id="rejected"),
        pytest.param("Integration Points", "System Context", id="integration-points"),
        pytest.param("Security", "Security Considerations", id="security"),
        pytest.param("Related Documents", "References", id="related"),
        pytest.param("Overview", None, id="kiro-overview"),
        pytest.param("Correctness Properties", None, id="kiro-properties"),
        pytest.param("Success Criteria", None, id="own-section"),
        pytest.param("React Component Structure", None, id="qualified-is-own"),
        pytest.param("Implementation Checklist", None, id="checklist"),
    ],
)  # fmt: skip
def test_section_key(title: str, key: str | None) -> None:
    """Headings map to the template section they stand for, or to none."""
    assert section_key(title) == key


@pytest.mark.parametrize(
    ("title", "key"),
    [
        pytest.param("Architecture", None, id="alias"),
        pytest.param("2. data flow", "Data Flow", id="numbered-lower"),
        pytest.param("Testing Strategy", "Testing Strategy", id="exact"),
        pytest.param("Error Handling", None, id="generic"),
        pytest.param("References", None, id="generic-references"),
        pytest.param("Open Questions (Resolved)", "Open Questions", id="parenthetical"),
    ],
)
def test_distinctive(title: str, key: str | None) -> None:
    """Detection counts exact template names only, and not the generic ones."""
    assert distinctive(title) == key


def test_aliases_point_at_template_sections() -> None:
    """Every alias names a real template section and is already folded."""
    assert set(ALIASES.values()) <= set(TEMPLATE)
    assert all(title_key(alias) == alias for alias in ALIASES)
    assert set(TEMPLATE) >= GENERIC


@pytest.mark.parametrize(
    ("markdown", "sections"),
    [
        pytest.param("## Goal\n\nX.\n\n### Alternatives Rejected\n\n- A\n",
                     [("Goal", None, 1, 7, False),
                      ("Alternatives Rejected", "Alternatives Considered", 5, 7, False)],
                     id="h3-template-section-under-own-h2"),
        pytest.param("## Architecture Overview\n\n### Data Flow\n\nX.\n",
                     [("Architecture Overview", "Architecture Overview", 1, 5, False)],
                     id="h3-inside-template-section-is-not-a-section"),
        pytest.param("## Open Questions\n\n## References\n\n### Links\n",
                     [("Open Questions", "Open Questions", 1, 2, True),
                      ("References", "References", 3, 5, True)],
                     id="empty-and-only-subheadings"),
        pytest.param("```\n## Data Flow\n```\n## Risks\n\nSome.\n",
                     [("Risks", None, 4, 6, False)], id="fenced-heading"),
    ],
)  # fmt: skip
def test_sections_of(markdown: str, sections: list[tuple[str, str | None, int, int, bool]]) -> None:
    """Section ranges: title, key, body start and end (0-based, exclusive), emptiness."""
    page = scan(markdown.splitlines(), slugify)
    found = [(s.heading.text, s.key, s.start, s.end, s.empty) for s in sections_of(page)]
    assert found == sections
