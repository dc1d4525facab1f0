"""qa15 Q7: importing again an export made before a to-check annotation was confirmed
said "made on other versions of the articles, re-anchored: ... 1 to check" although that
record was not taken (the database's, confirmed since, is newer) and nothing in the
database is to check. The line counts what the database now holds from the file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import run
from tests.unit.cli.test_cli_reanchored_io import CORRECTED, as_ana, corpus, fill

__all__ = ["as_ana", "corpus"]  # the fixtures, imported for pytest


def test_the_reanchoring_line_counts_only_what_the_database_took(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    old_export = tmp_path / "ana.json"
    assert (
        run(capsys, "export", "--db", str(fill(tmp_path / "s.json")), "-o", str(old_export))[0] == 0
    )
    (corpus / "story.txt").write_text(CORRECTED, encoding="utf-8")
    db = tmp_path / "team.json"
    first = run(capsys, "import", str(old_export), "--articles", str(corpus), "--db", str(db))
    assert "1 moved, 1 to check, 1 orphaned" in first[1]
    with AnnotationStore.open(db, annotator="ana") as store:
        (checked,) = [a for a in store.all() if a.anchor_state == "check"]
        later = "2999-01-01T00:00:00.000000Z"
        store.save(replace(checked, anchor_state="current", updated_at=later))
    code, out, err = run(
        capsys, "import", str(old_export), "--articles", str(corpus), "--db", str(db)
    )
    assert code == 0, err
    assert out.splitlines() == [
        f"imported {old_export}: added 0, updated 0, skipped 4 (1 of them differing from the "
        "database's but not newer: not taken)",
        "made on other versions of the articles, re-anchored: 1 moved, 0 to check, 1 orphaned",
    ]
