"""The fuzzy matching rules themselves: how a text is scanned never changes what matches."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.corpus import matching
from workbench.core.corpus.matching import Query, match, search_key

WORDS = ["troops", "korean", "korea", "north", "said", "ministry", "trops", "the", "in"]
texts = st.lists(
    st.lists(st.sampled_from([*WORDS, "x", "northern", "minister"]), max_size=8).map(" ".join),
    max_size=30,
)


@given(
    query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
    keys=texts,
    cutoff=st.sampled_from([0.0, 85.0]),
)
def test_common_and_rare_words_are_scanned_differently_with_the_same_result(
    query: str, keys: list[str], cutoff: float
) -> None:
    parsed = Query.parse(query)
    normalised = [search_key(key) for key in keys]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(matching, "_is_common", lambda _word, _texts: True)
        split = match(parsed, normalised, cutoff)
        patch.setattr(matching, "_is_common", lambda _word, _texts: False)
        whole = match(parsed, normalised, cutoff)
    assert split == whole


def test_a_cutoff_above_a_words_allowance_asks_for_a_closer_match() -> None:
    keys = [search_key("North Korea's troops"), search_key("the trops moved")]
    assert [offset for offset, _ in match(Query.parse("troops korea"), keys)] == [0]
    assert [offset for offset, _ in match(Query.parse("troops"), keys)] == [0, 1]
    assert [offset for offset, _ in match(Query.parse("troops"), keys, 85.0)] == [0]


@pytest.mark.parametrize(
    ("written", "query"),
    [
        ("South Korea's intelligence service said 11 000 North Korean troops", "11000"),
        ("the NIS said 11\u00a0000 troops, or 11\u202f000", "11000"),
        ("Officials in Seoul said ２，０００ more troops", "2000"),
        ("Officials in Seoul said ２，０００ more troops", "2,000"),
        ("Bern said 12’000 troops", "12000"),
        ("pasted 12,\u200b000 troops", "12000"),
        ("Zelensky said 11,000 troops", "11 000"),
    ],
)
def test_a_number_is_found_however_its_thousands_are_written(written: str, query: str) -> None:
    """qa6 Q11: the review search missed the NIS's "11 000" and "２，０００" (fullwidth)
    an analyst checking one figure across sources is looking for."""
    assert match(Query.parse(query), [search_key(written)])


def test_search_reads_as_nothing_only_its_own_few_of_what_draws_nothing() -> None:
    """rv16: search keeps its own short list (why: matching.INVISIBLE). Each of them is
    in terminal_text's one table; every other character of the table is kept apart in
    the key (a space, or a blank letter kept), never read as nothing; a combining
    grapheme joiner after a Latin letter goes as its accents do."""
    from workbench.core import terminal_text

    table = {chr(p) for low, high in terminal_text.INVISIBLE for p in range(low, high + 1)}
    assert set(matching.INVISIBLE) <= table
    dropped = {character for character in table if search_key(f"a{character}b") == "ab"}
    assert dropped == {*matching.INVISIBLE, "\u034f"}
    assert search_key("pasted 12,\u2063000 troops") == "pasted 12  000 troops"


def test_numbers_side_by_side_stay_apart() -> None:
    assert search_key("In 2024 500 more were sent, 3 000 in all") == (
        "in 2024 500 more were sent  3000 in all"
    )


@pytest.mark.parametrize(
    ("written", "typed"),
    [("José Peña", "pena"), ("Tomás Kovač", "kovac"), ("Ingrid Sæther", "saether"),
     ("Kjølvik", "kjolvik"), ("Łódź", "lodz"), ("Wiśniewska", "wisniewska"),
     ("Baltra\u030a Lines", "baltra"), ("José Peña", "Peña")],
)  # fmt: skip
def test_a_latin_letter_is_found_without_its_accent(written: str, typed: str) -> None:
    """qa13 Q1: "Pena" found no Peña in the review (no typo allowed in four letters)."""
    assert match(Query.parse(typed), [search_key(written)], typos=False)


def test_marks_of_other_scripts_are_kept() -> None:
    """A mark on a Cyrillic or Hangul letter can be part of the letter: й is not и."""
    assert search_key("Йошкар-Ола, 북한") == "йошкар ола  북한"
    assert not match(Query.parse("иошкар"), [search_key("Йошкар")], typos=False)
