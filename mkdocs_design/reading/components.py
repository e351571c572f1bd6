"""Components from a design's component section, as real pages structure them.

A component is a heading at the level where the section's components live: headings that group
components ("### Frontend Layer", "### 阶段一") are walked through, a component's own
subsections ("##### State Management", "#### Files changed") belong to it, and overview headings
("### Summary Table") are neither. Without component headings, components are read from a table
(name | responsibility | …) or from ``**Name** — role`` lines. Names lose their numbering,
``Component 3:`` and trailing annotations; a file path given with them is kept apart.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from mkdocs_design.model import Component, Finding, Location, Severity
from mkdocs_design.reading import tables
from mkdocs_design.reading.component_names import component_name
from mkdocs_design.reading.leftovers import is_template_text
from mkdocs_design.reading.lists import split_list
from mkdocs_design.reading.text import BOLD_LEAD, ITEM, NUMBERING, RULE, label_of, plain_text
from mkdocs_design.reading.vocabulary import title_key

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.reading.scan import Heading, Scan
    from mkdocs_design.reading.sections import SectionRange
    from mkdocs_design.reading.vocabulary import Vocabulary

_FENCE_INFO = re.compile(r"^\s*(?:`{3,}|~{3,})\s*(?:\{\s*)?\.?(?P<lang>[\w+#.-]+)")
_DEPENDENCY_NOTE = re.compile(r"(?:(?<!\s)|(?!\s))\s+(?:\u2014|\u2013|-|:)\s+.*$")
# "**Name:** value" is a field label; "**Name** — role" and "**Name**: role" name a component.
_FIELD_LABEL = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+)?\*\*[^*]*[:：]\*\*")
_FIELDS = ("responsibility", "dependencies", "interface", "behaviours", "path", "depends on")
_TEXT_FIELDS = frozenset(("intro", "responsibility", "dependencies", "behaviours"))


def components(
    page: Scan, sections: Sequence[SectionRange], vocabulary: Vocabulary, src_uri: str, offset: int
) -> tuple[tuple[Component, ...], list[Finding]]:
    """The components of the component sections, and problems met reading them."""
    found: list[Component] = []
    starts = [h.index for h in page.headings]
    for section in (s for s in sections if s.key == "Component Structure"):
        first = bisect.bisect_left(starts, section.start)
        heads = page.headings[first : bisect.bisect_left(starts, section.end, first)]
        read = _from_headings(page, heads, section.end, vocabulary, offset)
        if not read:
            read = _from_tables(page, section, vocabulary, offset)
        if not read:
            read = _bold(page, section.heading, section.start, section.end, offset)
        found += read
    kept = [c for c in found if not is_template_text(c.name)]
    return tuple(kept), _duplicates(kept, src_uri)


def _from_headings(
    page: Scan, heads: Sequence[Heading], end: int, vocabulary: Vocabulary, offset: int
) -> list[Component]:
    """Components from the headings of a section: groups walked through, subsections kept in."""
    found: list[Component] = []
    ends = _ends(heads, end)
    last = _last_children(heads, ends)
    inside = -1  # body index up to which a component owns the headings met
    for n, head in enumerate(heads):
        if head.index < inside:
            continue
        children = heads[n + 1 : last[n]]
        kind = _kind(page, head, children, ends[n], vocabulary)
        if kind == "component":
            found.append(_component(page, head, children, ends[n], vocabulary, offset))
        elif kind == "group":
            if not children:
                found += _bold(page, head, head.index + 1, ends[n], offset)
            continue  # a group's own headings are looked at one by one
        inside = ends[n]  # a component's, an aspect's or a summary's headings are its own
    return found


def _ends(heads: Sequence[Heading], end: int) -> list[int]:
    """For each heading, where its body ends: the next heading as high, or ``end``."""
    found = [end] * len(heads)
    open_: list[int] = []
    for n, head in enumerate(heads):
        while open_ and heads[open_[-1]].level >= head.level:
            found[open_.pop()] = head.index
        open_.append(n)
    return found


def _last_children(heads: Sequence[Heading], ends: list[int]) -> list[int]:
    """For each heading, the position in ``heads`` past its last subheading."""
    starts = [h.index for h in heads]
    return [bisect.bisect_left(starts, end, n + 1) for n, end in enumerate(ends)]


def _kind(
    page: Scan, head: Heading, children: Sequence[Heading], end: int, vocabulary: Vocabulary
) -> str:
    """``component``, ``group``, ``aspect`` or ``summary`` for ``head``, over ``children``."""
    key = title_key(component_name(head.raw)[0])
    if key in vocabulary.summaries:
        return "summary"
    if key in vocabulary.aspects or vocabulary.label(head.text) in _FIELDS:
        return "aspect"
    own = children[0].index if children else end
    named = [c for c in children if _names_a_part(c, vocabulary)]
    if not children:
        if key in vocabulary.groups:
            return "group"
        if NUMBERING.match(head.raw) or _describes_itself(page, head.index + 1, end, vocabulary):
            return "component"  # one of a numbered list of components, or describes itself
        return "group" if _bold_names(page, head.index + 1, end) >= 2 else "component"
    if not named or _describes_itself(page, head.index + 1, own, vocabulary):
        return "component"
    grouped = bool(set(key.split()) & vocabulary.groups) or key in vocabulary.groups
    top = min(c.level for c in named)
    return "group" if grouped or sum(c.level == top for c in named) >= 2 else "component"


def _bold_names(page: Scan, start: int, end: int) -> int:
    """How many ``**Name** — role`` lines a heading's body holds (a list of components)."""
    return sum(
        1
        for i in range(start, end)
        if "**" in page.lines[i]
        and not page.code[i]
        and BOLD_LEAD.match(page.lines[i])
        and not _FIELD_LABEL.match(page.lines[i])
    )


def _names_a_part(head: Heading, vocabulary: Vocabulary) -> bool:
    key = title_key(component_name(head.raw)[0])
    return not (key in vocabulary.aspects or key in vocabulary.summaries)


def _describes_itself(page: Scan, start: int, end: int, vocabulary: Vocabulary) -> bool:
    """Whether a heading's own text (before its subsections) holds component fields or code."""
    for i in range(start, end):
        if page.code[i]:
            return True
        lead = label_of(page.lines[i])
        if lead is not None and vocabulary.label(lead.group("label")) in _FIELDS:
            return True
    return False


@lru_cache(maxsize=4096)  # the same few labels on every component of every page
def _field(label: str, vocabulary: Vocabulary) -> str | None:
    found = vocabulary.label(NUMBERING.sub("", label))
    return "dependencies" if found == "depends on" else found


def _component(
    page: Scan,
    head: Heading,
    inner: Sequence[Heading],
    end: int,
    vocabulary: Vocabulary,
    offset: int,
) -> Component:
    """One component: ``head`` and its body up to ``end``, ``inner`` its subheadings."""
    name, path = component_name(head.raw)
    values: dict[str, list[str]] = {field: [] for field in _TEXT_FIELDS}
    languages: list[str] = []
    current: str | None = "intro"  # a paragraph before any field says what the component does
    subheads = {h.index: h.text for h in inner}
    lines, code = page.lines, page.code
    for i in range(head.index + 1, end):
        if code[i]:  # most of a component's lines: its interface's code
            opener = current == "interface" and not code[i - 1]
            if opener and (info := _FENCE_INFO.match(lines[i])):
                languages.append(info.group("lang").casefold())
            continue
        line = lines[i]
        if i in subheads:
            current = _field(subheads[i], vocabulary)
            continue
        first = line.lstrip()[:1]
        if not first or first == "|" or (first in "-*_" and RULE.match(line)):
            continue  # blank lines, tables and rules neither label nor add to a field
        lead = label_of(line) if first in "*-+" else None
        if lead is not None:  # a label of no known field ends the field before it too
            current, value = _field(lead.group("label"), vocabulary), lead.group("value")
            if current == "path" and value:
                path = path or plain_text(value)
            elif current in values and value:
                values[current] += [value] if current == "responsibility" else split_list(value)
            continue
        if current in _TEXT_FIELDS:
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


def _take(values: dict[str, list[str]], current: str, line: str) -> None:
    """Add one body line, not blank, to the field being read (list items, or a paragraph)."""
    item = ITEM.match(line)
    if item is None:
        if current in ("intro", "responsibility") and line[:1] not in "<!":
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


def _bold(page: Scan, head: Heading, start: int, end: int, offset: int) -> list[Component]:
    """Components written as ``**Name** — purpose`` lines under ``head``.

    A list right under such a line (``- Manages wizard state``) holds its behaviours.
    """
    found: list[Component] = []
    for i in range(start, end):
        line = page.lines[i]
        if page.code[i] or line.startswith((" ", "\t")) or _FIELD_LABEL.match(line):
            continue
        if lead := BOLD_LEAD.match(line):
            name, rest = plain_text(lead.group("name")).strip(), plain_text(lead.group("rest"))
            behaviours = tuple(_items_after(page, i + 1, end))
            line_no = i + offset + 1
            found.append(Component(name, head.anchor, line_no, None, rest, (), (), behaviours))
    return found


def _items_after(page: Scan, start: int, end: int) -> list[str]:
    """The plain list items directly below a line, up to the first blank line or bold lead."""
    found: list[str] = []
    for i in range(start, end):
        line = page.lines[i]
        item = None if page.code[i] or BOLD_LEAD.match(line) else ITEM.match(line)
        if item is None:
            break
        found.append(plain_text(item.group("text")))
    return found


def _from_tables(
    page: Scan, section: SectionRange, vocabulary: Vocabulary, offset: int
) -> list[Component]:
    """Components listed as the rows of a table: name, then responsibility and dependencies."""
    found: list[Component] = []
    for table in tables.tables(page, section.start, section.end):
        columns = tables.columns(table.header, vocabulary)
        # Without a header saying which column holds the role, the second one does.
        second = 1 if len(table.header) > 1 and 1 not in columns.values() else None
        at = columns.get("responsibility", second)
        for index, row in table.rows:
            name = plain_text(row[0]).strip() if row else ""
            if not name or is_template_text(name):
                continue
            role = plain_text(row[at]) if at is not None and at < len(row) else ""
            column = columns.get("dependencies")
            deps = split_list(row[column]) if column is not None and column < len(row) else []
            path = name if row[0].startswith("`") else None
            found.append(
                Component(name, section.heading.anchor, index + offset + 1, path, role, tuple(deps))
            )
    return found


def _duplicates(found: Sequence[Component], src_uri: str) -> list[Finding]:
    first: dict[str, Component] = {}
    problems: list[Finding] = []
    for comp in found:
        key = comp.name.casefold()
        if key in first:
            message = (
                f'component "{comp.name}" is described twice on this page '
                f"(first at line {first[key].line})"
            )
            where = Location(src_uri, comp.line)
            problems.append(Finding("duplicate-component", Severity.WARNING, where, message))
        first.setdefault(key, comp)
    return problems
