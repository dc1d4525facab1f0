"""qa16 Q1-Q3: who speaks in a contested election count.

Q1: "Its chairwoman, Agnieszka Wróbel, dismissed the allegations. She added that 412,000
ballots had been counted, and that Governor Ilse Marwood led by 4,812 votes." resolved
"She" to the governor, a party to the dispute, named after the pronoun in its own
sentence: the commission's figures became hers in the Sources tab and the ledger. A
"she" never names someone its own sentence names only after it.

Q2: "Governor Ilse Marwood's lead …" then "…,” she said." resolved "she" to "Ilse
Marwood's", a possessive the Sources tab kept as the speaker's name.

Q3: in text whose accents are written as combining marks (a Mac's decomposed copy,
"Wro\u0301bel"), "Ms. Wróbel said the difference was …" suggested no attribution: the
accent split the name into three tokens."""

from __future__ import annotations

import pytest

from tests.fixtures.speaker_story import suggestion_at, typed_speaker
from workbench.core.analysis.suggestions.tokens import tokenize

COUNT_STORY = (
    "The provincial election commission said only 3,200 ballots had been ruled invalid.\n\n"
    "Its chairwoman, Agnieszka Wróbel, dismissed the fraud allegations as “baseless.”\n\n"
    "She added that 412,000 ballots had been counted by midnight, and that Governor Ilse "
    "Marwood led by 4,812 votes.\n"
)

LEAD_STORY = (
    "Dornholm — Governor Ilse Marwood's lead over her challenger has narrowed to about 1,200 "
    "votes, according to figures released by the election commission.\n\n"
    "“I have never spoken to anyone in that hall,” she said.\n"
)


def test_a_pronoun_is_not_the_person_its_own_sentence_names_after_it() -> None:
    suggestion = suggestion_at(COUNT_STORY, "She added")
    assert (suggestion.source, suggestion.resolved_source) == ("She", "Agnieszka Wróbel")


def test_a_typed_pronoun_is_read_the_same_way() -> None:
    assert typed_speaker(COUNT_STORY, "She added", "She") == "Agnieszka Wróbel"


def test_a_name_before_the_pronoun_in_its_sentence_still_counts() -> None:
    text = (
        "The commission said 3,200 ballots were invalid.\n\n"
        "Asked about Governor Ilse Marwood's staff, the chairwoman declined to comment, "
        "but Agnieszka Wróbel said she would publish the tallies.\n\n"
        "She said 412,000 ballots had been counted.\n"
    )
    assert suggestion_at(text, "She said").resolved_source == "Agnieszka Wróbel"


def test_a_possessive_name_is_remembered_without_its_ending() -> None:
    assert suggestion_at(LEAD_STORY, "“I have never").resolved_source == "Ilse Marwood"
    assert typed_speaker(LEAD_STORY, "“I have never", "she") == "Ilse Marwood"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_possessive_name_is_cut_at_its_apostrophe(apostrophe: str) -> None:
    text = LEAD_STORY.replace("Marwood's", f"Marwood{apostrophe}s")
    found = suggestion_at(text, "“I have never")
    assert (found.resolved_source, text[found.resolved_start : found.resolved_end]) == (
        "Ilse Marwood",
        "Ilse Marwood",
    )


def test_a_combining_accent_stays_in_its_word() -> None:
    decomposed = "Ms. Wro\u0301bel said the difference was “a rounding matter, nothing more.”"
    assert [t.text for t in tokenize(decomposed)][:3] == ["Ms.", "Wro\u0301bel", "said"]
    found = suggestion_at(decomposed + "\n", "Ms.")
    assert "attribution" in found.tags
    assert found.source == "Ms. Wro\u0301bel"
