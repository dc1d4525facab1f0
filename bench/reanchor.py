"""Re-anchoring 10,000 annotations over 1,000 articles that a publisher corrected.

Each changed article gets what corrections look like: a paragraph inserted after the
title (every annotation moves), a typo fixed in one annotated sentence (fuzzy, to
check) and another annotated sentence deleted (orphaned). Measured: the plans alone
(segmenting the new texts included), as a read-only command computes them; and plan
plus store, as `workbench reanchor` does (a durable write per batch of articles). The
naive alternative runs the fuzzy step for every annotation, without the exact-match
fast path: every sentence of its article scored by similarity, then context. Also
measured: the check of unchanged articles (one look-up per article of a 10,000-article
corpus).
"""

from __future__ import annotations

import random
import shutil
from collections import defaultdict
from functools import partial
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from bench.report import Figure, Naive, Samples
from bench.synthetic import SyntheticArticle
from bench.timing import timed, within_budget
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore
from workbench.core.anchoring.placement import anchored_to, context_similarity, plan_article
from workbench.core.anchoring.reanchoring import plans, store_plans
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.articles import Article
from workbench.core.corpus.sentences import segmenter_stamp

TARGET = 1.0
CHANGED = 1_000
PER_ARTICLE = 10
NAIVE_BUDGET = 20.0


def run(space: Workspace) -> list[Figure]:
    originals = space.articles[: min(CHANGED, len(space.articles))]
    annotations = annotate(originals)
    edited = {article.id: corrected(article) for article in originals}
    size = (
        f"{sum(map(len, annotations.values())):,} annotations, {len(originals):,} changed articles"
    )
    repeats = space.scale.slow_repeats
    in_memory = Samples(
        tuple(timed(partial(plan_all, edited, annotations)) for _ in range(repeats))
    )
    segmented = fresh(edited)
    for article in segmented:
        article.sentences  # noqa: B018 - segmented before timing
    algorithm = Samples(
        tuple(timed(partial(plan_segmented, segmented, annotations)) for _ in range(repeats))
    )
    naive = Naive(
        "the fuzzy step for every quote: every sentence scored, no exact fast path",
        within_budget(
            lambda _run: naive_all(segmented, annotations),
            most=space.scale.naive_repeats,
            budget=NAIVE_BUDGET,
        ),
    )
    database = seeded_database(space, originals, annotations)
    stored = Samples(tuple(plan_and_store(space, database, edited)[0] for _ in range(repeats)))
    check_size, checks = unchanged_checks(space, database, edited)
    return [
        Figure("re-anchoring: plan_article (articles already segmented)", size, algorithm,
               naive=naive),
        Figure("re-anchoring in memory (segment the new texts + plan), as read-only commands",
               size, in_memory, TARGET),
        Figure("re-anchoring planned and stored (`workbench reanchor`: + durable writes)", size,
               stored, TARGET),
        Figure("check of unchanged articles (articles_to_reanchor)", check_size, checks),
    ]  # fmt: skip


def annotate(articles: list[SyntheticArticle]) -> dict[str, list[Annotation]]:
    """Ten annotations per article, on distinct sentences, as the analyst made them."""
    rng = random.Random(17)
    found: dict[str, list[Annotation]] = defaultdict(list)
    for article in articles:
        sha256 = Article(article.id, Path(article.id), article.text).sha256
        count = min(PER_ARTICLE, len(article.spans) - 1)
        for index in sorted(rng.sample(range(1, len(article.spans)), count)):
            start, end, _paragraph = article.spans[index]
            anchor = Anchor.in_text(article.id, sha256, article.text, index, start, end)
            found[article.id].append(Annotation.new(anchor, ANNOTATOR, tags=("claim",)))
    return found


def corrected(article: SyntheticArticle) -> str:
    """The article after a correction: a paragraph after the title, a typo fixed in the
    third sentence, the fifth sentence deleted."""
    text = article.text
    spans = article.spans
    third = spans[min(3, len(spans) - 1)]
    fifth = spans[min(5, len(spans) - 1)]
    sentence = text[third[0] : third[1]]
    fixed = sentence.replace("e", "ee", 1) if "e" in sentence else sentence + " Indeed."
    pieces = [
        text[: third[0]],
        fixed,
        text[third[1] : fifth[0]] if fifth[0] > third[1] else "",
        text[fifth[1] :] if fifth[0] > third[1] else text[third[1] :],
    ]
    edited = "".join(pieces)
    title_end = edited.index("\n") + 1
    note = "Correction: an earlier version of this article misstated a figure.\n"
    return edited[:title_end] + note + edited[title_end:]


def fresh(edited: dict[str, str]) -> list[Article]:
    """The changed articles as a command loads them: not yet segmented."""
    return [
        Article(article_id, Path(f"{article_id}.txt"), text) for article_id, text in edited.items()
    ]


def plan_all(edited: dict[str, str], annotations: dict[str, list[Annotation]]) -> int:
    return plan_segmented(fresh(edited), annotations)


def plan_segmented(articles: list[Article], annotations: dict[str, list[Annotation]]) -> int:
    return sum(len(plan_article(a, annotations[a.id]).changes) for a in articles)


def naive_all(articles: list[Article], annotations: dict[str, list[Annotation]]) -> int:
    """The fuzzy step for every annotation, without the exact-match fast path: each quote
    scored against every sentence (similarity, then context), the best one taken."""
    found = 0
    for article in articles:
        texts = [utils.default_process(sentence.text) for sentence in article.sentences]
        for annotation in annotations[article.id]:
            query = utils.default_process(annotation.quote)
            ranked = [
                (score, context_similarity(annotation, article.text, s.start, s.end), index)
                for _text, score, index in process.extract(
                    query, texts, scorer=fuzz.ratio, processor=None, limit=None
                )
                for s in (article.sentences[index],)
            ]
            if ranked:
                anchored_to(annotation, article, max(ranked)[2], "check")
                found += 1
    return found


def seeded_database(
    space: Workspace, originals: list[SyntheticArticle], annotations: dict[str, list[Annotation]]
) -> Path:
    """A database of the annotations, each article remembered as it was."""
    path = space.scratch_path("reanchor.json")
    with AnnotationStore.open(path, annotator=ANNOTATOR) as store:
        store.import_annotations(a for notes in annotations.values() for a in notes)
        for article in originals:
            sha256 = Article(article.id, Path(article.id), article.text).sha256
            store.remember_article(
                article.id, article.id, sha256, len(article.spans), segmenter_stamp()
            )
    return path


def plan_and_store(space: Workspace, database: Path, edited: dict[str, str]) -> tuple[float, Path]:
    """Time one `workbench reanchor` on a fresh copy of the database (copy not timed)."""
    copy = space.scratch_path("reanchor.json")
    for source in database.parent.iterdir():
        if not source.name.endswith(".lock"):
            shutil.copyfile(source, copy.parent / source.name)
    articles = fresh(edited)
    with AnnotationStore.open(copy, annotator=ANNOTATOR) as store:

        def reanchor_all() -> None:
            store_plans(store, list(plans(store, articles)))

        return timed(reanchor_all), copy


def unchanged_checks(
    space: Workspace, database: Path, edited: dict[str, str]
) -> tuple[str, Samples]:
    """After re-anchoring, asking again over the whole corpus finds nothing to do."""
    _took, copy = plan_and_store(space, database, edited)
    current = {article.id: article.sha256 for article in space.corpus.articles}
    current.update({article.id: article.sha256 for article in fresh(edited)})
    with AnnotationStore.open(copy, annotator=ANNOTATOR) as store:
        stamp = segmenter_stamp()
        assert store.articles_to_reanchor(current, stamp) == []
        samples = Samples(
            tuple(
                timed(partial(store.articles_to_reanchor, current, stamp))
                for _ in range(space.scale.repeats // 10 or 1)
            )
        )
    return f"{len(current):,} articles, {len(edited):,} annotated", samples
