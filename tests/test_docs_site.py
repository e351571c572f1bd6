"""The project's own documentation: it builds strictly, and every example in it is valid.

Each YAML example in the README and ``docs/`` that configures the plugin goes through the
validation a real build runs (MkDocs' configuration, then the plugin's own settling), so a
renamed option or a mistyped value in the documentation fails here, not in a user's build.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import get_yaml_loader

from mkdocs_design.config import DesignConfig
from mkdocs_design.reading.parse import ParseRules, parse_page
from mkdocs_design.rules import Rules, settle

if TYPE_CHECKING:
    from pathlib import Path

#: The pages a user reads: the README and every page of the documentation site.
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
# A fenced block, closed by the same fence; blocks nested in a longer fence stay inside it.
_FENCE = re.compile(
    r"^(?P<fence>`{3,}|~{3,})(?P<lang>[\w+-]*)[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S
)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _blocks(lang: str) -> list[tuple[str, str]]:
    """Every ``lang`` block of the pages, as ``(where, body)``; ``where`` is ``path:line``."""
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in _FENCE.finditer(text):
            if match.group("lang") == lang:
                line = text.count("\n", 0, match.start()) + 1
                found.append((f"{page.relative_to(ROOT)}:{line}", match.group("body")))
    return found


def _load(body: str) -> Any:
    """YAML as MkDocs reads ``mkdocs.yml`` (``!ENV``, ``!!python/name`` and anchors included)."""
    return yaml.load(body, Loader=get_yaml_loader())


def _configures_plugin(data: object) -> bool:
    plugins = data.get("plugins") if isinstance(data, dict) else None
    return isinstance(plugins, list) and any(
        p == "design" or (isinstance(p, dict) and "design" in p) for p in plugins
    )


YAML = _blocks("yaml")
PLUGIN_EXAMPLES = [(where, body) for where, body in YAML if _configures_plugin(_load(body))]


def _settled(data: dict[str, Any], tmp_path: Path) -> Rules:
    """Validate a site configuration as ``mkdocs build`` does, then settle the plugin's rules."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "Example", **data})
    errors, warnings = config.validate()
    assert errors == []
    assert warnings == []
    return settle(config.plugins["design"].config, config, serving=False)


@pytest.mark.slow
def test_docs_site_builds_strictly_and_catalogs_its_own_design(tmp_path: Path) -> None:
    """`mkdocs build --strict` of the root mkdocs.yml passes and lists the architecture design."""
    pytest.importorskip("material", reason="the docs site uses Material for MkDocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict",
         "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    overview = _soup(tmp_path / "design-catalog" / "index.html")
    listed = {a["href"]: a.get_text(strip=True) for a in overview.select("table a[href]")}
    assert listed.get("../design/architecture/") == "mkdocs-design"
    badge = _soup(tmp_path / "design" / "architecture" / "index.html").select_one(
        ".design-status .design-badge"
    )
    assert badge is not None
    assert badge["data-design-status"] == "Implemented"


@pytest.mark.parametrize(("where", "body"), YAML, ids=[where for where, _ in YAML])
def test_every_yaml_example_parses(where: str, body: str) -> None:
    """Every YAML block of the docs is YAML that MkDocs' loader reads."""
    assert _load(body) is not None, where


def test_the_docs_configure_the_plugin_in_many_examples() -> None:
    """The examples below are found: a broken fence pattern must not make them vanish."""
    assert len(PLUGIN_EXAMPLES) >= 15, [where for where, _ in PLUGIN_EXAMPLES]
    # A fragment listing `- design` outside `plugins:` would escape the validation below.
    listed = [where for where, body in YAML if re.search(r"^\s*- design\s*(?::|$)", body, re.M)]
    assert set(listed) <= {where for where, _ in PLUGIN_EXAMPLES}


@pytest.mark.parametrize(
    ("where", "body"), PLUGIN_EXAMPLES, ids=[where for where, _ in PLUGIN_EXAMPLES]
)
def test_every_plugin_example_passes_the_plugins_validation(
    where: str, body: str, tmp_path: Path
) -> None:
    """Each `plugins: [design]` example is a configuration a build accepts, option by option."""
    rules = _settled(_load(body), tmp_path)
    assert isinstance(rules, Rules), where


def test_every_toml_example_passes_the_plugins_validation(tmp_path: Path) -> None:
    """The extension's options in a `zensical.toml` example are valid plugin options."""
    tomllib = pytest.importorskip("tomllib")
    examples = [(w, tomllib.loads(body)) for w, body in _blocks("toml")]
    assert examples
    for _, data in examples:
        options = data["project"]["markdown_extensions"]["mkdocs_design.zensical"]
        _settled({"plugins": [{"design": options}]}, tmp_path)


def test_an_invalid_example_fails_the_validation(tmp_path: Path) -> None:
    """The check above can fail: a mistyped option and a wrong value are both caught."""
    with pytest.raises(AssertionError):
        _settled(_load("plugins:\n  - design:\n      status_unknwn: info\n"), tmp_path)
    with pytest.raises(AssertionError):
        _settled(_load("plugins:\n  - design:\n      placeholders: maybe\n"), tmp_path)
    with pytest.raises(ValueError, match="vocabulary"):
        _settled(_load("plugins:\n  - design:\n      vocabulary: {sectons: {}}\n"), tmp_path)


def test_the_configuration_reference_lists_every_option_with_its_default() -> None:
    """docs/reference/configuration.md shows each option of config.py, with its real default."""
    page = ROOT / "docs" / "reference" / "configuration.md"
    block = next(body for where, body in YAML if where.startswith(str(page.relative_to(ROOT))))
    shown = _load(block)["plugins"][0]["design"]
    defaults = DesignConfig()
    defaults.load_dict({})
    assert defaults.validate() == ([], [])
    assert shown == dict(defaults)
    text = page.read_text(encoding="utf-8")
    undocumented = [key for key in defaults if f"| `{key}` |" not in text]
    assert undocumented == []


def test_the_vocabulary_example_reads_the_page_it_shows(tmp_path: Path) -> None:
    """The `vocabulary` example of the detection guide makes its example page a design page."""
    page = ROOT / "docs" / "guide" / "detection.md"
    text = page.read_text(encoding="utf-8")
    config = next(m for m in _FENCE.finditer(text) if "vocabulary:" in m.group("body"))
    source = next(
        m.group("body")
        for m in _FENCE.finditer(text, config.end())
        if m.group("lang") == "markdown"
    )
    rules = _settled(_load(config.group("body")), tmp_path)
    doc = parse_page("ladeplanung.md", source, rules.reading)
    assert doc is not None
    assert doc.title == "Ladeplanung"
    assert doc.canonical_status == "Approved"
    assert [q.text for q in doc.open_questions] == ["Wer trägt die Kosten für Nachtschichten?"]
    assert [a.name for a in doc.alternatives] == ["Tabellenkalkulation"]
    assert parse_page("ladeplanung.md", source, ParseRules()) is None
