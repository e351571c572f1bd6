"""A site's own status vocabulary, carried everywhere, in a real browser under both themes.

The site adds ``Shipped`` after Approved (like Implemented, with its own colour) and
``Cancelled`` like Rejected; the badge colour, the filter's order, the column sort, the graph's
colours and shapes and the banners must all follow the configuration, with nothing hard-coded.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import pytest
from conftest import build_site, write_site
from test_browser import ARTIFACTS, CONTENT, NAV_ICONS, THEMES, _Quiet, _Server, chromium, serving

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser, Page

SHIPPED = "#b35900"  # rgb(179, 89, 0)
STATUSES = [
    {"name": "Shipped", "after": "Approved", "like": "Implemented", "color": SHIPPED},
    {"name": "Cancelled", "like": "Rejected", "aliases": ["Scrapped"]},
]
#: Title → status as written; the catalog lists them in lifecycle order.
DESIGNS = {
    "Ledger": "Implemented", "Invoices": "Shipped", "Refunds": "Draft", "Payouts": "Approved",
    "Tax Rules": "Scrapped",
}  # fmt: skip
LIFECYCLE = ["Draft", "Approved", "Shipped", "Implemented", "Cancelled"]


def design(title: str, status: str) -> str:
    return (
        f"# Design: {title}\n\n**Created:** 2025-01-02\n**Status:** {status}\n\n"
        "## Architecture Overview\n\nText.\n\n## Component Structure\n\n"
        f"#### 1. {title} Store\n\n**Responsibility:** Keeps {title.lower()}.\n"
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built under both themes, served locally."""
    root = tmp_path_factory.mktemp("statuses")
    www = root / "www"
    www.mkdir()
    docs = {f"{t.lower().replace(' ', '-')}.md": design(t, s) for t, s in DESIGNS.items()}
    for theme in THEMES:
        config = write_site(
            root / theme, docs,
            {"theme": {"name": theme},
             "plugins": [{"design": {"statuses": STATUSES, "nav_status": True}}]},
        )  # fmt: skip
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("NO_MKDOCS_2_WARNING", "1")
            built = build_site(config)
        assert built.messages() == []
        built.site_dir.rename(www / theme)
    httpd = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(www)))
    with serving(httpd):
        yield f"http://127.0.0.1:{httpd.server_port}/"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium through Playwright."""
    with chromium() as launched:
        yield launched


@pytest.fixture(params=THEMES)
def page(browser: Browser, served: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page on the ``theme`` build; nothing outside the local server is reachable."""
    context = browser.new_context(base_url=f"{served}{request.param}/")
    context.route(lambda url: not url.startswith(served), lambda route: route.abort())
    yield context.new_page()
    context.close()


def test_badge_takes_the_configured_colour(page: Page) -> None:
    """The Shipped badge is drawn in its own colour; the word is still there."""
    page.goto("invoices/")
    badge = page.locator(".design-badge").first
    assert badge.inner_text().split() == ["Status:", "Shipped"]
    assert badge.evaluate("e => getComputedStyle(e).color") == "rgb(179, 89, 0)"


def test_status_filter_and_column_sort_follow_the_lifecycle(page: Page) -> None:
    """The filter lists statuses in lifecycle order; sorting the Status column does too."""
    page.goto("design-catalog/")
    page.locator(".design-filter__count").wait_for()
    options = page.locator(".design-filter__status option").all_inner_texts()
    assert options == ["All statuses", *LIFECYCLE]
    rows = page.locator(f"{CONTENT} tbody tr td:nth-child(2) .design-badge")

    def statuses() -> list[str]:
        return [badge.get_attribute("data-design-status") or "" for badge in rows.all()]

    assert statuses() == LIFECYCLE  # catalog order
    header = page.locator(f"{CONTENT} thead th").nth(1).locator("button")
    header.click()
    header.click()  # descending
    assert statuses() == LIFECYCLE[::-1]
    header.click()
    assert statuses() == LIFECYCLE


def test_graph_and_banner_follow_the_roles(page: Page, tmp_path: Path) -> None:
    """Shipped is drawn in its own colour with Implemented's shape; Cancelled gets a banner."""
    page.goto("design-catalog/graph/")
    node = page.locator("figure.design-graph a.design-graph__node", has_text="Invoices")
    assert "design-graph__node--role-implemented" in (node.get_attribute("class") or "")
    rect = node.locator("rect")
    assert rect.evaluate("e => getComputedStyle(e).stroke") == "rgb(179, 89, 0)"
    assert rect.evaluate("e => getComputedStyle(e).strokeWidth") == "3.5px"
    page.goto("tax-rules/")
    banner = page.locator(".design-banner--cancelled")
    assert "Cancelled" in banner.inner_text()


def test_nav_icons_follow_the_roles(browser: Browser, served: str) -> None:
    """Under Material a site's own status gets its role's nav icon, in its own colour."""
    context = browser.new_context(base_url=f"{served}material/")
    context.route(lambda url: not url.startswith(served), lambda route: route.abort())
    page = context.new_page()
    page.goto("ledger/")
    icons = page.locator(".md-nav .md-status").evaluate_all(NAV_ICONS)
    mask = {status: icon for status, icon, _ in icons}
    colour = {status: paint for status, _, paint in icons}
    role = page.evaluate(
        "r => getComputedStyle(document.documentElement).getPropertyValue('--design-icon--' + r)",
        "rejected",
    )
    assert set(mask) == {"draft", "approved", "shipped", "implemented", "cancelled"}
    assert mask["shipped"] == mask["implemented"]  # like: Implemented
    assert colour["shipped"] == "rgb(179, 89, 0)" != colour["implemented"]
    assert mask["cancelled"] == role.strip()  # like: Rejected
    assert len({mask["draft"], mask["approved"], mask["implemented"], mask["cancelled"]}) == 4
    page.screenshot(path=str(ARTIFACTS / "material-nav-status-own-statuses.png"))
    context.close()


def test_badges_of_own_statuses_take_their_roles_icon(page: Page) -> None:
    """The Shipped badge shows Implemented's icon; Cancelled is struck through like Rejected."""
    page.goto("design-catalog/")
    badges = page.locator(f"{CONTENT} .design-badge").evaluate_all(
        """bs => Object.fromEntries(bs.map(b => [b.dataset.designStatus,
             [getComputedStyle(b, '::before').maskImage,
              getComputedStyle(b).textDecorationLine]]))"""
    )
    assert badges["Shipped"][0] == badges["Implemented"][0] != "none"
    assert badges["Cancelled"][1] == "line-through"
