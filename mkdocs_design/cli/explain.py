"""``mkdocs-design explain``: whether a page is a design page, why, and what was read from it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs_design.catalog.checks import placeholder_findings
from mkdocs_design.reading.parse import build_doc, read

if TYPE_CHECKING:
    from mkdocs_design.model import DesignDoc
    from mkdocs_design.reading.detect import Detection
    from mkdocs_design.reading.parse import ParseRules


def explain(path: str, source: str, rules: ParseRules, *, left_out: str | None = None) -> str:
    """A report for people: the detection verdict and reason, then the extracted model.

    Args:
        path: The page's path as the user gave it; it also names the page in findings.
        source: The page's full source, front matter included.
        rules: The site's parsing rules.
        left_out: Why the build never looks at this page (``include``/``exclude`` globs,
            ``exclude_docs``), when it does not.
    """
    if left_out:
        return f"{path}: not a design page: {left_out}, so the build never looks at it.\n"
    try:
        return _explain(path, source, rules)
    except Exception as error:  # the build skips such a page with a warning; say the same
        return (
            f"{path}: could not be read as a design page ({type(error).__name__}: {error}); "
            "the build skips it.\n"
        )


def _explain(path: str, source: str, rules: ParseRules) -> str:
    front, page, verdict = read(path, source, rules)
    if not verdict.is_design:
        return f"{path}: not a design page: {_clause(verdict)}.\n"
    doc = build_doc(path, front, page, verdict, rules)
    rule = f"rule: {verdict.rule}; family: {verdict.family or 'unknown'}"
    return f"{path}: a design page, because {verdict.explanation} ({rule}).\n" + describe(doc)


def _clause(verdict: Detection) -> str:
    """The reason as a clause: the near-miss sentences start at the verb (``has …``)."""
    reason = verdict.explanation
    return f"it {reason}" if reason.startswith("has ") else reason


def describe(doc: DesignDoc) -> str:
    """The model of one design page, one fact a line."""
    status = "none"
    if doc.status is not None:
        status = f"{doc.status.raw} ({doc.status.canonical or 'unknown status'})"
    present = [s.key for s in doc.sections if s.key]
    holes = placeholder_findings(doc)
    lines = [
        f"  title:        {doc.title}",
        f"  status:       {status}",
        f"  created:      {doc.created or doc.created_raw or 'none'}",
        f"  authors:      {', '.join(doc.authors) or 'none'}",
        f"  sections:     {len(present)} of the template's; "
        f"missing: {', '.join(doc.missing_sections) or 'none'}",
        f"  empty:        {', '.join(doc.empty_sections) or 'none'}",
        f"  depends on:   {', '.join(doc.depends_on) or 'none'}",
        f"  used by:      {', '.join(doc.used_by) or 'none'}",
        f"  components:   {len(doc.components)}",
        *(f"    - {c.name} (line {c.line}, #{c.anchor})" for c in doc.components),
        f"  questions:    {len(doc.open_questions)} open, {len(doc.resolved_questions)} resolved",
        *(f"    - [{'x' if q.resolved else ' '}] {q.text} (line {q.line})" for q in doc.questions),
        f"  placeholders: {len(holes)}",
        *(f"    - {f}" for f in holes),
        f"  problems:     {len(doc.findings)}",
        *(f"    - {f}" for f in doc.findings),
    ]
    return "\n".join(lines) + "\n"
