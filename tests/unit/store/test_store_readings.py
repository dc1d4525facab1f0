"""Derived readings kept beside the annotations: round trip on every engine, and the file
store's promises (never data of record, never refusing the database, damage named once,
read-only writes nothing, a full disk never fails a tag, only the latest fingerprint
kept, never copied or repaired with the database)."""

from __future__ import annotations

import errno
import os
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import psycopg
import pytest
from conftest import location_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_helpers import MakeAnnotation, crash_copy, flip_byte, states

import store.derived_bound
import store.postgres.readings
import store.readings_file
from store import AnnotationStore, StoreWriteError
from store.file_states import replayed_files
from store.opening import open_store
from store.postgres import PostgresStore
from store.protocol import Store
from store.readings_file import readings_path, sealed_path, tail_path
from store.repair import repair
from store.replay import database_files
from tests.fixtures.postgres import fresh_schema
from tests.reliability.faults import FAULTS, Injector

FINGERPRINT = "f" * 64
READING = {"sorted_tokens": ["000", "north", "troops"], "quantities": [[12000, "troops"]]}
TRICKY: dict[str, Any] = {
    "q:plain": READING,
    "q:é 中文 \u0000 \n \"'\\": ["é", "\u2028", "\u0000", -0.0, 1.5e-300, 2**63 - 1, -(2**63)],
    "q:\ud800 lone surrogate": {"\udfff": "\ud83d"},
    "": {"": [], "nested": [{}, [[None, True, False]]]},
    "s:" + "0" * 64 + ":12:he": "Vladimir Putin",
}


def readings_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if ".readings" in p.name)


@pytest.fixture
def writer(db_path: Path) -> Iterator[AnnotationStore]:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        yield opened


# -- Every engine ---------------------------------------------------------------------


def test_readings_added_are_read_back_under_their_fingerprint_only(store: Store) -> None:
    store.add_readings(FINGERPRINT, {"q:1": READING})
    store.add_readings(FINGERPRINT, {"q:2": "Kim Jong Un", "q:1": READING})
    store.add_readings(FINGERPRINT, {})
    assert store.readings(FINGERPRINT) == {"q:1": READING, "q:2": "Kim Jong Un"}
    assert store.readings("another analyser") == {}
    assert store.warnings == []


def test_tricky_keys_and_values_read_back_exactly(store: Store) -> None:
    store.add_readings(FINGERPRINT, TRICKY)
    found = store.readings(FINGERPRINT)
    assert found == TRICKY
    assert repr(found["q:é 中文 \u0000 \n \"'\\"][3]) == "-0.0"


def test_a_value_that_is_not_json_is_refused_before_anything_is_kept(store: Store) -> None:
    with pytest.raises(TypeError):
        store.add_readings(FINGERPRINT, {"q:1": {1, 2}})
    with pytest.raises(TypeError):
        store.add_readings(FINGERPRINT, {"q:1": 2**64})  # orjson would read a float back
    assert store.readings(FINGERPRINT) == {}


def test_readings_are_not_part_of_the_database_content(store: Store, make: MakeAnnotation) -> None:
    store.save(make())
    store.add_readings(FINGERPRINT, {"q:1": READING})
    content = store.content()
    assert len(content.annotations) == 1
    assert "readings" not in repr(content.history) and "q:1" not in repr(content)


@pytest.mark.parametrize("engine", ["disk", "postgres"])
def test_readings_survive_reopening_and_a_read_only_store_reads_them(
    engine: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    location = location_of(engine, request, tmp_path / "db" / "annotations.json")
    with open_store(location, "alice") as first:
        first.add_readings(FINGERPRINT, {"q:1": READING})
    with open_store(location, "bob") as second:
        second.add_readings(FINGERPRINT, {"q:2": [1, 2]})
    with open_store(location, "carol", read_only=True) as reader:
        assert reader.readings(FINGERPRINT) == {"q:1": READING, "q:2": [1, 2]}
        with pytest.raises(StoreWriteError, match="read-only"):
            reader.add_readings(FINGERPRINT, {"q:3": 1})
        assert reader.readings(FINGERPRINT) == {"q:1": READING, "q:2": [1, 2]}
        assert reader.warnings == []


# -- The file store ---------------------------------------------------------------------


def test_a_read_only_reader_writes_nothing_and_creates_no_file(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make())
    before = states(db_path)
    with AnnotationStore.open(db_path, annotator="bob", read_only=True) as reader:
        assert reader.readings(FINGERPRINT) == {}
    assert states(db_path) == before
    assert readings_files(db_path) == []
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.add_readings(FINGERPRINT, {"q:1": READING})
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.add_readings(FINGERPRINT, {"q:2": 2})  # a document and a tail now
        assert readings_files(db_path) == [
            "annotations.json.readings",
            "annotations.json.readings.tail",
        ]
        before = states(db_path)
        with AnnotationStore.open(db_path, annotator="bob", read_only=True) as reader:
            assert reader.readings(FINGERPRINT) == {"q:1": READING, "q:2": 2}
            assert reader.warnings == []
        assert states(db_path) == before


def test_a_writer_adding_readings_never_makes_a_read_only_reader_read_again(
    db_path: Path, writer: AnnotationStore
) -> None:
    writer.add_readings(FINGERPRINT, {"q:1": READING})
    assert set(replayed_files(db_path)) == {"annotations.json", "annotations.json.journal"}
    assert readings_path(db_path) not in database_files(db_path)
    assert tail_path(db_path) not in database_files(db_path)


def test_a_damaged_line_is_skipped_and_named_once(
    db_path: Path, writer: AnnotationStore, make: MakeAnnotation
) -> None:
    saved = writer.save(make())
    writer.add_readings(FINGERPRINT, {"q:1": 1})
    writer.add_readings(FINGERPRINT, {"q:2": 2})
    tail = tail_path(db_path)
    flip_byte(tail, 20)  # inside the first line's JSON
    assert writer.readings(FINGERPRINT) == {"q:2": 2}
    assert writer.readings(FINGERPRINT) == {"q:2": 2}
    named = [w for w in writer.warnings if "damaged" in w]
    assert named == [
        f"{tail}: 1 damaged line of readings skipped (line 1: checksum mismatch); "
        "they are recomputed"
    ]
    with AnnotationStore.open(db_path, annotator="bob", read_only=True) as reader:
        assert reader.all() == [saved]  # the database is never refused for it
        assert reader.readings(FINGERPRINT) == {"q:2": 2}
        assert reader.warnings == named


def test_a_damaged_document_is_named_skipped_and_rewritten_by_the_writer(db_path: Path) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.add_readings(FINGERPRINT, {"q:1": 1, "q:2": 2})
    document = readings_path(db_path)
    flip_byte(document, 40)
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.add_readings(FINGERPRINT, {"q:3": 3})
        assert opened.readings(FINGERPRINT) == {"q:3": 3}
        assert opened.warnings == [
            f"{document}: damaged (its checksum does not match its content); "
            "its readings are skipped and recomputed"
        ]
    with AnnotationStore.open(db_path, annotator="alice", read_only=True) as reader:
        assert reader.readings(FINGERPRINT) == {"q:3": 3}
        assert reader.warnings == []
    assert readings_files(db_path) == ["annotations.json.readings"]


def test_a_torn_last_line_left_by_a_crash_is_named_and_cut_by_the_next_append(
    db_path: Path, writer: AnnotationStore
) -> None:
    writer.add_readings(FINGERPRINT, {"q:1": 1})
    tail = tail_path(db_path)
    whole = tail.read_bytes()
    with tail.open("ab") as handle:
        handle.write(whole[:-7])  # a second line cut short, no newline
    crashed = crash_copy(db_path, db_path.parent / "crashed")
    with AnnotationStore.open(crashed, annotator="alice") as reopened:
        assert reopened.readings(FINGERPRINT) == {"q:1": 1}
        torn = f"{tail_path(crashed)}: an incomplete last line ({len(whole) - 7} bytes)"
        assert [w for w in reopened.warnings if w.startswith(torn)] == [
            f"{torn} left by an interrupted write skipped; its readings are recomputed"
        ]
        reopened.add_readings(FINGERPRINT, {"q:2": 2})
        assert reopened.readings(FINGERPRINT) == {"q:1": 1, "q:2": 2}
        assert len(reopened.warnings) == 1


def test_a_line_being_appended_while_read_is_skipped_without_a_word(
    db_path: Path, writer: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer.add_readings(FINGERPRINT, {"q:1": 1})
    tail = tail_path(db_path)
    line = store.readings_format.lines(FINGERPRINT, {"q:2": 2})[0]
    with tail.open("ab") as handle:
        handle.write(line[:10])
    real_sleep = time.sleep

    def append_finishes(seconds: float) -> None:  # the writer's append ends in the pause
        with tail.open("ab") as handle:
            handle.write(line[10:])
        real_sleep(0)

    monkeypatch.setattr(store.readings_file, "time", SimpleNamespace(sleep=append_finishes))
    with AnnotationStore.open(db_path, annotator="bob", read_only=True) as reader:
        assert reader.readings(FINGERPRINT) == {"q:1": 1}
        assert reader.warnings == []
        assert reader.readings(FINGERPRINT) == {"q:1": 1, "q:2": 2}


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.name)
def test_a_full_disk_never_fails_a_tag_and_is_said_once(
    db_path: Path,
    tmp_path: Path,
    writer: AnnotationStore,
    make: MakeAnnotation,
    monkeypatch: pytest.MonkeyPatch,
    fault: Any,
) -> None:
    first = writer.save(make(index=0))
    writer.add_readings(FINGERPRINT, {"q:1": 1})
    injector = Injector(monkeypatch, db_path.parent)
    injector.inject(fault)
    writer.add_readings(FINGERPRINT, {"q:2": 2})  # never raises
    writer.add_readings(FINGERPRINT, {"q:3": 3})
    injector.lift()
    kept = {"q:1": 1, "q:4": 4}
    if "write" in fault.calls:
        assert [w for w in writer.warnings if w.startswith("readings not kept")] == [
            f"readings not kept ({fault.reason}, {tail_path(db_path)}); the summary recomputes them"
        ]
    else:  # readings are never fsynced: a failing fsync does not reach them
        assert writer.warnings == []
        kept |= {"q:2": 2, "q:3": 3}
    second = writer.save(make(index=1))
    writer.add_readings(FINGERPRINT, {"q:4": 4})
    assert writer.readings(FINGERPRINT) == kept
    with AnnotationStore.open(crash_copy(db_path, tmp_path / "after"), "alice") as reopened:
        assert reopened.all() == [first, second]
        assert reopened.readings(FINGERPRINT) == kept
        assert reopened.warnings == []


def test_adding_readings_after_close_is_a_warning_not_an_error(db_path: Path) -> None:
    opened = AnnotationStore.open(db_path, annotator="alice")
    opened.close()
    opened.add_readings(FINGERPRINT, {"q:1": 1})
    assert opened.warnings == [
        f"readings not kept (the database has been closed, {db_path}); the summary recomputes them"
    ]


def test_compaction_keeps_only_the_latest_fingerprint(db_path: Path) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.add_readings("old analyser", {"q:1": "old", "q:2": "old"})
        opened.add_readings(FINGERPRINT, {"q:1": "new"})
        opened.add_readings("old analyser", {"q:3": "old"})
        opened.add_readings(FINGERPRINT, {"q:2": "new"})
    assert readings_files(db_path) == ["annotations.json.readings"]
    with AnnotationStore.open(db_path, annotator="alice", read_only=True) as reader:
        assert reader.readings(FINGERPRINT) == {"q:1": "new", "q:2": "new"}
        assert reader.readings("old analyser") == {}


def test_a_background_compaction_folds_a_long_tail_while_saves_go_on(
    db_path: Path, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.journal, "MIN_COMPACTION_BYTES", 2048)
    monkeypatch.setattr(store.readings_file, "FOLD_MIN_BYTES", 0)
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        for number in range(60):
            opened.save(make(index=number % 3, note=f"note {number}"))
            opened.add_readings(FINGERPRINT, {f"q:{number}": [number, "x" * 40]})
        opened.wait_for_compaction()
        assert readings_path(db_path).exists()
        assert not sealed_path(db_path).exists()
        assert opened.readings(FINGERPRINT) == {
            f"q:{number}": [number, "x" * 40] for number in range(60)
        }
        assert opened.warnings == []


def test_a_fold_that_fails_is_a_warning_and_is_done_later(
    db_path: Path, writer: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.readings_file, "FOLD_MIN_BYTES", 0)
    writer.add_readings(FINGERPRINT, {"q:1": 1})
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", failing_replace)
        storage_of(writer).compact()
    assert sealed_path(db_path).exists()
    assert any(w.startswith("readings not compacted: the disk is full") for w in writer.warnings)
    assert writer.readings(FINGERPRINT) == {"q:1": 1}  # read from the sealed tail
    writer.add_readings(FINGERPRINT, {"q:2": 2})
    storage_of(writer).compact()
    assert not sealed_path(db_path).exists()
    assert writer.readings(FINGERPRINT) == {"q:1": 1, "q:2": 2}


def storage_of(opened: AnnotationStore) -> Any:
    return opened._storage


REAL_REPLACE = os.replace


def failing_replace(source: str, target: str | Path) -> None:
    """os.replace, failing for the readings document only."""
    if str(target).endswith(".readings"):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    REAL_REPLACE(source, target)


def test_copy_and_repair_leave_the_readings_out(
    db_path: Path, tmp_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make())
        opened.add_readings(FINGERPRINT, {"q:1": 1})
        content = opened.content()
    copied = tmp_path / "copy" / "annotations.json"
    with AnnotationStore.open(copied, annotator="alice") as target:
        target.restore(content)
        assert target.readings(FINGERPRINT) == {}
    assert readings_files(copied) == []
    kept = readings_path(db_path).read_bytes()
    flip_byte(db_path.with_name(db_path.name + ".journal"), 30)
    report = repair(db_path)
    assert all(".readings" not in str(moved) for pair in report.moved for moved in pair)
    assert readings_path(db_path).read_bytes() == kept  # left where it was, untouched
    with AnnotationStore.open(db_path, annotator="alice", read_only=True) as reader:
        assert reader.readings(FINGERPRINT) == {"q:1": 1}


def test_a_fifo_in_place_of_the_readings_does_not_hang_a_reader(
    db_path: Path, writer: AnnotationStore
) -> None:
    os.mkfifo(readings_path(db_path))
    assert writer.readings(FINGERPRINT) == {}
    assert writer.warnings == [
        f"{readings_path(db_path)}: not a regular file; its readings are recomputed"
    ]


@pytest.mark.parametrize(
    "where", [readings_path, tail_path, sealed_path], ids=["document", "tail", "sealed"]
)
def test_a_readings_file_larger_than_the_readings_of_the_database_is_never_read(
    db_path: Path, where: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tr17: as FILE.kept's entries (rv15 R10), a readings file of gigabytes (a sparse file
    planted there, a line without its newline) was read whole by every summary, a reader's
    too, and by the writer's fold. Past what the readings of the database can hold
    (derived_bound: ENTRY_FLOOR, 1 MiB here, or four bytes for each of the database's) it
    is named and not read; a document so is rewritten by the writer's next compaction."""
    monkeypatch.setattr(store.derived_bound, "ENTRY_FLOOR", 1 << 20)
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.add_readings(FINGERPRINT, {"q:1": 1})
    size = 16 << 20
    with where(db_path).open("wb") as handle:
        handle.truncate(size)  # sparse: no byte written, no newline
    assert 4 * sum(file.stat().st_size for file in database_files(db_path)) < size
    tracemalloc.start()
    try:
        with AnnotationStore.open(db_path, annotator="alice", read_only=True) as reader:
            reader.readings(FINGERPRINT)
            said = list(reader.warnings)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < size // 2, "the file was read"
    assert f"{where(db_path)}: too large ({size:,} bytes, where the readings of this database" in (
        " ".join(said)
    )
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.readings(FINGERPRINT)
        opened.add_readings(FINGERPRINT, {"q:2": 2})
    with AnnotationStore.open(db_path, annotator="alice", read_only=True) as reader:
        assert reader.readings(FINGERPRINT)["q:2"] == 2
    if where is readings_path:  # rewritten by the writer's fold
        assert readings_path(db_path).stat().st_size < size


@pytest.mark.parametrize(
    "where", [readings_path, tail_path, sealed_path], ids=["document", "tail", "sealed"]
)
def test_a_fifo_in_place_of_a_readings_file_does_not_hang_the_writer(
    db_path: Path, where: Any
) -> None:
    """tr17: the reader opened them without blocking, the writer did not: a FIFO at
    FILE.readings or its tail had `import` (and the app's quit) wait forever, its work
    done, in the fold's or the append's open. Named, the readings recomputed."""
    os.mkfifo(where(db_path))
    warnings: list[str] = []

    def write_and_close() -> None:
        with AnnotationStore.open(db_path, annotator="alice") as opened:
            opened.add_readings(FINGERPRINT, {"q:1": 1})
            opened.add_readings(FINGERPRINT, {"q:2": 2})
            warnings.extend(opened.warnings)
        warnings.extend(opened.warnings)

    done = threading.Thread(target=write_and_close, daemon=True)
    done.start()
    done.join(timeout=30)
    assert not done.is_alive(), "the writer waited on the FIFO"
    assert any(str(where(db_path)) in warning for warning in warnings), warnings


@pytest.mark.parametrize("where", [readings_path, tail_path], ids=["document", "tail"])
def test_a_symbolic_link_in_place_of_the_readings_is_never_read_written_or_cut(
    db_path: Path, tmp_path: Path, where: Any
) -> None:
    """tr7 T1: a link planted at FILE.readings (or its tail) had the user's file it
    pointed at called damaged, cut as a torn line, and replaced by readings."""
    victim = tmp_path / "notes.txt"
    victim.write_bytes(b"my notes, not a workbench file")  # no newline: "a torn line"
    where(db_path).symlink_to(victim)
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        assert opened.readings(FINGERPRINT) == {}
        opened.add_readings(FINGERPRINT, {"q:1": 1})
        warnings = opened.warnings
    assert any("a symbolic link, not a regular file" in warning for warning in warnings)
    assert victim.read_bytes() == b"my notes, not a workbench file"


def test_adding_from_another_thread_does_not_wait_for_the_store(
    writer: AnnotationStore, make: MakeAnnotation
) -> None:
    records = {f"q:{number}": READING for number in range(5000)}
    adding = threading.Thread(target=writer.add_readings, args=(FINGERPRINT, records))
    adding.start()
    for number in range(20):
        writer.save(make(index=number % 3, note=str(number)))
    adding.join()
    assert writer.readings(FINGERPRINT) == records


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(codec=None)),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(st.characters(codec=None), max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fingerprint=st.text(st.characters(codec=None), max_size=10),
    batches=st.lists(
        st.dictionaries(st.text(st.characters(codec=None), max_size=12), JSON, max_size=5),
        max_size=3,
    ),
)
def test_any_json_round_trips_through_tail_and_document(
    tmp_path_factory: pytest.TempPathFactory, fingerprint: str, batches: list[dict[str, Any]]
) -> None:
    path = tmp_path_factory.mktemp("readings") / "annotations.json"
    expected: dict[str, Any] = {}
    with AnnotationStore.open(path, annotator="alice") as opened:
        for records in batches:
            opened.add_readings(fingerprint, records)
            expected.update(records)
        assert opened.readings(fingerprint) == expected  # from the tail
    with AnnotationStore.open(path, annotator="alice", read_only=True) as reader:
        assert reader.readings(fingerprint) == expected  # from the document
        assert reader.warnings == []


# -- PostgreSQL --------------------------------------------------------------------------


@pytest.fixture
def pg_location(pg_server: Any) -> Iterator[str]:
    with fresh_schema(pg_server) as location:
        yield location


def test_postgres_keeps_only_the_latest_fingerprint(pg_location: str) -> None:
    with PostgresStore.open(pg_location, "alice") as first:
        first.add_readings("old analyser", {"q:1": "old"})
    with PostgresStore.open(pg_location, "bob") as second:
        second.add_readings(FINGERPRINT, {"q:1": "new"})
        second.add_readings(FINGERPRINT, {"q:1": "not replaced", "q:2": "new"})
        assert second.readings("old analyser") == {}
        assert second.readings(FINGERPRINT) == {"q:1": "new", "q:2": "new"}


def test_postgres_failure_to_add_is_said_once_and_never_raised(
    pg_location: str, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object, **kwargs: object) -> None:
        raise psycopg.errors.DiskFull("could not extend file: No space left on device")

    with PostgresStore.open(pg_location, "alice") as opened:
        saved = opened.save(make())
        with monkeypatch.context() as patch:
            patch.setattr(store.postgres.readings, "add", disk_full)
            opened.add_readings(FINGERPRINT, {"q:1": 1})
            opened.add_readings(FINGERPRINT, {"q:2": 2})
        assert opened.warnings == [
            "readings not kept (could not extend file: No space left on device); "
            "the summary recomputes them"
        ]
        opened.add_readings(FINGERPRINT, {"q:3": 3})
        assert opened.readings(FINGERPRINT) == {"q:3": 3}
        assert opened.get("a1", 0) == saved


def test_postgres_readings_never_wait_for_the_store_connection(pg_location: str) -> None:
    """A save on the UI thread must not wait for 50,000 readings: they have their own
    connection and lock (the store's mutex, held here by another thread, is not taken)."""
    with PostgresStore.open(pg_location, "alice") as opened:
        held, release = threading.Event(), threading.Event()

        def hold_the_store() -> None:
            with opened._mutex:
                held.set()
                release.wait(30)

        holder = threading.Thread(target=hold_the_store)
        holder.start()
        held.wait(30)
        try:
            done: list[Any] = []

            def add_and_read() -> None:
                opened.add_readings(FINGERPRINT, {"q:1": 1})
                done.append(opened.readings(FINGERPRINT))

            worker = threading.Thread(target=add_and_read)
            worker.start()
            worker.join(20)
            assert done == [{"q:1": 1}]
        finally:
            release.set()
            holder.join()


def test_a_reader_beside_a_writer_that_adds_and_folds_sees_only_whole_readings(
    db_path: Path, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only reader (no lock) while the writer appends, seals and folds in the
    background: every reading it returns is one that was added, whole, and it names no
    damage (a line being appended, a file replaced under it, are not damage)."""
    monkeypatch.setattr(store.journal, "MIN_COMPACTION_BYTES", 4096)
    monkeypatch.setattr(store.readings_file, "FOLD_MIN_BYTES", 2048)
    value = {"words": ["x" * 200, "troops"], "n": 12000}
    stop = threading.Event()
    seen: list[int] = []
    said: list[str] = []
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.add_readings(FINGERPRINT, {"q:first": value})

        def read_along() -> None:
            with AnnotationStore.open(db_path, annotator="bob", read_only=True) as reader:
                while not stop.is_set():
                    found = reader.readings(FINGERPRINT)
                    wrong = [key for key, kept in found.items() if kept != value]
                    seen.append(len(found) if not wrong else -1)
                said.extend(reader.warnings)

        def reads(count: int) -> None:  # a loaded machine may start the reader late
            deadline = time.monotonic() + 30
            while len(seen) < count and reading.is_alive() and time.monotonic() < deadline:
                time.sleep(0.001)

        reading = threading.Thread(target=read_along)
        reading.start()
        try:
            reads(1)
            for number in range(150):
                opened.add_readings(FINGERPRINT, {f"q:{number}": value})
                if number % 10 == 0:
                    opened.save(make(index=number % 3, note=str(number)))
            reads(len(seen) + 1)  # and once more after the last fold began
        finally:
            stop.set()
            reading.join(30)
        opened.wait_for_compaction()
        assert len(opened.readings(FINGERPRINT)) == 151
        assert opened.warnings == []
    assert said == []
    assert len(seen) > 1 and min(seen) >= 1 and max(seen) <= 151
    assert seen == sorted(seen)  # never fewer than an earlier read: nothing lost in a fold


def test_adding_readings_never_fsyncs(
    writer: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer.add_readings(FINGERPRINT, {"q:0": 0})  # the tail made (its folder fsynced once)
    synced: list[int] = []
    real = os.fsync

    def counted(fd: int) -> None:
        synced.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", counted)
    for number in range(1, 50):
        writer.add_readings(FINGERPRINT, {f"q:{number}": number})
    assert synced == []
    assert len(writer.readings(FINGERPRINT)) == 50


def test_the_readings_table_is_no_schema_change_and_is_made_by_the_first_writer(
    pg_location: str, make: MakeAnnotation
) -> None:
    """A cache must not bump the schema (older colleagues would be refused the team
    database): without the table a store simply has no readings, and a writer's first
    add makes it."""
    from store.postgres import schema

    with PostgresStore.open(pg_location, "alice") as writer:
        saved = writer.save(make())
        writer.add_readings(FINGERPRINT, {"q:1": 1})
    with psycopg.connect(pg_location, autocommit=True) as connection:
        assert connection.execute("SELECT version FROM schema_version").fetchall() == [
            (schema.latest(),)
        ]
        assert schema.latest() == 2
        connection.execute("DROP TABLE readings")
    with PostgresStore.open(pg_location, "bob", read_only=True) as reader:
        assert reader.all() == [saved]
        assert reader.readings(FINGERPRINT) == {}
        assert reader.warnings == []
    with PostgresStore.open(pg_location, "alice") as writer:
        assert writer.readings(FINGERPRINT) == {}
        writer.add_readings(FINGERPRINT, {"q:2": 2})
        assert writer.readings(FINGERPRINT) == {"q:2": 2}
        assert writer.warnings == []


def test_postgres_readings_larger_than_the_database_can_hold_are_measured_never_sent(
    pg_location: str, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tr18: as FILE.readings (tr17), the readings table had no bound: rows of a
    fingerprint written by SQL, or grown without end, were joined into one text, sent
    and parsed whole by every summary, a reader's too. Past what the readings of the
    database can hold (derived_bound: ENTRY_FLOOR, 1 MiB here, or four bytes for each
    byte of the tables a summary reads) they are named and never sent; the writer's
    next add drops them."""
    monkeypatch.setattr(store.derived_bound, "ENTRY_FLOOR", 1 << 20)
    with PostgresStore.open(pg_location, "alice") as writer:
        writer.save(make())
        writer.add_readings(FINGERPRINT, {"q:1": 1})
    with psycopg.connect(pg_location, autocommit=True) as connection:
        connection.execute(
            "INSERT INTO readings SELECT %s, '\"q:x' || n || '\"', '\"' || repeat('x', 4000) "
            "|| '\"' FROM generate_series(1, 4000) AS n",
            [FINGERPRINT],
        )
    size = 16 << 20
    tracemalloc.start()
    try:
        with PostgresStore.open(pg_location, "bob", read_only=True) as reader:
            assert reader.readings(FINGERPRINT) == {}
            said = list(reader.warnings)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < size // 4, "the rows were sent"
    assert len(said) == 1
    assert said[0].startswith("readings of ") and ": too large (16,0" in said[0]
    assert said[0].endswith("; not read, they are recomputed")
    with psycopg.connect(pg_location, autocommit=True) as connection:
        assert connection.execute("SELECT count(*) FROM readings").fetchone() == (4001,)
    with PostgresStore.open(pg_location, "alice") as writer:
        assert writer.readings(FINGERPRINT) == {}
        writer.add_readings(FINGERPRINT, {"q:2": 2})
        assert writer.readings(FINGERPRINT) == {"q:2": 2}
        writer.add_readings(FINGERPRINT, {"q:3": 3})
        assert writer.readings(FINGERPRINT) == {"q:2": 2, "q:3": 3}
