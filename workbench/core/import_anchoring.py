"""Imported annotations placed on the articles as they are now.

An imported annotation names the text it was made on. When its article is in the corpus:
one anchored to the text as it is now is taken as it is; one that names this very text
but contradicts it (its quote is not text[start:end], or its sentence index is beyond the
article) is refused, naming the record; any other (made on another version of the
article, or segmented otherwise) goes through re-anchoring, as the database's own
annotations do. Orphans, and annotations of articles not in the corpus, are taken as
they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from workbench.core.anchoring import ArticlePlan, apply_plans, is_anchored, plan_article
from workbench.core.annotation import Annotation
from workbench.core.corpus import Article
from workbench.core.importing import ImportFileError, Location, shorten


@dataclass(frozen=True, slots=True)
class AnchoredImport:
    """The annotations to import, placed on the current texts, and how they were."""

    annotations: list[Annotation]
    plans: list[ArticlePlan]
    """One per article some imported annotation of which was not anchored to its text."""


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
            f"sentence {annotation.index} is beyond article {name} "
            f"({len(article.sentences)} sentences)",
        )
    return None


def anchor_imported(
    annotations: Sequence[Annotation],
    locations: Sequence[Location],
    articles: Mapping[str, Article],
    threshold: float,
) -> AnchoredImport:
    """Place imported annotations on the corpus's current texts; ImportFileError (at the
    record's place in the file) for one that contradicts the text it names."""
    to_place: dict[str, list[Annotation]] = defaultdict(list)
    for annotation, where in zip(annotations, locations, strict=True):
        article = articles.get(annotation.article_id)
        if article is None or annotation.is_orphan:
            continue
        problem = contradiction(annotation, article)
        if problem is not None:
            raise ImportFileError(where.at(problem[0]), problem[1])
        if not is_anchored(annotation, article):
            to_place[annotation.article_id] = []
    for annotation in annotations:
        if annotation.article_id in to_place and not annotation.is_orphan:
            to_place[annotation.article_id].append(annotation)
    plans = [
        plan_article(articles[article_id], placed, threshold)
        for article_id, placed in to_place.items()
    ]
    placed, orphans = apply_plans(annotations, plans)
    return AnchoredImport([*placed, *orphans], plans)


def check_same_texts(
    annotations: Sequence[Annotation],
    locations: Sequence[Location],
    stored: Callable[[Annotation], Annotation | None],
    articles: Mapping[str, Article],
) -> None:
    """An imported annotation of an article not in the corpus cannot be re-anchored: it
    may only meet a stored one of the same key if both were made on the same text (else
    the same index names two different sentences). ImportFileError at the first that
    does not."""
    for annotation, where in zip(annotations, locations, strict=True):
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
