"""The status vocabulary: statuses in lifecycle order, their aliases, colours and roles.

One :class:`StatusTable` per build is the single source for everything statuses drive: matching
a page's status text, the catalog's lifecycle order, badge and graph colours, the filter
script's sort order, banners, and which statuses count as decided or settled. A site's own
statuses take their place in it with a *role*: the default status they behave like.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from mkdocs_design.reading.text import fold
from mkdocs_design.reading.vocabulary import Vocabulary

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence


class StatusDef(NamedTuple):
    """One status of the lifecycle.

    Attributes:
        name: The canonical name shown on badges (``In Review``).
        aliases: Other spellings that mean it, matched case-insensitively.
        color: Its CSS colour.
        role: The default status it behaves like (banners, staleness, settled), or ``""``.
        after: Place it after this status in the lifecycle; ``""``: at the end.
    """

    name: str
    aliases: tuple[str, ...] = ()
    color: str = ""
    role: str = ""
    after: str = ""


#: The default lifecycle, in order. Each default status plays its own role.
DEFAULT_STATUSES: tuple[StatusDef, ...] = (
    StatusDef("Draft", ("WIP", "Work in Progress", "Pre-draft", "Idea"), "#6e7781", "Draft"),
    StatusDef(
        "In Review",
        ("Proposed", "Review", "Under Review", "In Discussion", "Discussion", "RFC"),
        "#9a6700",
        "In Review",
    ),
    StatusDef("Approved", ("Accepted", "Agreed", "Signed Off"), "#1a7f37", "Approved"),
    StatusDef(
        "Implemented",
        ("Done", "Complete", "Completed", "Shipped", "Released", "Live"),
        "#0969da",
        "Implemented",
    ),
    StatusDef("Deferred", ("Postponed", "On Hold", "Paused", "Parked"), "#8250df", "Deferred"),
    StatusDef(
        "Rejected", ("Declined", "Withdrawn", "Abandoned", "Won't Do"), "#cf222e", "Rejected"
    ),
    StatusDef("Superseded", ("Replaced", "Obsoleted"), "#bc4c00", "Superseded"),
    StatusDef("Deprecated", ("Obsolete", "Retired", "Sunset"), "#57606a", "Deprecated"),
)
#: Colour of a status that matches none, and of a site status given no colour.
UNKNOWN_COLOR = "#57606a"
#: Roles whose designs are over: they get a banner and may name a successor.
ENDED = frozenset({"Superseded", "Deprecated", "Rejected"})
#: Roles whose designs are decided: open questions on them are called out.
DECIDED = frozenset({"Approved", "Implemented"})
#: Roles whose timeline may lie in the past without remark.
SETTLED = frozenset({"Implemented", "Deferred", *ENDED})
#: Roles that can go stale.
EARLY = frozenset({"Draft", "In Review"})

# Inline links (group 2 their target), images and reference links (``[a][b]``, which hide an
# inline link after them). Linear: the target and the rest of the parentheses share no
# character, and a start that cannot close (``[a](`` with no ``)`` after it, ``[`` with no ``]``)
# is matched by the last alternative, so that no later start reads the same text again.
_LINK = re.compile(
    r"!?\[([^\]]*)\]\(([^)\s]*)(?:\s[^)]*)?\)|\[([^\]]*)\]\[[^\]]*\]|\[[^\]]*(?:\]\([^)]*)?"
)
_WORDS = re.compile(r"[^\W_]+")
_COLOR = re.compile(r"^(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(?:rgb|hsl)a?\([0-9.,%\s]+\))$")


def slug(name: str) -> str:
    """The CSS and metadata id of a status name: ``In Review`` → ``in-review``.

    Letters of every script are kept (``Готово`` → ``готово``). Two names never share an id:
    a name that is more than words and single spaces also gets a short hash of itself
    (``Ready (QA)`` → ``ready-qa--…``, apart from ``Ready QA``), and so does a status named
    ``Unknown`` (``unknown`` is the id of statuses the site does not know).
    """
    return _slug(name)


@lru_cache(maxsize=1024)
def _slug(name: str) -> str:
    folded = name.casefold()
    words = _WORDS.findall(folded)
    ident = "-".join(words) or "unknown"
    if not folded or (" ".join(words) == folded and ident != "unknown"):
        return ident
    # Words are joined by single dashes: "--" before the hash keeps it from being spelt.
    return f"{ident}--{hashlib.blake2s(name.encode(errors='replace'), digest_size=3).hexdigest()}"


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
        statuses: Every status in lifecycle order.
        keys: ``(folded alias or name, canonical name)`` pairs, longest first, so that
            ``In Review`` wins over ``In`` and ``Ready for Implementation`` over ``Ready``.
    """

    statuses: tuple[StatusDef, ...]
    keys: tuple[tuple[str, str], ...]

    @classmethod
    def build(
        cls,
        own: Iterable[StatusDef] = (),
        aliases: Mapping[str, str] | None = None,
        translations: Mapping[str, Iterable[str]] | None = None,
    ) -> StatusTable:
        """The default lifecycle with a site's own statuses and aliases.

        A status of ``own`` named like a default one adds its aliases (and colour) to it; a new
        one takes its place after ``after`` (at the end without). Names win over every alias,
        a site's aliases over the default ones, and ``aliases`` (``alias → name``) over all.

        Args:
            own: The site's statuses.
            aliases: The site's ``alias → status`` pairs.
            translations: Default status → its words in other languages; the vocabulary's
                when ``None``.

        Raises:
            ValueError: When an alias or ``after`` names an unknown status, or a colour is
                not a CSS colour.
        """
        words = Vocabulary.build().statuses if translations is None else translations
        defaults = tuple(
            s._replace(aliases=(*s.aliases, *words.get(s.name, ()))) for s in DEFAULT_STATUSES
        )
        own = tuple(own)
        _distinct(own)
        ordered = _merge(defaults, own)
        names = [s.name for s in ordered]
        by_folded = {fold(n): n for n in names}
        pairs = dict(by_folded)
        for status in (*(s for s in ordered if s not in defaults), *defaults):
            for alias in status.aliases:
                pairs.setdefault(fold(alias), status.name)
        for status in own:
            for alias in status.aliases:
                if by_folded.get(fold(alias), status.name) != status.name:
                    raise ValueError(f"status {status.name!r}: its alias {alias!r} is the name "
                                     f"of status {by_folded[fold(alias)]!r}")  # fmt: skip
        for alias, target in (aliases or {}).items():
            if fold(target) not in by_folded:
                known = ", ".join(names)
                raise ValueError(f"alias {alias!r} points at unknown status {target!r} ({known})")
            other = by_folded.get(fold(alias))
            if other is not None and other != by_folded[fold(target)]:
                raise ValueError(f"alias {alias!r} of {target!r} is the name of status {other!r}")
            pairs[fold(alias)] = by_folded[fold(target)]
        keys = tuple(sorted(pairs.items(), key=lambda kv: (-len(kv[0]), kv[0])))
        return cls(tuple(ordered), keys)

    @property
    def names(self) -> tuple[str, ...]:
        """Canonical names in lifecycle order."""
        return tuple(s.name for s in self.statuses)

    def resolve(self, raw: str) -> str | None:
        """Return the canonical status for a raw text, or ``None`` when it is unknown.

        The text matches when it equals a name or alias, or starts with one followed by
        something that is not a letter or digit, so commentary is ignored:
        ``Draft — awaiting approval``, ``Approved 2026-06-14`` and ``Superseded by
        [Bus](bus.md)`` all match. Leading words that only say what the status is of
        (``Design approved``, ``Status: Draft``) are skipped.
        """
        return _resolve(self, fold(raw))

    def suggest(self, raw: str) -> str | None:
        """The status a text most likely misspells (``Aproved`` → ``Approved``), if one is close."""
        close = difflib.get_close_matches(fold(raw), [key for key, _ in self.keys], 1, 0.75)
        return dict(self.keys)[close[0]] if close else None

    def rank(self, name: str | None) -> int:
        """Position of a canonical status in the lifecycle; unknown statuses sort last."""
        names = self.names
        return names.index(name) if name in names else len(names)

    def role(self, name: str | None) -> str:
        """The default status ``name`` behaves like (``""`` for none or an unknown status)."""
        return next((s.role for s in self.statuses if s.name == name), "")

    def having(self, roles: frozenset[str]) -> frozenset[str]:
        """The names of the statuses whose role is one of ``roles``."""
        return frozenset(s.name for s in self.statuses if s.role in roles)

    def color(self, name: str | None) -> str:
        """The CSS colour of a status (a neutral grey for none or an unknown one)."""
        return next((s.color for s in self.statuses if s.name == name), UNKNOWN_COLOR)


#: Words before a status that only say what it is the status of.
_FILLERS = frozenset({"design", "doc", "document", "spec", "status", "decision", "proposal", "rfc"})


@lru_cache(maxsize=4096)
def _resolve(table: StatusTable, text: str) -> str | None:
    while True:  # a loop, not recursion: "status status … draft" must not exhaust the stack
        for key, name in table.keys:
            if text == key or (text.startswith(key) and not text[len(key)].isalnum()):
                return name
        first, _, rest = text.partition(" ")
        if first not in _FILLERS or not rest:
            return None
        text = rest


def _merge(defaults: tuple[StatusDef, ...], own: Iterable[StatusDef]) -> list[StatusDef]:
    """The lifecycle with ``own`` merged in: same names extended, new ones placed."""
    ordered = list(defaults)
    for status in own:
        if status.color and not _COLOR.match(status.color):
            raise ValueError(f"status {status.name!r}: {status.color!r} is not a CSS colour")
        at = next((n for n, s in enumerate(ordered) if _same(s.name, status.name)), None)
        if at is not None:
            known = ordered[at]
            ordered[at] = known._replace(
                aliases=(*known.aliases, *status.aliases), color=status.color or known.color
            )
            continue
        ordered.insert(_position(ordered, status), _placed(ordered, status))
    return ordered


def _position(ordered: list[StatusDef], status: StatusDef) -> int:
    if not status.after:
        return len(ordered)
    for n, known in enumerate(ordered):
        if _same(known.name, status.after):
            return n + 1
    raise ValueError(f"status {status.name!r}: 'after' names unknown status {status.after!r}")


def _placed(ordered: list[StatusDef], status: StatusDef) -> StatusDef:
    """``status`` with its role settled: as given, else that of the status it follows."""
    role = ""
    if status.role:
        role = next((s.name for s in DEFAULT_STATUSES if _same(s.name, status.role)), "")
        if not role:
            known = ", ".join(s.name for s in DEFAULT_STATUSES)
            raise ValueError(f"status {status.name!r}: 'like' must name a default status ({known})")
    elif status.after:
        role = next((s.role for s in ordered if _same(s.name, status.after)), "")
    return status._replace(role=role, color=status.color or UNKNOWN_COLOR)


def _distinct(own: Sequence[StatusDef]) -> None:
    """Refuse two of a site's statuses that read the same (``Ready (QA)`` and ``Ready QA``)."""
    seen: dict[str, str] = {}
    for status in own:
        if (first := seen.setdefault(fold(status.name), status.name)) != status.name:
            raise ValueError(
                f"statuses {first!r} and {status.name!r} read as one status (names match "
                "ignoring case, spaces and punctuation): name them apart"
            )


def _same(name: str, other: str) -> bool:
    return fold(name) == fold(other)
