"""Search over every sentence of the corpus: words in any order, typos, best first."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.corpus.search_queries import QUERIES
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.core.corpus.search import SentenceSearch

TOP = 5
"""A sentence counts as found when it is among the first TOP hits."""


def corpus_of(tmp_path: Path, **articles: str) -> Corpus:
    for name, text in articles.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return load_corpus([tmp_path])


@pytest.fixture(scope="module")
def bundled_search() -> SentenceSearch:
    return SentenceSearch(load_corpus()).build()


def test_the_query_set_finds_every_sentence_near_the_top(bundled_search: SentenceSearch) -> None:
    ranks: dict[str, int | None] = {}
    for query, article, index, _why in QUERIES:
        hits = bundled_search.search(query)
        places = [
            place
            for place, hit in enumerate(hits, start=1)
            if hit.article_id.startswith(article) and hit.index == index
        ]
        ranks[query] = places[0] if places else None
    found = [query for query, rank in ranks.items() if rank is not None and rank <= TOP]
    reciprocal = sum(1 / rank for rank in ranks.values() if rank) / len(QUERIES)
    missed = {query: rank for query, rank in ranks.items() if query not in found}
    recall = len(found) / len(QUERIES)
    assert not missed, f"recall@{TOP} {recall:.0%}, MRR {reciprocal:.2f}; missed: {missed}"


def test_words_match_in_any_order_and_with_a_typo(bundled_search: SentenceSearch) -> None:
    for query in ("zelenskyy troops", "troops zelenskyy", "zelensky troops"):
        hit = bundled_search.search(query)[0]
        assert hit.article_id.startswith("004") and hit.index == 13, query
        assert "Zelenskyy\xa0said that two units of North Korean troops" in hit.text


def test_exact_phrase_ranks_above_the_same_words_apart(tmp_path: Path) -> None:
    corpus = corpus_of(
        tmp_path,
        a="Title A\nThe lies were barefaced, he said. Another line here.",
        b="Title B\nThey are barefaced lies, he said in a much longer sentence than the first.",
    )
    hits = SentenceSearch(corpus).build().search("barefaced lies")
    assert [hit.article_id for hit in hits] == ["b", "a"]


def test_exact_words_rank_above_words_with_a_typo(tmp_path: Path) -> None:
    corpus = corpus_of(
        tmp_path,
        a="Title\nThe envoy dismissed the groundles rumors.",
        b="Title\nThe envoy dismissed the groundless rumors at length today in a long speech.",
    )
    hits = SentenceSearch(corpus).build().search("rumors groundless")
    assert [hit.article_id for hit in hits] == ["b", "a"]
    assert hits[0].score >= 100 > hits[1].score


def test_every_word_must_be_found(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, a="Title\nNorth Korean troops. Russian troops.")
    hits = SentenceSearch(corpus).build().search("troops korean")
    assert [hit.index for hit in hits] == [1]


def test_short_words_must_be_exact(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, a="Title\nThe war went on. The car went on.")
    assert [hit.index for hit in SentenceSearch(corpus).build().search("war")] == [1]


def test_a_sentence_shorter_than_the_word_does_not_match_it(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, a="Title\nI.\n\nUkraine said so.")
    hits = SentenceSearch(corpus).build().search("ukraine")
    assert [hit.text for hit in hits] == ["Ukraine said so."]


def test_a_cutoff_asks_for_closer_matches(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, a="Title\nThe envoy dismissed groundless rumors.")
    search = SentenceSearch(corpus).build()
    assert search.search("grondless")
    assert not search.search("grondless", cutoff=95)


def test_empty_query_finds_nothing(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, a="Title\nSome text.")
    assert SentenceSearch(corpus).build().search("  ,  ") == []


def test_hits_carry_article_and_sentence_index(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, a="Title\nFirst one. Second about Kursk.")
    search = SentenceSearch(corpus).build()
    assert len(search) == 3
    hit = search.search("Kursk")[0]
    assert (hit.article_id, hit.index) == ("a", 2)


def test_numbers_match_with_or_without_thousands_separators(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, a="Title\nThe 11,000 North Koreans were sent. Other text.")
    search = SentenceSearch(corpus).build()
    for query in ("11000", "11,000", "11,000 North Koreans", "north koreans 11000"):
        hits = search.search(query)
        assert hits and "11,000" in hits[0].text, query


def test_a_search_can_be_stopped_between_chunks(bundled_search: SentenceSearch) -> None:
    chunks = bundled_search.search_chunks("nrth troops")
    assert next(chunks)
    chunks.close()  # what the search screen's worker does when a newer key arrives


words = st.sampled_from(
    [w for text in load_corpus().articles[4].text.split("\n") for w in text.split()][:400]
)


def typed(word: str, drop: int) -> str:
    return word if len(word) < 5 else word[: drop % len(word)] + word[drop % len(word) + 1 :]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(words, st.integers(0, 20), st.booleans()), min_size=1, max_size=3))
def test_the_word_index_changes_speed_not_results(
    bundled_search: SentenceSearch, picked: list[tuple[str, int, bool]]
) -> None:
    query = " ".join(typed(word, drop) if typo else word for word, drop, typo in picked)
    scanned = SentenceSearch(bundled_search.corpus)
    scanned.refs, scanned.texts, scanned.keys = (
        bundled_search.refs,
        bundled_search.texts,
        bundled_search.keys,
    )
    assert scanned.index is None
    assert scanned.search(query, limit=20) == bundled_search.search(query, limit=20)


def test_a_short_word_found_nowhere_ends_the_search_at_once(
    bundled_search: SentenceSearch,
) -> None:
    rankings = list(bundled_search.search_chunks("they tlk"))
    assert rankings == [[]]  # the index pass only: no sweep for typos
