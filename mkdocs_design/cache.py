"""Parses kept across ``serve`` rebuilds and language passes, by real file and content."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mkdocs_design.reading.parse import parse_page

if TYPE_CHECKING:
    from collections.abc import Collection

    from mkdocs_design.model import DesignDoc
    from mkdocs_design.reading.parse import ParseRules


@dataclass
class ParseCache:
    """Parses kept by real file, for the content and rules they came from.

    A plain build parses each page once and needs none. Under ``serve`` every rebuild reads
    every page again, and unchanged pages are then not parsed again; on a multilingual site
    a page one language falls back to is read by several language passes, and parsed once.
    """

    rules: tuple[Any, ...] = ()
    entries: dict[str, tuple[bytes, DesignDoc | None]] = field(default_factory=dict)

    def parse(
        self, src_uri: str, source: str, rules: ParseRules, path: str | None = None
    ) -> DesignDoc | None:
        """:func:`~mkdocs_design.reading.parse.parse_page`, or its result from before.

        Args:
            src_uri: The page.
            source: Its text.
            rules: What pages are read by.
            path: Its real file, the key (``src_uri`` for a page with none).
        """
        if rules.identity() != self.rules:
            self.rules, self.entries = rules.identity(), {}
        mark = digest(f"{src_uri}\0{source}")  # the model names its page: both count
        key = path or src_uri
        hit = self.entries.get(key)
        if hit is not None and hit[0] == mark:
            return hit[1]
        doc = parse_page(src_uri, source, rules)
        self.entries[key] = (mark, doc)
        return doc

    def keep_only(self, paths: Collection[str]) -> None:
        """Forget the pages deleted or renamed since the last rebuild."""
        for gone in self.entries.keys() - set(paths):
            del self.entries[gone]


def digest(text: str) -> bytes:
    """A short fingerprint of a text."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
