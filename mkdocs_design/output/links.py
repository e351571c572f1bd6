"""The site's page URLs, as the views link them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


@dataclass(frozen=True)
class Links:
    """The site's page URLs, and how MkDocs makes one relative to another.

    Attributes:
        urls: Every page's URL by ``src_uri``, as MkDocs gives it (``File.url``).
        relative: ``relative(url, from_url)``: MkDocs' ``get_relative_url``.
    """

    urls: Mapping[str, str]
    relative: Callable[[str, str], str]
