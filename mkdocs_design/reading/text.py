"""Inline Markdown as text, and the few line shapes every reader of a page shares.

Pure and cheap: these run on every heading, label and list item of every page of the site.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE, HTML_RE

#: A list item: ``- text``, ``1. text``, ``- [ ] text`` (groups ``indent``, ``box``, ``text``).
ITEM = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d+[.)])\s+(?:\[(?P<box>[ xX])\]\s+)?(?P<text>.*)$")
#: Numbering before a title: ``3.``, ``3.1``, ``B.``, ``IV.``.
NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-Za-z]\.|[IVXivx]+\.)\s+")
#: A line led by a bold name: ``**Name** — rest`` or ``- **Name**: rest``.
BOLD_LEAD = re.compile(
    r"^\s*(?:(?:[-*+]|\d+[.)])\s+)?\*\*(?P<name>[^*]+)\*\*\s*(?:[\u2014\u2013:-]\s*)?(?P<rest>.*)$"
)
# The value is greedy up to its last non-space: a lazy ``.*?`` before ``\s*$`` would try the
# end of the line at every character. Colons may be full-width (``**状态：**``) or spaced
# (``**Statut :**``, ``**Statut** :``).
_LABEL = re.compile(
    r"^\s{0,3}(?:[-*+]\s+)?\*\*(?P<label>[^*:：]+?)(?:\s?[:：]\*\*|\*\*\s*[:：])\s*"
    r"(?P<value>(?:.*\S)?)\s*$"
)
#: A thematic break (``---``, ``***``, ``___``), as Python-Markdown reads one.
# The runs are matched once, inside a lookahead, as Python-Markdown's HRProcessor does: ``-+``
# repeated can split a run of dashes in exponentially many ways before "[ ]*$" fails.
RULE = re.compile(
    r"^[ ]{0,3}(?=(?P<rule>(?:-+[ ]{0,2}){3,}|(?:_+[ ]{0,2}){3,}|(?:\*+[ ]{0,2}){3,}))"
    r"(?P=rule)[ ]*$"
)
#: The line under a table's header row.
TABLE_DELIMITER = re.compile(r"^\s*(?:\|\s*)?:?-+:?\s*(?:\|\s*:?-+:?\s*)*(?:\|\s*)?$")
# Runs of what separates words in a name: anything but letters, digits and the few symbols
# that tell names apart (C++, C#, R&D).
_SEPARATORS = re.compile(r"[^\w+#&]+|_+")
_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}-")
#: File names that name their folder's page rather than a topic.
GENERIC_STEMS = frozenset({"design", "index", "readme"})


def label_of(line: str) -> re.Match[str] | None:
    """``**Label:** value`` on ``line`` (groups ``label`` and ``value``), or ``None``."""
    return _LABEL.match(line) if "**" in line else None


@lru_cache(maxsize=1 << 16)  # the same names are folded for every page that names them
def fold(text: str) -> str:
    """The key names match by: case, markup, punctuation and spacing ignored.

    ``Event_Bus``, ``**event bus**`` and ``Event-Bus.`` all fold to ``event bus``. Letters and
    digits of every script are kept, and so are ``+``, ``#`` and ``&``: ``C Parser`` and
    ``C++ Parser``, ``API Кэш`` and ``API Шлюз`` stay apart.
    """
    return " ".join(_SEPARATORS.split(text.casefold())).strip()


def cells(row: str) -> list[str]:
    """The cells of a table row (``| a | b |``), stripped; pipes escaped or in code stay."""
    text = row.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    found, start, tick = [], 0, False
    for i, char in enumerate(text):
        if char == "`":
            tick = not tick
        elif char == "|" and not tick and (i == 0 or text[i - 1] != "\\"):
            found.append(text[start:i].strip())
            start = i + 1
    return [*found, text[start:].strip()]


def squash(text: str) -> str:
    """``text`` with every run of whitespace as one space, and none at the ends."""
    return " ".join(text.split())


def page_name(src_uri: str) -> str:
    """What a page's path calls it: its file name, or its folder's for ``design.md``.

    ``specs/company-info/design.md`` and ``2025-01-07-company_info.md`` give ``Company info``.
    """
    parts = src_uri.rsplit("/", 2)
    stem = parts[-1].rsplit(".", 1)[0]
    if stem.casefold() in GENERIC_STEMS and len(parts) > 1:
        stem = parts[-2]
    words = re.sub(r"[-_]+", " ", _DATED.sub("", stem)).strip()
    return words[:1].upper() + words[1:] if words else src_uri


_NEEDS_STRIP = re.compile(r"[`\[<&*_\\~=!]|\s\s|\t")
#: An inline code span on one line (groups: the backticks, the code).
CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# A link's destination may hold balanced parentheses: (https://…/Stripe_(company)).
_DEST = r"(?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])"
# Where a construct cannot close (a "[" with no "]" after it, "<!--" with no "-->"), every later
# start would read the same text to the same end: the last group matches such a start with what
# it read, and the substitution puts it back (r"\1" or r"\2"), so the text is read once.
_IMAGE = re.compile(rf"!\[[^\]]*\]{_DEST}|(!\[[^\]]*)")
_LINK = re.compile(rf"\[([^\]]*)\]{_DEST}|(\[[^\]]*)")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]|(\[\^[^\]]*)")
_AUTOLINK = re.compile(f"{AUTOLINK_RE}|{AUTOMAIL_RE}")
_COMMENT = re.compile(r"<!--.*?-->|(<!--.*)", re.DOTALL)
_TAG = re.compile(HTML_RE, re.DOTALL)
_NOT_STRONG = re.compile(r"(?:^|(?<=\s))(?:\*{1,3}|_{1,3})(?=\s|$)")
_STRONG = re.compile(r"\*\*(.+?)\*\*")
_SMART_STRONG = re.compile(r"(?<!\w)__(?!_)(.+?)(?<!_)__(?!\w)|((?<!\w)__(?!_).*)")
_STAR = re.compile(r"\*([^*]+)\*")
_SMART_UNDERSCORE = re.compile(r"(?<!\w)_(?!_)(.+?)(?<!_)_(?!\w)|((?<!\w)_(?!_).*)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~=])")
_STASHED = re.compile("\x02(\\d+)\x03")


@lru_cache(maxsize=16384)  # headings and labels repeat across pages: template titles
def plain_text(markdown: str, *, tags: bool = False) -> str:
    """Reduce one line of inline Markdown to the text a reader sees.

    This mirrors what ``toc`` does with a rendered heading (strip tags and comments, unescape
    entities, fold whitespace) closely enough for its slug: code spans keep their content,
    links and autolinks keep their text, images and footnote references disappear, emphasis
    markers go.

    Args:
        markdown: The Markdown.
        tags: Keep HTML tags, as text: for showing a line elsewhere, where what the author
            typed must read as typed (``Should we use <details>?``).
    """
    # Python-Markdown drops STX and ETX from the source before parsing (its own placeholder
    # delimiters, markdown/preprocessors.py); here they would also collide with the stash below.
    markdown = markdown.replace("\x02", "").replace("\x03", "")
    if not _NEEDS_STRIP.search(markdown):
        return markdown.strip()
    spans: list[str] = []

    def stash(text: str) -> str:
        spans.append(text)
        return f"\x02{len(spans) - 1}\x03"

    # Each pass only where its syntax can be: this runs for every heading, label and item.
    text = markdown
    if "`" in text:
        text = CODE_SPAN.sub(lambda m: stash(m.group(2).strip() or m.group(2)), text)
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: stash(m.group(1)), text)
    if "<" in text:
        text = _AUTOLINK.sub(lambda m: stash(_autolink_text(m)), text)
    emphasis = "*" in text or "_" in text
    if emphasis:
        text = _NOT_STRONG.sub(lambda m: stash(m.group(0)), text)
    if "[" in text:
        text = _LINK.sub(r"\1\2", _FOOTNOTE.sub(r"\1", _IMAGE.sub(r"\1", text)))
    if "<" in text and not tags:
        text = _TAG.sub("", _COMMENT.sub(r"\1", text))
    if emphasis:
        for pattern in (_STRONG, _SMART_STRONG, _STAR, _SMART_UNDERSCORE):
            text = pattern.sub(r"\1\2" if pattern.groups > 1 else r"\1", text)
    # Entities in text are unescaped; in code spans and escapes they are literal text.
    if "&" in text:
        text = html.unescape(text)
    if spans:
        text = _STASHED.sub(lambda m: spans[int(m.group(1))], text)
    return " ".join(text.split())


def _autolink_text(match: re.Match[str]) -> str:
    """The text Python-Markdown shows for ``<https://…>`` and ``<mailto:a@b.c>``."""
    url = match.group(1)
    if url is not None:
        return url
    mail = match.group(2)
    return mail[len("mailto:") :] if mail.startswith("mailto:") else mail
