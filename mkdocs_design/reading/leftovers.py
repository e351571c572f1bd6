"""Template leftovers: what a page still holds of the template is not the author's content.

A line is content when, with its placeholders taken out, it still says something the template
does not: the template's own sentences ("How this feature integrates with the existing system:"),
its bare labels (``**Responsibility:**``) and its example code are boilerplate.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from mkdocs_design.reading.template import template_text
from mkdocs_design.reading.text import fold

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.model import Placeholder

_BRACKETED = re.compile(r"\[[^\[\]]*\]")
_WORD = re.compile(r"\w")


@cache
def boilerplate() -> frozenset[str]:
    """Every line of the template, its placeholders removed, folded; blank ones left out."""
    lines = (fold(_BRACKETED.sub("", line)) for line in template_text().split("\n"))
    return frozenset(line for line in lines if line)


@cache
def _blanks() -> frozenset[str]:
    """The template's bracketed texts, folded (``component name``, ``date``)."""
    return frozenset(fold(m.group()) for m in _BRACKETED.finditer(template_text()))


def without_blanks(text: str) -> str:
    """``text`` without the template's bracketed blanks (``[Component Name]``)."""
    if "[" not in text:
        return text
    blanks = _blanks()
    return _BRACKETED.sub(lambda m: "" if fold(m.group()) in blanks else m.group(), text)


def is_template_text(text: str) -> bool:
    """Whether a name or item is the template's, not the author's.

    It is when nothing is left once the template's blanks are taken out (``[Component Name]``,
    ``- [ ] [Question or decision that needs resolution]``), or when it is one of the
    template's sentences word for word. A short phrase the template also uses (``Output``,
    ``Database``) is the author's: it names something.
    """
    folded = fold(without_blanks(text))
    return not folded or (folded.count(" ") >= 3 and folded in boilerplate())


class Content:
    """Which body lines of a page say something of the author's own.

    A line is content when, with its placeholders taken out, it holds a word that is not the
    template's: heading lines, blank lines, placeholders and boilerplate are not.
    """

    def __init__(
        self,
        lines: Sequence[str],
        placeholders: Sequence[Placeholder],
        first_line: int,
        headings: frozenset[int],
    ) -> None:
        self._lines, self._headings = lines, headings
        self._holes: dict[int, list[tuple[int, int]]] = {}
        for p in placeholders:  # a re-wrapped one leaves a hole on each of its lines
            end_line = p.end_line or p.line
            for line in range(p.line, end_line + 1):
                start = p.column - 1 if line == p.line else 0
                stop = p.end_column - 1 if line == end_line else len(lines[line - first_line])
                self._holes.setdefault(line - first_line, []).append((start, stop))

    def within(self, start: int, end: int) -> bool:
        """Whether any of body lines ``start:end`` is content."""
        template = boilerplate()
        for i in range(start, end):
            line = self._lines[i]
            if i in self._headings or not _WORD.search(line):
                continue
            if i in self._holes:
                for begin, stop in sorted(self._holes[i], reverse=True):
                    line = line[:begin] + line[stop:] if stop > begin else line
            folded = fold(without_blanks(line))
            if folded and folded not in template:
                return True
        return False
