"""A learned reading of "these two figures measure the same thing", beside the rules.

The rules (conflicts.py) decide that two figures count one thing from hand-written
readings of each figure's class, event, part, place and time; fourteen blind sets
showed that unseen English escapes them (recall 0.3-0.5 on each new set). This is a
logistic regression over a pair of figures of one dimension (counts, one currency,
percentages, distances...) whose values differ beyond what their qualifiers allow:
what the rules read of the two (their verdict, whether each attribute is the same, read
on one side only or different), and general evidence the lexicon misses: the words
around each figure, the words and names the two sentences share, the ratio of the
values. Its weights are data (conflict_model.json), trained offline by
bench/conflict_model_train.py on the labelled sentence pairs, which reproduces the
file byte for byte.

Pure Python: a pair's features are a few dozen strings, its score one sum.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import product
from sys import intern

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.figures.conflicts import (
    APART_WORDS,
    Apart,
    Clash,
    Figure,
    clash_between,
    comparable,
    interval,
    kept_apart,
    kin,
    occurrences,
    one_sided,
    relation,
    rounded_conversion,
    scope_of,
    shared_ties,
    state_key,
)
from workbench.core.analysis.figures.measures import MEASURED_CLASSES, Measure, read_measures
from workbench.core.analysis.figures.quantities import numbers_in
from workbench.core.analysis.figures.quantity import Quantity
from workbench.core.analysis.suggestions.denial_model import Features, logistic, packaged_text

WEIGHTS_FILE = "conflict_model.json"
"""The weights, beside this module (bench/conflict_model_train.py writes it)."""

WINDOW = 6
"""How many words either side of a figure are its context."""
_STEM = 5
_OWN_DIMENSIONS = MEASURED_CLASSES | frozenset(
    ["percent", "percentage points", "distance", "area", "speed", "mass", "time"]
)
"""Classes that are a dimension of their own; every other non-money class is a count."""
_BARE = "count"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NAME = re.compile(r"\b[A-Z][A-Za-z]+(?:[-'’][A-Z]?[a-z]+)?\b")


def dimension(measure: Measure) -> str:
    """What two figures must both be to be compared at all: a currency, a measure of its
    own (a percentage, a distance, an age), or a count of anything."""
    unit_class = measure.unit_class
    if unit_class.startswith("money") or unit_class in _OWN_DIMENSIONS:
        return unit_class
    return _BARE


def stems(words: Sequence[str]) -> frozenset[str]:
    """Content words cut to their first letters, lower case (no function words, no
    numbers): each the one interned stem `_STEM_OF` gives it. The possible conflicts'
    find holds every claimed quote's reading at once; 150,000 stem strings of a few
    thousand values were 8 MB of it at 100,000 annotations, left as holes between what
    lasts once it let them go (issue 15)."""
    known = _STEM_OF
    new = set(words).difference(known)
    if new:
        if len(known) + len(new) > _STEMS_KEPT:  # a flood of new words: read, not kept
            return frozenset(filter(None, map(_stem, words)))
        for word in new:
            known[word] = _stem(word)
    found = frozenset(map(known.__getitem__, words))
    return found - _NO_STEM if "" in found else found


def _stem(word: str) -> str:
    """A word's stem, interned; "" for no content word (under three letters, a digit, a
    function word)."""
    if len(word) >= 3 and word.isalpha() and word not in lx.FUNCTION_WORDS:
        return intern(word[:_STEM])
    return ""


_STEM_OF: dict[str, str] = {}
"""Each lower-case word read -> _stem's answer: made once per word, and the sets made by
map (its words are never taken out, so two finds in two threads read it safely)."""
_STEMS_KEPT = 200_000
"""Words `_STEM_OF` keeps at most (about 20 MB); a word past them is read each time."""
_NO_STEM = frozenset([""])


@dataclass(frozen=True, slots=True)
class ReadFigure:
    """One figure of a sentence as the model reads it."""

    figure: Figure
    bare: bool
    """No measure was read (a number counting nothing known): read as a count."""
    context: frozenset[str]
    """Stems of the WINDOW words either side."""
    head: str | None
    """The first content word after the number (its noun, usually), as a stem."""
    words: tuple[str, ...] = ()
    """The content words around it as written (lower case), for a why a person reads."""


@dataclass(frozen=True, slots=True)
class ReadSentence:
    """A claimed sentence's figures and what the model compares between sentences."""

    figures: tuple[ReadFigure, ...]
    stems: frozenset[str]
    names: frozenset[str]
    years: frozenset[str]
    rule_figures: tuple[Figure, ...]
    """The figures the rules read (a measure), as the summary gives find_clashes."""


def read_sentence(
    text: str,
    source: str | None,
    article_id: str,
    index: int = 0,
    measured: Sequence[Measure] | None = None,
    numbers: Sequence[Quantity] | None = None,
) -> ReadSentence:
    """Every number of the sentence as a figure: with its measure where the rules read
    one, else as a bare count. `measured`: the measures the ledger read of the sentence
    (ClaimText.measures: one per number that counts something known, in order), not
    read again; `numbers`: every number of the sentence, when known (numbers_in's)."""
    found, words = (numbers, None) if numbers is not None else numbers_in(text)
    measures = _placed_measures(found, measured)
    if measures is None:
        measures = read_measures(text, found, words)
    tokens = list(_tokens(text))
    starts = [start for start, _, _ in tokens]
    figures: list[ReadFigure] = []
    rule_figures: list[Figure] = []
    key = ("analyst", article_id, index)
    counted = [quantity for quantity in found if quantity.what is not None]  # the ledger's
    nth_of = dict(zip(map(id, counted), occurrences(counted), strict=True))
    for quantity, measure in zip(found, measures, strict=True):
        nth = nth_of.get(id(quantity), 0)
        bare = measure is None
        if measure is None:
            if quantity.what is not None:
                continue
            measure = Measure(_BARE, quantity.value, None, None, None, None, None, None, None, None)
        figure = Figure(key, article_id, index, source, quantity, measure, nth)
        if not bare:
            rule_figures.append(figure)
        # the tokens before, inside and after the figure, found by their starts: a
        # sentence's figures times its words was seconds for a table (tr16 T3)
        first, last = bisect_left(starts, quantity.start), bisect_left(starts, quantity.end)
        before = [w for _, _, w in tokens[max(0, first - WINDOW) : first]]
        after = [w for _, _, w in tokens[last : last + WINDOW]]
        head = next(
            (intern(w[:_STEM]) for w in after if w.isalpha() and w not in lx.FUNCTION_WORDS), None
        )
        inside = [w for _, _, w in tokens[first:last]]
        around = before + inside + after
        kept = tuple(dict.fromkeys(intern(w) for w in around if _STEM_OF.get(w) or _stem(w)))
        figures.append(ReadFigure(figure, bare, stems(around), head, kept))
    all_words = [w for _, _, w in tokens]
    names = (
        frozenset(intern(m.group(0).lower()) for m in _NAME.finditer(text) if m.start() > 0)
        - lx.FUNCTION_WORDS
    )
    return ReadSentence(
        tuple(figures),
        stems(all_words),
        names,
        frozenset(_YEAR.findall(text)),
        tuple(rule_figures),
    )


def _placed_measures(
    found: Sequence[Quantity], measured: Sequence[Measure] | None
) -> tuple[Measure | None, ...] | None:
    """read_measures' answer from the ledger's measures (None for a number that counts
    nothing known, as read_measures gives it); None when they do not fit the numbers."""
    if measured is None:
        return None
    counting = [n for n, quantity in enumerate(found) if quantity.what is not None]
    if len(counting) != len(measured):
        return None
    measures: list[Measure | None] = [None] * len(found)
    for number, measure in zip(counting, measured, strict=True):
        measures[number] = measure
    return tuple(measures)


_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[a-z]+)?")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text)]


def apart(a: Figure, b: Figure) -> Clash | None:
    """The two figures' values differ beyond what their qualifiers (and a conversion's
    rounding) allow: the lower and the higher, else None."""
    (a_low, a_high), (b_low, b_high) = interval(a), interval(b)
    if a_high < b_low - 1e-9 * max(abs(b_low), 1.0):
        clash = Clash(a, b)
    elif b_high < a_low - 1e-9 * max(abs(a_low), 1.0):
        clash = Clash(b, a)
    else:
        return None
    return None if rounded_conversion(clash) else clash


def candidates(one: ReadSentence, other: ReadSentence) -> list[tuple[ReadFigure, ReadFigure]]:
    """The pairs of figures, one from each sentence, of one dimension and values apart."""
    return [
        (a, b)
        for a, b in product(one.figures, other.figures)
        if dimension(a.figure.measure) == dimension(b.figure.measure)
        and apart(a.figure, b.figure) is not None
    ]


def rule_apart(a: ReadFigure, b: ReadFigure, classes: Collection[str]) -> Apart | None:
    """Why the rule does not flag the two figures, as the rule reads them
    (conflicts.kept_apart): a number it reads nothing counted by is no figure of its;
    None when it flags them."""
    for figure in (a, b):
        if figure.bare:
            return Apart("no measure", figure.figure.quantity.text)
    return kept_apart(a.figure, b.figure, classes)


def _apart_features(found: Features, apart: Apart | None) -> None:
    """The rule's reason as features (the "apart" group): what keeps the two apart, and
    whether it is read on one side only; or that it flags them (no reason)."""
    if apart is None:
        found["apart:flagged"] = 1.0
        return
    found["apart:" + apart.aspect] = 1.0
    if apart.aspect in APART_WORDS and (apart.mine is None or apart.theirs is None):
        found[f"apart:{apart.aspect}:one side"] = 1.0


def vetoed(features: Mapping[str, float], vetoes: Collection[str]) -> bool:
    """Whether the rule keeps the pair apart by one of `vetoes` read on both sides (two
    times, two places: "apart:times" without "apart:times:one side"): then no candidate."""
    return any(
        "apart:" + aspect in features and f"apart:{aspect}:one side" not in features
        for aspect in vetoes
    )


def _compare(found: Features, name: str, mine: object, theirs: object) -> None:
    if mine is None and theirs is None:
        return
    if mine == theirs:
        found[name + ":same"] = 1.0
    elif mine is None or theirs is None:
        found[name + ":one side"] = 1.0
    else:
        found[name + ":differ"] = 1.0


def _compare_sets(found: Features, name: str, mine: frozenset[str], theirs: frozenset[str]) -> None:
    if not mine and not theirs:
        return
    if mine & theirs:
        found[name + ":same"] = 1.0
    elif not mine or not theirs:
        found[name + ":one side"] = 1.0
    else:
        found[name + ":differ"] = 1.0


def _bucket(count: int) -> str:
    return str(count) if count < 3 else "3+"


def _ratio(a: float, b: float) -> str:
    low, high = sorted((abs(a), abs(b)))
    if low == 0:
        return "zero"
    ratio = high / low
    for edge in (1.2, 1.5, 2.0, 3.0, 10.0):
        if ratio < edge:
            return f"<{edge:g}"
    return ">=10"


def pair_features(
    a: ReadFigure,
    b: ReadFigure,
    one: ReadSentence,
    other: ReadSentence,
    rule_flags: bool,
    classes: Collection[str],
    readings: bool = True,
    apart: bool = True,
) -> Features:
    """The features of two figures of two sentences (a candidate pair): `rule_flags`
    is whether the rules flag the two sentences at all; `classes` the classes the rules
    check (LedgerSettings.conflict_whats); without `readings`, none of what the rules read
    of the two figures (the "rules" and "readings" groups), without `apart`, not the
    rule's reason (the "apart" group): a model that weighs none of them gives the same
    probability without their cost."""
    fa, fb = a.figure, b.figure
    ma, mb = fa.measure, fb.measure
    found: Features = {"bias": 1.0, "dim:" + dimension(ma): 1.0}
    if apart:
        _apart_features(found, rule_apart(a, b, classes))
    if rule_flags:
        found["rule:sentences flagged"] = 1.0
    bare = a.bare + b.bare
    if bare:
        found[f"bare:{bare}"] = 1.0
    elif readings:
        ruled = comparable(fa, classes) and comparable(fb, classes)
        if ruled and clash_between(fa, fb) is not None:
            found["rule:clash"] = 1.0
        found["rule:relation:" + str(relation(ma, mb))] = 1.0
        if not shared_ties(ma).isdisjoint(shared_ties(mb)):
            found["rule:ties shared"] = 1.0
        if one_sided(scope_of(ma), scope_of(mb), ma.across, mb.across):
            found["rule:one sided"] = 1.0
        if ma.unit_class != mb.unit_class and kin(ma.unit_class, mb.unit_class):
            found["class:kin"] = 1.0
        else:
            _compare(found, "class", ma.unit_class, mb.unit_class)
        _compare(found, "state", state_key(ma), state_key(mb))
        for name in ("part", "place", "when", "day", "who", "per", "country"):
            _compare(found, name, getattr(ma, name), getattr(mb, name))
        _compare_sets(found, "events", ma.events, mb.events)
        _compare_sets(found, "names", ma.names, mb.names)
        states = sorted(str(s) for s in (state_key(ma), state_key(mb)))
        found[f"states:{states[0]}|{states[1]}"] = 1.0
    found["ratio:" + _ratio(ma.base_value, mb.base_value)] = 1.0
    bounds = sorted((fa.quantity.bound, fb.quantity.bound))
    found[f"bounds:{bounds[0]}|{bounds[1]}"] = 1.0
    shared = a.context & b.context
    found["ctx shared:" + _bucket(len(shared))] = 1.0
    for stem in shared:
        found["both:" + stem] = 1.0
    for stem in a.context ^ b.context:
        found["one:" + stem] = 1.0
    if a.head is not None and a.head == b.head:
        found["head:same"] = 1.0
    found["names shared:" + _bucket(len(one.names & other.names))] = 1.0
    overlap = len(one.stems & other.stems) / max(1, len(one.stems | other.stems))
    found["overlap:" + str(min(4, int(overlap * 10)))] = 1.0
    _compare_sets(found, "years", one.years, other.years)
    if len(one.figures) > 1 or len(other.figures) > 1:
        found["several figures"] = 1.0
    return found


GROUPS = (
    "rules", "readings", "apart", "values", "shared words", "differing words", "sentences"
)  # fmt: skip
"""The feature groups: the rules' verdict ("rule:"); what the rules read of each side
(class, state, part, place, time...); why the rule does not flag the two ("apart:",
rule_apart: two times, two places, two states...); the values (dimension, ratio, bounds,
bare); the stems both contexts have ("both:"); the stems one has ("one:"); the two
sentences (names, word overlap, years). "bias" is in every model."""


def group_of(name: str) -> str:
    """The group of a feature, by its name."""
    if name.startswith("rule:"):
        return "rules"
    if name.startswith("apart:"):
        return "apart"
    if name.startswith(("dim:", "ratio:", "bounds:", "bare:", "several")):
        return "values"
    if name.startswith("both:"):
        return "shared words"
    if name.startswith("one:"):
        return "differing words"
    if name.startswith(("ctx shared:", "head:", "names shared:", "overlap:", "years:")):
        return "sentences"
    return "readings"


OR = "rule or model"
AND = "rule and model"
MODEL = "model alone"
COMBINES = (OR, AND, MODEL)
"""How the rules' verdict and the model's combine: either flags; both must; the model
alone (the rules' verdict one of its features when trained with it)."""


def candidate_features(
    one: ReadSentence,
    other: ReadSentence,
    rule_flags: bool,
    classes: Collection[str],
    readings: bool = True,
    apart: bool = True,
) -> list[tuple[ReadFigure, ReadFigure, Features]]:
    """Every candidate pair of the two sentences with its features (none when one
    account gives both, as conflicts.figure_account); `readings`, `apart`:
    pair_features'."""
    accounts = {f.figure.account for f in one.figures} | {f.figure.account for f in other.figures}
    if len(accounts) < 2:
        return []
    return [
        (a, b, pair_features(a, b, one, other, rule_flags, classes, readings, apart))
        for a, b in candidates(one, other)
    ]


@dataclass(frozen=True, slots=True)
class ConflictModel:
    """Logistic regression weights: P(one thing) = sigmoid(sum of weight × value); the
    combination (COMBINES) and the threshold chosen leave one set out."""

    version: str
    weights: Mapping[str, float]
    threshold: float
    combine: str = OR
    reads_rules: bool = True
    """Some feature of what the rules read ("rules", "readings" groups) has a weight; if
    not (from_json tells), they are not made (pair_features' `readings`)."""
    reads_apart: bool = True
    """Likewise for the rule's reason ("apart" group; pair_features' `apart`)."""
    vetoes: frozenset[str] = frozenset()
    """Aspects of the rule's reading that, read on both sides, make a pair no candidate
    (vetoed)."""

    def probability(self, features: Mapping[str, float]) -> float:
        return logistic(self.weights, features)

    def reasons(self, features: Mapping[str, float], most: int = 4) -> list[str]:
        """The features that raised the probability most, strongest first."""
        raised = sorted(
            ((self.weights.get(n, 0.0) * v, n) for n, v in features.items() if n != "bias"),
            key=lambda item: (-item[0], item[1]),
        )
        return [name for weight, name in raised[:most] if weight > 0]

    def judge(
        self, one: ReadSentence, other: ReadSentence, rule_flags: bool, classes: Collection[str]
    ) -> Verdict:
        """Whether the two sentences' figures conflict, by the rules and the model as
        combined, with the model's best candidate and why."""
        best: tuple[float, ReadFigure, ReadFigure, Features] | None = None
        found = candidate_features(
            one, other, rule_flags, classes, self.reads_rules, self.reads_apart or bool(self.vetoes)
        )
        if self.vetoes:
            found = [c for c in found if not vetoed(c[2], self.vetoes)]
        for a, b, features in found:
            probability = self.probability(features)
            if best is None or probability > best[0]:
                best = (probability, a, b, features)
        probability = 0.0 if best is None else best[0]
        learned = probability >= self.threshold
        flagged = (
            rule_flags or learned
            if self.combine == OR
            else (rule_flags and learned if self.combine == AND else learned)
        )
        if best is None:
            return Verdict(flagged, rule_flags, 0.0, None, ())
        _, a, b, features = best
        return Verdict(flagged, rule_flags, probability, (a, b), tuple(self.reasons(features)))

    @classmethod
    def from_json(cls, text: str) -> ConflictModel:
        data = json.loads(text)
        combine = str(data.get("combine", OR))
        if combine not in COMBINES:
            raise ValueError(f"conflict model: unknown combination {combine!r}")
        weights = dict(data["weights"])
        groups = {group_of(n) for n in weights if n != "bias"}
        return cls(
            str(data["version"]),
            weights,
            float(data["threshold"]),
            combine,
            not groups.isdisjoint(["rules", "readings"]),
            "apart" in groups,
            frozenset(data.get("vetoes", ())),
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the reader says of two sentences."""

    flagged: bool
    rule: bool
    probability: float
    """The model's, of its best candidate (0: no candidate)."""
    pair: tuple[ReadFigure, ReadFigure] | None
    why: tuple[str, ...]
    """The features that raised the best candidate's probability most."""

    def explain(self, one: ReadSentence, other: ReadSentence) -> str:
        """said(), with the model's probability after it."""
        if self.pair is None:
            return self.said(one, other)
        return f"{self.said(one, other)} (model {self.probability:.2f})"

    def said(self, one: ReadSentence, other: ReadSentence) -> str:
        """Why the model reads the two figures as one thing, in words a person reads: the
        values, the words around both figures (not "said": who reports is no tie) and
        the names both sentences give."""
        if self.pair is None:
            return "no two figures of one kind differ beyond their qualifiers"
        a, b = self.pair
        shared = a.context & b.context
        words = [w for w in a.words if w[:_STEM] in shared and w not in lx.CLAUSE_REPORTING]
        names = sorted(one.names & other.names)
        said = [f"{a.figure.quantity.text} vs {b.figure.quantity.text}"]
        if words:
            said.append("the words around both: " + ", ".join(words))
        if names:
            said.append("names in both sentences: " + ", ".join(names))
        return "; ".join(said)


@cache
def bundled_model() -> ConflictModel:
    """The model shipped with the package (read once)."""
    return ConflictModel.from_json(packaged_text(__name__, WEIGHTS_FILE))
