"""The Workspace: one write path, one undo whichever screen wrote, and one announcement
of every change to whoever shows annotations (tui/state/workspace.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from store import (
    AnnotationStore,
    ConcurrentEditError,
    DecisionChange,
    StoreEvent,
    StoreWriteError,
)
from tests.fixtures.anchored import STORY, annotate, article
from workbench.core.analysis.ledger.decisions import Split
from workbench.core.anchoring.placement import ORPHAN, ArticlePlan, Placement
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.tui.state.session import AnnotationSession
from workbench.tui.state.workspace import Edit, Workspace, WorkspaceChange


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    (tmp_path / "a.txt").write_text("Title A\nOne. Two. Three.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title B\nFour. Five.", encoding="utf-8")
    return load_corpus([tmp_path])


@pytest.fixture
def workspace(corpus: Corpus) -> Iterator[Workspace]:
    with AnnotationStore.open(None, annotator="ana") as store:
        yield Workspace(store, corpus)


def heard(workspace: Workspace) -> list[WorkspaceChange]:
    changes: list[WorkspaceChange] = []
    workspace.subscribe(changes.append)
    return changes


def new_claim(workspace: Workspace, article: int, index: int):  # type: ignore[no-untyped-def]
    return annotate(workspace.corpus.articles[article], index, workspace.annotator)


def test_a_write_is_stored_and_announced_with_before_and_after(workspace: Workspace) -> None:
    changes = heard(workspace)
    first = workspace.corpus.articles[0]
    saved = workspace.write(first, lambda: new_claim(workspace, 0, 1))
    assert workspace.store.get(first.id, 1) == saved
    assert changes == [
        WorkspaceChange(edits=(Edit(None, saved),), article_ids=frozenset([first.id]))
    ]
    assert changes[0].exact
    again = workspace.write(first, lambda: saved.toggled("denial"))
    assert changes[1].edits == (Edit(saved, again),)


def test_a_write_made_from_a_value_since_replaced_is_refused(workspace: Workspace) -> None:
    """tr8 T4: a screen's change is compared with the stored value as it is saved: made
    from a value another session has replaced since, it writes nothing, and every screen
    is told to show what is stored now."""
    changes = heard(workspace)
    first = workspace.corpus.articles[0]
    shown = workspace.write(first, lambda: new_claim(workspace, 0, 1))
    theirs = workspace.store.save(shown.toggled("denial"))  # as if another session's
    with pytest.raises(ConcurrentEditError) as refused:
        workspace.write(first, lambda: shown.toggled("claim"), based_on=lambda: shown)
    assert refused.value.current == theirs == workspace.store.get(first.id, 1)
    assert [change.edits for change in changes] == [(Edit(None, shown),), ()]  # shown again
    session = AnnotationSession(workspace)
    session.go_to(first.id, 1)
    assert session.toggle("attribution").tags == ("claim", "attribution", "denial")


def test_one_undo_for_every_screen(workspace: Workspace) -> None:
    """The annotate screen's session and the review screen write through the workspace;
    u on either undoes the last change, whoever made it, and both hear of it."""
    session = AnnotationSession(workspace)
    review = heard(workspace)
    session.toggle("claim")  # annotate screen: article a, sentence 1
    other = workspace.corpus.articles[1]
    workspace.write(other, lambda: new_claim(workspace, 1, 1))  # review screen
    assert session.tagged_in_corpus() == 2

    change = session.undo()  # from the annotate screen: the review's write is undone
    assert change is not None and change.key[1:] == (other.id, 1)
    assert workspace.store.get(other.id, 1) is None
    assert session.article.id == other.id and session.place.sentence == 1
    assert session.tagged_in_corpus() == 1
    assert review[-1].step == change and review[-1].edits == (Edit(change.before, None),)

    redone = workspace.redo()  # from the review screen
    assert redone is not None and workspace.store.get(other.id, 1) is not None
    assert session.tagged_in_corpus() == 2
    assert workspace.undo() is not None and workspace.undo() is not None
    assert workspace.undo() is None  # nothing left: nothing announced
    assert session.tagged_in_corpus() == 0
    assert len(review) == 2 + 4


def test_a_failed_write_announces_nothing(corpus: Corpus, tmp_path: Path) -> None:
    with AnnotationStore.open(tmp_path / "db.json", annotator="ana"):
        pass
    with AnnotationStore.open(tmp_path / "db.json", annotator="ana", read_only=True) as store:
        workspace = Workspace(store, corpus)
        changes = heard(workspace)
        with pytest.raises(StoreWriteError):
            workspace.write(corpus.articles[0], lambda: new_claim(workspace, 0, 0))
    assert changes == []


def test_a_closed_subscription_hears_nothing_more(workspace: Workspace) -> None:
    changes: list[WorkspaceChange] = []
    subscription = workspace.subscribe(changes.append)
    workspace.write(workspace.corpus.articles[0], lambda: new_claim(workspace, 0, 0))
    subscription.close()
    subscription.close()  # harmless
    workspace.undo()
    assert len(changes) == 1


def test_a_ledger_decision_is_stored_and_announced(workspace: Workspace) -> None:
    changes = heard(workspace)
    workspace.decide(Split(("ana", "a", 1)))
    (stored,) = workspace.store.ledger_decisions()
    assert stored["texts"] == {"a": workspace.corpus.by_id["a"].sha256}  # what it was made on
    assert changes == [WorkspaceChange(ledger=True)]
    assert not changes[0].annotations
    undone = workspace.undo()  # one undo path for decisions too
    assert isinstance(undone, DecisionChange)
    assert changes[-1] == WorkspaceChange(ledger=True, step=undone)


def test_a_moving_undo_step_asks_to_read_its_article_again(tmp_path: Path) -> None:
    """Undoing a re-attachment makes an orphan again: no exact edit to patch a row with.
    (Re-anchoring itself is no undo step: qa6 Q32.)"""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    with AnnotationStore.open(None, annotator="ana") as store:
        store.save(annotate(article(STORY), 1, "ana"))
        workspace = Workspace(store, load_corpus([folder]))
        workspace.anchors.settle(workspace.corpus.articles[0])
        (placed,) = store.all()
        orphan = replace(placed, anchor_state="orphaned")
        store.reanchor(
            ArticlePlan("story", placed.article_sha256, (Placement(placed, orphan, ORPHAN, 0.0),)),
            title="t",
            sentences=1,
            segmenter="s",
        )
        store.reattach(orphan, placed)
        changes = heard(workspace)
        step = workspace.undo()
        assert step is not None and step.after is not None and step.after.is_orphan
        assert changes[-1].article_ids == {"story"} and not changes[-1].exact
        assert changes[-1].step == step


def test_store_events_from_other_sessions_are_announced(workspace: Workspace) -> None:
    changes = heard(workspace)
    workspace.receive_store_event(StoreEvent("annotations", "bo", ("a", "b")))
    workspace.receive_store_event(StoreEvent("ledger"))
    workspace.receive_store_event(StoreEvent("articles"))
    workspace.receive_store_event(StoreEvent("resync"))
    assert changes == [
        WorkspaceChange(article_ids=frozenset({"a", "b"}), here=False),
        WorkspaceChange(ledger=True, here=False),
        WorkspaceChange(everything=True, ledger=True, here=False),
    ]
    assert [change.exact for change in changes] == [False, False, False]
