"""Status vocabulary: canonical statuses in lifecycle order, their aliases, and matching.

Pure: the plugin builds a :class:`StatusTable` from configuration once per build and hands it
to the parser, which resolves each page's raw status text against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

#: The default lifecycle, in order, each with its aliases. Matching is case-insensitive.
DEFAULT_STATUSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Draft", ("WIP", "Work in Progress", "Pre-draft", "Idea")),
    ("In Review", ("Proposed", "Review", "Under Review", "In Discussion", "Discussion", "RFC")),
    ("Approved", ("Accepted", "Agreed", "Signed Off")),
    ("Implemented", ("Done", "Complete", "Completed", "Shipped", "Released", "Live")),
    ("Deferred", ("Postponed", "On Hold", "Paused", "Parked")),
    ("Rejected", ("Declined", "Withdrawn", "Abandoned", "Won't Do")),
    ("Superseded", ("Replaced", "Obsoleted")),
    ("Deprecated", ("Obsolete", "Retired", "Sunset")),
)

_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)|\[([^\]]*)\]\[[^\]]*\]")
_MARKUP = re.compile(r"[*_`~]+")
_SPACE = re.compile(r"\s+")


def slug(name: str) -> str:
    """Return the CSS/metadata identifier of a status name (``In Review`` → ``in-review``)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "unknown"


def normalise(text: str) -> str:
    """Fold a status text for matching: link texts kept, markup dropped, case and spaces folded."""
    text = _LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(3), text)
    return _SPACE.sub(" ", _MARKUP.sub("", text)).strip().casefold()


def first_link(text: str) -> str | None:
    """Return the target of the first inline Markdown link in ``text``, if any."""
    for match in _LINK.finditer(text):
        if match.group(2) is not None and not match.group(0).startswith("!"):
            return match.group(2)
    return None


@dataclass(frozen=True, slots=True)
class StatusTable:
    """The statuses a site knows, in lifecycle order, and how raw texts map onto them.

    Attributes:
        names: Canonical names in lifecycle order.
        keys: ``(folded alias or name, canonical name)`` pairs, longest first, so that
            ``In Review`` wins over ``In`` and ``Ready for Implementation`` over ``Ready``.
    """

    names: tuple[str, ...]
    keys: tuple[tuple[str, str], ...]

    @classmethod
    def build(
        cls,
        statuses: Iterable[tuple[str, Iterable[str]]] = DEFAULT_STATUSES,
        aliases: Mapping[str, str] | None = None,
    ) -> StatusTable:
        """Build a table from ``(name, aliases)`` pairs plus extra ``alias → name`` aliases.

        Raises:
            ValueError: When an extra alias points at a status that is not defined.
        """
        names: list[str] = []
        pairs: dict[str, str] = {}
        for name, own in statuses:
            names.append(name)
            for key in (name, *own):
                pairs.setdefault(normalise(key), name)
        by_folded = {normalise(n): n for n in names}
        for alias, target in (aliases or {}).items():
            if normalise(target) not in by_folded:
                known = ", ".join(names)
                raise ValueError(f"alias {alias!r} points at unknown status {target!r} ({known})")
            pairs[normalise(alias)] = by_folded[normalise(target)]
        keys = tuple(sorted(pairs.items(), key=lambda kv: (-len(kv[0]), kv[0])))
        return cls(names=tuple(names), keys=keys)

    def resolve(self, raw: str) -> str | None:
        """Return the canonical status for a raw text, or ``None`` when it is unknown.

        The text matches when it equals a name or alias, or starts with one followed by
        something that is not a letter or digit, so commentary is ignored:
        ``Draft — awaiting approval`` and ``Superseded by [Bus](bus.md)`` both match.
        """
        text = normalise(raw)
        for key, name in self.keys:
            if text == key or (text.startswith(key) and not text[len(key)].isalnum()):
                return name
        return None

    def rank(self, name: str | None) -> int:
        """Position of a canonical status in the lifecycle; unknown statuses sort last."""
        return self.names.index(name) if name in self.names else len(self.names)
