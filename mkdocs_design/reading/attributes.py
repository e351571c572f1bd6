"""What ``attr_list`` does to ids: ``## Title {#id}`` on headings, ``{: #id}`` after a block.

Only when the site enables ``attr_list``; read as the extension reads them, so the ids the
catalog links to are the ones on the page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

_ATTR_LINE = re.compile(r"^[ ]*\{:?[ ]*([^}\n ][^\n]*)\}[ ]*$")
# attr_list's HEADER_RE ("[ ]+\{…\}[ ]*$", searched) started only where a run of spaces starts:
# from inside one it tries every space of the run again. Same matches, whatever its version.
_HEADER_ATTRS = re.compile(r"(?<![ ])" + AttrListTreeprocessor.HEADER_RE.pattern)


def heading_attributes(raw: str, attr_list: bool) -> tuple[str, str | None]:
    """Split ``Title {#id .class}`` into the title and its custom id, as ``attr_list`` does."""
    # Only a heading ending in "}" can hold one; elsewhere each " {" would read to the end.
    match = _HEADER_ATTRS.search(raw) if attr_list and raw.rstrip(" ").endswith("}") else None
    if match is None:
        return raw, None
    attrs, remainder = get_attrs_and_remainder(match.group(1))
    if remainder:
        return raw, None
    ident = next((value for key, value in reversed(attrs) if key == "id"), None)
    return raw[: match.start()].rstrip("#").rstrip(), ident


def block_ids(lines: Sequence[str], code: Sequence[bool], starts: Iterable[int]) -> set[str]:
    """Ids given to paragraphs and lists by a ``{: #id}`` line closing their block.

    ``starts`` are the indexes of the lines shaped like an attribute list.
    """
    ids: set[str] = set()
    for i in starts:
        if not i or code[i] or not lines[i - 1].strip():
            continue
        if match := _ATTR_LINE.match(lines[i]):
            attrs, remainder = get_attrs_and_remainder(match.group(1))
            ids.update(v for k, v in attrs if k == "id" and v and not remainder)
    return ids
