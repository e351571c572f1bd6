"""Status vocabulary: raw status texts as authors write them, and what they resolve to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import build_site, write_site

from mkdocs_design.reading.statuses import (
    StatusDef,
    StatusTable,
    first_link,
    slug,
)

if TYPE_CHECKING:
    from pathlib import Path

DEFAULT = StatusTable.build()


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        pytest.param("Draft", "Draft", id="name"),
        pytest.param("draft", "Draft", id="lower-case"),
        pytest.param("DRAFT", "Draft", id="upper-case"),
        pytest.param("  Draft  ", "Draft", id="spaces"),
        pytest.param("**Draft**", "Draft", id="bold"),
        pytest.param("`Approved`", "Approved", id="code"),
        pytest.param("WIP", "Draft", id="alias-wip"),
        pytest.param("Work in progress", "Draft", id="alias-words"),
        pytest.param("Proposed", "In Review", id="alias-proposed"),
        pytest.param("In   Review", "In Review", id="inner-spaces"),
        pytest.param("RFC", "In Review", id="alias-rfc"),
        pytest.param("Accepted", "Approved", id="alias-accepted"),
        pytest.param("Done", "Implemented", id="alias-done"),
        pytest.param("On Hold", "Deferred", id="alias-on-hold"),
        pytest.param("Won't Do", "Rejected", id="alias-apostrophe"),
        pytest.param("Replaced", "Superseded", id="alias-replaced"),
        pytest.param("Obsolete", "Deprecated", id="alias-obsolete"),
        pytest.param("Draft — awaiting approval", "Draft", id="commentary-em-dash"),
        pytest.param("Draft (v2)", "Draft", id="commentary-parenthesis"),
        pytest.param("Approved: 2025-03-01", "Approved", id="commentary-colon"),
        pytest.param("Superseded by [Event Bus](../platform/event-bus.md)", "Superseded",
                     id="superseded-link"),
        pytest.param("[Superseded](x.md)", "Superseded", id="status-is-link"),
        pytest.param("Ready for Implementation", None, id="unknown-real-world"),
        pytest.param("Drafty", None, id="prefix-of-a-word"),
        pytest.param("In", None, id="part-of-a-name"),
        pytest.param("", None, id="empty"),
    ],
)  # fmt: skip
def test_default_statuses(raw: str, canonical: str | None) -> None:
    """Raw status text → canonical status with the default vocabulary."""
    assert DEFAULT.resolve(raw) == canonical


@pytest.mark.parametrize(
    ("aliases", "raw", "canonical"),
    [
        pytest.param({"Ready for Implementation": "Approved"}, "Ready for Implementation",
                     "Approved", id="real-world-alias"),
        pytest.param({"ready": "approved"}, "Readying", None, id="alias-needs-a-break-after-it"),
        pytest.param({"ready": "approved"}, "ready for implementation", "Approved",
                     id="case-insensitive-alias-and-target"),
        pytest.param({"Ready": "Approved", "Ready for Implementation": "Implemented"},
                     "Ready for implementation", "Implemented", id="longest-alias-wins"),
        pytest.param({"Ready": "Approved"}, "Ready — needs sign-off", "Approved",
                     id="alias-with-commentary"),
        pytest.param({"Done": "Deprecated"}, "done", "Deprecated", id="alias-overrides-default"),
        pytest.param({"freigegeben": "Approved"}, "Freigegeben", "Approved", id="translation"),
    ],
)  # fmt: skip
def test_custom_aliases(aliases: dict[str, str], raw: str, canonical: str | None) -> None:
    """Site aliases add to the defaults and match like them."""
    assert StatusTable.build(aliases=aliases).resolve(raw) == canonical


def test_site_statuses_take_their_place_in_the_lifecycle() -> None:
    """A site's status goes after the one it names, wins over a default alias, and plays a role."""
    shipped = StatusDef("Shipped", ("Out the door",), "#6f42c1", after="Approved")
    table = StatusTable.build([shipped, StatusDef("Parked idea", role=(like := "Deferred"))])
    assert table.names[:4] == ("Draft", "In Review", "Approved", "Shipped")
    assert table.names[-1] == "Parked idea"
    assert [table.resolve(raw) for raw in ("shipped", "Out the door", "done")] == [
        "Shipped",
        "Shipped",
        "Implemented",
    ]
    assert table.role("Shipped") == "Approved"  # like the status it comes after
    assert table.color("Shipped") == "#6f42c1"
    assert table.role("Parked idea") == like


@pytest.mark.parametrize(
    ("status", "message"),
    [
        pytest.param(StatusDef("QA", color="red; }"), "is not a CSS colour", id="colour"),
        pytest.param(StatusDef("QA", after="Nope"), "'after' names unknown status", id="after"),
        pytest.param(StatusDef("QA", role="Nope"), "'like' must name a default", id="like"),
    ],
)
def test_site_statuses_that_cannot_be_placed_are_errors(status: StatusDef, message: str) -> None:
    """A bad colour, position or role is a configuration error naming the status."""
    with pytest.raises(ValueError, match=message):
        StatusTable.build([status])


@pytest.mark.parametrize(
    ("aliases", "message"),
    [
        pytest.param({"Ready": "Launched"}, "alias 'Ready' points at unknown status 'Launched'",
                     id="unknown-target"),
        pytest.param({"Ready": ""}, "points at unknown status ''", id="empty-target"),
    ],
)  # fmt: skip
def test_bad_alias_is_an_error(aliases: dict[str, str], message: str) -> None:
    """An alias to a status that does not exist fails, naming it and the known ones."""
    with pytest.raises(ValueError, match="unknown status") as error:
        StatusTable.build(aliases=aliases)
    assert message in str(error.value)
    assert "Draft, In Review, Approved" in str(error.value)


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("Superseded by [Event Bus](../platform/event-bus.md)", "../platform/event-bus.md"),
        ("Superseded by [A](a.md) and [B](b.md)", "a.md"),
        ('Replaced by [A](a.md "the new one")', "a.md"),
        ("Superseded by ![icon](i.png) [A](a.md#intro)", "a.md#intro"),
        ("Superseded by [A][ref]", None),
        ("Superseded", None),
    ],
)
def test_first_link(text: str, link: str | None) -> None:
    """The first inline link's target; images and reference links are not targets."""
    assert first_link(text) == link


def test_many_leading_fillers_resolve_without_recursion() -> None:
    """Thousands of filler words before the status (``status status … Draft``) exhaust no stack."""
    assert DEFAULT.resolve("status " * 5_000 + "Draft") == "Draft"


NAMES = ["Draft", "In Review", "Готово", "Отклонено", "Ready (QA)", "Ready QA", "Ready-QA",
         "Ready QA 5825fb", "Unknown",
         "ready qa!", "已批准", "已拒绝", "In  Review", "in_review", "C++", "C#", "C"]  # fmt: skip


def test_status_ids_keep_every_script_and_never_collide() -> None:
    """Each name gets its own id, of letters, digits and single dashes; plain names read as is."""
    ids = [slug(name) for name in NAMES]
    assert len(set(ids)) == len(ids), dict(zip(NAMES, ids, strict=True))
    assert ids[:4] == ["draft", "in-review", "готово", "отклонено"]
    assert slug("Ready QA") == "ready-qa"
    assert all(re.fullmatch(r"[^\W_]+(?:-[^\W_]+)*(?:--[0-9a-f]{6})?", ident) for ident in ids), ids
    assert slug("") == "unknown"
    assert slug("Unknown") != "unknown"  # the id of statuses the site does not know


def test_own_statuses_in_any_script_keep_their_colour(tmp_path: Path) -> None:
    """Non-ASCII and look-alike statuses: their own badge class and colour on a built site."""
    statuses = [
        {"name": "Готово", "after": "Approved", "color": "#123456"},
        {"name": "Ready (QA)", "color": "#abcdef"},
        {"name": "Ready-QA 2", "color": "#fedcba"},
    ]
    pages = {
        f"{n}.md": f"# Design: D{n}\n\n**Status:** {s['name']}\n\n## Architecture Overview\n\nx\n"
        for n, s in enumerate(statuses)
    }
    built = build_site(
        write_site(tmp_path, pages, {"plugins": [{"design": {"statuses": statuses}}]})
    )
    assert built.messages() == []
    classes = []
    for n in range(3):
        soup = BeautifulSoup((built.site_dir / f"{n}/index.html").read_text("utf-8"), "html.parser")
        badge = soup.find("span", class_="design-badge")
        assert badge is not None
        classes.append(next(c for c in badge["class"] if c.startswith("design-badge--")))
    assert len(set(classes)) == 3
    assert classes[0] == "design-badge--готово"
    css = (built.site_dir / "assets/mkdocs_design/design.css").read_text("utf-8")
    for cls, status in zip(classes, statuses, strict=True):
        ident = cls.removeprefix("design-badge--")
        assert f"--design-{ident}: {status['color']};" in css


@pytest.mark.parametrize(
    ("own", "aliases", "message"),
    [
        pytest.param([StatusDef("Ready (QA)"), StatusDef("Ready QA")], None,
                     "statuses 'Ready (QA)' and 'Ready QA' read as one status", id="same-name"),
        pytest.param([StatusDef("Shipped", ("approved",))], None,
                     "status 'Shipped': its alias 'approved' is the name of status 'Approved'",
                     id="own-alias-is-a-name"),
        pytest.param([], {"Approved": "Draft"},
                     "alias 'Approved' of 'Draft' is the name of status 'Approved'",
                     id="alias-is-a-name"),
    ],
)  # fmt: skip
def test_statuses_that_would_shadow_each_other_are_refused(
    own: list[StatusDef], aliases: dict[str, str] | None, message: str
) -> None:
    """Two names that read the same, or an alias that is another status's name: an error."""
    with pytest.raises(ValueError, match=re.escape(message)):
        StatusTable.build(own, aliases)
