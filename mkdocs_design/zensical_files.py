"""The catalog as files in ``docs_dir``, for hosts that run no MkDocs plugins (Zensical).

``mkdocs-design generate`` (and the extension, under ``zensical serve``) writes the catalog
pages, ``catalog.json`` and the assets into one folder of ``docs_dir`` (``design-catalog/`` by
default). A manifest in that folder, ``.generated-by-mkdocs-design``, lists what was written:
only those files are ever rewritten or removed, and only when their content changes, so
Zensical's cache renders exactly the pages that changed. A file the manifest does not list is
the user's and is never overwritten. Under MkDocs the plugin generates the catalog itself and
leaves the listed files out of the site (:func:`drop_written`).
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

from mkdocs.utils import get_relative_url

from mkdocs_design.catalog.export import render_json
from mkdocs_design.output.links import Links
from mkdocs_design.output.styles import stylesheet

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from mkdocs.structure.files import Files

    from mkdocs_design.build import Build
    from mkdocs_design.output.site import PageRules

#: The manifest's file name: its folder holds generated files, and it lists them.
MANIFEST = ".generated-by-mkdocs-design"
_HEADER = (
    "# Written by `mkdocs-design generate` from the design pages (and kept current under\n"
    "# `zensical serve`). The files listed below are rewritten on every run: do not edit them.\n"
    "# A file this list does not name is never overwritten. Delete the folder to remove them.\n"
)


def catalog_folder(pages: PageRules) -> str:
    """The one folder of ``docs_dir`` that holds every output (``design-catalog``).

    Raises:
        ValueError: When the outputs do not share a folder below the top of ``docs_dir``.
    """
    paths = [*pages.paths.values(), *([pages.json_path] if pages.json_path else [])]
    if not paths:
        return "design-catalog"
    folder = posixpath.commonpath([posixpath.dirname(p) for p in paths])
    if not folder:
        listed = ", ".join(f"'{p}'" for p in paths if "/" not in p)
        raise ValueError(
            f"the catalog's outputs must share a folder of docs_dir (such as design-catalog/), "
            f"so that generated files never mix with yours: {listed} is at the top"
        )
    return folder


def asset_paths(folder: str) -> tuple[str, str]:
    """Where the filter script and the stylesheet go: ``<folder>/assets/``."""
    return f"{folder}/assets/catalog.js", f"{folder}/assets/design.css"


def output_options(pages: PageRules) -> dict[str, str]:
    """The option that sets each output's path, by path (for messages)."""
    options = {path: f"{view}_path" for view, (path, _) in pages.views.items()}
    return options | ({pages.json_path: "json_path"} if pages.json_path else {})


def catalog_files(build: Build, folder: str, urls: Mapping[str, str]) -> dict[str, str]:
    """Every file of the catalog by its path in ``docs_dir``: pages, ``catalog.json``, assets.

    The pages keep their HTML inline (no host fills it in later) and load the stylesheet
    themselves, so Zensical renders them as plain Markdown pages with nothing to configure.

    Args:
        build: The catalog, with links as Zensical reads them (``source_links``).
        folder: The catalog's folder in ``docs_dir``.
        urls: Every page's URL by ``src_uri``, for ``catalog.json`` and the stylesheet.
    """
    pages, site = build.rules.pages, build.site
    script, css = asset_paths(folder)
    files: dict[str, str] = {}
    for view, (path, title) in pages.views.items():
        files[path] = site.generated_page(view, path, title) + "\n" + style_link(urls, path, css)
    if pages.json_path:
        files[pages.json_path] = render_json(
            build.catalog, lambda uri: urls.get(uri, uri), build.insights
        )
    assets = resources.files("mkdocs_design.output").joinpath("assets")
    files[script] = assets.joinpath("catalog.js").read_text("utf-8")
    files[css] = stylesheet(build.rules.statuses)
    return files


def style_link(urls: Mapping[str, str], src_uri: str, css: str) -> str:
    """A ``<style>`` block importing the stylesheet from the page ``src_uri``.

    A ``<style>`` block, not a ``<link>``: Python-Markdown keeps it out of a paragraph, and
    Zensical leaves the URL in it as written, relative to the page's URL.
    """
    href = get_relative_url(css, urls.get(src_uri, src_uri))
    return f'<style>@import url("{href}");</style>\n'


def source_links(build: Build) -> Build:
    """``build`` with its views linking as Zensical reads links: ``.md`` paths from the source.

    Zensical resolves every relative link and ``src`` in a page's HTML against the folder of
    the page's source file, and turns ``.md`` targets into URLs it validates; MkDocs leaves
    HTML alone, so the plugin's links are relative to the page's URL. Only index pages have
    both in the same folder.
    """
    paths = {uri: uri for uri in build.site.links.urls}
    site = dataclasses.replace(build.site, links=Links(paths, get_relative_url))
    return dataclasses.replace(build, site=site)


@dataclass
class Plan:
    """What writing the catalog would change in ``docs_dir``.

    Attributes:
        write: New content by path in ``docs_dir``, for files that are missing or differ.
        remove: Files written before that the catalog no longer has.
        kept: Files already up to date.
        conflicts: A message for each file of the user's that sits where an output goes.
    """

    write: dict[str, str] = field(default_factory=dict)
    remove: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def changes(self) -> list[str]:
        """The paths a write would touch, sorted."""
        return sorted([*self.write, *self.remove])


def plan(docs_dir: str, folder: str, wanted: Mapping[str, str], options: Mapping[str, str]) -> Plan:
    """Compare the wanted files with ``docs_dir``; a file the manifest does not list is the user's.

    Args:
        docs_dir: The site's ``docs_dir``.
        folder: The catalog's folder in it (:func:`catalog_folder`).
        wanted: Content by path in ``docs_dir`` (:func:`catalog_files`).
        options: The option that sets each path, for messages (``overview_path``).
    """
    ours = written(docs_dir, folder) or set()
    result = Plan()
    for path, text in sorted(wanted.items()):
        on_disk = _read(_abs(docs_dir, path))
        if on_disk is not None and path not in ours:
            change = f"set '{options[path]}' to another path" if path in options else "move it"
            result.conflicts.append(
                f"'{_shown(docs_dir, path)}' was not written by mkdocs-design ({folder}/{MANIFEST}"
                f" does not list it) and is never overwritten: {change}"
            )
        elif on_disk == text:
            result.kept.append(path)
        else:
            result.write[path] = text
    result.remove = sorted(p for p in ours - wanted.keys() if os.path.isfile(_abs(docs_dir, p)))
    return result


def apply(docs_dir: str, folder: str, changes: Plan) -> None:
    """Write the changed files and remove the obsolete ones; the manifest lists what is ours.

    Raises:
        OSError: When a file cannot be written or removed.
    """
    manifest = _abs(docs_dir, f"{folder}/{MANIFEST}")
    if changes.write or changes.remove:
        # Owned before written, so that a run stopped halfway still owns what it wrote.
        _update(manifest, _manifest_text(folder, [*changes.write, *changes.kept, *changes.remove]))
    for path, text in changes.write.items():
        _update(_abs(docs_dir, path), text)
    for path in changes.remove:
        os.remove(_abs(docs_dir, path))
    _update(manifest, _manifest_text(folder, [*changes.write, *changes.kept]))


def written(docs_dir: str, folder: str) -> set[str] | None:
    """The paths in ``docs_dir`` the folder's manifest lists, or ``None`` without a manifest."""
    text = _read(os.path.join(docs_dir, folder, MANIFEST))
    if text is None:
        return None
    return {f"{folder}/{line}" for line in _entries(text)}


def drop_written(files: Files) -> None:
    """Leave the files ``generate`` wrote out of MkDocs' ``files``: the plugin makes its own."""
    manifests = [f for f in files if posixpath.basename(f.src_uri) == MANIFEST]
    for manifest in manifests:
        text = _read(manifest.abs_src_path or "")
        folder = posixpath.dirname(manifest.src_uri)
        for entry in _entries(text or ""):
            found = files.get_file_from_path(posixpath.join(folder, entry))
            if found is not None:
                files.remove(found)


def _manifest_text(folder: str, wanted: Iterable[str]) -> str:
    return _HEADER + "".join(f"{p}\n" for p in _relative(folder, wanted))


def _relative(folder: str, paths: Iterable[str]) -> list[str]:
    return sorted({posixpath.relpath(p, folder) for p in paths})


def _entries(text: str) -> list[str]:
    lines = (line.strip() for line in text.splitlines())
    # Only paths inside the folder: a hand-edited manifest must not reach beyond it.
    return [line for line in lines if line and not line.startswith(("#", "/")) and ".." not in line]


def _abs(docs_dir: str, path: str) -> str:
    return os.path.join(docs_dir, *path.split("/"))


def _shown(docs_dir: str, path: str) -> str:
    return os.path.relpath(_abs(docs_dir, path)).replace(os.sep, "/")


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8", newline="") as file:
            return file.read()
    except (OSError, UnicodeDecodeError):
        return None


def _update(path: str, text: str) -> None:
    """Write ``text`` unless the file already holds it: an untouched file is not re-rendered."""
    if _read(path) == text:
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write(text)
