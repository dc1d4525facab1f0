"""The seventeenth pass (fig17): readings a news reader uses that the rule did not.

Each case is a sentence pair of our own, not one of a labelled set's: a positive case
fails on main before the reading, a negative one guards what stays apart.
"""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, figures


def duration(sentence: str) -> tuple[str | None, frozenset[str], float] | None:
    """The sentence's duration: its state, its event's kinds and its length in days."""
    found = [f.measure for f in figures(sentence, "x") if f.measure.unit_class == "duration"]
    if not found:
        return None
    return found[0].state, found[0].events, round(found[0].base_value, 2)


# A duration of a state: a reader takes "closed for 18 months" as the closure's length as
# surely as "the siege lasted nine days" is the siege's, with no event named (before,
# a length of time was read only in a sentence naming an event or a term).


@pytest.mark.parametrize(
    ("sentence", "kind", "days"),
    [
        ("The Brannock bridge will be closed for 18 months, the council said.", "closure", 547.92),
        ("Works will keep the Ostel pass shut for about two weeks.", "closure", 14.0),
        ("The museum reopened after six weeks of repairs on Monday.", "closure", 42.0),
        ("Electricity was off in Dorval for 30 hours after the ice storm.", "outage", 1.25),
        ("Service was restored to the town's homes after about five hours.", "outage", 0.21),
        ("The aid worker had been held for 19 months, her employer said.", "captivity", 578.36),
        ("The reporter was released after 200 days, his paper said.", "captivity", 200.0),
        ("The miners were trapped for 17 days before the rescue.", "trapped", 17.0),
        ("The two armies agreed a 48-hour truce on Sunday.", "truce", 2.0),
        ("Both sides accepted a three-day pause in fighting.", "truce", 3.0),
        ("The ceasefire will last 96 hours, the envoys said.", "truce", 4.0),
        ("Patients waited an average of nine hours at Wendham hospital.", "wait", 0.38),
        ("The median wait for surgery in Lisk was 31 weeks in May.", "wait", 217.0),
    ],
)
def test_a_length_of_time_is_the_states_it_says(sentence: str, kind: str, days: float) -> None:
    assert duration(sentence) == ("lasted", frozenset([kind]), days)


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks were held for three days in Vienna.",  # a meeting held, no person
        "The party has held the seat for 40 years.",  # an office held
        "Both sides accepted a three-day pause in the talks.",  # a pause of no fighting
        "Prices were frozen for six months in Lisk.",  # a state the reading does not know
    ],
)
def test_a_length_of_time_of_no_state_read_is_compared_with_nothing(sentence: str) -> None:
    found = duration(sentence)
    assert found is None or found[0] is None


@pytest.mark.parametrize(
    ("one", "other", "disputed"),
    [
        (
            "The Brannock bridge will be closed for 18 months, the council said.",
            "Repairs will keep the Brannock bridge shut for around three years.",
            True,
        ),
        (
            "The Brannock bridge will be closed for 18 months, the council said.",
            "The Brannock bridge will be shut for a year and a half.",
            False,
        ),
        (
            "The blackout in Dorval lasted nearly 20 hours, the utility said.",
            "Electricity was restored to Dorval after about six hours, officials said.",
            True,
        ),
        (
            "The blackout in Dorval lasted nearly 20 hours, the utility said.",
            "Electricity was restored to Dorval after about 19 hours, officials said.",
            False,
        ),
        (
            "The two armies agreed a 48-hour truce starting on Sunday.",
            "The ceasefire that begins on Sunday will last five days.",
            True,
        ),
        (
            "The two armies agreed a 48-hour truce starting on Sunday.",
            "The ceasefire that begins on Sunday will last two days.",
            False,
        ),
        (
            "The aid worker was freed after 19 months in captivity.",
            "The aid worker freed on Friday had been held for three years.",
            True,
        ),
        (
            "Patients waited an average of nine hours at Wendham hospital in May.",
            "The average wait at Wendham hospital in May was three hours.",
            True,
        ),
    ],
)
def test_durations_of_one_state_are_compared(one: str, other: str, disputed: bool) -> None:
    assert conflict(one, other) is disputed


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (  # the bridge's closure against the storm's length: two things
            "The Brannock bridge will be closed for 18 months, the council said.",
            "The storm that hit Brannock lasted three days.",
        ),
        (  # a closure against a truce
            "The border crossing was closed for two days on Sunday.",
            "The truce agreed on Sunday will last five days.",
        ),
        (  # the longest wait against the average one
            "Some patients waited 30 hours at Wendham hospital in May.",
            "The average wait at Wendham hospital in May was three hours.",
        ),
        (  # two days of outage, each its own
            "Power was out in Dorval for 20 hours on Monday.",
            "Power was out in Dorval for six hours on Thursday.",
        ),
    ],
)
def test_durations_of_two_things_stay_apart(one: str, other: str) -> None:
    assert not conflict(one, other)
