"""A database copied without its journal (qa10 Q30): a colleague copied the file `--db`
names (121 bytes: an evening of work was all in its journal); the open advised repair,
which made an empty database that then opened without a word. The open and the repair
now say the journal file does not exist and to copy it from where the database came."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from store import AnnotationStore
from store.errors import JournalMissingError
from tests.fixtures.anchored import STORY, annotate, article, run


def copied_alone(tmp_path: Path) -> Path:
    """A database with three claims, its file copied elsewhere without the others."""
    story = article(STORY)
    made = tmp_path / "desk" / "db.json"
    made.parent.mkdir()
    with AnnotationStore.open(made, annotator="ana") as store:
        for index in (1, 3, 5):
            store.save(annotate(story, index, "ana"))
    copy = tmp_path / "copy" / "db.json"
    copy.parent.mkdir()
    shutil.copy2(made, copy)
    return copy


def test_opening_a_database_copied_without_its_journal_says_to_copy_it(tmp_path: Path) -> None:
    copy = copied_alone(tmp_path)
    before = copy.read_bytes()
    with pytest.raises(JournalMissingError) as raised:
        AnnotationStore.open(copy, annotator="ana")
    said = str(raised.value)
    assert f"{copy}.journal does not exist; nothing was changed" in said
    assert "copy db.json.journal too" in said
    assert copy.read_bytes() == before and not Path(f"{copy}.journal").exists()


def test_repair_of_it_names_the_missing_file_and_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = copied_alone(tmp_path)
    code, out, err = run(capsys, "summary", "--db", str(copy))
    assert code != 0 and "copy db.json.journal too" in err
    code, out, _ = run(capsys, "repair", "--db", str(copy))
    assert code == 0
    lost = out.split("Lost:", 1)[1]
    assert "db.json.journal does not exist" in lost
    assert "copy all of its files again from where it came" in lost
