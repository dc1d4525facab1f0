"""The general readings of issue 15's fifth conflict pass: money however written, synonyms
of counted nouns, verbs that state a total, a vote's tally, ages, dates, a central bank's
rate, a share of the vote, a price per unit; and the distinctions that keep unrelated
figures of those classes apart."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import CLASSES, conflict, figures, only
from workbench.core.analysis.figures.conflicts import explain, find_clashes
from workbench.core.analysis.figures.quantities import numbers_in


def measures(sentence: str) -> list[tuple[str, float, str | None]]:
    return [
        (f.measure.unit_class, f.measure.base_value, f.measure.state)
        for f in figures(sentence, "x")
    ]


@pytest.mark.parametrize(
    ("sentence", "unit_class", "value"),
    [
        ("The chief will earn a base salary of £1.2m a year.", "money GBP", 1.2e6),
        ("The jury awarded the families $31m in damages.", "money USD", 31e6),
        ("The takeover values the group at $4.5bn.", "money USD", 4.5e9),
        ("Parliament approved a budget of 48 billion kroner.", "money SEK", 48e9),
        ("The ministry estimated the damage at 3 billion crowns.", "money CZK", 3e9),
        ("A litre of petrol cost 1.79 lira on Monday.", "money TRY", 1.79),
    ],
)
def test_money_with_a_joined_multiplier_or_a_currency_word(
    sentence: str, unit_class: str, value: float
) -> None:
    measure = only(sentence)
    assert (measure.unit_class, measure.base_value) == (unit_class, pytest.approx(value))


def test_a_multiplier_letter_needs_a_currency_sign() -> None:
    assert numbers_in("She ran 5m in the race.").quantities == []


@pytest.mark.parametrize(
    ("sentence", "unit_class", "value", "state"),
    [
        (
            "The death toll from floods in northern Valdoria has risen to 21.",
            "killed",
            21,
            "killed",
        ),
        ("The number of displaced people has climbed to 40,000.", "people", 40_000, "displaced"),
        ("Confirmed cholera cases in the region now stand at 1,200.", "cases", 1_200, "recorded"),
        ("The number of arrests rose to 300, police said.", "people", 300, "detained"),
        ("The ministry confirmed 312 new cholera cases on Monday.", "cases", 312, "recorded"),
        ("Saturday's protests ended with 140 arrests.", "people", 140, "detained"),
        (
            "Police estimated the crowd at Saturday's march at 15,000.",
            "people",
            15_000,
            "protesting",
        ),
        ("Rescuers are trying to reach 50 miners trapped at Dunmore.", "miners", 50, "trapped"),
        ("The fighting has forced 90,000 people from their homes.", "people", 90_000, "displaced"),
    ],
)
def test_totals_recordings_and_events(
    sentence: str, unit_class: str, value: float, state: str
) -> None:
    measure = only(sentence)
    assert (measure.unit_class, measure.base_value, measure.state) == (unit_class, value, state)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The bill passed by 214 votes to 180 on Wednesday.",
            [("votes", 214.0, "for"), ("votes", 180.0, "against")],
        ),
        (
            "Lawmakers approved the bill 241-180 on Wednesday.",
            [("votes", 241.0, "for"), ("votes", 180.0, "against")],
        ),
        ("The senator won the seat by 412 votes.", [("votes", 412.0, "margin")]),
        ("United beat Rovers 3-1 in the cup final.", [("score", 301.0, "score")]),
    ],
)
def test_a_vote_tally_is_two_counts_and_a_margin_stays_one(
    sentence: str, expected: list[tuple[str, float, str]]
) -> None:
    assert measures(sentence) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # ages of one person in one event; two people, or no event, are not compared
        (
            "The sole suspect in the Pellin stabbing, a 34-year-old man, was arrested.",
            "Police said Arno Vesk, 43, was arrested as the only suspect in the Pellin stabbing.",
            True,
        ),
        (
            "The suspect in the Dunhill shooting, a 34-year-old man, was detained.",
            "The victim of the Dunhill shooting was named as Teo Marsk, 43.",
            False,
        ),
        ("Vesk, 43, runs a bakery in town.", "Vesk, 34, opened a second shop.", False),
        # a date of one event of one thing; another thing or another way of reopening is not
        (
            "The Corvan bridge will reopen to traffic on March 3.",
            "Officials said the Corvan bridge would reopen to traffic on 13 March.",
            True,
        ),
        (
            "The Lenner bridge will reopen to pedestrians on 3 March.",
            "The Lenner bridge would reopen to road traffic on 13 March.",
            False,
        ),
        (
            "The museum will reopen on 3 March.",
            "The stadium will reopen on 13 March.",
            False,
        ),
        # a tally: votes for against votes for; the margin is no count of either
        (
            "The bill passed by 214 votes to 180 on Wednesday.",
            "Lawmakers approved the bill 241-180 on Wednesday.",
            True,
        ),
        (
            "The senate passed the budget bill by 214 votes to 180 on Tuesday.",
            "The budget bill cleared the senate on Tuesday with a majority of 34 votes.",
            False,
        ),
        # a central bank's rate however named; the unemployment rate is another
        (
            "The central bank raised its key rate to 5.25% on Thursday.",
            "The bank lifted its benchmark rate to 5.5 per cent on Thursday.",
            True,
        ),
        (
            "The central bank raised its key rate to 5.25% on Thursday.",
            "The unemployment rate rose to 5.5 per cent on Thursday.",
            False,
        ),
        # a candidate's share of the vote; two candidates' shares are two figures
        (
            "Mayor Elan Dresk was re-elected with 54% of the vote.",
            "Dresk won a second term with just over 45 per cent of ballots cast.",
            True,
        ),
        (
            "Mayor Elan Dresk was re-elected with 54% of the vote.",
            "His rival Ana Kurt won 45 per cent of the vote.",
            False,
        ),
        # a price per unit of one product; another product, or the whole sum, is not
        (
            "Petrol prices in Lorvia rose to 2.19 lira a litre on Monday.",
            "A litre of petrol in Lorvia cost 1.79 lira on Monday.",
            True,
        ),
        (
            "Petrol in Sarnia rose to 2.19 lira a litre on Monday.",
            "Diesel cost 1.79 lira a litre in Sarnia on Monday.",
            False,
        ),
        # money: salary and pay, a price agreed and a price to be paid, one budget line
        (
            "The new chief executive will earn a base salary of £1.2m a year.",
            "The incoming boss is set to receive annual basic pay of £850,000.",
            True,
        ),
        (
            "Solvane has agreed to buy the Tarrow shipping group for $4.5 billion.",
            "Solvane will pay 3.1 billion dollars in cash for Tarrow.",
            True,
        ),
        (
            "The 2027 budget sets aside 48 billion kroner for defence.",
            "The 2027 state budget totals 612 billion kroner.",
            False,
        ),
        (
            "Parliament approved a defence budget of 48 billion kroner for 2027.",
            "The 2027 defence budget amounts to 36 billion kroner.",
            True,
        ),
        (
            "Regulators had sought a fine of 45 million euros against Orlentis.",
            "A court imposed a 4.5 million euro fine on Orlentis.",
            False,
        ),
        # synonyms of counted nouns; a day's new cases against the same day's
        (
            "Authorities detained 25 journalists during the crackdown in Rassa.",
            "Some 60 reporters were detained during the Rassa crackdown.",
            True,
        ),
        (
            "The ministry confirmed 312 new cholera cases in Baltra on Monday.",
            "Monday's figures showed 213 new cholera infections in Baltra.",
            True,
        ),
        (
            "The ministry confirmed 312 new cholera cases in Baltra on Monday.",
            "The ministry confirmed 213 new cholera cases in Baltra on Tuesday.",
            False,
        ),
        # a time that dates a noun ("last year's breach") is not the figure's
        (
            "The regulator fined Bexa Telecom €2.4m over last year's data breach.",
            "Bexa Telecom was ordered to pay a fine of 4.2 million euros for the breach.",
            True,
        ),
        # a toll that rose, against one put earlier: a revision
        (
            "The death toll from the Greyport ferry fire rose to 41 on Monday night.",
            "The coast guard earlier on Monday put the death toll from the ferry fire at 35.",
            False,
        ),
    ],
)
def test_which_figures_conflict(a: str, b: str, expected: bool) -> None:
    assert conflict(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # a converted figure is rounded: only a difference beyond that rounding conflicts
        ("The wave was 20 metres high, officials said.", "The wave was 66 feet high.", False),
        ("The wave was 20 metres high, officials said.", "The wave was 80 feet high.", True),
        ("Winds reached 185 km/h, the office said.", "Winds reached 115 mph, it said.", False),
        ("Winds reached 185 km/h, the office said.", "Winds reached 130 mph, it said.", True),
        ("The fire burned 12,000 acres.", "The fire burned 4,900 hectares.", False),
        ("The fire burned 12,000 acres.", "The fire burned 1,200 hectares.", True),
        ("The fire burned 12,000 acres.", "The fire burned 12,600 acres.", True),
        ("The drone flew 50 km.", "The drone flew 30 miles.", False),
        ("The drone flew 1,000 km.", "The drone flew about 300 miles.", True),
        ("Harlow reached 39C on Tuesday.", "Harlow hit 102F on Tuesday.", False),
        ("Harlow reached 39C on Tuesday.", "Harlow hit 108F on Tuesday.", True),
        (
            "The convoy delivered 900 tonnes of food to Marsa.",
            "Trucks delivered 250,000 kilograms of food to Marsa.",
            True,
        ),
        # a population of a place named; of nowhere named it disputes nothing
        (
            "Velmora has a population of 2.3 million, the census office said.",
            "About 1.8 million people live in Velmora, the mayor said.",
            True,
        ),
        ("10,000 people live there, the mayor said.", "20,000 people live there.", False),
        # the year of an event of a thing, and the thing's name
        (
            "The Corvan bridge was built in 1998, the city said.",
            "The Corvan bridge was completed in 2001, historians said.",
            True,
        ),
        (
            "The Corvan bridge was built in 1998, the city said.",
            "The Lenner bridge was built in 2001, historians said.",
            False,
        ),
        # a time of day of one event
        (
            "The quake struck Peradon at 3:15 am on Monday.",
            "The earthquake hit Peradon at about 4am on Monday.",
            True,
        ),
        (
            "The quake struck Peradon at 3:15 am on Monday.",
            "The earthquake hit Peradon at about 3am on Monday.",
            False,
        ),
        # small numbers in words that a verb acts on
        (
            "Police arrested twelve protesters in Orvane on Saturday.",
            "Police arrested 40 protesters in Orvane on Saturday, officials said.",
            True,
        ),
        ("The two leaders met in Kelm.", "The 12 leaders met in Kelm, officials said.", False),
        # a part named by "alone"; a revision named by "later"
        (
            "More than 1,400 flights were cancelled across Vestria on Friday.",
            "Vestria's main hub, Kestrel airport, alone cancelled around 400 flights on Friday.",
            False,
        ),
        (
            "Officials later revised the death toll from the ferry fire to 45.",
            "The ferry fire killed 30 people, officials said.",
            False,
        ),
    ],
)
def test_units_populations_years_times_and_words(a: str, b: str, expected: bool) -> None:
    assert conflict(a, b) == expected


def test_the_reason_names_the_new_classes_as_written() -> None:
    a = figures("The Corvan bridge will reopen to traffic on March 3.", "ministry")
    b = figures("The Corvan bridge would reopen to traffic on 13 March.", "officials")
    (clash,) = find_clashes(a + b, CLASSES)
    assert explain(clash, lambda figure: figure.origin).startswith(
        "March 3 (ministry) vs 13 March (officials)"
    )
    a = figures("The chief will earn a base salary of £1.2m a year.", "bank")
    b = figures("The boss is set to receive annual basic pay of £850,000.", "filings")
    (clash,) = find_clashes(a + b, CLASSES)
    assert explain(clash, lambda figure: figure.origin).startswith(
        "£850,000 (filings) vs £1.2m (bank): both the pay a year"
    )
