"""Tables in a page's Markdown, and which of their columns hold what."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from mkdocs_design.reading.text import TABLE_DELIMITER, cells
from mkdocs_design.reading.vocabulary import title_key

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mkdocs_design.reading.scan import Scan
    from mkdocs_design.reading.vocabulary import Vocabulary

#: Header words for a table's columns, beyond the vocabulary's labels.
_HEADERS = {
    "description": "responsibility", "what it does": "responsibility", "purpose": "responsibility",
    "why rejected": "rejected because", "reason rejected": "rejected because",
    "why not": "rejected because", "reason": "rejected because", "cons": "rejected because",
    "depends on": "dependencies", "dependencies": "dependencies",
}  # fmt: skip


class Table(NamedTuple):
    """A Markdown table: header cells, rows as ``(body index, cells)``, header's body index."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    at: int


def tables(page: Scan, start: int, end: int) -> Iterator[Table]:
    """The tables in body lines ``start:end``, outside code."""
    lines, code = page.lines, page.code
    i = start
    while i + 1 < end:
        if code[i] or "|" not in lines[i] or not TABLE_DELIMITER.match(lines[i + 1]):
            i += 1
            continue
        header, rows, at = cells(lines[i]), [], i
        i += 2
        while i < end and not code[i] and "|" in lines[i] and lines[i].strip():
            rows.append((i, cells(lines[i])))
            i += 1
        yield Table(header, rows, at)


def columns(header: list[str], vocabulary: Vocabulary) -> dict[str, int]:
    """Which column holds which field (``responsibility``, ``dependencies`` …), by its header."""
    found: dict[str, int] = {}
    for n, cell in enumerate(header):
        key = title_key(cell)
        field = _HEADERS.get(key) or vocabulary.label(cell)
        if field == "depends on":
            field = "dependencies"
        if field is not None and n > 0:
            found.setdefault(field, n)
    return found
