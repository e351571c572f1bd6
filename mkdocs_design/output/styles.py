"""The stylesheet: the package's ``design.css`` plus the rules of each status of the vocabulary.

Colours are validated CSS colours and ids are slugs (``[a-z0-9-]``), so a site's statuses can
only ever add rules for their own classes.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

from mkdocs_design.output.markup import status_class
from mkdocs_design.output.views import environment
from mkdocs_design.reading.statuses import UNKNOWN_COLOR

if TYPE_CHECKING:
    from mkdocs_design.reading.statuses import StatusTable

#: A shape cue per role, so that a status is never told by colour alone.
SHAPES = {"Draft": "border-style: dashed;", "Rejected": "text-decoration: line-through;"}


class _Rule(NamedTuple):
    id: str
    color: str
    shape: str


#: The package's own stylesheets, served together as ``design.css``.
SHEETS = ("design.css", "graph.css")


def stylesheet(statuses: StatusTable) -> str:
    """``design.css`` as served: the package's rules, then one set per status."""
    assets = resources.files("mkdocs_design.output").joinpath("assets")
    static = "".join(assets.joinpath(name).read_text("utf-8") for name in SHEETS)
    rules = [
        _Rule(status_class(s.name), s.color, SHAPES.get(s.role, "")) for s in statuses.statuses
    ]
    template = environment().get_template("statuses.css.j2")
    return static + template.render(statuses=rules, unknown=UNKNOWN_COLOR)
