"""A page's status as written and as understood: front matter, a metadata line, a section."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs_design.model import Status
from mkdocs_design.reading.statuses import first_link

if TYPE_CHECKING:
    from collections.abc import Mapping

    from mkdocs_design.reading.fields import Meta
    from mkdocs_design.reading.statuses import StatusTable


def read_status(
    meta: Mapping[str, Any],
    preamble: Mapping[str, Meta],
    section: Meta | None,
    table: StatusTable,
    offset: int,
) -> Status | None:
    """The status: front matter wins, then a metadata line, then a ``## Status`` section.

    Args:
        meta: The page's front matter.
        preamble: Its metadata lines by field.
        section: The first line of its ``## Status`` section, if it has one.
        table: The status vocabulary.
        offset: Front-matter lines before the body.
    """
    value = meta.get("status")
    if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value).strip():
        raw = str(value).strip()
        return Status(raw, table.resolve(raw), 0, first_link(raw))
    found = preamble.get("status") or section
    if found is None:
        return None
    raw = found.value
    return Status(raw, table.resolve(raw), found.at + offset + 1, first_link(raw))
