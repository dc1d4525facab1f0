"""Imported annotations placed on the articles as they are now.

An imported annotation names the text it was made on. When its article is in the corpus:
one anchored to the text as it is now is taken as it is; one that names this very text
but contradicts it (its quote is not text[start:end], or its sentence index is beyond the
article) is refused, naming the record; any other (made on another version of the
article, or segmented otherwise) goes through re-anchoring, as the database's own
annotations do; so are orphans (one that fits the text now comes back, as the
database's own orphans do). Annotations of articles not in the corpus are taken as they
are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from workbench.core.anchoring.placement import ArticlePlan, apply_plans, is_anchored, plan_article
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Article
from workbench.core.interchange.importing import ImportFileError, Location, shorten


def contradiction(annotation: Annotation, article: Article) -> tuple[str, str] | None:
    """(field, reason) when the annotation names the article's current text but does not
    fit it; None when it fits or names another text."""
    if annotation.article_sha256 != article.sha256:
        return None
    name = shorten(repr(article.id), 80)
    if article.text[annotation.start : annotation.end] != annotation.quote:
        return (
            "$.quote",
            f"not the text of article {name} at {annotation.start}..{annotation.end}, "
            "though article_sha256 names that text",
        )
    if annotation.index >= len(article.sentences):
        return (
            "$.index",
            f"index {annotation.index} (sentence {annotation.index + 1}) is beyond article "
            f"{name} ({len(article.sentences)} sentences)",
        )
    return None


class ImportPlacement:
    """A first pass's notes about the imported annotations: which articles need them
    re-anchored, and how many are of articles the corpus does not hold. check() refuses
    one that contradicts the text it names."""

    def __init__(self, articles: Mapping[str, Article]) -> None:
        self.articles = articles
        self.to_place: set[str] = set()
        self.outside_corpus = 0

    def check(self, annotation: Annotation, where: Location) -> None:
        article = self.articles.get(annotation.article_id)
        if annotation.is_orphan:
            if article is not None:
                self.to_place.add(annotation.article_id)
            return
        if article is None:
            self.outside_corpus += 1
            return
        problem = contradiction(annotation, article)
        if problem is not None:
            raise ImportFileError(where.at(problem[0]), problem[1])
        if not is_anchored(annotation, article):
            self.to_place.add(annotation.article_id)


def placed(
    pairs: Iterable[tuple[Annotation, Location]],
    placement: ImportPlacement,
    threshold: float,
    plans: list[ArticlePlan],
) -> Iterator[Annotation]:
    """The annotations to import, placed on the current texts, as a stream: those of
    articles that need no re-anchoring as they come; those of the articles that do (held
    until the last is read, as a plan needs all of an article's annotations) at the end.
    The plans made are appended to `plans`."""
    held: list[Annotation] = []
    for annotation, _where in pairs:
        if annotation.article_id in placement.to_place:
            held.append(annotation)
        else:
            yield annotation
    for article_id in sorted(placement.to_place):
        article = placement.articles[article_id]
        plans.append(
            plan_article(article, [a for a in held if a.article_id == article_id], threshold)
        )
    now_placed, orphans = apply_plans(held, plans)
    yield from now_placed
    yield from orphans


def check_same_texts(
    pairs: Iterable[tuple[Annotation, Location]],
    stored: Callable[[Annotation], Annotation | None],
    articles: Mapping[str, Article],
) -> None:
    """An imported annotation of an article not in the corpus cannot be re-anchored: it
    may only meet a stored one of the same key if both were made on the same text (else
    the same index names two different sentences). ImportFileError at the first that
    does not."""
    for annotation, where in pairs:
        if annotation.is_orphan or annotation.article_id in articles:
            continue
        there = stored(annotation)
        if there is not None and there.article_sha256 != annotation.article_sha256:
            raise ImportFileError(
                where.at("$.article_sha256"),
                f"made on another version of article {shorten(repr(annotation.article_id), 80)} "
                f"than the database's annotation of sentence {annotation.index + 1}; give the "
                "article as it is now with --articles PATH to re-anchor it",
            )
