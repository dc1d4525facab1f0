"""Which annotations an export contains: the --article/--tag/--status/--annotator filters.

Values of one filter are alternatives (any of them matches); different filters must
all match. An empty filter matches everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.core.annotation import Annotation


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """Filters for one export; each field is a set of accepted values (empty = any)."""

    articles: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    annotators: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        articles: Iterable[str] = (),
        tags: Iterable[str] = (),
        statuses: Iterable[str] = (),
        annotators: Iterable[str] = (),
    ) -> ExportFilter:
        return cls(frozenset(articles), frozenset(tags), frozenset(statuses), frozenset(annotators))

    @property
    def is_empty(self) -> bool:
        return not (self.articles or self.tags or self.statuses or self.annotators)

    def matches(self, annotation: Annotation) -> bool:
        return (
            (not self.articles or annotation.article_id in self.articles)
            and (not self.tags or not self.tags.isdisjoint(annotation.tags))
            and (not self.statuses or annotation.status in self.statuses)
            and (not self.annotators or annotation.annotator in self.annotators)
        )


def export_order(annotation: Annotation) -> tuple[str, int, str]:
    """Exports list annotations by article, then sentence, then annotator: stable diffs."""
    return (annotation.article_id, annotation.index, annotation.annotator)


def select(annotations: Iterable[Annotation], wanted: ExportFilter) -> list[Annotation]:
    """The annotations that pass `wanted`, in export order."""
    chosen = annotations if wanted.is_empty else filter(wanted.matches, annotations)
    return sorted(chosen, key=export_order)
