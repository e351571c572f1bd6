"""The catalog, badges and gate on Zensical: ``mkdocs-design generate`` plus ``zensical build``.

Runs in its own virtual environment with Zensical pinned (``.ci/run``); where Zensical is not
installed, ``conftest.py`` does not collect this module. The sample site is built from
``sample_site/zensical.yml`` (Material's configuration with the extension under
``markdown_extensions``) by the real ``zensical`` and ``mkdocs-design`` commands, and the HTML
is compared with what MkDocs makes of the same pages.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlparse

import pytest
import zensical  # noqa: F401  (fails loudly, never skips, where CI runs this module)
from bs4 import BeautifulSoup
from conftest import SAMPLE_SITE, build_site
from test_browser import CONTENT, _Quiet, _Server, chromium, count, open_view, serving, shown

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from bs4 import Tag

CONFIG = "zensical.yml"
SITE = "site-zensical"
#: A design page with front matter and placeholders: marks must land where MkDocs puts them.
DRAFT = """\
---
owner: platform
---

# Design: Draft Feature

**Status:** Draft
**Created:** [Date]
**Authors:** [Your Name]

## Overview

This design covers [Feature Name] for the platform.

## Open Questions

- [ ] Who owns the rollout?
"""
VIEWS = ("design-catalog/", "design-catalog/components/", "design-catalog/questions/",
         "design-catalog/graph/")  # fmt: skip


def run(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m <args>`` in ``cwd``, colourless, with real exit codes."""
    env = {**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
        env=env, check=False,
    )  # fmt: skip


def generate(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run("mkdocs_design", "generate", "-f", CONFIG, *extra, cwd=root)


def zensical_build(root: Path) -> subprocess.CompletedProcess[str]:
    return run("zensical", "build", "-f", CONFIG, cwd=root)


def copy_sample(root: Path, *, options: str = "") -> Path:
    """The sample site plus the draft page; ``options`` are added to the shared options."""
    shutil.copytree(SAMPLE_SITE, root, ignore=shutil.ignore_patterns("site*", "design-catalog"))
    (root / "docs" / "platform" / "draft-feature.md").write_text(DRAFT, encoding="utf-8")
    if options:
        config = root / CONFIG
        text = config.read_text(encoding="utf-8")
        anchor = "  - design: &design\n"
        config.write_text(text.replace(anchor, anchor + options), encoding="utf-8")
    return root


def deprecate_event_bus(root: Path) -> None:
    """Edit a design's status, Implemented to Deprecated."""
    page = root / "docs" / "platform" / "event-bus.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("**Status:** Implemented", "**Status:** Deprecated"), "utf-8")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_file(site: Path, url: str) -> Path:
    """The HTML file of a site URL (``a/b/`` is ``a/b/index.html``)."""
    return site / (url + "index.html" if url.endswith("/") or not url else url)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site generated and built by Zensical, then by MkDocs from the same config."""
    root = copy_sample(tmp_path_factory.mktemp("zensical") / "sample")
    assert generate(root).returncode == 0
    result = zensical_build(root)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "No issues found" in result.stdout + result.stderr  # Zensical's link validation
    # MkDocs reads the same file; its own theme, as Material is not installed here.
    text = (root / CONFIG).read_text(encoding="utf-8")
    both = re.sub(r"theme:\n(  .*\n)+", "theme:\n  name: mkdocs\n", text)
    (root / "both.yml").write_text(both.replace(SITE, "site-mkdocs"), encoding="utf-8")
    shutil.move(build_site(root / "both.yml").site_dir, root / "site-mkdocs")
    return root


def catalog(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (site / "design-catalog" / "catalog.json").read_text(encoding="utf-8")
    )
    return data


def test_every_design_page_has_one_badge_with_its_status(built: Path) -> None:
    """Each design page shows one badge whose data-design-status is its status."""
    site = built / SITE
    designs = catalog(site)["designs"]
    assert len(designs) == 13
    for design in designs:
        badges = soup(page_file(site, design["url"])).select(".design-status [data-design-status]")
        assert [b["data-design-status"] for b in badges] == [design["status"]], design["src"]


def test_the_catalog_lists_every_design(built: Path) -> None:
    """The overview has one row per design, linked to its page."""
    site = built / SITE
    overview = soup(site / "design-catalog" / "index.html")
    linked = {
        urljoin("design-catalog/", a["href"]) for a in overview.select(f"{CONTENT} tbody tr a")
    }
    assert {d["url"] for d in catalog(site)["designs"]} <= linked
    assert not overview.select("[data-design-fragment]")  # no host fills placeholders in


def test_catalog_links_land(built: Path) -> None:
    """Every link of the catalog pages and marker views reaches a page and an id on it."""
    site = built / SITE
    problems = [
        f"{url}: {href}"
        for url in (*VIEWS, "catalog-views/")
        for href in _hrefs(site, url)
        if not _lands(site, url, href)
    ]
    assert not problems


def _hrefs(site: Path, url: str) -> list[str]:
    content = soup(page_file(site, url)).select_one(CONTENT)
    assert content is not None
    return [str(a["href"]) for a in content.select("a[href]") if not a["href"].startswith("http")]


def _lands(site: Path, url: str, href: str) -> bool:
    target = urlparse(urljoin("http://site/" + url, href))
    path = unquote(target.path).lstrip("/")
    file = page_file(site, path) if path.endswith("/") or "." not in path else site / path
    if not file.is_file():
        return False
    return not target.fragment or target.fragment in _ids(file)


@functools.cache
def _ids(file: Path) -> set[str]:
    return {str(tag["id"]) for tag in soup(file).select("[id]")}


def test_marker_views_render_inline(built: Path) -> None:
    """``<!-- design/... -->`` on an ordinary page becomes the view, with its HTML inline."""
    page = soup(built / SITE / "catalog-views" / "index.html").select_one(CONTENT)
    assert page is not None
    assert "design/overview" not in str(page)
    assert len(page.select("table")) >= 2
    assert not page.select("[data-design-fragment]")


def test_placeholders_are_marked_as_under_mkdocs(built: Path) -> None:
    """The draft's placeholders carry the same marks, ids and text as in the MkDocs build."""

    def marks(site: str) -> list[tuple[str, str]]:
        page = soup(built / site / "platform" / "draft-feature" / "index.html")
        return [(str(m["id"]), m.get_text()) for m in page.select("mark.design-placeholder")]

    assert marks(SITE) == [
        ("design-placeholder-1", "[Date]"),
        ("design-placeholder-2", "[Your Name]"),
        ("design-placeholder-3", "[Feature Name]"),
    ]
    assert marks("site-mkdocs") == marks(SITE)


def test_catalog_json_equals_the_mkdocs_builds(built: Path) -> None:
    """Designs (statuses, components, questions, placeholders) and edges match MkDocs'."""
    zensical_json, mkdocs_json = catalog(built / SITE), catalog(built / "site-mkdocs")
    assert zensical_json["designs"] == mkdocs_json["designs"]
    assert zensical_json["edges"] == mkdocs_json["edges"]


def test_mkdocs_runs_the_plugin_only(built: Path) -> None:
    """Under MkDocs the extension does nothing: one badge per design page, no double work."""
    site = built / "site-mkdocs"
    for design in catalog(site)["designs"]:
        page = soup(page_file(site, design["url"]))
        assert len(page.select(".design-status")) == 1, design["src"]
        assert "@import" not in str(page.select_one("div[role=main]"))


def test_nav_shows_statuses_and_the_stylesheet_loads(built: Path) -> None:
    """nav_status gives Material's navigation icons; each page imports the written stylesheet."""
    site = built / SITE
    home = soup(site / "index.html")
    assert len(home.select(".md-nav .md-status")) == 13
    page = soup(site / "platform" / "event-bus" / "index.html")
    css = '@import url("../../design-catalog/assets/design.css");'
    assert css in page.select_one(CONTENT).decode()  # type: ignore[union-attr]
    assert (site / "design-catalog" / "assets" / "design.css").is_file()


def test_generate_rewrites_only_what_changed(tmp_path: Path) -> None:
    """A second run writes nothing; a status change rewrites the views and json, not assets."""
    root = copy_sample(tmp_path / "sample")
    first = generate(root)
    assert first.returncode == 0, first.stderr
    assert "7 written, 0 removed, 0 unchanged" in first.stderr
    folder = root / "docs" / "design-catalog"
    before = {p.name: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}
    time.sleep(0.01)
    assert "0 written, 0 removed, 7 unchanged" in generate(root).stderr
    deprecate_event_bus(root)
    assert generate(root, "--check").returncode == 1
    assert "5 written" in generate(root).stderr
    after = {p.name: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}
    unchanged = sorted(name for name in before if before[name] == after[name])
    assert unchanged == [".generated-by-mkdocs-design", "catalog.js", "design.css"]
    assert generate(root, "--check").returncode == 0


def test_generate_never_overwrites_a_users_file(tmp_path: Path) -> None:
    """A page of the user's where an output goes stops generate, named, and stays as it was."""
    root = copy_sample(tmp_path / "sample")
    mine = root / "docs" / "design-catalog" / "index.md"
    mine.parent.mkdir()
    mine.write_text("# My own catalog\n", encoding="utf-8")
    result = generate(root)
    assert result.returncode == 2
    assert "'docs/design-catalog/index.md' was not written by mkdocs-design" in result.stderr
    assert "set 'overview_path' to another path" in result.stderr
    assert mine.read_text(encoding="utf-8") == "# My own catalog\n"
    assert not (root / "docs" / "design-catalog" / "catalog.json").exists()


def test_generate_removes_what_is_turned_off_and_nothing_else(tmp_path: Path) -> None:
    """An output turned off is removed; the user's files in the folder are left alone."""
    root = copy_sample(tmp_path / "sample")
    assert generate(root).returncode == 0
    notes = root / "docs" / "design-catalog" / "notes.md"
    notes.write_text("# Notes\n", encoding="utf-8")
    copy_sample(tmp_path / "other", options="      graph: false\n")
    shutil.copy(tmp_path / "other" / CONFIG, root / CONFIG)
    assert "1 removed" in generate(root).stderr
    assert not (root / "docs" / "design-catalog" / "graph.md").exists()
    assert notes.is_file()


def test_generate_needs_the_extension(tmp_path: Path) -> None:
    """Without the extension listed, generate says what to add (usage error)."""
    root = copy_sample(tmp_path / "sample")
    config = root / CONFIG
    config.write_text(config.read_text().replace("  - mkdocs_design.zensical: *design\n", ""))
    result = generate(root)
    assert result.returncode == 2
    assert "'mkdocs_design.zensical' is not listed under markdown_extensions" in result.stderr


def test_placeholders_error_fails_the_build_with_one_line_each(tmp_path: Path) -> None:
    """``placeholders: error`` fails ``zensical build``: exit 1, a line per placeholder."""
    root = copy_sample(tmp_path / "sample", options="      placeholders: error\n")
    assert generate(root).returncode == 0
    result = zensical_build(root)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "ERROR   -  mkdocs_design: docs/platform/draft-feature.md:8:14: unresolved placeholder "
        '"[Date]" (Created)',
        "ERROR   -  mkdocs_design: docs/platform/draft-feature.md:9:14: unresolved placeholder "
        '"[Your Name]" (Authors)',
        "ERROR   -  mkdocs_design: docs/platform/draft-feature.md:13:20: unresolved placeholder "
        '"[Feature Name]" (Overview)',
    ]
    assert "Traceback" not in result.stderr


def test_an_unusable_option_fails_the_build_naming_it(tmp_path: Path) -> None:
    """Options are validated as the plugin's: a bad value stops the build with one line."""
    root = copy_sample(tmp_path / "sample", options="      placeholders: maybe\n")
    result = zensical_build(root)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1
    assert errors[0].startswith("ERROR   -  mkdocs_design: option 'placeholders': ")
    assert "'maybe'" in errors[0]


def test_a_stale_catalog_fails_the_build_until_generated(tmp_path: Path) -> None:
    """Edited pages and an old catalog: the build says to run generate; then it passes."""
    root = copy_sample(tmp_path / "sample")
    assert generate(root).returncode == 0
    deprecate_event_bus(root)
    result = zensical_build(root)
    assert result.returncode == 1
    assert "run `mkdocs-design generate` before `zensical build`" in result.stderr
    assert "Traceback" not in result.stderr
    assert generate(root).returncode == 0
    assert zensical_build(root).returncode == 0


@pytest.mark.slow
def test_serve_shows_an_edited_status_on_the_next_reload(tmp_path: Path) -> None:
    """Under ``zensical serve`` a status edit reaches the page and the catalog; errors never
    stop the server, even with ``placeholders: error``."""
    root = copy_sample(tmp_path / "sample", options="      placeholders: error\n")
    assert generate(root).returncode == 0
    with _serve(root) as base:
        deprecate_event_bus(root)
        started = time.monotonic()
        while time.monotonic() - started < 30:
            statuses = _get(base + "design-catalog/") + _get(base + "platform/event-bus/")
            if 'data-design-status="Implemented"' not in statuses:
                break
            time.sleep(0.1)
        assert 'data-design-status="Implemented"' not in statuses
        assert statuses.count('data-design-status="Deprecated"') >= 2


@contextlib.contextmanager
def _serve(root: Path) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "zensical", "serve", "-f", CONFIG, "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True, env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while "design-catalog" not in _get(base) and time.monotonic() < deadline:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            time.sleep(0.2)
        yield base
        assert server.poll() is None, "the server stopped"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.communicate(timeout=30)


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def test_filters_work_in_the_browser(built: Path) -> None:
    """The Zensical build's overview filters by status and text with the written script."""
    designs = catalog(built / SITE)["designs"]
    approved = [d["title"] for d in designs if d["status"] == "Approved"]
    handler = functools.partial(_Quiet, directory=str(built / SITE))
    httpd = _Server(("127.0.0.1", 0), handler)
    with serving(httpd), chromium() as browser:
        context = browser.new_context(base_url=f"http://127.0.0.1:{httpd.server_port}/")
        local = re.compile(r"^(?!http://127\.0\.0\.1:" + str(httpd.server_port) + ")")
        context.route(local, lambda route: route.abort())
        page = open_view(context.new_page(), "design-catalog/")
        assert count(page) == f"{len(designs)} of {len(designs)} designs"
        page.get_by_label("Status").select_option("approved")
        assert shown(page) == approved
        assert count(page) == f"{len(approved)} of {len(designs)} designs"
        page.locator(".design-filter__text").fill("gateway")
        assert shown(page) == ["Carrier Gateway"]
        badge: Tag | None = BeautifulSoup(page.content(), "html.parser").select_one(
            f"{CONTENT} tbody tr:not([hidden]) .design-badge"
        )
        assert badge is not None
        assert badge["data-design-status"] == "Approved"
        context.close()
