"""Reproductions of issue 15 that no other module holds, each as the issue gives it.

Defect 3: numbered components named like group headings (``#### 1. Component 1``), 50,000 of
them, once gave none. Defect 6: ``mkdocs build --dirty`` once left a marker view on an unchanged
page, and the banner of an unchanged superseded design, as they were before the edit.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, write_site
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_design.reading.parse import ParseRules, parse_page
from mkdocs_design.reading.placeholders import PlaceholderRules
from mkdocs_design.reading.template import template_text

sys.path.insert(0, str(ROOT / "benchmarks"))
from components import numbered_components  # the benchmark's own page

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.mark.slow
@pytest.mark.parametrize("grouped", [True, False], ids=["under-components", "in-section"])
def test_fifty_thousand_numbered_components_all_read(grouped: bool) -> None:
    """50,000 ``#### N. Component N`` headings (defect 3): every one is a component.

    ``benchmarks/components.py`` records the time (a few seconds); the bound is a runaway guard.
    """
    rules = ParseRules(placeholders=PlaceholderRules.from_template(template_text()))
    page = numbered_components(50_000, grouped=grouped)
    started = time.perf_counter()
    doc = parse_page("many.md", page, rules)
    assert time.perf_counter() - started < 120
    assert doc is not None
    assert [c.name for c in doc.components] == [f"Component {i}" for i in range(1, 50_001)]
    assert doc.components[-1].responsibility == "Does 50000."
    assert [f for f in doc.findings if f.code != "placeholder"] == []


def test_numbered_components_named_like_groups_are_components() -> None:
    """The quick version: names that read like group headings are components when numbered."""
    rules = ParseRules(placeholders=PlaceholderRules.from_template(template_text()))
    doc = parse_page("few.md", numbered_components(3), rules)
    assert doc is not None
    assert [c.name for c in doc.components] == ["Component 1", "Component 2", "Component 3"]


# --- defect 6: nothing stale under --dirty -------------------------------------------------------


def design(title: str, status: str, body: str = "") -> str:
    return (
        f"# Design: {title}\n\n**Created:** 2025-01-01\n**Status:** {status}\n\n"
        f"## Architecture Overview\n\nText.\n{body}"
    )


@pytest.fixture
def fresh_plugin() -> Iterator[None]:
    """Drop MkDocs's cached ``design`` instance before and after, so state cannot leak."""
    MkDocsConfig.plugins.plugin_cache.pop("design", None)
    yield
    MkDocsConfig.plugins.plugin_cache.pop("design", None)


def built_text(site: Path, page: str) -> str:
    """The main text of a built page."""
    soup = BeautifulSoup((site / page).read_text("utf-8"), "html.parser")
    main = soup.select_one("div[role=main]")
    assert main is not None
    return main.get_text(" ", strip=True)


@pytest.mark.usefixtures("fresh_plugin")
def test_dirty_rebuild_refreshes_marker_views_and_banners(tmp_path: Path) -> None:
    """Rename one design and add another, then ``build --dirty``: unchanged pages follow."""
    config_file = write_site(
        tmp_path,
        {
            "views.md": "# Views\n\n<!-- design/overview -->\n",
            "old.md": design("Old Way", "Superseded by [the new way](new.md)"),
            "new.md": design("New Way", "Approved"),
        },
    )
    config = load_config(str(config_file), site_dir=str(tmp_path / "site"))
    config.plugins["design"].on_startup(command="serve", dirty=True)
    build(config, dirty=False)
    site = tmp_path / "site"
    assert "New Way" in built_text(site, "views/index.html")
    assert "New Way" in built_text(site, "old/index.html")

    time.sleep(0.05)  # a newer mtime than the built pages, as an editor's save would have
    (tmp_path / "docs/new.md").write_text(design("Newer Way", "Approved"), "utf-8")
    (tmp_path / "docs/added.md").write_text(design("Added Later", "Draft"), "utf-8")
    build(load_config(str(config_file), site_dir=str(site)), dirty=True)
    views, old = built_text(site, "views/index.html"), built_text(site, "old/index.html")
    assert ("Newer Way" in views, "Added Later" in views, "New Way " in views) == (
        True, True, False,
    )  # fmt: skip
    assert "superseded by Newer Way" in old.replace("  ", " "), old
