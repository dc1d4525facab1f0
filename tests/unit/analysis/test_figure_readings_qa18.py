"""qa18 F4: a strike's two counts were not compared: "About 4,000 dock workers walked off
the job at the Port of Halvik on Friday" was read as at a place named "Port" (the
capitalised "Port" of "the Port of Halvik" was taken for the name, which "of" ended),
so the company's "only 1,200 employees had joined the strike" (its sentence naming
Halvik) was tied to no place of it. "The port of X", "the town of X" were read as X;
now "the Port of X", "the Town of X" are too."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_figure_general import conflict, only

UNION = (
    "About 4,000 dock workers walked off the job at the Port of Halvik on Friday, the "
    "Harbour Workers Union said."
)
COMPANY = (
    "The port operator, Halvik Terminals, said only 1,200 employees had joined the strike "
    "and that most cranes were still working."
)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (UNION, "Halvik"),
        ("Some 900 dockers stopped work at the port of Halvik.", "Halvik"),
        ("Floods forced 2,000 people from their homes in the Town of Brill.", "Brill"),
        ("About 300 tourists were stranded on the Island of Skarn on Monday.", "Skarn"),
    ],
)
def test_the_port_of_a_place_is_the_place(sentence: str, place: str) -> None:
    assert only(sentence).place == place


def test_a_strikes_two_counts_at_one_port_conflict() -> None:
    assert conflict(UNION, COMPANY)


def test_two_ports_stay_apart() -> None:
    other = "At the Port of Sandvik, only 1,200 dockers joined the strike on Friday."
    assert not conflict(UNION, other)
