"""Reading, pinned by reviewed goldens: each fixture page in, its whole model out as JSON.

Every page under ``fixtures/pages`` imitates what real design documents do; its model is
``golden/<page>.json``. After a deliberate change to reading, regenerate them with
``pytest tests/test_golden.py --update-goldens`` and review the diff (``git diff tests/golden``)
as you would review code: each changed line is a claim about what a page says.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from mkdocs_design.reading.parse import ParseRules, parse_page
from mkdocs_design.reading.placeholders import PlaceholderRules
from mkdocs_design.reading.template import template_text

if TYPE_CHECKING:
    from mkdocs_design.model import DesignDoc

PAGES = Path(__file__).parent / "fixtures" / "pages"
GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p for p in PAGES.rglob("*.md"))
RULES = ParseRules(attr_list=True, placeholders=PlaceholderRules.from_template(template_text()))


def plain(value: Any) -> Any:
    """A model value as plain JSON data: named tuples as objects, dates as ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "_asdict"):
        return {key: plain(item) for key, item in value._asdict().items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.name
    return value


def model_json(doc: DesignDoc | None) -> str:
    """The golden text of a page: its model, or ``null`` when it is not a design page."""
    return json.dumps(plain(doc), indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("page", CASES, ids=[str(p.relative_to(PAGES)) for p in CASES])
def test_page_reads_as_its_golden(page: Path, request: pytest.FixtureRequest) -> None:
    """The model of a fixture page equals its reviewed golden, byte for byte."""
    src_uri = page.relative_to(PAGES).as_posix()
    found = model_json(parse_page(src_uri, page.read_text(encoding="utf-8"), RULES))
    golden = GOLDEN / f"{page.relative_to(PAGES).with_suffix('')}.json"
    if request.config.getoption("update_goldens"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(found, encoding="utf-8")
    assert golden.exists(), f"no golden for {src_uri}: run pytest --update-goldens and review it"
    assert found == golden.read_text(encoding="utf-8")


def test_every_golden_has_its_page() -> None:
    """A golden left behind by a renamed or deleted page is an error, not dead weight."""
    pages = {p.relative_to(PAGES).with_suffix("") for p in CASES}
    assert {g.relative_to(GOLDEN).with_suffix("") for g in GOLDEN.rglob("*.json")} <= pages
