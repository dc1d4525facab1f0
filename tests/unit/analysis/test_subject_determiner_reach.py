"""qa14 Q8: "The Spanish data protection agency said" suggested the source "agency": a
determiner's phrase took two plain words before its head, though its docstring said
three. Three now, in the reading shown; the denial model keeps the reading it was
trained on (find_attribution(as_trained=True), read again where it can differ)."""

from __future__ import annotations

import pytest

from tests.fixtures.speaker_story import suggestion_at
from workbench.core.analysis.suggestions.attribution import (
    find_attribution,
    may_read_otherwise_as_trained,
)
from workbench.core.analysis.suggestions.tokens import tokenize


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The Spanish data protection agency said 1.2 million records were stolen.",
         "Spanish data protection agency"),
        ("The national economic crimes unit said it had received the complaint.",
         "national economic crimes unit"),
        ("The data protection agency said 1.2 million records were stolen.",
         "data protection agency"),
    ],
)  # fmt: skip
def test_three_plain_words_after_a_determiner_are_the_phrase(sentence: str, source: str) -> None:
    assert suggestion_at(f"Breach\n\n{sentence}\n", sentence[:12]).source == source


def test_the_model_s_reading_is_read_again_where_it_differs() -> None:
    tokens = tokenize("The Spanish data protection agency said 1.2 million records were stolen.")
    assert may_read_otherwise_as_trained(tokens)
    shown, trained = find_attribution(tokens), find_attribution(tokens, as_trained=True)
    assert shown is not None and trained is not None
    assert (tokens.span_text(*shown.source), tokens.span_text(*trained.source)) == (
        "Spanish data protection agency",
        "agency",
    )
