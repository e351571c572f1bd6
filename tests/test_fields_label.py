"""The ``**Label:** value`` regex against the lazy one it replaced (differential, Hypothesis)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mkdocs_design import fields

# The pattern before the value became greedy: the oracle for what a label line reads as.
_LAZY = re.compile(
    r"^\s{0,3}(?:[-*+]\s+)?\*\*(?P<label>[^*:]+?)(?::\*\*|\*\*\s*:)\s*(?P<value>.*?)\s*$"
)
_PIECES = st.sampled_from(
    ["**", ":", " ", "\t", "a", "Label", "\xa0", "\x0c", "\r", "\x0b", "\x85", "\u2028", "- ",
     "x y", "é", "\n", "Depends On", "`c`", "*"]
)  # fmt: skip
_LINE = st.builds("".join, st.lists(_PIECES, max_size=12))


@given(st.sampled_from(["", "**Depends On:**", "- **Status:** ", "   **A**: "]), _LINE)
@settings(derandomize=True, database=None, deadline=None, max_examples=1500)
@example("**Responsibility:** ", "Retries requests and publishes events.  \t")
@example("**Owner:**", " \xa0 ")
def test_label_groups_equal_the_lazy_pattern(prefix: str, rest: str) -> None:
    """Label and value, or no match at all, exactly as the lazy pattern reads the line."""
    line = prefix + rest
    found, expected = fields._LABEL.match(line), _LAZY.match(line)
    assert (found and found.groupdict()) == (expected and expected.groupdict())
