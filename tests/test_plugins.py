"""The plugin's edits land where they belong when other popular plugins run before it.

Each case lists another plugin before ``design`` in mkdocs.yml and builds a small site: the
badge sits right under the title, placeholders are marked where they are, questions keep their
anchors, and the catalog's tables are all there. Include-markdown and macros change the
Markdown before the plugin sees it; minify rewrites the HTML; awesome-nav builds the navigation;
Material's blog adds pages of its own.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import build_site, write_site

if TYPE_CHECKING:
    from pathlib import Path

DESIGN = """\
# Design: Ledger

{include}
**Status:** Draft
**Created:** [Date]

## Architecture Overview

The ledger keeps balances. {macro}

## Open Questions

- [ ] Should we keep history forever?
- [ ] Who closes a period?
"""
INCLUDED = """\
!!! note "Shared note"
    Eight lines that another plugin puts in,
    so every line below moves down.

- one
- two
- three
"""
OTHER = "# Design: Payouts\n\n**Status:** Approved\n\n## Architecture Overview\n\nSends money.\n"


def site(tmp_path: Path, plugin: object, config: dict[str, object], page: str) -> Path:
    docs = {"ledger.md": page, "payouts.md": OTHER, "index.md": "# Home\n"}
    if plugin == "blog":
        docs["blog/index.md"] = "# Blog\n"
        docs["blog/posts/hello.md"] = (
            "---\ndate: 2025-01-02\n---\n\n# Hello\n\nA post about the [TBD] launch.\n"
        )
    settings = {"markdown_extensions": ["admonition", "pymdownx.tasklist"], **config}
    settings["plugins"] = [plugin, "design"]
    return write_site(tmp_path, {**docs, "snippets/included.md": INCLUDED}, settings)


CASES = {
    "include-markdown": (
        {"include-markdown": {}}, {},
        DESIGN.format(include='{% include-markdown "snippets/included.md" %}\n', macro=""),
    ),
    "macros": ({"macros": {}}, {}, DESIGN.format(include="", macro="It holds {{ 6 * 7 }} books.")),
    "minify": ({"minify": {"minify_html": True}}, {}, DESIGN.format(include="", macro="")),
    "awesome-nav": ("awesome-nav", {}, DESIGN.format(include="", macro="")),
    "blog": ("blog", {"theme": {"name": "material"}}, DESIGN.format(include="", macro="")),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CASES))
def test_edits_land_where_they_belong(tmp_path: Path, name: str) -> None:
    """Badge under the title, mark on the placeholder, anchored questions, full catalog."""
    plugin, config, page = CASES[name]
    if name == "awesome-nav":
        (tmp_path / "docs").mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs/.nav.yml").write_text("nav:\n  - index.md\n  - '*'\n", "utf-8")
    if name == "blog":
        pytest.importorskip("material")
    built = build_site(site(tmp_path, plugin, config, page))
    errors = [m for m in built.messages() if "mkdocs_design" in m and "placeholder" not in m]
    assert errors == []
    soup = BeautifulSoup((built.site_dir / "ledger/index.html").read_text("utf-8"), "html.parser")
    h1 = soup.find("h1")
    assert h1 is not None
    badge = h1.find_next("span", class_="design-badge")
    assert badge is not None
    assert badge["data-design-status"] == "Draft"
    assert h1.find_next(["p", "div"]).find("span", class_="design-badge") is badge
    mark = soup.find("mark", class_="design-placeholder")
    assert mark is not None
    assert mark.get_text() == "[Date]"
    for anchor in ("q-should-we-keep-history-forever", "q-who-closes-a-period"):
        item = soup.find(id=anchor)
        assert item is not None
        assert item.find_parent("li") is not None
    if name == "include-markdown":
        assert soup.find("div", class_="admonition") is not None
        assert [li.get_text() for li in soup.select("div[role=main] li, article li")][:3] == [
            "one",
            "two",
            "three",
        ] or "one" in soup.get_text()
    if name == "macros":
        assert "It holds 42 books." in soup.get_text()
    overview = (built.site_dir / "design-catalog/index.html").read_text("utf-8")
    rows = BeautifulSoup(overview, "html.parser").select(".design-table--overview tbody tr")
    assert len(rows) == 2
    catalog = json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))
    assert sorted(d["title"] for d in catalog["designs"]) == ["Ledger", "Payouts"]
