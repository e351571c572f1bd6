"""The ``design`` plugin's options, as users write them in ``mkdocs.yml``.

Options are flat and grouped by prefix (``placeholders_*``, ``overview_*``, ``components_*``,
``questions_*``, ``json_*``) as Material users expect. Every option's docstring is its user
documentation; the README's configuration reference mirrors them.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

LEVELS = ("ignore", "info", "warn", "error")


class StatusConfig(base.Config):
    """One status of the lifecycle, as listed under ``statuses``."""

    name = c.Type(str)
    """Canonical name shown on badges (``Ready for QA``)."""
    aliases = c.ListOfItems(c.Type(str), default=[])
    """Other spellings that mean this status, matched case-insensitively."""
    color = c.Optional(c.Type(str))
    """CSS colour of its badge, graph node and nav icon (``#6f42c1``); neutral grey when unset."""
    after = c.Optional(c.Type(str))
    """Place it after this status in the lifecycle (``Approved``); at the end when unset."""
    like = c.Optional(c.Type(str))
    """The default status it behaves like: ``Rejected``, ``Superseded`` and ``Deprecated`` get
    banners, ``Approved`` and ``Implemented`` count as decided, ``Draft`` and ``In Review`` can
    go stale. Unset: like the status it comes ``after``."""


class DesignConfig(base.Config):
    """Configuration of the ``design`` plugin."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it (``enabled: !ENV [DESIGN, true]``)."""

    detect = c.Choice(("auto", "front_matter"), default="auto")
    """``auto``: front matter ``design: true``, a ``Design: <name>`` title, or three template
    sections make a design page. ``front_matter``: only ``design: true`` does."""
    vocabulary = c.Type(dict, default={})
    """Your own words for sections, labels, titles and statuses, added to the built-in ones
    (English, Chinese, Japanese, Korean, Russian, Spanish, Portuguese, German, French), in
    the shape of the package's ``reading/vocabulary.yml``: ``sections: {Open Questions:
    {strong: [Offene Punkte]}}``, ``labels: {status: [Zustand]}``, ``statuses: {Approved:
    [Abgenommen]}``."""
    include = c.ListOfItems(c.Type(str), default=[])
    """Gitignore-style globs (relative to ``docs_dir``) where detection looks; empty: everywhere."""
    exclude = c.ListOfItems(c.Type(str), default=[])
    """Gitignore-style globs where detection never looks."""

    statuses = c.ListOfItems(c.SubConfig(StatusConfig), default=[])
    """Extra statuses, or extra aliases and colours for the default ones (same name)."""
    status_aliases = c.DictOfItems(c.Type(str), default={})
    """``alias: Status`` pairs, e.g. ``Ready for Implementation: Approved``."""
    status_unknown = c.Choice(LEVELS, default="warn")
    """How to report a status that matches no status or alias."""
    badge = c.Type(bool, default=True)
    """Show the status badge under each design page's title."""
    # Off by default: Material draws the icon for every design page in every page's nav,
    # pages x designs renders (about +25% build time at 1,000 designs); see the README.
    nav_status = c.Type(bool, default=False)
    """Set ``status`` in page metadata so Material shows its status icon in the navigation."""

    placeholders = c.Choice(("ignore", "warn", "error"), default="warn")
    """What unresolved template placeholders do: nothing, a warning each, or fail the build."""
    placeholders_error_from = c.Optional(c.Type(str))
    """With ``placeholders: error``, only designs at this status or later in the lifecycle
    fail the build; earlier ones (drafts) only warn. Unset: every design fails."""
    placeholders_patterns = c.ListOfItems(c.Type(str), default=[])
    """Extra regular expressions for bracketed placeholders (``\\[(?i:owner)\\]``)."""
    placeholders_ignore = c.ListOfItems(c.Type(str), default=[])
    """Bracketed texts that are never placeholders (``[sic]``)."""
    placeholders_mark = c.Type(bool, default=True)
    """Highlight unresolved placeholders on the rendered page."""
    placeholders_on_serve = c.Choice(("warn", "error"), default="warn")
    """What ``error`` means under ``mkdocs serve``: ``warn`` keeps the preview alive."""

    overview = c.Type(bool, default=True)
    """Generate the catalog overview page."""
    overview_path = c.Type(str, default="design-catalog/index.md")
    """Where the overview page goes, relative to ``docs_dir``."""
    overview_title = c.Type(str, default="Design catalog")
    """Title of the overview page."""
    components = c.Type(bool, default=True)
    """Generate the component index page."""
    components_path = c.Type(str, default="design-catalog/components.md")
    """Where the component index goes."""
    components_title = c.Type(str, default="Component index")
    """Title of the component index."""
    questions = c.Type(bool, default=True)
    """Generate the open-questions dashboard."""
    questions_path = c.Type(str, default="design-catalog/questions.md")
    """Where the open-questions dashboard goes."""
    questions_title = c.Type(str, default="Open questions")
    """Title of the open-questions dashboard."""
    graph = c.Type(bool, default=True)
    """Generate the dependency graph page."""
    graph_path = c.Type(str, default="design-catalog/graph.md")
    """Where the dependency graph page goes."""
    graph_title = c.Type(str, default="Dependency graph")
    """Title of the dependency graph page."""
    catalog_labels = c.Type(dict, default={})
    """Your own words for the catalog pages' titles, headings, column headers and filters, by
    language, in the shape of the package's ``output/templates/labels.yml``: ``{de:
    {unwritten: leer}, it: {overview_title: Catalogo dei design}}``. The pages speak the
    language of the site (the theme's, or each language's under mkdocs-static-i18n); a title
    set with ``*_title`` wins in every language."""
    neighbourhood = c.Type(bool, default=False)
    """Show each design's neighbourhood (what it depends on, what depends on it) under its
    title. Authors can also place it with ``<!-- design/neighbourhood -->``."""
    reconcile = c.Choice(LEVELS, default="info")
    """How to report designs that disagree (A depends on B, B's Used By omits A) and component
    dependencies that no design defines."""

    banners = c.Type(bool, default=True)
    """Show a banner on Superseded, Deprecated and Rejected designs, linking the successor."""
    banner_draft = c.Type(bool, default=False)
    """Also show a "Draft" banner on drafts."""
    stale_after_days = c.Type(int, default=90)
    """Mark designs still in an early status after this many days (0 turns it off). Age
    counts from the last git commit touching the page, else from its Created date."""
    stale_statuses = c.Optional(c.ListOfItems(c.Type(str)))
    """Statuses that can go stale; unset: those like Draft or In Review."""
    lifecycle_checks = c.Choice(LEVELS, default="info")
    """How to report a Created date in the future, or a timeline whose dates have passed while
    the design is not Implemented."""
    filters = c.Type(bool, default=True)
    """Add the small filter-and-sort script to the catalog pages (they work without it)."""

    json = c.Type(bool, default=True)
    """Write the machine-readable catalog."""
    json_path = c.Type(str, default="design-catalog/catalog.json")
    """Where ``catalog.json`` goes in the built site."""
