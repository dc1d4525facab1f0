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
