"""The json and jsonl exports straight from stored records (Annotation.to_record() dicts).

Those two formats write each annotation as its record, so building an Annotation for
each of 100,000 records, only for orjson to take it apart again, is most of an export's
time. This is prepare_export() for records: the same filters, order and articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from workbench.core import reading_order
from workbench.core.annotation import utc_now
from workbench.core.annotation_filter import AnnotationFilter
from workbench.core.interchange.export.data import (
    ArticleCatalogue,
    ChangeLike,
    RecordExportData,
    articles_anchored,
    history_of_keys,
)

Record = Mapping[str, Any]

_by_article = itemgetter("article_id")
_by_index = itemgetter("index")
_by_annotator = itemgetter("annotator")


def article_groups(records: Iterable[Record]) -> list[list[Record]]:
    """`records` by article (sorted by id), each article's in export order."""
    return reading_order.article_groups(records, _by_article, _by_index, _by_annotator)


def selected_groups(records: Iterable[Record], wanted: AnnotationFilter) -> list[list[Record]]:
    """The records that pass `wanted`, by article, in export order."""
    if wanted.is_empty:
        return article_groups(records)
    return article_groups(wanted.select(records, itemgetter))


def first_anchors(groups: Iterable[Sequence[Record]]) -> dict[str, str]:
    """article_id -> the article_sha256 of its first record in export order: one
    lookup per article instead of one per record."""
    return {group[0]["article_id"]: group[0]["article_sha256"] for group in groups}


def prepare_record_export(
    records: Iterable[Record],
    wanted: AnnotationFilter | None = None,
    catalogue: ArticleCatalogue | None = None,
    history: Iterable[ChangeLike] | None = None,
    exported_at: str | None = None,
) -> RecordExportData:
    """prepare_export() for stored records; history only when given."""
    wanted = wanted or AnnotationFilter()
    groups = selected_groups(records, wanted)
    chosen = reading_order.flattened(groups)
    keys = None
    if history is not None and not wanted.is_empty:
        keys = {(r["annotator"], r["article_id"], r["index"]) for r in chosen}
    return RecordExportData(
        annotations=chosen,
        articles=articles_anchored(first_anchors(groups).items(), catalogue),
        exported_at=exported_at or utc_now(),
        history=None if history is None else history_of_keys(history, keys),
    )
