"""Real site builds (default theme and Material): badges, detection, config errors, registry.

Every test builds an actual MkDocs site through the installed ``design`` entry point and asserts
on the HTML or ``catalog.json`` it wrote. Builds run in-process unless an exit code or the
absence of a traceback is the point of the test.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import textwrap
import warnings
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import SAMPLE_SITE, Built, build_site, run_mkdocs, write_site
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from bs4 import Tag

#: Every design page of the sample site and the canonical status its badge must show.
SAMPLE_DESIGNS = {
    "platform/webhook-dispatcher.md": "Superseded",  # "Superseded by [Event Bus](event-bus.md)"
    "platform/event-bus.md": "Implemented",
    "platform/api-rate-limiting.md": "Approved",  # built-in alias "Accepted"
    "platform/single-sign-on.md": "Draft",  # "Draft — awaiting security review"
    "billing/usage-metering.md": "Approved",  # configured alias "Ready for Implementation"
    "billing/invoice-generation.md": "Approved",
    "billing/multi-currency-pricing.md": "Deferred",
    "billing/prepaid-credits.md": "Rejected",
    "shipments/carrier-gateway.md": "Approved",
    "shipments/eta-prediction.md": "Draft",
    "shipments/sftp-manifest-import.md": "Deprecated",
    "shipments/tracking-timeline.md": "In Review",
}
SAMPLE_ORDINARY = [
    "index.md",
    "guides/local-setup.md",
    "reference/api-conventions.md",
    "changelog.md",
    "catalog-views.md",
]


def html_path(src_uri: str) -> str:
    """Where a page lands with ``use_directory_urls`` (the default)."""
    stem = src_uri[: -len(".md")]
    if stem == "index":
        return "index.html"
    return f"{stem.removesuffix('/index')}/index.html"


def slug(status: str) -> str:
    return status.lower().replace(" ", "-")


def main_content(soup: BeautifulSoup) -> Tag:
    """The page's own content, without theme chrome (default theme or Material)."""
    found = soup.select_one("div[role=main]") or soup.select_one("article.md-content__inner")
    assert found is not None, "no main content element in page"
    return found


def page_badges(built: Built, src_uri: str) -> list[Tag]:
    """The status badges placed on a page (not those inside embedded catalog views)."""
    return main_content(built.soup(html_path(src_uri))).select("p.design-status span.design-badge")


def catalog_json(built: Built) -> dict:
    return json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))


def design_page(title: str, status: str, *, front: str = "", body: str = "") -> str:
    """A small design page from the template's shape."""
    head = f"---\n{front.strip()}\n---\n\n" if front else ""
    return (
        head
        + textwrap.dedent(
            f"""\
        # Design: {title}

        **Created:** 2025-01-01
        **Status:** {status}

        ## Architecture Overview

        How {title} works.
        """
        )
        + textwrap.dedent(body)
    )


class _SampleBuilds(dict[str, Built]):
    """The sample site built once per theme, on first use (a host may lack Material)."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        super().__init__()
        self._factory = factory

    def __missing__(self, theme: str) -> Built:
        config_name = {"mkdocs": "mkdocs.yml", "material": "mkdocs-material.yml"}[theme]
        root = self._factory.mktemp(f"sample-{theme}")
        shutil.copytree(
            SAMPLE_SITE, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("site*")
        )
        self[theme] = build_site(root / config_name)
        return self[theme]


@pytest.fixture(scope="module")
def sample_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """The sample site built once with each theme (in-process, logs captured)."""
    return _SampleBuilds(tmp_path_factory)


@pytest.fixture
def fresh_plugin() -> Iterator[None]:
    """Drop MkDocs's cached ``design`` instance before and after, so state cannot leak."""
    cache = MkDocsConfig.plugins.plugin_cache
    cache.pop("design", None)
    yield
    cache.pop("design", None)


# --- badges on the sample site ------------------------------------------------------------


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
@pytest.mark.parametrize(("src_uri", "status"), sorted(SAMPLE_DESIGNS.items()))
def test_sample_design_page_has_its_badge(
    sample_builds: dict[str, Built], theme: str, src_uri: str, status: str
) -> None:
    """Every sample design page shows one badge with its canonical status, right under the H1."""
    content = main_content(sample_builds[theme].soup(html_path(src_uri)))
    badges = content.select("p.design-status span.design-badge")
    assert len(badges) == 1, f"{src_uri}: expected one badge, found {len(badges)}"
    badge = badges[0]
    assert badge["data-design-status"] == status
    assert f"design-badge--{slug(status)}" in badge["class"]
    assert badge.get_text() == f"Status: {status}"
    assert badge.select_one(".design-badge__label").get_text() == "Status: "
    assert content.find("h1").find_next_sibling() is badge.parent, (
        "badge paragraph must follow the title"
    )


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
@pytest.mark.parametrize("src_uri", SAMPLE_ORDINARY)
def test_sample_ordinary_page_has_no_badge(
    sample_builds: dict[str, Built], theme: str, src_uri: str
) -> None:
    """Ordinary pages get no page badge (catalog views embedded by markers do not count)."""
    built = sample_builds[theme]
    content = main_content(built.soup(html_path(src_uri)))
    assert content.select("p.design-status") == []
    if src_uri != "catalog-views.md":
        assert content.select("span.design-badge") == []


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_sample_catalog_json_lists_exactly_the_design_pages(
    sample_builds: dict[str, Built], theme: str
) -> None:
    """The registry holds the twelve designs with their canonical statuses, nothing else."""
    data = catalog_json(sample_builds[theme])
    assert {d["src"]: d["status"] for d in data["designs"]} == SAMPLE_DESIGNS


def test_sample_logs_how_many_designs_it_found(sample_builds: dict[str, Built]) -> None:
    """The build reports "Found 12 design pages" at INFO, and nothing at WARNING."""
    built = sample_builds["mkdocs"]
    info = [r.getMessage() for r in built.records if r.levelno == logging.INFO]
    assert "mkdocs_design: Found 12 design pages" in info
    assert built.messages(logging.WARNING) == []


def test_material_nav_shows_status_of_design_pages(sample_builds: dict[str, Built]) -> None:
    """Under Material every design page's nav link carries ``md-status--<slug>``; no other does."""
    built = sample_builds["material"]
    for page in ("index.md", "platform/event-bus.md", "guides/local-setup.md"):
        nav = built.soup(html_path(page)).select_one("nav.md-nav--primary")
        seen: dict[str, set[str | None]] = {}
        for link in nav.select("a.md-nav__link[href]"):
            target = urljoin(f"http://site/{html_path(page)}", link["href"]).split("#")[0]
            marks = [c for s in link.select("span.md-status") for c in s["class"]]
            status = next((c for c in marks if c.startswith("md-status--")), None)
            seen.setdefault(target.removeprefix("http://site/"), set()).add(status)
        for src_uri, expected in SAMPLE_DESIGNS.items():
            url = src_uri[: -len(".md")] + "/"
            assert seen.get(url) == {f"md-status--{slug(expected)}"}, (page, src_uri, seen.get(url))
        for src_uri in ("guides/local-setup.md", "reference/api-conventions.md", "changelog.md"):
            assert seen.get(src_uri[: -len(".md")] + "/") == {None}, (page, src_uri)


@pytest.mark.parametrize("front", ["", "status: rejected\n"])
def test_material_nav_status_is_opt_in(tmp_path: Path, front: str) -> None:
    """By default no status is added to nav entries (Material renders it pages x designs
    times); a status the author put in front matter is still Material's to show."""
    pages = {"a.md": design_page("A", "Approved", front=front), "b.md": "# Notes\n"}
    built = build_site(write_site(tmp_path, pages, {"theme": {"name": "material"}}))
    nav = built.soup("b/index.html").select_one("nav.md-nav--primary")
    marks = {
        link["href"]: [c for s in link.select("span.md-status") for c in s["class"]]
        for link in nav.select("a.md-nav__link[href]")
    }
    expected = ["md-status", "md-status--rejected"] if front else []
    assert marks["../a/"] == expected, marks
    assert built.soup("a/index.html").select_one("span.design-badge")["data-design-status"] == (
        "Rejected" if front else "Approved"
    )


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_question_items_get_ids_and_keep_their_checkboxes(
    sample_builds: dict[str, Built], theme: str
) -> None:
    """Question ``li``s hold ``span.design-question[id]``; tasklist's checkbox still renders."""
    built = sample_builds[theme]
    for design in catalog_json(built)["designs"]:
        content = main_content(built.soup(html_path(design["src"])))
        spans = content.select("li > span.design-question[id]")
        expected = [q["url"].split("#", 1)[1] for q in design["questions"]]
        assert [s["id"] for s in spans] == expected, design["src"]
        for span, question in zip(spans, design["questions"], strict=True):
            item = span.parent
            assert "[ ]" not in item.get_text(), item
            assert "[x]" not in item.get_text(), item
            if "task-list-item" in item.get("class", []):
                box = item.select_one("input[type=checkbox]")
                assert box is not None, f"{design['src']}: tasklist checkbox lost"
                assert box.has_attr("checked") == question["resolved"], item
                assert box.find_next("span", class_="design-question") is span
    # The Event Bus writes every question as a task item: all keep their checkbox.
    items = main_content(built.soup(html_path("platform/event-bus.md"))).select(
        "li.task-list-item:has(> span.design-question)"
    )
    assert len(items) == 4
    assert [i.select_one("input[type=checkbox]").has_attr("checked") for i in items] == [
        True,
        True,
        True,
        False,
    ]


# --- statuses ----------------------------------------------------------------------------------


def test_unknown_status_warns_with_file_and_line_and_renders_neutral_badge(tmp_path: Path) -> None:
    """``Foo`` is no status: WARNING ``docs/x.md:4:1: unknown status "Foo"``, neutral badge."""
    config = write_site(
        tmp_path,
        {
            "x.md": design_page("X", "Foo"),
            "y.md": design_page("Y", "Bar baz", front="owner: Ann\ntags: [a]"),
        },
    )
    built = build_site(config)
    warnings = built.messages(logging.WARNING)
    assert any('docs/x.md:4:1: unknown status "Foo"' in m for m in warnings), warnings
    # Front matter lines count: the status line of y.md is line 9 of the real file.
    assert any('docs/y.md:9:1: unknown status "Bar baz"' in m for m in warnings), warnings
    badge = page_badges(built, "x.md")[0]
    assert badge["data-design-status"] == "unknown"
    assert "design-badge--unknown" in badge["class"]
    assert badge.get_text() == "Status: Foo"
    assert page_badges(built, "y.md")[0].get_text() == "Status: Bar baz"


def test_unknown_status_fails_strict_build(tmp_path: Path) -> None:
    """``mkdocs build --strict`` exits 1 when a design page has an unknown status."""
    write_site(tmp_path, {"x.md": design_page("X", "Foo")})
    result = run_mkdocs("build", "--strict", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert 'docs/x.md:4:1: unknown status "Foo"' in result.stderr
    assert "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_configured_aliases_and_custom_statuses(tmp_path: Path) -> None:
    """``status_aliases`` and ``statuses`` (with aliases and colour) shape badges and catalog."""
    config = write_site(
        tmp_path,
        {
            "a.md": design_page("A", "Signed off"),
            "b.md": design_page("B", "Green light"),
            "c.md": design_page("C", "QA"),
            "d.md": design_page("D", "Ready for QA"),
        },
        {
            "plugins": [
                {
                    "design": {
                        "status_aliases": {"Signed off": "Approved", "Green light": "Approved"},
                        "statuses": [
                            {"name": "Ready for QA", "aliases": ["QA"], "color": "#6f42c1"}
                        ],
                    }
                }
            ]
        },
    )
    built = build_site(config)
    assert built.messages(logging.WARNING) == []
    for page, status in (("a.md", "Approved"), ("b.md", "Approved")):
        badge = page_badges(built, page)[0]
        assert badge["data-design-status"] == status
        assert badge.get_text() == f"Status: {status}"
    for page in ("c.md", "d.md"):
        badge = page_badges(built, page)[0]
        assert badge["data-design-status"] == "Ready for QA"
        assert "design-badge--ready-for-qa" in badge["class"]
        assert badge.get_text() == "Status: Ready for QA"
        assert "style" not in badge.attrs
    css = (built.site_dir / "assets/mkdocs_design/design.css").read_text(encoding="utf-8")
    assert "--design-ready-for-qa: #6f42c1;" in css
    statuses = {d["src"]: d["status"] for d in catalog_json(built)["designs"]}
    assert statuses == {
        "a.md": "Approved",
        "b.md": "Approved",
        "c.md": "Ready for QA",
        "d.md": "Ready for QA",
    }


def test_status_markup_in_badge_is_escaped(tmp_path: Path) -> None:
    """A status ``<script>alert(1)</script>`` shows as text, on the page and in the catalog."""
    config = write_site(
        tmp_path,
        {
            "x.md": '---\nstatus: "<script>alert(1)</script>"\n---\n\n'
            "# Design: X\n\n## Architecture Overview\n\nText.\n"
        },
        {"plugins": [{"design": {"status_unknown": "ignore"}}]},
    )
    built = build_site(config)
    for page in ("x/index.html", "design-catalog/index.html"):
        soup = built.soup(page)
        assert not [s for s in soup.find_all("script") if "alert(1)" in s.get_text()], page
        badge = main_content(soup).select_one("span.design-badge")
        assert badge is not None, page
        assert badge.get_text() == "Status: <script>alert(1)</script>"
        assert badge["data-design-status"] == "unknown"


# --- detection ---------------------------------------------------------------------------------

ORDINARY_PAGES = {
    "index.md": "# Home\n\nWelcome. See the [design](design-notes.md) notes.\n",
    "design-notes.md": "# Design principles\n\nWe prefer boring technology.\n",
    "designing.md": "# Designing for failure\n\n## Architecture Overview\n\nRetries.\n",
    "health.md": "# Service health\n\n**Status:** Operational\n\n## Data Flow\n\nAll good.\n",
    "howto.md": textwrap.dedent(
        """\
        # How to write a design document

        Copy this skeleton:

        ```markdown
        # Design: [Feature Name]

        **Status:** Draft

        ## Architecture Overview
        ## System Context
        ## Component Structure
        ```
        """
    ),
    "two-sections.md": "# Notes\n\n## Architecture Overview\n\nA.\n\n## Data Flow\n\nB.\n",
}


def test_ordinary_pages_are_never_detected(tmp_path: Path) -> None:
    """Pages that merely mention design, status or one or two template sections stay ordinary."""
    built = build_site(write_site(tmp_path, ORDINARY_PAGES))
    assert catalog_json(built)["designs"] == []
    for src_uri in ORDINARY_PAGES:
        assert main_content(built.soup(html_path(src_uri))).select("span.design-badge") == []
    assert "mkdocs_design: Found 0 design pages" in built.messages(logging.INFO)


def test_design_false_opts_out(tmp_path: Path) -> None:
    """``design: false`` in front matter keeps a design-looking page out of the catalog."""
    config = write_site(
        tmp_path,
        {
            "kept.md": design_page("Kept", "Draft"),
            "out.md": design_page("Out", "Approved", front="design: false"),
        },
    )
    built = build_site(config)
    assert [d["src"] for d in catalog_json(built)["designs"]] == ["kept.md"]
    assert page_badges(built, "out.md") == []
    assert len(page_badges(built, "kept.md")) == 1
    overview = main_content(built.soup("design-catalog/index.html")).get_text()
    assert "Out" not in overview.replace("Outbox", "")


def test_detect_front_matter_mode(tmp_path: Path) -> None:
    """With ``detect: front_matter`` only ``design: true`` pages are designs, whatever the title."""
    config = write_site(
        tmp_path,
        {
            "titled.md": design_page("Titled", "Draft"),
            "flagged.md": "---\ndesign: true\nstatus: Approved\n---\n\n# Payments revamp\n\nA.\n",
        },
        {"plugins": [{"design": {"detect": "front_matter"}}]},
    )
    built = build_site(config)
    designs = catalog_json(built)["designs"]
    assert [(d["src"], d["title"], d["status"]) for d in designs] == [
        ("flagged.md", "Payments revamp", "Approved")
    ]
    assert page_badges(built, "titled.md") == []
    content = main_content(built.soup("flagged/index.html"))
    badge = content.select_one("p.design-status span.design-badge")
    assert badge["data-design-status"] == "Approved"
    assert content.find("h1").find_next_sibling() is badge.parent, "badge must follow the title"


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    """``include``/``exclude`` gitignore-style globs limit where detection looks."""
    config = write_site(
        tmp_path,
        {
            "designs/a.md": design_page("A", "Draft"),
            "designs/team/b.md": design_page("B", "Approved"),
            "designs/archive/old.md": design_page("Old", "Deprecated"),
            "elsewhere.md": design_page("Elsewhere", "Draft"),
        },
        {"plugins": [{"design": {"include": ["designs/**"], "exclude": ["designs/archive/"]}}]},
    )
    with warnings.catch_warnings():
        # Checked on its own by test_include_globs_use_no_deprecated_api.
        warnings.filterwarnings("ignore", "GitWildMatchPattern", DeprecationWarning)
        built = build_site(config)
    assert sorted(d["src"] for d in catalog_json(built)["designs"]) == [
        "designs/a.md",
        "designs/team/b.md",
    ]
    assert page_badges(built, "elsewhere.md") == []
    assert page_badges(built, "designs/archive/old.md") == []
    assert len(page_badges(built, "designs/team/b.md")) == 1


def test_include_globs_use_no_deprecated_api(tmp_path: Path) -> None:
    """Globs build without a DeprecationWarning (pathspec 1.x deprecates ``gitwildmatch``)."""
    config = write_site(
        tmp_path,
        {"designs/a.md": design_page("A", "Draft")},
        {"plugins": [{"design": {"include": ["designs/"], "exclude": ["*.tmp.md"]}}]},
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        built = build_site(config)
    assert [d["src"] for d in catalog_json(built)["designs"]] == ["designs/a.md"]


# --- configuration errors (subprocess: exit codes and no traceback) ------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param(
            {"bogus_key": 1},
            ["option 'bogus_key': Unrecognised configuration name", "strict"],
            id="unknown-key",
        ),
        pytest.param(
            {"placeholders": "maybe"},
            ["option 'placeholders'", "maybe"],
            id="bad-choice",
        ),
        pytest.param(
            {"status_aliases": {"X": "Nonexistent"}},
            ["status_aliases", "Nonexistent"],
            id="alias-to-unknown-status",
        ),
    ],
)
def test_config_errors_are_clear(tmp_path: Path, options: dict, expected: list[str]) -> None:
    """A bad option stops ``mkdocs build --strict`` with exit 1, a clear message, no traceback."""
    write_site(tmp_path, {"x.md": design_page("X", "Draft")}, {"plugins": [{"design": options}]})
    result = run_mkdocs("build", "--strict", cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    for text in expected:
        assert text in output, output
    assert "Traceback" not in output
    assert not (tmp_path / "site/design-catalog/index.html").exists()


# --- the catalog across builds with one plugin instance (as ``mkdocs serve`` does) -------------


def _catalog_uris(plugin: object) -> list[str]:
    current = plugin._build  # type: ignore[attr-defined]
    assert current is not None
    return sorted(doc.src_uri for doc in current.catalog.docs)


def _build_once(config_file: Path, *, dirty: bool) -> tuple[MkDocsConfig, dict]:
    config = load_config(str(config_file), site_dir=str(config_file.parent / "site"))
    build(config, dirty=dirty)
    data = json.loads((config_file.parent / "site/design-catalog/catalog.json").read_text("utf-8"))
    return config, data


@pytest.mark.parametrize("dirty", [False, True], ids=["clean", "dirty"])
@pytest.mark.usefixtures("fresh_plugin")
def test_consecutive_builds_with_one_instance_match_the_pages_on_disk(
    tmp_path: Path, dirty: bool
) -> None:
    """Builds with one instance, pages edited/added/removed between, each match the disk exactly."""
    config_file = write_site(
        tmp_path,
        {
            "index.md": "# Home\n",
            "a.md": design_page("Alpha", "Draft"),
            "b.md": design_page("Beta", "Approved"),
        },
    )
    plugin = load_config(str(config_file)).plugins["design"]
    plugin.on_startup(command="serve", dirty=dirty)
    config, data = _build_once(config_file, dirty=dirty)
    assert config.plugins["design"] is plugin
    assert _catalog_uris(plugin) == ["a.md", "b.md"]
    assert [(d["src"], d["status"]) for d in data["designs"]] == [
        ("a.md", "Draft"),
        ("b.md", "Approved"),
    ]

    docs = tmp_path / "docs"
    (docs / "a.md").write_text(design_page("Alpha Two", "Implemented"), encoding="utf-8")
    (docs / "b.md").unlink()
    (docs / "c.md").write_text(design_page("Gamma", "In Review"), encoding="utf-8")
    (docs / "index.md").write_text(design_page("Home", "Deferred"), encoding="utf-8")
    config, data = _build_once(config_file, dirty=dirty)
    assert config.plugins["design"] is plugin, "MkDocs should reuse the instance (on_startup)"
    assert _catalog_uris(plugin) == ["a.md", "c.md", "index.md"]
    assert [(d["src"], d["title"], d["status"]) for d in data["designs"]] == [
        ("c.md", "Gamma", "In Review"),
        ("a.md", "Alpha Two", "Implemented"),
        ("index.md", "Home", "Deferred"),
    ]
    overview = main_content(
        BeautifulSoup(
            (tmp_path / "site/design-catalog/index.html").read_text("utf-8"), "html.parser"
        )
    )
    text = overview.get_text()
    assert "Beta" not in text
    assert "Alpha Two" in text
    assert text.count("Gamma") == 1

    (docs / "index.md").write_text("# Home again\n", encoding="utf-8")
    (docs / "c.md").rename(docs / "renamed.md")
    config, data = _build_once(config_file, dirty=dirty)
    assert _catalog_uris(plugin) == ["a.md", "renamed.md"]
    assert [d["src"] for d in data["designs"]] == ["renamed.md", "a.md"]


def test_draft_and_excluded_pages_stay_out_of_the_catalog(tmp_path: Path) -> None:
    """``draft_docs``/``exclude_docs`` designs are not catalogued by ``build``; strict is clean."""
    config = write_site(
        tmp_path,
        {
            "index.md": "# Home\n",
            "live.md": design_page("Live", "Approved"),
            "drafts/wip.md": design_page("Wip", "Draft"),
            "private/secret.md": design_page("Secret", "Draft"),
        },
        {
            "draft_docs": "drafts/\n",
            "exclude_docs": "private/\n",
            "strict": True,
            "validation": {"anchors": "warn"},
        },
    )
    built = build_site(config)
    assert built.messages(logging.WARNING) == []
    assert [d["src"] for d in catalog_json(built)["designs"]] == ["live.md"]
    overview = main_content(built.soup("design-catalog/index.html")).get_text()
    assert "Wip" not in overview
    assert "Secret" not in overview
    assert any("Found 1 design page" in m for m in built.messages(logging.INFO))


def test_enabled_false_turns_everything_off(tmp_path: Path) -> None:
    """``enabled: false``: no badge, no catalog pages, no catalog.json, no stylesheet."""
    config = write_site(
        tmp_path,
        {"index.md": "# Home\n", "a.md": design_page("A", "Foo")},
        {"plugins": [{"design": {"enabled": False}}]},
    )
    built = build_site(config)
    assert built.messages(logging.WARNING) == []
    assert page_badges(built, "a.md") == []
    assert not (built.site_dir / "design-catalog").exists()
    assert "mkdocs_design" not in built.soup("a/index.html").decode()


@pytest.mark.usefixtures("fresh_plugin")
def test_config_change_between_builds_reaches_cached_pages(tmp_path: Path) -> None:
    """A new alias in mkdocs.yml applies to unchanged pages on the next build (no stale parse)."""
    config_file = write_site(tmp_path, {"a.md": design_page("A", "Foo")})
    plugin = load_config(str(config_file)).plugins["design"]
    plugin.on_startup(command="serve", dirty=False)
    _, data = _build_once(config_file, dirty=False)
    assert [d["status"] for d in data["designs"]] == [None]
    write_site(tmp_path, {}, {"plugins": [{"design": {"status_aliases": {"Foo": "Approved"}}}]})
    config, data = _build_once(config_file, dirty=False)
    assert config.plugins["design"] is plugin
    assert [d["status"] for d in data["designs"]] == ["Approved"]
    badge = BeautifulSoup((tmp_path / "site/a/index.html").read_text("utf-8"), "html.parser")
    assert badge.select_one("span.design-badge")["data-design-status"] == "Approved"


@pytest.mark.usefixtures("fresh_plugin")
def test_material_nav_status_survives_dirty_rebuild(tmp_path: Path) -> None:
    """Under ``--dirty`` the rebuilt page's nav still shows the status of unchanged pages."""
    config_file = write_site(
        tmp_path,
        {"a.md": design_page("A", "Approved"), "b.md": design_page("B", "Draft")},
        {"theme": {"name": "material"}, "plugins": [{"design": {"nav_status": True}}]},
    )
    plugin = load_config(str(config_file)).plugins["design"]
    plugin.on_startup(command="serve", dirty=True)
    _build_once(config_file, dirty=False)
    source = tmp_path / "docs/b.md"
    source.write_text(design_page("B", "In Review"), encoding="utf-8")
    stamp = (tmp_path / "site/b/index.html").stat().st_mtime + 2
    os.utime(source, (stamp, stamp))
    _build_once(config_file, dirty=True)
    nav = BeautifulSoup((tmp_path / "site/b/index.html").read_text("utf-8"), "html.parser")
    marks = {
        link["href"]: [c for s in link.select("span.md-status") for c in s["class"]]
        for link in nav.select("nav.md-nav--primary a.md-nav__link[href]")
    }
    assert "md-status--approved" in marks["../a/"], marks
    assert "md-status--in-review" in marks["./"], marks
