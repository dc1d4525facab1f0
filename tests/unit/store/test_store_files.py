"""The on-disk form: durability, snapshot, journal replay, corruption, compaction."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from store_helpers import MakeAnnotation, crash_copy, database_files, journal_changes
from tinydb import TinyDB
from tinydb.storages import JSONStorage

import store.journal
from store import AnnotationStore, CorruptDatabaseError
from store.errors import NotADatabaseError, NotDamagedError
from store.journal import JournalStorage
from store.migrations import SCHEMA_VERSION
from store.repair import repair
from workbench.core.files.atomic import current_umask


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def test_acknowledged_writes_survive_a_crash(
    db_path: Path, tmp_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as store:
        saved = [store.save(make(article_id=f"a{i}", index=i % 3)) for i in range(20)]
        store.delete("a0", 0)
        store.set_position("a19", 1)
        copy = crash_copy(db_path, tmp_path / "crashed")
    with AnnotationStore.open(copy, annotator="alice") as reopened:
        assert reopened.all() == sorted(saved[1:], key=lambda a: a.key)
        assert reopened.position() == ("a19", 1)
        assert len(reopened.history()) == 21
        assert reopened.warnings == []


def test_close_compacts_into_a_tinydb_snapshot(db_path: Path, make: MakeAnnotation) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as store:
        saved = store.save(make(note="“[Mr. Putin]” said"))
        store.remember_article("a1", "Title", "0" * 64, 3)
    assert journal_changes(db_path) == []
    database = TinyDB(db_path, storage=JSONStorage, access_mode="r")
    try:
        assert database.table("annotations").all() == [saved.to_record()]
        assert database.table("meta").all()[0]["schema_version"] == SCHEMA_VERSION
    finally:
        database.close()
    with AnnotationStore.open(db_path, annotator="alice") as reopened:
        assert reopened.get("a1", 0) == saved
        assert [change.after for change in reopened.history()] == [saved]
        undone = reopened.undo()  # read back from the history (issue 16)
        assert undone is not None and undone.before == saved
        assert reopened.get("a1", 0) is None


def test_a_long_journal_is_compacted_while_writing(
    db_path: Path, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.journal, "MIN_COMPACTION_BYTES", 2048)
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        for i in range(30):
            opened.save(make(article_id=f"a{i}"))
            opened.wait_for_compaction()  # compactions run in the background
        assert journal_of(db_path).stat().st_size < 4096
        assert len(json.loads(db_path.read_bytes())["annotations"]) >= 20
        assert len(opened.history()) == 30
    with AnnotationStore.open(db_path, annotator="alice") as reopened:
        assert reopened.count() == 30
        assert [c.key[1] for c in reopened.history()] == [f"a{i}" for i in range(30)]


def test_an_older_journal_put_back_over_a_newer_snapshot_is_refused(
    db_path: Path, make: MakeAnnotation
) -> None:
    """A backup of the journal restored beside a newer snapshot: the changes made after
    that snapshot (if any) would be lost without a word, so the sequence numbers refuse."""
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make(index=0))
        opened.save(make(index=1))
        journal = journal_of(db_path).read_bytes()
    journal_of(db_path).write_bytes(journal)
    before = database_files(db_path)
    with pytest.raises(CorruptDatabaseError, match="journal ends at change 3"):
        AnnotationStore.open(db_path, annotator="alice")
    assert database_files(db_path) == before


def test_an_unfinished_history_append_is_written_again(db_path: Path, make: MakeAnnotation) -> None:
    """A crash after appending history but before the snapshot: the tail is redone."""
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make(index=0))
    history = db_path.with_name(db_path.name + ".history")
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make(index=1))
        with history.open("ab") as log:
            log.write(b"half a rec")
    with AnnotationStore.open(db_path, annotator="alice") as reopened:
        assert [change.key[2] for change in reopened.history()] == [0, 1]


def test_a_torn_journal_tail_is_dropped_and_reported(db_path: Path, make: MakeAnnotation) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        saved = opened.save(make(index=0))
    with journal_of(db_path).open("ab") as journal:
        journal.write(b'1234abcd {"ops":[["annot')
    with AnnotationStore.open(db_path, annotator="alice") as reopened:
        assert reopened.all() == [saved]
        assert len(reopened.warnings) == 1
        assert "24 bytes" in reopened.warnings[0]
        assert str(journal_of(db_path)) in reopened.warnings[0]
        later = reopened.save(make(index=1))
        assert b"annot\n" not in journal_of(db_path).read_bytes()
    with AnnotationStore.open(db_path, annotator="alice") as again:
        assert again.all() == [saved, later]
        assert again.warnings == []


def test_a_bad_middle_journal_line_stops_and_touches_nothing(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make(index=0))
        opened.save(make(index=1))
        lines = journal_of(db_path).read_bytes().splitlines(keepends=True)
    damaged = lines[0][:20] + b"X" + lines[0][21:]
    journal_of(db_path).write_bytes(damaged + b"".join(lines[1:]))
    before = database_files(db_path)
    with pytest.raises(CorruptDatabaseError) as caught:
        AnnotationStore.open(db_path, annotator="alice")
    assert str(journal_of(db_path)) in str(caught.value)
    assert "line 1" in str(caught.value)
    assert database_files(db_path) == before


@pytest.mark.parametrize(
    ("content", "refusal"),
    [
        (b'{"annotations": {"1": {"article_id"', CorruptDatabaseError),
        # Alone, with nothing of a database beside it, not a snapshot at all: another
        # kind of file given as --db, never called damaged nor repaired (qa6 Q9).
        (b"[1, 2, 3]", NotADatabaseError),
        (b"\xff\xfe garbage", NotADatabaseError),
    ],
)
def test_a_corrupt_snapshot_stops_and_touches_nothing(
    db_path: Path, content: bytes, refusal: type[Exception]
) -> None:
    db_path.write_bytes(content)
    before = database_files(db_path)
    with pytest.raises(refusal) as caught:
        AnnotationStore.open(db_path, annotator="alice")
    assert str(db_path) in str(caught.value)
    after = database_files(db_path)
    after.pop(db_path.name + ".lock", None)
    assert after == before


def test_the_invalid_json_position_is_named(db_path: Path) -> None:
    db_path.write_bytes(b'{"meta": {}}\n{"oops"')
    with pytest.raises(CorruptDatabaseError, match="line 2, column 1"):
        AnnotationStore.open(db_path, annotator="alice")


def test_an_annotation_without_its_key_is_reported(db_path: Path) -> None:
    snapshot = {"meta": {"1": {"schema_version": 1}}, "annotations": {"1": {"tags": []}}}
    db_path.write_text(json.dumps(snapshot))
    with pytest.raises(CorruptDatabaseError, match="lacks its key"):
        AnnotationStore.open(db_path, annotator="alice")


def test_a_new_database_is_created_with_its_directory(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "annotations.json"
    with AnnotationStore.open(path, annotator="alice") as opened:
        assert opened.count() == 0
    assert json.loads(path.read_text())["meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_an_empty_file_is_a_new_database(db_path: Path) -> None:
    db_path.write_bytes(b"")
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        assert opened.count() == 0


def test_a_full_tinydb_write_becomes_a_snapshot(db_path: Path, make: MakeAnnotation) -> None:
    storage = JournalStorage(db_path)
    record = make().to_record()
    storage.write({"annotations": {"1": record}, "meta": {"1": {"schema_version": 1}}})
    storage.close()
    assert journal_changes(db_path) == []
    with AnnotationStore.open(db_path, annotator="alice") as reopened:
        assert reopened.get("a1", 0) == make().__class__.from_record(record)


def test_the_snapshot_gets_an_ordinary_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with AnnotationStore.open(path, annotator="ana"):
        pass
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~current_umask()


def test_every_file_the_store_makes_takes_the_umask_as_the_snapshot_does(
    tmp_path: Path, make: MakeAnnotation
) -> None:
    """tr8 T2: the lock and the journal were made 0644 whatever the umask, while the
    snapshot took it: in a group-shared folder (umask 002) one session left files the
    teammate could not write ("not saved: permission denied (journal)")."""
    path = tmp_path / "db.json"
    before = os.umask(0o002)
    try:
        with AnnotationStore.open(path, annotator="ana") as store:
            store.save(make())
            made = [p for p in tmp_path.iterdir() if p.name != "db.json"]
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in made}
    finally:
        os.umask(before)
    assert {"db.json.lock", "db.json.journal"} <= set(modes)
    assert set(modes.values()) == {0o664}, modes


@pytest.mark.parametrize("suffix", ["", ".journal", ".history"])
def test_a_fifo_among_the_database_files_is_named_never_waited_on(
    db_path: Path, make: MakeAnnotation, suffix: str
) -> None:
    """tr7 T12: a FIFO at the database or its journal hung every command (no message, no
    timeout); one at its history was called damage, with repair advised."""
    with AnnotationStore.open(db_path, annotator="alice") as store:
        store.save(make())
    target = db_path.with_name(db_path.name + suffix)
    target.unlink()
    os.mkfifo(target)
    for read_only in (True, False):
        with pytest.raises(NotDamagedError, match=r"it is a FIFO \(named pipe\)"):
            AnnotationStore.open(db_path, annotator="alice", read_only=read_only)
    with pytest.raises(NotDamagedError, match=r"it is a FIFO"):
        repair(db_path)  # rv7 R8: repair's own look at the files waited on it
