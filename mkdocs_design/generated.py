"""What the plugin adds to the site: catalog pages, ``catalog.json``, assets, nav statuses.

Each goes where nothing else is. A destination is compared as MkDocs writes it (``a.md`` and
``a/index.md`` are both ``a/index.html``), against the site's own files, other plugins'
generated files and what MkDocs and the search plugin write themselves; a clash is an error
naming the option to change, never a silent overwrite.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

from mkdocs.structure.files import File, InclusionLevel

from mkdocs_design.catalog.export import render_json
from mkdocs_design.output.markup import status_class
from mkdocs_design.output.styles import stylesheet
from mkdocs_design.output.views import Fragments
from mkdocs_design.rules import ASSET_DIR
from mkdocs_design.sources import placed

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from mkdocs_design.build import Build

#: What MkDocs and its search plugin write without a ``File`` for it.
_WRITTEN_BY_MKDOCS = {
    "sitemap.xml": "MkDocs' sitemap",
    "sitemap.xml.gz": "MkDocs' sitemap",
    "404.html": "MkDocs' 404 page",
}
_SEARCH_INDEX = "search/search_index.json"
#: Front matter that keeps a page out of Material's search index.
_UNSEARCHED = "---\nsearch:\n  exclude: true\n---\n\n"


class Output(NamedTuple):
    """One thing the plugin generates: its option, its path in ``docs_dir``, what it is."""

    option: str
    path: str
    what: str


def outputs(build: Build) -> list[Output]:
    """Everything the plugin will generate, in the order it is added."""
    pages = build.rules.pages
    found = [
        Output(f"{view}_path", path, f"the {view} page") for view, (path, _) in pages.views.items()
    ]
    if pages.json_path:
        found.append(Output("json_path", pages.json_path, "catalog.json"))
    found += [Output("", f"{ASSET_DIR}/{name}", name) for name in ("catalog.js", "design.css")]
    return found


def clashes(build: Build, files: Files, config: MkDocsConfig) -> list[str]:
    """A message for each output whose destination something else already has."""
    taken: dict[str, str] = {}
    users: set[str] = set()  # destinations of the site's own files
    for file in files:
        taken.setdefault(file.dest_uri, _owner(file))
        if not file.generated_by:
            users.add(file.dest_uri)
    search = any(name.rsplit("/", 1)[-1] == "search" for name in config.plugins)
    reserved = {**_WRITTEN_BY_MKDOCS, **({_SEARCH_INDEX: "the search index"} if search else {})}
    problems: list[str] = []
    for output in outputs(build):
        dest = placed(output.path, config, _prefix(build, output)).dest_uri
        other = taken.get(dest) or reserved.get(dest)
        if other is not None and output.option:
            problems.append(
                f"cannot generate {output.what} at '{output.path}': {other} already goes to "
                f"'{dest}', and neither is overwritten. Set '{output.option}' to another path in "
                "mkdocs.yml (or turn that output off)."
            )
        elif not output.option and dest in users:  # an asset: its place is fixed
            problems.append(
                f"your file '{output.path}' would replace the plugin's {output.what}, which the "
                f"catalog and badges need; move it out of '{ASSET_DIR}/'."
            )
        taken.setdefault(dest, f"the plugin's {output.what.removeprefix('the ')}")
    return problems


def add_generated(build: Build, files: Files, config: MkDocsConfig) -> list[str]:
    """Add the catalog pages, ``catalog.json`` and the assets; return the clashes instead."""
    problems = clashes(build, files, config)
    if problems:
        return problems
    pages, site = build.rules.pages, build.site
    listed = InclusionLevel.NOT_IN_NAV if config.nav else InclusionLevel.UNDEFINED
    empty = not build.catalog.docs
    for view, (path, title) in pages.views.items():
        kept = build.fragments.setdefault(path, Fragments("g"))
        content = site.generated_page(view, path, title, kept)
        # With no design yet, only the overview (which says how to start) is in the navigation.
        hidden = empty and view != "overview"
        if hidden:
            content = _UNSEARCHED + content
        inclusion = InclusionLevel.NOT_IN_NAV if hidden else listed
        files.append(_generated(config, path, build.prefix, content, inclusion))
    if pages.json_path:
        files.append(_generated(config, pages.json_path, build.prefix, _json(build)))
    script = resources.files("mkdocs_design.output").joinpath("assets/catalog.js")
    assets = {
        "catalog.js": script.read_text("utf-8"),
        "design.css": stylesheet(build.rules.statuses),
    }
    for name, text in assets.items():
        if files.get_file_from_path(f"{ASSET_DIR}/{name}") is None:
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=text))
    return []


def refresh_json(build: Build, files: Files) -> None:
    """``catalog.json`` again, when the catalog changed since it was added (``Build.revise``)."""
    path = build.rules.pages.json_path
    file = files.get_file_from_path(path) if path and build.revision else None
    if file is not None:
        file.content_string = _json(build)


def set_nav_statuses(build: Build, files: Files) -> None:
    """Give design pages a ``status`` in their metadata, for Material's nav indicator.

    Once every page is read (front matter and ``.meta.yml`` win), before any is rendered:
    under ``--dirty`` this also reaches the pages that skip the page events.
    """
    if not build.rules.pages.nav_status:
        return
    for file in files.documentation_pages():
        doc = build.catalog.by_uri.get(file.src_uri)
        if doc is not None and doc.canonical_status and file.page is not None:
            file.page.meta.setdefault("status", status_class(doc.canonical_status))


def _json(build: Build) -> str:
    urls, language = build.site.links.urls, build.language
    return render_json(
        build.catalog, lambda uri: urls.get(uri, uri), build.insights,
        language=language.code if language else None, locales=build.locales,
    )  # fmt: skip


def _prefix(build: Build, output: Output) -> str:
    """A language's folder for its catalog (``fr/``); the assets stay shared at the root."""
    return build.prefix if output.option else ""


def _generated(
    config: MkDocsConfig,
    path: str,
    prefix: str,
    content: str,
    inclusion: InclusionLevel = InclusionLevel.UNDEFINED,
) -> File:
    """A generated file at ``path``, served under a language's folder (``prefix``) if any.

    ``src_uri`` stays ``path`` in every language, as mkdocs-static-i18n keeps it for its own
    files, so a ``nav`` entry naming ``path`` finds the page in every language.
    """
    file = File.generated(config, path, content=content, inclusion=inclusion)
    if prefix:
        file.dest_uri = prefix + file.dest_uri  # before url and abs_dest_path are derived
    return file


def _owner(file: File) -> str:
    if file.generated_by:
        return f"'{file.src_uri}' from the {file.generated_by} plugin"
    return f"your file '{file.src_uri}'"
