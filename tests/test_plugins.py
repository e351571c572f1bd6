"""The plugin's edits land where they belong when other popular plugins run before it.

Each case lists another plugin before ``design`` in mkdocs.yml and builds a small site: the
badge sits right under the title, placeholders are marked where they are, questions keep their
anchors, and the catalog's tables are all there. Include-markdown and macros change the
Markdown before the plugin sees it; minify rewrites the HTML; awesome-nav builds the navigation;
Material's blog adds pages of its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import build_site, run_mkdocs, write_site

if TYPE_CHECKING:
    from pathlib import Path

DESIGN = """\
# Design: Ledger

{include}
**Status:** Draft
**Created:** [Date]

## Architecture Overview

The ledger keeps balances. {macro}

## Open Questions

- [ ] Should we keep history forever?
- [ ] Who closes a period?
"""
INCLUDED = """\
!!! note "Shared note"
    Eight lines that another plugin puts in,
    so every line below moves down.

- one
- two
- three
"""
OTHER = "# Design: Payouts\n\n**Status:** Approved\n\n## Architecture Overview\n\nSends money.\n"


def site(tmp_path: Path, plugin: object, config: dict[str, object], page: str) -> Path:
    docs = {"ledger.md": page, "payouts.md": OTHER, "index.md": "# Home\n"}
    if plugin == "blog":
        docs["blog/index.md"] = "# Blog\n"
        docs["blog/posts/hello.md"] = (
            "---\ndate: 2025-01-02\n---\n\n# Hello\n\nA post about the [TBD] launch.\n"
        )
    settings = {"markdown_extensions": ["admonition", "pymdownx.tasklist"], **config}
    settings["plugins"] = [plugin, "design"]
    return write_site(tmp_path, {**docs, "snippets/included.md": INCLUDED}, settings)


CASES = {
    "include-markdown": (
        {"include-markdown": {}}, {},
        DESIGN.format(include='{% include-markdown "snippets/included.md" %}\n', macro=""),
    ),
    "macros": ({"macros": {}}, {}, DESIGN.format(include="", macro="It holds {{ 6 * 7 }} books.")),
    "minify": ({"minify": {"minify_html": True}}, {}, DESIGN.format(include="", macro="")),
    "awesome-nav": ("awesome-nav", {}, DESIGN.format(include="", macro="")),
    "blog": ("blog", {"theme": {"name": "material"}}, DESIGN.format(include="", macro="")),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CASES))
def test_edits_land_where_they_belong(tmp_path: Path, name: str) -> None:
    """Badge under the title, mark on the placeholder, anchored questions, full catalog."""
    plugin, config, page = CASES[name]
    if name == "awesome-nav":
        (tmp_path / "docs").mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs/.nav.yml").write_text("nav:\n  - index.md\n  - '*'\n", "utf-8")
    if name == "blog":
        pytest.importorskip("material")
    built = build_site(site(tmp_path, plugin, config, page))
    errors = [m for m in built.messages() if "mkdocs_design" in m and "placeholder" not in m]
    assert errors == []
    soup = BeautifulSoup((built.site_dir / "ledger/index.html").read_text("utf-8"), "html.parser")
    h1 = soup.find("h1")
    assert h1 is not None
    badge = h1.find_next("span", class_="design-badge")
    assert badge is not None
    assert badge["data-design-status"] == "Draft"
    assert h1.find_next(["p", "div"]).find("span", class_="design-badge") is badge
    mark = soup.find("mark", class_="design-placeholder")
    assert mark is not None
    assert mark.get_text() == "[Date]"
    for anchor in ("q-should-we-keep-history-forever", "q-who-closes-a-period"):
        item = soup.find(id=anchor)
        assert item is not None
        assert item.find_parent("li") is not None
    if name == "include-markdown":
        assert soup.find("div", class_="admonition") is not None
        assert [li.get_text() for li in soup.select("div[role=main] li, article li")][:3] == [
            "one",
            "two",
            "three",
        ] or "one" in soup.get_text()
    if name == "macros":
        assert "It holds 42 books." in soup.get_text()
    overview = (built.site_dir / "design-catalog/index.html").read_text("utf-8")
    rows = BeautifulSoup(overview, "html.parser").select(".design-table--overview tbody tr")
    assert len(rows) == 2
    catalog = json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))
    assert sorted(d["title"] for d in catalog["designs"]) == ["Ledger", "Payouts"]


# --- what other plugins add is read too --------------------------------------------------------

PART = """\
## Component Structure

### Included Service

**Responsibility:** keeps [TBD].

## Open Questions

- [ ] Is it included?
"""
HOST = """\
---
owner: Ana
---
# Design: Host

**Status:** Draft

## Architecture Overview

Text.

{include}

## Testing Strategy

Tests.
"""


def design_of(built_site: Path, src: str) -> dict[str, object]:
    """The catalog.json entry of one design."""
    catalog = json.loads((built_site / "design-catalog/catalog.json").read_text("utf-8"))
    (design,) = [d for d in catalog["designs"] if d["src"] == src]
    return design


def check_lines(root: Path) -> list[str]:
    """What ``mkdocs-design check`` prints for a site."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_design", "check"],
        cwd=root, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    return result.stdout.splitlines()


@pytest.mark.parametrize(
    ("plugins", "extensions", "include"),
    [
        pytest.param(["include-markdown", "design"], [],
                     '{% include-markdown "../part.md" %}', id="include-markdown"),
        pytest.param(["design"], ["pymdownx.snippets"], '--8<-- "part.md"', id="snippets"),
    ],
)  # fmt: skip
def test_included_text_is_in_the_catalog(
    tmp_path: Path, plugins: list[str], extensions: list[object], include: str
) -> None:
    """An included component, question and placeholder: catalogued, reported at the include."""
    (tmp_path / "part.md").write_text(PART, "utf-8")
    if extensions:  # snippets are looked up from the working directory by default
        extensions = [{"pymdownx.snippets": {"base_path": [str(tmp_path)]}}]
    config = {"plugins": plugins, "markdown_extensions": extensions}
    root = write_site(tmp_path, {"host.md": HOST.format(include=include)}, config).parent
    built = build_site(root / "mkdocs.yml")
    design = design_of(built.site_dir, "host.md")
    assert [c["name"] for c in design["components"]] == ["Included Service"]  # type: ignore[index]
    assert [q["text"] for q in design["questions"]] == ["Is it included?"]  # type: ignore[index]
    reported = [m for m in built.messages() if "placeholder" in m]
    assert reported == ['mkdocs_design: docs/host.md:12:1: unresolved placeholder "[TBD]" '
                        "(Included Service)"]  # fmt: skip
    index = BeautifulSoup(
        (built.site_dir / "design-catalog/components/index.html").read_text("utf-8"), "html.parser"
    )
    link = index.select_one('a[href$="#included-service"]')
    assert link is not None
    page = (built.site_dir / "host/index.html").read_text("utf-8")
    assert 'id="included-service"' in page
    dashboard = BeautifulSoup(
        (built.site_dir / "design-catalog/questions/index.html").read_text("utf-8"), "html.parser"
    )
    (asked,) = [a["href"] for a in dashboard.select("a") if a.get_text() == "Is it included?"]
    assert asked.startswith("../../host/")
    fragment = str(asked).partition("#")[2]  # snippets: the page, as no anchor can be placed
    assert fragment == "" or f'id="{fragment}"' in page
    (question,) = design["questions"]  # type: ignore[misc]
    assert question["url"] == "host/" + (f"#{fragment}" if fragment else "")
    if "snippets" in str(extensions):  # check reads snippets as the build does
        assert check_lines(root) == ['docs/host.md:12:1: unresolved placeholder "[TBD]" '
                                     "(Included Service)"]  # fmt: skip


MACROS = """\
# Design: Templated

**Status:** {{ state }}

## Architecture Overview

Text.

## Component Structure
{% for name in ["Alpha", "Beta"] %}
### {{ name }}

**Responsibility:** does {{ name }}.
{% endfor %}
"""


def test_macros_are_read_as_rendered(tmp_path: Path) -> None:
    """A status and components made by macros: the catalog has what the page shows."""
    config = {"plugins": ["macros", "design"], "extra": {"state": "Approved"}}
    built = build_site(write_site(tmp_path, {"t.md": MACROS}, config))
    assert [m for m in built.messages() if "mkdocs_design" in m] == []
    design = design_of(built.site_dir, "t.md")
    assert design["status"] == "Approved"
    assert [c["name"] for c in design["components"]] == ["Alpha", "Beta"]  # type: ignore[index]
    page = BeautifulSoup((built.site_dir / "t/index.html").read_text("utf-8"), "html.parser")
    badge = page.find("span", class_="design-badge")
    assert badge is not None
    assert badge["data-design-status"] == "Approved"


def test_a_design_written_as_a_blog_post_is_catalogued(tmp_path: Path) -> None:
    """Material's blog hides its posts while files are collected: the post is read all the same."""
    pytest.importorskip("material")
    post = "---\ndate: 2025-01-02\n---\n\n" + DESIGN.format(include="", macro="")
    docs = {"index.md": "# Home\n", "blog/index.md": "# Blog\n", "blog/posts/ledger.md": post}
    config = {"theme": {"name": "material"}, "plugins": ["blog", "design"]}
    root = write_site(tmp_path, docs, config).parent
    built = build_site(root / "mkdocs.yml")
    design = design_of(built.site_dir, "blog/posts/ledger.md")
    assert design["url"] == "blog/2025/01/02/design-ledger/"
    page = built.site_dir / "blog/2025/01/02/design-ledger/index.html"
    assert 'data-design-status="Draft"' in page.read_text("utf-8")
    ours = sorted(m.removeprefix("mkdocs_design: ") for m in built.messages() if "docs/" in m)
    assert ours == sorted(check_lines(root))
    assert ours  # the post's "[Date]" placeholder, in both


@pytest.mark.parametrize("publish", [False, True], ids=["drafts-left-out", "blog-draft-true"])
def test_blog_drafts_are_read_by_check_exactly_when_the_build_reads_them(
    tmp_path: Path, publish: bool
) -> None:
    """A draft post is no page of the site, so neither the build nor ``check`` reports it."""
    pytest.importorskip("material")
    design = DESIGN.format(include="", macro="")
    docs = {
        "index.md": "# Home\n",
        "blog/index.md": "# Blog\n",
        "blog/posts/draft.md": "---\ndate: 2025-01-02\ndraft: true\n---\n\n" + design,
        "blog/posts/future.md": "---\ndate: 2999-01-02\n---\n\n" + design,
        "blog/posts/kept.md": "---\ndate: 2999-01-02\ndraft: false\n---\n\n" + design,
    }
    blog = {"draft": publish, "draft_if_future_date": True}
    config = {"theme": {"name": "material"}, "plugins": [{"blog": blog}, "design"]}
    root = write_site(tmp_path, docs, config).parent
    built = build_site(root / "mkdocs.yml")
    ours = sorted(m.removeprefix("mkdocs_design: ") for m in built.messages() if "docs/" in m)
    assert ours == sorted(line for line in check_lines(root) if "placeholder" in line)
    read = {line.split(":")[0] for line in ours}  # each post's "[Date]" placeholder
    published = {"docs/blog/posts/kept.md"} | (
        {"docs/blog/posts/draft.md", "docs/blog/posts/future.md"} if publish else set()
    )
    assert read == published


def test_views_on_pages_read_first_show_the_final_catalog(tmp_path: Path) -> None:
    """The home page comes before the designs: its views still show what they became."""
    (tmp_path / "part.md").write_text(PART, "utf-8")
    host = HOST.format(include='{% include-markdown "../part.md" %}').replace(
        "**Status:** Draft", "**Status:** {{ state }}"
    )
    docs = {"index.md": "# Home\n\n<!-- design/overview -->\n\n<!-- design/components -->\n",
            "host.md": host}  # fmt: skip
    config = {"plugins": ["include-markdown", "macros", "design"], "extra": {"state": "Approved"}}
    built = build_site(write_site(tmp_path, docs, config))
    home = BeautifulSoup((built.site_dir / "index.html").read_text("utf-8"), "html.parser")
    badge = home.select_one(".design-table--overview .design-badge")
    assert badge is not None
    assert badge["data-design-status"] == "Approved"
    assert "Included Service" in home.get_text()
    assert [m for m in built.messages() if "catalog link" in m] == []


def test_a_page_a_macro_makes_plain_is_no_design(tmp_path: Path) -> None:
    """A design only when a variable says so: no badge, no catalog row, no false warning."""
    page = (
        "{% if is_design %}\n"
        + DESIGN.format(include="", macro="")
        + "{% else %}\n# Notes\n{% endif %}\n"
    )
    docs = {"notes.md": page, "index.md": "# Home\n\n<!-- design/overview -->\n"}
    config = {"plugins": ["macros", "design"], "extra": {"is_design": False}}
    built = build_site(write_site(tmp_path, docs, config))
    assert "design-badge" not in (built.site_dir / "notes/index.html").read_text("utf-8")
    catalog = json.loads((built.site_dir / "design-catalog/catalog.json").read_text("utf-8"))
    assert catalog["designs"] == []
    assert [m for m in built.messages() if "mkdocs_design" in m] == []


@pytest.mark.parametrize(
    ("plugins", "extensions", "page"),
    [
        pytest.param(["include-markdown", "design"], [], '{% include-markdown "../whole.md" %}\n',
                     id="include-markdown"),
        pytest.param(["design"], ["pymdownx.snippets"], '--8<-- "whole.md"\n', id="snippets"),
    ],
)  # fmt: skip
def test_a_page_that_is_only_an_include_of_a_design_is_one(
    tmp_path: Path, plugins: list[str], extensions: list[object], page: str
) -> None:
    """The whole design comes from elsewhere: it is catalogued and gated all the same."""
    (tmp_path / "whole.md").write_text(DESIGN.format(include="", macro=""), "utf-8")
    if extensions:
        extensions = [{"pymdownx.snippets": {"base_path": [str(tmp_path)]}}]
    config = {"plugins": plugins, "markdown_extensions": extensions}
    root = write_site(tmp_path, {"host.md": page}, config).parent
    built = build_site(root / "mkdocs.yml")
    assert design_of(built.site_dir, "host.md")["title"] == "Ledger"
    reported = [m for m in built.messages() if "placeholder" in m]
    assert reported == [
        'mkdocs_design: docs/host.md:1:1: unresolved placeholder "[Date]" (Created)'
    ]
    if extensions:
        assert check_lines(root) == ['docs/host.md:1:1: unresolved placeholder "[Date]" (Created)']


def test_a_marker_a_snippet_brings_is_reported_at_the_snippet(tmp_path: Path) -> None:
    """Snippets go in after the views are drawn: say so where the snippet is, never a blank."""
    (tmp_path / "views.md").write_text("Catalog:\n\n<!-- design/overview -->\n", "utf-8")
    docs = {"index.md": "# Home\n\nIntro.\n\n--8<-- \"views.md\"\n",
            "ledger.md": DESIGN.format(include="", macro="")}  # fmt: skip
    extensions = [{"pymdownx.snippets": {"base_path": [str(tmp_path)]}}]
    root = write_site(tmp_path, docs, {"markdown_extensions": extensions}).parent
    built = build_site(root / "mkdocs.yml")
    reported = [m.removeprefix("mkdocs_design: ") for m in built.messages() if "marker" in m]
    assert reported == [
        'docs/index.md:5:1: marker "design/overview" comes from a snippet, '
        "inserted after the plugin draws its views: write it in the page"
    ]
    assert [line for line in check_lines(root) if "marker" in line] == reported
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 1, result.stderr


# --- pages drawn while another plugin is on (third attack) -------------------------------------

PLAIN = """\
# Design: Bee

**Created:** [Date]
**Status:** Approved

## Architecture Overview

Bee is real.

## Open Questions

- [ ] Why bee?
- [ ] Why not?
"""


def test_a_page_macros_leave_alone_gets_its_edits_on_their_own_lines(tmp_path: Path) -> None:
    """Jinja drops the file's last newline: the edits still go by the lines from the top."""
    built = build_site(write_site(tmp_path, {"b.md": PLAIN}, {"plugins": ["macros", "design"]}))
    soup = BeautifulSoup((built.site_dir / "b/index.html").read_text("utf-8"), "html.parser")
    title = soup.find("h1")
    assert title is not None
    assert title.find_next("span", class_="design-badge") is not None
    assert soup.find("span", class_="design-badge").find_previous("h1") is title  # type: ignore[union-attr]
    mark = soup.find("mark", class_="design-placeholder")
    assert mark is not None
    assert mark.get_text() == "[Date]"
    items = {li.get_text(strip=True).removeprefix("[ ]"): li for li in soup.select("li")}
    for text, anchor in (("Why bee?", "q-why-bee"), ("Why not?", "q-why-not")):
        assert items[text].find(id=anchor) is not None, text


def test_headers_drawn_before_a_macro_revised_a_design_show_the_final_catalog(
    tmp_path: Path,
) -> None:
    """Bee comes first; Zed's status and dependency come from macros, read only later."""
    zed = ("# Design: Zed\n\n**Status:** {{ zst }}\n\n## Architecture Overview\n\nOld.\n\n"
           "## System Context\n\n- **Depends On:** {{ dep }}\n")  # fmt: skip
    bee = "# Design: Bee\n\n**Status:** Approved\n\n## Architecture Overview\n\nReal.\n"
    config = {
        "plugins": ["macros", {"design": {"neighbourhood": True}}],
        "extra": {"zst": "Superseded by [Bee](b.md)", "dep": "Bee"},
    }
    built = build_site(write_site(tmp_path, {"b.md": bee, "z.md": zed}, config))
    b = BeautifulSoup((built.site_dir / "b/index.html").read_text("utf-8"), "html.parser")
    supersedes = b.find(class_="design-supersedes")
    assert supersedes is not None
    assert "Zed" in supersedes.get_text()
    near = b.find(class_="design-neighbourhood")
    assert near is not None
    assert "Zed" in near.get_text()
    z = BeautifulSoup((built.site_dir / "z/index.html").read_text("utf-8"), "html.parser")
    banner = z.find(class_="design-banner")
    assert banner is not None
    assert "Bee" in banner.get_text()
    assert "names no successor" not in banner.get_text()
    assert "{{" not in z.get_text()


def test_an_included_marker_and_an_include_only_design_hold_under_dirty(tmp_path: Path) -> None:
    """The home page's included view shows the included design, also in a --dirty rebuild."""
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts/ov.md").write_text("<!-- design/overview -->\n", "utf-8")
    (tmp_path / "parts/whole.md").write_text(DESIGN.format(include="", macro=""), "utf-8")
    docs = {
        "index.md": '# Home\n\n{% include-markdown "../parts/ov.md" %}\n',
        "z.md": '{% include-markdown "../parts/whole.md" %}\n',
        "a.md": PLAIN.replace("Bee", "Aaa"),
    }
    root = write_site(tmp_path, docs, {"plugins": ["include-markdown", "design"]}).parent

    def shown() -> tuple[list[str], list[str], list[str]]:
        catalog = json.loads((root / "site/design-catalog/catalog.json").read_text("utf-8"))
        home = BeautifulSoup((root / "site/index.html").read_text("utf-8"), "html.parser")
        rows = [
            a.get_text() for a in home.select(".design-table--overview tbody tr td:first-child a")
        ]
        return sorted(d["title"] for d in catalog["designs"]), sorted(rows), []

    first = run_mkdocs("build", "--strict", cwd=root)
    assert first.returncode == 1  # the placeholders, included ones too
    assert 'docs/z.md:1:1: unresolved placeholder "[Date]"' in first.stderr
    assert shown()[:2] == (["Aaa", "Ledger"], ["Aaa", "Ledger"])
    again = run_mkdocs("build", "--dirty", "--strict", cwd=root)
    assert again.returncode == 1
    assert 'docs/z.md:1:1: unresolved placeholder "[Date]"' in again.stderr
    assert shown()[:2] == (["Aaa", "Ledger"], ["Aaa", "Ledger"])


def test_what_a_snippet_brings_is_linked_to_what_the_page_has(tmp_path: Path) -> None:
    """Snippet questions and placeholders get no id: every catalog link lands all the same."""
    (tmp_path / "qs.md").write_text("- [ ] Snipped [TBD]?\n- [ ] Another?\n", "utf-8")
    (tmp_path / "whole.md").write_text(DESIGN.format(include="", macro=""), "utf-8")
    own = PLAIN.replace("- [ ] Why not?\n", '--8<-- "qs.md"\n')
    docs = {"a.md": own, "w.md": '--8<-- "whole.md"\n', "index.md": "# Home\n"}
    extensions = [{"pymdownx.snippets": {"base_path": [str(tmp_path)]}}]
    built = build_site(write_site(tmp_path, docs, {"markdown_extensions": extensions}))
    pages = {p: (built.site_dir / p).read_text("utf-8") for p in ("a/index.html", "w/index.html")}
    for view in ("design-catalog/index.html", "design-catalog/questions/index.html"):
        soup = BeautifulSoup((built.site_dir / view).read_text("utf-8"), "html.parser")
        for link in soup.select("a[href*='#']"):
            target, _, anchor = str(link["href"]).rpartition("#")
            page = target.rsplit("../", 1)[-1] + "index.html"
            if page in pages:
                assert f'id="{anchor}"' in pages[page], (view, link["href"])
    a = BeautifulSoup(pages["a/index.html"], "html.parser")
    assert [m.get_text() for m in a.find_all("mark", class_="design-placeholder")] == ["[Date]"]
    assert "</mark>" not in a.get_text()


def test_a_page_drawn_again_keeps_materials_tag_listing(tmp_path: Path) -> None:
    """The home page is drawn again after a macro made Zed a design: its tag listing stays."""
    pytest.importorskip("material")
    docs = {
        "index.md": "# Home\n\n<!-- design/overview -->\n\n## Tags\n\n<!-- material/tags -->\n",
        "z.md": "---\ntags: [alpha]\n---\n# Design: Zed\n\n**Status:** {{ zst }}\n\n"
        "## Architecture Overview\n\nZed is real.\n",
        "a.md": "---\ntags: [beta]\n---\n# Plain page\n",
    }
    config = {"theme": {"name": "material"}, "plugins": ["tags", "macros", "design"],
              "extra": {"zst": "Approved"}}  # fmt: skip
    built = build_site(write_site(tmp_path, docs, config))
    home = BeautifulSoup((built.site_dir / "index.html").read_text("utf-8"), "html.parser")
    assert home.find(id="tag:alpha") is not None
    assert home.find(id="tag:beta") is not None
    assert "index.md:" not in home.get_text()  # no placeholder of the tags plugin left
    badge = home.select_one(".design-table--overview .design-badge")
    assert badge is not None
    assert badge["data-design-status"] == "Approved"


@pytest.mark.parametrize(("view", "warned"), [("overview", False), ("overveiw", True)])
def test_a_marker_a_macro_writes_is_checked_as_rendered(
    tmp_path: Path, view: str, warned: bool
) -> None:
    """``<!-- design/{{ view }} -->`` is read as macros render it, as it is drawn."""
    docs = {"w.md": "# W\n\nIntro.\n\n<!-- design/{{ view }} -->\n", "b.md": PLAIN}
    config = {"plugins": ["macros", "design"], "extra": {"view": view}}
    root = write_site(tmp_path, docs, config).parent
    built = build_site(root / "mkdocs.yml")
    markers = [m.removeprefix("mkdocs_design: ") for m in built.messages() if "marker" in m]
    if warned:
        assert [m.split(";")[0] for m in markers] == [
            'docs/w.md:5:1: unknown marker "design/overveiw" (did you mean "design/overview"?)'
        ]
    else:
        assert markers == []
        page = (built.site_dir / "w/index.html").read_text("utf-8")
        assert "design-table--overview" in page
