"""What the design plugin costs: whole builds with and without it, and its own work alone.

Two measurements, printed as Markdown tables for the README:

1. **Whole builds.** For each size and theme, a generated site (``generate.py``) is built with
   ``mkdocs build`` as it is and with the ``design`` plugin removed from ``plugins``, in
   alternating pairs (A B A B …), each a fresh process. Reported: median wall time of each,
   the median of the per-pair ratios, peak memory (largest resident set of the build process),
   and the plugin's own time, which it measures in its hooks and logs at DEBUG level.
2. **The plugin's own work alone**, without MkDocs: parse every page, build the catalog and
   its insights, render every generated page and ``catalog.json``, at growing sizes up to
   10,000 design pages, to show it grows linearly.

Usage::

    python benchmarks/overhead.py                       # 100 and 1,000 designs, both themes
    python benchmarks/overhead.py --designs 100 --themes mkdocs --pairs 3
    python benchmarks/overhead.py --alone 1000 2000 5000 10000 --no-builds
    python benchmarks/overhead.py --designs 1000 --themes material --option nav_status=true
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_site

_OWN_TIME = re.compile(r"Plugin time ([0-9.]+) s")


def compile_plugin() -> None:
    """Write the plugin's bytecode before timing anything, as ``pip install`` does for a wheel.

    An editable install (``pip install -e``) leaves that to the first import, and where
    ``PYTHONDONTWRITEBYTECODE`` is set (as on this project's CI machines) every build would
    compile the plugin's sources again: about 30 ms a build, charged to the plugin, that MkDocs
    and every other installed package never pay.
    """
    import mkdocs_design

    compileall.compile_dir(Path(mkdocs_design.__file__).parent, quiet=1)


def run_build(config: Path, site_dir: Path, *, verbose: bool) -> tuple[float, int, float | None]:
    """One ``mkdocs build`` as a fresh process: (wall seconds, peak RSS bytes, own time)."""
    level = "-v" if verbose else "-q"
    args = [sys.executable, "-m", "mkdocs", "build", level, "-f", str(config), "-d", str(site_dir)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    assert process.stdout is not None
    output = process.stdout.read().decode(errors="replace")
    # wait4 (not wait) gives this one child's resource usage, so peak memory is per build.
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build failed ({config}):\n{output[-2000:]}")
    found = _OWN_TIME.search(output)
    return wall, usage.ru_maxrss * 1024, float(found.group(1)) if found else None


def plain_config(config: Path) -> Path:
    """The same site configuration without the design plugin."""
    settings = yaml.safe_load(config.read_text())
    settings["plugins"] = [p for p in settings["plugins"] if not _is_design(p)]
    plain = config.with_name("plain.yml")
    plain.write_text(yaml.safe_dump(settings, sort_keys=False))
    return plain


def _is_design(plugin: object) -> bool:
    return plugin == "design" or (isinstance(plugin, dict) and "design" in plugin)


def with_options(config: Path, options: dict[str, object]) -> None:
    """Give the design plugin of a generated site these options (``nav_status: true`` …)."""
    if not options:
        return
    settings = yaml.safe_load(config.read_text())
    settings["plugins"] = [{"design": options} if _is_design(p) else p for p in settings["plugins"]]
    config.write_text(yaml.safe_dump(settings, sort_keys=False))


def measure_builds(
    designs: int, theme: str, pairs: int, seed: int, options: dict[str, object] | None = None
) -> dict[str, float]:
    """Paired builds of one generated site; returns the figures for one table row."""
    with tempfile.TemporaryDirectory(prefix=f"design-bench-{designs}-{theme}-") as tmp:
        root = Path(tmp)
        config = generate_site(root, designs=designs, seed=seed, theme=theme)
        with_options(config, options or {})
        plain = plain_config(config)
        run_build(config, root / "warm", verbose=False)  # warm the file cache and imports
        walls_a, walls_b, ratios, own, peak_a, peak_b = [], [], [], [], 0, 0
        for _ in range(pairs):
            wall_a, rss_a, _ = run_build(config, root / "site-a", verbose=False)
            wall_b, rss_b, _ = run_build(plain, root / "site-b", verbose=False)
            # -v logs every DEBUG line of MkDocs, which slows the build: a separate run.
            own_a = run_build(config, root / "site-v", verbose=True)[2]
            walls_a.append(wall_a)
            walls_b.append(wall_b)
            ratios.append(wall_a / wall_b)
            own.append(own_a or 0.0)
            peak_a, peak_b = max(peak_a, rss_a), max(peak_b, rss_b)
    plain_median = statistics.median(walls_b)
    return {
        "designs": designs,
        "with": statistics.median(walls_a),
        "without": plain_median,
        "ratio": statistics.median(ratios),
        "own": statistics.median(own),
        "own_share": statistics.median(own) / plain_median,
        "peak_with_mib": peak_a / 2**20,
        "peak_without_mib": peak_b / 2**20,
    }


def measure_alone(designs: int, seed: int) -> tuple[float, float]:
    """The plugin's pure pipeline on a generated site: (seconds, seconds per design page)."""
    from mkdocs.utils import get_relative_url

    from mkdocs_design.catalog.catalog import Catalog
    from mkdocs_design.catalog.export import render_json
    from mkdocs_design.catalog.lifecycle import Insights
    from mkdocs_design.output.links import Links
    from mkdocs_design.output.site import PageRules, Site
    from mkdocs_design.reading.parse import ParseRules, parse_page
    from mkdocs_design.reading.placeholders import PlaceholderRules
    from mkdocs_design.reading.template import template_text

    with tempfile.TemporaryDirectory(prefix=f"design-alone-{designs}-") as tmp:
        root = Path(tmp)
        generate_site(root, designs=designs, seed=seed)
        docs_dir = root / "docs"
        sources = {
            str(p.relative_to(docs_dir)).replace(os.sep, "/"): p.read_text("utf-8")
            for p in sorted(docs_dir.rglob("*.md"))
        }
    start = time.perf_counter()
    rules = ParseRules(placeholders=PlaceholderRules.from_template(template_text()))
    docs = [d for uri, text in sources.items() if (d := parse_page(uri, text, rules))]
    catalog = Catalog.from_docs(docs, rules.statuses)
    insights = Insights.derive(
        catalog, last_changed={}, today=__import__("datetime").date(2026, 1, 1)
    )
    paths = {v: f"design-catalog/{v}.md" for v in ("overview", "components", "questions", "graph")}
    urls = {uri: uri[:-3] + "/" for uri in [*sources, *paths.values()]}
    views = {view: (path, view.title()) for view, path in paths.items()}
    page_rules = PageRules(statuses=rules.statuses, views=views, script="assets/catalog.js")
    site = Site(catalog, insights, page_rules, Links(urls, get_relative_url))
    for view, path in paths.items():
        site.generated_page(view, path, view.title())
    render_json(catalog, urls.__getitem__, insights)
    elapsed = time.perf_counter() - start
    return elapsed, elapsed / designs


def main() -> None:
    """Run the measurements and print Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--designs", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--themes", nargs="+", default=["mkdocs", "material"])
    parser.add_argument("--pairs", type=int, default=3, help="paired builds per row")
    parser.add_argument("--alone", type=int, nargs="*", default=[1000, 2000, 5000, 10000])
    parser.add_argument("--no-builds", action="store_true", help="only the plugin-alone table")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=YAML",
        help="a design plugin option for the builds, e.g. --option nav_status=true",
    )
    args = parser.parse_args()
    options = {k: yaml.safe_load(v) for k, _, v in (o.partition("=") for o in args.option)}
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores\n")
    if not args.no_builds:
        compile_plugin()
        print(
            "| designs | theme | with plugin (s) | without (s) | ratio (median of pairs) "
            "| plugin's own time | own / plain | peak RSS with / without (MiB) |"
        )
        print("|---:|---|---:|---:|---:|---:|---:|---:|")
        for designs in args.designs:
            for theme in args.themes:
                r = measure_builds(designs, theme, args.pairs, args.seed, options)
                print(
                    f"| {designs} | {theme} | {r['with']:.2f} | {r['without']:.2f} "
                    f"| {r['ratio']:.3f} | {r['own']:.2f} s | {100 * r['own_share']:.2f}% "
                    f"| {r['peak_with_mib']:.0f} / {r['peak_without_mib']:.0f} |",
                    flush=True,
                )
    if args.alone:
        print("\n| design pages | plugin work alone (s) | per design page (ms) |")
        print("|---:|---:|---:|")
        for designs in args.alone:
            total, each = measure_alone(designs, args.seed)
            print(f"| {designs} | {total:.2f} | {1000 * each:.2f} |", flush=True)


if __name__ == "__main__":
    main()
