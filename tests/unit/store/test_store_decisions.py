"""Ledger decisions in the store: one undo path with the annotations, their history kept,
imported with the annotations (every engine: memory, file, PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import location_of
from store_helpers import MakeAnnotation

from store import Change, DecisionChange
from store.opening import open_store
from store.protocol import Store
from workbench.core.analysis.ledger.decisions import Merge, Split, decisions_from_records
from workbench.core.annotation import Annotation

MERGE = Merge(("g-1111111111", "g-2222222222"))
SPLIT = Split(("alice", "a1", 2))
AT = "2026-01-01T00:00:00.000000Z"


def in_force(store: Store) -> tuple[object, ...]:
    return tuple(
        (d.to_record()["action"], d.to_record().get("groups") or d.to_record().get("member"))
        for d in decisions_from_records(store.ledger_decisions())
    )


def test_a_decision_is_undone_and_redone_by_the_one_undo_path(
    store: Store, make: MakeAnnotation
) -> None:
    saved = store.save(make())
    stored = store.save_ledger_decision(MERGE.to_record())
    assert in_force(store) == (("merge", list(MERGE.groups)),)

    undone = store.undo()
    assert isinstance(undone, DecisionChange)
    assert (undone.action, undone.before, undone.after) == ("undo", stored, None)
    assert undone.annotator == "alice"
    assert in_force(store) == ()
    assert store.get("a1", 0) == saved, "the annotation is the next step, not this one"

    redone = store.redo()
    assert isinstance(redone, DecisionChange)
    assert (redone.action, redone.before, redone.after) == ("redo", None, stored)
    assert in_force(store) == (("merge", list(MERGE.groups)),)

    assert isinstance(store.undo(), DecisionChange)
    undone_save = store.undo()
    assert isinstance(undone_save, Change) and store.get("a1", 0) is None
    assert store.undo() is None


def test_the_ledger_table_is_the_decisions_history(store: Store) -> None:
    store.save_ledger_decision(MERGE.to_record())
    store.save_ledger_decision(SPLIT.to_record())
    store.undo()
    store.undo()
    store.redo()
    actions = [(r["action"], r["annotator"]) for r in store.ledger_decisions()]
    assert actions == [
        ("merge", "alice"),
        ("split", "alice"),
        ("undo", "alice"),
        ("undo", "alice"),
        ("redo", "alice"),
    ]
    assert all(isinstance(r["at"], str) for r in store.ledger_decisions())
    assert in_force(store) == (("merge", list(MERGE.groups)),)


def test_a_new_decision_clears_what_could_be_redone(store: Store, make: MakeAnnotation) -> None:
    store.save_ledger_decision(MERGE.to_record())
    store.undo()
    store.save(make())
    assert store.redo() is None
    store.undo()
    store.save_ledger_decision(SPLIT.to_record())
    assert store.redo() is None


def test_decisions_are_imported_once_with_the_annotations(
    store: Store, make: MakeAnnotation
) -> None:
    theirs = [
        {**MERGE.to_record(), "annotator": "bob", "at": "2026-01-01T00:00:00.000000Z"},
        {**SPLIT.to_record(), "annotator": "bob", "at": "2026-01-01T00:00:01.000000Z"},
    ]
    mine = store.save_ledger_decision(MERGE.to_record())
    report = store.import_annotations([make(annotator="bob")], theirs)
    assert (report.added, report.decisions) == (1, 2)
    assert store.ledger_decisions() == [mine, *theirs]
    again = store.import_annotations([make(annotator="bob")], [*theirs, mine])
    assert (again.skipped, again.decisions) == (1, 0)
    assert store.ledger_decisions() == [mine, *theirs]
    assert isinstance(store.undo(), DecisionChange), "an import is no step of this session's"


def test_a_failed_import_adds_no_decision(store: Store, make: MakeAnnotation) -> None:
    def failing() -> Iterator[Annotation]:
        yield make(annotator="bob")
        raise ValueError("a bad record found late")

    with pytest.raises(ValueError):
        store.import_annotations(failing(), [MERGE.to_record() | {"annotator": "bob"}])
    assert store.ledger_decisions() == [] and store.count() == 0


@pytest.mark.parametrize("engine", ["disk", "postgres"])
def test_decisions_and_their_undo_outlive_the_session(
    engine: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    location = location_of(engine, request, tmp_path / "db" / "annotations.json")
    with open_store(location, annotator="alice") as first:
        first.save_ledger_decision(MERGE.to_record())
        first.save_ledger_decision(SPLIT.to_record())
        first.undo()
    with open_store(location, annotator="alice") as second:
        assert [
            d.to_record()["action"] for d in decisions_from_records(second.ledger_decisions())
        ] == ["merge"]


@pytest.mark.pg_server
def test_a_server_import_reads_its_ledger_once_not_once_a_decision(
    request: pytest.FixtureRequest, tmp_path: Path, make: MakeAnnotation, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """tr16 T4: each imported decision was a query of its own, each a pass over the
    ledger table: 10,000 took four minutes inside the import's transaction. The table is
    read once and the new decisions inserted together; the same ones are added."""
    import psycopg

    location = location_of("postgres", request, tmp_path / "unused.json")
    theirs = [
        {**Merge((f"g-{n:010d}", "g-x")).to_record(), "annotator": "bob", "at": AT}
        for n in range(200)
    ]
    statements: list[str] = []
    execute = psycopg.Connection.execute

    def counted(self, query, *args, **kwargs):  # type: ignore[no-untyped-def]
        statements.append(str(query))
        return execute(self, query, *args, **kwargs)

    with open_store(location, annotator="alice") as store:
        mine = store.save_ledger_decision(theirs[0])
        monkeypatch.setattr(psycopg.Connection, "execute", counted)
        report = store.import_annotations([make(annotator="bob")], [*theirs, theirs[5]])
        monkeypatch.undo()
        assert report.decisions == 199  # the first is held already, the last twice
        assert store.ledger_decisions() == [mine, *theirs[1:]]
    assert sum("ledger_decisions" in statement for statement in statements) <= 2
