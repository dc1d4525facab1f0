"""The annotate screen's state without widgets: moving, tagging and the running counts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store import AnnotationStore, StoreEvent
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.tui.state.session import AnnotationSession
from workbench.tui.state.workspace import Workspace


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    (tmp_path / "a.txt").write_text("Title A\nOne. Two. Three.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title B\nFour. Five.", encoding="utf-8")
    return load_corpus([tmp_path])


@pytest.fixture
def session(corpus: Corpus) -> Iterator[AnnotationSession]:
    with AnnotationStore.open(None, annotator="ana") as store:
        yield AnnotationSession(Workspace(store, corpus))


def test_stepping_crosses_articles_and_stops_at_the_ends(session: AnnotationSession) -> None:
    assert not session.step(-1)
    for _ in range(4):
        assert session.step(1)
    assert (session.place.article, session.place.sentence) == (1, 0)
    assert session.step(2)
    assert not session.step(1)
    assert session.step(-3)
    assert (session.place.article, session.place.sentence) == (0, 3)


def test_article_steps_stay_put_past_the_first_and_last_article(
    session: AnnotationSession,
) -> None:
    session.go(0, 2)
    assert not session.step_article(-1)
    assert (session.place.article, session.place.sentence) == (0, 2)
    assert session.step_article(1)
    assert session.step(1)
    assert not session.step_article(1)
    assert (session.place.article, session.place.sentence) == (1, 1)


def test_counts_follow_every_change(session: AnnotationSession) -> None:
    assert session.tagged_in_corpus() == 0
    session.toggle("claim")
    session.toggle("denial")
    assert session.tagged_in_corpus() == 1
    session.step(4)
    session.set_tag("attribution")
    assert session.tagged_in_corpus() == 2
    assert session.tagged_in_article() == 1
    session.undo()
    assert session.tagged_in_corpus() == 1
    session.redo()
    assert session.tagged_in_corpus() == 2
    session.clear_tags()
    assert session.tagged_in_corpus() == 1
    session.set_note("kept without tags")
    assert session.tagged_in_corpus() == 1


def test_counts_follow_writes_made_through_the_workspace_elsewhere(
    session: AnnotationSession,
) -> None:
    assert session.tagged_in_corpus() == 0
    article = session.article
    annotation = session.current_or_new().with_tag("claim", True)
    session.workspace.write(article, lambda: annotation)  # as the review screen does
    assert session.tagged_in_corpus() == 1


def test_counts_are_recounted_after_another_sessions_change(session: AnnotationSession) -> None:
    assert session.tagged_in_corpus() == 0
    session.store.save(session.current_or_new().with_tag("claim", True))  # not announced
    assert session.tagged_in_corpus() == 0
    article_id = session.article.id
    session.workspace.receive_store_event(StoreEvent("annotations", "ana", (article_id,)))
    assert session.tagged_in_corpus() == 1


def test_next_untagged_wraps_around_the_corpus(session: AnnotationSession) -> None:
    session.go(1, 2)
    session.set_tag("claim")
    assert session.next_untagged()
    assert (session.place.article, session.place.sentence) == (0, 0)


def test_the_place_is_remembered_per_annotator(session: AnnotationSession) -> None:
    session.go(1, 1)
    fresh = AnnotationSession(Workspace(session.store, session.corpus))
    assert fresh.restore_place()
    assert (fresh.place.article, fresh.place.sentence) == (1, 1)


def test_another_corpus_opened_between_leaves_the_place_at_the_last_tag_here(
    session: AnnotationSession, tmp_path: Path
) -> None:
    """qa7 Q12: the store keeps one place per analyst (the last corpus's); reopening the
    first story after another went to its article 1, sentence 1."""
    session.go(0, 2)
    session.toggle("claim")
    session.go(1, 1)
    session.toggle("claim")
    session.go(0, 1)  # the cursor left here, after the last tag (b.txt, sentence 2)
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    (other_folder / "c.txt").write_text("Title C\nSix. Seven.", encoding="utf-8")
    elsewhere = AnnotationSession(Workspace(session.store, load_corpus([other_folder])))
    elsewhere.go(0, 1)
    back = AnnotationSession(Workspace(session.store, session.corpus))
    assert back.restore_place()
    assert (back.place.article, back.place.sentence) == (1, 1)
    # A corpus with nothing of this analyst's: no place (the app opens the first sentence).
    third = tmp_path / "third"
    third.mkdir()
    (third / "d.txt").write_text("Title D\nEight.", encoding="utf-8")
    assert not AnnotationSession(Workspace(session.store, load_corpus([third]))).restore_place()


def test_the_place_left_follows_its_sentence_when_the_article_was_edited(
    session: AnnotationSession, tmp_path: Path
) -> None:
    """qa7 Q10 e: reopening an article with a sentence inserted above the place left
    put the cursor on the old sentence number, the sentence before the one left."""
    session.go(0, 1)
    session.toggle("claim")
    session.go(0, 3)  # "Three.", left untagged
    (tmp_path / "a.txt").write_text("Title A\nZero. One. Two. Three.", encoding="utf-8")
    edited = load_corpus([tmp_path])
    back = AnnotationSession(Workspace(session.store, edited))
    assert back.restore_place()
    assert back.sentence is not None and back.sentence.text == "Three."
