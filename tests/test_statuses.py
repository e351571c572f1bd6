"""Status vocabulary: raw status texts as authors write them, and what they resolve to."""

from __future__ import annotations

import pytest

from mkdocs_design.reading.statuses import (
    StatusDef,
    StatusTable,
    first_link,
)

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
