"""Components from a design's Component Structure section.

Authors describe components as headings (``#### 1. Name``, ``### 3.1 Name``, ``### Name
(`path/file.go`)``) with ``**Responsibility:**``/``**Dependencies:**``/``**Public Interface:**``/
``**Key Behaviors:**`` fields, as bold-name paragraphs under "Component Responsibilities", or as
the rows of a table. All three read into the same :class:`~mkdocs_design.model.Component`.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from mkdocs_design.model import Component, Finding, Location, Severity
from mkdocs_design.reading.fields import split_list
from mkdocs_design.reading.text import BOLD_LEAD, ITEM, NUMBERING, fold, label_of, plain_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.reading.scan import Heading, Scan
    from mkdocs_design.reading.sections import SectionRange

_PATH_SUFFIX = re.compile(r"\s*\(\s*`([^`]+)`\s*\)\s*$")
_FILE_PREFIX = re.compile(r"^(?:file|module|package)\s*:\s*", re.I)
# Headings that introduce components rather than name one ("### Component Responsibilities",
# "### CSS Classes Involved"), or describe the section ("### Key CSS Properties").
_GROUP_TITLES = re.compile(
    r"(?:(?:new|existing|main|core|other|ui)\s+)?components?$|components?\s+\w+$", re.I
)
_DESCRIBES = re.compile(
    r"\b(?:involved|properties|overview|relationships|diagram|hierarchy|tree|interactions)$", re.I
)
# _DESCRIBES can only match this near the end ("$" may stand before a final newline): searching
# from there rather than from every position of a long title matters, as every component
# heading of the site is tested. The engine still sees the character before, for the "\b".
_DESCRIBES_REACH = len("relationships") + 1
_FENCE_INFO = re.compile(r"^\s*(?:`{3,}|~{3,})\s*\{?\s*\.?(?P<lang>[\w+#.-]+)")
_DEPENDENCY_NOTE = re.compile(r"\s+(?:\u2014|\u2013|-|:)\s+.*$")
_PLACEHOLDER = re.compile(r"^\[[^\]]*\]$")
_CODE_NAME = re.compile(r"`[^`]+`")
# "**Name:** value" is a field label; "**Name** — role" and "**Name**: role" name a component.
_FIELD_LABEL = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+)?\*\*[^*]*:\*\*")

FIELD_NAMES: dict[str, str] = {
    "responsibility": "responsibility", "responsibilities": "responsibility",
    "purpose": "responsibility", "role": "responsibility",
    "dependencies": "dependencies", "depends on": "dependencies", "uses": "dependencies",
    "public interface": "interface", "interface": "interface", "api": "interface",
    "implementation": "interface", "signature": "interface", "signatures": "interface",
    "key behaviors": "behaviours", "key behaviours": "behaviours", "behaviors": "behaviours",
    "behaviours": "behaviours", "behavior": "behaviours", "behaviour": "behaviours",
    "file": "path", "location": "path", "path": "path",
}  # fmt: skip


def components(
    page: Scan, sections: Sequence[SectionRange], src_uri: str, offset: int
) -> tuple[tuple[Component, ...], list[Finding]]:
    """The components of the Component Structure sections, and problems met reading them."""
    found: list[Component] = []
    starts = [h.index for h in page.headings]
    for section in (s for s in sections if s.key == "Component Structure"):
        first = bisect.bisect_left(starts, section.start)
        heads = page.headings[first : bisect.bisect_left(starts, section.end, first)]
        done = 0  # body index up to which headings were read as part of a component
        for n, head in enumerate(heads):
            # Indexes, not slices of `heads`: a page with thousands of components must stay linear.
            stop = next((m for m in range(n + 1, len(heads)) if heads[m].level <= head.level), None)
            end = section.end if stop is None else heads[stop].index
            if head.index < done:
                continue
            after = heads[n + 1] if n + 1 < len(heads) else None
            if after is not None and after.level > head.level and not _field_of(after.text):
                continue  # a grouping heading such as "### Components"
            if is_group(head.text):
                found += _bold_components(page, head, head.index + 1, end, offset)
            else:
                subheads = heads[n + 1 : len(heads) if stop is None else stop]
                found.append(_component(page, head, subheads, end, offset))
            done = end
        if not heads:
            found += _bold_components(page, section.heading, section.start, section.end, offset)
            found += _table_components(page, section, offset)
    return tuple(found), _duplicates(found, src_uri)


def is_group(title: str) -> bool:
    """Whether a heading introduces components (or describes them) rather than names one."""
    text = NUMBERING.sub("", title.strip())
    return (
        _GROUP_TITLES.match(text) is not None
        or _DESCRIBES.search(text, max(0, len(text) - _DESCRIBES_REACH)) is not None
        or "responsibilit" in title.casefold()
    )


@lru_cache(maxsize=4096)  # "**Dependencies:**": the same label lines on every component
def _field_label(line: str) -> tuple[str | None, str] | None:
    """``(field, value)`` of a ``**Label:** value`` line (see :func:`_field_of`), if labelled."""
    lead = label_of(line)
    return None if lead is None else (_field_of(lead.group("label")), lead.group("value"))


@lru_cache(maxsize=1024)  # the same few labels on every component of every page
def _field_of(title: str) -> str | None:
    """The component field a label or sub-heading names (``#### Key Behaviors``), if any."""
    return FIELD_NAMES.get(fold(NUMBERING.sub("", title.strip())))


def _duplicates(found: Sequence[Component], src_uri: str) -> list[Finding]:
    first: dict[str, Component] = {}
    problems: list[Finding] = []
    for comp in found:
        key = comp.name.casefold()
        if comp.name.startswith("[") and _PLACEHOLDER.match(comp.name):
            continue  # "[Component Name]" twice is the template's, reported as placeholders
        if key in first:
            message = (
                f'component "{comp.name}" is described twice on this page '
                f"(first at line {first[key].line})"
            )
            where = Location(src_uri, comp.line)
            problems.append(Finding("duplicate-component", Severity.WARNING, where, message))
        first.setdefault(key, comp)
    return problems


def component_name(title: str) -> tuple[str, str | None]:
    """Split a component heading into its name and an optional file path.

    ``1. Agent Handler (`handlers/agent.go`)`` gives ``("Agent Handler", "handlers/agent.go")``,
    ``3.1 File: `auth/permissions.go` `` gives ``("auth/permissions.go", "auth/permissions.go")``.
    """
    raw = NUMBERING.sub("", title.strip())
    path = None
    # Each regex only where the text it needs is: most names hold no backtick nor colon.
    if "`" in raw and (match := _PATH_SUFFIX.search(raw)):
        path, raw = match.group(1), raw[: match.start()]
    if ":" in raw:
        raw = _FILE_PREFIX.sub("", raw)
    name = plain_text(raw).strip()
    if "`" in raw and _CODE_NAME.fullmatch(raw.strip()):
        path = path or name
    return name or (path or title.strip()), path


def _component(
    page: Scan, head: Heading, inner: Sequence[Heading], end: int, offset: int
) -> Component:
    """One component: ``head`` and its body up to ``end``, ``inner`` the headings in between."""
    name, path = component_name(head.raw)
    values: dict[str, list[str]] = {
        "intro": [], "responsibility": [], "dependencies": [], "behaviours": []
    }  # fmt: skip
    languages: list[str] = []
    current: str | None = "intro"  # a paragraph before any field says what the component does
    subheads = {h.index: h.text for h in inner}
    lines, code = page.lines, page.code
    for i in range(head.index + 1, end):
        line = lines[i]
        if i in subheads:
            current = _field_of(subheads[i])
            continue
        if code[i]:
            opens = current == "interface" and not (i and code[i - 1])
            if opens and (info := _FENCE_INFO.match(line)):
                languages.append(info.group("lang").casefold())
            continue
        if not line or line.isspace():
            continue  # a blank line neither labels nor adds to a field
        if "**" in line and (lead := _field_label(line)):
            current, value = lead
            if current == "path" and value:
                path = path or plain_text(value)
            elif current in values and value:
                values[current] += [value] if current == "responsibility" else split_list(value)
            continue
        if current in _TAKES:
            _take(values, current, line)
    return Component(
        name=name,
        anchor=head.anchor,
        line=head.index + offset + 1,
        path=path,
        responsibility=plain_text(" ".join(values["responsibility"] or values["intro"])),
        dependencies=tuple(dict.fromkeys(values["dependencies"])),
        languages=tuple(dict.fromkeys(languages)),
        behaviours=tuple(values["behaviours"]),
    )


_TAKES = frozenset(("intro", "responsibility", "dependencies", "behaviours"))


def _take(values: dict[str, list[str]], current: str | None, line: str) -> None:
    """Add one body line, not blank, to the field being read (list items, or a paragraph)."""
    item = ITEM.match(line)
    if item is None:
        if current == "intro" or current == "responsibility":
            values[current].append(line.strip())
    elif current == "behaviours":
        values[current].append(plain_text(item.group("text")))
    elif current == "dependencies" and (dependency := _dependency(item.group("text"))):
        values[current].append(dependency)


@lru_cache(maxsize=4096)  # components name each other: the same dependencies recur
def _dependency(text: str) -> str:
    """The name part of a dependency item (``Event Bus — for fan-out`` → ``Event Bus``)."""
    found = split_list(_DEPENDENCY_NOTE.sub("", text))
    return found[0] if len(found) == 1 else ", ".join(found)


def _bold_components(
    page: Scan, head: Heading, start: int, end: int, offset: int
) -> list[Component]:
    """Components written as ``**Name** — purpose`` paragraphs or items, under ``head``.

    A list right under such a line (``- Manages wizard state``) holds its behaviours.
    """
    found: list[Component] = []
    for i in range(start, end):
        line = page.lines[i]
        if page.code[i] or line.startswith((" ", "\t")) or _FIELD_LABEL.match(line):
            continue
        lead = BOLD_LEAD.match(line)
        if lead:
            name = plain_text(lead.group("name")).strip()
            rest = plain_text(lead.group("rest"))
            behaviours = tuple(_items_after(page, i + 1, end))
            found.append(
                Component(
                    name, head.anchor, i + offset + 1, responsibility=rest, behaviours=behaviours
                )
            )
    return found


def _items_after(page: Scan, start: int, end: int) -> list[str]:
    """The plain list items directly below a line, up to the first blank line or bold lead."""
    items: list[str] = []
    for i in range(start, end):
        item = None if page.code[i] or BOLD_LEAD.match(page.lines[i]) else ITEM.match(page.lines[i])
        if item is None:
            break
        items.append(plain_text(item.group("text")))
    return items


def _table_components(page: Scan, section: SectionRange, offset: int) -> list[Component]:
    """Components listed as the rows of a table: first cell the name, second its role."""
    found: list[Component] = []
    rows = [i for i in range(section.start, section.end) if page.lines[i].lstrip().startswith("|")]
    for i in rows[2:] if len(rows) > 2 and set(page.lines[rows[1]]) <= set("|-: ") else []:
        cells = [c.strip() for c in page.lines[i].strip().strip("|").split("|")]
        name = plain_text(cells[0]).strip()
        if name:
            role = plain_text(cells[1]) if len(cells) > 1 else ""
            path = name if cells[0].startswith("`") else None
            found.append(Component(name, section.heading.anchor, i + offset + 1, path, role))
    return found
