"""Baselines: record today's findings so a team can adopt the gate on an existing docs tree.

A finding matches a recorded one by page, code and message, not by line, so that editing
elsewhere in a page does not turn old findings into new ones. Repeats are counted: a page
that had one ``[TBD]`` and now has two has one new finding.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.model import Finding

VERSION = 1
Key = tuple[str, str, str]


def key(finding: Finding) -> Key:
    """What identifies a finding across edits: page, code and message."""
    return (finding.location.path, finding.code, finding.message)


def write(path: str, findings: Sequence[Finding]) -> None:
    """Write a baseline file holding ``findings``, sorted so it diffs well."""
    rows = [{"path": p, "code": c, "message": m} for p, c, m in sorted(map(key, findings))]
    Path(path).write_text(
        json.dumps({"version": VERSION, "findings": rows}, indent=2) + "\n", "utf-8"
    )


def read(path: str) -> Counter[Key]:
    """Read a baseline file.

    Raises:
        ValueError: When the file is not a baseline written by this tool.
    """
    try:
        data = json.loads(Path(path).read_text("utf-8"))
        version = data["version"]
        rows = [(str(r["path"]), str(r["code"]), str(r["message"])) for r in data["findings"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ValueError(f"'{path}' is not a mkdocs-design baseline ({error})") from None
    if version != VERSION:
        raise ValueError(f"'{path}' is a version {version} baseline; this tool reads {VERSION}")
    return Counter(rows)


def new_only(
    found: Sequence[tuple[Finding, str]], known: Counter[Key]
) -> list[tuple[Finding, str]]:
    """The findings not accounted for by the baseline, in input order."""
    left = Counter(known)
    fresh: list[tuple[Finding, str]] = []
    for finding, level in found:
        if left[key(finding)] > 0:
            left[key(finding)] -= 1
        else:
            fresh.append((finding, level))
    return fresh
