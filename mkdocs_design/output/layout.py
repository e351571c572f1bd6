"""A layered drawing of a directed graph: rows from top to bottom, every edge pointing down.

Pure and deterministic, the classic Sugiyama steps, each linear or close to it:

1. Cycles are broken by a depth-first search over the *strong* edges, which turns round the
   back edges it meets; *weak* edges (inferred ones) then follow the rows the strong ones
   make, so a weak edge is the one turned round when the two disagree.
2. Longest-path layering puts each node one row above its highest dependency; a node that
   depends on nothing moves up under its lowest user, so its edges stay short.
3. A layer wider than ``Spacing.max_width`` wraps onto several rows.
4. An edge that spans rows gets a dummy point in each row between, so it runs between nodes
   (in graphs small enough: see :data:`~mkdocs_design.output.grid.DUMMY_LIMIT`).
5. Barycentre sweeps, down then up, order each row; the ordering with the fewest crossings is
   kept, and small graphs then swap neighbours while a swap removes crossings ("transpose").
6. Each element is pulled towards the mean of its neighbours' positions, keeping its row's
   order and gaps, by least squares (pool adjacent violators).

Nodes without edges are packed in rows of their own under the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from mkdocs_design.output.grid import Grid

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

Point = tuple[float, float]


class Spacing(NamedTuple):
    """Distances of a layout, in pixels.

    Attributes:
        gap: Between two boxes of a row.
        lane: The room a line passing through a row takes.
        row_gap: Between two rows, where lines bend.
        max_width: A layer wider than this wraps onto more rows (a page's content width).
    """

    gap: float = 28.0
    lane: float = 12.0
    row_gap: float = 64.0
    max_width: float = 760.0


#: The distances the graph page uses.
SPACING = Spacing()


@dataclass(frozen=True, slots=True)
class Layout:
    """Where everything goes.

    Attributes:
        boxes: ``(x, y, width, height)`` of each node, top-left corner, in input order.
        routes: For each edge, the points of its line from the upper end to the lower one;
            empty for an edge from a node to itself.
        flipped: For each edge, whether its source is drawn *below* its target (the edge was
            turned round to break a cycle): its arrow then points up.
        width: Width of the drawing.
        height: Height of the drawing.
        crossings: Number of edge crossings between rows.
    """

    boxes: tuple[tuple[float, float, float, float], ...]
    routes: tuple[tuple[Point, ...], ...]
    flipped: tuple[bool, ...]
    width: float
    height: float
    crossings: int


def layered(
    sizes: Sequence[tuple[float, float]],
    edges: Sequence[tuple[int, int]],
    *,
    weak: Collection[int] = (),
    spacing: Spacing = SPACING,
) -> Layout:
    """Lay out nodes of the given ``(width, height)`` and the edges ``(source, target)``.

    A source is drawn above its target. Edges whose index is in ``weak`` are the first to be
    turned round when edges form a cycle.
    """
    flipped = _orient(len(sizes), edges, weak)
    pairs = [(v, u) if turn else (u, v) for (u, v), turn in zip(edges, flipped, strict=True)]
    linked = {n for pair in pairs if pair[0] != pair[1] for n in pair}
    levels = _levels(len(sizes), [p for p in pairs if p[0] != p[1]])
    rows = _wrap([n for n in range(len(sizes)) if n in linked], levels, sizes, spacing)
    loose = _wrap([n for n in range(len(sizes)) if n not in linked], None, sizes, spacing)
    grid = Grid(rows, sizes, pairs, spacing)
    crossings = grid.order()
    grid.place()
    grid.add_rows(loose)
    return Layout(
        tuple(grid.box(n) for n in range(len(sizes))),
        tuple(grid.route(i) for i in range(len(pairs))),
        tuple(flipped),
        grid.width(),
        grid.height(),
        crossings,
    )


def _orient(count: int, edges: Sequence[tuple[int, int]], weak: Collection[int]) -> list[bool]:
    """Which edges to turn round so that none form a cycle, turning weak ones first.

    A depth-first search over the strong edges, in input order, turns round the back edges it
    meets. A weak edge then points down the rows the strong ones make; between two nodes of
    one row, down the order the search found.
    """
    weak = set(weak)
    strong = [i for i in range(len(edges)) if i not in weak and edges[i][0] != edges[i][1]]
    out: list[list[int]] = [[] for _ in range(count)]
    for index in strong:
        out[edges[index][0]].append(edges[index][1])
    done: list[int] = []  # post-order
    state = [0] * count  # 0 unseen, 1 on the path, 2 done
    for root in range(count):
        if state[root]:
            continue
        state[root] = 1
        stack = [(root, 0)]
        while stack:
            node, k = stack[-1]
            if k == len(out[node]):
                state[node] = 2
                done.append(node)
                stack.pop()
                continue
            stack[-1] = (node, k + 1)
            if state[nxt := out[node][k]] == 0:
                state[nxt] = 1
                stack.append((nxt, 0))
    # Post-order runs against the strong edges, less the back edges the search turned round.
    rank = [0] * count
    for place, node in enumerate(done):
        rank[node] = place
    pairs = [(u, v) if rank[u] > rank[v] else (v, u) for u, v in (edges[i] for i in strong)]
    level = _levels(count, pairs)
    return [(level[u], rank[u]) < (level[v], rank[v]) for u, v in edges]


def _levels(count: int, pairs: Sequence[tuple[int, int]]) -> list[int]:
    """Each node's level: 0 at the bottom; every pair's upper node above its lower one."""
    below: list[list[int]] = [[] for _ in range(count)]
    above: list[list[int]] = [[] for _ in range(count)]
    for upper, lower in pairs:
        below[upper].append(lower)
        above[lower].append(upper)
    level, waiting = [0] * count, [len(b) for b in below]
    queue = [n for n in range(count) if not waiting[n]]
    for node in queue:  # grows while it is read: Kahn's order, bottom first
        for upper in above[node]:
            level[upper] = max(level[upper], level[node] + 1)
            waiting[upper] -= 1
            if not waiting[upper]:
                queue.append(upper)
    for node in range(count):
        if not below[node] and above[node]:
            level[node] = min(level[u] for u in above[node]) - 1
    return level


def _wrap(
    nodes: list[int],
    levels: list[int] | None,
    sizes: Sequence[tuple[float, float]],
    spacing: Spacing,
) -> list[list[int]]:
    """Rows, top first: a level (or, without levels, all nodes) cut where it gets too wide."""
    groups: dict[int, list[int]] = {}
    for node in nodes:
        groups.setdefault(levels[node] if levels else 0, []).append(node)
    rows: list[list[int]] = []
    for level in sorted(groups, reverse=True):
        row: list[int] = []
        width = 0.0
        for node in groups[level]:
            width += sizes[node][0] + (spacing.gap if row else 0)
            if row and width > spacing.max_width:
                rows.append(row)
                row, width = [], sizes[node][0]
            row.append(node)
        rows.append(row)
    return rows
