"""Read-only opens: no lock, nothing written, every acknowledged change seen."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from store_helpers import MakeAnnotation, database_files
from tinydb import TinyDB

import store.replay
from store import AnnotationStore, CorruptDatabaseError, StoreWriteError
from store.read_memo import ReadMemo
from store.snapshot import Snapshot


def test_every_write_is_refused_and_nothing_is_written(db_path: Path, make: MakeAnnotation) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as writer:
        saved = writer.save(make())
    before = database_files(db_path)
    with AnnotationStore.open(db_path, annotator="alice", read_only=True) as reader:
        assert reader.read_only
        assert reader.get("a1", 0) == saved
        attempts: list[Any] = [
            lambda: reader.save(make(index=1)),
            lambda: reader.save(saved.toggled("denial")),
            lambda: reader.delete("a1", 0),
            lambda: reader.import_annotations([make(index=2)]),
            lambda: reader.remember_article("a1", "Title", "0" * 64, 3),
            lambda: reader.save_ledger_decision({"action": "merge", "groups": ["g-1", "g-2"]}),
            reader.undo,  # tr13 T4: "Nothing to undo." though alice's save was there
            reader.redo,
        ]
        for attempt in attempts:
            with pytest.raises(StoreWriteError, match="read-only"):
                attempt()
        reader.set_position("a1", 2)  # moving is not an edit: ignored, not refused
        assert reader.position() is None
        assert reader.get("a1", 0) == saved
    assert database_files(db_path) == before


def test_a_database_that_does_not_exist_is_empty_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "annotations.json"
    with AnnotationStore.open(path, annotator="alice", read_only=True) as reader:
        assert reader.count() == 0
    assert not path.parent.exists()


def test_no_lock_is_taken_so_a_writer_may_hold_the_database(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as writer:
        saved = writer.save(make())
        with AnnotationStore.open(db_path, annotator="bob", read_only=True) as reader:
            assert reader.all() == [saved]
        later = writer.save(make(index=1))  # the writer still holds the lock
    with AnnotationStore.open(db_path, annotator="bob", read_only=True) as reader:
        assert reader.all() == [saved, later]


def test_an_old_file_is_migrated_in_memory_only(db_path: Path, make: MakeAnnotation) -> None:
    old = make().to_record()
    del old["note"], old["status"]
    database = TinyDB(db_path)
    database.table("annotations").insert(old)
    database.close()
    before = database_files(db_path)
    with AnnotationStore.open(db_path, annotator="alice", read_only=True) as reader:
        migrated = reader.get("a1", 0)
        assert migrated is not None and (migrated.note, migrated.status) == ("", "unverified")
    assert database_files(db_path) == before


def test_a_compaction_under_the_reader_makes_it_read_again(
    db_path: Path, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer folds a sealed segment into a new snapshot and deletes the segment just
    after the reader has read the old snapshot: the reader would miss the segment's
    changes, so it reads again."""
    writer = AnnotationStore.open(db_path, annotator="alice")
    saved = [writer.save(make(article_id=f"a{i}")) for i in range(3)]
    job = writer._storage.begin_compaction()
    saved.append(writer.save(make(article_id="a3")))
    real_load = store.replay.load_snapshot
    reads: list[Snapshot | None] = []

    def load_then_compact(path: Path, memo: ReadMemo | None = None) -> Snapshot | None:
        tables = real_load(path, memo)
        reads.append(tables)
        if len(reads) == 1:
            job.run()  # the snapshot replaced and the segment deleted, under the reader
        return tables

    monkeypatch.setattr(store.replay, "load_snapshot", load_then_compact)
    with AnnotationStore.open(db_path, annotator="bob", read_only=True) as reader:
        assert reader.all() == sorted(saved, key=lambda a: a.key)
    assert len(reads) == 2
    writer.close()


def test_damage_that_stays_is_reported_at_once(
    db_path: Path, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as writer:
        writer.save(make())
    db_path.write_text(json.dumps([1, 2]))
    sleeps: list[float] = []
    monkeypatch.setattr(store.replay.time, "sleep", sleeps.append)
    with pytest.raises(CorruptDatabaseError, match="not a TinyDB document"):
        AnnotationStore.open(db_path, annotator="alice", read_only=True)
    assert sleeps == []
