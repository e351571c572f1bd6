"""Placeholder marks: what readers see of the holes a design still has."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from markupsafe import escape

from mkdocs_design.reading.parse import MARK_ID

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.model import Placeholder

_MARK_START = '<mark class="design-placeholder" id="{}" title="Unresolved template placeholder">'
_MARK_END = "</mark>"
#: Marks on one page at most; the rest are reported all the same. Python-Markdown's time grows
#: with the square of the inline tags in a paragraph (benchmarks/README.md, "Marks").
MARK_LIMIT = 200


def markable(placeholder: Placeholder) -> bool:
    """Whether a mark can go around a placeholder: not in code, not inside a tag or link."""
    return placeholder.markable


def mark_ids(placeholders: Sequence[Placeholder]) -> list[str]:
    """The id of each mark, in page order: the reader's (unique on the page), else numbered."""
    marks = filter(markable, placeholders)
    return [p.anchor or MARK_ID.format(n) for n, p in enumerate(marks, start=1)]


def mark_placeholders(
    lines: Sequence[str], placeholders: Sequence[Placeholder], *, first_line: int = 1
) -> list[str]:
    """Wrap each :func:`markable` placeholder in ``<mark class="design-placeholder" id=…>``.

    The start tag goes before ``[`` and the end tag after ``]``, on different lines for a
    re-wrapped placeholder; the text in between is unchanged. Placeholders in code, inside an
    HTML tag or a link, after the first :data:`MARK_LIMIT`, and positions outside ``lines``
    are left alone.

    Args:
        lines: The lines the placeholders were found in.
        placeholders: Placeholders as :func:`find_placeholders` returns them.
        first_line: The real file line number of ``lines[0]``.

    Returns:
        New lines; ``lines`` is not modified.
    """
    tags: dict[int, list[tuple[int, int, str]]] = {}
    marks = list(itertools.islice(filter(markable, placeholders), MARK_LIMIT))
    for p, ident in zip(marks, mark_ids(placeholders)[:MARK_LIMIT], strict=True):
        end = (p.end_line, p.end_column) if p.end_line else (p.line, p.column + len(p.text))
        # Sorting puts an end tag before a start tag at the same position: [A]</mark><mark>[B].
        start = _MARK_START.format(escape(ident))
        tags.setdefault(p.line - first_line, []).append((p.column - 1, 1, start))
        tags.setdefault(end[0] - first_line, []).append((end[1] - 1, 0, _MARK_END))
    marked = list(lines)
    for index, inserts in tags.items():
        if 0 <= index < len(marked):
            marked[index] = _insert(marked[index], sorted(inserts))
    return marked


def _insert(line: str, inserts: list[tuple[int, int, str]]) -> str:
    pieces: list[str] = []
    previous = 0
    for position, _, tag in inserts:
        pieces += (line[previous:position], tag)
        previous = position
    return "".join(pieces) + line[previous:]
