"""One page with many placeholders on one line: a build with the plugin against one without.

Python-Markdown's inline processing grows with the square of the raw HTML tags in a
paragraph, so the plugin marks at most ``MARK_LIMIT`` placeholders a page.

Usage: python benchmarks/marks.py --placeholders 20000 40000
"""

from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys
import tempfile
import time


def build_seconds(root: pathlib.Path, plugin: bool) -> float:
    """Wall time of one ``mkdocs build`` of the site at ``root``."""
    plugins = "plugins:\n  - design\n" if plugin else "plugins: []\n"
    (root / "mkdocs.yml").write_text(f"site_name: marks\n{plugins}", "utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root,
                   capture_output=True, check=True)  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    """Print one line per size: placeholders, seconds with the plugin, seconds without."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--placeholders", type=int, nargs="+", default=[20000])
    args = parser.parse_args()
    for count in args.placeholders:
        root = pathlib.Path(tempfile.mkdtemp())
        (root / "docs").mkdir()
        page = "# Design: Marks\n\n**Status:** Draft\n\n## Architecture Overview\n\n"
        (root / "docs/marks.md").write_text(page + "[TBD] " * count + "\n", "utf-8")
        with_plugin, without = build_seconds(root, True), build_seconds(root, False)
        print(f"{count} placeholders: {with_plugin:.2f} s with the plugin, {without:.2f} s without")


if __name__ == "__main__":
    main()
