"""The sixteenth pass (fig16): readings a news reader uses that the rule did not.

Each case is a sentence pair of our own, not one of a labelled set's: a positive case
fails on main before the reading, a negative one guards what stays apart.
"""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures

# A total after a change: "Burglaries in Tarrow rose 12% in 2024 to 3,400" gives the
# burglaries' new level, what the clause's subject counts, however the change's size
# and its period stand between the verb and "to" (it read no class: compared with
# nothing).


@pytest.mark.parametrize(
    ("sentence", "unit_class"),
    [
        ("Burglaries in Tarrow rose 12% in 2024 to 3,400, police said.", "burglaries"),
        ("Dengue cases in Salvo doubled last year to about 5,200.", "cases"),
        ("Asylum applications fell by a third in 2023 to 41,000.", "applications"),
        ("Homicides tripled to 300 in the port city.", "murders"),
    ],
)
def test_a_total_after_a_change_counts_the_subject(sentence: str, unit_class: str) -> None:
    total = figures(sentence, "x")[-1].measure
    assert (total.unit_class, total.state) == (unit_class, "recorded")


@pytest.mark.parametrize(
    ("changed", "stated"),
    [
        (
            "Burglaries in Tarrow rose 12% in 2024 to 3,400, police said.",
            "Tarrow recorded 5,100 burglaries in 2024, the council said.",
        ),
        (
            "Arrests in Norvale fell by a third in 2023 to 4,100, the ministry said.",
            "Police in Norvale made 6,000 arrests in 2023.",
        ),
        (
            "Murders in Castel doubled last year to 210, the interior ministry said.",
            "Castel recorded 150 homicides last year, according to the police.",
        ),
    ],
)
def test_a_total_after_a_change_conflicts_with_another_total(changed: str, stated: str) -> None:
    assert conflict(changed, stated)


@pytest.mark.parametrize(
    ("changed", "stated"),
    [
        (  # the same total
            "Burglaries in Tarrow rose 12% in 2024 to 3,400, police said.",
            "Tarrow recorded 3,400 burglaries in 2024, the council said.",
        ),
        (  # two years
            "Burglaries in Tarrow rose 12% in 2024 to 3,400, police said.",
            "Tarrow recorded 5,100 burglaries in 2019, the council said.",
        ),
        (  # two places
            "Burglaries in Tarrow rose 12% in 2024 to 3,400, police said.",
            "Velden recorded 5,100 burglaries in 2024, the council said.",
        ),
    ],
)
def test_a_total_after_a_change_stays_apart_from_other_counts(changed: str, stated: str) -> None:
    assert not conflict(changed, stated)


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices rose 12% in 2024 to the highest level in 3,400 days.",  # no total after "to"
        "Burglaries rose 12% in 2024, to the dismay of 3,400 residents.",  # "to" no total's
    ],
)
def test_a_change_without_its_total_gives_the_subject_no_count(sentence: str) -> None:
    assert "burglaries" not in [figure.measure.unit_class for figure in figures(sentence, "x")]
