"""``mkdocs_design.zensical``: the plugin's page work as a Python-Markdown extension, for Zensical.

Zensical builds ``mkdocs.yml`` projects but runs no MkDocs plugins. It runs the extensions under
``markdown_extensions``, a new ``Markdown`` per page, one page at a time, and says which page it
renders through its ``ContextPreprocessor`` (an internal API: the ``zensical`` extra pins the
version it is tested with). The catalog is collected once per process from ``docs_dir`` (see
:class:`~mkdocs_design.zensical_site.ZensicalSite`), and each page gets what the plugin's
``on_page_markdown`` gives it: badge, banners, question anchors, placeholder marks, marker views.

- ``zensical build``: findings are printed as MkDocs prints them. Errors (``placeholders:
  error``) and a catalog folder older than its pages fail the build, one line each.
- ``zensical serve``: never fails (an exception stops the server). When a page changes, the
  catalog is collected again and the files ``mkdocs-design generate`` wrote are rewritten;
  Zensical renders them on the next reload.
- MkDocs runs ``markdown_extensions`` too, but gives no context: the extension then does
  nothing and the ``design`` plugin does the work, so one ``mkdocs.yml`` can list both.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import json
import logging
import sys
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from mkdocs_design import report
from mkdocs_design.output.markup import status_class
from mkdocs_design.zensical_files import (
    apply,
    asset_paths,
    catalog_files,
    output_options,
    plan,
    style_link,
    written,
)
from mkdocs_design.zensical_site import ZensicalSite

if TYPE_CHECKING:
    from types import TracebackType

    from markdown import Markdown

#: The Zensical release whose internal rendering context CI tests (pyproject's zensical extra).
TESTED_WITH = "0.0.73"
#: Before Python-Markdown's own preprocessors (30 and lower): the page as its author wrote it.
PRIORITY = 35
#: Under ``serve``, how long the catalog is trusted before ``docs_dir`` is looked at again.
RECHECK_SECONDS = 1.0

# Zensical configures no logging and counts no Python warning: findings go to stderr in
# MkDocs' format, so a site moving hosts sees the same lines.
log = logging.getLogger("mkdocs_design.zensical")


class _Page(Protocol):
    path: str
    meta: dict[str, Any]


class _Context(Protocol):
    page: _Page
    config: dict[str, Any]


class DesignGateError(Exception):
    """Stops ``zensical build``: the message holds every problem, one per line."""


def makeExtension(**kwargs: Any) -> DesignExtension:
    """Python-Markdown's entry point: ``- mkdocs_design.zensical: {...plugin options}``."""
    return DesignExtension(**kwargs)


class DesignExtension(Extension):
    """Badges, banners, anchors, marks and marker views on the pages Zensical renders."""

    def __init__(self, **kwargs: Any) -> None:
        # The plugin's options, validated as the plugin validates them; Extension.setConfigs
        # would refuse every key it does not declare.
        super().__init__()
        self.options = kwargs

    def extendMarkdown(self, md: Markdown) -> None:
        """Run before Python-Markdown's own preprocessors."""
        md.preprocessors.register(DesignPreprocessor(md, self.options), "mkdocs_design", PRIORITY)


class DesignPreprocessor(Preprocessor):
    """Hands the page Zensical renders to the process's catalog; a no-op under MkDocs."""

    def __init__(self, md: Markdown, options: dict[str, Any]) -> None:
        super().__init__(md)
        self.options = options

    def run(self, lines: list[str]) -> list[str]:
        """The page's lines, decorated when Zensical renders it."""
        context = zensical_context(self.md)
        if context is None:
            return lines
        markdown = page_markdown(context, self.options, "\n".join(lines))
        return lines if markdown is None else markdown.split("\n")


def zensical_context(md: Markdown) -> _Context | None:
    """Zensical's rendering context of this ``Markdown``, or ``None`` on any other host."""
    preprocessor = _context_class()
    if preprocessor is None:
        return None
    context: _Context | None = preprocessor.from_markdown(md)
    return context


@functools.cache
def _context_class() -> Any:
    """Zensical's ``ContextPreprocessor`` class, looked for once: a failed import is slow."""
    if importlib.util.find_spec("zensical") is None:
        return None  # MkDocs, which runs markdown_extensions too: the plugin does the work
    try:
        return importlib.import_module("zensical.extensions.context").ContextPreprocessor
    except (ImportError, AttributeError):
        _logger().warning(
            "this Zensical has no zensical.extensions.context.ContextPreprocessor, which tells "
            "extensions the page they render: pages are left as they are (tested with Zensical "
            "%s)", TESTED_WITH,
        )  # fmt: skip
        return None


@dataclass
class _Session:
    """A site's catalog for the life of the process (``serve`` rebuilds included)."""

    site: ZensicalSite | None  # None: turned off, or options that cannot be used
    serving: bool
    looked: float = 0.0


_SESSIONS: dict[str, _Session] = {}
_LOCK = threading.Lock()  # Zensical renders on one thread today; nothing here relies on it


def page_markdown(context: _Context, options: dict[str, Any], markdown: str) -> str | None:
    """The page's Markdown as the plugin would make it, or ``None`` to leave it as it is.

    Raises:
        DesignGateError: Under ``zensical build``, once per process, when the build must fail.
    """
    with _LOCK:
        session = _session(context.config, options)
        site, path = session.site, context.page.path
        if site is None or not site.enabled:
            return None
        _update(session, site, path)
        build = site.build
        if build is None:
            return None
        doc = build.catalog.by_uri.get(path)
        if doc is not None and doc.canonical_status and site.rules.pages.nav_status:
            context.page.meta.setdefault("status", status_class(doc.canonical_status))
        known = build.pages.get(path)
        offset = known.lines - markdown.count("\n") if known else 0  # as Build.decorate
        # No fragments: no host fills HTML in after rendering, so it stays inline.
        decorated = build.site.decorate(path, markdown, offset=offset)
        if decorated is None:
            return None
        return decorated + "\n\n" + style_link(site.urls, path, asset_paths(site.folder)[1])


def _session(settings: dict[str, Any], options: dict[str, Any]) -> _Session:
    key = json.dumps(
        [settings.get("root_dir"), settings.get("docs_dir"), options], sort_keys=True, default=repr
    )
    session = _SESSIONS.get(key)
    if session is not None:
        return session
    serving = is_serving()
    try:
        site: ZensicalSite | None = ZensicalSite.load(settings, options, serving=serving)
    except ValueError as error:
        site = None
        if not serving:
            _SESSIONS[key] = _Session(None, serving)  # one failure per process, not per page
            fail([str(error)])
        _logger().error("%s", error)
    session = _SESSIONS[key] = _Session(site, serving)
    for note in site.notes if site else ():
        _logger().warning("%s", note)
    return session


def is_serving() -> bool:
    """``zensical serve``: its command line is all Zensical tells extensions about it."""
    return len(sys.argv) > 1 and sys.argv[1] == "serve"


def _update(session: _Session, site: ZensicalSite, path: str) -> None:
    """Collect the catalog once for a build; under ``serve``, again whenever a page changed."""
    if site.build is not None:
        if not session.serving:
            return
        recent = time.monotonic() - session.looked < RECHECK_SECONDS
        if recent and site.unchanged(path):
            return  # the rendered page is as read, and the last full look is a second old
    session.looked = time.monotonic()
    build = site.refresh()
    if build is None:
        return
    errors = report.report(build, _logger())
    if session.serving:
        for line in errors:  # placeholders_on_serve: error, yet the server must live on
            _logger().error("%s", line)
        _keep_current(site)
        return
    problems = errors + _stale(site)
    if problems:
        fail(problems)


def _keep_current(site: ZensicalSite) -> None:
    """Rewrite the catalog files that changed, once ``generate`` has written them."""
    if site.build is None or written(site.docs_dir, site.folder) is None:
        return
    wanted = catalog_files(site.build, site.folder, site.urls)
    changes = plan(site.docs_dir, site.folder, wanted, output_options(site.rules.pages))
    for conflict in changes.conflicts:
        _logger().error("%s", conflict)
    if changes.conflicts or not changes.changes:
        return
    try:
        apply(site.docs_dir, site.folder, changes)
    except OSError as error:
        _logger().error("cannot rewrite the design catalog: %s", error)
        return
    _logger().info("rewrote %s", ", ".join(changes.changes))


def _stale(site: ZensicalSite) -> list[str]:
    """A problem when the catalog files on disk are not what the pages make now."""
    if site.build is None or written(site.docs_dir, site.folder) is None:
        return []  # never generated: there is nothing to be out of date
    wanted = catalog_files(site.build, site.folder, site.urls)
    changes = plan(site.docs_dir, site.folder, wanted, output_options(site.rules.pages))
    if not changes.changes:
        return []
    listed = ", ".join(changes.changes)
    return [
        f"the design catalog is older than the pages ({listed}): run `mkdocs-design generate` "
        "before `zensical build`"
    ]


def fail(problems: list[str]) -> NoReturn:
    """Stop ``zensical build`` with the problems as lines, not Zensical's two tracebacks."""
    if not getattr(sys.excepthook, "mkdocs_design", False):
        hook = _GateHook(sys.excepthook)
        sys.excepthook = hook
    raise DesignGateError("\n".join(problems))


class _GateHook:
    """``sys.excepthook`` that prints a :class:`DesignGateError` as lines, alone.

    Zensical re-raises what an extension raises as ``RuntimeError: Python error: ...`` with
    both tracebacks in its text; the message is cut out of it.
    """

    mkdocs_design = True
    marker = f"{DesignGateError.__name__}: "

    def __init__(self, previous: Any) -> None:
        self.previous = previous

    def __call__(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        text = str(error)
        if self.marker not in text:
            self.previous(kind, error, trace)
            return
        body = text.split(self.marker, 1)[1].split("\nTraceback", 1)[0].rstrip()
        for line in body.split("\n"):
            _logger().error("%s", line)


def _logger() -> logging.Logger:
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  mkdocs_design: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    return log
