"""Hypothesis strategies shared by the differential tests of the scanners' fast paths."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import strategies as st

if TYPE_CHECKING:
    from collections.abc import Sequence


def markdown_lines(
    pieces: Sequence[str], *, per_line: int, lines: int
) -> st.SearchStrategy[list[str]]:
    """Pages as lists of lines, each one of ``pieces`` or up to ``per_line`` run together.

    Pieces of syntax glued at random make the edge cases a scanner's shortcut can get wrong
    (a fence after text, a bracket inside code) far more often than prose would.
    """
    piece = st.sampled_from(pieces)
    line = st.one_of(piece, st.builds("".join, st.lists(piece, max_size=per_line)))
    return st.lists(line, max_size=lines)
