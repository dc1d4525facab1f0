"""History records every change; undo and redo walk this session's changes."""

from __future__ import annotations

from store_helpers import MakeAnnotation

from store import AnnotationStore


def test_history_records_who_when_what_before_and_after(
    store: AnnotationStore, make: MakeAnnotation
) -> None:
    first = store.save(make())
    second = store.save(first.with_tag("attribution", True))
    history = store.history()
    assert [change.action for change in history] == ["save", "save"]
    assert (history[0].before, history[0].after) == (None, first)
    assert (history[1].before, history[1].after) == (first, second)
    assert all(change.annotator == "alice" for change in history)
    assert history[0].key == ("alice", "a1", 0)
    assert history[0].at <= history[1].at


def test_undo_and_redo_across_articles(store: AnnotationStore, make: MakeAnnotation) -> None:
    first = store.save(make(article_id="a1", index=0))
    second = store.save(make(article_id="a2", index=2, tags=("denial",)))
    undone = store.undo()
    assert undone is not None
    assert (undone.article_id, undone.index, undone.action) == ("a2", 2, "undo")
    assert store.get("a2", 2) is None
    undone = store.undo()
    assert undone is not None
    assert (undone.article_id, undone.index) == ("a1", 0)
    assert store.get("a1", 0) is None
    assert store.undo() is None
    redone = store.redo()
    assert redone is not None
    assert redone.article_id == "a1"
    restored = store.get("a1", 0)
    assert restored is not None
    assert restored.tags == first.tags
    redone = store.redo()
    assert redone is not None
    assert redone.article_id == "a2"
    assert store.get("a2", 2) is not None
    assert store.get("a2", 2).tags == second.tags  # type: ignore[union-attr]
    assert store.redo() is None


def test_undo_restores_the_previous_content(store: AnnotationStore, make: MakeAnnotation) -> None:
    first = store.save(make(tags=("claim",)))
    store.save(first.with_tag("denial", True).changed(note="see the report"))
    store.undo()
    restored = store.get("a1", 0)
    assert restored is not None
    assert (restored.tags, restored.note) == (("claim",), "")
    assert restored.created_at == first.created_at


def test_undo_and_redo_are_durable_history_entries(
    store: AnnotationStore, make: MakeAnnotation
) -> None:
    store.save(make())
    store.undo()
    store.redo()
    assert [change.action for change in store.history()] == ["save", "undo", "redo"]


def test_a_new_save_clears_the_redo_stack(store: AnnotationStore, make: MakeAnnotation) -> None:
    store.save(make(index=0))
    store.undo()
    store.save(make(index=1))
    assert store.redo() is None
    assert store.get("a1", 0) is None


def test_undo_of_a_delete_brings_the_annotation_back(
    store: AnnotationStore, make: MakeAnnotation
) -> None:
    saved = store.save(make(tags=("attribution",), source="Gen. Ryder"))
    store.delete("a1", 0)
    store.undo()
    restored = store.get("a1", 0)
    assert restored is not None
    assert (restored.tags, restored.source) == (saved.tags, saved.source)
