"""Components from a design's Component Structure section.

Authors describe components as headings (``#### 1. Name``, ``### 3.1 Name``, ``### Name
(`path/file.go`)``) with ``**Responsibility:**``/``**Dependencies:**``/``**Public Interface:**``/
``**Key Behaviors:**`` fields, as bold-name paragraphs under "Component Responsibilities", or as
the rows of a table. All three read into the same :class:`~mkdocs_design.model.Component`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mkdocs_design.fields import (
    _BOLD_LEAD,
    _FILE_PREFIX,
    _GROUP_TITLES,
    _ITEM,
    _LABEL,
    _NUMBER,
    _PATH_SUFFIX,
    FIELD_NAMES,
    SectionRange,
    split_list,
)
from mkdocs_design.model import Component, Finding, Location, Severity
from mkdocs_design.scan import Heading, Scan, plain_text

_FENCE_INFO = re.compile(r"^\s*(?:`{3,}|~{3,})\s*\{?\s*\.?(?P<lang>[\w+#.-]+)")
_DEPENDENCY_NOTE = re.compile(r"\s+(?:\u2014|\u2013|-|:)\s+.*$")


def components(
    page: Scan, sections: Sequence[SectionRange], src_uri: str, offset: int
) -> tuple[tuple[Component, ...], list[Finding]]:
    """The components of the Component Structure sections, and problems met reading them."""
    found: list[Component] = []
    for section in (s for s in sections if s.key == "Component Structure"):
        heads = [h for h in page.headings if section.start <= h.index < section.end]
        for n, head in enumerate(heads):
            end = heads[n + 1].index if n + 1 < len(heads) else section.end
            if n + 1 < len(heads) and heads[n + 1].level > head.level:
                continue  # a grouping heading such as "### Components"
            if _GROUP_TITLES.match(head.text) or "responsibilit" in head.text.casefold():
                found += _bold_components(page, head, head.index + 1, end, offset)
            else:
                found.append(_component(page, head, end, offset))
        if not heads:
            found += _bold_components(page, section.heading, section.start, section.end, offset)
            found += _table_components(page, section, offset)
    return tuple(found), _duplicates(found, src_uri)


def _duplicates(found: Sequence[Component], src_uri: str) -> list[Finding]:
    first: dict[str, Component] = {}
    problems: list[Finding] = []
    for comp in found:
        key = comp.name.casefold()
        if key in first:
            message = f'component "{comp.name}" is described twice on this page (first at line {first[key].line})'
            problems.append(Finding("duplicate-component", Severity.WARNING, Location(src_uri, comp.line), message))
        first.setdefault(key, comp)
    return problems


def component_name(title: str) -> tuple[str, str | None]:
    """Split a component heading into its name and an optional file path.

    ``1. Agent Handler (`handlers/agent.go`)`` gives ``("Agent Handler", "handlers/agent.go")``,
    ``3.1 File: `auth/permissions.go` `` gives ``("auth/permissions.go", "auth/permissions.go")``.
    """
    raw = _NUMBER.sub("", title.strip())
    path = None
    if match := _PATH_SUFFIX.search(raw):
        path, raw = match.group(1), raw[: match.start()]
    raw = _FILE_PREFIX.sub("", raw)
    name = plain_text(raw).strip()
    if re.fullmatch(r"`[^`]+`", raw.strip()):
        path = path or name
    return name or (path or title.strip()), path


def _component(page: Scan, head: Heading, end: int, offset: int) -> Component:
    name, path = component_name(head.raw)
    values: dict[str, list[str]] = {"responsibility": [], "dependencies": [], "behaviours": []}
    languages: list[str] = []
    current = None
    for i in range(head.index + 1, end):
        line = page.lines[i]
        if page.code[i]:
            info = _FENCE_INFO.match(line) if not (i and page.code[i - 1]) else None
            if current == "interface" and info:
                languages.append(info.group("lang").casefold())
            continue
        label = _LABEL.match(line)
        if label:
            current = FIELD_NAMES.get(label.group("label").strip().casefold())
            value = label.group("value")
            if current == "path" and value:
                path = path or plain_text(value)
            elif current in values and value:
                values[current] += [value] if current == "responsibility" else split_list(value)
            continue
        _take(values, current, line)
    return Component(
        name=name,
        anchor=head.anchor,
        line=head.index + offset + 1,
        path=path,
        responsibility=plain_text(" ".join(values["responsibility"])),
        dependencies=tuple(dict.fromkeys(values["dependencies"])),
        languages=tuple(dict.fromkeys(languages)),
        behaviours=tuple(values["behaviours"]),
    )


def _take(values: dict[str, list[str]], current: str | None, line: str) -> None:
    """Add one body line to the field being read (list items, or a paragraph of text)."""
    item = _ITEM.match(line)
    if current == "dependencies" and item:
        values[current] += [d for d in (_dependency(item.group("text")),) if d]
    elif current == "behaviours" and item:
        values[current].append(plain_text(item.group("text")))
    elif current == "responsibility" and line.strip() and not item:
        values[current].append(line.strip())


def _dependency(text: str) -> str:
    """The name part of a dependency item (``Event Bus — for fan-out`` → ``Event Bus``)."""
    found = split_list(_DEPENDENCY_NOTE.sub("", text))
    return found[0] if len(found) == 1 else ", ".join(found)


def _bold_components(page: Scan, head: Heading, start: int, end: int, offset: int) -> list[Component]:
    """Components written as ``**Name** — purpose`` paragraphs or items, under ``head``."""
    found: list[Component] = []
    for i in range(start, end):
        if page.code[i] or _LABEL.match(page.lines[i]):
            continue
        lead = _BOLD_LEAD.match(page.lines[i])
        if lead and not page.lines[i].startswith((" ", "\t")):
            name = plain_text(lead.group("name")).strip()
            rest = plain_text(lead.group("rest"))
            found.append(Component(name, head.anchor, i + offset + 1, responsibility=rest))
    return found


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
