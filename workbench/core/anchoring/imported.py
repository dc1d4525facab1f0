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

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from workbench.core.anchoring.as_tagged import identity
from workbench.core.anchoring.placement import (
    CHECK,
    ArticlePlan,
    Placement,
    apply_plans,
    is_anchored,
    plan_article,
)
from workbench.core.anchoring.reanchoring import ArticleReanchoring
from workbench.core.annotation import ORPHANED, Annotation
from workbench.core.corpus.article_info import ArticleInfo
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


def check_made_on(
    version: Annotation, where: Location, article: Article | None, sentences: int | None
) -> None:
    """A record's version as made (its tagged_on, at `where`) checked as strictly as a
    record (tr7 T22), and more: when it names the article's current text it must be one
    of its sentences exactly (index, offsets and quote agree: it is placed by them);
    when another text of `sentences` sentences (the file's article list), its index
    must be within it. ImportFileError at the first problem."""
    if article is not None and version.article_sha256 == article.sha256:
        problem = contradiction(version, article)
        if problem is not None:
            raise ImportFileError(where.at(problem[0]), problem[1])
        if not is_anchored(version, article):
            raise ImportFileError(
                where.at("$.index"),
                f"sentence {version.index + 1} of article {shorten(repr(article.id), 80)} is "
                f"not {version.start}..{version.end}, though article_sha256 names that text",
            )
    elif sentences is not None and version.index >= sentences:
        raise ImportFileError(
            where.at("$.index"),
            f"index {version.index} (sentence {version.index + 1}) is beyond the text it "
            f"names of article {shorten(repr(version.article_id), 80)} ({sentences} sentences)",
        )


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
    remembered: Mapping[str, ArticleInfo] | None = None,
    listed: Mapping[tuple[str, str], str] | None = None,
) -> None:
    """An imported annotation of an article not in the corpus cannot be re-anchored: it
    may only meet a stored one of the same key if both were made on the same text (else
    the same index names two different sentences), and one meeting none may only be
    taken if it was made on the text the database `remembered` for its article (a record
    held already on its own text is no new reading, as when a database's own export
    comes back): else it would be shown
    and counted on a text it was not made on, perhaps another article that shares the
    file name (qa7 Q14: a colleague's wildfire claims counted under a flood article's
    title; tr7 T19 named them, still taking them). ImportFileError at the first that
    does not fit, naming how many do not; `listed` gives the file's titles by (article,
    sha256)."""
    other_texts: Counter[str] = Counter()
    first: tuple[Annotation, Location] | None = None
    remembered = remembered or {}
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
        known = remembered.get(annotation.article_id)
        if (
            there is None
            and known is not None
            and known.sha256 not in (None, annotation.article_sha256)
        ):
            other_texts[annotation.article_id] += 1  # one on that text held already: not new
            first = first or (annotation, where)
    if first is not None:
        annotation, where = first
        raise ImportFileError(
            where.at("$.article_sha256"),
            another_text_words(annotation, other_texts, remembered, listed or {}),
        )


def another_text_words(
    annotation: Annotation,
    other_texts: Mapping[str, int],
    remembered: Mapping[str, ArticleInfo],
    listed: Mapping[tuple[str, str], str],
) -> str:
    """Why an import is refused: how many of its annotations were made on another text
    of an article (its titles here and in the file) than the database holds, and what to
    do about it."""
    article_id = annotation.article_id
    title = listed.get((article_id, annotation.article_sha256))
    held = remembered[article_id].title
    count = other_texts[article_id]
    others = sorted(name for name in other_texts if name != article_id)
    also = (
        f" and {sum(other_texts[name] for name in others)} of article(s) "
        + ", ".join(shorten(repr(name), 40) for name in others[:3])
        + (", ..." if len(others) > 3 else "")
        if others
        else ""
    )
    return (
        f"made on another text of article {shorten(repr(article_id), 80)}"
        + (f" ({shorten(repr(title), 60)} in this file)" if title else "")
        + " than the one the database holds"
        + (f" ({shorten(repr(held), 60)})" if held else "")
        + f", as are {count} annotation(s) of this file{also}; taken, they would be shown "
        "and counted on a text they were not made on: give the article as it is now with "
        "--articles PATH to re-anchor them onto it (orphaned and named if it is another "
        "article with the same file name)"
    )


def kept_to_check(
    found: Sequence[ArticleReanchoring],
    held: Iterable[Annotation],
    stored: Callable[[Annotation], Annotation | None],
    articles: Mapping[str, Article],
    annotator: str | None = None,
) -> list[ArticleReanchoring]:
    """The re-anchoring of records to check imported as made (`held`, as made), each
    left to check wherever it lands (tr7 T22): what the exporter's analyst has not
    confirmed, nothing in a file confirms, not even its tagged_on naming the text here.
    Each one's history then reads: imported as made, then marked to check (as_tagged
    knows the words it was tagged on). An orphan stays one. `found` are the plans made
    after the import; `stored` reads a record back (one no plan touched: it is on the
    text it was made on, here). With `annotator` (the importing analyst), the other
    analysts' annotations already in the database are left out, as made (tr7 T15)."""
    wanted = {identity(annotation): annotation for annotation in held}
    planned: set[tuple[str, str, str]] = set()
    result: dict[str, ArticleReanchoring] = {}
    for item in found:
        placements, others = [], []
        for placement in (*item.plan.placements, *item.plan.others):
            if identity(placement.before) in wanted:
                planned.add(identity(placement.before))
                placements.append(_to_check(placement))
            elif annotator is None or placement.before.annotator == annotator:
                placements.append(placement)
            else:
                others.append(placement)
        placements.sort(key=lambda placement: placement.before.key)
        plan = replace(item.plan, placements=tuple(placements), others=tuple(others))
        result[item.article.id] = ArticleReanchoring(item.article, plan)
    for key, annotation in wanted.items():
        if annotation.is_orphan:
            continue  # imported as made orphaned (qa9 Q9), and no sentence took it: one
        now = stored(annotation) if key not in planned else None
        if now is None or identity(now) != key or now.anchor_state in (CHECK, ORPHANED):
            continue
        article = articles[annotation.article_id]
        item = result.get(article.id) or ArticleReanchoring(
            article, ArticlePlan(article.id, article.sha256, ())
        )
        placements = sorted(
            (*item.plan.placements, _to_check(Placement(now, now, "unchanged", 100.0))),
            key=lambda placement: placement.before.key,
        )
        result[article.id] = ArticleReanchoring(
            article, replace(item.plan, placements=tuple(placements))
        )
    return list(result.values())


def _to_check(placement: Placement) -> Placement:
    """The placement with its annotation left to check (an orphan left as it is)."""
    if placement.after.anchor_state in (CHECK, ORPHANED):
        return placement
    after = replace(placement.after, anchor_state=CHECK)
    return Placement(placement.before, after, CHECK, placement.similarity)
