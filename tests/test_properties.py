"""Property tests: arbitrary pages and field values never crash, never vary, never inject markup.

Documents are drawn from the pieces real design pages are made of (numbered headings, template
sections, ``**Label:**`` lines, task items, fences left open, tables, front matter good and bad)
salted with hostile text: HTML and JavaScript payloads, Markdown and Mermaid syntax, control
characters, every line ending, a BOM and non-Latin scripts. Catalogs are built directly from
model values, so renderers meet values no parser would produce. Every test is derandomized and
keeps no example database, so CI runs the same examples every time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import markdown
import pytest
from conftest import examples
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from mkdocs_design.catalog.catalog import Catalog
from mkdocs_design.catalog.export import render_json
from mkdocs_design.catalog.lifecycle import Insights
from mkdocs_design.model import (
    Alternative,
    Component,
    DesignDoc,
    Placeholder,
    Question,
    Section,
    Status,
)
from mkdocs_design.output import graphs, markup, picture
from mkdocs_design.output import views as views_
from mkdocs_design.output.links import Links
from mkdocs_design.output.site import PageRules, Site
from mkdocs_design.output.styles import stylesheet
from mkdocs_design.output.svg import draw
from mkdocs_design.reading.parse import ParseRules, parse_page
from mkdocs_design.reading.placeholders import PlaceholderRules
from mkdocs_design.reading.sections import template_sections
from mkdocs_design.reading.statuses import DEFAULT_STATUSES, StatusDef, StatusTable
from mkdocs_design.reading.template import template_text
from mkdocs_design.reading.vocabulary import Vocabulary

if TYPE_CHECKING:
    import random

#: Same examples on every run and machine; nothing carried over from earlier runs.
REPRODUCIBLE = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=examples(40),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: Parsing is cheap: more examples, since pages are where the variety is.
MANY = settings(REPRODUCIBLE, max_examples=examples(150))

STATUSES = StatusTable.build()
STATUS_NAMES = [status.name for status in DEFAULT_STATUSES]
RULES = ParseRules(statuses=STATUSES, placeholders=PlaceholderRules.from_template(template_text()))
TODAY = dt.date(2025, 6, 1)

# --- strategies: text ---------------------------------------------------------------------------

PAYLOADS = (
    # HTML and JavaScript
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>", "[click](javascript:alert(1))",
    "![x](javascript:alert(1))", "<javascript:alert(1)>", "javascript:alert(1)",
    '" onmouseover="alert(1)', "&lt;script&gt;", "&#60;script&#62;", "<!--", "-->",
    # Mermaid
    "--> click d0 call alert(1)", '"]\n  click d0 "javascript:alert(1)"', "end", "subgraph",
    "%%{init: {}}%%",
    # Markdown
    "```", "~~~", "`", "``", '"', "'", "|", "\\", "[", "]", "(", ")", "{#id}", "[TBD]", "[Date]",
    "[Feature Name]", "[^1]", "[ ]", "**", "__", "~~", "#", "* ", "- ", "1. ", "=", "!", "$", "^",
    "&", ";",
    # Control characters, separators, the stash markers Python-Markdown and the scanner use
    "\x00", "\x02", "\x03", "\x021\x03", "\x02wzxhzdk:0\x03", "\x0b", "\x0c", "\x1b", "\x1c",
    "\x7f", "\x85", "\u2028", "\u2029", "\u200f", "\u200d", "\ufeff", "\t", "\n", "\r", "\r\n",
    "  ",
    # Other scripts
    "Ünïcödé", "日本語の設計", "مرحبا", "Привет", "🚀", "e\u0301",
)  # fmt: skip

#: Any text a page or a YAML value could hold.
text = st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=8)), max_size=6).map("".join)
#: Text as it shows on one line of a page (no line breaks; those are the document's business).
line_text = text.map(lambda t: re.sub(r"[\r\n]+", " ", t))
#: Printable text without control characters: what a reader must see verbatim.
visible_text = (
    st.lists(
        st.one_of(
            st.sampled_from([p for p in PAYLOADS if p.isprintable() and p.strip()]),
            st.text(
                st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Zs"]), max_size=8
            ),
        ),
        min_size=1,
        max_size=5,
    )
    .map("".join)
    .filter(lambda t: t.strip())
)

# --- strategies: Markdown documents -------------------------------------------------------------

SECTION_TITLES = (
    *template_sections(),
    *sorted(Vocabulary.build().sections)[:40:3],
    "Open Questions (Resolved)",
)
NAMES = ("Agent Management", "Event Bus", "日本語の設計", "<script>alert(1)</script>", "A | B")
#: The sections the parser reads fields from, drawn more often than the rest.
FIELD_SECTIONS = (
    "Open Questions", "Component Structure", "System Context", "Alternatives Considered",
    "Open Questions (Resolved)", "References", "Timeline Estimate",
)  # fmt: skip
LABELS = (
    "Status", "Created", "Owner", "Authors", "Responsibility", "Dependencies", "Depends On",
    "Used By", "External Dependencies", "Public Interface", "Key Behaviors", "Rejected because",
    "File", "Purpose",
)  # fmt: skip
numbering = st.sampled_from(["", "1. ", "2.3 ", "A. ", "IV. ", "4.1. "])
heading = st.builds(
    lambda level, number, title, attrs: f"{'#' * level} {number}{title}{attrs}",
    st.integers(1, 6),
    numbering,
    st.one_of(
        st.sampled_from(SECTION_TITLES),
        line_text.map(lambda t: f"Design: {t}"),
        line_text.map(lambda t: f"{t} (`src/{t}.go`)"),
        line_text,
    ),
    st.sampled_from(["", "", " {#custom}", " ##"]),
)
setext = st.builds(lambda t, u: f"{t}\n{u}", line_text, st.sampled_from(["===", "---", "- - -"]))
label = st.builds(
    lambda prefix, name, value: f"{prefix}**{name}:** {value}",
    st.sampled_from(["", "- ", "* "]),
    st.sampled_from(LABELS),
    st.one_of(line_text, st.sampled_from(["None", "2025-01-01", "2025-13-45", "Draft", "A, B; C"])),
)
plain_label = st.builds(
    lambda name, value: f"{name}: {value}",
    st.sampled_from(["Status", "Created", "Owner"]),
    line_text,
)
item = st.builds(
    lambda indent, marker, box, body: f"{indent}{marker} {box}{body}",
    st.sampled_from(["", "", "  ", "    ", "\t", " " * 12]),
    st.sampled_from(["-", "*", "+", "1.", "2)"]),
    st.sampled_from(["", "[ ] ", "[x] ", "[X] ", "[] "]),
    st.one_of(line_text, line_text.map(lambda t: f"**{t}?** {t}"), line_text.map("~~{}~~".format)),
)
fence = st.builds(
    lambda indent, marker, info, body, closed: "\n".join(
        [f"{indent}{marker}{info}", *body, *([f"{indent}{marker}"] if closed else [])]
    ),
    st.sampled_from(["", "  ", "    "]),
    st.sampled_from(["```", "~~~", "````"]),
    st.sampled_from(["", "python", "mermaid", " {.js}", 'text title="x"', "`x`"]),
    st.lists(
        st.one_of(line_text, st.sampled_from(["  A[User] --> B[Component 1]", "end", "```"])),
        max_size=4,
    ),
    st.booleans(),
)
table = st.builds(
    lambda cells: "\n".join(
        ["| " + " | ".join(cells) + " |", "| --- | --- |", *[f"| {c} | {c} |" for c in cells]]
    ),
    st.lists(line_text.map(lambda t: t.replace("|", "\\|")), min_size=1, max_size=3),
)
html_block = st.sampled_from(
    [
        "<div markdown>\n**Status:** Draft\n</div>",
        "<!-- design/components -->",
        '<!-- design/questions status="Approved" -->',
        "<!-- design/bogus -->",
        "<script>alert(1)</script>",
        "[TBD]: decide later",
        "[ref]: https://example.com 'Title'",
        "*[HTML]: Hyper Text",
        "    indented code [Date]",
        "> **Status:** Rejected",
    ]
)
subheading = st.builds(
    lambda level, number, name: f"{'#' * level} {number}{name}",
    st.integers(3, 4),
    numbering,
    st.one_of(line_text, st.sampled_from(["Components", "Key Behaviors", "Alternative 1: X"])),
)
#: Any one block of a page; items and labels weigh more, as they carry the fields.
block = st.one_of(
    item, item, item, label, label, subheading, subheading, heading, setext, plain_label, fence,
    table, html_block, line_text,
)  # fmt: skip
front_matter = st.one_of(
    st.just(""),
    st.lists(
        st.sampled_from(
            [
                "design: true", "design: false", "status: Approved", "status: [a, b]",
                "status: 12", "created: 2025-01-01", "created: 2025-13-45", "created: soon",
                "date: 2024-02-30 10:00:00", "title: Design: From Meta", "title: 3",
                "authors: [ada, grace]", "owner: {a: 1}", "foo: [", "- a list", "'unclosed",
                "key: !!python/object:os.system x", "key: !ENV HOME", "nested: [[[[[[[]]]]]]]",
            ]
        ),
        min_size=1,
        max_size=4,
    ).map(lambda lines: "---\n" + "\n".join(lines) + "\n---\n"),
    line_text.map(lambda t: f"---\ntitle: {t}\n---\n"),
)  # fmt: skip


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A page: optional BOM and front matter, then blocks joined by mixed line endings."""
    bom = draw(st.sampled_from(["", "", "\ufeff"]))
    blocks = draw(st.lists(block, max_size=4))
    for _ in range(draw(st.integers(0, 6))):
        title = draw(
            st.one_of(st.sampled_from(FIELD_SECTIONS), st.sampled_from(SECTION_TITLES), line_text)
        )
        body = st.one_of(item, block) if title.startswith("Open") else block
        blocks += [f"## {draw(numbering)}{title}", *draw(st.lists(body, max_size=8))]
    if draw(st.integers(0, 4)):
        blocks.insert(0, "# Design: " + draw(st.one_of(st.sampled_from(NAMES), line_text)))
    page = draw(front_matter)
    for piece in blocks:
        page += piece + draw(st.sampled_from(["\n", "\n\n", "\n\n", "\r\n", "\r", "\r\n\r\n"]))
    return bom + page


def as_mkdocs_reads_it(source: str) -> str:
    """The text ``File.content_string`` gives: BOM dropped, universal newlines."""
    return source.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# --- parse_page ---------------------------------------------------------------------------------


@MANY
@given(documents())
def test_parse_page_never_raises_and_is_deterministic(source: str) -> None:
    """Any page parses without an exception, to the same model every time."""
    first = parse_page("team/page.md", source, RULES)
    again = parse_page("team/page.md", source, RULES)
    assert repr(first) == repr(again)


@MANY
@given(documents())
def test_parsed_lines_point_into_the_file(source: str) -> None:
    """Every line the model reports is a real line of the file, holding what it says."""
    source = as_mkdocs_reads_it(source)
    doc = parse_page("page.md", source, RULES)
    if doc is None:
        return
    lines = source.split("\n")
    for q in doc.questions:
        assert re.match(r"\s*(?:[-*+]|\d+[.)])\s", lines[q.line - 1]), (q, lines[q.line - 1])
    for s in doc.sections:
        assert 0 < s.line <= len(lines)
    for p in doc.placeholders:
        assert lines[p.line - 1][p.column - 1] == "[", (p, lines[p.line - 1])
    for f in doc.findings:
        assert 0 < f.location.line <= len(lines), f


@MANY
@given(documents())
def test_decorated_page_keeps_every_question_anchor(source: str) -> None:
    """Badge, marks and anchors go onto the page MkDocs renders; every question keeps its id."""
    source = as_mkdocs_reads_it(source)
    doc = parse_page("page.md", source, RULES)
    if doc is None:
        return
    body, _meta = get_data(source)
    site = _site(Catalog.from_docs([doc], STATUSES))
    offset = source.count("\n") - body.count("\n")
    decorated = site.decorate("page.md", body, offset=offset) or ""
    for q in doc.questions:
        assert f'id="{q.anchor}"' in decorated, q


@pytest.mark.parametrize("marker", ["- ", "* ", "1. "])
def test_deeply_nested_lists_parse_without_recursion(marker: str) -> None:
    """Nesting depth costs nothing: the parser walks lines, it does not recurse."""
    nested = "".join(f"{'    ' * i}{marker}[ ] level {i}?\n" for i in range(1500))
    doc = parse_page("deep.md", f"# Design: Deep\n\n## Open Questions\n\n{nested}", RULES)
    assert doc is not None
    assert [q.text for q in doc.questions] == [f"level {i}?" for i in range(1500)]


# --- renderers: catalogs from arbitrary field values --------------------------------------------

#: A heading id set with ``attr_list`` that would end a Markdown link and open a script.
XSS_ID = "x)<script>alert(1)</script>"
#: A design beside one whose file name reads as a URL scheme, and which depends on it.
SCHEME_FILE = [
    DesignDoc("a.md", "A", depends_on=("J",)),
    DesignDoc(
        "javascript:alert(1).md",
        "J",
        status=Status("Superseded by [A](a.md)", "Superseded", 3, "a.md"),
    ),
]
#: Ids as ``toc`` gives them, or as an author sets them with ``attr_list``: ``{#anything}``
#: without whitespace or a closing brace, taken verbatim by Python-Markdown.
custom_id = st.one_of(
    st.sampled_from(["top", "q-x", "1-cache", XSS_ID, "a](javascript:x)"]),
    text.map(lambda t: re.sub(r"[\s}]+", "", t)),
).filter(bool)
PATHS = (
    "a.md", "team/b.md", "team/sub/c.md", "d e (draft).md", "ü/日本.md", "x<y>.md",
    "javascript:alert(1).md", 'q"uote.md', "index.md", "team/design.md",
)  # fmt: skip
COLOR_VALUES = st.sampled_from(
    ["#6f42c1", "red", "rgb(1, 2, 3)", 'red" onmouseover="alert(1)', "url(javascript:x)", "",
     "red; } body { display: none", "</style><script>alert(1)</script>"]
)  # fmt: skip


def _vocabulary(own: list[StatusDef]) -> StatusTable | None:
    try:
        return StatusTable.build(own)
    except ValueError:  # a bad colour or name is a configuration error, tested elsewhere
        return None


#: A site's vocabulary: the defaults plus statuses of its own, with any name and colour.
VOCABULARIES = (
    st.lists(
        st.builds(
            StatusDef,
            name=st.one_of(text, st.sampled_from(STATUS_NAMES)),
            aliases=st.lists(text, max_size=2).map(tuple),
            color=COLOR_VALUES,
            role=st.sampled_from(["", *STATUS_NAMES]),
            after=st.sampled_from(["", *STATUS_NAMES]),
        ),
        max_size=3,
    )
    .map(_vocabulary)
    .filter(bool)
)
statuses = st.one_of(
    st.none(),
    st.builds(
        Status,
        raw=text,
        canonical=st.one_of(st.none(), st.sampled_from(STATUS_NAMES)),
        line=st.integers(0, 40),
        link=st.one_of(st.none(), st.sampled_from(PATHS), text),
    ),
)


@st.composite
def designs(draw: st.DrawFn, *, title: st.SearchStrategy[str] = text) -> list[DesignDoc]:
    """Designs whose names, dependencies and links point at each other as well as at junk."""
    uris = draw(st.lists(st.sampled_from(PATHS), min_size=1, max_size=4, unique=True))
    titles = [draw(title) for _ in uris]
    names = draw(st.lists(text, max_size=4))
    refer = st.one_of(st.sampled_from([*titles, *names]), text) if names else text
    return [draw(_design(uri, name, names, refer)) for uri, name in zip(uris, titles, strict=True)]


def _design(
    uri: str, title: str, names: list[str], refer: st.SearchStrategy[str]
) -> st.SearchStrategy[DesignDoc]:
    anchor = st.one_of(st.sampled_from(["top", "q-x", "1-cache"]), custom_id)
    small = st.integers(1, 99)
    component = st.builds(
        Component,
        name=st.sampled_from(names) if names else text,
        anchor=anchor,
        line=small,
        path=st.one_of(st.none(), text),
        responsibility=text,
        dependencies=st.lists(refer, max_size=3).map(tuple),
        languages=st.lists(text, max_size=2).map(tuple),
        behaviours=st.lists(text, max_size=2).map(tuple),
    )
    placeholder = st.builds(Placeholder, text=text, line=small, column=small, section=text)
    question = st.builds(Question, text=text, resolved=st.booleans(), line=small, anchor=anchor)
    return st.builds(
        DesignDoc,
        src_uri=st.just(uri),
        title=st.just(title),
        title_line=st.integers(0, 5),
        created=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
        created_raw=st.one_of(st.none(), text),
        status=statuses,
        authors=st.lists(text, max_size=3).map(tuple),
        sections=st.lists(
            st.builds(
                Section,
                title=text,
                key=st.one_of(st.none(), st.sampled_from(template_sections())),
                anchor=anchor,
                line=small,
                empty=st.booleans(),
            ),
            max_size=3,
        ).map(tuple),
        missing_sections=st.lists(st.sampled_from(template_sections()), max_size=3).map(tuple),
        depends_on=st.lists(refer, max_size=3).map(tuple),
        used_by=st.lists(refer, max_size=3).map(tuple),
        external=st.lists(text, max_size=2).map(tuple),
        components=st.lists(component, max_size=4).map(tuple),
        questions=st.lists(question, max_size=4).map(tuple),
        alternatives=st.lists(
            st.builds(Alternative, name=text, rejected_because=text, line=st.integers(1, 9)),
            max_size=2,
        ).map(tuple),
        references=st.lists(text, max_size=2).map(tuple),
        placeholders=st.lists(placeholder, max_size=2).map(tuple),
        timeline=st.lists(
            st.tuples(st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)), st.integers(1, 99)),
            max_size=2,
        ).map(tuple),
    )


def _insights(catalog: Catalog) -> Insights:
    changed = {doc.src_uri: dt.date(2024, 1, 1) for doc in catalog.docs[::2]}
    return Insights.derive(catalog, last_changed=changed, today=TODAY, stale_after_days=30)


def _site(catalog: Catalog, *extra: str) -> Site:
    """The plugin's view of a catalog, with page URLs as MkDocs makes them."""
    uris = [*(doc.src_uri for doc in catalog.docs), *extra, "catalog/components.md"]
    rules = PageRules(statuses=catalog.statuses, banner_draft=True, neighbourhood=True)
    urls = {uri: File(uri, "docs", "site", use_directory_urls=True).url for uri in uris}
    return Site(catalog, _insights(catalog), rules, Links(urls, get_relative_url))


def render_all(
    docs: list[DesignDoc], vocabulary: StatusTable, from_uri: str, *, keep: bool = True
) -> dict[str, str]:
    """Every view of the catalog of ``docs`` in ``from_uri``, as HTML, the way the plugin makes it.

    The Markdown goes through Python-Markdown; with ``keep`` (what the plugin does) the HTML
    blocks wait aside and are put back afterwards, without it they go through as raw HTML.
    """
    catalog = Catalog.from_docs(docs, vocabulary)
    site = _site(catalog, from_uri)
    stale, graph, href = site.insights.stale, site.insights.graph, site.href(from_uri)
    shown = list(catalog.docs)
    kept = views_.Fragments("g") if keep else None
    order = site._order
    views = {
        "overview": views_.render_overview(
            catalog, shown, href, title="Designs", stale=stale, fragments=kept, order=order
        ),
        "components": views_.render_components(
            catalog,
            catalog.components,
            href,
            title=None,
            fragments=kept,
            index_uri="catalog/components.md",
            here_uri=from_uri,
            order=order,
        ),
        "questions": views_.render_questions(
            catalog, shown, href, title="Open", stale=stale, fragments=kept, order=order
        ),
        "graph": graphs.render_graph(
            catalog, graph, shown, href, title="Graph", index_uri=None, fragments=kept
        ),
    }
    for doc in catalog.docs:
        uri = doc.src_uri
        views[f"neighbourhood {uri}"] = graphs.render_neighbourhood(catalog, graph, doc, uri)
        role = vocabulary.role(doc.canonical_status)
        views[f"banner {uri}"] = markup.banner(doc, site.insights.successors.get(uri), uri, role)
        views[f"badge {uri}"] = markup.badge(doc.status)
        if uri in site.insights.superseded:
            views[f"supersedes {uri}"] = markup.supersedes_line(site.insights.superseded[uri], uri)
    converted = {
        name: markdown.markdown(text, extensions=["tables", "toc"]) for name, text in views.items()
    }
    return {name: kept.fill(html)[0] if kept else html for name, html in converted.items()}


class _Elements(HTMLParser):
    """Every element and attribute in a piece of HTML, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.elements


SAFE_TAGS = {
    "p", "a", "abbr", "span", "div", "table", "thead", "tbody", "tr", "th", "td", "ul", "ol", "li",
    "h1", "h2", "h3", "strong", "em", "code", "pre", "br", "hr",
    # the graph page's pictures and their folds
    "figure", "figcaption", "details", "summary", "svg", "title", "g", "path", "rect", "text",
    "tspan",
}  # fmt: skip


def assert_inert(html: str) -> None:
    """The HTML holds no script, no event handler and no ``javascript:`` URL."""
    # Payloads may survive as escaped text or inside an attribute value, where they are inert;
    # what matters is what a browser would build from the HTML.
    assert "<script" not in html.lower(), html
    for tag, attrs in elements(html):
        assert tag in SAFE_TAGS, (tag, html)
        for name, value in attrs.items():
            assert not name.startswith("on"), (name, html)
            assert not re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"), html


@REPRODUCIBLE
@given(designs(), VOCABULARIES, st.sampled_from(["catalog/index.md", "index.md", "a.md"]))
# A custom heading id (`### Cache {#x)<script>…}` with attr_list) ends the link early.
@example([DesignDoc("a.md", "A", components=(Component("Cache", XSS_ID, 1),))], STATUSES, "x/i.md")
# A file named like a URL scheme: links to it from pages beside it must stay relative paths.
@example(SCHEME_FILE, STATUSES, "index.md")
def test_renderers_never_raise_and_never_inject(
    docs: list[DesignDoc], vocabulary: StatusTable, from_uri: str
) -> None:
    """Every view of any catalog renders, and page text in it stays text."""
    for name, view in render_all(docs, vocabulary, from_uri).items():
        assert isinstance(view, str), name
        assert_inert(view)


@REPRODUCIBLE
@given(designs(), VOCABULARIES)
@example(SCHEME_FILE, STATUSES)
def test_views_stay_inert_when_markdown_reads_their_html(
    docs: list[DesignDoc], vocabulary: StatusTable
) -> None:
    """Without the fragment store, the HTML blocks go through Python-Markdown; still inert."""
    for view in render_all(docs, vocabulary, "catalog/index.md", keep=False).values():
        assert_inert(view)


@REPRODUCIBLE
@given(designs(), VOCABULARIES, st.randoms(use_true_random=False))
def test_renderers_are_deterministic_whatever_the_input_order(
    docs: list[DesignDoc], vocabulary: StatusTable, rng: random.Random
) -> None:
    """The same designs in any order give byte-identical views and JSON."""
    shuffled = list(docs)
    rng.shuffle(shuffled)
    assert render_all(docs, vocabulary, "catalog/index.md") == render_all(
        shuffled, vocabulary, "catalog/index.md"
    )
    first, second = (Catalog.from_docs(d, STATUSES) for d in (docs, shuffled))
    assert render_json(first, str, _insights(first)) == render_json(second, str, _insights(second))


@REPRODUCIBLE
@given(designs(title=visible_text))
def test_titles_show_verbatim(docs: list[DesignDoc]) -> None:
    """Escaping loses nothing: each title reads exactly as written on the overview."""
    shown = _visible(render_all(docs, STATUSES, "catalog/index.md")["overview"])
    for doc in docs:
        assert " ".join(doc.title.split()) in shown, (doc.title, shown)


def _visible(html: str) -> str:
    """The text a reader sees, whitespace folded."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.text).split())


@REPRODUCIBLE
@given(designs())
def test_json_round_trips_every_string(docs: list[DesignDoc]) -> None:
    """``catalog.json`` parses, and holds each text exactly as the model has it."""
    catalog = Catalog.from_docs(docs, STATUSES)
    data = json.loads(render_json(catalog, lambda uri: f"site/{uri}", _insights(catalog)))
    assert [d["src"] for d in data["designs"]] == [d.src_uri for d in catalog.docs]
    for entry, doc in zip(data["designs"], catalog.docs, strict=True):
        assert entry["title"] == doc.title
        assert entry["status_raw"] == (doc.status.raw if doc.status else None)
        assert entry["created_raw"] == doc.created_raw
        assert entry["authors"] == list(doc.authors)
        assert entry["depends_on"] == list(doc.depends_on)
        assert [c["name"] for c in entry["components"]] == [c.name for c in doc.components]
        assert [c["dependencies"] for c in entry["components"]] == [
            list(c.dependencies) for c in doc.components
        ]
        assert [q["text"] for q in entry["questions"]] == [q.text for q in doc.questions]
        assert [p["text"] for p in entry["placeholders"]] == [p.text for p in doc.placeholders]


#: What the graph's pictures are made of (``output/svg.py``), as an HTML parser names them.
SVG_TAGS = {"svg", "title", "g", "path", "rect", "text", "tspan", "a"}
SVG_ATTRIBUTES = {
    "class", "xmlns", "viewbox", "width", "height", "role", "aria-label", "d", "href", "style",
    "x", "y", "rx", "data-node", "data-from", "data-to",
}  # fmt: skip


@REPRODUCIBLE
@given(designs())
def test_graph_picture_holds_names_only_as_text(docs: list[DesignDoc]) -> None:
    """The SVG is only the elements the plugin draws; each name is in a node's ``<title>``."""
    catalog = Catalog.from_docs(docs, STATUSES)
    drawn = picture.overview(catalog, _insights(catalog).graph, catalog.docs, lambda u, a="": u)
    svg, _ = draw(drawn, STATUSES, label="Graph")
    found = elements(svg)
    for tag, attrs in found:
        assert tag in SVG_TAGS, (tag, svg)
        assert set(attrs) <= SVG_ATTRIBUTES, (attrs, svg)
        if "style" in attrs:
            assert re.fullmatch(rf"--design--node: var\(--design-{_ID}\)", attrs["style"])
    assert sum(tag in ("a", "g") and "data-node" in a for tag, a in found) == len(drawn.nodes)
    assert draw(drawn, STATUSES, label="Graph")[0] == svg


@REPRODUCIBLE
@given(statuses)
def test_badge_is_one_inert_span(status: Status | None) -> None:
    """The badge is one span whose text is the status, whatever the status says."""
    html = markup.badge(status)
    found = elements(html)
    assert [tag for tag, _ in found] == ["span", "span"], html
    outer = found[0][1]
    assert set(outer) <= {"class", "data-design-status"}, html
    expected = "not set" if status is None else status.canonical or status.raw
    assert _visible(html) == " ".join(f"Status: {expected}".split())


#: A status id: letters and digits of any script, joined by single dashes, nothing else.
_ID = r"[^\W_]+(?:-[^\W_]+)*(?:--[0-9a-f]{6})?"
_CSS_LINE = re.compile(
    r"|:root \{|\}|/\*[^*]*\*/"
    rf"|  --design-{_ID}: [#\w(),.% ]+;"
    rf"|\.design-badge--{_ID}(, \.design-banner--{_ID})? \{{[^{{}}]*\}}"
    rf"|\.md-status--{_ID}::after \{{[^{{}}]*\}}"
)


@REPRODUCIBLE
@given(VOCABULARIES)
def test_stylesheet_holds_only_rules_for_status_classes(vocabulary: StatusTable) -> None:
    """A site's statuses add rules for their own classes only, whatever their names say."""
    generated = stylesheet(vocabulary).split("/* ==== Statuses")[1].splitlines()[1:]
    for line in generated:
        assert _CSS_LINE.fullmatch(line), line
    assert sum(line.startswith(".md-status--") for line in generated) == len(vocabulary.names)


@pytest.mark.parametrize(
    "raw",
    ["[click](javascript:alert(1))", "<javascript:alert(1)>", "![x](y.png) [a][b]",
     "**bold** _u_ `c` \\[", 'x" onclick="alert(1)', "~~gone~~ ==mark== ^^ins^^ :smile:",
     "see https://example.com/x and javascript:alert(1)", "$x$ {: .x } a | b"],
)  # fmt: skip
def test_badge_reads_the_same_when_markdown_reads_it(raw: str) -> None:
    """Placed inline where Markdown reads it (a macro calling ``design_badge``), the badge
    makes no link, no emphasis and no image: it still shows the status as written."""
    html = str(markup.badge(Status(raw, None)))
    extensions = ["pymdownx.tilde", "pymdownx.mark", "pymdownx.caret", "pymdownx.magiclink",
                  "pymdownx.emoji", "attr_list", "tables"]  # fmt: skip
    inline = markdown.markdown(f"Before {html} after", extensions=extensions)
    assert_inert(inline)
    assert [tag for tag, _ in elements(inline)] == ["p", "span", "span"], inline
    assert _visible(inline) == " ".join(f"Before Status: {raw} after".split())


def test_strategies_cover_the_model() -> None:
    """Every field a renderer reads is drawn by the strategies above (a new field needs one)."""
    drawn = {
        "src_uri", "title", "title_line", "created", "created_raw", "status", "authors",
        "sections", "missing_sections", "depends_on", "used_by", "external", "components",
        "questions", "alternatives", "references", "placeholders", "timeline",
    }  # fmt: skip
    parser_only = {"reason", "meta", "created_line", "findings", "context_lines", "family"}
    assert {f.name for f in dataclasses.fields(DesignDoc)} - drawn <= parser_only
