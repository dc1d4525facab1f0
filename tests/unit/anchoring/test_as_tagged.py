"""What a moved annotation looked like when tagged (as_tagged.py), and which of its
words a new sentence no longer has (changed_words.py): what `y` must not be pressed
without."""

from __future__ import annotations

from dataclasses import dataclass, replace

from tests.fixtures.anchored import STORY, annotate, article
from workbench.core.anchoring.as_tagged import TaggedVersions
from workbench.core.anchoring.placement import plan_article
from workbench.core.annotation import Annotation
from workbench.core.corpus.changed_words import around_first_change, changed_words

OLD = article(STORY)
FIGURE = "The ministry said 3,000 troops arrived on Monday."
CHANGED = STORY.replace("3,000", "30,000")
INSERTED = CHANGED.replace("\n", "\nA paragraph the publisher added.\n", 1)


@dataclass(frozen=True)
class Record:
    before: Annotation | None
    after: Annotation | None


def test_a_plan_tells_how_an_annotation_to_check_was_tagged() -> None:
    tagged = annotate(OLD, 1, note="the figure")
    (placement,) = plan_article(article(CHANGED), [tagged]).placements
    assert placement.after.anchor_state == "check"
    versions = TaggedVersions()
    versions.follow_plan(plan_article(article(CHANGED), [tagged]))
    assert versions.of(placement.after) == tagged
    assert versions.of(tagged) is None  # not moved


def test_a_second_move_keeps_the_version_first_tagged_and_a_confirmation_forgets_it() -> None:
    tagged = annotate(OLD, 1)
    first = plan_article(article(CHANGED), [tagged]).placements[0].after
    second = plan_article(article(INSERTED), [first]).placements[0].after
    assert (first.anchor_state, second.anchor_state, second.index) == ("check", "check", 2)
    history = [Record(None, tagged), Record(tagged, first), Record(first, second)]
    versions = TaggedVersions().follow(history)
    assert versions.of(second) == tagged  # the analyst's own, not the one in between
    tagged_again = replace(second, tags=("claim", "denial"))  # a tag changed: still to check
    versions.record(second, tagged_again)
    assert versions.of(tagged_again) == tagged
    confirmed = replace(tagged_again, anchor_state="current")
    versions.record(tagged_again, confirmed)
    assert versions.of(confirmed) is None and len(versions) == 0


def test_an_annotation_imported_already_moved_is_not_known() -> None:
    moved = plan_article(article(CHANGED), [annotate(OLD, 1)]).placements[0].after
    versions = TaggedVersions().follow([Record(None, moved)])
    assert versions.of(moved) is None


def test_an_exact_move_is_known_by_its_place() -> None:
    tagged = annotate(OLD, 3)
    moved = plan_article(article(INSERTED), [tagged]).placements[0].after
    assert moved.anchor_state == "reanchored"
    assert TaggedVersions().follow([Record(tagged, moved)]).of(moved) == tagged


def test_the_words_gone_are_marked_and_shown_around_the_first() -> None:
    old = "Officials said 30 troops had crossed into the villages of Plekhovo and Martynovka."
    new = "Officials said 300 troops had crossed into the villages of Plekhovo and Martynivka."
    parts = changed_words(old, new)
    assert "".join(text for text, _changed in parts) == old
    assert [text for text, changed in parts if changed] == ["30", "Martynovka."]
    shown = around_first_change(parts, 30)
    assert ("30", True) in shown and shown[0] == ("…", False)
    assert sum(len(text) for text, _changed in shown) <= 32
    assert changed_words(old, old) == [(old, False)]


def test_annotations_made_at_the_same_time_keep_their_own_versions() -> None:
    """an7's residue of tr7 T13: records of a hand-made file share one created_at; the
    orphan re-attached in the same plan as the one to check no longer makes that one
    forget how it was tagged (it then stayed to check for good)."""
    at = "2026-11-30T10:00:00Z"
    to_check, orphan = annotate(OLD, 1, created_at=at), annotate(OLD, 2, created_at=at)
    cut = article(CHANGED)
    moved = plan_article(cut, [to_check]).placements[0].after
    lost = replace(orphan, anchor_state="orphaned")
    versions = TaggedVersions().follow(
        [
            Record(None, to_check),
            Record(None, orphan),
            Record(to_check, moved),
            Record(orphan, lost),
        ]
    )
    versions.record(lost, orphan)  # re-attached, current, by the plan that also holds `moved`
    assert versions.of(moved) == to_check
    back = plan_article(OLD, [moved, lost], tagged=versions.of)
    assert [(p.after.index, p.after.anchor_state) for p in back.placements] == [
        (1, "current"),
        (2, "current"),
    ]


def test_an_undone_confirmation_brings_back_the_version_tagged() -> None:
    """qa14 Q17: `y` then `u` left the history saying the annotation was tagged on the new
    sentence ("as tagged: the same words…" beside 750,000 where 800,000 was tagged), and
    `workbench reanchor` then put it back to current as if its text had come back."""
    tagged = annotate(OLD, 1)
    moved = plan_article(article(CHANGED), [tagged]).placements[0].after
    confirmed = replace(moved, anchor_state="current")
    noted = replace(confirmed, note="checked with the ministry")
    history = [
        Record(None, tagged),
        Record(tagged, moved),
        Record(moved, confirmed),  # y
        Record(confirmed, noted),  # a note, then its undo
        Record(noted, confirmed),
        Record(confirmed, moved),  # the undo of y
    ]
    versions = TaggedVersions().follow(history)
    assert versions.of(moved) == tagged
    back = plan_article(article(CHANGED), [moved], tagged=versions.of)
    assert back.placements[0].after.anchor_state == "check"  # its words did not come back


def test_a_confirmed_annotation_moved_again_was_tagged_as_confirmed() -> None:
    """A confirmation makes the sentence confirmed the one tagged: a later correction of
    the article measures against it, not against the version before it."""
    tagged = annotate(OLD, 1)
    moved = plan_article(article(CHANGED), [tagged]).placements[0].after
    confirmed = replace(moved, anchor_state="current")
    again = plan_article(article(INSERTED), [confirmed]).placements[0].after
    history = [Record(None, tagged), Record(tagged, moved), Record(moved, confirmed)]
    versions = TaggedVersions().follow([*history, Record(confirmed, again)])
    assert versions.of(again) == confirmed


def test_an_annotation_to_check_deleted_and_made_again_was_tagged_as_before() -> None:
    """tr15 T5: `u` then ctrl+r on an annotation to check: in the next session the panel
    and the summary said "not recorded (imported already moved)", and the export lost its
    tagged_on (the history: save, reanchor, undo as a deletion, redo as a creation)."""
    tagged = annotate(OLD, 1)
    moved = plan_article(article(CHANGED), [tagged]).placements[0].after
    history = [Record(None, tagged), Record(tagged, moved), Record(moved, None)]
    versions = TaggedVersions().follow([*history, Record(None, moved)])
    assert versions.of(moved) == tagged
    confirmed = replace(moved, anchor_state="current")  # y, its undo as a deletion, redo
    again = [Record(moved, confirmed), Record(confirmed, None), Record(None, confirmed)]
    undone = TaggedVersions().follow(
        [*history, Record(None, moved), *again, Record(confirmed, moved)]
    )
    assert undone.of(moved) == tagged, "the undo of y after: to check as tagged"
    elsewhere = replace(moved, index=moved.index + 1)  # another annotation made there
    assert TaggedVersions().follow([*history, Record(None, elsewhere)]).of(elsewhere) is None
