"""The words catalog pages are written with, in the language of the page.

The words are data: ``templates/labels.yml``, one block per language, English complete. A site
changes or adds words with the plugin's ``catalog_labels`` option, in the same shape. Pure: a
language code and the site's words in, a :class:`Labels` out.
"""

from __future__ import annotations

import difflib
import json
import string
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml
from markupsafe import Markup, escape

from mkdocs_design.reading.frontmatter import YAML_LOADER

if TYPE_CHECKING:
    from collections.abc import Mapping

ENGLISH = "en"
#: CLDR plural categories a counted word may give.
CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})
#: The names each label may fill in; labels not listed fill in none. Counted words: ``n``.
FIELDS: Mapping[str, frozenset[str]] = {
    "overview_summary": frozenset({"designs", "count", "totals"}),
    "components_summary": frozenset({"components", "count"}),
    "questions_summary": frozenset({"questions", "designs", "open", "asking", "resolved"}),
    "stale_hint": frozenset({"days"}),
    "question_stale": frozenset({"days"}),
    "settled_item": frozenset({"design", "status", "open", "count"}),
    "graph_label": frozenset({"designs", "dependencies", "count"}),
    "graph_label_others": frozenset({"designs", "others", "dependencies", "count"}),
    "too_many_designs": frozenset({"designs", "count"}),
    "components_of": frozenset({"design"}),
    "graph_design": frozenset({"design", "status", "depends", "users"}),
    "component_edge": frozenset({"source", "target"}),
    "finding_at": frozenset({"page", "line", "message"}),
    "neighbourhood": frozenset({"depends", "users"}),
    "component_of": frozenset({"design"}),
    **{
        f"filter_{view}_count": frozenset({"shown", "total"})
        for view in ("overview", "components", "questions")
    },
}
#: What the filter script shows, by its own name for it (``catalog.js``).
_SCRIPT = {
    "status": "filter_status",
    "allStatuses": "filter_all_statuses",
    "team": "filter_team",
    "allTeams": "filter_all_teams",
    "topLevel": "filter_top_level",
    "text": "filter_text",
}
#: Regions whose Chinese is written in traditional characters.
_TRADITIONAL = frozenset({"tw", "hk", "mo"})

Word = str | dict[str, str]


@dataclass(frozen=True, eq=False)
class Labels:
    """The catalog's words in one language, the site's own words included.

    Attributes:
        language: The language code asked for (``fr``, ``pt-BR``).
        words: Every label by key: a text, or a counted word's forms by plural category.
    """

    language: str
    words: Mapping[str, Word]

    def __getitem__(self, key: str) -> str:
        """A label's text (a counted word: its ``other`` form); templates write ``labels.key``."""
        word = self.words[key]
        return word if isinstance(word, str) else word["other"]

    def count(self, key: str, n: int, *, bold: bool = False, **values: object) -> str:
        """A counted word with its number: ``3 designs``; the number in bold if asked."""
        word = self.words[key]
        text = word if isinstance(word, str) else word.get(plural(self.language, n), word["other"])
        return text.format(n=f"**{n}**" if bold else n, **values)

    def text(self, key: str, /, **values: object) -> str:
        """A label with its names filled in, as Markdown (the label's Markdown kept)."""
        return self[key].format(**values)

    def html(self, key: str, /, **values: object) -> Markup:
        """A label with its names filled in, as HTML: the label and every plain value escaped."""
        return escape(self[key]).format(**values)

    def script(self, view: str) -> str | None:
        """The filter script's words for a view, as JSON; ``None`` when they are its own."""
        words: dict[str, Any] = {name: self[key] for name, key in _SCRIPT.items()}
        words["textHint"] = self[f"filter_{view}_hint"]
        counted = self.words[f"filter_{view}_count"]
        words["count"] = {"other": counted} if isinstance(counted, str) else dict(counted)
        if self.language == ENGLISH and words == _english_script(view):
            return None  # the script says exactly this without being told
        words["lang"] = self.language
        return json.dumps(words, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def labels_for(language: str | None, own: Mapping[str, Any] | None = None) -> Labels:
    """The labels of a language, falling back to English word by word, with the site's own.

    Args:
        language: A language code (``fr``, ``pt-BR``, ``zh_TW``); ``None`` means English.
        own: The ``catalog_labels`` option: words by language, as :func:`check_own` accepts.
    """
    return _labels(language or ENGLISH, json.dumps(own or {}, sort_keys=True))


def english() -> Labels:
    """The labels in English, the shipped words only."""
    return labels_for(None)


def shipped_languages() -> tuple[str, ...]:
    """The languages ``labels.yml`` has words for."""
    return tuple(_shipped())


def check_own(own: Mapping[str, Any]) -> None:
    """Check the ``catalog_labels`` option.

    Raises:
        ValueError: Naming the language and label that are wrong, and why.
    """
    english = _shipped()[ENGLISH]
    for language, words in own.items():
        if not isinstance(words, dict):
            raise ValueError(f"'{language}' must map label names to words")
        for key, word in words.items():
            where = f"label '{key}' for '{language}'"
            if key not in english:
                close = difflib.get_close_matches(key, english, 1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise ValueError(f"{where}: there is no such label ({hint}the labels are the "
                                 "keys of output/templates/labels.yml in the package)")  # fmt: skip
            _check_word(where, word, FIELDS.get(key, frozenset({"n"} if _counted(key) else ())))


def plural(language: str, n: int) -> str:
    """The CLDR plural category of ``n`` (a whole number) in a language."""
    base = language.replace("_", "-").split("-")[0].lower()
    if base in ("zh", "ja", "ko"):
        return "other"
    if base in ("fr", "pt"):
        return "one" if n in (0, 1) else "other"
    if base in ("ru", "uk", "be"):
        if n % 10 == 1 and n % 100 != 11:
            return "one"
        return "few" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "many"
    return "one" if n == 1 else "other"


def _check_word(where: str, word: object, fields: frozenset[str]) -> None:
    forms = word.items() if isinstance(word, dict) else [("other", word)]
    if isinstance(word, dict) and "other" not in word:
        raise ValueError(f"{where}: a counted word needs its 'other' form")
    for category, text in forms:
        if category not in CATEGORIES or not isinstance(text, str):
            raise ValueError(f"{where}: must be text, or texts by plural category "
                             f"({', '.join(sorted(CATEGORIES))})")  # fmt: skip
        try:
            parsed = [(name, spec, how) for _, name, spec, how in string.Formatter().parse(text)]
        except ValueError as error:
            raise ValueError(f"{where}: {error} (write braces only around names)") from None
        names = {name for name, _, _ in parsed if name is not None}
        if any(name is not None and (spec or how or not name.isidentifier())
               for name, spec, how in parsed):  # fmt: skip
            raise ValueError(f"{where}: write a name in braces as it is ({{n}}), without a "
                             "format, conversion, index or attribute")  # fmt: skip
        if names - fields:
            allowed = ", ".join(f"{{{f}}}" for f in sorted(fields)) or "none"
            raise ValueError(f"{where}: uses {{{sorted(names - fields)[0]}}}; it can use {allowed}")


def _counted(key: str) -> bool:
    return not isinstance(_shipped()[ENGLISH][key], str)


def _matches(language: str, known: Mapping[str, Any]) -> list[str]:
    """The entries that speak for ``language``, most general first (``pt``, then ``pt-BR``)."""
    parts = language.replace("_", "-").lower().split("-")
    base, rest = parts[0], parts[1:]
    script = next((p for p in rest if len(p) == 4), "")
    region = next((p for p in rest if len(p) in (2, 3)), "")
    names = [base]
    if base == "zh" and (script == "hant" or region in _TRADITIONAL):
        names.append("zh-Hant")
    names.append(language)
    return [name for name in dict.fromkeys(names) if name in known]


@lru_cache(maxsize=32)
def _labels(language: str, own: str) -> Labels:
    shipped, site = _shipped(), json.loads(own)
    words: dict[str, Word] = dict(shipped[ENGLISH])
    for source in (shipped, site):
        for name in _matches(language, source):
            words.update(source[name])
    return Labels(language, words)


@cache
def _english_script(view: str) -> dict[str, Any]:
    english = Labels(ENGLISH, _shipped()[ENGLISH])
    words: dict[str, Any] = {name: english[key] for name, key in _SCRIPT.items()}
    words["textHint"] = english[f"filter_{view}_hint"]
    words["count"] = dict(english.words[f"filter_{view}_count"])  # type: ignore[arg-type]
    return words


@cache
def _shipped() -> dict[str, dict[str, Word]]:
    text = resources.files(__package__).joinpath("templates/labels.yml").read_text("utf-8")
    data: dict[str, dict[str, Word]] = yaml.load(text, Loader=YAML_LOADER)
    return data
