"""Lines of a page as another plugin rendered it, told as lines of the file the author wrote.

An include or a macro changes a page's Markdown before it is converted. The page is then read
again from that Markdown, so the catalog holds what readers see; every line the model names is
carried back to the file: a line the plugin left as it was to itself, a line it added to the
line it replaced (the ``{% include %}`` that brought it).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from mkdocs_design.model import DesignDoc, Finding, Placeholder


#: A page line a finding's message names, as in "(first at line 12)".
_LINE = re.compile(r"(\bat line )(\d{1,9})\b")


def line_map(written: Sequence[str], shown: Sequence[str]) -> list[int]:
    """For each line of ``shown`` (from 1), the line of ``written`` it comes from (from 1).

    ``written`` and ``shown`` are the file's and the rendered page's lines, front matter
    included in both. Index 0 maps to 0 (the model's "no line"). A line another plugin added
    is given as minus the line that made it.
    """
    lines = [0] * (len(shown) + 1)
    head = 0  # lines kept at the top and at the bottom cost nothing to match
    while head < min(len(written), len(shown)) and written[head] == shown[head]:
        head += 1
    tail = 0
    while tail < min(len(written), len(shown)) - head and written[-1 - tail] == shown[-1 - tail]:
        tail += 1
    middle = (written[head : len(written) - tail], shown[head : len(shown) - tail])
    for n in range(head):
        lines[n + 1] = n + 1
    for n in range(tail):
        lines[len(shown) - n] = len(written) - n
    for n, line in enumerate(_middle(*middle), start=head + 1):
        lines[n] = line + head if line > 0 else line - head if line < 0 else -(head + 1)
    return lines


#: Above this many line pairs the changed middle of a page maps to its first line, unmatched.
_MATCH_BUDGET = 4_000_000


def _middle(written: Sequence[str], shown: Sequence[str]) -> list[int]:
    """:func:`line_map` of the changed middle of a page (without its index 0)."""
    if len(written) * len(shown) > _MATCH_BUDGET and len(written) == len(shown):
        pairs = enumerate(zip(written, shown, strict=True), start=1)  # most likely in place
        return [n if a == b else -n for n, (a, b) in pairs]
    if len(written) * len(shown) > _MATCH_BUDGET:
        return [-1] * len(shown)
    lines = [0] * len(shown)
    # Popular lines (blank ones, repeated items) are junk to the matcher: without that it can
    # take seconds on a page of repeated lines.
    matcher = difflib.SequenceMatcher(None, written, shown, autojunk=True)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        for n in range(b_start, b_end):
            if tag == "equal":
                lines[n] = a_start + (n - b_start) + 1
            elif a_end - a_start == b_end - b_start:  # changed in place (a macro): line by line
                lines[n] = -(a_start + (n - b_start) + 1)
            else:  # the line that made it: the one it replaced, else the one before
                lines[n] = -(min(a_start, max(len(written) - 1, 0)) + 1)
    return lines


def relocate(doc: DesignDoc, lines: Sequence[int]) -> DesignDoc:
    """``doc`` read from the rendered page, with every line it names told as a file line."""
    at = _file_line(lines)
    return replace(
        doc,
        title_line=at(doc.title_line),
        created_line=at(doc.created_line),
        status=doc.status._replace(line=at(doc.status.line)) if doc.status else None,
        sections=tuple(s._replace(line=at(s.line)) for s in doc.sections),
        components=tuple(c._replace(line=at(c.line)) for c in doc.components),
        questions=tuple(q._replace(line=at(q.line)) for q in doc.questions),
        alternatives=tuple(a._replace(line=at(a.line)) for a in doc.alternatives),
        placeholders=tuple(_moved(p, lines) for p in doc.placeholders),
        findings=tuple(_found(f, at) for f in doc.findings),
        context_lines={key: at(line) for key, line in doc.context_lines.items()},
        timeline=tuple((day, at(line)) for day, line in doc.timeline),
    )


def anchored_as(doc: DesignDoc, lines: Sequence[int], own: DesignDoc | None) -> DesignDoc:
    """``doc`` with the ids the page's own text gives its items: ``own``, read from that text.

    ``pymdownx.snippets`` inserts its text while the page is converted, after the plugin's
    edits: a question or placeholder it brings gets no id and no mark, so the catalog links
    its page instead of a missing anchor. ``lines`` maps ``doc``'s lines to ``own``'s.
    """

    def at(line: int) -> int:
        return lines[line] if 0 < line < len(lines) else -1

    asked = {q.line: q.anchor for q in own.questions} if own else {}
    marks = {(p.line, p.column): p for p in own.placeholders} if own else {}
    questions = tuple(q._replace(anchor=asked.get(at(q.line), "")) for q in doc.questions)
    placeholders = tuple(
        p._replace(anchor=mine.anchor, in_markup=not mine.markable)
        if (mine := marks.get((at(p.line), p.column))) is not None
        else p._replace(anchor="", in_markup=True)
        for p in doc.placeholders
    )
    return replace(doc, questions=questions, placeholders=placeholders)


def relocate_findings(findings: Sequence[Finding], lines: Sequence[int]) -> tuple[Finding, ...]:
    """Findings read from the rendered page, each at its file line."""
    at = _file_line(lines)
    return tuple(_found(f, at) for f in findings)


def _file_line(lines: Sequence[int]) -> Callable[[int], int]:
    """A rendered page's line as a file line, by :func:`line_map`'s ``lines``."""
    return lambda line: abs(lines[line]) if 0 <= line < len(lines) else line


def _found(finding: Finding, at: Callable[[int], int]) -> Finding:
    """A finding at its file line, with the lines its message names told as file lines too."""
    message = _LINE.sub(lambda m: f"{m[1]}{at(int(m[2]))}", finding.message)
    return replace(finding, location=replace(finding.location, line=at(finding.location.line)),
                   message=message)  # fmt: skip


def _moved(placeholder: Placeholder, lines: Sequence[int]) -> Placeholder:
    """A placeholder at its file line; one another plugin added is at column 1 of its line."""
    line, end = placeholder.line, placeholder.end_line or placeholder.line
    if not (0 < line < len(lines) and 0 < end < len(lines)):
        return placeholder
    if lines[line] < 0 or lines[end] < 0:
        return placeholder._replace(line=abs(lines[line]), end_line=abs(lines[line]), column=1,
                                    end_column=1)  # fmt: skip
    return placeholder._replace(line=lines[line], end_line=lines[end])
