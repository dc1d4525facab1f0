"""Checksums and sequence numbers: what opening trusts, refuses, and takes over from old files."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest
from store_helpers import (
    MakeAnnotation,
    database_files,
    journal_changes,
    snapshot_tables,
    write_old_snapshot,
)

from store import AnnotationStore, CorruptDatabaseError, line_format
from store.migrations import SCHEMA_VERSION
from store.segments import create_journal, journal_path


def history_of(path: Path) -> Path:
    return path.with_name(path.name + ".history")


def refused(path: Path, *fragments: str) -> str:
    """Opening (writer and reader) is refused naming every fragment; no file changes."""
    before = database_files(path)
    message = ""
    for read_only in (True, False):
        with pytest.raises(CorruptDatabaseError) as caught:
            AnnotationStore.open(path, annotator="alice", read_only=read_only)
        message = str(caught.value)
        for fragment in (*fragments, f"run `workbench repair --db {path}`"):
            assert fragment in message, (fragment, message)
    after = database_files(path)
    after.pop(path.name + ".lock", None)
    before.pop(path.name + ".lock", None)
    assert after == before
    return message


def test_the_snapshot_ends_with_its_checksum_and_stays_a_tinydb_file(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        saved = opened.save(make())
    data = db_path.read_bytes()
    body = data[: data.rindex(b'"integrity"')]
    assert data.endswith(b'"integrity":{"1":{"crc32":"%08x"}}}' % zlib.crc32(body))
    tables = snapshot_tables(db_path)
    assert tables["meta"]["1"]["journal_seq"] >= 1
    assert list(tables["annotations"].values()) == [saved.to_record()]


@pytest.mark.parametrize("where", ["start", "middle", "checksum"])
def test_a_flipped_bit_anywhere_in_the_snapshot_is_refused(
    db_path: Path, make: MakeAnnotation, where: str
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make(note="base note 1234"))
    data = bytearray(db_path.read_bytes())
    position = {"start": 2, "middle": data.index(b"1234"), "checksum": len(data) - 6}[where]
    data[position] ^= 0x01
    db_path.write_bytes(bytes(data))
    refused(db_path, str(db_path), "checksum")


def test_an_old_database_opens_migrates_and_is_checksummed_from_then_on(
    db_path: Path, make: MakeAnnotation
) -> None:
    """A database as workbench wrote it before checksums: the snapshot without one, and
    journal lines without sequence numbers, the last one torn by a crash."""
    first, second = make(index=0), make(index=1, note="in the journal")
    write_old_snapshot(db_path, {"annotations": {"1": first.to_record()}})
    old_line = line_format.encode(
        {"ops": [["annotations", "2", second.to_record()]], "history": []}
    )
    journal_path(db_path).write_bytes(old_line + b'0badc0de {"ops":[')
    with AnnotationStore.open(db_path, annotator="alice", read_only=True) as reader:
        assert reader.all() == [first, second]
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        assert opened.all() == [first, second]
        assert any("dropped an incomplete last change (17 bytes)" in w for w in opened.warnings)
    assert snapshot_tables(db_path)["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert db_path.read_bytes().endswith(b"}}}")
    assert db_path.with_name(db_path.name + ".v1.bak").exists()
    assert journal_changes(db_path) == []
    with AnnotationStore.open(db_path, annotator="alice") as again:
        assert again.all() == [first, second] and again.warnings == []


def test_a_checksummed_version_without_its_checksum_is_refused(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make())
    tables = snapshot_tables(db_path)
    db_path.write_text(json.dumps(tables))  # edited by hand and saved without the checksum
    refused(db_path, f"its checksum is missing, though schema version {SCHEMA_VERSION}")


def test_a_new_database_killed_before_its_first_snapshot_opens_empty(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    create_journal(path, 1)  # the journal is made first, then the snapshot
    with AnnotationStore.open(path, annotator="alice") as opened:
        assert opened.count() == 0 and opened.warnings == []


def test_a_journal_line_that_is_not_a_change_is_refused(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make())
    seq = snapshot_tables(db_path)["meta"]["1"]["journal_seq"]
    with journal_path(db_path).open("ab") as journal:
        journal.write(line_format.encode({"seq": seq + 1, "hello": "world"}))
    refused(db_path, str(journal_path(db_path)), "line 2 (byte", "is not a journal change")


def test_a_history_shorter_than_written_is_refused_at_open(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make())
        opened.save(make(index=1))
    history = history_of(db_path)
    history.write_bytes(history.read_bytes()[:-10])
    refused(db_path, str(history), "bytes of history were written")


def test_a_damaged_history_record_is_refused_when_the_history_is_read(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        for index in range(3):
            opened.save(make(index=index))
    lines = history_of(db_path).read_bytes().splitlines(keepends=True)
    history_of(db_path).write_bytes(lines[0] + lines[2] + lines[1])  # every line still whole
    with AnnotationStore.open(db_path, annotator="alice", read_only=True) as reader:
        assert reader.count() == 3  # opening never reads the history
        with pytest.raises(CorruptDatabaseError, match="line 2 holds change 3 where change 2"):
            reader.history()


def test_a_lost_snapshot_beside_history_alone_is_refused(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make())
    db_path.unlink()
    journal_path(db_path).unlink()
    refused(db_path, "the snapshot is missing or empty, but", "bytes of history")


def test_a_missing_journal_after_a_snapshot_is_refused(db_path: Path, make: MakeAnnotation) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make())
    journal_path(db_path).unlink()
    refused(db_path, str(journal_path(db_path)), "does not exist; nothing was changed")


FORGED = [
    ("annotations", "index", -1, "index is -1, below 0"),
    ("annotations", "note", 123, "note is 123, not a string"),
    ("annotations", "tags", ["claim", "claim"], "tags are ['claim', 'claim']"),
    ("annotations", "extra", 1, "unknown field(s) 'extra'"),
    # tr10 T4: what the import refuses in the same record, read as if whole before
    ("annotations", "created_at", "garbage", "created_at is 'garbage', not a UTC ISO 8601"),
    ("annotations", "updated_at", "2026-11-31T00:00:00Z", "updated_at is '2026-11-31T00:00:00Z'"),
    ("annotations", "annotator", "", "annotator is empty"),
    ("annotations", "article_sha256", "XYZ", "article_sha256 is 'XYZ', not a SHA-256 hash"),
    ("annotations", "quote", "totally different", "quote has 17 characters but start..end spans"),
    ("annotations", "start", 500, "end is before start"),
    ("annotations", "prefix", "p" * 33, "prefix has 33 characters (32 at most)"),
    ("articles", "sentences", "x", "sentences is 'x', not a whole number"),
    ("articles", "title", 5, "title is 5, not a string"),
    # tr7 T3's ledger part: read as an object, exported into a file its import refused
    ("ledger", "action", "explode", "ledger decision 1, which is not one the store writes: unkn"),
    ("ledger", "groups", [1, 2], "ledger decision 1, which is not one the store writes: not a"),
    ("meta", "history_bytes", "x", "its meta field history_bytes is 'x', not a whole number"),
    ("meta", "history_next_id", -3, "its meta field history_next_id is -3"),
]


@pytest.mark.parametrize(("table", "field", "value", "named"), FORGED, ids=lambda v: str(v))
def test_a_checksummed_snapshot_holding_what_the_store_never_writes_is_refused(
    db_path: Path, make: MakeAnnotation, table: str, field: str, value: object, named: str
) -> None:
    """tr7 T3/T4: a snapshot edited with its checksum recomputed opened as if whole (an
    index of -1 shown as sentence 0, tags read as ["claim"], a field dropped), or ended
    every command in a traceback (a meta count that is a word); it is refused, naming
    the record and the field, as a journal line holding it is."""
    from store.snapshot import checksummed

    with AnnotationStore.open(db_path, annotator="alice") as store:
        store.save(make(index=0))
        store.remember_article("a1", "Title", "0" * 64, 3, "s1")
        store.save_ledger_decision({"action": "merge", "groups": ["g-1", "g-2"]})
    tables = snapshot_tables(db_path)
    record = next(iter(tables[table].values()))
    record[field] = value
    db_path.write_bytes(b"".join(checksummed(tables)))
    refused(db_path, named)


def test_a_checksum_deleted_and_the_version_lowered_is_refused(
    db_path: Path, make: MakeAnnotation
) -> None:
    """tr7 T3: with its checksum deleted and schema_version lowered, an edited snapshot
    passed for an old file, its records never vouched for; its meta (journal_seq,
    history_checksum) says a checksumming writer made it."""
    with AnnotationStore.open(db_path, annotator="alice") as store:
        store.save(make(index=0, note="original"))
    tables = snapshot_tables(db_path)
    tables["meta"]["1"]["schema_version"] = 2
    next(iter(tables["annotations"].values()))["note"] = "EDITED"
    db_path.write_text(json.dumps(tables))  # no integrity table: no checksum
    refused(db_path, "its checksum is missing, though its meta holds")


def test_a_sealed_segment_older_than_the_snapshot_put_back_is_named_not_the_journal(
    db_path: Path, make: MakeAnnotation
) -> None:
    """tr9 T11: a segment a compaction had folded into the snapshot and deleted, put
    back (an older copy), was blamed on the live journal ("FILE.journal cannot be read
    (line 1 comes after 2 missing changes)"), which was whole. The open names the
    segment and what it is; repair moves it aside and loses nothing."""
    from store.segments import sealed_segments

    store = AnnotationStore.open(db_path, annotator="alice")
    for index in range(3):
        store.save(make(index=index))
    store._storage.begin_compaction()
    (segment,) = sealed_segments(db_path)
    stale = segment.read_bytes()
    store.save(make(index=0, note="after the seal"))
    store.close()
    assert not segment.exists()
    segment.write_bytes(stale)
    message = refused(
        db_path,
        f"{segment} cannot be read (it is a sealed segment older than the snapshot: its "
        "changes end at",
        f"{journal_path(db_path).name} goes on from",
    )
    assert f"{journal_path(db_path)} cannot be read" not in message
    from store.repair import repair

    report = repair(db_path)
    assert segment.name in {moved.name for moved, _aside in report.moved}
    assert report.recovery.lost == []
    with AnnotationStore.open(db_path, annotator="alice", read_only=True) as reopened:
        assert reopened.get("a1", 0).note == "after the seal"  # type: ignore[union-attr]
