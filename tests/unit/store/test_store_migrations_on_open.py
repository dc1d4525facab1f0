"""Schema versions on open: old data is migrated (with a backup), newer data refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_helpers import MakeAnnotation, database_files
from tinydb import TinyDB

import store.migrations
import store.replay
from store import AnnotationStore, CorruptDatabaseError, SchemaVersionError
from store.migrations import SCHEMA_VERSION
from store.snapshot import Tables


def test_a_version_0_file_is_migrated_on_open(db_path: Path, make: MakeAnnotation) -> None:
    old = make().to_record()
    for missing in ("prefix", "suffix", "note", "source", "status", "created_at"):
        del old[missing]
    database = TinyDB(db_path)
    database.table("annotations").insert(old)
    database.close()
    original = db_path.read_bytes()
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        migrated = opened.get("a1", 0)
        assert migrated is not None
        assert (migrated.note, migrated.status, migrated.prefix) == ("", "unverified", "")
        assert migrated.created_at == old["updated_at"]
    assert json.loads(db_path.read_text())["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert db_path.with_name(db_path.name + ".v0.bak").read_bytes() == original


def test_a_version_1_file_gets_anchor_states_on_open(db_path: Path, make: MakeAnnotation) -> None:
    """Version 1 had no anchor_state: its annotations become current, the old file is kept."""
    placed = make(index=0).to_record()
    other = make(index=1, annotator="bob").to_record()
    for record in (placed, other):
        del record["anchor_state"]
    db_path.write_text(
        json.dumps({"meta": {"1": {"schema_version": 1}}, "annotations": {"1": placed, "2": other}})
    )
    original = db_path.read_bytes()
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        assert [a.anchor_state for a in opened.all()] == ["current", "current"]
        assert opened.orphans() == []
    snapshot = json.loads(db_path.read_text())
    assert snapshot["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert {r["anchor_state"] for r in snapshot["annotations"].values()} == {"current"}
    assert db_path.with_name(db_path.name + ".v1.bak").read_bytes() == original


def test_a_registered_migration_runs_on_open(
    db_path: Path, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fake next version: the registry is consulted for every step up to the current one."""
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make(note="old"))

    def to_next_version(tables: Tables) -> Tables:
        for record in tables["annotations"].values():
            record["note"] = record["note"].upper()
        return tables

    monkeypatch.setattr(store.migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(store.replay, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(store.migrations.MIGRATIONS, SCHEMA_VERSION, to_next_version)
    with AnnotationStore.open(db_path, annotator="alice") as reopened:
        migrated = reopened.get("a1", 0)
        assert migrated is not None
        assert migrated.note == "OLD"
    assert json.loads(db_path.read_text())["meta"]["1"]["schema_version"] == SCHEMA_VERSION + 1


def test_a_newer_database_is_refused_untouched(db_path: Path) -> None:
    db_path.write_text(json.dumps({"meta": {"1": {"schema_version": 99}}, "annotations": {}}))
    before = database_files(db_path)
    with pytest.raises(SchemaVersionError) as caught:
        AnnotationStore.open(db_path, annotator="alice")
    assert (caught.value.found, caught.value.supported) == (99, SCHEMA_VERSION)
    assert str(db_path) in str(caught.value)
    after = database_files(db_path)
    after.pop(db_path.name + ".lock")
    assert after == before


def test_a_version_0_file_with_a_keyless_record_is_left_untouched(db_path: Path) -> None:
    db_path.write_text(json.dumps({"annotations": {"1": {"tags": ["claim"]}}}))
    before = database_files(db_path)
    with pytest.raises(CorruptDatabaseError, match="lacks its key"):
        AnnotationStore.open(db_path, annotator="alice")
    after = database_files(db_path)
    after.pop(db_path.name + ".lock")
    assert after == before
