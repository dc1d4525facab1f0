"""The json and jsonl exports straight from stored records (Annotation.to_record() dicts).

Those two formats write each annotation as its record, so building an Annotation for
each of 100,000 records, only for orjson to take it apart again, is most of an export's
time. This is prepare_export() for records: the same filters, order and articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from operator import itemgetter
from typing import Any

from workbench.core.annotation import utc_now
from workbench.core.export.data import (
    ArticleCatalogue,
    ChangeLike,
    RecordExportData,
    articles_anchored,
    history_of_keys,
)
from workbench.core.export.selection import ExportFilter

Record = Mapping[str, Any]

record_export_order = itemgetter("article_id", "index", "annotator")
"""export_order() for a record: by article, then sentence, then annotator."""


def record_matches(wanted: ExportFilter, record: Record) -> bool:
    """ExportFilter.matches() for a record."""
    return (
        (not wanted.articles or record["article_id"] in wanted.articles)
        and (not wanted.tags or not wanted.tags.isdisjoint(record["tags"]))
        and (not wanted.statuses or record["status"] in wanted.statuses)
        and (not wanted.annotators or record["annotator"] in wanted.annotators)
    )


def select_records(records: Iterable[Record], wanted: ExportFilter) -> list[Record]:
    """The records that pass `wanted`, in export order."""
    if wanted.is_empty:
        return sorted(records, key=record_export_order)
    return sorted(
        (record for record in records if record_matches(wanted, record)), key=record_export_order
    )


def prepare_record_export(
    records: Iterable[Record],
    wanted: ExportFilter | None = None,
    catalogue: ArticleCatalogue | None = None,
    history: Iterable[ChangeLike] | None = None,
    exported_at: str | None = None,
) -> RecordExportData:
    """prepare_export() for stored records; history only when given."""
    wanted = wanted or ExportFilter()
    chosen = select_records(records, wanted)
    keys = None
    if history is not None and not wanted.is_empty:
        keys = {(r["annotator"], r["article_id"], r["index"]) for r in chosen}
    return RecordExportData(
        annotations=chosen,
        articles=articles_anchored(
            ((r["article_id"], r["article_sha256"]) for r in chosen), catalogue
        ),
        exported_at=exported_at or utc_now(),
        history=None if history is None else history_of_keys(history, keys),
    )
