"""``is_group`` against the single regex it was split from.

The describing words are searched only near the end of a title; the oracle searches all of it.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_design.components import is_group
from mkdocs_design.fields import _NUMBER

_ORACLE = re.compile(
    r"^(?:(?:new|existing|main|core|other|ui)\s+)?components?$|^components?\s+\w+$"
    r"|\b(?:involved|properties|overview|relationships|diagram|hierarchy|tree|interactions)$",
    re.I,
)


def _oracle(title: str) -> bool:
    return bool(_ORACLE.search(_NUMBER.sub("", title.strip()))) or (
        "responsibilit" in title.casefold()
    )


# Case-insensitive matching also pairs dotless i (U+0131) with "i", long s (U+017F) with "s"
# and the Kelvin sign (U+212A) with "k": a cheaper test of the last letter would miss them.
_PIECES = st.sampled_from(
    ["Component", "components", "Core ", "UI", "Involved", "relationships", "Relationships",
     "tree", "TREE", "Street", "interactionS", "\u0131nvolved", "propertie\u017f", "\u212a",
     "hierarchy", "diagram", "Responsibilities", "1. ", "3.1 ", "a. ", " ", "\t", "\n", "_",
     "-", "x", "\u00e9", "`", "(", ")", "Overview", "overviews"]
)  # fmt: skip


@given(st.builds("".join, st.lists(_PIECES, max_size=6)))
@settings(derandomize=True, database=None, deadline=None, max_examples=800)
def test_is_group_matches_the_single_regex(title: str) -> None:
    assert is_group(title) == _oracle(title)
