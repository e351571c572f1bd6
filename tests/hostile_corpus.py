"""Every site the hostile suite builds, as data: ``docs/good.md`` beside broken pages.

``test_hostile.py`` builds each of them and pins what happens; ``test_check_agrees.py`` runs
``mkdocs build`` and ``mkdocs-design check`` on each and holds them to the same findings and the
same verdict. A hostile test may only build a site listed here (``site`` refuses any other), so
a new hostile input is held to both at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from conftest import write_site

if TYPE_CHECKING:
    from collections.abc import Mapping
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


@dataclass(frozen=True)
class Hostile:
    """One hostile site: pages beside ``docs/good.md``, the configuration, how it is built.

    Attributes:
        name: Its id in :data:`CORPUS`.
        pages: ``docs``-relative path → content, written byte for byte.
        config: ``mkdocs.yml`` settings over :func:`conftest.write_site`'s.
        strict: Built with ``mkdocs build --strict`` (``check --fail-on warn``).
        slow: Too big for the quick run.
        env: Environment variables the build and ``check`` run with.
    """

    name: str
    pages: Mapping[str, str | bytes]
    config: Mapping[str, Any] = field(default_factory=dict)
    strict: bool = False
    slow: bool = False
    env: Mapping[str, str] = field(default_factory=dict)

    def write(self, root: Path) -> Path:
        """Write the site into ``root``; return its ``mkdocs.yml``."""
        config_file = write_site(root, {"good.md": GOOD}, dict(self.config) or None)
        for path, text in self.pages.items():
            target = root / "docs" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return config_file


def _bad(
    name: str, bad: str | bytes, config: Mapping[str, Any] | None = None, **how: Any
) -> Hostile:
    return Hostile(name, {"bad.md": bad}, config or {}, **how)


def _design(options: Mapping[str, Any]) -> dict[str, Any]:
    return {"plugins": [{"design": dict(options)}]}


def _alias_bomb(levels: int) -> str:
    """``owner: [*a{levels-1}]`` over ``levels`` nested levels of nine aliases each."""
    anchors = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    anchors += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    front = "\n".join([*anchors, f"owner: [*a{levels - 1}]", "status: Draft"])
    return f"---\n{front}\n---\n" + HEAD.format(title="Aliases")


def _five_megabytes() -> str:
    paragraph = (
        "The gateway retries **idempotent** calls with `backoff`, see [the runbook](good.md) "
        "and <abbr>SLA</abbr> notes; 日本語のテキスト and more prose.\n" * 12 + "\n"
    )
    code = "```text\n" + "log line [not a placeholder] 0123456789 abcdef\n" * 20_000 + "```\n\n"
    body = paragraph * (2_500_000 // len(paragraph)) + code
    body += paragraph * ((5_000_000 - len(body)) // len(paragraph))
    tail = "## Open Questions\n\n- [ ] Is [TBD] too big?\n- [x] Did it build?\n"
    return HEAD.format(title="Huge") + body + tail


def _ten_thousand() -> str:
    components = "".join(
        f"### {i}. Part {i}\n\n**Responsibility:** Does {i}.\n\n" for i in range(10_000)
    )
    questions = "".join(f"- [ ] Is {i} needed?\n" for i in range(5_000))
    questions += "- [ ] Same again?\n" * 5_000  # equal texts: ids get _1, _2 … suffixes
    return (
        HEAD.format(title="Many")
        + "## Component Structure\n\n" + components
        + "## Open Questions\n\n" + questions
    )  # fmt: skip


#: Broken pages, all at once, as ``mkdocs build`` meets them.
ALL_AT_ONCE = {
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

_CASES = [
    # Not broken, only unusual.
    _bad("empty", ""),
    _bad("blank-lines", "\n\n\n"),
    _bad("only-front-matter", "---\ntitle: Only\nstatus: Draft\n---\n"),
    _bad("empty-front-matter", "---\n---\n"),
    _bad("only-bom", "\ufeff"),
    _bad("front-matter-design", "---\ndesign: true\nstatus: Draft\n---\n"),
    # Broken.
    *(
        _bad(f"yaml-{name}", f"---\n{front}---\n\n" + HEAD.format(title="Broken"))
        for name, front in (
            ("syntax", "title: [unclosed\nstatus: Draft\n"),
            ("tab", "status: Draft\n\tauthors: x\n"),
            ("date", "status: Draft\ncreated: 2025-02-30\n"),
        )
    ),
    _bad(
        "bom-mixed-endings",
        "\ufeff# Design: Mixed\r\n\r\n**Created:** [Date]\r**Status:** Approved\n\n"
        "## Architecture Overview\r\rText.\r\n\r\n## Open Questions\r\n\r\n"
        "- [ ] First?\r- [x] Second?\n- [ ] Third [TBD]?\r\n",
    ),
    _bad(
        "control-characters",
        HEAD.format(title="Control \x00\x1b")
        + "A form\x0cfeed, a line\u2028separator and a NUL\x00 in prose.\n\n"
        "## Open Questions\n\n- [ ] Is \x0b this \x7f fine?\n- [ ] Still [TBD]?\n",
        {"validation": {"anchors": "warn"}},
    ),
    _bad(
        "unterminated-fence",
        HEAD.format(title="Open Fence")
        + "```python\ndef f():\n    return 1\n\n## Open Questions\n\n- [ ] Close the fence?\n",
    ),
    _bad(
        "duplicate-components",
        HEAD.format(title="Twice")
        + "## Component Structure\n\n### 1. Cache\n\n**Responsibility:** A.\n\n"
        "### 2. cache\n\n**Responsibility:** B.\n",
    ),
    _bad(
        "depends-on-itself",
        HEAD.format(title="Loop")
        + "## System Context\n\n**Depends On:** Loop\n**Used By:** Loop, Good Neighbour\n\n"
        "## Component Structure\n\n### Cycle\n\n**Dependencies:** Cycle\n",
        _design({"neighbourhood": True}),
    ),
    _bad(
        "deeply-nested-lists",
        HEAD.format(title="Deep")
        + "## Open Questions\n\n"
        + "".join(f"{'    ' * i}- [ ] level {i}?\n" for i in range(100)),
    ),
    _bad(
        "custom-heading-id",
        HEAD.format(title="Ids")
        + "## Component Structure\n\n### Cache {#x)<script>alert(1)</script>}\n\n"
        "**Responsibility:** Caches.\n",
        {"markdown_extensions": ["attr_list", "toc"]},
    ),
    # Big.
    _bad("five-megabytes", _five_megabytes(), slow=True),
    _bad("ten-thousand", _ten_thousand(), slow=True),
    # Front matter of repeated YAML aliases (defect 1): a few hundred bytes, 9**8 or 9**9 values.
    *(_bad(f"yaml-aliases-{levels}", _alias_bomb(levels)) for levels in (8, 9)),
    # Output paths an operator got wrong (defect 5), and a page at a generated URL (defect 10).
    _bad("path-absolute", "# Plain\n", _design({"overview_path": "/tmp/outside/overview.md"})),
    _bad("path-empty", "# Plain\n", _design({"overview_path": ""})),
    _bad("path-outside", "# Plain\n", _design({"graph_path": "../graph.md"})),
    _bad("path-twice", "# Plain\n", _design({"overview_path": "design-catalog/components.md"})),
    _bad("path-not-markdown", "# Plain\n", _design({"overview_path": "x.txt"})),
    _bad(
        "path-search-index",
        "# Plain\n",
        {"plugins": ["search", {"design": {"json_path": "search/search_index.json"}}]},
    ),
    Hostile("page-at-overview-url", {"design-catalog.md": "# Our own catalog\n"}),
    Hostile("page-at-components-url", {"design-catalog/components/index.md": "# Ours\n"}),
    # MkDocs' own errors.
    _bad("undecodable", (HEAD.format(title="Latin") + "Caf\xe9 cr\xe8me\n").encode("latin-1")),
    # A file name with a byte that is not UTF-8 (b"caf\xe9.md", read back with surrogates).
    Hostile("undecodable-name", {"caf\udce9.md": HEAD.format(title="Cafe")}),
    _bad("badge-string", "# Plain\n", _design({"badge": "yes please"})),
    _bad("days-string", "# Plain\n", _design({"stale_after_days": "soon"})),
    _bad("status-without-name", "# Plain\n", _design({"statuses": [{"color": "red"}]})),
    *(
        _bad(
            name,
            "# Plain\n",
            _design({"placeholder": "error", "statuses": [{"name": "QA", "colour": "red"}]}),
            strict=strict,
        )
        for name, strict in (("unknown-option", False), ("unknown-option-strict", True))
    ),
    # A build date that is no date (defect 17): ours is a warning; MkDocs' own stops the build.
    _bad("epoch-out-of-range", "# Plain\n", env={"SOURCE_DATE_EPOCH": "99999999999999"}),
    # All of it at once.
    Hostile("all-at-once", ALL_AT_ONCE),
]

#: Every hostile site, by name.
CORPUS: dict[str, Hostile] = {case.name: case for case in _CASES}


def site(root: Path, name: str) -> Path:
    """Write the hostile site ``name`` into ``root``; return its ``mkdocs.yml``."""
    return CORPUS[name].write(root)
