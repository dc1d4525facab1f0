"""qa14 Q6: a police story's arrests read with the bundled corpus's war vocabulary.
"Arrested two men, aged 24 and 31" read "2 troops; 24 age; 31 troop(s)": "men" is a troop
noun, and the second age, after "aged 24 and", took the nearest troop noun before it."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures

ARREST = (
    "The Policía Nacional arrested two men, aged 24 and 31, in Valencia on Wednesday in "
    "connection with the theft of patient data from Andalusia's health service, the police "
    "said in a statement."
)


def readings(sentence: str) -> list[tuple[float, str]]:
    return [(f.quantity.value, f.measure.unit_class) for f in figures(sentence, "x")]


def test_men_arrested_are_people_and_each_listed_age_an_age() -> None:
    assert readings(ARREST) == [(2.0, "people"), (24.0, "age"), (31.0, "age")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Spain's national police said on Wednesday that they had arrested two men in "
            "Valencia in connection with the breach.",
            [(2.0, "people")],
        ),
        (
            "Police detained three men, aged 19, 22 and 30, in Leeds.",
            [(3.0, "people"), (19.0, "age"), (22.0, "age"), (30.0, "age")],
        ),
        # men in a military sentence stay troops, arrests or not
        (
            "The army deployed 300 men to the front after the arrests.",
            [(300.0, "troops")],
        ),
        ("Russia sent 3,000 men to Kursk.", [(3000.0, "troops")]),
    ],
)
def test_men_are_troops_only_where_no_arrest_is_told(
    sentence: str, expected: list[tuple[float, str]]
) -> None:
    assert readings(sentence) == expected


# Q5: "800,000 records accessed" against "1.2 million records copied" were two events,
# never compared. Records taken are some of the records reached: a part larger than its
# whole conflicts, a smaller one does not.


@pytest.mark.parametrize("reached", ["accessed", "affected", "exposed"])
@pytest.mark.parametrize("taken", ["copied", "stolen", "downloaded", "exfiltrated"])
def test_records_taken_are_some_of_the_records_reached(reached: str, taken: str) -> None:
    breach = "The breach {} {} records at Halvor Telecom, the company said."
    hackers = "Hackers {} {} records from Halvor Telecom, investigators said."
    assert conflict(breach.format(reached, "800,000"), hackers.format(taken, "1.2 million"))
    assert not conflict(breach.format(reached, "1.2 million"), hackers.format(taken, "800,000"))
