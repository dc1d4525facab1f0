"""A full disk or a read-only location: reported as not saved, nothing else changes."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_helpers import MakeAnnotation, crash_copy

from store import AnnotationStore, StoreWriteError


def failing(code: int):  # type: ignore[no-untyped-def]
    def fail(*args: object) -> int:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.fixture
def opened(db_path: Path) -> Iterator[AnnotationStore]:
    with AnnotationStore.open(db_path, annotator="alice") as store:
        yield store


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


@pytest.mark.parametrize(
    ("call", "code", "reason"),
    [
        ("write", errno.ENOSPC, "the disk is full"),
        ("fsync", errno.ENOSPC, "the disk is full"),
        ("write", errno.EROFS, "the file system is read-only"),
        ("write", errno.EACCES, "permission denied"),
    ],
)
def test_a_failed_write_changes_nothing(
    opened: AnnotationStore,
    db_path: Path,
    tmp_path: Path,
    make: MakeAnnotation,
    monkeypatch: pytest.MonkeyPatch,
    call: str,
    code: int,
    reason: str,
) -> None:
    kept = opened.save(make(index=0))
    journal_size = journal_of(db_path).stat().st_size
    with monkeypatch.context() as patch:
        patch.setattr(os, call, failing(code))
        with pytest.raises(StoreWriteError, match=f"^not saved: {reason}"):
            opened.save(kept.with_tag("denial", True))
        with pytest.raises(StoreWriteError):
            opened.save(make(index=1))
    assert opened.get("a1", 0) == kept
    assert opened.get("a1", 1) is None
    assert len(opened.history()) == 1
    assert journal_of(db_path).stat().st_size == journal_size
    later = opened.save(make(index=2))
    with AnnotationStore.open(crash_copy(db_path, tmp_path / "after"), "alice") as reopened:
        assert reopened.all() == [kept, later]
        assert reopened.warnings == []


def test_undo_that_cannot_be_saved_stays_undoable(
    opened: AnnotationStore, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened.save(make())
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", failing(errno.ENOSPC))
        with pytest.raises(StoreWriteError):
            opened.undo()
    assert opened.get("a1", 0) is not None
    assert opened.undo() is not None
    assert opened.get("a1", 0) is None


def test_when_the_partial_line_cannot_be_removed_the_store_turns_read_only(
    opened: AnnotationStore, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = opened.save(make(index=0))
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", failing(errno.EIO))
        patch.setattr(os, "ftruncate", failing(errno.EIO))
        with pytest.raises(StoreWriteError):
            opened.save(make(index=1))
    with pytest.raises(StoreWriteError, match="read-only until it is reopened"):
        opened.save(make(index=2))
    assert opened.all() == [kept]


def test_a_failed_compaction_keeps_the_journal(
    db_path: Path, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = AnnotationStore.open(db_path, annotator="alice")
    saved = store.save(make())
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", failing(errno.ENOSPC))
        store.close()
    assert any("could not compact" in warning for warning in store.warnings)
    assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")] == []
    with AnnotationStore.open(db_path, annotator="alice") as reopened:
        assert reopened.all() == [saved]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only directories anyway")
def test_a_read_only_directory_is_reported(db_path: Path) -> None:
    AnnotationStore.open(db_path, annotator="alice").close()
    db_path.with_name(db_path.name + ".lock").unlink()
    db_path.parent.chmod(0o555)
    try:
        with pytest.raises(StoreWriteError, match=r"cannot open db\.json for writing: its folder"):
            AnnotationStore.open(db_path, annotator="alice")
    finally:
        db_path.parent.chmod(0o755)


def test_a_position_that_cannot_be_saved_is_a_warning_not_an_error(
    opened: AnnotationStore, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened.set_position("a1", 0)
    with monkeypatch.context() as patch:
        patch.setattr(os, "write", failing(errno.ENOSPC))
        opened.set_position("a1", 1)
        opened.set_position("a1", 2)
    assert opened.position() == ("a1", 0)
    assert len(opened.warnings) == 1
    assert "position not remembered: not saved: the disk is full" in opened.warnings[0]
    opened.set_position("a1", 2)
    assert opened.position() == ("a1", 2)


@pytest.mark.parametrize("restored", ["shorter", "longer"])
def test_a_journal_rewritten_in_place_while_open_refuses_every_later_write(
    db_path: Path, make: MakeAnnotation, restored: str
) -> None:
    """tr8 T6: a backup copied over the open database (cp keeps the inode, so the file is
    still the one at its name): the next tag was written at the store's own offset, after
    a hole of NUL bytes, said "saved", and was lost to the repair the hole called for."""
    journal = db_path.with_name(db_path.name + ".journal")
    with AnnotationStore.open(db_path, annotator="ana") as store:
        store.save(make(index=0, tags=("claim",)))
        backup = journal.read_bytes()
        store.save(make(index=1, tags=("claim",)))
        store.save(make(index=2, tags=("claim",)))
        written = journal.read_bytes()
        with journal.open("r+b") as handle:  # as `cp backup journal` does: same inode
            handle.truncate(0)
            handle.write(backup if restored == "shorter" else written + b"\n" * 64)
        for index in (3, 4):
            with pytest.raises(StoreWriteError, match="changed from outside while the database"):
                store.save(make(index=index, tags=("claim",)))
        assert b"\0" not in journal.read_bytes()
