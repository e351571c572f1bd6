"""A page's front matter, read as MkDocs reads it, and the body lines after it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from mkdocs_design.model import Finding, Location, Severity

if TYPE_CHECKING:
    from collections.abc import Mapping


# The same pattern MkDocs uses (mkdocs/utils/meta.py), so we see the front matter MkDocs sees.
_YAML_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


#: The loader MkDocs reads front matter with (mkdocs/utils/meta.py), since the two disagree on
#: some input (`a:\tb` is a mapping to libyaml, an error to the pure-Python loader).
YAML_LOADER: type[yaml.CSafeLoader] | type[yaml.SafeLoader] = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A page's front matter split off its body.

    Attributes:
        meta: The YAML mapping, empty when there is none or it is invalid.
        offset: Number of source lines before the body, so ``offset + index + 1`` is a real line.
        error: A finding when the YAML block is invalid (MkDocs then renders it as text).
    """

    meta: Mapping[str, Any]
    offset: int
    error: Finding | None = None


def split_front_matter(src_uri: str, source: str) -> FrontMatter:
    """Split YAML front matter as MkDocs does, but report invalid YAML instead of hiding it."""
    match = _YAML_RE.match(source)
    if not match:
        return FrontMatter({}, 0)
    try:
        data = yaml.load(match.group(1), Loader=YAML_LOADER)
    # Not only YAMLError: `created: 2025-13-01` is a ValueError from the date constructor.
    # MkDocs catches every exception here too (mkdocs/utils/meta.py) and keeps the page.
    except Exception as error:
        if not match.group(1).strip(" \t").startswith(("\n", "#")):
            return FrontMatter({}, 0, _yaml_finding(src_uri, error))
        # "---", a blank line, then "# Title": a thematic break, not front matter.
        return FrontMatter({}, 0)
    if not isinstance(data, dict):
        return FrontMatter({}, 0)
    rest = source[match.end() :]
    offset = match.group(0).count("\n") + len(rest) - len(rest.lstrip("\n"))
    if _larger_than(data, MAX_VALUES):
        # Aliases share nodes, so a few hundred bytes can stand for billions of values: only
        # the plain top-level ones are read, never the shared structure.
        plain = {k: v for k, v in data.items() if isinstance(v, str | int | float | bool | dt.date)}
        message = (
            f"front matter holds more than {MAX_VALUES:,} values (repeated YAML aliases?); "
            "only its plain top-level values are read"
        )
        return FrontMatter(plain, offset, Finding("front-matter", Severity.WARNING,
                                                  Location(src_uri, 2), message))  # fmt: skip
    return FrontMatter(data, offset)


#: More values than any real front matter holds.
MAX_VALUES = 10_000


def _larger_than(data: object, limit: int) -> bool:
    """Whether ``data`` holds more than ``limit`` values, counting shared ones each time seen.

    The walk stops as soon as it passes the limit, so it costs at most ``limit`` steps.
    """
    stack, seen = [data], 0
    while stack:
        value = stack.pop()
        seen += 1
        if seen > limit:
            return True
        if isinstance(value, dict):
            stack += [*value.keys(), *value.values()]
        elif isinstance(value, list | tuple | set):
            stack += value
    return False


def _yaml_finding(src_uri: str, error: Exception) -> Finding:
    mark = getattr(error, "problem_mark", None)
    line = 2 + (mark.line if mark is not None else 0)
    problem = getattr(error, "problem", None) or str(error) or "invalid YAML"
    message = f"front matter is not valid YAML ({problem}); MkDocs shows it as text"
    return Finding("front-matter", Severity.WARNING, Location(src_uri, line), message)


def body_lines(source: str, front: FrontMatter) -> list[str]:
    r"""The page body's lines, after front matter, with any line ending removed.

    Lines end at ``\n`` only, as Python-Markdown splits them and editors count them: not at
    the form feeds, ``U+2028`` and other separators ``str.splitlines`` also breaks at, which
    would shift every line after them.
    """
    lines = source.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines[front.offset :]
