"""Every edit the plugin makes to an author's page respects the syntax it lands in.

A setext title keeps its underline, a placeholder inside an HTML attribute or a link's title is
reported but never wrapped in a mark, the template's lists render as lists on design pages
only, and ordinary pages are left exactly as written.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import build_site, write_site

if TYPE_CHECKING:
    from pathlib import Path

SETEXT = """\
Payment Service - Design
========================

**Status:** Draft

## Architecture Overview

Text.
"""

ATTRIBUTES = """\
# Design: Gallery

**Status:** Draft

## Architecture Overview

<img alt="[TBD] the diagram" src="x.png"> and <abbr title="[TODO ask ops]">SLA</abbr>.
See [the runbook](runbook.md "[TBD] owner") and [TBD] here.
"""

LISTS = """\
# Design: Search

**Status:** Draft

## System Context

**Dependencies:**
- Event Bus
- OpenSearch
"""


def html(built_site: Path, page: str) -> str:
    return (built_site / page / "index.html").read_text("utf-8")


def test_setext_title_keeps_its_underline(tmp_path: Path) -> None:
    """The badge goes under the underline: the page keeps its h1, the badge follows it."""
    built = build_site(write_site(tmp_path, {"pay.md": SETEXT}))
    page = html(built.site_dir, "pay")
    assert "<h1" in page
    assert "Payment Service - Design</h1>" in page
    assert page.index("Payment Service - Design</h1>") < page.index('class="design-badge')


def test_placeholders_in_attributes_and_link_titles_are_not_marked(tmp_path: Path) -> None:
    """All four are reported; only the one in text is marked; the image and link stay whole."""
    built = build_site(write_site(tmp_path, {"gallery.md": ATTRIBUTES, "runbook.md": "# R\n"}))
    page = html(built.site_dir, "gallery")
    assert '<img alt="[TBD] the diagram" src="x.png">' in page
    assert '<abbr title="[TODO ask ops]">SLA</abbr>' in page
    assert 'title="[TBD] owner"' in page
    assert page.count("<mark ") == 1
    assert (
        'id="design-placeholder-1" title="Unresolved template placeholder">[TBD]</mark> here'
        in page
    )
    assert sum("unresolved placeholder" in m for m in built.messages()) == 4


def test_template_lists_render_as_lists_on_design_pages_only(tmp_path: Path) -> None:
    """``**Dependencies:**`` over ``- item`` lines: a list on design pages, as written elsewhere."""
    ordinary = "# Notes\n\n**Dependencies:**\n- Event Bus\n- OpenSearch\n"
    built = build_site(write_site(tmp_path, {"search.md": LISTS, "notes.md": ordinary}))
    assert "<li>Event Bus</li>" in html(built.site_dir, "search")
    notes = html(built.site_dir, "notes")
    assert "<li>" not in notes.split('role="main"')[1]
    assert (tmp_path / "docs/search.md").read_text("utf-8") == LISTS


HIDDEN = """\
<!--
# Design: Commented Out
-->
# Design: Ledger

**Status:** Superseded by [Payouts](payouts.md)

## Component Structure

### Live Service

**Responsibility:** live

<!--
### Retired Service

**Responsibility:** removed [TBD]
-->

## Open Questions

- [ ] Real?
<!--
- [ ] Hidden?
-->
- [ ] Also real? <!-- - [ ] Hidden too? -->

<script>
const owner = "[TBD]";
</script>
<textarea>[TODO]</textarea>
"""
PAYOUTS = "# Design: Payouts\n\n**Status:** Approved\n\n## Architecture Overview\n\nPays.\n"


def test_comments_and_raw_text_are_not_content(tmp_path: Path) -> None:
    """Commented-out components, questions and titles, and script text: not read, not edited."""
    built = build_site(write_site(tmp_path, {"ledger.md": HIDDEN, "payouts.md": PAYOUTS}))
    catalog = json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))
    (ledger,) = [d for d in catalog["designs"] if d["src"] == "ledger.md"]
    assert ledger["title"] == "Ledger"
    assert [c["name"] for c in ledger["components"]] == ["Live Service"]
    assert [q["text"] for q in ledger["questions"]] == ["Real?", "Also real?"]
    assert ledger["placeholders"] == []
    page = html(built.site_dir, "ledger")
    assert '<script>\nconst owner = "[TBD]";\n</script>' in page  # the author's script, intact
    assert "<textarea>[TODO]</textarea>" in page
    assert "<!--\n# Design: Commented Out\n-->" in page  # nothing inserted inside the comment
    soup = BeautifulSoup(page, "html.parser")
    h1 = soup.find("h1")
    assert h1 is not None
    assert h1.find_next("span", class_="design-badge") is not None
    assert soup.find(class_="design-banner") is not None  # the reader sees the banner
    assert "<mark" not in page


ATTRIBUTE_SYNTAX = """\
# Design: Glossary

**Status:** Draft

## Architecture Overview

The API is used, $x = [TBD]$ in math.

*[API]: [TBD] interface

Para [TBD].
{: title="[TBD]" }
"""


def test_no_mark_where_markdown_makes_an_attribute(tmp_path: Path) -> None:
    """Abbreviation definitions, attribute lists and math keep their text: no mark inside."""
    config = {"markdown_extensions": ["abbr", "attr_list"]}
    built = build_site(write_site(tmp_path, {"glossary.md": ATTRIBUTE_SYNTAX}, config))
    soup = BeautifulSoup(html(built.site_dir, "glossary"), "html.parser")
    abbr = soup.find("abbr")
    assert abbr is not None
    assert abbr["title"] == "[TBD] interface"
    para = soup.find("p", title=True)
    assert para is not None
    assert para["title"] == "[TBD]"
    assert "$x = [TBD]$" in soup.get_text()
    marks = soup.find_all("mark", class_="design-placeholder")
    assert [m.find_parent("p") is para for m in marks] == [True]  # only "Para [TBD]." is marked
    placeholders = [m for m in built.messages() if "unresolved placeholder" in m]
    assert len(placeholders) == 4  # every one is still reported


def test_marks_stop_at_the_limit_and_every_placeholder_is_reported(tmp_path: Path) -> None:
    """Hundreds of placeholders on a line: the first MARK_LIMIT are marked, all are reported."""
    from mkdocs_design.output.marks import MARK_LIMIT

    count = MARK_LIMIT + 50
    page = "# Design: Holes\n\n**Status:** Draft\n\n## Architecture Overview\n\n" + "[TBD] " * count
    built = build_site(write_site(tmp_path, {"holes.md": page}))
    soup = BeautifulSoup(html(built.site_dir, "holes"), "html.parser")
    marks = soup.find_all("mark", class_="design-placeholder")
    assert len(marks) == MARK_LIMIT
    assert len({m["id"] for m in marks}) == MARK_LIMIT
    assert len([m for m in built.messages() if "unresolved placeholder" in m]) == count


HEAD_OF = "# Design: {name}\n\n**Status:** Draft\n\n## Component Structure\n\n"
#: Comment openers Python-Markdown shows as text: hiding them would drop what readers see.
VISIBLE_COMMENT_OPENERS = {
    "fenced": "<!--\n### Live Svc\n\n```text\n-->\n```\n",
    "indented": "Example:\n\n    <!--\n\n### Live Svc\n\nend -->\n",
    "in-a-list": "### Live Svc\n\n## Open Questions\n\n"
    "- [ ] Real?\n    <!--\n- [ ] Shown?\n    -->\n",
}


def test_comments_that_do_not_hide_leave_text_read(tmp_path: Path) -> None:
    """A closer only in code, an opener in indented code or in a list item hide nothing."""
    docs = {f"{name}.md": HEAD_OF.format(name=name) + body
            for name, body in VISIBLE_COMMENT_OPENERS.items()}  # fmt: skip
    built = build_site(write_site(tmp_path, docs))
    catalog = json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))
    for design in catalog["designs"]:
        assert [c["name"] for c in design["components"]] == ["Live Svc"], design["src"]
        page = html(built.site_dir, design["src"].removesuffix(".md"))
        assert 'id="live-svc"' in page, design["src"]
    (listed,) = [d for d in catalog["designs"] if d["src"] == "in-a-list.md"]
    assert [q["text"] for q in listed["questions"]] == ["Real? <!--", "Shown? -->"]  # as shown


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Use ``a`b`` here <!-- secret [TBD] -->", id="after-a-span-holding-a-tick"),
        pytest.param("A lone ` tick, then <!-- secret [TBD] -->", id="after-a-literal-tick"),
    ],
)
def test_a_comment_after_backticks_that_are_no_code_span_is_hidden(
    tmp_path: Path, line: str
) -> None:
    """Backticks pair by run length, as in CommonMark: counting them one by one misreads both."""
    page = HEAD_OF.format(name="Ticks") + "### Live Svc\n\n" + line + "\n"
    built = build_site(write_site(tmp_path, {"ticks.md": page}))
    assert "<!-- secret [TBD] -->" in html(built.site_dir, "ticks")  # hidden from readers
    assert [m for m in built.messages() if "placeholder" in m] == []


def test_markers_inside_scripts_and_comments_are_left_alone(tmp_path: Path) -> None:
    """A marker in a script or a commented-out block is text of that block, never a view."""
    page = (
        "# Views\n\n<script>\n<!-- design/overview -->\n</script>\n\n"
        "<!--\n<!-- design/components -->\n-->\n"
    )
    docs = {"v.md": page, "ledger.md": PAYOUTS}
    built = build_site(write_site(tmp_path, docs))
    out = html(built.site_dir, "v")
    assert "<script>\n<!-- design/overview -->\n</script>" in out
    assert "design-table" not in out
    assert [m for m in built.messages() if "mkdocs_design" in m] == []


INDENTED = """\
# Design: Indented

**Status:** Draft

## Architecture Overview

The template, as an example:

    **Created:** [Date]
    Owner: [TBD]

- A list item

    with continuation text [TBD].
"""


def test_no_mark_goes_into_indented_code(tmp_path: Path) -> None:
    """Indented code is code: no mark shown as text in it; a list's continuation is prose."""
    built = build_site(write_site(tmp_path, {"indented.md": INDENTED}))
    soup = BeautifulSoup(html(built.site_dir, "indented"), "html.parser")
    code = soup.find("pre")
    assert code is not None
    assert code.get_text() == "**Created:** [Date]\nOwner: [TBD]\n"  # as written, no markup
    marks = soup.find_all("mark", class_="design-placeholder")
    assert [m.get_text() for m in marks] == ["[TBD]"]
    assert marks[0].find_parent("li") is not None
    reported = sorted(m.split(": ", 2)[-1] for m in built.messages() if "placeholder" in m)
    assert reported == ['unresolved placeholder "[Date]" (Architecture Overview)',
                        'unresolved placeholder "[TBD]" (Architecture Overview)']  # fmt: skip


COMMENTED_IN_A_PARAGRAPH = """\
# Design: Notes

**Status:** Draft

## Architecture Overview

Text <!-- note to self
owner is [Your Name]
--> and more.

<!-- open --> shown [TBD] <!-- draft
still [TODO]
-->

Open <!-- never closed here [Version]

--> is text.
"""


def test_a_comment_closed_in_its_paragraph_hides_what_it_holds(tmp_path: Path) -> None:
    """The browser reads a comment that Markdown leaves in a paragraph: its text is not seen."""
    built = build_site(write_site(tmp_path, {"notes.md": COMMENTED_IN_A_PARAGRAPH}))
    page = html(built.site_dir, "notes")
    assert "<!-- note to self\nowner is [Your Name]\n-->" in page  # intact, nothing marked inside
    reported = sorted(m.split('"')[1] for m in built.messages() if "placeholder" in m)
    assert reported == ["[TBD]", "[Version]"]


RAW_BLOCKS = """\
# Design: Raw

**Status:** Draft

## Component Structure

<pre>
### Pre Svc
</pre>

<div class="note">
### Div Svc

Owner: [TBD]
</div>

<div markdown>
### Grid Svc
</div>

### Live Svc

## Open Questions

- [ ] Real?

<details>
- [ ] In a raw block?
</details>
"""


@pytest.mark.parametrize("md_in_html", [False, True], ids=["plain", "md_in_html"])
def test_raw_html_blocks_hold_no_heading_and_no_question(tmp_path: Path, md_in_html: bool) -> None:
    """Markdown leaves a raw block as written: no component, no question, placeholders shown."""
    config = {"markdown_extensions": ["md_in_html"] if md_in_html else []}
    built = build_site(write_site(tmp_path, {"raw.md": RAW_BLOCKS}, config))
    catalog = json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))
    (raw,) = catalog["designs"]
    expected = ["Grid Svc", "Live Svc"] if md_in_html else ["Live Svc"]
    assert sorted(c["name"] for c in raw["components"]) == expected
    page = html(built.site_dir, "raw")
    for component in raw["components"]:  # every component links to a heading of the page
        assert f'id="{component["url"].rpartition("#")[2]}"' in page
    assert [q["text"] for q in raw["questions"]] == ["Real?"]
    assert [p["text"] for p in raw["placeholders"]] == ["[TBD]"]  # readers see it


def test_indented_code_under_what_the_site_does_not_read_as_a_container(tmp_path: Path) -> None:
    """``1)`` is no list item and ``!!! note`` no admonition without its extension: code."""
    page = ("# Design: Alpha\n\n**Status:** Draft\n\n## Architecture Overview\n\n1) item\n\n"
            "    [TBD] code one\n\n!!! note\n\n    [Date] code three\n")  # fmt: skip
    built = build_site(write_site(tmp_path, {"a.md": page}))
    soup = BeautifulSoup(html(built.site_dir, "a"), "html.parser")
    assert [c.get_text() for c in soup.select("pre code")] == [
        "[TBD] code one\n",
        "[Date] code three\n",
    ]
    assert soup.find("mark") is None
    catalog = json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))
    assert [p["text"] for p in catalog["designs"][0]["placeholders"]] == ["[Date]"]  # template


def test_a_code_span_over_two_lines_keeps_a_comment_opener_as_code(tmp_path: Path) -> None:
    """Code spans cross line breaks in a paragraph: the [TBD] after one is seen, and reported."""
    page = HEAD_OF.format(name="Ticks") + "### Live Svc\n\nText `code <!--\nmore` shown [TBD] -->\n"
    built = build_site(write_site(tmp_path, {"ticks.md": page}))
    assert [m.split(": ", 2)[-1] for m in built.messages() if "placeholder" in m] == [
        'unresolved placeholder "[TBD]" (Live Svc)'
    ]


def test_a_comment_left_open_in_a_table_cell_hides_no_later_row(tmp_path: Path) -> None:
    """Each row is read on its own: an arrow two rows down closes nothing."""
    page = HEAD_OF.format(name="Table") + (
        "| Component | Responsibility |\n|---|---|\n| Alpha | parses input <!-- see RFC |\n"
        "| Beta | stores output |\n| Gamma | maps A --> B |\n"
    )
    built = build_site(
        write_site(tmp_path, {"table.md": page}, {"markdown_extensions": ["tables"]})
    )
    catalog = json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))
    assert [c["name"] for c in catalog["designs"][0]["components"]] == ["Alpha", "Beta", "Gamma"]


def test_text_in_a_raw_html_block_is_the_authors_content(tmp_path: Path) -> None:
    """A section written only as a raw ``<div>`` is written: readers see its text."""
    page = (
        HEAD_OF.replace("## Component Structure", "## Architecture Overview").format(name="Summary")
        + '<div class="summary">The ledger keeps balances and settles them nightly.</div>\n'
    )
    built = build_site(write_site(tmp_path, {"summary.md": page}))
    catalog = json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))
    (design,) = catalog["designs"]
    assert "Architecture Overview" not in design["sections"]["empty"]


def test_an_opener_before_a_nested_one_is_text(tmp_path: Path) -> None:
    """Markdown's inline comment holds no ``<!--``: the first opener shows, and so does [TBD]."""
    page = (
        HEAD_OF.format(name="Nested")
        + "### Live Svc\n\nOwner is <!-- [TBD] <!-- fill in --> pending.\n"
    )
    built = build_site(write_site(tmp_path, {"nested.md": page}))
    assert [m.split('"')[1] for m in built.messages() if "placeholder" in m] == ["[TBD]"]
