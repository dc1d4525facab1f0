"""Issue 15's eleventh conflict pass (session 10): readings by vocabulary, not by phrase.

Counted nouns of people are kin when one is a wider noun for the other ("miners" and
"workers", "passengers" and "people": lexicon.PERSON_KINDS), so two reports naming one
group two ways are compared when one place, or one day and kind of event, ties them; a
counted noun of people takes people's words for what is done to them (evacuated and
moved out are displaced); a share of a plural group after "of" is read whatever the
group's first word ("of registered voters": turnout)."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import CLASSES, conflict, figures, only
from workbench.core.analysis.figures.conflicts import (
    bucket_of,
    clash_between,
    comparable,
    find_clashes,
    kin,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # a trade and the workers it is one of, of one place
            "Rescuers said 12 miners remain trapped in the Orsk colliery on Monday.",
            "Some 30 workers are still trapped in the Orsk colliery, its owner said on Monday.",
        ),
        (  # a role and people, of one place
            "Some 2,000 migrants reached Orla by boat in 2024, the coast guard said.",
            "About 3,500 people landed on Orla in 2024, the mayor said.",
        ),
        (  # and of one day and one kind of event
            "The coastguard rescued 40 people after a dinghy sank on Wednesday, officials said.",
            "Rescuers saved 95 passengers after the dinghy sank on Wednesday, the navy said.",
        ),
    ],
)
def test_a_group_named_by_a_wider_noun_is_compared_when_tied(a: str, b: str) -> None:
    assert conflict(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # two trades are two groups
            "Rescuers said 12 miners remain trapped in the Orsk colliery on Monday.",
            "Some 30 dockers are still trapped in the Orsk colliery, its owner said on Monday.",
        ),
        (  # nothing ties the two nouns to one group
            "Police detained 40 miners, the union said.",
            "Police detained 300 people, officials said.",
        ),
        (  # one says no event: two nouns and a place shared are not one group
            "Nearly half of the 2,000 workers at the Dunmore plant will lose their jobs.",
            "Fifteen miners remain trapped underground at the Dunmore colliery.",
        ),
        (  # a part of the wider noun ("health workers") is no whole of the narrower
            "Some 5,000 health workers joined the strike in Orla on Monday.",
            "About 3,000 nurses joined the strike in Orla on Monday.",
        ),
        (  # workers who joined a strike are no crowd that watched a match
            "About 4,500 workers joined the dockers' strike on Wednesday, the union said.",
            "A crowd of 52,300 watched Rendell City beat Ashgrove 2-1 on Wednesday.",
        ),
    ],
)
def test_kin_nouns_stay_apart_without_one_group(a: str, b: str) -> None:
    assert not conflict(a, b)


def test_kin_is_a_wider_noun_never_a_sibling() -> None:
    assert kin("miners", "workers") and kin("people", "miners") and kin("passengers", "people")
    assert kin("journalists", "people") and kin("commuters", "people")
    assert not kin("miners", "dockers") and not kin("students", "patients")
    assert not kin("children", "people")  # a part of people, not another name for them
    one = only("Some 30 workers are still trapped in the Orsk colliery.")
    other = only("Rescuers said 12 miners remain trapped in the Orsk colliery.")
    assert bucket_of(one) == bucket_of(other)


KIN = [
    ("Rescuers said 12 miners remain trapped in the Orsk colliery on Monday.", "rescuers"),
    ("Some 30 workers are still trapped in the Orsk colliery on Monday.", "owner"),
    ("About 45 people are still trapped in the Orsk colliery on Monday.", "police"),
    ("Some 30 dockers are still trapped in the Orsk colliery on Monday.", "union"),
    ("Police detained 300 people, officials said.", "officials"),
    ("Police detained 40 miners, the union said.", "union two"),
]


def test_find_clashes_and_every_pair_agree_on_kin_nouns() -> None:
    found = [figure for text, source in KIN for figure in figures(text, source)]
    expected = {
        id(f)
        for f in found
        for g in found
        if f is not g and comparable(f, CLASSES) and clash_between(f, g) is not None
    }
    clashes = find_clashes(found, CLASSES)
    assert {id(f) for clash in clashes for f in clash.figures} == expected
    assert {f.quantity.value for f in found if id(f) in expected} == {12, 30, 45}


@pytest.mark.parametrize(
    ("sentence", "state"),
    [
        ("Nearly 900 patients were evacuated from the Orla clinic.", "displaced"),
        ("Staff moved about 150 patients out of the Orla clinic.", "displaced"),
        ("Forty workers were admitted to hospital after the leak.", "hospitalised"),
        ("Police arrested 40 miners outside the colliery.", "detained"),
        ("About 4,500 workers joined the dockers' strike.", "joined"),  # its own word
        ("The plant cut 400 jobs last year.", "cut"),  # no people: untouched
    ],
)
def test_a_noun_of_people_takes_peoples_words_for_what_is_done_to_them(
    sentence: str, state: str
) -> None:
    assert only(sentence).state == state


def test_evacuated_and_moved_out_are_one_event() -> None:
    assert conflict(
        "Nearly 900 patients were evacuated from the Orla clinic on Thursday, officials said.",
        "Staff moved about 150 patients out of the Orla clinic on Thursday, the director said.",
    )
    assert conflict(
        "Forty-one patients have been admitted to hospital with cholera in Orla since Monday.",
        "Fourteen people have been hospitalised with cholera in Orla since Monday.",
    )


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("Just under half of registered voters cast ballots.", "turnout"),
        ("Just 48% of eligible voters cast ballots.", "turnout"),
        ("About 40% of registered companies filed late.", "companies"),
    ],
)
def test_a_share_of_a_plural_group_is_a_level_whatever_its_first_word(
    sentence: str, part: str
) -> None:
    measure = only(sentence)
    assert (measure.state, measure.part) == ("level", part)


def test_a_share_of_a_whole_still_says_no_level() -> None:
    assert only("About 40 percent of the budget went to defence.").state is None


def test_a_share_of_registered_voters_is_turnout() -> None:
    assert conflict(
        "Just under half of registered voters cast ballots in Sunday's runoff in Dravo.",
        "Turnout in Sunday's runoff in Dravo reached 72 percent, the commission said.",
    )
    assert conflict(
        "Just 48% of eligible voters cast ballots in Sunday's vote in Dravo, monitors said.",
        "Turnout in Sunday's vote in Dravo reached 72 percent, the commission said.",
    )
