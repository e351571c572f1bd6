"""Render the catalog views: overview, component index, questions dashboard, dependency graph.

Pure and deterministic: every function takes what it needs and returns text. A view is a little
Markdown (titles and headings, so the page keeps its title and table of contents) around HTML
blocks rendered by Jinja2 templates with autoescaping, so text from a page can only ever be text.

Why HTML and not Markdown tables: at 1,000 designs the views hold thousands of rows, and
Python-Markdown takes about 1.3 ms per KB of table Markdown (some 5 s a build) where it passes an
HTML block through at about 0.2 ms per KB. Links therefore cannot be left to MkDocs to rewrite:
each view is given an ``href`` function, bound by the plugin to MkDocs' own page URLs and
``get_relative_url``, so every link is exactly what MkDocs would have made of it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

import jinja2
from markupsafe import Markup

from mkdocs_design.catalog import completeness
from mkdocs_design.markup import a, badge, link, md_text, readable, row_data
from mkdocs_design.mermaid import MAX_TEXT, flowchart

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from mkdocs_design.catalog import Catalog, ComponentEntry
    from mkdocs_design.graph import Graph
    from mkdocs_design.lifecycle import Staleness
    from mkdocs_design.model import DesignDoc


class Href(Protocol):
    """The URL, relative to the page being rendered, of a page (``src_uri``) and an anchor."""

    def __call__(self, to_uri: str, anchor: str = "", /) -> str: ...  # noqa: D102


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("mkdocs_design", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(completeness=completeness, row_data=row_data)
    env.filters["readable"] = readable  # as the design page reads, not its Markdown source
    return env


class Fragments:
    """HTML blocks kept out of Python-Markdown: the page holds a placeholder for each.

    Python-Markdown still spends about 0.2 ms per KB passing raw HTML through; the plugin puts
    each block into the finished page instead (``on_post_page``), so a page with thousands of
    rows costs the build nothing but the string replacement.
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self.blocks: dict[str, str] = {}

    def add(self, html: str) -> str:
        """Keep ``html``; return the placeholder that stands for it in the Markdown."""
        slot = f"{self._name}-{len(self.blocks)}"
        key = f'<div class="design-fragment" data-design-fragment="{slot}"></div>'
        self.blocks[key] = html
        return key

    def fill(self, html: str) -> str:
        """Put every kept block in place of its placeholder in the converted page."""
        for key, block in self.blocks.items():
            html = html.replace(key, block, 1)
        return html


def _html(template: str, fragments: Fragments | None, **context: Any) -> str:
    # Python-Markdown ends a raw HTML block at a blank line: there must be none inside.
    html = _environment().get_template(template).render(**context).strip() + "\n"
    return fragments.add(html) if fragments is not None else html


def _page(title: str | None, *blocks: str) -> str:
    head = [f"# {md_text(title)}"] if title else []
    return "\n\n".join([*head, *(b.strip("\n") for b in blocks if b)]) + "\n"


def _plural(count: int, word: str, *, bold: bool = False) -> str:
    number = f"**{count}**" if bold else str(count)
    return f"{number} {word}{'' if count == 1 else 's'}"


def render_overview(
    catalog: Catalog,
    docs: Sequence[DesignDoc],
    href: Href,
    *,
    title: str | None,
    fragments: Fragments | None = None,
    colors: Mapping[str, str],
    stale: Mapping[str, Staleness],
) -> str:
    """The catalog overview: totals per status, then one row per design in catalog order."""
    if not docs:
        return _page(title, "No design pages found.")
    summary = f"{_plural(len(docs), 'design', bold=True)}: " + " · ".join(
        f"{count} {md_text(name)}" for name, count in catalog.status_totals(docs)
    )
    table = _html(
        "overview.html.j2",
        fragments,
        docs=docs,
        href=href,
        stale=stale,
        badge=lambda s: badge(s, colors),
    )
    return _page(title, summary, _filter("overview"), table)


def render_components(
    catalog: Catalog,
    entries: Sequence[ComponentEntry],
    href: Href,
    *,
    title: str | None,
    fragments: Fragments | None = None,
    index_uri: str | None = None,
    here_uri: str = "",
) -> str:
    """The component index: one row per distinct component, alphabetical.

    Args:
        catalog: The whole catalog (dependencies may name components outside ``entries``).
        entries: The rows to show.
        href: Links relative to the page the view is rendered into.
        title: A level-1 title, or ``None`` for a view embedded in a page.
        index_uri: The generated component index, where rows not shown here link to.
        here_uri: The page the view is rendered into.
        fragments: Where to keep the HTML blocks (placeholders in the Markdown), if anywhere.
    """
    if not entries:
        return _page(title, "No components found.")
    shown = {entry.key for entry in entries}

    def component_link(name: str) -> Markup:
        entry = catalog.find_component(name)
        if entry is not None and (entry.key in shown or index_uri is not None):
            target = here_uri if entry.key in shown else index_uri
            return a(href(target or here_uri, entry.anchor), name)
        return Markup.escape(name)

    summary = f"{_plural(len(entries), 'component', bold=True)}."
    table = _html(
        "components.html.j2", fragments, entries=entries, href=href, component_link=component_link
    )
    return _page(title, summary, _filter("components"), table)


def render_questions(
    catalog: Catalog,
    docs: Sequence[DesignDoc],
    href: Href,
    *,
    title: str | None,
    fragments: Fragments | None = None,
    colors: Mapping[str, str],
    stale: Mapping[str, Staleness],
) -> str:
    """The open-questions dashboard: totals, call-outs, open questions by design, then resolved."""
    asking = [d for d in docs if d.open_questions]
    opened = sum(len(d.open_questions) for d in docs)
    resolved = sum(len(d.resolved_questions) for d in docs)
    blocks = [
        f"{_plural(opened, 'open question', bold=True)} in "
        f"{_plural(len(asking), 'design', bold=True)} · "
        f"**{resolved}** resolved.",
        _filter("questions"),
    ]
    context = {"href": href, "stale": stale, "badge": lambda s: badge(s, colors)}
    decided = {d.src_uri for d in catalog.settled_with_open_questions()}
    settled = [d for d in docs if d.src_uri in decided]
    if settled:
        blocks.append(
            _html("questions.html.j2", fragments, kind="settled", settled=settled, **context)
        )
    for doc in asking:
        blocks += [
            f"## {md_text(doc.title)}",
            _html("questions.html.j2", fragments, kind="open", doc=doc, **context),
        ]
    if resolved:
        blocks += [
            "## Resolved questions",
            _html("questions.html.j2", fragments, kind="resolved", docs=docs, **context),
        ]
    return _page(title, *blocks)


def render_graph(
    catalog: Catalog,
    graph: Graph,
    docs: Sequence[DesignDoc],
    href: Href,
    *,
    title: str | None,
    fragments: Fragments | None = None,
    index_uri: str | None,
) -> str:
    """The dependency graph page: a Mermaid diagram, the same graph as lists, disagreements."""
    if not docs:
        return _page(title, "No design pages found.")
    shown = {d.src_uri for d in docs}
    context = {
        "docs": docs, "graph": graph, "href": href,
        "target_link": _target_linker(catalog, href),
        "component_link": _component_linker(catalog, href, index_uri),
        "edges": [e for e in graph.component_edges if e.stated_by in shown],
        "findings": [f for f in graph.findings if f.location.path in shown],
    }  # fmt: skip
    source = flowchart(catalog, graph, docs)
    diagram = (
        f"``` mermaid\n{source}```"
        if len(source) <= MAX_TEXT
        else f"The diagram of {_plural(len(docs), 'design')} is larger than Mermaid draws; "
        'place smaller ones with `<!-- design/graph folder="team" -->`.'
    )
    blocks = [
        "Designs with their components, and the dependencies their pages state: solid arrows "
        "come from a design's **Depends On** or a component's **Dependencies**, dotted ones "
        "only from the other side's **Used By**.",
        diagram,
        "## Designs",
        _html("graph.html.j2", fragments, kind="designs", **context),
    ]
    if context["edges"]:
        blocks += ["## Components", _html("graph.html.j2", fragments, kind="components", **context)]
    blocks.append("## Disagreements")
    found = _html("graph.html.j2", fragments, kind="findings", **context)
    blocks.append(found if context["findings"] else "The pages agree with each other.")
    return _page(title, *blocks)


def render_neighbourhood(catalog: Catalog, graph: Graph, doc: DesignDoc, from_uri: str) -> str:
    """One line: what a design depends on and what depends on it, as Markdown links."""

    def name(target: str) -> str:
        other = catalog.by_uri.get(target)
        if other is None:
            return str(md_text(target.removeprefix("external:")))
        return str(link(other.title, from_uri, other.src_uri))

    deps = ", ".join(map(name, graph.depends_on(doc.src_uri))) or "nothing stated"
    users = ", ".join(map(name, graph.dependents(doc.src_uri))) or "nothing stated"
    return (
        f'<span class="design-neighbourhood">**Depends on:** {deps} · **Used by:** {users}</span>'
    )


def _filter(view: str) -> str:
    return f'<div class="design-filter" data-design-view="{view}"></div>'


def _target_linker(catalog: Catalog, href: Href) -> Any:
    def target_link(target: str) -> Markup:
        doc = catalog.by_uri.get(target)
        if doc is not None:
            return a(href(doc.src_uri), doc.title)
        return Markup.escape(target.removeprefix("external:"))

    return target_link


def _component_linker(catalog: Catalog, href: Href, index_uri: str | None) -> Any:
    def component_link(node: str) -> Markup:
        entry = catalog.find_component(node.removeprefix("component:"))
        name = entry.name if entry else node.removeprefix("component:")
        if entry is not None and index_uri is not None:
            return a(href(index_uri, entry.anchor), name)
        return Markup.escape(name)

    return component_link
