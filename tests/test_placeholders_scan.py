"""The placeholder scanner's fast path against the run-by-run loop it replaced.

``_scan`` looks only at the lines holding a ``[`` and finds the run of prose or code around
each from one byte per line; the oracle below is the former implementation, which split the
whole page into runs and joined and searched every one.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from strategies import markdown_lines

from mkdocs_design import placeholders as ph
from mkdocs_design.scan import fence_flags

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

_FENCED_RUN = re.compile(b"\x01+")


def _oracle_scan(lines: Sequence[str]) -> list[ph._Span]:
    runs = _oracle_runs(lines)
    blocks = {start: "\n".join(lines[start:end]) for start, end, _info in runs}
    defined = (
        ph._DEFINITION.match(ln)
        for s, _e, info in runs
        if info is None and "]:" in blocks[s]
        for ln in blocks[s].split("\n")
        if "]:" in ln
    )
    labels = frozenset(ph._fold(m.group(1)).casefold() for m in defined if m and m.group(1))
    spans: list[ph._Span] = []
    for start, end, info in runs:
        if "[" not in blocks[start]:
            continue
        if info is not None:
            spans += _oracle_code_spans(lines, start, end, diagram=info.startswith("mermaid"))
        else:
            spans += _oracle_prose_spans(blocks[start], start, labels)
    return spans


def _oracle_runs(lines: Sequence[str]) -> list[tuple[int, int, str | None]]:
    flags = fence_flags(lines)
    runs: list[tuple[int, int, str | None]] = []
    prose = 0
    for fenced in _FENCED_RUN.finditer(bytes(flags)):
        start, end = fenced.span()
        if prose < start:
            runs.append((prose, start, None))
        for first, last in _oracle_blocks(lines, start, end):
            match = ph._FENCE.match(lines[first])
            runs.append((first, last, match.group(2).strip().lower() if match else ""))
        prose = end
    if prose < len(lines):
        runs.append((prose, len(lines), None))
    return runs


def _oracle_blocks(lines: Sequence[str], start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split a run of fenced lines into blocks: each ends on its own fence, at its indentation."""
    while start < end:
        opener = lines[start].expandtabs(4)
        indent = len(opener) - len(opener.lstrip(" "))
        fence = re.match(r"`{3,}|~{3,}", opener[indent:])
        close = start + 1
        while fence and close < end:
            line = lines[close].expandtabs(4)
            close += 1
            rest, mark = line[indent:], fence.group()
            if not line[:indent].strip() and rest[: len(mark)] == mark == rest.strip():
                break
        yield start, close
        start = close


def _oracle_code_spans(
    lines: Sequence[str], start: int, end: int, *, diagram: bool
) -> Iterator[ph._Span]:
    for index in range(start, end):
        line = lines[index]
        for match in ph._CODE_BRACKET.finditer(line):
            begin, stop = match.span()
            subscript = begin and line[begin - 1] in ph._SUBSCRIPT and not diagram
            if subscript or line[begin + 1 : stop - 1] == " ":
                continue
            yield ph._Span(index, begin, index, stop, match.group(), True)


def _oracle_prose_spans(text: str, first: int, labels: frozenset[str]) -> Iterator[ph._Span]:
    masked = ph._CODE_SPAN.sub(lambda m: "\0" * len(m.group()), text) if "`" in text else text
    starts = [0, *itertools.accumulate(len(line) + 1 for line in text.split("\n"))]
    for match in ph._BRACKET.finditer(masked):
        if ph._is_markdown(masked, match, labels):
            continue
        begin, stop = match.start(), match.end(1) + 1
        line = bisect.bisect_right(starts, begin) - 1
        end_line = line if "\n" not in match.group(1) else bisect.bisect_right(starts, stop - 1) - 1
        column, end_column = begin - starts[line], stop - starts[end_line]
        yield ph._Span(first + line, column, first + end_line, end_column, text[begin:stop], False)


_LINES = markdown_lines(
    ["```", "```mermaid", "~~~", "  ```", "```json", "[TBD]", "[Name]", "[x]", "[ ]", "- [ ] a",
     "items[0]", "[a](u)", "[a][b]", "[b]: http://x", "[b]", "*[HTML]: H", "`[c]`", "`", "``",
     "[", "]", "[^1]", "\\[TBD\\]", "[[Wiki]]", "[...]", "A[Box]", "[ a ]", "text", "", "  ",
     "- item", "# Head", "|", "1. x", ": ", "\t"],
    per_line=4,
    lines=30,
)  # fmt: skip


@given(_LINES)
@settings(derandomize=True, database=None, deadline=None, max_examples=500)
def test_scan_matches_the_run_loop(lines: list[str]) -> None:
    """Candidate brackets, their positions and whether they are code, as the old loop found."""
    expected = _oracle_scan(lines)
    assert ph._scan(lines) == expected
    assert ph._scan(lines, fence_flags(lines)) == expected
    assert ph._scan(lines, tuple(fence_flags(lines))) == expected


@pytest.mark.parametrize(
    ("lines", "found"),
    [
        (["```python", "x = 1", "```", "```mermaid", "A[Service Name] --> B", "```"], [4]),
        (["```mermaid", "A[Service Name]", "```", "```python", "x[Service Name]", "```"], [1]),
        (["~~~", "x", "~~~", "  ```mermaid", "  A[Service Name]", "  ```"], [4]),
    ],
)
def test_touching_fences_each_keep_their_info_string(lines: list[str], found: list[int]) -> None:
    """A block opening right after another closes is read with its own info string: Mermaid's
    ``A[Label]`` is a candidate, Python's ``x[key]`` a subscript."""
    assert [span.line for span in ph._scan(lines)] == found
