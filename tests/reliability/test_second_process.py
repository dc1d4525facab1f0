"""Two processes on one database: while the app holds it, a second writer is refused.

The first process is the real app (app_tagger.py --hold, the annotate screen on the
database). Each second command that writes is the real program (`python -m workbench
...`): it must exit with code 1 and one line naming the database and the holder's pid,
and not one byte of the database may change. Once the holder is killed, the database
opens intact. (Read-only commands work beside the holder: test_read_only.py.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from store import AnnotationStore
from workbench.core.annotation import Anchor, Annotation

from .helpers import app_holding, database_files

TEXT = "The minister said the plan works. Officials denied it."


def workbench(*arguments: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the real program, as a user would, with a clean annotator."""
    environment = {**os.environ, "WORKBENCH_ANNOTATOR": "second"}
    environment.pop("WORKBENCH_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "workbench", *map(str, arguments)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        env=environment,
        timeout=120,
    )


def seeded_database(folder: Path) -> Path:
    database = folder / "annotations.json"
    with AnnotationStore.open(database, annotator="first") as opened:
        for index, (start, end) in enumerate([(0, 33), (34, 54)]):
            anchor = Anchor.in_text("a1", "0" * 64, TEXT, index, start, end)
            opened.save(Annotation.new(anchor, "first", tags=("claim",)))
    return database


@dataclass(frozen=True)
class Holder:
    database: Path
    process: subprocess.Popen[str]


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[Holder]:
    """The app running on a seeded database, holding it."""
    folder = tmp_path / "db"
    folder.mkdir()
    database = seeded_database(folder)
    with app_holding(database) as (child, _printed):
        yield Holder(database, child)


def test_a_second_writer_is_refused_until_the_holder_is_gone(
    holder: Holder,
    tmp_path: Path,
    figures: Counter[str],
    deadline: Callable[[float], None],
) -> None:
    deadline(300)
    database, pid = holder.database, holder.process.pid
    attempts: list[list[str | Path]] = [["annotate", "--db", database]]
    before = database_files(database)
    for arguments in attempts:
        result = workbench(*arguments, cwd=tmp_path)
        assert result.returncode == 1, (arguments, result.stdout, result.stderr)
        message = result.stderr.strip()
        assert "\n" not in message, f"expected one line, got {message!r}"
        assert str(database) in message and f"process {pid}" in message, message
        assert result.stdout == ""
        assert database_files(database) == before, f"{arguments} changed the database"
        figures["second process: refused attempts"] += 1
    holder.process.send_signal(signal.SIGKILL)
    assert holder.process.wait(timeout=30) == -signal.SIGKILL
    result = workbench("export", "--db", database, "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('"claim"') == 2, "the holder's kill lost annotations"


def test_an_import_into_a_held_database_is_refused_and_changes_nothing(
    tmp_path: Path, figures: Counter[str], deadline: Callable[[float], None]
) -> None:
    deadline(300)
    source = tmp_path / "source"
    source.mkdir()
    export = tmp_path / "export.json"
    result = workbench("export", "--db", seeded_database(source), "-o", export, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    target = tmp_path / "target" / "annotations.json"
    with AnnotationStore.open(target, annotator="first"):
        before = database_files(target)
        result = workbench("import", export, "--db", target, "--corpus", tmp_path, cwd=tmp_path)
        assert result.returncode == 1, result.stdout + result.stderr
        assert str(target) in result.stderr and f"process {os.getpid()}" in result.stderr
        assert database_files(target) == before
    figures["second process: refused attempts"] += 1
