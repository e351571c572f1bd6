"""``mkdocs-design generate``: the catalog as files in ``docs_dir``, for Zensical.

Zensical runs no MkDocs plugins, so nothing can add the catalog pages to its build in memory.
This command writes them (pages, ``catalog.json``, assets) into the catalog's folder of
``docs_dir``, rewriting only the files whose content changed. It reads the configuration as
Zensical reads it (``zensical.toml`` or ``mkdocs.yml``, ``INHERIT`` merged Zensical's way, no
MkDocs theme or plugin to install) and takes the options of the ``mkdocs_design.zensical``
extension, so the files agree with what the extension puts on the pages.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from mkdocs_design.zensical_files import MANIFEST, apply, catalog_files, output_options, plan
from mkdocs_design.zensical_site import EXTENSION, ZensicalSite, extension_options

#: What ``zensical build`` looks for without ``-f``, in order.
DEFAULT_FILES = ("zensical.toml", "mkdocs.yml", "mkdocs.yaml")


@click.command()
@click.option(
    "-f",
    "--config-file",
    help="Zensical configuration (default: ./zensical.toml, ./mkdocs.yml or ./mkdocs.yaml).",
)
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 when a file is missing or out of date."
)
def generate(config_file: str | None, check: bool) -> None:
    """Write the catalog pages into docs_dir for Zensical (run before `zensical build`)."""
    path = _config_file(config_file)
    settings = zensical_settings(path)
    options = extension_options(settings)
    if options is None:
        raise click.UsageError(
            f"'{EXTENSION}' is not listed under markdown_extensions in '{path}': add it (with "
            "the design plugin's options) so that Zensical badges the design pages too"
        )
    try:
        site = ZensicalSite.load(settings, options)
    except ValueError as error:
        raise click.ClickException(f"configuration error: {error}") from None
    for note in site.notes:
        click.echo(f"warning: {note}", err=True)
    build = site.refresh()
    if not site.enabled or build is None:
        click.echo("mkdocs-design is turned off (enabled: false): nothing written", err=True)
        return
    wanted = catalog_files(build, site.folder, site.urls)
    changes = plan(site.docs_dir, site.folder, wanted, output_options(site.rules.pages))
    if changes.conflicts:
        raise click.ClickException("nothing written:\n  " + "\n  ".join(changes.conflicts))
    shown = os.path.relpath(os.path.join(site.docs_dir, site.folder))
    if check:
        for changed in changes.changes:
            click.echo(f"out of date: {changed}")
        click.echo(f"{shown}: {len(changes.changes)} file(s) out of date", err=True)
        sys.exit(1 if changes.changes else 0)
    try:
        apply(site.docs_dir, site.folder, changes)
    except OSError as error:
        raise click.ClickException(f"cannot write the catalog into '{shown}': {error}") from None
    click.echo(
        f"{shown}: {len(changes.write)} written, {len(changes.remove)} removed, "
        f"{len(changes.kept)} unchanged ({MANIFEST} lists them)",
        err=True,
    )


def _config_file(config_file: str | None) -> str:
    if config_file is not None:
        if not os.path.isfile(config_file):
            raise click.UsageError(f"no configuration file at '{config_file}'")
        return config_file
    found = next((name for name in DEFAULT_FILES if os.path.isfile(name)), None)
    if found is None:
        raise click.UsageError(f"no configuration file here ({', '.join(DEFAULT_FILES)}): use -f")
    return found


def zensical_settings(path: str) -> dict[str, Any]:
    """Zensical's normalised configuration of ``path``, read by Zensical's own loader.

    Raises:
        click.ClickException: When Zensical is missing or refuses the configuration.
    """
    try:
        loader = importlib.import_module("zensical.config")
    except ImportError:
        raise click.ClickException(
            "generate reads the configuration as Zensical does: install Zensical next to "
            "mkdocs-design (pip install 'mkdocs-design[zensical]')"
        ) from None
    try:
        settings: dict[str, Any] = loader.parse_config(os.path.abspath(path))
    except click.ClickException as error:  # Zensical's ConfigurationError is one
        raise click.ClickException(f"configuration error: {error.format_message()}") from None
    return settings
