"""Which annotations an export contains (the --article/--tag/--status/--annotator
filters, as one AnnotationFilter), in export order."""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

from workbench.core.annotation import Annotation
from workbench.core.annotation_filter import AnnotationFilter
from workbench.core.reading_order import article_groups, flattened


def select(annotations: Iterable[Annotation], wanted: AnnotationFilter) -> list[Annotation]:
    """The annotations that pass `wanted`, in reading order (stable diffs)."""
    groups = article_groups(
        wanted.select(annotations),
        attrgetter("article_id"),
        attrgetter("index"),
        attrgetter("annotator"),
    )
    return flattened(groups)
