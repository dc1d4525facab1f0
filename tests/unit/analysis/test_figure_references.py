"""qa21 #8: "(see footnote 3)" read as 3 North Korean dead and "alert(1)" as one soldier,
each flagged against the real figures in the conflict table. A number that numbers a
place in a text, or a call's argument, counts nothing; the figures beside it stay."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.analysis.figures.quantities import extract_quantities
from workbench.core.analysis.figures.references import REFERENCE_WORDS

WORDS = st.sampled_from(sorted(REFERENCE_WORDS)).flatmap(
    lambda word: st.sampled_from([word, word.capitalize(), f"{word}."])
)
FIGURE = st.integers(min_value=5_000, max_value=9_999)


def values(sentence: str) -> list[float]:
    return [quantity.value for quantity in extract_quantities(sentence)]


@given(WORDS, st.integers(min_value=1, max_value=999), FIGURE)
def test_a_number_after_a_reference_word_is_no_figure(word: str, number: int, figure: int) -> None:
    sentence = f"Officials said {figure:,} soldiers (see {word} {number}) had been killed."
    assert values(sentence) == [figure]


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8),
    st.integers(min_value=1, max_value=999),
    FIGURE,
)
def test_a_call_s_argument_is_no_figure(name: str, number: int, figure: int) -> None:
    sentence = f"Officials said <script>{name}({number})</script> that {figure:,} troops died."
    assert values(sentence) == [figure]


def test_the_sentences_qa21_met_and_counts_beside_them() -> None:
    sentence = (
        "President Zelensky said on Dec. 16 that 1,500 North Korean soldiers (see footnote 3) "
        "had been killed in Kursk."
    )
    assert values(sentence) == [1500]
    assert values("Police said 3 people (2 children) died.") == [3, 2]
    assert values("The report ran to 40 pages.") == [40]
    assert values("The figure 300 was disputed by the ministry.") == [300]
