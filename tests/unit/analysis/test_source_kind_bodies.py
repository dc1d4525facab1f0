"""qa20 #10: the Sources table called "Red Cross" a person: a body named in two words,
neither of which alone says a body ("cross" is a surname too), read as a capitalised
name. Such bodies are matched whole ("White House" was a person too)."""

from __future__ import annotations

from workbench.core.analysis.sources.grouping import parse_source


def test_a_body_named_in_two_words_is_a_group() -> None:
    for source in ("Red Cross", "the Red Cross", "Red Crescent", "White House"):
        assert parse_source(source)[0] == "group", source


def test_a_person_named_like_one_of_its_words_is_still_a_person() -> None:
    assert parse_source("Amanda Cross") == ("person", ("amanda", "cross"))
    assert parse_source("Red Cross spokesman Jan Olsen") == ("person", ("jan", "olsen"))
