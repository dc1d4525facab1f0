"""The small parts: checksummed lines, the key index, migrations."""

from __future__ import annotations

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


def test_scan_tells_a_torn_tail_from_a_bad_middle_line() -> None:
    good = line_format.encode({"n": 1}) + line_format.encode({"n": 2})
    torn = line_format.scan(good + b"0badc0de {")
    assert (torn.payloads, torn.good_end, torn.torn_bytes, torn.bad) == (
        [{"n": 1}, {"n": 2}],
        len(good),
        10,
        None,
    )
    bad = line_format.scan(b"garbage\n" + good)
    assert bad.bad is not None
    assert (bad.bad.number, bad.bad.offset) == (1, 0)


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
