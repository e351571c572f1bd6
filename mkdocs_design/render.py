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

import re
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

import jinja2
from markupsafe import Markup, escape

from mkdocs_design.catalog import completeness
from mkdocs_design.markup import a, badge, link, md_text, readable, row_data
from mkdocs_design.mermaid import MAX_TEXT, flowchart

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

    from mkdocs_design.catalog import Catalog, ComponentEntry
    from mkdocs_design.graph import Graph
    from mkdocs_design.lifecycle import Staleness
    from mkdocs_design.model import DesignDoc, Status


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
        auto_reload=False,  # package files: no need to stat them for every block rendered
    )
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
        """Put every kept block in place of (the first occurrence of) its placeholder."""
        # One pass over the page: a replace per block rescans the growing page every time,
        # which for the questions dashboard's thousand blocks was quadratic (70 ms).
        pending = dict(self.blocks)
        return _SLOT.sub(lambda m: pending.pop(m.group(0), m.group(0)), html)


#: Any placeholder :meth:`Fragments.add` makes.
_SLOT = re.compile(r'<div class="design-fragment" data-design-fragment="[^"]*"></div>')


def _html(template: str, fragments: Fragments | None, **context: Any) -> str:
    # Python-Markdown ends a raw HTML block at a blank line: there must be none inside.
    # Joined as plain strings: the template yields a Markup for every value, and a table's
    # tens of thousands of them, all alive until the join, set off full garbage collections.
    pieces = _environment().get_template(template).generate(**context)
    html = "".join(map(str, pieces)).strip() + "\n"
    return fragments.add(html) if fragments is not None else html


def _page(title: str | None, *blocks: str) -> str:
    head = [f"# {md_text(title)}"] if title else []
    return "\n\n".join([*head, *(b.strip("\n") for b in blocks if b)]) + "\n"


def _plural(count: int, word: str, *, bold: bool = False) -> str:
    number = f"**{count}**" if bold else str(count)
    return f"{number} {word}{'' if count == 1 else 's'}"


def _doc_linker(href: Href) -> Callable[[DesignDoc], Markup]:
    """A link to a design showing its title, made once per design: rows name designs often."""
    made: dict[str, Markup] = {}

    def doc_link(doc: DesignDoc) -> Markup:
        if (found := made.get(doc.src_uri)) is None:
            found = made[doc.src_uri] = a(href(doc.src_uri), doc.title)
        return found

    return doc_link


def _joined(links: Sequence[Markup]) -> Markup:
    # Typed Markup only, so nothing unescaped can be joined in (Markup.join would escape each
    # item again: thousands of calls for nothing). Most cells hold one link: that link is it.
    return links[0] if len(links) == 1 else Markup(", ".join(links))


def badges(colors: Mapping[str, str]) -> Callable[[Status | None], Markup]:
    """``markup.badge`` with these colours, made once per status rather than once per row."""
    made: dict[tuple[str | None, str | None], Markup] = {}

    def badge_for(status: Status | None) -> Markup:
        # The badge shows the canonical name, or the raw text when there is none.
        if status is None:
            key: tuple[str | None, str | None] = (None, None)
        else:
            key = (status.canonical, status.raw if status.canonical is None else "")
        if (found := made.get(key)) is None:
            found = made[key] = badge(status, colors)
        return found

    return badge_for


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
    # Rows come with what the template would otherwise call back into Python for, per cell.
    badge_for = badges(colors)
    rows = (
        (doc, row_data((doc,)), href(doc.src_uri), badge_for(doc.status),
         stale.get(doc.src_uri), *completeness(doc))
        for doc in docs
    )  # fmt: skip
    table = _html("overview.html.j2", fragments, rows=rows)
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
    component = _component_namer(catalog, href, {e.key for e in entries}, index_uri, here_uri)
    summary = f"{_plural(len(entries), 'component', bold=True)}."
    rows = _component_rows(entries, href, component)
    table = _html("components.html.j2", fragments, rows=rows)
    return _page(title, summary, _filter("components"), table)


def _component_rows(
    entries: Iterable[ComponentEntry], href: Href, component: Callable[[str], Markup]
) -> Iterator[tuple[ComponentEntry, Markup, str, Markup, Markup, Markup]]:
    """Each entry with its row marker, its URL and its three cells of links, made lazily.

    Lazily, so that each row's values are freed once written: kept for the whole table, they
    made the garbage collector walk the heap once more per view.
    """
    doc_link = _doc_linker(href)
    for entry in entries:
        first_doc, first = entry.sources[0]
        users = [*map(component, entry.used_by), *map(doc_link, entry.used_by_designs)]
        described = [a(href(doc.src_uri, comp.anchor), doc.title) for doc, comp in entry.sources]
        yield (
            entry,
            row_data(entry.designs, entry.anchor),
            href(first_doc.src_uri, first.anchor),
            _joined([*map(component, entry.dependencies)]),
            _joined(users),
            _joined(described),
        )


def _component_namer(
    catalog: Catalog, href: Href, shown: set[str], index_uri: str | None, here_uri: str
) -> Callable[[str], Markup]:
    """A component name as written, linked to its row here or on the index when known."""

    @cache  # a name is linked from every row that depends on it or is used by it
    def component(name: str) -> Markup:
        entry = catalog.find_component(name)
        if entry is not None and (entry.key in shown or index_uri is not None):
            target = here_uri if entry.key in shown else index_uri
            return a(href(target or here_uri, entry.anchor), name)
        return escape(name)

    return component


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
    # The model derives these per call; each is needed several times below.
    opened = {doc.src_uri: doc.open_questions for doc in docs}
    closed = {doc.src_uri: doc.resolved_questions for doc in docs}
    asking = [d for d in docs if opened[d.src_uri]]
    resolved = sum(map(len, closed.values()))
    blocks = [
        f"{_plural(sum(map(len, opened.values())), 'open question', bold=True)} in "
        f"{_plural(len(asking), 'design', bold=True)} · "
        f"**{resolved}** resolved.",
        _filter("questions"),
    ]
    doc_link, badge_for = _doc_linker(href), badges(colors)
    decided = {d.src_uri for d in catalog.settled_with_open_questions()}
    settled = [(d, len(opened[d.src_uri])) for d in docs if d.src_uri in decided]
    if settled:
        named = [(doc_link(doc), doc.canonical_status, n) for doc, n in settled]
        blocks.append(_html("questions.html.j2", fragments, kind="settled", settled=named))
    for doc in asking:
        uri = doc.src_uri
        block = _html(
            "questions.html.j2", fragments, kind="open",
            data=row_data((doc,)), badge=badge_for(doc.status), old=stale.get(uri),
            url=href(uri), questions=[(href(uri, q.anchor), q) for q in opened[uri]],
        )  # fmt: skip
        blocks += [f"## {md_text(doc.title)}", block]
    if resolved:
        rows = (
            (href(doc.src_uri, q.anchor), q, doc_link(doc))
            for doc in docs
            for q in closed[doc.src_uri]
        )
        blocks += [
            "## Resolved questions",
            _html("questions.html.j2", fragments, kind="resolved", rows=rows),
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
    target, node = _target_namer(catalog, href), _node_namer(catalog, href, index_uri)
    designs = (
        (doc, href(doc.src_uri), _joined([*map(target, graph.depends_on(doc.src_uri))]),
         _joined([*map(target, graph.dependents(doc.src_uri))]))
        for doc in docs
    )  # fmt: skip
    edges = [e for e in graph.component_edges if e.stated_by in shown]
    findings = [f for f in graph.findings if f.location.path in shown]
    source = flowchart(catalog, graph, docs, limit=MAX_TEXT)
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
        _html("graph.html.j2", fragments, kind="designs", rows=designs),
    ]
    if edges:
        pairs = ((node(e.source), node(e.target)) for e in edges)
        listed = _html("graph.html.j2", fragments, kind="components", rows=pairs)
        blocks += ["## Components", listed]
    blocks.append("## Disagreements")
    located = ((f, href(f.location.path)) for f in findings)
    found = _html("graph.html.j2", fragments, kind="findings", rows=located)
    blocks.append(found if findings else "The pages agree with each other.")
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


def _target_namer(catalog: Catalog, href: Href) -> Callable[[str], Markup]:
    """A graph target: a link to the design, or the name of a system outside the catalog."""

    @cache  # a design is named by every design that depends on it or that it depends on
    def target(name: str) -> Markup:
        doc = catalog.by_uri.get(name)
        if doc is not None:
            return a(href(doc.src_uri), doc.title)
        return escape(name.removeprefix("external:"))

    return target


def _node_namer(catalog: Catalog, href: Href, index_uri: str | None) -> Callable[[str], Markup]:
    """A ``component:<key>`` node: the component's name, linked to the index if there is one."""

    @cache  # a component is named by every edge from or to it
    def node(name: str) -> Markup:
        entry = catalog.find_component(name.removeprefix("component:"))
        text = entry.name if entry else name.removeprefix("component:")
        if entry is not None and index_uri is not None:
            return a(href(index_uri, entry.anchor), text)
        return escape(text)

    return node
