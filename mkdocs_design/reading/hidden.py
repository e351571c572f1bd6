"""What a reader never sees: HTML comments, and what `<script>`, `<style>`, `<textarea>` hold.

Text there is not content: a commented-out component, question or title is not in the catalog,
and nothing is marked or inserted inside it. The rules follow Python-Markdown 3.x: a stretch
that starts a line is a block and runs to its closing text (``-->``, ``</script>``), however
many lines that takes; a comment that opens mid-line is hidden when it closes in its paragraph
(the browser reads it as a comment); one that never closes there is text, shown as written. An
element inside a line stays (placeholders there are left unmarked, see :mod:`.placeholders`).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

#: Where a hidden stretch opens: a comment, or a raw-text element's start tag.
_OPEN = re.compile(r"<(?:!--|(script|style|textarea)(?=[\s>/]|$))", re.IGNORECASE)
#: Deeper than this, a line opens no block: it is indented code, or a list item's text.
_BLOCK_INDENT = 3
#: A line that is no paragraph's continuation: blank, or a heading, list item or quote of its own.
_BREAK = re.compile(r"[ \t]*$|[ ]{0,3}(?:#{1,6}(?:[ \t]|$)|[*+-][ \t]|\d{1,9}[.)][ \t]|>)")
#: Any of them anywhere on a page: most pages have none, and are read as they are.
ANY = re.compile(r"<(?:!--|(?i:script|style|textarea))")


class _Closers:
    """The lines outside code each closing text is on, found once per page and text."""

    def __init__(self, lines: Sequence[str], code: Sequence[bool]) -> None:
        self._lines, self._code = lines, code
        self._on: dict[str, list[int]] = {}
        self._breaks: list[int] | None = None  # where paragraphs end

    def after(self, close: str, i: int) -> bool:
        """Whether ``close`` is on some line after line ``i``, outside code."""
        on = self._lines_with(close)
        return bool(on) and on[-1] > i

    def in_paragraph(self, close: str, i: int) -> bool:
        """Whether ``close`` is on a later line of the paragraph line ``i`` is in."""
        if self._breaks is None:
            lines, code = self._lines, self._code
            self._breaks = [n for n, line in enumerate(lines) if code[n] or _BREAK.match(line)]
        on = self._lines_with(close)
        found = bisect.bisect_right(on, i)
        end = bisect.bisect_right(self._breaks, i)
        return found < len(on) and (end == len(self._breaks) or on[found] < self._breaks[end])

    def _lines_with(self, close: str) -> list[int]:
        if close not in self._on:
            self._on[close] = [n for n, line in enumerate(self._lines)
                               if not self._code[n] and close in line.lower()]  # fmt: skip
        return self._on[close]


def hide(lines: Sequence[str], code: Sequence[bool]) -> list[str] | None:
    """``lines`` with every hidden stretch blanked to spaces, or ``None`` when there is none.

    Blanking keeps every line's length, so line and column numbers stay the author's. Fenced
    code (``code``) is never hidden and never opens a stretch.
    """
    shown: list[str] | None = None
    closers = _Closers(lines, code)
    until: str | None = None  # the closing text of a stretch still open at a line's end
    for i, line in enumerate(lines):
        if code[i] or (until is None and "<" not in line):
            continue
        spans, until = _spans(line, i, until, closers)
        if spans:
            shown = shown if shown is not None else list(lines)
            chars = list(line)
            for start, end in spans:
                chars[start:end] = " " * (end - start)
            shown[i] = "".join(chars)
    return shown


def covered(lines: Sequence[str], code: Sequence[bool]) -> frozenset[int]:
    """The lines inside a hidden stretch opened on an earlier line (a commented-out block)."""
    inside: set[int] = set()
    closers, until = _Closers(lines, code), None
    for i, line in enumerate(lines):
        if until is not None and not code[i]:
            inside.add(i)
        if code[i] or (until is None and "<" not in line):
            continue
        until = _spans(line, i, until, closers)[1]
    return frozenset(inside)


def _spans(
    line: str, i: int, until: str | None, closers: _Closers
) -> tuple[list[tuple[int, int]], str | None]:
    """The hidden ``(start, end)`` columns of line ``i``, and what is still open after it."""
    lower, indent = line.lower(), len(line) - len(line.lstrip())
    indent = indent if indent <= _BLOCK_INDENT else -1  # four spaces in: code or a list's text
    spans: list[tuple[int, int]] = []
    code, loose = _code_spans(line) if "`" in line else ([], len(line))
    starts = [start for start, _ in code]
    pos, ahead = 0, -1  # ahead: where the next "-->" is (past the line: none)
    while True:
        if until is not None:
            end = lower.find(until, pos)
            if end < 0:
                spans.append((pos, len(line)))
                return spans, until
            spans.append((pos, end + len(until)))
            pos, until = end + len(until), None
        found = _OPEN.search(line, pos)
        if found is None:
            return spans, None
        at = bisect.bisect_right(starts, found.start()) - 1
        if at >= 0 and found.start() < code[at][1]:
            pos = found.end()  # an opener inside a code span is code
            continue
        close = f"</{found.group(1).lower()}>" if found.group(1) else "-->"
        starts_line = found.start() == indent
        if found.group(1) and not starts_line:
            return spans, None  # an inline element: its text is in the heading ids toc makes
        if ahead < found.end():  # the first closer after the opener, searched once a stretch
            ahead = lower.find(close, found.end()) if close == "-->" else -1
            ahead = ahead if ahead >= 0 else len(line) + 1
        here = ahead <= len(line) if close == "-->" else lower.find(close, found.end()) >= 0
        if here and not starts_line and not found.group(1):
            inner = lower.find("<!--", found.end(), ahead)
            if inner >= 0:  # Markdown's inline comment holds no "<!--": this opener is text
                pos = inner
                continue
        if not here and not starts_line and (loose < found.start() or "|" in line):
            return spans, None  # in a code span the next line may close, or a table cell: text
        later = closers.after if starts_line else closers.in_paragraph
        if not here and not later(close, i):
            return spans, None  # never closed: Python-Markdown shows it as text
        pos, until = found.start(), close


_TICKS = re.compile(r"`+")


def _code_spans(line: str) -> tuple[list[tuple[int, int]], int]:
    """The ``(start, end)`` columns of the line's code spans, as CommonMark pairs backticks.

    A run of backticks opens a span closed by the next run of the same length; a run with none
    is literal on this line (a later line of the paragraph may close it): its column comes
    second, else the line's length. Each run is looked at once: linear in the line.
    """
    runs = [(m.start(), m.end() - m.start()) for m in _TICKS.finditer(line)]
    later: dict[int, list[int]] = {}  # each length's runs, last first, to pop in order
    for k in range(len(runs) - 1, -1, -1):
        later.setdefault(runs[k][1], []).append(k)
    spans, k, loose = [], 0, len(line)
    while k < len(runs):
        start, width = runs[k]
        same = later[width]
        while same and same[-1] <= k:
            same.pop()
        if not same:
            loose, k = min(loose, start), k + 1  # no closer here: literal backticks
            continue
        closer = same.pop()
        spans.append((start, runs[closer][0] + width))
        k = closer + 1
    return spans, loose
