"""Pictures drawn as static SVG: laid out at build time, styled by ``assets/graph.css``.

No script and no request: the picture is part of the page, under any theme. Names go into
``<text>`` and ``<title>`` through a Jinja template with autoescaping, and classes and colours
come from fixed sets or status slugs (``[a-z0-9-]``), so text from a page can only be text.

SVG text does not wrap, so names are measured here with a rough per-character width (the
theme's font is unknown at build time), wrapped onto two lines and cut with an ellipsis past
that; the ``<title>`` of each node holds the whole name.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from mkdocs_design.output.layout import SPACING, layered
from mkdocs_design.output.views import environment
from mkdocs_design.reading.statuses import slug

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.output.layout import Layout, Point, Spacing
    from mkdocs_design.output.picture import Link, Node, Picture
    from mkdocs_design.reading.statuses import StatusTable

NAME_SIZE, NOTE_SIZE = 13.0, 11.0
#: Bold text is about this much wider (measured: DejaVu Sans Bold, the widest common fallback).
BOLD = 1.16
LINE, NOTE_LINE, PAD_X, PAD_Y = 16.0, 14.0, 10.0, 7.0
MIN_WIDTH, MAX_WIDTH = 92.0, 180.0
ARROW = 7.0
#: Margin around the drawing, so that strokes at its edges are not cut.
MARGIN = 4.0
#: A picture wider than this keeps its size and scrolls, rather than shrink to illegible text.
WIDE = 1000.0


class Shape(NamedTuple):
    """A node ready to draw: its box, its lines of text with their baselines, its styling."""

    rect: tuple[str, str, str, str, str]
    x: str
    lines: tuple[tuple[str, str], ...]
    note: tuple[str, str] | None
    classes: str
    color: str
    href: str | None
    title: str


class Line(NamedTuple):
    """An edge ready to draw: its path, its arrowheads' paths, and what it links."""

    d: str
    arrows: tuple[str, ...]
    link: Link


def draw(
    picture: Picture,
    statuses: StatusTable,
    *,
    label: str,
    spacing: Spacing = SPACING,
) -> tuple[str, Layout]:
    """The picture as one ``<svg>`` element (no blank line inside), and its layout.

    Args:
        picture: What to draw.
        statuses: The vocabulary, for each status's role (its shape).
        label: What the picture shows, in words: its ``<title>`` and ``aria-label``.
        spacing: Distances of the layout.
    """
    texts = [_texts(node) for node in picture.nodes]
    sizes = [_size(lines, note) for lines, note in texts]
    weak = {i for i, link in enumerate(picture.links) if link.inferred}
    pairs = [(link.source, link.target) for link in picture.links]
    layout = layered(sizes, pairs, weak=weak, spacing=spacing)
    shapes = [
        _shape(node, box, lines, note, statuses)
        for node, box, (lines, note) in zip(picture.nodes, layout.boxes, texts, strict=True)
    ]
    lines = [
        _line(route, link, start=turned or link.both, end=not turned or link.both)
        for link, route, turned in zip(picture.links, layout.routes, layout.flipped, strict=True)
        if route
    ]
    width, height = layout.width + 2 * MARGIN, layout.height + 2 * MARGIN
    svg = environment().get_template("graph.svg.j2").render(
        shapes=shapes, lines=lines, label=label, width=_n(width), height=_n(height),
        wide=width > WIDE,
        box=f"{_n(-MARGIN)} {_n(-MARGIN)} {_n(width)} {_n(height)}",
    )  # fmt: skip
    return svg, layout


def _texts(node: Node) -> tuple[tuple[str, ...], str]:
    """The name as lines that fit a box, and the note cut to one line."""
    inner = MAX_WIDTH - 2 * PAD_X
    return wrap(node.label, NAME_SIZE * BOLD, inner), fit(node.note, NOTE_SIZE, inner)


def _size(lines: tuple[str, ...], note: str) -> tuple[float, float]:
    names = [text_width(line, NAME_SIZE * BOLD) for line in lines]
    widest = max([*names, text_width(note, NOTE_SIZE)])
    width = min(MAX_WIDTH, max(MIN_WIDTH, widest + 2 * PAD_X))
    return round(width), 2 * PAD_Y + LINE * len(lines) + (NOTE_LINE if note else 0)


def _shape(
    node: Node,
    box: tuple[float, float, float, float],
    lines: tuple[str, ...],
    note: str,
    statuses: StatusTable,
) -> Shape:
    classes = f"design-graph__node design-graph__node--{node.kind}"
    color = ""
    if node.kind in ("design", "outside"):
        role = statuses.role(node.status)
        classes += f" design-graph__node--role-{slug(role) if role else 'none'}"
        color = f"--design--node: var(--design-{slug(node.status) if node.status else 'unknown'})"
    x, y, width, height = box
    corner = height / 2 if node.kind == "external" else 4
    rect = (_n(x), _n(y), _n(width), _n(height), _n(corner))
    baselines = [_n(y + PAD_Y + LINE * n - 4) for n in range(1, len(lines) + 1)]
    below = (note, _n(y + PAD_Y + LINE * len(lines) + NOTE_LINE - 3)) if note else None
    title = f"{node.label} ({node.note})" if node.note else node.label
    return Shape(
        rect, _n(x + width / 2), tuple(zip(lines, baselines, strict=True)), below, classes, color,
        node.href, title,
    )  # fmt: skip


def _line(route: Sequence[Point], link: Link, *, start: bool, end: bool) -> Line:
    """A smooth path through a route: curves between rows, straight through them."""
    points = list(route)
    arrows = []
    if end:
        x, y = points[-1]
        arrows.append(f"M{_n(x)} {_n(y)}l-4 -{_n(ARROW)}h8z")
        points[-1] = (x, y - ARROW + 1)
    if start:
        x, y = points[0]
        arrows.append(f"M{_n(x)} {_n(y)}l-4 {_n(ARROW)}h8z")
        points[0] = (x, y + ARROW - 1)
    parts = [f"M{_n(points[0][0])} {_n(points[0][1])}"]
    for index, ((x1, y1), (x2, y2)) in enumerate(itertools.pairwise(points)):
        if index % 2:  # through a row, beside its nodes
            parts.append(f"L{_n(x2)} {_n(y2)}")
        else:
            middle = _n((y1 + y2) / 2)
            parts.append(f"C{_n(x1)} {middle} {_n(x2)} {middle} {_n(x2)} {_n(y2)}")
    return Line("".join(parts), tuple(arrows), link)


def _n(value: float) -> str:
    """A coordinate, to a tenth of a pixel and without trailing zeros."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


@lru_cache(maxsize=1 << 12)  # names recur: a design's title, an external system's name
def text_width(text: str, size: float) -> float:
    """About how wide ``text`` is at ``size`` pixels in a proportional sans-serif font."""
    return sum(map(_char_width, text)) * size


@lru_cache(maxsize=1 << 10)
def _char_width(char: str) -> float:
    if char in "iljtfrI.,:;'|!()[]{} ":
        return 0.34
    if char in "mwMW@%":
        return 0.9
    if unicodedata.east_asian_width(char) in "WF":
        return 1.0
    return 0.68 if char.isupper() else 0.58


def wrap(text: str, size: float, width: float, most: int = 2) -> tuple[str, ...]:
    """``text`` in at most ``most`` lines no wider than ``width``; cut with ``…`` past that."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) > most:
        lines[most - 1 :] = [" ".join(lines[most - 1 :])]
    return tuple(fit(line, size, width) for line in lines) or ("",)


def fit(text: str, size: float, width: float) -> str:
    """``text`` cut with ``…`` to be no wider than ``width``."""
    if text_width(text, size) <= width:
        return text
    room, used = width / size - _char_width("…"), 0.0
    for index, char in enumerate(text):
        used += _char_width(char)
        if used > room:
            kept = text[:index]
            space = kept.rfind(" ")
            # At a word's end when that keeps most of the line: "goes on…", not "goes on a…".
            return (kept[:space] if space > len(kept) * 2 // 3 else kept).rstrip() + "…"
    return text
