"""Every id the plugin writes is unique in its page, and every link it writes lands (issue 15).

Component rows, question anchors, placeholder marks and the rows of marker views are raw HTML,
which ``toc`` does not see: nothing but the plugin keeps them apart from each other and from the
page's own heading ids. The sample site (both themes) and a tree of clashing names are built, and
every id of every page is counted, and every link followed to a file and an id.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections import Counter
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import SAMPLE_SITE, Built, build_site, write_site
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from mkdocs_design.catalog.catalog import Catalog, anchor_slug, component_key, unique_anchors
from mkdocs_design.catalog.lifecycle import Insights
from mkdocs_design.model import Component, DesignDoc, Question, Section
from mkdocs_design.output.links import Links
from mkdocs_design.output.site import PageRules, Site
from mkdocs_design.reading.statuses import StatusTable

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

HEAD = "# Design: {title}\n\n**Created:** 2025-01-01\n**Status:** {status}\n\n"

#: Names that fold apart but read alike, questions that repeat or equal headings, headings that
#: equal the ids of marks and rows, and views placed twice on a page.
CLASHING = {
    "index.md": """
        # Home

        ## Component API

        ## Component C Parser

        <!-- design/components -->

        <!-- design/components folder="gateways" -->

        <!-- design/questions -->
    """,
    "gateways/cache.md": HEAD.format(title="Кэш и шлюз", status="Draft")
    + """
## Architecture Overview

Routes and caches, [TBD].

### Design placeholder 1

### Q Same

## Component Structure

### 1. API Кэш

**Responsibility:** Caches.

**Dependencies:** API Шлюз

### 2. API Шлюз

**Responsibility:** Routes.

**Dependencies:** C++ Parser, R&D Tool

### 3. Structure

**Responsibility:** Its anchor would be the section's.

### 4. Rate limiter

**Responsibility:** Limits.

## Open Questions

- [ ] Same?
- [ ] Same?
- [ ] Same?
- [ ] Q Same
- [ ] Component Structure
- [ ] Architecture Overview

## Catalog here

<!-- design/components -->
""",
    "parsers.md": HEAD.format(title="Parsers", status="Approved")
    + """
## Architecture Overview

Parses [Your Name].

## Component Structure

### C Parser

**Dependencies:** C++ Parser

### C++ Parser

**Dependencies:** C Parser, API Кэш

### C# Client

**Dependencies:** C Client

### C Client

### Rate-Limiter

### R&D Tool

### R D Tool

**Dependencies:** R&D Tool

## Open Questions

- [ ] Same?
- [ ] Which parser?
""",
}


@pytest.fixture(autouse=True)
def _fresh_plugin() -> Iterator[None]:
    """No parse cache or state carried from another test's build (MkDocs caches the instance)."""
    MkDocsConfig.plugins.plugin_cache.pop("design", None)
    yield
    MkDocsConfig.plugins.plugin_cache.pop("design", None)


def pages(built: Built) -> dict[str, BeautifulSoup]:
    """Every built HTML page, by site path."""
    root = built.site_dir
    return {
        p.relative_to(root).as_posix(): BeautifulSoup(p.read_text("utf-8"), "html.parser")
        for p in sorted(root.rglob("*.html"))
    }


def duplicate_ids(soups: dict[str, BeautifulSoup]) -> dict[str, dict[str, int]]:
    """Ids that a page has more than once, with their counts, by page."""
    found = {}
    for page, soup in soups.items():
        counts = Counter(str(tag["id"]) for tag in soup.find_all(id=True))
        if twice := {ident: n for ident, n in counts.items() if n > 1}:
            found[page] = twice
    return found


def broken_links(built: Built, soups: dict[str, BeautifulSoup]) -> list[tuple[str, str, str]]:
    """``(page, href, why)`` of every link inside the site that misses its file or id."""
    broken = []
    for page, soup in soups.items():
        for tag in soup.find_all(href=True):
            href = str(tag["href"])
            url = urlsplit(urljoin(f"http://site/{page}", href))
            if tag.name == "link" or url.netloc != "site":
                continue
            path = unquote(url.path).lstrip("/")
            path += "index.html" if path == "" or path.endswith("/") else ""
            if not (built.site_dir / path).is_file():
                broken.append((page, href, "no such file"))
            elif url.fragment and soups[path].find(id=unquote(url.fragment)) is None:
                broken.append((page, href, "no such id"))
    return broken


def assert_ids_unique_and_links_land(built: Built) -> dict[str, BeautifulSoup]:
    """The whole site: no page holds an id twice, every link lands, the plugin saw no problem."""
    soups = pages(built)
    assert duplicate_ids(soups) == {}
    assert broken_links(built, soups) == []
    assert [m for m in built.messages() if "no target" in m or "twice" in m] == []
    return soups


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs-material.yml"])
def test_sample_site_ids_are_unique_and_links_land(tmp_path: Path, config: str) -> None:
    """The sample site under both themes: every id once per page, every link to a real id."""
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE_SITE, root, ignore=shutil.ignore_patterns("site*"))
    soups = assert_ids_unique_and_links_land(build_site(root / config))
    rows = soups["design-catalog/components/index.html"].select("span.design-row[id]")
    assert len(rows) > 10  # the index was checked, not skipped


@pytest.fixture
def clashing(tmp_path: Path) -> dict[str, BeautifulSoup]:
    """The tree of clashing names, built with anchors validated by MkDocs too."""
    built = build_site(write_site(tmp_path, CLASHING, {
        "validation": {"anchors": "warn"},
        "markdown_extensions": ["attr_list", "toc", {"pymdownx.tasklist": {}}],
    }))  # fmt: skip
    return assert_ids_unique_and_links_land(built)


def row_names(soup: BeautifulSoup) -> dict[str, str]:
    """Each component row's id and the name in its first cell."""
    found = {}
    for span in soup.select("span.design-row[id]"):
        row = span.find_parent("tr")
        assert row is not None
        found[str(span["id"])] = row.find("td").get_text(" ", strip=True)
    return found


def test_clashing_component_names_get_their_own_rows(clashing: dict[str, BeautifulSoup]) -> None:
    """Cyrillic names keep their letters; C/C++, C#/C and R&D/R D get ``_1`` in key order."""
    assert row_names(clashing["design-catalog/components/index.html"]) == {
        "component-api-кэш": "API Кэш",
        "component-api-шлюз": "API Шлюз",
        "component-c-client": "C Client",
        "component-c-parser": "C Parser",
        "component-c-client_1": "C# Client",
        "component-c-parser_1": "C++ Parser",
        "component-r-d-tool": "R D Tool",
        "component-r-d-tool_1": "R&D Tool",
        "component-rate-limiter": "Rate limiter",
        "component-structure": "Structure",
    }


def test_dependency_links_land_on_the_named_row(clashing: dict[str, BeautifulSoup]) -> None:
    """A link to ``C++ Parser`` or ``API Шлюз`` lands on that row, never on its look-alike."""
    index = clashing["design-catalog/components/index.html"]
    names = row_names(index)
    links = [a for a in index.select("td a[href^='#']") if a.get_text() in names.values()]
    assert len(links) >= 6
    for a in links:
        assert names[str(a["href"])[1:]] == a.get_text()


def test_marker_views_on_a_page_take_ids_of_their_own(clashing: dict[str, BeautifulSoup]) -> None:
    """Two component views on a page, and one under a clashing heading: each row id once."""
    home = clashing["index.html"]
    rows = row_names(home)
    # The page's own "Component C Parser" heading keeps its id; the row steps around it.
    assert heading(home, "component-c-parser") == "h2"
    assert (rows["component-c-parser_1"], rows["component-c-parser_2"]) == (
        "C Parser", "C++ Parser",
    )  # fmt: skip
    # The second view (folder "gateways") repeats rows of the first: they are suffixed.
    assert rows["component-api-кэш_1"] == "API Кэш"
    design = clashing["gateways/cache/index.html"]
    assert heading(design, "component-structure") == "h2"  # the section keeps its heading id
    assert row_names(design)["component-structure_1"] == "Structure"


def heading(soup: BeautifulSoup, ident: str) -> str | None:
    """The tag name of the element with id ``ident``."""
    found = soup.find(id=ident)
    return found.name if found is not None else None


def test_questions_and_marks_step_around_headings(clashing: dict[str, BeautifulSoup]) -> None:
    """Equal questions, a question equal to a heading, a mark equal to a heading: all apart."""
    page = clashing["gateways/cache/index.html"]
    questions = [str(s["id"]) for s in page.select("span.design-question")]
    assert questions == [
        "q-same_1", "q-same_2", "q-same_3", "q-q-same", "q-component-structure",
        "q-architecture-overview",
    ]  # fmt: skip
    assert heading(page, "q-same") == "h3"
    assert [str(m["id"]) for m in page.select("mark.design-placeholder")] == [
        "design-placeholder-1_1"
    ]
    assert heading(page, "design-placeholder-1") == "h3"
    overview = clashing["design-catalog/index.html"]
    assert overview.select_one("a[href$='#design-placeholder-1_1']") is not None


# --- the pure parts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        pytest.param("Event Publisher", "event-publisher", id="ascii-as-before"),
        pytest.param("Event_Bus v2.0", "event-bus-v2-0", id="underscore-is-a-separator"),
        pytest.param("API Кэш", "api-кэш", id="cyrillic-kept"),
        pytest.param("Zahlungsdienst Größe", "zahlungsdienst-grösse", id="sharp-s-folded"),
        pytest.param("決済 サービス", "決済-サービス", id="cjk-kept"),
        pytest.param("C++ Parser", "c-parser", id="symbols-dropped"),
        pytest.param("🚀", "1f680", id="no-letters-spelt"),
    ],
)
def test_anchor_slug(name: str, slug: str) -> None:
    """ASCII names slug as status names always did; other scripts keep their letters."""
    assert anchor_slug(component_key(name) or name) == slug


def test_unique_anchors_suffix_in_order_and_avoid_reserved() -> None:
    """The first key keeps the plain anchor; reserved ids and suffixed ones are never reused."""
    keys = ["c parser", "c++ parser", "c#+ parser", "index"]
    assert unique_anchors(keys, {"component-index"}) == [
        "component-c-parser", "component-c-parser_1", "component-c-parser_2",
        "component-index_1",
    ]  # fmt: skip


def _symbols(n: int) -> str:
    """``n`` written in ten symbols that fold keeps and slugs drop (``+``, ``#``, ``&``)."""
    return "".join("+#&"[n // 3**i % 3] for i in range(10))


def test_twenty_thousand_equal_slugs_stay_linear() -> None:
    """Suffixes resume where the last one stopped: 20,000 equal slugs, no quadratic walk."""
    keys = [f"x {_symbols(n)}" for n in range(20_000)]
    started = time.perf_counter()
    anchors = unique_anchors(keys)
    assert time.perf_counter() - started < 10  # linear: a few hundredths
    assert len(set(anchors)) == 20_000
    assert anchors[:2] == ["component-x", "component-x_1"]
    assert anchors[-1] == "component-x_19999"


def test_catalog_anchors_are_unique_and_reserved_ones_kept() -> None:
    """A catalog told the index title's id gives no row that id."""
    doc = DesignDoc(
        "a.md", "A", components=tuple(Component(n, n, i) for i, n in enumerate(["Index", "C"]))
    )
    statuses = StatusTable.build()
    assert [e.anchor for e in Catalog.from_docs([doc], statuses).components] == [
        "component-c", "component-index",
    ]  # fmt: skip
    reserved = Catalog.from_docs([doc], statuses, reserved=["component-index"])
    assert [e.anchor for e in reserved.components] == ["component-c", "component-index_1"]


def _site(doc: DesignDoc) -> Site:
    catalog = Catalog.from_docs([doc], StatusTable.build())
    insights = Insights.derive(catalog, last_changed={}, today=dt.date(2026, 1, 1))
    links = Links({doc.src_uri: "a/", "index.md": ""}, get_relative_url)
    return Site(catalog, insights, PageRules(statuses=catalog.statuses), links)


def test_the_link_check_reports_duplicate_ids_and_links_to_them() -> None:
    """An id the model has twice on a page is reported, and so is every link to it."""
    twice = DesignDoc(
        "a.md",
        "A",
        sections=(Section("Open Questions", "Open Questions", "q-why", 3),),
        questions=(Question("Why?", False, 5, "q-why"),),
    )
    site = _site(twice)
    site.href("index.md")("a.md", "q-why")
    assert site.duplicate_ids() == [("a.md", "q-why")]
    assert site.broken_links() == [("index.md", "a.md", "q-why")]
    fine = _site(twice.__class__("a.md", "A", questions=twice.questions))
    fine.href("index.md")("a.md", "q-why")
    assert (fine.duplicate_ids(), fine.broken_links()) == ([], [])


def test_rows_written_twice_on_a_page_are_reported() -> None:
    """Rows of marker views count: the same row id twice on a page is a duplicate."""
    doc = DesignDoc("a.md", "A", components=(Component("Queue", "queue", 3),))
    site = _site(doc)
    site.rows["index.md"] = ["component-queue", "component-queue"]
    assert site.duplicate_ids() == [("index.md", "component-queue")]


def test_a_component_named_like_the_index_title_keeps_off_its_id(tmp_path: Path) -> None:
    """A component ``Index``: its row must not take ``component-index``, the title's id."""
    page = HEAD.format(title="Search", status="Draft") + "## Component Structure\n\n### Index\n"
    built = build_site(write_site(tmp_path, {"search.md": page}))
    soup = pages(built)["design-catalog/components/index.html"]
    assert heading(soup, "component-index") == "h1"
    assert row_names(soup) == {"component-index_1": "Index"}
