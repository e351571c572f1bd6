"""The ``design`` MkDocs plugin: decides *when* things happen; the pure modules decide *what*.

Event flow (see the README for the user-facing view):

- ``on_startup``: remember whether this process serves; the parse cache lives across rebuilds.
- ``on_config``: reset all per-build state, settle the rules, add the stylesheet.
- ``on_files`` (last, after mkdocs-static-i18n): read the source of every included page,
  build the catalog and add the generated pages, so the catalog is complete whatever order
  pages render in and under ``--dirty``. Under mkdocs-static-i18n each language's pass
  builds its own catalog (:mod:`~mkdocs_design.languages`).
- ``on_nav`` (last): read the pages another plugin included only after ``on_files`` (the
  blog's posts).
- ``on_page_markdown`` (last): badge, question anchors, placeholder marks, marker views. A
  page another plugin changed (an include, a macro) is read again from what it renders, and
  the catalog pages, drawn after every design page, show that.
- ``on_env``: nav statuses for Material (every page read, none rendered yet); the badge
  global; ``catalog.json`` as the pages were read.
- ``on_page_context``: expose the page's model to theme templates as ``design``.
- ``on_post_page``: put the views' HTML blocks into the finished pages.
- ``on_post_build`` (last): report findings, once for every language; in error mode fail with
  every problem at once.
"""

from __future__ import annotations

import difflib
import time
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from mkdocs_design import languages
from mkdocs_design.build import Build
from mkdocs_design.cache import ParseCache
from mkdocs_design.config import DesignConfig
from mkdocs_design.generated import add_generated, refresh_json, set_nav_statuses
from mkdocs_design.output.markup import badge
from mkdocs_design.rules import ASSET_DIR, Rules, settle
from mkdocs_design.zensical_files import drop_written

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.base import ConfigErrors, ConfigWarnings
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)

CSS_URI = f"{ASSET_DIR}/design.css"
#: After mkdocs-static-i18n's ``on_files`` (-100), which picks each language's files, and
#: its ``on_post_build`` (-100), which runs the other languages' passes.
LAST = -110
#: Before Material's tags (100), which fills its listings into pages in ``on_env``.
FIRST = 110


class DesignPlugin(BasePlugin[DesignConfig]):
    """Detect design pages, badge them, and generate the design catalog."""

    def __init__(self) -> None:
        self._serving = False
        self._cache = ParseCache()
        self._rules: Rules | None = None
        self._build: Build | None = None
        self._builds: list[Build] = []  # one per language pass (mkdocs-static-i18n)
        self._own_titles: frozenset[str] = frozenset()
        self._elapsed = 0.0

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        """MkDocs' validation of the options, with a did-you-mean for a mistyped name."""
        errors, warnings = super().load_config(options, config_file_path)
        self._own_titles = frozenset(key for key in options if key.endswith("_title"))
        known = list(DesignConfig().keys())
        return errors, [(key, _hint(key, message, known)) for key, message in warnings]

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember the command; defining this hook keeps one instance across serve rebuilds."""
        self._serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Reset per-build state (not between language passes) and settle the rules."""
        self._rules, self._build = None, None
        if not languages.is_nested(config):  # a new build, not another language of this one
            self._builds, self._elapsed = [], 0.0
        if not self.config.enabled:
            return None
        with self._timed():
            try:
                rules = settle(self.config, config, serving=self._serving)
                language = languages.page_language(config)
                self._rules = languages.in_language(rules, self.config, language, self._own_titles)
            except ValueError as error:
                raise PluginError(f"mkdocs_design: {error}") from None
            if CSS_URI not in config.extra_css:  # language passes share the configuration
                config.extra_css.append(CSS_URI)
        return config

    @event_priority(LAST)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Read every included page into the catalog and add the generated pages."""
        if self._rules is None:
            return None
        with self._timed():
            drop_written(files)  # the catalog `generate` wrote for Zensical: made here instead
            language = languages.current(config)
            # One file may be read by several language passes (a fallback): parse it once.
            cache = self._cache if self._serving or language else None
            serving = self._serving and not (language and language.nested)  # i18n: no drafts
            build = Build.collect(
                files, config, self._rules, cache, serving=serving, language=language
            )
            self._build = build
            self._builds.append(build)
            designs = len(build.catalog.docs)
            log.debug("Read %d pages, %d of them designs", len(build.pages), designs)
            problems = add_generated(build, files, config)
            languages.localize(files, build, config)
            build.depending(files)
        if problems:
            raise PluginError("mkdocs_design: " + "\n".join(problems))
        return files

    @event_priority(LAST)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        """Read the pages another plugin included only now (the blog restores its posts)."""
        if self._build is not None:
            with self._timed():
                self._build.adopt(files, self._cache if self._serving else None)
                self._revise()  # before any page is drawn

    @event_priority(LAST)  # after other plugins' includes and macros: what readers will see
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Badge, anchors and marks on design pages; marker views on any page."""
        if self._build is None:
            return None
        with self._timed():
            if self._build.shows_catalog(page.file.src_uri):
                self._revise()
            return self._build.decorate(page.file.src_uri, markdown)

    @event_priority(100)  # before plugins that rewrite the HTML (minify) can touch the slots
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Put the catalog's HTML blocks in (see ``output.views.Fragments``).

        After the page is written out by the theme, so neither Python-Markdown nor the search
        index spends time on thousands of rows: the design pages they list are indexed already.
        A string replacement of a placeholder, no parsing, so the cost does not grow with nav.
        """
        if self._build is None:
            return None
        with self._timed():
            return self._build.fill(page.file.src_uri, output)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Give theme templates the page's design model (``design``) and the catalog."""
        if self._build is not None:
            # TemplateContext is a closed TypedDict; themes read extra keys all the same.
            extra: dict[str, Any] = context  # type: ignore[assignment]
            extra["design"] = self._build.catalog.by_uri.get(page.file.src_uri)
            extra["design_catalog"] = self._build.catalog
        return context

    @event_priority(FIRST)  # pages drawn again before others work on them (Material's tags)
    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        """Nav statuses for Material, and ``{{ design_badge(design.status) }}`` for themes."""
        env.globals["design_badge"] = badge
        if self._build is not None:
            with self._timed():
                self._revise()
                self._build.redraw(files, config)
                set_nav_statuses(self._build, files)
                refresh_json(self._build, files)
            language = self._build.language
            where = f" for '{language.code}'" if language else ""
            log.info("Found %d design pages%s", len(self._build.catalog.docs), where)
        return env

    @event_priority(LAST)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Report every finding; in error mode, fail the build listing them all.

        Under mkdocs-static-i18n, once, after the last language: each problem of each real
        file once, whichever languages read it.
        """
        if self._build is None or languages.is_nested(config):
            return
        builds = self._builds
        with self._timed():
            errors = languages.report(builds, log)
            self._cache.keep_only(set().union(*(b.cache_keys() for b in builds)))
        pages = sum(len(b.pages) for b in builds)
        log.debug("Plugin time %.3f s for %d pages", self._elapsed, pages)
        if errors:
            listing = "\n".join(f"  {line}" for line in errors)
            raise PluginError(f"mkdocs_design: {len(errors)} problem(s) fail the build:\n{listing}")

    def _timed(self) -> _Timer:
        return _Timer(self)

    def _revise(self) -> None:
        """Take the designs read again into this pass's catalog (see ``Build.revise``)."""
        if self._build is not None and self._build.revised:
            self._build = self._builds[-1] = self._build.revise()


def _hint(key: str, message: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, 1, 0.75)
    return f"{message} (did you mean '{close[0]}'?)" if close and key not in known else message


class _Timer:
    """Adds the time spent in a hook to the plugin's own-time total (reported at DEBUG)."""

    def __init__(self, plugin: DesignPlugin) -> None:
        self._plugin = plugin
        self._start = 0.0

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self._plugin._elapsed += time.perf_counter() - self._start
