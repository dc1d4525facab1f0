"""A large import in bounded journal lines, still all or nothing (staging.py)."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from store_helpers import MakeAnnotation, crash_copy, database_files

import store.annotation_store
from store import AnnotationStore, ImportReport, StoreWriteError, line_format
from store.repair import repair
from workbench.core.annotation import Annotation

LINE_BYTES = 8 * 1024


@pytest.fixture(autouse=True)
def small_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store.annotation_store, "IMPORT_LINE_BYTES", LINE_BYTES)


def journal_lines(path: Path) -> list[dict[str, Any]]:
    journal = path.with_name(path.name + ".journal")
    return [line_format.decode(line) for line in journal.read_bytes().splitlines(keepends=True)]


def many(make: MakeAnnotation, count: int, note: str = "imported") -> Iterator[Annotation]:
    return (make(article_id=f"a{n}", index=n % 3, note=note) for n in range(count))


def test_a_large_import_goes_in_bounded_staged_lines_committed_by_the_last(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        report = opened.import_annotations(many(make, 200))
        assert report == ImportReport(added=200)
        lines = [line for line in journal_lines(db_path) if "ops" in line]
        raw = db_path.with_name(db_path.name + ".journal").read_bytes().splitlines()
        assert len(lines) > 5
        assert all(line.get("staged") for line in lines[:-1]) and "staged" not in lines[-1]
        assert max(map(len, raw)) < 2 * LINE_BYTES
        assert sum(len(line["ops"]) for line in lines) == 200
        crashed = crash_copy(db_path, db_path.parent / "crashed")
    with AnnotationStore.open(crashed, annotator="alice") as reopened:
        assert reopened.count() == 200 and reopened.warnings == []
        assert len(reopened.history()) == 200


def test_a_bad_record_late_in_the_stream_imports_nothing(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        kept = opened.save(make(article_id="a5", note="mine"))
        before = database_files(db_path)

        def stream() -> Iterator[Annotation]:
            yield from many(make, 150)
            raise ValueError("record 151 is broken")

        with pytest.raises(ValueError, match="record 151"):
            opened.import_annotations(stream())
        assert opened.all() == [kept] and len(opened.history()) == 1
        assert database_files(db_path) == before
        assert opened.save(make(article_id="a6")).article_id == "a6"  # and it goes on
    with AnnotationStore.open(db_path, annotator="alice") as reopened:
        assert [a.article_id for a in reopened.all()] == ["a5", "a6"]


def test_a_disk_that_fills_up_half_way_imports_nothing(
    db_path: Path, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make(note="mine"))
        before = database_files(db_path)
        real_write = os.write
        writes = [0]

        def fills_up(descriptor: int, data: Any) -> int:
            writes[0] += 1
            if writes[0] == 4:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_write(descriptor, data)

        monkeypatch.setattr(os, "write", fills_up)
        with pytest.raises(StoreWriteError, match="disk is full"):
            opened.import_annotations(many(make, 200))
        monkeypatch.setattr(os, "write", real_write)
        assert opened.count() == 1
        assert database_files(db_path) == before


def test_an_import_cut_short_by_a_crash_is_dropped_and_named(
    db_path: Path, make: MakeAnnotation, tmp_path: Path
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        kept = opened.save(make(note="mine"))
        copies: list[Path] = []

        def crashing() -> Iterator[Annotation]:
            for number, annotation in enumerate(many(make, 200)):
                if number == 150:  # some lines staged, the commit never written
                    copies.append(crash_copy(db_path, tmp_path / "crashed"))
                yield annotation

        opened.import_annotations(crashing())
    (crashed,) = copies
    staged = [line for line in journal_lines(crashed) if line.get("staged")]
    assert staged, "the copy holds staged lines"
    with AnnotationStore.open(crashed, annotator="alice", read_only=True) as reader:
        assert reader.all() == [kept]
        (warning,) = reader.warnings
        assert warning.startswith(f"{crashed}.journal: dropped an import cut short")
        assert f"({len(staged)} lines," in warning
    with AnnotationStore.open(crashed, annotator="alice") as writer:
        assert writer.all() == [kept]
        writer.save(make(index=1, note="after"))
    with AnnotationStore.open(crashed, annotator="alice") as again:
        assert [a.note for a in again.all()] == ["mine", "after"] and again.warnings == []


def test_repair_names_an_import_cut_short(
    db_path: Path, make: MakeAnnotation, tmp_path: Path
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make(note="mine"))
        copies: list[Path] = []

        def crashing() -> Iterator[Annotation]:
            for number, annotation in enumerate(many(make, 200)):
                if number == 150:
                    copies.append(crash_copy(db_path, tmp_path / "crashed"))
                yield annotation

        opened.import_annotations(crashing())
    (crashed,) = copies
    crashed.write_bytes(crashed.read_bytes().replace(b'"meta"', b'"mEta"'))  # damaged
    report = repair(crashed)
    lost = " ".join(report.recovery.lost)
    assert "an import cut short before it was committed (" in lost
    with AnnotationStore.open(crashed, annotator="alice") as repaired:
        assert [a.note for a in repaired.all()] == ["mine"]
