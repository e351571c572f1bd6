"""``mkdocs-design check``: what a build would report, without building, in a form CI reads.

Paths are relative to the working folder (or absolute with ``--absolute``), so GitHub's
annotations land on the pull request's files whatever folder ``mkdocs.yml`` is in. Every
format stays machine-readable on errors too: a configuration error or a generated page that
cannot be placed is one more row, with its level. What a build warns about besides pages (an
unknown option, an unusable ``SOURCE_DATE_EPOCH``) is a row too, at ``mkdocs.yml``, so that
``strict`` fails both alike; so is what MkDocs itself stops on (a page name that is not UTF-8).
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, NamedTuple

import click
from mkdocs.utils import get_build_date

from mkdocs_design import languages, report
from mkdocs_design.cli import baseline as baselines
from mkdocs_design.cli.project import load_project
from mkdocs_design.generated import clashes
from mkdocs_design.model import Finding, Location, Severity

if TYPE_CHECKING:
    from collections import Counter
    from collections.abc import Iterable

    from mkdocs_design.build import Build
    from mkdocs_design.cli.project import Project

USAGE = 2
_KINDS = {"error": "error", "warn": "warning", "info": "notice"}


class Row(NamedTuple):
    """One reported problem, as every format shows it."""

    path: str
    line: int
    column: int
    level: str
    code: str
    message: str


@click.command(short_help="Report placeholders, statuses and dates as a build would.")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-f", "--config-file", help="MkDocs configuration (default ./mkdocs.yml).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
    show_default=True,
)  # fmt: skip
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warn"]),
    help="Lowest level that makes the exit code 1 [default: warn with `strict: true` in "
    "mkdocs.yml, as `mkdocs build` then fails on warnings; else error].",
)
@click.option("--absolute", is_flag=True, help="Show absolute paths instead of relative ones.")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Only fail on findings not in this file; records it when missing.",
)
@click.option("--update-baseline", is_flag=True, help="Rewrite the baseline with today's findings.")
def check(paths: tuple[str, ...], config_file: str | None, fmt: str, fail_on: str | None,
          absolute: bool, baseline: str | None, update_baseline: bool) -> None:  # fmt: skip
    """Report what a build would report, without building: placeholders, statuses, dates.

    PATHS limit the report to those pages (or folders); the whole site is still read, as
    checks across pages need it. Exit codes: 0 clean, 1 findings at the failing level,
    2 usage or configuration error.
    """
    if update_baseline and not baseline:
        raise click.UsageError("--update-baseline needs --baseline FILE")
    warnings: list[str] = []  # MkDocs' words on the configuration: warnings in a build too
    try:
        project = load_project(config_file, paths_given=bool(paths), warnings=warnings)
        builds, named = project.collect_passes(paths)
    except click.ClickException as error:
        if fmt == "text":
            raise
        where = config_file or "mkdocs.yml"
        click.echo(_format([Row(where, 1, 1, "error", "configuration", error.message)], fmt))
        sys.exit(USAGE)
    shown = _shower(builds, project, absolute=absolute)
    found = [(f, lvl) for f, lvl in _levelled(builds) if named is None or f.location.path in named]
    known = 0
    if baseline and (update_baseline or not os.path.exists(baseline)):
        _record(baseline, [f for f, _ in found])
        known, found = len(found), []  # everything found is now known
    elif baseline:
        fresh = baselines.new_only(found, _read_baseline(baseline))
        known, found = len(found) - len(fresh), fresh
    rows = [
        *_site_rows(project, "configuration", warnings),
        *_site_rows(project, "build", languages.notes(builds)),
        *_build_date(project),
        *_undecodable(project, shown),
        *_conflicts(project, shown),
        *(_row(f, level, shown) for f, level in found),
    ]
    click.echo(_format(rows, fmt), nl=False)
    if fmt == "text":
        click.echo(_summary([row.level for row in rows], known), err=True)
    strict = fail_on == "warn" or (fail_on is None and project.config.strict)
    failing = {"error", "warn"} if strict else {"error"}
    sys.exit(1 if any(row.level in failing for row in rows) else 0)


def _levelled(builds: list[Build]) -> list[tuple[Finding, str]]:
    """What the build reports: one build's findings, or every language's, each once."""
    if len(builds) == 1 and builds[0].language is None:
        return report.levelled(builds[0])
    return [(found.finding, found.level) for found in languages.merged(builds)]


def _shower(builds: list[Build], project: Project, *, absolute: bool) -> report.Shower:
    """How paths are shown: from the working folder, or absolute."""
    here = os.getcwd()
    pages = {src: page for build in builds for src, page in build.pages.items()}
    unread = {src: file for src, (file, _) in project.undecodable.items()}

    def shown(src_uri: str) -> str:
        page = pages.get(src_uri)
        path = page.path if page is not None and page.path else None
        if path is None:  # a page the build could not read is no Page, but still a file
            file = project.files.get_file_from_path(src_uri) or unread.get(src_uri)
            path = file.abs_src_path if file is not None else None
        if path is None:
            return src_uri
        return os.path.abspath(path) if absolute else os.path.relpath(path, here)

    return shown


def _config_shown(project: Project) -> str:
    """``mkdocs.yml`` as rows about the whole site name it."""
    config = project.config.config_file_path or "mkdocs.yml"
    return os.path.relpath(config) if os.path.isabs(config) else config


def _site_rows(project: Project, code: str, warnings: Iterable[str]) -> list[Row]:
    """Warnings about the site, not a page: rows at ``mkdocs.yml``, as the build warns."""
    where = _config_shown(project)
    return [Row(where, 1, 1, "warn", code, warning) for warning in warnings]


def _build_date(project: Project) -> list[Row]:
    """MkDocs' own build date: a ``SOURCE_DATE_EPOCH`` it cannot date stops every build.

    MkDocs 1.6 raises in ``utils.get_build_date`` while rendering the first page, whatever the
    theme; the plugin copes (its own row, code ``build``), MkDocs does not.
    """
    try:
        get_build_date()
    except (ValueError, OverflowError, OSError) as error:
        reason = f"{type(error).__name__}: {error}"
        message = f"MkDocs cannot use SOURCE_DATE_EPOCH as the build date ({reason}) and stops"
        return [Row(_config_shown(project), 1, 1, "error", "build", message)]
    return []


def _undecodable(project: Project, shown: report.Shower) -> list[Row]:
    """Pages whose names are not valid UTF-8: MkDocs stops on each (``File.url``)."""
    return [
        Row(shown(src_uri), 1, 1, "error", "unreadable",
            f"its file name is not valid UTF-8, so MkDocs cannot give it a URL ({reason}) "
            "and stops")
        for src_uri, (_, reason) in project.undecodable.items()
    ]  # fmt: skip


def _conflicts(project: Project, shown: report.Shower) -> list[Row]:
    """Outputs that cannot be placed (in any language): errors, as the build stops on them."""
    where = _config_shown(project)
    messages = dict.fromkeys(
        message
        for build, files in project.passes
        for message in clashes(build, files, project.config)
    )
    return [
        _row(Finding("conflict", Severity.ERROR, Location(where, 1), message), "error", shown)
        for message in messages
    ]


def _row(finding: Finding, level: str, shown: report.Shower) -> Row:
    at = finding.location
    path = at.path if finding.code == "conflict" else shown(at.path)
    return Row(path, at.line, at.column, level, finding.code, finding.message)


def _format(rows: list[Row], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([row._asdict() for row in rows], indent=2, ensure_ascii=True) + "\n"
    text = report.printable
    if fmt == "github":
        return "".join(
            f"::{_KINDS[row.level]} file={_gh(text(row.path), prop=True)},line={row.line},"
            f"col={row.column},title={_gh(f'mkdocs-design {row.code}', prop=True)}"
            f"::{_gh(text(row.message))}\n"
            for row in rows
        )
    return "".join(
        f"{text(row.path)}:{row.line}:{row.column}: {text(row.message)}\n" for row in rows
    )


def _gh(text: str, *, prop: bool = False) -> str:
    """Escape for a workflow command, as @actions/core does (properties also escape , and :)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _record(path: str, found: list[Finding]) -> None:
    try:
        baselines.write(path, found)
    except OSError as error:
        raise click.ClickException(f"cannot write the baseline '{path}': {error}") from None
    click.echo(f"Recorded {len(found)} finding(s) in {path}", err=True)


def _read_baseline(path: str) -> Counter[baselines.Key]:
    try:
        return baselines.read(path)
    except ValueError as error:
        raise click.ClickException(str(error)) from None


def _summary(levels: list[str], known: int) -> str:
    counts = (levels.count("error"), levels.count("warn"), levels.count("info"))
    text = "{} error(s), {} warning(s), {} info".format(*counts)
    return text + (f"; {known} known finding(s) in the baseline" if known else "")
