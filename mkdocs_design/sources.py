"""Pages as MkDocs hands them to the build: read, parsed, and read again as written."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from mkdocs.structure.files import File

from mkdocs_design.model import Finding, Location, Severity
from mkdocs_design.reading.parse import parse_page

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from mkdocs_design.cache import ParseCache
    from mkdocs_design.model import DesignDoc
    from mkdocs_design.rules import Rules


class Page(NamedTuple):
    """A page the build read.

    Attributes:
        path: Its source file (``None`` for a page another plugin generated in memory).
        lines: Its number of lines, front matter included.
        marked: Whether it holds a marker view (``<!-- design/overview -->``).
        body: A digest of its Markdown as MkDocs hands it on (front matter removed).
        head: Its front matter, as written, for reading the page again as another plugin
            rendered it (see :meth:`Build.decorate`).
    """

    path: str | None
    lines: int
    marked: bool = False
    body: bytes = b""
    head: str = ""


def parse_file(
    page: File | str,
    source: str,
    rules: Rules,
    cache: ParseCache | None,
    problems: list[Finding],
) -> DesignDoc | None:
    """Parse one page; a page the reader cannot handle is a finding, never a traceback."""
    src_uri = page if isinstance(page, str) else page.src_uri
    if not rules.selects(src_uri):
        return None
    try:
        if cache is not None:
            path = None if isinstance(page, str) else page.abs_src_path
            return cache.parse(src_uri, source, rules.reading, path)
        return parse_page(src_uri, source, rules.reading)
    except Exception as error:  # one odd page must not stop the build
        message = f"could not be read as a design page ({type(error).__name__}: {error}); skipped"
        problems.append(Finding("parse-error", Severity.WARNING, Location(src_uri, 1), message))
        return None


def written(page: Page) -> str | None:
    """A page's file as written, read again (only for a page another plugin changed)."""
    if page.path is None:
        return None
    try:
        with open(page.path, encoding="utf-8-sig", errors="replace") as handle:
            return handle.read().replace("\r\n", "\n").replace("\r", "\n")
    except OSError:
        return None


def cache_keys(pages: Mapping[str, Page]) -> set[str]:
    """What :class:`~mkdocs_design.cache.ParseCache` keys these pages by."""
    return {page.path or src for src, page in pages.items()}


def page_source(file: File, problems: list[Finding]) -> str | None:
    """A page's text as MkDocs reads it; ``None``, and an error, when it cannot be read."""
    try:
        return file.content_string
    except (OSError, UnicodeDecodeError) as error:
        reason = "is not valid UTF-8" if isinstance(error, UnicodeDecodeError) else "cannot be read"
        message = f"{reason} ({error}); MkDocs stops the build on it"
        problems.append(Finding("unreadable", Severity.ERROR, Location(file.src_uri, 1), message))
        return None


def placed(path: str, config: MkDocsConfig, prefix: str = "") -> File:
    """A generated file's place in the site, under a language's folder (``prefix``) if any."""
    file = File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
    if prefix:
        file.dest_uri = prefix + file.dest_uri  # before url and abs_dest_path are derived
    return file


def page_urls(files: Files) -> Iterator[tuple[str, str]]:
    """Each page's URL; a page whose name is not valid UTF-8 has none (MkDocs stops on it)."""
    for file in files.documentation_pages():
        try:
            yield file.src_uri, file.url
        except UnicodeEncodeError:
            continue
