"""What a figure measures, read from its sentence: class, state, whose, where, when, per, part."""

from __future__ import annotations

from typing import Any

import pytest

from workbench.core.analysis.figures.measures import SQUARE_MILE_KM2, Measure, read_measures
from workbench.core.analysis.figures.quantities import extract_quantities


def measure(sentence: str, value: float) -> Measure:
    found = extract_quantities(sentence)
    for quantity, read in zip(found, read_measures(sentence, found), strict=True):
        if quantity.value == value and read is not None:
            return read
    raise AssertionError(f"no figure {value} in {sentence!r}: {found}")


@pytest.mark.parametrize(
    ("sentence", "value", "expected"),
    [
        # the state of the event
        ("North Korea had sent 3,000 troops to Russia out of a promised 10,000.", 3_000,
         {"state": "sent", "country": "Russia"}),
        ("North Korea had sent 3,000 troops to Russia out of a promised 10,000.", 10_000,
         {"state": "planned"}),
        ("Up to 5,000 troops were expected to be assembled by Monday.", 5_000,
         {"state": "planned", "when": "by monday"}),
        ("Pyongyang has promised to send 10,000 troops by December.", 10_000,
         {"state": "planned", "when": "by december"}),
        ("At least 10,000 troops had traveled to the Kursk region.", 10_000,
         {"state": "sent", "place": "Kursk"}),
        ("North Korea has a military with around 1.2 million personnel.", 1_200_000,
         {"state": "strength"}),
        ("Russia has 1.32 million active-duty troops.", 1_320_000, {"state": "strength"}),
        ("Ukraine captured 2 North Korean soldiers.", 2, {"state": "captured"}),
        ("Kyiv captured some 500 square miles of Russian territory.", 500,
         {"unit_class": "area", "state": "captured"}),
        ("Ukraine still occupied about 250 square miles.", 250, {"state": "held"}),
        ("Some 120,000 people have been displaced by the fighting.", 120_000,
         {"unit_class": "people", "state": "displaced"}),
        ("Police said 10,000 people joined the protest in Tbilisi.", 10_000,
         {"state": "protesting", "place": "Tbilisi"}),
        ("Police detained 300 people at the protest.", 300, {"state": "detained"}),
        ("10,000 people live there.", 10_000, {"unit_class": "people", "state": None}),
        # casualties: the class is the state, the victims are the part
        ("The quake killed 52 people.", 52, {"unit_class": "killed", "part": None}),
        ("A strike killed 12 civilians in Kharkiv.", 12,
         {"unit_class": "killed", "part": "civilians", "place": "Kharkiv", "who": None}),
        ("At least 30 soldiers were killed or injured.", 30,
         {"unit_class": "casualties", "part": "troops"}),
        # scope: per, part, when
        ("Two units, with as many as 6,000 people each, were trained.", 6_000, {"per": "each"}),
        ("About 1,500 soldiers are killed or wounded each day.", 1_500, {"per": "day"}),
        ("Russia loses 1,200 soldiers killed a day.", 1_200, {"per": "day"}),
        ("North Korea sent about 1,500 special forces soldiers.", 1_500, {"part": "special"}),
        ("It will send an additional 2,000 troops.", 2_000, {"part": "increment"}),
        ("It reports probably another 1,000 wounded.", 1_000, {"part": "increment"}),
        ("The service said last week that 1,500 troops were sent.", 1_500,
         {"when": "last week"}),
        ("In October, 3,000 North Korean troops were in Russia.", 3_000,
         {"when": "october", "who": "North Korean", "country": "Russia"}),
        ("Ukraine said on Monday that 3,000 troops had arrived.", 3_000, {"when": None}),
        ("Ukraine entered the Kursk region and captured 400 square miles.", 400,
         {"place": None}),
        ("Russia has massed 100,000 troops near Ukraine's border.", 100_000,
         {"place": "border", "country": "Ukraine", "who": "Russian"}),
    ],
)  # fmt: skip
def test_reading(sentence: str, value: float, expected: dict[str, Any]) -> None:
    read = measure(sentence, value)
    assert {name: getattr(read, name) for name in expected} == expected


def test_area_is_one_class_in_square_kilometres() -> None:
    miles = measure("Kyiv captured 500 square miles.", 500)
    kilometres = measure("Kyiv captured 1,295 square kilometres.", 1_295)
    assert miles.unit_class == kilometres.unit_class == "area"
    assert miles.base_value == pytest.approx(500 * SQUARE_MILE_KM2)
    assert kilometres.noun == "square kilometres"


def test_troop_nouns_are_one_class() -> None:
    sentence = "It sent 10 troops, 20 soldiers, 30 forces and 40 military personnel."
    found = extract_quantities(sentence)
    assert {m.unit_class for m in read_measures(sentence, found) if m} == {"troops"}


def test_a_number_that_counts_nothing_has_no_measure() -> None:
    sentence = "The “2 plus 2” meetings with 3,000 troops."
    found = extract_quantities(sentence)
    assert [m is None for m in read_measures(sentence, found)] == [True, True, False]
