"""Shared test harness: write real MkDocs sites into temporary folders and build them.

Sites are built through the installed ``design`` entry point, either in-process with
``mkdocs.commands.build`` (fast, logs captured) or as a ``mkdocs`` subprocess (real exit codes,
``--strict``, ``-q``, no-traceback checks).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from bs4 import BeautifulSoup

#: The host the integration tests build with: ``mkdocs`` (default) or ``properdocs``, the
#: maintained fork, which aliases every ``mkdocs.*`` import once ``replacement`` is imported.
HOST = os.environ.get("DESIGN_HOST", "mkdocs")
if HOST == "properdocs":
    import properdocs.replacement  # noqa: F401

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parent.parent
#: The Zensical tests run in their own venv, with Zensical pinned (.ci/run); not collected here.
collect_ignore = [] if importlib.util.find_spec("zensical") else ["test_zensical.py"]
SAMPLE_SITE = ROOT / "sample_site"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Built:
    """A built site: where it is, and what the build logged."""

    site_dir: Path
    records: list[logging.LogRecord] = field(default_factory=list)

    def soup(self, page: str) -> BeautifulSoup:
        """Parse a built page; ``page`` is a site path such as ``platform/event-bus/index.html``."""
        return BeautifulSoup((self.site_dir / page).read_text(encoding="utf-8"), "html.parser")

    def messages(self, level: int = logging.WARNING) -> list[str]:
        """Messages logged at ``level`` or above."""
        return [r.getMessage() for r in self.records if r.levelno >= level]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def write_site(root: Path, docs: dict[str, str], config: dict[str, Any] | None = None) -> Path:
    """Write ``docs`` (path → Markdown, dedented) and an ``mkdocs.yml``; return the config path."""
    for path, text in docs.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    # An explicit theme: ProperDocs warns when it has to default one.
    settings: dict[str, Any] = {
        "site_name": "Test",
        "theme": {"name": "mkdocs"},
        "plugins": ["design"],
    }
    settings.update(config or {})
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return config_file


def build_site(config_file: Path, **overrides: Any) -> Built:
    """Build a site in-process and collect everything the ``mkdocs`` loggers said."""
    site_dir = config_file.parent / "site"
    handler = _Collect()
    logger = logging.getLogger(HOST)
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), **overrides)
        build(config)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    return Built(site_dir, handler.records)


def run_mkdocs(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs`` command line in ``cwd``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [sys.executable, "-m", HOST, *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env, check=False,
    )  # fmt: skip


#: Set when the run leaves the slow tests out: property tests then draw a fifth of their examples.
QUICK = False


def examples(count: int) -> int:
    """How many examples a property test draws: ``count``, or a fifth of it in the quick run."""
    return max(10, count // 5) if QUICK else count


def pytest_configure(config: pytest.Config) -> None:
    """Note whether this is the quick run (``-m "not slow ..."``): Hypothesis at scale is slow."""
    global QUICK
    QUICK = "not slow" in (config.option.markexpr or "")


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-goldens``: rewrite the reading goldens from what the parser reads now."""
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/*.json")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark what drives Chromium ``browser``; leave Material's cases out on a host without it."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    if importlib.util.find_spec("material") is not None:
        return
    dropped = [item for item in items if "material" in item.nodeid.lower()]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]


@pytest.fixture
def sample_copy(tmp_path: Path) -> Iterator[Path]:
    """A private copy of ``sample_site`` (tests may edit it); yields its folder."""
    target = tmp_path / "sample_site"
    shutil.copytree(SAMPLE_SITE, target, ignore=shutil.ignore_patterns("site", "site-material"))
    return target


@pytest.fixture(autouse=True)
def _quiet_material_banner(monkeypatch: pytest.MonkeyPatch) -> None:
    """Material >= 9.7 prints an end-of-life banner to stderr; it is not ours to test."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
