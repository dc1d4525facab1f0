"""Re-anchoring a corpus's annotations: which articles need it, and their plans.

The store tells which articles may have moved under their annotations (one look-up per
article: the texts its annotations were made on, and the segmenter it was last seen
with; an article with orphans whenever its text is not the one last seen); only those
are segmented and planned. Commands that write store each plan
(`AnnotationStore.reanchor`, one write per article); read-only ones apply the plans in
memory (`anchoring.apply_plans`) and write nothing. The store is described by a
Protocol, so core never imports the store package.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from workbench.core.anchoring.as_tagged import MOVED_STATES, ChangeOf, TaggedVersions
from workbench.core.anchoring.placement import DEFAULT_THRESHOLD, ArticlePlan, plan_article
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Article
from workbench.core.corpus.sentences import segmenter_stamp


class AnchorSource(Protocol):
    """The reads re-anchoring needs (AnnotationStore provides them)."""

    def articles_to_reanchor(self, current: Mapping[str, str], segmenter: str) -> list[str]: ...

    def in_article(self, article_id: str) -> list[Annotation]: ...

    def orphans(
        self, annotator: str | None = None, article_id: str | None = None
    ) -> list[Annotation]: ...


class AnchorSink(AnchorSource, Protocol):
    """... and the write that stores plans."""

    def reanchor_articles(
        self, plans: Sequence[tuple[ArticlePlan, str, int]], segmenter: str
    ) -> Sequence[Any]: ...


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
    history: Callable[[], Iterable[ChangeOf]] | None = None,
    annotator: str | None = None,
    to_check: Iterable[str] = (),
    writing: Mapping[str, Collection[str]] | None = None,
) -> Iterator[ArticleReanchoring]:
    """The plan of every article (in the order given) that may have moved under its
    annotations; the others cost one look-up each and yield nothing. With `history`
    (read once, and only for an article with an annotation to check or re-anchored),
    one to check, or re-anchored, whose tagged text is back goes back to its sentence
    (plan_article's `tagged`).
    With `annotator` (a command that stores the plans), each plan places that
    analyst's annotations only (ArticlePlan.of_annotator: tr7 T15): a writer holding
    another version of an article never rewrites a colleague's annotations of it.
    `to_check`: articles planned even when the store finds nothing stale (those holding
    annotations to check: one stuck on exactly the sentence it was tagged on goes back
    to current, an7's residue of tr7 T13). `writing`: article id -> the further analysts
    whose annotations of it the plan places besides `annotator`'s (an import writes the
    records of the analysts its file holds: their stored ones go onto the current text
    first, or a record of the new text would meet one of the old at its index, rv8 R1)."""
    by_id = {article.id: article for article in articles}
    current = {article_id: article.sha256 for article_id, article in by_id.items()}
    versions: TaggedVersions | None = None
    stale = source.articles_to_reanchor(current, segmenter_stamp())
    also = sorted(set(to_check).intersection(by_id).difference(stale))
    for article_id in (*stale, *also):
        article = by_id[article_id]
        annotations = of_article(source, article_id)
        if (
            history is not None
            and versions is None
            and any(annotation.anchor_state in MOVED_STATES for annotation in annotations)
        ):
            versions = TaggedVersions().follow(history())
        tagged = versions.of if versions is not None else None
        plan = plan_article(article, annotations, threshold, tagged)
        if annotator is not None:
            plan = plan.of_annotator(annotator, *(writing or {}).get(article_id, ()))
        yield ArticleReanchoring(article, plan)


def of_article(source: AnchorSource, article_id: str) -> list[Annotation]:
    """What an article's plan places: its placed annotations, then its orphans (tried
    again on the sentences left free)."""
    return [*source.in_article(article_id), *source.orphans(article_id=article_id)]


def store_plans(sink: AnchorSink, found: Sequence[ArticleReanchoring]) -> None:
    """Write articles' re-anchorings (and the articles as now seen) to the store: each
    article atomically and its own undo step, many articles per durable write."""
    sink.reanchor_articles(stored_form(found), segmenter_stamp())


def stored_form(found: Iterable[ArticleReanchoring]) -> list[tuple[ArticlePlan, str, int]]:
    """(plan, title, sentence count) of each article: what the store's writes take."""
    return [(item.plan, item.article.title, len(item.article.sentences)) for item in found]
