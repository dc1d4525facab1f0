"""Spelling neighbours: exactly the pairs that fuzz.ratio would accept, found without
scoring every pair."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

from workbench.core.analysis.sources.spelling import (
    SpellingNeighbours,
    deletion_levels,
    deletion_reach,
)


def brute_force(words: list[str], word: str, score: float, min_length: int) -> set[str]:
    return {
        other
        for other in words
        if other == word
        or (min(len(other), len(word)) >= min_length and fuzz.ratio(word, other) >= score)
    }


def vocabulary(seed: int, count: int, letters: str, longest: int) -> list[str]:
    rng = random.Random(seed)
    return sorted(
        {"".join(rng.choice(letters) for _ in range(rng.randint(2, longest))) for _ in range(count)}
    )


def test_transliterations_are_neighbours() -> None:
    found = SpellingNeighbours(["zelensky", "zelenskiy", "zelenskyy", "kim", "kin"], 85.0, 5)
    assert found.of("zelensky") == {"zelensky", "zelenskiy", "zelenskyy"}
    assert found.of("kim") == {"kim"}, "short words match only themselves"
    assert found.same("zelenskiy", "zelenskyy") and not found.same("kim", "kin")
    assert found.of("unknown") == {"unknown"}


@pytest.mark.parametrize(
    ("score", "min_length", "letters", "longest"),
    [
        (85.0, 5, "abcdeir", 12),
        (85.0, 5, "ab", 24),  # long words: scored against the whole vocabulary
        (70.0, 3, "abcdeilmnorstu", 14),
        (92.5, 4, "aeiklnorstvz", 16),
    ],
)
def test_neighbours_are_exactly_the_pairwise_matches(
    score: float, min_length: int, letters: str, longest: int
) -> None:
    words = vocabulary(len(letters), 600, letters, longest)
    found = SpellingNeighbours(words, score, min_length)
    for word in words:
        assert found.of(word) == brute_force(words, word, score, min_length), word


def test_deletion_reach_covers_every_matching_length() -> None:
    for length in range(5, 30):
        query, index = deletion_reach(length, 85.0, 5)
        for other in range(5, 2 * length + 2):
            for distance in range(abs(length - other), length + other + 1, 2):
                if 100 * (1 - distance / (length + other)) < 85.0:
                    continue
                lost = (length - other + distance) // 2
                assert lost <= (query if other <= length else index), (length, other, distance)


def test_deletion_levels() -> None:
    assert deletion_levels("abc", 2) == [{"abc"}, {"bc", "ac", "ab"}, {"c", "b", "a"}]
    assert deletion_levels("aab", 1) == [{"aab"}, {"ab", "aa"}]
