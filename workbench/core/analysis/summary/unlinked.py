"""Why a denial is aimed at no claim group, in an analyst's words.

One reading for the report's "Denials not linked to a claim" and the summary screen's
Denials tab (qa10 Q8: the screen named them only as a count, the list was in the report),
said in full on the screen and without the settings in the report (PUBLISHED):
a denial of a figure answers only a group stating it (qa10 Q17); one that names what it
denies only by its kind or its subject is linked by no threshold; the others by the words
a claim would take up.
"""

from __future__ import annotations

from typing import Literal

from workbench.core.analysis.ledger.answers import denied_figures, denied_words

UnlinkedReason = Literal["figure", "words", "kind"]

REASONS: dict[UnlinkedReason, str] = {
    "figure": "denies a figure no claim group states",
    "words": "no claim group takes up what it denies",
    "kind": "names what it denies only by its kind",
}
"""A reason's short words (the screen's column)."""

EXPLANATIONS: dict[UnlinkedReason, str] = {
    "figure": (
        "These deny a figure: a claim group is what they deny only when it takes up their "
        "words and states that figure (or none), and no group does."
    ),
    "words": (
        "No claim group takes up enough of what these deny (the words after the denying "
        "verb, beyond the subject). A lower denial threshold links only a group that takes "
        "up one of those words with a text resembling the denial."
    ),
    "kind": (
        'These name what they deny only by its kind or its subject ("the reports", '
        '"rumours", "North Korean troops"): no claim takes it up, whatever the threshold. '
        "One is linked to the claim tagged just before it, or, naming whose claim it is "
        '("Ms. Vell\'s claim"), to theirs up to three sentences back, when that claim is '
        "another speaker's."
    ),
}
"""Each reason in full, for denials in the plural (the screen's pane, in the order the
report lists them): with how the ledger links such a denial and what a denial threshold
changes, which the analyst running it can act on."""
PUBLISHED: dict[UnlinkedReason, str] = {
    "figure": EXPLANATIONS["figure"],
    "words": (
        "No claim group takes up enough of what these deny (the words after the denying "
        "verb, beyond the subject)."
    ),
    "kind": (
        'These name what they deny only by its kind or its subject ("the reports", '
        '"rumours", "North Korean troops"), and no claim of another speaker tagged just '
        "before them says which claim they answer."
    ),
}
"""Each reason as the report says it, to be published (qa20 #3): without the denial
threshold and the linking rules, which are the analyst's settings, not the reader's."""


def why_unlinked(quote: str) -> UnlinkedReason:
    """Why a denial with this quote, aimed at no group, is not linked: it denies a
    figure (answers.denied_figures), it names what it denies (answers.denied_words), or
    only its kind or subject."""
    if denied_figures(quote):
        return "figure"
    return "words" if denied_words(quote) else "kind"
