"""A design freshly made with ``mkdocs-design new``: the catalog tells the truth about it.

It is a Draft with no components, no questions and no section of its own yet: the template's
``[Component Name]`` and example questions are leftovers, not content, and the overview says
how many placeholders remain and links to the first one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup
from conftest import build_site, write_site
from test_cli import run_cli

if TYPE_CHECKING:
    from pathlib import Path


def test_new_then_build_gives_a_truthful_catalog(tmp_path: Path) -> None:
    """Draft, 0 components, 0 questions, placeholders counted and linked, unwritten."""
    config = write_site(tmp_path, {"index.md": "# Home\n"})
    made = run_cli("new", "Shipment Insurance", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    built = build_site(config)
    design = json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))
    [doc] = design["designs"]
    assert (doc["title"], doc["status"]) == ("Shipment Insurance", "Draft")
    assert doc["components"] == []
    assert doc["questions"] == []
    assert doc["alternatives"] == []
    assert doc["references"] == []
    assert doc["depends_on"] == []
    assert doc["used_by"] == []
    assert doc["completeness"] == {"filled": 0, "total": 16}
    assert len(doc["placeholders"]) > 100

    overview = BeautifulSoup(
        (built.site_dir / "design-catalog/index.html").read_text("utf-8"), "html.parser"
    )
    cells = overview.select(".design-table--overview tbody tr td")
    holes, complete = cells[-2], cells[-1]
    assert holes.get_text() == str(len(doc["placeholders"]))
    assert holes.a is not None
    assert holes.a["href"] == "../shipment-insurance/#design-placeholder-1"
    assert complete.get_text() == "unwritten"
    page = (built.site_dir / "shipment-insurance/index.html").read_text("utf-8")
    assert 'id="design-placeholder-1"' in page

    components = (built.site_dir / "design-catalog/components/index.html").read_text("utf-8")
    assert "Component Name" not in components
    questions = (built.site_dir / "design-catalog/questions/index.html").read_text("utf-8")
    assert "Question or decision" not in questions
    assert "<strong>0</strong> open questions" in questions


def test_a_name_the_template_also_uses_is_still_a_component(tmp_path: Path) -> None:
    """``#### 2. Output`` or ``Database`` name things: only the template's blanks are leftovers."""
    page = (
        "# Design: Pipeline\n\n**Status:** Draft\n\n## Component Structure\n\n"
        "#### 1. Input\n\n**Responsibility:** Reads files.\n\n"
        "#### 2. Output\n\n**Responsibility:** Writes files.\n\n"
        "#### 3. [Component Name]\n\n**Responsibility:** [Purpose]\n"
    )
    built = build_site(write_site(tmp_path, {"pipeline.md": page}))
    design = json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))
    assert [c["name"] for c in design["designs"][0]["components"]] == ["Input", "Output"]
