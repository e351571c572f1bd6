"""Material's blog, as ``check`` must see it: the draft posts a build leaves out.

The blog takes its posts out of the site while files are collected and puts back only those
that are not drafts, so the plugin never reads a draft in ``mkdocs build``. ``check`` runs no
plugin, so it applies the blog's rule itself (``_is_excluded`` in Material 9.x).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

from mkdocs.utils.meta import get_data

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

BLOG_MODULE = "material.plugins.blog"


def drafts(config: MkDocsConfig, files: Files) -> set[str]:
    """The ``src_uri`` of every post that an enabled Material blog leaves out of a build."""
    found: set[str] = set()
    for plugin in config.plugins.values():
        if not type(plugin).__module__.startswith(BLOG_MODULE):
            continue
        options: Any = plugin.config
        if not options.get("enabled", True) or options.get("draft", False):
            continue  # `draft: true` on the blog publishes drafts
        posts = os.path.normpath(str(options["post_dir"]).format(blog=options["blog_dir"]))
        future = bool(options.get("draft_if_future_date", False))
        found |= {
            file.src_uri
            for file in files.documentation_pages()
            if file.src_path.startswith(posts) and _is_draft(file.abs_src_path, future=future)
        }
    return found


def _is_draft(path: str | None, *, future: bool) -> bool:
    """A post's own ``draft`` flag; unset, a creation date still to come when ``future``."""
    try:
        with open(path or "", encoding="utf-8-sig") as stream:
            meta = get_data(stream.read())[1]
    except (OSError, UnicodeDecodeError):
        return False  # the reading that follows reports the page
    flag = meta.get("draft")
    if isinstance(flag, bool):
        return flag
    return future and _created(meta.get("date")) > dt.datetime.now(dt.timezone.utc)


def _created(value: object) -> dt.datetime:
    """A post's creation time as the blog reads it; the distant past when it has none."""
    if isinstance(value, dict):
        value = value.get("created")
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), tzinfo=dt.timezone.utc)
    return dt.datetime.min.replace(tzinfo=dt.timezone.utc)
