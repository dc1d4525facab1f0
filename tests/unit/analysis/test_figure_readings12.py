"""Issue 15's twelfth conflict pass (session 11): readings by classes of words.

Jobs cut however said (a worker laid off is a job cut; "job cuts", "layoffs" and
"redundancies" are jobs cut a plan announces); verbs of a rate's pace ("accelerated
to", "slowed to"); a rate's subject read past its owner ("Norrvik Bank's") and how it is
measured ("average", "net"), with a change's basis ("from a year earlier") no time of its
own; a small number in words before a unit of measure; a party's seats after its name.
Each positive case fails before the pass (main c4b7c99)."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, only
from workbench.core.analysis.figures.quantities import numbers_in


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # a job cut and a worker laid off, of one plan
            "Brakel Steel will cut 1,200 jobs at its Dorne works by March, the firm said.",
            "Brakel Steel plans to lay off about 600 workers at Dorne by March.",
        ),
        (  # jobs cut, by the noun and by the verb
            "The merger announced by Ostra Bank on Friday involves 900 job cuts.",
            "Ostra Bank will shed 2,500 jobs under the merger announced on Friday.",
        ),
        (  # workers who will lose their jobs
            "About 300 workers will lose their jobs when Halm Mills shuts in May, the union said.",
            "Halm Mills will cut 150 jobs when it shuts in May, its owner said.",
        ),
        (  # layoffs are jobs cut
            "Vesta Air announced 700 layoffs on Tuesday.",
            "Vesta Air said on Tuesday it would cut 1,500 jobs.",
        ),
        (  # a rate's pace: "accelerated to" is the level it reached
            "Annual inflation in Dorsa accelerated to 6.2% in June, the statistics office said.",
            "Consumer prices in Dorsa rose 4.4 percent year-on-year in June.",
        ),
        (  # "slowed to" likewise
            "Annual inflation in Dorsa slowed to 2.1% in June, the statistics office said.",
            "Consumer prices in Dorsa rose 3.9 percent year-on-year in June.",
        ),
        (  # a rate's owner and how it is measured are no subject; a basis is no time
            "Pellam Group's net profit rose 8% in the first quarter, the insurer said.",
            "Pellam Group said its first-quarter net income fell 5 percent from a year earlier.",
        ),
        (  # "average" is how prices are measured; "over 2024" is 2024
            "Average rents in Lusk rose 6.5% in 2024, the housing agency said.",
            "Rents in Lusk fell 1.2 percent over 2024, according to the housing agency.",
        ),
        (  # a noun that may be a verb before a rate's noun: house prices
            "House prices in Tamber rose 3% in 2023, the registry said.",
            "Average house prices in Tamber fell 1.5% in 2023, according to the registry.",
        ),
        (  # a party's seats after its name are a count, not a number of its name
            "The Civic Party won 61 seats in the 200-seat chamber, results showed on Monday.",
            "Results published on Monday gave the Civic Party 74 seats in the chamber.",
        ),
    ],
)
def test_one_measure_said_two_ways_is_compared(a: str, b: str) -> None:
    assert conflict(a, b)
    assert conflict(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # jobs created are no jobs cut
            "Brakel Steel will cut 1,200 jobs at its Dorne works by March, the firm said.",
            "Brakel Steel will create 600 jobs at Dorne by March, the firm said.",
        ),
        (  # workers who joined a strike are not jobs cut
            "About 300 workers walked out at Halm Mills on Monday, the union said.",
            "Halm Mills will cut 150 jobs, its owner said on Monday.",
        ),
        (  # a part of the job cuts, not all of them
            "Vesta Air will cut 1,500 jobs, it said on Tuesday.",
            "About 400 of the job cuts announced by Vesta Air on Tuesday will fall in Spain.",
        ),
        (  # a cut done and one planned are two things
            "Vesta Air laid off 700 workers last year, the union said.",
            "Vesta Air said it would cut 1,500 jobs.",
        ),
        (  # two parties' seats
            "The Civic Party won 61 seats, results showed on Monday.",
            "Results published on Monday gave the Labour Party 74 seats.",
        ),
        (  # profit and sales of one firm are two measures
            "Pellam Group's net profit rose 8% in the first quarter, the insurer said.",
            "Pellam Group's net sales fell 5% in the first quarter, the insurer said.",
        ),
        (  # a rate's pace and the same level
            "Annual inflation in Dorsa accelerated to 6.2% in June, the statistics office said.",
            "Consumer prices in Dorsa rose 6.2 percent year-on-year in June.",
        ),
    ],
)
def test_two_things_are_still_not_set_against_each_other(a: str, b: str) -> None:
    assert not conflict(a, b)
    assert not conflict(b, a)


@pytest.mark.parametrize(
    ("sentence", "value", "what"),
    [
        ("At seven kilometres, the new Harrow tunnel will be the longest.", 7.0, "km"),
        ("Customs officers found three tonnes of cocaine at Vell.", 3.0, "tonnes"),
        ("Unemployment in Dorsa fell to five percent in May.", 5.0, "percent"),
        ("The sea wall at Kell is four metres high.", 4.0, "metres"),
    ],
)
def test_a_small_number_in_words_before_a_unit_is_a_measure(
    sentence: str, value: float, what: str
) -> None:
    found = numbers_in(sentence).quantities
    assert [(quantity.value, quantity.what) for quantity in found] == [(value, what)]


def test_a_small_number_in_words_without_a_unit_is_still_no_figure() -> None:
    assert numbers_in("The two leaders met in Dorsa on Monday.").quantities == []


def test_a_change_basis_is_neither_a_time_nor_a_rate() -> None:
    """No time, and no rate "a year": its basis, which a change of no basis said meets
    (cf21: conflicts._one_basis; two bases said are two changes)."""
    measure = only("Pellam Group said its net income fell 5 percent from a year earlier.")
    assert (measure.state, measure.part, measure.when, measure.per) == (
        "down",
        "profit",
        None,
        "year-on-year",
    )
    assert conflict(
        "Pellam Group said its net income fell 5 percent from a year earlier.",
        "Pellam Group said its net income rose 2 percent.",
    )


def test_a_job_cut_is_read_as_jobs() -> None:
    measure = only("Brakel Steel plans to lay off about 600 workers at Dorne by March.")
    assert (measure.unit_class, measure.state) == ("jobs", "planned cut")
    measure = only("The restructuring involves 900 job cuts, the bank said.")
    assert (measure.unit_class, measure.state, measure.part) == ("jobs", "planned cut", None)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # the toll "from Tuesday's blast" of a placed figure: of the event, not a day's part
            "Nine workers died after a gas explosion at the Hollin chemical plant on Tuesday, "
            "its owner said.",
            "The death toll from Tuesday's explosion at the Hollin chemical plant stands at 5, "
            "officials said.",
        ),
        (  # "confirmed dead" counts the dead
            "The death toll from the ferry fire near Osk had risen to 31 by Monday night.",
            "Twenty people had been confirmed dead in the Osk ferry fire as of Monday night.",
        ),
        (  # "calling for" names what a crowd wants, not the event
            "About 3,000 people marched in Tessel on Sunday to demand the mayor's resignation.",
            "Some 12,000 protesters filled the streets of Tessel on Sunday calling for a new "
            "election.",
        ),
        (  # a held share is a level of its whole
            "Orbis Telecom held 35 percent of Dorsa's broadband market in 2024, analysts said.",
            "Orbis Telecom controlled about a quarter of the broadband market in Dorsa in 2024.",
        ),
        (  # a weekday then its date: the date is the figure's too
            "Merrin recorded a high of 39.5C on Friday, 2 August, the weather service said.",
            "Temperatures in Merrin peaked at 35 degrees Celsius on 2 August.",
        ),
        (  # rain by sign and by name, where it fell read from who received it
            "Storm Orla dumped 140 millimetres of rain on Tallow on Sunday, forecasters said.",
            "Tallow received 60 mm of rainfall on Sunday as Storm Orla passed.",
        ),
        (  # participation in a strike counts those who joined it
            "About 9,000 teachers walked off the job in Rensk on Monday, their union said.",
            "The education ministry put participation in Monday's teachers' strike in Rensk at "
            "2,500.",
        ),
        (  # drugs found are seized; "hidden" ends what they are
            "Police seized 1.5 tonnes of heroin hidden in a lorry at Cadmore on Friday.",
            "Customs officers found about 400 kilograms of heroin at Cadmore on Friday.",
        ),
        (  # a quarter named by its months
            "Dorsa's economy grew 1.2 percent in the second quarter, the statistics office said.",
            "Dorsa's gross domestic product shrank 0.4% in April-June, according to a central "
            "bank estimate.",
        ),
    ],
)
def test_a_second_batch_of_one_measure_said_two_ways(a: str, b: str) -> None:
    assert conflict(a, b)
    assert conflict(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # two holders' shares of one whole
            "Rebels control about a third of Kell province, monitors said.",
            "Government forces control 55 percent of Kell province, the army said.",
        ),
        (  # rain of two places
            "Port Vane received 180 mm of rain on Sunday, the bureau said.",
            "Just 20 millimetres of rain fell in Carrick on Sunday, the bureau said.",
        ),
        (  # a forecast of a rate is not the rate measured
            "The central bank had forecast that Dorsa's economy would grow 2.5 percent in 2024.",
            "Dorsa's gross domestic product grew 0.9% in 2024, the statistics office said.",
        ),
        (  # found alive is no death
            "Rescuers found nine people alive in the rubble in Osk on Monday.",
            "Twelve people were killed when the building collapsed in Osk on Monday.",
        ),
    ],
)
def test_a_second_batch_of_two_things_still_apart(a: str, b: str) -> None:
    assert not conflict(a, b)
    assert not conflict(b, a)


def test_a_rain_depth_is_read_in_millimetres_only_of_rain_or_snow() -> None:
    measure = only("Nearly four inches of rain fell on Tallow overnight.")
    assert (measure.unit_class, round(measure.base_value, 1), measure.state) == (
        "precipitation",
        101.6,
        "fallen",
    )
    assert [q.what for q in numbers_in("The army fired 155 mm shells at Vell.").quantities] != [
        "millimetres"
    ]


def test_a_quarter_of_months_is_no_place() -> None:
    measure = only("Dorsa's economy shrank 0.4% in July-September, the bank said.")
    assert (measure.place, measure.day, measure.when) == (None, "third quarter", None)
