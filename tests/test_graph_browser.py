"""The dependency graph page in a real browser, with every request off the site blocked.

The sample site is built per theme and served locally; Chromium may reach nothing else, so a
picture that needed a script or a stylesheet from a CDN would not show. The picture must be
there, readable (no box over another, every name inside its box in the theme's real font) and
without any Mermaid source. Screenshots go to ``test-artifacts/browser/<theme>-graph.png``.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest
from test_browser import ARTIFACTS, CONTENT, THEMES, _build, _Quiet, _Server, chromium, serving

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

GRAPH = "design-catalog/graph/"
#: Each node's box and the box of its text, as the browser lays them out.
BOXES = """
svg => [...svg.querySelectorAll("[data-node]")].map(node => {
  const box = node.querySelector("rect").getBBox();
  const text = [...node.querySelectorAll("text")].map(t => t.getBBox());
  return {box: [box.x, box.y, box.width, box.height],
          text: text.map(t => [t.x, t.y, t.width, t.height])};
})
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site under both themes, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("graph")
    (root / "www").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        _build(root, "mkdocs", "mkdocs.yml")
        _build(root, "material", "mkdocs-material.yml")
    httpd = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root / "www")))
    with serving(httpd):
        yield f"http://127.0.0.1:{httpd.server_port}/"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium through Playwright."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with chromium() as launched:
        yield launched


@dataclass
class Offline:
    """A page that can reach the local server only, and the requests that were blocked."""

    page: Page
    theme: str
    blocked: list[str] = field(default_factory=list)


@pytest.fixture(params=THEMES)
def offline(browser: Browser, served: str, request: pytest.FixtureRequest) -> Iterator[Offline]:
    """A page at 1280 px on the ``theme`` build; every request off the site is aborted."""
    theme = str(request.param)
    context = browser.new_context(
        base_url=f"{served}{theme}/", viewport={"width": 1280, "height": 900}
    )
    context.route(lambda url: not url.startswith(served), lambda route: route.abort())
    made = Offline(context.new_page(), theme)
    made.page.on("requestfailed", lambda r: made.blocked.append(r.url))
    yield made
    context.close()


def test_graph_renders_offline_under_both_themes(offline: Offline) -> None:
    """The picture shows with the network blocked: 12 designs, no box over another, no Mermaid."""
    page = offline.page
    page.goto(GRAPH, wait_until="load")
    figure = page.locator(f"{CONTENT} figure.design-graph")
    svg = figure.locator("svg.design-graph__svg")
    assert svg.is_visible()
    assert svg.get_attribute("role") == "img"
    assert "12 designs" in (svg.get_attribute("aria-label") or "")
    assert svg.locator("a.design-graph__node--design").count() == 12
    assert svg.locator(".design-graph__node--external").count() == 3
    size = svg.bounding_box()
    assert size is not None
    assert size["width"] > 400, "drawn at a readable size, not shrunk"
    nodes = svg.evaluate(BOXES)
    for a, b in itertools.combinations([n["box"] for n in nodes], 2):
        assert not (a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3]
                    and b[1] < a[1] + a[3]), (a, b)  # fmt: skip
    for node in nodes:
        x, y, width, height = node["box"]
        for tx, ty, tw, th in node["text"]:
            assert x <= tx <= tx + tw <= x + width, ("name wider than its box", node)
            assert y <= ty <= ty + th <= y + height, ("name taller than its box", node)
    shown = page.locator(CONTENT).inner_text()
    assert "flowchart" not in shown
    assert "classDef" not in shown
    assert page.locator(".mermaid, code.language-mermaid").count() == 0
    assert not [url for url in offline.blocked if "mermaid" in url]
    details = page.locator("details.design-graph-detail")
    assert details.count() == 12
    details.first.locator("summary").click()
    assert details.first.locator("svg").is_visible()
    details.first.locator("summary").click()
    page.evaluate("window.scrollTo(0, 0)")
    page.mouse.move(0, 0)  # no box shown hovered
    bottom = figure.bounding_box()
    assert bottom is not None
    page.screenshot(
        path=str(ARTIFACTS / f"{offline.theme}-graph.png"), full_page=True,
        clip={"x": 0, "y": 0, "width": 1280, "height": bottom["y"] + bottom["height"] + 24},
    )  # fmt: skip


def test_a_node_is_a_link_to_its_design(offline: Offline) -> None:
    """Clicking a box opens the design's page."""
    page = offline.page
    page.goto(GRAPH, wait_until="load")
    page.locator("figure.design-graph a.design-graph__node", has_text="Event Bus").click()
    page.wait_for_url("**/platform/event-bus/")
    assert "Event Bus" in page.locator("h1").first.inner_text()
