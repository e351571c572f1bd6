"""Lifecycle facts a reader needs: banners, supersession, staleness and date sanity.

Pure: takes designs, the catalog and "today" (the caller decides what today is, so builds and
tests are reproducible), and returns values; the plugin decides how to show or log them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from mkdocs_design.catalog.graph import Graph, build_graph
from mkdocs_design.model import Finding, Location, Severity
from mkdocs_design.reading.statuses import ENDED, SETTLED

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Collection, Mapping, Sequence

    from mkdocs_design.catalog.catalog import Catalog
    from mkdocs_design.model import DesignDoc

LIFECYCLE = "lifecycle"


def successor(doc: DesignDoc, catalog: Catalog) -> DesignDoc | None:
    """The design a status line links to (``Superseded by [Event Bus](event-bus.md)``).

    Only a design that is over (a status like Superseded, Deprecated or Rejected) has a
    successor: a link on any other status line (``Approved, see [RFC](rfc.md)``) names none.
    """
    link = doc.status.link if doc.status else None
    if catalog.statuses.role(doc.canonical_status) not in ENDED or not link:
        return None
    url = urlsplit(link)
    if url.scheme or url.netloc or not url.path or url.path.startswith("/"):
        return None
    folder = posixpath.dirname(doc.src_uri)
    target = posixpath.normpath(posixpath.join(folder, unquote(url.path)))
    found = catalog.by_uri.get(target)
    return found if found is not doc else None


def supersessions(catalog: Catalog) -> dict[str, list[DesignDoc]]:
    """For each design, the designs whose status line names it as successor."""
    found: dict[str, list[DesignDoc]] = {}
    for doc in catalog.docs:
        if (after := successor(doc, catalog)) is not None:
            found.setdefault(after.src_uri, []).append(doc)
    return found


@dataclass(frozen=True, slots=True)
class Staleness:
    """Why a design counts as stale.

    Attributes:
        days: Days since the design last changed.
        since: The date it last changed.
        source: ``git`` or ``created``.
    """

    days: int
    since: dt.date
    source: str


def staleness(
    docs: Sequence[DesignDoc],
    last_changed: Mapping[str, dt.date],
    today: dt.date,
    *,
    after_days: int,
    statuses: Collection[str] = ("Draft", "In Review"),
) -> dict[str, Staleness]:
    """Designs still in an early status longer than ``after_days`` (0 turns this off).

    Age counts from the last change in git when known, else from the Created date.
    """
    stale: dict[str, Staleness] = {}
    if after_days <= 0:
        return stale
    for doc in docs:
        if doc.canonical_status not in statuses:
            continue
        since, source = (
            (last_changed[doc.src_uri], "git")
            if doc.src_uri in last_changed
            else (doc.created, "created")
        )
        if since is not None and (today - since).days > after_days:
            stale[doc.src_uri] = Staleness((today - since).days, since, source)
    return stale


def date_findings(
    doc: DesignDoc, today: dt.date, settled: frozenset[str], severity: Severity = Severity.INFO
) -> list[Finding]:
    """A Created date in the future; a timeline whose dates have all passed while not settled.

    Args:
        doc: The design.
        today: What today is.
        settled: The statuses whose timeline may lie in the past without remark.
        severity: The findings' severity.
    """
    found: list[Finding] = []
    if doc.created is not None and doc.created > today:
        message = f"created date {doc.created.isoformat()} is in the future"
        found.append(
            Finding(LIFECYCLE, severity, Location(doc.src_uri, doc.created_line or 1), message)
        )
    if doc.timeline and doc.canonical_status not in settled:
        last, line = max(doc.timeline)
        if last < today:
            status = doc.canonical_status or (doc.status.raw if doc.status else "not set")
            message = f"the timeline ended on {last.isoformat()} but the status is still {status}"
            found.append(Finding(LIFECYCLE, severity, Location(doc.src_uri, line), message))
    return found


@dataclass(frozen=True)
class Insights:
    """What the build derives across designs, beyond the catalog itself.

    Attributes:
        graph: The dependency graph and its reconciliation findings.
        stale: Stale designs by ``src_uri``.
        successors: ``src_uri`` → the design it is superseded by.
        superseded: ``src_uri`` → designs it supersedes.
        findings: Reconciliation and date findings.
    """

    graph: Graph
    stale: Mapping[str, Staleness]
    successors: Mapping[str, DesignDoc]
    superseded: Mapping[str, list[DesignDoc]]
    findings: tuple[Finding, ...]

    @classmethod
    def derive(
        cls,
        catalog: Catalog,
        *,
        last_changed: Mapping[str, dt.date],
        today: dt.date,
        stale_after_days: int = 90,
        stale_statuses: Collection[str] = ("Draft", "In Review"),
    ) -> Insights:
        """Derive everything once per build."""
        graph = build_graph(catalog)
        stale = staleness(
            catalog.docs, last_changed, today, after_days=stale_after_days, statuses=stale_statuses
        )
        successors = {
            d.src_uri: s for d in catalog.docs if (s := successor(d, catalog)) is not None
        }
        settled = catalog.statuses.having(SETTLED)
        dated = [f for doc in catalog.docs for f in date_findings(doc, today, settled)]
        return cls(graph, stale, successors, supersessions(catalog), (*graph.findings, *dated))
