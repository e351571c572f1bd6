"""Marker comments that place catalog views inside authors' own pages.

``<!-- design/overview -->``, ``<!-- design/components folder=payments -->`` and
``<!-- design/questions status='Approved, Implemented' -->`` are replaced by the view, filtered
to a team folder and/or statuses. A marker stands on a line of its own (other markers may stand
beside it), at the top of the page or inside an admonition, a content tab, a list item or a
blockquote, and its view goes there (see :mod:`.reading.places`). Markers in code are left
alone; any other marker that cannot be read or placed is a finding naming its line and column,
never a comment left silently. Pure: the caller renders.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from mkdocs_design.model import DesignDoc, Finding, Location, Severity
from mkdocs_design.output.options import read_options, short
from mkdocs_design.reading.hidden import covered
from mkdocs_design.reading.places import ALL_CONTAINERS, Blocks, width
from mkdocs_design.reading.scan import fence_blocks

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from mkdocs_design.catalog.catalog import Catalog, ComponentEntry
    from mkdocs_design.reading.statuses import StatusTable

VIEWS = ("overview", "components", "questions", "graph", "neighbourhood")
FILTERS = ("folder", "status")
_KEYS = ", ".join(FILTERS)
#: A marker's start, however it is spaced and cased: a page without one holds no marker.
_MENTION = re.compile(r"<!--\s*design/", re.IGNORECASE)
_VIEW = re.compile(r"\s*design/(?P<view>\S*)", re.IGNORECASE)
_TICKS = re.compile("`+")
#: The raw HTML lines of a view: its blocks' placeholders (``views.Fragments``), its filter bar.
_SLOT, _FILTER = '<div class="design-fragment" ', '<div class="design-filter" '
_END = "<!-- end of the view -->"


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker comment found on a page.

    Attributes:
        view: ``overview``, ``components``, ``questions``, ``graph`` or ``neighbourhood``.
        filters: ``folder`` and/or ``status`` values as written.
        index: 0-based index of its line in the Markdown it was found in.
        prefix: What stands before it on its line (indentation, ``>``): its view's lines get it.
    """

    view: str
    filters: dict[str, str]
    index: int
    prefix: str = ""


@dataclass(frozen=True, slots=True)
class Known:
    """What the values of markers' filters are checked against.

    Attributes:
        statuses: The site's status vocabulary.
        folders: Every folder of ``docs_dir`` that holds a page (``team``, ``team/api``).
    """

    statuses: StatusTable
    folders: frozenset[str]

    @classmethod
    def of(cls, statuses: StatusTable, pages: Iterable[str]) -> Known:
        """The statuses, and the folders of ``pages`` (``src_uri`` values)."""
        folders = {uri[:n] for uri in pages for n, char in enumerate(uri) if char == "/"}
        return cls(statuses, frozenset(folders))


class _Comment(NamedTuple):
    """An HTML comment on a line: its columns (``end`` -1 if not closed there), its view."""

    start: int
    end: int
    view: re.Match[str] | None


def holds_markers(text: str) -> bool:
    """Whether ``text`` may hold a marker: the cheap test before :func:`find_markers`."""
    return _MENTION.search(text) is not None


def find_markers(
    lines: Sequence[str],
    src_uri: str,
    offset: int = 0,
    *,
    known: Known | None = None,
    opens: frozenset[str] = ALL_CONTAINERS,
) -> tuple[list[Marker], list[Finding]]:
    """Markers outside code, and a finding for each one that cannot be read or placed.

    Args:
        lines: The page's lines.
        src_uri: The page.
        offset: Real file line of ``lines[0]``, minus one.
        known: The site's statuses and folders, which filter values are checked against; not
            checked without.
        opens: The containers the site's Markdown reads (see :mod:`.reading.places`).
    """
    markers: list[Marker] = []
    problems: list[Finding] = []
    blocks: Blocks | None = None
    hidden: frozenset[int] = frozenset()
    for i, line in enumerate(lines):
        if "<!--" not in line or not _MENTION.search(line):
            continue
        comments = _comments(line)
        if not any(c.view for c in comments):
            continue
        if blocks is None:
            blocks, hidden = Blocks(lines, opens), covered(lines, fence_blocks(lines)[0])
        if i in hidden:  # inside a comment or a script: commented out, not a marker
            continue
        place = blocks.place(i)
        if place is None:  # in code: shown as written
            continue
        found = _line(line, comments, place, known)
        markers += [
            Marker(view, filters, i, line[: comments[0].start]) for view, filters in found[0]
        ]
        problems += [
            Finding("marker", Severity.WARNING, Location(src_uri, i + offset + 1, at + 1), why)
            for at, why in found[1]
        ]
    return markers, problems


def replace_markers(
    lines: Sequence[str], markers: Sequence[Marker], render: Callable[[Marker], str]
) -> str:
    """The Markdown with each marker line replaced by its views, in the marker's container.

    Every line put in starts as the marker's line did (indentation, ``>``), so the admonition,
    list item or blockquote around it holds the whole view; markers sharing a line give their
    views in turn.
    """
    if not markers:
        return "\n".join(lines)  # most pages: no copy of their lines
    out = list(lines)
    views: dict[int, list[str]] = {}
    for marker in markers:
        views.setdefault(marker.index, []).extend(_placed(render(marker), marker.prefix))
    for index, body in views.items():
        out[index] = "\n".join(body)
    return "\n".join(out)


def _placed(view: str, prefix: str) -> list[str]:
    """A view's lines as they go in place of a marker: each after the marker's own prefix.

    Inside a container Python-Markdown reads raw HTML as inline HTML: a paragraph of one
    block-level tag stays out of a ``<p>``, one of two tags (``<div></div>``) does not. There a
    block's placeholder is written as one tag (which ``Fragments.fill`` reads too), followed by a
    comment so that the fill cannot take the container's own ``</div>`` for the placeholder's;
    the filter bar, an empty ``<div>`` that only the generated pages' script fills, is left out.
    """
    blank = prefix.rstrip()
    inline = bool(blank) or width(prefix) >= 4
    lines = [blank]
    for text in view.strip("\n").split("\n"):
        if inline and text.startswith(_FILTER):
            continue
        if inline and text.startswith(_SLOT) and text.endswith("></div>"):
            text = text.removesuffix("></div>") + " />"
        lines.append(prefix + text if text.strip() else blank)
    # A blank line, not a bare ">": Python-Markdown would keep the quote's last paragraph
    # open to it, and wrap the comment in a <p>; the quote lines after it join this quote.
    return [*lines, *([blank, prefix + _END] if inline else []), ""]


def select_docs(catalog: Catalog, filters: dict[str, str]) -> list[DesignDoc]:
    """The designs a marker's filters select, in catalog order.

    A status is read as the site reads a page's, aliases and all; one it does not know selects
    nothing (and :func:`find_markers` reports it).
    """
    folder = filters.get("folder", "").strip("/")
    statuses = catalog.statuses
    wanted = {statuses.resolve(s) or s for s in filters.get("status", "").split(",") if s.strip()}
    return [
        doc
        for doc in catalog.docs
        if (not folder or doc.src_uri.startswith(folder + "/"))
        and (not wanted or doc.canonical_status in wanted)
    ]


def select_components(catalog: Catalog, docs: Sequence[DesignDoc]) -> list[ComponentEntry]:
    """Index entries with at least one source among ``docs``."""
    chosen = {doc.src_uri for doc in docs}
    if chosen.issuperset(catalog.by_uri):
        return list(catalog.components)  # all of them (every entry has a source)
    return [e for e in catalog.components if any(d.src_uri in chosen for d, _ in e.sources)]


def _comments(line: str) -> list[_Comment]:
    """Every HTML comment that starts on ``line``, with its view if it is a marker."""
    found: list[_Comment] = []
    start = line.find("<!--")
    while start >= 0:
        end = line.find("-->", start + 4)
        view = _VIEW.match(line, start + 4, end if end >= 0 else len(line))
        found.append(_Comment(start, end + 3 if end >= 0 else -1, view))
        start = line.find("<!--", end + 3) if end >= 0 else -1
    return found


def _line(
    line: str, comments: list[_Comment], place: str, known: Known | None
) -> tuple[list[tuple[str, dict[str, str]]], list[tuple[int, str]]]:
    """The markers of one line as ``(view, filters)``, and problems as ``(column, message)``."""
    marks = [c for c in comments if c.view]
    if not _alone(line, comments):
        spans = _code_spans(line)
        marks = [c for c in marks if not any(a <= c.start < b for a, b in spans)]
        if not marks:
            return [], []
        first = marks[0]
        why = (
            "is not closed on its line: write it whole on one line"
            if first.end < 0
            else "must stand on a line of its own (only other markers may stand beside it)"
        )
        return [], [(first.start, f"{_name(first)} {why}; it is left as a comment")]
    if place:
        return [], [(marks[0].start, f"{_name(marks[0])} cannot be placed here: {place}")]
    found: list[tuple[str, dict[str, str]]] = []
    problems: list[tuple[int, str]] = []
    for comment in marks:
        filters, wrong = _read(line, comment, known)
        found += [(_view(comment), filters)] if filters is not None else []
        problems += wrong
    return found, problems


def _alone(line: str, comments: list[_Comment]) -> bool:
    """Whether a line holds markers only, after indentation and blockquote ``>``."""
    if line[: comments[0].start].strip(" \t>"):
        return False
    ends = [c.start for c in comments[1:]] + [len(line)]
    return all(
        c.view and c.end >= 0 and not line[c.end : e].strip()
        for c, e in zip(comments, ends, strict=True)
    )


def _read(
    line: str, comment: _Comment, known: Known | None
) -> tuple[dict[str, str] | None, list[tuple[int, str]]]:
    """A marker's filters (``None`` when it cannot be rendered), and what is wrong with it."""
    view, name, at = _view(comment), _name(comment), comment.start
    if view not in VIEWS:
        hint = _hint(view, VIEWS, '"design/{}"')
        known_views = ", ".join(f"design/{v}" for v in VIEWS)
        return None, [(at, f"unknown {name}{hint}; known: {known_views}")]
    options, wrong = read_options(line, comment.view.end() if comment.view else at, comment.end - 3)
    if wrong is not None:
        return None, [(wrong[0], f"{name}: {wrong[1]}")]
    if view == "neighbourhood" and options:
        column = min(c for c, _ in options.values())
        return None, [(column, f"{name} takes no options: it shows its own page's neighbours")]
    for key, (column, _) in options.items():
        if key not in FILTERS:
            hint = _hint(key, FILTERS)
            return None, [(column, f"{name} has no option {short(key)!r}{hint}; known: {_KEYS}")]
    filters = {key: value for key, (_, value) in options.items()}
    return filters, _values(name, options, known) if known is not None else []


def _values(name: str, options: dict[str, tuple[int, str]], known: Known) -> list[tuple[int, str]]:
    """Problems with filter values: statuses the site does not know, folders with no page."""
    problems: list[tuple[int, str]] = []
    if "status" in options:
        column, value = options["status"]
        statuses = known.statuses
        written = dict.fromkeys(s.strip() for s in value.split(",") if s.strip())
        unknown = [s for s in written if not statuses.resolve(s)]
        if unknown:
            words = ", ".join(_guess(s, statuses.suggest(s)) for s in unknown[:3])
            more = f" and {len(unknown) - 3} more" if len(unknown) > 3 else ""
            names = ", ".join(statuses.names)
            problems.append((column, f"{name}: unknown status {words}{more}; known: {names}"))
    if "folder" in options:
        column, value = options["folder"]
        folder = value.strip("/")
        if folder and folder not in known.folders:
            hint = _hint(folder, sorted(known.folders))
            problems.append((column, f"{name}: no page is in folder {short(folder)!r}{hint}"))
    return problems


def _code_spans(line: str) -> list[tuple[int, int]]:
    """The columns of a line's code spans; a backtick run not closed there runs to its end."""
    runs = [m.span() for m in _TICKS.finditer(line)]
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(runs):
        start, end = runs[k]
        size = end - start
        close = next((j for j in range(k + 1, len(runs)) if runs[j][1] - runs[j][0] == size), None)
        if close is None:
            return [*spans, (start, len(line))]
        spans.append((start, runs[close][1]))
        k = close + 1
    return spans


def _view(comment: _Comment) -> str:
    return comment.view.group("view") if comment.view else ""


def _name(comment: _Comment) -> str:
    return f'marker "design/{short(_view(comment))}"'


def _guess(word: str, guess: str | None) -> str:
    return f"{short(word)!r}" + (f" (did you mean {guess!r}?)" if guess else "")


def _hint(word: str, known: Sequence[str], form: str = "'{}'") -> str:
    """`` (did you mean 'folder'?)`` when one of ``known`` is close to ``word``."""
    close = difflib.get_close_matches(word.casefold(), known, 1, 0.6) if len(word) < 200 else []
    return f" (did you mean {form.format(close[0])}?)" if close else ""
