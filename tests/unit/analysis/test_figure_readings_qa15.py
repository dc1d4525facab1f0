"""qa15's ferry story: figures a fact-checker reads otherwise than the rule did.

Q1: "Those four people are dead whether or not a doctor has signed a form" (the mayor on
four bodies not yet examined) was read as a death toll of 4 and set against every toll
of the story. A number after a demonstrative ("those", "these") points back to people
already counted: it states no figure of its own."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures

TOLL = "The coast guard says 36 people were killed."


@pytest.mark.parametrize(
    "sentence",
    [
        '"Those four people are dead whether or not a doctor has signed a form," he said.',
        "Those 4 people are dead, the mayor said.",
        "These three victims were killed in the stampede.",
        "These 12 passengers drowned, the coroner said.",
    ],
)
def test_a_number_pointed_back_to_states_no_toll(sentence: str) -> None:
    assert figures(sentence, "x") == []
    assert not conflict(sentence, TOLL)


@pytest.mark.parametrize(
    "sentence",
    [
        "Four people are dead, the mayor said.",
        "The crash killed those aboard: 4 people are dead.",
        "The 4 people killed were from Ostrel.",
    ],
)
def test_a_toll_without_a_demonstrative_is_still_read(sentence: str) -> None:
    assert [f.quantity.value for f in figures(sentence, "x")] == [4.0]
    assert conflict(sentence, TOLL)
