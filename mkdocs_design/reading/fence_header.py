r"""Whether a line opens a fenced block as ``pymdownx.superfences`` reads it, in linear time.

Superfences matches an opening line with ``RE_NESTED_FENCE_START`` (pymdownx/superfences.py):
the fence, an optional language, then attributes ``{…}``, options ``key="value"`` or anything
else (an "unrecognized" header). Its options alternative lets a quoted value end at any later
quote, so a line of thirty ``a="b"`` and one stray ``\u3000`` takes that regex minutes. The
language it matches is regular, and is decided here in one pass with the same outcome.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"~{3,}|`{3,}")
# The language: unique where it ends (before a space, a tab or the end), or absent.
_LANG = re.compile(r"[ \t]*\.?[\w#.+-]+(?=[\t ]|$)")
_NAME = re.compile(r"[ \t]*[a-zA-Z][a-zA-Z0-9_]*")


def fence_of(line: str, start: int) -> str | None:
    """The fence a line opens at ``start`` (after its indentation), or ``None``.

    ``None`` also when superfences would read the header as unrecognized: only the fence
    character repeated, then a language, attributes or options, then spaces.
    """
    fence = _FENCE.match(line, start)
    if fence is None:
        return None
    # A shorter fence leaves a fence character first, which only an unrecognized header takes.
    header = line[fence.end() :]
    lang = _LANG.match(header)
    for rest in (header[lang.end() :], header) if lang else (header,):
        known = _header(rest)
        if known is not None:
            return fence.group() if known else None
    return None


def _header(rest: str) -> bool | None:
    """What superfences makes of what follows the fence and language, tried in its order.

    ``True``: attributes, options or nothing; ``False``: an unrecognized header; ``None``: no
    match at all (a space other than a space or tab outside braces and quotes).
    """
    bare = rest.strip(" \t")
    if (len(bare) > 1 and bare[0] == "{" and bare[-1] == "}") or _options(rest):
        return True
    if not any(char.isspace() for char in bare.replace(" ", "").replace("\t", "")):
        return bool(not bare)
    return None


def _options(text: str) -> bool:
    """Whether ``text`` is superfences options (``name``, ``name="…"``) and only that.

    Each option is followed by a space, a tab or the end, and so is the quote that may end a
    quoted value: any later quote of its kind. Once a value opens, every such quote after it
    ends an option, so one pass keeps, per quote, the earliest point a value opened, and marks
    where options end.
    """
    size = len(text)
    last = len(text.rstrip(" \t"))
    opened = {'"': size, "'": size}
    ends = bytearray(size + 1)
    for at in range(size + 1):
        if at:
            quote = text[at - 1]
            closes = quote in opened and opened[quote] < at - 1
            if not (ends[at] or (closes and (at == size or text[at] in " \t"))):
                continue
            if at == last:
                return True
        name = _NAME.match(text, at)
        if name is None:
            continue
        end = name.end()
        if text[end : end + 1] == "=" and text[end + 1 : end + 2] in opened:
            quote = text[end + 1]
            opened[quote] = min(opened[quote], end + 1)
        elif end == size or text[end] in " \t":
            ends[end] = 1
    return False
