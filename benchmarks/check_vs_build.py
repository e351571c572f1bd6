"""How long ``mkdocs-design check`` takes next to ``mkdocs build`` on the same design site.

Generates a site of N design pages (``generate.py``, default theme, fixed seed) in a temporary
folder, then times whole processes, as a user or CI job would run them: ``mkdocs-design check``
and ``mkdocs build``, each ``--runs`` times, and prints the medians (wall-clock and CPU) and
their ratios. Unix only (CPU time comes from ``resource``).

Usage::

    .venv/bin/python benchmarks/check_vs_build.py [--designs 1000] [--runs 3] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate_site

BIN = Path(sys.executable).parent


def time_command(args: list[str], cwd: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of ``runs`` runs of a whole process; fails on exit 2 or worse.

    CPU time (user + system of the child) barely moves when the machine is busy, so it is the
    steadier figure on a shared machine; wall-clock time is what users wait for.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, check=False)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode not in (0, 1):  # 1: findings at error level, still a full run
            raise SystemExit(f"{' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--designs", type=int, default=1000, help="design pages (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mkdocs-design-bench-") as folder:
        root = Path(folder)
        generate_site(root, designs=args.designs, seed=args.seed, theme="mkdocs")
        pages = sum(1 for _ in (root / "docs").rglob("*.md"))
        print(f"{args.designs} designs, {pages} pages; {args.runs} runs each; "
              f"Python {platform.python_version()} on {platform.machine()}")  # fmt: skip
        check = time_command([str(BIN / "mkdocs-design"), "check"], root, args.runs)
        build_args = [str(BIN / "mkdocs"), "build", "-q", "--site-dir", str(root / "site")]
        build = time_command(build_args, root, args.runs)
    for name, (wall, cpu) in (("mkdocs-design check", check), ("mkdocs build", build)):
        runs = ", ".join(f"{t:.2f}" for t in wall)
        print(f"{name:20} median {statistics.median(wall):6.2f} s wall, "
              f"{statistics.median(cpu):6.2f} s CPU  (wall runs: {runs})")  # fmt: skip
    for kind, index in (("wall", 0), ("CPU", 1)):
        ratio = statistics.median(check[index]) / statistics.median(build[index])
        print(f"check / build ({kind}): {ratio:.3f}, {1 / ratio:.0f}x faster")


if __name__ == "__main__":
    main()
