"""Fuzzy search over every sentence of a corpus (rapidfuzz).

Exact substring hits come first (cheap, and what an analyst usually means), then fuzzy
matches. The index is built once, off the UI thread, and searched in chunks so a
caller can show the first results while the rest of a large corpus is scanned.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from workbench.core.corpus import Corpus

CHUNK = 20_000
"""Sentences scanned per chunk: small enough that the first chunk answers at once."""


_DIGIT_GROUPS = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")


def search_key(text: str) -> str:
    """Text as matched: lower case, punctuation as spaces, "11,000" written "11000"."""
    return utils.default_process(_DIGIT_GROUPS.sub("", text))


@dataclass(frozen=True, slots=True)
class SearchHit:
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

    def build(self, progress: Callable[[int, int], None] | None = None) -> SentenceSearch:
        """Segment every article (cached on the article) and normalise its sentences."""
        total = len(self.corpus.articles)
        for number, article in enumerate(self.corpus.articles, start=1):
            for sentence in article.sentences:
                self.refs.append((article.id, sentence.index))
                self.texts.append(sentence.text)
                self.keys.append(search_key(sentence.text))
            if progress is not None and (number % 200 == 0 or number == total):
                progress(number, total)
        return self

    def __len__(self) -> int:
        return len(self.texts)

    def search_chunks(
        self, query: str, limit: int = 50, cutoff: float = 70
    ) -> Iterator[list[SearchHit]]:
        """Best hits so far, after each chunk of the corpus has been scanned."""
        needle = search_key(query)
        if not needle:
            return
        best: dict[int, float] = {}
        for low in range(0, len(self.keys), CHUNK):
            chunk = self.keys[low : low + CHUNK]
            for offset, key in enumerate(chunk):
                if needle in key:
                    best[low + offset] = 100.0 + len(needle) / max(len(key), 1)
            for _choice, score, offset in process.extract(
                needle,
                chunk,
                scorer=fuzz.partial_ratio,
                processor=None,
                limit=limit,
                score_cutoff=cutoff,
            ):
                position = low + offset
                best[position] = max(best.get(position, 0.0), float(score))
            yield self._ranked(best, limit)

    def search(self, query: str, limit: int = 50, cutoff: float = 70) -> list[SearchHit]:
        """The final ranking, once the whole corpus has been scanned."""
        *_, last = [[], *self.search_chunks(query, limit, cutoff)]
        return last

    def _ranked(self, best: dict[int, float], limit: int) -> list[SearchHit]:
        top = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [
            SearchHit(self.refs[position][0], self.refs[position][1], self.texts[position], score)
            for position, score in top
        ]
