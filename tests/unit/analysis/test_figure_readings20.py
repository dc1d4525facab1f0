"""The twentieth pass (cf20): readings blind set 19 showed the rule lacked.

Each case is a sentence pair of our own, not one of a labelled set's: a positive case
fails on main before the reading, a negative one guards what stays apart.
"""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures, only
from tests.unit.analysis.test_figure_sentence_pairs import CLASSES
from workbench.core.analysis.figures.conflicts import explain, find_clashes

# A weight in pounds: "pounds" after a number in a sentence that weighs something is a
# weight, converted as kilograms and tonnes are; elsewhere it stays a sum of money.


@pytest.mark.parametrize(
    "sentence",
    [
        "The bluefin tuna landed at Ostra weighed 600 pounds, the harbour master said.",
        "The bull at the Kerrow show tipped the scales at 2,400 pounds.",
        "The record pumpkin at the Lenton fair weighed in at 1,900 lb.",
    ],
)
def test_pounds_in_a_sentence_that_weighs_are_a_weight(sentence: str) -> None:
    assert only(sentence).unit_class == "mass"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Ostra harbour master was fined 600 pounds for the breach.",
        "Heavy flooding cost Ostra council 20 million pounds.",  # "heavy" is no weighing
        "The bank weighs a cut as inflation costs households 900 pounds.",  # far, and paid
        "The new rules on weight cost each Ostra airline 900 pounds.",  # a cost between
    ],
)
def test_pounds_where_nothing_near_is_weighed_stay_money(sentence: str) -> None:
    assert only(sentence).unit_class == "money GBP"


def test_a_weight_in_pounds_is_set_against_one_in_kilograms() -> None:
    assert conflict(
        "The bluefin tuna landed at Ostra on Friday weighed 600 pounds.",
        "The bluefin tuna landed at Ostra on Friday weighed 400 kilograms.",
    )
    assert not conflict(
        "The bluefin tuna landed at Ostra on Friday weighed 600 pounds.",
        "The bluefin tuna landed at Ostra on Friday weighed 272 kilograms.",
    )


# "Weighed" is how much, not what befell: a weight stated, which meets the event the other
# side names ("the haul seized").


def test_a_weight_weighed_is_a_weight_stated() -> None:
    assert only("The heron caught at Lenton Marsh weighed 3 kilograms.").state == "recorded"


def test_a_weight_stated_meets_a_weight_seized() -> None:
    assert conflict(
        "Customs officers at Vell seized 800 kilograms on Friday, the ministry said.",
        "The haul seized at Vell on Friday weighed 1.5 tonnes, the ministry said.",
    )


# Verbs the rule did not know: "swept away" and "washed away" destroy, what is "hit by"
# an outage is affected by it, and "sat" (an exam) is a verb.


@pytest.mark.parametrize(
    ("sentence", "state"),
    [
        ("About 120 homes were swept away by the Tessel flood.", "destroyed"),
        ("Some 35 bridges were washed away in the Tessel flood.", "destroyed"),
        ("Around 9,000 customers were hit by the Varn Telecom outage.", "affected"),
        ("Only 410 pupils sat the new Lenton entrance exam.", "sat"),
    ],
)
def test_verbs_now_read(sentence: str, state: str) -> None:
    assert only(sentence).state == state


def test_two_counts_of_houses_swept_away_are_compared() -> None:
    assert conflict(
        "About 120 homes were swept away by the Tessel flood, the mayor said.",
        "The regional governor said 310 homes were swept away by the Tessel flood.",
    )


def test_customers_hit_by_an_outage_meet_those_affected() -> None:
    assert conflict(
        "The Varn Telecom outage on Friday affected 9,000 customers, the company said.",
        "Some 30,000 customers were hit by Friday's Varn Telecom outage, analysts said.",
    )
    assert not conflict(
        "The Varn Telecom outage on Friday affected 9,000 customers, the company said.",
        "Some 30,000 customers were billed twice by Varn Telecom on Friday, analysts said.",
    )


def test_a_weight_and_a_sum_in_pounds_are_never_compared() -> None:
    """A tuna's weight and its price, both in pounds, are two classes (rv20: the test of
    this name compared nothing)."""
    weight = "The bluefin tuna landed at Ostra on Friday weighed 600 pounds."
    price = "The bluefin tuna landed at Ostra on Friday sold for 900 pounds."
    assert not conflict(weight, price)
    found = figures(weight, "x") + figures(price, "x")
    assert [f.measure.unit_class for f in found] == ["mass", "money GBP"]


# A country's capital is a part of it: "Tarsa's capital was home to 900,000 people" is no
# figure for all Tarsa.


def test_a_capital_named_by_its_country_is_a_part_of_it() -> None:
    assert only("Tarsa's capital city was home to 900,000 people in 2023.").place == (
        "Tarsa's capital"
    )
    assert not conflict(
        "The population of Tarsa reached 4.1 million in 2023, the census office said.",
        "Tarsa's capital city was home to 900,000 people in 2023, the census office said.",
    )


def test_a_countrys_capital_spending_is_no_place() -> None:
    found = figures("Tarsa's capital spending rose to $2 billion in 2023.", "x")
    assert found and all("capital" not in str(figure.measure.place) for figure in found)


def test_two_countries_capitals_are_two_places() -> None:
    assert not conflict(
        "Some 40,000 people were evacuated in Velmora's capital on Monday.",
        "Some 90,000 people were evacuated in Tarsa's capital on Monday.",
    )


# A storm's wind however its clause opens: "Winds of about 150 km/h lashed Porlan" and
# "Typhoon Sela came ashore with winds of 120 mph" are one wind (before, "winds" and
# "sela" were read as two parts of it).


def test_a_storms_wind_is_one_wind_however_its_clause_opens() -> None:
    first = "Winds of about 150 km/h lashed Porlan as Typhoon Sela came ashore, forecasters said."
    assert conflict(first, "Typhoon Sela came ashore at Porlan with winds of 120 mph.")
    assert not conflict(first, "Typhoon Sela came ashore at Porlan with winds of 95 mph.")
    assert not conflict(first, "Typhoon Dara came ashore at Porlan with winds of 120 mph.")


def test_a_gust_stays_apart_from_the_sustained_wind() -> None:
    assert not conflict(
        "Winds of about 150 km/h lashed Porlan as Typhoon Sela came ashore.",
        "Typhoon Sela brought gusts of 120 mph to Porlan.",
    )


# "Added" right before a figure says what was gained, not who speaks ("Velo Mobile added
# 300,000 subscribers"), as "confirmed" says what was counted.


def test_added_right_before_a_figure_is_what_was_gained() -> None:
    assert only("Velo Mobile added 300,000 subscribers in the second quarter.").state == "added"
    assert conflict(
        "Velo Mobile said it added 300,000 subscribers in the second quarter.",
        "Velo Mobile added 3 million subscribers in the second quarter, the company said.",
    )
    assert not conflict(
        "Velo Mobile added 300,000 subscribers in the second quarter.",
        "Velo Mobile had 3 million subscribers at the end of the second quarter.",
    )


# Homes without power however the verb is helped: "had lost power", "were left without
# electricity" (b18-66), as "lost power" and "left ... without power" were.


@pytest.mark.parametrize(
    "sentence",
    [
        "The grid operator said 600,000 homes had lost power because of Cyclone Tarn.",
        "About 80,000 homes were left without electricity after Cyclone Tarn.",
        "Some 12,000 homes remained without power in Ostel on Friday.",
    ],
)
def test_homes_without_power_however_the_verb_is_helped(sentence: str) -> None:
    assert only(sentence).state == "without power"


def test_homes_that_lost_power_are_set_against_homes_left_without_it() -> None:
    assert conflict(
        "Cyclone Tarn left about 1.5 million homes without electricity, the grid operator said.",
        "The grid operator said roughly 600,000 homes had lost power because of Cyclone Tarn.",
    )


# Two kin nouns of one event on one day are not one group by that alone: "40 people"
# and "12 students" arrested on Monday may be the whole and a part (rv20; tried in cf20).


@pytest.mark.parametrize(
    ("wider", "narrower"),
    [
        ("Police arrested 40 people on Monday.", "Police arrested 12 students on Monday."),
        ("More than 300 people were evacuated on Friday.",
         "About 120 patients were evacuated on Friday."),
        ("Some 2,000 workers walked out on Tuesday.", "About 600 nurses walked out on Tuesday."),
    ],
)  # fmt: skip
def test_a_narrower_noun_on_the_same_day_is_no_false_alarm(wider: str, narrower: str) -> None:
    assert not conflict(wider, narrower)


def test_a_small_weight_is_converted_in_kilograms_in_the_reason() -> None:
    """Under a tonne a weight is said in kilograms, as a short distance is in metres (it
    said "700 pounds ≈ 0 tonnes")."""
    clashes = find_clashes(
        figures("The tuna landed at Ostra on Friday weighed 600 pounds.", "a")
        + figures("The tuna landed at Ostra on Friday weighed 400 kilograms.", "b"),
        CLASSES,
    )
    assert [explain(clash, lambda figure: figure.origin) for clash in clashes] == [
        "600 pounds (a) vs 400 kilograms (b): both recorded in Ostra, no qualifier allows both "
        "(600 pounds ≈ 272 kilograms)"
    ]


# A time that a rank or a comparison is of is not the figure's: "the largest haul this
# year", "its second rise this year", "up two points on last month" (b17-07, b17-79).


@pytest.mark.parametrize(
    "sentence",
    [
        "Customs seized 900 kilograms of cocaine at Vell, the largest haul this year.",
        "The Ostran central bank raised its key rate to 6.5 percent, its second rise this year.",
        "A Norvo poll put the Green Party on 31 percent, up two points on last month.",
    ],
)
def test_a_time_a_rank_or_comparison_is_of_is_not_the_figures(sentence: str) -> None:
    assert only(sentence).when is None


def test_a_fraction_before_a_time_is_no_rank() -> None:
    assert only("Burglaries in Ostra fell by a fifth last year to 960.").when == "last year"


def test_a_seizure_ranked_in_its_year_is_set_against_the_same_seizure() -> None:
    assert conflict(
        "Customs officers seized 1.4 tonnes of cocaine hidden in fruit crates at the port of Vell.",
        "The seizure of 900 kilograms of cocaine concealed in fruit crates at Vell port was the "
        "largest this year, police said.",
    )


# A sentence opening with the day of what its figures came before or after: "Before
# Tuesday's decision, the rate had stood at 6 percent" is no figure of Tuesday's rate
# (b17-43); "Following Tuesday's decision, the rate stands at 6 percent" is.


def test_a_figure_before_an_events_day_is_not_that_days() -> None:
    raised = "The Ostran central bank raised its key rate to 6.5 percent on Tuesday."
    assert not conflict(
        raised,
        "Before Tuesday's decision, the Ostran central bank's key rate had stood at 6 percent.",
    )
    assert conflict(
        raised,
        "Following Tuesday's decision, the Ostran central bank's key rate stands at 6 percent.",
    )


# A place listed with others is more than that place (qa20 #1: "12,000 residents were
# evacuated from Valdren and nearby villages" was set against "In Valdren alone, 4,000").


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Officials said 12,000 people were evacuated from Tessa and nearby villages.",
         "Tessa and nearby villages"),
        ("Officials said 12,000 people were evacuated from Tessa and Orsk.", "Tessa and Orsk"),
        ("Officials said 12,000 people were evacuated from Tessa and taken to shelters.",
         "Tessa"),
    ],
)  # fmt: skip
def test_a_place_listed_with_others_is_more_than_it(sentence: str, place: str) -> None:
    assert only(sentence).place == place


def test_a_figure_for_a_place_and_more_is_not_set_against_the_place_alone() -> None:
    listed = "Officials said 12,000 people were evacuated from Tessa and nearby villages."
    assert not conflict(listed, "In Tessa alone, 4,000 people were evacuated, the mayor said.")
    assert not conflict(listed, "The mayor said 4,000 people were evacuated from Tessa.")
    assert conflict(
        "Officials said 12,000 people were evacuated from Tessa.",
        "In Tessa alone, 4,000 people were evacuated, the mayor said.",
    )  # "alone" stresses the place; it makes no part of it (rv20)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The flood killed 12 people in Tessa and two in Orsk.",
         "The flood killed 30 people in Tessa."),
        ("The flood killed 12 people in Tessa and several were hurt.",
         "The flood killed 30 people in Tessa."),
        ("The flood killed 12 people in Tessa, the worst since storms hit Tessa and Orsk.",
         "The flood killed 30 people in Tessa."),
        ("In March alone, 40,000 migrants crossed the Tessa border.",
         "In March, 60,000 migrants crossed the Tessa border."),
    ],
)  # fmt: skip
def test_what_follows_and_or_alone_lists_no_place(first: str, second: str) -> None:
    assert conflict(first, second)


# "Before" makes a day "before Friday" only right before it: "shortly before midnight on
# Friday" is Friday's (rv20); and "earlier" is a time of a sequence, never a rank's.


def test_before_another_time_on_a_day_is_that_days() -> None:
    assert conflict(
        "A fire in Tessa killed 12 people shortly before midnight on Friday.",
        "A fire in Tessa killed 15 people on Friday.",
    )


def test_earlier_after_a_rank_stays_a_time_of_its_own() -> None:
    assert not conflict(
        "The first estimate earlier put the death toll in Orsk at 40.",
        "The death toll in Orsk stood at 62.",
    )
    assert only("The most recent count last week put the toll in Orsk at 40.").when == ("last week")
