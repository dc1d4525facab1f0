"""The general readings of issue 15's sixth conflict pass: arithmetic of parts and totals,
numbers in words (hyphenated, ratios), units joined to their number, verbs and nouns that
name one event; and beside each, the unrelated figures that must stay apart."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures, only
from workbench.core.analysis.figures.quantities import numbers_in


def readings(sentence: str) -> list[tuple[str, float, str | None]]:
    return [
        (f.measure.unit_class, f.measure.base_value, f.measure.state)
        for f in figures(sentence, "x")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Forty-one migrants drowned when the boat capsized.", ("killed", 41.0, "killed")),
        ("Police arrested twenty-one protesters.", ("people", 21.0, "detained")),
        ("Ninety-one people died in the blaze.", ("killed", 91.0, "killed")),
        ("One in four children in Ashgrove lives in poverty.", ("percent", 25.0, "level")),
        ("Fewer than seven in ten voters turned out.", ("percent", 70.0, "level")),
        ("Three out of five adults in Carrow are overweight.", ("percent", 60.0, "level")),
        ("Some 40% of children in Ashgrove live in poverty.", ("percent", 40.0, "level")),
        ("The driver was travelling at 90mph.", ("speed", pytest.approx(144.84, 0.01), "moving")),
        ("Police seized 200kg of cocaine.", ("mass", 0.2, "seized")),
        ("Road fatalities in Brenland fell to 1,104 last year.", ("killed", 1104.0, "killed")),
        ("About 300 firefighters battled the blaze.", ("firefighters", 300.0, "fought")),
        ("Police arrested 12 journalists.", ("journalists", 12.0, "detained")),
        ("All 205 people on the plane survived.", ("people", 205.0, "aboard")),
        ("Officials said 12 000 troops were sent.", ("troops", 12000.0, "sent")),
        ("Kyiv said 9\u202f500 troops were sent.", ("troops", 9500.0, "sent")),
        ("Fourteen of the hostages were released on Sunday.", ("hostages", 14.0, "rescued")),
        ("Police said 300 of the protesters were detained.", ("people", 300.0, "detained")),
        ("At least 20 reporters were held by security forces.", ("journalists", 20.0, "detained")),
        ("The storm left 90,000 homes without power.", ("homes", 90000.0, "without power")),
        ("The storm cut power to 19,000 homes.", ("homes", 19000.0, "without power")),
        ("The blast struck at five past four in the afternoon.", ("clock", 965.0, "clock")),
        ("The quake struck at a quarter to three in the morning.", ("clock", 165.0, "clock")),
        ("Agnes Morrow, who was in her eighties, died in the fire.", ("age", 89.0, "age")),
        ("The club said the stadium will have a capacity of 45,000.", ("people", 45e3, "capacity")),
        ("Homicides in Port Selwyn rose to 96 last year.", ("murders", 96.0, "recorded")),
        ("Temperatures in Norrland have risen 1.8C since 1900.", ("temperature", 1.8, "rise")),
        ("Norrland has warmed by 3.6F since 1900.", ("temperature", 2.0, "rise")),
        ("Temperatures rose to 40C on Sunday.", ("temperature", 40.0, "high")),
    ],
)
def test_numbers_in_words_ratios_joined_units_and_events(
    sentence: str, expected: tuple[str, float, str]
) -> None:
    measure = only(sentence)
    assert (measure.unit_class, measure.base_value, measure.state) == expected


def test_a_number_after_this_or_last_is_no_duration() -> None:
    assert readings("Road deaths in Brenland rose to 1,104 last year.") == [
        ("killed", 1104.0, "killed")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "He scored twice in three days.",  # a time, not a share
        "The court sat for two in three days.",
        "One of the two leaders spoke.",  # "one" alone is no number
        "About 30% of the budget goes on health.",  # a share of a whole, no plural counted
        "On June 12 200 people marched.",  # a day, then a number: no thousands
    ],
)
def test_what_the_new_readings_leave_alone(sentence: str) -> None:
    assert [r for r in readings(sentence) if r[0] == "percent" and r[2] is not None] == []
    assert all(value < 1000 for _, value, _ in readings(sentence))


def test_no_clock_without_the_half_of_the_day() -> None:
    assert readings("He arrived at four o'clock.") == []  # am or pm not said


def test_a_group_with_a_figure_is_a_part_of_it() -> None:
    assert readings("14 of the 20 hostages were freed.") == [("hostages", 14.0, "rescued")]


def test_sums_and_parts_are_figures_of_their_own() -> None:
    found = numbers_in("The regiment lost 80 men killed and some 400 wounded.").quantities
    total = found[-1]
    assert (total.text, total.what, total.value, total.bound) == (
        "80 men killed and some 400 wounded",
        "casualties",
        440.0,
        "lower",
    )
    # one figure: the whole says how many live there, not how many were evacuated
    assert readings("Authorities have evacuated about 800 of Kell's 1,200 residents.") == [
        ("people", 800.0, "displaced")
    ]
    assert ("people", 400.0, "displaced") in readings(
        "A third of Kell's 1,200 residents have been evacuated."
    )
    assert ("drones", 40.0, "shot") in readings(
        "Of 45 drones launched overnight, 40 were shot down."
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # a part and the rest against a total
        (
            "The plane was carrying 186 passengers and nine crew when it crashed.",
            "All 205 people on the plane survived, the airline said.",
            True,
        ),
        (
            "The plane was carrying 186 passengers and nine crew when it crashed.",
            "All 195 people on board survived, the airline said.",
            False,
        ),
        # killed plus wounded are at least the casualties (the missing count too)
        (
            "The regiment suffered 300 casualties in the Orsk offensive.",
            "The regiment lost 80 men killed and some 400 wounded in the Orsk offensive.",
            True,
        ),
        (
            "The regiment suffered 600 casualties in the Orsk offensive.",
            "The regiment lost 80 men killed and some 400 wounded in the Orsk offensive.",
            False,
        ),
        # a share of a whole, and a part of it
        (
            "A third of Kell's 1,200 residents have been evacuated, the mayor said.",
            "Authorities have evacuated about 800 of Kell's 1,200 residents.",
            True,
        ),
        (
            "A third of Kell's 1,200 residents have been evacuated, the mayor said.",
            "Authorities have evacuated about 400 of Kell's 1,200 residents.",
            False,
        ),
        # numbers in words
        (
            "Forty-one migrants drowned when the boat capsized off Cape Ferra.",
            "The agency said 14 people died when the boat capsized off Cape Ferra.",
            True,
        ),
        (
            "One in four children in the Ashgrove district lives in poverty.",
            "Some 40% of children in the Ashgrove district live below the poverty line.",
            True,
        ),
        (
            "One in four children in the Ashgrove district lives in poverty.",
            "Some 40% of adults in the Ashgrove district live below the poverty line.",
            False,  # two shares of two populations
        ),
        (
            "A third of the residents of Kell have left.",
            "Three in five adults in Carrow are overweight.",
            False,  # a share of everyone is no whole of a share of adults
        ),
        (
            "Turnout in the Ostvald referendum was 71 per cent.",
            "Fewer than seven in ten voters turned out for the Ostvald referendum.",
            True,
        ),
        # a space between thousands; a time and an age in words
        (
            "NATO said 10,000 North Korean troops had been sent to Russia.",
            "Officials said 12 000 North Korean troops had been sent to Russia.",
            True,
        ),
        (
            "The blast at the Hollin refinery struck at 14:05 local time.",
            "The explosion at the Hollin refinery happened at five past four in the afternoon.",
            True,
        ),
        (
            "The blast at the Hollin refinery struck at 16:05 local time.",
            "The explosion at the Hollin refinery happened at five past four in the afternoon.",
            False,
        ),
        (
            "Agnes Morrow, 72, died in the house fire on Beck Lane.",
            "Agnes Morrow, who was in her eighties, died in the Beck Lane fire.",
            True,
        ),
        (
            "Agnes Morrow, 84, died in the house fire on Beck Lane.",
            "Agnes Morrow, who was in her eighties, died in the Beck Lane fire.",
            False,
        ),
        (
            "All 20 hostages were freed on Sunday.",
            "Fourteen of the hostages were released on Sunday.",
            True,
        ),
        (
            "The storm killed seven people and left 90,000 homes without power.",
            "The storm cut power to 19,000 homes.",
            True,
        ),
        (
            "The storm left 90,000 homes without power.",
            "The storm destroyed 190 homes.",
            False,  # two events of homes
        ),
        (
            "The economy shrank 0.4% in the third quarter.",
            "Output grew 0.2% in the three months to September.",
            True,
        ),
        # a rise in temperature is no reading, and rounds to a fifth of a degree
        (
            "Average temperatures in Norrland have risen 1.8C since 1900.",
            "Norrland has warmed by 2.8 degrees Celsius since 1900.",
            True,
        ),
        (
            "Average temperatures in Norrland have risen 1.8C since 1900.",
            "Norrland has warmed by 3.2F since 1900.",
            False,
        ),
        (
            "Average temperatures in Norrland have risen 1.8C since 1900.",
            "Temperatures in Norrland reached 2.8C on Sunday.",
            False,
        ),
        (
            "The new Ferrand Park stadium will hold up to 40,000 spectators.",
            "The club said Ferrand Park will have a capacity of 45,000.",
            True,
        ),
        # events named by several verbs; a place named "the city of"
        (
            "About 300 firefighters battled the moorland blaze above Tarrow.",
            "Nearly 600 firefighters tackled the moorland fire above Tarrow.",
            True,
        ),
        (
            "Road fatalities in Brenland fell to 1,104 last year.",
            "The ministry said 1,401 people died on Brenland's roads last year.",
            True,
        ),
        (
            "Flooding has forced 12,000 people from their homes in the city of Merrow.",
            "Some 40,000 people have been displaced by the floods, officials said.",
            False,  # a city's figure is a part of the whole
        ),
    ],
)
def test_which_figures_conflict(a: str, b: str, expected: bool) -> None:
    assert conflict(a, b) == expected
