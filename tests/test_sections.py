"""The section vocabulary, in every shipped language, and how real headings map onto it."""

from __future__ import annotations

import pytest
from markdown.extensions.toc import slugify

from mkdocs_design.reading.scan import scan
from mkdocs_design.reading.sections import GENERIC, sections_of, strong_key, template_sections
from mkdocs_design.reading.vocabulary import Vocabulary, title_key

VOCABULARY = Vocabulary.build()

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
        ("3. 组件与接口（可选）", "组件与接口"),
        ("Sources & References", "sources and references"),
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
        pytest.param("Sources & References", "References", id="sources-and-references"),
        pytest.param("Further Reading", "References", id="further-reading"),
        pytest.param("Component Design", "Component Structure", id="component-design"),
        pytest.param("组件与接口", "Component Structure", id="zh-hans"),
        pytest.param("元件與介面", "Component Structure", id="zh-hant"),
        pytest.param("コンポーネントとインターフェース", "Component Structure", id="ja"),
        pytest.param("컴포넌트 및 인터페이스", "Component Structure", id="ko"),
        pytest.param("Компоненты и интерфейсы", "Component Structure", id="ru"),
        pytest.param("Componentes e Interfaces", "Component Structure", id="es-pt"),
        pytest.param("Komponenten und Schnittstellen", "Component Structure", id="de"),
        pytest.param("Composants et interfaces", "Component Structure", id="fr"),
        pytest.param("## Архитектура", None, id="hashes-are-not-names"),
        pytest.param("Архитектура", "Architecture Overview", id="ru-architecture"),
        pytest.param("待定问题", "Open Questions", id="zh-open-questions"),
        pytest.param("Questions ouvertes", "Open Questions", id="fr-open-questions"),
        pytest.param("Overview", None, id="kiro-overview"),
        pytest.param("Correctness Properties", None, id="kiro-properties"),
        pytest.param("Success Criteria", None, id="own-section"),
        pytest.param("React Component Structure", None, id="qualified-is-own"),
        pytest.param("Implementation Checklist", None, id="checklist"),
    ],
)  # fmt: skip
def test_section_key(title: str, key: str | None) -> None:
    """Headings map to the template section they stand for, or to none, in any language."""
    assert VOCABULARY.section(title) == key


@pytest.mark.parametrize(
    ("title", "key"),
    [
        pytest.param("Architecture", None, id="common-word"),
        pytest.param("Components", None, id="common-components"),
        pytest.param("2. data flow", "Data Flow", id="numbered-lower"),
        pytest.param("Testing Strategy", "Testing Strategy", id="exact"),
        pytest.param("Components and Interfaces", "Component Structure", id="kiro"),
        pytest.param("组件与接口", "Component Structure", id="translated"),
        pytest.param("Error Handling", None, id="generic"),
        pytest.param("References", None, id="generic-references"),
        pytest.param("Open Questions (Resolved)", "Open Questions", id="parenthetical"),
    ],
)
def test_strong_key(title: str, key: str | None) -> None:
    """Detection counts names only design pages use, never common words or generic sections."""
    assert strong_key(title, VOCABULARY) == key


def test_vocabulary_names_only_template_sections() -> None:
    """Every section of the vocabulary is one of the template's, and the generic ones too."""
    assert set(VOCABULARY.sections.values()) == set(TEMPLATE)
    assert set(TEMPLATE) >= GENERIC


def test_a_site_adds_its_own_words() -> None:
    """``vocabulary`` in mkdocs.yml adds names; a bad shape is an error naming the key."""
    own = Vocabulary.build({"sections": {"Open Questions": {"strong": ["Offene Punkte"]}}})
    assert own.section("Offene Punkte") == "Open Questions"
    assert own is Vocabulary.build({"sections": {"Open Questions": {"strong": ["Offene Punkte"]}}})
    with pytest.raises(ValueError, match="unknown key 'section'"):
        Vocabulary.build({"section": {}})
    with pytest.raises(ValueError, match="must be a list of words"):
        Vocabulary.build({"labels": {"status": "Zustand"}})


def test_a_sites_keys_name_what_the_vocabulary_knows() -> None:
    """Keys are matched as headings are; one that names nothing is an error, never ignored."""
    lower = Vocabulary.build({"sections": {"open questions": {"names": ["Offene Punkte"]}}})
    assert lower.section("Offene Punkte") == "Open Questions"
    assert lower.section("Open Questions") == "Open Questions"  # not replaced by the lowercase
    assert (
        "freigegeben"
        in Vocabulary.build({"statuses": {"approved": ["freigegeben"]}}).statuses["Approved"]
    )
    with pytest.raises(ValueError, match="'sections' has no 'Open Qestions': did you mean 'Open"):
        Vocabulary.build({"sections": {"Open Qestions": {"names": ["Fragen"]}}})
    with pytest.raises(ValueError, match=r"'statuses' has no 'Shipped'.*own status"):
        Vocabulary.build({"statuses": {"Shipped": ["geliefert"]}})
    with pytest.raises(ValueError, match="'labels' has no 'reviewer'"):
        Vocabulary.build({"labels": {"reviewer": ["Prüfer"]}})


@pytest.mark.parametrize(
    ("markdown", "sections"),
    [
        pytest.param("## Goal\n\nX.\n\n### Alternatives Rejected\n\n- A\n",
                     [("Goal", None, 1, 7),
                      ("Alternatives Rejected", "Alternatives Considered", 5, 7)],
                     id="h3-template-section-under-own-h2"),
        pytest.param("## Architecture Overview\n\n### Data Flow\n\nX.\n",
                     [("Architecture Overview", "Architecture Overview", 1, 5)],
                     id="h3-inside-template-section-is-not-a-section"),
        pytest.param("## Open Questions\n\n## References\n\n### Links\n",
                     [("Open Questions", "Open Questions", 1, 2),
                      ("References", "References", 3, 5)],
                     id="only-subheadings"),
        pytest.param("```\n## Data Flow\n```\n## Risks\n\nSome.\n",
                     [("Risks", None, 4, 6)], id="fenced-heading"),
    ],
)  # fmt: skip
def test_sections_of(markdown: str, sections: list[tuple[str, str | None, int, int]]) -> None:
    """Section ranges: title, key, body start and end (0-based, exclusive)."""
    page = scan(markdown.splitlines(), slugify)
    found = [(s.heading.text, s.key, s.start, s.end) for s in sections_of(page, VOCABULARY)]
    assert found == sections


@pytest.mark.parametrize("rewrapped", [False, True], ids=["one line", "re-wrapped"])
def test_a_section_of_template_placeholders_only_is_empty(rewrapped: bool) -> None:
    """A placeholder an editor re-wrapped leaves no word of the author's on either line."""
    from mkdocs_design.reading.parse import ParseRules, parse_page
    from mkdocs_design.reading.placeholders import PlaceholderRules
    from mkdocs_design.reading.template import template_text

    question = next(ln for ln in template_text().splitlines() if ln.startswith("- [ ] ["))
    if rewrapped:  # at its middle space, the rest indented as a list item's continuation
        middle = question.index(" ", len(question) // 2)
        question = question[:middle] + "\n  " + question[middle + 1 :]
    head = "# Design: X\n\n## Architecture Overview\n\nReal text.\n\n## Open Questions\n\n"
    rules = ParseRules(placeholders=PlaceholderRules.from_template(template_text()))
    doc = parse_page("x.md", head + question + "\n", rules)
    assert doc is not None
    assert [s.title for s in doc.sections if s.empty] == ["Open Questions"]
    assert doc.questions == ()
