"""Detect design pages and parse each one, once, into a :class:`~mkdocs_design.model.DesignDoc`.

Pure: takes the page's source text and the site's rules, imports nothing from MkDocs, never
logs and never raises for bad input. Problems become :class:`~mkdocs_design.model.Finding`
values on the model, with lines counted from the top of the real file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markdown.extensions.toc import slugify as toc_slugify

from mkdocs_design.model import DesignDoc, Finding, Location, Section, Severity, Status
from mkdocs_design.reading import alternatives, fields, questions
from mkdocs_design.reading import components as comps
from mkdocs_design.reading.detect import Detection, detect, title_name
from mkdocs_design.reading.frontmatter import FrontMatter, body_lines, split_front_matter
from mkdocs_design.reading.placeholders import PlaceholderRules, find_placeholders
from mkdocs_design.reading.scan import Scan, Slugify, scan
from mkdocs_design.reading.sections import SectionRange, sections_of, template_sections
from mkdocs_design.reading.statuses import StatusTable, first_link
from mkdocs_design.reading.text import page_name

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


@dataclass(frozen=True, slots=True)
class ParseRules:
    """Everything site-specific the parser needs, settled once per build.

    Attributes:
        statuses: The status vocabulary.
        slugify: The site's ``toc`` slugify, so anchors match the rendered page.
        separator: The site's ``toc`` separator.
        attr_list: Whether ``attr_list`` is enabled (``{#id}`` on headings).
        detect: ``auto`` (front matter, title or sections) or ``front_matter`` only.
        placeholders: Placeholder rules, or ``None`` to skip the placeholder scan.
    """

    statuses: StatusTable = field(default_factory=StatusTable.build)
    slugify: Slugify = toc_slugify
    separator: str = "-"
    attr_list: bool = False
    detect: str = "auto"
    placeholders: PlaceholderRules | None = None

    def identity(self) -> tuple[Any, ...]:
        """What these rules read pages by: equal for the same configuration, across reloads.

        ``mkdocs serve`` loads ``mkdocs.yml`` again for every rebuild, so the slugify callable
        is a new object each time; its module, name and options identify it.
        """
        inner = getattr(self.slugify, "func", self.slugify)
        keywords = getattr(self.slugify, "keywords", {}) or {}
        slugify = (
            getattr(inner, "__module__", ""),
            getattr(inner, "__qualname__", repr(inner)),
            tuple(sorted(keywords.items())),
        )
        return (
            self.statuses,
            self.separator,
            self.attr_list,
            self.detect,
            self.placeholders,
            slugify,
        )


def parse_page(src_uri: str, source: str, rules: ParseRules) -> DesignDoc | None:
    """Parse one page; ``None`` when it is not a design page.

    Args:
        src_uri: The page's path relative to ``docs_dir``, with ``/`` separators.
        source: The page's full source text, front matter included.
        rules: The site's parsing rules.
    """
    # MkDocs reads pages as utf-8-sig with universal newlines; callers holding raw text get the
    # same, so a BOM or CR line endings change nothing.
    source = source.removeprefix("\ufeff")
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    front = split_front_matter(src_uri, source)
    lines = body_lines(source, front)
    page = scan(lines, rules.slugify, rules.separator, attr_list=rules.attr_list)
    detection = detect(front, page, rules)
    if not detection.is_design:
        return None
    return build_doc(src_uri, front, page, detection, rules)


def build_doc(
    src_uri: str, front: FrontMatter, page: Scan, detection: Detection, rules: ParseRules
) -> DesignDoc:
    """Assemble the model of a detected design page."""
    offset = front.offset
    at = _locator(src_uri, offset)
    sections = sections_of(page)
    preamble = fields.preamble(page)
    status = _status(front.meta, preamble, rules.statuses, offset)
    created, created_raw, created_line = fields.created(front.meta, preamble, offset)
    found: list[Finding] = [front.error] if front.error else []
    found += _status_findings(status, at)
    if page.unclosed is not None:
        line = page.lines[page.unclosed]
        found.append(_unclosed_finding(src_uri, line, page.unclosed + offset + 1))
    if created is None and created_raw is not None:
        message = f'created date "{created_raw}" is not a date (use YYYY-MM-DD)'
        found.append(
            Finding("bad-date", Severity.WARNING, Location(src_uri, created_line or 1), message)
        )
    context = fields.system_context(page, sections, preamble)
    components, comp_findings = comps.components(page, sections, src_uri, offset)
    asked = questions.questions(page, sections, rules.slugify, rules.separator, offset)
    placeholders = _placeholders(page, offset, rules)
    present = {s.key for s in sections if s.key}
    return DesignDoc(
        src_uri=src_uri,
        title=_title(front.meta, detection, src_uri),
        title_line=detection.title.index + offset + 1 if detection.title else 0,
        reason=detection.reason,
        meta=dict(front.meta),
        created=created,
        created_raw=created_raw,
        created_line=created_line,
        status=status,
        authors=fields.authors(front.meta, preamble),
        sections=tuple(_section(s, offset) for s in sections),
        missing_sections=tuple(s for s in template_sections() if s not in present),
        depends_on=context.get("depends on", ()),
        used_by=context.get("used by", ()),
        external=context.get("external dependencies", ()),
        components=components,
        questions=asked,
        alternatives=alternatives.alternatives(page, sections, offset),
        references=alternatives.references(page, sections),
        placeholders=placeholders,
        findings=(*found, *comp_findings),
        context_lines=fields.context_lines(page, sections, preamble, offset),
        timeline=fields.timeline(page, sections, offset),
    )


def _locator(src_uri: str, offset: int) -> Callable[[int], Location]:
    return lambda index: Location(src_uri, index + offset + 1)


def _section(s: SectionRange, offset: int) -> Section:
    return Section(s.heading.text, s.key, s.heading.anchor, s.heading.index + offset + 1, s.empty)


def _title(meta: Mapping[str, Any], detection: Detection, src_uri: str) -> str:
    if detection.title is not None and (name := title_name(detection.title.text)):
        return name
    meta_title = meta.get("title")
    if isinstance(meta_title, str) and meta_title.strip():
        return title_name(meta_title) or meta_title.strip()
    if detection.title is not None and title_name(detection.title.text) is None:
        return detection.title.text
    return page_name(src_uri)


def _status(
    meta: Mapping[str, Any],
    preamble: Mapping[str, tuple[int, str]],
    table: StatusTable,
    offset: int,
) -> Status | None:
    if isinstance(meta.get("status"), str | int | float) and str(meta["status"]).strip():
        raw = str(meta["status"]).strip()
        return Status(raw, table.resolve(raw), 0, first_link(raw))
    if "status" in preamble:
        index, raw = preamble["status"]
        return Status(raw, table.resolve(raw), index + offset + 1, first_link(raw))
    return None


def _status_findings(status: Status | None, at: Callable[[int], Location]) -> list[Finding]:
    if status is None or status.canonical is not None:
        return []
    where = Location(at(0).path, status.line or 1)
    message = (
        f'unknown status "{status.raw}"; add it under `status_aliases` in mkdocs.yml '
        "or use one of the configured statuses"
    )
    return [Finding("unknown-status", Severity.WARNING, where, message)]


def _unclosed_finding(src_uri: str, line: str, number: int) -> Finding:
    """The fence on ``line`` (real line ``number``) is never closed."""
    indent = len(line) - len(line.lstrip(" \t"))
    fence = re.match(r"`+|~+", line[indent:])
    close = fence.group() if fence else "```"
    message = (
        "this code block is never closed, so MkDocs shows it, and every code block after it, "
        f"as ordinary text; close it with a line holding only {close}"
    )
    return Finding(
        "unclosed-fence", Severity.WARNING, Location(src_uri, number, indent + 1), message
    )


def _placeholders(page: Scan, offset: int, rules: ParseRules) -> tuple[Any, ...]:
    if rules.placeholders is None:
        return ()
    headings = [(h.index + offset + 1, h.text) for h in page.headings if h.level >= 2]
    return find_placeholders(
        page.lines,
        rules.placeholders,
        first_line=offset + 1,
        sections=headings,
        code=page.code,
        fences=page.fences,
    )
