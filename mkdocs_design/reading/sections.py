"""A page cut into its sections, each matched by meaning to a section of the template.

The template's sections are read from the template shipped in the package; which headings
name them, in every language, is the vocabulary's (``Components and Interfaces``, ``组件与接口``
and ``3. Component Structure`` all name Component Structure).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from mkdocs_design.reading.template import template_text
from mkdocs_design.reading.vocabulary import title_key

if TYPE_CHECKING:
    from mkdocs_design.reading.scan import Heading, Scan
    from mkdocs_design.reading.vocabulary import Vocabulary

#: Template sections too common in ordinary documentation to count towards detection.
GENERIC = frozenset({"References", "Error Handling"})


@cache
def template_sections() -> tuple[str, ...]:
    """The template's ``##`` sections, in template order (``Architecture Overview`` …)."""
    return tuple(re.findall(r"^## (.+?)\s*$", template_text(), flags=re.MULTILINE))


class SectionRange(NamedTuple):
    """A section heading and the body lines it owns (``start`` to ``end``, exclusive).

    Attributes:
        heading: Its heading.
        key: The template section it stands for, or ``None`` for an author's own.
        start: Body index of its first line after the heading.
        end: Body index past its last line: the next heading as high as its own.
    """

    heading: Heading
    key: str | None
    start: int
    end: int


def strong_key(title: str, vocabulary: Vocabulary) -> str | None:
    """The template section a heading names in words specific enough to detect a design by."""
    key = vocabulary.section(title)
    if key is None or key in GENERIC or title_key(title) not in vocabulary.strong:
        return None
    return key


def sections_of(page: Scan, vocabulary: Vocabulary) -> list[SectionRange]:
    """The ``##`` sections, and ``###`` ones naming a template section under an unkeyed ``##``.

    A spec that puts its design under ``## Design`` names its sections one level down.
    """
    result: list[SectionRange] = []
    parent_key: str | None = None
    ends = section_ends(page)
    for n, heading in enumerate(page.headings):
        if heading.level == 2:
            key = parent_key = vocabulary.section(heading.text)
        elif heading.level != 3 or parent_key is not None:
            continue
        else:
            key = vocabulary.section(heading.text)
            if key is None:
                continue
        result.append(SectionRange(heading, key, heading.index + 1, ends[n]))
    return result


def section_ends(page: Scan) -> list[int]:
    """For each heading, the body index where its section ends: the next heading as high."""
    ends = [len(page.lines)] * len(page.headings)
    open_: list[int] = []  # headings whose end is not found yet, levels strictly rising
    for n, heading in enumerate(page.headings):
        while open_ and page.headings[open_[-1]].level >= heading.level:
            ends[open_.pop()] = heading.index
        open_.append(n)
    return ends
