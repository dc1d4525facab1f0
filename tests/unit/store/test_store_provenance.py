"""Every engine keeps an annotation's provenance (the suggestion shown when it was saved)
exactly, and reads a record written before provenance as "not shown"."""

from __future__ import annotations

import json
from pathlib import Path

from store_helpers import MakeAnnotation

from store import AnnotationStore
from store.protocol import DatabaseContent, Store
from workbench.core.annotation import Suggested
from workbench.core.interchange.export.from_store import export_bytes

SHOWN = Suggested(
    version="rules-2",
    tags=("claim", "attribution"),
    source="The minister",
    resolved_source=None,
    scores={"claim": 0.9, "attribution": 0.975, "denial": 0.0},
)


def test_provenance_is_stored_and_read_back_exactly(store: Store, make: MakeAnnotation) -> None:
    accepted = store.save(make(tags=SHOWN.tags, source="The minister", suggestion=SHOWN))
    changed = store.save(make(index=1, tags=("denial",), suggestion=SHOWN))
    plain = store.save(make(index=2))
    assert [a.suggestion_outcome for a in store.all()] == ["accepted", "changed", "not_shown"]
    assert store.all() == [accepted, changed, plain]
    assert store.records() == [a.to_record() for a in (accepted, changed, plain)]
    assert [list(r["suggestion"] or ()) for r in store.records()] == [
        list(SHOWN.to_record()),
        list(SHOWN.to_record()),
        [],
    ]
    edited = store.save(accepted.toggled("denial"))
    assert store.get("a1", 0) == edited and edited.suggestion_outcome == "changed"
    assert store.history()[-1].before == accepted
    store.undo()
    undone = store.get("a1", 0)
    assert undone is not None and undone.suggestion == accepted.suggestion
    assert undone.suggestion_outcome == "accepted"


def test_records_from_before_provenance_read_as_not_shown(
    store: Store, make: MakeAnnotation
) -> None:
    old = make(source="Officials").to_record()
    del old["suggestion"]
    store.restore(DatabaseContent(annotations=[old]))
    (read,) = store.all()
    assert read.suggestion is None and read.suggestion_outcome == "not_shown"
    assert read.source == "Officials"
    (exported,) = json.loads(export_bytes(store, "json"))["annotations"]
    assert exported["suggestion"] is None


def test_a_file_database_keeps_provenance_across_opening(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        saved = opened.save(make(tags=SHOWN.tags, source="The minister", suggestion=SHOWN))
    with AnnotationStore.open(db_path, annotator="alice", read_only=True) as reopened:
        assert reopened.all() == [saved]
        assert reopened.all()[0].suggestion == SHOWN
