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


# Q3: "38 bodies had been recovered" was a class of its own ("bodies"), compared with
# nothing: the mayor's bodies against the coast guard's toll of 35 was the dispute.

RECOVERED = (
    "Mayor Tomas Reyk disputed the coast guard's figure, saying 38 bodies had been recovered."
)


def test_more_bodies_found_than_dead_counted_is_a_conflict() -> None:
    assert conflict(RECOVERED, "The coast guard said that the death toll had reached 35.")
    assert conflict("Divers pulled 40 bodies from the wreck.", "The sinking killed 36 people.")


@pytest.mark.parametrize(
    ("found", "toll"),
    [
        ("Divers pulled 30 bodies from the wreck.", "The sinking killed 36 people."),
        (
            "Mayor Tomas Reyk told reporters that 23 bodies had been brought ashore in Ostrel.",
            "The ferry capsized on Tuesday evening, leaving at least 14 people dead.",
        ),
        ("Mayor Tomas Reyk told reporters that 23 bodies had been brought ashore.", RECOVERED),
    ],
)
def test_bodies_found_are_some_of_the_dead_never_a_toll(found: str, toll: str) -> None:
    assert not conflict(found, toll)
