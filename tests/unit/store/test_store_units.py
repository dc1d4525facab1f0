"""The small parts: checksummed lines, the key index, migrations."""

from __future__ import annotations

import io

import pytest
from store_helpers import MakeAnnotation

from store import line_format
from store.index import AnnotationIndex
from store.migrations import SCHEMA_VERSION, migrate, schema_version
from store.snapshot import Tables


def test_a_line_round_trips_and_never_contains_a_newline() -> None:
    payload = {"text": "line one\nline two", "quote": "“[Mr. Putin]”"}
    line = line_format.encode(payload)
    assert line.count(b"\n") == 1
    assert line_format.decode(line) == payload


def test_a_damaged_line_is_refused() -> None:
    line = bytearray(line_format.encode({"a": 1}))
    line[12] ^= 1
    with pytest.raises(ValueError, match="checksum"):
        line_format.decode(bytes(line))
    with pytest.raises(ValueError, match="incomplete"):
        line_format.decode(line_format.encode({"a": 1})[:-1])


def test_lines_tell_a_torn_last_line_from_a_damaged_complete_one() -> None:
    good = line_format.encode({"n": 1}) + line_format.encode({"n": 2})
    torn = list(line_format.read_lines(io.BytesIO(good + b"0badc0de {")))
    assert [type(line).__name__ for line in torn] == ["Line", "Line", "TornLine"]
    assert torn[-1] == line_format.TornLine(3, len(good), 10)
    flipped = bytearray(good)
    flipped[-3] ^= 1  # the last line is complete: damaged, not torn
    read = list(line_format.read_lines(io.BytesIO(bytes(flipped))))
    assert isinstance(read[-1], line_format.BadLine) and read[-1].reason == "checksum mismatch"
    bad = list(line_format.read_lines(io.BytesIO(b"garbage\n" + good)))
    assert isinstance(bad[0], line_format.BadLine) and (bad[0].number, bad[0].offset) == (1, 0)
    assert [line.payload for line in bad[1:]] == [{"n": 1}, {"n": 2}]  # type: ignore[union-attr]


def test_index_follows_puts_and_deletes(make: MakeAnnotation) -> None:
    record = make(index=2).to_record()
    index = AnnotationIndex.of({"7": record})
    assert index.doc_id(("alice", "a1", 2)) == "7"
    assert index.tagged_counts("alice") == {"a1": 1}
    untagged = {**record, "tags": [], "note": "n"}
    index.replace("7", record, untagged)
    assert index.tagged_counts("alice") == {}
    assert len(index) == 1
    index.replace("7", untagged, None)
    assert index.doc_id(("alice", "a1", 2)) is None
    assert len(index) == 0


def test_schema_version_of_new_old_and_current_data() -> None:
    assert schema_version({}) == SCHEMA_VERSION
    assert schema_version({"annotations": {"1": {}}}) == 0
    assert schema_version({"meta": {"1": {"schema_version": 7}}}) == 7


def test_migrations_run_in_order_up_to_the_target() -> None:
    calls: list[int] = []

    def step(version: int):  # type: ignore[no-untyped-def]
        def run(tables: Tables) -> Tables:
            calls.append(version)
            tables.setdefault("seen", {})[str(version)] = {"v": version}
            return tables

        return run

    tables = migrate({}, 0, target=3, migrations={0: step(0), 1: step(1), 2: step(2)})
    assert calls == [0, 1, 2]
    assert tables["meta"]["1"]["schema_version"] == 3
    with pytest.raises(LookupError):
        migrate({}, 0, target=2, migrations={0: step(0)})
