"""Raw HTML blocks: text that readers see as written, never read as Markdown.

Python-Markdown 3.x passes an element through untouched when a block-level start tag opens a
line (up to three spaces in), up to the tag that closes it: a ``### Heading`` or ``- [ ] item``
inside ``<div>`` or ``<details>`` is no heading and no list item. With ``md_in_html``, an
element with a ``markdown`` attribute is read as Markdown instead. Fenced code is fenced first,
so a tag in a fence neither opens nor closes a block; an element never closed runs to the end.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

#: Python-Markdown's block-level elements, but for the raw-text ones :mod:`.hidden` blanks.
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "canvas", "center", "colgroup", "dd",
    "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "group", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "html", "iframe",
    "legend", "li", "main", "map", "math", "menu", "nav", "noscript", "object", "ol", "option",
    "output", "p", "pre", "progress", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul", "video"
})  # fmt: skip
#: A start tag at the start of a line: its name and what follows it on the line.
_START = re.compile(r"[ ]{0,3}<([A-Za-z][A-Za-z0-9]*)(?=[\s/>]|$)([^\n]*)")
#: ``markdown``, ``markdown="1"``, ``markdown=block``: read as Markdown; ``"0"`` and ``span``
#: leave the block's lines unread as blocks.
_MARKDOWN = re.compile(r"""\smarkdown(?:\s*=\s*["']?(\w*))?(?=[\s/>"']|$)""", re.IGNORECASE)
#: Any line that may open a block: most pages have none.
ANY = re.compile(r"(?m)^[ ]{0,3}<[A-Za-z]")


@cache
def _tags(name: str) -> re.Pattern[str]:
    """The start and end tags of element ``name``, to count how deep a line leaves it."""
    return re.compile(rf"<(/?){name}(?=[\s/>]|$)", re.IGNORECASE)


def raw_blocks(lines: Sequence[str], code: Sequence[bool], *, md_in_html: bool) -> list[int]:
    """The indexes of the lines in raw HTML blocks, tag lines included, in order."""
    raw: list[int] = []
    i = 0
    while i < len(lines):
        start = _START.match(lines[i]) if not code[i] and "<" in lines[i][:4] else None
        name = start.group(1).lower() if start else ""
        if start is None or name not in _BLOCK or _parsed(start.group(2), md_in_html=md_in_html):
            i += 1
            continue
        closed = start.group(2).split(">", 1)[0].rstrip().endswith("/")  # <div />
        end = i if closed else _end(lines, code, i, name, start.start(1) - 1)
        raw += range(i, end + 1)
        i = end + 1
    return raw


def _parsed(attributes: str, *, md_in_html: bool) -> bool:
    """Whether ``md_in_html`` reads the element's content as blocks of Markdown."""
    found = _MARKDOWN.search(attributes.split(">", 1)[0]) if md_in_html else None
    return found is not None and (found.group(1) or "1").lower() not in ("0", "span")


def _end(lines: Sequence[str], code: Sequence[bool], first: int, name: str, at: int) -> int:
    """The line the element opened on line ``first`` (column ``at``) closes on; else the last."""
    tags, depth = _tags(name), 0
    for j in range(first, len(lines)):
        if code[j]:
            continue
        for tag in tags.finditer(lines[j], at if j == first else 0):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                return j
    return len(lines) - 1
