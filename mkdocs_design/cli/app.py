"""``mkdocs-design``: check, list, new and explain, without building the site.

The command line is a second entry point onto the same machinery as the plugin: it loads
``mkdocs.yml`` with MkDocs' own loader (so the plugin options are validated identically),
collects the same files, and runs the same :class:`~mkdocs_design.build.Build`, so its
findings are exactly the build's. Exit codes follow Vale: 0 clean, 1 findings at the failing
level, 2 usage or configuration error.
"""

from __future__ import annotations

import datetime as dt
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
from mkdocs_design.cli import explain as explaining
from mkdocs_design.cli.check import USAGE, check
from mkdocs_design.cli.generate import generate
from mkdocs_design.cli.project import Project, config_path, load_project, read_config
from mkdocs_design.reading.template import template_text

if TYPE_CHECKING:
    from mkdocs_design.build import Build
    from mkdocs_design.model import DesignDoc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mkdocs-design")
def cli() -> None:
    """Check, list, create and explain design documents of an MkDocs site."""


_config_option = click.option(
    "-f", "--config-file", help="MkDocs configuration (default ./mkdocs.yml)."
)
cli.add_command(check)
cli.add_command(generate)


@cli.command("list", short_help="Print the catalog: one row per design.")
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
    unknown = [s for s in statuses if table.resolve(s) is None]
    if unknown:
        guess = table.suggest(unknown[0])
        hint = f' (did you mean "{guess}"?)' if guess else ""
        raise click.UsageError(
            f'unknown status "{unknown[0]}"{hint}; the statuses are: {", ".join(table.names)}'
        )
    wanted = {table.resolve(s) for s in statuses}
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


@cli.command(short_help="Start a design page from the template.")
@click.argument("name")
@_config_option
@click.option(
    "--dir",
    "--docs-dir",
    "folder",
    type=click.Path(file_okay=False),
    help="Folder to write in (default: docs_dir).",
)
def new(name: str, config_file: str | None, folder: str | None) -> None:
    """Start a design page from the packaged template, titled NAME."""
    name = " ".join(name.split())
    if not name:
        raise click.UsageError("the feature name is empty")
    if folder is None and config_path(config_file) is None:
        raise click.UsageError(
            "no mkdocs.yml here to take docs_dir from; run it beside mkdocs.yml, give -f, "
            "or say where the page goes with --dir"
        )
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
    return os.path.relpath(read_config(config_path(config_file)).docs_dir)


def _shown(path: Path) -> str:
    """A path as users typed it: relative to the working folder when inside it."""
    absolute = path.absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


@cli.command(short_help="Say whether a page is a design page, and why.")
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
