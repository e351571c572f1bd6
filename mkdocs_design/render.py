"""Render the catalog: status badges (HTML), the three views (Markdown) and ``catalog.json``.

Pure and deterministic: every function takes what it needs as arguments and returns text.
Views are Jinja2 templates shipped in ``mkdocs_design/templates``; every value they print is
escaped for Markdown and HTML unless it is :class:`~markupsafe.Markup` built here, so text
from a page can never become markup on another page.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import cache
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from mkdocs_design.catalog import Catalog, ComponentEntry, completeness
from mkdocs_design.statuses import slug

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from mkdocs_design.model import DesignDoc, Status

JSON_VERSION = 1
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#<>!])")
_SPACES = re.compile(r"\s+")
_COLOR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|hsl)a?\([0-9.,%\s]+\))$")


def md_text(value: object) -> Markup:
    """Escape any text for a Markdown page: HTML-escaped, Markdown syntax backslash-escaped."""
    if isinstance(value, Markup):
        return value
    text = html.escape(_SPACES.sub(" ", str(value)), quote=False)
    return Markup(
        _MD_SPECIAL.sub(r"\\\1", text).replace("\\&lt;", "&lt;").replace("\\&gt;", "&gt;")
    )


def relative(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """The relative ``.md`` link from one page to another (MkDocs resolves and validates it)."""
    target = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    if to_uri == from_uri:
        target = ""
    return f"{target}#{anchor}" if anchor else target or "#"


def link(text: object, from_uri: str, to_uri: str, anchor: str = "") -> Markup:
    """A Markdown link with escaped text."""
    return Markup(f"[{md_text(text)}]({relative(from_uri, to_uri, anchor)})")


def badge(status: Status | None, colors: dict[str, str] | None = None) -> Markup:
    """The status badge, ``<span class="design-badge design-badge--draft" ...>``.

    The word is always visible, and without the stylesheet the badge still reads
    "Status: Draft". Unknown statuses render neutrally with the raw text.
    """
    if status is None:
        name, text, css = "none", "not set", "none"
    elif status.canonical is None:
        name, text, css = "unknown", status.raw, "unknown"
    else:
        name, text, css = status.canonical, status.canonical, slug(status.canonical)
    color = (colors or {}).get(name)
    style = f' style="--design-badge-color: {color}"' if color and _COLOR.match(color) else ""
    return Markup(
        '<span class="design-badge design-badge--{css}" data-design-status="{name}"{style}>'
        '<span class="design-badge__label">Status: </span>{text}</span>'
    ).format(css=css, name=name, style=Markup(style), text=text)


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("mkdocs_design", "templates"),
        autoescape=False,  # Markdown, not HTML: `finalize` escapes every printed value instead.
        finalize=md_text,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(link=link, completeness=completeness)
    return env


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def render_overview(
    catalog: Catalog,
    docs: Sequence[DesignDoc],
    from_uri: str,
    *,
    title: str | None,
    colors: dict[str, str],
) -> str:
    """The catalog overview: totals per status, then one row per design in catalog order."""
    totals: dict[str, int] = {}
    for doc in docs:
        status = doc.canonical_status or ("Unknown" if doc.status else "None")
        totals[status] = totals.get(status, 0) + 1
    order = [name for name, _ in catalog.status_totals() if name in totals]
    return _render(
        "overview.md.j2", title=title, docs=docs, from_uri=from_uri, catalog=catalog,
        totals=[(name, totals[name]) for name in order], badge=lambda s: badge(s, colors),
    )  # fmt: skip


def render_components(
    catalog: Catalog,
    entries: Sequence[ComponentEntry],
    from_uri: str,
    *,
    title: str | None,
    index_uri: str | None = None,
) -> str:
    """The component index: one row per distinct component, alphabetical.

    Args:
        catalog: The whole catalog (dependencies may name components outside ``entries``).
        entries: The rows to show.
        from_uri: The page the view is rendered into (links are relative to it).
        title: A level-1 title, or ``None`` for a view embedded in a page.
        index_uri: The generated component index, where rows not shown here link to.
    """
    shown = {entry.key for entry in entries}

    def component_link(name: str) -> Markup:
        entry = catalog.find_component(name)
        if entry is not None and entry.key in shown:
            return link(name, from_uri, from_uri, entry.anchor)
        if entry is not None and index_uri is not None:
            return link(name, from_uri, index_uri, entry.anchor)
        return md_text(name)

    return _render(
        "components.md.j2",
        title=title,
        entries=entries,
        from_uri=from_uri,
        component_link=component_link,
    )


def render_questions(
    catalog: Catalog,
    docs: Sequence[DesignDoc],
    from_uri: str,
    *,
    title: str | None,
    colors: dict[str, str],
) -> str:
    """The open-questions dashboard: totals, call-outs, open questions by design, then resolved."""
    return _render(
        "questions.md.j2", title=title, docs=docs, from_uri=from_uri, catalog=catalog,
        settled=[d for d in docs if d in catalog.settled_with_open_questions()],
        open_total=sum(len(d.open_questions) for d in docs),
        resolved_total=sum(len(d.resolved_questions) for d in docs),
        badge=lambda s: badge(s, colors),
    )  # fmt: skip


def render_json(catalog: Catalog, url_for: Callable[[str], str]) -> str:
    """``catalog.json``: see the README for the schema. Keys keep a fixed order."""
    designs = [_design_json(doc, url_for) for doc in catalog.docs]
    return (
        json.dumps({"version": JSON_VERSION, "designs": designs}, indent=2, ensure_ascii=False)
        + "\n"
    )


def _design_json(doc: DesignDoc, url_for: Callable[[str], str]) -> dict[str, Any]:
    url = url_for(doc.src_uri)
    filled, total = completeness(doc)
    return {
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
            {"text": q.text, "resolved": q.resolved, "url": f"{url}#{q.anchor}", "line": q.line}
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


_ITEM_START = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)")


def anchor_item(line: str, anchor: str) -> str:
    """Put an empty element with ``id=anchor`` at the start of a list item's text.

    After the task box, so ``pymdownx.tasklist`` still sees ``- [ ]``; MkDocs counts ids in
    raw HTML, so links to the anchor validate.
    """
    match = _ITEM_START.match(line)
    if match is None:
        return line
    tag = Markup('<span class="design-question" id="{}"></span>').format(anchor)
    return f"{match.group(1)}{tag}{line[match.end() :]}"
