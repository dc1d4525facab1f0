"""The source prompt's pre-fill: the speaker named by a reporting cue.

Expectations follow the guideline (../shared/GUIDELINE.md): no leading "the"/"a", titles
dropped before a full name ("Pat Ryder"), kept before a surname alone ("General Ryder").
The suggester's own tests (tests/unit/analysis/) cover many more sentences.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.analysis.suggestions.speaker import guess_source

CASES = [
    (
        "Air Force Maj. Gen. Pat Ryder, the Pentagon spokesman, told reporters on Monday that the "
        "North Koreans had entered combat.",
        "Pat Ryder",
    ),
    (
        "“We do assess that North Korean soldiers have engaged in combat in Kursk,” General Ryder "
        "said.",
        "General Ryder",
    ),
    (
        "The Pentagon has seen “indications” that the forces have suffered their first casualties, "
        "according to a U.S. official.",
        "U.S. official",
    ),
    ("“It’s just testing the ground,” said Mr. Melnyk, now a senior official.", "Mr. Melnyk"),
    ("The move also was designed to provoke the West, he said.", "he"),
    (
        "And this week, U.S. officials confirmed that a detachment had been transferred.",
        "U.S. officials",
    ),
    (
        'North Korea\'s envoy to the U.N. dismissed the accusations as "groundless rumors" on '
        "Monday.",
        "North Korea's envoy to the U.N.",
    ),
    ("Upon arrival, the agency said, they received Russian military uniforms.", "agency"),
    ('"There are no North Korean soldiers, yet," his office said.', "his office"),
    (
        "North Korea has sent troops to Russia, the United States said Wednesday.",
        "United States",
    ),
    (
        "General Ryder gave the assessment a day after Ukraine’s military intelligence agency said "
        "that at least 30 North Korean soldiers had been killed.",
        "Ukraine’s military intelligence agency",
    ),
]


@pytest.mark.parametrize(("sentence", "speaker"), CASES)
def test_guesses_the_speaker(sentence: str, speaker: str) -> None:
    assert guess_source(sentence) == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "The claims could not be independently verified.",
        "Yurii Shyvala contributed reporting.",
        "Read Entire Article",
        "",
    ],
)
def test_no_reporting_cue_gives_no_guess(sentence: str) -> None:
    assert guess_source(sentence) is None


@given(st.text(max_size=300))
def test_never_fails_and_returns_a_span_of_the_sentence(text: str) -> None:
    guess = guess_source(text)
    assert guess is None or (guess and guess in text)
