"""qa21 #6: a name with a Cyrillic "а" ("аna") printed as "ana" in every message ("no
annotations by аna …; analysts there: ana"), and import took it without a word. It is
shown escaped ("\\u0430na") and said at import, with the analyst it looks like."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article, run

TEXT = "Report\nThe ministry said 40 people died.\nPolice confirmed the figure.\n"
TWIN = "\u0430na"


def database(path: Path, annotator: str) -> Path:
    with AnnotationStore.open(path, annotator=annotator) as store:
        store.save(annotate(article(TEXT, "story"), 1, annotator))
    return path


def test_a_mixed_name_is_shown_escaped_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = database(tmp_path / "db.json", "ana")
    code, _, err = run(capsys, "summary", "--db", str(db), "--annotator", TWIN)
    assert code == 1
    assert "no annotations by \\u0430na in " in err and "analysts there: ana " in err


def test_an_imported_mixed_name_is_said_with_its_look_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "twin.json"
    source = database(tmp_path / "twin-db.json", TWIN)
    assert run(capsys, "export", "--db", str(source), "-o", str(exported))[0] == 0
    db = database(tmp_path / "team.json", "ana")
    code, _, err = run(capsys, "import", str(exported), "--db", str(db))
    assert code == 0
    assert "analyst name \\u0430na mixes Latin and Cyrillic letters" in err
    assert (
        "analyst '\\u0430na' of " in err
        and "differs only in letters of another script from 'ana'" in err
    )
    code, out, _ = run(capsys, "summary", "--db", str(db), "--annotator", "all")
    assert "All analysts: ana, \\\\u0430na." in out  # Markdown: a backslash escaped
