"""What ``pymdownx.snippets`` will insert into a page, so the catalog reads it too.

Snippets are expanded while Markdown is converted, after every plugin has seen the page: the
site's own configured extension expands them here, for reading only (edits still go where the
author wrote them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import markdown

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
