"""Lines of a page another plugin changed, carried back to the lines of the file."""

from __future__ import annotations

import time

from mkdocs_design.reading.relocate import line_map


def test_kept_lines_are_themselves_and_added_ones_the_line_that_made_them() -> None:
    """An include replaces its line with three: each of them maps back to the include."""
    written = ["# Design: X", "", "{% include 'part.md' %}", "", "## End"]
    shown = ["# Design: X", "", "## Part", "", "Text", "", "## End"]
    assert line_map(written, shown) == [0, 1, 2, -3, -3, -3, 4, 5]


def test_lines_changed_in_place_stay_on_their_line() -> None:
    """A macro changes text, not lines: every line is its own, the changed ones marked."""
    written = ["# Design: X", "**Status:** {{ st }}", "text"]
    shown = ["# Design: X", "**Status:** Approved", "text"]
    assert line_map(written, shown) == [0, 1, -2, 3]


def test_repeated_lines_are_mapped_quickly() -> None:
    """A page of two thousand repeated items, one changed in length: no quadratic matching."""
    written = ["# Design: X", ""] + ["- {{ owner }}", ""] * 1000
    shown = ["# Design: X", "", "- extra", ""] + ["- Alice", ""] * 1000
    start = time.perf_counter()
    lines = line_map(written, shown)
    assert time.perf_counter() - start < 2  # a runaway guard: it takes milliseconds
    assert len(lines) == len(shown) + 1
    assert lines[1] == 1
    assert all(abs(n) <= len(written) for n in lines)


def test_lines_a_message_names_are_file_lines_too() -> None:
    """A component described again by an include, after one an include moved down."""
    from mkdocs_design.reading.parse import ParseRules, parse_page
    from mkdocs_design.reading.relocate import relocate
    from mkdocs_design.reading.statuses import StatusTable

    head = ["# Design: X", "", "## Component Structure", ""]
    svc = ["### Svc", "", "**Responsibility:** one", ""]
    written = [*head, "{% include 'intro.md' %}", "", *svc, "{% include 'svc.md' %}"]
    shown = [*head, "Intro.", "", "More.", "", *svc, *svc]
    doc = parse_page("x.md", "\n".join(shown), ParseRules(statuses=StatusTable.build()))
    assert doc is not None
    (twice,) = [f for f in doc.findings if f.code == "duplicate-component"]
    assert (twice.location.line, twice.message[-17:]) == (13, "(first at line 9)")
    (moved,) = [f for f in relocate(doc, line_map(written, shown)).findings if f.code == twice.code]
    assert (moved.location.line, moved.message[-17:]) == (11, "(first at line 7)")


def test_lines_added_and_removed_in_equal_numbers_are_not_paired_in_place() -> None:
    """A Jinja comment drops two lines, a macro adds two: the lines after keep their own."""
    written = ["# T", "{# a note", "for authors #}", "## Q", "{{ qs }}", "- [ ] Own?", "end"]
    shown = ["# T", "", "## Q", "- [ ] One?", "- [ ] Two?", "- [ ] Own?", "end"]
    lines = line_map(written, shown)
    assert [abs(n) for n in lines[3:]] == [4, 5, 5, 6, 7]  # "## Q", both added, own, end
