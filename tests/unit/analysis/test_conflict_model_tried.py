"""The conflict reader's tried variants (bench/conflict_model_tried.py) are measured as the
trainer measures a configuration: one threshold is chosen exactly as the trainer chooses
it, two find at least what one finds at the same precision floor, and the things
compared keep only the classes of the rule's readings (and the bias), the states compared
only its states, and the words without number words drop only a figure's spelling."""

from __future__ import annotations

import random

from bench.conflict_model_train import OR, PRECISION_FLOOR, Case, lowest_threshold
from bench.conflict_model_tried import (
    NUMBER_STEMS,
    Scores,
    choose,
    counted,
    states_only,
    things_only,
    without_number_words,
)
from bench.suggest_eval import Counts
from workbench.core.analysis.figures.conflict_model import candidate_features, read_sentence
from workbench.core.analysis.ledger.settings import LedgerSettings

CLASSES = LedgerSettings().conflict_whats


def folds() -> tuple[dict[str, list[Case]], dict[str, list[Scores]]]:
    """Three folds of made-up pairs: a conflict's first score higher on average, the
    second noise that reaches higher than the first (one threshold must stay above it)."""
    shuffler = random.Random(17)
    sets: dict[str, list[Case]] = {}
    scored: dict[str, list[Scores]] = {}
    for fold in ("a", "b", "c"):
        cases, scores = [], []
        for k in range(60):
            conflict = k % 2 == 0
            cases.append(Case(f"{fold}{k}", conflict, conflict and k % 6 == 0, ()))
            lift = 0.35 if conflict else 0.0
            scores.append((min(1.0, shuffler.random() * 0.7 + lift), shuffler.random() * 0.95))
        sets[fold], scored[fold] = cases, scores
    return sets, scored


def test_one_threshold_is_the_trainers() -> None:
    sets, scored = folds()
    best = {n: [max(s) for s in scores] for n, scores in scored.items()}
    one, same = choose(sets, scored, two=False)
    assert one == same == lowest_threshold(sets, best, OR)


def test_two_thresholds_find_at_least_what_one_finds_at_the_floor() -> None:
    sets, scored = folds()

    def pooled(thresholds: tuple[float, float]) -> Counts:
        return sum((counted(sets[n], scored[n], *thresholds) for n in sets), Counts())

    one, two = pooled(choose(sets, scored, two=False)), pooled(choose(sets, scored, two=True))
    assert min(one.precision, two.precision) >= PRECISION_FLOOR
    assert two.tp > one.tp


def test_the_things_compared_are_the_classes_of_the_rules_reading() -> None:
    features = {
        "bias": 1.0,
        "class:same": 1.0,
        "state:differ": 1.0,
        "rule:clash": 1.0,
        "both:troop": 1.0,
    }
    [kept] = things_only(Case("x", True, False, (features,))).candidates
    assert kept == {"bias": 1.0, "class:same": 1.0, "rule:clash": 1.0, "both:troop": 1.0}


def test_the_states_compared_are_the_states_of_the_rules_reading() -> None:
    features = {
        "bias": 1.0,
        "class:same": 1.0,
        "state:differ": 1.0,
        "states:killed|missing": 1.0,
        "rule:clash": 1.0,
        "one:kille": 1.0,
    }
    [kept] = states_only(Case("x", True, False, (features,))).candidates
    assert kept == {"bias": 1.0, "state:differ": 1.0, "rule:clash": 1.0, "one:kille": 1.0}


def test_without_number_words_the_words_that_spell_a_figure_are_dropped() -> None:
    """'Thirty-four people' against 'Eleven people': the figures' spellings were words
    around them (one:thirt, one:four, one:eleve); the counted and the verbs stay."""
    one = read_sentence("Thirty-four people were injured in Harran.", "police", "a")
    other = read_sentence("Eleven people were killed in Harran, officials said.", "mayor", "b")
    [(_, _, features)] = candidate_features(one, other, False, CLASSES)
    assert {"one:thirt", "one:four", "one:eleve", "one:kille"} <= set(features)
    [kept] = without_number_words(Case("x", False, False, (features,))).candidates
    assert not {"one:thirt", "one:four", "one:eleve"} & set(kept)
    assert {"one:kille", "one:injur", "both:peopl"} <= set(kept)
    assert {"third", "fifth", "hundr", "milli"} <= NUMBER_STEMS
    assert not {"first", "peopl", "kille"} & NUMBER_STEMS
