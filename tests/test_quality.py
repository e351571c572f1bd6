"""House rules checked with every test run: ruff, mypy --strict, stage boundaries, sizes."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mkdocs_design"


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


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """``(module, imported names)`` of every import statement, at any depth."""
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


MODULES = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))
#: What each stage may not import: dependencies run reading → catalog → output, and only the
#: top level and the command line touch MkDocs.
FORBIDDEN = {
    "reading": ("mkdocs", "mkdocs_design.catalog", "mkdocs_design.output", "mkdocs_design.cli"),
    "catalog": ("mkdocs", "mkdocs_design.output", "mkdocs_design.cli"),
    "output": ("mkdocs", "mkdocs_design.cli"),
}
GLUE = tuple(f"mkdocs_design.{name}" for name in ("plugin", "build", "rules", "report", "config"))


@pytest.mark.parametrize("module", MODULES)
def test_dependencies_run_one_way(module: str) -> None:
    """Reading imports neither catalog nor output; catalog no output; only the edge, MkDocs."""
    stage = module.split("/")[0] if "/" in module else ""
    forbidden = (*FORBIDDEN.get(stage, ()), *(GLUE if stage in FORBIDDEN else ()))
    if module == "model.py":
        forbidden = ("mkdocs", "mkdocs_design")
    for name, _ in _imports(PACKAGE / module):
        assert not any(name == f or name.startswith(f.rstrip(".") + ".") for f in forbidden), (
            f"{module} imports {name}"
        )


@pytest.mark.parametrize("module", MODULES)
def test_private_names_stay_in_their_module(module: str) -> None:
    """What is shared has a public name: no ``from mkdocs_design.x import _y``."""
    for name, names in _imports(PACKAGE / module):
        if name.startswith("mkdocs_design"):
            assert not [n for n in names if n.startswith("_")], f"{module} imports {names}"


@pytest.mark.parametrize("module", MODULES)
def test_modules_stay_small(module: str) -> None:
    """No module grows past about 350 lines: past that, it holds more than one job."""
    lines = (PACKAGE / module).read_text(encoding="utf-8").count("\n")
    assert lines <= 360, f"{module} has {lines} lines"
