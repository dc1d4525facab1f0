"""qa21 #4: the suggested source of "South Korea's spy agency said …" was "Korea's spy
agency", another speaker (one Enter recorded it): a possessor named in more than one
word keeps every word of its name, however the phrase after it is read."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.analysis.suggestions.speaker import guess_source

POSSESSORS = st.sampled_from(
    ["South Korea", "North Korea", "New Zealand", "Saudi Arabia", "Sri Lanka", "Costa Rica",
     "West Africa", "South Africa", "Papua New Guinea", "Burkina Faso", "Hong Kong"]
)  # fmt: skip
SPEAKERS = st.sampled_from(
    ["spy agency", "spy chief", "intelligence agency", "health ministry", "spies",
     "foreign ministry", "police", "weather service", "army", "election commission"]
)  # fmt: skip
CLAIMS = st.sampled_from(
    ["40 people died.", "1,500 North Korean soldiers, among them 2 generals, had been killed.",
     "the figure was wrong."]
)  # fmt: skip


@given(POSSESSORS, SPEAKERS, CLAIMS, st.sampled_from(["", "On Tuesday, "]))
def test_a_possessor_keeps_its_whole_name(
    possessor: str, speaker: str, claim: str, opening: str
) -> None:
    sentence = f"{opening}{possessor}'s {speaker} said {claim}"
    assert guess_source(sentence) == f"{possessor}'s {speaker}"


def test_the_sentence_qa21_met() -> None:
    sentence = (
        "South Korea's spy agency said 1,500 North Korean soldiers, among them 2 generals, "
        "had been killed in Kursk."
    )
    assert guess_source(sentence) == "South Korea's spy agency"
    assert guess_source("Korea's spy agency said 40 people died.") == "Korea's spy agency"
