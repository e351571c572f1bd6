"""Render the catalog views: overview, component index, questions dashboard, dependency graph.

Pure and deterministic: every function takes what it needs and returns text. A view is a little
Markdown (titles and headings, so the page keeps its title and table of contents) around HTML
blocks rendered by Jinja2 templates with autoescaping, so text from a page can only ever be text.

The tables are HTML, not Markdown, because Python-Markdown is slow on large Markdown tables
(``benchmarks/README.md``). Links therefore cannot be left to MkDocs to rewrite: each view is
given an ``href`` function, bound by the plugin to MkDocs' own page URLs and ``get_relative_url``,
so every link is exactly what MkDocs would have made of it.
"""

from __future__ import annotations

import re
from functools import cache, partial
from typing import TYPE_CHECKING, Any, Protocol

import jinja2
from markupsafe import Markup, escape

from mkdocs_design.catalog.catalog import completeness
from mkdocs_design.output.labels import english
from mkdocs_design.output.marks import mark_ids
from mkdocs_design.output.markup import a, badge, md_text, row_data
from mkdocs_design.reading.text import plain_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

    from mkdocs_design.catalog.catalog import Catalog, ComponentEntry
    from mkdocs_design.catalog.lifecycle import Staleness
    from mkdocs_design.model import DesignDoc, Status
    from mkdocs_design.output.labels import Labels


class Href(Protocol):
    """The URL, relative to the page being rendered, of a page (``src_uri``) and an anchor."""

    def __call__(self, to_uri: str, anchor: str = "", /) -> str: ...  # noqa: D102


@cache
def environment() -> jinja2.Environment:
    """The package's templates, autoescaped: text from a page can only ever be text."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("mkdocs_design.output", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # package files: no need to stat them for every block rendered
    )
    # As the design page reads, not its Markdown source; tags the author typed show as typed.
    env.filters["readable"] = partial(plain_text, tags=True)
    return env


class Fragments:
    """HTML blocks kept out of Python-Markdown: the page holds a placeholder for each.

    Python-Markdown would still read every raw HTML block; the plugin puts each block into the
    finished page instead (``on_post_page``), with one string replacement.
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self.blocks: dict[str, str] = {}

    def add(self, html: str) -> str:
        """Keep ``html``; return the placeholder that stands for it in the Markdown."""
        slot = f"{self._name}-{len(self.blocks)}"
        self.blocks[slot] = html
        return f'<div class="design-fragment" data-design-fragment="{slot}"></div>'

    def fill(self, html: str) -> tuple[str, int]:
        """Put every kept block in place of (the first occurrence of) its placeholder.

        The placeholder is found however an HTML rewriter before us wrote it (attributes
        reordered or unquoted, the element closed by itself). Returns the page and how many
        blocks found no placeholder.
        """
        # One pass over the page: a replace per block would rescan it once per block.
        pending = dict(self.blocks)
        filled = _SLOT.sub(lambda m: pending.pop(m.group("slot"), m.group(0)), html)
        return filled, len(pending)


#: Any placeholder :meth:`Fragments.add` makes, as written or as a rewriter may leave it.
_SLOT = re.compile(
    r"<div\b[^<>]*?\bdata-design-fragment=[\"']?(?P<slot>[\w-]+)[\"']?[^<>]*>\s*(?:</div>)?"
)


def html_block(template: str, fragments: Fragments | None, **context: Any) -> str:
    """A template rendered as one raw HTML block, kept in ``fragments`` if given."""
    # Python-Markdown ends a raw HTML block at a blank line: there must be none inside.
    # Joined as plain strings, so the template's many small Markup values die as they go.
    pieces = environment().get_template(template).generate(**context)
    html = "".join(map(str, pieces)).strip() + "\n"
    return fragments.add(html) if fragments is not None else html


def page(title: str | None, *blocks: str) -> str:
    """A view's Markdown: its title (if any), then its blocks, a blank line apart."""
    head = [f"# {md_text(title)}"] if title else []
    return "\n\n".join([*head, *(b.strip("\n") for b in blocks if b)]) + "\n"


def plural(count: int, word: str, *, bold: bool = False) -> str:
    """``1 design``, ``3 designs``; the number in bold if asked."""
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


def joined(links: Sequence[Markup]) -> Markup:
    """Links as one comma-separated cell."""
    # Typed Markup only, so nothing unescaped can be joined in (Markup.join would escape each
    # item again: thousands of calls for nothing). Most cells hold one link: that link is it.
    return links[0] if len(links) == 1 else Markup(", ".join(links))


def badges() -> Callable[[Status | None], Markup]:
    """``markup.badge``, made once per status rather than once per row."""
    made: dict[tuple[str | None, str | None], Markup] = {}

    def badge_for(status: Status | None) -> Markup:
        # The badge shows the canonical name, or the raw text when there is none.
        if status is None:
            key: tuple[str | None, str | None] = (None, None)
        else:
            key = (status.canonical, status.raw if status.canonical is None else "")
        if (found := made.get(key)) is None:
            found = made[key] = badge(status)
        return found

    return badge_for


def render_overview(
    catalog: Catalog,
    docs: Sequence[DesignDoc],
    href: Href,
    *,
    title: str | None,
    fragments: Fragments | None = None,
    stale: Mapping[str, Staleness],
    order: str = "",
    marks: bool = False,
    labels: Labels | None = None,
) -> str:
    """The catalog overview: totals per status, then one row per design in catalog order.

    With ``marks`` (placeholders are marked on design pages), a design's placeholder count
    links to the first one. ``labels``: the words, in the page's language (English).
    """
    labels = labels or english()
    if not docs:
        return page(title, labels["no_designs_found" if catalog.docs else "no_designs_yet"])
    totals = " · ".join(f"{count} {md_text(name)}" for name, count in catalog.status_totals(docs))
    summary = labels.text(
        "overview_summary", designs=labels.count("designs", len(docs), bold=True),
        count=f"**{len(docs)}**", totals=totals,
    )  # fmt: skip
    # Rows come with what the template would otherwise call back into Python for, per cell.
    badge_for = badges()
    rows = (
        (doc, row_data((doc,)), href(doc.src_uri), badge_for(doc.status),
         stale.get(doc.src_uri), *completeness(doc), marks and _first_hole(doc, href))
        for doc in docs
    )  # fmt: skip
    table = html_block("overview.html.j2", fragments, rows=rows, labels=labels)
    return page(title, summary, _filter("overview", order, labels), table)


def _first_hole(doc: DesignDoc, href: Href) -> str | None:
    """The link to a design's first marked placeholder, if it has one."""
    marks = mark_ids(doc.placeholders)
    return href(doc.src_uri, marks[0]) if marks else None


def render_components(
    catalog: Catalog,
    entries: Sequence[ComponentEntry],
    href: Href,
    *,
    title: str | None,
    fragments: Fragments | None = None,
    index_uri: str | None = None,
    here_uri: str = "",
    order: str = "",
    labels: Labels | None = None,
    anchors: Mapping[str, str] | None = None,
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
        order: The statuses' CSS ids in lifecycle order, for the filters.
        labels: The words, in the page's language (English).
        anchors: Each row's id on this page, by component key, where it cannot be the
            component's own anchor (the page has that id already): a view inside a page.
    """
    labels = labels or english()
    if not entries:
        return page(title, labels["no_components_found"])
    shown = {e.key: (anchors or {}).get(e.key, e.anchor) for e in entries}
    component = _component_namer(catalog, href, shown, index_uri, here_uri)
    n = len(entries)
    summary = labels.text(
        "components_summary", components=labels.count("components", n, bold=True), count=f"**{n}**"
    )
    rows = _component_rows(entries, href, component, shown)
    table = html_block("components.html.j2", fragments, rows=rows, labels=labels)
    return page(title, summary, _filter("components", order, labels), table)


def _component_rows(
    entries: Iterable[ComponentEntry],
    href: Href,
    component: Callable[[str], Markup],
    ids: Mapping[str, str],
) -> Iterator[tuple[ComponentEntry, Markup, str, Markup, Markup, Markup]]:
    """Each entry with its row marker, its URL and its three cells of links, made lazily.

    Lazily, so that each row's values are freed once written.
    """
    doc_link = _doc_linker(href)
    for entry in entries:
        first_doc, first = entry.sources[0]
        users = [*map(component, entry.used_by), *map(doc_link, entry.used_by_designs)]
        described = [a(href(doc.src_uri, comp.anchor), doc.title) for doc, comp in entry.sources]
        yield (
            entry,
            row_data(entry.designs, ids[entry.key]),
            href(first_doc.src_uri, first.anchor),
            joined([*map(component, entry.dependencies)]),
            joined(users),
            joined(described),
        )


def _component_namer(
    catalog: Catalog,
    href: Href,
    shown: Mapping[str, str],
    index_uri: str | None,
    here_uri: str,
) -> Callable[[str], Markup]:
    """A component name as written, linked to its row here or on the index when known.

    ``shown`` holds the id of each row on this page, by component key.
    """

    @cache  # a name is linked from every row that depends on it or is used by it
    def component(name: str) -> Markup:
        entry = catalog.find_component(name)
        if entry is not None and (here := shown.get(entry.key)) is not None:
            return a(href(here_uri, here), name)
        if entry is not None and index_uri is not None:
            return a(href(index_uri, entry.anchor), name)
        return escape(name)

    return component


def render_questions(
    catalog: Catalog,
    docs: Sequence[DesignDoc],
    href: Href,
    *,
    title: str | None,
    fragments: Fragments | None = None,
    stale: Mapping[str, Staleness],
    order: str = "",
    labels: Labels | None = None,
) -> str:
    """The open-questions dashboard: totals, call-outs, open questions by design, then resolved."""
    labels = labels or english()
    # The model derives these per call; each is needed several times below.
    opened = {doc.src_uri: doc.open_questions for doc in docs}
    closed = {doc.src_uri: doc.resolved_questions for doc in docs}
    asking = [d for d in docs if opened[d.src_uri]]
    resolved, open_ = sum(map(len, closed.values())), sum(map(len, opened.values()))
    summary = labels.text(
        "questions_summary", questions=labels.count("open_questions", open_, bold=True),
        designs=labels.count("designs", len(asking), bold=True), open=f"**{open_}**",
        asking=f"**{len(asking)}**", resolved=f"**{resolved}**",
    )  # fmt: skip
    blocks = [summary, _filter("questions", order, labels)]
    doc_link, badge_for = _doc_linker(href), badges()
    decided = {d.src_uri for d in catalog.decided_with_open_questions()}
    settled = [(d, len(opened[d.src_uri])) for d in docs if d.src_uri in decided]
    if settled:
        named = [(doc_link(doc), doc.canonical_status, n) for doc, n in settled]
        blocks.append(
            html_block("questions.html.j2", fragments, kind="settled", settled=named, labels=labels)
        )
    for doc in asking:
        uri = doc.src_uri
        block = html_block(
            "questions.html.j2", fragments, kind="open",
            data=row_data((doc,)), badge=badge_for(doc.status), old=stale.get(uri),
            url=href(uri), questions=[(href(uri, q.anchor), q) for q in opened[uri]], labels=labels,
        )  # fmt: skip
        blocks += [f"## {md_text(doc.title)}", block]
    if resolved:
        rows = (
            (href(doc.src_uri, q.anchor), q, doc_link(doc))
            for doc in docs
            for q in closed[doc.src_uri]
        )
        blocks += [
            f"## {labels['resolved_heading']}",
            html_block("questions.html.j2", fragments, kind="resolved", rows=rows, labels=labels),
        ]
    return page(title, *blocks)


def _filter(view: str, order: str, labels: Labels) -> str:
    """Where the filter script puts its controls; ``order`` (JSON) ranks and names statuses.

    The script's words come with it when they are not its own English ones.
    """
    words = labels.script(view)
    said = f' data-design-labels="{escape(words)}"' if words is not None else ""
    return (
        f'<div class="design-filter" data-design-view="{view}" '
        f'data-design-statuses="{escape(order)}"{said}></div>'
    )
