"""What ``pymdownx.snippets`` will insert into a page, so the catalog reads it too.

Snippets are expanded while Markdown is converted, after every plugin has seen the page: the
site's own configured extension expands them here, for reading only (edits still go where the
author wrote them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import markdown

from mkdocs_design.model import Finding, Location, Severity
from mkdocs_design.output.markers import find_markers, holds_markers
from mkdocs_design.reading.relocate import line_map

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig

NAME = "pymdownx.snippets"
#: The mark of a snippet line; pages without it are read as they are.
MARK = "--8<--"


def expander(config: MkDocsConfig) -> Callable[[str], str] | None:
    """``expand(markdown)`` as the site's ``pymdownx.snippets`` will, or ``None`` without it."""
    if NAME not in config.markdown_extensions:
        return None
    options = dict(config.mdx_configs.get(NAME, {}))
    options["check_paths"] = False  # a missing snippet is the build's to report, not ours

    def expand(text: str) -> str:
        converter = markdown.Markdown(extensions=[NAME], extension_configs={NAME: options})
        return "\n".join(converter.preprocessors["snippet"].run(text.split("\n")))

    return expand


def snipped_markers(expand: Callable[[str], str], source: str, src_uri: str) -> list[Finding]:
    """A warning for each marker a snippet brings, at the line of the snippet that brings it.

    Snippets are inserted after the plugin has drawn its views, so such a marker would stay an
    invisible comment.
    """
    try:
        shown = expand(source)
    except Exception:  # a snippet the build itself will report
        return []
    if not holds_markers(shown):
        return []
    lines = line_map(source.split("\n"), shown.split("\n"))
    why = "comes from a snippet, inserted after the plugin draws its views: write it in the page"
    return [
        Finding("marker", Severity.WARNING, Location(src_uri, -lines[m.index + 1]),
                f'marker "design/{m.view}" {why}')
        for m in find_markers(shown.split("\n"), src_uri)[0]
        if lines[m.index + 1] < 0
    ]  # fmt: skip
