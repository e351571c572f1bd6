"""Time the dependency graph page (``render_graph``) on generated catalogs of several sizes.

The page is rendered once per build; this measures it alone, on designs read by the reading
API from a site ``generate.py`` writes, and prints the size of what it draws.

Usage::

    python benchmarks/graph.py --designs 12 100 300 1000 --seed 1 --repeat 3
"""

from __future__ import annotations

import argparse
import gc
import posixpath
import tempfile
import time
from pathlib import Path

from generate import generate_site

from mkdocs_design.catalog.catalog import Catalog
from mkdocs_design.catalog.graph import build_graph
from mkdocs_design.output import graphs, picture
from mkdocs_design.output.svg import draw
from mkdocs_design.reading.parse import ParseRules, parse_page
from mkdocs_design.reading.placeholders import PlaceholderRules
from mkdocs_design.reading.statuses import StatusTable
from mkdocs_design.reading.template import template_text

GRAPH = "design-catalog/graph.md"


def href(to_uri: str, anchor: str = "") -> str:
    """Links as the plugin makes them from the graph page, near enough for timing."""
    url = posixpath.relpath(to_uri, "design-catalog").removesuffix(".md") + "/"
    return f"{url}#{anchor}" if anchor else url


def read(designs: int, seed: int) -> Catalog:
    """Generate a site and read its designs into a catalog."""
    rules = ParseRules(placeholders=PlaceholderRules.from_template(template_text()))
    with tempfile.TemporaryDirectory(prefix="design-graph-") as tmp:
        root = Path(tmp)
        generate_site(root, designs=designs, seed=seed)
        docs = root / "docs"
        found = []
        for path in sorted(docs.rglob("*.md")):
            uri = path.relative_to(docs).as_posix()
            doc = parse_page(uri, path.read_text(encoding="utf-8"), rules)
            found += [doc] if doc else []
    return Catalog.from_docs(found, StatusTable.build())


def main() -> None:
    """Time the page at each size; print what it drew."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--designs", type=int, nargs="+", default=[12, 100, 300, 1000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for size in args.designs:
        catalog = read(size, args.seed)
        graph = build_graph(catalog)
        times = []
        for _ in range(args.repeat):
            gc.collect()
            start = time.perf_counter()
            text = graphs.render_graph(
                catalog, graph, catalog.docs, href, title="Graph", index_uri=None
            )
            times.append(time.perf_counter() - start)
        drawn = picture.overview(catalog, graph, catalog.docs, href)
        svg, layout = draw(drawn, catalog.statuses, label="graph")
        print(
            f"{len(catalog.docs):5} designs: render_graph {min(times):6.3f} s (best of "
            f"{args.repeat}), page {len(text) / 1000:6.0f} kB; overview {len(drawn.nodes)} "
            f"nodes, {len(drawn.links)} links, {layout.crossings} crossings, "
            f"{layout.width:.0f}x{layout.height:.0f} px, {len(svg) / 1000:.0f} kB"
        )


if __name__ == "__main__":
    main()
