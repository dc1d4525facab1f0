"""Compaction off the write path: sealed journal segments, a background snapshot, and
every state a kill can leave between its steps opening to every acknowledged write."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest
from store_helpers import MakeAnnotation, crash_copy, journal_changes

import store.journal
from store import AnnotationStore
from store.compaction import Compaction
from store.journal import JournalStorage
from store.segments import fresh_journal_path, journal_path, sealed_segments
from store.snapshot import Tables, checksummed
from workbench.core.annotation import Annotation

STEPS = ("append_history", "write_snapshot", "drop_segments")


def storage_of(opened: AnnotationStore) -> JournalStorage:
    return opened._storage


def saved_many(opened: AnnotationStore, make: MakeAnnotation, first: int, count: int) -> list[Any]:
    return [
        opened.save(make(article_id=f"a{i}", note=f"n{i}")) for i in range(first, first + count)
    ]


def reopened_state(path: Path) -> tuple[list[Annotation], list[str]]:
    """The annotations and the history's article ids of the database at `path`."""
    with AnnotationStore.open(path, annotator="alice") as again:
        return again.all(), [change.key[1] for change in again.history()]


def failing(code: int) -> Any:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


def test_a_save_that_crosses_the_threshold_compacts_in_the_background(
    db_path: Path, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.journal, "MIN_COMPACTION_BYTES", 4096)
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        saved = saved_many(opened, make, 0, 12)
        assert storage_of(opened).compacting or sealed_segments(db_path) == []
        saved += saved_many(opened, make, 12, 3)  # writes go on meanwhile
        opened.wait_for_compaction()
        assert not storage_of(opened).compacting
        assert opened.warnings == []
        in_snapshot = json.loads(db_path.read_bytes())["annotations"]
        assert 0 < len(in_snapshot) <= 15
        assert sealed_segments(db_path) == []
        assert len(opened.history()) == 15
    assert reopened_state(db_path) == (
        sorted(saved, key=lambda a: a.key),
        [f"a{i}" for i in range(15)],
    )


@pytest.mark.parametrize("steps_done", range(len(STEPS) + 1))
def test_a_kill_after_any_compaction_step_opens_to_every_write(
    db_path: Path, tmp_path: Path, make: MakeAnnotation, steps_done: int
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        saved = saved_many(opened, make, 0, 5)
        opened.delete("a0", 0)
        job = storage_of(opened).begin_compaction()
        assert [p.name for p in job.segments] == ["annotations.json.journal.1"]
        saved += saved_many(opened, make, 5, 3)  # into the fresh journal
        for step in STEPS[:steps_done]:
            getattr(job, step)()
        crashed = crash_copy(db_path, tmp_path / "crashed")
    annotations, history = reopened_state(crashed)
    assert annotations == sorted(saved[1:], key=lambda a: a.key)
    assert history == [f"a{i}" for i in range(5)] + ["a0"] + [f"a{i}" for i in range(5, 8)]
    # and the copy goes on working: a later compaction folds whatever was left
    with AnnotationStore.open(crashed, annotator="alice") as again:
        again.save(make(article_id="later"))
    assert sealed_segments(crashed) == []
    annotations, history = reopened_state(crashed)
    assert len(annotations) == 8 and history[-1] == "later" and len(history) == 10


def test_a_kill_between_the_renames_of_a_seal_opens_to_every_write(
    db_path: Path, tmp_path: Path, make: MakeAnnotation
) -> None:
    """Sealed, but the fresh journal not yet in place: no FILE.journal, a stray .next."""
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        saved = saved_many(opened, make, 0, 4)
        crashed = crash_copy(db_path, tmp_path / "crashed")
    os.rename(journal_path(crashed), crashed.with_name(crashed.name + ".journal.1"))
    fresh_journal_path(crashed).write_bytes(b"")
    with AnnotationStore.open(crashed, annotator="alice") as again:
        assert again.all() == sorted(saved, key=lambda a: a.key)
        assert again.warnings == []
        saved.append(again.save(make(article_id="after")))
    assert reopened_state(crashed)[0] == sorted(saved, key=lambda a: a.key)


def test_segments_replay_oldest_first(db_path: Path, tmp_path: Path, make: MakeAnnotation) -> None:
    """A failed compaction leaves its segment; the next seal makes a newer one."""
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make(note="first"))
        storage_of(opened).begin_compaction()  # sealed, never run: as if it had failed
        opened.save(make(note="second"))
        storage_of(opened).begin_compaction()
        last = opened.save(make(note="third"))
        assert [p.name[-1] for p in sealed_segments(db_path)] == ["1", "2"]
        crashed = crash_copy(db_path, tmp_path / "crashed")
    assert reopened_state(crashed) == ([last], ["a1", "a1", "a1"])


def test_a_background_compaction_that_fails_is_a_warning_and_is_retried(
    db_path: Path, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.journal, "MIN_COMPACTION_BYTES", 2048)
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        with monkeypatch.context() as patch:
            patch.setattr(os, "replace", failing(errno.ENOSPC))
            saved = saved_many(opened, make, 0, 8)
            opened.wait_for_compaction()
        assert any("compaction postponed" in w and "disk is full" in w for w in opened.warnings)
        assert len(sealed_segments(db_path)) >= 1  # each failed attempt keeps its segment
        assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")] == []
        saved += saved_many(opened, make, 8, 40)  # past the doubled threshold: retried
        opened.wait_for_compaction()
        assert sealed_segments(db_path) == []
        assert len(json.loads(db_path.read_bytes())["annotations"]) >= 8
    assert reopened_state(db_path) == (
        sorted(saved, key=lambda a: a.key),
        [f"a{i}" for i in range(48)],
    )


def test_a_seal_that_cannot_make_the_fresh_journal_changes_nothing(
    db_path: Path, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.journal, "MIN_COMPACTION_BYTES", 1)
    real_open = os.open

    def no_new_journal(path: Any, flags: int, *args: Any) -> int:
        if Path(path) == fresh_journal_path(db_path):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_open(path, flags, *args)

    with AnnotationStore.open(db_path, annotator="alice") as opened:
        monkeypatch.setattr(os, "open", no_new_journal)
        saved = saved_many(opened, make, 0, 3)
        assert not storage_of(opened).compacting
        assert sum("compaction postponed" in w for w in opened.warnings) >= 1
        assert sealed_segments(db_path) == []
        monkeypatch.setattr(os, "open", real_open)
    assert reopened_state(db_path)[0] == sorted(saved, key=lambda a: a.key)


def test_close_waits_for_a_background_compaction_then_folds_the_rest(
    db_path: Path, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.journal, "MIN_COMPACTION_BYTES", 1)
    opened = AnnotationStore.open(db_path, annotator="alice")
    saved = saved_many(opened, make, 0, 6)
    opened.close()
    assert journal_changes(db_path) == []
    assert sealed_segments(db_path) == []
    assert len(json.loads(db_path.read_bytes())["annotations"]) == 6
    assert reopened_state(db_path)[0] == sorted(saved, key=lambda a: a.key)


def test_a_compaction_works_on_a_copy_that_later_writes_do_not_reach(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make(note="before"))
        opened.set_position("a1", 0)
        job: Compaction = storage_of(opened).begin_compaction()
        opened.save(make(note="after"))
        opened.set_position("a1", 2)
        job.run()
        assert job.error is None
        snapshot = json.loads(db_path.read_bytes())
    assert [r["note"] for r in snapshot["annotations"].values()] == ["before"]
    assert [p["index"] for p in snapshot["positions"].values()] == [0]


def test_the_snapshot_is_written_in_chunks_with_the_bytes_of_one_dump() -> None:
    tables: Tables = {
        "annotations": {str(i): {"quote": f"“{i}”\u2028", "tags": ["claim"]} for i in range(600)},
        "empty": {},
        "meta": {"1": {"schema_version": 1}},
    }
    one_dump = json.dumps(tables, separators=(",", ":")).encode("ascii")
    written = b"".join(checksummed(tables))
    assert written.startswith(one_dump[:-1] + b',"integrity":')
    assert json.loads(written) == {**tables, "integrity": json.loads(written)["integrity"]}
    assert b"".join(checksummed({})).startswith(b'{"integrity":')
