"""What a design weighed and what it cites: alternatives considered, and references."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mkdocs_design.model import Alternative
from mkdocs_design.reading.fields import items_of, label_at
from mkdocs_design.reading.text import BOLD_LEAD, NUMBERING, plain_text

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from mkdocs_design.reading.scan import Scan
    from mkdocs_design.reading.sections import SectionRange


_ALT_PREFIX = re.compile(r"^(?:alternative|option)\s*\w*\s*[:.\u2014-]\s*", re.I)


_REJECTED = re.compile(
    r"\b(?:rejected|dropped|discarded)\s+(?:because|since|as)\b\s*:?\s*(?P<why>.+)$", re.I
)


def alternatives(
    page: Scan, sections: Sequence[SectionRange], offset: int
) -> tuple[Alternative, ...]:
    """Alternatives from ``### Alternative 1: Name`` headings or ``- **Name** — reason`` items."""
    found: list[Alternative] = []
    for section in (s for s in sections if s.key == "Alternatives Considered"):
        heads = [h for h in page.headings if section.start <= h.index < section.end]
        for n, head in enumerate(heads):
            end = heads[n + 1].index if n + 1 < len(heads) else section.end
            reason = ""
            for label, value in _labels(page, head.index + 1, end):
                if label in ("rejected because", "why rejected", "reason", "rejected"):
                    reason = plain_text(value)
            name = _ALT_PREFIX.sub("", NUMBERING.sub("", head.text)).strip() or head.text
            found.append(Alternative(name, reason, head.index + offset + 1))
        if not heads:
            for index, _match, text in items_of(page, section.start, section.end):
                lead = BOLD_LEAD.match(text) or re.match(
                    r"^(?P<name>[^:\u2014]+)[:\u2014]\s*(?P<rest>.*)$", text
                )
                name, rest = (lead.group("name"), lead.group("rest")) if lead else (text, "")
                because = _REJECTED.search(rest)
                why = plain_text(because.group("why") if because else rest)
                found.append(Alternative(plain_text(name).strip(), why, index + offset + 1))
    return tuple(found)


def _labels(page: Scan, start: int, end: int) -> Iterator[tuple[str, str]]:
    """``(folded label, value as written)`` of the ``**Label:** value`` lines in ``start:end``."""
    for i in range(start, end):
        if match := label_at(page, i):
            yield match.group("label").strip().casefold(), match.group("value")


def references(page: Scan, sections: Sequence[SectionRange]) -> tuple[str, ...]:
    """The References section's items, as written."""
    return tuple(
        text
        for section in sections
        if section.key == "References"
        for _index, _match, text in items_of(page, section.start, section.end)
    )
