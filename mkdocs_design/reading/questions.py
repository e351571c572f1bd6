"""Open questions: the items of a design's Open Questions sections, with their ids.

Task items are questions, at any depth: a bullet over nested ones (``- Performance`` over
``- [ ] Should we cache?``) only groups them. Without task items, the top-level items are the
questions. The template's own example questions, and empty ones, are not questions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from markdown.extensions.toc import unique

from mkdocs_design.model import Question
from mkdocs_design.reading.leftovers import is_template_text
from mkdocs_design.reading.lists import Item, items
from mkdocs_design.reading.text import plain_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.reading.scan import Scan, Slugify
    from mkdocs_design.reading.sections import SectionRange


_BOLD_QUESTION = re.compile(r"^\*\*(?P<question>[^*]+\?)\*\*")


_RESOLVED_TITLE = re.compile(
    r"\b(resolved|answered|closed|decided|decisions)\b|已解决|已決定|解決済み|해결됨|решённые|resueltas"
    r"|resolvidas|geklärt|résolues",
    re.I,
)


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
        for item in asked(items(page, section.start, section.end)):
            box = item.box
            resolved = box in ("x", "X") if box else settled or item.text.startswith("~~")
            text = question_text(item.text)
            base = question_id(text, slugify, separator, len(found) + 1)
            last[base] = anchor = unique(last.get(base, base), used)
            found.append(Question(text, resolved, item.at + offset + 1, anchor))
    return tuple(found)


def asked(found: list[Item]) -> list[Item]:
    """The items that are questions.

    Task items, at any depth, and plain items beside them (``- ~~Settled?~~ Yes``). Without
    task items, every item that asks: a bullet over others is a question when it asks one (its
    children answer it), else it groups the questions below.
    """
    indents = {item.indent for item in found if item.box is not None}
    chosen = [
        item
        for item in found
        if item.box is not None
        or (item.indent in indents and (not item.parent or "?" in item.text))
    ]
    if not chosen:
        answered = -1  # the indent of a question whose answers are being skipped
        for item in found:
            if answered >= 0 and item.indent > answered:
                continue
            answered = item.indent if item.parent and "?" in item.text else -1
            if not item.parent or answered >= 0:
                chosen.append(item)
    return [item for item in chosen if not is_template_text(question_text(item.text))]


def question_text(item: str) -> str:
    """The question of an item: ``**Cache it?** No, …`` reads as ``Cache it?``."""
    lead = _BOLD_QUESTION.match(item)
    return lead.group("question").strip() if lead else item


def question_id(text: str, slugify: Slugify, separator: str, number: int) -> str:
    """The id of a question item: ``q-`` and the start of its slug, or ``q-<n>`` when empty."""
    return f"q-{_slug(text, slugify, separator) or number}"


@lru_cache(maxsize=4096)  # the same questions recur across rebuilds and copied pages
def _slug(text: str, slugify: Slugify, separator: str) -> str:
    slug = slugify(plain_text(text), separator)[:40]
    if len(slug) == 40 and separator in slug:
        slug = slug.rsplit(separator, 1)[0]
    return slug.strip(separator)
