"""Issue 15's fourteenth conflict pass (session 14): what one side reads and the other not.

Thirteen passes kept two figures apart whenever an attribute (a time, an event, a
noun's kind) was read on one side and not the other. The fourteenth decides such pairs
as a reader does, by what the two sentences share: two names, or a name and the kind of
event, the day or the time (conflicts.shared_ties). A time read on one side only leaves
a reading or a size one thing (a temperature, an area, a deal's value), never a count
(a count's time is its period); an event said on one side only meets a kin noun's on
the other (migrants on board, people carried), or the same noun's; two lengths, or two
ages, with no event are compared when their sentences share two names (the railway's,
the person's; for ages, neither sentence naming what the other does not). A time read
on one side only ties them when it names the present ("this week", "this year"): a past
one may name another event. Two values read on the two sides stay two things. Each positive case
fails before the pass (main 8e2273c; the last four on the first piece, f2c27a3, too)."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures
from workbench.core.analysis.figures.conflicts import relation, shared_ties


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # a time on one side only: a station's high of one day is one reading
            "The thermometer at Ostrava airport hit 38.5C on Friday, the hottest reading in "
            "the country this year.",
            "Ostrava airport's weather station recorded a maximum of 35.2 degrees Celsius on "
            "Friday.",
        ),
        (  # a time on one side only: a park's size is its size whenever told
            "The Kestra Moor national park covers 800 square kilometres of upland forest.",
            "Kestra Moor, a 450 km² reserve, was opened to visitors this week.",
        ),
        (  # an event on one side only, two kin nouns, the sinking and the place shared
            "Up to 250 migrants were on board the boat when it capsized off Lampra, survivors "
            "said.",
            "The trawler that sank off Lampra had been carrying 410 people, the coastguard said.",
        ),
        (  # an event on one side only, two kin nouns, two names shared
            "Orvik Steel employs about 9,000 people worldwide, the company said.",
            "Orvik Steel has 14,500 employees worldwide, according to its annual report.",
        ),
        (  # an accented name is one word ("Ría" was split at its accent)
            "By Friday evening the fire in the hills above Zaragoza Ría had scorched 12,000 "
            "hectares, the agency said.",
            "The blaze near Zaragoza Ría had burned through about 50 square kilometres as of "
            "Friday evening.",
        ),
        (  # no event on one side, of one class: the fire's area, tied by its name and kind
            "The fire destroyed 200 hectares of pine forest and 4 barns near Tamsby before it "
            "was contained on Thursday.",
            "Firefighters contained the Tamsby blaze on Thursday after it had burned through "
            "2,000 hectares of forest.",
        ),
        (  # two lengths with no event, of one named railway
            "The Varlen–Tosk railway, inaugurated by the president on Monday, runs for 64 km.",
            "Monday's inauguration of the 98-kilometre Varlen–Tosk railway ended years of delays.",
        ),
        (  # two ages with no event, of one person named in both
            "Ilse Marrow, a 29-year-old nurse from Kelby, was charged at Kelby Magistrates "
            "Court on Monday.",
            "Nurse Ilse Marrow, aged 36, appeared at Kelby Magistrates Court on Monday.",
        ),
        (  # "a revised wage offer" is no revised figure: no time read on one side
            "The 9-day stoppage at the Kessin refinery ended on Friday after workers accepted "
            "a revised wage offer.",
            "Refinery workers in Kessin went back on Friday, ending a two-week strike.",
        ),
    ],
)
def test_what_one_side_reads_only_does_not_keep_them_apart(a: str, b: str) -> None:
    assert conflict(a, b)
    assert conflict(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # a count's time is its period: this year's toll is a part of all the floods'
            "Floods in Verna province have killed 45 people this year, the disaster agency said.",
            "Floods killed more than 200 people in Verna province, the disaster agency said.",
        ),
        (  # one word of two names ("Serra") is no tie
            "The wildfire in the Serra Alta hills has burned 12,000 hectares, officials said.",
            "Serra Bonita, a 1,200 km² reserve, was granted park status this week.",
        ),
        (  # two kin nouns and one place only: two groups (miners trapped, workers)
            "Fifteen miners remain trapped at the Dunmore colliery, the operator said.",
            "Half of the 2,000 workers at the Dunmore plant will lose their jobs, the union said.",
        ),
        (  # a day on one side, a time on the other: a day's high and the year's
            "The thermometer at Ostrava airport hit 36C on Friday, the weather service said.",
            "The highest reading at Ostrava airport this year was 39.1C, the weather service said.",
        ),
        (  # two times read, one on each side
            "Brenna Valley, a 450 km² reserve, was enlarged this week.",
            "Brenna Valley, a 300 km² reserve, was enlarged last year.",
        ),
        (  # a count with a time on one side: this year's visitors and all of them
            "Some 2,000 people attended the Varna book fair this year, organisers said.",
            "About 5,000 people attended the Varna book fair, organisers said.",
        ),
        (  # two people's ages, tied by a day only
            "Ilse Marrow, 29, was charged on Monday.",
            "Tom Arden, 36, was charged on Monday.",
        ),
        (  # two railways' lengths
            "The Varlen–Tosk railway runs for 64 km.",
            "The Arlen–Vosk railway runs for 98 km.",
        ),
        (  # a past time on one side may name another event: the 2019 strike is not this one
            "The 12-day strike at the port of Antwerp ended after unions accepted a pay offer.",
            "The 2019 strike at the port of Antwerp lasted three weeks, the union recalled.",
        ),
        (  # two ages whose sentences each give a name the other does not: two people
            "Anna Roth, 34, of Velden was charged with fraud on Monday.",
            "Karl Roth, 41, of Velden was charged with fraud on Monday.",
        ),
        (  # two quarters named by their last month (a false alarm on main)
            "Tarvonia's jobless rate rose to 5.1% in the March quarter, the statistics office "
            "said.",
            "Unemployment in Tarvonia reached 6.3% in the June quarter.",
        ),
        (  # two places' rates, each named by a possessive (a false alarm on main)
            "Velmar's unemployment rate fell to 8.9% in the third quarter, the regional "
            "government said.",
            "Ostria's jobless rate stood at 11.2% in the third quarter, the national "
            "statistics office said.",
        ),
        (  # qa13 Q20: tickets sold and people aboard are two things
            "Nordline sold 412 tickets for the Saria's Sunday crossing, the company said.",
            "The coastguard said 380 people were aboard the Saria when it capsized on Sunday.",
        ),
    ],
)
def test_what_both_sides_read_apart_stays_apart(a: str, b: str) -> None:
    assert not conflict(a, b)
    assert not conflict(b, a)


def test_a_quarter_named_by_its_last_month_is_that_quarter() -> None:
    """ "the March quarter" is the first quarter, as "the first quarter" is."""
    assert conflict(
        "Tarvonia's jobless rate rose to 5.1% in the March quarter, the statistics office said.",
        "Unemployment in Tarvonia reached 6.3% in the first quarter.",
    )


@pytest.mark.parametrize(
    "b",
    [
        "Velmar's jobless rate stood at 11.2% in the third quarter, the statistics office said.",
        "The jobless rate stood at 11.2% in the third quarter, the statistics office said.",
    ],
)
def test_a_rate_named_by_its_owner_on_one_side_or_both_is_one(b: str) -> None:
    """The owner's name read on one side only, or the same on both, keeps one rate."""
    assert conflict("Velmar's unemployment rate fell to 8.9% in the third quarter.", b)


def test_a_subject_ends_at_a_modal_and_a_time_is_none() -> None:
    """ "Comet Vessa will pass within": the comet's distance, not a "pass"; "On 3 March the
    comet Vessa will fly past": the comet's, not March's. Two bodies stay two."""
    comet = "Comet Vessa will pass within 2 million kilometres of Earth on 3 March."
    assert conflict(
        comet,
        "On 3 March the comet Vessa will fly past our planet at a distance of about 9 million km.",
    )
    assert not conflict(
        comet, "On 3 March the probe Tarn will fly past Mars at a distance of about 9 million km."
    )


def test_a_headline_toll_and_the_body_toll_of_one_minister_conflict() -> None:
    """qa13 Q19: a headline's toll against the body's, the same minister's: one count."""
    headline = "Death toll reaches 45, Health Minister Ines Varro says"
    body = "The toll has risen to 47, Health Minister Ines Varro told reporters on Tuesday."
    assert conflict(headline, body)


def test_the_shared_reading_is_the_relation_find_clashes_applies() -> None:
    """relation() and find_clashes() read the pair alike (the property test keeps them in
    step in general): the same, and tied by two names."""
    (employs,) = figures("Orvik Steel employs about 9,000 people worldwide.", "a")
    (has,) = figures("Orvik Steel has 14,500 employees worldwide.", "b")
    assert relation(employs.measure, has.measure) == "same"
    assert ("orvik", "steel") in shared_ties(employs.measure) & shared_ties(has.measure)


@pytest.mark.parametrize("link", ["came to", "amounted to", "stood at"])
def test_a_net_income_two_words_before_its_sum_is_the_net_profit(link: str) -> None:
    """b14-03: "net income came to $640 million" is the net profit, as "net income was"
    is; a pre-tax profit stays another measure."""
    net_income = f"Kellmar Foods' first-quarter net income {link} $310 million, its chief said."
    assert conflict(
        "Kellmar Foods reported a net profit of $520 million for the first quarter.", net_income
    )
    assert not conflict("Kellmar Foods' first-quarter pre-tax profit was $520 million.", net_income)
