"""The catalog across all design pages: lookups, the component index and question totals.

Pure: built once per build from the parsed :class:`~mkdocs_design.model.DesignDoc` values,
then read by the renderers. Sorting keys are documented so output is deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from markdown.extensions.toc import unique

from mkdocs_design.reading.sections import template_sections
from mkdocs_design.reading.statuses import DECIDED, StatusTable
from mkdocs_design.reading.text import fold

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs_design.model import Component, DesignDoc

# Never from inside a run of spaces (its first space reads it), and a "(" that cannot close
# keeps the rest of its line (the group, put back by the substitution), so each line is read once.
_PAREN = re.compile(r"(?:(?<!\s)|(?!\s))\s*\(.*\)\s*$|(\((?:.*\S)?)")
# What an anchor keeps of a name: letters and digits of every script; each run of anything else
# (the underscore too, so that toc's "_1" suffixes can never be mistaken for a name) is one "-".
_NOT_ALNUM = re.compile(r"[\W_]+")


def component_key(name: str) -> str:
    """The key a component is matched by (``Event Publisher (`bus.go`)`` → ``event publisher``)."""
    return fold(_PAREN.sub(r"\1", name) if "(" in name else name)


def anchor_slug(key: str) -> str:
    """The readable part of a component's anchor: ``c++ parser`` → ``c-parser``.

    ASCII names read as they always have (letters and digits, lowercased, ``-`` between runs),
    so existing links keep working. Other scripts keep their letters (``api кэш`` →
    ``api-кэш``): HTML ids and URL fragments take any character, browsers show them as
    written, and a transliteration would need a table per script, read worse to the team that
    wrote the name, and make new collisions of its own. A name without a letter or digit
    (``🚀``, ``+++``) spells its code points (``1f680``), so its anchor is stable too.
    """
    text = unicodedata.normalize("NFC", key.lower())
    words = _NOT_ALNUM.sub("-", text).strip("-")
    if words:
        return words
    return "-".join(f"{ord(char):x}" for char in text[:12] if not char.isspace()) or "unnamed"


@dataclass(frozen=True, slots=True)
class ComponentEntry:
    """One row of the component index: a component and every design that describes it.

    Attributes:
        name: Display name (as written by the first design, in catalog order).
        key: Folded name used for matching dependencies.
        anchor: Id of the row on the component index page.
        sources: ``(design, component)`` pairs, in catalog order.
        dependencies: Dependencies named by any source, in order, without repeats.
        used_by: Names of components that depend on this one, sorted.
        used_by_designs: Designs whose Depends On names this component, in catalog order.
    """

    name: str
    key: str
    anchor: str
    sources: tuple[tuple[DesignDoc, Component], ...]
    dependencies: tuple[str, ...]
    used_by: tuple[str, ...] = ()
    used_by_designs: tuple[DesignDoc, ...] = ()

    @property
    def designs(self) -> list[DesignDoc]:
        """The designs that describe this component, in catalog order."""
        return [doc for doc, _ in self.sources]

    @property
    def responsibility(self) -> str:
        """The first responsibility any source states."""
        return next((c.responsibility for _, c in self.sources if c.responsibility), "")


@dataclass(frozen=True)
class Catalog:
    """All design pages of a site, sorted by lifecycle status, then title, then path.

    Attributes:
        docs: The design pages in catalog order.
        statuses: The site's status vocabulary.
        reserved: Ids the component index page already has (its title's), which no row takes.
    """

    docs: tuple[DesignDoc, ...]
    statuses: StatusTable
    reserved: frozenset[str] = field(default=frozenset())

    @classmethod
    def from_docs(
        cls,
        docs: Iterable[DesignDoc],
        statuses: StatusTable,
        *,
        reserved: Iterable[str] = (),
    ) -> Catalog:
        """Build the catalog; input order does not matter.

        Args:
            docs: The design pages.
            statuses: The site's status vocabulary.
            reserved: Ids already on the component index page (its title's, as ``toc`` gives
                it), which the rows' anchors must not repeat.
        """
        ordered = sorted(
            docs, key=lambda d: (statuses.rank(d.canonical_status), d.title.casefold(), d.src_uri)
        )
        return cls(tuple(ordered), statuses, frozenset(reserved))

    @cached_property
    def by_uri(self) -> dict[str, DesignDoc]:
        """Design pages by ``src_uri``."""
        return {doc.src_uri: doc for doc in self.docs}

    def status_totals(self, docs: Iterable[DesignDoc] | None = None) -> list[tuple[str, int]]:
        """``(status, count)`` in lifecycle order, then ``Unknown`` and ``None`` when present.

        Args:
            docs: Count these designs (a filtered view) instead of the whole catalog.
        """
        counts: dict[str, int] = {}
        for doc in self.docs if docs is None else docs:
            name = doc.canonical_status or ("Unknown" if doc.status else "None")
            counts[name] = counts.get(name, 0) + 1
        order = [*self.statuses.names, "Unknown", "None"]
        return [(name, counts[name]) for name in order if name in counts]

    @cached_property
    def components(self) -> tuple[ComponentEntry, ...]:
        """The component index, alphabetical by folded name; one entry per distinct name."""
        grouped: dict[str, list[tuple[DesignDoc, Component]]] = {}
        for doc in self.docs:
            for comp in doc.components:
                grouped.setdefault(component_key(comp.name), []).append((doc, comp))
        users = self._users(grouped)
        designs = self._design_users(grouped)
        keys = sorted(grouped)
        # A key folds symbols away; a name of symbols only (``🚀``) is spelt from the name.
        anchors = unique_anchors((k or grouped[k][0][1].name for k in keys), self.reserved)
        return tuple(
            ComponentEntry(
                name=grouped[key][0][1].name,
                key=key,
                anchor=anchor,
                sources=tuple(grouped[key]),
                dependencies=tuple(
                    dict.fromkeys(d for _, c in grouped[key] for d in c.dependencies)
                ),
                used_by=tuple(sorted(users.get(key, ()), key=str.casefold)),
                used_by_designs=tuple(designs.get(key, ())),
            )
            for key, anchor in zip(keys, anchors, strict=True)
        )

    def find_component(self, name: str) -> ComponentEntry | None:
        """The index entry a dependency names, if it names a known component.

        ``Rate Limiter, with a 10 req/s policy`` names ``Rate Limiter``: the longest known
        name the dependency starts with, followed by a non-word character, wins.
        """
        # Each dependency name is asked for by the graph and by every view that links it.
        found = self._found
        if name not in found:
            found[name] = self._match_component(name)
        return found[name]

    def _match_component(self, name: str) -> ComponentEntry | None:
        key = component_key(name)
        keys = self._component_keys
        if (exact := keys.get(key)) is not None:
            return exact
        # Longest first, each prefix of whole words looked up directly (a scan over candidates
        # would make the index quadratic in the number of components).
        words = key.split(" ")
        for end in range(len(words) - 1, 0, -1):
            if (found := keys.get(" ".join(words[:end]))) is not None:
                return found
        return None

    @cached_property
    def _component_keys(self) -> dict[str, ComponentEntry]:
        return {entry.key: entry for entry in self.components}

    @cached_property
    def _found(self) -> dict[str, ComponentEntry | None]:
        return {}

    @staticmethod
    def _users(grouped: dict[str, list[tuple[DesignDoc, Component]]]) -> dict[str, set[str]]:
        users: dict[str, set[str]] = {}
        for key, pairs in grouped.items():
            for _doc, comp in pairs:
                for dep in comp.dependencies:
                    dep_key = component_key(dep)
                    if dep_key in grouped and dep_key != key:
                        users.setdefault(dep_key, set()).add(pairs[0][1].name)
        return users

    def _design_users(
        self, grouped: dict[str, list[tuple[DesignDoc, Component]]]
    ) -> dict[str, list[DesignDoc]]:
        found: dict[str, dict[str, DesignDoc]] = {}
        for doc in self.docs:
            for name in doc.depends_on:
                if (key := component_key(name)) in grouped:
                    found.setdefault(key, {})[doc.src_uri] = doc
        return {key: list(docs.values()) for key, docs in found.items()}

    def decided_with_open_questions(self) -> list[DesignDoc]:
        """Designs whose status says decided (role Approved or Implemented) with open questions."""
        decided = self.statuses.having(DECIDED)
        return [d for d in self.docs if d.canonical_status in decided and d.open_questions]


def unique_anchors(keys: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """``component-`` and each key's :func:`anchor_slug`, made unique as ``toc`` does (``_1``).

    Keys sharing a slug (``c parser``, ``c++ parser``) are told apart in the order given: the
    first keeps the plain anchor, the next gets ``_1``, and so on. A slug holds no ``_``, so a
    suffixed anchor never equals another key's plain one.
    """
    used = set(taken)
    last: dict[str, str] = {}  # resume each _1, _2 … chain: many equal slugs stay linear
    found: list[str] = []
    for key in keys:
        base = "component-" + anchor_slug(key)
        last[base] = anchor = unique(last.get(base, base), used)
        found.append(anchor)
    return found


def completeness(doc: DesignDoc) -> tuple[int, int]:
    """``(filled, total)``: template sections present and non-empty, out of all of them."""
    filled = {s.key for s in doc.sections if s.key and not s.empty}
    return len(filled), len(template_sections())
