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
    assert [q.value for q in numbers_in("The COVID-19 ward took 12 patients.").quantities] == [
        12.0
    ]
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
