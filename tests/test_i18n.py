"""Multilingual sites with mkdocs-static-i18n: one catalog per language, nothing lost or doubled.

Real two-language sites (English default, French) are built through the installed entry points,
with both of i18n's structures (``suffix``: ``ledger.fr.md``; ``folder``: ``fr/ledger.md``),
under the default theme and Material. Every language's HTML and ``catalog.json`` is read back.
The English ledger and the French one are each other's translation; "Only English" has no
translation, so the French site shows it from the English page (i18n's fallback).
"""

from __future__ import annotations

import functools
import json
import logging
import re
import subprocess
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import mkdocs_static_i18n  # noqa: F401  (the test extra installs it: fail, never skip)
import pytest
from bs4 import BeautifulSoup
from conftest import build_site, run_mkdocs, write_site

from mkdocs_design import languages
from mkdocs_design.output.labels import (
    FIELDS,
    check_own,
    labels_for,
    plural,
    shipped_languages,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from conftest import Built

LEDGER_EN = """\
# Design: Ledger

**Created:** [Date]
**Status:** Draft

## Architecture Overview

The ledger records every transaction.

## Component Structure

#### 1. Journal

**Responsibility:** Appends entries.

## Open Questions

- [ ] Should the ledger be append-only?
"""
LEDGER_FR = """\
# Document de conception : Grand livre

**Statut :** Brouillon

## Vue d'ensemble de l'architecture

Le grand livre enregistre chaque transaction.

## Structure des composants

#### 1. Journal

**Responsabilité :** Ajoute les écritures.

## Questions ouvertes

- [ ] Le grand livre doit-il être en ajout seul ?
"""
ONLY_EN = """\
# Design: Only English

**Status:** In Review

## Architecture Overview

This design has no French translation. Owner: [Owner Name]

## Open Questions

- [ ] Translate it?
"""
#: Page → source, per structure: the same site written both ways.
PAGES = {
    "suffix": {
        "index.en.md": "# Home\n\nSee [the ledger](ledger.md).\n",
        "index.fr.md": "# Accueil\n\nVoir [le grand livre](ledger.md).\n",
        "ledger.en.md": LEDGER_EN,
        "ledger.fr.md": LEDGER_FR,
        "only-en.en.md": ONLY_EN,
    },
    "folder": {
        "en/index.md": "# Home\n\nSee [the ledger](ledger.md).\n",
        "fr/index.md": "# Accueil\n\nVoir [le grand livre](ledger.md).\n",
        "en/ledger.md": LEDGER_EN,
        "fr/ledger.md": LEDGER_FR,
        "en/only-en.md": ONLY_EN,
    },
}
#: What each language's catalog must list: src_uri → (url, title, written in, fallback).
EXPECTED = {
    "suffix": {
        "en": {
            "ledger.en.md": ("ledger/", "Ledger", "en", False),
            "only-en.en.md": ("only-en/", "Only English", "en", False),
        },
        "fr": {
            "ledger.fr.md": ("fr/ledger/", "Grand livre", "fr", False),
            "only-en.en.md": ("fr/only-en/", "Only English", "en", True),
        },
    },
    "folder": {
        "en": {
            "en/ledger.md": ("ledger/", "Ledger", "en", False),
            "en/only-en.md": ("only-en/", "Only English", "en", False),
        },
        "fr": {
            "fr/ledger.md": ("fr/ledger/", "Grand livre", "fr", False),
            "en/only-en.md": ("fr/only-en/", "Only English", "en", True),
        },
    },
}
#: The catalog's folder in each language, and its pages' titles there.
FOLDER = {"en": "design-catalog/", "fr": "fr/design-catalog/"}
TITLES = {
    "en": ["Design catalog", "Component index", "Open questions", "Dependency graph"],
    "fr": ["Catalogue des conceptions", "Index des composants", "Questions ouvertes",
           "Graphe des dépendances"],
}  # fmt: skip
VIEWS = ("", "components/", "questions/", "graph/")


def i18n_config(structure: str, theme: str = "mkdocs", **design: Any) -> dict[str, Any]:
    """A two-language mkdocs.yml: English default, French, i18n before the design plugin."""
    i18n = {
        "docs_structure": structure,
        "languages": [
            {"locale": "en", "default": True, "name": "English", "build": True},
            {"locale": "fr", "name": "Français", "build": True},
        ],
    }
    return {
        "site_url": "https://example.org/",
        "theme": {"name": theme, **({"language": "en"} if theme == "material" else {})},
        "plugins": ["search", {"i18n": i18n}, {"design": design} if design else "design"],
    }


def i18n_site(root: Path, structure: str, theme: str = "mkdocs", **design: Any) -> Path:
    """Write the two-language site; return its mkdocs.yml."""
    return write_site(root, PAGES[structure], i18n_config(structure, theme, **design))


def soup(built: Built, url: str) -> BeautifulSoup:
    """A built page by its URL (``fr/design-catalog/``)."""
    return built.soup(url + "index.html" if url.endswith("/") or not url else url)


def main(page: BeautifulSoup) -> BeautifulSoup:
    """The page's content under either theme."""
    return page.select_one("div[role=main], article.md-content__inner")


def catalog(built: Built, language: str) -> dict[str, Any]:
    """A language's catalog.json."""
    data: dict[str, Any] = json.loads(
        (built.site_dir / FOLDER[language] / "catalog.json").read_text("utf-8")
    )
    return data


def resolves(built: Built, page_url: str, href: str) -> str:
    """The site path a relative link on a page leads to; the page must exist."""
    target = urljoin("/" + page_url, href.split("#")[0]).lstrip("/")
    path = built.site_dir / (
        target + "index.html" if target.endswith("/") or not target else target
    )
    assert path.is_file(), f"{page_url}: {href} leads nowhere ({target})"
    return target


def warnings(built: Built) -> list[str]:
    """What the design plugin warned about."""
    return [
        r.getMessage().removeprefix("mkdocs_design: ")
        for r in built.records
        if r.levelno >= logging.WARNING and "mkdocs_design" in r.name
    ]


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_each_language_publishes_its_own_complete_catalog(
    tmp_path: Path, structure: str, theme: str
) -> None:
    """Each language: its designs once each, at its own URLs, in its words, linked within it."""
    built = build_site(i18n_site(tmp_path, structure, theme))
    for language, expected in EXPECTED[structure].items():
        data = catalog(built, language)
        assert data["language"] == language
        listed = {
            d["src"]: (d["url"], d["title"], d["language"], d["fallback"]) for d in data["designs"]
        }
        assert listed == expected, f"the {language} catalog lists the wrong designs"
        assert len(data["designs"]) == len(expected)
        for view, title in zip(VIEWS, TITLES[language], strict=True):
            page = soup(built, FOLDER[language] + view)
            assert page.html["lang"] == language
            assert main(page).h1.get_text(strip=True).startswith(title)
        overview_url = FOLDER[language]
        rows = main(soup(built, overview_url)).select("table tbody tr")
        linked = [resolves(built, overview_url, tr.find("a")["href"]) for tr in rows]
        assert sorted(linked) == sorted(url for url, *_ in expected.values())
        assert sorted(tr.find("a").get_text() for tr in rows) == sorted(
            t for _, t, *_ in expected.values()
        )
        for url, *_ in expected.values():
            badge = soup(built, url).select_one(".design-status .design-badge")
            assert badge is not None, f"{url} has no badge"
        questions = main(soup(built, overview_url + "questions/"))
        for link in questions.select("a[href]"):
            assert resolves(built, overview_url + "questions/", link["href"]).startswith(
                "fr/" if language == "fr" else ("ledger", "only-en", "design-catalog")
            )


def test_no_design_is_lost_or_doubled_in_any_view(tmp_path: Path) -> None:
    """Both languages' overview, questions, components and catalog.json name each design once."""
    built = build_site(i18n_site(tmp_path, "suffix"))
    questions = {
        "en": ["Should the ledger be append-only?", "Translate it?"],
        "fr": ["Le grand livre doit-il être en ajout seul ?", "Translate it?"],
    }
    for language, folder in FOLDER.items():
        titles = [d["title"] for d in catalog(built, language)["designs"]]
        assert sorted(titles) == sorted(t for _, t, *_ in EXPECTED["suffix"][language].values())
        asked = main(soup(built, folder + "questions/")).select("ul.design-questions li a")
        assert sorted(a.get_text() for a in asked) == sorted(questions[language])
        components = main(soup(built, folder + "components/")).select("table tbody tr")
        assert [tr.find("a").get_text() for tr in components] == ["Journal"]
        described = components[0].find_all("td")[-1].get_text()
        assert described == ("Ledger" if language == "en" else "Grand livre")


def test_the_placeholder_gate_reports_each_page_once_with_its_real_path(tmp_path: Path) -> None:
    """Error mode fails the build once, naming each real file once, whatever languages read it."""
    i18n_site(tmp_path, "folder", placeholders="error")
    result = run_mkdocs("build", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "mkdocs_design: 2 problem(s) fail the build:" in result.stderr
    assert result.stderr.count('docs/en/ledger.md:3:14: unresolved placeholder "[Date]"') == 1
    assert (
        result.stderr.count('docs/en/only-en.md:7:47: unresolved placeholder "[Owner Name]"') == 1
    )


def test_warnings_name_each_real_file_once(tmp_path: Path) -> None:
    """Warn mode: one warning per problem with the suffixed file's real path; --strict fails."""
    built = build_site(i18n_site(tmp_path, "suffix"))
    assert warnings(built) == [
        'docs/ledger.en.md:3:14: unresolved placeholder "[Date]" (Created)',
        'docs/only-en.en.md:7:47: unresolved placeholder "[Owner Name]" (Architecture Overview)',
    ]
    strict = run_mkdocs("build", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert "Aborted with 2 warnings in strict mode!" in strict.stdout + strict.stderr


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_check_agrees_with_the_build(tmp_path: Path, structure: str) -> None:
    """`mkdocs-design check` reports exactly what the build reports, once each."""
    built = build_site(i18n_site(tmp_path, structure))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_design", "check", "--format", "json"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = [
        f"{r['path']}:{r['line']}:{r['column']}: {r['message']}" for r in json.loads(result.stdout)
    ]
    assert rows == warnings(built)
    assert len(rows) == 2


def test_a_finding_some_languages_have_says_which(tmp_path: Path) -> None:
    """A fallback page that disagrees with one language's pages only: said once, for that one."""
    pages = dict(PAGES["suffix"])
    pages["only-en.en.md"] = ONLY_EN.replace(
        "## Open Questions", "## System Context\n\n- **Depends On:** Ledger\n\n## Open Questions"
    )
    pages["ledger.en.md"] = LEDGER_EN.replace(
        "## Open Questions", "## System Context\n\n- **Used By:** Billing\n\n## Open Questions"
    )
    config = write_site(tmp_path, pages, i18n_config("suffix", reconcile="warn"))
    found = [w for w in warnings(build_site(config)) if "Depends On" in w]
    # In French, "Ledger" names no design (the French one is "Grand livre"): no disagreement.
    assert len(found) == 1
    assert found[0].startswith("docs/only-en.en.md:")
    assert found[0].endswith("(in the 'en' catalog)")


def test_check_without_i18n_reconfigure_files_uses_the_same_choice(tmp_path: Path) -> None:
    """The copy of i18n's rule (for an i18n without ``reconfigure_files``) picks the same pages."""
    from mkdocs.config import load_config

    i18n_site(tmp_path, "suffix")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    chosen = languages.language_files(config)
    assert chosen is not None
    i18n = languages.find_i18n(config)
    for language, files in chosen:
        from mkdocs.structure.files import get_files

        copied = languages._fallback_choice(i18n, get_files(config), language)
        assert sorted(f.src_uri for f in copied) == sorted(
            f.src_uri for f in files.documentation_pages()
        )


def test_the_material_switcher_leads_to_the_same_catalog_page(tmp_path: Path) -> None:
    """Material's language switcher on each catalog page links that page in the other language."""
    pytest.importorskip("material")
    built = build_site(i18n_site(tmp_path, "suffix", "material"))
    for view in VIEWS:
        french = soup(built, "fr/design-catalog/" + view)
        english = soup(built, "design-catalog/" + view)
        to_en = french.select_one("a[hreflang=en]")["href"]
        to_fr = english.select_one("a[hreflang=fr]")["href"]
        assert resolves(built, "fr/design-catalog/" + view, to_en) == "design-catalog/" + view
        assert resolves(built, "design-catalog/" + view, to_fr) == "fr/design-catalog/" + view


def test_the_plugin_order_in_mkdocs_yml_does_not_matter(tmp_path: Path) -> None:
    """`design` listed before `i18n` builds the same two catalogs (it runs after i18n anyway)."""
    config = i18n_config("suffix")
    config["plugins"] = ["search", "design", config["plugins"][1]]
    built = build_site(write_site(tmp_path, PAGES["suffix"], config))
    for language, expected in EXPECTED["suffix"].items():
        assert {d["src"] for d in catalog(built, language)["designs"]} == set(expected)


def test_without_fallback_a_language_lists_only_its_own_designs(tmp_path: Path) -> None:
    """With ``fallback_to_default: false`` the French catalog has the French ledger only."""
    config = i18n_config("suffix")
    config["plugins"][1]["i18n"]["fallback_to_default"] = False
    built = build_site(write_site(tmp_path, PAGES["suffix"], config))
    assert [d["src"] for d in catalog(built, "fr")["designs"]] == ["ledger.fr.md"]
    assert len(catalog(built, "en")["designs"]) == 2


def test_a_nav_naming_the_catalog_resolves_in_every_language(tmp_path: Path) -> None:
    """`nav: design-catalog/index.md` finds the catalog in both passes and structures, strictly."""
    for structure in ("suffix", "folder"):
        root = tmp_path / structure
        config = i18n_config(structure, placeholders="ignore")
        config["nav"] = [
            "index.md",
            "ledger.md",
            "only-en.md",
            {"Catalog": "design-catalog/index.md"},
        ]
        write_site(root, PAGES[structure], config)
        result = run_mkdocs("build", "--strict", cwd=root)
        assert result.returncode == 0, result.stderr
        french = BeautifulSoup((root / "site/fr/index.html").read_text("utf-8"), "html.parser")
        assert "design-catalog/" in [a["href"] for a in french.select(".navbar a[href]")]


def test_a_page_read_by_two_languages_is_parsed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fallback page, read by the English and the French pass, is parsed once per build."""
    from mkdocs_design import cache, sources

    parsed: list[str] = []
    real = sources.parse_page
    for module in (cache, sources):  # with a cache and without
        monkeypatch.setattr(module, "parse_page",
                            lambda src, *a: parsed.append(src) or real(src, *a))  # fmt: skip
    build_site(i18n_site(tmp_path, "suffix"))
    assert sorted(parsed) == ["index.en.md", "index.fr.md", "ledger.en.md", "ledger.fr.md",
                              "only-en.en.md"]  # fmt: skip


def test_a_site_without_i18n_gets_no_language_anything(tmp_path: Path) -> None:
    """Without i18n: one catalog, no language fields, the filter script's own English words."""
    built = build_site(write_site(tmp_path, {"index.md": "# Home\n", "ledger.md": LEDGER_EN}))
    data = catalog(built, "en")
    assert list(data) == ["version", "designs", "edges", "findings"]
    assert "language" not in data["designs"][0]
    assert not (built.site_dir / "fr").exists()
    box = main(soup(built, "design-catalog/")).select_one(".design-filter")
    assert box is not None
    assert not box.has_attr("data-design-labels")
    assert [r.getMessage() for r in built.records if "design pages" in r.getMessage()] == [
        "mkdocs_design: Found 1 design pages"
    ]


def test_a_single_language_site_speaks_its_themes_language(tmp_path: Path) -> None:
    """Material with ``language: de`` and no i18n: German catalog words, titles set win."""
    pytest.importorskip("material")
    config = {"theme": {"name": "material", "language": "de"},
              "plugins": [{"design": {"questions_title": "Fragen zum Design"}}]}  # fmt: skip
    built = build_site(
        write_site(tmp_path, {"index.md": "# Home\n", "ledger.md": LEDGER_EN}, config)
    )
    assert main(soup(built, "design-catalog/")).h1.get_text(strip=True).startswith("Designkatalog")
    questions = main(soup(built, "design-catalog/questions/"))
    assert questions.h1.get_text(strip=True).startswith("Fragen zum Design")
    headers = [
        th.get_text(" ", strip=True) for th in main(soup(built, "design-catalog/")).select("th")
    ]
    assert headers[:4] == ["Design", "Status", "Erstellt", "Verantwortlich"]
    assert "language" not in catalog(built, "en")


def test_the_site_s_own_words_win(tmp_path: Path) -> None:
    """``catalog_labels`` changes words per language; a ``*_title`` option wins everywhere."""
    design = {"overview_title": "Designs", "catalog_labels": {"fr": {"unwritten": "vide",
              "components_title": "Composants du système"}}}  # fmt: skip
    built = build_site(i18n_site(tmp_path, "suffix", **design))
    assert main(soup(built, "fr/design-catalog/")).h1.get_text(strip=True).startswith("Designs")
    assert main(soup(built, "design-catalog/")).h1.get_text(strip=True).startswith("Designs")
    components = main(soup(built, "fr/design-catalog/components/")).h1.get_text(strip=True)
    assert components.startswith("Composants du système")
    assert (
        main(soup(built, "design-catalog/components/"))
        .h1.get_text(strip=True)
        .startswith("Component index")
    )


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ({"fr": {"unwriten": "x"}}, "label 'unwriten' for 'fr': there is no such label (did you"),
        ({"fr": "vide"}, "'fr' must map label names to words"),
        ({"fr": {"stale_hint": "{jours} jours"}}, "uses {jours}; it can use {days}"),
        ({"fr": {"designs": {"one": "{n} conception"}}}, "needs its 'other' form"),
        ({"fr": {"stale": "{"}}, "write braces only around names"),
        ({"en": {"designs": {"other": "{n:d} designs"}}}, "without a format, conversion"),
        ({"en": {"designs": {"other": "{n:>20000000} designs"}}}, "without a format"),
        ({"en": {"designs": {"other": "{n!r} designs"}}}, "without a format"),
        ({"en": {"designs": {"other": "{n[0]} designs"}}}, "without a format"),
    ],
)
def test_bad_catalog_labels_stop_the_build_with_a_clear_message(
    tmp_path: Path, labels: dict[str, Any], message: str
) -> None:
    """A wrong ``catalog_labels`` is one error naming the option, never a traceback."""
    options = {"plugins": [{"design": {"catalog_labels": labels}}]}
    write_site(tmp_path, {"index.md": "# Home\n"}, options)
    result = run_mkdocs("build", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "mkdocs_design: option 'catalog_labels': label" in result.stderr
        or "'fr' must" in result.stderr
    )
    assert message in result.stderr


def test_every_shipped_language_has_every_label_with_the_same_names() -> None:
    """labels.yml: each language complete, counted words counted, placeholders as English's."""
    english = labels_for("en").words
    assert set(shipped_languages()) >= {
        "en",
        "fr",
        "de",
        "es",
        "pt",
        "ru",
        "zh",
        "zh-Hant",
        "ja",
        "ko",
    }
    for language in shipped_languages():
        words = labels_for(language).words
        check_own({language: dict(words)})  # the shipped words pass the site's own check
        assert set(words) == set(english), language
        for key, word in words.items():
            counted = not isinstance(english[key], str)  # a language may have one form only
            assert counted or isinstance(word, str), (language, key)
            if key in FIELDS and isinstance(word, str):
                used = set(re.findall(r"\{(\w+)\}", word))
                assert used, (language, key)


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("en", {0: "other", 1: "one", 2: "other"}),
        ("fr", {0: "one", 1: "one", 2: "other"}),
        ("pt-BR", {0: "one", 1: "one", 5: "other"}),
        ("ru", {1: "one", 2: "few", 5: "many", 11: "many", 21: "one", 22: "few", 112: "many"}),
        ("ja", {1: "other", 2: "other"}),
        ("de", {1: "one", 2: "other"}),
    ],
)
def test_plural_categories(language: str, counts: dict[int, str]) -> None:
    """CLDR plural categories for the shipped languages."""
    assert {n: plural(language, n) for n in counts} == counts


@pytest.mark.parametrize(
    ("language", "title"),
    [("fr-CA", "Catalogue des conceptions"), ("pt_BR", "Catálogo de designs"),
     ("zh-TW", "設計目錄"), ("zh-Hant", "設計目錄"), ("zh-CN", "设计目录"),
     ("it", "Design catalog"), (None, "Design catalog")],
)  # fmt: skip
def test_a_language_takes_its_nearest_words(language: str | None, title: str) -> None:
    """Regional codes take their language's words; an unshipped language, English."""
    assert labels_for(language)["overview_title"] == title


def test_counted_words_and_the_filter_script() -> None:
    """Counts take their language's form; the script gets words only when they are not English."""
    russian = labels_for("ru")
    assert [russian.count("designs", n) for n in (1, 3, 5)] == [
        "1 документ",
        "3 документа",
        "5 документов",
    ]
    assert labels_for("en").script("overview") is None
    french = json.loads(labels_for("fr").script("questions") or "{}")
    assert french["lang"] == "fr"
    assert french["count"]["other"] == "{shown} sur {total} questions"


@pytest.mark.slow
def test_serve_updates_the_language_whose_design_changed(tmp_path: Path) -> None:
    """Under `mkdocs serve`, editing the French design updates the French catalog only."""
    from test_serve import Server

    i18n_site(tmp_path, "suffix", placeholders="ignore")
    server = Server(tmp_path)
    try:
        server.wait_ready()
        english_before = json.loads(server.get("design-catalog/catalog.json"))
        page = tmp_path / "docs" / "ledger.fr.md"
        page.write_text(page.read_text("utf-8") + "- [ ] Faut-il archiver ?\n", "utf-8")
        deadline = 40
        import time

        french: dict[str, Any] = {}
        for _ in range(deadline * 4):
            try:
                french = json.loads(server.get("fr/design-catalog/catalog.json"))
            except (OSError, ValueError):
                time.sleep(0.25)
                continue
            ledger = [d for d in french["designs"] if d["src"] == "ledger.fr.md"]
            if ledger and len(ledger[0]["questions"]) == 2:
                break
            time.sleep(0.25)
        else:
            pytest.fail(f"the French catalog did not follow the edit: {french}\n{server.output()}")
        assert sorted(d["src"] for d in french["designs"]) == ["ledger.fr.md", "only-en.en.md"]
        english = json.loads(server.get("design-catalog/catalog.json"))
        assert english["designs"] == english_before["designs"]
        overview = BeautifulSoup(server.get("fr/design-catalog/questions/"), "html.parser")
        assert "Faut-il archiver ?" in overview.get_text()
    finally:
        server.stop()


@pytest.mark.browser
def test_the_filters_speak_the_page_s_language(tmp_path: Path, browser_page: Any) -> None:
    """In Chromium, the French catalog's filters and counts are French, the English ones English."""
    browser_page.goto("fr/design-catalog/", wait_until="domcontentloaded")
    browser_page.locator(".design-filter__count").wait_for()
    assert browser_page.get_by_label("Statut").count() == 1
    assert browser_page.locator(".design-filter__status option").all_inner_texts()[0] == (
        "Tous les statuts"
    )
    assert browser_page.locator(".design-filter__folder option").all_inner_texts() == [
        "Toutes les équipes", "(racine)",
    ]  # fmt: skip
    box = browser_page.get_by_role("searchbox", name="Filtrer les conceptions par texte")
    assert browser_page.locator(".design-filter__count").inner_text() == "2 sur 2 conceptions"
    box.fill("grand")
    assert browser_page.locator(".design-filter__count").inner_text() == "1 sur 2 conceptions"
    browser_page.goto("fr/design-catalog/questions/", wait_until="domcontentloaded")
    assert browser_page.locator(".design-filter__count").inner_text() == "2 sur 2 questions"
    browser_page.goto("design-catalog/", wait_until="domcontentloaded")
    assert browser_page.locator(".design-filter__count").inner_text() == "2 of 2 designs"
    assert browser_page.get_by_role("searchbox", name="Filter designs by text").count() == 1


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep request lines out of the test output."""


@pytest.fixture
def browser_page(tmp_path: Path) -> Iterator[Any]:
    """The two-language site, built and served locally, in a Chromium page; errors fail it."""
    from test_browser import chromium, serving

    built = build_site(i18n_site(tmp_path, "suffix"))
    handler = functools.partial(_QuietHandler, directory=str(built.site_dir))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{httpd.server_port}/"
    errors: list[str] = []
    with serving(httpd), chromium() as launched:
        context = launched.new_context(base_url=base)
        context.set_default_timeout(5000)
        context.route(re.compile(r"^(?!" + re.escape(base) + ")"), lambda route: route.abort())
        context.on("weberror", lambda e: errors.append(e.error.stack or str(e.error)))
        yield context.new_page()
        context.close()
    ours = [e for e in errors if "catalog.js" in e]  # not the theme's CDN scripts, cut off
    assert not ours, ours
