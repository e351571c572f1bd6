"""The words design pages are written with, in every language the plugin ships, by meaning.

The built-in vocabulary is ``vocabulary.yml`` beside this module; a site extends it with the
plugin's ``vocabulary`` option, in the same shape. Every name is kept folded as
:func:`title_key` folds headings, so a lookup is one dictionary access.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from mkdocs_design.reading.frontmatter import YAML_LOADER
from mkdocs_design.reading.text import NUMBERING, fold

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

# "(?:(?<!\s)|(?!\s))": never start inside a run of spaces; its first space read all of it.
#: A parenthetical at the end of a title, half- or full-width: "(Resolved)", "（可选）".
_PAREN = re.compile(r"(?:(?<!\s)|(?!\s))\s*[(（][^()（）]*[)）]\s*$")
#: What may stand between a title's words and the feature's name.
_SEPARATOR = re.compile(r"(?:(?<!\s)|(?!\s))(?:\s*[:：|·•]\s*|\s+[-—–]+\s+|\s*[—–]\s*)")
#: Keys of the ``vocabulary`` option and of ``vocabulary.yml``.
KEYS = ("sections", "families", "labels", "titles", "groups", "aspects", "summaries", "statuses")


@lru_cache(maxsize=1 << 15)  # headings and labels repeat across pages: template titles
def title_key(title: str) -> str:
    """A heading as names match: numbering, a trailing parenthetical and ``&`` ignored."""
    title = _PAREN.sub("", NUMBERING.sub("", title.strip()))
    return fold(title.replace("&", " and ").replace("/", " and "))


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """What headings, labels and titles mean, folded for lookup.

    Attributes:
        sections: Folded section name → the template section it names.
        strong: The folded section names that also count towards detecting a design page.
        families: Family (``kiro``, ``adr``) → the folded names of the sections that mark it.
        labels: Folded label → the field it fills (``status``, ``responsibility`` …).
        titles: Folded words a design title is made of (``design document``, ``设计文档``).
        joined: Those of them that may follow the name with no separator (``X 设计文档``).
        groups: Folded words that make a heading group components (``layer``, ``backend``).
        aspects: Folded names of a component's own subsections (``state management``).
        summaries: Folded names of overview headings (``summary table``).
        statuses: Default status → the words that mean it in other languages.
    """

    sections: Mapping[str, str]
    strong: frozenset[str]
    families: Mapping[str, frozenset[str]]
    labels: Mapping[str, str]
    titles: frozenset[str]
    joined: tuple[str, ...]
    groups: frozenset[str]
    aspects: frozenset[str]
    summaries: frozenset[str]
    statuses: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, extra: Mapping[str, Any] | None = None) -> Vocabulary:
        """The built-in vocabulary, with a site's own words added (same shape as the file).

        The same words give the same object, so what was read with it stays valid across
        ``serve`` rebuilds.

        Raises:
            ValueError: When ``extra`` is not shaped like ``vocabulary.yml``.
        """
        return _build(json.dumps(extra or {}, sort_keys=True, default=str))

    @classmethod
    def _from(cls, extra: Mapping[str, Any]) -> Vocabulary:
        data = _merge(_builtin(), extra)
        sections: dict[str, str] = {}
        strong: set[str] = set()
        for key, names in data["sections"].items():
            sections[title_key(key)] = key
            for name in names.get("strong", []):
                sections[title_key(name)] = key
                strong.add(title_key(name))
            for name in names.get("names", []):
                sections.setdefault(title_key(name), key)
        strong.update(title_key(k) for k in data["sections"])
        labels = {title_key(w): f for f, words in data["labels"].items() for w in [f, *words]}
        titles = data["titles"]
        return cls(
            sections=sections,
            strong=frozenset(strong),
            families={k: _folded(v) for k, v in data["families"].items()},
            labels=labels,
            titles=_folded(titles.get("words", [])),
            joined=tuple(sorted(_folded(titles.get("joined", [])), key=len, reverse=True)),
            groups=_folded(data["groups"]),
            aspects=_folded(data["aspects"]),
            summaries=_folded(data["summaries"]),
            statuses={k: tuple(map(str, v)) for k, v in data["statuses"].items()},
        )

    def section(self, title: str) -> str | None:
        """The template section a heading names (``3. 组件与接口``: Component Structure), if any."""
        return self.sections.get(title_key(title))

    def label(self, label: str) -> str | None:
        """The field a label fills (``**职责：**`` → ``responsibility``), if any."""
        return self.labels.get(title_key(label))

    def title_name(self, title: str) -> str | None:
        """The feature a design title names, ``""`` for a bare one, ``None`` for no design title.

        ``Design: Ledger``, ``Ledger — Design (#391)``, ``Ledger 设计文档`` and ``Technical Design:
        Ledger`` all name ``Ledger``; ``Design Document`` alone names none.
        """
        return _title_name(self, " ".join(title.split()))


@lru_cache(maxsize=8)
def _build(extra: str) -> Vocabulary:
    return Vocabulary._from(json.loads(extra))


#: Words that alone title a section's index page more often than a design ("# Design").
_TOO_PLAIN = frozenset({"design", "设计", "設計", "설계", "conception", "diseño", "entwurf"})


@lru_cache(maxsize=4096)
def _title_name(vocabulary: Vocabulary, title: str) -> str | None:
    key = title_key(title)
    if key in vocabulary.titles:
        return None if key in _TOO_PLAIN else ""
    parts = _SEPARATOR.split(title)
    if len(parts) > 1:
        if title_key(parts[0]) in vocabulary.titles:
            return title[len(parts[0]) :].lstrip(" :：|·•-—–").strip()
        last = _PAREN.sub("", parts[-1]).strip()
        if title_key(last) in vocabulary.titles:
            return title[: title.rfind(parts[-1])].rstrip(" :：|·•-—–").strip()
    folded = title_key(title)
    for word in vocabulary.joined:
        if folded.endswith(word) and len(folded) > len(word):
            cut = _PAREN.sub("", title)
            return cut[: len(cut) - _tail(cut, word)].strip(" :：|·•-—–") or None
    return None


def _tail(title: str, word: str) -> int:
    """How many characters at the end of ``title`` spell ``word`` (as folded)."""
    for size in range(len(word), len(title) + 1):
        if title_key(title[-size:]) == word:
            return size
    return 0


def _folded(names: Iterable[str]) -> frozenset[str]:
    return frozenset(title_key(str(name)) for name in names)


@cache
def _builtin() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("vocabulary.yml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.load(text, Loader=YAML_LOADER)
    return data


def _merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``extra``'s words added, key by key, at any depth."""
    unknown = sorted(set(extra) - set(KEYS))
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} (known: {', '.join(KEYS)})")
    return {key: _add(base.get(key), _named(base.get(key), extra.get(key), key), key)
            for key in KEYS}  # fmt: skip


def _named(base: Any, extra: Any, where: str) -> Any:
    """``extra`` with its keys spelled as ``base``'s (``open questions``: ``Open Questions``).

    Sections, labels, families and statuses are the template's and the lifecycle's own: a key
    that names none of them would be a word list nothing reads, so it is an error.
    """
    if not isinstance(base, dict) or not isinstance(extra, dict):
        return extra
    known = {title_key(str(k)): str(k) for k in base}
    named: dict[str, Any] = {}
    for key, value in extra.items():
        spelled = known.get(title_key(str(key)))
        if spelled is None:
            close = difflib.get_close_matches(str(key), list(known.values()), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}? " if close else ""
            own = " (a site's own status takes its words as `aliases`)" * (where == "statuses")
            raise ValueError(
                f"'{where}' has no {key!r}: {hint}known: {', '.join(known.values())}{own}"
            )
        named[spelled] = value
    return named


def _add(base: Any, extra: Any, where: str) -> Any:
    if extra is None:
        return base
    if isinstance(base, dict) or (base is None and isinstance(extra, dict)):
        if not isinstance(extra, dict):
            raise ValueError(f"'{where}' must be a mapping")
        merged = dict(base or {})
        for key, value in extra.items():
            merged[str(key)] = _add(merged.get(str(key)), value, f"{where}.{key}")
        return merged
    if not isinstance(extra, list) or not all(isinstance(w, str | int | float) for w in extra):
        raise ValueError(f"'{where}' must be a list of words")
    return [*(base or []), *map(str, extra)]
