"""``mkdocs-design explain``: whether a page is a design page, why, and what was read from it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs_design.checks import doc_findings
from mkdocs_design.parse import body_lines, build_doc, detect, split_front_matter
from mkdocs_design.scan import scan

if TYPE_CHECKING:
    from mkdocs_design.model import DesignDoc
    from mkdocs_design.parse import ParseRules


def explain(path: str, source: str, rules: ParseRules) -> str:
    """A report for people: the detection verdict and reason, then the extracted model."""
    front = split_front_matter(path, source)
    page = scan(body_lines(source, front), rules.slugify, rules.separator, attr_list=rules.attr_list)
    verdict = detect(front, page, rules)
    if not verdict.is_design:
        return f"{path}: not a design page: it {verdict.explanation}.\n"
    doc = build_doc(path, front, page, verdict, rules)
    return f"{path}: a design page, because {verdict.explanation}.\n" + describe(doc)


def describe(doc: DesignDoc) -> str:
    """The model of one design page, one fact a line."""
    status = "none"
    if doc.status is not None:
        status = f"{doc.status.raw} ({doc.status.canonical or 'unknown status'})"
    present = [s.key for s in doc.sections if s.key]
    lines = [
        f"  title:       {doc.title}",
        f"  status:      {status}",
        f"  created:     {doc.created or doc.created_raw or 'none'}",
        f"  authors:     {', '.join(doc.authors) or 'none'}",
        f"  sections:    {len(present)} of the template's; missing: {', '.join(doc.missing_sections) or 'none'}",
        f"  empty:       {', '.join(doc.empty_sections) or 'none'}",
        f"  depends on:  {', '.join(doc.depends_on) or 'none'}",
        f"  used by:     {', '.join(doc.used_by) or 'none'}",
        f"  components:  {len(doc.components)}",
        *(f"    - {c.name} (line {c.line}, #{c.anchor})" for c in doc.components),
        f"  questions:   {len(doc.open_questions)} open, {len(doc.resolved_questions)} resolved",
        *(f"    - [{'x' if q.resolved else ' '}] {q.text} (line {q.line})" for q in doc.questions),
        f"  placeholders: {len(doc.placeholders)}",
        *(f"    - {f}" for f in doc_findings(doc)),
    ]
    return "\n".join(lines) + "\n"
