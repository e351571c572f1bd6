"""The generated catalog pages and ``catalog.json``, read from real built sites.

The sample site checks completeness (every design, component and question exactly once, with
links that land on existing files and ids); small purpose-made sites check navigation,
conflicts, marker comments and escaping of hostile text.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import textwrap
from collections import Counter
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import SAMPLE_SITE, Built, build_site, run_mkdocs, write_site

from mkdocs_design.reading.text import plain_text


def readable(markdown: str) -> str:
    """A line of Markdown as the questions dashboard shows it."""
    return plain_text(markdown, tags=True)


if TYPE_CHECKING:
    from pathlib import Path

    from bs4 import Tag

LIFECYCLE = [
    "Draft", "In Review", "Approved", "Implemented", "Deferred", "Rejected", "Superseded",
    "Deprecated",
]  # fmt: skip
OVERVIEW = "design-catalog/index.html"
COMPONENTS = "design-catalog/components/index.html"
QUESTIONS = "design-catalog/questions/index.html"
GENERATED = (OVERVIEW, COMPONENTS, QUESTIONS)


class Site:
    """A built site: parsed pages (cached) and links resolved to built files and ids."""

    def __init__(self, built: Built) -> None:
        self.built = built
        self.root = built.site_dir
        self._soups: dict[Path, BeautifulSoup] = {}
        self.catalog: dict[str, Any] = json.loads(
            (self.root / "design-catalog/catalog.json").read_text("utf-8")
        )

    def soup(self, page: str | Path) -> BeautifulSoup:
        path = self.root / page
        if path not in self._soups:
            self._soups[path] = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        return self._soups[path]

    def main(self, page: str) -> Tag:
        soup = self.soup(page)
        found = soup.select_one("div[role=main]") or soup.select_one("article.md-content__inner")
        assert found is not None, f"{page}: no main content"
        return found

    def resolve(self, page: str, href: str) -> str:
        """A link's target as ``site/path/index.html#id`` (site-relative), from ``page``."""
        url = urlsplit(urljoin(f"http://site/{page}", href))
        assert url.netloc == "site", f"{page}: link leaves the site: {href}"
        path = unquote(url.path).lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        return f"{path}#{url.fragment}" if url.fragment else path

    def broken(self, page: str, target: str) -> str | None:
        """Why a resolved target does not land, or ``None`` when the file and id exist."""
        path, _, fragment = target.partition("#")
        if not (self.root / path).is_file():
            return f"no file {path}"
        if fragment and self.soup(path).find(id=fragment) is None:
            return f"no id {fragment!r} on {path}"
        return None

    def links(self, page: str, scope: Tag | None = None) -> list[tuple[Tag, str]]:
        """``(a, resolved target)`` for every internal link in ``scope`` (default: main content)."""
        found = []
        for a in (scope or self.main(page)).select("a[href]"):
            href = a["href"]
            if href.startswith(("http://", "https://", "mailto:")):
                continue
            found.append((a, self.resolve(page, href)))
        return found

    def assert_links_land(self, page: str, scope: Tag | None = None) -> None:
        problems = [
            f"{a['href']} ({why})"
            for a, target in self.links(page, scope)
            if (why := self.broken(page, target))
        ]
        assert problems == [], f"{page}: broken links {problems}"

    def site_url(self, url: str) -> str:
        """A ``catalog.json`` URL (site-relative) as a resolved target."""
        return self.resolve("", url)


def html_path(src_uri: str) -> str:
    return src_uri[: -len(".md")] + "/index.html"


def rows(table: Tag) -> list[Tag]:
    return table.select("tbody > tr")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The sample site, built once (default theme)."""
    root = tmp_path_factory.mktemp("sample")
    shutil.copytree(SAMPLE_SITE, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("site*"))
    return Site(build_site(root / "mkdocs.yml"))


def design(
    title: str,
    status: str,
    *,
    components: dict[str, str] | None = None,
    questions: tuple[str, ...] = (),
) -> str:
    """A design page with components (name → responsibility) and question items."""
    parts = [f"# Design: {title}\n\n**Created:** 2025-02-03\n**Status:** {status}\n"]
    parts.append(f"## Architecture Overview\n\nHow {title} works.\n")
    if components:
        parts.append("## Component Structure\n\n### Components\n")
        for n, (name, job) in enumerate(components.items(), 1):
            parts.append(f"#### {n}. {name}\n\n**Responsibility:** {job}\n")
    if questions:
        parts.append("## Open Questions\n\n" + "".join(f"- {q}\n" for q in questions))
    return "\n".join(parts)


# --- the sample site ---------------------------------------------------------------------------


def test_catalog_json_contract(sample: Site) -> None:
    """``catalog.json`` has the documented shape; every URL is site-relative and lands."""
    data = sample.catalog
    assert data["version"] == 1
    assert len(data["designs"]) == 12
    for doc in data["designs"]:
        assert {"src", "url", "title", "status", "created", "components", "questions",
                "placeholders"} <= doc.keys()  # fmt: skip
        assert doc["url"] == doc["src"][: -len(".md")] + "/"
        assert doc["status"] in LIFECYCLE
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc["created"])
        urls = [doc["url"]]
        for comp in doc["components"]:
            assert isinstance(comp["name"], str)
            assert comp["name"]
            assert comp["url"].startswith(doc["url"] + "#")
            urls.append(comp["url"])
        for q in doc["questions"]:
            assert isinstance(q["text"], str)
            assert q["text"]
            assert isinstance(q["resolved"], bool)
            assert q["url"].startswith(doc["url"] + "#q-")
            urls.append(q["url"])
        assert doc["placeholders"] == []
        for url in urls:
            assert not url.startswith(("/", "http")), url
            assert sample.broken("", sample.site_url(url)) is None, url


def test_overview_lists_every_design_once_with_working_links(sample: Site) -> None:
    """One row per design; the title link of each lands on that design's page."""
    table = sample.main(OVERVIEW).select_one("table")
    assert table is not None, "overview table not rendered"
    targets = Counter()
    for row in rows(table):
        cells = row.find_all("td")
        assert len(cells) == 9
        link = cells[0].find("a")
        targets[sample.resolve(OVERVIEW, link["href"])] += 1
    expected = {html_path(d["src"]) for d in sample.catalog["designs"]}
    assert set(targets) == expected
    assert set(targets.values()) == {1}
    sample.assert_links_land(OVERVIEW)


def test_overview_totals_and_lifecycle_order(sample: Site) -> None:
    """Totals per status in lifecycle order; rows sorted by lifecycle, then title."""
    main = sample.main(OVERVIEW)
    counts = Counter(d["status"] for d in sample.catalog["designs"])
    summary = main.find("p").get_text(" ", strip=True)
    assert summary.startswith("12 designs:")
    listed = re.findall(r"(\d+) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)", summary)
    assert [(name, int(n)) for n, name in listed] == [
        (s, counts[s]) for s in LIFECYCLE if counts[s]
    ]
    statuses = [r.select_one("span.design-badge")["data-design-status"] for r in rows(main.table)]
    titles = [r.find("td").get_text(strip=True) for r in rows(main.table)]
    ranks = [LIFECYCLE.index(s) for s in statuses]
    assert ranks == sorted(ranks)
    assert statuses[:3] == ["Draft", "Draft", "In Review"]
    assert statuses[-1] == "Deprecated"
    for status in set(statuses):
        group = [t for t, s in zip(titles, statuses, strict=True) if s == status]
        assert group == sorted(group, key=str.casefold), status


def test_component_index_lists_every_component_once(sample: Site) -> None:
    """Every component of every design is linked exactly once under "Described in"."""
    table = sample.main(COMPONENTS).select_one("table")
    names = [r.find("td").get_text(strip=True) for r in rows(table)]
    assert len({n.casefold() for n in names}) == len(names), "a component is listed twice"
    described = Counter(
        sample.resolve(COMPONENTS, a["href"])
        for r in rows(table)
        for a in r.find_all("td")[4].select("a[href]")
    )
    expected = [
        sample.site_url(c["url"]) for d in sample.catalog["designs"] for c in d["components"]
    ]
    assert len(expected) == len(set(expected))
    assert described == Counter(expected)
    sample.assert_links_land(COMPONENTS)
    # The count line matches the rows.
    assert (
        sample.main(COMPONENTS).find("p").get_text(" ", strip=True) == f"{len(names)} components."
    )


def test_component_in_two_designs_is_one_row_listing_both(sample: Site) -> None:
    """ "Event Publisher" is described by Event Bus and Webhook Dispatcher: one row, two sources."""
    table = sample.main(COMPONENTS).select_one("table")
    matches = [r for r in rows(table) if r.find("td").get_text(strip=True) == "Event Publisher"]
    assert len(matches) == 1
    sources = matches[0].find_all("td")[4].select("a[href]")
    assert [a.get_text() for a in sources] == ["Event Bus", "Webhook Dispatcher"]
    assert [sample.resolve(COMPONENTS, a["href"]) for a in sources] == [
        "platform/event-bus/index.html#1-event-publisher",
        "platform/webhook-dispatcher/index.html#1-event-publisher",
    ]
    assert matches[0].select_one("span[id]")["id"] == "component-event-publisher"


def _split_questions(sample: Site) -> tuple[list[Tag], list[Tag]]:
    """Question links before and after the "Resolved questions" heading."""
    main = sample.main(QUESTIONS)
    resolved_heading = next(
        (h for h in main.find_all("h2") if h.get_text().rstrip("¶") == "Resolved questions"), None
    )
    assert resolved_heading is not None
    before, after = [], []
    for li in main.select("li"):
        link = li.find("a")
        (after if resolved_heading in li.find_all_previous("h2") else before).append(link)
    return before, after


def test_questions_page_lists_open_and_resolved_questions_once(sample: Site) -> None:
    """Open questions once each above "Resolved questions", resolved ones once below it."""
    before, after = _split_questions(sample)
    questions = [q for d in sample.catalog["designs"] for q in d["questions"]]
    open_ = Counter(sample.site_url(q["url"]) for q in questions if not q["resolved"])
    done = Counter(sample.site_url(q["url"]) for q in questions if q["resolved"])
    assert Counter(sample.resolve(QUESTIONS, a["href"]) for a in before) == open_
    assert Counter(sample.resolve(QUESTIONS, a["href"]) for a in after if "#" in a["href"]) == done
    texts = {sample.site_url(q["url"]): readable(q["text"]) for q in questions}
    for a in before:
        assert a.get_text() == texts[sample.resolve(QUESTIONS, a["href"])]
    sample.assert_links_land(QUESTIONS)
    summary = sample.main(QUESTIONS).find("p").get_text(" ", strip=True)
    in_designs = sum(
        1 for d in sample.catalog["designs"] if any(not q["resolved"] for q in d["questions"])
    )
    assert summary == (
        f"{sum(open_.values())} open questions in {in_designs} designs"
        f" · {sum(done.values())} resolved."
    )


def test_decided_but_not_settled_callout(sample: Site) -> None:
    """The call-out lists exactly the Approved/Implemented designs with open questions."""
    main = sample.main(QUESTIONS)
    callout = next(
        p for p in main.find_all("p") if p.get_text().startswith("Decided but not settled")
    )
    listed = [sample.resolve(QUESTIONS, a["href"]) for a in callout.select("a[href]")]
    expected = [
        html_path(d["src"])
        for d in sample.catalog["designs"]
        if d["status"] in ("Approved", "Implemented")
        and any(not q["resolved"] for q in d["questions"])
    ]
    assert listed == expected
    assert set(listed) == {
        "platform/api-rate-limiting/index.html",
        "shipments/carrier-gateway/index.html",
        "billing/usage-metering/index.html",
        "platform/event-bus/index.html",
    }


def test_catalog_views_page_links_land(sample: Site) -> None:
    """The marker views on ``catalog-views.md`` link to existing pages and ids."""
    sample.assert_links_land("catalog-views/index.html")


def test_auto_nav_has_a_design_catalog_section(sample: Site) -> None:
    """Without ``nav:``, the generated pages appear as a "Design catalog" section."""
    nav = sample.soup("index.html").select_one("ul.navbar-nav")
    section = next(
        li
        for li in nav.find_all("li", recursive=False)
        if li.find("a").get_text(strip=True) == "Design catalog"
    )
    hrefs = [
        sample.resolve("index.html", a["href"])
        for a in section.select("ul a[href]:not([href='#'])")
    ]
    assert hrefs[0] == OVERVIEW
    assert [h for h in hrefs if h in GENERATED] == [OVERVIEW, COMPONENTS, QUESTIONS]


@pytest.mark.parametrize("config_name", ["mkdocs.yml", "mkdocs-material.yml"])
def test_sample_builds_strict_with_anchor_validation_without_warnings(
    tmp_path: Path, config_name: str
) -> None:
    """``mkdocs build --strict`` with ``validation: {anchors: warn}``: exit 0, no WARNING."""
    shutil.copytree(
        SAMPLE_SITE, tmp_path, dirs_exist_ok=True, ignore=shutil.ignore_patterns("site*")
    )
    assert "anchors: warn" in (tmp_path / "mkdocs.yml").read_text("utf-8")
    result = run_mkdocs("build", "--strict", "-f", config_name, cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output
    assert "Found 12 design pages" in output


# --- navigation and conflicts ------------------------------------------------------------------

NAV_DOCS = {
    "index.md": "# Home\n",
    "designs/a.md": design("Alpha", "Draft", questions=("[ ] Which queue?",)),
}
STRICT_NAV = {"validation": {"nav": {"omitted_files": "warn"}, "anchors": "warn"}}


def test_explicit_nav_without_generated_pages_passes_strict(tmp_path: Path) -> None:
    """Generated pages left out of an explicit ``nav:`` do not fail ``--strict``."""
    config = write_site(
        tmp_path, NAV_DOCS, {"nav": ["index.md", "designs/a.md"], "strict": True, **STRICT_NAV}
    )
    site = Site(build_site(config))
    assert site.built.messages(logging.WARNING) == []
    nav = site.soup("index.html").select_one("ul.navbar-nav")
    nav_links = [site.resolve("index.html", a["href"]) for a in nav.select("a[href]")]
    assert nav_links == ["index.html", "designs/a/index.html"]
    assert [d["src"] for d in site.catalog["designs"]] == ["designs/a.md"]
    for page in GENERATED:
        assert (site.root / page).is_file()


def test_explicit_nav_can_list_generated_pages_by_path(tmp_path: Path) -> None:
    """Listing ``design-catalog/*.md`` in ``nav:`` puts them in the navigation, strict-clean."""
    nav = [
        "index.md",
        {
            "Designs": [
                "designs/a.md",
                "design-catalog/index.md",
                {"Components": "design-catalog/components.md"},
            ]
        },
    ]
    config = write_site(tmp_path, NAV_DOCS, {"nav": nav, "strict": True, **STRICT_NAV})
    site = Site(build_site(config))
    assert site.built.messages(logging.WARNING) == []
    links = {
        a.get_text(strip=True): site.resolve("index.html", a["href"])
        for a in site.soup("index.html").select_one("ul.navbar-nav").select("a[href]")
    }
    assert links["Design catalog"] == OVERVIEW
    assert links["Components"] == COMPONENTS
    assert "Open questions" not in links


@pytest.mark.parametrize(
    ("path", "option"),
    [
        ("design-catalog/index.md", "overview_path"),
        ("design-catalog/components.md", "components_path"),
        ("design-catalog/questions.md", "questions_path"),
        ("design-catalog/catalog.json", "json_path"),
    ],
)
def test_user_file_at_a_generated_path_fails_clearly(
    tmp_path: Path, path: str, option: str
) -> None:
    """An authored file where a catalog file goes stops the build naming path and option."""
    content = "{}\n" if path.endswith(".json") else "# Mine\n"
    write_site(tmp_path, {"index.md": "# Home\n", "a.md": design("A", "Draft"), path: content})
    result = run_mkdocs("build", cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"'{path}'" in output
    assert option in output
    assert "Traceback" not in output
    assert (tmp_path / "docs" / path).read_text("utf-8") == content, "user file must be untouched"


# --- marker comments ---------------------------------------------------------------------------

MARKER_DOCS = {
    "shipments/track.md": design(
        "Tracking", "Approved",
        components={"Scan Normalizer": "Cleans scans.", "Timeline Store": "Keeps milestones."},
        questions=("[ ] Which time zone wins?", "[x] One timeline per parcel? Yes."),
    ),
    "shipments/eta.md": design("ETA", "Draft", components={"ETA Model": "Predicts arrival."},
                               questions=("[ ] Who is on call?",)),
    "billing/ledger.md": design("Ledger", "Approved", components={"Usage Ledger": "Stores usage."},
                                questions=("[ ] ClickHouse or Postgres?",)),
    "comps.md": "# Shipments components\n\n<!-- design/components folder=\"shipments\" -->\n",
    "approved.md": "# Approved\n\n<!-- design/overview status=\"Approved\" -->\n",
    "open.md": "# Open\n\n<!-- design/questions status=\"Draft, In Review\" -->\n",
    "fenced.md": textwrap.dedent(
        """\
        # Writing markers

        Put this on a line of its own:

        ```markdown
        <!-- design/questions -->
        ```
        """
    ),
    "bogus.md": "# Bogus\n\n<!-- design/bogus -->\n\nAfter.\n",
    "badopt.md": "# Bad option\n\nIntro.\n\n<!-- design/components team=\"x\" -->\n",
}  # fmt: skip


@pytest.fixture(scope="module")
def markers(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("markers")
    config = write_site(root, MARKER_DOCS, {"markdown_extensions": ["pymdownx.tasklist"]})
    return Site(build_site(config))


def test_components_marker_filtered_by_folder(markers: Site) -> None:
    """``folder="shipments"`` shows only the shipments designs' components."""
    table = markers.main("comps/index.html").select_one("table")
    names = [r.find("td").get_text(strip=True) for r in rows(table)]
    assert names == ["ETA Model", "Scan Normalizer", "Timeline Store"]
    markers.assert_links_land("comps/index.html")


def test_overview_marker_filtered_by_status(markers: Site) -> None:
    """``status="Approved"`` shows only approved designs."""
    main = markers.main("approved/index.html")
    titles = [r.find("td").get_text(strip=True) for r in rows(main.select_one("table"))]
    assert titles == ["Ledger", "Tracking"]
    assert {b["data-design-status"] for b in main.select("span.design-badge")} == {"Approved"}
    markers.assert_links_land("approved/index.html")


def test_questions_marker_filtered_by_status(markers: Site) -> None:
    """``status="Draft, In Review"`` shows only the draft's open question."""
    main = markers.main("open/index.html")
    assert [a.get_text() for a in main.select("li a")] == ["Who is on call?"]
    markers.assert_links_land("open/index.html")


def test_marker_in_fenced_code_is_left_alone(markers: Site) -> None:
    """A marker inside a code block stays literal code; no view is rendered."""
    main = markers.main("fenced/index.html")
    assert "<!-- design/questions -->" in main.find("code").get_text()
    assert main.select("li, table, span.design-badge") == []


def test_unknown_marker_warns_with_file_and_line(markers: Site) -> None:
    """``<!-- design/bogus -->`` logs a WARNING naming ``docs/bogus.md:3`` and the known views."""
    warnings = markers.built.messages(logging.WARNING)
    hits = [m for m in warnings if "design/bogus" in m]
    assert len(hits) == 1, warnings
    assert "docs/bogus.md:3:" in hits[0]
    assert "design/overview" in hits[0]
    options = [m for m in warnings if "'team'" in m]
    assert len(options) == 1, warnings
    assert "docs/badopt.md:5:" in options[0]
    assert "folder" in options[0]
    assert sorted(warnings) == sorted(hits + options), "no other warnings expected"


# --- escaping of hostile text ------------------------------------------------------------------

EVIL = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> | *stars* [link](javascript:alert(1))"
)


@pytest.fixture(scope="module")
def evil(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("evil")
    docs = {
        "evil.md": design(
            f"Evil {EVIL}",
            "Approved",
            components={f"Gadget {EVIL}": f"Does {EVIL} things.", "Plain Part": "Normal."},
            questions=(f"[ ] Is {EVIL} fine?", f"[x] Was {EVIL} fine?"),
        ),
        "other.md": design("Other", "Approved", components={f"Gadget {EVIL}": "Also here."}),
    }
    config = write_site(root, docs, {"markdown_extensions": ["pymdownx.tasklist"]})
    return Site(build_site(config))


@pytest.mark.parametrize("page", GENERATED)
def test_hostile_text_never_becomes_markup(evil: Site, page: str) -> None:
    """No script, img or ``javascript:`` link comes out of page text on generated pages."""
    main = evil.main(page)
    own_script = "assets/mkdocs_design/catalog.js"
    scripts = [s for s in main.find_all("script") if not s.get("src", "").endswith(own_script)]
    assert scripts == []
    assert main.find_all(["img", "em"]) == []
    hrefs = [a["href"] for a in evil.soup(page).select("a[href]")]
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript")], hrefs
    evil.assert_links_land(page)


def test_hostile_text_shows_literally_in_tables(evil: Site) -> None:
    """Titles, components and responsibilities read exactly as in catalog.json; cells intact."""
    designs = {d["src"]: d for d in evil.catalog["designs"]}
    title = designs["evil.md"]["title"]
    assert "|" in title
    assert "stars" in title

    table = evil.main(OVERVIEW).select_one("table")
    assert all(len(r.find_all("td")) == 9 for r in rows(table))
    assert sorted(r.find("td").get_text() for r in rows(table)) == sorted([title, "Other"])

    table = evil.main(COMPONENTS).select_one("table")
    assert all(len(r.find_all("td")) == 5 for r in rows(table))
    gadget = designs["evil.md"]["components"][0]
    by_name = {r.find("td").get_text(): r for r in rows(table)}
    assert set(by_name) == {gadget["name"], "Plain Part"}
    cells = by_name[gadget["name"]].find_all("td")
    assert cells[1].get_text() == gadget["responsibility"]
    assert [a.get_text() for a in cells[4].find_all("a")] == [title, "Other"]


def test_hostile_question_text_shows_literally(evil: Site) -> None:
    """Question texts read as on their page, but HTML in them shows as text, never runs."""
    questions = next(d for d in evil.catalog["designs"] if d["src"] == "evil.md")["questions"]
    texts = [a.get_text() for a in evil.main(QUESTIONS).select("li a")]
    assert "<script>alert(1)</script>" in questions[0]["text"]
    assert "*stars*" in questions[0]["text"]
    shown = next(t for t in texts if t.startswith("Is "))
    assert shown == "Is <script>alert(1)</script> <img src=x onerror=alert(1)> | stars link fine?"
    assert readable(questions[1]["text"]) in texts
    assert not evil.main(QUESTIONS).select("li script, li img")


def test_link_with_parentheses_keeps_only_its_text(tmp_path: Path) -> None:
    """``[Stripe](https://…/Stripe_(company))`` in a title reads "Stripe", as the page shows it."""
    url = "https://en.wikipedia.org/wiki/Stripe_(company)"
    config = write_site(tmp_path, {"pay.md": design(f"Pay via [Stripe]({url})", "Draft")})
    site = Site(build_site(config))
    h1 = site.main("pay/index.html").find("h1")
    assert h1.find("a")["href"] == url  # Markdown itself reads the whole URL
    assert site.catalog["designs"][0]["title"] == "Pay via Stripe"


def test_catalog_json_placeholders_have_real_lines_and_columns(tmp_path: Path) -> None:
    """catalog.json placeholders count lines from the top of the file, front matter included."""
    page = (
        "---\nowner: Ann\n---\n# Design: [Feature Name]\n\n"
        "**Created:** [Date]\n**Status:** Draft\n\n## Architecture Overview\n\n"
        "It uses [List existing systems/services this feature uses] here.\n"
    )
    config = write_site(tmp_path, {"p.md": page})
    site = Site(build_site(config))
    found = [
        (p["text"], p["line"], p["column"]) for p in site.catalog["designs"][0]["placeholders"]
    ]
    assert found == [
        ("[Feature Name]", 4, 11),
        ("[Date]", 6, 14),
        ("[List existing systems/services this feature uses]", 11, 9),
    ]
    row = rows(site.main(OVERVIEW).select_one("table"))[0]
    assert row.find_all("td")[7].get_text() == "3"


def test_links_land_without_directory_urls(tmp_path: Path) -> None:
    """With ``use_directory_urls: false`` every generated link and catalog.json URL still lands."""
    shutil.copytree(
        SAMPLE_SITE, tmp_path, dirs_exist_ok=True, ignore=shutil.ignore_patterns("site*")
    )
    site = Site(build_site(tmp_path / "mkdocs.yml", use_directory_urls=False))
    assert site.built.messages(logging.WARNING) == []
    pages = ["design-catalog/index.html", "design-catalog/components.html",
             "design-catalog/questions.html", "catalog-views.html"]  # fmt: skip
    for page in pages:
        assert site.links(page), page
        site.assert_links_land(page)
    for doc in site.catalog["designs"]:
        assert doc["url"] == doc["src"][: -len(".md")] + ".html"
        for url in [
            doc["url"],
            *(c["url"] for c in doc["components"]),
            *(q["url"] for q in doc["questions"]),
        ]:
            assert site.broken("", site.site_url(url)) is None, url


def test_punctuation_in_questions_and_components_shows_without_backslashes(tmp_path: Path) -> None:
    """``=``, ``~``, ``^``, ``$``, ``|``, ``_`` and ``#`` read as written on generated pages."""
    text = "Is timeout=30s enough for ~80% of calls at $0.01 (2^10 per #shard | max_retries)?"
    config = write_site(
        tmp_path,
        {
            "a.md": design(
                "Timeouts", "Draft", components={"Retry Gate": text}, questions=(f"[ ] {text}",)
            )
        },
    )
    site = Site(build_site(config))
    doc = site.catalog["designs"][0]
    assert doc["questions"][0]["text"] == text
    assert doc["components"][0]["responsibility"] == text
    questions = [a.get_text() for a in site.main(QUESTIONS).select("li a[href*='#q-']")]
    assert questions == [text]
    row = rows(site.main(COMPONENTS).select_one("table"))[0]
    assert row.find_all("td")[1].get_text() == text
