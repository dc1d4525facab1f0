"""The twenty-first pass (cf21): kinds of reading blind set 20's misses showed the rule
lacked, each generalised beyond the pair that showed it.

Each case is a sentence pair of our own, not one of a labelled set's: a positive case
fails on main before the reading, a negative one guards what stays apart.
"""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, only

# A percentage change's basis: what it is measured against (a year earlier, the quarter
# or the month before). Two bases said are two changes of one period; a basis said on
# one side only may be the other's (b10-14 stays found).


@pytest.mark.parametrize(
    ("sentence", "basis"),
    [
        ("Ostria's economy grew 1.4 percent from a year earlier, the bureau said.", "year"),
        ("Retail sales in Ostria rose 3% year-on-year in May.", "year"),
        ("Exports fell 2 percent compared with the same month last year.", "year"),
        ("Output rose 0.8% on the first half of last year, the office said.", "year"),
        ("Ostria's economy shrank 0.3% compared with the previous three months.", "quarter"),
        ("Third-quarter output rose 0.5 percent from the second quarter.", "quarter"),
        ("Factory orders fell 1.1% quarter-on-quarter.", "quarter"),
        ("Retail sales slipped 0.2 percent from the previous month.", "month"),
        ("Industrial output rose 0.7% month-on-month in March.", "month"),
    ],
)
def test_a_changes_basis_is_read(sentence: str, basis: str) -> None:
    assert only(sentence).per == f"{basis}-on-{basis}"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ostria's economy grew 1.4 percent in the second quarter, the bureau said.",
        "Ostria's jobless rate fell 0.2 percent, a year earlier than the bank forecast.",
    ],
)
def test_no_basis_is_read_where_none_is_said(sentence: str) -> None:
    assert only(sentence).per is None


def test_two_bases_are_two_changes() -> None:
    assert not conflict(
        "Ostria's economy grew 0.4 percent in the second quarter from the previous quarter.",
        "Ostria's economy grew 2.6 percent in the second quarter from a year earlier.",
    )
    assert not conflict(
        "Kelmar retail sales rose 0.3% month-on-month in June, the agency said.",
        "Kelmar retail sales rose 4.1% year-on-year in June, the agency said.",
    )


def test_one_basis_and_one_change_are_compared() -> None:
    assert conflict(
        "Ostria's economy grew 0.4 percent in the second quarter from the previous quarter.",
        "Ostria's economy shrank 0.2 percent in the second quarter.",
    )
    assert conflict(
        "Ostria's economy grew 2.6 percent in the second quarter from a year earlier.",
        "Ostria's economy grew 1.1 percent in the second quarter from a year earlier.",
    )


# A magnitude on its scale: "measured 5.7 on the Richter scale", "on the moment magnitude
# scale" (b20-15), as "a magnitude 6.4 earthquake" is.


@pytest.mark.parametrize(
    "sentence",
    [
        "The Tarsk earthquake measured 5.9 on the moment magnitude scale.",
        "Tuesday's tremor registered 4.8 on the local magnitude scale, the institute said.",
        "The quake off Tarsk measured 6.1 on the magnitude scale, seismologists said.",
    ],
)
def test_a_magnitude_on_its_scale_is_a_magnitude(sentence: str) -> None:
    assert only(sentence).unit_class == "magnitude"


def test_a_magnitude_on_its_scale_meets_one_before_the_word() -> None:
    assert conflict(
        "A magnitude 6.4 earthquake struck the Tarsk coast on Sunday, the institute said.",
        "Sunday's earthquake on the Tarsk coast measured 5.6 on the moment magnitude scale.",
    )
    assert not conflict(
        "A magnitude 6.4 earthquake struck the Tarsk coast on Sunday, the institute said.",
        "Sunday's earthquake on the Tarsk coast measured 6.4 on the local magnitude scale.",
    )


# A prison sentence written before its noun ("a five-year prison sentence", "a 12-year
# sentence"), as "a 10-year jail term" was: the term (b20-74).


@pytest.mark.parametrize(
    "sentence",
    [
        "Dorn Halse received a five-year prison sentence for fraud on Monday.",
        "The former minister Edda Lorne is serving a 12-year sentence for bribery.",
    ],
)
def test_a_sentence_before_its_noun_is_a_term(sentence: str) -> None:
    measure = only(sentence)
    assert (measure.unit_class, measure.state) == ("duration", "sentence")


def test_a_sentence_before_its_noun_meets_one_after_the_verb() -> None:
    assert conflict(
        "Dorn Halse was sentenced to seven years in prison for fraud on Monday.",
        "Dorn Halse received a five-year prison sentence for fraud on Monday.",
    )


# A capital named right after the word ("the regional capital Veska", "the capital
# Tarvik") is that place, as "the capital, Selvar," is: not a part of anywhere (b20-09).


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The flood forced 3,000 people from the regional capital Veska on Monday.", "Veska"),
        ("Police detained 45 protesters in the capital Tarvik on Sunday.", "Tarvik"),
        ("About 200 homes lost power in the provincial capital Orsk.", "Orsk"),
    ],
)
def test_a_capital_named_after_the_word_is_that_place(sentence: str, place: str) -> None:
    assert only(sentence).place == place


def test_two_places_one_a_named_capital_are_two_places() -> None:
    assert not conflict(
        "The storm left 40 centimetres of snow in the mountain village of Harl on Tuesday.",
        "The storm dropped 9 centimetres of snow on the provincial capital Orsk on Tuesday.",
    )


# An age whose person is named after it ("A 24-year-old Pellam man, Jonas Keel,") is that
# person's, as "Jonas Keel, 19," is (b20-16).


def test_an_age_before_a_named_person_is_theirs() -> None:
    assert only("A 31-year-old Tessel woman, Mara Quint, was charged with theft.").part == "quint"
    assert conflict(
        "Mara Quint, 27, of Tessel was charged on Friday with the theft of the Orla painting.",
        "A 31-year-old Tessel woman, Mara Quint, has been charged with the theft of the Orla "
        "painting.",
    )
    assert not conflict(
        "Mara Quint, 27, of Tessel was charged on Friday with the theft of the Orla painting.",
        "A 31-year-old Tessel woman, Edda Lund, has been charged with the theft of the Orla "
        "painting.",
    )
