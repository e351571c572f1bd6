"""Placeholder marks: what readers see of the holes a design still has."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.model import Placeholder

_MARK_START = '<mark class="design-placeholder" id="{}" title="Unresolved template placeholder">'
_MARK_END = "</mark>"
#: The id of the n-th mark on a page (from 1), which the catalog overview links to.
MARK_ID = "design-placeholder-{}"


def markable(placeholder: Placeholder) -> bool:
    """Whether a mark can go around a placeholder: not in code, not inside a tag or link."""
    return not (placeholder.in_code or placeholder.in_markup)


def mark_placeholders(
    lines: Sequence[str], placeholders: Sequence[Placeholder], *, first_line: int = 1
) -> list[str]:
    """Wrap each :func:`markable` placeholder in ``<mark class="design-placeholder" id=…>``.

    The start tag goes before ``[`` and the end tag after ``]``, on different lines for a
    re-wrapped placeholder; the text in between is unchanged. Placeholders in code, inside an
    HTML tag or a link, and positions outside ``lines`` are left alone.

    Args:
        lines: The lines the placeholders were found in.
        placeholders: Placeholders as :func:`find_placeholders` returns them.
        first_line: The real file line number of ``lines[0]``.

    Returns:
        New lines; ``lines`` is not modified.
    """
    tags: dict[int, list[tuple[int, int, str]]] = {}
    for n, p in enumerate(filter(markable, placeholders), start=1):
        end = (p.end_line, p.end_column) if p.end_line else (p.line, p.column + len(p.text))
        # Sorting puts an end tag before a start tag at the same position: [A]</mark><mark>[B].
        start = _MARK_START.format(MARK_ID.format(n))
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
