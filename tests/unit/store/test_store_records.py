"""records() and the trusted constructor: cheap reads that give exactly what to_record() gives."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from store_helpers import MakeAnnotation, snapshot_tables, write_old_snapshot

from store import AnnotationStore, CorruptDatabaseError
from store.trusted import annotation_of, is_canonical
from workbench.core.annotation import Annotation


def test_records_are_the_to_record_of_all_in_key_order(
    store: AnnotationStore, make: MakeAnnotation
) -> None:
    for article, index, who in [("b", 2, "alice"), ("a", 1, "bob"), ("a", 0, "alice")]:
        store.save(make(article_id=article, index=index, annotator=who, source="[Mr. X]"))
    assert store.records() == [a.to_record() for a in store.all()]
    assert [r["article_id"] for r in store.records("alice")] == ["a", "b"]
    assert [a.key for a in store.all()] == sorted(a.key for a in store.all())
    assert [list(r) for r in store.records()] == [list(a.to_record()) for a in store.all()]


def test_a_stored_record_builds_the_same_annotation_as_from_record(make: MakeAnnotation) -> None:
    made = make(tags=("denial", "claim"), source=None, note="“n”", status="disputed")
    record = json.loads(json.dumps(made.to_record()))
    assert is_canonical(record)
    built = annotation_of(record)
    assert built == Annotation.from_record(record) == made
    assert hash(built) == hash(made) and built.tags == ("claim", "denial")


def test_stored_records_share_one_tags_tuple_per_combination(make: MakeAnnotation) -> None:
    """100,000 annotations read hold a few distinct tag tuples, not 100,000."""
    records = [json.loads(json.dumps(make(index=n, tags=("claim",)).to_record())) for n in (1, 2)]
    first, second = map(annotation_of, records)
    assert first.tags == ("claim",) and first.tags is second.tags


@pytest.mark.parametrize(
    "change",
    [{"tags": ["denial", "claim"]}, {"index": "0"}, {"extra": 1}, {"status": "bogus"}],
    ids=["tag order", "index as text", "extra key", "unknown status"],
)
def test_other_records_take_the_validating_path(
    make: MakeAnnotation, change: dict[str, object]
) -> None:
    record = {**make().to_record(), **change}
    assert not is_canonical(record)
    if change == {"status": "bogus"}:
        with pytest.raises(ValueError):
            annotation_of(record)
    elif "extra" not in change:
        assert annotation_of(record) == Annotation.from_record(record)


def test_a_hand_edited_record_is_exported_in_to_record_shape(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        saved = opened.save(make())
    tables = snapshot_tables(db_path)
    (record,) = tables["annotations"].values()
    record["tags"] = ["claim", "claim"]
    record["index"] = 0.0
    write_old_snapshot(db_path, tables)  # a file from before checksums: not vouched for
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        assert opened.records() == [saved.to_record()]
        assert type(opened.records()[0]["index"]) is int


def test_a_broken_record_is_refused_when_the_database_opens(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make())
    tables = snapshot_tables(db_path)
    (record,) = tables["annotations"].values()
    record["tags"] = ["gossip"]
    write_old_snapshot(db_path, tables)
    for read_only in (False, True):
        with pytest.raises(CorruptDatabaseError, match="unknown tag"):
            AnnotationStore.open(db_path, annotator="alice", read_only=read_only)


def test_unordered_records_are_the_same_records_as_ordered_ones(
    store: AnnotationStore, make: MakeAnnotation
) -> None:
    for article, index, who in [("b", 2, "alice"), ("a", 1, "bob"), ("a", 0, "alice")]:
        store.save(make(article_id=article, index=index, annotator=who))

    def keys(records: list[Mapping[str, Any]]) -> list[tuple[str, str, int]]:
        return sorted((r["annotator"], r["article_id"], r["index"]) for r in records)

    assert keys(store.records(ordered=False)) == keys(store.records())
    assert len(store.records(ordered=False)) == 3
    assert keys(store.records("alice", ordered=False)) == keys(store.records("alice"))
    assert keys(store.records("bob", ordered=False)) == [("bob", "a", 1)]
