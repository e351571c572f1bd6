"""Open questions: the items of a design's Open Questions sections, with their ids."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markdown.extensions.toc import unique

from mkdocs_design.model import Question
from mkdocs_design.reading.fields import items_of
from mkdocs_design.reading.text import plain_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.reading.scan import Scan, Slugify
    from mkdocs_design.reading.sections import SectionRange


_BOLD_QUESTION = re.compile(r"^\*\*(?P<question>[^*]+\?)\*\*")


_RESOLVED_TITLE = re.compile(r"\b(resolved|answered|closed|decided|decisions)\b", re.I)


def questions(
    page: Scan, sections: Sequence[SectionRange], slugify: Slugify, separator: str, offset: int
) -> tuple[Question, ...]:
    """The items of the Open Questions sections, with the ids the plugin gives them."""
    used = set(page.ids)
    # The last id given for each base id: ``unique`` then resumes its _1, _2 … chain there
    # instead of walking it from the start, so a thousand equal questions stay linear.
    last: dict[str, str] = {}
    found: list[Question] = []
    for section in (s for s in sections if s.key == "Open Questions"):
        settled = bool(_RESOLVED_TITLE.search(section.heading.text))
        for index, match, item in items_of(page, section.start, section.end):
            box = match.group("box")
            resolved = box in ("x", "X") if box else settled or item.startswith("~~")
            text = question_text(item)
            base = question_id(text, slugify, separator, len(found) + 1)
            last[base] = anchor = unique(last.get(base, base), used)
            found.append(Question(text, resolved, index + offset + 1, anchor))
    return tuple(found)


def question_text(item: str) -> str:
    """The question of an item: ``**Cache it?** No, …`` reads as ``Cache it?``."""
    lead = _BOLD_QUESTION.match(item)
    return lead.group("question").strip() if lead else item


def question_id(text: str, slugify: Slugify, separator: str, number: int) -> str:
    """The id of a question item: ``q-`` and the start of its slug, or ``q-<n>`` when empty."""
    slug = slugify(plain_text(text), separator)[:40]
    if len(slug) == 40 and separator in slug:
        slug = slug.rsplit(separator, 1)[0]
    return f"q-{slug.strip(separator) or number}"
