"""House rules checked with every test run: ruff, mypy --strict, and the MkDocs boundary."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mkdocs_design"
# Only the MkDocs-facing glue may import MkDocs; everything else is testable with strings.
MKDOCS_EDGE = {"plugin.py", "config.py", "registry.py", "cli.py", "project.py"}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_is_clean() -> None:
    """ruff finds nothing in the package or the tests."""
    result = _run("ruff", "check", "mkdocs_design", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    """mypy --strict (configured in pyproject.toml) finds nothing in the package."""
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("module", sorted(p.name for p in PACKAGE.glob("*.py")))
def test_only_the_edge_imports_mkdocs(module: str) -> None:
    """Pure modules never import MkDocs (Python-Markdown and Jinja2 are fine)."""
    uses_mkdocs = any(n == "mkdocs" or n.startswith("mkdocs.") for n in _imports(PACKAGE / module))
    allowed = module in MKDOCS_EDGE
    assert allowed or not uses_mkdocs, f"{module} imports mkdocs; keep it in {sorted(MKDOCS_EDGE)}"
