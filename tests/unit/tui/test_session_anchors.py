"""The annotate screen's state after an article changed (tui/state/anchors.py): re-anchored on
first use and stored, or kept in memory when the store is read-only; noticed once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from store import AnnotationStore
from tests.fixtures.anchored import STORY, annotate, article, files
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.anchoring.placement import CHECK, ArticlePlan, Placement
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.core.corpus.sentences import segmenter_stamp
from workbench.tui.state.anchors import AnchorCounts
from workbench.tui.state.live_summary import LiveSummary
from workbench.tui.state.session import AnnotationSession
from workbench.tui.state.summary_view import read_summary
from workbench.tui.state.workspace import Workspace, WorkspaceChange

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
        session = AnnotationSession(Workspace(store, corpus_of(tmp_path, INSERTED)))
        session.go(0, 1)
        assert session.annotation is None  # the publisher's paragraph
        session.go(0, 2)
        assert session.annotation is not None and session.annotation.note == "first"
        assert sorted(store.for_article("story")) == [2, 6]
        assert session.anchors.arrival_notice(session.article) == (
            "“Troops sent to Kursk”, still to look at (this change and earlier ones): "
            "2 moved, 0 to check, 0 orphaned"
        )
        assert session.anchors.arrival_notice(session.article) is None  # once per session


def test_a_read_only_session_shows_reanchored_annotations_and_writes_nothing(
    tmp_path: Path,
) -> None:
    db = annotated(tmp_path / "db.json")
    before = files(db)
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        session = AnnotationSession(Workspace(store, corpus_of(tmp_path, INSERTED)))
        session.go(0, 1)
        assert session.annotation is None
        assert session.tagged_in_article() == 1
        assert session.next_untagged()  # 2 shows "first" (tagged), so 3 is the next
        assert session.place.sentence == 3
        session.go(0, 6)
        assert session.annotation is not None and session.annotation.source == "Analysts"
        assert sorted(store.for_article("story")) == [1, 5]  # stored as made
    assert files(db) == before


def test_an_annotation_stored_on_the_new_text_is_stored_though_a_colleagues_are_not(
    tmp_path: Path,
) -> None:
    """qa8 Q6: bob's annotations left on the old text keep the article stale, so the
    panel said "not stored yet" of every one of ana's, stored and confirmed saves too."""
    db = annotated(tmp_path / "db.json")
    with AnnotationStore.open(db, annotator="bob") as store:
        store.save(annotate(OLD, 3, "bob"))
    with AnnotationStore.open(db, annotator="ana") as store:
        session = AnnotationSession(Workspace(store, corpus_of(tmp_path, INSERTED)))
        session.go(0, 2)  # ana's re-anchoring is stored; bob's stays on the old text
        anchors, article = session.anchors, session.article
        shown = session.annotation
        assert shown is not None and anchors.is_stale(article)
        assert anchors.is_stored(article, shown)
        assert anchors.is_stored(article, session.set_note("checked with police"))
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        later = tmp_path / "later"
        later.mkdir()
        session = AnnotationSession(Workspace(store, corpus_of(later, "More.\n" + INSERTED)))
        session.go(0, 3)  # a read-only view of a later text: shown re-anchored, not stored
        shown = session.annotation
        assert shown is not None and not session.anchors.is_stored(session.article, shown)


def test_a_session_moves_a_colleagues_merge_with_the_claims_it_reanchors(
    tmp_path: Path,
) -> None:
    """rvfix0 in the TUI: bob merged ana's two claims; ana's session on the changed
    article stores her re-anchoring, and bob's merge moves with it (it was skipped, then
    read as no longer applying once the article was remembered at its new text); the
    move is bob's."""
    from workbench.core.analysis.ledger.decide import group_id
    from workbench.core.analysis.ledger.decisions import Merge, decisions_from_records
    from workbench.core.anchoring.decisions import with_texts

    db = annotated(tmp_path / "db.json")
    merge = Merge(
        (group_id("story", 1), group_id("story", 5)), members=((("story", 1),), (("story", 5),))
    )
    with AnnotationStore.open(db, annotator="bob") as store:
        made = store.save_ledger_decision(with_texts(merge, {"story": OLD}))
    with AnnotationStore.open(db, annotator="ana") as store:
        workspace = Workspace(store, corpus_of(tmp_path, INSERTED))
        assert workspace.anchors.settle_all(workspace.corpus.articles)
        assert sorted(store.for_article("story")) == [2, 6]
        records = store.ledger_decisions()
    assert [(r["action"], r["annotator"]) for r in records] == [
        ("merge", "bob"),
        ("reanchor", "bob"),
    ]
    assert records[1]["before"] == made
    (merged,) = decisions_from_records(records)
    assert isinstance(merged, Merge) and merged.annotator == "bob"
    assert merged.members == ((("story", 2),), (("story", 6),))


# -- The first tag of an article costs one durable write (fsync), like any other tag.


def count_fsyncs(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    import os

    calls: list[int] = []
    real = os.fsync

    def counting(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", counting)
    return calls


def test_the_first_tag_of_an_article_never_seen_is_one_fsync(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with AnnotationStore.open(tmp_path / "db.json", annotator="ana") as store:
        session = AnnotationSession(Workspace(store, corpus_of(tmp_path, STORY)))
        session.go(0, 2)
        fsyncs = count_fsyncs(monkeypatch)
        session.toggle("claim")
        assert len(fsyncs) == 1
        assert [a.article_id for a in store.articles()] == ["story"]  # remembered with it
        assert not session.anchors.is_stale(session.article)


def test_the_first_tag_of_an_article_whose_check_is_not_stored_is_one_fsync(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Annotations made on this very text, the article not remembered with this
    segmenter (an older database, or one written by import): the check finds every
    anchor holding; it is stored with the tag, not in a write of its own."""
    db = annotated(tmp_path / "db.json")
    with AnnotationStore.open(db, annotator="ana") as store:
        session = AnnotationSession(Workspace(store, corpus_of(tmp_path, STORY)))
        assert session.anchors.is_stale(session.article)
        fsyncs = count_fsyncs(monkeypatch)
        session.go(0, 2)
        assert session.annotation is None  # shown: the check ran, and wrote nothing
        assert fsyncs == []
        session.toggle("claim")
        assert len(fsyncs) == 1
    with AnnotationStore.open(db, annotator="ana") as store:  # the check was stored with it
        assert store.articles_to_reanchor({"story": OLD.sha256}, segmenter_stamp()) == []


def orphaned_by_an_error_page(tmp_path: Path, db: Path) -> None:
    """The article was replaced by an error page once, and re-anchored: all orphaned."""
    from workbench.core.anchoring.reanchoring import plans, store_plans

    error = article("Error 503\nService unavailable.\n")
    with AnnotationStore.open(db, annotator="ana") as store:
        store_plans(store, list(plans(store, [error])))
        assert len(store.orphans()) == 2 and store.all() == []


def test_orphans_come_back_on_first_use_when_their_text_is_back(tmp_path: Path) -> None:
    db = annotated(tmp_path / "db.json")
    orphaned_by_an_error_page(tmp_path, db)
    with AnnotationStore.open(db, annotator="ana") as store:
        session = AnnotationSession(Workspace(store, corpus_of(tmp_path, STORY)))
        session.go(0, 1)
        assert session.annotation is not None and session.annotation.note == "first"
        assert session.annotation.anchor_state == "current"
        assert store.orphans() == [] and sorted(store.for_article("story")) == [1, 5]
        assert session.anchors.arrival_notice(session.article) == (
            "“Troops sent to Kursk”, still to look at (this change and earlier ones): "
            "0 moved, 0 to check, 0 orphaned, 2 re-attached"
        )


def test_a_read_only_session_shows_orphans_back_from_memory(tmp_path: Path) -> None:
    db = annotated(tmp_path / "db.json")
    orphaned_by_an_error_page(tmp_path, db)
    before = files(db)
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        session = AnnotationSession(Workspace(store, corpus_of(tmp_path, STORY)))
        session.go(0, 1)
        assert session.annotation is not None and session.annotation.note == "first"
        assert session.anchors.arrival_notice(session.article) == (
            "“Troops sent to Kursk”, still to look at (this change and earlier ones): "
            "0 moved, 0 to check, 0 orphaned, 2 re-attached"
        )
    assert files(db) == before


def test_a_session_with_another_version_stores_its_own_analysts_reanchoring_only(
    tmp_path: Path,
) -> None:
    """tr7 T15 in the TUI: bob's session on the changed article (first visit, a tag, and
    the start-up worker) re-anchors bob's annotations and leaves ana's as she made them;
    the article stays to check for ana's workbench, so a tag of bob's does not remember
    it as checked with this segmenter, nor as seen on the new text (rv8 R2: the text
    remembered is the one ana's annotations and legacy decisions are read on)."""
    db = annotated(tmp_path / "db.json")
    with AnnotationStore.open(db, annotator="bob") as store:
        store.remember_article(OLD.id, OLD.title, OLD.sha256, len(OLD.sentences), "older")
        store.save(annotate(OLD, 3, "bob", note="bob's"))
        made = [a.to_record() for a in store.all("ana")]
        workspace = Workspace(store, corpus_of(tmp_path, INSERTED))
        session = AnnotationSession(workspace)
        session.go(0, 4)
        assert session.annotation is not None and session.annotation.note == "bob's"
        session.save(lambda annotation: annotation.changed(note="bob's, checked"))
        assert workspace.anchors.settle_all(workspace.corpus.articles) == []
        assert [a.to_record() for a in store.all("ana")] == made
        assert {a.index: a.note for a in store.all("bob")} == {4: "bob's, checked"}
        (seen,) = store.articles()
        assert (seen.sha256, seen.segmenter) == (OLD.sha256, "older")
        article = workspace.corpus.articles[0]
        assert store.articles_to_reanchor({"story": article.sha256}, segmenter_stamp())


def test_a_colleagues_annotations_left_on_another_text_leave_the_summary_following_edits(
    tmp_path: Path,
) -> None:
    """rv8 R6: with ana's annotations left on the old text (read re-anchored in memory),
    bob's tag in that very article is still applied to the open summary, not read again
    and rebuilt; the summary is the one a fresh read makes."""
    db = annotated(tmp_path / "db.json")
    with AnnotationStore.open(db, annotator="bob") as store:
        store.save(annotate(OLD, 3, "bob", note="bob's"))
        workspace = Workspace(store, corpus_of(tmp_path, INSERTED))
        workspace.anchors.settle_all(workspace.corpus.articles)  # bob's moved and stored
        live = LiveSummary(workspace.corpus.by_id)
        read_summary(workspace, None, LedgerSettings(), live)
        changes: list[WorkspaceChange] = []
        workspace.subscribe(changes.append)
        article = workspace.corpus.articles[0]
        workspace.write(article, lambda: annotate(article, 5, "bob", note="bob's second"))
        assert live.note(changes[-1])  # followed, not read again from the store
        followed = live.update()
        fresh = read_summary(workspace, None, LedgerSettings())[0].summary
        # the possible conflicts are found after the build, not followed (screen's tab 7)
        assert followed.to_json_bytes() == replace(fresh, possible=None).to_json_bytes()


def test_one_to_check_back_where_it_was_tagged_is_not_counted_as_an_orphan_back(
    tmp_path: Path,
) -> None:
    """rv8 R5: an annotation stored to check on exactly the sentence it was tagged on
    (the article stale: an older segmenter recorded) goes back to current in a read-only
    session's memory; it was never an orphan, so no orphan is counted as come back
    (the notice said "-1 orphaned, 1 re-attached")."""
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="ana") as store:
        made = store.save(annotate(OLD, 3, "ana", note="x"))
        stuck = replace(made, anchor_state="check")
        store.reanchor(
            ArticlePlan(OLD.id, OLD.sha256, (Placement(made, stuck, CHECK, 90.0),)),
            title="t",
            sentences=len(OLD.sentences),
            segmenter="an older segmenter",
        )
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        workspace = Workspace(store, corpus_of(tmp_path, OLD.text))
        article = workspace.corpus.articles[0]
        assert workspace.anchors.is_stale(article)
        workspace.anchors.read_history()
        assert workspace.anchors.counts(article) == AnchorCounts(0, 0, 0, 0)
        assert workspace.anchors.get(article, 3) == replace(stuck, anchor_state="current")


def test_the_place_left_on_the_text_of_today_is_not_shifted_by_a_colleagues_older_text(
    tmp_path: Path,
) -> None:
    """rv8 R9: ana's annotations left on the old text keep the article stale; bob's place,
    left on the text he works on (one sentence inserted above it), was shifted as ana's
    annotations move, and bob reopened one sentence off, at every start."""
    db = annotated(tmp_path / "db.json")  # ana's annotations of OLD (sentences 1 and 5)
    corpus = corpus_of(tmp_path, INSERTED)
    with AnnotationStore.open(db, annotator="bob") as store:
        session = AnnotationSession(Workspace(store, corpus))
        session.go(0, 6)
        session.toggle("claim")
        session.go(0, 4)
        left = session.sentence
    assert left is not None and left.text == "Moscow denied any deployment."
    for _reopening in range(2):
        with AnnotationStore.open(db, annotator="bob") as store:
            back = AnnotationSession(Workspace(store, corpus))
            assert back.restore_place()
            assert back.sentence == left
