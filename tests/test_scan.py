"""The line scanner against the real thing: ids from Python-Markdown's ``toc``, superfences.

Links into design pages use the ids the scanner predicts, so each case here is rendered with
the real extensions and the ids are compared, for the default slugify, ``slugify_unicode`` and
``pymdownx.slugs.slugify(case="lower")`` (the common Material choice).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import markdown
import pytest
from markdown.extensions.toc import slugify, slugify_unicode
from pymdownx.slugs import slugify as pymdownx_slugify

from mkdocs_design.reading.parse import body_lines, split_front_matter
from mkdocs_design.reading.scan import fence_blocks, scan
from mkdocs_design.reading.text import plain_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

PAGES = Path(__file__).parent / "fixtures" / "pages"
SLUGIFIES: dict[str, Callable[[str, str], str]] = {
    "default": slugify,
    "unicode": slugify_unicode,
    "pymdownx-lower": pymdownx_slugify(case="lower"),
}


def toc_ids(text: str, slug: Callable[[str, str], str], *, attr_list: bool) -> list[str]:
    """The heading ids Python-Markdown really assigns, in document order."""
    extensions = ["toc", "tables", "footnotes", "pymdownx.superfences"]
    md = markdown.Markdown(
        extensions=[*extensions, *(["attr_list"] if attr_list else [])],
        extension_configs={"toc": {"slugify": slug}},
    )
    md.convert(text)
    return list(_flatten(md.toc_tokens))  # type: ignore[attr-defined]


def _flatten(tokens: list[dict[str, Any]]) -> Iterator[str]:
    for token in tokens:
        yield token["id"]
        yield from _flatten(token["children"])


def scan_ids(text: str, slug: Callable[[str, str], str], *, attr_list: bool) -> list[str]:
    return [h.anchor for h in scan(text.splitlines(), slug, attr_list=attr_list).headings]


HEADINGS = [
    pytest.param("## Use `<div>` & `a_b` here", id="inline-code-html"),
    pytest.param("## [Link](x.md) and **bold**, *em*, _under_, __dunder__", id="link-emphasis"),
    pytest.param("## snake_case_name and a_b_c", id="intraword-underscores"),
    pytest.param("## Fish & Chips &amp; more &copy;", id="ampersand-entities"),
    pytest.param("## Using `&amp;` in templates", id="entity-in-code"),
    pytest.param("## Done ✅ 🚀", id="emoji"),
    pytest.param("## 😀\n\n## 😀", id="emoji-only-duplicates"),
    pytest.param("## 設計 概要", id="cjk"),
    pytest.param("## Überblick — Café naïve", id="accents"),
    pytest.param("## Привет мир", id="cyrillic"),
    pytest.param("## Setup\n\n## Setup\n\n## Setup", id="duplicates"),
    pytest.param("## Setup\n\n## Setup_1\n\n## Setup", id="duplicate-with-suffix-taken"),
    pytest.param("Setext Heading\n==============\n\nSecond\n------", id="setext"),
    pytest.param("## H\nText\n---", id="setext-after-hash-heading"),
    pytest.param("Text\n---\nMore\n---", id="setext-consecutive"),
    pytest.param("- item\n---", id="setext-list-item"),
    pytest.param("Para\nmore\n---", id="hr-after-paragraph"),
    pytest.param("* * *\nText\n---", id="setext-after-hr"),
    pytest.param("## Custom {#my-id}\n\n## my-id", id="attr-id-first"),
    pytest.param("## my-id\n\n## Custom {#my-id}", id="attr-id-taken-later"),
    pytest.param("## Title {: .cls #cid data-x='y' }", id="attr-id-with-class"),
    pytest.param("## Title {: .cls }", id="attr-class-only"),
    pytest.param("## Title{#glued}", id="attr-without-space"),
    pytest.param("## Title {#id} ##", id="attr-then-closing-hashes"),
    pytest.param("Para\n{: #blk }\n\n## blk", id="paragraph-attr-id"),
    pytest.param("```\n# not a heading\n```\n\n## Real", id="backtick-fence"),
    pytest.param("~~~\n## no\n~~~\n\n````md\n```\n# nested\n```\n````\n\n## After", id="nested"),
    pytest.param("```go\nfunc main() {\n\t// # no\n}\n```\n## After", id="go-tabs"),
    pytest.param("```\n# unterminated\n", id="unterminated-fence"),
    pytest.param("~~~\n# x\n~~~~\n## after", id="longer-closer-does-not-close"),
    pytest.param("   ```\n# in?\n   ```\n## o", id="indented-fence-abandoned"),
    pytest.param("``` `x`\n# h\n```", id="invalid-info-string"),
    pytest.param("- item\n\n    ```\n    # in\n    ```\n\n## o", id="fence-in-list"),
    pytest.param("## Trailing hashes ##", id="closing-hashes"),
    pytest.param("## Title ##   ", id="closing-hashes-trailing-space"),
    pytest.param("##No space", id="no-space"),
    pytest.param("## C\\#", id="escaped-hash"),
    pytest.param("## Escaped \\*star\\* and \\_us\\_", id="escapes"),
    pytest.param("## ![img](x.png) Image heading", id="image"),
    pytest.param("## Footnote[^1]\n\n[^1]: note", id="footnote"),
    pytest.param("## <span>html</span> inline <!-- note -->", id="html-comment"),
    pytest.param("## a < b > c", id="angle-brackets"),
    pytest.param("## <https://example.com> and <a@b.com>", id="autolinks"),
    pytest.param("## Pay via [Stripe](https://w.org/Stripe_(company))", id="link-parentheses"),
    pytest.param("## Reference [link][ref]\n\n[ref]: http://x", id="reference-link"),
    pytest.param("## a * b * c", id="lone-asterisks"),
    pytest.param("## Tabs\tand  spaces", id="whitespace"),
    pytest.param("## 1. Architecture Overview", id="numbered"),
    pytest.param("### 3.1 File: `internal/auth/permissions.go`", id="numbered-file"),
    pytest.param("#### 1. Agent Domain Model (`internal/domain/agent.go`)", id="path-in-heading"),
    pytest.param("## What's new? (v2.0)", id="punctuation"),
    pytest.param("## `__init__` and __init__.py", id="dunder"),
    pytest.param("## *args and **kwargs", id="star-args"),
    pytest.param("## Zonen-Übersicht (区域)\n\n## Zonen-Übersicht", id="accents-duplicate"),
]


@pytest.mark.parametrize("attr_list", [True, False], ids=["attr_list", "no-attr_list"])
@pytest.mark.parametrize("slug_name", list(SLUGIFIES))
@pytest.mark.parametrize("text", HEADINGS)
def test_anchors_match_toc(text: str, slug_name: str, attr_list: bool) -> None:
    """Every id the scanner predicts is the id ``toc`` assigns."""
    slug = SLUGIFIES[slug_name]
    assert scan_ids(text, slug, attr_list=attr_list) == toc_ids(text, slug, attr_list=attr_list)


FIXTURES = sorted(PAGES.rglob("*.md"))


@pytest.mark.parametrize("slug_name", list(SLUGIFIES))
@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_pages_anchors_match_toc(path: Path, slug_name: str) -> None:
    """On every fixture page, all heading ids match the rendered page's."""
    text = path.read_text(encoding="utf-8")
    body = "\n".join(body_lines(text, split_front_matter(path.name, text)))
    slug = SLUGIFIES[slug_name]
    ids = scan_ids(body, slug, attr_list=True)
    assert ids == toc_ids(body, slug, attr_list=True)
    assert ids


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        pytest.param("## Setup\n\n## Setup\n\n## Setup", ["setup", "setup_1", "setup_2"],
                     id="duplicates"),
        pytest.param("## my-id\n\n## Custom {#my-id}", ["my-id_1", "my-id"], id="custom-first"),
        pytest.param("## 😀", ["_1"], id="empty-slug"),
        pytest.param("#### 1. Agent Domain Model (`internal/domain/agent.go`)",
                     ["1-agent-domain-model-internaldomainagentgo"], id="path"),
        pytest.param("```\n# x\n```\n## Real", ["real"], id="fence"),
    ],
)  # fmt: skip
def test_known_ids(text: str, ids: list[str]) -> None:
    """A few ids spelled out, so the rules read without running Markdown."""
    assert scan_ids(text, slugify, attr_list=True) == ids


def test_heading_fields() -> None:
    """Level, plain text, raw source and line index of each heading."""
    lines = ["# Design: `X`", "", "Intro", "", "Setext *Two*", "---", "### 3. Third {#t}"]
    found = [
        (h.level, h.text, h.raw, h.index) for h in scan(lines, slugify, attr_list=True).headings
    ]
    assert found == [
        (1, "Design: X", "Design: `X`", 0),
        (2, "Setext Two", "Setext *Two*", 4),
        (3, "3. Third", "3. Third", 6),
    ]


def test_ids_include_every_heading_id() -> None:
    """``ids`` holds all heading ids, for making further ids unique."""
    page = scan(["## A", "## A", "## B {#b2}"], slugify, attr_list=True)
    assert page.ids == frozenset({"a", "a_1", "b2"})


@pytest.mark.parametrize(
    ("lines", "code"),
    [
        pytest.param(["```go", "\tx := 1", "```", "after"], [0, 1, 2], id="backticks"),
        pytest.param(["~~~", "# h", "~~~"], [0, 1, 2], id="tildes"),
        pytest.param(["````md", "```", "x", "```", "````"], [0, 1, 2, 3, 4], id="nested"),
        pytest.param(["```", "x"], [], id="unterminated"),
        pytest.param(["~~~", "x", "~~~~", "y"], [], id="longer-closer"),
        pytest.param(["```", "x", "```  "], [0, 1, 2], id="closer-trailing-space"),
        pytest.param(["  ```", "  x", "", "  ```"], [0, 1, 2, 3], id="indented"),
        pytest.param(["  ```", "x", "  ```"], [], id="content-less-indented"),
        pytest.param(["``` `bad`", "x", "```"], [], id="bad-info"),
        pytest.param(["```python title=\"a.py\"", "x", "```"], [0, 1, 2], id="options"),
        pytest.param(["``` { .py }", "x", "```"], [0, 1, 2], id="attrs"),
        pytest.param(["text ``` not", "x"], [], id="not-at-start"),
    ],
)  # fmt: skip
def test_fence_flags(lines: list[str], code: list[int]) -> None:
    """Which lines are fenced code, by superfences' rules."""
    flags = fence_blocks(lines)[0]
    assert [i for i, flag in enumerate(flags) if flag] == code


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("Plain words", "Plain words"),
        ("Agent `internal/domain/agent.go`", "Agent internal/domain/agent.go"),
        ("[Stripe](https://w.org/S_(c)) and ![logo](l.png)", "Stripe and"),
        ("**Bold** and *em* and _em_ and snake_case", "Bold and em and em and snake_case"),
        ("R&amp;D &lt;b&gt;", "R&D <b>"),
        ("Using `&amp;`", "Using &amp;"),
        ("a <span>b</span> <!-- c --> d", "a b d"),
        ("<https://x.org> <mailto:a@b.c>", "https://x.org a@b.c"),
        ("Escaped \\*not em\\*", "Escaped *not em*"),
        ("Note[^1]", "Note"),
        ("a  \t b", "a b"),
        ("2 * 3 * 4", "2 * 3 * 4"),
    ],
)
def test_plain_text(source: str, text: str) -> None:
    """Inline Markdown reduced to what a reader sees."""
    assert plain_text(source) == text
