"""Every link the plugin writes resolves, whatever characters a page's file name holds.

A tree of designs named with ``#``, ``?``, ``%``, spaces, parentheses, ``;`` and non-ASCII
letters, each superseded by and depending on another, with neighbourhoods and every catalog
page: the strict build (links and anchors validated) passes, and every link in the pages the
plugin writes opens a page that exists, at an id that exists.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from conftest import build_site, write_site

if TYPE_CHECKING:
    from pathlib import Path

NAMES = ["c#-client", "design (v2", "p%20ct", "a b", "q?x", "ünï", "(paren)", "semi;colon"]


def design(title: str, status: str, depends: str, used_by: str = "") -> str:
    used = f"- **Used By:** {used_by}\n" if used_by else ""
    return (
        f"# Design: {title}\n\n**Status:** {status}\n\n## System Context\n\n"
        f"- **Depends On:** {depends}\n{used}\n## Open Questions\n\n- [ ] Why {title}?\n"
    )


def test_links_resolve_whatever_the_file_names(tmp_path: Path) -> None:
    """Strict build passes; every href in design and catalog pages lands on a real id."""
    docs = {f"team {n}/{n}.md": design(f"N {n}", "Superseded by [Base](../base.md)", "Base")
            for n in NAMES}  # fmt: skip
    docs["base.md"] = design("Base", "Implemented", "N c#-client", "N a b")
    docs["embed.md"] = "# Views\n\n<!-- design/overview -->\n\n<!-- design/components -->\n"
    config = write_site(
        tmp_path, docs,
        {"validation": {"anchors": "warn", "links": {"not_found": "warn"}},
         "plugins": [{"design": {"neighbourhood": True}}]},
    )  # fmt: skip
    built = build_site(config, strict=True)
    assert built.messages() == []
    site = built.site_dir
    pages = sorted(site.rglob("*.html"))
    ids = {p: {t["id"] for t in BeautifulSoup(p.read_text("utf-8"), "html.parser").select("[id]")}
           for p in pages}  # fmt: skip
    checked = 0
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        main = soup.select_one("div[role=main]")
        for a in main.select("a[href]") if main else []:
            url = urlsplit(a["href"])
            if url.scheme or url.netloc or (a["href"].startswith("#") and not url.fragment):
                continue
            path = posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(url.path)))
            target = site.joinpath(path)
            target = target / "index.html" if target.is_dir() else target
            if not url.path:
                target = page
            assert target.exists(), (page, a["href"])
            if url.fragment:
                assert unquote(url.fragment) in ids[target], (page, a["href"])
            checked += 1
    assert checked > 100
