"""Reading one page of many numbered components (issue 15, defect 3), timed.

``#### N. Component N`` headings under the template's ``## Component Structure`` were once taken
for group headings and dropped: 50,000 of them gave no component. The page is read the way
``tests/test_regressions.py`` reads it; this script records how long that takes.

Usage::

    python benchmarks/components.py [--components 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import time

from mkdocs_design.reading.parse import ParseRules, parse_page
from mkdocs_design.reading.placeholders import PlaceholderRules
from mkdocs_design.reading.template import template_text


def numbered_components(count: int, *, grouped: bool = True) -> str:
    """A design page of ``count`` ``#### N. Component N`` headings, each with a responsibility.

    Under ``### Components`` as the template groups them, or directly under the section.
    """
    group = "### Components\n\n" if grouped else ""
    parts = "".join(
        f"#### {i}. Component {i}\n\n**Responsibility:** Does {i}.\n\n" for i in range(1, count + 1)
    )
    return (
        "# Design: Many Components\n\n**Created:** 2025-01-01\n**Status:** Draft\n\n"
        "## Architecture Overview\n\nText.\n\n## Component Structure\n\n" + group + parts
    )


def main() -> None:
    """Time ``parse_page`` on the page; print the best of ``--repeat`` runs."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--components", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rules = ParseRules(placeholders=PlaceholderRules.from_template(template_text()))
    for grouped in (True, False):
        page = numbered_components(args.components, grouped=grouped)
        best, found = float("inf"), 0
        for _ in range(args.repeat):
            gc.collect()
            started = time.perf_counter()
            doc = parse_page("many.md", page, rules)
            best = min(best, time.perf_counter() - started)
            found = len(doc.components) if doc else 0
        shape = "under ### Components" if grouped else "directly under the section"
        print(
            f"{args.components} numbered components {shape} ({len(page) / 1e6:.1f} MB): "
            f"{found} read in {best:.2f} s (best of {args.repeat})"
        )


if __name__ == "__main__":
    main()
