"""The design catalog's data model: frozen values, no behaviour beyond derived views.

Everything here is produced by reading (:mod:`mkdocs_design.reading`) and the catalog's checks,
and consumed by the catalog, the output, the plugin and the command line. Nothing in this
module knows about MkDocs.

The small values of a page (its status, sections, components, questions …) are named tuples,
which are cheap to build for every page of every build; the page and its findings are frozen
dataclasses.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``max()`` picks the worst."""

    INFO = 20
    WARNING = 30
    ERROR = 40


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a source file.

    Attributes:
        path: The page's path relative to ``docs_dir`` (``src_uri``), with ``/`` separators.
        line: 1-based line in the real file, front matter included, so it matches the editor.
        column: 1-based column (characters, not bytes).
    """

    path: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem found in a page, as data: the caller decides whether to log or raise.

    Attributes:
        code: Stable machine identifier, e.g. ``placeholder`` or ``unknown-status``.
        severity: Suggested severity; the plugin may raise or lower it from configuration.
        location: Where the problem is.
        message: Human text without the location prefix.
    """

    code: str
    severity: Severity
    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class Status(NamedTuple):
    """A design's status as written and as understood.

    Attributes:
        raw: The text as the author wrote it (``Draft — awaiting approval``).
        canonical: The canonical status name (``Draft``), or ``None`` when unknown.
        line: Source line of the status (0 when it came from front matter only).
        link: Target of the first Markdown link in the status text, if any
            (``Superseded by [Event Bus](../platform/event-bus.md)``).
    """

    raw: str
    canonical: str | None
    line: int = 0
    link: str | None = None


class Section(NamedTuple):
    """A ``##`` section of a design page.

    Attributes:
        title: Heading text as rendered (numbering and markup stripped of Markdown syntax only).
        key: The template section it stands for (``Open Questions``), or ``None`` for an
            author's own section.
        anchor: The id MkDocs gives the heading on the rendered page.
        line: Source line of the heading.
        empty: True when the section says nothing of its own: only blank lines, template
            placeholders and the template's own sentences, labels and examples.
    """

    title: str
    key: str | None
    anchor: str
    line: int
    empty: bool = False


class Component(NamedTuple):
    """A component described in a design's Component Structure section.

    Attributes:
        name: Display name with numbering and trailing file path removed.
        anchor: The id of the component's heading on the rendered page.
        line: Source line of the heading.
        path: A file path given in the heading (``Agent Handler (`handlers/agent.go`)``).
        responsibility: The ``**Responsibility:**`` text, if any.
        dependencies: One entry per dependency listed.
        languages: Info strings of the fenced blocks under ``**Public Interface:**``.
        behaviours: The ``**Key Behaviors:**`` items.
    """

    name: str
    anchor: str
    line: int
    path: str | None = None
    responsibility: str = ""
    dependencies: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    behaviours: tuple[str, ...] = ()


class Question(NamedTuple):
    """An item of a design's Open Questions section.

    Attributes:
        text: The question as written, without list marker or task box.
        resolved: True for ``- [x]`` items, struck-through items and items of a section
            titled as resolved (``## Open Questions (Resolved)``).
        line: Source line of the item.
        anchor: The id the plugin gives the item on the rendered page; empty when it can give
            none (the item is inserted by ``pymdownx.snippets`` while the page is converted).
    """

    text: str
    resolved: bool
    line: int
    anchor: str


class Alternative(NamedTuple):
    """An alternative the design considered and rejected."""

    name: str
    rejected_because: str
    line: int


class Placeholder(NamedTuple):
    """An unresolved template placeholder left in a page.

    Attributes:
        text: The placeholder exactly as found (``[Feature Name]``); re-wrapped
            placeholders are reported with their whitespace folded to single spaces.
        line: Source line where it starts.
        column: 1-based column where it starts.
        section: Title of the section it sits in (``Created`` for metadata lines).
        in_code: True when it sits in a fenced code block.
        end_line: Source line where it ends (equal to ``line`` unless re-wrapped).
        end_column: 1-based column just past its closing bracket on ``end_line``.
        in_markup: True when it sits inside an HTML tag (``<img alt="[TBD]">``) or a link's
            destination or title, or in text ``pymdownx.snippets`` inserts: nothing can be
            inserted around it.
        anchor: The id of its mark on the rendered page, unique there; ``""`` when it cannot
            be marked.
    """

    text: str
    line: int
    column: int
    section: str
    in_code: bool = False
    end_line: int = 0
    end_column: int = 0
    in_markup: bool = False
    anchor: str = ""

    @property
    def markable(self) -> bool:
        """Whether a mark can go around it: not in code, not inside a tag or a link."""
        return not (self.in_code or self.in_markup)


@dataclass(frozen=True, slots=True)
class DesignDoc:
    """Everything the plugin knows about one design page.

    Attributes:
        src_uri: Path relative to ``docs_dir`` with ``/`` separators.
        title: The feature name (``Agent Management`` for ``# Design: Agent Management``).
        title_line: Source line of the title heading (0 when the title came from elsewhere).
        reason: The rule that detected the page (``front matter``, ``title``, ``adr``,
            ``sections``, ``file name``).
        meta: The page's front matter, as MkDocs reads it.
        created: The created date when it parses.
        created_raw: The created text as written, kept when it does not parse.
        created_line: Source line of the created date (0 for front matter or none).
        status: The status, or ``None`` when the page states none.
        authors: Owner or authors named by the page or its front matter.
        sections: The page's ``##`` sections in order.
        missing_sections: Template sections the page does not have.
        depends_on: The System Context's Depends On entries.
        used_by: The System Context's Used By entries.
        external: The System Context's External Dependencies entries.
        components: Components in page order.
        questions: Open-questions items in page order.
        alternatives: Alternatives considered.
        references: Reference entries as written.
        placeholders: Unresolved template placeholders (filled by the placeholder check).
        findings: Problems met while parsing (unknown status, bad date, bad front matter).
        context_lines: Source line of each System Context entry list (``depends on``,
            ``used by``, ``external dependencies``), for findings about them.
        timeline: Dates found in the Timeline Estimate section, with their source lines.
        family: The kind of design document: ``template``, ``kiro``, ``adr`` or ``spec``.
    """

    src_uri: str
    title: str
    title_line: int = 0
    reason: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)
    created: dt.date | None = None
    created_raw: str | None = None
    created_line: int = 0
    status: Status | None = None
    authors: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    missing_sections: tuple[str, ...] = ()
    depends_on: tuple[str, ...] = ()
    used_by: tuple[str, ...] = ()
    external: tuple[str, ...] = ()
    components: tuple[Component, ...] = ()
    questions: tuple[Question, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    references: tuple[str, ...] = ()
    placeholders: tuple[Placeholder, ...] = ()
    findings: tuple[Finding, ...] = ()
    context_lines: Mapping[str, int] = field(default_factory=dict)
    timeline: tuple[tuple[dt.date, int], ...] = ()
    family: str = ""

    @property
    def canonical_status(self) -> str | None:
        """The canonical status name, or ``None`` when absent or unknown."""
        return self.status.canonical if self.status else None

    @property
    def empty_sections(self) -> tuple[str, ...]:
        """Template sections that are present but left empty."""
        return tuple(s.key for s in self.sections if s.key and s.empty)

    @property
    def open_questions(self) -> tuple[Question, ...]:
        """The questions still unresolved."""
        return tuple(q for q in self.questions if not q.resolved)

    @property
    def resolved_questions(self) -> tuple[Question, ...]:
        """The questions marked resolved."""
        return tuple(q for q in self.questions if q.resolved)
