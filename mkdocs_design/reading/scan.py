"""One pass over a page's Markdown lines: fences, headings and the ids MkDocs gives them.

Pure and cheap (a line scan, no Markdown rendering): the catalog is built from the sources of
every page, so this runs on every page of the site before anything is converted. The rules
mirror Python-Markdown 3.x (headings, ``attr_list``, ``toc``) and ``pymdownx.superfences``
(fences), and are checked against the real extensions in ``tests/test_scan.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from markdown.extensions.toc import unique

from mkdocs_design.reading.attributes import block_ids, heading_attributes
from mkdocs_design.reading.fence_header import fence_of
from mkdocs_design.reading.hidden import ANY, hide
from mkdocs_design.reading.raw import ANY as RAW
from mkdocs_design.reading.raw import raw_blocks
from mkdocs_design.reading.text import RULE, plain_text

#: ``slugify(text, separator)``, as configured for the site's ``toc`` extension.
Slugify = Callable[[str, str], str]

# HashHeaderProcessor's pattern for one line (markdown/blockprocessors.py): no space needed
# after the hashes, escaped and inner hashes kept, closing hashes dropped.
_HASH = re.compile(r"^(?P<level>#{1,6})(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*$")
_SETEXT = re.compile(r"^(?:=+|-+)[ ]*$")
_TAB = 4
# One whole-page search for the few lines worth a closer look, each line preceded by "\n": a
# literal first character lets the regex engine skip ahead, where "^" with re.M tries every
# position of the page. One search with alternatives, not one per kind, so the engine stops once
# at each line; the lookahead of every kind's first characters turns most lines away in one
# step. A line can start only one kind.
_FENCE_START = r"[ \t]*(?:`{3}|~{3})"
_CANDIDATES = re.compile(
    r"\n(?=[ \t`~#=\-{])(?:"
    rf"(?P<fence>{_FENCE_START})"
    r"|(?P<hash>#)"
    r"|(?P<setext>(?:=+|-+)[ ]*(?=\n|\Z))"
    r"|(?P<attr>[ ]*\{:?[ ]*[^}\n ][^\n]*\}[ ]*(?=\n|\Z))"
    r")"
)


class _Candidates(NamedTuple):
    """Indexes of the lines worth a closer look, by kind.

    Attributes:
        fence: Lines that may open or close a fence.
        hash: Lines starting with ``#``: hash headings, unless in code.
        setext: Lines that may underline a setext heading.
        attr: Lines shaped like an attribute list (``{: #id }``).
    """

    fence: list[int]
    hash: list[int]
    setext: list[int]
    attr: list[int]


def _candidates(text: str) -> _Candidates:
    """Sort the lines :data:`_CANDIDATES` finds by kind, in order.

    ``text`` holds every line preceded by a newline (as ``scan`` joins them). This runs on every
    page: the regex engine finds the few interesting lines instead of a Python loop over all.
    """
    found: dict[str, list[int]] = {kind: [] for kind in _Candidates._fields}
    line = pos = 0
    for match in _CANDIDATES.finditer(text):
        start = match.start()
        line += text.count("\n", pos, start)
        pos = start
        found[match.lastgroup or ""].append(line)  # every alternative is a named group
    return _Candidates(**found)


class Heading(NamedTuple):
    """A heading as MkDocs will render it.

    A named tuple rather than a frozen dataclass: a page has dozens and every page of the site
    is scanned, and a tuple is built in a third of the time.

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
    index: int  # type: ignore[assignment]  # shadows tuple.index(), which nothing here calls
    anchor: str


@dataclass(frozen=True, slots=True)
class Scan:
    """The result of scanning a page body.

    Attributes:
        lines: The body's lines, without line endings, HTML comments and the insides of
            ``<script>``, ``<style>`` and ``<textarea>`` blanked (:mod:`.hidden`), and raw
            HTML blocks too (:mod:`.raw`).
        code: For each line, whether it belongs to a fenced code block (fences included).
        headings: Headings outside code, in order.
        ids: Every heading id on the page (for making further ids unique).
        unclosed: Index of a fence opener never closed, or ``None``. Superfences then reads
            it, and every fence after it, as ordinary text.
        fences: The opening line of each fenced block, in order (see :func:`fence_blocks`).
        written: The body's lines as written when blanking changed any, else ``None``.
        prose: The lines placeholders are read from when raw HTML blocks are blanked out of
            ``lines`` (readers see their text, but no heading or list item), else ``None``.
    """

    lines: tuple[str, ...]
    code: tuple[bool, ...]
    headings: tuple[Heading, ...]
    ids: frozenset[str]
    unclosed: int | None = None
    fences: tuple[int, ...] = ()
    written: tuple[str, ...] | None = None
    prose: tuple[str, ...] | None = None


def fence_blocks(lines: Sequence[str]) -> tuple[list[bool], list[int]]:
    """Which lines belong to fenced code blocks, and the opening line of each block, in order.

    Fences are read as ``pymdownx.superfences`` reads them: a fence closes on the same fence
    string (```` ``` ```` does not close ```` ```` ````) at the opener's indentation; one that
    is never closed, or whose content is less indented than its opener, is no fence at all.
    The flags alone do not say where a block starts: one may open on the line after another
    closes, and its info string (``mermaid``) is its own.
    """
    flags, openers, _ = _fences(lines, _candidates("\n" + "\n".join(lines)).fence)
    return flags, openers


def _fences(
    lines: Sequence[str], starts: Iterable[int]
) -> tuple[list[bool], list[int], int | None]:
    """:func:`fence_blocks`, and the index of an opener still open at the end of the page.

    ``starts`` are the indexes of the lines that start with a fence, in order: only those can
    open or close one.
    """
    flags = [False] * len(lines)
    openers: list[int] = []
    candidates = iter(starts)
    resume = 0
    for i in candidates:
        if i < resume:
            continue
        opener = _opener(lines[i])
        if opener is None:
            continue
        (fence, indent), start = opener, i
        if indent:
            end, resume = _indented_close(lines, fence, indent, start)
        else:
            # At column 0 nothing can cut a fence short: only the next closing fence ends it.
            end = next((j for j in candidates if _closes(lines[j], fence)), None)
            resume = i
        if end is None:
            if resume <= start:
                return flags, openers, start  # never closed: superfences reads it as text
            continue  # cut short by a less indented line: not a fence
        flags[start : end + 1] = [True] * (end + 1 - start)
        openers.append(start)
        resume = end + 1
    return flags, openers, None


def _closes(content: str, fence: str) -> bool:
    return content.startswith(fence) and not content[len(fence) :].strip(" \t")


def _indented_close(
    lines: Sequence[str], fence: str, indent: int, start: int
) -> tuple[int | None, int]:
    """``(closing line, next line to look at)`` of an indented fence; closing ``None`` if none.

    Superfences drops an indented fence at the first non-blank line indented less than its
    opener; the next line to look at is then that one's successor. Unclosed: ``(None, start)``.
    """
    for j in range(start + 1, len(lines)):
        line = lines[j]
        if not line.strip():
            continue
        content = _dedent(line, indent)
        if content is None:
            return None, j + 1
        if _closes(content, fence):
            return j, j + 1
    return None, start


@lru_cache(maxsize=4096)  # "```json", "```python": the same few openers on every page
def _opener(line: str) -> tuple[str, int] | None:
    """``(fence, indentation)`` when ``line`` opens a fence as superfences reads it."""
    ws = len(line) - len(line.lstrip(" \t"))
    fence = fence_of(line, ws)
    return None if fence is None else (fence, len(line[:ws].expandtabs(_TAB)))


def _dedent(line: str, indent: int) -> str | None:
    """``line`` without ``indent`` columns of leading whitespace; ``None`` if it has fewer."""
    column = 0
    for n, char in enumerate(line):
        if column >= indent:
            return line[n:]
        if char not in " \t":
            return None
        column += _TAB - column % _TAB if char == "\t" else 1
    return None if column < indent else ""


def scan(
    lines: Sequence[str],
    slugify: Slugify,
    separator: str = "-",
    *,
    attr_list: bool = False,
    md_in_html: bool = False,
) -> Scan:
    """Find the headings of a page body and the ids ``toc`` will give them.

    Like ``toc``, ids set with ``{#id}`` are collected first, so a slug equal to a custom id
    gets a ``_1`` suffix even when its heading comes before the custom one.

    Args:
        lines: The page body's lines (after front matter).
        slugify: The site's ``toc`` slugify function.
        separator: The site's ``toc`` separator.
        attr_list: Whether the site enables ``attr_list`` (``# Title {#custom-id}``).
        md_in_html: Whether the site enables ``md_in_html`` (``<div markdown>`` is read).
    """
    text = "\n" + "\n".join(lines)
    candidates = _candidates(text)
    code, openers, unclosed = _fences(lines, candidates.fence)
    shown = hide(lines, code) if ANY.search(text) else None
    raw = raw_blocks(shown or lines, code, md_in_html=md_in_html) if RAW.search(text) else []
    blocks = set(raw)
    found = [
        (i, level, *_heading(source, attr_list))
        for i, level, source in _raw_headings(lines, code, candidates, blocks)
        if (shown is None or shown[i].strip()) and i not in blocks  # in a comment: none
    ]  # read from the line as written: toc's ids keep the text of an inline <script>
    written, lines = (tuple(lines) if shown else None), shown or lines
    prose = tuple(lines) if raw else None
    if raw:
        lines = list(lines)
        for i in raw:
            lines[i] = " " * len(lines[i])
    used = {ident for *_, ident in found if ident is not None}
    if attr_list and candidates.attr:
        used |= block_ids(lines, code, candidates.attr)
    headings: list[Heading] = []
    last: dict[str, str] = {}  # resume toc's _1, _2 … chain per slug: equal headings stay linear
    for i, level, text, source, ident in found:
        if ident is None:
            slug = _slug(slugify, separator, text)
            last[slug] = ident = unique(last.get(slug, slug), used)
        headings.append(Heading(level, text, source, i, ident))
    return Scan(tuple(lines), tuple(code), tuple(headings), frozenset(used), unclosed,
                tuple(openers), written, prose)  # fmt: skip


_RULE = frozenset("-*_")  # first characters of a thematic break


@lru_cache(maxsize=16384)  # template titles, and the same heading lines on many pages
def _heading(raw: str, attr_list: bool) -> tuple[str, str, str | None]:
    """``(plain text, source text, custom id)`` of a heading's source after its hashes."""
    source, ident = heading_attributes(raw, attr_list)
    return plain_text(source), source.strip(), ident


@lru_cache(maxsize=16384)
def _slug(slugify: Slugify, separator: str, text: str) -> str:
    """The site's slug of a heading; cached, as most headings repeat across design pages."""
    return slugify(text, separator)


def _raw_headings(
    lines: Sequence[str], code: Sequence[bool], candidates: _Candidates, raw: Set[int]
) -> Iterator[tuple[int, int, str]]:
    """``(index, level, source text)`` of each heading, hash or setext, outside code.

    Only lines that start with ``#`` or sit above a ``=``/``-`` underline can be headings, so
    only those are looked at: this runs on every page of the site.
    """
    above = (i - 1 for i in candidates.setext if i)
    underline = -1
    for i in sorted({*candidates.hash, *above}):
        line = lines[i]
        if i == underline or code[i] or not line.strip():
            continue
        if line[:1] == "#" and "\\" not in line and line[-1] != "#":
            # No escapes and no closing hashes: _HASH would take every hash up to six as the
            # level and the rest as the text, without the regex. Most headings take this path.
            level = min(len(line) - len(line.lstrip("#")), 6)
            yield i, level, line[level:].strip()
            continue
        match = _HASH.match(line) if line[:1] == "#" else None
        if match is not None:
            yield i, len(match.group("level")), match.group("header").strip()
        elif _block_start(lines, code, i, underline, raw) and _is_setext(lines, code, i):
            # Python-Markdown takes only the first line of a block as a setext heading, and
            # any first line, list items and table rows included.
            underline = i + 1
            yield i, 1 if lines[i + 1].startswith("=") else 2, line


def _block_start(
    lines: Sequence[str], code: Sequence[bool], i: int, underline: int, raw: Set[int]
) -> bool:
    """Whether line ``i`` starts a block: after a blank line, a heading, a break or raw HTML."""
    if i == 0 or i - 1 == underline or (i - 1 in raw and i not in raw):
        return True
    before = lines[i - 1]
    if code[i - 1]:
        return False
    if not before.strip() or (before[:1] == "#" and _HASH.match(before)):
        return True
    return before.lstrip()[:1] in _RULE and bool(RULE.match(before))


def _is_setext(lines: Sequence[str], code: Sequence[bool], i: int) -> bool:
    if i + 1 >= len(lines) or code[i + 1] or lines[i].startswith((" " * _TAB, "\t")):
        return False
    return bool(_SETEXT.match(lines[i + 1]))
