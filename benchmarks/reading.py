"""Reading against a plain line scan of the same pages, in the same process and run.

The plain scan is the floor any reader of these pages pays: read the source, split it into
lines, skip fenced code, and match one regex per line for headings, task items, labels and
brackets. The ratio of the parser's time to it says how close reading stays to that floor.

Usage::

    python benchmarks/reading.py [--designs 300] [--seed 1] [--repeat 7]
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate_site

from mkdocs_design.reading.parse import ParseRules, parse_page
from mkdocs_design.reading.placeholders import PlaceholderRules
from mkdocs_design.reading.template import template_text

#: One regex per line: a fence, a heading, a task item, a label, or a bracket.
_LINE = re.compile(
    r"[ \t]*(?P<fence>`{3,}|~{3,})|(?P<heading>#{1,6})\s|\s*[-*+]\s+\[(?P<task>[ xX])\]"
    r"|.*?(?:\*\*(?P<label>[^*]+):\*\*|(?P<bracket>\[))"
)


def line_scan(paths: list[Path]) -> int:
    """The floor: read, split, one regex per line, fenced lines skipped; counts its matches."""
    found = 0
    for path in paths:
        fenced = False
        for line in path.read_text(encoding="utf-8").split("\n"):
            match = _LINE.match(line)
            if match is None:
                continue
            if match.group("fence"):
                fenced = not fenced
            elif not fenced:
                found += 1
    return found


def parse_all(paths: list[Path], root: Path, rules: ParseRules) -> int:
    """The parser on the same pages, read from disk the same way."""
    found = 0
    for path in paths:
        doc = parse_page(path.relative_to(root).as_posix(), path.read_text(encoding="utf-8"), rules)
        found += doc is not None
    return found


def best(function: object, *args: object, repeat: int) -> float:
    """The best of ``repeat`` timings (process time), the collector paused as timeit does."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        start = time.process_time()
        function(*args)  # type: ignore[operator]
        times.append(time.process_time() - start)
        gc.enable()
    return min(times)


def main() -> None:
    """Generate a site, time both, print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--designs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    rules = ParseRules(placeholders=PlaceholderRules.from_template(template_text()))
    with tempfile.TemporaryDirectory(prefix="design-reading-") as tmp:
        root = Path(tmp)
        generate_site(root, designs=args.designs, seed=args.seed)
        docs = root / "docs"
        paths = sorted(docs.rglob("*.md"))
        parse_all(paths, docs, rules)  # warm caches, as every build after the first page is
        scan = best(line_scan, paths, repeat=args.repeat)
        parse = best(parse_all, paths, docs, rules, repeat=args.repeat)
    pages = len(paths)
    print(f"{pages} pages ({args.designs} designs, seed {args.seed}), best of {args.repeat}")
    print(f"plain line scan: {scan / pages * 1000:.3f} ms a page")
    print(f"parser:          {parse / pages * 1000:.3f} ms a page")
    print(f"ratio:           {parse / scan:.2f}")


if __name__ == "__main__":
    main()
