"""List items and the values written in them: ``- a``, ``- [ ] question``, ``**Label:** a, b``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from mkdocs_design.reading.text import ITEM, label_of, plain_text

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mkdocs_design.reading.scan import Scan

_NONE = re.compile(
    r"^(?:none|n/?a|-|nothing|no dependencies|无|なし|없음|нет|ninguno|nenhum|keine|aucun)\b", re.I
)
# "None — all logic is internal, no services": the whole value says there is nothing.
_NONE_VALUE = re.compile(
    r"^(?:none|n/?a|nothing|无|なし|없음|нет)\b\s*(?:$|[\u2014\u2013(:;,.-])", re.I
)
_ENTITY_END = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*)$")
_NESTING = re.compile(r"[(\[{)\]}&]")
_SEPARATORS = re.compile(r"[,;，；、]")


class Item(NamedTuple):
    """A list item.

    Attributes:
        at: Body index of its first line.
        indent: Columns of indentation before its marker.
        box: ``" "``, ``"x"`` or ``"X"`` for a task item, else ``None``.
        text: Its text, lazy continuation lines joined with spaces.
        parent: Whether a more indented item follows it before its next sibling.
    """

    at: int
    indent: int
    box: str | None
    text: str
    parent: bool = False


def items(page: Scan, start: int, end: int) -> list[Item]:
    """Every list item in ``start:end``, nested ones included, in page order."""
    found: list[Item] = []
    i = start
    while i < end:
        match = None if page.code[i] else ITEM.match(page.lines[i])
        i += 1
        if match is None:
            continue
        text = [match.group("text").strip()]
        while i < end and _continues(page, i):
            text.append(page.lines[i].strip())
            i += 1
        indent = len(match.group("indent").expandtabs(4))
        found.append(Item(i - len(text), indent, match.group("box"), " ".join(text)))
    return [
        item._replace(parent=n + 1 < len(found) and found[n + 1].indent > item.indent)
        for n, item in enumerate(found)
    ]


def top_items(page: Scan, start: int, end: int) -> list[Item]:
    """The items of ``start:end`` at the indentation of its first item."""
    found = items(page, start, end)
    base = found[0].indent if found else 0
    return [item for item in found if item.indent <= base]


def _continues(page: Scan, i: int) -> bool:
    line = page.lines[i]
    return bool(line.strip()) and not page.code[i] and not ITEM.match(line) and line[:1] != "#"


def labelled_lists(page: Scan, start: int, end: int) -> Iterator[tuple[int, str, list[str]]]:
    """``(index, label, values)`` of ``**Label:** a, b`` lines and of labels over a list."""
    i = start
    while i < end:
        match = None if page.code[i] else label_of(page.lines[i])
        i += 1
        if not match:
            continue
        label, value = match.group("label").strip(), match.group("value")
        if value:
            yield i - 1, label, split_list(value)
            continue
        values: list[str] = []
        while i < end and (not page.lines[i].strip() or _value_item(page.lines[i])):
            if item := _value_item(page.lines[i]):
                values += split_list(item)
            i += 1
        yield i - 1, label, values


def _value_item(line: str) -> str | None:
    """The text of a list item that is a value, not another ``- **Label:** value`` line."""
    match = ITEM.match(line)
    if match is None:
        return None
    lead = label_of(line)
    return None if lead and lead.group("value") else match.group("text")


def split_list(text: str) -> list[str]:
    """Split ``a, b (x, y); c`` at top-level commas and semicolons; "None" yields nothing."""
    if _NONE_VALUE.match(plain_text(text)):
        return []
    if not _SEPARATORS.search(text):
        parts = [text]
    elif not _NESTING.search(text):
        parts = _SEPARATORS.split(text)  # no brackets or entities: every separator counts
    else:
        parts = _split_nested(text)
    found = [plain_text(p).strip().rstrip(".") for p in parts]
    return [item for item in found if item and not _NONE.match(item)]


def _entity_ends(text: str, amp: int, end: int) -> bool:
    """Whether a character reference starts at ``amp`` (``-1``: none) and ends at ``end``."""
    return amp >= 0 and _ENTITY_END.match(text, amp, end) is not None


def _split_nested(text: str) -> list[str]:
    """Split at top-level separators, skipping those inside brackets and entity ends."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, char in enumerate(text):
        depth += (char in "([{") - (char in ")]}")
        # The `;` that ends a character reference (`AT&amp;T`) separates nothing. Only the last
        # "&" can start it: searching from `start` would read the same entities again each time.
        separates = char in ",;，；、" and depth <= 0
        if separates and not (char == ";" and _entity_ends(text, text.rfind("&", start, i), i)):
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts
