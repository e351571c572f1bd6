"""A marker's options: ``name=value``, the value in double quotes, single quotes or none.

Read one at a time from where the last one ended, so that an option that cannot be read is
reported where it starts, with what is wrong with it. Pure.
"""

from __future__ import annotations

import re

# One option, matched where the last one ended (never searched): name=value, the value in double
# quotes, in single quotes, or bare (no space, quote or "=" in it).
_OPTION = re.compile(
    r"""\s*(?P<key>[^\s=]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=]+))"""
)
# What an option that _OPTION cannot read starts with, to say what is wrong with it.
_START = re.compile(r"""\s*(?P<key>[^\s="']*)\s*(?P<eq>=?)\s*(?P<quote>["']?)""")


def read_options(
    line: str, pos: int, end: int
) -> tuple[dict[str, tuple[int, str]], tuple[int, str] | None]:
    """The options written in ``line[pos:end]``, and where and why reading them stopped.

    Returns:
        ``key → (column, value)`` of each option read (0-based columns), and ``(column, why)``
        for the first that cannot be read or is given twice, else ``None``.
    """
    found: dict[str, tuple[int, str]] = {}
    while True:
        while pos < end and line[pos].isspace():
            pos += 1
        if pos == end:
            return found, None
        option = _OPTION.match(line, pos, end)
        if option is None:
            return found, (pos, _unreadable(line, pos, end))
        key = option.group("key")
        if key in found:
            return found, (pos, f"option {short(key)!r} is given twice")
        value = next(v for v in option.group("dq", "sq", "bare") if v is not None)
        found[key] = (pos, value)
        pos = option.end()


def _unreadable(line: str, pos: int, end: int) -> str:
    """Why an option cannot be read, and how to write it."""
    start = _START.match(line, pos, end)
    key = start.group("key") if start else ""
    if start and key and start.group("eq") and start.group("quote"):
        return f"the value of {short(key)!r} opens a quote ({start.group('quote')}) never closed"
    if start and key and start.group("eq"):
        return f"option {short(key)!r} has no value"
    return (
        f"cannot read {short(line[pos:end].split()[0])!r}: write options as name=value, and "
        'quote a value with spaces (status="Approved, Implemented")'
    )


def short(text: str) -> str:
    """User text quoted in a message, cut short: a marker line may be as long as a page."""
    return text if len(text) <= 60 else text[:57] + "..."
