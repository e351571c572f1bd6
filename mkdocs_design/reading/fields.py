"""The page's metadata and system context: status, created date, authors, dependencies.

Metadata is read where authors put it before the first section: ``**Status:** Draft`` lines (in
any language of the vocabulary, several on one line joined by ``·`` or ``|``), plain
``Status: Draft`` lines, or a two-column table; an ADR's ``## Status`` section counts too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from mkdocs_design.reading import tables
from mkdocs_design.reading.leftovers import is_template_text
from mkdocs_design.reading.lists import labelled_lists, split_list
from mkdocs_design.reading.text import label_of, plain_text

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from mkdocs_design.reading.scan import Scan
    from mkdocs_design.reading.sections import SectionRange
    from mkdocs_design.reading.vocabulary import Vocabulary

#: ``Status: Draft`` without bold: a word of one to three tokens, a colon, a value.
_PLAIN_LABEL = re.compile(
    r"^\s{0,3}(?P<label>[^\W\d_][\w ]{0,30}?)\s?[:：]\s*(?P<value>\S(?:.*\S)?)\s*$"
)
# Never from inside a run of spaces: the run's first space already tried all of it.
_LABEL_SPLIT = re.compile(r"(?:(?<!\s)|(?!\s))\s+[·|]\s+(?=\*\*)")
_DATE_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%d-%b-%Y")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_CJK_DATE = re.compile(r"(\d{4})\s*[年년.]\s*(\d{1,2})\s*[月월.]\s*(\d{1,2})\s*[日일]?")
_LEADING_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})\b")
_DATE_IN_TEXT = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2} [A-Z][a-z]+ \d{4}\b|\b[A-Z][a-z]+ \d{1,2}, \d{4}\b"
)
_CONTEXT = ("depends on", "used by", "external dependencies")


class Meta(NamedTuple):
    """A metadata value: where it is (``at``, a body index) and what it says."""

    at: int
    value: str


def preamble(page: Scan, vocabulary: Vocabulary) -> dict[str, Meta]:
    """Metadata before the first section, by field (``status``, ``created`` …); first wins."""
    first = next((h.index for h in page.headings if h.level >= 2), len(page.lines))
    found: dict[str, Meta] = {}
    for i in range(first):
        line = page.lines[i]
        if page.code[i] or not line.strip():
            continue
        for part in _LABEL_SPLIT.split(line) if "**" in line else [line]:
            part = part.lstrip("> ")  # metadata in a blockquote reads the same
            match = label_of(part) or _PLAIN_LABEL.match(part)
            if match and match.group("value") and (field := vocabulary.label(match["label"])):
                found.setdefault(field, Meta(i, match.group("value").strip()))
    for table in tables.tables(page, 0, first):  # | Status | Approved | under the title
        for index, row in [(table.at, table.header), *table.rows]:
            if len(row) == 2 and (field := vocabulary.label(plain_text(row[0]))):
                found.setdefault(field, Meta(index, row[1]))
    return found


def status_section(
    page: Scan, sections: Sequence[SectionRange], vocabulary: Vocabulary
) -> Meta | None:
    """The first line of a ``## Status`` section (ADRs write their status so)."""
    for section in sections:
        if section.heading.level == 2 and vocabulary.label(section.heading.text) == "status":
            for i in range(section.start, section.end):
                if page.lines[i].strip() and not page.code[i]:
                    return Meta(i, page.lines[i].strip().lstrip("-*+ "))
    return None


def created(
    meta: Mapping[str, Any], pre: Mapping[str, Meta], offset: int
) -> tuple[dt.date | None, str | None, int]:
    """The created date: ``(date or None, raw text or None, real line or 0)``."""
    for key in ("created", "date"):
        value = meta.get(key)
        if isinstance(value, dt.datetime):
            return value.date(), None, 0
        if isinstance(value, dt.date):
            return value, None, 0
        if isinstance(value, str) and value.strip():
            return parse_date(value), value.strip(), 0
    if "created" in pre:
        index, raw = pre["created"]
        return parse_date(raw), raw, index + offset + 1
    return None, None, 0


def parse_date(text: str) -> dt.date | None:
    """Parse the date formats authors write; ``None`` when it is not a date."""
    text = plain_text(text).strip()
    found = _ISO_DATE.fullmatch(text) or _CJK_DATE.fullmatch(text)
    if found:
        try:
            return dt.date(*map(int, found.groups()))
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    # "2025-03-01 (kick-off)": the date before the commentary.
    lead = _LEADING_DATE.match(text) or _CJK_DATE.match(text)
    return parse_date(lead.group(0)) if lead and lead.group(0) != text else None


def date_problem(text: str) -> str:
    """Why a created date is not a date, in words: the day it names does not exist, or its form."""
    said = f'created date "{text}"'
    found = _ISO_DATE.fullmatch(plain_text(text).strip())
    if found:
        year, month, day = map(int, found.groups())
        if not 1 <= month <= 12:
            return f"{said} does not exist: there is no month {month}"
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            return f"{said} does not exist: {calendar.month_name[month]} {year} has {days} days"
    return f"{said} is not a date (use YYYY-MM-DD)"


def authors(meta: Mapping[str, Any], pre: Mapping[str, Meta]) -> tuple[str, ...]:
    """Owner first, then authors, from front matter and metadata lines, without repeats."""
    names: list[str] = []
    for key in ("owner", "owners", "author", "authors"):
        value = meta.get(key)
        listed = value if isinstance(value, list) else [value] if value else []
        names += [_text(item) for item in listed if _text(item)]
    for field in ("owner", "authors"):
        if field in pre:
            names += split_list(pre[field].value)
    return tuple(dict.fromkeys(names))


def _text(value: object) -> str:
    """A front-matter value as text; nested values are not names."""
    return value.strip() if isinstance(value, str) else str(value) if isinstance(value, int) else ""


def system_context(
    page: Scan, sections: Sequence[SectionRange], pre: Mapping[str, Meta], vocabulary: Vocabulary
) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """Depends On, Used By and External Dependencies as lists, and the body index of each."""
    found: dict[str, list[str]] = {}
    where: dict[str, int] = {}
    if "dependencies" in pre:
        found["depends on"] = split_list(pre["dependencies"].value)
        where["depends on"] = pre["dependencies"].at
    for section in (s for s in sections if s.key == "System Context"):
        for index, label, values in labelled_lists(page, section.start, section.end):
            key = vocabulary.label(label)
            if key in _CONTEXT:
                found.setdefault(key, []).extend(v for v in values if not is_template_text(v))
                where.setdefault(key, index)
    return {key: tuple(dict.fromkeys(values)) for key, values in found.items()}, where


def timeline(
    page: Scan, sections: Sequence[SectionRange], offset: int
) -> tuple[tuple[dt.date, int], ...]:
    """Dates written in the Timeline Estimate section, each with its real line."""
    found: list[tuple[dt.date, int]] = []
    for section in (s for s in sections if s.key == "Timeline Estimate"):
        for i in range(section.start, section.end):
            for text in [] if page.code[i] else _DATE_IN_TEXT.findall(page.lines[i]):
                if (date := parse_date(text)) is not None:
                    found.append((date, i + offset + 1))
    return tuple(found)
