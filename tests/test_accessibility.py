"""The plugin's own elements pass axe-core's WCAG 2 A and AA rules, under both themes.

axe-core comes with ``axe-playwright-python`` (its ``axe.min.js`` is in the wheel: nothing is
fetched at run time) and runs in Debian's Chromium on the sample site. What is checked is what
the plugin draws: the catalog pages' content (filters, live count, sortable tables, badges,
lists) and, on design pages, badges, banners and the "Supersedes" line. The themes' own chrome
(header, navigation, sidebars, footer, search) is outside the checked region, and the few
findings inside it that the theme owns are listed in ``THEME_OWNED`` with the reason.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
import test_browser
from test_browser import ARTIFACTS, COMPONENTS, CONTENT, OVERVIEW, QUESTIONS, open_view

if TYPE_CHECKING:
    from playwright.sync_api import Page

# The other browser tests' fixtures: the sample site per theme, served, and Chromium.
browser = test_browser.browser
page = test_browser.page
server = test_browser.server
tabs = test_browser.tabs
theme = test_browser.theme

try:
    from axe_playwright_python.sync_playwright import Axe
except ImportError as error:  # fail, never skip: the test extra installs it
    AXE_MISSING = str(error)
else:
    AXE_MISSING = ""

#: WCAG 2.0, 2.1 and 2.2, levels A and AA.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
#: What the plugin draws on a design page (the rest of it is the author's Markdown).
ON_DESIGN_PAGES = [
    ".design-status", ".design-banner", ".design-supersedes", ".design-neighbourhood",
    "mark.design-placeholder",
]  # fmt: skip
#: Findings inside the checked region that the theme owns: theme → rule id → elements.
THEME_OWNED = {
    # The default theme's link colour (#2fa4e7 on white, 2.76:1) is the theme's choice; the
    # plugin's links take the theme's colour like every other link of the page.
    "mkdocs": {"color-contrast": "a"},
}
GRAPH = "design-catalog/graph/"
#: The graph page's lists (the diagram itself is checked with the graph).
GRAPH_LISTS = [".design-graph-list", ".design-graph-findings"]


def audit(page: Page, theme: str, include: list[str]) -> list[dict[str, Any]]:
    """Run axe on ``include``; return its violations less those the theme owns."""
    if AXE_MISSING:
        pytest.fail(
            f"axe-playwright-python is not installed ({AXE_MISSING}): pip install -e .[test]"
        )
    context = {"include": [[selector] for selector in include]}
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, context=context, options=options).response
    owned = THEME_OWNED.get(theme, {})
    found = []
    for violation in results["violations"]:
        selector = owned.get(violation["id"])
        nodes = [
            n for n in violation["nodes"]
            if not (selector and page.locator(n["target"][0]).first.evaluate(
                "(e, s) => e.matches(s)", selector))
        ]  # fmt: skip
        if nodes:
            summaries = [(n["target"], n["failureSummary"]) for n in nodes]
            found.append({"id": violation["id"], "help": violation["help"], "nodes": summaries})
    return found


def report(theme: str, name: str, found: list[dict[str, Any]]) -> str:
    """Keep the findings as a test artefact and return them readably."""
    text = json.dumps(found, indent=1)
    (ARTIFACTS / f"{theme}-axe-{name}.json").write_text(text, encoding="utf-8")
    return text


@pytest.mark.parametrize(
    ("name", "path"),
    [("overview", OVERVIEW), ("components", COMPONENTS), ("questions", QUESTIONS)],
)
def test_catalog_pages(page: Page, theme: str, name: str, path: str) -> None:
    """A catalog page, filtered and sorted (live count updated), has no violations."""
    open_view(page, path)
    found = audit(page, theme, [CONTENT])
    assert found == [], report(theme, name, found)
    page.get_by_label("Status").select_option(index=1)
    page.locator(".design-filter__text").fill("a")
    if name != "questions":
        page.locator(f"{CONTENT} .design-sort").first.click()
    found = audit(page, theme, [CONTENT])
    assert found == [], report(theme, f"{name}-filtered", found)


def test_graph_page_lists(page: Page, theme: str) -> None:
    """The graph page's linked lists (the graph written out, its disagreements) pass."""
    page.goto(GRAPH)
    lists = [f"{CONTENT} {s}" for s in GRAPH_LISTS if page.locator(f"{CONTENT} {s}").count()]
    assert lists
    found = audit(page, theme, lists)
    assert found == [], report(theme, "graph", found)


@pytest.mark.parametrize(
    "path", ["platform/webhook-dispatcher/", "platform/event-bus/", "shipments/eta-prediction/"]
)
def test_design_pages(page: Page, theme: str, path: str) -> None:
    """Badges, banners and the Supersedes line on design pages have no violations."""
    page.goto(path)
    present = [s for s in ON_DESIGN_PAGES if page.locator(f"{CONTENT} {s}").count()]
    assert ".design-status" in present
    found = audit(page, theme, [f"{CONTENT} {s}" for s in present])
    assert found == [], report(theme, path.strip("/").replace("/", "-"), found)


def test_phone_width(page: Page, theme: str) -> None:
    """The overview at 390 px, its table scrolling in its own box, has no violations."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_view(page, OVERVIEW)
    found = audit(page, theme, [CONTENT])
    assert found == [], report(theme, "overview-390", found)
