"""The ``design`` MkDocs plugin: decides *when* things happen; the pure modules decide *what*.

Event flow (see the README for the user-facing view):

- ``on_startup``: remember whether this process serves; the parse cache lives across rebuilds.
- ``on_config``: reset all per-build state, settle the parse rules, add the stylesheet.
- ``on_files`` (last): parse the source of every included page into the registry, build the
  catalog and add the generated pages, so the catalog is complete whatever order pages render
  in and under ``--dirty``.
- ``on_nav``: give design pages their nav status even when ``--dirty`` skips them.
- ``on_page_markdown`` (early): badge, question anchors, placeholder marks, marker views.
- ``on_page_context``: expose the page's model to theme templates as ``design``.
- ``on_post_build``: report findings; in error mode fail with every problem at once.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from mkdocs_design.config import DesignConfig
from mkdocs_design.markup import badge
from mkdocs_design.registry import ASSET_DIR, Registry, Rules, build_rules

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)

CSS_URI = f"{ASSET_DIR}/design.css"


class DesignPlugin(BasePlugin[DesignConfig]):
    """Detect design pages, badge them, and generate the design catalog."""

    def __init__(self) -> None:
        self._serving = False
        self._cache: dict[str, Any] = {}
        self._rules: Rules | None = None
        self._registry: Registry | None = None
        self._elapsed = 0.0

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember the command; defining this hook keeps one instance across serve rebuilds."""
        self._serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Reset per-build state and settle the rules for this build."""
        self._rules, self._registry, self._elapsed = None, None, 0.0
        if not self.config.enabled:
            return None
        with self._timed():
            try:
                self._rules = build_rules(self.config, config, serving=self._serving)
            except ValueError as error:
                raise PluginError(f"mkdocs_design: {error}") from None
            config.extra_css.append(CSS_URI)
        return config

    @event_priority(-100)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Parse every included page into the registry and add the generated pages."""
        if self._rules is None or not self.config.enabled:
            return None
        with self._timed():
            registry = Registry.collect(
                files, config, self._rules, self._cache, serving=self._serving
            )
            self._registry = registry
            log.info("Found %d design pages", len(registry.catalog.docs))
            problems = registry.add_generated(files, config)
        if problems:
            raise PluginError("mkdocs_design: " + "\n".join(problems))
        return files

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        """Set nav statuses up front: under ``--dirty`` unchanged pages skip the page events."""
        if self._registry is not None and self.config.nav_status:
            with self._timed():
                for page in nav.pages:
                    self._registry.set_nav_status(page)
        return None

    @event_priority(90)
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Badge, anchors and marks on design pages; marker views on any page."""
        if self._registry is None:
            return None
        with self._timed():
            return self._registry.decorate(page.file.src_uri, markdown, page.meta)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Put the catalog's HTML blocks in (see ``render.Fragments``).

        After the page is written out by the theme, so neither Python-Markdown nor the search
        index spends time on thousands of rows: the design pages they list are indexed already.
        A string replacement of a placeholder, no parsing, so the cost does not grow with nav.
        """
        if self._registry is None:
            return None
        with self._timed():
            return self._registry.fill(page.file.src_uri, output)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Give theme templates the page's design model (``design``) and the catalog."""
        if self._registry is not None:
            # TemplateContext is a closed TypedDict; themes read extra keys all the same.
            extra: dict[str, Any] = context  # type: ignore[assignment]
            extra["design"] = self._registry.catalog.by_uri.get(page.file.src_uri)
            extra["design_catalog"] = self._registry.catalog
        return context

    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        """Let theme overrides render a badge: ``{{ design_badge(design.status) }}``."""
        env.globals["design_badge"] = badge
        return env

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Report every finding; in error mode, fail the build listing them all."""
        if self._registry is None or self._rules is None:
            return
        with self._timed():
            errors = self._registry.report(log)
        log.debug("Plugin time %.3f s for %d pages", self._elapsed, self._registry.scanned)
        if errors:
            listing = "\n".join(f"  {line}" for line in errors)
            raise PluginError(f"mkdocs_design: {len(errors)} problem(s) fail the build:\n{listing}")

    def _timed(self) -> _Timer:
        return _Timer(self)


class _Timer:
    """Adds the time spent in a hook to the plugin's own-time total (reported at DEBUG)."""

    def __init__(self, plugin: DesignPlugin) -> None:
        self._plugin = plugin
        self._start = 0.0

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self._plugin._elapsed += time.perf_counter() - self._start
