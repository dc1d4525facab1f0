"""Undo after a restart: `u` undoes this analyst's last change still in effect, read back
from the history (store/undo_history.py), on both engines; another's later change is
never overwritten."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import location_of
from store_helpers import MakeAnnotation

from store import LaterChangeError, StepElsewhereError, StoreError
from store.change import DecisionChange
from store.opening import open_store
from store.protocol import Store
from store.undo_history import Entry, replay
from tests.fixtures.anchored import STORY, annotate, article
from workbench.core.analysis.ledger.decisions import decisions_from_records
from workbench.core.anchoring.placement import plan_article

Reopen = Callable[..., Store]
OLD = article(STORY)
INSERTED = article(STORY.replace("\n", "\nEditor's note: a paragraph was added.\n", 1))
EDITED = article(STORY.replace("No comment was given.", "No comment was given by Friday."))


@pytest.fixture(params=["disk", "postgres"])
def reopen(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Reopen]:
    """Open the one database again, as a new session (a restart), for an analyst:
    the session opened before is closed first (a file has one writer)."""
    location = location_of(request.param, request, tmp_path / "db" / "annotations.json")
    opened: list[Store] = []

    def session(annotator: str = "alice", keep: bool = False) -> Store:
        if opened and not keep:
            opened.pop().close()
        store = open_store(location, annotator=annotator)
        opened.append(store)
        return store

    yield session
    for store in opened:
        store.close()


def test_undo_after_a_restart_undoes_the_last_change_then_the_one_before(
    reopen: Reopen, make: MakeAnnotation
) -> None:
    first = reopen()
    first.save(make(index=0, tags=("claim",)))
    saved = first.save(make(index=1, tags=("denial",)))
    first.save(saved.changed(source="Mr. Austin"))
    restarted = reopen()
    undone = restarted.undo()
    assert undone is not None and (undone.article_id, undone.index) == ("a1", 1)
    assert restarted.get("a1", 1).source is None  # type: ignore[union-attr]
    assert restarted.undo() is not None
    assert restarted.get("a1", 1) is None
    assert restarted.undo() is not None
    assert restarted.get("a1", 0) is None
    assert restarted.undo() is None


def test_what_was_undone_before_the_restart_stays_undone_and_can_be_redone(
    reopen: Reopen, make: MakeAnnotation
) -> None:
    first = reopen()
    first.save(make(index=0))
    first.save(make(index=1))
    first.undo()  # sentence 2's tag undone before closing
    restarted = reopen()
    assert restarted.get("a1", 1) is None
    redone = restarted.redo()
    assert redone is not None and redone.index == 1
    assert restarted.get("a1", 1) is not None
    assert restarted.redo() is None
    # the undo that follows undoes the redone change, then the one before it
    assert restarted.undo().index == 1  # type: ignore[union-attr]
    assert restarted.undo().index == 0  # type: ignore[union-attr]
    assert restarted.undo() is None


def test_a_change_after_the_restart_empties_the_restored_redo(
    reopen: Reopen, make: MakeAnnotation
) -> None:
    first = reopen()
    first.save(make(index=0))
    first.save(make(index=1))
    first.undo()
    restarted = reopen()
    restarted.save(make(index=2))
    assert restarted.redo() is None
    assert restarted.get("a1", 1) is None
    # and undo goes through this session's change into the earlier ones
    assert restarted.undo().index == 2  # type: ignore[union-attr]
    assert restarted.undo().index == 0  # type: ignore[union-attr]
    assert restarted.undo() is None


def test_undo_reads_back_across_several_restarts_and_this_sessions_undos(
    reopen: Reopen, make: MakeAnnotation
) -> None:
    reopen().save(make(index=0))
    reopen().save(make(index=1))
    third = reopen()
    assert third.undo().index == 1  # type: ignore[union-attr]
    fourth = reopen()  # the undo above is history now: sentence 1's change is next
    assert fourth.undo().index == 0  # type: ignore[union-attr]
    assert fourth.undo() is None
    assert fourth.all() == []


def test_only_this_analysts_changes_are_undone(reopen: Reopen, make: MakeAnnotation) -> None:
    alice = reopen("alice")
    alice.save(make(index=0, annotator="alice"))
    bob = reopen("bob")
    bob.save(make(index=1, annotator="bob"))
    alice = reopen("alice")
    undone = alice.undo()
    assert undone is not None and undone.key == ("alice", "a1", 0)
    assert alice.get("a1", 1, annotator="bob") is not None
    assert alice.undo() is None


def test_another_analysts_later_change_is_never_overwritten(
    reopen: Reopen, make: MakeAnnotation
) -> None:
    alice = reopen("alice")
    mine = alice.save(make(index=0, annotator="alice", tags=("claim",)))
    earlier = alice.save(make(index=1, annotator="alice"))
    bob = reopen("bob")
    theirs = mine.changed(note="checked by bob")
    bob.import_annotations([theirs])  # bob's import changes alice's annotation
    alice = reopen("alice")
    assert alice.undo() is not None  # sentence 2 is still as alice left it
    assert alice.get("a1", 1) is None
    with pytest.raises(LaterChangeError) as refused:
        alice.undo()
    assert refused.value.later is not None
    assert refused.value.later.annotator == "bob"
    assert "not undone" in str(refused.value) and "by bob (an import" in str(refused.value)
    assert alice.get("a1", 0).note == "checked by bob"  # type: ignore[union-attr]
    assert alice.undo() is None  # the refused step is dropped: nothing older is left
    assert earlier.index == 1


def test_a_refused_redo_says_so_and_overwrites_nothing(
    reopen: Reopen, make: MakeAnnotation
) -> None:
    alice = reopen("alice")
    alice.save(make(index=0, annotator="alice"))
    alice.undo()
    bob = reopen("bob")
    bob.import_annotations([make(index=0, annotator="alice", note="bob's copy")])
    alice = reopen("alice")
    with pytest.raises(LaterChangeError, match="not redone"):
        alice.redo()
    assert alice.get("a1", 0).note == "bob's copy"  # type: ignore[union-attr]
    assert alice.redo() is None


def test_a_refusal_is_a_store_error_and_writes_nothing(
    reopen: Reopen, make: MakeAnnotation
) -> None:
    alice = reopen("alice")
    saved = alice.save(make(index=0, annotator="alice"))
    reopen("bob").import_annotations([saved.changed(note="newer")])
    alice = reopen("alice")
    before = len(alice.history())
    with pytest.raises(StoreError):
        alice.undo()
    assert len(alice.history()) == before


def test_a_ledger_decision_is_undone_after_a_restart_in_its_turn(
    reopen: Reopen, make: MakeAnnotation
) -> None:
    first = reopen()
    first.save(make(index=0))
    first.save_ledger_decision({"action": "merge", "groups": ["g-1", "g-2"]})
    first.save(make(index=1))
    restarted = reopen()
    assert restarted.undo().index == 1  # type: ignore[union-attr]
    undone = restarted.undo()
    assert isinstance(undone, DecisionChange) and undone.action == "undo"
    assert decisions_from_records(restarted.ledger_decisions()) == ()
    again = reopen()  # the decision's undo is history now: the save before it is next
    assert again.redo() is not None
    assert len(decisions_from_records(again.ledger_decisions())) == 1
    assert again.undo() is not None  # the merge, redone, is undone again
    assert again.undo().index == 0  # type: ignore[union-attr]
    assert again.undo() is None


def test_an_articles_re_anchoring_is_no_step_after_a_restart(reopen: Reopen) -> None:
    """qa6 Q32: the first `u` of a session is the analyst's own last change, never the
    re-anchoring a workbench stored at opening; the next is the change before, undone
    where the re-anchoring took it (tr14 T1: refused before)."""
    first = reopen()
    for index in (1, 3, 4):
        first.save(annotate(OLD, index, "alice", note=f"n{index}"))
    plan = plan_article(INSERTED, first.in_article(INSERTED.id))
    first.reanchor(plan, title="t", sentences=len(INSERTED.sentences), segmenter="s")
    first.save(annotate(INSERTED, 7, "alice", note="after"))
    restarted = reopen()
    assert restarted.undo().index == 7  # type: ignore[union-attr]
    assert sorted(restarted.for_article("story")) == [2, 4, 5]
    undone = restarted.undo()  # n4's save, made at sentence 4 of the old text
    assert undone is not None and undone.index == 5
    assert {i: a.note for i, a in restarted.for_article("story").items()} == {2: "n1", 4: "n3"}
    assert restarted.redo() is not None
    assert restarted.get("story", 5).note == "n4"  # type: ignore[union-attr]


def test_an_undo_made_where_re_anchoring_took_the_tag_is_replayed_after_a_restart(
    reopen: Reopen,
) -> None:
    """tr14 T1: the undo of a tag that re-anchoring moved is recorded where the tag was
    then; after another restart `u` goes on to the change before it (not "you changed
    it since") and ctrl+r puts the tag back where it was undone."""
    first = reopen()
    for index in (1, 3, 4):
        first.save(annotate(OLD, index, "alice", note=f"n{index}"))
    plan = plan_article(INSERTED, first.in_article(INSERTED.id))
    first.reanchor(plan, title="t", sentences=len(INSERTED.sentences), segmenter="s")
    assert reopen().undo().index == 5  # type: ignore[union-attr]
    again = reopen()
    assert again.redo().index == 5  # type: ignore[union-attr]
    assert {i: a.note for i, a in again.for_article("story").items()} == {
        2: "n1",
        4: "n3",
        5: "n4",
    }
    third = reopen()
    assert third.undo().index == 5  # type: ignore[union-attr]
    assert third.undo().index == 4  # type: ignore[union-attr]
    assert {i: a.note for i, a in third.for_article("story").items()} == {2: "n1"}


def test_a_change_undone_before_its_article_changed_is_redone_where_it_is_now(
    reopen: Reopen,
) -> None:
    """tr14 T1: a note changed, undone, the article edited (the tag moved from 4 to 5):
    after a restart ctrl+r redoes the change on sentence 5, not on 4's old number."""
    first = reopen()
    for index in (1, 3, 4):
        first.save(annotate(OLD, index, "alice", note=f"n{index}"))
    first.save(first.get("story", 4).changed(note="n4, checked"))  # type: ignore[union-attr]
    assert first.undo() is not None
    plan = plan_article(INSERTED, first.in_article(INSERTED.id))
    first.reanchor(plan, title="t", sentences=len(INSERTED.sentences), segmenter="s")
    restarted = reopen()
    redone = restarted.redo()
    assert redone is not None and redone.index == 5
    assert {i: a.note for i, a in restarted.for_article("story").items()} == {
        2: "n1",
        4: "n3",
        5: "n4, checked",
    }
    assert restarted.get("story", 5).article_sha256 == INSERTED.sha256  # type: ignore[union-attr]


def test_a_re_anchoring_that_left_it_on_its_sentence_does_not_refuse_the_undo(
    reopen: Reopen,
) -> None:
    """qa10 Q21: an article corrected in another paragraph is re-anchored at opening,
    which rewrites every record of it (the text's digest, the words around, the
    provenance); `u` then refused each of the analyst's steps there ("re-anchoring moved
    it since") though none had moved. Such a step is undone; what it restores is put
    back as recorded, for the workspace to re-anchor as it does any (tr11 T3)."""
    first = reopen()
    first.save(annotate(OLD, 1, "alice"))
    noted = first.save(annotate(OLD, 4, "alice", note="first"))
    first.save(noted.changed(note="second", tags=("claim", "denial")))
    plan = plan_article(EDITED, first.in_article(EDITED.id))
    first.reanchor(plan, title="t", sentences=len(EDITED.sentences), segmenter="s")
    assert {a.article_sha256 for a in first.in_article("story")} == {EDITED.sha256}
    restarted = reopen()
    undone = restarted.undo()
    assert undone is not None and undone.index == 4
    back = restarted.get("story", 4)
    assert back is not None and (back.note, back.tags) == ("first", ("claim",))
    assert restarted.undo() is not None
    assert restarted.get("story", 4) is None
    assert restarted.undo() is not None
    assert restarted.for_article("story") == {}
    assert restarted.redo() is not None  # the undone save comes back
    assert sorted(restarted.for_article("story")) == [1]


def test_an_undo_of_a_re_anchoring_by_an_older_session_is_matched_to_it() -> None:
    """Sessions before qa6 Q32 pushed re-anchoring as a step, and their analysts undid
    some: such an undo record names the re-anchoring, never the save beneath it, which
    stays undoable; the re-anchoring itself is no step."""
    key = ("alice", "story", 1)
    entries = [
        Entry("t1", "save", key, "saved"),
        Entry("t2", "reanchor", key, "moved"),
        Entry("t3", "undo", key, "moved back"),
    ]
    undo, redo = replay(entries, str)
    assert (undo, redo) == ([["saved"]], [])
    assert replay(entries, str, str.upper) == ([["saved"]], [])


def test_an_undo_outside_the_articles_open_is_refused_and_kept(
    reopen: Reopen, make: MakeAnnotation
) -> None:
    """qa9 Q16: after a restart on another story, `u` undid tags in an article no screen
    showed. Given the articles open, a step changing another is refused, nothing
    written, and it is undone once that article is open; redo likewise."""
    first = reopen()
    first.save(make(article_id="other", index=1))
    restarted = reopen()
    with pytest.raises(StepElsewhereError) as refused:
        restarted.undo(within={"a1"})
    assert refused.value.article_ids == ("other",) and refused.value.undoing
    assert restarted.get("other", 1) is not None
    again = reopen()
    assert again.get("other", 1) is not None
    undone = again.undo(within={"other"})
    assert undone is not None and undone.article_id == "other"
    assert again.get("other", 1) is None
    with pytest.raises(StepElsewhereError):
        again.redo(within={"a1"})
    assert again.get("other", 1) is None
    assert again.redo(within={"a1", "other"}) is not None
    assert again.get("other", 1) is not None
