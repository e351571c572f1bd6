"""Read the template's fields out of a scanned page: metadata, context, questions, alternatives.

Pure helpers for :mod:`~mkdocs_design.reading.parse`. Each takes the
:class:`~mkdocs_design.reading.scan.Scan` of a page body and returns model values with real
file lines (``offset`` is the number of front-matter lines before the body).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from mkdocs_design.reading.text import ITEM, label_of, plain_text

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from mkdocs_design.reading.scan import Scan
    from mkdocs_design.reading.sections import SectionRange

_PLAIN_LABEL = re.compile(
    r"^(?P<label>status|created|date|authors?|owners?)\s*:\s*(?P<value>.+?)\s*$", re.I
)
_NONE = re.compile(r"^(?:none|n/?a|-|nothing|no dependencies)\b", re.I)
# "None — all logic is internal, no services": the whole value says there is nothing.
_NONE_VALUE = re.compile(r"^(?:none|n/?a|nothing)\b\s*(?:$|[\u2014\u2013(:;,.-])", re.I)
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d-%b-%Y",
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTEXT_KEYS = ("depends on", "used by", "external dependencies")
_DATE_IN_TEXT = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2} [A-Z][a-z]+ \d{4}\b|\b[A-Z][a-z]+ \d{1,2}, \d{4}\b"
)


def label_at(page: Scan, i: int) -> re.Match[str] | None:
    """The label on body line ``i`` (:func:`label_of`); lines of fenced code have none."""
    return None if page.code[i] else label_of(page.lines[i])


def preamble(page: Scan) -> dict[str, tuple[int, str]]:
    """Metadata lines before the first section: folded label → (body index, value)."""
    first = next((h.index for h in page.headings if h.level >= 2), len(page.lines))
    found: dict[str, tuple[int, str]] = {}
    for i in range(first):
        if page.code[i]:
            continue
        match = label_of(page.lines[i]) or _PLAIN_LABEL.match(page.lines[i])
        if match and match.group("value"):
            key = match.group("label").strip().rstrip(":").casefold()
            found.setdefault(key, (i, match.group("value").strip()))
    return found


def created(
    meta: Mapping[str, Any], pre: Mapping[str, tuple[int, str]], offset: int
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
    for key in ("created", "date", "created on", "created at"):
        if key in pre:
            index, raw = pre[key]
            return parse_date(raw), raw, index + offset + 1
    return None, None, 0


def parse_date(text: str) -> dt.date | None:
    """Parse the date formats authors write; ``None`` when it is not a date."""
    text = plain_text(text).strip()
    if _ISO_DATE.fullmatch(text):
        # The usual case, without strptime; 2025-13-01 falls through to fail there.
        try:
            return dt.date(int(text[:4]), int(text[5:7]), int(text[8:]))
        except ValueError:
            pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    # "2025-03-01 (kick-off)": the date before the commentary. Only a shorter text recurses,
    # so "2025-13-01" ends as no date instead of recursing forever.
    match = re.match(r"^(\d{4}-\d{2}-\d{2})\b", text)
    if match and match.group(1) != text:
        return parse_date(match.group(1))
    return None


def authors(meta: Mapping[str, Any], pre: Mapping[str, tuple[int, str]]) -> tuple[str, ...]:
    """Owner first, then authors, from front matter and metadata lines, without repeats."""
    names: list[str] = []
    for key in ("owner", "owners", "author", "authors"):
        value = meta.get(key)
        items = value if isinstance(value, list) else [value] if value else []
        names += [str(item).strip() for item in items if str(item).strip()]
        if key in pre:
            names += split_list(pre[key][1])
    return tuple(dict.fromkeys(names))


_ENTITY_END = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*)$")


def split_list(text: str) -> list[str]:
    """Split ``a, b (x, y); c`` at top-level commas and semicolons; "None" yields nothing."""
    if _NONE_VALUE.match(plain_text(text)):
        return []
    if "," not in text and ";" not in text:
        parts = [text]
    elif not _NESTING.search(text):
        parts = _SEPARATORS.split(text)  # no brackets or entities: every separator counts
    else:
        parts = _split_nested(text)
    items = [plain_text(p).strip().rstrip(".") for p in parts]
    return [item for item in items if item and not _NONE.match(item)]


_NESTING = re.compile(r"[(\[{)\]}&]")
_SEPARATORS = re.compile(r"[,;]")


def _split_nested(text: str) -> list[str]:
    """Split at top-level separators, skipping those inside brackets and entity ends."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, char in enumerate(text):
        depth += (char in "([{") - (char in ")]}")
        # The `;` that ends a character reference (`AT&amp;T`) separates nothing.
        if char in ",;" and depth <= 0 and not (char == ";" and _ENTITY_END.search(text, start, i)):
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def system_context(
    page: Scan, sections: Sequence[SectionRange], pre: Mapping[str, tuple[int, str]]
) -> dict[str, tuple[str, ...]]:
    """Depends On, Used By and External Dependencies as lists (folded labels as keys)."""
    found: dict[str, list[str]] = {}
    if "dependencies" in pre:
        found["depends on"] = split_list(pre["dependencies"][1])
    for section in (s for s in sections if s.key == "System Context"):
        for label, values in labelled_lists(page, section.start, section.end):
            key = label.casefold()
            if key in _CONTEXT_KEYS:
                found.setdefault(key, []).extend(values)
    return {key: tuple(dict.fromkeys(values)) for key, values in found.items()}


def context_lines(
    page: Scan, sections: Sequence[SectionRange], pre: Mapping[str, tuple[int, str]], offset: int
) -> dict[str, int]:
    """The real line of each System Context list (folded labels as keys), for findings."""
    found: dict[str, int] = {}
    if "dependencies" in pre:
        found["depends on"] = pre["dependencies"][0] + offset + 1
    for section in (s for s in sections if s.key == "System Context"):
        for i in range(section.start, section.end):
            match = label_at(page, i)
            key = match.group("label").strip().rstrip(":").casefold() if match else ""
            if key in _CONTEXT_KEYS:
                found.setdefault(key, i + offset + 1)
    return found


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


def labelled_lists(page: Scan, start: int, end: int) -> Iterator[tuple[str, list[str]]]:
    """Yield ``(label, values)`` for ``**Label:** a, b`` lines and labels followed by a list."""
    i = start
    while i < end:
        match = label_at(page, i)
        i += 1
        if not match:
            continue
        label, value = match.group("label").strip().rstrip(":"), match.group("value")
        if value:
            yield label, split_list(value)
            continue
        values: list[str] = []
        while i < end and (not page.lines[i].strip() or _sub_item(page.lines[i])):
            if item := _sub_item(page.lines[i]):
                values += split_list(item)
            i += 1
        yield label, values


def _sub_item(line: str) -> str | None:
    """The text of a list item that is a value, not another ``- **Label:** value`` line."""
    match = ITEM.match(line)
    if match is None:
        return None
    lead = label_of(line)
    return None if lead and lead.group("value") else match.group("text")


def items_of(page: Scan, start: int, end: int) -> Iterator[tuple[int, re.Match[str], str]]:
    """Top-level list items in ``start:end``: ``(index, match, text with lazy continuation)``."""
    base: int | None = None
    i = start
    while i < end:
        match = None if page.code[i] else ITEM.match(page.lines[i])
        i += 1
        if match is None:
            continue
        indent = len(match.group("indent").expandtabs(4))
        base = indent if base is None else base
        if indent > base:
            continue
        text = [match.group("text").strip()]
        while i < end and _is_continuation(page, i):
            text.append(page.lines[i].strip())
            i += 1
        yield i - len(text), match, " ".join(text)


def _is_continuation(page: Scan, i: int) -> bool:
    line = page.lines[i]
    return (
        bool(line.strip())
        and not page.code[i]
        and not ITEM.match(line)
        and not line.startswith("#")
    )
