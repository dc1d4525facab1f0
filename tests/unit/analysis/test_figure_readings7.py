"""Issue 15's seventh conflict pass, first piece: the false alarms the sixth pass left
(a ratio read as an exact share, a place named as a part read as the figure's place, a
temperature below zero read above it), and the figure a reason's back-reference gives."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures, only
from workbench.core.analysis.figures.conflicts import explain, find_clashes
from workbench.core.analysis.figures.quantities import numbers_in
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.summary.markdown import placed_why

ONE_IN_FOUR = "One in four adults in Marrow County is obese, a survey found."


@pytest.mark.parametrize(
    ("other", "clash"),
    [
        ("The survey found that 26 percent of adults in Marrow County are obese.", False),
        ("The survey found that 23 percent of adults in Marrow County are obese.", False),
        ("The survey found that 40 percent of adults in Marrow County are obese.", True),
        ("The survey found that 18 percent of adults in Marrow County are obese.", True),
    ],
)
def test_a_ratio_is_a_rounded_share(other: str, clash: bool) -> None:
    assert conflict(ONE_IN_FOUR, other) is clash


def test_a_qualified_ratio_keeps_its_qualifier() -> None:
    quantity = numbers_in("Fewer than seven in ten voters turned out.").quantities[0]
    assert (quantity.value, quantity.bound) == (70.0, "upper")


CITY = "Murders in the city of Dunmore rose to 87 last year, the city police said."


def test_a_place_named_as_a_part_is_not_the_figure_s_place() -> None:
    province = (
        "The province of Westfold, which includes Dunmore, recorded 214 murders last year, "
        "the provincial police said."
    )
    assert not conflict(CITY, province)
    assert "dunmore" not in figures(province, "p")[0].measure.mentions


def test_a_place_named_otherwise_still_places_the_figure() -> None:
    assert conflict(CITY, "Dunmore recorded 214 murders last year, the provincial police said.")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The temperature in Halby dropped to minus 12C on Monday night.", -12.0),
        ("Halby recorded a low of -12C on Monday night.", -12.0),
        ("Halby recorded a low of −4 °C on Monday night.", -4.0),
        ("It was about -3 degrees Celsius in Halby on Monday night.", -3.0),
        ("The temperature in Halby dropped to 12C on Monday night.", 12.0),
    ],
)
def test_a_temperature_below_zero(sentence: str, value: float) -> None:
    assert only(sentence).base_value == value


def test_a_sign_is_read_only_before_a_temperature() -> None:
    assert [q.value for q in numbers_in("The COVID-19 ward took 12 patients.").quantities] == [12.0]
    assert all(q.value > 0 for q in numbers_in("The 2023-24 budget rose -4% to 12C.").quantities)


@pytest.mark.parametrize(
    ("other", "clash"),
    [
        ("Halby recorded a low of 10F on Monday night, the Halby Courier reported.", False),
        ("Halby recorded a low of 12C on Monday night, the Halby Courier reported.", True),
        ("Halby recorded a low of -15C on Monday night, the Halby Courier reported.", True),
    ],
)
def test_minus_12c_against_other_lows(other: str, clash: bool) -> None:
    minus = "The temperature in Halby dropped to minus 12C on Monday night, the office said."
    assert conflict(minus, other) is clash


@pytest.mark.parametrize(
    "sentence",
    [
        "It was -10 degrees in Oslo.",
        "The plane banked -30 degrees.",
        "It fell to minus 10 degrees.",
    ],
)
def test_a_signed_bare_degrees_value_is_never_read_above_zero(sentence: str) -> None:
    """rv6 R1: the pattern blanked the sign before a bare "degrees" but only a Celsius or
    Fahrenheit value was made negative, so "-10 degrees" became 10 degrees."""
    assert all(q.value < 0 for q in numbers_in(sentence).quantities)


def test_minus_10_degrees_against_10_degrees_is_a_conflict() -> None:
    assert conflict(
        "Temperatures in Oslo fell to -10 degrees on Monday, the Met office said.",
        "Temperatures in Oslo fell to 10 degrees on Monday, the police said.",
    )


def test_a_sign_is_kept_in_the_reason() -> None:
    found = figures("The temperature in Halby dropped to minus 12C on Monday night.", "a")
    found += figures("Halby recorded a low of -15C on Monday night.", "b")
    (clash,) = find_clashes(found, LedgerSettings().conflict_whats)
    assert explain(clash, lambda figure: figure.source or "").startswith("-15 °C (b) vs -12 °C")


def test_put_the_number_at_gives_the_figure_it_refers_back_to() -> None:
    """qa4 Q20b: 'NATO put the number at 10,000' counts the soldiers named before."""
    sentence = (
        "Ukraine said 8,000 North Korean soldiers had been deployed, while NATO put the "
        "number at 10,000."
    )
    read = [(f.quantity.value, f.quantity.topic, f.measure.state) for f in figures(sentence, "x")]
    assert read == [
        (8000.0, "North Korean troops", "sent"),
        (10000.0, "North Korean troops", "sent"),
    ]


def test_a_reason_names_its_two_sentences() -> None:
    """qa4 Q20: two reasons may read alike; each says which sentences it is about."""
    low = figures("Ukraine said 8,000 North Korean soldiers were in Kursk.", "Ukraine")[0]
    high = figures("NATO said 10,000 North Korean troops were in Kursk.", "NATO")[0]
    titles = {"Ukraine": "Report Seven", "NATO": "Report Eight"}
    other = high.__class__(high.key, "Ukraine", 2, "NATO", high.quantity, high.measure)
    assert placed_why("why", low, other, titles) == (
        "“Report Seven”, sentence 1 vs sentence 3 — why"
    )
    assert placed_why("why", low, high, titles) == (
        "“Report Seven”, sentence 1 vs “Report Eight”, sentence 1 — why"
    )


# -- the second piece: general readings, each beside the figures that must stay apart


@pytest.mark.parametrize(
    ("sentence", "state"),
    [
        ("Thieves made off with 57 paintings from the Halvard Museum.", "stolen"),
        ("The gang stole 40 paintings from the Halvard Museum.", "stolen"),
        ("Looters plundered 40 shops in the old town.", "stolen"),
        ("More than 12 million passengers passed through Arlen airport in 2025.", "carried"),
        ("Arlen airport handled 9.6 million passengers in 2025.", "carried"),
        # a vehicle carrying people: those aboard (the ninth pass), not throughput
        ("The ferry carried 400 passengers when it left Dover.", "aboard"),
        ("The ferry can carry 1,200 passengers.", "capacity"),
    ],
)
def test_verbs_of_one_event_however_phrased(sentence: str, state: str) -> None:
    assert only(sentence).state == state


def test_stolen_paintings_however_said() -> None:
    stole = "The gang stole between 30 and 40 paintings from the Halvard Museum, police said."
    assert conflict(stole, "Thieves made off with 57 paintings from the Halvard Museum.")
    assert not conflict(stole, "Thieves made off with 35 paintings from the Halvard Museum.")


def test_a_capacity_is_no_count_of_those_carried() -> None:
    assert not conflict(
        "The ferry carried 400 passengers when it left Dover, the operator said.",
        "The ferry can carry 1,200 passengers, the operator's website says.",
    )


WAVES = "Waves of up to 4 metres struck the coast of Lussa after Tuesday's earthquake."


@pytest.mark.parametrize(
    ("other", "clash"),
    [
        ("A 30-foot wave hit the Lussa coast after Tuesday's undersea quake.", True),
        ("A 10-foot wave hit the Lussa coast after Tuesday's undersea quake.", False),
        ("A 30-foot wall hit the Lussa coast after Tuesday's undersea quake.", False),
    ],
)
def test_a_measure_with_no_event_is_compared_by_its_noun(other: str, clash: bool) -> None:
    assert conflict(WAVES, other) is clash


def test_a_measure_of_no_noun_and_no_scope_stays_unread() -> None:
    assert only("A wall of 30 metres was built.").state is None  # no place, no event


REMY = "A court in Brannock sentenced former banker Olaf Remy to 12 years in prison for fraud."


@pytest.mark.parametrize(
    ("other", "clash"),
    [
        ("Former banker Olaf Remy was jailed for eight years by a Brannock court.", True),
        ("Former banker Olaf Remy was jailed for 12 years by a Brannock court.", False),
        ("Former banker Ida Brun was jailed for eight years by a Brannock court.", False),
    ],
)
def test_a_term_is_of_the_one_named_before_it(other: str, clash: bool) -> None:
    assert conflict(REMY, other) is clash


def test_a_delay_is_a_term_of_what_was_delayed() -> None:
    delayed = "The Arlen-Vossberg express was delayed by nearly five hours on Sunday."
    assert conflict(
        delayed, "A power failure on Sunday delayed the Arlen-Vossberg express by 90 minutes."
    )
    assert not conflict(
        delayed, "A power failure on Sunday delayed the Kell express by 90 minutes."
    )


def test_a_term_of_no_one_named_is_not_compared() -> None:
    assert only("He was jailed for eight years.").state is None


def test_money_written_with_its_currency_word_then_its_kind() -> None:
    measure = only("Grenholm Motors earned 120 million dollars in net profit last year.")
    assert (measure.unit_class, measure.state) == ("money USD", "profit")


def test_people_who_fled_a_place_are_counted_there() -> None:
    assert only("Some 6,000 people have fled Sorrel since Monday.").place == "Sorrel"


BLAST = "The explosion at Dunmore railway station happened at 8:15 am on Tuesday, police said."


@pytest.mark.parametrize(
    ("other", "clash"),
    [
        (
            "Police said the blast at Dunmore station occurred shortly before 11 am on Tuesday.",
            True,
        ),
        ("Police said the blast at Dunmore station occurred shortly after 8 am on Tuesday.", False),
        (
            "Police said the blast at Dunmore station occurred just before 8:30 am on Tuesday.",
            False,
        ),
    ],
)
def test_a_time_of_day_shortly_before_or_after(other: str, clash: bool) -> None:
    assert conflict(BLAST, other) is clash


RACE = "Cyclist Ines Marrow finished third overall in the Tour of Karvia on Sunday."


@pytest.mark.parametrize(
    ("other", "clash"),
    [
        ("Ines Marrow took fifth place overall at the Tour of Karvia on Sunday.", True),
        ("Ines Marrow came 3rd overall at the Tour of Karvia on Sunday.", False),
        ("Anna Lind took fifth place overall at the Tour of Karvia on Sunday.", False),
    ],
)
def test_a_finishing_place_is_of_the_one_named(other: str, clash: bool) -> None:
    assert conflict(RACE, other) is clash


def test_an_ordinal_that_counts_is_no_place() -> None:
    assert not [q for q in numbers_in("It was the third fatal accident this year.").quantities]


def test_families_forced_from_their_homes_are_displaced() -> None:
    assert only("The fighting forced 450 families from their homes.").state == "displaced"
    assert only("The storm forced 450 flights to divert.").state != "displaced"


@pytest.mark.parametrize(
    ("sentence", "state"),
    [
        ("About 40 percent of the Meriden Reef's coral was bleached this year.", "level"),
        ("About 40 percent of the forest has been destroyed.", "level"),
        ("About 40 percent of the budget goes to defence.", None),
    ],
)
def test_a_share_of_what_an_event_reached(sentence: str, state: str | None) -> None:
    assert only(sentence).state == state


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "Smith, who prosecuted Jones, was sentenced to 2 years in Kormby.",
            "Jones was sentenced to 8 years in Kormby.",
        ),
        (
            "Smith, coached by Jones, finished third in Paris.",
            "Jones finished fifth in Paris.",
        ),
    ],
)
def test_a_name_inside_an_insertion_is_not_whose_the_figure_is(one: str, other: str) -> None:
    """rv6 R5: the nearest name before a term or a place crossed ", who … ,"."""
    assert not conflict(one, other)


def test_the_name_before_an_insertion_is_still_whose_the_figure_is() -> None:
    assert conflict(
        "Jones, 34, was sentenced to 2 years in Kormby.",
        "Jones was sentenced to 8 years in Kormby.",
    )


DATED = [
    "On October 18, South Korea's spy agency said 1,500 North Korean troops had been sent "
    "to Russia.",
    "On October 23, South Korean lawmakers said 3,000 North Korean troops had been sent to Russia.",
    "As of 5 November, Kyiv said 11,000 North Korean troops had been sent to Russia.",
]


@pytest.mark.parametrize(("one", "other"), [(DATED[0], DATED[1]), (DATED[1], DATED[2])])
def test_a_running_total_on_two_dates_is_no_conflict(one: str, other: str) -> None:
    """qa5 Q3: a count dated to the day ("On October 18", "as of 5 November") is of that
    day, as "in December" was of December: a running total is no contradiction."""
    assert not conflict(one, other)


def test_the_same_day_still_conflicts() -> None:
    assert conflict(DATED[1], DATED[1].replace("3,000", "5,000").replace("lawmakers", "officials"))


def test_a_date_that_is_the_figure_is_not_its_time() -> None:
    assert conflict(
        "The Corvan bridge will reopen to traffic on March 3.",
        "Officials said the Corvan bridge would reopen to traffic on 13 March.",
    )


@pytest.mark.parametrize(
    ("other", "written"),
    [
        ("The quake struck at 11:05 am in Kormby on Monday.", "11:05 am is more than"),
        ("The quake struck at 2:15 p.m. in Kormby on Monday.", "2:15 p.m. is more than"),
    ],
)
def test_a_time_of_day_reads_whole_in_the_reason(other: str, written: str) -> None:
    """rv6 R8: "11 is more than shortly before 11 allows" dropped the minutes and am."""
    found = figures("The quake struck shortly before 11 am in Kormby on Monday.", "a")
    (clash,) = find_clashes(found + figures(other, "b"), LedgerSettings().conflict_whats)
    assert f"{written} shortly before 11 am allows" in explain(clash, lambda f: f.source or "")
