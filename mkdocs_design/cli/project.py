"""The site as the command line sees it: ``mkdocs.yml`` loaded by MkDocs, files walked by MkDocs.

MkDocs-facing glue for :mod:`mkdocs_design.cli.app` (like :mod:`~mkdocs_design.build` for the
plugin): configuration errors become :class:`click.ClickException` with MkDocs' own words.
"""

from __future__ import annotations

import io
import logging
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.structure.files import File, Files, get_files
from mkdocs.utils import markdown_extensions

from mkdocs_design import languages
from mkdocs_design.build import Build
from mkdocs_design.cli.blog import drafts
from mkdocs_design.config import DesignConfig
from mkdocs_design.rules import Rules, settle
from mkdocs_design.zensical_files import drop_written

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mkdocs.config.defaults import MkDocsConfig

_DEFAULT_FILES = ("mkdocs.yml", "mkdocs.yaml")  # what `mkdocs build` looks for, in order


@dataclass
class Project:
    """The site as the command line sees it: configuration and rules."""

    config: MkDocsConfig
    rules: Rules
    configured: bool
    files: Files = field(default_factory=lambda: Files([]))
    #: Each build :meth:`collect_passes` made, with the files it read.
    passes: list[tuple[Build, Files]] = field(default_factory=list)
    #: Pages whose names are not valid UTF-8, with MkDocs' reason, left out of what is read:
    #: MkDocs stops on each.
    undecodable: dict[str, tuple[File, str]] = field(default_factory=dict)

    def collect(self, paths: tuple[str, ...] = ()) -> tuple[Build, set[str] | None]:
        """Parse the site as a build does; with paths, also say which pages were named.

        The whole site is always parsed, so that checks across pages (Used By against
        Depends On, components named elsewhere) see the complete catalog, as in a build.
        """
        self.files, named = _files(self.config, paths, configured=self.configured)
        build = Build.collect(self._readable(self.files), self.config, self.rules)
        return build.with_snippets(), named

    def _readable(self, files: Files) -> Files:
        """``files`` without the pages MkDocs cannot name, which go to :attr:`undecodable`.

        A page whose name is not valid UTF-8 has no URL: ``File.url`` raises
        ``UnicodeEncodeError``, and MkDocs stops the build on it.
        """
        for file in list(files.documentation_pages()):
            try:
                file.url  # noqa: B018  # what MkDocs asks of every page, and dies of
            except UnicodeEncodeError as error:
                self.undecodable[file.src_uri] = (file, str(error))
                files.remove(file)
        return files

    def collect_passes(self, paths: tuple[str, ...] = ()) -> tuple[list[Build], set[str] | None]:
        """:meth:`collect`, once per language on a multilingual site, as the build's passes.

        Under mkdocs-static-i18n a build reads each language's own pages (and the default
        language's where there is no translation); so does this, with i18n's own choice of
        files. Elsewhere, one build of the whole site.
        """
        per_language = languages.language_files(self.config) if self.configured else None
        if per_language is None:
            build, named = self.collect(paths)
            self.passes = [(build, self.files)]
            return [build], named
        self.files, named = _files(self.config, paths, configured=self.configured)
        site = {f.src_uri for f in _published(self.config, get_files(self.config))}
        loose = [f for f in self.files if f.src_uri not in site]  # named pages the site leaves out
        self.passes = []
        for language, files in per_language:
            files = _published(self.config, files)
            files = self._readable(Files([*files, *loose]))
            one = Build.collect(files, self.config, self.rules, language=language).with_snippets()
            self.passes.append((one, files))
        return [one for one, _ in self.passes], named


def load_project(
    config_file: str | None, *, paths_given: bool = False, warnings: list[str] | None = None
) -> Project:
    """Load ``mkdocs.yml``, or the defaults when there is none and paths are given.

    MkDocs' warnings about the configuration go to ``warnings`` when given, else to stderr.
    """
    path = config_path(config_file)
    if path is None and not paths_given:
        raise click.UsageError(f"no configuration file at '{config_file or 'mkdocs.yml'}' "
                               "(use -f, or give paths)")  # fmt: skip
    config = read_config(path, warnings)
    try:
        rules = settle(_options(config), config, serving=False)
    except ValueError as error:
        raise click.ClickException(f"configuration error: {error}") from None
    return Project(config, rules, configured=path is not None)


def config_path(config_file: str | None) -> str | None:
    """The configuration to read: ``-f`` when given (it must exist), else MkDocs' default."""
    if config_file is not None:
        if not os.path.isfile(config_file):
            raise click.UsageError(f"no configuration file at '{config_file}'")
        return config_file
    return next((name for name in _DEFAULT_FILES if os.path.isfile(name)), None)


def read_config(path: str | None, warnings: list[str] | None = None) -> MkDocsConfig:
    """Load and validate the configuration; MkDocs' own messages become the error text.

    Its warnings (an unknown option, say) go to ``warnings`` when given, else to stderr.
    """
    with _captured_mkdocs_log() as messages:
        try:
            config = load_config(path) if path else _default_config()
        except (Abort, ConfigurationError) as error:
            reasons = [text for level, text in messages if level >= logging.ERROR]
            raise click.ClickException(
                "configuration error: " + ("; ".join(reasons) or error.format_message())
            ) from None
    if warnings is not None:
        warnings += [text for _, text in messages]
    else:
        for _, text in messages:
            click.echo(f"warning: {text}", err=True)
    return config


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append((record.levelno, record.getMessage()))


@contextmanager
def _captured_mkdocs_log() -> Iterator[list[tuple[int, str]]]:
    """Collect what MkDocs logs (it has no handler outside its own CLI); mute it afterwards."""
    logger = logging.getLogger("mkdocs")
    handler, propagate = _Collect(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        logger.setLevel(logging.ERROR)  # later INFO/WARNING chatter (file walk) is not ours


def _default_config() -> MkDocsConfig:
    """A site of defaults rooted at the working folder, for ``check PATH`` without mkdocs.yml."""
    here = os.getcwd()
    # MkDocs insists site_dir and docs_dir do not contain each other; nothing is written there.
    site_dir = os.path.join(os.path.dirname(here), os.path.basename(here) + ".mkdocs-design-site")
    text = b"site_name: mkdocs-design check\nplugins: [design]\n"
    return load_config(io.BytesIO(text), docs_dir=here, site_dir=site_dir)


def _options(config: MkDocsConfig) -> DesignConfig:
    plugin = config.plugins.get("design")
    if plugin is not None:
        return plugin.config  # type: ignore[no-any-return]
    options = DesignConfig()
    options.load_dict({})
    options.validate()
    return options


def _files(
    config: MkDocsConfig, paths: tuple[str, ...], *, configured: bool
) -> tuple[Files, set[str] | None]:
    """The site's files plus any named page outside it, and the ``src_uri`` of each named page.

    Pages come from MkDocs' own file walk, so ``exclude_docs``, ``draft_docs`` and the
    README/index rule apply exactly as in a build, and so do the drafts of Material's blog.
    Without mkdocs.yml there is no site to walk: only the named pages are read.
    """
    site = _published(config, get_files(config)) if configured else Files([])
    if not paths:
        return site, None
    known = {os.path.realpath(f.abs_src_path): f for f in site if f.abs_src_path}
    wanted = dict.fromkeys(os.path.realpath(md) for given in paths for md in _markdown_under(given))
    named = [known.get(real) or _loose_file(config, real) for real in wanted]
    extra = [f for f in named if os.path.realpath(f.abs_src_path or "") not in known]
    return Files([*site, *extra]), {f.src_uri for f in named}


def _published(config: MkDocsConfig, files: Files) -> Files:
    """``files`` as a build reads them: without what `generate` wrote, nor the blog's drafts."""
    drop_written(files)
    for src_uri in drafts(config, files):
        files.remove(files.src_uris[src_uri])
    return files


def _loose_file(config: MkDocsConfig, real: str) -> File:
    """A named page in ``docs_dir`` that the site leaves out (``exclude_docs``, say).

    Raises:
        click.UsageError: When the page is outside ``docs_dir``: no build ever reads it.
    """
    uri = os.path.relpath(real, config.docs_dir).replace(os.sep, "/")
    if uri == ".." or uri.startswith("../"):
        docs = os.path.relpath(config.docs_dir)
        raise click.UsageError(
            f"'{os.path.relpath(real)}' is outside the docs folder '{docs}' (docs_dir), so no "
            "build reads it; name pages inside it"
        )
    return File(uri, config.docs_dir, config.site_dir, config.use_directory_urls)


def _markdown_under(given: str) -> list[Path]:
    path = Path(given)
    if path.is_dir():
        found = (p for p in path.rglob("*") if p.suffix.lower() in markdown_extensions)
        return sorted(p for p in found if p.is_file())
    if not path.exists():
        raise click.UsageError(f"no such file or folder: '{given}'")
    return [path]
