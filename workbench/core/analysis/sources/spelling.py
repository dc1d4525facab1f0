"""Which words of a vocabulary are spellings of one another, without comparing every pair.

Source grouping asks, for every name token, which other tokens are the same name
spelt differently (Zelensky, Zelenskiy, Zelenskyy: `fuzz.ratio` at or above a score).
Scoring every pair is quadratic: 11,000 distinct surnames took over a minute.

Two words that match share a long common subsequence, which each reaches by deleting
a few characters, the longer word more, the shorter fewer. Words are taken shortest
first: each is looked up under every string it becomes after up to `query` deletions,
then filed under every string it becomes after up to `index` deletions (a deletion
neighbourhood, as in SymSpell). Two matching words always meet, so only words that
meet are scored and the answer is exactly the pairwise one. Long words, whose
neighbourhoods would be large, are scored against the whole vocabulary instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

MAX_VARIANTS = 600
"""Words with more deletion variants than this are scored against every word instead."""
LONGEST_SPELT = 64
"""Words longer than this match themselves only: no name's word is so long, and scoring
one against itself is quadratic in its length (tr17: a source of one 3,000,000-letter
word, imported, took every summary 111 s)."""


def _longest_distance(length: int, other: int, score: float) -> int | None:
    """The largest insert/delete distance at which words of these lengths still match
    (fuzz.ratio is 100 * (1 - distance / (length + other))); None if none can."""
    distance = int((100.0 - score) * (length + other) / 100.0 + 1e-9)
    if (length + other - distance) % 2:
        distance -= 1  # the common subsequence has a whole length
    return distance if distance >= abs(length - other) else None


@lru_cache(maxsize=256)
def deletion_reach(length: int, score: float, min_length: int) -> tuple[int, int]:
    """(query, index): how many characters a word of `length` may lose on the way to its
    longest common subsequence with a matching word no longer than it (query), and with
    a matching word no shorter than it (index)."""
    query = index = 0
    for other in range(max(min_length, 1), 2 * length + 2):
        distance = _longest_distance(length, other, score)
        if distance is None:
            continue
        lost = (length - other + distance) // 2
        if other <= length:
            query = max(query, lost)
        if other >= length:
            index = max(index, lost)
    return query, index


def more_variants_than(length: int, deletions: int, limit: int) -> bool:
    """Whether a word of `length` becomes more than `limit` strings after up to
    `deletions` deletions (the sum of comb(length, k)), counted term by term until it
    passes `limit`: the sum itself, for a hostile source of 100,000 letters (10,000
    deletions), added ten thousand integers of thousands of digits and took the summary
    minutes (tr17)."""
    total, term = 0, 1
    for k in range(deletions + 1):
        total += term
        if total > limit:
            return True
        term = term * (length - k) // (k + 1)
    return False


def deletion_levels(word: str, deletions: int) -> list[set[str]]:
    """levels[k]: every string `word` becomes after deleting exactly k characters."""
    levels = [{word}]
    # Each string remembers where its last deletion was, so that every set of deleted
    # positions is made once (left to right) rather than once per order.
    frontier = [(word, 0)]
    for _ in range(deletions):
        frontier = [
            (text[:i] + text[i + 1 :], i)
            for text, start in frontier
            for i in range(start, len(text))
        ]
        levels.append({text for text, _ in frontier})
    return levels


class SpellingNeighbours:
    """For each word of a vocabulary, the words it matches: itself, and words of at least
    `min_length` characters (and at most LONGEST_SPELT) whose `fuzz.ratio` with it
    reaches `score`."""

    def __init__(self, words: Iterable[str], score: float, min_length: int) -> None:
        vocabulary = sorted(set(words))
        self._neighbours: dict[str, set[str]] = {word: {word} for word in vocabulary}
        fuzzy = sorted(
            (word for word in vocabulary if min_length <= len(word) <= LONGEST_SPELT), key=len
        )
        filed: dict[str, list[str]] = {}
        long_words: list[str] = []
        for word in fuzzy:
            query, index = deletion_reach(len(word), score, min_length)
            if more_variants_than(len(word), query, MAX_VARIANTS):
                long_words.append(word)
                continue
            levels = deletion_levels(word, query)
            met: set[str] = set()
            for variant in filed.keys() & set().union(*levels):
                met.update(filed[variant])
            for other in met:
                if fuzz.ratio(word, other) >= score:
                    self._link(word, other)
            for level in levels[: index + 1]:
                for variant in level:
                    filed.setdefault(variant, []).append(word)
        for word in long_words:
            for other, _score, _number in process.extract(
                word, fuzzy, scorer=fuzz.ratio, score_cutoff=score, limit=None
            ):
                self._link(word, other)

    def _link(self, left: str, right: str) -> None:
        self._neighbours[left].add(right)
        self._neighbours[right].add(left)

    def of(self, word: str) -> set[str]:
        """The vocabulary's words that `word` matches (itself included); {word} if unknown."""
        return self._neighbours.get(word) or {word}

    def same(self, left: str, right: str) -> bool:
        """True when `left` and `right` are one word or vocabulary words that match."""
        return left == right or right in self._neighbours.get(left, ())
