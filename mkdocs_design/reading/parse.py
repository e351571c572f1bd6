"""Detect design pages and parse each one, once, into a :class:`~mkdocs_design.model.DesignDoc`.

Pure: takes the page's source text and the site's rules, imports nothing from MkDocs, never
logs and never raises for bad input. Problems become :class:`~mkdocs_design.model.Finding`
values on the model, with lines counted from the top of the real file.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markdown.extensions.toc import slugify as toc_slugify
from markdown.extensions.toc import unique

from mkdocs_design.model import DesignDoc, Finding, Location, Placeholder, Section, Severity
from mkdocs_design.reading import alternatives, fields, questions
from mkdocs_design.reading import components as comps
from mkdocs_design.reading.detect import Detection, detect
from mkdocs_design.reading.frontmatter import FrontMatter, body_lines, split_front_matter
from mkdocs_design.reading.leftovers import Content, is_template_text
from mkdocs_design.reading.placeholders import PlaceholderRules, find_placeholders
from mkdocs_design.reading.places import ALL_CONTAINERS
from mkdocs_design.reading.scan import Scan, Slugify, scan
from mkdocs_design.reading.sections import SectionRange, sections_of, template_sections
from mkdocs_design.reading.status import read_status
from mkdocs_design.reading.statuses import StatusTable
from mkdocs_design.reading.text import page_name
from mkdocs_design.reading.vocabulary import Vocabulary

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

#: The id of the n-th placeholder mark on a page (from 1), unless the page already has it.
MARK_ID = "design-placeholder-{}"

#: "User Authentication System Design": an English title ending in its kind, once detected.
# "(?:(?<!\s)|(?!\s))": never from inside a run of spaces, which its first space already read.
_ENDS_IN_KIND = re.compile(
    r"(?:(?<!\s)|(?!\s))\s+(?:technical\s+)?design(?:\s+(?:doc|document|spec))?$", re.I
)
#: A decision record's number before its name: "ADR 003: ", "0004 — ".
_DECISION_NUMBER = re.compile(r"^(?:(?:adr|rfc|dec)[\s-]?)?(?:\d{1,5}|N{2,5})\s*[:：.—–-]\s*", re.I)
#: A trailing code span in parentheses, an alias rather than part of the name: "(`doctor`)".
_CODE_ALIAS = re.compile(r"(?:(?<!\s)|(?!\s))\s*[(（]`[^`]*`[)）]$")


@dataclass(frozen=True, slots=True)
class ParseRules:
    """Everything site-specific the parser needs, settled once per build.

    Attributes:
        statuses: The status vocabulary.
        slugify: The site's ``toc`` slugify, so anchors match the rendered page.
        separator: The site's ``toc`` separator.
        attr_list: Whether ``attr_list`` is enabled (``{#id}`` on headings).
        containers: The containers the site's Markdown reads (:func:`.places.containers`),
            ``<div markdown>`` with ``md_in_html`` among them.
        detect: ``auto`` (front matter, title or sections) or ``front_matter`` only.
        placeholders: Placeholder rules, or ``None`` to skip the placeholder scan.
        vocabulary: The words pages are written with, in every language.
    """

    statuses: StatusTable = field(default_factory=StatusTable.build)
    slugify: Slugify = toc_slugify
    separator: str = "-"
    attr_list: bool = False
    containers: frozenset[str] = ALL_CONTAINERS
    detect: str = "auto"
    placeholders: PlaceholderRules | None = None
    vocabulary: Vocabulary = field(default_factory=Vocabulary.build)

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
        rest = (self.statuses, self.separator, self.attr_list, self.containers, self.detect,
                self.placeholders)  # fmt: skip
        return (*rest, id(self.vocabulary), slugify)


def parse_page(src_uri: str, source: str, rules: ParseRules) -> DesignDoc | None:
    """Parse one page; ``None`` when it is not a design page.

    Args:
        src_uri: The page's path relative to ``docs_dir``, with ``/`` separators.
        source: The page's full source text, front matter included.
        rules: The site's parsing rules.
    """
    front, page, detection = read(src_uri, source, rules)
    return build_doc(src_uri, front, page, detection, rules) if detection.is_design else None


def read(src_uri: str, source: str, rules: ParseRules) -> tuple[FrontMatter, Scan, Detection]:
    """A page's front matter, its scanned body, and whether it is a design page."""
    # MkDocs reads pages as utf-8-sig with universal newlines; callers holding raw text get the
    # same, so a BOM or CR line endings change nothing.
    source = source.removeprefix("\ufeff")
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    front = split_front_matter(src_uri, source)
    page = scan(
        body_lines(source, front),
        rules.slugify,
        rules.separator,
        attr_list=rules.attr_list,
        md_in_html="markdown" in rules.containers,
    )
    return front, page, detect(front, page, rules.vocabulary, src_uri, mode=rules.detect)


def build_doc(
    src_uri: str, front: FrontMatter, page: Scan, detection: Detection, rules: ParseRules
) -> DesignDoc:
    """Assemble the model of a detected design page."""
    offset, vocabulary = front.offset, rules.vocabulary
    sections = sections_of(page, vocabulary)
    preamble = fields.preamble(page, vocabulary)
    status = read_status(front.meta, preamble, fields.status_section(page, sections, vocabulary),
                         rules.statuses, offset)  # fmt: skip
    created, created_raw, created_line = fields.created(front.meta, preamble, offset)
    found: list[Finding] = [front.error] if front.error else []
    if status is not None and status.canonical is None:
        found.append(_unknown_status(src_uri, status.raw, status.line, rules.statuses))
    if page.unclosed is not None:
        found.append(_unclosed(src_uri, page.lines[page.unclosed], page.unclosed + offset + 1))
    if created is None and created_raw is not None and not is_template_text(created_raw):
        # The template's own "[Date]" is a blank, which the placeholder gate reports.
        at = Location(src_uri, created_line or 1)
        found.append(Finding("bad-date", Severity.WARNING, at, fields.date_problem(created_raw)))
    context, context_at = fields.system_context(page, sections, preamble, vocabulary)
    components, comp_findings = comps.components(page, sections, vocabulary, src_uri, offset)
    asked = questions.questions(page, sections, rules.slugify, rules.separator, offset)
    taken = [*page.ids, *(q.anchor for q in asked)]
    placeholders = _marked(_placeholders(page, offset, rules), taken)
    kept = _sections(page, sections, placeholders, offset)
    present = {s.key for s in kept if s.key}
    return DesignDoc(
        src_uri=src_uri,
        title=_title(front.meta, detection, src_uri, vocabulary),
        title_line=detection.title.index + offset + 1 if detection.title else 0,
        reason=detection.rule,
        meta=dict(front.meta),
        created=created,
        created_raw=created_raw,
        created_line=created_line,
        status=status,
        authors=fields.authors(front.meta, preamble),
        sections=kept,
        missing_sections=tuple(s for s in template_sections() if s not in present),
        depends_on=context.get("depends on", ()),
        used_by=context.get("used by", ()),
        external=context.get("external dependencies", ()),
        components=components,
        questions=asked,
        alternatives=alternatives.alternatives(page, sections, vocabulary, offset),
        references=alternatives.references(page, sections, vocabulary),
        placeholders=placeholders,
        findings=(*found, *comp_findings),
        context_lines={key: index + offset + 1 for key, index in context_at.items()},
        timeline=fields.timeline(page, sections, offset),
        family=detection.family,
    )


def _sections(
    page: Scan,
    sections: Sequence[SectionRange],
    placeholders: Sequence[Placeholder],
    offset: int,
) -> tuple[Section, ...]:
    """The sections, each empty unless it says more than placeholders and template text."""
    content = Content(  # text in raw HTML blocks is the author's too: readers see it
        page.prose or page.lines,
        placeholders,
        offset + 1,
        frozenset(h.index for h in page.headings),
    )
    return tuple(
        Section(
            s.heading.text,
            s.key,
            s.heading.anchor,
            s.heading.index + offset + 1,
            not content.within(s.start, s.end),
        )
        for s in sections
    )


def _title(
    meta: Mapping[str, Any], detection: Detection, src_uri: str, vocabulary: Vocabulary
) -> str:
    """The feature's name: from the title, front matter ``title``, or the page's path."""
    heading = detection.title.text if detection.title is not None else None
    if heading is not None and detection.family == "adr":
        heading = _DECISION_NUMBER.sub("", heading) or heading
    if heading is not None and (name := vocabulary.title_name(heading)):
        return _CODE_ALIAS.sub("", name) or name
    meta_title = meta.get("title")
    if isinstance(meta_title, str) and meta_title.strip():
        return vocabulary.title_name(meta_title) or meta_title.strip()
    if heading is not None and vocabulary.title_name(heading) is None:
        return _ENDS_IN_KIND.sub("", heading) or heading
    return page_name(src_uri)


def _unknown_status(src_uri: str, raw: str, line: int, statuses: StatusTable) -> Finding:
    guess = statuses.suggest(raw)
    hint = f' (did you mean "{guess}"?)' if guess else ""
    message = (
        f'unknown status "{raw}"{hint}; add it under `status_aliases` in mkdocs.yml '
        "or use one of the configured statuses"
    )
    return Finding("unknown-status", Severity.WARNING, Location(src_uri, line or 1), message)


def _unclosed(src_uri: str, line: str, number: int) -> Finding:
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


def _marked(found: Sequence[Placeholder], taken: Iterable[str]) -> tuple[Placeholder, ...]:
    """Each placeholder that can be marked, with its mark's id: unique beside the page's own.

    Heading ids and question anchors are on the page already (``toc`` does not see raw HTML,
    so it would not tell ``# Design placeholder 1`` from the first mark).
    """
    used, numbers = set(taken), itertools.count(1)
    return tuple(
        p._replace(anchor=unique(MARK_ID.format(next(numbers)), used)) if p.markable else p
        for p in found
    )


def _placeholders(page: Scan, offset: int, rules: ParseRules) -> tuple[Placeholder, ...]:
    if rules.placeholders is None:
        return ()
    headings = [(h.index + offset + 1, h.text) for h in page.headings if h.level >= 2]
    return find_placeholders(
        page.prose or page.lines,
        rules.placeholders,
        first_line=offset + 1,
        sections=headings,
        code=page.code,
        fences=page.fences,
        written=page.written,
        opens=rules.containers,
    )
