"""The project's own documentation site builds strictly and catalogs the plugin's own design."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

if TYPE_CHECKING:
    from pathlib import Path


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.slow
def test_docs_site_builds_strictly_and_catalogs_its_own_design(tmp_path: Path) -> None:
    """`mkdocs build --strict` of the root mkdocs.yml passes and lists the architecture design."""
    pytest.importorskip("material", reason="the docs site uses Material for MkDocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict",
         "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    overview = _soup(tmp_path / "design-catalog" / "index.html")
    listed = {a["href"]: a.get_text(strip=True) for a in overview.select("table a[href]")}
    assert listed.get("../design/architecture/") == "mkdocs-design"
    badge = _soup(tmp_path / "design" / "architecture" / "index.html").select_one(
        ".design-status .design-badge"
    )
    assert badge is not None
    assert badge["data-design-status"] == "Implemented"
