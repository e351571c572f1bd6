"""Hostile and broken input, each case a real site: one broken page beside one good design.

Every build must finish without a traceback; where the problem is ours to report, the message
names file and line; and the good design is still in ``catalog.json`` with its page built.
Problems that are MkDocs' own (undecodable bytes, configuration types) are left to MkDocs,
and the tests pin what MkDocs 1.6 does with them.
"""

from __future__ import annotations

import json
import logging
import re
import time
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from conftest import Built, build_site, run_mkdocs, write_site
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_design.reading.parse import ParseRules, parse_page
from mkdocs_design.reading.placeholders import PlaceholderRules
from mkdocs_design.reading.template import template_text

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

GOOD = """\
# Design: Good Neighbour

**Created:** 2025-01-01
**Status:** Approved

## Architecture Overview

It works, whatever the page beside it holds.

## Component Structure

### 1. Neighbour Service

**Responsibility:** Stays up.

## Open Questions

- [ ] Does it still build?
"""

#: The top of a small design page (nine lines); ``{title}`` is the feature name.
HEAD = (
    "# Design: {title}\n\n**Created:** 2025-01-01\n**Status:** Draft\n\n"
    "## Architecture Overview\n\nText.\n\n"
)


@pytest.fixture(autouse=True)
def _fresh_plugin() -> Iterator[None]:
    """No parse cache or state carried from another test's build (MkDocs caches the instance)."""
    MkDocsConfig.plugins.plugin_cache.pop("design", None)
    yield
    MkDocsConfig.plugins.plugin_cache.pop("design", None)


def hostile_site(tmp_path: Path, bad: str | bytes, config: dict[str, Any] | None = None) -> Path:
    """``docs/good.md`` and ``docs/bad.md`` (written byte for byte); returns ``mkdocs.yml``."""
    config_file = write_site(tmp_path, {"good.md": GOOD}, config)
    data = bad.encode("utf-8") if isinstance(bad, str) else bad
    (tmp_path / "docs/bad.md").write_bytes(data)
    return config_file


def catalog(built: Built) -> dict[str, dict[str, Any]]:
    """``catalog.json``'s designs by source path."""
    data = json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))
    return {design["src"]: design for design in data["designs"]}


def ours(built: Built, level: int = logging.WARNING) -> list[str]:
    """The plugin's own messages at ``level`` or above."""
    return [m for m in built.messages(level) if m.startswith("mkdocs_design: ")]


def assert_good_survives(built: Built) -> None:
    """The good design is catalogued and its page built, badge and all."""
    good = catalog(built)["good.md"]
    assert good["title"] == "Good Neighbour"
    assert good["status"] == "Approved"
    assert [c["name"] for c in good["components"]] == ["Neighbour Service"]
    assert [q["text"] for q in good["questions"]] == ["Does it still build?"]
    page = BeautifulSoup((built.site_dir / "good/index.html").read_text("utf-8"), "html.parser")
    assert page.select_one('span.design-badge[data-design-status="Approved"]') is not None
    assert not any(r.exc_info for r in built.records), "a traceback was logged"
    for view in ("", "components/", "questions/", "graph/"):
        assert (built.site_dir / f"design-catalog/{view}index.html").is_file()


def build(tmp_path: Path, bad: str | bytes, config: dict[str, Any] | None = None) -> Built:
    """Build the broken page beside the good one, in-process; both pages must be built."""
    built = build_site(hostile_site(tmp_path, bad, config))
    assert_good_survives(built)
    assert (built.site_dir / "bad/index.html").is_file()
    return built


# --- pages that are not broken, only unusual ----------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param("", id="empty"),
        pytest.param("\n\n\n", id="blank-lines"),
        pytest.param("---\ntitle: Only\nstatus: Draft\n---\n", id="only-front-matter"),
        pytest.param("---\n---\n", id="empty-front-matter"),
        pytest.param("\ufeff", id="only-bom"),
    ],
)
def test_empty_pages_are_ordinary_pages(tmp_path: Path, bad: str) -> None:
    """Nothing to read is nothing to report: the page builds as an ordinary page."""
    built = build(tmp_path, bad)
    assert "bad.md" not in catalog(built)
    assert ours(built) == []


def test_front_matter_only_design_is_catalogued_by_its_file_name(tmp_path: Path) -> None:
    """``design: true`` and a status, no body: a design titled after its file."""
    built = build(tmp_path, "---\ndesign: true\nstatus: Draft\n---\n")
    design = catalog(built)["bad.md"]
    assert (design["title"], design["status"]) == ("Bad", "Draft")
    assert design["components"] == design["questions"] == []


@pytest.mark.parametrize(
    ("front", "line", "problem"),
    [
        pytest.param("title: [unclosed\nstatus: Draft\n", 3, "expected ',' or ']'", id="syntax"),
        # libyaml (PyYAML's wheels) words it "found a tab character"; pure PyYAML "found
        # character '\t'". Either way the message says what is wrong.
        pytest.param(
            "status: Draft\n\tauthors: x\n", 3, r"found (a tab character|character '\\t')", id="tab"
        ),
        # PyYAML raises ValueError, not YAMLError, for an impossible date.
        pytest.param("status: Draft\ncreated: 2025-02-30\n", 2, "day is out of range", id="date"),
    ],
)
def test_invalid_front_matter_is_reported_with_its_line(
    tmp_path: Path, front: str, line: int, problem: str
) -> None:
    """Invalid YAML: one warning at its line; MkDocs shows the block as text, the page builds."""
    built = build(tmp_path, f"---\n{front}---\n\n" + HEAD.format(title="Broken"))
    warnings = [m for m in ours(built) if "front matter" in m]
    assert len(warnings) == 1, ours(built)
    assert warnings[0].startswith(f"mkdocs_design: docs/bad.md:{line}:1: front matter is not valid")
    assert re.search(problem, warnings[0])
    assert catalog(built)["bad.md"]["title"] == "Broken"


def test_bom_and_mixed_line_endings_keep_editor_lines(tmp_path: Path) -> None:
    """A BOM and CRLF/CR/LF endings change nothing: fields read, lines as an editor counts them."""
    page = (
        "\ufeff# Design: Mixed\r\n\r\n**Created:** [Date]\r**Status:** Approved\n\n"
        "## Architecture Overview\r\rText.\r\n\r\n## Open Questions\r\n\r\n"
        "- [ ] First?\r- [x] Second?\n- [ ] Third [TBD]?\r\n"
    )
    built = build(tmp_path, page)
    design = catalog(built)["bad.md"]
    assert (design["title"], design["status"]) == ("Mixed", "Approved")
    assert [(q["text"], q["line"]) for q in design["questions"]] == [
        ("First?", 12), ("Second?", 13), ("Third [TBD]?", 14),
    ]  # fmt: skip
    assert ours(built) == [
        'mkdocs_design: docs/bad.md:3:14: unresolved placeholder "[Date]" (Created)',
        'mkdocs_design: docs/bad.md:14:13: unresolved placeholder "[TBD]" (Open Questions)',
    ]
    html = (built.site_dir / "bad/index.html").read_text("utf-8")
    assert all(f'id="{q["url"].split("#")[1]}"' in html for q in design["questions"])


def test_control_characters_and_line_separators_do_not_shift_lines(tmp_path: Path) -> None:
    """NUL, form feed and U+2028 are text, not line breaks: anchors land, lines stay right."""
    page = HEAD.format(title="Control \x00\x1b") + (
        "A form\x0cfeed, a line\u2028separator and a NUL\x00 in prose.\n\n"
        "## Open Questions\n\n- [ ] Is \x0b this \x7f fine?\n- [ ] Still [TBD]?\n"
    )
    built = build(tmp_path, page, {"validation": {"anchors": "warn"}})
    design = catalog(built)["bad.md"]
    assert [q["line"] for q in design["questions"]] == [14, 15]
    assert ours(built) == [
        'mkdocs_design: docs/bad.md:15:13: unresolved placeholder "[TBD]" (Open Questions)'
    ]
    assert [m for m in built.messages() if "anchor" in m] == []


# --- pages that are broken --------------------------------------------------------------------


def test_unterminated_fence_is_reported_and_the_rest_still_read(tmp_path: Path) -> None:
    """A fence never closed: a warning at its line; MkDocs renders what follows as Markdown."""
    page = HEAD.format(title="Open Fence") + (
        "```python\ndef f():\n    return 1\n\n## Open Questions\n\n- [ ] Close the fence?\n"
    )
    built = build(tmp_path, page)
    assert ours(built) == [
        "mkdocs_design: docs/bad.md:10:1: this code block is never closed, so MkDocs shows it, "
        "and every code block after it, as ordinary text; close it with a line holding only ```"
    ]
    assert [q["text"] for q in catalog(built)["bad.md"]["questions"]] == ["Close the fence?"]


def test_duplicate_component_names_warn_with_both_lines(tmp_path: Path) -> None:
    """The same component twice on a page: one warning naming both lines; both catalogued."""
    page = HEAD.format(title="Twice") + (
        "## Component Structure\n\n### 1. Cache\n\n**Responsibility:** A.\n\n"
        "### 2. cache\n\n**Responsibility:** B.\n"
    )
    built = build(tmp_path, page)
    assert ours(built) == [
        'mkdocs_design: docs/bad.md:16:1: component "cache" is described twice on this page '
        "(first at line 12)"
    ]
    assert [c["line"] for c in catalog(built)["bad.md"]["components"]] == [12, 16]


def test_design_that_depends_on_itself(tmp_path: Path) -> None:
    """Naming itself under Depends On/Used By: no loop, no crash, no self-edge anywhere."""
    page = HEAD.format(title="Loop") + (
        "## System Context\n\n**Depends On:** Loop\n**Used By:** Loop, Good Neighbour\n\n"
        "## Component Structure\n\n### Cycle\n\n**Dependencies:** Cycle\n"
    )
    started = time.perf_counter()
    built = build(tmp_path, page, {"plugins": [{"design": {"neighbourhood": True}}]})
    assert time.perf_counter() - started < 60
    data = json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))
    assert all(e["source"] != e["target"] for e in data["edges"]), data["edges"]
    loop = catalog(built)["bad.md"]
    assert loop["depends_on"] == ["Loop"]  # as written
    assert "bad.md" not in loop["dependencies"]
    assert loop["components"][0]["dependencies"] == ["Cycle"]
    graph = (built.site_dir / "design-catalog/graph/index.html").read_text("utf-8")
    assert "Loop" in graph


def test_deeply_nested_lists(tmp_path: Path) -> None:
    """A hundred levels of nested task items: every one a question, each anchored, no recursion."""
    nested = "".join(f"{'    ' * i}- [ ] level {i}?\n" for i in range(100))
    built = build(tmp_path, HEAD.format(title="Deep") + "## Open Questions\n\n" + nested)
    questions = catalog(built)["bad.md"]["questions"]
    assert [q["text"] for q in questions] == [f"level {i}?" for i in range(100)]
    html = (built.site_dir / "bad/index.html").read_text("utf-8")
    assert 'id="q-level-0"' in html
    assert 'id="q-level-99"' in html


def test_custom_heading_id_cannot_inject_markup_into_the_catalog(tmp_path: Path) -> None:
    """An ``attr_list`` id is taken verbatim; the component index must not turn it into HTML."""
    page = HEAD.format(title="Ids") + (
        "## Component Structure\n\n### Cache {#x)<script>alert(1)</script>}\n\n"
        "**Responsibility:** Caches.\n"
    )
    built = build(tmp_path, page, {"markdown_extensions": ["attr_list", "toc"]})
    index = BeautifulSoup(
        (built.site_dir / "design-catalog/components/index.html").read_text("utf-8"),
        "html.parser",
    )
    main = index.select_one("div[role=main]")
    assert main is not None
    scripts = [s for s in main.find_all("script") if "catalog.js" not in s.get("src", "")]
    assert scripts == [], "a heading id from a page became a <script> element"
    hrefs = [link["href"] for link in main.select("a[href]")]
    assert "../../bad/#x)<script>alert(1)</script>" in hrefs  # the id, inert in an attribute


# --- big pages ----------------------------------------------------------------------------------


def plugin_seconds(built: Built) -> float:
    """The plugin's own time, as it logs it at DEBUG at the end of the build."""
    found = [re.search(r"Plugin time ([\d.]+) s", m) for m in built.messages(logging.DEBUG)]
    times = [float(m.group(1)) for m in found if m]
    assert times, "the plugin did not log its time"
    return times[-1]


@pytest.mark.slow
def test_five_megabyte_page(tmp_path: Path) -> None:
    """A 5 MB design page builds in bounded time; its far-down questions and holes are found."""
    paragraph = (
        "The gateway retries **idempotent** calls with `backoff`, see [the runbook](good.md) "
        "and <abbr>SLA</abbr> notes; 日本語のテキスト and more prose.\n" * 12 + "\n"
    )
    code = "```text\n" + "log line [not a placeholder] 0123456789 abcdef\n" * 20_000 + "```\n\n"
    body = paragraph * (2_500_000 // len(paragraph)) + code
    body += paragraph * ((5_000_000 - len(body)) // len(paragraph))
    tail = "## Open Questions\n\n- [ ] Is [TBD] too big?\n- [x] Did it build?\n"
    page = HEAD.format(title="Huge") + body + tail
    assert len(page.encode("utf-8")) > 5_000_000
    started = time.perf_counter()
    built = build(tmp_path, page)
    assert time.perf_counter() - started < 180, "a 5 MB page should build in well under that"
    assert plugin_seconds(built) < 30
    last_line = page.count("\n")
    design = catalog(built)["bad.md"]
    assert [(q["text"], q["line"]) for q in design["questions"]] == [
        ("Is [TBD] too big?", last_line - 1), ("Did it build?", last_line),
    ]  # fmt: skip
    assert ours(built) == [
        f'mkdocs_design: docs/bad.md:{last_line - 1}:10: unresolved placeholder "[TBD]" '
        "(Open Questions)"
    ]


@pytest.mark.slow
def test_ten_thousand_components_and_questions(tmp_path: Path) -> None:
    """Ten thousand of each on one page: all catalogued, all anchored, in bounded time."""
    components = "".join(
        f"### {i}. Part {i}\n\n**Responsibility:** Does {i}.\n\n" for i in range(10_000)
    )
    questions = "".join(f"- [ ] Is {i} needed?\n" for i in range(5_000))
    questions += "- [ ] Same again?\n" * 5_000  # equal texts: ids get _1, _2 … suffixes
    page = (
        HEAD.format(title="Many")
        + "## Component Structure\n\n" + components
        + "## Open Questions\n\n" + questions
    )  # fmt: skip
    started = time.perf_counter()
    built = build(tmp_path, page)
    assert time.perf_counter() - started < 180
    assert plugin_seconds(built) < 30
    design = catalog(built)["bad.md"]
    assert len(design["components"]) == 10_000
    assert len(design["questions"]) == 10_000
    anchors = [q["url"].split("#")[1] for q in design["questions"]]
    assert len(set(anchors)) == 10_000
    assert anchors[-1] == "q-same-again_4999"
    html = (built.site_dir / "bad/index.html").read_text("utf-8")
    assert html.count('class="design-question"') == 10_000
    index = (built.site_dir / "design-catalog/components/index.html").read_text("utf-8")
    assert "<strong>10001</strong> components" in index  # with the good page's one


#: Page bodies with ``n`` repeated items, each shape once quadratic in the parser.
GROWING = {
    "components": lambda n: (
        "## Component Structure\n\n"
        + "".join(f"### {i}. Part {i}\n\n**Responsibility:** Does {i}.\n\n" for i in range(n))
    ),
    "equal-questions": lambda n: "## Open Questions\n\n" + "- [ ] Same again?\n" * n,
    "equal-sections": lambda n: "## Component Structure\n\n### Cache\n\n" * n,
}


@pytest.mark.parametrize("shape", sorted(GROWING))
def test_parse_time_grows_linearly(shape: str) -> None:
    """Four times the items cost about four times the parse, not sixteen (CPU time, best of 3)."""
    rules = ParseRules(placeholders=PlaceholderRules.from_template(template_text()))

    def cost(n: int) -> float:
        source = HEAD.format(title="Growing") + GROWING[shape](n)
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            parse_page("grow.md", source, rules)
            best = min(best, time.process_time() - started)
        return best

    small, large = cost(1500), cost(6000)
    assert large < 8 * small + 0.05, f"{shape}: {small:.3f} s for 1,500, {large:.3f} s for 6,000"


# --- MkDocs' own errors -------------------------------------------------------------------------

OUR_FRAME = re.compile(r'File "[^"]*mkdocs_design[/\\]')


def test_undecodable_page_is_mkdocs_own_error(tmp_path: Path) -> None:
    """Latin-1 bytes: MkDocs 1.6.1 logs and aborts, naming the file; nothing of ours in it.

    MkDocs prints the ``UnicodeDecodeError`` traceback itself (``Page.read_source``); the plugin
    skips the page it cannot read and says nothing, so the only message is MkDocs' own.
    """
    page = (HEAD.format(title="Latin") + "Caf\xe9 cr\xe8me\n").encode("latin-1")
    config_file = hostile_site(tmp_path, page)
    result = run_mkdocs("build", cwd=config_file.parent)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "ERROR   -  Encoding error reading file: bad.md" in output
    assert "Error reading page 'bad.md': 'utf-8' codec can't decode byte 0xe9" in output
    assert OUR_FRAME.search(output) is None, output
    assert "mkdocs_design: Found 1 design pages" in output  # good.md, read before MkDocs fails
    assert not [line for line in output.splitlines() if "mkdocs_design" in line and "bad" in line]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        pytest.param(
            {"badge": "yes please"},
            "Plugin 'design' option 'badge': Expected type: <class 'bool'> but received: "
            "<class 'str'>",
            id="badge-string",
        ),
        pytest.param(
            {"stale_after_days": "soon"},
            "Plugin 'design' option 'stale_after_days': Expected type: <class 'int'> but "
            "received: <class 'str'>",
            id="days-string",
        ),
        pytest.param(
            {"statuses": [{"color": "red"}]},
            "Plugin 'design' option 'statuses': Sub-option 'name': Required configuration not "
            "provided.",
            id="status-without-name",
        ),
    ],
)
def test_config_with_wrong_types_is_mkdocs_config_error(
    tmp_path: Path, options: dict[str, Any], message: str
) -> None:
    """A value of the wrong type stops the build with MkDocs' message naming the option."""
    config_file = hostile_site(tmp_path, "# Plain\n", {"plugins": [{"design": options}]})
    result = run_mkdocs("build", cwd=config_file.parent)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"ERROR   -  Config value 'plugins': {message}" in output
    assert "Aborted with a configuration error!" in output
    assert "Traceback" not in output


@pytest.mark.parametrize("strict", [False, True], ids=["build", "strict"])
def test_unknown_option_is_mkdocs_config_warning(tmp_path: Path, strict: bool) -> None:
    """An unknown key: MkDocs warns naming it; the build goes on, except under ``--strict``."""
    options = {"placeholder": "error", "statuses": [{"name": "QA", "colour": "red"}]}
    config_file = hostile_site(tmp_path, "# Plain\n", {"plugins": [{"design": options}]})
    result = run_mkdocs("build", *(["--strict"] if strict else []), cwd=config_file.parent)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert (
        "WARNING -  Config value 'plugins': Plugin 'design' option 'placeholder': "
        "Unrecognised configuration name: placeholder"
    ) in output
    assert "Sub-option 'colour': Unrecognised configuration name: colour" in output
    if strict:
        assert result.returncode == 1, output
        assert "Aborted with 2 configuration warnings in 'strict' mode!" in output
    else:
        assert result.returncode == 0, output
        assert (config_file.parent / "site/design-catalog/catalog.json").is_file()


# --- all of it at once, as the command line runs it ---------------------------------------------


def test_every_broken_page_at_once_builds_without_a_traceback(tmp_path: Path) -> None:
    """The broken pages side by side, built by ``mkdocs build``: exit 0, messages, no traceback."""
    pages = {
        "empty.md": "",
        "front-only.md": "---\ndesign: true\n---\n",
        "yaml.md": "---\ntitle: [\n---\n" + HEAD.format(title="Yaml"),
        "fence.md": HEAD.format(title="Fence") + "~~~\nnever closed\n",
        "endings.md": HEAD.format(title="Endings").replace("\n", "\r", 4),
        "bom.md": "\ufeff" + HEAD.format(title="Bom"),
        "control.md": HEAD.format(title="Nul\x00") + "\x0c\u2028\x1b\n",
        "twice.md": HEAD.format(title="Twice") + "## Component Structure\n\n### A\n\n### A\n",
        "loop.md": HEAD.format(title="Loop") + "## System Context\n\n**Depends On:** Loop\n",
        "deep.md": HEAD.format(title="Deep") + "".join(f"{'  ' * i}- x\n" for i in range(60)),
    }
    config_file = write_site(tmp_path, {"good.md": GOOD})
    for name, text in pages.items():
        (tmp_path / "docs" / name).write_bytes(text.encode("utf-8"))
    result = run_mkdocs("build", cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output
    for expected in (
        "docs/yaml.md:3:1: front matter is not valid YAML",
        "docs/fence.md:10:1: this code block is never closed",
        'docs/twice.md:14:1: component "A" is described twice on this page (first at line 12)',
    ):
        assert expected in output, output
    found = json.loads((config_file.parent / "site/design-catalog/catalog.json").read_text())
    titles = {d["src"]: d["title"] for d in found["designs"]}
    assert titles == {
        "good.md": "Good Neighbour", "front-only.md": "Front only", "yaml.md": "Yaml",
        "fence.md": "Fence", "endings.md": "Endings", "bom.md": "Bom", "control.md": "Nul\x00",
        "twice.md": "Twice", "loop.md": "Loop", "deep.md": "Deep",
    }  # fmt: skip
