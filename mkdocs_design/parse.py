"""Detect design pages and parse each one, once, into a :class:`~mkdocs_design.model.DesignDoc`.

Pure: takes the page's source text and the site's rules, imports nothing from MkDocs, never
logs and never raises for bad input. Problems become :class:`~mkdocs_design.model.Finding`
values on the model, with lines counted from the top of the real file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml
from markdown.extensions.toc import slugify as toc_slugify

from mkdocs_design import components as comps
from mkdocs_design import fields
from mkdocs_design.model import DesignDoc, Finding, Location, Section, Severity, Status
from mkdocs_design.placeholders import PlaceholderRules, find_placeholders
from mkdocs_design.scan import Heading, Scan, Slugify, scan
from mkdocs_design.sections import SectionRange, distinctive, sections_of, template_sections
from mkdocs_design.statuses import StatusTable, first_link

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

# The same pattern MkDocs uses (mkdocs/utils/meta.py), so we see the front matter MkDocs sees.
_YAML_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_DESIGN_TITLE = re.compile(
    r"^(?:technical\s+)?design(?:\s+doc(?:ument)?)?\s*[:\u2014\u2013-]\s*(?P<name>.+)$", re.I
)
# "X — Design", "X - Technical Design", "X: Design Doc"; never without the dash, since
# "How to write a design document" or "Responsive Design" name no design.
_SUFFIX_TITLE = re.compile(
    r"^(?P<name>.+?)\s+[:\u2014\u2013-]\s+(?:technical\s+)?design(?:\s+doc(?:ument)?)?$", re.I
)
# Kiro's bare "Design Document"; a plain "Design" is more often a section's index page.
_BARE_TITLE = re.compile(r"^(?:technical\s+design|design\s+doc)(?:ument)?$", re.I)
_MIN_SECTIONS = 3
# The loader MkDocs reads front matter with (mkdocs/utils/meta.py): libyaml's when PyYAML was
# built with it, as its wheels are. The two disagree on some input (`a:\tb` is a mapping to
# libyaml, an error to the pure-Python loader), and libyaml is 7x faster (0.04 against 0.28 ms
# for a seven-line block).
_LOADER: type[yaml.CSafeLoader] | type[yaml.SafeLoader] = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)


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


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A page's front matter split off its body.

    Attributes:
        meta: The YAML mapping, empty when there is none or it is invalid.
        offset: Number of source lines before the body, so ``offset + index + 1`` is a real line.
        error: A finding when the YAML block is invalid (MkDocs then renders it as text).
    """

    meta: Mapping[str, Any]
    offset: int
    error: Finding | None = None


@dataclass(frozen=True, slots=True)
class Detection:
    """Whether a page is a design page, and why.

    Attributes:
        reason: ``front matter``, ``title`` or ``sections``; empty when not a design page.
        explanation: A sentence for people (``explain`` prints it).
        title: The heading that made the decision, if any.
        sections: The distinctive template sections found.
    """

    reason: str
    explanation: str
    title: Heading | None = None
    sections: tuple[str, ...] = ()

    @property
    def is_design(self) -> bool:
        """True when the page is a design page."""
        return bool(self.reason)


def split_front_matter(src_uri: str, source: str) -> FrontMatter:
    """Split YAML front matter as MkDocs does, but report invalid YAML instead of hiding it."""
    match = _YAML_RE.match(source)
    if not match:
        return FrontMatter({}, 0)
    try:
        data = yaml.load(match.group(1), Loader=_LOADER)
    # Not only YAMLError: `created: 2025-13-01` is a ValueError from the date constructor.
    # MkDocs catches every exception here too (mkdocs/utils/meta.py) and keeps the page.
    except Exception as error:
        if not match.group(1).strip(" \t").startswith(("\n", "#")):
            return FrontMatter({}, 0, _yaml_finding(src_uri, error))
        # "---", a blank line, then "# Title": a thematic break, not front matter.
        return FrontMatter({}, 0)
    if not isinstance(data, dict):
        return FrontMatter({}, 0)
    rest = source[match.end() :]
    skipped = len(rest) - len(rest.lstrip("\n"))
    return FrontMatter(data, match.group(0).count("\n") + skipped)


def _yaml_finding(src_uri: str, error: Exception) -> Finding:
    mark = getattr(error, "problem_mark", None)
    line = 2 + (mark.line if mark is not None else 0)
    problem = getattr(error, "problem", None) or str(error) or "invalid YAML"
    message = f"front matter is not valid YAML ({problem}); MkDocs shows it as text"
    return Finding("front-matter", Severity.WARNING, Location(src_uri, line), message)


def body_lines(source: str, front: FrontMatter) -> list[str]:
    r"""The page body's lines, after front matter, with any line ending removed.

    Lines end at ``\n`` only, as Python-Markdown splits them and editors count them: not at
    the form feeds, ``U+2028`` and other separators ``str.splitlines`` also breaks at, which
    would shift every line after them.
    """
    lines = source.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines[front.offset :]


def detect(front: FrontMatter, page: Scan, rules: ParseRules) -> Detection:
    """Decide whether a page is a design page; see the README's detection rules."""
    h1 = next((h for h in page.headings if h.level == 1), None)
    found = tuple(
        dict.fromkeys(k for h in page.headings if h.level == 2 if (k := distinctive(h.text)))
    )
    flag = front.meta.get("design")
    if flag is False:
        return Detection("", "front matter says `design: false`", h1, found)
    if flag is True:
        return Detection("front matter", "front matter says `design: true`", h1, found)
    if rules.detect == "front_matter":
        message = "`detect: front_matter` is set and the page has no `design: true`"
        return Detection("", message, h1, found)
    if h1 is not None and _title_name(h1.text) is not None:
        return Detection("title", f"its title `{h1.text}` reads as a design title", h1, found)
    if len(found) >= _MIN_SECTIONS:
        listed = ", ".join(f"`## {s}`" for s in found)
        return Detection("sections", f"it has {len(found)} template sections: {listed}", h1, found)
    return Detection("", _near_miss(h1, found), h1, found)


def _near_miss(h1: Heading | None, found: Sequence[str]) -> str:
    has = " and ".join(f"`## {s}`" for s in found) if found else "no template sections"
    title = f"its title `{h1.text}` is not `Design: …`" if h1 else "it has no level-1 title"
    need = f"{_MIN_SECTIONS} template sections are needed"
    return f"has {has} but {title}, and {need}" if found else f"has {has} and {title}"


def _title_name(title: str) -> str | None:
    for pattern in (_DESIGN_TITLE, _SUFFIX_TITLE):
        if match := pattern.match(title.strip()):
            return match.group("name").strip()
    return "" if _BARE_TITLE.match(title.strip()) else None


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
    questions = fields.questions(page, sections, rules.slugify, rules.separator, offset)
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
        questions=questions,
        alternatives=fields.alternatives(page, sections, offset),
        references=fields.references(page, sections),
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
    if detection.title is not None and (name := _title_name(detection.title.text)):
        return name
    meta_title = meta.get("title")
    if isinstance(meta_title, str) and meta_title.strip():
        return _title_name(meta_title) or meta_title.strip()
    if detection.title is not None and _title_name(detection.title.text) is None:
        return detection.title.text
    return fields.title_from_path(src_uri)


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
