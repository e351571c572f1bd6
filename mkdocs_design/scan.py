"""One pass over a page's Markdown lines: fences, headings and the ids MkDocs gives them.

Pure and cheap (a line scan, no Markdown rendering): the registry is built from the sources of
every page, so this runs on every page of the site before anything is converted.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown.extensions.toc import unique

#: ``slugify(text, separator)``, as configured for the site's ``toc`` extension.
Slugify = Callable[[str, str], str]

# Python-Markdown's own rules: a hash heading needs no space after the hashes
# (markdown/blockprocessors.py HashHeaderProcessor), and fences follow pymdownx.superfences.
_HASH = re.compile(r"^(#{1,6})(.*?)#*\s*$")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
_SETEXT = re.compile(r"^(=+|-+)[ ]*$")
_ATTR_ID = re.compile(r"\s*\{:?\s*(?:[^}]*\s)?#([\w:.-]+)[^}]*\}\s*$")
_ATTR_ANY = re.compile(r"\s*\{:?[^}]*\}\s*$")
_NEEDS_STRIP = re.compile(r"[`\[<&*_\\~=!]")
_CODE = re.compile(r"(`+)(.+?)\1")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_TAG = re.compile(r"<[^>]*>")
_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_STAR = re.compile(r"\*([^*]+)\*")
_SMART_UNDERSCORE = re.compile(r"(?<!\w)_(?!_)(.+?)(?<!_)_(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~=])")
_STASH = "\x02{}\x03"


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading as MkDocs will render it.

    Attributes:
        level: 1 to 6.
        text: Plain text of the heading (inline Markdown reduced to what a reader sees).
        raw: The heading's Markdown source text, without hashes or attribute list.
        index: 0-based index into the page body's lines.
        anchor: The id ``toc`` assigns on the rendered page.
    """

    level: int
    text: str
    raw: str
    index: int
    anchor: str


@dataclass(frozen=True, slots=True)
class Scan:
    """The result of scanning a page body.

    Attributes:
        lines: The body's lines, without line endings.
        code: For each line, whether it belongs to a fenced code block (fences included).
        headings: Headings outside code, in order.
        ids: Every heading id on the page (for making further ids unique).
    """

    lines: tuple[str, ...]
    code: tuple[bool, ...]
    headings: tuple[Heading, ...]
    ids: frozenset[str]


def plain_text(markdown: str) -> str:
    """Reduce one line of inline Markdown to the text a reader sees.

    This mirrors what ``toc`` does with a rendered heading (strip tags, unescape entities)
    closely enough for its slug: code spans keep their content, links keep their text,
    images and footnote references disappear, emphasis markers go.
    """
    if not _NEEDS_STRIP.search(markdown):
        return markdown.strip()
    spans: list[str] = []

    def stash(match: re.Match[str]) -> str:
        spans.append(match.group(match.lastindex or 1).strip() or match.group(1))
        return _STASH.format(len(spans) - 1)

    text = _ESCAPE.sub(stash, _CODE.sub(stash, markdown))
    text = _FOOTNOTE.sub("", _IMAGE.sub("", text))
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    for pattern in (_STRONG, _STAR, _SMART_UNDERSCORE):
        text = pattern.sub(lambda m: m.group(m.lastindex or 1), text)
    text = re.sub("\x02(\\d+)\x03", lambda m: spans[int(m.group(1))], text)
    return html.unescape(text).strip()


def fence_flags(lines: Sequence[str]) -> list[bool]:
    """Mark the lines that belong to fenced code blocks; an unterminated fence runs to the end."""
    flags = [False] * len(lines)
    opener: tuple[str, int] | None = None
    for i, line in enumerate(lines):
        if "`" not in line and "~" not in line:
            flags[i] = opener is not None
            continue
        match = _FENCE.match(line)
        if opener is None:
            if match and not (match.group(2)[0] == "`" and "`" in match.group(3)):
                opener = (match.group(2)[0], len(match.group(2)))
                flags[i] = True
            continue
        flags[i] = True
        if match and not match.group(3).strip():
            char, size = match.group(2)[0], len(match.group(2))
            if char == opener[0] and size >= opener[1]:
                opener = None
    return flags


def scan(lines: Sequence[str], slugify: Slugify, separator: str = "-", *, attr_list: bool = False) -> Scan:
    """Find the headings of a page body and the ids ``toc`` will give them.

    Args:
        lines: The page body's lines (after front matter).
        slugify: The site's ``toc`` slugify function.
        separator: The site's ``toc`` separator.
        attr_list: Whether the site enables ``attr_list`` (``# Title {#custom-id}``).
    """
    code = fence_flags(lines)
    used: set[str] = set()
    headings: list[Heading] = []
    for i, line in enumerate(lines):
        if code[i]:
            continue
        found = _heading_at(lines, code, i)
        if found is None:
            continue
        level, raw = found
        anchor = None
        if attr_list:
            if (attr := _ATTR_ID.search(raw)) is not None:
                anchor = attr.group(1)
            raw = _ATTR_ANY.sub("", raw)
        text = plain_text(raw)
        if anchor is None:
            anchor = unique(slugify(text, separator), used)
        else:
            used.add(anchor)
        headings.append(Heading(level, text, raw.strip(), i, anchor))
    return Scan(tuple(lines), tuple(code), tuple(headings), frozenset(used))


def _heading_at(lines: Sequence[str], code: Sequence[bool], i: int) -> tuple[int, str] | None:
    line = lines[i]
    if line.startswith("#"):
        match = _HASH.match(line)
        if match:
            return len(match.group(1)), match.group(2)
    if i + 1 < len(lines) and not code[i + 1] and _SETEXT.match(lines[i + 1]) and line.strip():
        # Python-Markdown only takes the first line of a block as a setext heading.
        if (i == 0 or not lines[i - 1].strip()) and not line.startswith((" " * 4, "\t", "|")):
            if not re.match(r"^\s*([-*+]|\d+[.)])\s", line):
                return (1 if lines[i + 1].startswith("=") else 2), line.strip()
    return None
