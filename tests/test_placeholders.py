"""Tests for finding and marking unresolved template placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_design.model import Placeholder
from mkdocs_design.output.marks import mark_placeholders
from mkdocs_design.reading.placeholders import PlaceholderRules, find_placeholders
from mkdocs_design.reading.template import template_text

FIXTURES = Path(__file__).parent / "fixtures" / "placeholders"
TEMPLATE = template_text()
RULES = PlaceholderRules.from_template(TEMPLATE)
MARK = (
    '<mark class="design-placeholder" id="design-placeholder-1" '
    'title="Unresolved template placeholder">'
)
MARK2 = MARK.replace("-1", "-2")
HEADING = re.compile(r"^#{2,6}\s+(.*?)\s*$")


def find(text: str, rules: PlaceholderRules = RULES) -> list[tuple[object, ...]]:
    """Return (line, column, text, in_code) of each placeholder found in ``text``."""
    found = find_placeholders(text.split("\n"), rules)
    return [(p.line, p.column, p.text, p.in_code) for p in found]


def headings(lines: list[str], first_line: int = 1) -> list[tuple[int, str]]:
    """Return (line, title) of each heading of level 2 or deeper, as parse.py passes them."""
    return [
        (first_line + i, m.group(1)) for i, line in enumerate(lines) if (m := HEADING.match(line))
    ]


# Every bracketed placeholder of the template: (line, column, text). Generated once, then
# checked line by line against template.md. Not in it: the three "- [ ]" task boxes and
# the example list "['value1', 'value2']" of line 198 (see PlaceholderRules.from_template).
TEMPLATE_PLACEHOLDERS = [
    (1, 11, "[Feature Name]"),
    (3, 14, "[Date]"),
    (
        8,
        1,
        "[High-level description of how this feature fits into the overall "
        "system. Explain the general approach and major components involved. "
        "3-4 sentences.]",
    ),
    (14, 19, "[List existing systems/services this feature uses]"),
    (15, 16, "[List what will consume this feature]"),
    (16, 30, "[Third-party services or APIs]"),
    (22, 9, "[Component Name]"),
    (24, 21, "[Single clear purpose of this component]"),
    (27, 3, "[What this component depends on]"),
    (28, 3, "[Other components or services it needs]"),
    (48, 3, "[Important behavior 1]"),
    (49, 3, "[Important behavior 2]"),
    (51, 9, "[Component Name]"),
    (53, 21, "[Purpose]"),
    (56, 3, "[Dependencies]"),
    (59, 1, "[Interface definition]"),
    (62, 3, "[Behaviors]"),
    (64, 9, "[Component Name]"),
    (66, 1, "[Continue for each major component]"),
    (71, 1, "[User/Client]"),
    (74, 1, "[API Gateway / Entry Point]"),
    (76, 11, "[Component 1]"),
    (76, 29, "[Database / External API]"),
    (79, 11, "[Component 2]"),
    (83, 11, "[Response]"),
    (88, 16, "[User action or triggering event]"),
    (89, 13, "[What data comes in]"),
    (90, 15, "[What happens]"),
    (91, 14, "[What results]"),
    (93, 16, "[Next step in the flow]"),
    (94, 13, "[Data from previous step]"),
    (95, 15, "[Processing logic]"),
    (96, 14, "[Result]"),
    (98, 16, "[Continue for each major step]"),
    (99, 13, "[...]"),
    (100, 15, "[...]"),
    (101, 14, "[...]"),
    (105, 24, "[Name]"),
    (107, 14, "[What this API does]"),
    (164, 19, "[When this occurs and how to handle]"),
    (165, 19, "[When this occurs and how to handle]"),
    (167, 24, "[Name]"),
    (169, 1, "[Continue for each major API endpoint or public function]"),
    (173, 5, "[Model Name]"),
    (175, 14, "[What this data represents]"),
    (191, 15, "[Parent model]"),
    (192, 13, "[Child models]"),
    (193, 15, "[Related models]"),
    (205, 5, "[Model Name]"),
    (207, 1, "[Continue for each data model]"),
    (261, 3, "[How users are authenticated]"),
    (262, 3, "[What permissions are required]"),
    (263, 3, "[How tokens/sessions are managed]"),
    (267, 3, "[What inputs are validated and how]"),
    (268, 3, "[Sanitization approach]"),
    (269, 3, "[Allowed vs. denied list strategy]"),
    (273, 3, "[What sensitive data exists]"),
    (274, 3, "[How it's encrypted (at rest and in transit)]"),
    (275, 3, "[Who has access and how it's controlled]"),
    (279, 3, "[Rate limits per user/IP]"),
    (280, 3, "[How limits are enforced]"),
    (281, 3, "[Response when limit exceeded]"),
    (285, 3, "[CSRF protection]"),
    (286, 3, "[XSS prevention]"),
    (287, 3, "[SQL injection prevention]"),
    (288, 3, "[Secrets management]"),
    (295, 3, "[What data is cached]"),
    (296, 3, "[Cache duration/TTL]"),
    (297, 3, "[Cache invalidation strategy]"),
    (300, 3, "[Indexes to be added]"),
    (301, 3, "[Query optimization approach]"),
    (302, 3, "[Connection pooling strategy]"),
    (305, 3, "[Request batching]"),
    (306, 3, "[Response compression]"),
    (307, 3, "[CDN usage for static assets]"),
    (311, 18, "[e.g., < 200ms for 95th percentile]"),
    (312, 15, "[e.g., 1000 requests per second]"),
    (313, 21, "[e.g., support 10,000 simultaneous users]"),
    (317, 27, "[Which components can scale horizontally]"),
    (318, 25, "[Which components might need vertical scaling]"),
    (319, 23, "[How requests are distributed]"),
    (320, 25, "[Read replicas, sharding, etc.]"),
    (327, 3, "[Component 1]"),
    (327, 18, "[What functionality to test]"),
    (328, 3, "[Component 2]"),
    (328, 18, "[What functionality to test]"),
    (330, 27, "[e.g., 80% code coverage]"),
    (335, 3, "[Component A + Component B]"),
    (335, 32, "[What interaction to test]"),
    (336, 3, "[Component + Database]"),
    (336, 27, "[What queries to test]"),
    (337, 3, "[Component + External API]"),
    (337, 31, "[What API calls to test]"),
    (342, 4, '[Workflow 1, e.g., "User registration and first login"]'),
    (343, 4, '[Workflow 2, e.g., "Complete feature flow from start to finish"]'),
    (344, 4, '[Workflow 3, e.g., "Error recovery scenario"]'),
    (348, 17, "[Simulate N concurrent users]"),
    (349, 19, "[Push to failure point]"),
    (350, 22, "[Run for extended period]"),
    (356, 20, "[Dev-specific config]"),
    (357, 16, "[Staging-specific config]"),
    (358, 19, "[Production-specific config]"),
    (362, 4, '[Step 1, e.g., "Run database migrations"]'),
    (363, 4, '[Step 2, e.g., "Deploy backend services"]'),
    (364, 4, '[Step 3, e.g., "Deploy frontend"]'),
    (365, 4, '[Step 4, e.g., "Run smoke tests"]'),
    (370, 4, "[Rollback step 1]"),
    (371, 4, "[Rollback step 2]"),
    (372, 4, "[Verification step]"),
    (378, 3, '[Metric 1, e.g., "Request latency (p50, p95, p99)"]'),
    (379, 3, '[Metric 2, e.g., "Error rate by endpoint"]'),
    (380, 3, '[Metric 3, e.g., "Active user sessions"]'),
    (384, 14, "[DEBUG, INFO, WARN, ERROR]"),
    (385, 12, "[Request ID, user ID, timestamp, action]"),
    (386, 12, "[Sensitive data like passwords, tokens]"),
    (390, 3, "[Alert 1: Condition and threshold]"),
    (391, 3, "[Alert 2: Condition and threshold]"),
    (395, 7, "[Question or decision that needs resolution before implementation]"),
    (396, 7, "[Technical decision requiring input]"),
    (397, 7, "[Integration detail to be confirmed]"),
    (401, 20, "[Approach Name]"),
    (403, 18, "[What this approach would be]"),
    (406, 3, "[Advantage 1]"),
    (407, 3, "[Advantage 2]"),
    (410, 3, "[Disadvantage 1]"),
    (411, 3, "[Disadvantage 2]"),
    (413, 23, "[Reason why this wasn't chosen]"),
    (415, 20, "[Approach Name]"),
    (417, 1, "[Similar structure]"),
    (421, 17, "[X days]"),
    (422, 11, "[X days]"),
    (423, 19, "[X days]"),
    (424, 12, "[X days]"),
    (425, 18, "[X days]"),
    (426, 10, "[X days]"),
    (430, 3, "[Link to requirements document]"),
    (431, 3, "[Related design documents]"),
    (432, 3, "[External documentation or APIs]"),
    (433, 3, "[Research or blog posts that informed design]"),
]


def test_template_placeholders_all_found_once() -> None:
    """Every placeholder of the template is found once, at its line and column."""
    found = find_placeholders(TEMPLATE.splitlines(), RULES)
    assert [(p.line, p.column, p.text) for p in found] == TEMPLATE_PLACEHOLDERS
    assert len(found) == 139


def test_template_texts_derived_from_template() -> None:
    """The rules hold the template's own texts, without task boxes or data-like brackets."""
    assert len(RULES.template_texts) == 123
    assert {"[Feature Name]", "[User/Client]", "[...]", "[X days]"} <= RULES.template_texts
    assert "[ ]" not in RULES.template_texts
    assert "['value1', 'value2']" not in RULES.template_texts


@pytest.mark.parametrize(
    ("line", "column", "end_column", "text", "in_code", "section"),
    [
        (1, 11, 25, "[Feature Name]", False, "Title"),
        (3, 14, 20, "[Date]", False, "Created"),
        (22, 9, 25, "[Component Name]", False, "1. [Component Name]"),
        (71, 1, 14, "[User/Client]", True, "Data Flow"),
        (76, 29, 54, "[Database / External API]", True, "Data Flow"),
        (99, 13, 18, "[...]", False, "Data Flow"),
        (105, 24, 30, "[Name]", False, "Endpoint/Function: [Name]"),
        (311, 18, 53, "[e.g., < 200ms for 95th percentile]", False, "Performance Targets"),
        (370, 4, 21, "[Rollback step 1]", False, "Rollback Plan"),
        (
            395,
            7,
            73,
            "[Question or decision that needs resolution before implementation]",
            False,
            "Open Questions",
        ),
        (426, 10, 18, "[X days]", False, "Timeline Estimate"),
    ],
)
def test_template_spot_checks(
    line: int, column: int, end_column: int, text: str, in_code: bool, section: str
) -> None:
    """Selected template placeholders have exact positions, code flags and sections."""
    lines = TEMPLATE.splitlines()
    found = find_placeholders(lines, RULES, sections=headings(lines))
    expected = Placeholder(text, line, column, section, in_code, line, end_column)
    assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("See [the docs](https://example.com).", id="inline link"),
        pytest.param("See [Date](https://example.com).", id="template text as link text"),
        pytest.param("![Date](img.png)", id="image"),
        pytest.param("See [the guide][guide].\n\n[guide]: https://example.com", id="full ref"),
        pytest.param("[Date][]\n\n[date]: https://example.com", id="collapsed ref"),
        pytest.param("[TBD][notes] later", id="undefined full ref"),
        pytest.param("Per [Date].\n\n[date]: https://example.com", id="defined shortcut ref"),
        pytest.param("[TBD]\n\n[ TBD ]: <https://example.com> 'Title'", id="shortcut ref, label"),
        pytest.param("[TBD]: https://example.com/tbd", id="ref definition"),
        pytest.param('   [Date]: /dates "Dates"', id="indented ref definition"),
        pytest.param("A claim[^1] and [^note].", id="footnotes"),
        pytest.param("[^1]: [e.g.](https://example.com)", id="footnote definition"),
        pytest.param("- [ ] Decide\n- [x] Done\n- [X] Done", id="task boxes"),
        pytest.param("Tick [ ] or [x] or [].", id="checkbox-like"),
        pytest.param("*[TBD]: To be decided", id="abbreviation definition"),
        pytest.param("*[HTML]: Hyper Text Markup Language", id="abbreviation"),
        pytest.param("Use `[TBD]` literally.", id="inline code"),
        pytest.param("Use ``[Date]`` and ``a ` [TODO] ``.", id="double-backtick code"),
        pytest.param("Use `[Date] wraps\nover lines`.", id="inline code over two lines"),
        pytest.param(
            "```python\nitems[0]\nvalues = ['a', 'b']\nre.compile(r'[a-z]+')\n```", id="code data"
        ),
        pytest.param("```\n[Load Balancer] --> [Service]\n```", id="own diagram boxes"),
        pytest.param("```\n# [TODO: fix] [TBD] [FIXME]\n```", id="heuristics not in code"),
        pytest.param("```go\nm := map[Name]bool{}\nx := f()[Date]\n```", id="subscript in code"),
        pytest.param('```json\n{"items": [...]}\n```\n```\nf([...])\n```', id="elision in code"),
        pytest.param("The map[Name] lookup.", id="subscript in prose"),
        pytest.param("[TOC]", id="toc marker"),
        pytest.param("See [[Date]] and [[Design Index]].", id="wiki links"),
        pytest.param(r"Keep \[TBD\] as written.", id="escaped brackets"),
        pytest.param("> [!NOTE]\n> Text.", id="alert"),
        pytest.param("See [1] and [0, 1] and [a-z].", id="citation, interval, class"),
        pytest.param("A [Load Balancer] and the [Add Agent] button.", id="author's own brackets"),
        pytest.param(
            "- `field3`: Optional, enum of ['value1', 'value2']", id="template example list"
        ),
        pytest.param("[Date\n\nlater]", id="no wrap over a blank line"),
        pytest.param("[Date\n- item]", id="no wrap into a list item"),
        pytest.param("[TBD", id="unclosed bracket"),
    ],
)
def test_false_friends(text: str) -> None:
    """Markdown syntax and authors' own brackets are not placeholders."""
    assert find(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[TBD]", "[TBD]"),
        ("Owner: [TBC]", "[TBC]"),
        ("[TODO: ask ops]", "[TODO: ask ops]"),
        ("[todo]", "[todo]"),
        ("[FIXME]", "[FIXME]"),
        ("[XXX]", "[XXX]"),
        ("[Placeholder]", "[Placeholder]"),
        ("[Owner: TBD]", "[Owner: TBD]"),
        ("[TBD]: decide later", "[TBD]"),
        ("[Insert diagram]", "[Insert diagram]"),
        ("[describe the rollout]", "[describe the rollout]"),
        ("[Fill in]", "[Fill in]"),
        ("[Add a sequence diagram]", "[Add a sequence diagram]"),
        ("[List the services]", "[List the services]"),
        ("[e.g., Redis]", "[e.g., Redis]"),
        ("[e.g. 5 minutes]", "[e.g. 5 minutes]"),
        ("[For example, Kafka]", "[For example, Kafka]"),
        ("Steps: [...]", "[...]"),
        ("Steps: […]", "[…]"),
        ("By [Your Name]", "[Your Name]"),
        ("[your team]", "[your team]"),
        ("[Name]", "[Name]"),
        ("[Release Date]", "[Release Date]"),
        ("[Project Title]", "[Project Title]"),
        ("[Link here]", "[Link here]"),
        ("Within [X days]", "[X days]"),
        ("[N] replicas", "[N]"),
        ("[XX%] of requests", "[XX%]"),
        ("[~N ms]", "[~N ms]"),
        ("[x weeks]", "[x weeks]"),
        ("[YYYY-MM-DD]", "[YYYY-MM-DD]"),
    ],
)
def test_heuristics(text: str, expected: str) -> None:
    """Bracketed text that reads like an instruction or a blank is a placeholder."""
    assert [found[2] for found in find(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected", "end"),
    [
        pytest.param(
            "Intro\n[High-level description of how this feature fits into the overall system.\n"
            "Explain the general approach and major components involved. 3-4 sentences.]",
            (
                2,
                1,
                "[High-level description of how this feature fits into the overall system. "
                "Explain the general approach and major components involved. 3-4 sentences.]",
                False,
            ),
            (3, 76),
            id="two lines",
        ),
        pytest.param(
            "- **Depends On:** [List existing\n  systems/services this\n  feature uses]",
            (1, 19, "[List existing systems/services this feature uses]", False),
            (3, 16),
            id="three lines in a list item",
        ),
        pytest.param(
            "Then [TODO: split this\n    later] ok",
            (1, 6, "[TODO: split this later]", False),
            (2, 11),
            id="heuristic",
        ),
        pytest.param(
            "- [ ] [Technical decision\n  requiring input]",
            (1, 7, "[Technical decision requiring input]", False),
            (2, 19),
            id="open question",
        ),
    ],
)
def test_rewrapped(text: str, expected: tuple[object, ...], end: tuple[int, int]) -> None:
    """A placeholder re-wrapped over lines is found at its start, with folded text."""
    [found] = find_placeholders(text.split("\n"), RULES)
    assert (found.line, found.column, found.text, found.in_code) == expected
    assert (found.end_line, found.end_column) == end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "```\n[User/Client] --> [Load Balancer]\n```",
            [(2, 1, "[User/Client]", True)],
            id="template box, own box",
        ),
        pytest.param("~~~~\n[Response]\n~~~~", [(2, 1, "[Response]", True)], id="tildes"),
        pytest.param(
            "```mermaid\ngraph LR\n  A[User/Client] --> B[Load Balancer]\n```",
            [(3, 4, "[User/Client]", True)],
            id="mermaid box",
        ),
        pytest.param(
            "1. Step\n   ```text\n   [Component 1]\n   ```\n[TBD]",
            [(3, 4, "[Component 1]", True), (5, 1, "[TBD]", False)],
            id="indented in a list",
        ),
        pytest.param(
            "````\n```\n[TBD] [Date]\n```\n````\n[TBD]",
            [(3, 7, "[Date]", True), (6, 1, "[TBD]", False)],
            id="closing fence at least as long",
        ),
        pytest.param(
            "~~~\n```\n[TBD]\n~~~\n[TBD]",
            [(5, 1, "[TBD]", False)],
            id="closing fence of the same character",
        ),
        pytest.param(
            "```\n[TBD]\n``` trailing\n[Date]\n```\n[TBD]",
            [(4, 1, "[Date]", True), (6, 1, "[TBD]", False)],
            id="no closing fence with an info string",
        ),
        pytest.param(
            "```inline``` [TBD]", [(1, 14, "[TBD]", False)], id="backticks in info: inline code"
        ),
        pytest.param(
            "Text [TBD]\n```\n[TBD]\n[Date]",
            [(1, 6, "[TBD]", False), (3, 1, "[TBD]", False), (4, 1, "[Date]", False)],
            id="an unterminated fence is no fence, as in superfences",
        ),
    ],
)
def test_fenced_code(text: str, expected: list[tuple[object, ...]]) -> None:
    """In fenced code only the template's exact texts count."""
    assert find(text) == expected


PAGE = """\
# Design: [Feature Name]

**Created:** [Date]
- **Owner:** [Your Name]
Intro [TBD]

## Architecture Overview

[TBD]

### Endpoint/Function: [Name]
"""


def test_sections() -> None:
    """Placeholders belong to the heading before them, or to their metadata label."""
    lines = PAGE.splitlines()
    found = find_placeholders(lines, RULES, first_line=5, sections=headings(lines, 5))
    assert [(p.line, p.text, p.section) for p in found] == [
        (5, "[Feature Name]", "Title"),
        (7, "[Date]", "Created"),
        (8, "[Your Name]", "Owner"),
        (9, "[TBD]", ""),
        (13, "[TBD]", "Architecture Overview"),
        (15, "[Name]", "Endpoint/Function: [Name]"),
    ]


def test_setext_title() -> None:
    """A setext H1 before the first section is the title."""
    [found] = find_placeholders(["Design: [Feature Name]", "======"], RULES)
    assert found.section == "Title"


@pytest.mark.parametrize(
    ("text", "patterns", "ignore", "expected"),
    [
        pytest.param("[Jira: ABC-?]", [r"^\[Jira:"], [], ["[Jira: ABC-?]"], id="pattern"),
        pytest.param("```\n[Jira: ABC-?]\n```", [r"^\[Jira:"], [], [], id="pattern not in code"),
        pytest.param("[TBD] [TBC]", [], ["[TBD]"], ["[TBC]"], id="ignore heuristic"),
        pytest.param("**Created:** [Date]", [], ["[Date]"], [], id="ignore template text"),
        pytest.param("```\n[User/Client]\n```", [], ["[User/Client]"], [], id="ignore in code"),
        pytest.param(
            "[List existing\n  systems/services this feature uses]",
            [],
            ["[List existing  systems/services this\nfeature uses]"],
            [],
            id="ignore folded",
        ),
    ],
)
def test_user_patterns_and_ignores(
    text: str, patterns: list[str], ignore: list[str], expected: list[str]
) -> None:
    """Users add patterns for their own blanks and ignore texts they mean."""
    rules = PlaceholderRules.from_template(TEMPLATE, extra_patterns=patterns, ignore=ignore)
    assert [found[2] for found in find(text, rules)] == expected


def test_bad_user_pattern() -> None:
    """An invalid user pattern raises re.error for the config layer to report."""
    with pytest.raises(re.error):
        PlaceholderRules.from_template(TEMPLATE, extra_patterns=["[unclosed"])


def test_custom_template() -> None:
    """Template texts come from whatever template is given, data-like brackets excluded."""
    rules = PlaceholderRules.from_template(
        "- [Owner] and [docs](x) and `[Code]`\n- [ ] [Next step]\n"
        "```\nitems[0] = [Box] + ['a'] + [a-z]\n```"
    )
    assert rules.template_texts == {"[Owner]", "[Next step]", "[Box]"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("**Created:** [Date]  ", [(1, 14, "[Date]", False)], id="trailing spaces"),
        pytest.param("作成日は[Date]です", [(1, 5, "[Date]", False)], id="CJK around"),
        pytest.param("氏名[Your Name]", [(1, 3, "[Your Name]", False)], id="CJK adjacent"),
        pytest.param("Статус: [TBD] — черновик", [(1, 9, "[TBD]", False)], id="Cyrillic"),
        pytest.param(
            "🚀 [TBD] 🚀 [Date]", [(1, 3, "[TBD]", False), (1, 11, "[Date]", False)], id="emoji"
        ),
        pytest.param("A\t[TBD]", [(1, 3, "[TBD]", False)], id="tab counts one"),
    ],
)
def test_columns_in_characters(text: str, expected: list[tuple[object, ...]]) -> None:
    """Columns count characters, whatever the script, and trailing spaces change nothing."""
    assert find(text) == expected


def test_filled_page_has_no_placeholders() -> None:
    """A filled page with real authors' bracket habits reports nothing."""
    lines = (FIXTURES / "filled.md").read_text(encoding="utf-8").splitlines()
    assert find_placeholders(lines, RULES) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "**Created:** [Date]",
            [f"**Created:** {MARK}[Date]</mark>"],
            id="one",
        ),
        pytest.param(
            "- Input: [...] and [TBD].",
            [f"- Input: {MARK}[...]</mark> and {MARK2}[TBD]</mark>."],
            id="two on a line",
        ),
        pytest.param(
            "- [ ] [Technical decision\n  requiring input]",
            [f"- [ ] {MARK}[Technical decision", "  requiring input]</mark>"],
            id="re-wrapped",
        ),
        pytest.param(
            "```\n[User/Client]\n```\n[TBD] `[TBD]`",
            ["```", "[User/Client]", "```", f"{MARK}[TBD]</mark> `[TBD]`"],
            id="not in code",
        ),
        pytest.param("[Date](x) [^1]", ["[Date](x) [^1]"], id="nothing to mark"),
        pytest.param(
            "作成日は[Date]",
            [f"作成日は{MARK}[Date]</mark>"],
            id="non-Latin",
        ),
    ],
)
def test_mark_placeholders(text: str, expected: list[str]) -> None:
    """Marks go around each placeholder outside code; the text in between is unchanged."""
    lines = text.split("\n")
    original = list(lines)
    found = find_placeholders(lines, RULES, first_line=7)
    assert mark_placeholders(lines, found, first_line=7) == expected
    assert lines == original


def test_mark_without_end_position() -> None:
    """A placeholder without an end position is marked by its text's length."""
    placeholder = Placeholder("[TBD]", line=2, column=3, section="")
    assert mark_placeholders(["x", "a [TBD] b"], [placeholder]) == ["x", f"a {MARK}[TBD]</mark> b"]


def test_mark_ignores_positions_outside() -> None:
    """Placeholders that point outside the lines are left alone."""
    placeholder = Placeholder("[TBD]", line=9, column=1, section="", end_line=9, end_column=6)
    assert mark_placeholders(["[TBD]"], [placeholder]) == ["[TBD]"]


@given(st.text(alphabet="[]`~ \n-x^:()*\\abTBDae.g,Dt", max_size=80))
def test_positions_point_at_the_text(text: str) -> None:
    """Every finding's position holds its text, and marking keeps the text."""
    lines = text.split("\n")
    found = find_placeholders(lines, RULES)
    for p in found:
        if p.line == p.end_line:
            assert lines[p.line - 1][p.column - 1 : p.end_column - 1] == p.text
        else:
            assert lines[p.line - 1][p.column - 1] == "["
            assert lines[p.end_line - 1][p.end_column - 2] == "]"
    marked = mark_placeholders(lines, found)
    assert [re.sub(r"<mark [^>]*>|</mark>", "", m) for m in marked] == lines
