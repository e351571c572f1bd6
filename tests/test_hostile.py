"""Hostile and broken input, each case a real site: one broken page beside one good design.

Every build must finish without a traceback; where the problem is ours to report, the message
names file and line; and the good design is still in ``catalog.json`` with its page built.
Problems that are MkDocs' own (undecodable bytes, configuration types) are left to MkDocs,
and the tests pin what MkDocs 1.6 does with them. The sites come from ``hostile_corpus``, where
``test_check_agrees.py`` holds ``mkdocs-design check`` to the build on each of them.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from conftest import Built, build_site, run_mkdocs
from hostile_corpus import CORPUS, HEAD, site
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_design.reading.parse import ParseRules, parse_page
from mkdocs_design.reading.placeholders import PlaceholderRules
from mkdocs_design.reading.template import template_text

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture(autouse=True)
def _fresh_plugin() -> Iterator[None]:
    """No parse cache or state carried from another test's build (MkDocs caches the instance)."""
    MkDocsConfig.plugins.plugin_cache.pop("design", None)
    yield
    MkDocsConfig.plugins.plugin_cache.pop("design", None)


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


def build(tmp_path: Path, name: str) -> Built:
    """Build the hostile site ``name``, in-process; the good page and ``bad.md`` must be built."""
    built = build_site(site(tmp_path, name))
    assert_good_survives(built)
    assert (built.site_dir / "bad/index.html").is_file()
    return built


def bad_page(name: str) -> str:
    """The text of a hostile site's ``bad.md``."""
    text = CORPUS[name].pages["bad.md"]
    assert isinstance(text, str)
    return text


# --- pages that are not broken, only unusual ----------------------------------------------------


@pytest.mark.parametrize(
    "name", ["empty", "blank-lines", "only-front-matter", "empty-front-matter", "only-bom"]
)
def test_empty_pages_are_ordinary_pages(tmp_path: Path, name: str) -> None:
    """Nothing to read is nothing to report: the page builds as an ordinary page."""
    built = build(tmp_path, name)
    assert "bad.md" not in catalog(built)
    assert ours(built) == []


def test_front_matter_only_design_is_catalogued_by_its_file_name(tmp_path: Path) -> None:
    """``design: true`` and a status, no body: a design titled after its file."""
    built = build(tmp_path, "front-matter-design")
    design = catalog(built)["bad.md"]
    assert (design["title"], design["status"]) == ("Bad", "Draft")
    assert design["components"] == design["questions"] == []


@pytest.mark.parametrize(
    ("name", "line", "problem"),
    [
        pytest.param("yaml-syntax", 3, "expected ',' or ']'", id="syntax"),
        # libyaml (PyYAML's wheels) words it "found a tab character"; pure PyYAML "found
        # character '\t'". Either way the message says what is wrong.
        pytest.param("yaml-tab", 3, r"found (a tab character|character '\\t')", id="tab"),
        # PyYAML raises ValueError, not YAMLError, for an impossible date.
        pytest.param("yaml-date", 2, "day is out of range", id="date"),
    ],
)
def test_invalid_front_matter_is_reported_with_its_line(
    tmp_path: Path, name: str, line: int, problem: str
) -> None:
    """Invalid YAML: one warning at its line; MkDocs shows the block as text, the page builds."""
    built = build(tmp_path, name)
    warnings = [m for m in ours(built) if "front matter" in m]
    assert len(warnings) == 1, ours(built)
    assert warnings[0].startswith(f"mkdocs_design: docs/bad.md:{line}:1: front matter is not valid")
    assert re.search(problem, warnings[0])
    assert catalog(built)["bad.md"]["title"] == "Broken"


def test_bom_and_mixed_line_endings_keep_editor_lines(tmp_path: Path) -> None:
    """A BOM and CRLF/CR/LF endings change nothing: fields read, lines as an editor counts them."""
    built = build(tmp_path, "bom-mixed-endings")
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
    built = build(tmp_path, "control-characters")
    design = catalog(built)["bad.md"]
    assert [q["line"] for q in design["questions"]] == [14, 15]
    assert ours(built) == [
        'mkdocs_design: docs/bad.md:15:13: unresolved placeholder "[TBD]" (Open Questions)'
    ]
    assert [m for m in built.messages() if "anchor" in m] == []


# --- pages that are broken --------------------------------------------------------------------


def test_unterminated_fence_is_reported_and_the_rest_still_read(tmp_path: Path) -> None:
    """A fence never closed: a warning at its line; MkDocs renders what follows as Markdown."""
    built = build(tmp_path, "unterminated-fence")
    assert ours(built) == [
        "mkdocs_design: docs/bad.md:10:1: this code block is never closed, so MkDocs shows it, "
        "and every code block after it, as ordinary text; close it with a line holding only ```"
    ]
    assert [q["text"] for q in catalog(built)["bad.md"]["questions"]] == ["Close the fence?"]


def test_duplicate_component_names_warn_with_both_lines(tmp_path: Path) -> None:
    """The same component twice on a page: one warning naming both lines; both catalogued."""
    built = build(tmp_path, "duplicate-components")
    assert ours(built) == [
        'mkdocs_design: docs/bad.md:16:1: component "cache" is described twice on this page '
        "(first at line 12)"
    ]
    assert [c["line"] for c in catalog(built)["bad.md"]["components"]] == [12, 16]


def test_design_that_depends_on_itself(tmp_path: Path) -> None:
    """Naming itself under Depends On/Used By: no loop, no crash, no self-edge anywhere."""
    started = time.perf_counter()
    built = build(tmp_path, "depends-on-itself")
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
    built = build(tmp_path, "deeply-nested-lists")
    questions = catalog(built)["bad.md"]["questions"]
    assert [q["text"] for q in questions] == [f"level {i}?" for i in range(100)]
    html = (built.site_dir / "bad/index.html").read_text("utf-8")
    assert 'id="q-level-0"' in html
    assert 'id="q-level-99"' in html


def test_custom_heading_id_cannot_inject_markup_into_the_catalog(tmp_path: Path) -> None:
    """An ``attr_list`` id is taken verbatim; the component index must not turn it into HTML."""
    built = build(tmp_path, "custom-heading-id")
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


#: Runs a module as ``python -m`` would, then prints its peak memory (MB) and its seconds.
MEASURED = """
import resource, runpy, sys, time
started = time.perf_counter()
sys.argv = sys.argv[1:]
try:
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
finally:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"MEASURED {peak:.0f} {time.perf_counter() - started:.2f}", file=sys.stderr)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="the resource module is POSIX only")
@pytest.mark.parametrize("levels", [8, 9])
@pytest.mark.parametrize(
    "command", [("mkdocs", "build"), ("mkdocs_design", "check"), ("mkdocs_design", "explain")]
)
def test_yaml_alias_bomb_stays_small(tmp_path: Path, levels: int, command: tuple[str, ...]) -> None:
    """Nested YAML aliases in front matter (defect 1): one warning, bounded time and memory.

    9**8 values took a build from 0.2 s and 35 MB to 16.7 s and 1.9 GB; 9**9 ended in a
    ``MemoryError``. The bounds are runaway guards, ten times what a plain build takes.
    """
    config_file = site(tmp_path, f"yaml-aliases-{levels}")
    args = [*command, *(["docs/bad.md"] if command[-1] == "explain" else [])]
    result = subprocess.run(
        [sys.executable, "-c", MEASURED, *args], cwd=config_file.parent, capture_output=True,
        text=True, timeout=300, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "front matter holds more than 10,000 values (repeated YAML aliases?)" in output
    peak, seconds = map(float, output.rsplit("MEASURED ", 1)[1].split())
    assert (peak < 400, seconds < 60) == (True, True), f"{peak} MB, {seconds} s"
    if command[-1] == "build":
        assert result.returncode == 0, output
        design = json.loads((config_file.parent / "site/design-catalog/catalog.json").read_text())
        assert {d["src"]: d["status"] for d in design["designs"]} == {
            "good.md": "Approved", "bad.md": "Draft",
        }  # fmt: skip


# --- output paths an operator got wrong ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("path-absolute", "option 'overview_path': '/tmp/outside/overview.md' must be a relative "
         "path inside docs_dir"),
        ("path-outside", "option 'graph_path': '../graph.md' must be a relative path inside"),
        ("path-empty", "option 'overview_path': '' is empty"),
        ("path-not-markdown", "option 'overview_path': 'x.txt' must end in .md"),
        ("path-twice", "cannot generate the components page at 'design-catalog/components.md': "
         "the plugin's overview page already goes to 'design-catalog/components/index.html'"),
        ("path-search-index", "cannot generate catalog.json at 'search/search_index.json': the "
         "search index already goes to 'search/search_index.json'"),
        ("page-at-overview-url", "cannot generate the overview page at 'design-catalog/index.md':"
         " your file 'design-catalog.md' already goes to 'design-catalog/index.html'"),
        ("page-at-components-url", "cannot generate the components page at "
         "'design-catalog/components.md': your file 'design-catalog/components/index.md' "
         "already goes to 'design-catalog/components/index.html'"),
    ],
)  # fmt: skip
def test_outputs_that_cannot_be_placed_stop_the_build(
    tmp_path: Path, name: str, message: str
) -> None:
    """Output paths (defect 5) and user pages at generated URLs (defect 10): one clear error.

    Nothing is written outside the site, nothing is lost or overwritten in silence, the error
    names the option to change.
    """
    config_file = site(tmp_path, name)
    before = {p: p.read_bytes() for p in (tmp_path / "docs").rglob("*.md")}
    result = run_mkdocs("build", cwd=config_file.parent)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"ERROR   -  mkdocs_design: {message}" in output
    assert "Traceback" not in output
    assert {p: p.read_bytes() for p in (tmp_path / "docs").rglob("*.md")} == before
    assert sorted(p.name for p in tmp_path.iterdir()) in (
        ["docs", "mkdocs.yml"], ["docs", "mkdocs.yml", "site"],
    )  # fmt: skip
    assert not (tmp_path.parent / "graph.md").exists()
    if name == "path-absolute":
        assert not (tmp_path / "docs/tmp").exists()


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
    page = bad_page("five-megabytes")
    assert len(page.encode("utf-8")) > 5_000_000
    started = time.perf_counter()
    built = build(tmp_path, "five-megabytes")
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
    started = time.perf_counter()
    built = build(tmp_path, "ten-thousand")  # equal question texts: ids get _1, _2 … suffixes
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
    config_file = site(tmp_path, "undecodable")
    result = run_mkdocs("build", "-v", cwd=config_file.parent)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "ERROR   -  Encoding error reading file: bad.md" in output
    assert "Error reading page 'bad.md': 'utf-8' codec can't decode byte 0xe9" in output
    assert OUR_FRAME.search(output) is None, output
    assert "mkdocs_design: Read 1 pages, 1 of them designs" in output  # before MkDocs fails
    assert not [line for line in output.splitlines() if "mkdocs_design" in line and "bad" in line]


def test_undecodable_file_name_is_a_row_in_check_not_a_traceback(tmp_path: Path) -> None:
    """``caf\\xe9.md`` (defect 11): ``check`` names it in every format and exits 1.

    MkDocs itself cannot build the site (``File.url`` raises ``UnicodeEncodeError``).
    """
    config_file = site(tmp_path, "undecodable-name")
    outputs = {}
    for fmt in ("text", "json", "github"):
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs_design", "check", "--format", fmt],
            cwd=config_file.parent, capture_output=True, text=True, timeout=120, check=False,
            errors="surrogateescape",
        )  # fmt: skip
        assert (result.returncode, "Traceback" in result.stderr) == (1, False), result.stderr
        outputs[fmt] = result.stdout
    [row] = json.loads(outputs["json"])
    assert (row["path"], row["level"], row["code"]) == ("docs/caf\udce9.md", "error", "unreadable")
    assert outputs["text"].startswith("docs/caf\\udce9.md:1:1: its file name is not valid UTF-8")
    assert outputs["github"].startswith("::error file=docs/caf\\udce9.md,line=1,col=1,")
    assert run_mkdocs("build", cwd=config_file.parent).returncode == 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        pytest.param(
            "badge-string",
            "Plugin 'design' option 'badge': Expected type: <class 'bool'> but received: "
            "<class 'str'>",
            id="badge-string",
        ),
        pytest.param(
            "days-string",
            "Plugin 'design' option 'stale_after_days': Expected type: <class 'int'> but "
            "received: <class 'str'>",
            id="days-string",
        ),
        pytest.param(
            "status-without-name",
            "Plugin 'design' option 'statuses': Sub-option 'name': Required configuration not "
            "provided.",
            id="status-without-name",
        ),
    ],
)
def test_config_with_wrong_types_is_mkdocs_config_error(
    tmp_path: Path, name: str, message: str
) -> None:
    """A value of the wrong type stops the build with MkDocs' message naming the option."""
    config_file = site(tmp_path, name)
    result = run_mkdocs("build", cwd=config_file.parent)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"ERROR   -  Config value 'plugins': {message}" in output
    assert "Aborted with a configuration error!" in output
    assert "Traceback" not in output


@pytest.mark.parametrize(
    "name", ["unknown-option", "unknown-option-strict"], ids=["build", "strict"]
)
def test_unknown_option_is_mkdocs_config_warning(tmp_path: Path, name: str) -> None:
    """An unknown key: MkDocs warns naming it; the build goes on, except under ``--strict``."""
    strict = CORPUS[name].strict
    config_file = site(tmp_path, name)
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


def test_source_date_epoch_out_of_range_is_mkdocs_own_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``SOURCE_DATE_EPOCH=99999999999999`` (defect 17): the plugin reads on, MkDocs stops.

    The plugin uses today instead (its warning comes at the end of a build, and in ``check``).
    MkDocs 1.6.1 itself fails first (``utils.get_build_date``, for every theme's context) with
    a ``ValueError`` traceback, plugin or not: no frame of it may be ours.
    """
    for key, value in CORPUS["epoch-out-of-range"].env.items():
        monkeypatch.setenv(key, value)
    config_file = site(tmp_path, "epoch-out-of-range")
    result = run_mkdocs("build", "-v", cwd=config_file.parent)
    output = result.stdout + result.stderr
    assert "mkdocs_design: Read " in output  # the plugin ran before MkDocs failed
    assert result.returncode == 1, output
    assert output.rstrip().endswith("ValueError: year 3170843 is out of range"), output
    assert OUR_FRAME.search(output) is None, output


# --- all of it at once, as the command line runs it ---------------------------------------------


def test_every_broken_page_at_once_builds_without_a_traceback(tmp_path: Path) -> None:
    """The broken pages side by side, built by ``mkdocs build``: exit 0, messages, no traceback."""
    config_file = site(tmp_path, "all-at-once")
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
