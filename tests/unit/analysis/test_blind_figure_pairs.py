"""The blind figure pairs: their split, recorded before the rule was changed."""

from __future__ import annotations

from tests.fixtures.blind_figure_pairs import (
    ALL,
    DEVELOPMENT,
    DEVELOPMENT_LINES,
    FINAL_TEST,
    FINAL_TEST_LINES,
    split,
)


def test_the_recorded_split_is_the_seeded_one() -> None:
    assert split() == (DEVELOPMENT_LINES, FINAL_TEST_LINES)
    assert len(ALL) == 40 and len(DEVELOPMENT) == len(FINAL_TEST) == 20
    assert sum(p.conflict for p in DEVELOPMENT) == sum(p.conflict for p in FINAL_TEST) == 10
    assert not set(DEVELOPMENT_LINES) & set(FINAL_TEST_LINES)
