"""Lifecycle facts on hand-built designs: successors, staleness, date findings, git history.

``today`` is always passed in, so nothing here depends on the clock; git history is read from
real repositories made in a temporary folder, with commit dates set through the environment.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest

from mkdocs_design.catalog.catalog import Catalog
from mkdocs_design.catalog.history import last_changes, parse_log
from mkdocs_design.catalog.lifecycle import (
    Insights,
    Staleness,
    date_findings,
    staleness,
    successor,
    supersessions,
)
from mkdocs_design.model import DesignDoc, Location, Severity, Status
from mkdocs_design.reading.statuses import SETTLED, StatusTable, first_link

if TYPE_CHECKING:
    from pathlib import Path

STATUSES = StatusTable.build()
SETTLED_NAMES = StatusTable.build().having(SETTLED)
TODAY = dt.date(2026, 1, 1)


def doc(
    src_uri: str = "a.md",
    title: str = "A",
    status: str | None = "Draft",
    *,
    created: dt.date | None = None,
    timeline: tuple[tuple[dt.date, int], ...] = (),
) -> DesignDoc:
    """A design; a Markdown link in ``status`` becomes the status link, as the parser does."""
    state = Status(status, STATUSES.resolve(status), 4, first_link(status)) if status else None
    return DesignDoc(
        src_uri, title, title_line=1, status=state, created=created,
        created_line=3 if created else 0, timeline=timeline,
    )  # fmt: skip


def catalog(*docs: DesignDoc) -> Catalog:
    return Catalog.from_docs(docs, STATUSES)


# --- successors --------------------------------------------------------------------------------

BUS = doc("platform/event-bus.md", "Event Bus", "Implemented")
SPACED = doc("platform/event bus v2.md", "Event Bus 2", "Approved")


@pytest.mark.parametrize(
    ("src_uri", "status", "expected"),
    [
        pytest.param("platform/webhooks.md", "Superseded by [Event Bus](event-bus.md)",
                     BUS, id="same-folder"),
        pytest.param("billing/old.md", "Superseded by [Event Bus](../platform/event-bus.md)",
                     BUS, id="other-folder"),
        pytest.param("old.md", "Superseded by [Event Bus](platform/event-bus.md#overview)",
                     BUS, id="with-anchor"),
        pytest.param("old.md", "Superseded by [the bus](./platform/../platform/event-bus.md)",
                     BUS, id="dot-segments"),
        pytest.param("old.md", "Superseded by [v2](platform/event%20bus%20v2.md)",
                     SPACED, id="percent-encoded"),
        pytest.param("old.md", "Deprecated, use [Event Bus](platform/event-bus.md)",
                     BUS, id="deprecated"),
        pytest.param("old.md", "Rejected in favour of [Event Bus](platform/event-bus.md)",
                     BUS, id="rejected"),
        pytest.param("old.md", "Superseded", None, id="no-link"),
        pytest.param("old.md", "Superseded by [Kafka](https://kafka.apache.org/)", None,
                     id="external-url"),
        pytest.param("old.md", "Superseded by [bus](//example.com/event-bus.md)", None,
                     id="protocol-relative"),
        pytest.param("old.md", "Superseded by [bus](/platform/event-bus.md)", None,
                     id="absolute-path"),
        pytest.param("old.md", "Superseded by [below](#successor)", None, id="own-anchor"),
        pytest.param("old.md", "Superseded by [mail](mailto:arch@example.com)", None,
                     id="mailto"),
        pytest.param("old.md", "Superseded by [guide](guides/setup.md)", None,
                     id="not-a-design"),
        pytest.param("platform/event-bus.md", "Superseded by [itself](event-bus.md)", None,
                     id="itself"),
        pytest.param("old.md", "Approved, see [Event Bus](platform/event-bus.md)", None,
                     id="live-status-names-no-successor"),
        pytest.param("old.md", "Draft — split out of [Event Bus](platform/event-bus.md)", None,
                     id="draft-link"),
    ],
)  # fmt: skip
def test_successor(src_uri: str, status: str, expected: DesignDoc | None) -> None:
    """The status line's link → the successor design, resolved like MkDocs resolves links."""
    old = doc(src_uri, "Old", status)
    docs = catalog(BUS, SPACED, old) if src_uri != BUS.src_uri else catalog(SPACED, old)
    assert successor(old, docs) == expected


def test_no_status_no_successor() -> None:
    """A design without a status has no successor."""
    old = doc("old.md", status=None)
    assert successor(old, catalog(BUS, old)) is None


def test_supersessions_list_predecessors_in_catalog_order() -> None:
    """A successor lists every design that names it, in catalog order; others list nothing."""
    hooks = doc("platform/webhooks.md", "Webhooks", "Superseded by [Bus](event-bus.md)")
    poll = doc("platform/polling.md", "Polling", "Deprecated, use [Bus](event-bus.md)")
    fax = doc("fax.md", "Fax", "Superseded")
    assert supersessions(catalog(poll, BUS, fax, hooks)) == {BUS.src_uri: [hooks, poll]}


# --- staleness ---------------------------------------------------------------------------------

OLD, RECENT = dt.date(2025, 6, 1), dt.date(2025, 12, 1)


@pytest.mark.parametrize(
    ("status", "created", "git", "expected"),
    [
        pytest.param("Draft", OLD, None, Staleness(214, OLD, "created"), id="created-old"),
        pytest.param("Draft", RECENT, None, None, id="created-recent"),
        pytest.param("In Review", OLD, None, Staleness(214, OLD, "created"), id="in-review"),
        pytest.param("Proposed", OLD, None, Staleness(214, OLD, "created"), id="alias"),
        pytest.param("Approved", OLD, None, None, id="settled-status"),
        pytest.param(None, OLD, None, None, id="no-status"),
        pytest.param("Draft", None, None, None, id="no-date-at-all"),
        pytest.param("Draft", RECENT, OLD, Staleness(214, OLD, "git"), id="git-old-created-new"),
        pytest.param("Draft", OLD, RECENT, None, id="git-recent-created-old"),
        pytest.param("Draft", None, OLD, Staleness(214, OLD, "git"), id="git-without-created"),
        pytest.param("Draft", TODAY - dt.timedelta(days=90), None, None, id="exactly-90-days"),
        pytest.param("Draft", TODAY - dt.timedelta(days=91), None,
                     Staleness(91, TODAY - dt.timedelta(days=91), "created"), id="91-days"),
        pytest.param("Draft", dt.date(2026, 3, 1), None, None, id="created-in-future"),
    ],
)  # fmt: skip
def test_staleness(
    status: str | None, created: dt.date | None, git: dt.date | None, expected: Staleness | None
) -> None:
    """Age from the last git change when known, else from Created; only early statuses."""
    page = doc(status=status, created=created)
    history = {page.src_uri: git} if git else {}
    stale = staleness([page], history, TODAY, after_days=90)
    assert stale.get(page.src_uri) == expected


@pytest.mark.parametrize(
    ("after_days", "statuses", "stale"),
    [
        pytest.param(0, ("Draft",), False, id="zero-turns-it-off"),
        pytest.param(-1, ("Draft",), False, id="negative-turns-it-off"),
        pytest.param(300, ("Draft",), False, id="longer-limit"),
        pytest.param(30, ("In Review",), False, id="status-not-listed"),
        pytest.param(30, ("In Review", "Draft"), True, id="status-listed"),
    ],
)  # fmt: skip
def test_staleness_options(after_days: int, statuses: tuple[str, ...], stale: bool) -> None:
    """``stale_after_days`` and ``stale_statuses`` decide what can go stale."""
    page = doc(created=OLD)
    found = staleness([page], {}, TODAY, after_days=after_days, statuses=statuses)
    assert (page.src_uri in found) is stale


def test_git_date_of_another_page_does_not_count() -> None:
    """History is looked up by the page's own path."""
    page = doc("a.md", created=RECENT)
    assert staleness([page], {"b.md": OLD}, TODAY, after_days=90) == {}


# --- date findings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "created", "timeline", "found"),
    [
        pytest.param("Draft", dt.date(2026, 1, 2), (), [(3, "created date 2026-01-02 is in "
                     "the future")], id="created-tomorrow"),
        pytest.param("Draft", TODAY, (), [], id="created-today"),
        pytest.param("Draft", OLD, (), [], id="created-past"),
        pytest.param("Approved", None, ((dt.date(2025, 9, 1), 30), (dt.date(2025, 11, 1), 31)),
                     [(31, "the timeline ended on 2025-11-01 but the status is still Approved")],
                     id="timeline-passed"),
        pytest.param("Approved", None, ((dt.date(2025, 11, 1), 31), (dt.date(2025, 9, 1), 30)),
                     [(31, "the timeline ended on 2025-11-01 but the status is still Approved")],
                     id="latest-date-whatever-its-place"),
        pytest.param("Approved", None, ((dt.date(2025, 9, 1), 30), (dt.date(2026, 2, 1), 31)),
                     [], id="timeline-still-running"),
        pytest.param("Approved", None, ((TODAY, 30),), [], id="timeline-ends-today"),
        pytest.param("Implemented", None, ((OLD, 30),), [], id="implemented"),
        pytest.param("Superseded", None, ((OLD, 30),), [], id="superseded"),
        pytest.param("Deferred", None, ((OLD, 30),), [], id="deferred"),
        pytest.param("Ready for QA", None, ((OLD, 30),),
                     [(30, "the timeline ended on 2025-06-01 but the status is still Ready for "
                      "QA")], id="unknown-status-named-as-written"),
        pytest.param(None, None, ((OLD, 30),),
                     [(30, "the timeline ended on 2025-06-01 but the status is still not set")],
                     id="no-status"),
        pytest.param("Draft", dt.date(2027, 1, 1), ((OLD, 30),),
                     [(3, "created date 2027-01-01 is in the future"),
                      (30, "the timeline ended on 2025-06-01 but the status is still Draft")],
                     id="both"),
    ],
)  # fmt: skip
def test_date_findings(
    status: str | None,
    created: dt.date | None,
    timeline: tuple[tuple[dt.date, int], ...],
    found: list[tuple[int, str]],
) -> None:
    """A future Created date, or a timeline past its last date while not settled, is a finding."""
    page = doc("p.md", status=status, created=created, timeline=timeline)
    findings = date_findings(page, TODAY, SETTLED_NAMES)
    assert [(f.location.line, f.message) for f in findings] == found
    assert {(f.code, f.severity, f.location.path) for f in findings} <= {
        ("lifecycle", Severity.INFO, "p.md")
    }


def test_future_created_from_front_matter_points_at_line_one() -> None:
    """A Created date without a source line (front matter) is reported on line 1."""
    page = DesignDoc("p.md", "P", created=dt.date(2030, 1, 1))
    assert [f.location for f in date_findings(page, TODAY, SETTLED_NAMES, Severity.WARNING)] == [
        Location("p.md", 1)
    ]


def test_insights_derive_everything_once() -> None:
    """Insights gathers graph, staleness, successors and every finding of the build."""
    hooks = doc("platform/webhooks.md", "Webhooks", "Superseded by [Bus](event-bus.md)")
    draft = doc("draft.md", "Draft one", created=OLD, timeline=((OLD, 40),))
    future = doc("future.md", "Future", "In Review", created=dt.date(2026, 5, 1))
    insights = Insights.derive(
        catalog(hooks, BUS, draft, future), last_changed={"future.md": OLD}, today=TODAY
    )
    assert insights.successors == {hooks.src_uri: BUS}
    assert insights.superseded == {BUS.src_uri: [hooks]}
    assert set(insights.stale) == {"draft.md", "future.md"}
    assert insights.stale["future.md"].source == "git"
    assert sorted((f.location.path, f.location.line) for f in insights.findings) == [
        ("draft.md", 40),
        ("future.md", 3),
    ]
    off = Insights.derive(catalog(draft), last_changed={}, today=TODAY, stale_after_days=0)
    assert off.stale == {}


# --- git history -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        pytest.param("", {}, id="empty"),
        pytest.param("\0" "1735689600\0\na.md\0b/c.md\0", {"a.md": "2025-01-01",
                     "b/c.md": "2025-01-01"}, id="one-commit"),
        pytest.param("\0" "1740000000\0\na.md\0" "\0" "1735689600\0\na.md\0b.md\0",
                     {"a.md": "2025-02-19", "b.md": "2025-01-01"}, id="newest-first"),
        pytest.param("\0" "1735689600\0\na.md\0" "\0" "1740000000\0\na.md\0",
                     {"a.md": "2025-02-19"}, id="latest-date-wins-over-order"),
        pytest.param("\0" "1740000000\0" "\0" "1735689600\0\na.md\0", {"a.md": "2025-01-01"},
                     id="merge-commit-without-files"),
        pytest.param("\0" "1735689600\0\nété/ünï cödé.md\0", {"été/ünï cödé.md": "2025-01-01"},
                     id="non-ascii-verbatim"),
        pytest.param("\0" "1735689600\0\n2024\0" "1999\0@1740000000\0",
                     {"2024": "2025-01-01", "1999": "2025-01-01", "@1740000000": "2025-01-01"},
                     id="paths-that-look-like-dates"),
        pytest.param("\0" "1735689599\0\na.md\0", {"a.md": "2024-12-31"}, id="utc-day"),
        pytest.param("a.md\0", {}, id="path-before-any-commit"),
    ],
)  # fmt: skip
def test_parse_log(output: str, expected: dict[str, str]) -> None:
    """``git log -z --format=%x00%ct --name-only`` output → each path's latest commit date."""
    found = parse_log(output)
    assert {path: date.isoformat() for path, date in found.items()} == expected


GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def git(repo: Path, *args: str, when: str = "2025-01-01T12:00:00Z") -> None:
    """Run git in ``repo`` with fixed dates and no user or system configuration."""
    env = {
        **os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.invalid",
        "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.invalid",
        "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
    }  # fmt: skip
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def commit(repo: Path, files: dict[str, str], when: str) -> None:
    for path, text in files.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"change {when}", when=when)


@needs_git
def test_last_changes_reads_one_log_of_the_docs_folder(tmp_path: Path) -> None:
    """Paths relative to the docs folder, each with the date of its latest commit."""
    git(tmp_path, "init", "-q")
    commit(tmp_path, {"docs/a.md": "1", "docs/team/b.md": "1", "README.md": "1"},
           "2024-03-01T10:00:00Z")  # fmt: skip
    commit(tmp_path, {"docs/a.md": "2", "docs/été.md": "1"}, "2025-02-01T10:00:00Z")
    commit(tmp_path, {"README.md": "2"}, "2025-06-01T10:00:00Z")
    (tmp_path / "docs/untracked.md").write_text("new", encoding="utf-8")
    found = last_changes(str(tmp_path / "docs"))
    assert {path: date.isoformat() for path, date in found.items()} == {
        "a.md": "2025-02-01",
        "team/b.md": "2024-03-01",
        "été.md": "2025-02-01",
    }


@needs_git
def test_last_changes_takes_the_latest_date_not_the_latest_commit(tmp_path: Path) -> None:
    """A commit dated earlier than its parent (a rebase, a skewed clock) does not age a page."""
    git(tmp_path, "init", "-q")
    commit(tmp_path, {"a.md": "1"}, "2025-05-01T10:00:00Z")
    commit(tmp_path, {"a.md": "2"}, "2024-01-01T10:00:00Z")
    assert last_changes(str(tmp_path)) == {"a.md": dt.date(2025, 5, 1)}


@needs_git
def test_last_changes_of_a_repository_without_commits(tmp_path: Path) -> None:
    """A fresh ``git init`` has no history: nothing known."""
    git(tmp_path, "init", "-q")
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    assert last_changes(str(tmp_path)) == {}


def test_last_changes_outside_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A docs folder that is not in a git work tree, or does not exist: nothing known."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    assert last_changes(str(tmp_path)) == {}
    assert last_changes(str(tmp_path / "missing")) == {}


def test_last_changes_without_git_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No ``git`` on PATH: nothing known, no exception."""
    monkeypatch.setenv("PATH", str(tmp_path))
    assert last_changes(str(tmp_path)) == {}
