"""``mkdocs-design``: check, list, new and explain, without building the site.

The command line is a second entry point onto the same machinery as the plugin: it loads
``mkdocs.yml`` with MkDocs' own loader (so the plugin options are validated identically),
collects the same files, and runs the same :class:`~mkdocs_design.build.Build`, so its
findings are exactly the build's. Exit codes follow Vale: 0 clean, 1 findings at the failing
level, 2 usage or configuration error.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click
from markdown.extensions.toc import slugify, slugify_unicode
from mkdocs.structure.files import get_files

from mkdocs_design import report
from mkdocs_design.catalog.catalog import Catalog
from mkdocs_design.catalog.export import render_json
from mkdocs_design.cli import baseline as baselines
from mkdocs_design.cli import explain as explaining
from mkdocs_design.cli.project import Project, config_path, load_project, read_config
from mkdocs_design.generated import clashes
from mkdocs_design.reading.template import template_text

if TYPE_CHECKING:
    from collections import Counter

    from mkdocs_design.build import Build
    from mkdocs_design.model import DesignDoc, Finding

USAGE = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mkdocs-design")
def cli() -> None:
    """Check, list, create and explain design documents of an MkDocs site."""


_config_option = click.option(
    "-f", "--config-file", help="MkDocs configuration (default ./mkdocs.yml)."
)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@_config_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warn"]),
    help="Lowest level that makes the exit code 1 [default: warn with `strict: true` in "
    "mkdocs.yml, as `mkdocs build` then fails on warnings; else error].",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Only fail on findings not in this file; records it when missing.",
)
@click.option("--update-baseline", is_flag=True, help="Rewrite the baseline with today's findings.")
def check(paths: tuple[str, ...], config_file: str | None, fmt: str, fail_on: str | None,
          baseline: str | None, update_baseline: bool) -> None:  # fmt: skip
    """Report what a build would report, without building: placeholders, statuses, dates."""
    if update_baseline and not baseline:
        raise click.UsageError("--update-baseline needs --baseline FILE")
    project = load_project(config_file, paths_given=bool(paths))
    build, named = project.collect(paths)
    conflicts = clashes(build, project.files, project.config)
    for note in build.notes:
        click.echo(f"warning: {note}", err=True)
    for problem in conflicts:
        click.echo(f"error: {problem}", err=True)  # the build stops on these too
    found = [
        (f, lvl) for f, lvl in report.levelled(build) if named is None or f.location.path in named
    ]
    known = 0
    if baseline and (update_baseline or not os.path.exists(baseline)):
        _record(baseline, [f for f, _ in found])
        known, found = len(found), []  # everything found is now known
    elif baseline:
        fresh = baselines.new_only(found, _read_baseline(baseline))
        known, found = len(found) - len(fresh), fresh
    click.echo(_format(found, build, fmt), nl=False)
    if fmt == "text":
        click.echo(_summary([level for _, level in found], known), err=True)
    strict = fail_on == "warn" or (fail_on is None and project.config.strict)
    failing = {"error", "warn"} if strict else {"error"}
    failed = any(level in failing for _, level in found) or bool(conflicts)
    sys.exit(1 if failed else 0)


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


def _format(found: list[tuple[Finding, str]], build: Build, fmt: str) -> str:
    if fmt == "json":
        rows = [
            {"path": report.shown_path(build, f.location.path), "line": f.location.line,
             "column": f.location.column, "level": level, "code": f.code, "message": f.message}
            for f, level in found
        ]  # fmt: skip
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        kinds = {"error": "error", "warn": "warning", "info": "notice"}
        return "".join(
            f"::{kinds[level]} file={_gh(report.shown_path(build, f.location.path), prop=True)},"
            f"line={f.location.line},col={f.location.column},"
            f"title={_gh(f'mkdocs-design {f.code}', prop=True)}::{_gh(f.message)}\n"
            for f, level in found
        )
    return "".join(f"{report.where(build, f.location)}: {f.message}\n" for f, _ in found)


def _gh(text: str, *, prop: bool = False) -> str:
    """Escape for a workflow command, as @actions/core does (properties also escape , and :)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


@cli.command("list")
@_config_option
@click.option(
    "--status", "statuses", multiple=True, help="Only designs with this status (repeatable)."
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def list_(config_file: str | None, statuses: tuple[str, ...], fmt: str) -> None:
    """Print the catalog: one row per design."""
    project = load_project(config_file)
    build, _ = project.collect()
    table = project.rules.statuses
    wanted = {table.resolve(s) or s.casefold() for s in statuses}
    docs = [d for d in build.catalog.docs if not wanted or _status_of(d) & wanted]
    if fmt == "json":
        urls = {f.src_uri: f.url for f in get_files(project.config).documentation_pages()}
        catalog = Catalog.from_docs(docs, table)
        click.echo(render_json(catalog, lambda uri: urls.get(uri, uri)), nl=False)
        return
    header = ("STATUS", "CREATED", "COMP", "OPEN", "HOLES", "TITLE", "PATH")
    rows = [header, *(_row(d, build) for d in docs)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, row[-1]]))


def _status_of(doc: DesignDoc) -> set[str | None]:
    """What ``--status`` matches: the canonical status, or an unknown status as written."""
    return {doc.canonical_status, doc.status.raw.casefold() if doc.status else None} - {None}


def _row(doc: DesignDoc, build: Build) -> tuple[str, ...]:
    status = doc.canonical_status or (doc.status.raw if doc.status else "-")
    return (
        status,
        str(doc.created or doc.created_raw or "-"),
        str(len(doc.components)),
        str(len(doc.open_questions)),
        str(len(doc.placeholders)),
        doc.title,
        report.shown_path(build, doc.src_uri),
    )


@cli.command()
@click.argument("name")
@_config_option
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False),
    help="Folder to write in (default: docs_dir).",
)
def new(name: str, config_file: str | None, folder: str | None) -> None:
    """Start a design page from the packaged template, titled NAME."""
    name = " ".join(name.split())
    if not name:
        raise click.UsageError("the feature name is empty")
    target_dir = Path(folder or _docs_dir(config_file))
    slug = slugify(name, "-") or slugify_unicode(name, "-") or "design"
    target = target_dir / f"{slug}.md"
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as page:  # "x": never overwrite
            page.write(new_page(name, dt.date.today()))
    except FileExistsError:
        raise click.ClickException(
            f"'{_shown(target)}' already exists; not overwriting it"
        ) from None
    except OSError as error:
        raise click.ClickException(f"cannot write '{_shown(target)}': {error}") from None
    click.echo(_shown(target))


def new_page(name: str, today: dt.date) -> str:
    """The template with the title, Created date and Draft status filled in."""
    text = template_text()
    text = text.replace("# Design: [Feature Name]", f"# Design: {name}", 1)
    return text.replace("**Created:** [Date]", f"**Created:** {today.isoformat()}", 1)


def _docs_dir(config_file: str | None) -> str:
    path = config_path(config_file)
    return str(read_config(path).docs_dir) if path else "docs"


def _shown(path: Path) -> str:
    """A path as users typed it: relative to the working folder when inside it."""
    absolute = path.absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_config_option
def explain(path: str, config_file: str | None) -> None:
    """Say whether PATH is a design page and why, and what the parser read from it."""
    project = load_project(config_file, paths_given=True)
    try:
        source = Path(path).read_text(encoding="utf-8-sig")  # as MkDocs reads pages
    except (OSError, UnicodeDecodeError) as error:
        raise click.ClickException(f"cannot read '{path}': {error}") from None
    report = explaining.explain(
        path, source, project.rules.reading, left_out=_left_out(project, path)
    )
    click.echo(report, nl=False)


def _left_out(project: Project, path: str) -> str | None:
    """Why a build never looks at the page for designs, if it does not."""
    real, docs = os.path.realpath(path), os.path.realpath(project.config.docs_dir)
    if not project.configured or not real.startswith(docs + os.sep):
        return None
    uri = os.path.relpath(real, docs).replace(os.sep, "/")
    file = next((f for f in get_files(project.config) if f.src_uri == uri), None)
    include, exclude = project.rules.include, project.rules.exclude
    if file is not None and not file.inclusion.is_included():
        return "MkDocs leaves it out of the site (`exclude_docs` or `draft_docs`)"
    if include is not None and not include.match_file(uri):
        return "no pattern of the plugin's `include` in mkdocs.yml matches it"
    if exclude is not None and exclude.match_file(uri):
        return "a pattern of the plugin's `exclude` in mkdocs.yml matches it"
    return None


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the command line; usage and configuration errors exit with 2."""
    try:
        code = cli.main(args=argv, prog_name="mkdocs-design", standalone_mode=False)
    except click.ClickException as error:
        error.show()
        sys.exit(USAGE)
    except click.Abort:
        click.echo("Aborted!", err=True)
        sys.exit(USAGE)
    sys.exit(code if isinstance(code, int) else 0)
