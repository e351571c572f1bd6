"""Marker comments that place catalog views inside authors' own pages.

``<!-- design/overview -->``, ``<!-- design/components folder="payments" -->`` and
``<!-- design/questions status="Approved, Implemented" -->`` on a line of their own are replaced
by the view, filtered to a team folder and/or statuses. Pure: the caller renders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs_design.model import DesignDoc, Finding, Location, Severity
from mkdocs_design.reading.scan import fence_blocks
from mkdocs_design.reading.text import fold

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from mkdocs_design.catalog.catalog import Catalog, ComponentEntry

VIEWS = ("overview", "components", "questions", "graph", "neighbourhood")
FILTERS = ("folder", "status")
# The view's name is read once (the lookahead), up to the closing "-->": giving it back a
# character at a time would read the rest of the line again each time.
_MARKER = re.compile(
    r"^ {0,3}<!--\s*design/(?=(?P<view>(?:\w|-(?!->\s*$))+))(?P=view)(?P<args>.*?)-->\s*$"
)
_ARG = re.compile(r'(?<!\w)(?P<key>\w+)\s*=\s*"(?P<value>[^"]*)"')  # a key from its first letter


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker comment found on a page.

    Attributes:
        view: ``overview``, ``components`` or ``questions``.
        filters: ``folder`` and/or ``status`` values as written.
        index: 0-based line index in the Markdown it was found in.
    """

    view: str
    filters: dict[str, str]
    index: int


def find_markers(
    lines: Sequence[str], src_uri: str, offset: int = 0
) -> tuple[list[Marker], list[Finding]]:
    """Markers outside fenced code, and findings for unknown views or filters."""
    markers: list[Marker] = []
    problems: list[Finding] = []
    code = fence_blocks(lines)[0] if any("design/" in line for line in lines) else []
    for i, line in enumerate(lines):
        if "design/" not in line or code[i] or not (match := _MARKER.match(line)):
            continue
        args = {m.group("key"): m.group("value") for m in _ARG.finditer(match.group("args"))}
        bad = [key for key in args if key not in FILTERS]
        where = Location(src_uri, i + offset + 1)
        if match.group("view") not in VIEWS:
            known = ", ".join(f"design/{v}" for v in VIEWS)
            problems.append(
                Finding(
                    "marker",
                    Severity.WARNING,
                    where,
                    f'unknown marker "design/{match.group("view")}" (known: {known})',
                )
            )
        elif bad:
            problems.append(
                Finding(
                    "marker",
                    Severity.WARNING,
                    where,
                    f"unknown marker option {bad[0]!r} (known: folder, status)",
                )
            )
        else:
            markers.append(Marker(match.group("view"), args, i))
    return markers, problems


def replace_markers(
    lines: Sequence[str], markers: Sequence[Marker], render: Callable[[Marker], str]
) -> str:
    """Return the Markdown with each marker line replaced by its rendered view."""
    if not markers:
        return "\n".join(lines)  # most pages: no copy of their lines
    out = list(lines)
    for marker in markers:
        out[marker.index] = "\n" + render(marker) + "\n"
    return "\n".join(out)


def select_docs(catalog: Catalog, filters: dict[str, str]) -> list[DesignDoc]:
    """The designs a marker's filters select, in catalog order."""
    folder = filters.get("folder", "").strip("/")
    wanted = {fold(s) for s in filters.get("status", "").split(",") if s.strip()}
    return [
        doc
        for doc in catalog.docs
        if (not folder or doc.src_uri.startswith(folder + "/"))
        and (not wanted or fold(doc.canonical_status or "") in wanted)
    ]


def select_components(catalog: Catalog, docs: Sequence[DesignDoc]) -> list[ComponentEntry]:
    """Index entries with at least one source among ``docs``."""
    chosen = {doc.src_uri for doc in docs}
    if chosen.issuperset(catalog.by_uri):
        return list(catalog.components)  # all of them (every entry has a source)
    return [e for e in catalog.components if any(d.src_uri in chosen for d, _ in e.sources)]
