"""What a design weighed and what it cites: alternatives considered, and references.

Both are read from headings, list items or table rows, whichever the page uses; the template's
own example entries are left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mkdocs_design.model import Alternative
from mkdocs_design.reading import tables
from mkdocs_design.reading.leftovers import is_template_text
from mkdocs_design.reading.lists import top_items
from mkdocs_design.reading.text import BOLD_LEAD, NUMBERING, label_of, plain_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_design.reading.scan import Heading, Scan
    from mkdocs_design.reading.sections import SectionRange
    from mkdocs_design.reading.vocabulary import Vocabulary

_PREFIX = re.compile(r"^(?:alternative|option|variant|方案|选项|案|대안|вариант|opción|opção)"
                     r"\s*(?:\w{1,3}\s*)?[:：.\u2014\u2013-]\s*", re.I)  # fmt: skip
_NAME_AND_REST = re.compile(r"^(?P<name>[^:：\u2014]+)[:：\u2014]\s*(?P<rest>.*)$")
_REJECTED = re.compile(
    r"\b(?:rejected|dropped|discarded)\s+(?:because|since|as)\b\s*:?\s*(?P<why>.+)$", re.I
)


def alternatives(
    page: Scan, sections: Sequence[SectionRange], vocabulary: Vocabulary, offset: int
) -> tuple[Alternative, ...]:
    """Alternatives from ``### Option A — Name`` headings, ``- **Name** — reason`` items or rows."""
    found: list[Alternative] = []
    for section in (s for s in sections if s.key == "Alternatives Considered"):
        heads = [h for h in page.headings if section.start <= h.index < section.end]
        if heads:
            found += _from_headings(page, heads, section.end, vocabulary, offset)
        elif rows := list(tables.tables(page, section.start, section.end)):
            found += _from_tables(rows, vocabulary, offset)
        else:
            found += _from_items(page, section, offset)
    return tuple(a for a in found if not is_template_text(a.name))


def _from_headings(
    page: Scan, heads: Sequence[Heading], end: int, vocabulary: Vocabulary, offset: int
) -> list[Alternative]:
    found: list[Alternative] = []
    for n, head in enumerate(heads):
        stop = heads[n + 1].index if n + 1 < len(heads) else end
        reason = ""
        for i in range(head.index + 1, stop):
            lead = None if page.code[i] else label_of(page.lines[i])
            if lead and vocabulary.label(lead.group("label")) == "rejected because":
                reason = plain_text(" ".join([lead.group("value"), *_wrapped(page, i + 1, stop)]))
        text = head.text
        name = _PREFIX.sub("", NUMBERING.sub("", text)).strip() or text
        found.append(Alternative(name, reason, head.index + offset + 1))
    return found


def _wrapped(page: Scan, start: int, end: int) -> list[str]:
    """The lines that carry a paragraph on after ``start - 1``, up to a blank line or a label."""
    found: list[str] = []
    for i in range(start, end):
        line = page.lines[i]
        if page.code[i] or not line.strip() or label_of(line) or line.lstrip()[:1] in "-*+#|>":
            break
        found.append(line.strip())
    return found


def _from_tables(
    found_tables: Sequence[tables.Table], vocabulary: Vocabulary, offset: int
) -> list[Alternative]:
    found: list[Alternative] = []
    for table in found_tables:
        columns = tables.columns(table.header, vocabulary)
        why = columns.get("rejected because", len(table.header) - 1)
        for index, row in table.rows:
            if row and (name := plain_text(row[0]).strip()):
                reason = plain_text(row[why]) if 0 < why < len(row) else ""
                found.append(Alternative(name, reason, index + offset + 1))
    return found


def _from_items(page: Scan, section: SectionRange, offset: int) -> list[Alternative]:
    found: list[Alternative] = []
    for item in top_items(page, section.start, section.end):
        lead = BOLD_LEAD.match(item.text) or _NAME_AND_REST.match(item.text)
        name, rest = (lead.group("name"), lead.group("rest")) if lead else (item.text, "")
        because = _REJECTED.search(rest)
        why = plain_text(because.group("why") if because else rest)
        found.append(Alternative(plain_text(name).strip().rstrip(":："), why, item.at + offset + 1))
    return found


def references(
    page: Scan, sections: Sequence[SectionRange], vocabulary: Vocabulary
) -> tuple[str, ...]:
    """The References section's entries as written: its list items, or its table's rows."""
    found: list[str] = []
    for section in (s for s in sections if s.key == "References"):
        entries = [item.text for item in top_items(page, section.start, section.end)]
        if not entries:
            for table in tables.tables(page, section.start, section.end):
                entries += [" — ".join(filter(None, row)) for _, row in table.rows if any(row)]
        found += (entry for entry in entries if not is_template_text(entry))
    return tuple(found)
