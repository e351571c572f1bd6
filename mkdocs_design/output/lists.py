"""Lists written the way the template writes them, rendered as the author meant.

The template puts ``- item`` lines right under ``**Dependencies:**``. Python-Markdown, unlike
GitHub and most editors, needs a blank line before a list, so it would render the items as one
paragraph ("- Event Bus - OpenSearch"). On design pages a blank line is added in the Markdown
handed to MkDocs; the author's file is not touched.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mkdocs_design.reading.scan import fence_blocks

if TYPE_CHECKING:
    from collections.abc import Sequence

#: A list item at the left margin that may interrupt a paragraph (as GitHub reads it).
_ITEM = re.compile(r"^ {0,3}(?:[-*+]|1[.)])[ \t]+\S")
#: What a paragraph line is not: blank, a list item, a heading, a table, HTML, a quote, a
#: setext underline or a line indented as code or as a list item's continuation.
_NOT_PARAGRAPH = re.compile(r"^(?:\s*$| {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)| {0,3}[#|<>=]|\s)")


def separate_lists(lines: Sequence[str]) -> list[str]:
    """``lines`` with a blank line before each list that follows a paragraph line directly."""
    if not any(_ITEM.match(line) for line in lines):
        return list(lines)
    code = fence_blocks(lines)[0]
    found: list[str] = []
    for i, line in enumerate(lines):
        previous = lines[i - 1] if i else ""
        if (
            i
            and not code[i]
            and not code[i - 1]
            and _ITEM.match(line)
            and not _NOT_PARAGRAPH.match(previous)
        ):
            found.append("")
        found.append(line)
    return found
