"""``mkdocs-design check`` agrees with ``mkdocs build`` on every site the hostile suite builds.

Each site of ``hostile_corpus`` is built by the real ``mkdocs build -v`` (``--strict`` where the
hostile test uses it) and checked by ``mkdocs-design check --format json`` (``--fail-on warn``
alike), in the same folder and environment. Both must pass or both fail, and report the same
findings at the same places and levels:

- the plugin's own lines (``mkdocs_design: docs/bad.md:3:1: …``) must be rows word for word;
- its warnings about the build rather than a page (``mkdocs_design: SOURCE_DATE_EPOCH…``), and
  MkDocs' own words on the configuration (``Config value 'plugins': …``), are rows at
  ``mkdocs.yml:1:1`` holding MkDocs' words;
- when MkDocs stops the build itself (an undecodable page, a build date it cannot use), the
  plugin never gets to report: ``check`` must then name the same file, as an error, with
  MkDocs' reason in its message, and the build's verdict.

A build line that fits none of these fails the test: a new kind of message must be placed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from typing import TYPE_CHECKING, NamedTuple

import pytest
from conftest import HOST
from hostile_corpus import CORPUS

if TYPE_CHECKING:
    from pathlib import Path

    from hostile_corpus import Hostile

LEVELS = {"DEBUG": "info", "INFO": "info", "WARNING": "warn", "ERROR": "error"}
#: A line of ``mkdocs build -v``: its level and text.
_LINE = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR) +-  (?P<text>.*)$")
#: The plugin's finding: ``mkdocs_design: docs/bad.md:3:1: message``.
_OURS = re.compile(r"^mkdocs_design: (?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<m>.*)$")
#: A finding listed by the one error that fails the build in error mode.
_LISTED = re.compile(r"^  (?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<m>.*)$")
#: The plugin's lines that are no finding: what it found, how long it took.
_CHATTER = re.compile(r"^mkdocs_design: (Found \d+ design page|Plugin time )")
#: MkDocs' reason for a page it cannot read (it names the page from ``docs_dir``).
_UNREADABLE = re.compile(r"^Error reading page '(?P<page>[^']+)': (?P<m>.*)$")


class Row(NamedTuple):
    """A finding as both sides are compared: where, how bad, what (``mkdocs`` words are ours)."""

    path: str
    line: int
    column: int
    level: str
    message: str
    held: bool = False  # the build's own words: check's message must hold them


class Outcome(NamedTuple):
    """What one side said: its rows and whether it failed."""

    rows: frozenset[Row]
    failed: bool
    reported: bool = True  # the build reached the plugin's report (MkDocs did not stop it)
    frames: tuple[str, ...] = ()  # the plugin's frames in a traceback the build printed


def run_both(case: Hostile, root: Path) -> tuple[Outcome, Outcome]:
    """``mkdocs build -v`` and ``mkdocs-design check --format json`` on the site, side by side.

    Both at once (the build writes only ``site/``, check writes nothing), in the case's
    environment, as the command line runs them.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore", **case.env}
    strict = ["--strict"] if case.strict else []
    fail_on = ["--fail-on", "warn"] if case.strict else []
    commands = (
        [sys.executable, "-m", HOST, "build", "-v", *strict],
        [sys.executable, "-m", "mkdocs_design", "check", "--format", "json", *fail_on],
    )
    running = [
        subprocess.Popen(
            command,
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
        )
        for command in commands
    ]
    (_, build_err), (check_out, check_err) = (p.communicate(timeout=300) for p in running)
    build_code, check_code = (p.wait() for p in running)
    return built(build_code, build_err), checked(check_code, check_out, check_err)


def built(code: int, stderr: str) -> Outcome:
    """What ``mkdocs build -v`` logged, as rows."""
    rows: set[Row] = set()
    for line in stderr.splitlines():
        if (row := _build_row(line)) is not None:
            rows.add(row)
    _, failing, listing = stderr.partition("problem(s) fail the build:\n")
    rows |= {
        Row(m["path"], int(m["line"]), int(m["column"]), "error", m["m"])
        for m in _LISTED.finditer(listing) if failing
    }  # fmt: skip
    if "Traceback (most recent call last)" in stderr:
        # The exception MkDocs died of, unless one of its lines gave its reason already. A
        # traceback names no page: the row is at no place ("").
        reason = stderr.rstrip().rsplit("\n", 1)[-1].partition(": ")[2]
        if not any(r.held and r.message == reason for r in rows):
            rows.add(Row("", 0, 0, "error", reason, held=True))
    reported = "mkdocs_design: Plugin time" in stderr
    frames = tuple(re.findall(r'File "[^"]*mkdocs_design[/\\][^"]*", line \d+', stderr))
    return Outcome(frozenset(rows), code != 0, reported, frames)


def _build_row(line: str) -> Row | None:
    """The row a build line stands for; ``None`` for progress; fails on an unplaced message."""
    match = _LINE.match(line)
    if match is None:
        return None
    level, text = LEVELS[match["level"]], match["text"]
    if found := _OURS.match(text):
        m = found
        return Row(m["path"], int(m["line"]), int(m["column"]), level, m["m"])
    if text.startswith("mkdocs_design: ") and not _CHATTER.match(text):
        if level == "info" or text.endswith("problem(s) fail the build:"):
            return None  # the listing of an error-mode build is read separately
        # A warning about the build is a row word for word; an error stopping it (an option,
        # a clash) is held by a row that may say more ("configuration error: …").
        return Row(
            "mkdocs.yml", 1, 1, level, text.removeprefix("mkdocs_design: "), level == "error"
        )
    if text.startswith("Config value ") and level != "info":
        return Row("mkdocs.yml", 1, 1, level, text, held=True)
    if unreadable := _UNREADABLE.match(text):
        return Row(f"docs/{unreadable['page']}", 1, 1, level, unreadable["m"], held=True)
    if level == "info" or text.startswith("Encoding error reading file:"):
        return None  # MkDocs' progress; the encoding error comes again, with its reason
    raise AssertionError(f"a build line neither side places: {line!r}")


def checked(code: int, stdout: str, stderr: str) -> Outcome:
    """What ``mkdocs-design check --format json`` printed, as rows."""
    assert "Traceback" not in stderr, stderr
    rows = frozenset(
        Row(r["path"], r["line"], r["column"], r["level"], r["message"]) for r in json.loads(stdout)
    )
    return Outcome(rows, code != 0)


def disagreements(build: Outcome, check: Outcome) -> list[str]:
    """How the two differ, one line each; empty when they agree."""
    problems = []
    if build.failed != check.failed:
        problems.append(f"build failed: {build.failed}, check failed: {check.failed}")
    held_rows = {r for r in build.rows if r.held}
    for row in sorted(held_rows):
        if not any(_holds(c, row) for c in check.rows):
            problems.append(f"the build says {row}; check has no row holding it")
    ours = {r for r in build.rows if not r.held}
    others = {c for c in check.rows if not any(_holds(c, r) for r in held_rows)}
    if build.reported:
        problems += [f"only the build: {r}" for r in sorted(ours - others)]
        problems += [f"only check: {r}" for r in sorted(others - ours)]
    else:  # MkDocs stopped first: what the build printed of ours, check must have
        problems += [f"only the build: {r}" for r in sorted(ours - others)]
    return problems


def _holds(row: Row, held: Row) -> bool:
    """Whether ``check``'s row stands for a build line it must hold: same place, its words.

    A traceback names no place (``""``): any row of its level holding its words stands for it.
    """
    if not held.path:  # MkDocs may fail on another string of the same name: any position
        words = re.sub(r"position \d+", "position", held.message)
        return row.level == held.level and words in re.sub(r"position \d+", "position", row.message)
    return row[:4] == held[:4] and held.message in row.message


QUICK = [name for name, case in CORPUS.items() if not case.slow]
SLOW = [name for name, case in CORPUS.items() if case.slow]


def _agree(name: str, tmp_path: Path) -> Outcome:
    case = CORPUS[name]
    build, check = run_both(case, case.write(tmp_path).parent)
    assert disagreements(build, check) == []
    return build


@pytest.mark.slow  # two real runs per site, over the whole corpus
@pytest.mark.skipif(HOST != "mkdocs", reason="ProperDocs words MkDocs' own messages its own way")
@pytest.mark.parametrize("name", QUICK)
def test_check_agrees_with_the_build(name: str, tmp_path: Path) -> None:
    """Same verdict, same findings at the same places, on every hostile site."""
    build = _agree(name, tmp_path)
    assert build.frames == (), "a traceback the build printed passes through the plugin"


@pytest.mark.slow
@pytest.mark.skipif(HOST != "mkdocs", reason="ProperDocs words MkDocs' own messages its own way")
@pytest.mark.parametrize("name", SLOW)
def test_check_agrees_with_the_build_on_big_pages(name: str, tmp_path: Path) -> None:
    """The 5 MB page and the page of ten thousand components and questions, alike."""
    _agree(name, tmp_path)


def test_check_names_a_build_date_mkdocs_cannot_use(tmp_path: Path) -> None:
    """``SOURCE_DATE_EPOCH=99999999999999`` (defect 17): the plugin's warning, MkDocs' error."""
    case = CORPUS["epoch-out-of-range"]
    _, check = run_both(case, case.write(tmp_path).parent)
    assert check.failed
    assert sorted(check.rows) == [
        Row("mkdocs.yml", 1, 1, "error", "MkDocs cannot use SOURCE_DATE_EPOCH as the build date "
            "(ValueError: year 3170843 is out of range) and stops"),
        Row("mkdocs.yml", 1, 1, "warn", "SOURCE_DATE_EPOCH='99999999999999' is not a time in "
            "seconds; today is used"),
    ]  # fmt: skip


def test_the_corpus_holds_failing_sites_and_each_kind_of_message() -> None:
    """The corpus is worth comparing on: sites MkDocs stops, sites ``--strict`` stops."""
    failing = {"undecodable", "undecodable-name", "badge-string", "unknown-option-strict"}
    assert failing | {"epoch-out-of-range", "path-twice", "page-at-overview-url"} <= set(QUICK)
    assert SLOW == ["five-megabytes", "ten-thousand"]


@pytest.mark.parametrize(
    ("build", "check", "expected"),
    [
        pytest.param(
            Outcome(frozenset({Row("docs/a.md", 3, 1, "warn", "x")}), False),
            Outcome(frozenset({Row("docs/a.md", 3, 1, "warn", "x")}), False),
            [],
            id="same",
        ),
        pytest.param(
            Outcome(frozenset({Row("docs/a.md", 3, 1, "warn", "x")}), True),
            Outcome(frozenset(), False),
            ["build failed: True, check failed: False", "only the build: "],
            id="check-misses-one",
        ),
        pytest.param(
            Outcome(frozenset({Row("docs/a.md", 1, 1, "error", "why", held=True)}), True, False),
            Outcome(frozenset({Row("docs/a.md", 1, 1, "error", "cannot: why; stops")}), True),
            [],
            id="mkdocs-words-held",
        ),
        pytest.param(
            Outcome(frozenset({Row("docs/a.md", 1, 1, "error", "why", held=True)}), True, False),
            Outcome(frozenset({Row("a.md", 1, 1, "error", "cannot: why; stops")}), True),
            ["the build says"],
            id="mkdocs-words-elsewhere",
        ),
    ],
)
def test_disagreements_are_found(build: Outcome, check: Outcome, expected: list[str]) -> None:
    """The comparison itself can fail: a missed row, a verdict, a path."""
    found = disagreements(build, check)
    assert len(found) == len(expected)
    assert all(f.startswith(e) for f, e in zip(found, expected, strict=True))
