"""The general readings of issue 15's fourth conflict pass: a figure's counted thing of any
kind, measures of events (temperatures, magnitudes, durations, scores), shares in words,
events written as nouns, and the soft scopes (day, kind of event, its name, a place named
elsewhere in the sentence) that keep two events apart."""

from __future__ import annotations

import pytest

from workbench.core.analysis.figures.conflicts import Figure, explain, find_clashes
from workbench.core.analysis.figures.measures import Measure, read_measures
from workbench.core.analysis.figures.quantities import numbers_in
from workbench.core.analysis.ledger.settings import LedgerSettings

CLASSES = LedgerSettings().conflict_whats


def figures(sentence: str, source: str) -> list[Figure]:
    found, words = numbers_in(sentence)
    return [
        Figure((source, source, 0), source, 0, source, quantity, measure)
        for quantity, measure in zip(found, read_measures(sentence, found, words), strict=True)
        if measure is not None
    ]


def only(sentence: str) -> Measure:
    found = figures(sentence, "x")
    assert len(found) == 1, [f.quantity for f in found]
    return found[0].measure


def conflict(a: str, b: str) -> bool:
    return bool(find_clashes(figures(a, "a") + figures(b, "b"), CLASSES))


@pytest.mark.parametrize(
    ("sentence", "unit_class", "value", "state"),
    [
        ("Thermometers in Harlow reached 39C on Tuesday.", "temperature", 39.0, "high"),
        ("Harlow sweltered at 102 degrees Fahrenheit, a record.", "temperature", 38.9, "high"),
        ("A magnitude 7.1 earthquake struck Kerem.", "magnitude", 7.1, "magnitude"),
        ("A 5.4-magnitude aftershock rattled Kerem.", "magnitude", 5.4, "magnitude"),
        ("The quake had a magnitude of 6.2, the institute said.", "magnitude", 6.2, "magnitude"),
        ("The siege of the embassy lasted nine days.", "duration", 9.0, "lasted"),
        ("Inmates ended their 12-day hunger strike.", "duration", 12.0, "lasted"),
        ("He was freed after 14 months in captivity.", "duration", 426.2, "lasted"),
        ("United won Sunday's derby 2-1.", "score", 201.0, "score"),
        ("Rovers clinched the trophy with a 5-2 aggregate win.", "score", 502.0, "aggregate"),
        ("Just under half of eligible voters cast ballots.", "percent", 50.0, "level"),
        ("The ministry signed a 20 million dollar contract.", "money USD", 2e7, "deal"),
        ("Orlentis was hit with a 4.5 million euro fine.", "money EUR", 4.5e6, "fine"),
        ("A crowd of 25,000 gathered in Freedom Square.", "people", 25_000.0, "protesting"),
        ("The storm forced the evacuation of 2,000 residents.", "people", 2_000.0, "displaced"),
        ("Police announced the arrest of 40 protesters.", "people", 40.0, "detained"),
        ("Officials ordered the evacuation of 40,000 residents.", "people", 40_000.0, "planned"),
        ("Nine climbers remain missing on Mount Orel.", "climbers", 9.0, "missed"),
        ("The airline grounded 45 aircraft.", "aircraft", 45.0, "cancelled"),
    ],
)
def test_what_a_figure_measures(sentence: str, unit_class: str, value: float, state: str) -> None:
    measure = only(sentence)
    assert (measure.unit_class, round(measure.base_value, 1), measure.state) == (
        unit_class,
        value,
        state,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The war has lasted three years.",  # no event the rule knows: no duration
        "Troops arrived 3 days ago in the town after the attack.",  # a time ago
        "In the past 3 days the floods have spread.",  # a period counted over
        "Between 10-12 homes were hit by the storm.",  # no match: no score
        "He was born on 2024-10-23 after the match.",  # a date
        "The F-16 jets flew over the first half of the route.",  # no share
    ],
)
def test_what_is_not_such_a_figure(sentence: str) -> None:
    found = {f.measure.unit_class for f in figures(sentence, "x")}
    assert not found & {"duration", "score", "percent", "temperature"}


def test_the_day_the_event_and_its_name() -> None:
    assert only("Tuesday's rally drew about 5,000 people in Kessel.").day == "tuesday"
    assert only("The quake killed 52 people.").events == frozenset({"quake"})
    assert only("The earthquake killed 52 people.").events == frozenset({"quake"})
    assert only("Storm Ilka killed 12 people.").names == frozenset({"ilka"})
    assert only("The Marsh Creek wildfire burned 12,000 hectares.").names == {"marsh creek"}
    # a body named after an event, and what a crowd demands, are no event
    assert only("Rescuers evacuated 6,000 residents, the fire brigade said.").events == set()
    assert only("A crowd of 25,000 gathered to demand new elections.").events == set()


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # two days, two kinds of event, two named events: two events
        ("Tuesday's rally drew about 5,000 people in Kessel.",
         "Some 40,000 people joined Wednesday's rally in Kessel.", False),
        ("The landslide in Kamra district killed 27 people.",
         "The floods in Kamra district have killed 64 people.", False),
        ("Storm Ilka killed at least 12 people along the coast.",
         "Storm Moro killed four people along the coast.", False),
        ("The earthquake killed 52 people in Talas province.",
         "The quake in Talas province killed 140 people.", True),
        # readings: a place is where they were read, not a part
        ("The earthquake that struck the Oruna valley measured magnitude 6.8.",
         "Sunday's quake in the Oruna valley had a magnitude of 5.2.", True),
        ("The earthquake measured magnitude 6.8.", "The quake had a magnitude of 6.7.", False),
        ("Thermometers in Harlow reached 39C on Tuesday.",
         "Harlow sweltered at 102 degrees Fahrenheit on Tuesday.", False),
        ("Rovers won Saturday's cup final 3-1.",
         "Rovers beat Athletic 2-0 in Saturday's cup final.", True),
        ("Rovers won the second leg 3-1.", "Rovers lifted the trophy with a 5-2 aggregate win.",
         False),
        ("Athletic won Saturday's derby 3-1.", "Celtic beat Hearts 2-0 on Saturday in the derby.",
         False),
        # a place named without a preposition is that place
        ("Nearly 5,000 asylum applications were filed in Venmark in the first quarter.",
         "Venmark received 5,630 asylum applications in the first quarter.", True),
    ],
)  # fmt: skip
def test_conflicts(a: str, b: str, expected: bool) -> None:
    assert conflict(a, b) is expected


def test_a_score_and_a_conversion_are_explained() -> None:
    found = figures("Rovers won Saturday's cup final 3-1.", "a") + figures(
        "Rovers beat Athletic 2-0 in Saturday's cup final.", "b"
    )
    (clash,) = find_clashes(found, CLASSES)
    assert explain(clash, lambda figure: figure.source or "") == (
        "2-0 score (b) vs 3-1 score (a): both the match's score, no qualifier allows both"
    )
    found = figures("Harlow reached 39C on Tuesday.", "a") + figures(
        "Harlow sweltered at 95 degrees Fahrenheit on Tuesday.", "b"
    )
    (clash,) = find_clashes(found, CLASSES)
    assert explain(clash, lambda figure: figure.source or "") == (
        "95 °F (b) vs 39 °C (a): both the high, no qualifier allows both (95 °F ≈ 35 °C)"
    )
