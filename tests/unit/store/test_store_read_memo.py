"""A process that opens a file database read-only again and again (the keeper following an
app's session) takes what its last open parsed and made where the bytes are the same
(store/read_memo.py): what it reads is what a fresh open reads, damage is refused alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from store_helpers import MakeAnnotation, flip_byte, snapshot_tables, write_old_snapshot

from store import AnnotationStore, CorruptDatabaseError
from store.history_log import history_path
from store.read_memo import ReadMemo


def read(path: Path, memo: ReadMemo | None = None) -> dict[str, Any]:
    """Everything a summary reads of the database, by a read-only open."""
    with AnnotationStore.open(path, annotator="alice", read_only=True, memo=memo) as reader:
        return {
            "all": reader.all(),
            "orphans": reader.orphans(),
            "records": reader.records(),
            "articles": reader.articles(),
            "decisions": reader.ledger_decisions(),
            "history": reader.history(),
            "warnings": list(reader.warnings),
        }


@pytest.fixture
def written(db_path: Path, make: MakeAnnotation) -> Path:
    """A database of three annotations in its snapshot (the writer closed)."""
    with AnnotationStore.open(db_path, annotator="alice") as writer:
        for index in range(3):
            writer.save(make(index=index))
        writer.remember_article("a1", "Title", "0" * 64, 3)
    return db_path


def test_the_snapshot_is_parsed_once_and_each_open_reads_what_a_fresh_open_reads(
    written: Path, make: MakeAnnotation
) -> None:
    memo = ReadMemo()
    first = read(written, memo)
    with AnnotationStore.open(written, annotator="alice") as writer:
        writer.leave_short_journal()  # the app's session: the snapshot stays as it is
        writer.save(writer.get("a1", 1).toggled("denial"))  # type: ignore[union-attr]
        writer.delete("a1", 2)
        writer.save(make(index=0, annotator="bob"))
        writer.set_position("a1", 1)
        second = read(written, memo)
        assert second == read(written), "what a fresh open reads"
    assert (memo.parsed, memo.reused) == (1, 1)
    unchanged = first["all"][0]
    assert second["all"][0] is unchanged, "made once, of the same record"
    changed = next(a for a in second["all"] if a.key == ("alice", "a1", 1))
    assert changed.tags == ("claim", "denial")
    assert read(written, memo) == read(written), "after the writer's end too"


def test_a_new_snapshot_is_parsed_again(written: Path) -> None:
    memo = ReadMemo()
    read(written, memo)
    with AnnotationStore.open(written, annotator="alice") as writer:
        writer.save(writer.get("a1", 0).toggled("attribution"))  # type: ignore[union-attr]
    # closed: the journal folded into a new snapshot
    assert read(written, memo) == read(written)
    assert (memo.parsed, memo.reused) == (2, 0)


def test_a_damaged_snapshot_is_refused_as_without_the_memo(written: Path) -> None:
    memo = ReadMemo()
    read(written, memo)
    flip_byte(written, 40)
    with pytest.raises(CorruptDatabaseError) as without:
        read(written)
    with pytest.raises(CorruptDatabaseError) as with_memo:
        read(written, memo)
    assert str(with_memo.value) == str(without.value)


def test_what_an_open_changes_in_place_is_not_remembered(written: Path) -> None:
    """A history gone is said at every open (the meta record says it starts afresh in
    the open's tables, never in the memo's)."""
    memo = ReadMemo()
    read(written, memo)
    history_path(written).unlink()
    for _ in range(2):
        warnings = read(written, memo)["warnings"]
        assert warnings == read(written)["warnings"]
        assert any("is missing" in warning for warning in warnings)


def test_a_snapshot_of_an_older_version_is_read_as_ever(written: Path) -> None:
    """Migrated in memory (records changed in place): never remembered."""
    write_old_snapshot(written, snapshot_tables(written))
    memo = ReadMemo()
    for _ in range(2):
        assert read(written, memo) == read(written)
    assert (memo.parsed, memo.reused) == (0, 0)
