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


def test_counting_the_variants_stops_once_past_the_limit() -> None:
    from math import comb

    from workbench.core.analysis.sources.spelling import more_variants_than

    for length in range(1, 45):
        for deletions in range(12):
            total = sum(comb(length, k) for k in range(deletions + 1))
            assert more_variants_than(length, deletions, 600) == (total > 600)


def test_a_word_longer_than_any_name_is_never_scored(monkeypatch: pytest.MonkeyPatch) -> None:
    """tr17: an imported source of one 100,000-letter word took every summary minutes:
    its deletion variants were counted as a sum of ten thousand huge binomials, then it
    was scored against itself (quadratic in its length). It matches itself only."""
    from workbench.core.analysis.sources import spelling

    scored: list[int] = []
    real_ratio, real_extract = spelling.fuzz.ratio, spelling.process.extract

    def ratio(left: str, right: str, **options: object) -> float:
        scored.append(max(len(left), len(right)))
        return float(real_ratio(left, right, **options))  # type: ignore[arg-type]

    def extract(word: str, choices: list[str], **options: object) -> object:
        scored.append(len(word))
        return real_extract(word, choices, **options)  # type: ignore[call-overload]

    monkeypatch.setattr(spelling.fuzz, "ratio", ratio)
    monkeypatch.setattr(spelling.process, "extract", extract)
    long_word = "A" * 5_000
    words = ["Zelensky", "Zelenskyy", "Zelenskiy", long_word, long_word + "B"]
    found = SpellingNeighbours(words, 85.0, 4)
    assert found.of(long_word) == {long_word}
    assert found.same("Zelensky", "Zelenskyy")
    assert scored and max(scored) <= spelling.LONGEST_SPELT
