"""Output helpers: fragment filling, badge reuse and row markers."""

from __future__ import annotations

from mkdocs_design.model import Component, DesignDoc, Status
from mkdocs_design.output import markup, views
from mkdocs_design.reading.statuses import StatusTable

STATUSES = StatusTable.build()


def _doc(n: int, status: str | None = "Draft", folder: str = "team") -> DesignDoc:
    canonical = STATUSES.resolve(status) if status else None
    return DesignDoc(
        f"{folder}/d{n}.md",
        f"Design <{n}> & 'co'",
        status=Status(status, canonical) if status else None,
        components=(Component(f"Part {n}", f"part-{n}", 3, dependencies=(f"Part {n + 1}",)),),
        depends_on=(f"Design <{n + 1}> & 'co'",),
    )


def test_fill_puts_every_block_in_place_once() -> None:
    """Each placeholder's first occurrence gets its block; other text is left alone."""
    kept = views.Fragments("g")
    keys = [kept.add(f"<p>{n}</p>\n") for n in range(12)]
    other = views.Fragments("m").add("<p>elsewhere</p>")
    page = "<main>" + "".join(reversed(keys)) + other + keys[0] + "</main>"
    expected = page
    for key, block in zip(keys, kept.blocks.values(), strict=True):
        expected = expected.replace(key, block, 1)
    assert kept.fill(page) == (expected, 0)
    assert kept.fill("no placeholders") == ("no placeholders", 12)


def test_fill_finds_placeholders_an_html_minifier_rewrote() -> None:
    """Unquoted, reordered or self-closed by a rewriter, the placeholder is still found."""
    kept = views.Fragments("g")
    kept.add("<table>A</table>")
    kept.add("<table>B</table>")
    minified = (
        "<div data-design-fragment=g-0 class=design-fragment></div>"
        '<div class="design-fragment" data-design-fragment="g-1"/>'
    )
    assert kept.fill(minified) == ("<table>A</table><table>B</table>", 0)


def test_badges_are_made_once_per_status_as_shown() -> None:
    """Statuses that show alike share a badge; unknown ones keep their own raw text."""
    badge_for = views.badges()
    statuses = [
        None,
        Status("Draft", "Draft"),
        Status("WIP — nearly there", "Draft"),
        Status("Pondering", None),
        Status("Musing", None),
    ]
    for status in statuses:
        assert badge_for(status) == markup.badge(status)
    assert badge_for(statuses[1]) is badge_for(statuses[2])
    assert badge_for(statuses[3]) != badge_for(statuses[4])


def test_row_data_lists_each_status_and_folder_once_in_order() -> None:
    """Many designs: statuses and folders in first-seen order, without repeats."""
    docs = [_doc(1, "Approved", "b"), _doc(2, "Draft", "a b"), _doc(3, "Approved", "a b")]
    docs.append(DesignDoc("top.md", "Top"))
    html = markup.row_data(docs, "component-x")
    assert html == (
        '<span class="design-row" id="component-x" data-status="approved draft unknown" '
        'data-folder="b a%20b ."></span>'
    )
