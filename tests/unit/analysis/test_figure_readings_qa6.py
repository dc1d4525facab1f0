"""qa6 Q1-Q4: how the summary reads figures a new analyst found misread.

Each finding with the tester's sentence and a variant not from the tester: a bare number
whose verb is a death counts the dead, and another speaker's figure is not the source's
(Q1); a figure the speaker rejects is not its claim, and one it gives as the value
before a change is of an earlier time (Q2); a number whose thousands a space splits reads
as written in a conflict's reason (Q3); a day after a figure is its time (Q4).
"""

from __future__ import annotations

import pytest

from tests.fixtures.sentences import sentence_annotation
from tests.unit.analysis.test_figure_general import figures
from workbench.core.analysis.figures.conflicts import explain, find_clashes
from workbench.core.analysis.figures.quantities import numbers_in
from workbench.core.analysis.ledger.ledger import build_ledger
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.annotation import Annotation

CLASSES = LedgerSettings().conflict_whats
ARMY = (
    "The Ukrainian army said at least 200 North Korean soldiers had been killed, while "
    "Moscow said only 20 had died."
)
ZELENSKY = "Zelensky said 11,000 North Korean troops were in Russia, not 8,000 as first reported."


def _claim(quote: str, source: str | None, index: int = 0) -> Annotation:
    tags = ("claim", "attribution") if source else ("claim",)
    return sentence_annotation(quote, index=index, tags=tags, source=source)


def claimed(quote: str, source: str | None) -> set[tuple[float, str | None]]:
    """The figures the ledger credits to the claim's source: (value, counted class)."""
    ledger = build_ledger([_claim(quote, source)], LedgerSettings())
    return {(f.quantity.value, f.measure.unit_class) for g in ledger.groups for f in g.figures}


@pytest.mark.parametrize(
    ("sentence", "value", "what"),
    [
        (ARMY, 20.0, "killed"),
        ("Kyiv said 3,000 North Korean troops had reached Kursk, and 40 had been wounded.", 40.0,
         "wounded"),
    ],
)  # fmt: skip
def test_a_bare_number_whose_verb_is_a_death_counts_the_dead(
    sentence: str, value: float, what: str
) -> None:
    quantity = next(q for q in numbers_in(sentence).quantities if q.value == value)
    assert (quantity.what, quantity.who) == (what, "North Korean")


@pytest.mark.parametrize(
    ("sentence", "source", "expected"),
    [
        (ARMY, "Ukrainian army", {(200.0, "killed")}),
        (ARMY, "Moscow", {(20.0, "killed")}),  # the tagged source is the second speaker
        (ARMY, None, {(200.0, "killed"), (20.0, "killed")}),  # the article reports both
        (ARMY.replace("Moscow", "Russia's army"), "Ukrainian army", {(200.0, "killed")}),
        (
            ARMY.replace("Moscow", "Russia's defence ministry"),
            "Russian Defence Ministry",
            {(20.0, "killed")},
        ),
        (
            "Kyiv said 9,000 North Korean troops had been sent to Russia, but the Kremlin put "
            "the number at 3,000.",
            "Kyiv",
            {(9_000.0, "troops")},
        ),
        (
            "Kyiv has been warning that 9,000 North Korean troops were in Russia, with Moscow "
            "putting the number at 3,000.",
            "Kyiv",
            {(9_000.0, "troops")},
        ),
        (  # two speakers of one clause are one voice
            "Seoul and Kyiv said 12,000 North Korean troops had been sent to Russia.",
            "Seoul",
            {(12_000.0, "troops")},
        ),
        (  # the source speaks in both clauses: both its figures
            "The Pentagon said 12,000 North Korean troops were in Russia, but Pentagon "
            "spokesman Pat Ryder said 3,000 were in Kursk.",
            "Pentagon",
            {(12_000.0, "troops"), (3_000.0, "troops")},
        ),
        (  # a pronoun takes the speaker on: still the source's figure
            "Kyiv said 9,000 North Korean troops had been sent to Russia, but it said 3,000 "
            "had been killed.",
            "Kyiv",
            {(9_000.0, "troops"), (3_000.0, "killed")},
        ),
    ],
)
def test_another_speakers_figure_is_not_the_sources(
    sentence: str, source: str | None, expected: set[tuple[float, str | None]]
) -> None:
    assert claimed(sentence, source) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (ZELENSKY, {11_000.0}),
        ("Kyiv put the number at 11,000 North Korean troops rather than 8,000.", {11_000.0}),
        ("Kyiv said 11,000 troops, instead of the 8,000 first reported, were in Kursk.",
         {11_000.0}),
        ("Kyiv said not more than 8,000 North Korean troops were in Kursk.", {8_000.0}),  # a bound
    ],
)  # fmt: skip
def test_a_figure_the_speaker_rejects_is_not_its_claim(sentence: str, expected: set[float]) -> None:
    assert {value for value, _ in claimed(sentence, "Kyiv")} == expected


def test_a_value_before_a_change_is_of_an_earlier_time() -> None:
    now, before = figures("Kyiv said 11,000 North Korean troops were in Kursk, up from 9,000.", "k")
    assert (now.measure.when, before.measure.when) == (None, "earlier")
    nato = figures("NATO said 11,000 North Korean troops were in Kursk.", "NATO")
    assert not find_clashes([before, *nato], CLASSES)
    assert find_clashes(
        figures("Kyiv said 9,000 North Korean troops were in Kursk.", "k") + nato, CLASSES
    )


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("Seoul said 11 000 North Korean troops had been sent to Russia.", "11 000 troops"),
        ("Seoul said 12\u00a0500 North Korean troops had been sent to Russia.",
         "12\u00a0500 troops"),
    ],
)  # fmt: skip
def test_a_reason_gives_a_number_split_by_a_space_whole(sentence: str, written: str) -> None:
    clashes = find_clashes(
        figures("NATO said 10,000 North Korean troops had been sent to Russia.", "NATO")
        + figures(sentence, "Seoul"),
        CLASSES,
    )
    assert written in explain(clashes[0], lambda figure: str(figure.source))


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("Ukraine’s foreign minister, Andrii Sybiha, said 11,000 North Korean troops were in "
         "Kursk on November 4.", "november 4"),
        ("Police said 300 protesters were detained in Halby on 3 May.", "3 may"),
    ],
)  # fmt: skip
def test_a_day_after_a_figure_is_its_time_not_a_figure(sentence: str, when: str) -> None:
    (figure,) = figures(sentence, "x")
    assert figure.measure.when == when


def test_a_day_of_an_event_alone_is_still_a_figure() -> None:
    (figure,) = figures("The museum will reopen on 3 March.", "x")
    assert figure.quantity.what == "date"


@pytest.mark.parametrize(
    ("sentence", "value", "state"),
    [
        ("Berlin said 12.000 North Korean troops had been sent to Russia.", 12_000.0, "sent"),
        ("Bern said 12’000 North Korean troops had been sent to Russia.", 12_000.0, "sent"),
        ("Officials said 2.500 people fled the town.", 2_500.0, "displaced"),
    ],
)  # fmt: skip
def test_thousands_written_otherwise_are_read_whole(
    sentence: str, value: float, state: str
) -> None:
    """qa6 Q16: '12.000' read as 12 set Berlin's figure below 'more than 10,000'."""
    (figure,) = figures(sentence, "x")
    assert (figure.quantity.value, figure.measure.state) == (value, state)


def test_a_measure_with_three_decimals_keeps_them() -> None:
    (figure,) = figures("The parcel weighed 1.250 kg at the border.", "x")
    assert figure.quantity.value == 1.25


def test_a_reason_gives_a_number_split_by_an_apostrophe_whole() -> None:
    clashes = find_clashes(
        figures("NATO said 10,000 North Korean troops had been sent to Russia.", "NATO")
        + figures("Bern said 12’000 North Korean troops had been sent to Russia.", "Bern"),
        CLASSES,
    )
    assert "12’000 troops" in explain(clashes[0], lambda figure: str(figure.source))


@pytest.mark.parametrize(
    ("sentence", "per"),
    [
        ("The 10,000 troops were split into four brigades of 2,500 soldiers.", "each"),
        ("Seoul said three battalions of 800 North Korean troops reached Kursk.", "each"),
    ],
)
def test_the_size_of_each_unit_is_not_a_total(sentence: str, per: str) -> None:
    """qa6 Q20: 'four brigades of 2,500 soldiers' was read as 2,500 troops sent."""
    assert figures(sentence, "x")[-1].measure.per == per
