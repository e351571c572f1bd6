"""The ``mkdocs-design`` command line, run as the installed program in a subprocess.

Most tests run ``python -m mkdocs_design``; a few run the ``mkdocs-design`` script the package
installs next to the interpreter. ``check`` is held to the build: on the same tree, its JSON
findings are exactly the lines a real ``mkdocs build`` logs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_mkdocs, write_site

SCRIPT = Path(sys.executable).parent / "mkdocs-design"
SAMPLE_DESIGN_COUNT = 12

#: Purpose-made tree: placeholders, an unknown status, a bad date, invalid front matter,
#: a near miss and an ordinary page.
FINDINGS_TREE = {
    "index.md": "# Home\n\nWelcome to the team docs.\n",
    "team/holes.md": """
        # Design: Holes

        **Created:** [Date]
        **Status:** Draft

        ## Architecture Overview

        Requests reach [Component Name] through the gateway.
        """,
    "team/unknown-status.md": """
        # Design: Pondering

        **Created:** 2024-05-01
        **Status:** Pondering

        ## Architecture Overview

        Still thinking.
        """,
    "team/bad-date.md": """
        # Design: Someday

        **Created:** next Tuesday
        **Status:** In Review

        ## Architecture Overview

        Soon.
        """,
    "team/bad-yaml.md": """
        ---
        title: [unclosed
        design: true
        ---
        # Design: Broken Front Matter

        **Created:** 2024-02-02
        **Status:** Draft

        ## Architecture Overview

        Fine otherwise.
        """,
    "notes/near-miss.md": """
        # Notes

        ## Architecture Overview

        Some notes.

        ## Data Flow

        More notes.
        """,
}
APPROVED_WITH_HOLE = """
    # Design: Shipped Hole

    **Created:** 2024-03-03
    **Status:** Approved

    ## Architecture Overview

    Takes [X days] to roll out.
    """

_LOGGED = re.compile(
    r"^(?P<level>DEBUG|INFO|WARNING) +-  mkdocs_design: "
    r"(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<message>.*)$",
    re.MULTILINE,
)
_LISTED = re.compile(r"^  (?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<message>.*)$", re.M)
_TEXT_LINE = re.compile(r"^[^:\n]+\.md:\d+:\d+: \S.*$")

Row = tuple[str, int, int, str, str]


def run_cli(*args: str, cwd: Path, script: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the installed command line in ``cwd``: ``python -m mkdocs_design`` or the script."""
    program = [str(SCRIPT)] if script else [sys.executable, "-m", "mkdocs_design"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [*program, *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env,
        check=False,
    )  # fmt: skip


def check_rows(result: subprocess.CompletedProcess[str]) -> set[Row]:
    """``check --format json`` output as (path, line, column, level, message) rows."""
    return {
        (r["path"], r["line"], r["column"], r["level"], r["message"])
        for r in json.loads(result.stdout)
    }


def build_rows(cwd: Path) -> tuple[set[Row], int]:
    """A real ``mkdocs build -v``: the findings it logs or fails with, and its exit code.

    Information findings are logged one by one only with ``-v`` (at DEBUG).
    """
    result = run_mkdocs("build", "-v", cwd=cwd)
    assert "Traceback" not in result.stderr, result.stderr
    levels = {"DEBUG": "info", "INFO": "info", "WARNING": "warn"}
    rows = {
        (m["path"], int(m["line"]), int(m["column"]), levels[m["level"]], m["message"])
        for m in _LOGGED.finditer(result.stderr)
    }
    _, failed, listing = result.stderr.partition("problem(s) fail the build:\n")
    if failed:
        rows |= {
            (m["path"], int(m["line"]), int(m["column"]), "error", m["message"])
            for m in _LISTED.finditer(listing)
        }
    return rows, result.returncode


def site(
    root: Path, options: dict[str, Any] | None = None, strict: bool = False, **docs: str
) -> Path:
    """The purpose-made tree (plus ``docs``) with the given plugin options; returns ``root``."""
    pages = {**FINDINGS_TREE, **{name.replace("__", "/") + ".md": t for name, t in docs.items()}}
    config: dict[str, Any] = {"plugins": [{"design": options or {}}]}
    write_site(root, pages, {**config, "strict": True} if strict else config)
    return root


# --- check: the same findings as a build ------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [{}, {"placeholders": "error", "placeholders_error_from": "Approved"}],
    ids=["default", "error-from-approved"],
)
def test_check_json_equals_build_on_purpose_made_tree(tmp_path: Path, options: dict) -> None:
    """Placeholders, unknown status, bad date and bad YAML: check and build agree exactly."""
    root = site(tmp_path, options, team__shipped=APPROVED_WITH_HOLE)
    result = run_cli("check", "--format", "json", cwd=root)
    codes = {r["code"] for r in json.loads(result.stdout)}
    assert {"placeholder", "unknown-status", "bad-date", "front-matter"} <= codes
    assert (check_rows(result), result.returncode) == build_rows(root)


def test_check_json_equals_build_on_the_sample_site(sample_copy: Path) -> None:
    """The sample site through the installed script: check and build report the same lines."""
    result = run_cli("check", "--format", "json", cwd=sample_copy, script=True)
    assert (check_rows(result), result.returncode) == build_rows(sample_copy)


@pytest.mark.slow
def test_check_json_equals_build_on_a_generated_tree(tmp_path: Path) -> None:
    """A realistic generated tree (benchmarks/generate.py) gives the build's findings too."""
    generator = [sys.executable, str(ROOT / "benchmarks/generate.py"), str(tmp_path)]
    subprocess.run(
        [*generator, "--designs", "25", "--seed", "11"], check=True, timeout=60, capture_output=True
    )
    result = run_cli("check", "--format", "json", cwd=tmp_path)
    checked = check_rows(result)
    assert any(level == "warn" for *_, level, _ in checked), "the seed should leave some holes"
    assert (checked, result.returncode) == build_rows(tmp_path)


def test_check_paths_report_what_the_whole_site_reports_for_them(sample_copy: Path) -> None:
    """Named files and folders get the whole-site rows, checks across pages included."""
    everything = check_rows(run_cli("check", "--format", "json", cwd=sample_copy))
    named = ("docs/billing/prepaid-credits.md", "docs/platform")
    some = check_rows(run_cli("check", "--format", "json", *named, cwd=sample_copy))
    assert some == {r for r in everything if r[0].startswith(named)}
    assert any("does not list" in r[-1] for r in some), "a finding that needs other pages"


def test_check_refuses_pages_outside_docs_dir(tmp_path: Path) -> None:
    """A page outside ``docs_dir`` is no page of the site: an error naming the docs folder."""
    root = site(tmp_path)
    (root / "holes.md").write_text(
        textwrap.dedent(FINDINGS_TREE["team/holes.md"]).lstrip(), "utf-8"
    )
    result = run_cli("check", "holes.md", cwd=root)
    assert result.returncode == 2
    assert "'holes.md' is outside the docs folder 'docs'" in result.stderr
    rows = json.loads(run_cli("check", "--format", "json", "holes.md", cwd=root).stdout)
    assert [(r["level"], r["code"]) for r in rows] == [("error", "configuration")]


def test_check_paths_without_mkdocs_yml(tmp_path: Path) -> None:
    """With no mkdocs.yml, named files are checked with the default options."""
    page = tmp_path / "designs" / "holes.md"
    page.parent.mkdir()
    page.write_text("# Design: Holes\n\n**Status:** Draft\n\nUses [Component Name].\n", "utf-8")
    result = run_cli("check", "designs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == 'designs/holes.md:5:6: unresolved placeholder "[Component Name]"\n'


#: Pages with a date that looks right but is impossible, and the finding each must give.
#: Both once made the page unreadable: fields.parse_date recursed forever on 2024-13-45, and
#: parse.split_front_matter let PyYAML's ValueError for ``created: 2024-02-30`` escape.
IMPOSSIBLE_DATES = {
    "iso-in-body": (
        FINDINGS_TREE["team/unknown-status.md"].replace("2024-05-01", "2024-13-45"),
        "bad-date",
    ),
    "front-matter": (
        "---\ncreated: 2024-02-30\n---\n" + textwrap.dedent(APPROVED_WITH_HOLE),
        "front-matter",
    ),
}


@pytest.mark.parametrize("case", sorted(IMPOSSIBLE_DATES))
def test_impossible_dates_are_findings_not_unreadable_pages(tmp_path: Path, case: str) -> None:
    """An impossible date is reported as such; the page is still read, not skipped."""
    page, code = IMPOSSIBLE_DATES[case]
    root = site(tmp_path, team__impossible=page)
    rows = json.loads(run_cli("check", "--format", "json", cwd=root).stdout)
    codes = {r["code"] for r in rows if r["path"] == "docs/team/impossible.md"}
    assert code in codes
    assert "parse-error" not in codes


@pytest.mark.parametrize("case", sorted(IMPOSSIBLE_DATES))
def test_explain_never_shows_a_traceback(tmp_path: Path, case: str) -> None:
    """Whatever the parser makes of a page, ``explain`` answers in a sentence."""
    root = site(tmp_path, team__impossible=IMPOSSIBLE_DATES[case][0])
    result = run_cli("explain", "docs/team/impossible.md", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("docs/team/impossible.md: ")


# --- check: formats ---------------------------------------------------------------------------


def test_text_format_is_path_line_col_message(tmp_path: Path) -> None:
    """Default format: one ``path:line:col: message`` line per finding; the tally on stderr."""
    result = run_cli("check", cwd=site(tmp_path))
    lines = result.stdout.splitlines()
    assert lines, result.stderr
    assert all(_TEXT_LINE.match(line) for line in lines), lines
    assert 'docs/team/holes.md:3:14: unresolved placeholder "[Date]" (Created)' in lines
    assert (
        'docs/team/holes.md:8:16: unresolved placeholder "[Component Name]" (Architecture Overview)'
        in lines
    )
    assert (
        'docs/team/bad-date.md:3:1: created date "next Tuesday" is not a date (use YYYY-MM-DD)'
        in lines
    )
    assert not any('"[Date]" is not a date' in line for line in lines)  # a blank, not a bad date
    assert result.stderr.strip().endswith("0 error(s), 5 warning(s), 0 info")


def test_json_format_rows(tmp_path: Path) -> None:
    """JSON: a list of findings with path, line, column, level, code and message."""
    result = run_cli("check", "--format", "json", cwd=site(tmp_path))
    rows = json.loads(result.stdout)
    assert {tuple(r) for r in rows} == {("path", "line", "column", "level", "code", "message")}
    assert {
        "path": "docs/team/unknown-status.md", "line": 4, "column": 1, "level": "warn",
        "code": "unknown-status",
        "message": 'unknown status "Pondering"; add it under `status_aliases` in mkdocs.yml '
                   "or use one of the configured statuses",
    } in rows  # fmt: skip


def test_github_format_is_workflow_annotations(tmp_path: Path) -> None:
    """GitHub: ``::warning file=…,line=…,col=…,title=…::message``, ``::error`` at error level."""
    odd_name = {"team__q3, draft": FINDINGS_TREE["team/holes.md"]}  # a comma in the file name
    root = site(tmp_path, {"placeholders": "error"}, **odd_name)
    result = run_cli("check", "--format", "github", cwd=root)
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert (
        "::error file=docs/team/q3%2C draft.md,line=8,col=16,title=mkdocs-design placeholder"
        '::unresolved placeholder "[Component Name]" (Architecture Overview)'
    ) in lines
    assert all(re.match(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[^:]+::", x)
               for x in lines), lines  # fmt: skip
    assert (
        "::error file=docs/team/holes.md,line=3,col=14,title=mkdocs-design placeholder"
        '::unresolved placeholder "[Date]" (Created)'
    ) in lines
    assert (
        "::warning file=docs/team/bad-date.md,line=3,col=1,title=mkdocs-design bad-date"
        '::created date "next Tuesday" is not a date (use YYYY-MM-DD)'
    ) in lines


# --- check: exit codes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "strict", "args", "code"),
    [
        ({}, False, [], 0),  # warnings only
        ({}, False, ["--fail-on", "warn"], 1),
        ({"placeholders": "error"}, False, [], 1),
        ({"placeholders": "ignore", "status_unknown": "error"}, False, [], 1),
        ({"placeholders": "error", "placeholders_error_from": "Approved"}, False, [], 0),
        ({}, True, [], 1),  # `strict: true` in mkdocs.yml: the build fails on warnings too
        ({}, True, ["--fail-on", "error"], 0),
    ],
)
def test_exit_code_follows_the_levels(
    tmp_path: Path, options: dict, strict: bool, args: list, code: int
) -> None:
    """0 clean (or below the bar), 1 with findings at the failing level."""
    result = run_cli("check", *args, cwd=site(tmp_path, options, strict=strict))
    assert result.returncode == code, result.stdout + result.stderr


def test_error_from_approved_fails_only_on_approved_holes(tmp_path: Path) -> None:
    """With ``placeholders_error_from: Approved`` Draft holes warn and Approved holes fail."""
    options = {"placeholders": "error", "placeholders_error_from": "Approved"}
    root = site(tmp_path, options, team__shipped=APPROVED_WITH_HOLE)
    result = run_cli("check", "--format", "json", cwd=root)
    assert result.returncode == 1
    levels = {
        (r["path"], r["level"]) for r in json.loads(result.stdout) if r["code"] == "placeholder"
    }
    assert levels == {("docs/team/holes.md", "warn"), ("docs/team/shipped.md", "error")}


def test_sample_site_passes_even_with_fail_on_warn(sample_copy: Path) -> None:
    """The sample site has nothing at warning level (its reconciliation notes are info)."""
    result = run_cli("check", "--fail-on", "warn", cwd=sample_copy, script=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_reports_a_page_where_a_catalog_page_would_go(tmp_path: Path) -> None:
    """A user page at a generated path stops the build, so ``check`` fails on it too, in rows."""
    docs = {"design-catalog/index.md": "# Our own index\n", "a.md": "# Design: A\n"}
    write_site(tmp_path, docs)
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("mkdocs.yml:1:1: cannot generate the overview page at ")
    assert "overview_path" in result.stdout
    rows = json.loads(run_cli("check", "--format", "json", cwd=tmp_path).stdout)
    assert [(r["path"], r["level"], r["code"]) for r in rows] == [
        ("mkdocs.yml", "error", "conflict")
    ]
    github = run_cli("check", "--format", "github", cwd=tmp_path).stdout
    assert github.startswith("::error file=mkdocs.yml,line=1,col=1,title=mkdocs-design conflict::")
    build = run_mkdocs("build", cwd=tmp_path)
    assert build.returncode == 1
    assert "cannot generate the overview page at 'design-catalog/index.md'" in build.stderr


@pytest.mark.parametrize(
    ("config", "args", "expected"),
    [
        (None, ["check"], "no configuration file"),
        ({}, ["check", "-f", "elsewhere/mkdocs.yml"], "elsewhere/mkdocs.yml"),
        ({"placeholders": "maybe"}, ["check"], "'maybe'"),
        ({"placeholders_error_from": "Nonsense"}, ["check"], "placeholders_error_from"),
        ({}, ["check", "--bogus"], "--bogus"),
        ({}, ["check", "--format", "xml"], "xml"),
        ({}, ["check", "docs/no-such-page.md"], "no-such-page.md"),
        ({}, ["check", "--update-baseline"], "--baseline"),
        ({}, ["list", "--format", "csv"], "csv"),
        ({}, ["explain", "docs/no-such-page.md"], "no-such-page.md"),
        ("plugins: [design\n", ["check"], "configuration error"),
    ],
    ids=[
        "no-mkdocs-yml", "missing-f", "bad-choice", "unknown-status-option", "unknown-option",
        "bad-format", "no-such-path", "update-without-baseline", "list-bad-format",
        "explain-no-such-path", "mkdocs-yml-not-yaml",
    ],
)  # fmt: skip
def test_usage_and_configuration_errors_exit_2(
    tmp_path: Path, config: dict | str | None, args: list[str], expected: str
) -> None:
    """Usage and configuration errors: exit 2, a clear message on stderr, nothing on stdout."""
    if isinstance(config, dict):
        site(tmp_path, config)
    elif isinstance(config, str):
        site(tmp_path)
        (tmp_path / "mkdocs.yml").write_text(f"site_name: T\n{config}", "utf-8")
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert expected in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


# --- check: baseline --------------------------------------------------------------------------


def test_baseline_round_trip(tmp_path: Path) -> None:
    """Record, pass, fail only on a new finding, survive moved lines, then update."""
    root = site(tmp_path)
    baseline = root / "design-baseline.json"
    first = run_cli("check", "--baseline", baseline.name, "--format", "json", cwd=root)
    assert (first.returncode, first.stdout) == (0, "[]\n")
    assert "Recorded 5 finding(s)" in first.stderr
    recorded = json.loads(baseline.read_text("utf-8"))
    assert len(recorded["findings"]) == 5

    again = run_cli("check", "--baseline", baseline.name, "--fail-on", "warn", cwd=root)
    assert (again.returncode, again.stdout) == (0, "")
    assert "5 known finding(s) in the baseline" in again.stderr

    page = root / "docs/team/holes.md"
    text = page.read_text("utf-8").replace("# Design: Holes\n", "# Design: Holes\n\n\n")
    page.write_text(text + "\nReplies go back through [Component Name].\n", "utf-8")
    new = run_cli("check", "--baseline", baseline.name, "--format", "json", cwd=root)
    assert new.returncode == 0  # a new warning does not fail at the default bar
    assert [(r["path"], r["line"], r["message"]) for r in json.loads(new.stdout)] == [
        ("docs/team/holes.md", 12,
         'unresolved placeholder "[Component Name]" (Architecture Overview)'),
    ]  # fmt: skip
    strict = run_cli("check", "--baseline", baseline.name, "--fail-on", "warn", cwd=root)
    assert strict.returncode == 1
    assert len(strict.stdout.splitlines()) == 1

    update = run_cli("check", "--baseline", baseline.name, "--update-baseline", cwd=root)
    assert update.returncode == 0
    assert len(json.loads(baseline.read_text("utf-8"))["findings"]) == 6
    after = run_cli("check", "--baseline", baseline.name, "--fail-on", "warn", cwd=root)
    assert (after.returncode, after.stdout) == (0, "")


def test_unreadable_baseline_exits_2(tmp_path: Path) -> None:
    """A baseline file that is not one of ours is a usage error, not a silent pass."""
    root = site(tmp_path)
    (root / "baseline.json").write_text("[1, 2, 3]\n", "utf-8")
    result = run_cli("check", "--baseline", "baseline.json", cwd=root)
    assert (result.returncode, result.stdout) == (2, "")
    assert "'baseline.json' is not a mkdocs-design baseline" in result.stderr


# --- new --------------------------------------------------------------------------------------


def test_new_writes_a_draft_from_the_template_that_explain_detects(sample_copy: Path) -> None:
    """``new`` fills title, today's date and Draft, slugs the name, and never overwrites."""
    result = run_cli("new", "Payments: Ünïcode & Retries!", cwd=sample_copy, script=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "docs/payments-unicode-retries.md\n"
    page = sample_copy / "docs/payments-unicode-retries.md"
    text = page.read_text("utf-8")
    assert text.startswith("# Design: Payments: Ünïcode & Retries!\n")
    assert f"**Created:** {dt.date.today().isoformat()}\n" in text
    assert "**Status:** Draft\n" in text

    explained = run_cli("explain", "docs/payments-unicode-retries.md", cwd=sample_copy)
    assert explained.stdout.startswith(
        "docs/payments-unicode-retries.md: a design page, because its title "
        "`Design: Payments: Ünïcode & Retries!` reads as a design title (rule: title; "
        "family: template)."
    )
    assert re.search(r"^  status: +Draft \(Draft\)$", explained.stdout, re.M)

    page.write_text(text + "\nMy own notes.\n", "utf-8")
    again = run_cli("new", "Payments: Ünïcode & Retries!", cwd=sample_copy)
    assert again.returncode != 0
    assert "already exists" in again.stderr
    assert page.read_text("utf-8") == text + "\nMy own notes.\n"


def test_new_dir_option_and_no_configuration(tmp_path: Path) -> None:
    """``--dir`` picks the folder; without mkdocs.yml and without ``--dir`` it is an error."""
    result = run_cli("new", "Ledger Export", "--dir", "designs/billing", cwd=tmp_path)
    assert result.stdout == "designs/billing/ledger-export.md\n"
    assert (tmp_path / "designs/billing/ledger-export.md").is_file()
    result = run_cli("new", "  Quota   Store ", cwd=tmp_path)
    assert result.returncode == 2
    assert "no mkdocs.yml here" in result.stderr
    assert not (tmp_path / "docs").exists()
    result = run_cli("new", "  Quota   Store ", "--dir", "docs", cwd=tmp_path)
    assert (
        (tmp_path / "docs/quota-store.md").read_text("utf-8").startswith("# Design: Quota Store\n")
    )


def test_new_uses_docs_dir_from_mkdocs_yml(tmp_path: Path) -> None:
    """With ``docs_dir: handbook`` the page goes to ``handbook/``."""
    (tmp_path / "handbook").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ndocs_dir: handbook\n", "utf-8")
    result = run_cli("new", "Search Index", cwd=tmp_path)
    assert result.stdout == "handbook/search-index.md\n", result.stderr


# --- explain ----------------------------------------------------------------------------------


def test_explain_a_design_page(sample_copy: Path) -> None:
    """A design page: why it is one, then what the parser read."""
    result = run_cli("explain", "docs/platform/event-bus.md", cwd=sample_copy)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "docs/platform/event-bus.md: a design page, because its title `Design: Event Bus` "
        "reads as a design title (rule: title; family: template)."
    )
    for pattern in (
        r"^  title: +Event Bus$",
        r"^  status: +Implemented \(Implemented\)$",
        r"^  created: +2024-09-02$",
        r"^  components: +4$",
        r"^    - Event Publisher \(line 29, #1-event-publisher\)$",
        r"^  questions: +1 open, 3 resolved$",
        r"^  placeholders: +0$",
    ):
        assert re.search(pattern, result.stdout, re.M), pattern


def test_explain_a_near_miss(tmp_path: Path) -> None:
    """Two template sections under a plain title: says what it has and what is missing."""
    result = run_cli("explain", "docs/notes/near-miss.md", cwd=site(tmp_path))
    assert result.stdout == (
        "docs/notes/near-miss.md: not a design page: it has `## Architecture Overview` and "
        "`## Data Flow` but its title `Notes` is not a design title, and 3 sections only "
        "design pages have are needed.\n"
    )


def test_explain_an_ordinary_page(tmp_path: Path) -> None:
    """An ordinary page: no template sections and no design title."""
    result = run_cli("explain", "docs/index.md", cwd=site(tmp_path))
    assert result.returncode == 0
    assert result.stdout == (
        "docs/index.md: not a design page: it has no template sections and its title `Home` "
        "is not a design title.\n"
    )


def test_explain_design_false_and_plugin_exclude(tmp_path: Path) -> None:
    """Opt-outs read as sentences: ``design: false`` and the plugin's ``exclude`` globs."""
    opted_out = "---\ndesign: false\n---\n" + textwrap.dedent(FINDINGS_TREE["team/holes.md"])
    root = site(tmp_path, {"exclude": ["archive/*"]}, team__opted=opted_out,
                archive__old=FINDINGS_TREE["team/holes.md"])  # fmt: skip
    result = run_cli("explain", "docs/team/opted.md", cwd=root)
    assert (
        result.stdout
        == "docs/team/opted.md: not a design page: front matter says `design: false`.\n"
    )
    result = run_cli("explain", "docs/archive/old.md", cwd=root)
    assert "not a design page: a pattern of the plugin's `exclude`" in result.stdout


def test_explain_lists_placeholders_and_problems_apart(tmp_path: Path) -> None:
    """Placeholders and parse problems are listed under their own headings."""
    result = run_cli("explain", "docs/team/holes.md", cwd=site(tmp_path))
    text = result.stdout
    holes = text.index("  placeholders: 2\n")
    assert holes < text.index('"[Component Name]"')
    assert "is not a date" not in text  # the template's "[Date]" is a blank, listed above
    result = run_cli("explain", "docs/team/bad-date.md", cwd=site(tmp_path / "again"))
    text = result.stdout
    problems = text.index("  problems:     1\n")
    assert text.index('created date "next Tuesday" is not a date') > problems


# --- list -------------------------------------------------------------------------------------


def test_list_table_has_a_row_per_sample_design(sample_copy: Path) -> None:
    """One header and one row per design with status, created, counts, title and path."""
    result = run_cli("list", cwd=sample_copy, script=True)
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["STATUS", "CREATED", "COMP", "OPEN", "HOLES", "TITLE", "PATH"]
    assert len(lines) == 1 + SAMPLE_DESIGN_COUNT
    assert re.search(
        r"^Implemented +2024-09-02 +4 +1 +0 +Event Bus +docs/platform/event-bus\.md$",
        result.stdout, re.M,
    )  # fmt: skip


def test_list_filters_by_status_through_aliases(sample_copy: Path) -> None:
    """``--status approved`` matches canonical Approved, whatever alias the page used."""
    result = run_cli("list", "--status", "approved", cwd=sample_copy)
    rows = result.stdout.splitlines()[1:]
    assert len(rows) == 4
    assert all(row.startswith("Approved ") for row in rows)


def test_list_json(sample_copy: Path) -> None:
    """``--format json`` is the catalog.json shape with the ``designs`` list, filtered too."""
    data = json.loads(run_cli("list", "--format", "json", cwd=sample_copy).stdout)
    assert len(data["designs"]) == SAMPLE_DESIGN_COUNT
    event_bus = next(d for d in data["designs"] if d["src"] == "platform/event-bus.md")
    assert (event_bus["title"], event_bus["status"]) == ("Event Bus", "Implemented")
    approved = run_cli("list", "--status", "Approved", "--format", "json", cwd=sample_copy)
    assert {d["status"] for d in json.loads(approved.stdout)["designs"]} == {"Approved"}


def test_version_through_python_m(tmp_path: Path) -> None:
    """``python -m mkdocs_design --version`` answers without a site."""
    result = run_cli("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("mkdocs-design, version ")


def test_github_annotations_land_on_real_files_from_the_repository_root(tmp_path: Path) -> None:
    """Run from a repository root with -f: every ``file=`` is a real path from there."""
    repo = tmp_path / "repo"
    write_site(repo / "handbook", FINDINGS_TREE)
    result = run_cli(
        "check", "-f", "handbook/mkdocs.yml", "--format", "github", "--fail-on", "error", cwd=repo
    )
    files = re.findall(r"^::\w+ file=([^,]+),", result.stdout, re.M)
    assert files
    for name in files:
        assert (repo / name.replace("%2C", ",").replace("%3A", ":")).is_file(), name
    absolute = run_cli("check", "-f", "handbook/mkdocs.yml", "--absolute", cwd=repo).stdout
    assert all(line.startswith(str(repo)) for line in absolute.splitlines())


def test_list_refuses_an_unknown_status(tmp_path: Path) -> None:
    """``list --status Aproved`` is an error naming the statuses, with a did-you-mean."""
    result = run_cli("list", "--status", "Aproved", cwd=site(tmp_path))
    assert result.returncode == 2
    assert 'unknown status "Aproved" (did you mean "Approved"?)' in result.stderr
    assert "Draft, In Review, Approved" in result.stderr


def test_messages_escape_control_characters(tmp_path: Path) -> None:
    """A status holding terminal escapes is quoted escaped, in check and in the build log."""
    hostile = "Pondering\x1b]0;pwned\x07\x1b[2J"
    write_site(tmp_path, {"x.md": f"# Design: X\n\n**Status:** {hostile}y\n"})
    result = run_cli("check", cwd=tmp_path)
    assert "\x1b" not in result.stdout + result.stderr
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in result.stdout
    build = run_mkdocs("build", cwd=tmp_path)
    assert "\x1b]0" not in build.stderr


def test_json_stays_json_on_a_configuration_error(tmp_path: Path) -> None:
    """A bad option value: exit 2, and stdout is still a JSON list with the reason."""
    write_site(
        tmp_path, {"x.md": "# Design: X\n"}, {"plugins": [{"design": {"placeholders": "maybe"}}]}
    )
    result = run_cli("check", "--format", "json", cwd=tmp_path)
    assert result.returncode == 2
    [row] = json.loads(result.stdout)
    assert (row["level"], row["code"]) == ("error", "configuration")
    assert "placeholders" in row["message"]
