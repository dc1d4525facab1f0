"""The denial operating point's rule (bench/suggest_eval.py): the most recall at a
precision floor on every set chosen on, and each set scored at the others' choice."""

from __future__ import annotations

from bench.suggest_eval import Counts, denial_folds, lowest_denial_threshold

GRID = (0.3, 0.4, 0.5)
COUNTS = {
    # (threshold, set): tp, fp, fn
    (0.3, "a"): Counts(9, 3, 1),  # precision 0.75: under the floor
    (0.4, "a"): Counts(8, 1, 2),
    (0.5, "a"): Counts(6, 0, 4),
    (0.3, "b"): Counts(9, 1, 1),
    (0.4, "b"): Counts(9, 1, 1),
    (0.5, "b"): Counts(7, 0, 3),
    (0.3, "c"): Counts(5, 5, 0),
    (0.4, "c"): Counts(5, 4, 0),
    (0.5, "c"): Counts(4, 1, 1),
}


def test_the_lowest_threshold_keeping_the_floor_on_every_set_is_chosen() -> None:
    assert lowest_denial_threshold(COUNTS, ["b"], GRID, 0.78) == 0.3
    assert lowest_denial_threshold(COUNTS, ["a", "b"], GRID, 0.78) == 0.4
    assert lowest_denial_threshold(COUNTS, ["a", "b", "c"], GRID, 0.78) == 0.5
    assert lowest_denial_threshold(COUNTS, ["c"], GRID, 0.9) is None


def test_each_set_left_out_is_scored_at_the_threshold_chosen_on_the_others() -> None:
    folds = denial_folds(COUNTS, ["a", "b", "c"], GRID, 0.78)
    assert [(f.left_out, f.chosen, f.counts) for f in folds] == [
        ("a", 0.5, Counts(6, 0, 4)),
        ("b", 0.5, Counts(7, 0, 3)),
        ("c", 0.4, Counts(5, 4, 0)),
    ]
    assert denial_folds(COUNTS, ["c", "a"], GRID, 0.9)[1].counts == Counts()
