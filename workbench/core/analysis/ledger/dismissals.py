"""The analysts' "not a conflict" decisions applied to the clashes the rule finds.

An analyst who knows a flagged pair is wrong dismisses it (decisions.Dismiss): the pair
is found by its two figures, each by its sentence, its words as written and which of the
sentence's figures so written it is (a sentence may write two alike), so an
edited sentence that no longer says the figure has it no more, and the dismissal is
listed with the decisions that no longer apply, never moved onto another figure. A
restore by the same analyst takes their dismissal back; replayed in order, the latest
stands. Each analyst's dismissal is theirs: in every analyst's summary a pair two
analysts dismissed names both.

The ledger drops the clashes of the pairs dismissed; find_clashes pairs each figure only
with its most distant counterparts, so a figure that loses its one clash is compared
again with the other figures of its topic (clash_between, the rule find_clashes
applies): one that still conflicts with another stays a conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.core.analysis.figures.conflicts import Clash, Figure, clash_between
from workbench.core.analysis.ledger.decisions import Dismiss, FigurePlace

Pair = frozenset[FigurePlace]


def place_of(figure: Figure) -> FigurePlace:
    """Where a figure is, as a dismissal names it."""
    return (figure.article_id, figure.index, figure.quantity.text, figure.occurrence)


def pair_of(first: Figure, second: Figure) -> Pair:
    return frozenset((place_of(first), place_of(second)))


@dataclass(frozen=True, slots=True)
class DismissedPair:
    """Two figures dismissed as not a conflict (the lower value first), and each
    analyst's dismissal of them in force (who, when, why)."""

    low: Figure
    high: Figure
    by: tuple[Dismiss, ...]

    @property
    def pair(self) -> Pair:
        return pair_of(self.low, self.high)


def replayed(
    decisions: Iterable[Dismiss], figures: Iterable[Figure]
) -> tuple[list[DismissedPair], list[Dismiss]]:
    """The pairs dismissed, in the order first dismissed, and the dismissals and
    restores not applied: a restore taking back no dismissal of its analyst, a
    dismissal one of whose figures no claim gives now (its words changed, or its claim
    untagged)."""
    in_force: dict[tuple[str | None, Pair], Dismiss] = {}
    ignored: list[Dismiss] = []
    for decision in decisions:
        named = (decision.annotator, decision.pair)
        if decision.restore:
            if in_force.pop(named, None) is None:
                ignored.append(decision)
        else:
            in_force.pop(named, None)  # dismissed again: the later reason stands
            in_force[named] = decision
    found: dict[FigurePlace, Figure] = {}
    for figure in figures:
        found.setdefault(place_of(figure), figure)
    by_pair: dict[Pair, list[Dismiss]] = defaultdict(list)
    for (_annotator, pair), decision in in_force.items():
        if all(place in found for place in pair):
            by_pair[pair].append(decision)
        else:
            ignored.append(decision)
    dismissed = []
    for pair, by in by_pair.items():
        first, second = sorted((found[place] for place in pair), key=_value_order)
        dismissed.append(DismissedPair(first, second, tuple(by)))
    return dismissed, ignored


def _value_order(figure: Figure) -> tuple[float, str, int, str, int]:
    return (figure.measure.base_value, *place_of(figure))


def without_dismissed(clashes: Sequence[Clash], dismissed: Iterable[DismissedPair]) -> list[Clash]:
    """`clashes` (find_clashes's, in its order) without the dismissed pairs; a figure
    that loses a clash is compared with the other figures of its topic, and the pairs
    found that are not dismissed take its place, in find_clashes's order."""
    pairs = {pair.pair for pair in dismissed}
    if not pairs:
        return list(clashes)
    kept = [clash for clash in clashes if pair_of(clash.low, clash.high) not in pairs]
    if len(kept) == len(clashes):
        return kept
    touched = {
        id(figure): figure
        for clash in clashes
        if pair_of(clash.low, clash.high) in pairs
        for figure in clash.figures
    }
    by_topic: dict[str, dict[int, Figure]] = defaultdict(dict)
    for clash in clashes:
        for figure in clash.figures:
            by_topic[figure.quantity.topic][id(figure)] = figure
    listed = {pair_of(clash.low, clash.high) for clash in kept}
    for figure in touched.values():
        for other in by_topic[figure.quantity.topic].values():
            pair = pair_of(figure, other)
            if other is figure or pair in pairs or pair in listed:
                continue
            found = clash_between(figure, other)
            if found is not None:
                kept.append(found)
                listed.add(pair)
    return sorted(kept, key=_clash_order)


def _clash_order(clash: Clash) -> tuple[float, float, object, object]:
    """find_clashes's order."""
    return (
        clash.low.measure.base_value,
        clash.high.measure.base_value,
        clash.low.key,
        clash.high.key,
    )
