"""Whether a page is a design page, which rule says so, and which family it belongs to.

The rules, in order: front matter (``design: true`` / ``false``); a design title in any of the
vocabulary's languages (``Design: X``, ``X — Design``, ``X 设计文档``); an ADR (a numbered
decision title over Status / Context / Decision / Consequences); the template's or Kiro's
sections (three that only design pages have); a design file name (``design.md``,
``…-design.md``) over at least one of them. Ordinary documentation meets none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs_design.reading.sections import strong_key
from mkdocs_design.reading.text import GENERIC_STEMS
from mkdocs_design.reading.vocabulary import title_key

if TYPE_CHECKING:
    from mkdocs_design.reading.frontmatter import FrontMatter
    from mkdocs_design.reading.scan import Heading, Scan
    from mkdocs_design.reading.vocabulary import Vocabulary

_MIN_SECTIONS = 3
#: "ADR 003: X", "ADR-001: X", "0004 — X", "RFC 12: X".
_DECISION_TITLE = re.compile(r"^(?:(?:adr|rfc|dec)[\s-]?)?\d{1,5}\s*[:：.—–-]\s*\S", re.I)
_DESIGN_FILE = re.compile(
    r"(?:^|[-_ .])(?:design|design[-_ ]?doc|tech[-_ ]?spec|设计|設計|설계|проект|diseño|conception)"
    r"(?:[-_ .]|$)|設計書|设计文档|설계서",
    re.I,
)
_ADR_CORE = frozenset({"decision", "决策", "決策", "決定", "결정", "решение", "decisión", "decisão",
                       "entscheidung", "décision"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Detection:
    """Whether a page is a design page, and why.

    Attributes:
        rule: ``front matter``, ``title``, ``adr``, ``sections`` or ``file name``; empty
            when the page is not a design page.
        explanation: A sentence for people (``explain`` prints it).
        title: The page's level-1 heading, if any.
        sections: The template sections found that only design pages have.
        family: ``template``, ``kiro``, ``adr`` or ``spec``.
    """

    rule: str
    explanation: str
    title: Heading | None = None
    sections: tuple[str, ...] = ()
    family: str = ""

    @property
    def is_design(self) -> bool:
        """True when the page is a design page."""
        return bool(self.rule)


def detect(
    front: FrontMatter, page: Scan, vocabulary: Vocabulary, src_uri: str, *, mode: str = "auto"
) -> Detection:
    """Decide whether a page is a design page; see the module's rules."""
    h1 = next((h for h in page.headings if h.level == 1), None)
    found, markers = _sections(page, vocabulary)
    family = _family(markers, found)
    flag = front.meta.get("design")
    if flag is False:
        return Detection("", "front matter says `design: false`", h1, found)
    if flag is True:
        return Detection("front matter", "front matter says `design: true`", h1, found, family)
    if mode == "front_matter":
        message = "`detect: front_matter` is set and the page has no `design: true`"
        return Detection("", message, h1, found)
    if h1 is not None and vocabulary.title_name(h1.text) is not None:
        explanation = f"its title `{h1.text}` reads as a design title"
        return Detection("title", explanation, h1, found, family or "template")
    adr = {title_key(h.text) for h in page.headings if h.level == 2} & vocabulary.families["adr"]
    decision_title = h1 is not None and _DECISION_TITLE.match(h1.text) is not None
    if (decision_title and len(adr) >= 2) or (len(adr) >= 3 and adr & _ADR_CORE):
        listed = ", ".join(f"`## {s}`" for s in sorted(adr))
        return Detection("adr", f"it is a decision record with {listed}", h1, found, "adr")
    if len(found) + len(markers) >= _MIN_SECTIONS:
        listed = ", ".join(f"`## {s}`" for s in (*found, *markers))
        explanation = (
            f"it has {len(found) + len(markers)} sections only design pages have: {listed}"
        )
        return Detection("sections", explanation, h1, found, family or "template")
    if design := _design_section(page, vocabulary):
        listed = ", ".join(f"`### {s}`" for s in design[1:])
        explanation = f"its `## {design[0]}` section holds {listed}"
        return Detection("design section", explanation, h1, found, family or "spec")
    if found and _design_file(src_uri):
        explanation = f"its file name `{src_uri}` says design and it has `## {found[0]}`"
        return Detection("file name", explanation, h1, found, family or "spec")
    return Detection("", _near_miss(h1, found), h1, found)


def _sections(page: Scan, vocabulary: Vocabulary) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Template sections only design pages have, and family markers (``Correctness Properties``).

    ``##`` headings count, and ``###`` ones under a ``##`` that names no template section.
    """
    found: dict[str, None] = {}
    markers: dict[str, None] = {}
    parent_named = True
    for heading in page.headings:
        if heading.level == 2:
            parent_named = vocabulary.section(heading.text) is not None
        elif heading.level != 3 or parent_named:
            continue
        if (key := strong_key(heading.text, vocabulary)) is not None:
            found[key] = None
        elif title_key(heading.text) in vocabulary.families["kiro"]:
            markers[heading.text] = None
    return tuple(found), tuple(markers)


def _design_section(page: Scan, vocabulary: Vocabulary) -> tuple[str, ...]:
    """A spec's ``## Design`` section over two template sections: its title, then theirs."""
    design: str | None = None
    named: list[str] = []
    for heading in page.headings:
        if heading.level <= 2:
            if design is not None and len(named) >= 2:
                break
            design = heading.text if heading.level == 2 and title_key(heading.text) in (
                vocabulary.titles) else None  # fmt: skip
            named = []
        elif heading.level == 3 and design is not None and vocabulary.section(heading.text):
            named.append(heading.text)
    return (design, *named) if design is not None and len(named) >= 2 else ()


def _family(markers: tuple[str, ...], found: tuple[str, ...]) -> str:
    return "kiro" if markers else "template" if found else ""


def _design_file(src_uri: str) -> bool:
    """Whether a page's file name (or folder, for ``index.md``) says it is a design."""
    parts = src_uri.rsplit("/", 2)
    stem = parts[-1].rsplit(".", 1)[0]
    if stem.casefold() in GENERIC_STEMS - {"design"} and len(parts) > 1:
        stem = parts[-2]
    return _DESIGN_FILE.search(stem) is not None


def _near_miss(h1: Heading | None, found: tuple[str, ...]) -> str:
    has = " and ".join(f"`## {s}`" for s in found) if found else "no template sections"
    title = f"its title `{h1.text}` is not a design title" if h1 else "it has no level-1 title"
    need = f"{_MIN_SECTIONS} sections only design pages have are needed"
    return f"has {has} but {title}, and {need}" if found else f"has {has} and {title}"
