"""Status vocabulary: raw status texts as authors write them, and what they resolve to."""

from __future__ import annotations

import pytest

from mkdocs_design.statuses import DEFAULT_STATUSES, StatusTable, first_link, normalise, slug

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


def test_custom_statuses_replace_the_lifecycle() -> None:
    """A site's own statuses, in order, with their own aliases."""
    table = StatusTable.build([("Idea", ("Pitch",)), ("Agreed", ()), ("Built", ("Shipped",))])
    assert table.names == ("Idea", "Agreed", "Built")
    assert [table.resolve(raw) for raw in ("pitch", "Shipped", "Draft")] == ["Idea", "Built", None]


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


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("**In  Review**", "in review"),
        ("Superseded by [Event Bus](x.md)", "superseded by event bus"),
        ("~~Draft~~", "draft"),
    ],
)
def test_normalise(text: str, folded: str) -> None:
    """Markup and links dropped, case and spaces folded."""
    assert normalise(text) == folded


@pytest.mark.parametrize(
    ("name", "ident"),
    [("In Review", "in-review"), ("Won't Do", "won-t-do"), ("Draft", "draft"), ("—", "unknown")],
)
def test_slug(name: str, ident: str) -> None:
    """CSS identifiers for status names."""
    assert slug(name) == ident


def test_rank_orders_the_lifecycle_and_unknown_last() -> None:
    """Canonical statuses sort in lifecycle order; unknown and missing ones last."""
    names = [name for name, _ in DEFAULT_STATUSES]
    ranked = sorted([None, "Deprecated", "Draft", "Approved"], key=DEFAULT.rank)
    assert ranked == ["Draft", "Approved", "Deprecated", None]
    assert DEFAULT.rank("Nope") == len(names)
