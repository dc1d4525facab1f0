"""Figure readings a new analyst (qa9) found wrong on a story of their own."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict
from workbench.core.analysis.figures.quantities import extract_quantities


@pytest.mark.parametrize(
    ("text", "qualifier", "bound"),
    [
        ("the plant held no more than 800 tonnes on the day", "no more than", "upper"),
        ("The plant held not more than 800 tonnes.", "not more than", "upper"),
        ("at most 800 tonnes were stored there", "at most", "upper"),
        ("no fewer than 10 people died", "no fewer than", "lower"),
        ("no less than 800 tonnes were stored there", "no less than", "lower"),
    ],
)
def test_a_negated_comparison_is_the_other_bound(text: str, qualifier: str, bound: str) -> None:
    """qa9 Q1: "no more than 800 tonnes" was read "more than 800 tonnes", a lower bound:
    the report put the opposite of Norrchem's words in its mouth."""
    (quantity,) = extract_quantities(text)
    assert (quantity.qualifier, quantity.bound) == (qualifier, bound)


def test_at_most_800_tonnes_contradicts_1200_tonnes() -> None:
    """qa9 Q1: the story's conflict was hidden, "more than 800" allowing 1,200."""
    assert conflict(
        "Environmental group Green Coast said the plant stored 1,200 tonnes of ammonium nitrate.",
        "Norrchem said the plant stored no more than 800 tonnes of ammonium nitrate.",
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("More than forty people were taken to hospital, she added.", 40),
        ("Nearly forty soldiers were killed.", 40),
        ("More than one thousand people fled the town.", 1000),
        ("One thousand people fled the town.", 1000),
    ],
)
def test_a_qualified_number_in_words_opening_a_sentence_is_read(text: str, value: int) -> None:
    """qa9 Q3: "More than forty people" gave no figure, "More than 40 people" one."""
    (quantity,) = extract_quantities(text)
    assert quantity.value == value


@pytest.mark.parametrize("text", ["One person died.", "At least one of the workers died."])
def test_one_alone_is_still_no_count(text: str) -> None:
    assert extract_quantities(text) == []


def test_an_earlier_figure_named_is_not_the_time_of_the_sentences_own() -> None:
    """qa9 Q2: "lowering an earlier police figure" dated the governor's 12 "earlier", so
    it was left out of the toll's conflict with the police's "at least 14"."""
    governor = (
        "Twelve people died in Tuesday's explosion at the Norrchem plant, regional governor "
        "Maria Falk said on Tuesday evening, lowering an earlier police figure."
    )
    police = (
        "An explosion tore through the Norrchem fertiliser plant in the port city of Varnholm "
        "early on Tuesday, killing at least 14 people and injuring 40, police said."
    )
    assert conflict(governor, police)
    assert not conflict(
        "Police earlier said 14 people had died in the explosion at the Norrchem plant.",
        "Twelve people died in the explosion at the Norrchem plant, the governor said.",
    )


@pytest.mark.parametrize(
    "earlier",
    [
        "Police had given an earlier death toll of 52 for the collapse, a spokesman said.",
        "An earlier estimate of 52 deaths in the collapse was wrong, the mayor said.",
    ],
)
def test_the_figure_an_earlier_phrase_gives_is_still_the_earlier_one(earlier: str) -> None:
    """rv10 R6: with qa9 Q2's reading, "an earlier death toll of 52" was no longer dated,
    so the superseded figure conflicted with the current toll."""
    assert not conflict(earlier, "The ministry said 41 people died in the collapse.")


@pytest.mark.parametrize(
    "share",
    [
        "Some 45 percent of voters backed the proposal in Sunday's referendum, officials said.",
        "A poll found that 52 percent of voters oppose the new airport.",
    ],
)
def test_a_share_of_voters_backing_something_is_no_turnout(share: str) -> None:
    """rv10 R5: after the eleventh pass any "N percent of voters <verb>" was turnout, so a
    referendum's yes share, or a poll, conflicted with the turnout."""
    assert not conflict(
        "Turnout in Sunday's referendum was 61 percent, the commission said.", share
    )


def test_a_share_of_voters_who_cast_ballots_is_still_turnout() -> None:
    assert conflict(
        "About 70 percent of registered voters cast ballots, the commission said.",
        "Turnout was 52 percent, the observers said.",
    )


@pytest.mark.parametrize(
    "share",
    [
        "Some 45 percent of voters voted for the proposal in Sunday's referendum, officials said.",
        "Only 38 percent of voters voted against the plan in Sunday's referendum, officials said.",
        "About 52 percent of voters cast their ballots for the incumbent in Sunday's referendum.",
    ],
)
def test_a_share_of_voters_who_voted_for_something_is_no_turnout(share: str) -> None:
    """rv10 R12: "voted for the proposal" is a share of its own, not turnout."""
    assert not conflict(
        "Turnout in Sunday's referendum was 61 percent, the commission said.", share
    )


@pytest.mark.parametrize("opening", ["Between 40 and 50", "Some 40 to 50"])
def test_a_sum_after_a_range_keeps_its_own_bound(opening: str) -> None:
    """rv10 R9: after qa9 Q20, "40 to 50 people died and 200 were hurt" read its casualty
    total as 40 to 250, so the conflict with 100 or 120 casualties was lost."""
    police = f"{opening} people died and 200 were hurt in the Dunmore blast on Monday, police said."
    assert conflict(
        police, "There were 120 casualties in the Dunmore blast on Monday, the hospital said."
    )
