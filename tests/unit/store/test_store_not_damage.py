"""A file the system will not let this user read, or a folder where a file belongs, is not
damage (QA pass 2): the message says what to do, and repair moves nothing.

Before, "Permission denied" on the snapshot was reported as damage with "run `workbench
repair`", and repair then moved every intact file aside and rebuilt the annotations from
the history: the positions, the articles seen and the ledger's decisions were lost to a
repair that was not needed.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from store_helpers import MakeAnnotation

from store import AnnotationStore, CorruptDatabaseError
from store.errors import NotDamagedError
from store.history_log import history_path
from store.repair import repair


def files_of(path: Path) -> dict[str, bytes]:
    """Every file beside the database but the lock, read below Path (which a test stops)."""
    found = {}
    for file in sorted(path.parent.iterdir()):
        if file.is_file() and not file.name.endswith(".lock"):
            fd = os.open(file, os.O_RDONLY)
            try:
                found[file.name] = os.read(fd, 1 << 20)
            finally:
                os.close(fd)
    return found


@pytest.fixture
def database(db_path: Path, make: MakeAnnotation) -> Path:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make(index=0))
        opened.save(make(index=1, note="second"))
    return db_path


@pytest.fixture
def unreadable_snapshot(database: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The snapshot as a user without read permission meets it (tests may run as root,
    whom chmod does not stop)."""
    denied = PermissionError(errno.EACCES, "Permission denied")
    read_bytes, opened = Path.read_bytes, Path.open

    def refusing_read(self: Path) -> bytes:
        if self == database:
            raise denied
        return read_bytes(self)

    def refusing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == database:
            raise denied
        return opened(self, *args, **kwargs)

    os_open = os.open

    def refusing_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        # open_regular reads the snapshot without blocking (O_NONBLOCK): the store's read
        if Path(path) == database and flags & os.O_NONBLOCK:
            raise denied
        return os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", refusing_read)
    monkeypatch.setattr(Path, "open", refusing_open)
    monkeypatch.setattr(os, "open", refusing_os_open)
    return database


def test_a_snapshot_this_user_may_not_read_is_named_with_the_remedy(
    unreadable_snapshot: Path,
) -> None:
    for read_only in (True, False):
        with pytest.raises(NotDamagedError) as caught:
            AnnotationStore.open(unreadable_snapshot, annotator="alice", read_only=read_only)
        message = str(caught.value)
        assert "permission denied" in message and "give your user read and write access" in message
        assert "run `workbench repair" not in message


def test_repair_moves_nothing_when_a_file_is_only_unreadable(unreadable_snapshot: Path) -> None:
    before = files_of(unreadable_snapshot)
    with pytest.raises(NotDamagedError, match="repair would not help"):
        repair(unreadable_snapshot)
    assert files_of(unreadable_snapshot) == before  # nothing moved aside, nothing rebuilt


def test_a_folder_where_the_history_belongs_is_named_as_a_folder(database: Path) -> None:
    history = history_path(database)
    os.rename(history, history.with_name("moved-history"))
    history.mkdir()
    before = files_of(database)
    for read_only in (True, False):
        with pytest.raises(CorruptDatabaseError, match="it is a folder") as caught:
            AnnotationStore.open(database, annotator="alice", read_only=read_only)
        assert "move the folder out of the way" in str(caught.value)
    with pytest.raises(NotDamagedError):
        repair(database)
    assert files_of(database) == before and history.is_dir()


def test_two_repairs_in_one_second_keep_both_damaged_sets(
    database: Path, make: MakeAnnotation
) -> None:
    """tr7 T20: a second repair in the same second (or after the clock was set back)
    moved its damaged files onto the first's names: they were overwritten, and its report
    named the first repair's copies as kept."""
    from datetime import UTC, datetime

    now = datetime(2026, 11, 30, 21, 0, tzinfo=UTC)
    for round_ in (1, 2):
        database.write_bytes(b'{"meta": {"1": ' + b"x" * round_)  # a damaged snapshot
        report = repair(database, now=now)
        (moved,) = [target for source, target in report.moved if source == database]
        assert moved.read_bytes() == b'{"meta": {"1": ' + b"x" * round_
    kept = {p.name for p in database.parent.glob("*.damaged-*")}
    assert {
        f"{database.name}.damaged-20261130T210000Z",
        f"{database.name}.damaged-20261130T210000Z-2",
    } <= kept
