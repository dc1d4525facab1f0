"""qa9's figure-reading items (session 10): a number in words with its lower places
("three hundred and fifty"), a range whose first number is no figure of its own
("Twelve to fifteen", "some 1,500 to 2,000", "12-15"), a number set aside as wrong
("14, not 12"), being on strike, leaving one's home, the number of people killed."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures, only
from workbench.core.analysis.figures.conflicts import figure_phrase
from workbench.core.analysis.figures.quantities import extract_quantities


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Three hundred and fifty firefighters were deployed.", 350),
        ("A hundred and twenty people were injured.", 120),
        ("One hundred and twelve people were injured.", 112),
        ("Two thousand five hundred residents were evacuated.", 2500),
        ("Officials said two thousand and five hundred residents were evacuated.", 2500),
        ("The ministry said one thousand two hundred people had been treated.", 1200),
        ("Rescuers said four thousand three hundred and twenty-one homes were destroyed.", 4321),
    ],
)
def test_a_number_in_words_is_read_with_its_lower_places(sentence: str, value: int) -> None:
    """qa9 Q13: "three hundred and fifty" was 50, "two thousand five hundred" two figures."""
    assert [quantity.value for quantity in extract_quantities(sentence)] == [value]


def test_words_after_a_number_that_cannot_be_its_lower_places_are_another_number() -> None:
    found = extract_quantities("Between two hundred and three hundred people were hurt.")
    assert [(quantity.low, quantity.value) for quantity in found] == [(200, 300)]


def test_the_same_figure_in_words_and_in_digits_is_no_conflict() -> None:
    assert not conflict(
        "The fire service said 350 firefighters had been deployed to the plant by Wednesday.",
        "Fire chief Oskar Nyberg said three hundred and fifty firefighters had been deployed "
        "to the plant by Wednesday.",
    )


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Twelve to fifteen people died in the fire on Monday, police said.", 12, 15),
        ("Officials said some 1,500 to 2,000 troops arrived in the region on Monday.", 1500, 2000),
        ("Police said 12-15 people died in the fire on Monday.", 12, 15),
        ("Between twelve and fifteen people died in the fire on Monday.", 12, 15),
        ("Two to three million people fled the region, the agency said.", 2e6, 3e6),
        ("Twelve to fifteen troops arrived in the region on Monday.", 12, 15),
        ("Twenty-one to twenty-five homes were destroyed, officials said.", 21, 25),
    ],
)
def test_a_range_whose_first_number_is_no_figure_of_its_own_is_one_figure(
    sentence: str, low: float, high: float
) -> None:
    """qa9 Q20: the range was read as its second number alone."""
    found = extract_quantities(sentence)
    assert [(quantity.low, quantity.value, quantity.bound) for quantity in found] == [
        (low, high, "range")
    ]


@pytest.mark.parametrize(
    ("ranged", "inside", "outside"),
    [
        (
            "Twelve to fifteen people died in the fire on Monday, police said.",
            "Thirteen people died in the fire on Monday, officials said.",
            "Twenty people died in the fire on Monday, officials said.",
        ),
        (
            "Officials said some 1,500 to 2,000 troops arrived in the region on Monday.",
            "The ministry said 1,800 troops arrived in the region on Monday.",
            "The ministry said 3,000 troops arrived in the region on Monday.",
        ),
        (
            "Police said 12-15 people died in the fire on Monday.",
            "Thirteen people died in the fire on Monday, officials said.",
            "Twenty people died in the fire on Monday, officials said.",
        ),
    ],
)
def test_a_figure_inside_a_range_agrees_with_it(ranged: str, inside: str, outside: str) -> None:
    assert not conflict(ranged, inside)
    assert conflict(ranged, outside)


def test_a_range_in_words_is_shown_with_both_ends() -> None:
    (figure,) = figures("Twelve to fifteen people died in the fire on Monday.", "police")
    assert figure_phrase(figure).startswith("twelve to fifteen ")


@pytest.mark.parametrize(
    "sentence",
    ["Arsenal won 3-1 on Saturday.", "The vote was 7 to 2 against the bill."],
)
def test_a_first_number_larger_than_the_second_makes_no_range(sentence: str) -> None:
    assert all(quantity.bound != "range" for quantity in extract_quantities(sentence))


def test_a_number_the_speaker_sets_aside_as_wrong_is_not_claimed() -> None:
    """qa9 Q13: "14, not 12" counted the 12 as said."""
    found = extract_quantities("Police said 14, not 12, people had died.")
    assert [quantity.value for quantity in found] == [14]


def test_the_figure_said_instead_counts_what_the_wrong_one_would() -> None:
    """The 14 of "14, not 12, people had died" counts the dead (it counted nothing)."""
    police = "Police said 14, not 12, people had died in the blast on Monday."
    assert [q.what for q in extract_quantities(police)] == ["killed"]
    assert conflict(police, "Officials said 12 people died in the blast on Monday.")
    assert not conflict(police, "Officials said 14 people died in the blast on Monday.")


@pytest.mark.parametrize(
    ("sentence", "state"),
    [
        ("About 1,800 workers were on strike on Monday, according to the union.", "joined"),
        ("About 1,800 workers went on strike on Monday.", "joined"),
        ("Some 1,800 workers had stopped work by Monday.", "joined"),
        ("About 1,800 workers joined the strike on Monday.", "joined"),
    ],
)
def test_being_on_strike_is_joining_it(sentence: str, state: str) -> None:
    """qa9 Q14: "were on strike" said no event, so its figure was never compared."""
    assert only(sentence).state == state


def test_two_counts_of_strikers_on_one_day_are_compared() -> None:
    union = "About 1,800 workers were on strike on Monday, according to union spokeswoman Ortiz."
    assert conflict(
        union, "The port authority said fewer than 900 workers were on strike on Monday."
    )
    assert not conflict(union, "The port authority said 1,750 workers were on strike on Monday.")


def test_one_million_in_words_is_a_figure() -> None:
    """qa9 Q14: "under one million euros a day" gave no figure."""
    assert conflict(
        "The chamber of commerce estimated losses to the local economy at 3.5 million euros a day.",
        "The port authority put the losses to the local economy at under one million euros a day.",
    )


def test_people_who_left_their_homes_are_displaced() -> None:
    """qa9 Q5: "had left their homes" and "had been evacuated" were two events."""
    assert only("Falk said about two thousand residents had left their homes overnight.").state == (
        "displaced"
    )
    assert only("Some 300 delegates left the meeting early.").state != "displaced"
    assert conflict(
        "Police said 2,500 residents had been evacuated from the streets around the plant.",
        "Falk said about two thousand residents had left their homes overnight.",
    )


def test_a_participle_before_the_people_says_what_befell_them_whatever_is_planned() -> None:
    """qa9 Q5: "housing for the 2,500 evacuated residents" read as 2,500 planned."""
    measure = only(
        "She said the city would pay for temporary housing for the 2,500 evacuated residents."
    )
    assert (measure.state, measure.part) == ("displaced", None)
    assert only("The city plans to evacuate 3,000 residents.").state == "planned"


@pytest.mark.parametrize(
    ("sentence", "unit_class"),
    [
        (
            "The number of people killed in the explosion has risen to 17, the ministry said.",
            "killed",
        ),
        ("The number of people who died in the floods has risen to 40.", "killed"),
        ("The number of people injured in the blast has climbed to 200.", "wounded"),
    ],
)
def test_a_total_of_people_something_befell_counts_them(sentence: str, unit_class: str) -> None:
    """qa9 Q6: "The number of people killed ... has risen to 17" was no death toll."""
    assert only(sentence).unit_class == unit_class


@pytest.mark.parametrize(
    ("sentence", "bound", "written"),
    [
        ("A maximum of 300 people were killed.", "upper", "a maximum of 300 people"),
        ("300 or more people were killed.", "lower", "at least 300 people"),
        ("300-plus people were killed.", "lower", "at least 300 people"),
        ("300+ people were killed.", "lower", "at least 300 people"),
        ("300 or so people were killed.", "approximate", "about 300 people"),
        ("300 or fewer people were killed.", "upper", "up to 300 people"),
    ],
)
def test_a_qualifier_before_or_after_its_number_bounds_it(
    sentence: str, bound: str, written: str
) -> None:
    """qa9 Q24: these were read as exact figures, and the summary dropped their words."""
    (figure,) = figures(sentence, "x")
    assert figure.quantity.bound == bound
    assert figure_phrase(figure).lower() == written


def test_a_figure_its_qualifier_allows_is_no_conflict() -> None:
    police = "Police said 300 or more people were killed in the quake on Monday."
    assert not conflict(police, "Officials said 350 people were killed in the quake on Monday.")
    assert conflict(police, "Officials said 250 people were killed in the quake on Monday.")
    ministry = "The ministry said a maximum of 200 homes were destroyed in the quake on Monday."
    assert not conflict(
        ministry, "The governor said 150 homes were destroyed in the quake on Monday."
    )
    assert conflict(ministry, "The governor said 250 homes were destroyed in the quake on Monday.")
