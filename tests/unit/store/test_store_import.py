"""import_annotations: merge rules, counts, and one atomic write for the whole batch."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from store_helpers import MakeAnnotation

from store import AnnotationStore, ImportReport
from store.import_rules import is_newer, outcome


def test_absent_keys_are_added(store: AnnotationStore, make: MakeAnnotation) -> None:
    report = store.import_annotations([make(index=0), make(index=1, annotator="bob")])
    assert report == ImportReport(added=2, updated=0, skipped=0)
    assert store.get("a1", 1, annotator="bob") is not None
    assert [change.action for change in store.history()] == ["import", "import"]


def test_same_content_is_skipped_whatever_its_times(
    store: AnnotationStore, make: MakeAnnotation
) -> None:
    stored = store.save(make())
    later = replace(stored, updated_at="2999-01-01T00:00:00.000000Z")
    assert store.import_annotations([later]) == ImportReport(skipped=1)
    assert store.get("a1", 0) == stored


def test_differing_content_newer_wins(store: AnnotationStore, make: MakeAnnotation) -> None:
    stored = store.save(make())
    newer = replace(stored, tags=("denial",), updated_at="2999-01-01T00:00:00.000000Z")
    older = replace(stored, tags=("attribution",), updated_at="2000-01-01T00:00:00.000000Z")
    assert store.import_annotations([older]) == ImportReport(skipped=1, older=1)
    assert store.import_annotations([newer]) == ImportReport(updated=1)
    assert store.get("a1", 0) == newer


def test_blank_imports_are_skipped(store: AnnotationStore, make: MakeAnnotation) -> None:
    assert store.import_annotations([make(tags=())]) == ImportReport(skipped=1)
    assert store.count() == 0


def test_repeated_keys_within_a_batch_meet_each_other(
    store: AnnotationStore, make: MakeAnnotation
) -> None:
    first = make(updated_at="2020-01-01T00:00:00.000000Z")
    second = replace(first, tags=("denial",), updated_at="2021-01-01T00:00:00.000000Z")
    report = store.import_annotations([first, second, first])
    assert report == ImportReport(added=1, updated=1, skipped=1, older=1)
    assert store.get("a1", 0) == second
    assert store.tagged_counts() == {"a1": 1}


def test_import_does_not_touch_the_undo_stack(store: AnnotationStore, make: MakeAnnotation) -> None:
    store.import_annotations([make()])
    assert store.undo() is None


def test_a_batch_is_one_journal_line(db_path: Path, make: MakeAnnotation) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as store:
        journal = db_path.with_name(db_path.name + ".journal")
        before = journal.read_bytes().count(b"\n") if journal.exists() else 0
        store.import_annotations([make(index=i % 3, article_id=f"a{i}") for i in range(50)])
        assert journal.read_bytes().count(b"\n") == before + 1


def test_times_compare_as_instants(make: MakeAnnotation) -> None:
    base = make()
    earlier = replace(base, updated_at="2024-05-01T12:00:00+02:00")
    later = replace(base, updated_at="2024-05-01T11:00:00Z")
    assert is_newer(later, earlier)
    assert not is_newer(earlier, later)
    assert outcome(replace(later, note="x"), earlier) == "updated"
    assert outcome(replace(earlier, note="x"), later) == "older"
