"""The views' own link check: HTML links MkDocs does not validate are checked by the plugin."""

from __future__ import annotations

import datetime as dt

from mkdocs.utils import get_relative_url

from mkdocs_design.catalog.catalog import Catalog
from mkdocs_design.catalog.lifecycle import Insights
from mkdocs_design.model import Component, DesignDoc, Question, Section
from mkdocs_design.output.links import Links
from mkdocs_design.output.site import PageRules, Site
from mkdocs_design.reading.statuses import StatusTable

DOC = DesignDoc(
    "team/a.md",
    "A",
    sections=(Section("Open Questions", "Open Questions", "open-questions", 5),),
    components=(Component("Queue", "1-queue", 7),),
    questions=(Question("Why?", False, 9, "q-why"),),
)


def site() -> Site:
    catalog = Catalog.from_docs([DOC], StatusTable.build())
    insights = Insights.derive(catalog, last_changed={}, today=dt.date(2026, 1, 1))
    urls = {"team/a.md": "team/a/", "index.md": ""}
    return Site(
        catalog, insights, PageRules(statuses=catalog.statuses), Links(urls, get_relative_url)
    )


def test_links_to_known_anchors_are_not_reported() -> None:
    """Anchors the model knows (sections, components, questions) pass."""
    views = site()
    href = views.href("index.md")
    assert [href("team/a.md", a) for a in ("open-questions", "1-queue", "q-why")] == [
        "team/a/#open-questions",
        "team/a/#1-queue",
        "team/a/#q-why",
    ]
    assert views.broken_links() == []


def test_a_link_to_a_missing_anchor_or_page_is_reported() -> None:
    """A link the views wrote to an id or page that does not exist is a finding."""
    views = site()
    href = views.href("index.md")
    href("team/a.md", "no-such-id")
    href("team/gone.md")
    assert views.broken_links() == [
        ("index.md", "team/a.md", "no-such-id"),
        ("index.md", "team/gone.md", ""),
    ]
