"""Render the catalog views as Markdown: overview, component index, questions, graph.

Pure and deterministic: every function takes what it needs and returns text. Views are Jinja2
templates shipped in ``mkdocs_design/templates``; every value they print goes through
:func:`~mkdocs_design.markup.md_text` (the environment's ``finalize``) unless it is
:class:`~markupsafe.Markup` built in :mod:`~mkdocs_design.markup`, so text from a page can never
become markup on another page. Links are relative ``.md`` links that MkDocs validates.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from mkdocs_design.catalog import completeness
from mkdocs_design.markup import badge, link, md_text, row_data
from mkdocs_design.mermaid import flowchart

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from mkdocs_design.catalog import Catalog, ComponentEntry
    from mkdocs_design.graph import Graph
    from mkdocs_design.lifecycle import Staleness
    from mkdocs_design.model import DesignDoc


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
    env.globals.update(link=link, completeness=completeness, row_data=row_data)
    return env


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def render_overview(
    catalog: Catalog,
    docs: Sequence[DesignDoc],
    from_uri: str,
    *,
    title: str | None,
    colors: Mapping[str, str],
    stale: Mapping[str, Staleness],
) -> str:
    """The catalog overview: totals per status, then one row per design in catalog order."""
    totals: dict[str, int] = {}
    for doc in docs:
        status = doc.canonical_status or ("Unknown" if doc.status else "None")
        totals[status] = totals.get(status, 0) + 1
    order = [name for name, _ in catalog.status_totals() if name in totals]
    return _render(
        "overview.md.j2", title=title, docs=docs, from_uri=from_uri, stale=stale,
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
        "components.md.j2", title=title, entries=entries, from_uri=from_uri,
        component_link=component_link,
    )  # fmt: skip


def render_questions(
    catalog: Catalog,
    docs: Sequence[DesignDoc],
    from_uri: str,
    *,
    title: str | None,
    colors: Mapping[str, str],
    stale: Mapping[str, Staleness],
) -> str:
    """The open-questions dashboard: totals, call-outs, open questions by design, then resolved."""
    settled = catalog.settled_with_open_questions()
    return _render(
        "questions.md.j2", title=title, docs=docs, from_uri=from_uri, stale=stale,
        settled=[d for d in docs if d in settled],
        open_total=sum(len(d.open_questions) for d in docs),
        resolved_total=sum(len(d.resolved_questions) for d in docs),
        badge=lambda s: badge(s, colors),
    )  # fmt: skip


def render_graph(
    catalog: Catalog,
    graph: Graph,
    docs: Sequence[DesignDoc],
    from_uri: str,
    *,
    title: str | None,
    index_uri: str | None,
) -> str:
    """The dependency graph page: a Mermaid diagram, the same graph as lists, disagreements."""

    def component_link(node: str) -> Markup:
        entry = catalog.find_component(node.removeprefix("component:"))
        name = entry.name if entry else node.removeprefix("component:")
        if entry is not None and index_uri is not None:
            return link(name, from_uri, index_uri, entry.anchor)
        return md_text(name)

    return _render(
        "graph.md.j2", title=title, docs=docs, graph=graph, from_uri=from_uri,
        mermaid=Markup(flowchart(catalog, graph, docs)),
        findings=[f for f in graph.findings if f.location.path in {d.src_uri for d in docs}],
        target_link=_target_linker(catalog, from_uri), component_link=component_link,
    )  # fmt: skip


def render_neighbourhood(catalog: Catalog, graph: Graph, doc: DesignDoc, from_uri: str) -> str:
    """One line: what a design depends on and what depends on it."""
    return _render(
        "neighbourhood.md.j2", deps=graph.depends_on(doc.src_uri),
        users=graph.dependents(doc.src_uri), target_link=_target_linker(catalog, from_uri),
    ).strip()  # fmt: skip


def _target_linker(catalog: Catalog, from_uri: str) -> Any:
    def target_link(target: str) -> Markup:
        doc = catalog.by_uri.get(target)
        if doc is not None:
            return link(doc.title, from_uri, doc.src_uri)
        return md_text(target.removeprefix("external:"))

    return target_link
