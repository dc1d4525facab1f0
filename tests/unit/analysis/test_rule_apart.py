"""Why the rule does not flag two figures (conflicts.kept_apart, conflicts.reading): the
first of its own readings that keeps them apart, said as a person reads it ("two times:
october vs november"); what the possible conflicts show beside each pair."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from tests.fixtures.figure_sentence_pairs import SentencePair
from workbench.core.analysis.figures.conflict_model import candidates, read_sentence
from workbench.core.analysis.figures.conflicts import (
    Apart,
    Figure,
    clash_between,
    comparable,
    kept_apart,
    reading,
    relation,
)
from workbench.core.analysis.ledger.settings import LedgerSettings

CLASSES = LedgerSettings().conflict_whats


def figures(one: str, other: str) -> tuple[Figure, Figure]:
    """The first figure of each sentence, the two given by two sources."""
    a = read_sentence(one, "Ministry", "a").figures[0].figure
    b = read_sentence(other, "Officials", "b").figures[0].figure
    return a, b


def said(one: str, other: str) -> str | None:
    apart = kept_apart(*figures(one, other), CLASSES)
    return None if apart is None else apart.said()


def test_two_times_two_places_two_states_and_two_days_are_said_with_their_values() -> None:
    sent = "The ministry said 3,000 troops were sent to Kursk"
    assert said(
        f"{sent} in October.", "Officials said 5,000 troops were sent to Kursk in November."
    ) == ("two times: october vs november")
    assert said(f"{sent}.", "Officials said 5,000 troops were sent to Belgorod.") == (
        "two places: Kursk vs Belgorod"
    )
    assert said(f"{sent}.", "Officials said 5,000 troops were promised to Kursk.") == (
        "two states: sent vs planned"
    )
    assert said(f"{sent} in October.", "Officials said 5,000 troops were sent to Kursk.") == (
        "a time on one side only: october"
    )
    assert said(
        "The ministry said the storm killed 30 people on Monday.",
        "Officials said the storm killed 50 people on Tuesday.",
    ) == ("two days: monday vs tuesday")


def test_a_part_no_larger_than_its_whole_is_named_and_a_flagged_pair_has_no_reason() -> None:
    sent = "The ministry said 3,000 troops were sent to Kursk."
    assert said(sent, "Officials said about 1,500 special forces were sent to Kursk.") == (
        "a part no larger than its whole: about 1,500 special forces"
    )
    a, b = figures(sent, "Officials said 5,000 troops were sent to Kursk.")
    assert clash_between(a, b) is not None
    assert kept_apart(a, b, CLASSES) is None


def test_a_class_the_rule_does_not_check_is_said() -> None:
    a, b = figures(
        "The ministry said 3,000 troops were sent to Kursk.",
        "Officials said 5,000 troops were sent to Kursk.",
    )
    assert kept_apart(a, b, frozenset(["killed"])) == Apart("not checked", "troops")


@cache
def labelled_pairs() -> list[tuple[Figure, Figure]]:
    """Every candidate pair of figures the rule reads (a measure each, both checked) of
    every labelled sentence pair: what the reader compares."""
    from bench.conflict_model_train import ALWAYS_TRAINED, FOLDS

    found: list[tuple[Figure, Figure]] = []
    sets: dict[str, tuple[SentencePair, ...]] = {**ALWAYS_TRAINED, **FOLDS}
    for pairs in sets.values():
        for pair in pairs:
            one = read_sentence(pair.a, pair.a_source, f"{pair.id}-a")
            other = read_sentence(pair.b, pair.b_source, f"{pair.id}-b")
            for a, b in candidates(one, other):
                read = not (a.bare or b.bare) and a.figure.origin != b.figure.origin
                if read and comparable(a.figure, CLASSES) and comparable(b.figure, CLASSES):
                    found.append((a.figure, b.figure))
    return found


FIELDS = {
    "times": "when",
    "places": "place",
    "whose": "who",
    "rates": "per",
    "countries": "country",
    "days": "day",
    "parts": "part",
    "states": "state",
}
"""The reading an aspect names: a pair kept apart by it is no longer kept apart by it
once the second figure reads the first's."""


def test_the_reason_is_what_keeps_the_two_apart_on_every_labelled_pair() -> None:
    """The reason is the rule's own: reading() is relation() (None exactly where it gives
    a reason), kept_apart() is None exactly where clash_between() flags, and reading the
    named aspect alike on both sides takes that reason away."""
    aspects: dict[str, int] = {}
    for a, b in labelled_pairs():
        found = reading(a.measure, b.measure)
        assert (relation(a.measure, b.measure) is None) == isinstance(found, Apart)
        apart = kept_apart(a, b, CLASSES)
        assert (apart is None) == (clash_between(a, b) is not None)
        if apart is None:
            continue
        assert apart.said()
        aspects[apart.aspect] = aspects.get(apart.aspect, 0) + 1
        if apart.aspect in FIELDS and apart.mine != apart.theirs:
            name = FIELDS[apart.aspect]
            alike = replace(b.measure, **{name: getattr(a.measure, name)})
            assert reading(a.measure, alike) != apart, (a.quantity.text, b.quantity.text)
    # every reason of the readings is met on the labelled pairs: the test can fail
    assert {"times", "places", "states", "days", "parts", "classes", "whose"} <= set(aspects)
    assert {"no event", "set aside", "part within whole"} <= set(aspects)
