"""Issue 15's eighth conflict pass: a figure whose sentence states no event is compared
with a stated event's figure of the same noun when both sentences agree on where (a
place, two names, or the day of one kind of event), while two stated events stay
apart; and two reading bugs (a preposition read as the counted noun, the speaker's
name making a sentence military)."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures, only
from workbench.core.analysis.figures.conflicts import explain, find_clashes
from workbench.core.analysis.figures.quantities import numbers_in
from workbench.core.analysis.ledger.settings import LedgerSettings

SEIZED = "Customs officers at Varna port seized 900 kilograms of heroin on Tuesday."


@pytest.mark.parametrize(
    ("other", "clash"),
    [
        # no event stated, the same place: the same haul
        ("Only 300 kilograms of heroin turned up at Varna port on Tuesday.", True),
        ("About 870 kilograms of heroin turned up at Varna port on Tuesday.", False),
        # another place, or no place both name: nothing ties the two
        ("Only 300 kilograms of heroin turned up at Burgas port on Tuesday.", False),
        ("Only 300 kilograms of heroin turned up on Tuesday.", False),
        # another day, or another stated event: two things
        ("Only 300 kilograms of heroin turned up at Varna port on Friday.", False),
        ("Customs officers at Varna port destroyed 300 kilograms of heroin on Tuesday.", False),
    ],
)
def test_a_figure_with_no_event_meets_a_stated_one_of_its_place(other: str, clash: bool) -> None:
    assert conflict(SEIZED, other) is clash


def test_two_names_tie_two_sentences_one_common_word_does_not() -> None:
    won = "The Unity Party won 142 seats in the new parliament."
    assert conflict(won, "Together the Unity Party and the Farmers League control 172 seats.")
    assert not conflict(won, "The Progress Party controls 118 seats in parliament.")


def test_the_day_of_one_kind_of_event_ties_two_sentences() -> None:
    closed = "Monday's teachers' strike closed 1,400 schools nationwide, the union said."
    assert conflict(
        closed, "Some 600 schools across the country stayed shut on Monday in the strike."
    )
    assert not conflict(closed, "Some 600 schools across the country stayed shut on Tuesday.")


@pytest.mark.parametrize(
    "other",
    [
        # a sentence with two figures of the class: which one a bare figure is needs arithmetic
        "The Rovers board approved the deal by 214 votes to 180 on Tuesday.",
        # an event read and set aside is not no event: people living there are no count of
        # the flooded
        "About 600,000 people live in the flooded districts of Assam.",
    ],
)
def test_figures_that_are_not_free_to_meet_another_event(other: str) -> None:
    assert not conflict("The flood in Assam affected 2 million people, the state said.", other)
    assert not conflict("The Rovers board approved the deal by a majority of 34 votes.", other)


def test_a_share_with_no_event_is_never_compared_across_events() -> None:
    assert not conflict(
        "Rebels control about a third of Sorrel district, monitors said.",
        "Government forces control roughly 60 percent of Sorrel district, the army said.",
    )


def test_the_part_must_be_one_across_events() -> None:
    """'The speed limit on the curve' is no whole of the train's speed."""
    assert not conflict(
        "The train was travelling at 142 km/h when it derailed near Oster.",
        "The speed limit on the curve where the Oster train came off the rails is 80 km/h.",
    )


def test_the_reason_reads_the_event_and_its_absence() -> None:
    found = figures(SEIZED, "customs") + figures(
        "Only 300 kilograms of heroin turned up at Varna port on Tuesday.", "police"
    )
    (clash,) = find_clashes(found, LedgerSettings().conflict_whats)
    assert explain(clash, lambda figure: str(figure.source)) == (
        "300 kilograms (police) vs 900 kilograms (customs): seized in Varna (the other says no "
        "event), no qualifier allows both"
    )


def test_a_preposition_is_never_the_counted_noun() -> None:
    (quantity,) = numbers_in("Some 600 schools across the country shut their doors.").quantities
    assert quantity.what == "schools"
    (quantity,) = numbers_in("About 40 trawlers among the fleet were lost.").quantities
    assert quantity.what == "trawlers"


def test_the_speaker_does_not_make_a_sentence_military() -> None:
    said = ", the national disaster response force said."
    (quantity,) = numbers_in(f"The number of people missing stood at 17{said}").quantities
    assert quantity.what == "people"
    (quantity,) = numbers_in("The number of people in the force stood at 17.").quantities
    assert quantity.what == "troops"


def test_a_day_after_which_a_count_came_is_its_event_s() -> None:
    assert only("Forty people remain missing after Tuesday's landslide.").day == "after tuesday"
    assert conflict(
        "Forty people remain missing after Tuesday's landslide in Kesh, officials said.",
        "The number of people still missing in Kesh stood at 17 on Wednesday.",
    )
    assert not conflict(
        "Forty people remain missing after Tuesday's landslide in Kesh, officials said.",
        "Seventeen people remain missing after Sunday's landslide in Kesh.",
    )


def test_n_strong_sizes_a_body_sent_and_an_army_s_strength() -> None:
    """The brief's case: a contingent's size with no event is troops there, compared with
    troops deployed there; an army's size is its strength, not troops sent."""
    contingent = only("The 3,000-strong North Korean contingent is in Kursk.")
    assert (contingent.unit_class, contingent.state, contingent.part) == ("troops", "sent", None)
    assert conflict(
        "The 3,000-strong North Korean contingent is in Kursk.",
        "Some 1,200 North Korean troops were deployed to Kursk.",
    )
    assert only("North Korea has a 5,000-strong army.").state == "strength"
    assert only("A 200-strong crowd gathered in Lviv.").unit_class == "people"
