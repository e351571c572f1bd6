"""Small pieces of page markup, always escaped: links, the badge, banners, question anchors.

Everything that takes text from a page escapes it here, for Markdown and for HTML, so that a
title like ``<script>`` or ``[x](javascript:…)`` can only ever show as text.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from markupsafe import Markup, escape

from mkdocs_design.reading.statuses import slug

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.model import DesignDoc, Status

# Backslash escapes only for Python-Markdown's escapable characters (plus `|` from tables);
# characters that only some extensions treat as syntax become character references instead,
# which display the same with or without those extensions.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|#!])")
_REFERENCES = str.maketrans({"~": "&#126;", "=": "&#61;", "^": "&#94;", "$": "&#36;"})
# For HTML that Markdown may or may not read (the badge is both a raw HTML block on a page and
# a Jinja global a macro could put inline): character references for Markdown's syntax show
# the same either way, where backslash escapes would show in an HTML block.
_INERT = str.maketrans(
    {c: f"&#{ord(c)};" for c in "[]()*_`\\!~=^$:{}|#"}
    | {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
)
_SPACES = re.compile(r"\s+")
_ITEM_START = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)")


def md_text(value: object) -> Markup:
    """Escape any text for a Markdown page: HTML-escaped, Markdown syntax backslash-escaped."""
    if isinstance(value, Markup):
        return value
    text = _MD_SPECIAL.sub(r"\\\1", html.escape(_SPACES.sub(" ", str(value)), quote=False))
    return Markup(text.translate(_REFERENCES))


def escape_attr(value: str) -> Markup:
    """Escape a value for an HTML attribute."""
    return escape(value)


def a(url: str, text: object) -> Markup:
    """An HTML link; both parts escaped."""
    return Markup(f'<a href="{escape(url)}">{escape(text)}</a>')


def relative(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """The relative ``.md`` link from one page to another (MkDocs resolves and validates it).

    The path is percent-encoded, as MkDocs decodes it: ``c#-client.md``, ``design (v2.md``
    and ``p%20ct.md`` are files, not a fragment, a broken link or a space.
    """
    target = (
        "" if to_uri == from_uri else posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    )
    target = quote(target, safe="/")
    if ":" in target.split("/", 1)[0]:
        target = f"./{target}"  # a file named `javascript:x.md` must not read as a URL scheme
    return f"{target}#{quote(anchor, safe='')}" if anchor else target or "#"


def link(text: object, from_uri: str, to_uri: str, anchor: str = "") -> Markup:
    """A Markdown link with escaped text."""
    return Markup(f"[{md_text(text)}]({relative(from_uri, to_uri, anchor)})")


def status_class(name: str | None) -> str:
    """The CSS id of a canonical status (``in-review``), as badge and banner classes use it."""
    return slug(name) if name else "unknown"


def badge(status: Status | None) -> Markup:
    """The status badge, ``<span class="design-badge design-badge--draft" ...>``.

    The word is always visible, and without the stylesheet the badge still reads
    "Status: Draft". Unknown statuses render neutrally with the raw text. Colours come from
    the stylesheet the vocabulary generates, by class.
    """
    if status is None:
        name, text, css = "none", "not set", "none"
    elif status.canonical is None:
        name, text, css = "unknown", status.raw, "unknown"
    else:
        name, text, css = status.canonical, status.canonical, status_class(status.canonical)
    return Markup(
        f'<span class="design-badge design-badge--{escape(css)}" '
        f'data-design-status="{escape(name)}">'
        f'<span class="design-badge__label">Status: </span>{inert(text)}</span>'
    )


def inert(text: str) -> Markup:
    """Plain ``text`` for HTML, escaped so that neither a browser nor Markdown reads syntax in it.

    ``[x](javascript:…)`` inside a ``<span>`` that Markdown reads inline would become a link;
    so would ``https://…`` with ``magiclink``, and ``~~x~~``, ``==x==``, ``:smile:`` turn into
    markup with ``pymdownx`` extensions. Markup is returned as it is, as ``escape`` does.
    """
    if isinstance(text, Markup):
        return text
    return Markup(text.translate(_INERT))


def row_data(docs: Sequence[DesignDoc], anchor: str | None = None) -> Markup:
    """An empty marker in a table row carrying the statuses and team folders the filters use.

    With ``anchor``, it is also the row's link target (``id``).
    """
    # What the filters need of a design is its status and team folder: few distinct pairs,
    # so their attributes are made once per pair, not once for each of thousands of rows.
    facets = (
        ((docs[0].canonical_status, _team(docs[0].src_uri)),)
        if len(docs) == 1
        else tuple(dict.fromkeys((d.canonical_status, _team(d.src_uri)) for d in docs))
    )
    ident = f' id="{escape(anchor)}"' if anchor else ""
    return Markup(f'<span class="design-row"{ident} {_filter_attributes(facets)}></span>')


def _team(src_uri: str) -> str:
    return src_uri.split("/", 1)[0] if "/" in src_uri else "."


@lru_cache(maxsize=1 << 12)
def _filter_attributes(facets: tuple[tuple[str | None, str], ...]) -> Markup:
    ids = (slug(status) if status else "unknown" for status, _ in facets)
    statuses = " ".join(dict.fromkeys(ids))
    # Space-separated lists: a folder's own spaces (and `%`) are percent-encoded, and
    # catalog.js decodes them for display.
    folders = " ".join(dict.fromkeys(quote(team, safe="") for _, team in facets))
    return Markup(f'data-status="{escape(statuses)}" data-folder="{escape(folders)}"')


def anchor_item(line: str, anchor: str) -> str:
    """Put an empty element with ``id=anchor`` at the start of a list item's text.

    After the task box, so ``pymdownx.tasklist`` still sees ``- [ ]``; MkDocs counts ids in
    raw HTML, so links to the anchor validate.
    """
    match = _ITEM_START.match(line)
    if match is None:
        return line
    tag = f'<span class="design-question" id="{escape(anchor)}"></span>'
    return f"{match.group(1)}{tag}{line[match.end() :]}"


_BANNER_WORDS = {
    "Superseded": "This design has been **superseded**",
    "Deprecated": "This design is **deprecated**",
    "Rejected": "This design was **rejected**",
    "Draft": "This design is a **draft**: it may change before it is approved",
}


def banner(doc: DesignDoc, successor: DesignDoc | None, from_uri: str, role: str) -> str:
    """A lifecycle banner paragraph for a design whose status plays ``role``.

    A default status has its own sentence; a site's own status is named as written.
    """
    status = doc.canonical_status or ""
    words = _BANNER_WORDS.get(status) or f"This design is **{md_text(status)}**"
    if successor is not None:
        words += f" by {link(successor.title, from_uri, successor.src_uri)}"
    elif role == "Superseded":
        words += "; its status names no successor page"
    return (
        f'<span class="design-banner design-banner--{status_class(status)}" role="note">'
        f"{words}.</span>"
    )


def supersedes_line(previous: Sequence[DesignDoc], from_uri: str) -> str:
    """``Supersedes: [Old design](old.md)`` under a successor's title."""
    links = ", ".join(link(d.title, from_uri, d.src_uri) for d in previous)
    return f'<span class="design-supersedes">Supersedes: {links}.</span>'
