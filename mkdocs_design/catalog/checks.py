"""Checks over the parsed designs, and the policy that turns findings into log levels.

Pure: checks return :class:`~mkdocs_design.model.Finding` values; :meth:`Policy.level_for` decides
what the configuration makes of each one. The plugin and the command line share both, so a
build and ``mkdocs-design check`` always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs_design.catalog.graph import RECONCILE
from mkdocs_design.catalog.lifecycle import LIFECYCLE
from mkdocs_design.model import DesignDoc, Finding, Location, Severity

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs_design.reading.statuses import StatusTable

PLACEHOLDER = "placeholder"
UNKNOWN_STATUS = "unknown-status"


def placeholder_findings(doc: DesignDoc) -> list[Finding]:
    """One finding per unresolved placeholder: ``unresolved placeholder "[Date]" (Created)``."""
    found = []
    for p in doc.placeholders:
        where = f" ({p.section})" if p.section else ""
        message = f'unresolved placeholder "{p.text}"{where}'
        found.append(
            Finding(PLACEHOLDER, Severity.WARNING, Location(doc.src_uri, p.line, p.column), message)
        )
    return found


def doc_findings(doc: DesignDoc) -> list[Finding]:
    """Everything found on one design page: parse problems, then placeholders."""
    return [*doc.findings, *placeholder_findings(doc)]


@dataclass(frozen=True, slots=True)
class Policy:
    """What the configuration makes of findings.

    Attributes:
        placeholders: ``ignore``, ``warn`` or ``error``.
        error_from: With ``error``, the status from which placeholders fail (``None``: all).
        unknown_status: Level for unknown statuses (``ignore``/``info``/``warn``/``error``).
        statuses: The status vocabulary, for the lifecycle threshold.
        serving: True under ``mkdocs serve``.
        error_on_serve: Whether ``error`` still fails builds under ``serve``.
        reconcile: Level for pages that disagree (``reconcile`` findings).
        lifecycle: Level for dates that cannot be right (``lifecycle`` findings).
    """

    placeholders: str = "warn"
    error_from: str | None = None
    unknown_status: str = "warn"
    statuses: StatusTable | None = None
    serving: bool = False
    error_on_serve: bool = False
    reconcile: str = "info"
    lifecycle: str = "info"

    def level_for(self, finding: Finding, doc: DesignDoc | None) -> str:
        """``ignore``, ``info``, ``warn`` or ``error`` for one finding."""
        if finding.code == PLACEHOLDER:
            level = self._placeholder_level(doc)
        elif finding.code == UNKNOWN_STATUS:
            level = self.unknown_status
        elif finding.code in (RECONCILE, LIFECYCLE):
            level = self.reconcile if finding.code == RECONCILE else self.lifecycle
        else:
            level = {Severity.INFO: "info", Severity.WARNING: "warn", Severity.ERROR: "error"}[
                finding.severity
            ]
        if level == "error" and self.serving and not self.error_on_serve:
            return "warn"
        return level

    def _placeholder_level(self, doc: DesignDoc | None) -> str:
        if self.placeholders != "error" or self.error_from is None or self.statuses is None:
            return self.placeholders
        status = doc.canonical_status if doc else None
        if status is not None and self.statuses.rank(status) >= self.statuses.rank(self.error_from):
            return "error"
        return "warn"


def sort_findings(found: Iterable[Finding]) -> list[Finding]:
    """Findings in file, line, column order: the order a reader fixes them."""
    return sorted(
        found, key=lambda f: (f.location.path, f.location.line, f.location.column, f.message)
    )
