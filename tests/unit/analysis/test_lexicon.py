"""The one lexicon: its lists hold together, and the readers that share a list agree."""

from __future__ import annotations

import pytest

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.sources.grouping import parse_source
from workbench.core.interchange.export.claimreview import source_type

WORD_LISTS = {
    name: value
    for name, value in vars(lx).items()
    if name.isupper() and isinstance(value, frozenset | dict)
}


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_every_word_is_written_in_lower_case(name: str) -> None:
    words = [word for word in WORD_LISTS[name] if isinstance(word, str)]
    assert words, f"{name} holds no words"
    assert [word for word in words if word != word.lower()] == []


def test_the_subject_peoples_are_demonyms_with_their_plurals() -> None:
    for demonym in lx.SUBJECT_DEMONYMS:
        assert demonym in lx.DEMONYM_ADJECTIVES
        assert f"{demonym}s" in lx.DEMONYM_PLURALS


def test_the_troop_demonyms_are_plural_demonyms() -> None:
    assert set(lx.TROOP_DEMONYMS) <= set(lx.DEMONYM_PLURALS)


def test_capitals_are_places_that_say_whose_people() -> None:
    assert lx.CAPITALS.issubset(lx.COUNTRIES)
    assert lx.CAPITALS.isdisjoint(lx.COUNTRY_NAMES)


def test_time_words_are_the_months_and_weekdays_but_may() -> None:
    assert set(lx.WEEKDAY_NAMES) | (set(lx.MONTH_NAMES) - {"may"}) <= lx.TIME_WORDS
    assert "may" not in lx.TIME_WORDS
    assert set(lx.MONTH_NAMES) <= lx.VERB_ADVERBS


@pytest.mark.parametrize("word", sorted(w for w in lx.ORGANISATION_WORDS if " " not in w))
def test_a_body_is_a_group_to_source_grouping_and_an_organization_to_claimreview(
    word: str,
) -> None:
    name = f"Northern {word.capitalize()}"
    assert parse_source(name)[0] == "group"
    assert source_type(name) == "Organization"


def test_white_house_is_an_organization_but_not_a_word_of_a_name() -> None:
    assert source_type("the White House press office") == "Organization"
    assert source_type("a White House spokesman") == "Person"  # one person (qa7 Q10 a)
    assert parse_source("House Speaker Mike Johnson")[0] == "person"


@pytest.mark.parametrize("title", sorted(lx.TITLES))
def test_every_title_the_suggester_knows_is_stripped_from_a_source(title: str) -> None:
    assert parse_source(f"{title.capitalize()} Ryo Tanaka") == ("person", ("ryo", "tanaka"))


def test_a_pronoun_of_any_person_is_kept_apart() -> None:
    for pronoun in ("he", "we", "you", "their", "him"):
        assert parse_source(pronoun)[0] == "pronoun"


@pytest.mark.parametrize(
    "speaker",
    [
        "Kremlin spokesman Dmitry Peskov",
        "Pentagon Press Secretary Sabrina Singh",
        "Ukraine's Foreign Ministry spokesman Georgiy Tykhyi",
        "Police Chief John Smith",
    ],
)
def test_claimreview_calls_a_person_named_after_a_bodys_role_a_person(speaker: str) -> None:
    assert source_type(speaker) == "Person"  # rv9 R10: was an Organization


@pytest.mark.parametrize(
    "body", ["State Department", "the Ministry of Defence", "U.S. Forces Korea", "Health Ministry"]
)
def test_claimreview_keeps_a_body_holding_a_role_word_an_organization(body: str) -> None:
    assert source_type(body) == "Organization"
