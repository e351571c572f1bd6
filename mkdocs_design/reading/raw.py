"""Raw HTML blocks: text that readers see as written, never read as Markdown.

Python-Markdown 3.x passes an element through untouched when a block-level start tag opens a
line (up to three spaces in), up to the end tag that empties its stack of open elements: a
``### Heading`` or ``- [ ] item`` inside ``<div>`` or ``<details>`` is no heading and no list
item. With ``md_in_html``, ``markdown="1"`` (or ``block``) on a block element has its content
read as Markdown. Fenced code is fenced first, so a tag in a fence counts for nothing.

When in doubt the block is read as Markdown: a start tag not closed on its line, a tag this
reader cannot follow (one spanning lines inside the block), or an element never closed. An
invented heading is a smaller error than a real component dropped from the catalog.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

#: Python-Markdown's block-level elements, but for the raw-text ones :mod:`.hidden` blanks.
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "canvas", "center", "colgroup", "dd",
    "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "group", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "iframe",
    "legend", "li", "main", "map", "math", "menu", "nav", "noscript", "object", "ol", "option",
    "output", "p", "pre", "progress", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul", "video"
})  # fmt: skip
#: md_in_html reads only inline Markdown in these, and none in the raw ones.
_SPAN = frozenset({"address", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "li",
                   "p", "summary", "td", "th"})  # fmt: skip
_RAW = frozenset({"canvas", "math", "option", "pre"})
#: Elements without content: they open nothing.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})  # fmt: skip
#: A whole tag: end tag or start tag with its attributes (quoted values may hold ``>``).
_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9]*)"
    r"((?:\s+[^\s\"'<>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*(/?)>"
)
_ATTRIBUTE = re.compile(r"([^\s\"'<>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
#: Where a tag may start: ``<`` then a letter, or ``</`` then a letter.
_LT = re.compile(r"</?[A-Za-z]")
ANY = re.compile(r"(?m)^[ ]{0,3}<[A-Za-z]")


def raw_blocks(lines: Sequence[str], code: Sequence[bool], *, md_in_html: bool) -> list[int]:
    """The indexes of the lines in raw HTML blocks, tag lines included, in order."""
    raw: list[int] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        indent = len(line) - len(line.lstrip(" "))
        start = _TAG.match(line, indent) if not code[i] and indent <= 3 else None
        name = start.group(2).lower() if start and not start.group(1) else ""
        if start is None or name not in _BLOCK or name in _VOID or start.group(4):
            i += 1
            continue
        if md_in_html and _read_as_markdown(name, start.group(3)):
            i += 1
            continue
        end = _end(lines, code, i, start.end(), name)
        if end is None:  # never closed as far as this reader can tell: read as Markdown
            i += 1
            continue
        raw += range(i, end + 1)
        i = end + 1
    return raw


def _read_as_markdown(name: str, attributes: str) -> bool:
    """Whether md_in_html reads the element's content as blocks of Markdown."""
    found = (m for m in _ATTRIBUTE.finditer(attributes) if m.group(1).lower() == "markdown")
    attribute = next(found, None)
    if attribute is None:
        return False
    value = next((v for v in attribute.group(2, 3, 4) if v is not None), "1")  # bare: "1"
    if name in _RAW:
        return False
    return value == "block" or (value == "1" and name not in _SPAN)


def _end(lines: Sequence[str], code: Sequence[bool], first: int, at: int, name: str) -> int | None:
    """The line whose end tag empties the stack the element opened; ``None`` if none does."""
    stack = [name]
    for j in range(first, len(lines)):
        if code[j] and j != first:
            continue
        line, pos = lines[j], at if j == first else 0
        while (found := _LT.search(line, pos)) is not None:
            tag = _TAG.match(line, found.start())
            if tag is None:
                return None  # a tag over several lines, or not one: not followed
            pos, tag_name = tag.end(), tag.group(2).lower()
            if tag.group(1):  # an end tag closes up to its element, as Python-Markdown's stack
                if tag_name in stack:
                    del stack[len(stack) - 1 - stack[::-1].index(tag_name) :]
            elif tag_name not in _VOID and not tag.group(4) and (stack or tag_name in _BLOCK):
                stack.append(tag_name)  # in the tail of a closing line, a block opens anew
        if not stack:
            return j
    return None
