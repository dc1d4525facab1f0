"""json and jsonl from stored records: the same bytes as from Annotations, filters and all
(one pipeline, two kinds of item)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import pytest
from test_export_formats import SAMPLE, STAMP

from workbench.core.annotation import Annotation, AnnotationKey
from workbench.core.annotation_filter import AnnotationFilter
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.interchange.export.formats import FORMATS, render
from workbench.core.interchange.export.native import escape_line_breaks
from workbench.core.interchange.export.prepare import prepare_export

CATALOGUE = {"story": ArticleInfo("story", "A story", "f" * 64, 3)}
FILTERS = [
    AnnotationFilter(),
    AnnotationFilter.of(article_ids=["story"]),
    AnnotationFilter.of(tags=["claim"], statuses=["supported", "in_progress"]),
    AnnotationFilter.of(annotators=["bob"]),
]


@dataclass(frozen=True)
class Edit:
    """A history entry shaped like store.Change."""

    key: AnnotationKey
    before: Annotation | None
    after: Annotation | None
    at: str = STAMP
    annotator: str = "ana"
    action: str = "save"


HISTORY = [Edit(a.key, None, a) for a in SAMPLE]


@pytest.mark.parametrize("format_name", ["json", "jsonl"])
@pytest.mark.parametrize("wanted", FILTERS, ids=["all", "article", "tag+status", "annotator"])
def test_records_export_exactly_what_annotations_export(
    format_name: str, wanted: AnnotationFilter
) -> None:
    records = [a.to_record() for a in reversed(SAMPLE)]
    history = HISTORY if format_name == "json" else None
    from_records = FORMATS[format_name].render(
        prepare_export(records, wanted, CATALOGUE, history, STAMP, read=itemgetter)
    )
    from_annotations = render(
        format_name, prepare_export(SAMPLE, wanted, CATALOGUE, history, STAMP)
    )
    parsed = [json.loads(line) for line in from_records.splitlines()]
    assert parsed == [json.loads(line) for line in from_annotations.splitlines()]
    annotations: list[Any] = parsed[0]["annotations"] if format_name == "json" else parsed[1:]
    record_keys = list(SAMPLE[0].to_record())
    assert all(list(record) == record_keys for record in annotations)


def test_line_breaks_inside_strings_are_escaped_and_other_bytes_left_alone() -> None:
    plain = "“quoted” – ünïcode".encode()
    assert escape_line_breaks(plain) is plain
    mixed = "a\u2028b\u2029c\x85d\u2019".encode()
    assert escape_line_breaks(mixed) == b"a\\u2028b\\u2029c\\u0085d" + "\u2019".encode()
    assert json.loads(b'"' + escape_line_breaks(mixed) + b'"') == "a\u2028b\u2029c\x85d\u2019"


def test_each_article_keeps_the_sha256_of_its_first_record_in_export_order() -> None:
    placed = {"anchor_state": "current", "created_at": "2026-01-02T00:00:00Z"}
    records = [
        {"article_id": "a", "index": 3, "annotator": "ana", "article_sha256": "later"} | placed,
        {"article_id": "b", "index": 0, "annotator": "ana", "article_sha256": "only"} | placed,
        {"article_id": "a", "index": 1, "annotator": "bob", "article_sha256": "first"} | placed,
    ]
    data = prepare_export(records, read=itemgetter)
    assert [(r["article_id"], r["index"]) for r in data.annotations] == [
        ("a", 1),
        ("a", 3),
        ("b", 0),
    ]
    assert [(article["id"], article["sha256"]) for article in data.articles] == [
        ("a", "first"),
        ("b", "only"),
    ]


def test_an_orphan_sharing_a_sentence_number_has_one_place_whatever_the_store_order() -> None:
    """qa6 Q24: a file store and the server gave an orphan that kept a placed annotation's
    sentence number in their own orders, and copy-db called a faithful copy different."""
    placed = {"article_id": "a", "index": 3, "annotator": "ana", "article_sha256": "s"}
    placed |= {"anchor_state": "current", "created_at": "2026-01-02T00:00:00Z"}
    orphans = [
        placed | {"anchor_state": "orphaned", "created_at": f"2026-01-0{day}T00:00:00Z"}
        for day in (3, 1)
    ]
    orders = [[placed, *orphans], [*orphans, placed], [orphans[1], placed, orphans[0]]]
    exported = [prepare_export(order, read=itemgetter).annotations for order in orders]
    assert exported[0] == exported[1] == exported[2] == [placed, orphans[1], orphans[0]]
