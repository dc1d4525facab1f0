"""A change in an analyst's words: what `u` says it undid (core/change_words.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workbench.core.annotation import Anchor, Annotation
from workbench.core.change_words import ChangeSides, describe_change, what_changed

TEXT = "First sentence. The minister said so. Third one."


def tagged(index: int = 11, **values: object) -> Annotation:
    anchor = Anchor.in_text("003_x", "0" * 64, TEXT, index, 16, 37)
    return Annotation.new(anchor, "alice", **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("before", "after", "words"),
    [
        (None, tagged(tags=("claim",)), "claim"),
        (None, tagged(tags=("claim", "denial")), "claim and denial"),
        (tagged(tags=("claim",)), None, "claim removed"),
        (tagged(tags=("claim",)), tagged(tags=("claim", "attribution")), "attribution"),
        (tagged(tags=("claim", "denial")), tagged(tags=("claim",)), "denial removed"),
        (
            tagged(tags=("claim",)),
            tagged(tags=("claim",), source="Mr. Austin"),
            "source “Mr. Austin”",
        ),
        (tagged(source="Mr. Austin"), tagged(), "source removed"),
        (tagged(), tagged(note="see 004"), "note"),
        (tagged(note="see 004"), tagged(), "note removed"),
        (tagged(), tagged(status="in_progress"), "status in progress"),
        (tagged(tags=("claim",), note="x"), None, "annotation deleted"),
        (tagged(), tagged(), "change"),
        (
            tagged(tags=("claim",)),
            tagged(tags=("attribution",), source="TASS"),
            "attribution, claim removed, source “TASS”",
        ),
        (tagged(anchor_state="check"), tagged(anchor_state="current"), "place confirmed"),
    ],
)
def test_what_a_change_made(
    before: Annotation | None, after: Annotation | None, words: str
) -> None:
    assert what_changed(before, after) == words


def test_a_long_source_is_cut() -> None:
    words = what_changed(None, tagged(source="A spokesperson for the ministry of defence of X"))
    assert words.startswith("source “A spokesperson") and words.endswith("…”")


def test_the_sentence_is_numbered_from_one_with_the_title() -> None:
    sides = ChangeSides(None, tagged(index=11, tags=("claim",)))
    assert describe_change(sides, "Kursk: troops") == "claim on “Kursk: troops”, sentence 12"


def test_a_re_anchoring_an_orphan_and_a_re_attachment() -> None:
    moved = ChangeSides(tagged(), tagged(index=3), action="reanchor", count=5)
    assert describe_change(moved, "T") == "re-anchoring of “T” (5 annotations)"
    orphan = tagged(anchor_state="orphaned")
    assert describe_change(ChangeSides(orphan, None, "delete"), "T") == "deleted orphan of “T”"
    placed = replace(orphan, anchor_state="current", index=4)
    sides = ChangeSides(orphan, placed, "reattach")
    assert describe_change(sides, "T") == "orphan re-attached on “T”, sentence 5"


def test_a_change_to_an_orphan_says_so_and_names_the_sentence_it_was_on() -> None:
    """tr14 T4: `u` of a tag whose sentence an edit deleted (undone as the orphan it is,
    tr14 T1) said "Undid: denial on “T”, sentence 3", the number of the sentence that
    now stands there, which kept its tags."""
    orphan = replace(tagged(index=2, tags=("denial",)), anchor_state="orphaned")
    sides = ChangeSides(None, orphan)
    assert describe_change(sides, "T") == "denial on “T”, an orphan (was sentence 3)"
    noted = replace(orphan, note="seen")
    assert (
        describe_change(ChangeSides(orphan, noted), "T")
        == "note on “T”, an orphan (was sentence 3)"
    )
