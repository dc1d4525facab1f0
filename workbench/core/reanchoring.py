"""Re-anchoring a corpus's annotations: which articles need it, and their plans.

The store tells which articles may have moved under their annotations (one look-up per
article: the texts its annotations were made on, and the segmenter it was last seen
with); only those are segmented and planned. Commands that write store each plan
(`AnnotationStore.reanchor`, one write per article); read-only ones apply the plans in
memory (`anchoring.apply_plans`) and write nothing. The store is described by a
Protocol, so core never imports the store package.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from workbench.core.anchoring import DEFAULT_THRESHOLD, ArticlePlan, apply_plans, plan_article
from workbench.core.annotation import Annotation
from workbench.core.corpus import Article
from workbench.core.export.data import ChangeLike
from workbench.core.export.from_store import ExportSource
from workbench.core.sentences import segmenter_stamp


class AnchorSource(Protocol):
    """The reads re-anchoring needs (AnnotationStore provides them)."""

    def articles_to_reanchor(self, current: Mapping[str, str], segmenter: str) -> list[str]: ...

    def in_article(self, article_id: str) -> list[Annotation]: ...


class AnchorSink(AnchorSource, Protocol):
    """... and the write that stores plans."""

    def reanchor_articles(
        self, plans: Sequence[tuple[ArticlePlan, str, int]], segmenter: str
    ) -> Sequence[Any]: ...


BATCH_CHANGES = 500
"""Changed annotations per durable write when many articles are re-anchored at once: one
fsync per batch, not per article, while each journal line stays near a megabyte."""


@dataclass(frozen=True, slots=True)
class ArticleReanchoring:
    """An article that needed checking, and what re-anchoring does to it."""

    article: Article
    plan: ArticlePlan

    @property
    def changed(self) -> bool:
        """True when an annotation's record changes (its text, place or state): the
        article changed under it. False when the check only confirmed every anchor."""
        return bool(self.plan.changes)


def plans(
    source: AnchorSource,
    articles: Iterable[Article],
    threshold: float = DEFAULT_THRESHOLD,
) -> Iterator[ArticleReanchoring]:
    """The plan of every article (in the order given) that may have moved under its
    annotations; the others cost one look-up each and yield nothing."""
    by_id = {article.id: article for article in articles}
    current = {article_id: article.sha256 for article_id, article in by_id.items()}
    for article_id in source.articles_to_reanchor(current, segmenter_stamp()):
        article = by_id[article_id]
        plan = plan_article(article, source.in_article(article_id), threshold)
        yield ArticleReanchoring(article, plan)


def store_plans(sink: AnchorSink, found: Sequence[ArticleReanchoring]) -> None:
    """Write articles' re-anchorings (and the articles as now seen) to the store in one
    durable write, each article its own undo step (group them with batches())."""
    sink.reanchor_articles(
        [(item.plan, item.article.title, len(item.article.sentences)) for item in found],
        segmenter_stamp(),
    )


def batches(found: Iterable[ArticleReanchoring]) -> Iterator[list[ArticleReanchoring]]:
    """`found` in groups of about BATCH_CHANGES changed annotations."""
    batch: list[ArticleReanchoring] = []
    size = 0
    for item in found:
        batch.append(item)
        size += len(item.plan.changes)
        if size >= BATCH_CHANGES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class ReanchoredView:
    """A store as it reads once re-anchored, computed in memory and written nowhere: what
    read-only commands show, count and export. Same reads as the store's."""

    def __init__(self, source: ExportSource, found: Sequence[ArticleReanchoring]) -> None:
        self.source = source
        self.plans = [item.plan for item in found]
        placed, orphans = apply_plans([*source.all(), *source.orphans()], self.plans)
        self._placed = sorted(placed, key=lambda annotation: annotation.key)
        self._orphans = orphans
        self._seen = {
            item.article.id: {
                "article_id": item.article.id,
                "title": item.article.title,
                "sha256": item.article.sha256,
                "sentences": len(item.article.sentences),
            }
            for item in found
        }

    def all(self, annotator: str | None = None) -> list[Annotation]:
        return [a for a in self._placed if annotator is None or a.annotator == annotator]

    def orphans(
        self, annotator: str | None = None, article_id: str | None = None
    ) -> list[Annotation]:
        return [
            orphan
            for orphan in self._orphans
            if (annotator is None or orphan.annotator == annotator)
            and (article_id is None or orphan.article_id == article_id)
        ]

    def records(
        self, annotator: str | None = None, ordered: bool = True
    ) -> list[Mapping[str, Any]]:
        """The stored-record shape of every annotation, placed ones first (the json and
        jsonl exports write these)."""
        return [a.to_record() for a in [*self.all(annotator), *self.orphans(annotator)]]

    def articles(self) -> list[dict[str, Any]]:
        """The remembered articles, those re-anchored here as they are now."""
        remembered = {str(a.get("article_id")): a for a in self.source.articles()}
        return list({**remembered, **self._seen}.values())

    def history(self) -> Sequence[ChangeLike]:
        return self.source.history()


class ReadableStore(AnchorSource, ExportSource, Protocol):
    """What read_only_view reads."""


def read_only_view(
    source: ReadableStore, articles: Iterable[Article], threshold: float = DEFAULT_THRESHOLD
) -> ReanchoredView:
    """The store's annotations re-anchored on `articles` in memory (nothing is written)."""
    return ReanchoredView(source, list(plans(source, articles, threshold)))
