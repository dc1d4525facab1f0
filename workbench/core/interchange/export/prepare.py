"""One export pipeline, for every format: filter, order, the articles, the history.

From what the store holds to one ExportData: the annotations `wanted` keeps, in reading
order (by article, sentence, annotator: stable diffs), one record per article they refer
to, and the history of those annotations when asked for. The items are Annotations, or
the store's records for the formats that write records as they are (json and jsonl:
building 100,000 Annotations only for orjson to take them apart again would be most of
an export's time); `read` says how to read a field of either (attrgetter, itemgetter).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from operator import attrgetter
from typing import Any, TypeVar

from workbench.core.annotation import ORPHANED, AnnotationKey, utc_now
from workbench.core.annotation_filter import AnnotationFilter, Reader
from workbench.core.interchange.export.data import (
    ArticleCatalogue,
    ChangeLike,
    ExportData,
    articles_anchored,
    history_of_keys,
)
from workbench.core.reading_order import article_groups, flattened

Item = TypeVar("Item")


def prepare_export(
    items: Iterable[Item],
    wanted: AnnotationFilter | None = None,
    catalogue: ArticleCatalogue | None = None,
    history: Iterable[ChangeLike] | None = None,
    exported_at: str | None = None,
    *,
    read: Reader = attrgetter,
    decisions: Sequence[Mapping[str, Any]] = (),
) -> ExportData[Item]:
    """The export of the `items` that pass `wanted`; history only when given.

    Each article's record takes the sha256 its first annotation was anchored to unless
    the catalogue knows the article; a filtered export keeps only the history of the
    annotations it contains, so that it never leaks what the filters left out."""
    wanted = wanted or AnnotationFilter()
    placement = read("anchor_state", "created_at", "article_sha256")
    groups = article_groups(
        wanted.select(items, read),
        read("article_id"),
        read("index"),
        read("annotator"),
        tie=lambda item: _placed_first(*placement(item)),
    )
    chosen = flattened(groups)
    anchor_of = read("article_id", "article_sha256")
    keys: set[AnnotationKey] | None = None
    if history is not None and not wanted.is_empty:
        key_of = read("annotator", "article_id", "index")
        keys = {key_of(item) for item in chosen}
    return ExportData(
        annotations=chosen,
        articles=articles_anchored((anchor_of(group[0]) for group in groups), catalogue),
        exported_at=exported_at or utc_now(),
        history=None if history is None else history_of_keys(history, keys),
        decisions=decisions,
    )


def _placed_first(anchor_state: str, created_at: str, sha256: str) -> tuple[bool, str, str]:
    """The order of annotations that share a sentence number: the one placed on it, then
    the orphans that kept it, oldest first (then by the text they were made on, rv7 R6):
    one order whichever store they come from."""
    return (anchor_state == ORPHANED, created_at, sha256)
