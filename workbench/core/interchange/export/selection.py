"""Which annotations an export contains (the --article/--tag/--status/--annotator
filters, as one AnnotationFilter), in export order."""

from __future__ import annotations

from collections.abc import Iterable

from workbench.core.annotation import Annotation
from workbench.core.annotation_filter import AnnotationFilter


def export_order(annotation: Annotation) -> tuple[str, int, str]:
    """Exports list annotations by article, then sentence, then annotator: stable diffs."""
    return (annotation.article_id, annotation.index, annotation.annotator)


def select(annotations: Iterable[Annotation], wanted: AnnotationFilter) -> list[Annotation]:
    """The annotations that pass `wanted`, in export order."""
    return sorted(wanted.select(annotations), key=export_order)
