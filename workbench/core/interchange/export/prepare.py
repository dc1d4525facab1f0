"""From what the store holds to one ExportData: filter, order, attach articles and history."""

from __future__ import annotations

from collections.abc import Iterable

from workbench.core.annotation import Annotation, utc_now
from workbench.core.annotation_filter import AnnotationFilter
from workbench.core.interchange.export.data import (
    ArticleCatalogue,
    ChangeLike,
    ExportData,
    article_records,
    history_records,
)
from workbench.core.interchange.export.selection import select


def prepare_export(
    annotations: Iterable[Annotation],
    wanted: AnnotationFilter | None = None,
    catalogue: ArticleCatalogue | None = None,
    history: Iterable[ChangeLike] | None = None,
    exported_at: str | None = None,
) -> ExportData:
    """The export of `annotations` that pass `wanted`; history only when given."""
    wanted = wanted or AnnotationFilter()
    chosen = select(annotations, wanted)
    return ExportData(
        annotations=chosen,
        articles=article_records(chosen, catalogue),
        exported_at=exported_at or utc_now(),
        history=None
        if history is None
        else history_records(history, None if wanted.is_empty else chosen),
    )
