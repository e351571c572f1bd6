"""The stylesheet: the package's ``design.css`` plus the rules of each status of the vocabulary.

Colours are validated CSS colours and ids are slugs (``[a-z0-9-]``), so a site's statuses can
only ever add rules for their own classes. Each role (default status) has an icon, shipped in
``assets/icons/`` (Octicons, MIT) and embedded as a data URI: a status is told apart by shape
on its badge and on Material's navigation status icon, not by colour alone.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote

from mkdocs_design.output.markup import status_class
from mkdocs_design.output.views import environment
from mkdocs_design.reading.statuses import DEFAULT_STATUSES, UNKNOWN_COLOR, slug

if TYPE_CHECKING:
    from mkdocs_design.reading.statuses import StatusTable

#: A shape cue per role, so that a status is never told by colour alone.
SHAPES = {"Draft": "border-style: dashed;", "Rejected": "text-decoration: line-through;"}


class _Rule(NamedTuple):
    id: str
    color: str
    shape: str
    icon: str  # the role's icon id, or "" for a status without a role


#: The package's own stylesheets, served together as ``design.css``.
SHEETS = ("design.css", "graph.css")


def stylesheet(statuses: StatusTable) -> str:
    """``design.css`` as served: the package's rules, then one set per status."""
    assets = resources.files("mkdocs_design.output").joinpath("assets")
    static = "".join(assets.joinpath(name).read_text("utf-8") for name in SHEETS)
    rules = [
        _Rule(status_class(s.name), s.color, SHAPES.get(s.role, ""), slug(s.role) if s.role else "")
        for s in statuses.statuses
    ]
    template = environment().get_template("statuses.css.j2")
    return static + template.render(statuses=rules, icons=icons(), unknown=UNKNOWN_COLOR)


@cache
def icons() -> dict[str, str]:
    """Each role's icon id (``in-review``, and ``other`` for no role) and its ``data:`` URI."""
    folder = resources.files("mkdocs_design.output").joinpath("assets", "icons")
    made = {}
    for name in (*(slug(s.name) for s in DEFAULT_STATUSES), "other"):
        svg = folder.joinpath(f"{name}.svg").read_text("utf-8").strip()
        # Percent-encoded: nothing in it is special to CSS, HTML escaping or the url("...").
        made[name] = "data:image/svg+xml," + quote(svg, safe=" /:=.,-")
    return made
