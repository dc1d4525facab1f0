"""`workbench reanchor`: one line per changed article (or JSON per affected annotation),
written as one undoable change per article, or only shown with --dry-run."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import STORY, annotate, article, files, run, story_folder
from workbench.cli.main import main
from workbench.core.anchoring.placement import plan_article
from workbench.core.corpus.sentences import segmenter_stamp


@pytest.fixture(autouse=True)
def as_ana(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command runs as the analyst who made the annotations: a writer re-anchors
    its own analyst's annotations only (tr7 T15)."""
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "ana")


OLD = article(STORY)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return story_folder(tmp_path)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "annotations.json"
    with AnnotationStore.open(path, annotator="ana") as store:
        for index in (1, 3, 4, 6):
            store.save(annotate(OLD, index, note=f"n{index}"))
    return path


def correct(corpus: Path) -> None:
    """The publisher's correction: a line after the title, a sentence gone, a typo fixed."""
    text = STORY.replace("\n", "\nCorrection: an earlier version misnamed the agency.\n", 1)
    text = text.replace("Moscow denied any deployment. ", "")
    text = text.replace("No comment was given.", "No coment was given.")
    (corpus / "story.txt").write_text(text, encoding="utf-8")


def test_prints_one_line_per_changed_article_and_stores_it(
    capsys: pytest.CaptureFixture[str], corpus: Path, db: Path
) -> None:
    correct(corpus)
    code, out, err = run(capsys, "reanchor", str(corpus), "--db", str(db))
    assert (code, out, err) == (0, "story: 1 unchanged, 1 moved, 1 to check, 1 orphaned\n", "")
    with AnnotationStore.open(db, annotator="ana") as store:
        assert {i: a.note for i, a in store.for_article("story").items()} == {
            2: "n1",
            4: "n4",
            6: "n6",
        }
        assert store.get("story", 6).anchor_state == "check"  # type: ignore[union-attr]
        assert [o.note for o in store.orphans()] == ["n3"]
        assert {c.action for c in store.history()} == {"save", "reanchor"}
    # Done: a second run says there is nothing to do (QA: silence left them wondering).
    assert run(capsys, "reanchor", str(corpus), "--db", str(db)) == (
        0,
        "nothing to re-anchor: 1 annotated article(s) unchanged; 1 orphaned annotation(s) "
        "stay orphaned (re-attach or delete them in the review screen)\n",
        "",
    )
    assert run(capsys, "reanchor", str(corpus), "--db", str(db), "--json") == (0, "", "")


def test_json_is_one_object_per_affected_annotation(
    capsys: pytest.CaptureFixture[str], corpus: Path, db: Path
) -> None:
    correct(corpus)
    code, out, _err = run(capsys, "reanchor", str(corpus), "--db", str(db), "--json")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["old_index"], r["new_index"], r["state"]) for r in records] == [
        (1, 2, "moved"),
        (3, None, "orphaned"),
        (6, 6, "check"),
    ]
    assert set(records[0]) == {
        "article_id", "annotator", "old_index", "new_index", "state", "old_quote", "new_quote"
    }  # fmt: skip
    assert records[1]["old_quote"] == "Moscow denied any deployment."
    assert records[1]["new_quote"] is None
    assert records[2]["new_quote"] == "No coment was given."


def test_dry_run_shows_the_same_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], corpus: Path, db: Path
) -> None:
    correct(corpus)
    before = files(db)
    code, out, err = run(capsys, "reanchor", str(corpus), "--db", str(db), "--dry-run")
    assert (code, out) == (0, "story: 1 unchanged, 1 moved, 1 to check, 1 orphaned\n")
    assert "dry run" in err
    assert files(db) == before


def test_nothing_to_do_leaves_an_app_session_s_journal_as_it_is(
    capsys: pytest.CaptureFixture[str], corpus: Path, db: Path
) -> None:
    """rv8 R8: with nothing to re-anchor, the writer's close folded the short journal an
    app session leaves, changing the files (and the content token the kept summaries are
    served under) for nothing."""
    assert run(capsys, "reanchor", str(corpus), "--db", str(db))[0] == 0  # articles seen
    with AnnotationStore.open(db, annotator="ana") as store:  # as the app leaves it
        store.leave_short_journal()
        store.save(annotate(OLD, 2, note="n2"))
    before = files(db)
    assert any(name.endswith(".journal") for name in before)
    assert run(capsys, "reanchor", str(corpus), "--db", str(db))[0] == 0
    assert files(db) == before


def test_a_renamed_file_leaves_its_annotations_under_the_old_id(
    capsys: pytest.CaptureFixture[str], corpus: Path, db: Path
) -> None:
    (corpus / "story.txt").rename(corpus / "story-v2.txt")
    code, out, err = run(capsys, "reanchor", str(corpus), "--db", str(db))
    assert (code, out) == (0, "nothing to re-anchor: no article of the corpus has annotations\n")
    assert "1 annotated article(s) not in the corpus, left as they are: story" in err
    with AnnotationStore.open(db, annotator="ana") as store:
        assert sorted(store.for_article("story")) == [1, 3, 4, 6]


def test_a_missing_database_is_an_error_and_is_not_created(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    code, _out, err = run(capsys, "reanchor", str(corpus), "--db", str(tmp_path / "none.json"))
    assert code == 1 and "no annotation database" in err
    assert not (tmp_path / "none.json").exists()


def test_a_second_file_with_the_same_name_never_takes_the_annotations(
    capsys: pytest.CaptureFixture[str], corpus: Path, db: Path
) -> None:
    # QA pass 2: a file of the same name in a sub-folder that sorts first took the id,
    # and every annotation of the story was orphaned or moved onto its text.
    other = corpus / "a-sub-folder" / "story.txt"
    other.parent.mkdir()
    other.write_text("Another story\n\nSomething else entirely happened.\n", encoding="utf-8")
    (corpus / "unrelated.txt").write_text("Unrelated\n\nNothing here.\n", encoding="utf-8")
    before = files(db)
    code, out, err = run(capsys, "reanchor", str(corpus), "--db", str(db))
    assert code == 0 and "orphaned" not in out
    assert "duplicate article id 'story'" in err and "neither is opened (rename one)" in err
    assert files(db) == before


def test_orphans_come_back_when_the_right_text_is_back(
    capsys: pytest.CaptureFixture[str], corpus: Path, db: Path
) -> None:
    # QA pass 2: after a bad version of the file orphaned everything, the next run said
    # "no article of the corpus has annotations" (fixed: it names the orphans), and
    # putting the right text back did not place them again (R1: now they come back).
    (corpus / "story.txt").write_text("Error 503\n\nService unavailable.\n", encoding="utf-8")
    assert run(capsys, "reanchor", str(corpus), "--db", str(db))[0] == 0
    assert run(capsys, "reanchor", str(corpus), "--db", str(db)) == (
        0,
        "nothing to re-anchor: 0 annotated article(s) unchanged; 4 orphaned annotation(s) "
        "stay orphaned (re-attach or delete them in the review screen)\n",
        "",
    )
    (corpus / "story.txt").write_text(STORY, encoding="utf-8")
    before = files(db)
    code, out, _err = run(capsys, "reanchor", str(corpus), "--db", str(db), "--dry-run", "--json")
    assert code == 0 and files(db) == before
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["old_index"], r["new_index"], r["state"]) for r in records] == [
        (1, 1, "reattached"),
        (3, 3, "reattached"),
        (4, 4, "reattached"),
        (6, 6, "reattached"),
    ]
    code, out, _err = run(capsys, "reanchor", str(corpus), "--db", str(db))
    assert (code, out) == (
        0,
        "story: 0 unchanged, 0 moved, 0 to check, 0 orphaned, 4 re-attached\n",
    )
    with AnnotationStore.open(db, annotator="ana") as store:
        assert store.orphans() == []
        assert {i: (a.note, a.anchor_state) for i, a in store.for_article("story").items()} == {
            i: (f"n{i}", "current") for i in (1, 3, 4, 6)
        }
        assert [c.action for c in store.history()][-4:] == ["reanchor"] * 4


def test_one_to_check_goes_back_to_current_when_its_text_is_back(
    capsys: pytest.CaptureFixture[str], corpus: Path, db: Path
) -> None:
    # tr7 T13 (a file caught half written), T15 (a colleague's other version on a team
    # store): once the text is again the one it was tagged on, the annotation moved to
    # check goes back to its sentence, current, as the orphans of the same accident do.
    correct(corpus)
    assert run(capsys, "reanchor", str(corpus), "--db", str(db))[1] == (
        "story: 1 unchanged, 1 moved, 1 to check, 1 orphaned\n"
    )
    (corpus / "story.txt").write_text(STORY, encoding="utf-8")
    code, out, _err = run(capsys, "reanchor", str(corpus), "--db", str(db))
    assert (code, out) == (
        0,
        "story: 1 unchanged, 1 moved, 0 to check, 0 orphaned, 2 re-attached\n",
    )
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        back = store.for_article("story")[6]
        assert (back.note, back.anchor_state) == ("n6", "current")
        tagged = annotate(OLD, 6)
        fields = ("article_sha256", "index", "start", "end", "quote", "prefix", "suffix")
        assert [getattr(back, f) for f in fields] == [getattr(tagged, f) for f in fields]
        assert [a.anchor_state for a in store.all()].count("check") == 0


def test_one_stuck_to_check_on_the_very_sentence_it_was_tagged_on_goes_back_to_current(
    capsys: pytest.CaptureFixture[str], corpus: Path, db: Path
) -> None:
    """an7's residue of tr7 T13: a database whose annotation went back to its text
    before that fix holds it to check on exactly the sentence it was tagged on; the
    article is not stale (nothing planned it again). `reanchor` looks at articles with
    annotations to check, and this one goes back to current."""
    correct(corpus)
    run(capsys, "reanchor", str(corpus), "--db", str(db))
    with AnnotationStore.open(db, annotator="ana") as store:  # as the code before did
        old_way = plan_article(OLD, [*store.in_article("story"), *store.orphans()])
        store.reanchor(
            old_way, title="t", sentences=len(OLD.sentences), segmenter=segmenter_stamp()
        )
        stuck = store.get("story", 6)
        assert stuck is not None and (stuck.article_sha256, stuck.anchor_state) == (
            OLD.sha256,
            "check",
        )
    (corpus / "story.txt").write_text(STORY, encoding="utf-8")
    code, out, _err = run(capsys, "reanchor", str(corpus), "--db", str(db))
    assert (code, out) == (
        0,
        "story: 3 unchanged, 0 moved, 0 to check, 0 orphaned, 1 re-attached\n",
    )
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        assert [a.anchor_state for a in store.all()].count("check") == 0
        assert store.get("story", 6) == replace(stuck, anchor_state="current")


@pytest.mark.parametrize("engine", ["file", pytest.param("postgres", marks=pytest.mark.pg_server)])
def test_a_writer_with_another_version_leaves_a_colleagues_annotations_as_made(
    capsys: pytest.CaptureFixture[str],
    corpus: Path,
    tmp_path: Path,
    engine: str,
    request: pytest.FixtureRequest,
) -> None:
    """tr7 T15: on a database several analysts write (a team's PostgreSQL, or a file
    after an import), bob's workbench holding the corrected text of the story never
    rewrites ana's annotations of it (it moved, orphaned and un-counted them, and
    ana's wrote them back: churn, and verdicts out of every count between); each
    analyst's are re-anchored by their own, and stderr says what was left."""
    from store import open_store

    location = str(
        request.getfixturevalue("pg_url") if engine == "postgres" else tmp_path / "t.json"
    )
    (tmp_path / "bob").mkdir()
    bob_corpus = story_folder(tmp_path / "bob")
    correct(bob_corpus)
    corrected = article((bob_corpus / "story.txt").read_text(encoding="utf-8"))
    with open_store(location, "ana") as store:
        for index in (1, 3, 4, 6):
            store.save(annotate(OLD, index, note=f"n{index}"))
        made = [a.to_record() for a in store.all()]
    with open_store(location, "bob") as store:
        store.save(annotate(corrected, 2, "bob", note="bob's"))
    code, out, err = run(
        capsys, "reanchor", str(bob_corpus), "--db", location, "--annotator", "bob"
    )
    assert code == 0 and out.startswith("nothing to re-anchor")
    assert err == (
        "workbench: 4 annotation(s) of other analysts (ana) made on another text of these "
        "articles left as made (their own workbench re-anchors them, or reanchor "
        "--annotator NAME)\n"
    )
    with open_store(location, "ana", read_only=True) as store:
        assert [a.to_record() for a in store.all("ana")] == made
        assert not store.orphans() and "reanchor" not in {c.action for c in store.history()}
        # still to re-anchor for ana's workbench and any read-only view (placed in memory)
        assert store.articles_to_reanchor({"story": corrected.sha256}, segmenter_stamp()) == [
            "story"
        ]
    code, out, err = run(capsys, "reanchor", str(corpus), "--db", location, "--annotator", "ana")
    assert code == 0 and out.startswith("nothing to re-anchor") and "(bob)" in err
    with open_store(location, "ana", read_only=True) as store:
        assert [a.to_record() for a in store.all("ana")] == made
        (bobs,) = store.all("bob")
        assert (bobs.index, bobs.article_sha256, bobs.anchor_state) == (
            2,
            corrected.sha256,
            "current",
        )
    # ana's workbench, once it has the correction too, re-anchors ana's (and only hers)
    code, out, _err = run(
        capsys, "reanchor", str(bob_corpus), "--db", location, "--annotator", "ana"
    )
    assert (code, out) == (0, "story: 1 unchanged, 1 moved, 1 to check, 1 orphaned\n")
    with open_store(location, "ana", read_only=True) as store:
        assert store.all("bob")[0].to_record() == bobs.to_record()
        assert store.articles_to_reanchor({"story": corrected.sha256}, segmenter_stamp()) == []


def test_help_names_the_json_output_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    """qa7 Q10 c: `reanchor --json | python3 -m json.tool` failed "Extra data": the
    output is one object a line, and the help now says so."""
    main(["reanchor", "--help"])
    assert "JSON Lines: one JSON object a line" in " ".join(capsys.readouterr().out.split())


def test_an_import_given_a_text_the_database_moved_away_from_is_refused(
    capsys: pytest.CaptureFixture[str], corpus: Path, db: Path, tmp_path: Path
) -> None:
    """qa8 Q14: an import with an older copy of an article (--articles) re-anchored the
    database back onto it, silently: a confirmation became "to check" again."""
    exported = tmp_path / "before-edit.json"
    assert run(capsys, "export", "--db", str(db), "-o", str(exported))[0] == 0
    older = tmp_path / "older"
    older.mkdir()
    (older / "story.txt").write_text(STORY, encoding="utf-8")
    correct(corpus)
    assert run(capsys, "reanchor", str(corpus), "--db", str(db))[0] == 0
    before = files(db)
    code, out, err = run(capsys, "import", str(exported), "--db", str(db), "--articles", str(older))
    assert (code, out) == (1, "")
    assert "re-anchored away from" in err and "nothing was imported" in err, err
    assert files(db) == before
    current = ("--articles", str(corpus))
    code, out, err = run(capsys, "import", str(exported), "--db", str(db), *current)
    assert code == 0, err


def test_a_login_with_nothing_there_is_not_told_the_changed_articles_are_unchanged(
    capsys: pytest.CaptureFixture[str],
    corpus: Path,
    db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """qa13 Q15: `reanchor --dry-run` as a login with no annotations on a desk's database
    said "nothing to re-anchor: 1 annotated article(s) unchanged" of a story corrected
    since ana tagged it (stderr then said hers were left as made)."""
    correct(corpus)
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "root")
    code, out, err = run(capsys, "reanchor", str(corpus), "--db", str(db), "--dry-run")
    assert code == 0 and "unchanged" not in out
    assert out == (
        "nothing to re-anchor: no annotation of root's in 1 annotated article(s) was made on "
        "another text (1 changed since other analysts annotated them)\n"
    )
    assert "(ana) made on another text" in err
