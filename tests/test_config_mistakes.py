"""Configuration mistakes are said, never accepted in silence: each one, by the build and check."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
from conftest import run_mkdocs, write_site

if TYPE_CHECKING:
    from pathlib import Path

DESIGN = "# Design: Ledger\n\n**Status:** Draft\n\n## Architecture Overview\n\nKeeps money.\n"


def both(root: Path) -> tuple[str, str]:
    """What ``mkdocs build --strict`` and ``check --fail-on warn`` print; both must fail."""
    build = run_mkdocs("build", "--strict", cwd=root)
    check = subprocess.run(
        [sys.executable, "-m", "mkdocs_design", "check", "--fail-on", "warn"],
        cwd=root, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert "Traceback" not in build.stderr + check.stderr
    assert build.returncode != 0
    assert check.returncode != 0
    return build.stderr, check.stdout + check.stderr


@pytest.mark.parametrize(
    ("options", "said"),
    [
        pytest.param({"include": ["["]}, "option 'include' matches no page of the site",
                     id="include-matches-nothing"),
        pytest.param({"include": ["../**"]}, "'../**' points outside docs_dir",
                     id="include-outside"),
        pytest.param({"exclude": ["\\"]}, "option 'exclude': '\\\\' is not a pattern",
                     id="exclude-not-a-pattern"),
        pytest.param({"stale_statuses": ["Drafft"]},
                     "option 'stale_statuses': unknown status 'Drafft' (did you mean 'Draft'?)",
                     id="stale-status-misspelt"),
        pytest.param({"statuses": [{"name": " "}]}, "option 'statuses': a status has an empty name",
                     id="status-without-name"),
        pytest.param({"exclude": ["*"]}, "option 'exclude' leaves out every page of the site",
                     id="exclude-everything"),
        pytest.param({"stale_after_days": -5}, "option 'stale_after_days': must be 0 (off) or more",
                     id="negative-days"),
        pytest.param({"overview_title": " "}, "option 'overview_title': a page needs a title",
                     id="empty-title"),
        pytest.param({"statuses": [{"name": "Shipped", "aliases": ["Approved"]}]},
                     "its alias 'Approved' is the name of status 'Approved'",
                     id="alias-is-a-status"),
    ],
)  # fmt: skip
def test_option_mistakes_stop_build_and_check(
    tmp_path: Path, options: dict[str, Any], said: str
) -> None:
    """A pattern matching nothing, an unknown status, a shadowing alias: named, in both."""
    root = write_site(tmp_path, {"ledger.md": DESIGN}, {"plugins": [{"design": options}]}).parent
    build, check = both(root)
    assert said in build
    assert said in check


def test_a_file_at_the_plugins_asset_path_is_refused(tmp_path: Path) -> None:
    """Your own ``assets/mkdocs_design/design.css`` would unstyle the catalog: an error."""
    docs = {"ledger.md": DESIGN, "assets/mkdocs_design/design.css": "/* mine */\n"}
    root = write_site(tmp_path, docs).parent
    build, check = both(root)
    said = "your file 'assets/mkdocs_design/design.css' would replace the plugin's design.css"
    assert said in build
    assert said in check
    assert (root / "docs/assets/mkdocs_design/design.css").read_text("utf-8") == "/* mine */\n"
