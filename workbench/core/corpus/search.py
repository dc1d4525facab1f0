"""Search every sentence of a corpus: the words of a query, in any order, typos allowed.

The index (each sentence normalised once) is built off the UI thread; a search scans it
in chunks (`workbench.core.corpus.matching`) so a caller can show the best hits found so far
while the rest of a large corpus is scanned, and stop when the query changes.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass

from workbench.core.corpus.articles import Corpus
from workbench.core.corpus.matching import (
    CHUNK,
    Query,
    allows_typos,
    best,
    match,
    match_chunks,
    search_key,
    typos_allowed,
)
from workbench.core.corpus.word_index import WordIndex

__all__ = ["CHUNK", "SearchHit", "SentenceSearch", "search_key"]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A matching sentence; `score` as `matching.match` gives it (above 100: the phrase)."""

    article_id: str
    index: int
    text: str
    score: float


class SentenceSearch:
    """All sentences of a corpus, normalised once for matching."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.refs: list[tuple[str, int]] = []
        self.texts: list[str] = []
        self.keys: list[str] = []
        self.index: WordIndex | None = None

    def build(
        self, progress: Callable[[int, int], None] | None = None, *, index: bool = True
    ) -> SentenceSearch:
        """Segment every article (cached on the article) and normalise its sentences;
        then index their words, unless `index` is False (see `build_index`)."""
        total = len(self.corpus.articles)
        for number, article in enumerate(self.corpus.articles, start=1):
            for sentence in article.sentences:
                self.refs.append((article.id, sentence.index))
                self.texts.append(sentence.text)
                self.keys.append(search_key(sentence.text))
            if progress is not None and (number % 200 == 0 or number == total):
                progress(number, total)
        if index:
            self.build_index()
        return self

    def build_index(self) -> None:
        """Index the words: searches made before this scan instead, with the same results."""
        self.index = WordIndex.of(self.keys)

    def __len__(self) -> int:
        return len(self.texts)

    def search_chunks(
        self, query: str, limit: int = 50, cutoff: float = 0.0
    ) -> Generator[list[SearchHit], None, None]:
        """The best hits so far, best first, after each chunk of the corpus is scanned.

        `cutoff` (0-100) asks every word for a closer match than its typo allowance.
        The first ranking comes from the sentences the word index points at (a query
        of common words only is scanned for exact words instead, a chunk at a time);
        a sweep with typos follows only when a match with a typo could still rank: one
        across two words of a sentence, which the index cannot see.
        """
        parsed = Query.parse(query)
        if not parsed:
            return
        ranked: list[tuple[int, float]] = []
        indexed = None if self.index is None else self.index.candidates(parsed, cutoff)
        if indexed is not None:
            candidates = sorted(indexed)
            found = match(parsed, [self.keys[position] for position in candidates], cutoff)
            ranked = best(ranked, [(candidates[offset], score) for offset, score in found], limit)
            yield [self._hit(position, score) for position, score in ranked]
        elif self.index is None or all(map(self.index.holds, parsed.words)):
            for found in match_chunks(parsed, self.keys, cutoff, typos=False):
                ranked = best(ranked, found, limit)
                yield [self._hit(position, score) for position, score in ranked]
        settled = len(ranked) == limit and ranked[-1][1] >= 100.0
        if settled or not allows_typos(parsed) or self._exact_word_missing(parsed):
            return
        for found in match_chunks(parsed, self.keys, cutoff, typos=True):
            ranked = best(ranked, found, limit)
            yield [self._hit(position, score) for position, score in ranked]

    def search(self, query: str, limit: int = 50, cutoff: float = 0.0) -> list[SearchHit]:
        """The final ranking, once the whole corpus has been scanned."""
        last: list[SearchHit] = []
        for last in self.search_chunks(query, limit, cutoff):  # noqa: B007 - keep the last
            pass
        return last

    def _exact_word_missing(self, query: Query) -> bool:
        """A word that must be exact (no typo allowed) and is in no word of the corpus:
        nothing can match, and a sweep for typos would only take time to say so."""
        index = self.index
        return index is not None and any(
            not typos_allowed(word) and not index.holds(word) for word in query.words
        )

    def _hit(self, position: int, score: float) -> SearchHit:
        article_id, index = self.refs[position]
        return SearchHit(article_id, index, self.texts[position], score)
