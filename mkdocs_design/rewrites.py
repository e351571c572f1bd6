"""Pages other plugins rewrite: read again as readers will see them, converted again if drawn early.

An include, a macro or a snippet changes what a page says after the catalog was read from the
sources. :class:`~mkdocs_design.build.Build` reads such a page again from the Markdown it is
handed (and, with ``pymdownx.snippets``, from what the snippets add), carries every line back to
the file, and converts again a page it drew from an older catalog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs_design.output.markers import find_markers
from mkdocs_design.reading.relocate import anchored_as, line_map, relocate, relocate_findings
from mkdocs_design.snippets import MARK
from mkdocs_design.sources import parse_file, written

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page as MkDocsPage

    from mkdocs_design.model import DesignDoc, Finding
    from mkdocs_design.output.markers import Known
    from mkdocs_design.rules import Rules
    from mkdocs_design.sources import Page


def read_again(
    src_uri: str,
    page: Page,
    markdown: str,
    rules: Rules,
    expand: Callable[[str], str] | None,
) -> tuple[DesignDoc | None, DesignDoc | None]:
    """The page as readers will see it, told in file lines, and its own text as handed on, read.

    The first is what the catalog holds; the second is what the plugin's edits go by (snippets
    are inserted after them, so what they add gets no id).
    """
    text = markdown
    if expand is not None and MARK in markdown:
        try:
            text = expand(markdown)
        except Exception:  # a snippet the build itself will report
            text = markdown
    shown = page.head + text
    read = own = parse_file(src_uri, shown, rules, None, [])
    if text is not markdown:
        own = parse_file(src_uri, page.head + markdown, rules, None, [])
        by_own = line_map((page.head + markdown).split("\n"), shown.split("\n"))
        read = anchored_as(read, by_own, own) if read is not None else None
    source = written(page)
    if read is not None and source and (lines := line_map(source.split("\n"), shown.split("\n"))):
        return relocate(read, lines), own
    return read, own


_OURS = "mkdocs_design."


def marker_findings(
    src_uri: str, page: Page, markdown: str, known: Known | None, opens: frozenset[str]
) -> tuple[Finding, ...]:
    """The marker findings of a page as another plugin rendered it, at their file lines.

    A marker a macro writes (``<!-- design/{{ view }} -->``) is read as rendered, as it is drawn.
    """
    shown = (page.head + markdown).split("\n")
    found = find_markers(shown, src_uri, known=known, opens=opens)[1]
    source = written(page)
    return relocate_findings(found, line_map(source.split("\n"), shown)) if source else ()


def rewriters(config: MkDocsConfig) -> bool:
    """Whether a plugin other than this one may change a page's Markdown."""
    return any(
        hasattr(plugin, "on_page_markdown")
        and not type(plugin).__module__.startswith("mkdocs_design.")
        for plugin in config.plugins.values()
    )


def convert(page: MkDocsPage, markdown: str, config: MkDocsConfig, files: Files) -> None:
    """Convert a page's Markdown again, as MkDocs' build does after ``on_page_markdown``."""
    page.markdown, config._current_page = markdown, page
    try:
        page.render(config, files)
        page.content = config.plugins.on_page_content(
            page.content or "", page=page, config=config, files=files
        )
    finally:
        config._current_page = None
