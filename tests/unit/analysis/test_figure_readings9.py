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
        "the part (killed on Tuesday) outnumbers the whole (all killed)"
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
