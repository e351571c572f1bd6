"""Marker views (``<!-- design/overview -->``): rendered where the author put them, or reported.

Every quoting form people write selects what it says; a marker inside an admonition, a content
tab, a list item or a blockquote renders inside it, the container intact; two markers on a line
both render. Each mistake is one warning naming ``file:line:column``, a strict build fails on
it, and ``mkdocs-design check`` reports the same rows without building.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import Built, build_site, run_mkdocs, write_site
from test_cli import build_rows, check_rows, run_cli

from mkdocs_design.output.markers import Known, Marker, find_markers, replace_markers
from mkdocs_design.reading.places import ALL_CONTAINERS, containers
from mkdocs_design.reading.statuses import StatusTable

if TYPE_CHECKING:
    from pathlib import Path

    from bs4 import Tag


def design(title: str, status: str, component: str, question: str) -> str:
    """A design page with one component and one open question."""
    return (
        f"# Design: {title}\n\n**Created:** 2025-02-03\n**Status:** {status}\n\n"
        f"## Architecture Overview\n\nHow {title} works.\n\n"
        f"## Component Structure\n\n### {component}\n\n**Responsibility:** Does its job.\n\n"
        f"## Open Questions\n\n- [ ] {question}\n"
    )


DESIGNS = {
    "billing/ledger.md": design("Ledger", "Approved", "Usage Ledger", "Which store?"),
    "shipments/eta.md": design("ETA", "Draft", "ETA Model", "Who is on call?"),
    "platform/bus.md": design("Bus", "Implemented", "Event Bus", "How many partitions?"),
}
EXTENSIONS = [
    "admonition", "pymdownx.details", "pymdownx.superfences",
    {"pymdownx.tabbed": {"alternate_style": True}},
]  # fmt: skip

#: Each way of writing the same filters, and the designs the view must list.
QUOTED = {
    "double": ('<!-- design/overview folder="billing" -->', ["Ledger"]),
    "single": ("<!-- design/overview folder='billing' -->", ["Ledger"]),
    "bare": ("<!-- design/overview folder=billing -->", ["Ledger"]),
    "tight": ("<!--design/overview folder=billing-->", ["Ledger"]),
    "spaced": ("<!--   design/overview   folder = 'billing/'   -->", ["Ledger"]),
    "statuses": ("<!-- design/overview status='Approved, Implemented' -->", ["Ledger", "Bus"]),
    "bare-statuses": ("<!-- design/overview status=Implemented,Approved -->", ["Ledger", "Bus"]),
}

CONTAINERS = {
    "in/admonition.md": """# Admonition

!!! note "Billing designs"
    Intro.

    <!-- design/overview folder=billing -->

After the note.
""",
    "in/details.md": """# Details

??? info "Billing components"
    <!-- design/components folder=billing -->

After the details.
""",
    "in/tabs.md": """# Tabs

=== "Billing"

    <!-- design/overview folder=billing -->

=== "Shipments"

\t<!-- design/overview folder=shipments -->
""",
    "in/list.md": """# List

1. Billing:

    <!-- design/overview folder=billing -->

2. Shipments:

    - Open questions:

        <!-- design/questions folder=shipments -->
""",
    "in/quote.md": """# Quote

> Our designs:
> <!-- design/overview folder=billing -->
> That is all.

After the quote.
""",
    "in/quoted-note.md": """# Quoted note

> !!! note
>     <!-- design/components folder=billing -->
""",
    "in/two.md": """# Two on a line

<!-- design/overview folder=billing --> <!-- design/components folder=shipments -->

!!! note
    <!-- design/overview folder=shipments --><!-- design/overview folder=billing -->
""",
    "in/code.md": """# Code

Write `<!-- design/overview -->` on a line of its own.

    <!-- design/overview -->

!!! example
    ```markdown
    <!-- design/overview -->
    ```

> ```markdown
> <!-- design/overview -->
> ```
""",
}

#: One mistake per page: ``(line, column, part of the message)``. Each is the page's only
#: warning, and leaves the marker unrendered.
MISTAKES = {
    "bad/view.md": (
        "<!-- design/overveiw -->",
        (3, 1, 'unknown marker "design/overveiw" (did you mean "design/overview"?)'),
    ),
    "bad/option.md": (
        "<!-- design/overview fodler=billing -->",
        (3, 22, "has no option 'fodler' (did you mean 'folder'?); known: folder, status"),
    ),
    "bad/quote.md": (
        '<!-- design/overview folder="billing -->',
        (3, 22, "the value of 'folder' opens a quote (\") never closed"),
    ),
    "bad/spaces.md": (
        "<!-- design/overview status=Approved, Draft -->",
        (3, 39, "cannot read 'Draft': write options as name=value, and quote a value with spaces"),
    ),
    "bad/twice.md": (
        "<!-- design/overview folder=billing folder=shipments -->",
        (3, 37, "option 'folder' is given twice"),
    ),
    "bad/inline.md": (
        "See <!-- design/overview --> here.",
        (3, 5, 'marker "design/overview" must stand on a line of its own'),
    ),
    "bad/unclosed.md": (
        "<!-- design/overview\n-->",
        (3, 1, 'marker "design/overview" is not closed on its line'),
    ),
    "bad/lazy.md": (
        "!!! note\n    Intro.\n        <!-- design/overview -->",
        (5, 9, "so Markdown reads it as part of the paragraph above: indent it 4 columns"),
    ),
    "bad/neighbourhood.md": (
        "<!-- design/neighbourhood folder=billing -->",
        (3, 27, 'marker "design/neighbourhood" takes no options'),
    ),
}
#: Mistakes found only with the site's statuses and folders, or in a marker written without
#: a space after "<!--".
CHECKED = {
    "bad/status.md": (
        '<!-- design/overview status="Aproved" -->',
        (3, 22, "unknown status 'Aproved' (did you mean 'Approved'?); known: Draft, In Review"),
    ),
    "bad/folder.md": (
        '<!-- design/overview folder="biling" -->',
        (3, 22, "no page is in folder 'biling' (did you mean 'billing'?)"),
    ),
    "bad/tight.md": ("<!--design/overveiw-->", (3, 1, 'unknown marker "design/overveiw"')),
}


def pages(mistakes: dict[str, tuple[str, tuple[int, int, str]]]) -> dict[str, str]:
    """A page per mistake: a title, a blank line, then the marker (line 3)."""
    return {path: f"# {path}\n\n{marker}\n" for path, (marker, _) in mistakes.items()}


ALL_MISTAKES = {**MISTAKES, **CHECKED}
DOCS = {
    **DESIGNS,
    **{f"quoted/{name}.md": f"# {name}\n\n{marker}\n" for name, (marker, _) in QUOTED.items()},
    **CONTAINERS,
    **pages(ALL_MISTAKES),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("markers")
    return build_site(write_site(root, DOCS, {"markdown_extensions": EXTENSIONS}))


def main(built: Built, src: str) -> Tag:
    html = (built.site_dir / src.replace(".md", "/index.html")).read_text("utf-8")
    found = BeautifulSoup(html, "html.parser").select_one("div[role=main]")
    assert found is not None
    return found


def titles(table: Tag) -> list[str]:
    return [row.find("td").get_text(strip=True) for row in table.select("tbody > tr")]


def assert_valid_nesting(scope: Tag) -> None:
    """No block of a view ended up in a paragraph (Python-Markdown's inline HTML)."""
    assert scope.select("p div, p table, p ul") == []


def warnings_about(built: Built, src: str) -> list[str]:
    return [m for m in built.messages(logging.WARNING) if f"docs/{src}:" in m]


# --- what each quoting form selects --------------------------------------------------------


@pytest.mark.parametrize("name", sorted(QUOTED))
def test_every_quoting_form_filters_the_view(built: Built, name: str) -> None:
    """Double, single, no quotes, no spaces: the view lists what the filter says."""
    table = main(built, f"quoted/{name}.md").select_one("table")
    assert table is not None, name
    assert sorted(titles(table)) == sorted(QUOTED[name][1])
    assert warnings_about(built, f"quoted/{name}.md") == []


# --- views inside containers ---------------------------------------------------------------


def test_view_in_an_admonition_stays_inside_it(built: Built) -> None:
    """The table is in the admonition, and the text after the note is not."""
    page = main(built, "in/admonition.md")
    note = page.select_one("div.admonition.note")
    assert titles(note.select_one("table")) == ["Ledger"]
    assert "After the note." not in note.get_text()
    assert "After the note." in page.get_text()
    assert_valid_nesting(page)


def test_view_in_details_stays_inside_them(built: Built) -> None:
    """A ``???`` block holds the component table."""
    page = main(built, "in/details.md")
    details = page.select_one("details.info")
    assert titles(details.select_one("table")) == ["Usage Ledger"]
    assert "After the details." not in details.get_text()
    assert_valid_nesting(page)


def test_views_in_content_tabs_stay_in_their_tab(built: Built) -> None:
    """Each tab holds its own view, the tab-indented one too."""
    page = main(built, "in/tabs.md")
    blocks = page.select("div.tabbed-set div.tabbed-block")
    assert [titles(block.select_one("table")) for block in blocks] == [["Ledger"], ["ETA"]]
    assert_valid_nesting(page)


def test_views_in_list_items_stay_in_their_item(built: Built) -> None:
    """The first item holds the overview, the nested item the questions; the list goes on."""
    page = main(built, "in/list.md")
    items = page.select("ol > li")
    assert len(items) == 2
    assert titles(items[0].select_one("table")) == ["Ledger"]
    nested = items[1].select_one("ul > li")
    questions = nested.select_one("ul.design-questions")
    assert [a.get_text() for a in questions.select("a")] == ["Who is on call?"]
    assert_valid_nesting(page)


def test_view_in_a_blockquote_stays_inside_it(built: Built) -> None:
    """The quote holds its text, the table, and the text after the marker."""
    page = main(built, "in/quote.md")
    quotes = page.select("blockquote")
    assert len(quotes) == 1
    assert titles(quotes[0].select_one("table")) == ["Ledger"]
    assert "That is all." in quotes[0].get_text()
    assert "After the quote." not in quotes[0].get_text()
    assert_valid_nesting(page)


def test_view_in_an_admonition_in_a_blockquote(built: Built) -> None:
    """Containers nest: the note inside the quote holds the table."""
    note = main(built, "in/quoted-note.md").select_one("blockquote div.admonition")
    assert titles(note.select_one("table")) == ["Usage Ledger"]


def test_two_markers_on_one_line_both_render(built: Built) -> None:
    """Side by side at the top and in an admonition: each view, in order."""
    page = main(built, "in/two.md")
    note = page.select_one("div.admonition")
    outside = [t for t in page.select("table") if note not in t.parents]
    assert [titles(t) for t in outside] == [["Ledger"], ["ETA Model"]]
    assert [titles(t) for t in note.select("table")] == [["ETA"], ["Ledger"]]
    assert_valid_nesting(page)


def test_markers_in_code_are_shown_as_written(built: Built) -> None:
    """A code span, an indented block, fences in a note and in a quote: code, no warning."""
    page = main(built, "in/code.md")
    assert page.select("table") == []
    shown = [code.get_text().strip() for code in page.select("code")]
    assert shown == ["<!-- design/overview -->"] * 4
    assert warnings_about(built, "in/code.md") == []


def test_no_container_page_warns(built: Built) -> None:
    """Every marker that renders does so without a word."""
    assert [m for m in built.messages(logging.WARNING) if "docs/in/" in m] == []


# --- mistakes ------------------------------------------------------------------------------


def _mistakes() -> list[object]:
    return [
        *(pytest.param(src, id=src) for src in MISTAKES),
        *(pytest.param(src, id=src) for src in CHECKED),
    ]


@pytest.mark.parametrize("src", _mistakes())
def test_each_mistake_is_one_warning_naming_line_and_column(built: Built, src: str) -> None:
    """``docs/<page>:<line>:<column>: <what is wrong>``, once."""
    line, column, message = ALL_MISTAKES[src][1]
    found = warnings_about(built, src)
    assert len(found) == 1, found
    assert f"docs/{src}:{line}:{column}: " in found[0]
    assert message in found[0]


@pytest.mark.parametrize("src", sorted(MISTAKES))
def test_a_marker_that_cannot_be_read_is_not_rendered(built: Built, src: str) -> None:
    """No half-understood view: the page shows none."""
    assert main(built, src).select("table, ul.design-questions") == []


@pytest.mark.parametrize("src", ["bad/status.md", "bad/folder.md"])
def test_an_unknown_status_or_folder_selects_nothing(built: Built, src: str) -> None:
    """The filter is applied as written: no design, the view says so (and the build warns)."""
    page = main(built, src)
    assert page.select("table") == []
    assert "No design pages found." in page.get_text()


# --- strict builds and check ---------------------------------------------------------------


@pytest.fixture(scope="module")
def mistaken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site of designs and mistaken markers, for the command lines."""
    root = tmp_path_factory.mktemp("mistaken")
    write_site(root, {**DESIGNS, **pages(ALL_MISTAKES)}, {"markdown_extensions": EXTENSIONS})
    return root


def test_strict_build_fails_on_a_marker_mistake(tmp_path: Path) -> None:
    """``mkdocs build --strict`` stops on a misspelt view, naming where it is."""
    write_site(tmp_path, {**DESIGNS, **pages({"bad/view.md": MISTAKES["bad/view.md"]})})
    result = run_mkdocs("build", "--strict", cwd=tmp_path)
    assert result.returncode == 1
    assert "docs/bad/view.md:3:1: unknown marker" in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr


def test_check_reports_what_the_build_reports(mistaken: Path) -> None:
    """``check --format json`` and a real build: the same rows, the same exit code."""
    result = run_cli("check", "--format", "json", cwd=mistaken)
    checked = check_rows(result)
    assert (checked, result.returncode) == build_rows(mistaken)
    found = {(path, line, column) for path, line, column, *_ in checked}
    assert {(f"docs/{src}", *where[:2]) for src, (_, where) in MISTAKES.items()} <= found


def test_check_reports_statuses_and_folders(mistaken: Path) -> None:
    """Unknown statuses and folders are rows of check (and of the build) too."""
    rows = check_rows(run_cli("check", "--format", "json", cwd=mistaken))
    for src, (_, (line, column, message)) in CHECKED.items():
        at = [m for path, n, c, _, m in rows if (path, n, c) == (f"docs/{src}", line, column)]
        assert len(at) == 1, src
        assert message in at[0]


# --- the reader, without a build -----------------------------------------------------------

KNOWN = Known.of(StatusTable.build(), ["billing/ledger.md", "shipments/eta.md", "index.md"])


#: The start of an overview marker, for the tables below.
OVERVIEW = "<!-- design/overview "


@pytest.mark.parametrize(
    ("line", "filters"),
    [
        (OVERVIEW + 'folder="a b" status="Draft" -->', {"folder": "a b", "status": "Draft"}),
        (OVERVIEW + "folder='a \"b\"' -->", {"folder": 'a "b"'}),
        (OVERVIEW + "folder=a/b status=Draft,In-->", {"folder": "a/b", "status": "Draft,In"}),
        (OVERVIEW + 'folder="a"status="Draft" -->', {"folder": "a", "status": "Draft"}),
        ("<!--design/overview-->", {}),
        ("<!-- DESIGN/overview -->", {}),
    ],
)  # fmt: skip
def test_options_are_read_in_every_quoting(line: str, filters: dict[str, str]) -> None:
    """Double quotes, single quotes, none; with or without spaces."""
    assert find_markers(["", line], "p.md") == ([Marker("overview", filters, 1)], [])


@pytest.mark.parametrize(
    ("page", "prefix"),
    [
        ("!!! note\n    <!-- design/overview -->", "    "),
        ("- a\n\n\t<!-- design/overview -->", "\t"),
        ("> a\n> <!-- design/overview -->", "> "),
        ("> > a\n> > <!-- design/overview -->", "> > "),
        ("Text\n   <!-- design/overview -->", "   "),
        ("- a\n    - b\n\n        <!-- design/overview -->", "        "),
        ("[^1]: Note.\n\n    <!-- design/overview -->", "    "),
    ],
)
def test_markers_in_containers_keep_their_prefix(page: str, prefix: str) -> None:
    """The view's lines will start as the marker's line does."""
    markers, problems = find_markers(page.split("\n"), "p.md")
    assert problems == []
    assert [m.prefix for m in markers] == [prefix]


@pytest.mark.parametrize(
    ("page", "extensions"),
    [
        ("!!! note\n    <!-- design/overview -->", ["pymdownx.details"]),
        ("??? note\n    <!-- design/overview -->", ["admonition"]),
        ('=== "Tab"\n    <!-- design/overview -->', ["admonition"]),
        ("[^1]: Note.\n    <!-- design/overview -->", ["admonition"]),
        ("Term\n: Said.\n    <!-- design/overview -->", ["admonition"]),
    ],
)
def test_a_container_the_site_does_not_read_holds_no_view(page: str, extensions: list[str]) -> None:
    """Without its extension ``!!! note`` is a paragraph: the indented marker would join it."""
    markers, problems = find_markers(page.split("\n"), "p.md", opens=containers(extensions))
    assert markers == []
    assert [p.code for p in problems] == ["marker"]
    assert "part of the paragraph above" in problems[0].message
    assert find_markers(page.split("\n"), "p.md", opens=ALL_CONTAINERS)[1] == []


def test_a_marker_under_admonition_syntax_without_the_extension_fails_strict(
    tmp_path: Path,
) -> None:
    """The view would have gone into a code block or a paragraph: it is reported instead."""
    docs = {**DESIGNS, "v.md": "# V\n\n!!! note\n    <!-- design/overview -->\n"}
    root = write_site(tmp_path, docs, {"markdown_extensions": ["extra"]}).parent
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 1
    assert "docs/v.md:4:5: " in result.stderr
    assert "part of the paragraph above" in result.stderr
    enabled = write_site(tmp_path / "with", docs, {"markdown_extensions": ["admonition"]}).parent
    assert run_mkdocs("build", "--strict", cwd=enabled).returncode == 0


@pytest.mark.parametrize(
    "page",
    [
        "Text\n\n    <!-- design/overview -->",
        "!!! note\n        <!-- design/overview -->",
        "!!! note\n    Text\n\n        <!-- design/overview -->",
        "1) item\n\n    <!-- design/overview -->",
        "```\n<!-- design/overview -->\n```",
        "> ~~~\n> <!-- design/overview -->\n> ~~~",
        "Use `<!-- design/overview -->` or ``<!-- design/graph -->``.",
        "A `code span <!-- design/overview",
    ],
)
def test_markers_in_code_are_neither_found_nor_reported(page: str) -> None:
    """Indented and fenced code, code spans: what the author shows, not a marker."""
    assert find_markers(page.split("\n"), "p.md") == ([], [])


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        (OVERVIEW + 'status="Aproved,Draft" -->', 22, "'Aproved' (did you mean 'Approved'?)"),
        (OVERVIEW + 'status="x, y, z, w" -->', 22, "'x', 'y', 'z' and 1 more; known: Draft"),
        (OVERVIEW + 'folder="Billing" -->', 22, "folder 'Billing' (did you mean 'billing'?)"),
        ("<!-- design/neighborhood -->", 1, '(did you mean "design/neighbourhood"?)'),
        (OVERVIEW + "folder= -->", 22, "option 'folder' has no value"),
        (OVERVIEW + '"folder"="a" -->', 22, "no option '\"folder\"' (did you mean 'folder'?)"),
        (OVERVIEW + "--> and text", 1, "must stand on a line of its own"),
    ],
)  # fmt: skip
def test_mistakes_are_named_with_column_and_hint(line: str, column: int, message: str) -> None:
    """One finding, at the column of what is wrong, saying what would be right."""
    problems = find_markers(["", "", line], "p.md", 10, known=KNOWN)[1]
    assert [(p.location.line, p.location.column) for p in problems] == [(13, column)]
    assert message in problems[0].message
    assert problems[0].code == "marker"


def test_known_statuses_and_folders_pass() -> None:
    """An alias, a nested folder, a trailing slash: nothing to report."""
    lines = ['<!-- design/overview folder="billing/" status="approved, In Review" -->']
    assert find_markers(lines, "p.md", known=KNOWN)[1] == []


def test_views_keep_their_container_intact() -> None:
    """Every line put in carries the prefix; a block placeholder becomes one tag in a container."""
    slot = '<div class="design-fragment" data-design-fragment="m-0"></div>'
    view = f"**1** design\n\n{slot}\n"
    lines = ["> a", "> <!-- design/overview --> <!-- design/graph -->", "> b"]
    markers = find_markers(lines, "p.md")[0]
    out = replace_markers(lines, markers, lambda marker: view).split("\n")
    inner = out[1:-1]
    assert [line for line in inner if line and not re.match(r">( |$)", line)] == []
    assert inner.count('> <div class="design-fragment" data-design-fragment="m-0" />') == 2
    assert out[-2:] == ["", "> b"]
    top = replace_markers(["<!-- design/overview -->"], [Marker("overview", {}, 0)], lambda m: view)
    assert top == f"\n**1** design\n\n{slot}\n"


@pytest.mark.parametrize(
    ("page", "extensions", "drawn"),
    [
        ("<details><summary>All</summary>\n<!-- design/overview -->\n</details>", [], False),
        ("<div>\n\n<!-- design/overview -->\n\n</div>", ["md_in_html"], False),
        ('<div markdown="1">\n\n<!-- design/overview -->\n\n</div>', ["md_in_html"], True),
        ('<div markdown="1">\n\n<!-- design/overview -->\n\n</div>', [], False),
    ],
)
def test_a_marker_in_a_raw_html_block_is_reported_not_drawn(
    page: str, extensions: list[str], drawn: bool
) -> None:
    """Markdown shows a raw block as written: the view's Markdown would show as text."""
    markers, problems = find_markers(page.split("\n"), "p.md", opens=containers(extensions))
    assert [m.view for m in markers] == (["overview"] if drawn else [])
    assert [p.message.split(": ", 1)[-1][:34] for p in problems] == (
        [] if drawn else ["it is inside a raw HTML block, whi"]
    )


def test_a_tag_in_a_comment_opens_no_raw_block() -> None:
    """A commented-out ``<div>`` is no block: the marker after it is drawn."""
    page = '<!--\n<div class="old-banner">\n-->\n\n<!-- design/overview -->'
    assert find_markers(page.split("\n"), "p.md") == ([Marker("overview", {}, 4)], [])
