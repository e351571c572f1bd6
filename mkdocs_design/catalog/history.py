"""When each page last changed in git (one ``git log`` for the docs folder per build), and today."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from itertools import pairwise

#: ``-z`` keeps paths verbatim (no C-style quoting of non-ASCII names); the NUL before each
#: commit's time tells it apart from a path, which can never be empty.
COMMAND = ("log", "-z", "--format=%x00%ct", "--name-only", "--relative", "--no-renames")


def last_changes(folder: str, *, timeout: float = 30) -> dict[str, dt.date]:
    """Map paths relative to ``folder`` to the date of their last commit.

    Returns an empty mapping when ``folder`` is not in a git work tree, git is missing, or it
    fails: staleness then counts from each design's Created date.
    """
    command = ["git", "-C", folder, *COMMAND, "--", "."]
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            encoding="utf-8",
            errors="surrogateescape",  # the way Python itself decodes file names on POSIX
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    return parse_log(result.stdout)


def parse_log(output: str) -> dict[str, dt.date]:
    """Parse ``git log -z --format=%x00%ct --name-only`` output: each path's latest date.

    The latest commit date wins, not the first commit listed: commit dates need not follow
    the history's order (rebases, clock skew).
    """
    found: dict[str, dt.date] = {}
    when: dt.date | None = None
    for previous, token in pairwise(["\0", *output.split("\0")]):
        if previous == "" and token.isdigit():
            when = dt.datetime.fromtimestamp(int(token), tz=dt.timezone.utc).date()
        elif token and when is not None:
            path = token.removeprefix("\n")
            found[path] = max(found.get(path, when), when)
    return found


def today() -> tuple[dt.date, str | None]:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` for reproducible builds; why it was ignored."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.date.today(), None
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date(), None
    except (ValueError, OverflowError, OSError):
        problem = f"SOURCE_DATE_EPOCH={epoch[:40]!r} is not a time in seconds; today is used"
        return dt.date.today(), problem
