"""qa9's figure-reading items (session 10) on numbers as written: a number in words with
its lower places ("three hundred and fifty"), a range whose first number is no figure
of its own ("Twelve to fifteen", "some 1,500 to 2,000", "12-15")."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures
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
