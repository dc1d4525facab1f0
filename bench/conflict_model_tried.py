"""Changes to the conflict reader tried against the shipped configuration (ml17, ml18).

    python -m bench.conflict_model_tried              # every variant, one table row each
    python -m bench.conflict_model_tried --only NAME  # one (its name as the table gives it)
    python -m bench.conflict_model_tried --without "blind 17"  # as before that set was a fold

Each is measured as bench.conflict_model_train measures a configuration, rule OR model:
leave one blind set out, the threshold(s) chosen inside the training folds (leave one
training blind set out again) as the highest recall whose pooled precision reaches
PRECISION_FLOOR. Each aims at recall on the held-out sets where the rule says no, the
only pairs the model decides under OR:

- trained only where the rule is silent (the pairs it does not flag): the model's
  weights spent on the pairs it decides, not on what the rule already finds;
- the things compared, as the rule reads them: the two figures' unit classes the same,
  kin (troops and soldiers) or different, beside the general evidence, with and without
  the rule's reason (the "apart" group);
- two thresholds: one for a candidate the rule reads two times, days, places, events,
  names, countries, groups or rates of (conflict_model_train.VETOES read on both sides,
  seldom a conflict on the labelled sets) and one for the rest, chosen together.

None beat the shipped configuration on pooled precision and recall both
(docs/summary-measurements.md, "The reader on blind sets 2-16"), so none ships; they stay here,
measured, for the next fold.

ml18 (blind 17 a fold: blind sets 2-17) tried two aimed at precision, the reader's false
alarms (the pairs it adds that are not conflicts):

- no number words among the words: a figure written in words ("Thirty-four people",
  "Nineteen of the guests", "finished fifth") gave its own spelling as words around it
  (one:thirt, one:four, one:ninet, one:fifth, weighted up to 2.1 in conflict-model-3),
  which say how the number is written, not what it counts: two of blind 17's three false
  alarms the reader adds leaned on them;
- and the states compared: the two figures' states as the rule reads them (the same, on
  one side only, or two: "killed" against "missing", "launched" against "shot down"),
  the readings group cut to state:, beside the general evidence: many of the false alarms
  over blind sets 2-17 are two things done to one group.

Neither beat the shipped configuration trained on blind sets 2-17 on pooled precision and
recall both: the first traded recall for precision (0.913 / 0.839 against 0.905 / 0.851:
seven conflicts and five false alarms fewer), the second lost recall at the same
precision (docs/summary-measurements.md, "The reader on blind sets 2-17").
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bench import conflict_model_train as train_
from bench.conflict_model_train import CHOSEN, PRECISION_FLOOR, Case, Config, folds_of
from bench.suggest_eval import Counts
from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.figures import conflict_model
from workbench.core.analysis.figures.conflict_model import group_of, vetoed
from workbench.core.analysis.suggestions.denial_model import logistic

Scores = tuple[float, float]
"""A pair's best candidate probability: among those the rule reads two of (VETOES), and
among the rest."""
Trainer = Callable[[Sequence[Case], Config], dict[str, float]]


def silent_only(cases: Sequence[Case], config: Config) -> dict[str, float]:
    """Trained on the pairs the rule does not flag only."""
    return train_.train([case for case in cases if not case.rule], config)


_THINGS = ("class:", "bias")


def things_only(case: Case) -> Case:
    """The case with the readings group cut to the two figures' classes compared."""
    kept = tuple(
        {n: v for n, v in f.items() if group_of(n) != "readings" or n.startswith(_THINGS)}
        for f in case.candidates
    )
    return Case(case.id, case.conflict, case.rule, kept)


def states_only(case: Case) -> Case:
    """The case with the readings group cut to the two figures' states compared (the
    same, on one side only, two: "killed" against "missing", "launched" against "shot
    down")."""
    kept = tuple(
        {
            n: v
            for n, v in f.items()
            if group_of(n) != "readings" or n.startswith(("state:", "bias"))
        }
        for f in case.candidates
    )
    return Case(case.id, case.conflict, case.rule, kept)


_SPELT = (
    *lx.COMPOUND_UNITS, *lx.SPELLED_NUMBERS, *lx.SPELLED_SCALES, *lx.FRACTIONS,
    *(word for word in lx.MULTIPLIERS if len(word) > 2),
    "hundreds", "thousands", "millions", "billions", "dozens", "tens",
    "fourth", "sixth", "seventh", "eighth", "ninth", "tenth",
)  # fmt: skip
NUMBER_STEMS = conflict_model.stems(_SPELT)
"""The stems of words that spell a number (cardinals, scales, fractions, ordinals from
third): a figure's value as written ("Thirty-four", "Nineteen of", "finished fifth"),
which the values group reads; as words around a figure they said how the number was
written, not what it counts."""


def without_number_words(case: Case) -> Case:
    """The case without the shared and differing words that spell a number."""
    kept = tuple(
        {
            n: v
            for n, v in f.items()
            if not (n.startswith(("one:", "both:")) and n.split(":", 1)[1] in NUMBER_STEMS)
        }
        for f in case.candidates
    )
    return Case(case.id, case.conflict, case.rule, kept)


@dataclass(frozen=True, slots=True)
class Variant:
    name: str
    config: Config
    trainer: Trainer = train_.train
    cases: Callable[[Case], Case] | None = None
    two_thresholds: bool = False


GENERAL = CHOSEN.groups
VARIANTS = (
    Variant("the shipped configuration", CHOSEN),
    Variant("trained where the rule is silent", CHOSEN, silent_only),
    Variant(
        "and the things compared", Config(("readings", *GENERAL), CHOSEN.l2), cases=things_only
    ),
    Variant(
        "and the things compared and the rule's reason",
        Config(("readings", "apart", *GENERAL), CHOSEN.l2),
        cases=things_only,
    ),
    Variant("two thresholds: two of a kind and the rest", CHOSEN, two_thresholds=True),
    Variant("no number words among the words", CHOSEN, cases=without_number_words),
    Variant(
        "and the states compared", Config(("readings", *GENERAL), CHOSEN.l2), cases=states_only
    ),
)


def scores(case: Case, weights: Mapping[str, float]) -> Scores:
    two = plain = 0.0
    for features in case.candidates:
        probability = logistic(weights, features)
        if vetoed(features, train_.VETOES):
            two = max(two, probability)
        else:
            plain = max(plain, probability)
    return two, plain


def counted(cases: Sequence[Case], scored: Sequence[Scores], two: float, plain: float) -> Counts:
    found = Counts()
    for case, (p_two, p_plain) in zip(cases, scored, strict=True):
        flag = case.rule or p_two >= two or p_plain >= plain
        found += Counts(
            flag and case.conflict, flag and not case.conflict, not flag and case.conflict
        )
    return found


def choose(
    sets: Mapping[str, Sequence[Case]], scored: Mapping[str, Sequence[Scores]], two: bool
) -> tuple[float, float]:
    """One threshold for both unless `two`: the lowest whose precision, pooled over
    `scored`'s folds, reaches PRECISION_FLOOR (as the trainer chooses); with `two`, the
    two (two of a kind, the rest) that find the most conflicts at that precision (ties:
    fewer false alarms, then the lower)."""
    grid = (*train_.THRESHOLD_GRID, 1.01)
    best: tuple[tuple[int, int, float, float], tuple[float, float]] | None = None
    for pair in [(a, b) for a in grid for b in grid] if two else [(a, a) for a in grid]:
        c = sum((counted(sets[n], scored[n], *pair) for n in scored), Counts())
        if c.precision < PRECISION_FLOOR:
            continue
        if not two:
            return pair
        key = (c.tp, -c.fp, -pair[0], -pair[1])
        if best is None or key > best[0]:
            best = (key, pair)
    return best[1] if best else (grid[-1], grid[-1])


@dataclass(frozen=True, slots=True)
class Measured:
    pooled: Counts
    per_fold: dict[str, tuple[tuple[float, float], Counts]]
    added: tuple[int, int]
    """Pairs the model adds to the rule's flags, and how many of them are conflicts."""


def measure(sets: Mapping[str, Sequence[Case]], variant: Variant) -> Measured:
    if variant.cases is not None:
        sets = {name: [variant.cases(c) for c in cases] for name, cases in sets.items()}

    made = train_.Trainings(sets, variant.config, variant.trainer)
    pooled, per_fold, pairs, conflicts = Counts(), {}, 0, 0
    folds = folds_of(sets)
    for held in folds:
        training = {n: cases for n, cases in sets.items() if n != held}
        inner: dict[str, list[Scores]] = {}
        for n in folds:
            if n != held:
                weights = made.without(held, n)
                inner[n] = [scores(c, weights) for c in training[n]]
        thresholds = choose(training, inner, variant.two_thresholds)
        weights = made.without(held)
        scored = [scores(c, weights) for c in sets[held]]
        found = counted(sets[held], scored, *thresholds)
        for case, (p_two, p_plain) in zip(sets[held], scored, strict=True):
            if not case.rule and (p_two >= thresholds[0] or p_plain >= thresholds[1]):
                pairs += 1
                conflicts += case.conflict
        per_fold[held] = (thresholds, found)
        pooled += found
        print(f"{variant.name}: {held} done", flush=True)
    return Measured(pooled, per_fold, (pairs, conflicts))


LAST = 3
"""The newest folds, shown one column each."""


def row(variant: Variant, measured: Measured) -> str:
    c = measured.pooled

    def fold(name: str) -> str:
        f = measured.per_fold[name][1]
        return f"{f.precision:.2f} / {f.recall:.2f} ({f.tp}, {f.fp}, {f.fn})"

    thresholds = sorted({t for t, _ in measured.per_fold.values()})
    shown = ", ".join(f"{a:.2f}" if a == b else f"{a:.2f} & {b:.2f}" for a, b in thresholds)
    pairs, conflicts = measured.added
    return (
        f"| {variant.name} | {c.precision:.3f} / {c.recall:.3f} ({c.tp}, {c.fp}, {c.fn}) | "
        f"{pairs}, {conflicts} ({conflicts / max(1, pairs):.2f}) | "
        + "".join(f"{fold(name)} | " for name in list(measured.per_fold)[-LAST:])
        + f"{shown} |"
    )


def header(folds: Sequence[str]) -> str:
    newest = "".join(f" {name} |" for name in folds[-LAST:])
    return (
        f"| variant | pooled P / R (tp, fp, fn) | added to the rule: pairs, conflicts |{newest}"
        " thresholds chosen (two of a kind & the rest) |\n"
        + "|---" * (4 + len(folds[-LAST:]))
        + "|"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", metavar="NAME", help="one variant, by its name")
    parser.add_argument(
        "--without",
        metavar="FOLD",
        action="append",
        default=[],
        help='leave a blind set out entirely ("blind 17": as measured before it was a fold)',
    )
    args = parser.parse_args(argv)
    chosen = [v for v in VARIANTS if args.only in (None, v.name)]
    if not chosen:
        parser.error(f"no variant named {args.only!r}")
    sets = train_.read_sets(without=args.without)
    rows = [row(variant, measure(sets, variant)) for variant in chosen]
    print(header(folds_of(sets)))
    print("\n".join(rows))


if __name__ == "__main__":
    main()
