"""A quote's numbers are found once per summary: the ledger's reading (ClaimText) keeps
every number it found, and the possible conflicts' tier reads its figures from them
instead of finding them again (perf21, issue 15: the cold summary at 100,000
annotations found the numbers of 2,700 quotes twice). The readings are the same."""

from __future__ import annotations

import dataclasses

import pytest

from workbench.core.analysis.figures import conflict_model
from workbench.core.analysis.figures.conflict_model import read_sentence
from workbench.core.analysis.figures.quantities import numbers_in
from workbench.core.analysis.ledger.claim_text import claim_text
from workbench.core.analysis.summary.possible import ReadingCache, _Claimed, placed_reading

UNCOUNTED = "He said 17 of them had been hurt, and 40 people died."
"""'17' counts nothing known (numbers_in gives it no `what`), '40 people' the dead."""
COUNTED = "The hospital said 52 people had died in the fire."


def test_the_reading_keeps_every_number_found_the_counted_ones_as_they_were() -> None:
    uncounted = claim_text(UNCOUNTED)
    assert [q.text for q in numbers_in(UNCOUNTED).quantities] == ["17", "40 people"]
    assert uncounted.numbers == tuple(numbers_in(UNCOUNTED).quantities)
    assert [q.text for q in uncounted.quantities] == ["40 people"]
    counted = claim_text(COUNTED)
    assert counted.numbers is counted.quantities  # nothing more is held
    assert claim_text("No number here.").numbers == ()


def test_the_numbers_kept_are_not_compared() -> None:
    """Two readings equal in what the ledger compares stay equal (claims are grouped
    by equal readings), whatever else each found."""
    text = claim_text(UNCOUNTED)
    assert dataclasses.replace(text, numbers=None) == text
    assert hash(dataclasses.replace(text, numbers=None)) == hash(text)


def test_the_tier_reads_the_quote_from_the_numbers_kept_not_finding_them_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = claim_text(UNCOUNTED)
    alone = read_sentence(UNCOUNTED, None, "")
    assert any(f.bare for f in alone.figures)  # '17' is read as a bare count

    def refused(sentence: str) -> object:
        raise AssertionError(f"numbers found again in {sentence!r}")

    monkeypatch.setattr(conflict_model, "numbers_in", refused)
    assert ReadingCache().of(UNCOUNTED, text) == alone


def test_a_reading_restored_without_its_numbers_finds_them_again() -> None:
    """A reading restored from the store keeps its counted figures only (numbers None):
    the tier finds every number, as before."""
    restored = dataclasses.replace(claim_text(UNCOUNTED), numbers=None)
    assert ReadingCache().of(UNCOUNTED, restored) == read_sentence(UNCOUNTED, None, "")


def test_one_quote_in_two_articles_is_placed_in_each_by_its_own_source() -> None:
    """The tier keeps one reading per quote: each sentence giving it has its figures
    placed in that sentence, given by that sentence's source."""
    text = claim_text(UNCOUNTED)
    cache = ReadingCache()
    here = _Claimed(("a1", 3), UNCOUNTED, text, "Police", frozenset({"police@a1"}))
    there = _Claimed(("b2", 7), UNCOUNTED, text, "Mayor", frozenset({"mayor@b2"}))
    alone = read_sentence(UNCOUNTED, None, "")
    for claimed, (article_id, index), source in (
        (here, ("a1", 3), "Police"),
        (there, ("b2", 7), "Mayor"),
    ):
        placed = claimed.placed(cache)
        assert placed == placed_reading(alone, (article_id, index), source)
        assert {(f.figure.article_id, f.figure.index, f.figure.source) for f in placed.figures} == {
            (article_id, index, source)
        }
    assert len(cache.read) == 1
