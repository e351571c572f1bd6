"""The rows of a layered drawing: ordering them for few crossings, then placing them.

Steps 4 to 6 of :mod:`~mkdocs_design.output.layout`, on rows that layering already made.
"""

from __future__ import annotations

from itertools import accumulate, pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.output.layout import Point, Spacing

#: Graphs with at most this many elements (nodes and dummy points) get the transpose step.
TRANSPOSE_LIMIT = 600
#: Above this many elements, long edges get no dummy points: they are drawn straight from
#: end to end, behind the nodes, so that a catalog of a thousand designs is laid out in a
#: fraction of a second rather than a minute (a long edge adds a dummy to each row it spans).
DUMMY_LIMIT = 8000


class Grid:
    """Rows of elements (nodes, then dummy points of long edges) and their positions."""

    def __init__(
        self,
        rows: list[list[int]],
        sizes: Sequence[tuple[float, float]],
        pairs: Sequence[tuple[int, int]],
        spacing: Spacing,
    ) -> None:
        self.rows, self.spacing = rows, spacing
        self.nodes = len(sizes)
        self.widths = [w for w, _ in sizes]
        self.heights = [h for _, h in sizes]
        self.row_of = [-1] * len(sizes)
        for r, row in enumerate(rows):
            for node in row:
                self.row_of[node] = r
        self.up: list[list[int]] = [[] for _ in sizes]
        self.down: list[list[int]] = [[] for _ in sizes]
        spans = sum(max(0, self.row_of[v] - self.row_of[u] - 1) for u, v in pairs)
        self.direct = spans + len(sizes) > DUMMY_LIMIT
        self.chains = [self._chain(u, v) for u, v in pairs]
        self.pos = [0] * len(self.widths)
        self._number()
        self.x = [0.0] * len(self.widths)
        self.tops: list[float] = []
        self.row_heights: list[float] = []
        self.ports: dict[tuple[int, int, bool], float] = {}

    def _chain(self, upper: int, lower: int) -> list[int]:
        """The elements an edge passes: its ends and a new dummy in every row between."""
        if upper == lower:
            return []
        chain = [upper]
        for r in range(self.row_of[upper] + 1, self.row_of[lower] if not self.direct else 0):
            dummy = len(self.widths)
            self.widths.append(self.spacing.lane)
            self.heights.append(0.0)
            self.row_of.append(r)
            self.up.append([])
            self.down.append([])
            self.rows[r].append(dummy)
            chain.append(dummy)
        chain.append(lower)
        for a, b in pairwise(chain):
            self.down[a].append(b)
            self.up[b].append(a)
        return chain

    def _number(self) -> None:
        for row in self.rows:
            for index, element in enumerate(row):
                self.pos[element] = index

    def order(self) -> int:
        """Order the rows for few crossings; return how many are left."""
        if self.direct:  # the crossings counted are too few to steer by: a few sweeps
            for _ in range(4):
                self._sweep(range(1, len(self.rows)), self.up)
                self._sweep(range(len(self.rows) - 2, -1, -1), self.down)
            return self.crossings()
        best, fewest, stale = [r[:] for r in self.rows], self.crossings(), 0
        small = len(self.widths) <= TRANSPOSE_LIMIT
        for _ in range(24):
            if fewest == 0 or stale == 3:
                break
            self._sweep(range(1, len(self.rows)), self.up)
            if small:
                self._transpose()
            self._sweep(range(len(self.rows) - 2, -1, -1), self.down)
            if small:
                self._transpose()
            found = self.crossings()
            if found < fewest:
                best, fewest, stale = [r[:] for r in self.rows], found, 0
            else:
                stale += 1
        self.rows = best
        self._number()
        return fewest

    def _sweep(self, rows: range, side: list[list[int]]) -> None:
        """Sort each row by the mean position of its elements' neighbours on ``side``."""
        pos = self.pos
        for r in rows:
            row = self.rows[r]
            keys = {
                e: sum(pos[n] for n in side[e]) / len(side[e]) if side[e] else pos[e] for e in row
            }
            row.sort(key=lambda e: (keys[e], pos[e]))
            for index, element in enumerate(row):
                pos[element] = index

    def crossings(self) -> int:
        """Crossings of the segments between each pair of adjacent rows.

        Edges drawn straight across several rows (:data:`DUMMY_LIMIT`) are not counted.
        """
        total, pos, row_of = 0, self.pos, self.row_of
        for r in range(len(self.rows) - 1):
            segments = sorted(
                (pos[e], pos[f]) for e in self.rows[r] for f in self.down[e] if row_of[f] == r + 1
            )
            total += _inversions([f for _, f in segments], len(self.rows[r + 1]))
        return total

    def _transpose(self) -> None:
        """Swap neighbours in a row while that removes crossings (small graphs only)."""
        for _ in range(8):
            improved = False
            for row in self.rows:
                for i in range(len(row) - 1):
                    u, v = row[i], row[i + 1]
                    if self._pair_crossings(v, u) < self._pair_crossings(u, v):
                        row[i], row[i + 1] = v, u
                        self.pos[u], self.pos[v] = i + 1, i
                        improved = True
            if not improved:
                return

    def _pair_crossings(self, left: int, right: int) -> int:
        pos = self.pos
        return sum(
            1
            for side in (self.up, self.down)
            for a in side[left]
            for b in side[right]
            if pos[a] > pos[b]
        )

    def place(self) -> None:
        """Set x positions: neighbours pulled together, each row's order and gaps kept."""
        for row in self.rows:
            self._fit(row, [0.0] * len(row))
        for _ in range(6):
            for row in [*self.rows[1:], *reversed(self.rows[:-1])]:
                targets = [self._target(e) for e in row]
                self._fit(row, targets)
        left = min((self.x[e] - self.widths[e] / 2 for row in self.rows for e in row), default=0)
        self.x = [x - left for x in self.x]
        y = 0.0
        for row in self.rows:
            self.tops.append(y)
            self.row_heights.append(self._row_height(row))
            y += self.row_heights[-1] + self.spacing.row_gap

    def _target(self, element: int) -> float:
        near = [*self.up[element], *self.down[element]]
        return sum(self.x[n] for n in near) / len(near) if near else self.x[element]

    def _fit(self, row: list[int], targets: list[float]) -> None:
        """Centres closest to ``targets`` (least squares) that keep order and gaps."""
        seps = [0.0] + [self._separation(a, b) for a, b in pairwise(row)]
        offsets = list(accumulate(seps))
        blocks: list[list[float]] = []  # [sum, count] of pooled values
        for target, offset in zip(targets, offsets, strict=True):
            blocks.append([target - offset, 1.0])
            while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
                total, count = blocks.pop()
                blocks[-1][0] += total
                blocks[-1][1] += count
        values = [total / count for total, count in blocks for _ in range(int(count))]
        for element, value, offset in zip(row, values, offsets, strict=True):
            self.x[element] = value + offset

    def _separation(self, a: int, b: int) -> float:
        real = a < self.nodes and b < self.nodes
        gap = self.spacing.gap if real else self.spacing.lane / 2
        return (self.widths[a] + self.widths[b]) / 2 + gap

    def _row_height(self, row: list[int]) -> float:
        return max((self.heights[e] for e in row), default=0.0)

    def add_rows(self, rows: list[list[int]]) -> None:
        """Pack rows of unconnected nodes under the rest, from the left."""
        y = self.height() + self.spacing.row_gap if self.rows else 0.0
        for row in rows:
            x = 0.0
            for node in row:
                self.x[node] = x + self.widths[node] / 2
                self.row_of[node] = len(self.rows)
                x += self.widths[node] + self.spacing.gap
            self.rows.append(row)
            self.tops.append(y)
            self.row_heights.append(self._row_height(row))
            y += self.row_heights[-1] + self.spacing.row_gap

    def box(self, node: int) -> tuple[float, float, float, float]:
        """A node's ``(x, y, width, height)``."""
        width = self.widths[node]
        return (self.x[node] - width / 2, self.tops[self.row_of[node]], width, self.heights[node])

    def width(self) -> float:
        """Width of the drawing."""
        return max((self.x[e] + self.widths[e] / 2 for row in self.rows for e in row), default=0)

    def height(self) -> float:
        """Height of the drawing."""
        return self.tops[-1] + self.row_heights[-1] if self.rows else 0.0

    def route(self, index: int) -> tuple[Point, ...]:
        """An edge's line, from the bottom of its upper node to the top of its lower one."""
        chain = self.chains[index]
        if not chain:
            return ()
        first, last = chain[0], chain[-1]
        start = self.tops[self.row_of[first]] + self.heights[first]
        points = [(self._port(first, chain[1], down=True), start)]
        for dummy in chain[1:-1]:
            r = self.row_of[dummy]
            points += [
                (self.x[dummy], self.tops[r]),
                (self.x[dummy], self.tops[r] + self.row_heights[r]),
            ]
        points.append((self._port(last, chain[-2], down=False), self.tops[self.row_of[last]]))
        return tuple(points)

    def _port(self, node: int, towards: int, *, down: bool) -> float:
        """Where on a node's edge a line leaves or arrives: spread out, in their order."""
        if (node, towards, down) not in self.ports:
            others = sorted(
                set((self.down if down else self.up)[node]), key=lambda e: (self.x[e], e)
            )
            pitch = min(16.0, self.widths[node] * 0.7 / max(1, len(others) - 1))
            for place, other in enumerate(others):
                offset = (place - (len(others) - 1) / 2) * pitch
                self.ports[node, other, down] = self.x[node] + offset
        return self.ports[node, towards, down]


def _inversions(values: list[int], size: int) -> int:
    """Pairs out of order in ``values`` (each below ``size``): a Fenwick tree count."""
    tree = [0] * (size + 1)
    found = 0
    for seen, value in enumerate(values):
        i, smaller_or_equal = value + 1, 0
        while i > 0:
            smaller_or_equal += tree[i]
            i -= i & -i
        found += seen - smaller_or_equal
        i = value + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return found
