"""Train the conflict model and measure it leave one set out.

    python -m bench.conflict_model_train --report   # leave one blind set out, per set and pooled
    python -m bench.conflict_model_train --report --without "blind 17"  # as before that set
    python -m bench.conflict_model_train            # write the weights file (reproducible)

The labelled sentence pairs (tests/fixtures: parts two to four and the first blind set,
always trained on; blind sets 2 to 21, one fold each) are read sentence by sentence as the
summary reads claims. Every pair of figures, one from each sentence, of one dimension and
values apart beyond their qualifiers is a candidate (but those a configuration's vetoes
leave out: the rule reads two times, places... of them); its features are
conflict_model.pair_features. A sentence pair's model score is its best candidate's
probability (none: 0). Training is multiple-instance: a conflict's candidates are all
positives in a first fit, then only the one the first fit ranks highest (the others are
left out: which figures conflict is not labelled).

Honesty: every blind set is scored by a model trained on the others, with its threshold
chosen inside the training folds (leave one training blind set out again); the rule
alone on the same set is beside it, and the rule's recall on each set when that set was
new (docs/summary-measurements.md) is the bar. The rule and its readings were developed on every set
here, so every rule-derived feature (and veto) has seen the held-out set; the rule's
figure on each set now (--report: "rule now") says how far, the sixteenth set's least.
The configuration was chosen before the sixteenth set was written, so its fold is the
nested figure of a configuration chosen without it; a configuration tried since has seen
it. The seventeenth set is a fold since session 18 (ml18); the shipped weights are not
trained on it (TRAINED_WITHOUT), so its one run stays the shipped reader's unseen figure.
The eighteenth set is a fold since session 19 (bw18dev), likewise not trained on, as
are the nineteenth since session 20 (cf20), the twentieth since session 21 (cf21) and the
twenty-first since session 22 (cf22).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.logistic import fit
from bench.suggest_eval import Counts
from tests.fixtures.blind_figure_pairs import ALL as BLIND_ONE
from tests.fixtures.blind_figure_pairs2 import FINAL_TEST as BLIND_TWO
from tests.fixtures.blind_figure_pairs3 import FINAL_TEST as BLIND_THREE
from tests.fixtures.blind_figure_pairs4 import FINAL_TEST as BLIND_FOUR
from tests.fixtures.blind_figure_pairs5 import FINAL_TEST as BLIND_FIVE
from tests.fixtures.blind_figure_pairs6 import FINAL_TEST as BLIND_SIX
from tests.fixtures.blind_figure_pairs7 import FINAL_TEST as BLIND_SEVEN
from tests.fixtures.blind_figure_pairs8 import FINAL_TEST as BLIND_EIGHT
from tests.fixtures.blind_figure_pairs9 import FINAL_TEST as BLIND_NINE
from tests.fixtures.blind_figure_pairs10 import FINAL_TEST as BLIND_TEN
from tests.fixtures.blind_figure_pairs11 import FINAL_TEST as BLIND_ELEVEN
from tests.fixtures.blind_figure_pairs13 import FINAL_TEST as BLIND_THIRTEEN
from tests.fixtures.blind_figure_pairs14 import FINAL_TEST as BLIND_FOURTEEN
from tests.fixtures.blind_figure_pairs15 import FINAL_TEST as BLIND_FIFTEEN
from tests.fixtures.blind_figure_pairs16 import FINAL_TEST as BLIND_SIXTEEN
from tests.fixtures.blind_figure_pairs17 import FINAL_TEST as BLIND_SEVENTEEN
from tests.fixtures.blind_figure_pairs18 import FINAL_TEST as BLIND_EIGHTEEN
from tests.fixtures.blind_figure_pairs19 import FINAL_TEST as BLIND_NINETEEN
from tests.fixtures.blind_figure_pairs20 import FINAL_TEST as BLIND_TWENTY
from tests.fixtures.blind_figure_pairs21 import FINAL_TEST as BLIND_TWENTY_ONE
from tests.fixtures.figure_pairs_part3 import PART_THREE
from tests.fixtures.figure_pairs_part4 import PART_FOUR
from tests.fixtures.figure_sentence_pairs import PART_TWO, SentencePair, read_pair_lines
from workbench.core.analysis.figures import conflict_model
from workbench.core.analysis.figures.conflict_model import (
    candidate_features,
    group_of,
    read_sentence,
)
from workbench.core.analysis.figures.conflicts import bucket_of, find_clashes
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.suggestions.denial_model import Features

WEIGHTS = Path(conflict_model.__file__).with_name(conflict_model.WEIGHTS_FILE)
VERSION = "conflict-model-5"
CLASSES = LedgerSettings().conflict_whats

ALWAYS_TRAINED = {
    "part two": PART_TWO,
    "part three": PART_THREE,
    "part four": PART_FOUR,
    "blind 1": BLIND_ONE,
}
"""Development pairs written beside the rules (and the first, small, blind set)."""
FOLDS = {
    "blind 2": BLIND_TWO,
    "blind 3": BLIND_THREE,
    "blind 4": BLIND_FOUR,
    "blind 5": BLIND_FIVE,
    "blind 6": BLIND_SIX,
    "blind 7": BLIND_SEVEN,
    "blind 8": BLIND_EIGHT,
    "blind 9": BLIND_NINE,
    "blind 10": BLIND_TEN,
    "blind 11": BLIND_ELEVEN,
    "blind 13": BLIND_THIRTEEN,
    "blind 14": BLIND_FOURTEEN,
    "blind 15": BLIND_FIFTEEN,
    "blind 16": BLIND_SIXTEEN,
    "blind 17": BLIND_SEVENTEEN,
    "blind 18": BLIND_EIGHTEEN,
    "blind 19": BLIND_NINETEEN,
    "blind 20": BLIND_TWENTY,
    "blind 21": BLIND_TWENTY_ONE,
}
"""The blind sets, each written by an annotator who never saw the rule: one fold each."""
WHEN_NEW = {
    "blind 2": (0.86, 0.20),
    "blind 3": (0.90, 0.26),
    "blind 4": (0.91, 0.25),
    "blind 5": (0.80, 0.30),
    "blind 6": (0.94, 0.40),
    "blind 7": (0.80, 0.40),
    "blind 8": (0.80, 0.40),
    "blind 9": (0.93, 0.35),
    "blind 10": (0.95, 0.47),
    "blind 11": (0.92, 0.55),
    "blind 13": (0.87, 0.33),
    "blind 14": (0.94, 0.42),
    "blind 15": (0.94, 0.40),
    "blind 16": (0.84, 0.40),
    "blind 17": (0.86, 0.47),
    "blind 18": (0.60, 0.07),
    "blind 19": (0.88, 0.35),
    "blind 20": (0.89, 0.62),
    "blind 21": (0.87, 0.65),
}
"""The rule's precision and recall on each blind set on its one run, with the pass it
measured frozen (docs/summary-measurements.md): the bar. Blind 18's is main 754a2c3's,
before one source in two articles was compared (cf19): 33 of its 40 conflicts are one
source's two figures. Blind 19's is main 76da497's, the same convention; on cf19, which
compared one source in two articles, it was 0.88 / 0.70. Blind 20's is main 26dce22's, the
same on cf20's readings. Blind 21's is main 3570cbf's (session 22, before anyone read it)."""

PRECISION_FLOOR = 0.90
"""The threshold chosen is the lowest whose out-of-fold precision, pooled over the
training folds, reaches this."""
THRESHOLD_GRID = tuple(round(0.30 + 0.05 * step, 2) for step in range(14))
"""0.30 to 0.95."""
EPOCHS = 15
RATE = 0.3
MIN_COUNT = 3
"""A word feature is kept when at least this many training candidates have it."""
SEED = 15
LEXICAL = frozenset(["shared words", "differing words"])

OR, AND, MODEL, COMBINES = (
    conflict_model.OR,
    conflict_model.AND,
    conflict_model.MODEL,
    conflict_model.COMBINES,
)


@dataclass(frozen=True, slots=True)
class Config:
    groups: tuple[str, ...]
    l2: float
    positive_weight: float = 1.0
    vetoes: tuple[str, ...] = ()
    """Aspects of the rule's reading that, read on both sides, make a pair no candidate
    (conflict_model.vetoed), in training and scoring."""

    def label(self) -> str:
        vetoes = f", vetoed: two {', '.join(self.vetoes)}" if self.vetoes else ""
        return (
            f"{'+'.join(self.groups)}, L2 {self.l2:g}, positives x{self.positive_weight:g}{vetoes}"
        )


ALL_GROUPS = conflict_model.GROUPS
VETOES = ("times", "days", "places", "events", "names", "countries", "whose", "rates")
"""What the labelling conventions make two things when read on both sides: two times, days,
places, events (kinds or names), countries, groups (whose), rates."""
CONFIGS = (
    Config(("rules", "readings", "values", "shared words", "sentences"), 0.003),
    Config(ALL_GROUPS, 0.003),
    Config(("rules", "readings", "values", "sentences"), 0.003),
    Config(("values", "shared words", "differing words", "sentences"), 0.003),
    Config(("apart", "values", "shared words", "differing words", "sentences"), 0.003),
    Config(("values", "shared words", "differing words", "sentences"), 0.003, vetoes=VETOES),
    Config(
        ("apart", "values", "shared words", "differing words", "sentences"), 0.003, vetoes=VETOES
    ),
)
"""The order ties are broken in."""
CHOSEN = CONFIGS[3]
CHOSEN_COMBINE = OR
"""conflict-model-3: conflict-model-1's configuration (the highest recall pooled over blind
sets 2-14 among those reaching PRECISION_FLOOR), trained on blind sets 2-16, as
conflict-model-2 was on 2-15. Over blind sets 2-16, nested, rule OR model, neither the
rule's reason as features (CONFIGS[4]) nor its two-sided readings as vetoes (CONFIGS[5])
nor the variants of bench/conflict_model_tried.py beat it on pooled precision and recall
both (docs/summary-measurements.md, "The reader on blind sets 2-16"): each of CONFIGS is
one line away here."""
TRAINED_WITHOUT = ("blind 17", "blind 18", "blind 19", "blind 20", "blind 21")
"""Folds measured but left out of the shipped weights. Trained on blind 17 too
(conflict-model-4, ml18), the configuration measured worse nested over blind sets 2-17
than trained without it (conflict-model-3): 0.905 / 0.851 against 0.911 / 0.853, one
conflict fewer and three false alarms more (docs/summary-measurements.md, "The reader on blind sets
2-17"). So conflict-model-3's configuration and folds stay, and blind 17's run stays its
figure on unseen text. conflict-model-5 (cf19) is conflict-model-3 retrained once one source
in two articles is compared (conflicts.figure_account): one source's pairs across
articles are candidates. Nested over blind sets 2-17, rule OR model: 0.92 / 0.84 (489,
45, 96); before the change the same nested run gave 0.91 / 0.85 (498, 52, 87). Blind 18
(bw18dev, session 19) is a fold too but, like blind 17, not trained on: conflict-model-5's
weights stay as they are. Blind 19 (session 20), blind 20 (session 21) and blind 21
(session 22) likewise: folds, not trained on (trained on blind 17-20 too, nested over blind
2-20 traded recall for precision, cf21)."""


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled sentence pair: its candidates' features, the rule's verdict, the
    label."""

    id: str
    conflict: bool
    rule: bool
    candidates: tuple[Features, ...]


def read_pair(pair: SentencePair, same_bucket: bool = False) -> Case:
    """The pair's candidates; with `same_bucket`, only those find_clashes could meet: two
    figures the rules read (a measure each) in one bucket (conflicts.bucket_of)."""
    one = read_sentence(pair.a, pair.a_source, f"{pair.id}-a")
    other = read_sentence(pair.b, pair.b_source, f"{pair.id}-b")
    rule = bool(find_clashes(one.rule_figures + other.rule_figures, CLASSES))
    found = tuple(
        f
        for a, b, f in candidate_features(one, other, rule, CLASSES)
        if not same_bucket
        or (not (a.bare or b.bare) and bucket_of(a.figure.measure) == bucket_of(b.figure.measure))
    )
    return Case(pair.id, pair.conflict, rule, found)


def read_sets(
    same_bucket: bool = False, without: Collection[str] = ()
) -> dict[str, tuple[Case, ...]]:
    """Every labelled set read, but those named in `without` (left out entirely, as if
    never written: `--without "blind 17"` measures the reader before that set)."""
    unknown = set(without) - set(FOLDS)
    if unknown:
        raise ValueError(f"no fold named {', '.join(sorted(unknown))}")
    return {
        name: tuple(read_pair(pair, same_bucket) for pair in pairs)
        for name, pairs in {**ALWAYS_TRAINED, **FOLDS}.items()
        if name not in without
    }


def folds_of(sets: Mapping[str, object]) -> list[str]:
    """The blind sets among `sets`, each a fold, in order."""
    return [name for name in FOLDS if name in sets]


def _vocabulary(cases: Sequence[Case], config: Config) -> list[str]:
    counts: dict[str, int] = {}
    for case in cases:
        for features in case.candidates:
            for name in features:
                if group_of(name) in config.groups or name == "bias":
                    counts[name] = counts.get(name, 0) + 1
    return sorted(
        name
        for name, count in counts.items()
        if count >= MIN_COUNT or group_of(name) not in LEXICAL
    )


def _probability(weights: Mapping[str, float], features: Features) -> float:
    return conflict_model.ConflictModel(VERSION, weights, 0.5).probability(features)


def train(cases: Sequence[Case], config: Config) -> dict[str, float]:
    """Two fits: every candidate of a conflict a positive, then only its best."""
    if config.vetoes:
        cases = [_unvetoed(case, config.vetoes) for case in cases]
    vocabulary = _vocabulary(cases, config)
    index = {name: k for k, name in enumerate(vocabulary)}

    def row(features: Features) -> list[tuple[int, float]]:
        return sorted((index[n], v) for n, v in features.items() if n in index)

    weights: dict[str, float] = {}
    for round_ in range(2):
        rows = []
        for case in cases:
            chosen = case.candidates
            if round_ and case.conflict and len(chosen) > 1:
                chosen = (max(chosen, key=lambda f: _probability(weights, f)),)
            rows.extend((row(features), case.conflict, 1.0) for features in chosen)
        fitted = fit(
            rows,
            len(vocabulary),
            index["bias"],
            l2=config.l2,
            positive_weight=config.positive_weight,
            epochs=EPOCHS,
            rate=RATE,
            seed=SEED,
        )
        weights = {
            name: round(weight, 4)
            for name, weight in zip(vocabulary, fitted, strict=True)
            if round(weight, 4) != 0.0
        }
    return weights


def _unvetoed(case: Case, vetoes: Sequence[str]) -> Case:
    """The case without its candidates the rule keeps apart by `vetoes` on both sides."""
    kept = tuple(f for f in case.candidates if not conflict_model.vetoed(f, vetoes))
    return Case(case.id, case.conflict, case.rule, kept)


def score(case: Case, weights: Mapping[str, float], vetoes: Sequence[str] = ()) -> float:
    """The pair's best candidate's probability (0: none), without the vetoed."""
    candidates = _unvetoed(case, vetoes).candidates if vetoes else case.candidates
    return max((_probability(weights, f) for f in candidates), default=0.0)


def said(case: Case, probability: float, threshold: float, combine: str) -> bool:
    learned = probability >= threshold
    if combine == OR:
        return case.rule or learned
    if combine == AND:
        return case.rule and learned
    return learned


def counts(
    cases: Sequence[Case], scored: Sequence[float], threshold: float, combine: str
) -> Counts:
    tp = fp = fn = 0
    for case, probability in zip(cases, scored, strict=True):
        flag = said(case, probability, threshold, combine)
        tp += flag and case.conflict
        fp += flag and not case.conflict
        fn += not flag and case.conflict
    return Counts(tp, fp, fn)


def rule_counts(cases: Sequence[Case]) -> Counts:
    return counts(cases, [0.0] * len(cases), 2.0, OR)


Scored = dict[str, list[float]]


def out_of_fold(sets: Mapping[str, Sequence[Case]], folds: Sequence[str], config: Config) -> Scored:
    """Each fold's cases scored by a model trained on every other set."""
    found: Scored = {}
    for held in folds:
        training = [case for name, cases in sets.items() if name != held for case in cases]
        weights = train(training, config)
        found[held] = [score(case, weights, config.vetoes) for case in sets[held]]
    return found


class Trainings:
    """Models trained on every set of `sets` but some, each trained once: leaving out a then
    b is leaving out b then a (the same cases in the same order, so the same weights), so a
    nested leave-one-set-out over 15 folds trains 120 models, not 225."""

    def __init__(
        self,
        sets: Mapping[str, Sequence[Case]],
        config: Config,
        trainer: Callable[[Sequence[Case], Config], dict[str, float]] = train,
    ) -> None:
        self._sets, self._config, self._trainer = sets, config, trainer
        self._made: dict[frozenset[str], dict[str, float]] = {}

    def without(self, *left_out: str) -> dict[str, float]:
        key = frozenset(left_out)
        if key not in self._made:
            cases = [c for name, cases in self._sets.items() if name not in key for c in cases]
            self._made[key] = self._trainer(cases, self._config)
        return self._made[key]


def lowest_threshold(sets: Mapping[str, Sequence[Case]], scored: Scored, combine: str) -> float:
    """The lowest threshold whose pooled precision over `scored`'s folds reaches
    PRECISION_FLOOR (else the highest)."""
    for value in THRESHOLD_GRID:
        pooled = sum((counts(sets[n], scored[n], value, combine) for n in scored), Counts())
        if pooled.precision >= PRECISION_FLOOR:
            return value
    return THRESHOLD_GRID[-1]


def nested(sets: Mapping[str, Sequence[Case]], config: Config) -> dict[str, list[str]]:
    """Leave one blind set out, the threshold chosen inside the training folds: rows of a
    markdown table for each combination."""
    rows: dict[str, list[str]] = {combine: [] for combine in COMBINES}
    pooled = {combine: Counts() for combine in COMBINES}
    rule_pooled = Counts()
    folds = folds_of(sets)
    made = Trainings(sets, config)
    for held in folds:
        training = {name: cases for name, cases in sets.items() if name != held}
        inner = {
            n: [score(case, made.without(held, n), config.vetoes) for case in sets[n]]
            for n in folds
            if n != held
        }
        weights = made.without(held)
        scored = [score(case, weights, config.vetoes) for case in sets[held]]
        alone = rule_counts(sets[held])
        rule_pooled += alone
        bar = WHEN_NEW[held]
        for combine in COMBINES:
            threshold = lowest_threshold(training, inner, combine)
            c = counts(sets[held], scored, threshold, combine)
            pooled[combine] += c
            rows[combine].append(
                f"| {held} | {bar[0]:.2f} / {bar[1]:.2f} | {alone.precision:.2f} / "
                f"{alone.recall:.2f} | {threshold:.2f} | {c.precision:.2f} / {c.recall:.2f} "
                f"({c.tp}, {c.fp}, {c.fn}) |"
            )
        print(f"{held} done", flush=True)
    for combine in COMBINES:
        c = pooled[combine]
        rows[combine].append(
            f"| pooled | | {rule_pooled.precision:.2f} / {rule_pooled.recall:.2f} | | "
            f"{c.precision:.2f} / {c.recall:.2f} ({c.tp}, {c.fp}, {c.fn}) |"
        )
    return rows


HEADER = "| left out | rule when new P / R | rule now P / R | threshold | P / R (tp, fp, fn) |"


def report(sets: Mapping[str, Sequence[Case]], configs: Sequence[Config]) -> None:
    folds = folds_of(sets)
    reach = sum(bool(c.candidates) for n in folds for c in sets[n] if c.conflict)
    total = sum(c.conflict for n in folds for c in sets[n])
    print(f"blind conflicts with a candidate pair of figures: {reach} of {total}")
    for config in configs:
        print(f"\n## {config.label()}")
        for combine, rows in nested(sets, config).items():
            print(f"\n### {combine}\n")
            print(HEADER)
            print("|---|---|---|---|---|")
            print("\n".join(rows), flush=True)


def shipped_threshold(sets: Mapping[str, Sequence[Case]], config: Config, combine: str) -> float:
    """The threshold chosen as inside each fold, over every blind set out of fold."""
    return lowest_threshold(sets, out_of_fold(sets, folds_of(sets), config), combine)


def shipped_sets(sets: Mapping[str, Sequence[Case]]) -> dict[str, Sequence[Case]]:
    """The sets the shipped weights are trained on: all but TRAINED_WITHOUT."""
    return {name: cases for name, cases in sets.items() if name not in TRAINED_WITHOUT}


def weights_file(
    sets: Mapping[str, Sequence[Case]], config: Config = CHOSEN, combine: str = CHOSEN_COMBINE
) -> str:
    """The weights file's text: `config` trained on every set but TRAINED_WITHOUT, with its
    threshold."""
    sets = shipped_sets(sets)
    threshold = shipped_threshold(sets, config, combine)
    weights = train([c for cases in sets.values() for c in cases], config)
    record = {
        "combine": combine,
        "groups": list(config.groups),
        "l2": config.l2,
        "positive_weight": config.positive_weight,
        "threshold": threshold,
        "trained_on": list(sets),
        "version": VERSION,
        "weights": weights,
    }
    if config.vetoes:
        record["vetoes"] = list(config.vetoes)
    return json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def score_file(path: Path) -> None:
    """The rule alone and the bundled reader on a labelled pairs file (one run), and, for
    the record, the reader restricted to what find_clashes could meet (trained now on the
    same sets, its threshold chosen the same way: `--same-bucket`)."""
    model = conflict_model.bundled_model()
    pairs = read_pair_lines(path, path.stem)
    rule, reader = Counts(), Counts()
    for pair in pairs:
        one = read_sentence(pair.a, pair.a_source, f"{pair.id}-a")
        other = read_sentence(pair.b, pair.b_source, f"{pair.id}-b")
        flags = bool(find_clashes(one.rule_figures + other.rule_figures, CLASSES))
        verdict = model.judge(one, other, flags, CLASSES)
        rule += _counted(flags, pair.conflict)
        reader += _counted(verdict.flagged, pair.conflict)
        if verdict.flagged != pair.conflict or verdict.flagged != flags:
            print(
                f"{pair.id}: label {pair.conflict}, rule {flags}, reader {verdict.flagged}: "
                f"{verdict.explain(one, other)}; features {', '.join(verdict.why)}"
            )
    bucket_sets = shipped_sets(read_sets(same_bucket=True))
    threshold = shipped_threshold(bucket_sets, CHOSEN, CHOSEN_COMBINE)
    weights = train([c for cases in bucket_sets.values() for c in cases], CHOSEN)
    bucketed = Counts()
    for pair in pairs:
        case = read_pair(pair, same_bucket=True)
        probability = score(case, weights, CHOSEN.vetoes)
        bucketed += _counted(said(case, probability, threshold, OR), pair.conflict)
    for name, c in (
        ("rule alone", rule),
        (f"reader ({model.version}, threshold {model.threshold:.2f})", reader),
        (f"same bucket only (threshold {threshold:.2f})", bucketed),
    ):
        print(f"{name}: P {c.precision:.2f} R {c.recall:.2f} ({c.tp}, {c.fp}, {c.fn})")


def _counted(flagged: bool, conflict: bool) -> Counts:
    return Counts(flagged and conflict, flagged and not conflict, not flagged and conflict)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="leave one set out and report")
    parser.add_argument("--all-configs", action="store_true", help="report every configuration")
    parser.add_argument(
        "--score", metavar="JSONL", help="score a labelled pairs file with the bundled model"
    )
    parser.add_argument(
        "--without",
        metavar="FOLD",
        action="append",
        default=[],
        help='with --report: leave a blind set out entirely ("blind 17": the reader before it)',
    )
    parser.add_argument(
        "--same-bucket",
        action="store_true",
        help="with --report: only the candidates find_clashes could meet (one bucket)",
    )
    args = parser.parse_args(argv)
    if args.score is not None:
        score_file(Path(args.score))
        return
    if args.without and not args.report:
        parser.error("--without is for --report: the weights leave out TRAINED_WITHOUT only")
    sets = read_sets(args.same_bucket, args.without)
    if args.report:
        report(sets, CONFIGS if args.all_configs else (CHOSEN,))
        return
    WEIGHTS.write_text(weights_file(sets), encoding="utf-8")
    print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
