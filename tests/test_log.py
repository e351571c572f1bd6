"""A quiet, useful log: warnings one line each, information summed up in one line."""

from __future__ import annotations

import logging
import re
import shutil
from typing import TYPE_CHECKING

import pytest
from conftest import SAMPLE_SITE, build_site, write_site

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Built

PAGE = "# Design: {name}\n\n**Status:** Draft\n\n## System Context\n\n{context}\n"
ONE_SIDED = {
    "a.md": PAGE.format(name="A", context="- **Depends On:** B"),
    "b.md": PAGE.format(name="B", context="- **Used By:** Reporting"),
}


def ours(built: Built, level: int) -> list[str]:
    """The plugin's messages logged at exactly ``level``."""
    return [
        r.getMessage()
        for r in built.records
        if r.levelno == level and r.getMessage().startswith("mkdocs_design:")
    ]


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs-material.yml"])
def test_sample_site_logs_a_handful_of_lines(tmp_path: Path, config: str) -> None:
    """The sample site: at most five plugin lines, the notes counted, each one still at -v."""
    if config == "mkdocs-material.yml":
        pytest.importorskip("material")
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site, ignore=shutil.ignore_patterns("site"))
    built = build_site(site / config)
    shown = [m for m in built.messages(logging.INFO) if m.startswith("mkdocs_design:")]
    assert len(shown) <= 5, shown
    (line,) = [m for m in shown if "notes not logged" in m]
    count = int(re.search(r"(\d+) notes not logged", line).group(1))  # type: ignore[union-attr]
    detail = [m for m in ours(built, logging.DEBUG) if re.search(r"\.md:\d+:\d+: ", m)]
    assert count == len(detail) > 10
    assert "design-catalog/graph.md" in line
    assert "`reconcile: warn` logs each" in line


def test_reconcile_warn_logs_each_note(tmp_path: Path) -> None:
    """With ``reconcile: warn`` each disagreement is its own warning, and no summary is left."""
    config = {"plugins": [{"design": {"reconcile": "warn"}}]}
    built = build_site(write_site(tmp_path, ONE_SIDED, config))
    warnings = ours(built, logging.WARNING)
    assert len(warnings) == 1
    assert warnings[0].startswith('mkdocs_design: docs/a.md:7:1: lists "B" under Depends On')
    assert not any("not logged" in m for m in ours(built, logging.INFO))


def test_one_note_is_counted_in_the_singular(tmp_path: Path) -> None:
    """One disagreement at the default level: one summary line naming it, the detail at -v."""
    built = build_site(write_site(tmp_path, ONE_SIDED))
    (line,) = [m for m in ours(built, logging.INFO) if "not logged" in m]
    assert line.startswith("mkdocs_design: 1 note not logged (-v lists them): 1 about dep")
    assert any("docs/a.md:7:1" in m for m in ours(built, logging.DEBUG))
    assert ours(built, logging.WARNING) == []


def test_no_notes_no_summary(tmp_path: Path) -> None:
    """Pages that agree: no summary line at all."""
    agreeing = {**ONE_SIDED, "b.md": PAGE.format(name="B", context="- **Used By:** A")}
    built = build_site(write_site(tmp_path, agreeing))
    assert [m for m in ours(built, logging.INFO) if "not logged" in m] == []
