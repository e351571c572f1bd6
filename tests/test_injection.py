"""No script injection: text from design pages shows as text everywhere the plugin puts it.

A site whose design pages carry HTML, JavaScript, ``javascript:`` links, attribute-breaking
quotes, attr_list syntax and Mermaid syntax in every field (title, status, owner, component
names, responsibilities and dependencies, questions, Depends On / Used By, team folder, marker
filters) is built under the default theme and under Material, with
``neighbourhood`` and ``banner_draft`` on, and served on 127.0.0.1. Every built page is opened in
Debian's Chromium (Playwright, ``executable_path``) with ``alert``/``confirm``/``prompt`` trapped
and dialogs watched; nothing may set ``window.__pwned`` or open a dialog, and the live DOM may
hold no script but the theme's and ours, no ``on*`` attribute and no ``javascript:`` URL.

The payloads are written the way that makes the author's *own* page show them as text (code
spans, character references, front matter), so the parser reads ``<script>…`` while MkDocs
renders it inert: whatever runs was put there by the plugin. One page, ``raw.md``, is the
control: its author wrote real HTML (``window.__author_*``), which MkDocs renders as HTML on that
page. It must run there (the traps work) exactly once, and nowhere else (the plugin shows it as
text on every page it copies it to).

Deliberately left out, because MkDocs or Material render them without escaping whether or not the
plugin is installed: HTML in a folder name when MkDocs makes the nav section title from it (this
site has an explicit ``nav``), HTML in a front-matter ``title``, and a ``"`` in a front-matter
``status`` (Material prints it into a ``class`` attribute of its navigation).
"""

from __future__ import annotations

import functools
import html
import json
import re
import textwrap
import urllib.request
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build_site
from test_browser import _Quiet, _Server, chromium, serving

from mkdocs_design.reading.text import plain_text


def readable(markdown: str) -> str:
    """A line of Markdown as the questions dashboard shows it."""
    return plain_text(markdown, tags=True)


if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser, BrowserContext, Dialog, Page

ARTIFACTS = ROOT / "test-artifacts" / "injection"
THEMES = ("mkdocs", "material")
CONTENT = ":is(div[role=main], article.md-content__inner)"

# What the parser reads from each field. Each page below writes it so that its own page shows
# it as text; ``window.__pwned=N`` numbers say which field a failure came from.
TITLE = "<script>window.__pwned=1</script>"
STATUS_JS = "Superseded by [x](javascript:window.__pwned=2)"
STATUS_UNKNOWN = '`<img src=x onerror="window.__pwned=3">`'
QUESTION_SVG = '`"><svg onload="window.__pwned=4">`'
ENTITY_TITLE = '<img src=x onerror="window.__pwned=5">'
OWNER = '<img src=x onerror="window.__pwned=6">'
USED_BY = "</code><script>window.__pwned=7</script>"
COMPONENT = '<img src=x onerror="window.__pwned=8">'
RESPONSIBILITY = '"><svg onload="window.__pwned=9">'
COMPONENT_DEP = "<script>window.__pwned=10</script>"
RESPONSIBILITY_LINK = "[x](javascript:window.__pwned=11)"
QUESTION_ENTITIES = "&lt;img src=x onerror=&quot;window.__pwned=12&quot;&gt;"
QUESTION_RESOLVED = "`<script>window.__pwned=13</script>` was answered"
OWNER_LINE = "<script>window.__pwned=14</script>"
ATTR_COMPONENT = 'Attr {: onclick="window.__pwned=15" }'
ATTR_RESPONSIBILITY = '| cell | {: onmouseover="window.__pwned=16" }'
QUESTION_ATTR = '`{: onclick="window.__pwned=17" } [y](javascript:window.__pwned=18)`'
SUCCESSOR_TITLE = '"><svg onload="window.__pwned=19">'
SUPERSEDED_TITLE = "' onmouseover='window.__pwned=20"
TEAM = 'team"><svg onload="window.__pwned=21">'
MARKDOWN_STATUS = "[Status](javascript:window.__pwned=25) `x` {: onclick=window.__pwned=26 }"
CREATED = '<svg onload="window.__pwned=27">'
PLACEHOLDER = '[TODO: <img src=x onerror="window.__pwned=28">]'
DEPENDS_ON_HTML = '<img src=x onerror="window.__pwned=24">'
MERMAID_DEPS = (
    'A"] --> B["x',
    "end",
    "click A call alert(1)",
    '%%{init: {"securityLevel": "loose"}}%%',
)

DOCS = {
    "index.md": "# Home\n\nThe [design catalog](design-catalog/index.md).\n",
    "views.md": """
        # Views

        <!-- design/overview folder="payloads" -->

        <!-- design/components status="Superseded" -->

        <!-- design/questions -->

        <!-- design/graph -->

        <!-- design/overview status="<script>window.__pwned=22</script>" -->

        <!-- design/questions folder="&quot;><img src=x onerror=window.__pwned=23>" -->
    """,
    "payloads/code-spans.md": f"""
        ---
        owner: '{OWNER}'
        status: '{STATUS_JS}'
        ---
        # Design: `{TITLE}`

        **Created:** 2025-01-01

        ## Architecture Overview

        Every field of this design carries a payload in a code span.

        ## System Context

        - **Depends On:** `{DEPENDS_ON_HTML}`, {", ".join(MERMAID_DEPS)}
        - **Used By:** `{USED_BY}`

        ## Component Structure

        ### Components

        #### 1. `{COMPONENT}`

        **Responsibility:** `{RESPONSIBILITY}`

        **Dependencies:**
        - `{COMPONENT_DEP}`
        - end

        #### 2. `{ATTR_COMPONENT}`

        **Responsibility:** `{RESPONSIBILITY_LINK}`

        ## Open Questions

        - [ ] {QUESTION_SVG}
        - [ ] {QUESTION_ENTITIES}
        - [x] {QUESTION_RESOLVED}
    """,
    "payloads/entities.md": f"""
        ---
        created: '{CREATED}'
        ---
        # Design: {html.escape(ENTITY_TITLE)}

        **Status:** {STATUS_UNKNOWN}
        **Owner:** `{OWNER_LINE}`

        ## Architecture Overview

        The title is written with character references. {html.escape(PLACEHOLDER)}

        ## Component Structure

        #### 1. Table Breaker

        **Responsibility:** `{ATTR_RESPONSIBILITY}`

        ## Open Questions

        - [ ] {QUESTION_ATTR}
    """,
    "payloads/successor.md": f"""
        # Design: `{SUCCESSOR_TITLE}`

        **Status:** Draft

        ## Architecture Overview

        The successor, a draft (banner_draft is on).

        ## Open Questions

        - [ ] Anything?
    """,
    "payloads/superseded.md": f"""
        # Design: `{SUPERSEDED_TITLE}`

        **Status:** Superseded by [the successor](successor.md)

        ## Architecture Overview

        Superseded: its banner names the successor, the successor says what it supersedes.

        ## Open Questions

        - [x] Done.
    """,
    "payloads/markdown-status.md": f"""
        ---
        status: '{MARKDOWN_STATUS}'
        ---
        # Design: Markdown Status

        ## Architecture Overview

        An unknown status, written in front matter, that is Markdown: it must stay text.

        ## Open Questions

        - [ ] Is it a link?
    """,
    f"{TEAM}/folder.md": """
        # Design: Team Folder

        **Status:** Approved

        ## Architecture Overview

        A design in a team folder whose name is a payload.

        ## Open Questions

        - [ ] Which team?
    """,
    "raw.md": """
        # Design: <script>window.__author_script=1;alert("author")</script>

        **Status:** <img src=x onerror="window.__author_img=1">

        ## Architecture Overview

        The author's own HTML: MkDocs renders it as HTML on this page (the control).

        ## Open Questions

        - [ ] <b onmouseover="window.__author_hover=1">hover</b>
    """,
}

NAV = f"""
nav:
  - Home: index.md
  - Views: views.md
  - Designs:
      - Code spans: payloads/code-spans.md
      - Entities: payloads/entities.md
      - Markdown status: payloads/markdown-status.md
      - Successor: payloads/successor.md
      - Superseded: payloads/superseded.md
      - Team: {json.dumps(f"{TEAM}/folder.md")}
      - Author HTML: raw.md
  - Catalog:
      - design-catalog/index.md
      - design-catalog/components.md
      - design-catalog/questions.md
      - design-catalog/graph.md
"""

# The sample site's Markdown settings.
CONFIG = {
    "mkdocs": """
site_name: Injection
theme: {name: mkdocs}
markdown_extensions:
  - toc: {permalink: true}
  - attr_list
  - pymdownx.tasklist: {custom_checkbox: true}
  - pymdownx.superfences
""",
    "material": """
site_name: Injection
theme: {name: material, features: [navigation.sections]}
extra: {status: {draft: Draft design, approved: Approved design, superseded: Superseded}}
markdown_extensions:
  - toc: {permalink: true}
  - attr_list
  - pymdownx.tasklist: {custom_checkbox: true}
  - pymdownx.superfences
""",
}
PLUGINS = "plugins:\n  - design: {neighbourhood: true, banner_draft: true}\n"

TEAM_URL = quote(TEAM) + "/folder/"
#: Every page the build writes, by site URL.
PAGES = (
    "", "404.html", "views/", "raw/", "payloads/code-spans/", "payloads/entities/",
    "payloads/markdown-status/", "payloads/successor/", "payloads/superseded/", TEAM_URL,
    "design-catalog/", "design-catalog/components/", "design-catalog/questions/",
    "design-catalog/graph/",
)  # fmt: skip
#: What the control page's author wrote as HTML: it must be on that page, once each.
AUTHOR_HTML = Counter(
    {
        'script: window.__author_script=1;alert("author")': 1,
        "img onerror: window.__author_img=1": 1,
        "b onmouseover: window.__author_hover=1": 1,
    }
)

#: Text each page must show (as text, to a reader) for the payloads the plugin copies onto it.
SHOWN = {
    "design-catalog/": [
        TITLE, ENTITY_TITLE, SUCCESSOR_TITLE, SUPERSEDED_TITLE, OWNER, OWNER_LINE, STATUS_UNKNOWN,
        MARKDOWN_STATUS, CREATED,
    ],
    "design-catalog/components/": [
        COMPONENT, RESPONSIBILITY, COMPONENT_DEP, ATTR_COMPONENT, RESPONSIBILITY_LINK,
        ATTR_RESPONSIBILITY, TITLE, ENTITY_TITLE,
    ],
    # Questions show as on their page: code spans as their code, entities as characters.
    "design-catalog/questions/": [
        TITLE, ENTITY_TITLE, STATUS_UNKNOWN, MARKDOWN_STATUS, *map(readable, (QUESTION_SVG,
        QUESTION_ENTITIES, QUESTION_ATTR, QUESTION_RESOLVED)),
    ],
    "design-catalog/graph/": [TITLE, ENTITY_TITLE, DEPENDS_ON_HTML, *MERMAID_DEPS, COMPONENT_DEP],
    "views/": [TITLE, ENTITY_TITLE, COMPONENT, readable(QUESTION_SVG), readable(QUESTION_ATTR)],
    "payloads/code-spans/": [DEPENDS_ON_HTML, *MERMAID_DEPS, "has been superseded"],
    "payloads/entities/": [STATUS_UNKNOWN, PLACEHOLDER],
    "payloads/markdown-status/": [MARKDOWN_STATUS],
    "payloads/superseded/": [f"superseded by {SUCCESSOR_TITLE}"],
    "payloads/successor/": [f"Supersedes: {SUPERSEDED_TITLE}", "This design is a draft"],
    "raw/": ['<img src=x onerror="window.__author_img=1">'],
}  # fmt: skip


# Traps installed before any page script: dialogs are recorded, never shown.
TRAPS = """
window.__dialogs = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__dialogs.push(name + ": " + String(args[0])); };
}
"""

# Everything in the live DOM that could run script.
OFFENDERS = r"""
() => {
  const found = [];
  for (const s of document.querySelectorAll("script")) {
    found.push({kind: "script", src: s.src, type: s.type, id: s.id, text: s.src ? "" : s.text});
  }
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      const value = a.value.replace(/[\s\u0000-\u001f]+/g, "").toLowerCase();
      if (a.name.toLowerCase().startsWith("on")) {
        found.push({kind: "handler", text: `${el.localName} ${a.name}: ${a.value}`});
      } else if (/^(javascript|vbscript):|^data:text\/html/.test(value)) {
        found.push({kind: "url", text: `${el.localName} ${a.name}: ${a.value}`});
      }
    }
  }
  const embeds = "iframe, frame, object, embed, base, meta[http-equiv=refresh i]";
  for (const el of document.querySelectorAll(embeds)) {
    found.push({kind: "embed", text: el.outerHTML});
  }
  return found;
}
"""

_THEME_SCRIPT = re.compile(r"^(?:js/|assets/javascripts/|assets/mkdocs_design/catalog\.js$)")
_CDN_SCRIPT = re.compile(r"^https://cdnjs\.cloudflare\.com/ajax/libs/highlight\.js/")
_THEME_INLINE = re.compile(
    r"^\s*(?:hljs\.highlightAll\(\);|var base_url = |__md_scope=new URL\(|var palette=__md_get\("
    r"|var target=document\.getElementById\(location\.hash\.slice\(1\)\))"
)


def _theme_script(script: dict[str, str], site: str) -> bool:
    """A script the theme or the plugin ships (by source path or by how its inline code starts).

    ``site`` is the served site's URL; the 404 page links the theme's files from the server root.
    """
    if script["src"]:
        src, root = script["src"], site.rstrip("/").rsplit("/", 1)[0] + "/"
        local = src.removeprefix(site) if src.startswith(site) else src.removeprefix(root)
        return bool(_CDN_SCRIPT.match(src) or _THEME_SCRIPT.match(local))
    if "__pwned" in script["text"] or "__author" in script["text"]:
        return False
    if script["type"] == "application/json" and script["id"] == "__config":
        json.loads(script["text"])  # Material's configuration: data, not code
        return True
    return bool(_THEME_INLINE.match(script["text"]))


def _write(root: Path, theme: str) -> Path:
    for path, text in DOCS.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(CONFIG[theme] + PLUGINS + NAV, encoding="utf-8")
    return config


@dataclass(frozen=True)
class Served:
    """The built sites (``root/<theme>``) and the local URL serving ``root``."""

    base: str
    root: Path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The payload site built under each theme, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("injection")
    (root / "www").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        for theme in THEMES:
            built = build_site(_write(root / f"src-{theme}", theme))
            built.site_dir.rename(root / "www" / theme)
    handler = functools.partial(_Quiet, directory=str(root / "www"))
    httpd = _Server(("127.0.0.1", 0), handler)
    with serving(httpd):
        yield Served(f"http://127.0.0.1:{httpd.server_port}/", root / "www")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium through Playwright; a clear failure when either is missing."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with chromium() as launched:
        yield launched


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest) -> str:
    """Each test runs on the default MkDocs theme and on Material."""
    return str(request.param)


@pytest.fixture
def context(browser: Browser, server: Served, theme: str) -> Iterator[BrowserContext]:
    """A context on one theme's site: traps installed, only the local server reachable."""
    made = browser.new_context(
        base_url=f"{server.base}{theme}/", viewport={"width": 1280, "height": 900}
    )
    made.set_default_timeout(5000)
    made.route(re.compile(r"^(?!" + re.escape(server.base) + ")"), lambda route: route.abort())
    made.add_init_script(TRAPS)
    yield made
    made.close()


class Visit:
    """A page opened in Chromium, with the dialogs it tried to open."""

    def __init__(self, context: BrowserContext, path: str) -> None:
        self.page: Page = context.new_page()
        self.dialogs: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.goto(path, wait_until="load")
        self.page.wait_for_timeout(150)  # late handlers (image errors, deferred scripts)

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def globals(self, *names: str) -> dict[str, Any]:
        """The values of those window globals that are set, in any frame of the page."""
        found: dict[str, Any] = {}
        for frame in self.page.frames:
            for name in names:
                value = frame.evaluate(
                    f"typeof window.{name} === 'undefined' ? null : window.{name}"
                )
                if value is not None:
                    found[f"{frame.url} {name}"] = value
        return found

    def text(self) -> str:
        return self.page.locator(CONTENT).inner_text()


def _slug(theme: str, path: str) -> str:
    return f"{theme}-{re.sub(r'[^a-z0-9]+', '-', path.lower()).strip('-') or 'home'}"


def test_every_built_page_is_checked(server: Served, theme: str) -> None:
    """The pages opened below are all the HTML pages the build wrote."""
    site = server.root / theme
    built = {
        str(page.relative_to(site)).removesuffix("index.html") for page in site.rglob("*.html")
    }
    assert built == {unquote(path) for path in PAGES}


@pytest.mark.parametrize("path", PAGES)
def test_no_injected_script_runs(
    context: BrowserContext, server: Served, theme: str, path: str
) -> None:
    """Nothing runs, no dialog opens, and the DOM holds only the theme's scripts and ours."""
    visit = Visit(context, path)
    site = f"{server.base}{theme}/"
    found = visit.page.evaluate(OFFENDERS)
    foreign = Counter(
        f"script: {f['src'] or f['text'].strip()}" if f["kind"] == "script" else f["text"]
        for f in found
        if f["kind"] != "script" or not _theme_script(f, site)
    )
    control = path == "raw/"
    assert foreign == (AUTHOR_HTML if control else Counter()), f"{path}: {dict(foreign)}"
    assert visit.globals("__pwned") == {}
    assert visit.dialogs == []
    ran = {key.split()[-1] for key in visit.globals("__author_script", "__author_img")}
    trapped = visit.page.evaluate("window.__dialogs")
    if control:  # the author's HTML runs on its own page: what runs is caught
        assert (ran, trapped) == ({"__author_script", "__author_img"}, ["alert: author"])
    else:
        assert (ran, trapped) == (set(), [])
    visit.page.screenshot(path=str(ARTIFACTS / f"{_slug(theme, path)}.png"))


@pytest.mark.parametrize("path", sorted(SHOWN))
def test_payloads_show_as_text(context: BrowserContext, theme: str, path: str) -> None:
    """Titles, statuses, owners, components and questions read as the text the author wrote."""
    visit = Visit(context, path)
    text = " ".join(visit.text().split())
    missing = [s for s in SHOWN[path] if " ".join(s.split()) not in text]
    assert not missing, f"{path} does not show {missing}"
    if path in ("payloads/entities/", "payloads/markdown-status/", "raw/"):
        badge = visit.page.locator(".design-badge").first
        assert badge.get_attribute("data-design-status") == "unknown"
        assert " ".join(badge.inner_text().split()).removeprefix("Status: ") in SHOWN[path]
    visit.page.screenshot(path=str(ARTIFACTS / f"{_slug(theme, path)}-text.png"), full_page=True)


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def test_catalog_json_keeps_the_raw_strings(server: Served, theme: str) -> None:
    """catalog.json parses and holds every payload exactly as the parser read it."""
    data = json.loads(_get(f"{server.base}{theme}/design-catalog/catalog.json"))
    designs = {d["src"]: d for d in data["designs"]}
    spans = designs["payloads/code-spans.md"]
    assert (spans["title"], spans["status"], spans["status_raw"]) == (
        TITLE, "Superseded", STATUS_JS,
    )  # fmt: skip
    assert spans["authors"] == [OWNER]
    assert spans["depends_on"] == [DEPENDS_ON_HTML, *MERMAID_DEPS]
    assert spans["used_by"] == [USED_BY]
    assert [(c["name"], c["responsibility"], c["dependencies"]) for c in spans["components"]] == [
        (COMPONENT, RESPONSIBILITY, [COMPONENT_DEP, "end"]),
        (ATTR_COMPONENT, RESPONSIBILITY_LINK, []),
    ]
    assert [q["text"] for q in spans["questions"]] == [
        QUESTION_SVG, QUESTION_ENTITIES, QUESTION_RESOLVED,
    ]  # fmt: skip
    entities = designs["payloads/entities.md"]
    assert (entities["title"], entities["status"], entities["status_raw"]) == (
        ENTITY_TITLE, None, STATUS_UNKNOWN,
    )  # fmt: skip
    assert (entities["authors"], entities["created_raw"]) == ([OWNER_LINE], CREATED)
    assert [p["text"] for p in entities["placeholders"]] == [html.escape(PLACEHOLDER)]
    assert [c["responsibility"] for c in entities["components"]] == [ATTR_RESPONSIBILITY]
    assert [q["text"] for q in entities["questions"]] == [QUESTION_ATTR]
    assert designs["payloads/successor.md"]["title"] == SUCCESSOR_TITLE
    superseded = designs["payloads/superseded.md"]
    assert (superseded["title"], superseded["superseded_by"]) == (
        SUPERSEDED_TITLE, "payloads/successor.md",
    )  # fmt: skip
    assert designs[f"{TEAM}/folder.md"]["url"] == TEAM_URL
    assert designs["payloads/markdown-status.md"]["status_raw"] == MARKDOWN_STATUS
    raw = designs["raw.md"]
    assert (raw["title"], raw["status_raw"]) == (
        'window.__author_script=1;alert("author")', '<img src=x onerror="window.__author_img=1">',
    )  # fmt: skip


def test_catalog_json_in_the_browser(context: BrowserContext) -> None:
    """Opened directly, catalog.json is data: nothing in it runs."""
    visit = Visit(context, "design-catalog/catalog.json")
    assert visit.globals("__pwned", "__author_script", "__author_img") == {}
    assert visit.dialogs == []
    assert visit.page.evaluate("window.__dialogs") == []
    assert visit.page.evaluate("document.querySelectorAll('script, img, svg').length") == 0


# What the graph's pictures may hold: the elements and attributes output/svg.py draws.
_SVG_TAGS = {"svg", "title", "g", "path", "a", "rect", "text", "tspan"}
_SVG_ATTRIBUTES = {
    "class", "xmlns", "viewbox", "width", "height", "role", "aria-label", "d", "href", "style",
    "x", "y", "rx", "data-node", "data-from", "data-to",
}  # fmt: skip


@pytest.mark.parametrize("path", ["design-catalog/graph/", "views/"])
def test_graph_pictures_hold_names_as_text(server: Served, theme: str, path: str) -> None:
    """Every picture is only the SVG we draw; each name is a node's title, read back whole."""
    soup = BeautifulSoup(_get(f"{server.base}{theme}/{path}"), "html.parser")
    pictures = soup.select("svg.design-graph__svg")
    assert pictures, f"no graph picture on {path}"
    titles = []
    for svg in pictures:
        for element in [svg, *svg.find_all(True)]:
            assert element.name in _SVG_TAGS, element.name
            assert set(element.attrs) <= _SVG_ATTRIBUTES, element.attrs
        titles += [node.find("title").get_text() for node in svg.select("[data-node]")]
    names = (TITLE, ENTITY_TITLE, COMPONENT, ATTR_COMPONENT, DEPENDS_ON_HTML, *MERMAID_DEPS)
    for name in names:
        assert any(t == name or t.startswith(f"{name} (") for t in titles), name


def test_filters_keep_payloads_as_text(context: BrowserContext, theme: str) -> None:
    """Filtering by a payload team folder and text, and reloading that URL, runs nothing."""
    visit = Visit(context, "design-catalog/")
    page = visit.page
    count = page.locator(".design-filter__count")
    count.wait_for()
    page.locator(".design-filter__text").fill(TITLE)
    assert count.inner_text() == "1 of 7 designs"
    page.locator(f"{CONTENT} th button").first.click()
    teams = page.locator(".design-filter__folder option").all_inner_texts()
    team = next(t for t in teams if t.startswith('team"'))
    page.get_by_label("Team").select_option(label=team)
    assert count.inner_text() == "0 of 7 designs"
    page.locator(".design-filter__text").fill("")
    assert count.inner_text() == "1 of 7 designs"
    page.locator(".design-filter__text").fill(ENTITY_TITLE)
    assert count.inner_text() == "0 of 7 designs"
    page.screenshot(path=str(ARTIFACTS / f"{theme}-filters.png"))
    page.reload(wait_until="load")  # the state is in the URL: payloads go through it too
    assert count.inner_text() == "0 of 7 designs"
    assert page.locator(".design-filter__text").input_value() == ENTITY_TITLE
    assert page.locator(".design-filter__folder option:checked").inner_text() == team
    assert visit.globals("__pwned") == {}
    assert visit.dialogs == []
    assert page.evaluate("window.__dialogs") == []


def test_a_team_folder_name_stays_whole(context: BrowserContext) -> None:
    """A team folder whose name has spaces is one choice under Team, shown as it is named."""
    visit = Visit(context, "design-catalog/")
    visit.page.locator(".design-filter__count").wait_for()
    teams = visit.page.locator(".design-filter__folder option").all_inner_texts()
    assert teams == ["All teams", "(top level)", "payloads", TEAM]
