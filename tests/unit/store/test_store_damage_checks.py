"""The cheap checks behind QA findings 4 and 14, and the words repair names a loss in.

- FILE.lock's record of the last change saved (lock.py): written after each fsynced
  change, kept for the next writer when opening is refused, ignored when garbled.
- FILE.history's last record checked on opening (one short read), and the whole
  history checked against the CRC-32 the snapshot records before a writer appends.
- loss_words: a history record as an analyst reads it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_helpers import MakeAnnotation

from store import AnnotationStore, CorruptDatabaseError
from store.history_log import HistoryLog, checksum_of, history_path
from store.lock import (
    DatabaseLock,
    lock_path,
    parse_saved,
    recorded_saved,
    saved_damage,
    saved_line,
)
from store.loss_words import describe_change
from store.repair import repair
from store.snapshot import load_snapshot


def last_seq(path: Path) -> int:
    lines = path.with_name(path.name + ".journal").read_bytes().splitlines()
    return int(json.loads(lines[-1][9:])["seq"])


def test_the_lock_file_records_the_last_change_saved(db_path: Path, make: MakeAnnotation) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make(index=0))
        opened.save(make(index=1))
        assert recorded_saved(db_path) == last_seq(db_path)
        opened.set_position("a1", 2)  # not fsynced: not recorded
        assert recorded_saved(db_path) == last_seq(db_path) - 1
    pid, _record = lock_path(db_path).read_bytes().split(b"\n", 1)
    assert pid.isdigit() and parse_saved(lock_path(db_path).read_bytes()) is not None


def test_a_writer_refused_at_open_keeps_the_record_for_the_next(
    db_path: Path, make: MakeAnnotation, tmp_path: Path
) -> None:
    opened = AnnotationStore.open(db_path, annotator="alice")
    opened.save(make(index=0))
    opened.save(make(index=1))
    crashed = tmp_path / "crashed" / db_path.name
    crashed.parent.mkdir()
    for source in db_path.parent.iterdir():
        if source.is_file():
            crashed.with_name(source.name).write_bytes(source.read_bytes())
    opened.close()
    saved = recorded_saved(crashed)
    journal = crashed.with_name(crashed.name + ".journal")
    journal.write_bytes(b"".join(journal.read_bytes().splitlines(keepends=True)[:-1]))
    for _attempt in range(2):
        with pytest.raises(CorruptDatabaseError, match=f"records change {saved} as saved"):
            AnnotationStore.open(crashed, annotator="alice")
        assert recorded_saved(crashed) == saved


def test_a_garbled_or_old_record_is_ignored(tmp_path: Path) -> None:
    assert parse_saved(b"1234\n") is None  # a lock file from before the record
    assert parse_saved(b"1234\n" + saved_line(52)) == 52
    torn = bytearray(b"1234\n" + saved_line(52))
    torn[10] = ord("9")  # one digit changed: its CRC no longer matches
    assert parse_saved(bytes(torn)) is None
    assert recorded_saved(tmp_path / "absent.json") is None
    assert not lock_path(tmp_path / "absent.json").exists()  # reading creates nothing
    lock = DatabaseLock(tmp_path / "db.json")
    lock.record(7)
    lock.record(123456)
    lock.record(8)  # shorter again: fixed width, no stale digits
    assert recorded_saved(tmp_path / "db.json") == 8
    lock.close()


@pytest.mark.parametrize("read_only", [True, False])
def test_a_garbled_record_is_named_as_the_journals_end_goes_unchecked(
    db_path: Path, make: MakeAnnotation, read_only: bool
) -> None:
    """tr14 T6: a lock file whose record of the last change saved was garbled was read
    as having none, without a word: whole lines then cut from the journal's end were
    read as if the journal were whole (2 of 3 annotations, exit 0). The reader still
    opens it (a record is not the annotations), and names the damage."""
    opened = AnnotationStore.open(db_path, annotator="alice")
    for index in range(3):
        opened.save(make(index=index))
    journal = db_path.with_name(db_path.name + ".journal")
    kept = journal.read_bytes()
    opened._storage._lock.close()  # as a kill leaves it: the journal not folded
    journal.write_bytes(b"".join(kept.splitlines(keepends=True)[:-1]))
    garbled = bytearray(lock_path(db_path).read_bytes())
    garbled[-3] ^= 1
    lock_path(db_path).write_bytes(bytes(garbled))
    with AnnotationStore.open(db_path, annotator="alice", read_only=read_only) as again:
        assert again.count() == 2
        (said,) = again.warnings
        assert said.startswith(f"{lock_path(db_path)}: its record of the last change saved is")
        assert "could not be checked" in said
    assert parse_saved(b"1234\n" + saved_line(5)) == 5 and saved_damage(b"1234\n") is None


def test_repair_names_a_garbled_record_too(db_path: Path, make: MakeAnnotation) -> None:
    """tr14 T6: `repair` said "opens without damage" of it, and its lock, taken, dropped
    the garbled record: the damage went unnamed for good."""
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make(index=0))
    garbled = bytearray(lock_path(db_path).read_bytes())
    garbled[-3] ^= 1
    lock_path(db_path).write_bytes(bytes(garbled))
    report = repair(db_path)
    assert report.healthy
    assert report.warnings[0].startswith(f"{lock_path(db_path)}: its record of the last change")


def history_of(db_path: Path, make: MakeAnnotation, changes: int = 4) -> HistoryLog:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        for index in range(changes):
            opened.save(make(index=index, note=f"note {index}"))
    return HistoryLog(history_path(db_path), db_path)


def meta_of(db_path: Path) -> dict[str, object]:
    snapshot = load_snapshot(db_path)
    assert snapshot is not None
    return snapshot.tables["meta"]["1"]


def test_the_snapshot_records_the_historys_checksum(db_path: Path, make: MakeAnnotation) -> None:
    log = history_of(db_path, make)
    meta = meta_of(db_path)
    size = meta["history_bytes"]
    assert isinstance(size, int) and size == history_path(db_path).stat().st_size
    assert log.verify(size, 1, meta["history_checksum"]) == int(
        meta["history_checksum"]["crc32"],  # type: ignore[index]
        16,
    )
    assert log.tail_problem(size, 4) is None


def test_a_flipped_bit_is_found_by_the_checksum_and_named_by_its_line(
    db_path: Path, make: MakeAnnotation
) -> None:
    log = history_of(db_path, make)
    meta = meta_of(db_path)
    data = bytearray(log.path.read_bytes())
    second = data.index(b"\n") + 1
    data[data.index(b'"status"', second) + 1] ^= 0x02
    log.path.write_bytes(bytes(data))
    size = int(meta["history_bytes"])  # type: ignore[call-overload]
    for checksum in (meta["history_checksum"], None):  # with the CRC, and record by record
        with pytest.raises(CorruptDatabaseError, match=r"line 2 \(byte [0-9]+\): checksum"):
            log.verify(size, 1, checksum)
    assert log.tail_problem(size, 4) is None  # the last record is whole: opening cannot see it


def test_a_checksum_left_by_an_older_program_is_not_damage(
    db_path: Path, make: MakeAnnotation
) -> None:
    """An older workbench appends without updating the checksum: the size it covers
    then differs, so the history is checked record by record instead."""
    log = history_of(db_path, make)
    meta = meta_of(db_path)
    size = int(meta["history_bytes"])  # type: ignore[call-overload]
    stale = checksum_of(size - 10, 1234)
    assert log.verify(size, 1, stale) == log.verify(size, 1, meta["history_checksum"])


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda data: data[:-1] + b"x", "is cut short"),
        (lambda data: data[:-20] + b"0" + data[-19:], "cannot be trusted (checksum mismatch)"),
    ],
)
def test_the_last_record_is_checked_on_opening(
    db_path: Path, make: MakeAnnotation, damage: object, problem: str
) -> None:
    log = history_of(db_path, make)
    size = int(meta_of(db_path)["history_bytes"])  # type: ignore[call-overload]
    assert "holds change 4 where change 9 was expected" in str(log.tail_problem(size, 9))
    log.path.write_bytes(damage(log.path.read_bytes()))  # type: ignore[operator]
    assert problem in str(log.tail_problem(size, 4))
    with AnnotationStore.open(db_path, annotator="alice", read_only=True) as opened:
        assert [problem in warning for warning in opened.warnings] == [True]


def test_a_change_is_described_as_the_analyst_sees_it() -> None:
    before = {"tags": ["claim"], "source": None, "note": "", "status": "unverified", "index": 6}
    after = {**before, "source": "HeSomeone", "status": "supported"}
    titles = {"000_e663": "North Korean troops"}
    record = {"action": "save", "key": ["carol", "000_e663", 6], "before": before, "after": after}
    assert describe_change(record, titles) == (
        'carol\'s annotation on sentence 7 of "North Korean troops" (000_e663): source '
        '"HeSomeone" (was none); status supported (was unverified)'
    )
    deleted = {**record, "action": "delete", "before": after, "after": None}
    assert describe_change(deleted, {}).endswith(
        'sentence 7 of 000_e663: deleted (it had claim; source "HeSomeone"; status supported)'
    )
    moved = {**record, "action": "reanchor", "after": {**before, "index": 8}}
    assert describe_change(moved, titles).endswith(": moved to sentence 9")
    made = {**record, "action": "import", "before": None, "after": {**before, "note": "x" * 90}}
    assert describe_change(made, titles).endswith(f'imported: made with claim; note "{"x" * 59}…"')


def test_a_change_whose_text_no_longer_parses_still_names_its_annotation() -> None:
    """QA case A: the flipped bit turned a comma into a dash, so the line's JSON does not
    parse; its change number and the annotation it changed can still be picked out."""
    from store.recovery import _picked_out

    text = (
        '{"seq":18,"ops":[["annotations","17",{"index":6}]],"history":[{"id":17,"at":"x"-'
        '"annotator":"carol","action":"save","key":["carol","000_e663",6],"before":null}]}'
    )
    entry = _picked_out(text)
    assert entry is not None and entry.seq == 18
    (record,) = entry.history
    assert describe_change(record, {}) == (
        "carol's annotation on sentence 7 of 000_e663: a save (what it set cannot be read)"
    )
