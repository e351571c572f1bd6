"""A build's findings: gathered, levelled by the configuration, and named as users see paths.

The plugin logs what :func:`levelled` returns and the command line prints it, so a build and
``mkdocs-design check`` report the same findings at the same levels.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from mkdocs_design.catalog.checks import UNKNOWN_STATUS, doc_findings, sort_findings
from mkdocs_design.catalog.graph import RECONCILE
from mkdocs_design.catalog.lifecycle import LIFECYCLE
from mkdocs_design.model import Finding, Location, Severity

if TYPE_CHECKING:
    from mkdocs_design.build import Build

LEVELS = {"info": logging.INFO, "warn": logging.WARNING, "error": logging.ERROR}
#: How a command shows a page's path: ``src_uri`` in, a path for people out.
Shower = Callable[[str], str]
# Characters a terminal acts on (escapes, line breaks, bidirectional overrides) or cannot
# print (lone surrogates from undecodable file names): page text must never reach it raw.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    r"""``text`` with every control, line-break and bidi character escaped (as ``\x1b``)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def findings(build: Build) -> list[Finding]:
    """Every finding of the build, in file and line order."""
    found = [f for doc in build.catalog.docs for f in doc_findings(doc)]
    broken = [
        Finding("broken-link", Severity.WARNING, Location(src, 1),
                f"a catalog link to '{dst}#{anchor}' has no single target (a mkdocs-design bug: "
                "please report it)")
        for src, dst, anchor in build.site.broken_links()
    ]  # fmt: skip
    remarked = build.remarked  # a changed page's markers, read as rendered, replace the source's
    problems = [f for f in build.problems if f.code != "marker" or f.location.path not in remarked]
    problems += [f for page in remarked.values() for f in page]
    return sort_findings([*found, *build.insights.findings, *problems, *build.lost, *broken])


def levelled(build: Build) -> list[tuple[Finding, str]]:
    """Every finding with the level the configuration gives it, ``ignore`` left out."""
    policy, docs = build.rules.policy, build.catalog.by_uri
    pairs = [(f, policy.level_for(f, docs.get(f.location.path))) for f in findings(build)]
    return [(f, level) for f, level in pairs if level != "ignore"]


def report(build: Build, log: logging.Logger | logging.LoggerAdapter[Any]) -> list[str]:
    """Log each finding at its level; return the ones that fail the build, as lines."""
    placed = [(where(build, f.location), f, level) for f, level in levelled(build)]
    return log_findings(placed, build.notes, log, build.rules.pages.views.get("graph"))


def log_findings(
    placed: Iterable[tuple[str, Finding, str]],
    notes: Iterable[str],
    log: logging.Logger | logging.LoggerAdapter[Any],
    graph: tuple[str, str] | None,
) -> list[str]:
    """:func:`report` for findings already placed (``path:line:column``), from any builds."""
    for note in notes:
        log.warning(printable(note))
    errors: list[str] = []
    quiet: dict[str, int] = {}
    for place, finding, level in placed:
        line = printable(f"{place}: {finding.message}")
        if level == "error":
            errors.append(line)
        elif level == "info":
            # Information is detail on demand (-v): one line below says how much there is.
            log.debug(line)
            quiet[finding.code] = quiet.get(finding.code, 0) + 1
        else:
            log.log(LEVELS[level], line)
    if quiet:
        log.info(summary(quiet, graph))
    return errors


#: How the summary line names information findings, and the option that logs each one.
_QUIET = {
    RECONCILE: ("about dependencies between designs", "reconcile"),
    LIFECYCLE: ("about dates", "lifecycle_checks"),
    UNKNOWN_STATUS: ("about unknown statuses", "status_unknown"),
}


def summary(counts: dict[str, int], graph: tuple[str, str] | None) -> str:
    """One line for the information findings left out of the log: how many, where they are."""
    parts = []
    for code, count in sorted(counts.items()):
        about, option = _QUIET.get(code, (f"({code})", ""))
        shown = [f"also on {graph[0]}"] if code == RECONCILE and graph else []
        shown += [f"`{option}: warn` logs each"] if option else []
        parts.append(f"{count} {about}" + (f" ({'; '.join(shown)})" if shown else ""))
    notes = sum(counts.values())
    return f"{notes} note{'' if notes == 1 else 's'} not logged (-v lists them): " + ", ".join(
        parts
    )


def shown_path(build: Build, src_uri: str) -> str:
    """The path users see for a page: relative to the folder of ``mkdocs.yml``."""
    page = build.pages.get(src_uri)
    if page is None or page.path is None:
        return src_uri
    return os.path.relpath(page.path, build.root).replace(os.sep, "/")


def where(build: Build, at: Location) -> str:
    """``path:line:column`` as printed in messages."""
    return f"{shown_path(build, at.path)}:{at.line}:{at.column}"
