"""When each page last changed in git: one ``git log`` for the whole docs folder per build."""

from __future__ import annotations

import datetime as dt
import subprocess


def last_changes(folder: str, *, timeout: float = 30) -> dict[str, dt.date]:
    """Map paths relative to ``folder`` to the date of their last commit.

    Returns an empty mapping when ``folder`` is not in a git work tree, git is missing, or it
    fails: staleness then counts from each design's Created date.
    """
    command = [
        "git",
        "-C",
        folder,
        "log",
        "--format=@%ct",
        "--name-only",
        "--relative",
        "--no-renames",
        "--",
        ".",
    ]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    return parse_log(result.stdout)


def parse_log(output: str) -> dict[str, dt.date]:
    """Parse ``git log --format=@%ct --name-only`` output; newest commit first wins."""
    found: dict[str, dt.date] = {}
    when: dt.date | None = None
    for line in output.splitlines():
        if line.startswith("@") and line[1:].isdigit():
            when = dt.datetime.fromtimestamp(int(line[1:]), tz=dt.timezone.utc).date()
        elif line and when is not None:
            found.setdefault(line, when)
    return found
