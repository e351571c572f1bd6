r"""Find the template placeholders a design page still holds, and mark them for the reader.

A placeholder is bracketed text the author was meant to replace:

* any bracketed text of the template itself (``[Feature Name]``, ``[Date]``), derived from the
  template at runtime and matched with whitespace folded, so that re-wrapped ones are found;
  these count inside fenced code too (the template's Data Flow diagram holds ``[User/Client]``),
  unless they hold no word (``"items": [...]`` is an author's elision) or are subscripts;
* outside code only, bracketed text that reads like an instruction or a blank, by
  :data:`HEURISTICS` and the user's own patterns.

Markdown's own brackets are never placeholders: links ``[text](url)`` and ``[text][ref]``,
shortcut references the page defines, reference and abbreviation definitions, footnotes
``[^1]``, task boxes ``[ ]``/``[x]``, wiki links ``[[Page]]``, escaped brackets ``\[TBD\]`` (the
author's way to opt out), subscripts such as ``items[0]`` (except in Mermaid, whose boxes are
``id[Label]``) and anything in inline code.
Python-Markdown's ``[TOC]`` marker is a directive, not a blank: it matches no heuristic.
Indented code blocks are code too, told from a list item's continuation text by the rules of
:mod:`.places`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, repeat
from operator import contains
from typing import TYPE_CHECKING, NamedTuple

from mkdocs_design.model import Placeholder
from mkdocs_design.reading.places import ALL_CONTAINERS, Blocks
from mkdocs_design.reading.scan import fence_blocks
from mkdocs_design.reading.text import squash
from mkdocs_design.reading.unmarkable import markup_spans, within

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

#: Bracketed text that reads like an instruction or a blank. Each is searched in the bracketed
#: text with whitespace folded and brackets included (``[TBD]``), outside code only.
HEURISTICS: tuple[str, ...] = (
    # Marker words: [TBD], [TODO: ask ops], [FIXME], [Placeholder], or TBD anywhere inside.
    r"^\[\s*(?i:tb[dca]|todo|fixme|xxx|placeholder)\s*(?:[:(\-\u2013\u2014]|\])",
    r"\b(?:TBD|TBC|TBA|TODO|FIXME)\b",
    # Instructions to the author: [Insert diagram], [Describe the flow], [Fill in].
    r"^\[(?i:insert|describe|explain|specify|provide|fill in|replace|summari[sz]e|paste)\b",
    # Weaker verbs only with a determiner, so that UI labels such as [Add Agent] stay text.
    r"^\[(?i:add|list|write|include|enter|document|link to)\s+(?i:an?|the|your|any|all|each|"
    r"some|more|relevant|details?|here)\b",
    # An example standing in for the real value: [e.g., 80% coverage].
    r"^\[(?i:e\.\s?g\.|for example\b|example:)",
    # Elided text: [...], […].
    r"^\[\s*(?:\.{2,}|…)\s*\]$",
    # Blanks: [Your Name], [Name], [Release Date], [Project Title], [Link here].
    r"^\[(?i:your)\s",
    r"^\[(?:[A-Z][\w'/-]*\s){0,2}(?:Names?|Date|Title|Owner|Authors?|Email|URL|Link|Version|"
    r"Description|Reason)\]$",
    r"\b(?i:here)\]$",
    # Numbers and dates to fill in: [X days], [N], [XX%], [~N ms], [YYYY-MM-DD].
    r"^\[[~<>≈]?\s*(?:[Xx]{1,3}|N)(?:[\s%+]|\]$)",
    r"^\[(?:YYYY|MM|DD)(?:[-/.](?:YYYY|MM|DD))+\]$",
)

# Fences as scan.py reads them (pymdownx.superfences): any indentation, since lists nest them;
# a backtick info string holds no backtick; the closing fence is the same character, at least
# as long, with nothing after it.
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})(.*)$")
# A line break inside a paragraph: the next line is not blank and starts no list item, heading
# or table row.
_WRAP = r"\n(?![ \t]*(?:$|\n|[-*+][ \t]|\d+[.)][ \t]|#|\|))"
# Innermost brackets on up to five lines, then what follows them, which tells links and
# definitions from blanks. Starting with the literal "[" (the escape test comes after it) lets
# the regex engine skip ahead to candidates: lookbehind first makes it try every position.
_BRACKET = re.compile(
    rf"\[(?<!\\\[)([^\[\]\n]*(?:{_WRAP}[^\[\]\n]*){{0,4}})\](\(|\[[^\[\]\n]*\]|:)?"
)
_CODE_BRACKET = re.compile(r"\[[^\[\]]*\]")
# Inline code: a run of backticks up to the next run of the same length, within a paragraph.
_CODE_SPAN = re.compile(rf"(`(?<!``)`*)(?!`)[^\n]*?(?:{_WRAP}[^\n]*?)*?(?<!`)\1(?!`)")
# Reference definitions as Python-Markdown reads them (a lone URL, an optional title), and
# abbreviation definitions. "[TBD]: decide later" is neither and renders as text.
_DEFINITION = re.compile(
    r" {0,3}(?:\*\[[^\]]+\]:|\[([^\]]+)\]:[ \t]*\S+(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?"
    r"[ \t]*(?:\n|$))"
)
# A bracket right after one of these is a subscript or generic (items[0], map[Name]bool,
# f()[i]). ASCII only, so that CJK prose may run into a placeholder (氏名[Name]).
_SUBSCRIPT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_])")
_TASK_BOXES = frozenset(("", "x", "X"))
# Data in brackets: list literals, indexes, numbers, footnotes, regex classes ([a-z0-9-]).
_LITERAL = re.compile(
    r"\[(?:['\"`\d\-+^\\$@#{(!]|(?:[^\w\s\]]*(?:[A-Za-z0-9]-[A-Za-z0-9]|\\.))+[^\w\s\]]*\])"
)
_WORD = re.compile(r"\w")
_LABEL = re.compile(r"\s*(?:[-*+]\s+)?\*\*([^*]+)\*\*")
_SETEXT_H1 = re.compile(r"=+\s*$")


class _Span(NamedTuple):
    """A candidate bracketed text; lines are 0-based indexes, columns 0-based offsets."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    in_code: bool


@dataclass(frozen=True, slots=True)
class PlaceholderRules:
    """What counts as a placeholder on a page.

    Attributes:
        template_texts: The template's bracketed texts, brackets included, whitespace folded
            (``[Date]``); found everywhere, fenced code included.
        patterns: Heuristic and user patterns, searched in the folded bracketed text,
            brackets included, outside code only.
        ignore: Folded bracketed texts never reported (``[sic]``).
    """

    template_texts: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    ignore: frozenset[str]

    @classmethod
    def from_template(
        cls, template: str, *, extra_patterns: Sequence[str] = (), ignore: Sequence[str] = ()
    ) -> PlaceholderRules:
        """Derive the rules from a template's text.

        The template is read as a page is, so its links and task boxes are no placeholders.
        Brackets holding data are not template texts either: in the template's
        ``enum of ['value1', 'value2']`` the list is example syntax among example content
        that is not bracketed (``Required, max 255 characters``), as are its example
        interfaces, and a custom template's ``items[0]`` or ``[a-z]+`` must not make every
        such code on the site a placeholder.

        Args:
            template: The template's Markdown.
            extra_patterns: The user's regular expressions, added to :data:`HEURISTICS`.
            ignore: Bracketed texts never to report.

        Returns:
            The rules.

        Raises:
            re.error: When a user pattern is not a valid regular expression.
        """
        spans = _scan(template.splitlines())
        texts = frozenset(squash(s.text) for s in spans if not _LITERAL.match(s.text))
        patterns = tuple(re.compile(p) for p in (*HEURISTICS, *extra_patterns))
        return cls(texts, patterns, frozenset(squash(text) for text in ignore))


def find_placeholders(
    lines: Sequence[str],
    rules: PlaceholderRules,
    *,
    first_line: int = 1,
    sections: Sequence[tuple[int, str]] = (),
    code: Sequence[bool] | None = None,
    fences: Sequence[int] | None = None,
    written: Sequence[str] | None = None,
    opens: frozenset[str] = ALL_CONTAINERS,
) -> tuple[Placeholder, ...]:
    """Find the unresolved placeholders of a page.

    Args:
        lines: The page body after front matter, without line endings.
        rules: What counts as a placeholder.
        first_line: The real file line number of ``lines[0]``.
        sections: ``(real line number, title)`` of each heading, sorted. A placeholder
            belongs to the last heading on or before its line; before the first one, to the
            bold label of its line (``**Created:** [Date]`` gives ``Created``), to ``Title``
            on the H1, else to ``""``.
        code: Which lines are fenced code, and
        fences: where each fenced block opens, when the caller has already scanned the page
            (``Scan.code`` and ``Scan.fences`` of :mod:`~mkdocs_design.reading.scan`); found
            here otherwise.
        written: The lines as written, when ``lines`` have comments blanked (``Scan.written``):
            a line's blocks (indented code) are Markdown's, which sees the comment.
        opens: The containers the site's Markdown reads (see :mod:`.places`): under an
            ``!!! note`` it does not read, an indented line is code.

    Returns:
        The placeholders in source order, each once. Single-line ones keep their text as
        written; re-wrapped ones have their whitespace folded.
    """
    starts = [number for number, _ in sections]
    found: list[Placeholder] = []
    markup: dict[int, tuple[tuple[int, int], ...]] = {}
    for span in _scan(lines, code, fences, written, opens):
        text = squash(span.text)
        if text in rules.ignore or not _is_placeholder(rules, text, in_code=span.in_code):
            continue
        line, end_line = first_line + span.line, first_line + span.end_line
        at = bisect.bisect_right(starts, line)
        section = sections[at - 1][1] if at else _preamble_label(lines, span.line)
        shown = span.text if line == end_line else text
        column, end_column = span.column + 1, span.end_column + 1
        if span.line not in markup:
            markup[span.line] = markup_spans(lines[span.line])
        inside = not span.in_code and within(markup[span.line], span.column)
        found.append(
            Placeholder(shown, line, column, section, span.in_code, end_line, end_column, inside)
        )
    return tuple(found)


def _is_placeholder(rules: PlaceholderRules, text: str, *, in_code: bool) -> bool:
    if text in rules.template_texts:
        # In code, "[...]" is an author's elision ("items": [...]), not the template's blank.
        return not in_code or _WORD.search(text) is not None
    return not in_code and any(pattern.search(text) for pattern in rules.patterns)


def _preamble_label(lines: Sequence[str], index: int) -> str:
    line = lines[index]
    if line.startswith("#") or (index + 1 < len(lines) and _SETEXT_H1.match(lines[index + 1])):
        return "Title"  # only the H1 comes before the first section heading
    label = _LABEL.match(line)
    return _label_name(label.group(1)) if label else ""


def _label_name(text: str) -> str:
    r"""``text`` without a trailing colon and spaces, keeping one character (``**Created:**``).

    What the lazy group of ``\*\*([^*]+?)\s*:?\s*\*\*`` kept, without the cubic time it took to
    give back a run of spaces.
    """
    name = text.rstrip()
    name = name[:-1].rstrip() if name.endswith(":") else name
    return name or text[:1]


def _scan(
    lines: Sequence[str],
    code: Sequence[bool] | None = None,
    fences: Sequence[int] | None = None,
    written: Sequence[str] | None = None,
    opens: frozenset[str] = ALL_CONTAINERS,
) -> list[_Span]:
    """Candidate brackets of a page: prose by Markdown's rules, code by the subscript rule."""
    # Fences are the ones scan.py finds (the rules of pymdownx.superfences), so a page's code
    # is the same code everywhere. One byte per line, 1 in fenced code.
    if code is None or fences is None:
        code, fences = fence_blocks(lines)
    flags = bytearray(code)
    # Only a line holding "[" can hold a candidate or a definition, and most lines hold none:
    # the rest of the page is never joined or searched (this runs on every page of the site).
    bracketed = list(compress(count(), map(contains, lines, repeat("["))))
    indented = _indented_code(written or lines, bracketed, flags, opens)
    for index in indented:
        flags[index] = 1
    # Definitions may come after their use, so they are all collected first.
    defined = (_DEFINITION.match(lines[i]) for i in bracketed if not flags[i] and "]:" in lines[i])
    labels = frozenset(squash(m.group(1)).casefold() for m in defined if m and m.group(1))
    spans: list[_Span] = []
    read = 0  # prose before this line has been read, as part of an earlier run
    for index in bracketed:
        if index in indented:
            spans += _code_spans(lines[index], index, diagram=False)
        elif flags[index]:
            # Mermaid writes boxes as id[Label]: no subscripts in its blocks. The block's own
            # opener: blocks can touch, so the run of fenced lines may hold several.
            opener = fences[bisect.bisect_right(fences, index) - 1]
            info = _fence_info(lines[opener])
            spans += _code_spans(lines[index], index, diagram=info.startswith("mermaid"))
        elif index >= read:
            # A run of prose is read whole, since brackets and code spans may wrap lines.
            start = flags.rfind(1, 0, index) + 1
            read = flags.find(1, index)
            read = len(lines) if read < 0 else read
            spans += _prose_spans("\n".join(lines[start:read]), start, labels)
    return spans


def _indented_code(
    lines: Sequence[str], bracketed: Sequence[int], fenced: bytearray, opens: frozenset[str]
) -> frozenset[int]:
    """The bracketed lines in indented code: four columns past their container, after a blank."""
    deep = [i for i in bracketed if not fenced[i] and lines[i].startswith(("    ", "\t"))]
    if not deep:  # most pages: no pass over their blocks
        return frozenset()
    blocks = Blocks(lines, opens)
    return frozenset(i for i in deep if blocks.place(i) is None)


@lru_cache(maxsize=1024)  # "```mermaid", "```json": the same few openers on every page
def _fence_info(opener: str) -> str:
    """The info string of a fence's opening line, lowercased (``mermaid``), or ``""``."""
    match = _FENCE.match(opener)
    return match.group(2).strip().lower() if match else ""


def _code_spans(line: str, index: int, *, diagram: bool) -> list[_Span]:
    """Candidate brackets on line ``index``, a line of fenced code."""
    return [
        _Span(index, begin, index, stop, text, True)
        for begin, stop, text in _code_brackets(line, diagram=diagram)
    ]


@lru_cache(maxsize=4096)  # code is often copied from page to page ("[API] --> [Queue]")
def _code_brackets(line: str, *, diagram: bool) -> tuple[tuple[int, int, str], ...]:
    """``(column, end column, text)`` of each candidate bracket on a line of fenced code."""
    found: list[tuple[int, int, str]] = []
    for match in _CODE_BRACKET.finditer(line):
        begin, stop = match.span()
        subscript = begin and line[begin - 1] in _SUBSCRIPT and not diagram
        if subscript or line[begin + 1 : stop - 1] == " ":
            continue
        found.append((begin, stop, match.group()))
    return tuple(found)


def _prose_spans(text: str, first: int, labels: frozenset[str]) -> Iterator[_Span]:
    # Code spans are blanked out, keeping offsets, so that no bracket is found inside them.
    masked = _CODE_SPAN.sub(lambda m: "\0" * len(m.group()), text) if "`" in text else text
    line = position = 0  # the line of `position` in `text`; matches come in order
    for match in _BRACKET.finditer(masked):
        if _is_markdown(masked, match, labels):
            continue
        begin, stop = match.start(), match.end(1) + 1
        line += text.count("\n", position, begin)
        position = begin
        column = begin - (text.rfind("\n", 0, begin) + 1)
        # A masked code span may hide a line break: only a visible one makes a wrapped span.
        if "\n" not in match.group(1):
            end_line, end_column = line, column + stop - begin
        else:
            end_line = line + text.count("\n", begin, stop)
            end_column = stop - (text.rfind("\n", 0, stop) + 1)
        yield _Span(first + line, column, first + end_line, end_column, text[begin:stop], False)


@lru_cache(maxsize=8)  # every "[x]:" of a line asks about the same line: read it once
def _defines(masked: str, start: int) -> bool:
    """Whether the line at ``start`` of ``masked`` is a reference or abbreviation definition."""
    return _DEFINITION.match(masked, start) is not None


def _is_markdown(masked: str, match: re.Match[str], labels: frozenset[str]) -> bool:
    """Tell whether brackets are Markdown syntax or data rather than a possible blank."""
    inner, follower = match.group(1), match.group(2)
    begin, stop = match.start(), match.end(1) + 1
    if follower and (follower != ":" or _defines(masked, masked.rfind("\n", 0, begin) + 1)):
        return True  # a link, an image or a definition
    if inner.strip() in _TASK_BOXES or inner.startswith("^"):
        return True  # a task box or a footnote
    before = masked[begin - 1] if begin else "\n"
    if before in _SUBSCRIPT or (before == "[" and masked[stop : stop + 1] == "]"):
        return True  # a subscript, or a [[wiki link]]
    return bool(labels) and squash(inner).casefold() in labels
