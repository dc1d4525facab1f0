"""What the ledger reads in a quote, and the fast paths that must agree with the plain ones."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fixtures.long_quotes import refuse_long_reads, repeated
from workbench.core.analysis.ledger import answers
from workbench.core.analysis.ledger.claim_text import (
    _WORD,
    SUBJECT_NOUNS,
    _subjects,
    claim_text,
    subjects_of,
)
from workbench.core.analysis.ledger.readings import decode_claim_text, encode_claim_text
from workbench.core.corpus.sentences import WINDOW


def test_claim_text_reads_words_names_figures_and_subjects() -> None:
    text = claim_text("Pentagon spokesman Pat Ryder said 10,000 North Korean troops were in Kursk.")
    assert text.sorted_tokens == (
        "000 10 in korean kursk north pat pentagon ryder said spokesman troops were"
    )
    assert {"pat", "ryder", "north", "korean", "kursk"} <= set(text.names)
    assert "pentagon" not in text.names, "the first word is not taken for a name"
    assert {"pentagon", "spokesman", "ryder", "troops", "kursk"} <= set(text.words)
    assert "said" not in text.words and "were" not in text.words
    assert [q.value for q in text.quantities] == [10_000]
    assert text.figure_keys == ("fig:North Korean troops:10000",)
    assert text.keys == text.words + text.figure_keys
    assert text.subjects == {"north korean troops"}
    for words in (text.names, text.words, text.figure_keys):
        assert list(words) == sorted(set(words)), "distinct, in order: equal texts are equal"


def test_a_text_without_figures_blocks_on_its_words_themselves() -> None:
    text = claim_text("Pyongyang denied sending soldiers to Kursk.")
    assert text.figure_keys == () and text.keys is text.words


def test_equal_texts_are_equal_and_hash_alike() -> None:
    left, right = claim_text("Troops arrived."), claim_text("troops arrived")
    assert left == right and hash(left) == hash(right)
    assert claim_text("Troops left.") != left


def test_lowering_keeps_word_characters_word_characters() -> None:
    """_subjects relies on this for every character whose lower case is one character."""
    word, letter = re.compile(r"\w"), re.compile(r"[^\W\d_]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lower = char.lower()
        if lower == char or len(lower) != 1:
            continue
        assert bool(word.match(char)) == bool(word.match(lower)), hex(code)
        assert bool(letter.match(char)) == bool(letter.match(lower)), hex(code)


def _lowers(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


@pytest.mark.parametrize(
    "text",
    [
        "There are no North Korean soldiers, yet",
        "The 11,000 North Koreans dispatched; Russians and Ukrainians fought",
        "MEN, women and mercenaries: menial forces reinforce forces",
        "İstanbul troops",
        "ΟΔΟΣ troops",
        "troops_ troops1 _troops troops",
        "north korean   \n  weapons and russian\u212a arms",
        "",
    ],
)
def test_subjects_fast_path_agrees(text: str) -> None:
    assert _subjects(text, _lowers(text)) == subjects_of(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *SUBJECT_NOUNS,
                "north korean",
                "North Korean",
                "russians",
                "Ukrainians",
                " ",
                "  ",
                "s",
                "x",
                "_",
                "1",
                "-",
                "’",
                "İ",
                "Σ",
                "MEN",
                "\u212a",
                "women",
                "south koreans",
            ]
        ),
        max_size=10,
    )
)
def test_subjects_fast_path_agrees_on_subject_like_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _subjects(text, _lowers(text)) == subjects_of(text)


def test_a_kept_text_lets_go_of_its_sentence_words() -> None:
    """A ClaimText's measures find their sentence's capitalised words when read, so that
    the sentence's word lists are not kept with it (20 MB at 100,000 annotations), and
    equal words are one set, read or restored (5.9 -> 2.7 MB at 100,000)."""
    quote = "Officials said 3,000 North Korean troops arrived on Tuesday."
    text = claim_text(quote)
    found = [m.capitalised for m in text.measures if m.capitalised is not None]
    assert found
    for capitalised in found:
        assert capitalised._texts == [] and capitalised._lowers == []
        assert {"officials", "north", "korean", "tuesday"} <= capitalised.words()
    again = claim_text(quote.replace("3,000", "4,000"))
    restored = decode_claim_text(encode_claim_text(text), quote)
    for other in (again, restored):
        words = [m.capitalised.words() for m in other.measures if m.capitalised is not None]
        assert words and all(w is found[0].words() for w in words)


def test_a_quote_longer_than_a_sentence_can_be_is_read_for_its_words_not_its_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """lq18: the segmenter cuts sentences at WINDOW, so a longer quote is a text pasted
    whole (an imported annotation's on an article outside the corpus): its figures are
    not read, by the ledger nor for a denial, reading them being superlinear."""
    sentence = repeated(WINDOW)
    read = claim_text(sentence)
    assert read.quantities and read.figure_keys  # the test can fail: WINDOW is read
    denial = repeated(WINDOW, "Moscow denied that 3,000 North Korean soldiers were in Kursk.")
    assert answers.denied_values(denial) == {"3000"} and answers.stated_figures(sentence)
    refuse_long_reads(monkeypatch)
    longer = claim_text(sentence + " ")
    assert (longer.quantities, longer.measures, longer.figure_keys) == ((), (), ())
    assert longer.words == read.words and longer.names == read.names
    assert longer.subjects == read.subjects and longer.keys == read.words
    assert answers.denied_values(denial + ".") == frozenset()
    assert answers.stated_figures(sentence + ".") == ()
