"""Figure readings a new analyst (qa8) found wrong on a story of their own."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict

TOLL = "Officials said the fire killed 47 people."


@pytest.mark.parametrize(
    "forecast",
    [
        "Officials warned that the death toll could rise to 60.",
        "The death toll is expected to rise to 60, officials said.",
        "Officials fear the toll may reach 60.",
        "Officials said the toll would rise to 60.",
        "Doctors said the toll was likely to exceed 60 as many of the injured were critical.",
    ],
)
def test_a_toll_said_to_come_is_no_count_of_the_dead(forecast: str) -> None:
    """qa8 Q12: each was published as a contradiction of the toll counted ("no qualifier
    allows both")."""
    assert not conflict(TOLL, forecast)


@pytest.mark.parametrize(
    "counted",
    [
        "Officials said the death toll had risen to 60.",
        "The hospital said 60 people were killed in the fire.",
        "Residents said they could not escape before the fire killed 60 people.",
    ],
)
def test_a_toll_counted_still_contradicts_another(counted: str) -> None:
    assert conflict(TOLL, counted)


@pytest.mark.parametrize(
    "span",
    [
        "Human Rights Watch said at least 1,500 workers have died in factory fires and "
        "collapses in Bangladesh since 2005.",
        "Since 2005, more than 1,500 people have died in factory fires, Human Rights Watch said.",
        "Rights groups said more than 200 workers have been killed in garment factory fires in "
        "Bangladesh over the past decade.",
    ],
)
def test_the_dead_of_years_are_no_count_of_one_fire(span: str) -> None:
    """qa8 Q1 (high): a total over years of fires was set against this fire's toll, the
    reason backwards ("more than the 41 killed in all")."""
    assert not conflict("The fire service said the factory fire killed 41 people.", span)


def test_a_day_the_sentence_opens_with_before_a_reporting_verb_is_the_day_of_saying() -> None:
    """rv9 R11: "On Tuesday, X said that N …" dated the figure with the day of saying, so
    two days' reports of one count stopped conflicting ("X said on Tuesday that" did not)."""
    assert conflict(
        "On Tuesday, Ukrainian President Volodymyr Zelenskyy said that 11,000 North Korean "
        "troops were in Kursk.",
        "On Wednesday, the Pentagon said 8,000 North Korean troops were in Kursk.",
    )


def test_a_gross_margin_after_a_net_profit_leaves_it_the_net_profit() -> None:
    """rv9 R3: a word of another basis in the clause after the sum made the net profit a
    pre-tax one, and two net profits of one year stopped conflicting."""
    assert conflict(
        "The firm's net profit was $3bn in 2023 despite gross margins falling.",
        "The firm's net profit was $4bn in 2023.",
    )


def test_a_place_named_by_its_kind_at_the_sentence_start_takes_the_name_beside_it() -> None:
    """rv9 R4: the name beside "the capital" was taken in one word order only."""
    assert conflict(
        "In the capital, Selvar, some 3,000 protesters marched on Saturday.",
        "Police said 9,000 people marched in Selvar on Saturday.",
    )
