"""The template's section vocabulary, and how real headings map onto it.

The canonical sections are read from the template shipped in the package; the aliases are the
renames real authors make ("Monitoring and Logging", "Components and Interfaces").
:func:`sections_of` cuts a scanned page into its sections.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from mkdocs_design.reading.template import template_text
from mkdocs_design.reading.text import NUMBERING, fold

if TYPE_CHECKING:
    from mkdocs_design.reading.scan import Heading, Scan

_PAREN = re.compile(r"\s*\([^)]*\)\s*$")

#: Renames seen in real pages, as :func:`title_key` folds them, mapped to template sections.
ALIASES: dict[str, str] = {
    "architecture": "Architecture Overview",
    "high level architecture": "Architecture Overview",
    "high level design": "Architecture Overview",
    "context": "System Context",
    "integration points": "System Context",
    "components": "Component Structure",
    "components and interfaces": "Component Structure",
    "component design": "Component Structure",
    "data flow diagram": "Data Flow",
    "request flow": "Data Flow",
    "api": "API Contracts",
    "api contract": "API Contracts",
    "api endpoints": "API Contracts",
    "api design": "API Contracts",
    "data model": "Data Models",
    "database schema": "Data Models",
    "errors": "Error Handling",
    "security": "Security Considerations",
    "performance": "Performance Considerations",
    "performance and scalability": "Performance Considerations",
    "testing": "Testing Strategy",
    "test plan": "Testing Strategy",
    "test strategy": "Testing Strategy",
    "deployment": "Deployment Strategy",
    "deployment considerations": "Deployment Strategy",
    "deployment plan": "Deployment Strategy",
    "rollout plan": "Deployment Strategy",
    "monitoring": "Monitoring & Observability",
    "monitoring and logging": "Monitoring & Observability",
    "monitoring and alerting": "Monitoring & Observability",
    "observability": "Monitoring & Observability",
    "unresolved questions": "Open Questions",
    "outstanding questions": "Open Questions",
    "open issues": "Open Questions",
    "questions": "Open Questions",
    "alternatives": "Alternatives Considered",
    "alternatives rejected": "Alternatives Considered",
    "rejected alternatives": "Alternatives Considered",
    "alternative approaches": "Alternatives Considered",
    "options considered": "Alternatives Considered",
    "timeline": "Timeline Estimate",
    "schedule": "Timeline Estimate",
    "milestones": "Timeline Estimate",
    "related documents": "References",
    "see also": "References",
}

#: Template sections too common in ordinary documentation to count towards detection.
GENERIC = frozenset({"References", "Error Handling"})


def title_key(title: str) -> str:
    """A heading as section names match: numbering, a trailing parenthetical, ``&`` ignored."""
    title = _PAREN.sub("", NUMBERING.sub("", title.strip()))
    return fold(title.replace("&", " and ").replace("/", " and "))


@cache
def template_sections() -> tuple[str, ...]:
    """The template's ``##`` sections, in template order (``Architecture Overview`` …)."""
    found = re.findall(r"^## (.+?)\s*$", template_text(), flags=re.MULTILINE)
    return tuple(found)


@cache
def _exact() -> dict[str, str]:
    return {title_key(name): name for name in template_sections()}


@lru_cache(maxsize=4096)  # every design page repeats the template's section titles
def section_key(title: str, *, aliases: bool = True) -> str | None:
    """Return the template section a heading stands for, or ``None``.

    Args:
        title: The heading's plain text (``3. Data Flow``, ``Open Questions (Resolved)``).
        aliases: Also accept the renames in :data:`ALIASES`; detection counts exact names only.
    """
    folded = title_key(title)
    exact = _exact().get(folded)
    if exact is not None or not aliases:
        return exact
    return ALIASES.get(folded)


def distinctive(title: str) -> str | None:
    """The template section a heading names exactly, unless it is a generic one."""
    key = section_key(title, aliases=False)
    return None if key in GENERIC else key


class SectionRange(NamedTuple):
    """A section heading and the body lines it owns (``start`` to ``end``, exclusive)."""

    heading: Heading
    key: str | None
    start: int
    end: int
    empty: bool


def sections_of(page: Scan) -> list[SectionRange]:
    """The ``##`` sections, and ``###`` ones naming a template section under an unkeyed ``##``."""
    result: list[SectionRange] = []
    parent_key: str | None = None
    heading_lines = {h.index for h in page.headings}
    ends = _ends(page)
    for n, heading in enumerate(page.headings):
        # A ### counts only under a ## that names no section, and only when it names one.
        if heading.level == 2:
            key = parent_key = section_key(heading.text)
        elif heading.level != 3 or parent_key is not None:
            continue
        else:
            key = section_key(heading.text)
            if key is None:
                continue
        body = range(heading.index + 1, ends[n])
        empty = all(not page.lines[i].strip() or i in heading_lines for i in body)
        result.append(SectionRange(heading, key, heading.index + 1, ends[n], empty))
    return result


def _ends(page: Scan) -> list[int]:
    """For each heading, the body index where its section ends: the next heading as high."""
    ends = [len(page.lines)] * len(page.headings)
    open_: list[int] = []  # headings whose end is not found yet, levels strictly rising
    for n, heading in enumerate(page.headings):
        while open_ and page.headings[open_[-1]].level >= heading.level:
            ends[open_.pop()] = heading.index
        open_.append(n)
    return ends
