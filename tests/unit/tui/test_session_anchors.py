"""The annotate screen's state after an article changed (tui/anchors.py): re-anchored on
first use and stored, or kept in memory when the store is read-only; noticed once."""

from __future__ import annotations

from pathlib import Path

from store import AnnotationStore
from tests.fixtures.anchored import STORY, annotate, article, files
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.tui.session import AnnotationSession

OLD = article(STORY)
INSERTED = STORY.replace("\n", "\nA paragraph the publisher added.\n", 1)


def corpus_of(tmp_path: Path, text: str) -> Corpus:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "story.txt").write_text(text, encoding="utf-8")
    return load_corpus([folder])


def annotated(path: Path) -> Path:
    with AnnotationStore.open(path, annotator="ana") as store:
        store.save(annotate(OLD, 1, "ana", note="first"))
        store.save(annotate(OLD, 5, "ana", tags=(), source="Analysts"))
    return path


def test_a_writable_session_stores_the_reanchoring_on_first_use(tmp_path: Path) -> None:
    db = annotated(tmp_path / "db.json")
    with AnnotationStore.open(db, annotator="ana") as store:
        session = AnnotationSession(corpus_of(tmp_path, INSERTED), store)
        session.go(0, 1)
        assert session.annotation is None  # the publisher's paragraph
        session.go(0, 2)
        assert session.annotation is not None and session.annotation.note == "first"
        assert sorted(store.for_article("story")) == [2, 6]
        assert session.anchors.arrival_notice(session.article) == (
            "story: 2 moved, 0 to check, 0 orphaned"
        )
        assert session.anchors.arrival_notice(session.article) is None  # once per session


def test_a_read_only_session_shows_reanchored_annotations_and_writes_nothing(
    tmp_path: Path,
) -> None:
    db = annotated(tmp_path / "db.json")
    before = files(db)
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        session = AnnotationSession(corpus_of(tmp_path, INSERTED), store)
        session.go(0, 1)
        assert session.annotation is None
        assert session.tagged_in_article() == 1
        assert session.next_untagged()  # 2 shows "first" (tagged), so 3 is the next
        assert session.place.sentence == 3
        session.go(0, 6)
        assert session.annotation is not None and session.annotation.source == "Analysts"
        assert sorted(store.for_article("story")) == [1, 5]  # stored as made
    assert files(db) == before
