"""The store's side of re-anchoring: one write per article (no undo step: it is not the
analyst's change), orphans kept apart from the sentences, stale plans refused."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from store import AnchorConflictError, AnnotationStore, LaterChangeError
from store.journal import journal_path
from tests.fixtures.anchored import STORY, annotate, article
from workbench.core.anchoring.placement import plan_article
from workbench.core.anchoring.reanchoring import ArticleReanchoring, plans, store_plans
from workbench.core.corpus.articles import Article
from workbench.core.corpus.sentences import segmenter_stamp

OLD = article(STORY)
INSERTED = article(STORY.replace("\n", "\nEditor's note: a paragraph was added.\n", 1))
DELETED = article(STORY.replace("Moscow denied any deployment. ", ""))
SWAPPED = article(
    STORY.replace(
        "Moscow denied any deployment. The spokesman called the reports lies.",
        "The spokesman called the reports lies. Moscow denied any deployment.",
    )
)


def seen(store: AnnotationStore, on: Article) -> None:
    store.remember_article(on.id, on.title, on.sha256, len(on.sentences), segmenter_stamp())


def reanchored(store: AnnotationStore, on: Article) -> list:  # type: ignore[type-arg]
    plan = plan_article(on, store.in_article(on.id))
    return store.reanchor(
        plan, title=on.title, sentences=len(on.sentences), segmenter=segmenter_stamp()
    )


@pytest.fixture
def annotated(store: AnnotationStore) -> AnnotationStore:
    for index in (1, 3, 4):
        store.save(annotate(OLD, index, "alice", note=f"n{index}"))
    seen(store, OLD)
    return store


def test_only_articles_whose_text_or_segmenter_changed_need_reanchoring(
    annotated: AnnotationStore,
) -> None:
    store = annotated
    assert store.articles_to_reanchor({"story": OLD.sha256}, segmenter_stamp()) == []
    assert store.articles_to_reanchor({"story": INSERTED.sha256}, segmenter_stamp()) == ["story"]
    assert store.articles_to_reanchor({"story": OLD.sha256}, "a newer segmenter") == ["story"]
    assert store.articles_to_reanchor({"unannotated": "0" * 64}, segmenter_stamp()) == []
    reanchored(store, INSERTED)
    assert store.articles_to_reanchor({"story": INSERTED.sha256}, segmenter_stamp()) == []


def test_an_articles_reanchoring_is_one_write_with_a_history_record_each(
    annotated: AnnotationStore,
) -> None:
    store = annotated
    path = getattr(store, "path", None)  # a file store's journal: one line more
    journal = journal_path(path) if path else None
    lines = journal.read_bytes().count(b"\n") if journal else 0
    changes = reanchored(store, INSERTED)
    assert [c.action for c in changes] == ["reanchor"] * 3
    if journal:
        assert journal.read_bytes().count(b"\n") == lines + 1
    assert sorted(store.for_article("story")) == [2, 4, 5]
    assert store.get("story", 4).note == "n3"  # type: ignore[union-attr]
    assert store.get("story", 1) is None
    history = [c for c in store.history() if c.action == "reanchor"]
    assert [(c.key[2], c.before.index, c.after.index) for c in history] == [  # type: ignore[union-attr]
        (1, 1, 2),
        (3, 3, 4),
        (4, 4, 5),
    ]
    remembered = next(a for a in store.articles() if a.article_id == "story")
    assert (remembered.sha256, remembered.segmenter) == (INSERTED.sha256, segmenter_stamp())


def test_a_reanchoring_is_no_undo_step(annotated: AnnotationStore) -> None:
    """qa6 Q32: re-anchoring is the workbench keeping the annotations on the text shown,
    not the analyst's change: `u` undoes the analyst's own last change (here a tag made
    after it), then the tags made before it, each where re-anchoring took it (tr14 T1:
    refused before, "re-anchoring moved it since"), never on the old text's sentence
    numbers; ctrl+r puts them back there."""
    store = annotated
    reanchored(store, INSERTED)
    after = store.all()
    store.save(annotate(INSERTED, 7, "alice", note="new"))
    undone = store.undo()
    assert undone is not None and undone.key == ("alice", "story", 7)
    assert [c.action for c in undone.step] == ["undo"]
    assert store.all() == after
    undone = store.undo()  # n4's save, made at sentence 4 of the old text: now at 5
    assert undone is not None and undone.key == ("alice", "story", 5)
    assert {i: a.note for i, a in store.for_article("story").items()} == {2: "n1", 4: "n3"}
    undone = store.undo()  # n3's, made at 3: now at 4
    assert undone is not None and undone.key == ("alice", "story", 4)
    assert {i: a.note for i, a in store.for_article("story").items()} == {2: "n1"}
    assert store.redo() is not None and store.redo() is not None
    assert store.all() == [
        replace(a, updated_at=store.get("story", a.index).updated_at) for a in after
    ]  # type: ignore[union-attr]
    assert store.redo() is not None and store.get("story", 7).note == "new"  # type: ignore[union-attr]


def test_an_edit_made_before_its_article_changed_is_undone_where_it_is_now(
    annotated: AnnotationStore,
) -> None:
    """tr14 T1: the analyst's last change, made on the old text, is undone on the
    sentence the annotation now holds, keeping how re-anchoring placed it."""
    store = annotated
    store.save(store.get("story", 4).changed(note="n4, checked", status="supported"))  # type: ignore[union-attr]
    reanchored(store, INSERTED)
    moved = store.get("story", 5)
    assert moved is not None and moved.note == "n4, checked"
    undone = store.undo()
    assert undone is not None and undone.key == ("alice", "story", 5)
    back = store.get("story", 5)
    assert back is not None and (back.note, back.status) == ("n4", "unverified")
    assert (back.article_sha256, back.quote, back.anchor_state) == (
        moved.article_sha256,
        moved.quote,
        moved.anchor_state,
    )
    assert store.get("story", 4).note == "n3"  # type: ignore[union-attr]
    redone = store.redo()
    assert redone is not None and store.get("story", 5).note == "n4, checked"  # type: ignore[union-attr]


def test_a_tag_whose_sentence_is_gone_is_undone_as_the_orphan_it_is(
    annotated: AnnotationStore,
) -> None:
    """tr14 T1: re-anchoring orphaned n3 (its sentence deleted); undoing its save takes
    the orphan away, and redo brings it back, an orphan still."""
    store = annotated
    reanchored(store, DELETED)
    assert [o.note for o in store.orphans()] == ["n3"]
    assert store.undo() is not None  # n4's save, moved from 4 to 3
    assert store.get("story", 3) is None
    assert store.undo() is not None  # n3's save: the orphan
    assert store.orphans() == [] and sorted(store.for_article("story")) == [1]
    assert store.redo() is not None
    assert [(o.note, o.anchor_state) for o in store.orphans()] == [("n3", "orphaned")]
    assert store.get("story", 3) is None


def test_a_re_attachment_that_re_anchoring_moved_is_undone_into_the_orphan_it_was(
    annotated: AnnotationStore,
) -> None:
    """tr14 T7: the orphan re-attached, then moved by a later edit: `u` makes it the
    orphan it was (as recorded), not an annotation placed where it now is."""
    store = annotated
    reanchored(store, DELETED)
    (orphan,) = store.orphans()
    free = replace(annotate(DELETED, 5, "alice", note=orphan.note), created_at=orphan.created_at)
    store.reattach(orphan, free)
    edited = article(DELETED.text.replace("\n", "\nEditor's note: a paragraph was added.\n", 1))
    reanchored(store, edited)
    assert store.get("story", 6).note == "n3"  # type: ignore[union-attr]
    undone = store.undo()
    assert undone is not None
    assert store.get("story", 6) is None
    assert [(o.note, o.index, o.anchor_state) for o in store.orphans()] == [("n3", 3, "orphaned")]
    assert store.redo() is not None  # re-attached again, where the edit took it
    assert store.get("story", 6).note == "n3" and store.orphans() == []  # type: ignore[union-attr]


def test_a_confirmation_undone_leaves_the_tag_before_it_undoable(
    annotated: AnnotationStore,
) -> None:
    """tr14 T9: moved by an edit, confirmed (`y`), the confirmation undone (`u`): the
    next `u` was refused ("changed by alice … after this change"), though the changes
    between had undone each other. Every change is followed: the tag holds the
    judgement it was saved with, and its save is undone where it is."""
    store = annotated
    reanchored(store, INSERTED)
    moved = store.get("story", 5)
    assert moved is not None and moved.anchor_state == "reanchored"
    store.save(moved.changed(anchor_state="current"))  # y
    assert store.undo() is not None  # the confirmation
    undone = store.undo()  # n4's save, made on the old text's sentence 4
    assert undone is not None and undone.key == ("alice", "story", 5)
    assert {i: a.note for i, a in store.for_article("story").items()} == {2: "n1", 4: "n3"}
    assert store.redo() is not None and store.get("story", 5).note == "n4"  # type: ignore[union-attr]


def test_a_tag_deleted_before_its_article_changed_is_not_put_back_on_the_new_text(
    annotated: AnnotationStore,
) -> None:
    """Its sentence on the new text is not known (n3 moved onto its old number): the
    undo is refused, naming the re-anchoring, and nothing is written."""
    store = annotated
    store.delete("story", 4)
    reanchored(store, INSERTED)
    held = store.all()
    with pytest.raises(LaterChangeError) as refused:
        store.undo()
    assert refused.value.later is not None and refused.value.later.action == "reanchor"
    assert store.all() == held


def test_an_undo_after_re_anchoring_still_refuses_a_later_change_by_anyone(
    annotated: AnnotationStore,
) -> None:
    """Re-anchoring alone is followed: a change made after it to the moved annotation
    (bob's import here) is never overwritten, and is named."""
    store = annotated
    reanchored(store, INSERTED)
    store.import_annotations([store.get("story", 5).changed(note="bob's word")])  # type: ignore[union-attr]
    with pytest.raises(LaterChangeError) as refused:
        store.undo()
    assert refused.value.later is not None and refused.value.later.action == "import"
    assert store.get("story", 5).note == "bob's word"  # type: ignore[union-attr]


def test_annotations_trading_sentences_are_reanchored_and_undone(store: AnnotationStore) -> None:
    store.save(annotate(OLD, 3, "alice", note="denied"))
    store.save(annotate(OLD, 4, "alice", note="lies"))
    reanchored(store, SWAPPED)
    assert {i: a.note for i, a in store.for_article("story").items()} == {3: "lies", 4: "denied"}
    assert store.count() == 2
    reanchored(store, OLD)  # the text back: each goes back to its sentence
    assert {i: a.note for i, a in store.for_article("story").items()} == {3: "denied", 4: "lies"}


def test_orphans_keep_their_data_and_take_no_sentence(annotated: AnnotationStore) -> None:
    store = annotated
    store.save(annotate(OLD, 3, "bob", tags=("denial",)))
    reanchored(store, DELETED)
    orphans = store.orphans()
    assert [(o.annotator, o.index, o.quote, o.anchor_state) for o in orphans] == [
        ("alice", 3, "Moscow denied any deployment.", "orphaned"),
        ("bob", 3, "Moscow denied any deployment.", "orphaned"),
    ]
    assert orphans[0].note == "n3" and orphans[0].article_sha256 == OLD.sha256
    assert store.orphan_count() == 2 and store.count() == 2
    assert store.get("story", 3) is not None  # sentence 3 is now "The spokesman…" (moved)
    assert store.get("story", 3).note == "n4"  # type: ignore[union-attr]
    assert [a.key for a in store.all()] == [("alice", "story", 1), ("alice", "story", 3)]
    assert store.tagged_counts("bob") == {}
    assert len(store.records()) == 4
    # A new annotation may take the sentence an orphan's old index names.
    store.save(annotate(DELETED, 3, "bob", note="new"))
    assert store.get("story", 3, "bob").note == "new"  # type: ignore[union-attr]
    assert len(store.orphans("bob")) == 1


def test_orphans_survive_reopening_apart(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    with AnnotationStore.open(path, annotator="alice") as store:
        store.save(annotate(OLD, 3))
        reanchored(store, DELETED)
    with AnnotationStore.open(path, annotator="alice") as store:
        assert store.all() == [] and [o.index for o in store.orphans()] == [3]
        assert store.get("story", 3) is None


def test_an_orphan_is_reattached_or_deleted_and_either_is_undone(
    annotated: AnnotationStore,
) -> None:
    store = annotated
    reanchored(store, DELETED)
    (orphan,) = store.orphans()
    taken = replace(annotate(DELETED, 3, "alice", note=orphan.note), created_at=orphan.created_at)
    with pytest.raises(AnchorConflictError):
        store.reattach(orphan, taken)  # alice's "n4" moved onto sentence 3
    assert store.get("story", 3).note == "n4"  # type: ignore[union-attr]
    free = replace(annotate(DELETED, 5, "alice", note=orphan.note), created_at=orphan.created_at)
    change = store.reattach(orphan, free)
    assert change.action == "reattach" and store.orphans() == []
    assert store.get("story", 5).note == "n3"  # type: ignore[union-attr]
    store.undo()
    assert [o.note for o in store.orphans()] == ["n3"] and store.get("story", 5) is None
    (orphan,) = store.orphans()
    store.delete_orphan(orphan)
    assert store.orphans() == []
    assert store.history()[-1].action == "delete"
    store.undo()
    assert [o.note for o in store.orphans()] == ["n3"]


def test_a_plan_made_on_annotations_changed_since_is_refused(annotated: AnnotationStore) -> None:
    store = annotated
    plan = plan_article(INSERTED, store.in_article("story"))
    store.save(store.get("story", 3).with_tag("denial", True))  # type: ignore[union-attr]
    with pytest.raises(AnchorConflictError):
        store.reanchor(plan, title="t", sentences=8, segmenter=segmenter_stamp())
    assert sorted(store.for_article("story")) == [1, 3, 4]
    assert store.get("story", 3).tags == ("claim", "denial")  # type: ignore[union-attr]


def test_an_orphan_cannot_be_saved_as_if_on_a_sentence(annotated: AnnotationStore) -> None:
    store = annotated
    reanchored(store, DELETED)
    with pytest.raises(ValueError, match="orphan"):
        store.save(store.orphans()[0].changed(note="x"))


def test_imported_orphans_are_matched_by_their_own_identity(store: AnnotationStore) -> None:
    orphan = replace(annotate(OLD, 3), anchor_state="orphaned")
    placed = annotate(DELETED, 3, note="placed on the same index")
    report = store.import_annotations([orphan, placed])
    assert (report.added, report.skipped) == (2, 0)
    again = store.import_annotations([orphan, placed])
    assert (again.added, again.skipped) == (0, 2)
    assert store.count() == 1 and len(store.orphans()) == 1


@pytest.mark.parametrize("handled", ["reattached", "deleted"])
def test_an_orphan_dealt_with_is_not_brought_back_by_an_older_record_of_it(
    store: AnnotationStore, handled: str
) -> None:
    # qa7 Q11: importing the very file imported before (or any earlier export) added
    # again an orphan the analyst had re-attached (`t`) or deleted (`x`) since.
    orphan = replace(annotate(OLD, 3, note="was sentence 4"), anchor_state="orphaned")
    assert store.import_annotations([orphan]).added == 1
    (held,) = store.orphans()
    if handled == "reattached":
        placed = annotate(DELETED, 2, note="was sentence 4", created_at=held.created_at)
        store.reattach(held, placed)
    else:
        store.delete_orphan(held)
    kept = store.all()
    again = store.import_annotations([orphan])
    assert (again.added, again.updated, again.skipped, again.older) == (0, 0, 1, 1)
    assert store.orphans() == [] and store.all() == kept
    later = replace(orphan, note="changed after", updated_at="2999-01-01T00:00:00.000000Z")
    assert store.import_annotations([later]).added == 1  # changed since: newer, taken
    assert [a.note for a in store.orphans()] == ["changed after"]


def test_a_filtered_export_keeps_the_history_of_moved_annotations(
    annotated: AnnotationStore,
) -> None:
    import json

    from workbench.core.annotation_filter import AnnotationFilter
    from workbench.core.interchange.export.from_store import export_bytes

    store = annotated
    reanchored(store, INSERTED)
    wanted = AnnotationFilter.of(article_ids=["story"], tags=["claim"])
    document = json.loads(export_bytes(store, "json", wanted, history=True))
    moves = [c for c in document["history"] if c["action"] == "reanchor"]
    assert [(c["key"][2], c["after"]["index"]) for c in moves] == [(1, 2), (3, 4), (4, 5)]


ERROR_PAGE = article("Error 503\nService unavailable.\n")


def reanchor_corpus(store: AnnotationStore, on: Article) -> list[ArticleReanchoring]:
    """What `workbench reanchor` does: plan the articles that need it, store the plans."""
    found = list(plans(store, [on]))
    store_plans(store, found)
    return found


def test_orphans_come_back_when_their_text_is_back(
    annotated: AnnotationStore,
) -> None:
    # QA pass 2, R1: an error page in place of the article orphaned its annotations;
    # the original text back left them orphaned for good.
    store = annotated
    reanchor_corpus(store, ERROR_PAGE)
    orphans = store.orphans()
    assert store.all() == [] and len(orphans) == 3
    assert store.articles_to_reanchor({"story": ERROR_PAGE.sha256}, segmenter_stamp()) == []
    assert store.articles_to_reanchor({"story": OLD.sha256}, segmenter_stamp()) == ["story"]
    history = len(store.history())
    (found,) = reanchor_corpus(store, OLD)
    assert found.plan.line() == "story: 0 unchanged, 0 moved, 0 to check, 0 orphaned, 3 re-attached"
    assert store.orphans() == []
    assert [(a.index, a.note, a.anchor_state) for a in store.all()] == [
        (1, "n1", "current"),
        (3, "n3", "current"),
        (4, "n4", "current"),
    ]
    records = store.history()[history:]
    assert [(c.action, c.before.anchor_state, c.after.index) for c in records] == [  # type: ignore[union-attr]
        ("reanchor", "orphaned", 1),
        ("reanchor", "orphaned", 3),
        ("reanchor", "orphaned", 4),
    ]
    assert store.articles_to_reanchor({"story": OLD.sha256}, segmenter_stamp()) == []


def test_an_orphan_whose_sentence_was_tagged_since_stays_an_orphan(
    annotated: AnnotationStore,
) -> None:
    store = annotated
    reanchor_corpus(store, ERROR_PAGE)
    store.save(annotate(OLD, 3, "alice", note="tagged since"))  # say, imported meanwhile
    (found,) = reanchor_corpus(store, OLD)
    assert found.plan.count("reattached") == 2
    assert [o.note for o in store.orphans()] == ["n3"]
    assert {i: a.note for i, a in store.for_article("story").items()} == {
        1: "n1",
        3: "tagged since",
        4: "n4",
    }


def test_an_article_with_an_annotation_past_its_sentences_is_reanchored(
    annotated: AnnotationStore,
) -> None:
    """tr11 T8, read side: a placed annotation on a sentence past the ones its article was
    last seen with, on that very text (a server row edited by SQL), was read as whole
    ("sentence 1001"): the article is re-anchored, which places it by its text."""
    store = annotated
    assert store.articles_to_reanchor({"story": OLD.sha256}, segmenter_stamp()) == []
    store.remember_article(OLD.id, OLD.title, OLD.sha256, 4, segmenter_stamp())  # 1, 3 and 4
    assert store.articles_to_reanchor({"story": OLD.sha256}, segmenter_stamp()) == ["story"]


@pytest.mark.pg_server
def test_a_server_row_moved_past_its_article_is_placed_back_by_its_text(
    pg_url: str,
) -> None:
    """tr11 T8: `UPDATE annotations SET sentence = 1000` left the app and the summary
    showing "sentence 1001"; re-anchoring now puts it back on the sentence its text is."""
    from store.opening import open_store
    from tests.fixtures.postgres import execute

    with open_store(pg_url, annotator="alice") as opened:
        for index in (1, 3):
            opened.save(annotate(OLD, index, "alice", note=f"n{index}"))
        seen(opened, OLD)
    execute(pg_url, "UPDATE annotations SET sentence = 1000 WHERE sentence = 1")
    with open_store(pg_url, annotator="alice") as opened:
        found = list(plans(opened, [OLD]))
        assert [item.article.id for item in found] == [OLD.id]
        (moved,) = [p for p in found[0].plan.placements if p.before.index == 1000]
        assert moved.after.index == 1 and moved.after.anchor_state != "current"
