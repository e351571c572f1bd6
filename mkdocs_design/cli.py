"""``mkdocs-design``: check, list, new and explain, without building the site.

The command line is a second entry point onto the same machinery as the plugin: it loads
``mkdocs.yml`` with MkDocs' own loader (so the plugin options are validated identically),
collects the same files, and runs the same :class:`~mkdocs_design.registry.Registry`, so its
findings are exactly the build's. Exit codes follow Vale: 0 clean, 1 findings at the failing
level, 2 usage or configuration error.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from markdown.extensions.toc import slugify, slugify_unicode
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError
from mkdocs.structure.files import File, Files, get_files

from mkdocs_design import baseline as baselines
from mkdocs_design import explain as explaining
from mkdocs_design.config import DesignConfig
from mkdocs_design.registry import Registry, Rules, build_rules
from mkdocs_design.render import render_json
from mkdocs_design.sections import template_text

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from mkdocs_design.model import Finding

USAGE = 2


@dataclass
class Project:
    """The site as the command line sees it: configuration, rules and collected pages."""

    config: MkDocsConfig
    rules: Rules
    registry: Registry


def _load(config_file: str | None, paths: tuple[str, ...] = ()) -> Project:
    """Load ``mkdocs.yml`` (or defaults when there is none and paths are given)."""
    path = config_file or "mkdocs.yml"
    if not os.path.exists(path):
        if config_file or not paths:
            raise click.UsageError(f"no configuration file at '{path}' (use -f, or give paths)")
        path = None
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # MkDocs' INFO chatter is not ours
    try:
        config = load_config(path) if path else _default_config()
        rules = build_rules(_options(config), config, serving=False)
    except (ConfigurationError, ValueError) as error:
        raise click.ClickException(f"configuration error: {error}") from None
    files = _files(config, paths)
    return Project(config, rules, Registry.collect(files, config, rules, {}, serving=False))


def _default_config() -> MkDocsConfig:
    config = load_config(config_file=None, plugins=["design"], site_name="check")
    return config


def _options(config: MkDocsConfig) -> DesignConfig:
    plugin = config.plugins.get("design")
    if plugin is not None:
        return plugin.config  # type: ignore[no-any-return]
    options = DesignConfig()
    options.load_dict({})
    options.validate()
    return options


def _files(config: MkDocsConfig, paths: tuple[str, ...]) -> Files:
    if not paths:
        return get_files(config)
    docs_dir = os.path.abspath(config.docs_dir)
    found: list[File] = []
    for given in paths:
        for md in _markdown_under(Path(given)):
            absolute = str(md.resolve())
            inside = absolute.startswith(docs_dir + os.sep)
            root = docs_dir if inside else os.getcwd()
            uri = os.path.relpath(absolute, root).replace(os.sep, "/")
            found.append(File(uri, root, config.site_dir, config.use_directory_urls))
    return Files(found)


def _markdown_under(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.md") if p.is_file())
    if not path.exists():
        raise click.UsageError(f"no such file or folder: '{path}'")
    return [path]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mkdocs-design")
def cli() -> None:
    """Check, list, create and explain design documents of an MkDocs site."""


_config_option = click.option("-f", "--config-file", help="MkDocs configuration (default ./mkdocs.yml).")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@_config_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warn"]), default="error", show_default=True,
              help="Lowest level that makes the exit code 1.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Only fail on findings not in this file; records it when missing.")
@click.option("--update-baseline", is_flag=True, help="Rewrite the baseline with today's findings.")
def check(paths: tuple[str, ...], config_file: str | None, fmt: str, fail_on: str,
          baseline: str | None, update_baseline: bool) -> None:  # fmt: skip
    """Report what a build would report, without building: placeholders, statuses, dates."""
    project = _load(config_file, paths)
    found = project.registry.levelled()
    if baseline and (update_baseline or not os.path.exists(baseline)):
        baselines.write(baseline, [f for f, _ in found])
        click.echo(f"Recorded {len(found)} finding(s) in {baseline}", err=True)
        sys.exit(0)
    if baseline:
        try:
            known = baselines.read(baseline)
        except ValueError as error:
            raise click.ClickException(str(error)) from None
        found = baselines.new_only(found, known)
    click.echo(_format(found, project.registry, fmt), nl=False)
    failing = {"error"} if fail_on == "error" else {"error", "warn"}
    sys.exit(1 if any(level in failing for _, level in found) else 0)


def _format(found: list[tuple[Finding, str]], registry: Registry, fmt: str) -> str:
    if fmt == "json":
        rows = [
            {"path": registry.where_path(f.location.path), "line": f.location.line,
             "column": f.location.column, "level": level, "code": f.code, "message": f.message}
            for f, level in found
        ]  # fmt: skip
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        kinds = {"error": "error", "warn": "warning", "info": "notice"}
        return "".join(
            f"::{kinds[level]} file={registry.where_path(f.location.path)},line={f.location.line},"
            f"col={f.location.column},title=mkdocs-design {f.code}::{_gh(f.message)}\n"
            for f, level in found
        )
    lines = [f"{registry.where(f.location)}: {f.message}" for f, _ in found]
    levels = [level for _, level in found]
    summary = f"{levels.count('error')} error(s), {levels.count('warn')} warning(s)"
    return "".join(line + "\n" for line in [*lines, summary])


def _gh(message: str) -> str:
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


@cli.command("list")
@_config_option
@click.option("--status", "statuses", multiple=True, help="Only designs with this status (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def list_(config_file: str | None, statuses: tuple[str, ...], fmt: str) -> None:
    """Print the catalog: one row per design."""
    project = _load(config_file)
    table = project.rules.parse.statuses
    wanted = {table.resolve(s) or s for s in statuses}
    docs = [d for d in project.registry.catalog.docs if not wanted or d.canonical_status in wanted]
    if fmt == "json":
        urls = {f.src_uri: f.url for f in get_files(project.config).documentation_pages()}
        data = json.loads(render_json(project.registry.catalog, lambda uri: urls.get(uri, uri)))
        data["designs"] = [d for d in data["designs"] if d["src"] in {doc.src_uri for doc in docs}]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    rows = [("STATUS", "CREATED", "COMP", "OPEN", "HOLES", "TITLE", "PATH")]
    rows += [
        (d.canonical_status or (d.status.raw if d.status else "-"), str(d.created or d.created_raw or "-"),
         str(len(d.components)), str(len(d.open_questions)), str(len(d.placeholders)), d.title,
         project.registry.where_path(d.src_uri))
        for d in docs
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1])


@cli.command()
@click.argument("name")
@_config_option
@click.option("--dir", "folder", type=click.Path(file_okay=False), help="Folder to write in (default: docs_dir).")
def new(name: str, config_file: str | None, folder: str | None) -> None:
    """Start a design page from the packaged template, titled NAME."""
    if not name.strip():
        raise click.UsageError("the feature name is empty")
    target_dir = Path(folder or _docs_dir(config_file))
    slug = slugify(name, "-") or slugify_unicode(name, "-") or "design"
    target = target_dir / f"{slug}.md"
    if target.exists():
        raise click.ClickException(f"'{target}' already exists; not overwriting it")
    target_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(new_page(name.strip(), dt.date.today()), encoding="utf-8")
    click.echo(str(target))


def new_page(name: str, today: dt.date) -> str:
    """The template with the title, Created date and Draft status filled in."""
    text = template_text()
    text = text.replace("# Design: [Feature Name]", f"# Design: {name}", 1)
    text = text.replace("**Created:** [Date]", f"**Created:** {today.isoformat()}", 1)
    return text


def _docs_dir(config_file: str | None) -> str:
    path = config_file or "mkdocs.yml"
    if not os.path.exists(path):
        return "docs"
    try:
        return str(load_config(path).docs_dir)
    except ConfigurationError as error:
        raise click.ClickException(f"configuration error: {error}") from None


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_config_option
def explain(path: str, config_file: str | None) -> None:
    """Say whether PATH is a design page and why, and what the parser read from it."""
    project = _load(config_file, (path,))
    source = Path(path).read_text(encoding="utf-8-sig")
    click.echo(explaining.explain(path, source, project.rules.parse))


def main(argv: list[str] | None = None) -> Any:
    """Run the command line; usage and configuration errors exit with 2."""
    try:
        return cli.main(args=argv, prog_name="mkdocs-design", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(USAGE)
    except click.Abort:
        sys.exit(USAGE)
