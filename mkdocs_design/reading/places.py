"""Where a line of a page stands: in code, in a container, in a blockquote.

A marker view goes where its marker is, inside an admonition, a content tab, a list item, a
footnote or a blockquote too. The rules are Python-Markdown 3.x's, with its tab length of 4: a
container's content is indented 4 columns past its opener; a line indented 4 more is indented
code after a blank line, and part of the paragraph above without one; a blockquote is read
again, its ``>`` taken off, as a page of its own. Pure, and lazy: only pages with an indented or
quoted marker pay for the pass over their lines.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from mkdocs_design.reading.hidden import hide
from mkdocs_design.reading.raw import raw_blocks
from mkdocs_design.reading.scan import fence_blocks

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

_TAB = 4
# Lines whose content goes indented 4 columns under them: admonitions and details (!!!, ???),
# content tabs (===), list items (Python-Markdown reads ``1.``, not ``1)``), footnote
# definitions and definition-list definitions. Only
# the first three open with no text of their own: the next line is already content.
_OPENER = re.compile(
    r"(?P<block>!!!|\?\?\?|===)|(?:[*+-]|\d{1,9}\.)(?:[ \t]|$)"
    r"|(?P<note>\[\^)[^\]\s]+\]:|(?P<term>:)[ \t]"
)
#: The containers each opens, by the Markdown extension that reads it; list items need none.
#: ``<div markdown>``: an HTML block whose content ``md_in_html`` reads as Markdown.
CONTAINERS = {"!!!": "admonition", "???": "details", "===": "tabbed", "[^": "footnotes",
              ":": "def_list", "markdown": "md_in_html"}  # fmt: skip
#: Every container, as a site with all those extensions reads them.
ALL_CONTAINERS = frozenset(CONTAINERS)


def containers(extensions: Iterable[str]) -> frozenset[str]:
    """The openers that the site's Markdown extensions read (named without their package)."""
    names = {str(e).rsplit(".", 1)[-1] for e in extensions}
    if "extra" in names:  # Python-Markdown's "extra" includes these
        names |= {"footnotes", "def_list", "md_in_html"}
    return frozenset(opener for opener, name in CONTAINERS.items() if name in names)


_OK, _CODE, _LAZY = 0, 1, 2
#: Blockquotes nested deeper than this are not read (each level is a pass over the quote).
_DEEPEST = 16


def width(space: str) -> int:
    """Columns of leading white space, tabs to the next multiple of 4 as Python-Markdown has it."""
    return len(space.expandtabs(_TAB))


def unquote(line: str) -> str | None:
    """A blockquote line without its ``>`` (and the one space after it), else ``None``."""
    text = line.lstrip(" \t")
    if not text.startswith(">"):
        return None
    return text[2:] if text[1:2] == " " else text[1:]


class Blocks:
    """The lines of a page (or of a blockquote), and where each stands, read when first asked."""

    def __init__(self, lines: Sequence[str], opens: frozenset[str] = ALL_CONTAINERS) -> None:
        """``opens``: the container openers the site's Markdown reads (see :func:`containers`)."""
        self.lines, self.opens = lines, opens
        self._quotes: dict[int, tuple[Blocks, int]] = {}

    def place(self, i: int) -> str | None:
        """Whether a block can go on line ``i``: ``""`` if it can, ``None`` if the line is code.

        Otherwise, why not, in words for the author.
        """
        layout: Blocks = self
        for _ in range(_DEEPEST):
            if layout.fenced[i]:
                return None
            if i in layout._raw:
                return (
                    "it is inside a raw HTML block, which Markdown shows as written: give the "
                    "block a markdown attribute (md_in_html), or move the marker out of it"
                )
            line = layout.lines[i]
            text = line.lstrip(" \t")
            indent = width(line[: len(line) - len(text)])
            kind, content = layout._kinds[i] if indent >= _TAB else (_OK, 0)
            if kind == _CODE:
                return None
            if kind == _LAZY:
                return (
                    f"it is indented {indent} columns, {indent - content} past the content of "
                    "what holds it, so Markdown reads it as part of the paragraph above: "
                    f"indent it {content} columns"
                )
            if not text.startswith(">"):
                return ""
            layout, i = layout._quote(i)
        return f"it is in more than {_DEEPEST} blockquotes, one in another"

    @cached_property
    def _raw(self) -> frozenset[int]:
        """The lines in raw HTML blocks (see :mod:`.raw`)."""
        shown = hide(self.lines, self.fenced) or self.lines  # a tag in a comment opens nothing
        return frozenset(raw_blocks(shown, self.fenced, md_in_html="markdown" in self.opens))

    @cached_property
    def fenced(self) -> list[bool]:
        """Which lines are in fenced code."""
        return fence_blocks(self.lines)[0]

    @cached_property
    def _kinds(self) -> list[tuple[int, int]]:
        """``(kind, content column of its container)`` of each line, in one pass down the page.

        The stack holds the nearest line above at each smaller indentation, with the column its
        content starts at if it opens a container: the container of a line is the nearest of
        them whose content starts at or before the line.
        """
        kinds: list[tuple[int, int]] = []
        stack: list[tuple[int, int]] = []  # (indentation, content column or -1)
        blank, code, opened = True, False, False
        for i, line in enumerate(self.lines):
            text = line.lstrip(" \t")
            if self.fenced[i] or not text:
                kinds.append((_OK, 0))
                # Indented code goes on over blank lines, and a fence ends it.
                blank, code, opened = not self.fenced[i], code and not self.fenced[i], False
                continue
            indent = width(line[: len(line) - len(text)])
            while stack and stack[-1][0] >= indent:
                stack.pop()
            content = next((c for _, c in reversed(stack) if 0 <= c <= indent), 0)
            kind = _OK
            if indent - content >= _TAB:
                kind = _CODE if blank or code or opened else _LAZY
            opener = _OPENER.match(text) if kind == _OK else None
            if opener is not None and not self._reads(opener):
                opener = None
            stack.append((indent, indent + _TAB if opener else -1))
            kinds.append((kind, content))
            blank, code, opened = False, kind == _CODE, bool(opener and opener.group("block"))
        return kinds

    def _reads(self, opener: re.Match[str]) -> bool:
        """Whether the site's Markdown reads ``opener`` (a list item, always)."""
        key = opener.group("block") or opener.group("note") or opener.group("term")
        return key is None or key in self.opens

    def _quote(self, i: int) -> tuple[Blocks, int]:
        """The blockquote holding line ``i``, read as a page, and the line's index there."""
        if i not in self._quotes:
            start = end = i
            while start > 0 and unquote(self.lines[start - 1]) is not None:
                start -= 1
            while end + 1 < len(self.lines) and unquote(self.lines[end + 1]) is not None:
                end += 1
            inner = Blocks(
                [unquote(line) or "" for line in self.lines[start : end + 1]], self.opens
            )
            for n in range(start, end + 1):
                self._quotes[n] = (inner, n - start)
        return self._quotes[i]
