"""Sentence search over the synthetic corpus: time to the first hits, and to the end.

An analyst types a few words of a sentence they remember, in any order, sometimes with
a typo; SentenceSearch yields its best hits as soon as it has any and refines them while
it scans. The figure is the time until the first non-empty ranking (or the end, for a
query that finds nothing). The naive alternative scores every query word against every
sentence with one rapidfuzz process.extract per word, as the matching rules say.
"""

from __future__ import annotations

import heapq
import random
from functools import partial

from rapidfuzz import fuzz, process, utils

from bench.report import Figure, Naive, Samples
from bench.timing import timed, within_budget
from bench.workspace import Workspace
from workbench.core.corpus.matching import search_key, word_cutoff
from workbench.core.corpus.search import SearchHit, SentenceSearch

TARGET = 0.1
NAIVE_BUDGET = 10.0
LIMIT = 50


def run(space: Workspace) -> list[Figure]:
    corpus = space.corpus
    articles = f"{len(corpus.articles):,} articles"
    search = SentenceSearch(corpus)
    build = timed(search.build)
    queries = typed_queries(search.texts, max(3, space.scale.repeats // 10))
    first = Samples(tuple(timed(partial(first_hits, search, q)) for q in queries))
    whole = Samples(tuple(timed(partial(search.search, q)) for q in queries))
    naive = Naive(
        "rapidfuzz process.extract per word over all sentences",
        within_budget(
            lambda run: naive_search(search.texts, queries[run % len(queries)]),
            most=len(queries),
            budget=NAIVE_BUDGET,
            least=space.scale.naive_repeats,
        ),
    )
    sentences = f"{articles}, {len(search):,} sentences"
    return [
        Figure("search, first hits (search_chunks)", sentences, first, TARGET, naive=naive),
        Figure("search, final ranking (search)", sentences, whole, naive=naive),
        Figure("search index build (background: normalised sentences, word index)",
               sentences, Samples((build,))),
    ]  # fmt: skip


def first_hits(search: SentenceSearch, query: str) -> list[SearchHit]:
    """The first non-empty ranking the search yields, or [] once it has finished."""
    return next((hits for hits in search.search_chunks(query, LIMIT) if hits), [])


def naive_search(texts: list[str], query: str) -> list[tuple[int, float]]:
    """Every word scored against every sentence; the sentences where all are found."""
    total: dict[int, float] | None = None
    for word in search_key(query).split():
        found = {
            position: float(score)
            for _text, score, position in process.extract(
                word,
                texts,
                scorer=fuzz.partial_ratio,
                processor=utils.default_process,
                limit=None,
                score_cutoff=word_cutoff(word),
            )
        }
        if total is not None:
            found = {
                position: total[position] + s for position, s in found.items() if position in total
            }
        total = found
    return heapq.nlargest(LIMIT, (total or {}).items(), key=lambda item: item[1])


def typed_queries(texts: list[str], count: int) -> list[str]:
    """Two to four neighbouring words of a random sentence, shuffled, every other query
    with one letter dropped: words remembered, not a phrase copied."""
    rng = random.Random(5)
    queries: list[str] = []
    while len(queries) < count:
        words = rng.choice(texts).split()
        if len(words) < 6:
            continue
        start = rng.randrange(len(words) - 5)
        picked = words[start : start + rng.randint(2, 4)]
        rng.shuffle(picked)
        query = " ".join(picked)
        if len(queries) % 2:
            cut = rng.randrange(len(query))
            query = query[:cut] + query[cut + 1 :]
        queries.append(query)
    return queries
