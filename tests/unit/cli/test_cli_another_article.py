"""qa5 Q5, third variant: another folder's file with the annotated one's name is another
article, not an edit of it. Its annotations are orphaned and the commands say why; they
come back when the right file does."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article, run

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
