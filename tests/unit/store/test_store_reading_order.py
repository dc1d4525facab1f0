"""The snapshot keeps annotations in the order an export reads them, ids untouched."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from store_helpers import MakeAnnotation

from store import AnnotationStore
from store.reading_order import in_reading_order


def test_documents_are_ordered_by_article_sentence_and_annotator() -> None:
    table: dict[str, dict[str, Any]] = {
        "1": {"article_id": "b", "index": 0, "annotator": "ana"},
        "2": {"article_id": "a", "index": 2, "annotator": "bob"},
        "3": {"article_id": "a", "index": 2, "annotator": "ana"},
        "4": {"article_id": "a", "index": 1, "annotator": "cy"},
    }
    ordered = in_reading_order(table)
    assert list(ordered) == ["4", "3", "2", "1"]
    assert ordered == table


def test_documents_of_unexpected_shape_are_kept() -> None:
    table: dict[str, dict[str, Any]] = {
        "1": {"article_id": "a", "index": "2"},
        "2": {"note": "no key at all"},
        "3": {"article_id": "a", "index": 0, "annotator": 7},
    }
    assert in_reading_order(table) == table


def test_a_compacted_snapshot_holds_annotations_in_reading_order(
    tmp_path: Path, make: MakeAnnotation
) -> None:
    path = tmp_path / "db.json"
    with AnnotationStore.open(path, annotator="ana") as store:
        for article, index in [("b", 0), ("a", 3), ("a", 1)]:
            store.save(make(article_id=article, index=index, annotator="ana"))
    documents = json.loads(path.read_text())["annotations"].values()
    assert [(d["article_id"], d["index"]) for d in documents] == [("a", 1), ("a", 3), ("b", 0)]
    with AnnotationStore.open(path, annotator="ana") as reopened:
        assert [(a.article_id, a.index) for a in reopened.all()] == [("a", 1), ("a", 3), ("b", 0)]
