"""Reproducible output: the same sources give byte-identical catalog pages and ``catalog.json``.

Whatever order the files were created in, wherever the site lives and whatever Python's hash
seed, two builds agree; so does the registry when MkDocs hands it the files in another order.
``SOURCE_DATE_EPOCH`` pins "today", so staleness cannot differ between the builds either.
"""

from __future__ import annotations

import random
import shutil
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import SAMPLE_SITE, run_mkdocs
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.pages import Page

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

EPOCH = "1740787200"  # 2025-03-01: some sample designs are stale on that day, some not


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every build here, in-process or not, sees the same day; no plugin instance is reused."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    MkDocsConfig.plugins.plugin_cache.pop("design", None)
    yield
    MkDocsConfig.plugins.plugin_cache.pop("design", None)


def copy_sample(target: Path, order: list[Path]) -> Path:
    """Copy the sample site to ``target``, creating its pages in ``order``; return mkdocs.yml."""
    target.mkdir(parents=True)
    shutil.copy(SAMPLE_SITE / "mkdocs.yml", target / "mkdocs.yml")
    for source in order:
        page = target / "docs" / source.relative_to(SAMPLE_SITE / "docs")
        page.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, page)
    return target / "mkdocs.yml"


def sample_pages() -> list[Path]:
    return sorted(p for p in (SAMPLE_SITE / "docs").rglob("*") if p.is_file())


def outputs(site_dir: Path) -> dict[str, str]:
    """``catalog.json`` as written, and the main content of every HTML page, by site path."""
    # Bytes, decoded without newline translation: a CRLF would count as a difference.
    found = {"catalog.json": (site_dir / "design-catalog/catalog.json").read_bytes().decode()}
    for page in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(page.read_bytes().decode(), "html.parser")
        main = soup.select_one("div[role=main]")
        if main is not None:
            found[page.relative_to(site_dir).as_posix()] = str(main)
    return found


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sources created in another order, in another folder, with another hash seed: same bytes."""
    pages = sample_pages()
    shuffled = list(reversed(pages))
    random.Random(7).shuffle(shuffled)
    builds = []
    for root, order, seed in (
        (tmp_path / "first", pages, "1"),
        (tmp_path / "elsewhere" / "second copy", shuffled, "4242"),
    ):
        config_file = copy_sample(root, order)
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        result = run_mkdocs("build", "--strict", cwd=config_file.parent)
        assert result.returncode == 0, result.stdout + result.stderr
        builds.append(outputs(config_file.parent / "site"))
    first, second = builds
    generated = [path for path in first if path.startswith("design-catalog/")]
    assert len(generated) == 4, sorted(first)  # overview, components, questions, graph
    assert sorted(first) == sorted(second)
    for path in first:
        assert first[path] == second[path], f"{path} differs between the two builds"


def generated(config_file: Path, order: random.Random | None) -> dict[str, str]:
    """The plugin's generated files and decorated design pages, with Files in some order.

    The events run as MkDocs runs them (``on_config``, ``on_files``, ``on_page_markdown``),
    without rendering anything.
    """
    MkDocsConfig.plugins.plugin_cache.pop("design", None)
    config = load_config(str(config_file))
    files = get_files(config)
    if order is not None:
        items = list(files)
        order.shuffle(items)
        files = Files(items)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(files, config=config)
    found: dict[str, str] = {}
    for file in files:
        if file.generated_by:
            found[file.src_uri] = file.content_string
        elif file.is_documentation_page():
            page = Page(None, file, config)
            page.read_source(config)
            found[file.src_uri] = config.plugins.on_page_markdown(
                page.markdown or "", page=page, config=config, files=files
            )
    return found


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_markdown_ignores_file_order(tmp_path: Path, seed: int) -> None:
    """The registry's pages and JSON do not depend on the order MkDocs lists the files in."""
    config_file = copy_sample(tmp_path / "site", sample_pages())
    expected = generated(config_file, None)
    assert generated(config_file, random.Random(seed)) == expected
    assert "design-catalog/catalog.json" in expected
    assert "platform/event-bus.md" in expected
