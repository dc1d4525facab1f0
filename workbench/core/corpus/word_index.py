"""Which texts hold which word: narrows a search to the texts that can match at all.

Scanning every sentence of a 10,000-article corpus with a fuzzy scorer takes about a
third of a second per query. The corpus has only tens of thousands of distinct words, so
each query word is first looked up among those (exactly, or within its typo allowance),
and only the texts holding one of the words found are scored. A query word can also
match across two words of a text with a typo ("northkorean"); the index cannot see
that, so the search still sweeps the whole corpus afterwards when it could matter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from workbench.core.corpus.matching import Query, typos_allowed, word_cutoff

WORTH_INDEXING = 20_000
"""Most texts the index hands on for scoring (about 15 ms of rapidfuzz); past that a
chunked scan shows first results sooner, as such a common word is found in any chunk."""


class WordIndex:
    """Positions of the texts holding each word, for texts normalised by search_key."""

    def __init__(self, postings: dict[str, list[int]]) -> None:
        self.postings = postings
        self.words = list(postings)

    @classmethod
    def of(cls, keys: Iterable[str]) -> WordIndex:
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for position, key in enumerate(keys):
            for word in key.split():
                postings[word].append(position)  # repeats are harmless: sets below
        return cls(dict(postings))

    def holds(self, word: str) -> bool:
        """True when `word` appears exactly, as a word of the texts or inside one."""
        return any(word in known for known in self.words)

    def words_like(self, word: str, cutoff: float = 0.0) -> list[str]:
        """Words of the texts that contain `word`, or a near spelling of it."""
        needed = word_cutoff(word, cutoff)
        if needed >= 100.0:
            return [known for known in self.words if word in known]
        shortest = len(word) - typos_allowed(word)
        return [
            known
            for known, _score, _position in process.extract(
                word,
                self.words,
                scorer=fuzz.partial_ratio,
                processor=None,
                limit=None,
                score_cutoff=needed,
            )
            if len(known) >= shortest
        ]

    def candidates(self, query: Query, cutoff: float = 0.0) -> set[int] | None:
        """Positions of the texts holding the query's rarest word (within one word of
        the text): the only texts that can match, unless a typo spans two words.

        None when even the rarest word is in so many texts that scoring them all
        would be no faster than scanning: a scan finds such common words at once.
        """
        rarest: list[str] = []
        rarest_size = -1
        for word in query.words:
            like = self.words_like(word, cutoff)
            size = sum(len(self.postings[known]) for known in like)
            if rarest_size < 0 or size < rarest_size:
                rarest, rarest_size = like, size
            if size == 0:
                return set()
        if rarest_size > WORTH_INDEXING:
            return None
        found: set[int] = set()
        for known in rarest:
            found.update(self.postings[known])
        return found
