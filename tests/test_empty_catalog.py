"""A site with no design page yet: the overview says how to start; nothing else shows."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import build_site, write_site

if TYPE_CHECKING:
    from pathlib import Path

DESIGN = "# Design: Ledger\n\n**Status:** Draft\n\n## Architecture Overview\n\nKeeps money.\n"
CATALOG = ("design-catalog/", "design-catalog/components/", "design-catalog/questions/",
           "design-catalog/graph/")  # fmt: skip


def nav_links(site_dir: Path) -> set[str]:
    """The catalog pages the home page's navigation links to."""
    soup = build_soup(site_dir / "index.html")
    nav = soup.select_one("nav.md-nav--primary") or soup.select_one(".navbar") or soup
    return {a["href"] for a in nav.find_all("a", href=True) if "design-catalog" in a["href"]}


def build_soup(path: Path) -> BeautifulSoup:
    """A built page, parsed."""
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_only_the_overview_shows_and_it_says_how_to_start(tmp_path: Path, theme: str) -> None:
    """Overview in the nav with the first steps; the other catalog pages built but hidden."""
    if theme == "material":
        pytest.importorskip("material")
    config = {"theme": {"name": theme}, "plugins": ["search", "design"]}
    built = build_site(write_site(tmp_path, {"index.md": "# Home\n"}, config))
    assert built.messages() == []
    assert nav_links(built.site_dir) == {"design-catalog/"}
    overview = build_soup(built.site_dir / "design-catalog/index.html").get_text()
    assert "No design pages yet" in overview
    assert 'mkdocs-design new "Payments"' in overview
    assert "mkdocs-design explain" in overview
    for hidden in CATALOG[1:]:
        assert (built.site_dir / hidden / "index.html").is_file()  # links to them still work
    index = json.loads((built.site_dir / "search/search_index.json").read_text("utf-8"))
    found = {doc["location"].split("#")[0] for doc in index["docs"]}
    if theme == "material":  # MkDocs' own search has no way to leave a page out
        assert found & set(CATALOG[1:]) == set()
    assert "design-catalog/" in found


def test_the_first_design_brings_every_page_back(tmp_path: Path) -> None:
    """Once a design exists the catalog is whole again, and the first steps are gone."""
    docs = {"index.md": "# Home\n", "ledger.md": DESIGN}
    built = build_site(write_site(tmp_path, docs))
    assert nav_links(built.site_dir) == set(CATALOG)
    overview = build_soup(built.site_dir / "design-catalog/index.html").get_text()
    assert "No design pages yet" not in overview
    assert "Ledger" in overview


def test_a_folder_view_with_no_design_stays_short(tmp_path: Path) -> None:
    """A marker view over an empty folder of a site that has designs says only that."""
    docs = {
        "index.md": '# Home\n\n<!-- design/overview folder="nothing-here" -->\n',
        "ledger.md": DESIGN,
    }
    built = build_site(write_site(tmp_path, docs))
    home = build_soup(built.site_dir / "index.html").get_text()
    assert "No design pages found." in home
    assert "mkdocs-design new" not in home


def test_explicit_nav_to_hidden_pages_builds_strict(tmp_path: Path) -> None:
    """A nav that already names the catalog pages, before the first design: no warning."""
    nav = [{"Home": "index.md"}, {"Components": "design-catalog/components.md"}]
    built = build_site(write_site(tmp_path, {"index.md": "# Home\n"}, {"nav": nav}))
    assert built.messages() == []
    assert (built.site_dir / "design-catalog/components/index.html").is_file()
