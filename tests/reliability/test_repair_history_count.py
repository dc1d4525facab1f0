"""qa21 #12: `repair` of a database without FILE.history (a flipped bit in its journal)
reported "Kept: ann.json.history: 0 history records" and then "ann.json.history: its 69
records are numbered again from 1": two counts of one file that disagreed. One line now
gives the repaired history's count, and how much of it came from the journal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.anchored import run

WRITER = """
import os, sys
from pathlib import Path
from store import AnnotationStore
from tests.fixtures.anchored import annotate, article
text = "Report\\n" + "".join(f"Sentence {n} said {n} people died.\\n" for n in range(1, 7))
store = AnnotationStore.open(Path(sys.argv[1]), annotator="ana")
for index in range(6):
    store.save(annotate(article(text, "story"), index, "ana"))
os._exit(0)  # no close: every change stays in the journal, none in the history file
"""


def test_the_history_kept_is_counted_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "ann.json"
    root = str(Path(__file__).resolve().parents[2])
    subprocess.run([sys.executable, "-c", WRITER, str(db)], check=True, cwd=root)
    db.with_name("ann.json.history").unlink(missing_ok=True)
    journal = db.with_name("ann.json.journal")
    lines = journal.read_bytes().split(b"\n")
    damaged = bytearray(lines[3])
    damaged[len(damaged) // 2] ^= 0x04
    lines[3] = bytes(damaged)
    journal.write_bytes(b"\n".join(lines))
    code, out, _ = run(capsys, "repair", "--db", str(db))
    assert code == 0
    said = [
        line.strip() for line in out.splitlines() if line.strip().startswith("ann.json.history:")
    ]
    assert said == [
        "ann.json.history: 5 history records (0 from the file, 5 from the journal's changes), "
        "numbered again from 1 (record ids named in this report are those of the damaged "
        "history)"
    ]


BOTH = """
import os, sys
from pathlib import Path
from store import AnnotationStore
from tests.fixtures.anchored import annotate, article
text = "Report\\n" + "".join(f"Sentence {n} said {n} people died.\\n" for n in range(1, 7))
for indexes in (range(3), range(3, 6)):
    store = AnnotationStore.open(Path(sys.argv[1]), annotator="ana")
    for index in indexes:
        store.save(annotate(article(text, "story"), index, "ana"))
    if indexes.start == 0:
        store.close()  # the first three go to the history file
os._exit(0)  # the last three stay in the journal
"""


def test_the_history_kept_names_the_files_count_and_the_journals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The count from the file is the one recover() read (Recovery.history_read), passed
    along as data: the line said once, with both parts (fix22b: it was parsed back out of
    recover()'s own words with a regex)."""
    db = tmp_path / "ann.json"
    root = str(Path(__file__).resolve().parents[2])
    subprocess.run([sys.executable, "-c", BOTH, str(db)], check=True, cwd=root)
    journal = db.with_name("ann.json.journal")
    lines = journal.read_bytes().split(b"\n")
    damaged = bytearray(lines[2])
    damaged[len(damaged) // 2] ^= 0x04
    lines[2] = bytes(damaged)
    journal.write_bytes(b"\n".join(lines))
    code, out, _ = run(capsys, "repair", "--db", str(db))
    assert code == 0
    kept = out.split("Kept:\n", 1)[1].split("Lost:", 1)[0].splitlines()
    assert [line.strip() for line in kept] == [
        "ann.json: the snapshot (3 annotations)",
        "ann.json.history: 5 history records (3 from the file, 2 from the journal's changes), "
        "numbered again from 1 (record ids named in this report are those of the damaged "
        "history)",
        "journal: 2 changes",
    ]
