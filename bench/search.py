"""Fuzzy search over every sentence of the synthetic corpus: time to the first results.

SentenceSearch yields its best hits after each chunk, so the search screen can show
results while the rest of the corpus is scanned; the figure is the time to that first
chunk. Queries are phrases from random sentences with one typo, as an analyst types
them. The naive alternative is one rapidfuzz process.extract over all the sentences.
"""

from __future__ import annotations

import random
from functools import partial

from rapidfuzz import fuzz, process, utils

from bench.report import Figure, Naive, Samples
from bench.timing import timed, within_budget
from bench.workspace import Workspace
from workbench.core.search import SentenceSearch

TARGET = 0.1
NAIVE_BUDGET = 5.0


def run(space: Workspace) -> list[Figure]:
    corpus = space.corpus
    articles = f"{len(corpus.articles):,} articles"
    search = SentenceSearch(corpus)
    build = timed(search.build)
    queries = typed_queries(search.texts, max(3, space.scale.repeats // 10))
    first = Samples(tuple(timed(partial(first_chunk, search, q)) for q in queries))
    whole = Samples(tuple(timed(partial(search.search, q)) for q in queries))
    naive = Naive(
        "rapidfuzz process.extract over all sentences",
        within_budget(
            lambda run: process.extract(
                queries[run % len(queries)],
                search.texts,
                scorer=fuzz.partial_ratio,
                processor=utils.default_process,
                limit=50,
                score_cutoff=70,
            ),
            most=len(queries),
            budget=NAIVE_BUDGET,
            least=space.scale.naive_repeats,
        ),
    )
    sentences = f"{articles}, {len(search):,} sentences"
    return [
        Figure("fuzzy search, first results (search_chunks)", sentences, first, TARGET,
               naive=naive),
        Figure("fuzzy search, all results (search)", sentences, whole, naive=naive),
        Figure("search index build (background, after the corpus is segmented)", sentences,
               Samples((build,))),
    ]  # fmt: skip


def first_chunk(search: SentenceSearch, query: str) -> object:
    return next(search.search_chunks(query), None)


def typed_queries(texts: list[str], count: int) -> list[str]:
    """Three to five words from random sentences, one letter dropped: a hurried query."""
    rng = random.Random(5)
    queries: list[str] = []
    while len(queries) < count:
        words = rng.choice(texts).split()
        if len(words) < 6:
            continue
        start = rng.randrange(len(words) - 5)
        phrase = " ".join(words[start : start + rng.randint(3, 5)])
        cut = rng.randrange(len(phrase))
        queries.append(phrase[:cut] + phrase[cut + 1 :])
    return queries
