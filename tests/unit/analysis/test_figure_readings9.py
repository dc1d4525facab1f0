"""Issue 15's ninth conflict pass (qa6 Q23, Q20): a count given as a part of another
figure ("3,000 ... out of a promised 10,000", the first of two deliveries) is a part,
not a total that later totals dispute; a day's toll is a part of an undated running
toll, never its whole."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures, only
from workbench.core.analysis.figures.conflicts import (
    clash_between,
    comparable,
    explain,
    find_clashes,
)
from workbench.core.analysis.ledger.settings import LedgerSettings

CLASSES = LedgerSettings().conflict_whats

LAWMAKERS = (
    "South Korean lawmakers said Wednesday that North Korea had sent 3,000 troops to Russia "
    "out of a promised 10,000 to be deployed by December."
)


@pytest.mark.parametrize(
    "later",
    [
        "The 11,000 North Koreans dispatched to Russia by the North's leader have yet to "
        "advance onto Ukrainian soil.",
        "They are thought to be part of a deployment of about 10,000 North Korean soldiers "
        "sent to Russia.",
        "Ukraine says North Korea has sent 12,000 troops to Russia.",
    ],
)
def test_a_count_out_of_a_promised_total_is_a_part_of_later_totals(later: str) -> None:
    assert not conflict(LAWMAKERS, later)


def test_a_part_out_of_a_total_is_read_and_still_may_not_outnumber_a_whole() -> None:
    sent = figures(LAWMAKERS, "lawmakers")[0].measure
    assert (sent.state, sent.part) == ("sent", "out of 10,000")
    assert conflict(LAWMAKERS, "Ukraine says North Korea has sent 2,000 troops to Russia.")
    # two counts out of the same total are one count
    assert conflict(
        "Officials said 5,000 troops out of 10,000 had been sent to Russia.",
        "Kyiv said 7,000 troops out of 10,000 had been sent to Russia.",
    )
    # a larger count is no part of a smaller one ("3,000 of the 300 sent" is something else)
    assert only("Officials said 300 troops were sent.").part is None


INSTALMENTS = (
    "Seoul said North Korea sent 10,000 troops in October and a further 1,000 in December."
)


def test_what_came_before_a_further_count_is_the_first_part() -> None:
    first, further = (figure.measure for figure in figures(INSTALMENTS, "Seoul"))
    assert (first.part, further.part) == ("first", "increment")
    assert not conflict(INSTALMENTS, "NATO said North Korea has sent 11,000 troops in all.")
    # an increment of another event ("are expected") leaves the count before it whole
    expected = "Seoul said North Korea has sent 10,000 troops, and another 1,000 are expected."
    assert figures(expected, "Seoul")[0].measure.part is None


KURSK = "Zelensky said some 3,000 North Korean troops had been killed in Kursk."


@pytest.mark.parametrize(
    "day",
    [
        "Kyiv said Ukrainian forces killed 50 North Korean soldiers on Tuesday.",
        "Ukrainian forces killed 30 North Korean soldiers on Wednesday, Kyiv said.",
    ],
)
def test_a_days_toll_is_a_part_of_an_undated_running_toll(day: str) -> None:
    assert not conflict(KURSK, day)
    assert not conflict("NATO said some 3,000 North Korean troops had been killed.", day)


def test_a_days_toll_above_the_running_toll_conflicts_and_says_which_day() -> None:
    day = figures("Kyiv said Ukrainian forces killed 5,000 North Korean soldiers on Tuesday.", "K")
    total = figures("NATO said 3,500 North Korean troops had been killed.", "NATO")
    clash = clash_between(day[0], total[0])
    assert clash is not None and clash.part is day[0]
    assert explain(clash, lambda f: str(f.source)).endswith(
        "5,000 soldiers killed on Tuesday are more than the 3,500 killed in all"
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the day is said in both sentences, in one outside the toll's clause: one toll
        (
            "A death toll of 14 was confirmed by officials after a bus plunged into the "
            "Varna gorge on Tuesday.",
            "Nine people died when the bus fell into the Varna gorge on Tuesday, police said.",
        ),
        # the day it was said on is no day of the toll
        (
            "The fire at the Halden block killed 23 people, the fire department said on Friday.",
            "Nineteen people were killed in the Halden block fire, according to hospital "
            "officials on Friday.",
        ),
    ],
)
def test_a_toll_of_one_day_said_in_both_sentences_is_still_compared(a: str, b: str) -> None:
    assert conflict(a, b)


TOLLS = [
    (KURSK, "Zelensky"),
    ("NATO said 3,500 North Korean troops had been killed.", "NATO"),
    ("Kyiv said Ukrainian forces killed 50 North Korean soldiers on Tuesday.", "Kyiv"),
    ("Kyiv said Ukrainian forces killed 30 North Korean soldiers on Wednesday.", "Kyiv2"),
]


@pytest.mark.parametrize(
    ("more", "clash"),
    [
        ([], False),
        ([("Kyiv said its forces killed 5,000 North Korean soldiers on Tuesday.", "K")], True),
        ([("Moscow said only 20 North Korean soldiers were killed on Tuesday.", "M")], True),
    ],
)
def test_find_clashes_finds_what_every_pair_of_dated_and_undated_tolls_gives(
    more: list[tuple[str, str]], clash: bool
) -> None:
    found = [figure for text, source in TOLLS + more for figure in figures(text, source)]
    expected = {
        id(f)
        for f in found
        for g in found
        if f is not g and comparable(f, CLASSES) and clash_between(f, g) is not None
    }
    clashes = find_clashes(found, CLASSES)
    assert {id(f) for clash in clashes for f in clash.figures} == expected
    assert bool(expected) is clash


# -- general readings: where, whose, when, what is carried --------------------------------


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        # a place named by what it is: a share there is no part of the nation's
        (
            "Nationwide, 45 percent of teachers stayed off work on Tuesday.",
            "About 70 percent of teachers in the capital joined Tuesday's strike.",
            False,
        ),
        (
            "About 70 percent of teachers in the capital joined Tuesday's strike.",
            "Some 40 percent of teachers in the capital joined Tuesday's strike.",
            True,
        ),
        (
            "Organisers said 100,000 people marched through the capital on Saturday.",
            "Police put Saturday's march in the capital at 15,000 people.",
            True,
        ),
        # a sentence opening with where places its figures
        (
            "In the province of Marro alone, 19 people have died in the floods since Thursday.",
            "Floods have killed 46 people across the country since Thursday.",
            False,
        ),
        # a figure set off after a named body sizes it: a part of any whole
        (
            "The 4th Armoured Brigade, about 3,500 soldiers, was ordered to the northern frontier.",
            "In total, 40,000 troops have been moved to the northern frontier.",
            False,
        ),
        # a people no table knows is one part however the phrase goes on; two are two
        (
            "Some 1,200 Nordavian troops were deployed to Port Ellis on Monday.",
            "The entire 3,000-strong Nordavian contingent arrived in Port Ellis on Monday.",
            True,
        ),
        (
            "Some 1,200 Nordavian troops were deployed to Port Ellis on Monday.",
            "Some 3,000 Veltrese troops were deployed to Port Ellis on Monday.",
            False,
        ),
        # "in front of" is no front
        (
            "Saturday's 2-1 win for Ridgeway Rovers over Castleford City was played in front "
            "of just under 35,000 fans.",
            "A crowd of 48,312 watched Ridgeway Rovers beat Castleford City 2-1 on Saturday.",
            True,
        ),
    ],
)
def test_places_and_bodies_read_as_scopes(a: str, b: str, clash: bool) -> None:
    assert conflict(a, b) is clash


def test_the_apposed_name_is_no_place_after_a_preposition() -> None:
    opening = only("In Kursk, 3,000 troops, the army said, were killed in action.")
    assert (opening.place, opening.part) == ("Kursk", None)
    assert only("The 4th Armoured Brigade, about 3,500 soldiers, moved north.").part == "brigade"


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        # a reporting period is the figure's: two periods are two figures
        (
            "Corvan Energy reported a third-quarter net profit of $1.2 billion.",
            "Corvan Energy's net profit for the full year reached $4.1 billion.",
            False,
        ),
        (
            "Halvard Bank reported a third-quarter net profit of 1.2 billion euros on Friday.",
            "Halvard Bank's net profit for the quarter came in at 870 million euros.",
            True,
        ),
        # a month in a clause after "since" is when the count began, not its time
        (
            "Just over 150 cholera cases had been registered in Dunmore district since the "
            "March outbreak began.",
            "The ministry had recorded 312 cholera cases in Dunmore district since the "
            "outbreak began in March.",
            True,
        ),
        # the final count is the count; a first or partial one is a round of its own
        (
            "Maria Dukes was re-elected with 47.9 percent of the vote, according to final results.",
            "Incumbent Maria Dukes won 52.4 percent of the vote, official results showed.",
            True,
        ),
        (
            "Maria Dukes was re-elected with 47.9 percent of the vote, according to partial "
            "results.",
            "Incumbent Maria Dukes won 52.4 percent of the vote, official results showed.",
            False,
        ),
        # "a 2025 budget" is of 2025, as "for 2025" is
        (
            "Parliament approved a defence budget of 4.8 billion dollars for 2025 on Tuesday.",
            "Lawmakers passed a 2025 defence budget worth $6.1 billion on Tuesday.",
            True,
        ),
    ],
)
def test_times_read_as_scopes(a: str, b: str, clash: bool) -> None:
    assert conflict(a, b) is clash


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        # money with no event never meets another kind: after tax is no pre-tax profit
        (
            "After tax, Skyline Air earned 480 million pounds for the year.",
            "Skyline Air's pre-tax profit was 640 million pounds for the year.",
            False,
        ),
        # a fee is a price
        (
            "Rovers have signed midfielder Dani Okoro from Ashgate for a fee of £45 million.",
            "Ashgate said it had sold Dani Okoro to Rovers for £32m.",
            True,
        ),
        # a vehicle carrying people: everyone aboard, its passengers a part of them
        (
            "The ferry was carrying 312 passengers when it ran aground off Kellis on Saturday.",
            "About 190 passengers were on board the ferry when it ran aground off Kellis on "
            "Saturday.",
            True,
        ),
        (
            "The bus that plunged into the ravine was carrying 52 passengers.",
            "There were 30 people on board the bus when it went into the ravine.",
            True,
        ),
        (
            "The bus that plunged into the ravine was carrying 25 passengers.",
            "There were 30 people on board the bus when it went into the ravine.",
            False,
        ),
        # "will last" is how long; "the last 48 hours" a period counted over
        (
            "The union said its walkout on the national railways would run for five days.",
            "The national rail strike will last 48 hours, starting at midnight on Thursday.",
            True,
        ),
    ],
)
def test_money_carried_and_lasting_read_as_measures(a: str, b: str, clash: bool) -> None:
    assert conflict(a, b) is clash


def test_the_last_hours_are_no_duration() -> None:
    assert not figures("Heavy rain fell on the strike in the last 48 hours.", "x")


def test_a_total_stated_meets_another_event_of_its_noun_and_place() -> None:
    """'applications fell to 61,000' (a total stated, 'recorded') meets 'received' where
    both sentences name one place, as a figure with no event does."""
    assert conflict(
        "Asylum applications in Dorland rose to 61,000 last year, the agency said.",
        "Dorland received 90,000 asylum applications last year, the ministry said.",
    )


def test_the_dead_among_those_aboard_are_the_dead() -> None:
    assert conflict(
        "All 64 people on board were killed when the turboprop crashed near Kelso airport.",
        "Of the 64 people on board, 58 died in the crash near Kelso airport, rescuers said.",
    )
    assert only("There were 195 people on board the jet, the fire brigade said.").state == "aboard"


SHARES = [
    ("Nationwide, 45 percent of teachers stayed off work on Tuesday.", "ministry"),
    ("About 70 percent of teachers in the capital joined Tuesday's strike.", "union"),
    ("Some 40 percent of teachers in the capital joined Tuesday's strike.", "police"),
    ("Turnout in Sunday's runoff reached 72 percent.", "commission"),
    ("Just under half of registered voters cast ballots in Sunday's runoff.", "monitors"),
]


def test_find_clashes_and_every_pair_agree_on_shares_of_parts() -> None:
    found = [figure for text, source in SHARES for figure in figures(text, source)]
    expected = {
        id(f)
        for f in found
        for g in found
        if f is not g and comparable(f, CLASSES) and clash_between(f, g) is not None
    }
    clashes = find_clashes(found, CLASSES)
    assert {id(f) for clash in clashes for f in clash.figures} == expected
    # the teachers' shares, and (cf10) the runoff's turnout: "just under half of
    # registered voters" is a share of voters, turnout, as "72 percent" is
    assert {f.quantity.value for f in found if id(f) in expected} == {70.0, 40.0, 72.0, 50.0}
