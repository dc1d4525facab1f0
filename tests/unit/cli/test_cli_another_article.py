"""qa5 Q5, third variant: another folder's file with the annotated one's name is another
article, not an edit of it. Its annotations are orphaned and the commands say why; they
come back when the right file does."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article, files, run

REPORT_A = "Report A\n\nKyiv said 9,000 troops had been sent to Russia.\n"
REPORT_B = "Report B\n\nNATO said 12,000 troops had been sent to Russia.\n\nSecond sentence here.\n"


def folder(tmp_path: Path, name: str, text: str) -> Path:
    found = tmp_path / name
    found.mkdir()
    (found / "report.txt").write_text(text, encoding="utf-8")
    return found


def test_a_file_of_the_same_name_holding_another_article_orphans_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, other = folder(tmp_path, "A", REPORT_A), folder(tmp_path, "B", REPORT_B)
    made = tmp_path / "made.json"
    with AnnotationStore.open(made, annotator="qa") as store:
        store.save(annotate(article(REPORT_A, "report"), 1, "qa", source="Kyiv", status="refuted"))
    exported = tmp_path / "qa.json"
    assert run(capsys, "export", "--db", str(made), "-o", str(exported))[0] == 0
    db = tmp_path / "db.json"
    code, out, err = run(capsys, "import", str(exported), "--db", str(db), "--articles", str(other))
    assert code == 0, err
    assert out.splitlines()[1] == (
        "made on other versions of the articles, re-anchored: 0 moved, 0 to check, 1 orphaned "
        "(another article, nothing of the annotated text in it: report)"
    )
    code, out, _err = run(capsys, "summary", str(other), "--db", str(db), "--annotator", "qa")
    assert code == 0
    assert "| Kyiv |" not in out and "refuted · qa" not in out
    assert "## Orphaned annotations (1)" in out
    code, out, _err = run(
        capsys, "reanchor", str(first), "--db", str(db), "--dry-run", "--annotator", "qa"
    )
    assert out.strip() == "report: 0 unchanged, 0 moved, 0 to check, 0 orphaned, 1 re-attached"


def exported_by(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], analyst: str, text: str
) -> Path:
    """An export of `analyst`'s refuted claim on sentence 1 of `text` saved as report.txt
    (its title and sha256 in the file's article list)."""
    made = tmp_path / f"{analyst}.db.json"
    on = article(text, "report")
    with AnnotationStore.open(made, annotator=analyst) as store:
        store.remember_article(on.id, on.title, on.sha256, len(on.sentences))
        store.save(annotate(on, 1, analyst, source="someone", status="refuted"))
    exported = tmp_path / f"{analyst}.json"
    assert run(capsys, "export", "--db", str(made), "-o", str(exported))[0] == 0
    return exported


def test_a_colleagues_other_article_of_the_same_name_is_refused_without_the_articles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """qa7 Q14: her article saved under my article's file name was imported onto mine
    ("read as on that one") and the summary counted her verdicts under my title."""
    mine = folder(tmp_path, "A", REPORT_A)
    db = tmp_path / "db.json"
    own = exported_by(tmp_path, capsys, "qa", REPORT_A)
    assert run(capsys, "import", str(own), "--db", str(db), "--articles", str(mine))[0] == 0
    hers = exported_by(tmp_path, capsys, "carol", REPORT_B)
    with AnnotationStore.open(db, annotator="qa") as store:  # as a killed app leaves it:
        store.leave_short_journal()  # its journal unfolded, a line torn at its end (im8:
        store.save(annotate(article(REPORT_A, "report"), 0, "qa"))  # refused only in the
    with (tmp_path / "db.json.journal").open("ab") as journal:  # writer's open, which cut
        journal.write(b'{"torn')  # the torn line: decided in a read-only open first now)
    before = files(db)
    code, out, err = run(capsys, "import", str(hers), "--db", str(db))
    assert (code, out) == (1, "")
    assert err.startswith(
        f"workbench: {hers}: $.annotations[0].article_sha256: made on another text of article "
        "'report' ('Report B' in this file) than the one the database holds ('Report A'), "
        "as are 1 annotation(s) of this file; "
    )
    assert "--articles PATH" in err and err.count("\n") == 1
    assert files(db) == before
    code, out, err = run(capsys, "import", str(hers), "--db", str(db), "--articles", str(mine))
    assert code == 0, err
    assert "(another article, nothing of the annotated text in it: report)" in out
    with AnnotationStore.open(db, annotator="qa", read_only=True) as store:
        assert store.all("carol") == [] and len(store.orphans("carol")) == 1


def test_an_orphan_deleted_does_not_come_back_from_the_file_imported_before(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """qa7 Q11: importing the very file again added the orphan deleted since ("added 1")."""
    other = folder(tmp_path, "B", REPORT_B)
    exported = exported_by(tmp_path, capsys, "qa", REPORT_A)
    db = tmp_path / "db.json"
    importing = ("import", str(exported), "--db", str(db), "--articles", str(other))
    assert run(capsys, *importing)[0] == 0
    with AnnotationStore.open(db, annotator="qa") as store:
        store.delete_orphan(store.orphans()[0])
    code, out, err = run(capsys, *importing)
    assert code == 0, err
    assert out.splitlines()[0] == (
        f"imported {exported}: added 0, updated 0, skipped 1 (1 of them differing from the "
        "database's but not newer: not taken)"
    )
    with AnnotationStore.open(db, annotator="qa", read_only=True) as store:
        assert store.orphans() == [] and store.all() == []
