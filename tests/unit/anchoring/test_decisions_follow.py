"""Ledger decisions follow their sentences (workbench/core/anchoring/decisions.py): a
merge still joins the same claims and a split still splits the same sentence after the
article changed; one whose sentence is gone no longer applies, named by its text; never
applied to whatever sentence now has the old number (qa4 Q16)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fixtures.anchored import STORY, annotate, article
from workbench.core.analysis.ledger.decide import group_id, legacy_group_id
from workbench.core.analysis.ledger.decisions import (
    Merge,
    Split,
    decision_words,
    decisions_from_records,
    no_longer_applies,
)
from workbench.core.anchoring.decisions import ImportedDecisions, moves, with_texts
from workbench.core.anchoring.placement import ArticlePlan, plan_article
from workbench.core.corpus.articles import Article

OLD = article(STORY)
TAGGED = (1, 2, 3, 4, 5)
INSERTED = STORY.replace("\n", "\nEditor's note: this report was updated on Thursday.\n", 1)


def plan_on(text: str, tagged: tuple[int, ...] = TAGGED) -> tuple[Article, ArticlePlan]:
    new = article(text)
    return new, plan_article(new, [annotate(OLD, index) for index in tagged])


def merge(*groups: tuple[int, ...]) -> dict[str, Any]:
    """A merge of groups of OLD's sentences, named as decide.py names them, as saved."""
    decision = Merge(
        tuple(group_id("story", min(group)) for group in groups),
        members=tuple(tuple(("story", index) for index in group) for group in groups),
    )
    return {
        "annotator": "ana",
        "at": "2026-11-30T10:00:00Z",
        **with_texts(decision, {"story": OLD}),
    }


def split(index: int) -> dict[str, Any]:
    decision = Split(("ana", "story", index))
    return {
        "annotator": "ana",
        "at": "2026-11-30T10:01:00Z",
        **with_texts(decision, {"story": OLD}),
    }


def in_force(records: list[dict[str, Any]], plan: ArticlePlan, remembered: str | None = None):  # type: ignore[no-untyped-def]
    moved = moves(records, [plan], {"story": remembered or OLD.sha256})
    return decisions_from_records([*records, *moved])


def test_a_line_inserted_at_the_top_moves_the_merge_and_the_split_with_their_sentences() -> None:
    new, plan = plan_on(INSERTED)
    merged, split_out = in_force([merge((1,), (4, 5)), split(3)], plan)
    assert isinstance(merged, Merge) and isinstance(split_out, Split)
    assert merged.groups == (group_id("story", 2), group_id("story", 5))
    assert merged.members == ((("story", 2),), (("story", 5), ("story", 6)))
    assert split_out.member == ("ana", "story", 4)
    assert new.sentences[4].text == OLD.sentences[3].text  # the same claim, not its old number
    assert dict(merged.anchoring.texts) == {"story": new.sha256}
    assert not merged.anchoring.to_check and not no_longer_applies(merged)


def test_a_decision_already_on_the_text_is_not_moved_again() -> None:
    new, plan = plan_on(INSERTED)
    records = [merge((1,), (4,))]
    moved = moves(records, [plan], {"story": OLD.sha256})
    assert len(moved) == 1
    again = moves([*records, *moved], [plan_article(new, [annotate(new, 2), annotate(new, 5)])], {})
    assert again == []


def test_an_orphaned_sentence_makes_the_decision_no_longer_apply_named_by_its_text() -> None:
    gone = OLD.sentences[3].text
    _new, plan = plan_on(STORY.replace(gone + " ", ""))
    (merged,) = in_force([merge((1,), (3,))], plan)
    assert no_longer_applies(merged)
    words = decision_words(merged.to_record(), lambda _article: "Troops sent to Kursk")
    assert f"“{gone}” (was sentence 4 of “Troops sent to Kursk”)" in words
    (split_out,) = in_force([split(3)], plan)
    assert no_longer_applies(split_out)


def test_a_sentence_to_check_is_followed_and_marked() -> None:
    edited = STORY.replace("Officials confirmed the figure.", "Officials confirmed that figure.")
    new, plan = plan_on(edited)
    (merged,) = in_force([merge((1,), (2,))], plan)
    assert not no_longer_applies(merged)
    assert merged.anchoring.to_check == (("story", 2),)
    assert decision_words(merged.to_record()).endswith("; to check: sentence 3")
    assert new.sentences[2].text == "Officials confirmed that figure."


def test_a_record_from_before_is_read_on_the_remembered_text_only() -> None:
    _new, plan = plan_on(INSERTED)
    old_split = {"annotator": "ana", "at": "2026-11-30T10:01:00Z", "action": "split"}
    old_split["member"] = ["ana", "story", 3]
    (followed,) = in_force([old_split], plan)
    assert isinstance(followed, Split) and followed.member == ("ana", "story", 4)
    # Remembered as another text than the annotations were on: where it was cannot be told.
    (unplaced,) = in_force([old_split], plan, remembered="0" * 64)
    assert no_longer_applies(unplaced)
    assert "was sentence 4" in decision_words(unplaced.to_record())


def test_an_unmoved_record_from_before_gets_no_move() -> None:
    appended = STORY + "A closing line was added.\n"
    _new, plan = plan_on(appended)
    old_merge = {k: v for k, v in merge((1,), (4,)).items() if k != "texts"}
    assert moves([old_merge], [plan], {"story": OLD.sha256}) == []


def test_undo_and_redo_still_find_a_moved_decision() -> None:
    _new, plan = plan_on(INSERTED)
    made = merge((1,), (4,))
    moved = moves([made], [plan], {"story": OLD.sha256})
    undo = {"annotator": "ana", "at": "2026-11-30T11:00:00Z", "action": "undo"}
    undone = [made, *moved, {**undo, "before": made, "after": None}]
    assert decisions_from_records(undone) == ()
    redo = {**undo, "action": "redo", "before": None, "after": made}
    (again,) = decisions_from_records([*undone, redo])
    assert isinstance(again, Merge) and again.groups[0] == group_id("story", 2)


def test_a_legacy_group_name_follows_its_annotation_key() -> None:
    _new, plan = plan_on(INSERTED)
    legacy = {"annotator": "ana", "at": "2026-11-30T10:00:00Z", "action": "merge"}
    legacy["groups"] = [legacy_group_id(("ana", "story", 1)), legacy_group_id(("ana", "story", 4))]
    (merged,) = in_force([legacy], plan)
    assert isinstance(merged, Merge)
    assert merged.groups == (
        legacy_group_id(("ana", "story", 2)),
        legacy_group_id(("ana", "story", 5)),
    )


def test_an_import_adds_the_moves_once_its_plans_are_made() -> None:
    _new, plan = plan_on(INSERTED)
    plans: list[ArticlePlan] = []
    records = [split(3)]
    imported = ImportedDecisions(records, plans, [{"id": "story", "sha256": OLD.sha256}])
    plans.append(plan)  # the import's placement fills the plans as the annotations stream
    read = list(imported)
    assert imported.moved == 1 and read[0] == records[0] and read[1]["action"] == "reanchor"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    where=st.integers(min_value=0, max_value=3),
    pair=st.lists(st.sampled_from(TAGGED), min_size=2, max_size=2, unique=True),
    cut=st.sampled_from(TAGGED),
)
def test_decisions_always_name_the_same_quotes_after_an_insertion(
    where: int, pair: list[int], cut: int
) -> None:
    lines = STORY.split("\n")
    lines.insert(where + 1, "A line added by the editor. It names no figure at all.")
    new, plan = plan_on("\n".join(lines))
    groups = ((pair[0],), (pair[1],))
    merged, split_out = in_force([merge(*groups), split(cut)], plan)
    assert isinstance(merged, Merge) and isinstance(split_out, Split)
    quotes = [[new.sentences[i].text for _a, i in group] for group in merged.members]
    old_quotes = [[OLD.sentences[i].text for i in group] for group in groups]
    assert quotes == old_quotes
    assert new.sentences[split_out.member[2]].text == OLD.sentences[cut].text


def test_an_undone_decision_moves_too_so_a_redo_brings_it_back_where_its_sentences_are() -> None:
    _new, plan = plan_on(INSERTED)
    made = split(3)
    undo = {"annotator": "ana", "at": "2026-11-30T11:00:00Z", "action": "undo"}
    undone = [made, {**undo, "before": made, "after": None}]
    moved = moves(undone, [plan], {"story": OLD.sha256})
    redo = {**undo, "action": "redo", "before": None, "after": made}
    (again,) = decisions_from_records([*undone, *moved, redo])
    assert isinstance(again, Split) and again.member == ("ana", "story", 4)


def test_a_writers_plan_leaves_a_decision_whose_analysts_annotations_it_keeps_aside() -> None:
    """tr7 T15: bob's writer stores bob's placements only; ana's merge names sentences of
    hers it keeps aside, so it waits for her workbench (as made, with her annotations); a
    sentence of bob's merge that only ana tagged is followed, through her placement."""
    new = article(INSERTED)
    everyone = [annotate(OLD, index) for index in TAGGED] + [annotate(OLD, 3, "bob")]
    plan = plan_article(new, everyone).of_annotator("bob")
    assert [p.before.annotator for p in plan.placements] == ["bob"]
    assert len(plan.others) == len(TAGGED) and not plan.whole
    bobs = {**merge((1,), (3,)), "annotator": "bob"}
    moved = moves([merge((1,), (4, 5)), bobs], [plan], {"story": OLD.sha256})
    assert [record["annotator"] for record in moved] == ["bob"]
    (merged,) = decisions_from_records([bobs, *moved])
    assert isinstance(merged, Merge)
    assert merged.members == ((("story", 2),), (("story", 4),))


def bobs(record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "annotator": "bob"}


def test_a_colleagues_merge_follows_the_claims_an_analysts_writer_moves() -> None:
    """rvfix0: bob merged ana's claims 1 and 4 (a shared database); ana's writer
    re-anchors hers and keeps bob's own annotation (of another sentence) aside. It
    skipped bob's merge (it moved the decisions of the analysts whose annotations it
    stored), which the article's new text then read as no longer applying, for good. It
    moves, and the move stays bob's."""
    new = article(INSERTED)
    everyone = [annotate(OLD, index) for index in TAGGED] + [annotate(OLD, 3, "bob")]
    plan = plan_article(new, everyone).of_annotator("ana")
    assert not plan.whole  # bob's annotation is kept aside, moved
    made = bobs(merge((1,), (4,)))
    (moved,) = moves([made], [plan], {"story": OLD.sha256}, "2026-12-03T08:00:00Z")
    assert moved["annotator"] == "bob" and moved["after"]["annotator"] == "bob"
    assert moved["before"] == made and moved["at"] == "2026-12-03T08:00:00Z"
    (merged,) = decisions_from_records([made, moved])
    assert isinstance(merged, Merge) and merged.annotator == "bob"
    assert merged.members == ((("story", 2),), (("story", 5),))
    assert dict(merged.anchoring.texts) == {"story": new.sha256}
    assert not no_longer_applies(merged)


def test_a_decision_waits_while_its_own_analysts_annotation_at_a_sentence_is_aside() -> None:
    """bob's merge of his claim 3 with ana's claim 1: ana's writer keeps bob's annotation
    aside, so the merge waits (moved now, its numbers would be of a text bob's annotation
    is not on yet); bob's writer, storing it later, moves the merge then."""
    new = article(INSERTED)
    everyone = [annotate(OLD, 1), annotate(OLD, 3), annotate(OLD, 3, "bob")]
    made = bobs(merge((1,), (3,)))
    anas = plan_article(new, everyone).of_annotator("ana")
    assert moves([made], [anas], {"story": OLD.sha256}) == []
    bob_first = plan_article(new, everyone).of_annotator("bob")
    (moved,) = moves([made], [bob_first], {"story": OLD.sha256})
    (merged,) = decisions_from_records([made, moved])
    assert isinstance(merged, Merge) and merged.annotator == "bob"
    assert merged.members == ((("story", 2),), (("story", 4),))


def test_a_colleagues_merge_over_a_claim_the_edit_took_out_is_named_lost() -> None:
    """A sentence of bob's merge the plan cannot place (ana's claim, its sentence gone):
    the merge no longer applies, named by the sentence's text, never applied to the
    sentence now at its number nor dropped without a word."""
    gone = OLD.sentences[3].text
    new = article(STORY.replace(gone + " ", ""))
    plan = plan_article(new, [annotate(OLD, index) for index in TAGGED]).of_annotator("ana")
    made = bobs(merge((1,), (3,)))
    (moved,) = moves([made], [plan], {"story": OLD.sha256})
    assert moved["annotator"] == "bob"
    (merged,) = decisions_from_records([made, moved])
    assert no_longer_applies(merged)
    words = decision_words(merged.to_record(), lambda _article: "Troops sent to Kursk")
    assert f"“{gone}” (was sentence 4 of “Troops sent to Kursk”)" in words


def test_a_merge_moved_ahead_of_its_claims_waits_in_a_writer_holding_their_text() -> None:
    """Two versions in use (tr7 T15): bob's writer, holding the new text, moves bob's
    merge of ana's claims there (followed through her placements kept aside); ana's
    writer, still holding the old text, finds none of its sentences on the new one (her
    annotations are on the old) while it keeps bob's annotation there aside: the merge
    waits, never lost (it was named lost, for good, by the writer of the old text)."""
    new = article(INSERTED)
    anas = [annotate(OLD, 1), annotate(OLD, 4)]
    bob_plan = plan_article(new, [*anas, annotate(OLD, 3, "bob")]).of_annotator("bob")
    made = bobs(merge((1,), (4,)))
    (moved,) = moves([made], [bob_plan], {"story": OLD.sha256})
    assert moved["after"]["members"] == [[["story", 2]], [["story", 5]]]
    stored = [p.after for p in bob_plan.placements]  # bob's on the new text, ana's as made
    ana_plan = plan_article(OLD, [*anas, *stored]).of_annotator("ana")
    assert not ana_plan.changes and not ana_plan.whole
    assert moves([made, moved], [ana_plan], {"story": OLD.sha256}) == []
    (merged,) = decisions_from_records([made, moved])
    assert not no_longer_applies(merged)


def test_the_known_gap_a_merge_of_both_analysts_claims_is_named_lost_not_misapplied() -> None:
    """The gap left (docs/decisions/reanchoring.md): bob's merge of ana's claim 1 and his
    own claim 3. Ana's writer keeps bob's annotation aside, so the merge waits; bob's
    writer, later, finds ana's annotation already on the new text, and where sentence 1
    of the old one went is not known any more: the merge no longer applies, named, and
    is never applied to the sentence now numbered 1."""
    new = article(INSERTED)
    everyone = [annotate(OLD, 1), annotate(OLD, 3, "bob")]
    made = bobs(merge((1,), (3,)))
    anas = plan_article(new, everyone).of_annotator("ana")
    assert moves([made], [anas], {"story": OLD.sha256}) == []
    stored = [p.after for p in anas.placements] + [p.before for p in anas.others]
    bob_plan = plan_article(new, stored).of_annotator("bob")
    (moved,) = moves([made], [bob_plan], {"story": OLD.sha256})
    (merged,) = decisions_from_records([made, moved])
    assert no_longer_applies(merged)
    assert "was sentence 2" in decision_words(merged.to_record())


def test_an_analysts_own_merge_with_a_sentence_untagged_since_moves_in_her_writer() -> None:
    """rv18 H1: ana's merge of her claims 1 and 4 with sentence 2, untagged since; bob's
    annotation (sentence 3) is kept aside and moved by her writer. The merge waited as
    if moved ahead of its claims (bob's annotation was still on its text), though ana's
    own annotations leave that very text: her writer stored them, the article was
    remembered at its new text and the merge read as no longer applying, for good. It
    moves (sentence 2 dropped, as without bob's annotation)."""
    new = article(INSERTED)
    everyone = [annotate(OLD, 1), annotate(OLD, 4), annotate(OLD, 3, "bob")]
    plan = plan_article(new, everyone).of_annotator("ana")
    assert not plan.whole
    made = merge((1, 2), (4,))
    (moved,) = moves([made], [plan], {"story": OLD.sha256})
    assert moved["annotator"] == "ana"
    assert moved["after"]["members"] == [[["story", 2]], [["story", 5]]]
    (merged,) = decisions_from_records([made, moved])
    assert dict(merged.anchoring.texts) == {"story": new.sha256}
    assert not no_longer_applies(merged)
    stored = [p.after for p in plan.placements] + [p.before for p in plan.others]
    bob_later = plan_article(new, stored).of_annotator("bob")
    assert moves([made, moved], [bob_later], {"story": new.sha256}) == []


def test_a_colleagues_merge_with_a_sentence_untagged_since_moves_in_the_claims_writer() -> None:
    """rv18 H1, the rvfix0 case: bob's merge of ana's claims 1 and 4 with sentence 2,
    untagged since, while bob's own annotation (sentence 3) is kept aside: ana's writer,
    moving her claims off the merge's text, moves the merge too (it waited, then bob's
    writer found her claims moved already and named it lost)."""
    new = article(INSERTED)
    everyone = [annotate(OLD, 1), annotate(OLD, 4), annotate(OLD, 3, "bob")]
    plan = plan_article(new, everyone).of_annotator("ana")
    made = bobs(merge((1, 2), (4,)))
    (moved,) = moves([made], [plan], {"story": OLD.sha256})
    assert moved["annotator"] == "bob"
    assert moved["after"]["members"] == [[["story", 2]], [["story", 5]]]
    (merged,) = decisions_from_records([made, moved])
    assert not no_longer_applies(merged)
