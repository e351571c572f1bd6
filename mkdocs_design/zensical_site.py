"""A Zensical site as the plugin's build sees it: Zensical's configuration in, a :class:`Build` out.

Zensical runs no MkDocs plugins. Its normalised configuration (what its ``ContextPreprocessor``
hands the extension, and what ``zensical.config.parse_config`` returns to ``generate``) becomes
an MkDocs configuration holding what a build reads: ``docs_dir``, URLs, the exclusion patterns
and the ``toc`` settings. Pages are then walked by MkDocs' own ``get_files`` and read by the
same :class:`~mkdocs_design.build.Build` as under the plugin: one reader, one catalog.
"""

from __future__ import annotations

import dataclasses
import io
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.structure.files import get_files

from mkdocs_design.build import Build
from mkdocs_design.cache import ParseCache
from mkdocs_design.config import DesignConfig
from mkdocs_design.rules import Rules, settle
from mkdocs_design.zensical_files import asset_paths, catalog_folder, drop_written, source_links

if TYPE_CHECKING:
    from collections.abc import Mapping

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

#: The extension's name under ``markdown_extensions``; its options are the plugin's.
EXTENSION = "mkdocs_design.zensical"
#: When each page last changed on disk: ``src_uri`` to ``(mtime_ns, size)``.
Stamp = dict[str, tuple[int, int]]


def extension_options(settings: Mapping[str, Any]) -> dict[str, Any] | None:
    """The extension's options in Zensical's configuration, or ``None`` when it is not listed."""
    if EXTENSION not in settings.get("markdown_extensions", ()):
        return None
    return dict(settings.get("mdx_configs", {}).get(EXTENSION) or {})


def design_options(options: Mapping[str, Any]) -> tuple[DesignConfig, list[str]]:
    """Validate the extension's options exactly as the plugin's; return them and the warnings.

    Raises:
        ValueError: Naming the first unusable option.
    """
    config = DesignConfig()
    config.load_dict(dict(options))
    failed, warned = config.validate()
    if failed:
        name, error = failed[0]
        raise ValueError(f"option '{name}': {error}")
    return config, [f"option '{name}': {warning}" for name, warning in warned]


def mkdocs_config(settings: Mapping[str, Any]) -> MkDocsConfig:
    """An MkDocs configuration with what the build reads from Zensical's ``settings``.

    Raises:
        ValueError: When MkDocs refuses a value (``docs_dir`` missing, a bad pattern).
    """
    root = os.path.abspath(settings.get("root_dir") or ".")
    overrides: dict[str, Any] = {
        "docs_dir": os.path.join(root, settings.get("docs_dir") or "docs"),
        "site_dir": os.path.join(root, settings.get("site_dir") or "site"),
        "use_directory_urls": bool(settings.get("use_directory_urls", True)),
    }
    for key in ("exclude_docs", "draft_docs", "not_in_nav"):
        if settings.get(key):
            overrides[key] = settings[key]
    try:
        # Only its folder is used: messages name paths from there, as for mkdocs.yml.
        config = load_config(
            io.BytesIO(b"site_name: mkdocs-design\n"),
            config_file_path=os.path.join(root, "mkdocs.yml"),
            **overrides,
        )
    except (Abort, ConfigurationError) as error:
        raise ValueError(f"configuration error: {error}") from None
    # Zensical has resolved them already (a toc ``slugify`` is a function); read, never loaded.
    config["mdx_configs"] = dict(settings.get("mdx_configs") or {})
    config["markdown_extensions"] = [
        e for e in settings.get("markdown_extensions", ()) if isinstance(e, str)
    ]
    return config


@dataclass
class ZensicalSite:
    """One Zensical site and its latest catalog, kept for the life of the process.

    Attributes:
        config: What the build reads, as an MkDocs configuration.
        rules: The rules settled from the extension's options.
        folder: The catalog's folder in ``docs_dir`` (:func:`catalog_folder`).
        notes: Warnings about the options themselves.
        enabled: ``False`` when the options turn it off (``enabled: false``).
        serving: Whether Zensical serves (findings are then levelled as under ``serve``).
        build: The latest catalog (``None`` before the first :meth:`refresh`), its views
            linking as Zensical reads links (:func:`source_links`).
        urls: Every page's URL by ``src_uri``, as of ``build``.
        stamp: The pages as they were when ``build`` was collected.
    """

    config: MkDocsConfig
    rules: Rules
    folder: str
    notes: tuple[str, ...] = ()
    enabled: bool = True
    serving: bool = False
    cache: ParseCache = field(default_factory=ParseCache)
    build: Build | None = None
    urls: Mapping[str, str] = field(default_factory=dict)
    stamp: Stamp = field(default_factory=dict)

    @classmethod
    def load(
        cls, settings: Mapping[str, Any], options: Mapping[str, Any], *, serving: bool = False
    ) -> ZensicalSite:
        """Settle the rules from the extension's options and Zensical's configuration.

        Raises:
            ValueError: With a message naming the option or setting that is unusable.
        """
        design, notes = design_options(options)
        config = mkdocs_config(settings)
        rules = settle(design, config, serving=serving)
        folder = catalog_folder(rules.pages)
        if rules.pages.script is not None:  # the script goes with the files, in the folder
            pages = dataclasses.replace(rules.pages, script=asset_paths(folder)[0])
            rules = dataclasses.replace(rules, pages=pages)
        return cls(config, rules, folder, tuple(notes), design.enabled, serving)

    @property
    def docs_dir(self) -> str:
        """The absolute ``docs_dir``."""
        return str(self.config.docs_dir)

    def refresh(self) -> Build | None:
        """Collect the catalog again if any page changed on disk; the new catalog, if any."""
        files = self.files()
        stamp = _stamp(files)
        if self.build is not None and stamp == self.stamp:
            return None
        build = Build.collect(
            files, self.config, self.rules, self.cache if self.serving else None,
            serving=self.serving,
        )  # fmt: skip
        self.urls = build.site.links.urls
        self.build, self.stamp = source_links(build), stamp
        return self.build

    def unchanged(self, src_uri: str) -> bool:
        """Whether a page is on disk as it was when the catalog was collected."""
        path = os.path.join(self.docs_dir, *src_uri.split("/"))
        return self.stamp.get(src_uri) == _stat(path)

    def files(self) -> Files:
        """The site's files as MkDocs walks them, without those ``generate`` wrote."""
        files = get_files(self.config)
        drop_written(files)
        return files


def _stamp(files: Files) -> Stamp:
    found: Stamp = {}
    for file in files.documentation_pages():
        stat = _stat(file.abs_src_path or "")
        if stat is not None:
            found[file.src_uri] = stat
    return found


def _stat(path: str) -> tuple[int, int] | None:
    try:
        result = os.stat(path)
    except OSError:
        return None
    return result.st_mtime_ns, result.st_size
