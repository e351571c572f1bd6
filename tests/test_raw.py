"""Raw HTML blocks read as Python-Markdown reads them: never a real heading dropped.

Each page is rendered by Python-Markdown itself (with ``md_in_html`` where named) and scanned
by the reader: the headings must be the same. Where this reader cannot follow a block (an
element never closed, a tag over several lines) it reads the block as Markdown, so it may see
a heading Markdown does not render, but never misses one Markdown renders.
"""

from __future__ import annotations

import re

import markdown
import pytest
from markdown.extensions.toc import slugify

from mkdocs_design.reading.scan import scan

#: ``(page, md_in_html)``: the headings must be exactly Markdown's.
EXACT = {
    "div": ("<div>\n### Div Svc\n</div>\n\n### Live", False),
    "pre": ("<pre>\n### Pre\n</pre>\n\n### Live", False),
    "nested same tag": ("<div><div>\n### In\n</div>\n### Still\n</div>\n### Out\n", False),
    "inner unclosed other": (
        '<div class="card">\n<figure><div class="caption">O</figure>\n</div>\n\n### Alpha',
        False,
    ),
    "tag in a fence": ("<section>\n```\n</section>\n```\n### After\n</section>\n### Out", False),
    "after a paragraph line": ("Para\n<div>\n### X\n</div>\n\n### Live", False),
    "uppercase": ("<DIV>\n### Upper\n</DIV>\n\n### Live", False),
    "self-closing": ("<div/>\n\n### Shown", False),
    "details": ("<details>\n<summary>s</summary>\n\n### In\n\n</details>\n\n### Out", False),
    "end tag in a value": ('<div title="</div>">\n### G3\n</div>\n\n### Live', False),
    "md_in_html block": ('<div markdown="1">\n\n### MD\n\n</div>', True),
    "md_in_html bare": ("<div markdown>\n\n### Bare\n\n</div>", True),
    "md_in_html over two lines": ('<div class="grid"\n     markdown>\n\n### A\n\n</div>', True),
    "md_in_html > in a value": ('<div title="a>b" markdown="1">\n\n### B\n\n</div>', True),
    "md_in_html span tag": ('<p markdown="1">\n### Ghost\n</p>\n\n### Live', True),
    "md_in_html raw tag": ('<pre markdown="block">\n### G\n</pre>\n\n### Live', True),
    "md_in_html other value": ('<div markdown="true">\n### G1\n</div>\n\n### Live', True),
    "markdown in a value": ('<div title="see markdown docs">\n### G2\n</div>\n\n### Live', True),
    "md_in_html off": ('<div markdown="1">\n### MD\n</div>', False),
    "a block opened in a closing line's tail": (
        '<div class="a">x</div><div class="b">\n### Ghost\n</div>\n\n### Live',
        False,
    ),
    "setext after a one-line block": ('<p class="caption">Figure.</p>\nIngest\n------\n', False),
}
#: Blocks this reader reads as Markdown although Markdown does not: no heading may be missed.
LENIENT = {
    "never closed": ("<div>\n### A\n\n## B\n", False),
    "start tag without >": ('<div class="note"\nDiagram.\n\n### Alpha', False),
}
_H = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.S)


def rendered(page: str, md_in_html: bool) -> list[str]:
    """The headings Python-Markdown renders, as text."""
    html = markdown.markdown(page, extensions=["fenced_code", *(["md_in_html"] * md_in_html)])
    return [re.sub(r"<[^>]+>", "", text).strip() for _, text in _H.findall(html)]


def scanned(page: str, md_in_html: bool) -> list[str]:
    return [h.text for h in scan(page.split("\n"), slugify, md_in_html=md_in_html).headings]


@pytest.mark.parametrize("name", sorted(EXACT))
def test_headings_are_markdowns(name: str) -> None:
    page, md_in_html = EXACT[name]
    assert scanned(page, md_in_html) == rendered(page, md_in_html)


@pytest.mark.parametrize("name", sorted(LENIENT))
def test_no_heading_markdown_renders_is_missed(name: str) -> None:
    page, md_in_html = LENIENT[name]
    assert set(rendered(page, md_in_html)) <= set(scanned(page, md_in_html))
