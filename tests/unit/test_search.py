"""Fuzzy search over every sentence of the corpus."""

from __future__ import annotations

from pathlib import Path

from workbench.core.corpus import load_corpus
from workbench.core.search import SentenceSearch


def corpus_of(tmp_path: Path, **articles: str):  # type: ignore[no-untyped-def]
    for name, text in articles.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return load_corpus([tmp_path])


def test_exact_substring_ranks_first(tmp_path: Path) -> None:
    corpus = corpus_of(
        tmp_path,
        a="Title A\nThey are barefaced lies, he said. Another line here.",
        b="Title B\nThese are bare faced lines.",
    )
    hits = SentenceSearch(corpus).build().search("barefaced lies")
    assert hits[0].article_id == "a"
    assert "barefaced lies" in hits[0].text


def test_typos_still_match(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, a="Title\nNorth Korea's envoy dismissed groundless rumors.")
    hits = SentenceSearch(corpus).build().search("groundles rumours")
    assert hits and "groundless rumors" in hits[0].text


def test_empty_query_finds_nothing(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, a="Title\nSome text.")
    assert SentenceSearch(corpus).build().search("   ") == []


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
