"""Whether a page is a design page, and why: front matter, its title, or template sections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs_design.reading.sections import distinctive

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.reading.frontmatter import FrontMatter
    from mkdocs_design.reading.parse import ParseRules
    from mkdocs_design.reading.scan import Heading, Scan


_DESIGN_TITLE = re.compile(
    r"^(?:technical\s+)?design(?:\s+doc(?:ument)?)?\s*[:\u2014\u2013-]\s*(?P<name>.+)$", re.I
)


# "X — Design", "X - Technical Design", "X: Design Doc"; never without the dash, since
# "How to write a design document" or "Responsive Design" name no design.
_SUFFIX_TITLE = re.compile(
    r"^(?P<name>.+?)\s+[:\u2014\u2013-]\s+(?:technical\s+)?design(?:\s+doc(?:ument)?)?$", re.I
)


# Kiro's bare "Design Document"; a plain "Design" is more often a section's index page.
_BARE_TITLE = re.compile(r"^(?:technical\s+design|design\s+doc)(?:ument)?$", re.I)


_MIN_SECTIONS = 3


@dataclass(frozen=True, slots=True)
class Detection:
    """Whether a page is a design page, and why.

    Attributes:
        reason: ``front matter``, ``title`` or ``sections``; empty when not a design page.
        explanation: A sentence for people (``explain`` prints it).
        title: The heading that made the decision, if any.
        sections: The distinctive template sections found.
    """

    reason: str
    explanation: str
    title: Heading | None = None
    sections: tuple[str, ...] = ()

    @property
    def is_design(self) -> bool:
        """True when the page is a design page."""
        return bool(self.reason)


def detect(front: FrontMatter, page: Scan, rules: ParseRules) -> Detection:
    """Decide whether a page is a design page; see the README's detection rules."""
    h1 = next((h for h in page.headings if h.level == 1), None)
    found = tuple(
        dict.fromkeys(k for h in page.headings if h.level == 2 if (k := distinctive(h.text)))
    )
    flag = front.meta.get("design")
    if flag is False:
        return Detection("", "front matter says `design: false`", h1, found)
    if flag is True:
        return Detection("front matter", "front matter says `design: true`", h1, found)
    if rules.detect == "front_matter":
        message = "`detect: front_matter` is set and the page has no `design: true`"
        return Detection("", message, h1, found)
    if h1 is not None and title_name(h1.text) is not None:
        return Detection("title", f"its title `{h1.text}` reads as a design title", h1, found)
    if len(found) >= _MIN_SECTIONS:
        listed = ", ".join(f"`## {s}`" for s in found)
        return Detection("sections", f"it has {len(found)} template sections: {listed}", h1, found)
    return Detection("", _near_miss(h1, found), h1, found)


def _near_miss(h1: Heading | None, found: Sequence[str]) -> str:
    has = " and ".join(f"`## {s}`" for s in found) if found else "no template sections"
    title = f"its title `{h1.text}` is not `Design: …`" if h1 else "it has no level-1 title"
    need = f"{_MIN_SECTIONS} template sections are needed"
    return f"has {has} but {title}, and {need}" if found else f"has {has} and {title}"


def title_name(title: str) -> str | None:
    """The name a design title gives (``Design: Auth`` → ``Auth``); ``""`` for a bare one."""
    for pattern in (_DESIGN_TITLE, _SUFFIX_TITLE):
        if match := pattern.match(title.strip()):
            return match.group("name").strip()
    return "" if _BARE_TITLE.match(title.strip()) else None
