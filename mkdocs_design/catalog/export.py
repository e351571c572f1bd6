"""``catalog.json``: the machine-readable catalog for portals and bots (schema in the README)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from mkdocs_design.catalog.catalog import completeness

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from mkdocs_design.catalog.catalog import Catalog
    from mkdocs_design.catalog.graph import Edge
    from mkdocs_design.catalog.lifecycle import Insights
    from mkdocs_design.model import DesignDoc, Finding

VERSION = 1


#: Compact: an indented file is several times larger on a big site.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def render_json(
    catalog: Catalog,
    url_for: Callable[[str], str],
    insights: Insights | None = None,
    *,
    language: str | None = None,
    locales: Mapping[str, str] | None = None,
) -> str:
    """The catalog as JSON; keys keep a fixed order, designs the catalog's order.

    Args:
        catalog: The designs.
        url_for: A page's URL in the site, by ``src_uri``.
        insights: Graph, staleness and supersession, when derived.
        language: The catalog's language on a multilingual site (one file per language):
            adds ``language`` to the file, and to each design its own ``language`` and whether
            it is a ``fallback`` (a page in the default language, with no translation).
        locales: The language each page is written in, by ``src_uri``.
    """
    # Each design is encoded as soon as it is made, so no more than one is held as dicts.
    designs = (
        _ENCODER.encode(_localized(_design(doc, url_for, insights), language, locales))
        for doc in catalog.docs
    )
    parts = {"version": _ENCODER.encode(VERSION)}
    if language is not None:
        parts["language"] = _ENCODER.encode(language)
    parts["designs"] = f"[{','.join(designs)}]"
    if insights is not None:
        edges = (*insights.graph.design_edges, *insights.graph.component_edges)
        parts["edges"] = _ENCODER.encode([_edge(e) for e in edges])
        parts["findings"] = _ENCODER.encode([_finding(f) for f in insights.findings])
    fields = (f"{_ENCODER.encode(key)}:{value}" for key, value in parts.items())
    return "{" + ",".join(fields) + "}\n"


def _localized(
    data: dict[str, Any], language: str | None, locales: Mapping[str, str] | None
) -> dict[str, Any]:
    """A design with its language after its URL, on a multilingual site."""
    if language is None:
        return data
    written = (locales or {}).get(data["src"], language)
    out: dict[str, Any] = {}
    for key, value in data.items():
        out[key] = value
        if key == "url":
            out.update(language=written, fallback=written != language)
    return out


def _edge(edge: Edge) -> dict[str, Any]:
    return {
        "source": edge.source,
        "target": edge.target,
        "stated_by": edge.stated_by,
        "inferred": edge.inferred,
    }


def _finding(finding: Finding) -> dict[str, Any]:
    at = finding.location
    return {"code": finding.code, "src": at.path, "line": at.line, "message": finding.message}


def _design(
    doc: DesignDoc, url_for: Callable[[str], str], insights: Insights | None
) -> dict[str, Any]:
    url = url_for(doc.src_uri)
    filled, total = completeness(doc)
    data: dict[str, Any] = {
        "src": doc.src_uri,
        "url": url,
        "title": doc.title,
        "status": doc.canonical_status,
        "status_raw": doc.status.raw if doc.status else None,
        "created": doc.created.isoformat() if doc.created else None,
        "created_raw": doc.created_raw,
        "authors": list(doc.authors),
        "completeness": {"filled": filled, "total": total},
        "sections": {
            "present": [s.key for s in doc.sections if s.key],
            "missing": list(doc.missing_sections),
            "empty": list(doc.empty_sections),
        },
        "depends_on": list(doc.depends_on),
        "used_by": list(doc.used_by),
        "external": list(doc.external),
        "components": [
            {
                "name": c.name,
                "url": f"{url}#{c.anchor}",
                "path": c.path,
                "responsibility": c.responsibility,
                "dependencies": list(c.dependencies),
                "languages": list(c.languages),
                "line": c.line,
            }
            for c in doc.components
        ],
        "questions": [
            {
                "text": q.text,
                "resolved": q.resolved,
                "url": f"{url}#{q.anchor}" if q.anchor else url,
                "line": q.line,
            }
            for q in doc.questions
        ],
        "alternatives": [
            {"name": a.name, "rejected_because": a.rejected_because} for a in doc.alternatives
        ],
        "references": list(doc.references),
        "placeholders": [
            {"text": p.text, "line": p.line, "column": p.column, "section": p.section}
            for p in doc.placeholders
        ],
    }
    if insights is not None:
        data.update(_lifecycle(doc, insights))
    return data


def _lifecycle(doc: DesignDoc, insights: Insights) -> dict[str, Any]:
    stale = insights.stale.get(doc.src_uri)
    after = insights.successors.get(doc.src_uri)
    graph = insights.graph
    return {
        "superseded_by": after.src_uri if after else None,
        "supersedes": [d.src_uri for d in insights.superseded.get(doc.src_uri, [])],
        "stale": {"days": stale.days, "since": stale.since.isoformat(), "source": stale.source}
        if stale
        else None,
        "dependencies": graph.depends_on(doc.src_uri),
        "dependents": graph.dependents(doc.src_uri),
    }
