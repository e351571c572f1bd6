"""The catalog filter script (``catalog.js``) in a real headless browser, under both themes.

The sample site is built once per theme and served over HTTP; Playwright drives Debian's
``chromium`` (no browser download: ``executable_path``). Tests type, click and read what is shown,
and keep screenshots in ``test-artifacts/browser/``. Without Playwright or Chromium they fail,
never skip: CI installs both.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import ROOT, SAMPLE_SITE, build_site

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, BrowserContext, Page

try:
    from playwright.sync_api import sync_playwright
except ImportError as error:  # reported by the ``browser`` fixture: fail, never skip
    PLAYWRIGHT_MISSING = str(error)
else:
    PLAYWRIGHT_MISSING = ""

CHROMIUM = os.environ.get("DESIGN_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = ROOT / "test-artifacts" / "browser"
THEMES = ("mkdocs", "material")
#: The page content under either theme (MkDocs' theme has tables in its help dialog too).
CONTENT = ":is(div[role=main], article.md-content__inner)"
OVERVIEW = "design-catalog/"
COMPONENTS = "design-catalog/components/"
QUESTIONS = "design-catalog/questions/"
APPROVED = ["API Rate Limiting", "Carrier Gateway", "Invoice Generation", "Usage Metering"]
BILLING = [
    "Invoice Generation", "Usage Metering", "Multi-Currency Pricing", "Prepaid Shipment Credits",
]  # fmt: skip


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep request lines out of the test output."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A page closed while a file was still downloading is normal here; anything else is not."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _build(root: Path, name: str, config: str, inherit: str = "") -> Path:
    """Build a private copy of the sample site with ``config``; return its site folder.

    ``inherit`` is extra YAML written to a config that inherits ``config``.
    """
    source = root / f"src-{name}"
    shutil.copytree(SAMPLE_SITE, source, ignore=shutil.ignore_patterns("site", "site-material"))
    config_file = source / config
    if inherit:
        config_file = source / f"{name}.yml"
        config_file.write_text(f"INHERIT: {config}\n{inherit}", encoding="utf-8")
    site_dir = root / "www" / name
    shutil.move(build_site(config_file).site_dir, site_dir)
    return site_dir


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site built per theme (and Material with instant navigation), served locally."""
    root = tmp_path_factory.mktemp("browser")
    (root / "www").mkdir()
    handler = functools.partial(_Quiet, directory=str(root / "www"))
    httpd = _Server(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{httpd.server_port}/"
    # Instant navigation only follows links listed in sitemap.xml, whose URLs come from
    # site_url and must match the served ones up to the host name.
    instant = (
        f"site_url: {base}instant/\n"
        "theme:\n  name: material\n  features: [navigation.sections, navigation.instant]\n"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        _build(root, "mkdocs", "mkdocs.yml")
        _build(root, "material", "mkdocs-material.yml")
        _build(root, "instant", "mkdocs-material.yml", instant)
    with serving(httpd):
        yield base


@contextlib.contextmanager
def serving(httpd: ThreadingHTTPServer) -> Iterator[None]:
    """Run a local HTTP server in a thread for the duration (shared with the injection tests)."""
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium through Playwright; a clear failure when either is missing."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with chromium() as launched:
        yield launched


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Launch the system Chromium with Playwright (shared with the injection tests)."""
    if PLAYWRIGHT_MISSING:
        pytest.fail(
            f"Playwright is not installed ({PLAYWRIGHT_MISSING}): pip install playwright; "
            "no browser download is needed, the tests use the system Chromium"
        )
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Tabs:
    """One browser context per theme (and per scripting setting) for the module, a page per test.

    Only the local server is reachable (no CDN fonts or scripts), and errors raised by
    ``catalog.js`` are collected so the test that caused them fails.
    """

    def __init__(self, browser: Browser, server: str) -> None:
        self.browser, self.server = browser, server
        self.contexts: dict[tuple[str, bool], BrowserContext] = {}
        self.errors: list[str] = []

    def context(self, theme: str, *, javascript: bool = True) -> BrowserContext:
        key = (theme, javascript)
        if key not in self.contexts:
            context = self.browser.new_context(
                base_url=f"{self.server}{theme}/", viewport={"width": 1280, "height": 900},
                java_script_enabled=javascript,
            )  # fmt: skip
            context.set_default_timeout(5000)
            local = re.compile(r"^(?!" + re.escape(self.server) + ")")
            context.route(local, lambda route: route.abort())
            context.on("weberror", lambda e: self.errors.append(e.error.stack or str(e.error)))
            self.contexts[key] = context
        return self.contexts[key]

    @contextlib.contextmanager
    def page(self, theme: str, *, javascript: bool = True) -> Iterator[Page]:
        """A new page; on exit all pages are closed and our script must not have failed."""
        context = self.context(theme, javascript=javascript)
        self.errors.clear()
        try:
            yield context.new_page()
        finally:
            for opened in context.pages:
                opened.close()
        ours = [e for e in self.errors if "catalog.js" in e]
        assert not ours, ours


@pytest.fixture(scope="module")
def tabs(browser: Browser, server: str) -> Iterator[Tabs]:
    """Pages on the served sites, per theme."""
    made = Tabs(browser, server)
    yield made
    for context in made.contexts.values():
        context.close()


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest) -> str:
    """Each test runs on the default MkDocs theme and on Material."""
    return str(request.param)


@pytest.fixture
def page(tabs: Tabs, theme: str) -> Iterator[Page]:
    """A fresh page on the ``theme`` build."""
    with tabs.page(theme) as new:
        yield new


def open_view(page: Page, path: str) -> Page:
    """Open a catalog page and wait until the script has filled in its controls."""
    page.goto(path, wait_until="domcontentloaded")
    loaded = page.evaluate("window.mkdocsDesignFilter === true")
    assert loaded, f"catalog.js did not run on {page.url}: check its <script src> on that page"
    page.locator(".design-filter__count").wait_for()
    return page


def shown(page: Page) -> list[str]:
    """The first cell of every table row the user can see, in page order."""
    cells = page.locator(f"{CONTENT} tbody tr:visible td:first-child")
    return [t.strip() for t in cells.all_inner_texts()]


def column(page: Page, index: int) -> list[str]:
    """The text of column ``index`` in every visible row."""
    cells = page.locator(f"{CONTENT} tbody tr:visible td:nth-child({index})")
    return [t.strip() for t in cells.all_inner_texts()]


def count(page: Page) -> str:
    return page.locator(".design-filter__count").inner_text()


def snap(page: Page, theme: str, name: str, *, full: bool = False) -> None:
    """Keep a screenshot as a test artefact (``full``: the whole page, not just the window)."""
    page.screenshot(path=str(ARTIFACTS / f"{theme}-{name}.png"), full_page=full)


def test_controls_offer_what_the_page_holds(page: Page, theme: str) -> None:
    """Labelled controls list only the statuses (in lifecycle order) and folders present."""
    open_view(page, OVERVIEW)
    statuses = page.locator(".design-filter__status option").all_inner_texts()
    assert statuses == [
        "All statuses", "Draft", "In Review", "Approved", "Implemented", "Deferred", "Rejected",
        "Superseded", "Deprecated",
    ]  # fmt: skip
    folders = page.locator(".design-filter__folder option").all_inner_texts()
    assert folders == ["All teams", "billing", "platform", "shipments"]
    assert page.get_by_label("Status").count() == 1
    assert page.get_by_label("Team").count() == 1
    assert page.get_by_role("searchbox", name="Filter designs by text").count() == 1
    assert page.locator(".design-filter__count").get_attribute("aria-live") == "polite"
    assert count(page) == "12 of 12 designs"
    assert len(shown(page)) == 12
    snap(page, theme, "overview")


def test_filter_by_status(page: Page, theme: str) -> None:
    """Choosing a status shows only its designs and says how many."""
    open_view(page, OVERVIEW)
    page.get_by_label("Status").select_option("approved")
    assert shown(page) == APPROVED
    assert count(page) == "4 of 12 designs"
    assert "status=approved" in page.url
    snap(page, theme, "overview-approved")


def test_filter_by_folder(page: Page) -> None:
    """Choosing a team folder shows only the designs in it."""
    open_view(page, OVERVIEW)
    page.get_by_label("Team").select_option("billing")
    assert sorted(shown(page)) == sorted(BILLING)
    assert count(page) == "4 of 12 designs"


def test_filter_by_text(page: Page, theme: str) -> None:
    """Typed words narrow the rows (all words, any case); emptying the box shows all again."""
    open_view(page, OVERVIEW)
    search = page.locator(".design-filter__text")
    search.press_sequentially("gateway")
    assert shown(page) == ["Carrier Gateway"]
    search.fill("Aiko sign")
    assert shown(page) == ["Single Sign-On"]
    assert count(page) == "1 of 12 designs"
    assert "text=Aiko+sign" in page.url
    snap(page, theme, "overview-text")
    search.fill("")
    assert len(shown(page)) == 12
    assert "text=" not in page.url


def test_filters_combine(page: Page) -> None:
    """Status, folder and text apply together; no match shows zero rows and says so."""
    open_view(page, OVERVIEW)
    page.get_by_label("Status").select_option("approved")
    page.get_by_label("Team").select_option("platform")
    assert shown(page) == ["API Rate Limiting"]
    page.locator(".design-filter__text").fill("no such design")
    assert shown(page) == []
    assert count(page) == "0 of 12 designs"
    assert page.locator(f"{CONTENT} table").is_visible()


def test_sort_by_name_both_ways(page: Page) -> None:
    """A header click sorts ascending, a second click descending, with aria-sort to match."""
    open_view(page, OVERVIEW)
    header = page.locator(f"{CONTENT} th", has_text="Design").first
    header.get_by_role("button").click()
    names = shown(page)
    assert names == sorted(names, key=str.lower)
    assert names[0] == "API Rate Limiting"
    assert header.get_attribute("aria-sort") == "ascending"
    header.get_by_role("button").click()
    assert shown(page) == names[::-1]
    assert header.get_attribute("aria-sort") == "descending"
    assert page.locator("th[aria-sort]").count() == 1


def test_sort_numbers_and_dates(page: Page) -> None:
    """Counts and ratios sort by value (4/16 before 12/16), dates as text."""
    open_view(page, OVERVIEW)
    page.get_by_role("button", name="Complete").click()
    ratios = [int(c.split("/")[0]) for c in column(page, 9)]
    assert ratios == sorted(ratios)
    assert ratios[0] < 10 <= ratios[-1]
    page.get_by_role("button", name="Created").click()
    page.get_by_role("button", name="Created").click()
    dates = column(page, 3)
    assert dates == sorted(dates, reverse=True)
    assert "sort=3" in page.url
    assert "order=desc" in page.url


def test_url_round_trip(page: Page, theme: str) -> None:
    """A filtered, sorted view's URL opens the same view in a new page."""
    open_view(page, OVERVIEW)
    page.get_by_label("Team").select_option("platform")
    page.get_by_label("Status").select_option("approved")
    page.get_by_label("Status").select_option("")
    page.locator(".design-filter__text").fill("e")
    page.get_by_role("button", name="Components").click()
    page.get_by_role("button", name="Components").click()
    rows, url = shown(page), page.url
    assert "folder=platform" in url
    assert "status=" not in url
    other = page.context.new_page()
    open_view(other, url)
    assert shown(other) == rows
    assert other.locator(".design-filter__folder").input_value() == "platform"
    assert other.locator(".design-filter__status").input_value() == ""
    assert other.locator(".design-filter__text").input_value() == "e"
    components = other.locator("th", has_text="Components")
    assert components.get_attribute("aria-sort") == "descending"
    snap(other, theme, "overview-shared-url")


def test_unknown_url_values_are_ignored(page: Page) -> None:
    """A shared URL with values the page does not have shows everything rather than nothing."""
    open_view(page, f"{OVERVIEW}?status=nonsense&folder=nowhere&sort=99")
    assert len(shown(page)) == 12
    assert page.locator("th[aria-sort]").count() == 0


def _headings(page: Page) -> list[str]:
    headings = page.locator(f"{CONTENT} h2:visible")
    return [str(h) for h in headings.evaluate_all("hs => hs.map(h => h.id)")]


def test_questions_by_status_hide_whole_groups(page: Page, theme: str) -> None:
    """Status and folder hide a design's heading, badge and list; resolved questions stay."""
    open_view(page, QUESTIONS)
    assert count(page) == "33 of 33 questions"
    page.get_by_label("Status").select_option("approved")
    assert _headings(page) == [
        "api-rate-limiting", "carrier-gateway", "usage-metering", "resolved-questions",
    ]  # fmt: skip
    assert page.locator(f"{CONTENT} p:visible:has(> .design-row)").count() == 3
    assert page.get_by_text("Decided but not settled").is_visible()
    snap(page, theme, "questions-approved", full=True)
    page.get_by_label("Team").select_option("billing")
    assert _headings(page) == ["usage-metering", "resolved-questions"]
    assert count(page) == "17 of 33 questions"


def test_questions_text_hides_single_questions(page: Page, theme: str) -> None:
    """Text hides questions one by one, then groups with none left, resolved ones included."""
    open_view(page, QUESTIONS)
    page.locator(".design-filter__text").press_sequentially("redis")
    visible = page.locator(f"{CONTENT} li:visible", has=page.locator("a[href*='#q-']"))
    texts = visible.all_inner_texts()
    assert texts
    assert all("redis" in t.lower() for t in texts)
    assert count(page) == f"{len(texts)} of 33 questions"
    assert _headings(page) == ["resolved-questions"]
    page.locator(".design-filter__text").fill("carrier gateway")
    assert "carrier-gateway" in _headings(page)
    group = page.locator("#carrier-gateway + p + ul li:visible")
    assert group.count() == 2
    snap(page, theme, "questions-text")


def test_components_by_folder(page: Page, theme: str) -> None:
    """The component index filters by team folder and by any of a component's statuses."""
    open_view(page, COMPONENTS)
    assert count(page) == "35 of 35 components"
    page.get_by_label("Team").select_option("billing")
    rows = page.locator(f"{CONTENT} tbody tr:visible .design-row")
    folders = rows.evaluate_all("rs => rs.map(r => r.dataset.folder)")
    assert folders
    assert all("billing" in f.split() for f in folders)
    assert count(page) == f"{len(folders)} of 35 components"
    snap(page, theme, "components-billing")
    page.get_by_label("Team").select_option("")
    page.get_by_label("Status").select_option("superseded")
    assert "Event Publisher" in shown(page)


def test_select_keys_do_not_trigger_theme_shortcuts(page: Page) -> None:
    """Keys typed on a select stay there (MkDocs' theme would go to the next page on "n")."""
    open_view(page, OVERVIEW)
    before = page.url
    page.get_by_label("Status").focus()
    page.keyboard.press("n")
    page.keyboard.press("p")
    page.wait_for_timeout(200)
    assert page.url == before


@pytest.mark.parametrize("path", [OVERVIEW, COMPONENTS, QUESTIONS])
def test_pages_are_complete_without_javascript(tabs: Tabs, theme: str, path: str) -> None:
    """With scripting off every row and question shows, and the empty filter takes no space."""
    with tabs.page(theme, javascript=False) as no_js:
        no_js.goto(path)
        box = no_js.locator(".design-filter")
        assert box.count() == 1
        assert box.inner_html() == ""
        assert box.bounding_box() is None
        rows = no_js.locator(f"{CONTENT} tbody tr")
        assert rows.count() == no_js.locator(f"{CONTENT} tbody tr:visible").count()
        assert no_js.locator(f"{CONTENT} [hidden]").count() == 0
        assert no_js.locator(".design-sort").count() == 0
        if path == OVERVIEW:
            assert len(shown(no_js)) == 12
        if path == QUESTIONS:
            assert no_js.locator(f"{CONTENT} li", has=no_js.locator("a[href*='#q-']")).count() == 33
        snap(no_js, theme, f"no-js-{path.strip('/').replace('/', '-')}", full=path != COMPONENTS)


def test_material_instant_navigation(tabs: Tabs) -> None:
    """Material's instant navigation sets the controls up once on each catalog page visited."""
    with tabs.page("instant") as page:
        page.goto("")
        page.evaluate("window.notReloaded = true")
        page.locator("a[href$='design-catalog/']").first.click()
        page.locator(".design-filter__count").wait_for()
        assert page.evaluate("window.notReloaded"), "expected an instant (script-side) navigation"
        assert page.locator(".design-filter__status").count() == 1
        page.get_by_label("Status").select_option("draft")
        assert len(shown(page)) == 2
        page.locator("a[href$='design-catalog/questions/']").first.click()
        page.wait_for_url(re.compile("questions/$"))
        page.locator(".design-filter[data-design-view=questions] .design-filter__count").wait_for()
        assert page.locator(".design-filter select").count() == 2
        assert page.locator(".design-filter__count").inner_text() == "33 of 33 questions"
        page.go_back()
        page.locator(".design-filter[data-design-view=overview] .design-filter__count").wait_for()
        assert page.locator(".design-filter__status").count() == 1
        assert page.locator(".design-filter__status").input_value() == "draft"
        assert len(shown(page)) == 2
        assert page.evaluate("window.notReloaded")


#: Each nav status icon's status class and its computed mask, as Material draws it.
NAV_ICONS = """els => els.map(e => [
  [...e.classList].find(c => c.startsWith('md-status--')).slice(11),
  getComputedStyle(e, '::after').maskImage || getComputedStyle(e, '::after').webkitMaskImage,
  getComputedStyle(e, '::after').backgroundColor])"""


def test_material_nav_icons_differ_by_status(tabs: Tabs) -> None:
    """Under Material each status has its own nav icon shape (and colour), not one icon for all."""
    with tabs.page("material") as page:
        page.goto("platform/event-bus/")
        icons = page.locator(".md-nav .md-status").evaluate_all(NAV_ICONS)
        by_status = {status: (mask, colour) for status, mask, colour in icons}
        assert set(by_status) == {
            "draft", "in-review", "approved", "implemented", "deferred", "rejected",
            "superseded", "deprecated",
        }  # fmt: skip
        masks = [mask for mask, _ in by_status.values()]
        assert all(m.startswith('url("data:image/svg+xml') for m in masks), masks
        assert len(set(masks)) == len(masks)
        assert len({colour for _, colour in by_status.values()}) >= 7  # Deprecated is grey too
        snap(page, "material", "nav-status-icons")


def test_badges_carry_a_shape(page: Page) -> None:
    """Each badge shows its word and its role's icon; Draft is dashed, Rejected struck through."""
    open_view(page, OVERVIEW)
    badges = page.locator(f"{CONTENT} .design-badge")
    shapes = badges.evaluate_all(
        """bs => bs.map(b => [b.dataset.designStatus, b.innerText.trim(),
             getComputedStyle(b, '::before').maskImage, getComputedStyle(b).borderStyle,
             getComputedStyle(b).textDecorationLine])"""
    )
    icons = {status: icon for status, _, icon, _, _ in shapes}
    assert len(icons) == 8
    assert len(set(icons.values())) == 8
    assert all(icon.startswith("url(") for icon in icons.values())
    for status, text, _, border, line in shapes:
        assert text.split() == ["Status:", *status.split()]
        assert (border == "dashed") == (status == "Draft")
        assert (line == "line-through") == (status == "Rejected")


def test_script_stays_small() -> None:
    """The script stays a few kilobytes, comments included (no framework, no build step)."""
    size = (ROOT / "mkdocs_design/output/assets/catalog.js").stat().st_size
    assert size < 10 * 1024, size
