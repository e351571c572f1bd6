"""Where on a line a placeholder mark cannot go: the text ends up in an attribute or in code.

An inline script, style or textarea, an HTML tag on one line, a link's destination and title,
an attribute list (``{: title="…"}``), math, an abbreviation definition: a mark there would
break what the author wrote, so the placeholder is reported but left unmarked.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

#: Where a mark cannot go, because the text ends up in an attribute or in code: an inline
#: script, style or textarea, an HTML tag on one line, a link's destination and title, an
#: attribute list (``{: title="…"}``), math.
_MARKUP = re.compile(
    r"<(?i:script|style|textarea)\b[^<>\n]*>[^<\n]*</(?i:script|style|textarea)\s*>"
    r"|<[A-Za-z!/?][^<>\n]*>"
    r"|\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)"
    r"|\{[^{}\n]*\}"
    r"|\$[^$\n]+\$"
)
#: An abbreviation definition (``*[API]: Application [TBD]``): all of it becomes a title.
_ABBREVIATION = re.compile(r"[ ]{0,3}\*\[[^\]\n]*\]:")


def markup_spans(line: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` columns of each stretch of ``line`` a mark cannot go into."""
    if "*[" in line and _ABBREVIATION.match(line):
        return ((0, len(line) + 1),)
    if not any(char in line for char in "<]{$"):
        return ()
    return tuple(m.span() for m in _MARKUP.finditer(line))


def within(spans: Sequence[tuple[int, int]], column: int) -> bool:
    """Whether ``column`` falls in one of ``spans`` (sorted, as :func:`markup_spans` gives them)."""
    at = bisect.bisect_left(spans, (column, column)) - 1  # the last span starting before it
    return at >= 0 and column < spans[at][1]
