"""What of a suggestion an analyst is shown, as the annotation records it (provenance).

The annotate screen shows a sentence's suggested tags that reach the "lowest score
shown" setting, and the source only with the attribution it belongs to; an annotation
saved while that was on screen keeps it as its `Suggested` record, so the summary can
say how often the suggestions were taken as they were.
"""

from __future__ import annotations

from workbench.core.analysis.suggestions.suggest import Suggestion
from workbench.core.annotation import TAGS, Suggested

SCORE_DIGITS = 3
"""Scores are recorded to three decimals, as `workbench suggest --json` prints them."""
FIRM_SCORE = 0.5
"""A suggested tag scoring less is weak: shown marked ("◇ denial .43?") and left out of
what Enter stores; the analyst adds it with its own key. Only a denial can be (it is
suggested from 0.40, for recall: docs/SUGGESTIONS.md); at .43 "He called that number
'a conservative estimate'" was stored as a denial by the key that moves on (qa6 Q13)."""


def shown_tags(suggestion: Suggestion, lowest: float) -> tuple[str, ...]:
    """The suggested tags shown at the `lowest` score setting."""
    return suggestion.tags_at_least(lowest)


def weak(suggestion: Suggestion, tag: str) -> bool:
    """Whether a suggested tag is weak (FIRM_SCORE): shown, never stored by Enter."""
    return round(suggestion.scores[tag], 2) < FIRM_SCORE  # as shown: .50 is not weak


def firm_tags(suggestion: Suggestion, lowest: float) -> tuple[str, ...]:
    """The shown tags Enter stores: those that are not weak."""
    return tuple(tag for tag in shown_tags(suggestion, lowest) if not weak(suggestion, tag))


def shown_source(suggestion: Suggestion, lowest: float) -> str | None:
    """The suggested source, shown only with its attribution."""
    return suggestion.source if "attribution" in shown_tags(suggestion, lowest) else None


def as_shown(suggestion: Suggestion, lowest: float) -> Suggested | None:
    """The suggestion as the analyst sees it at `lowest`, its tags those Enter stores
    (firm_tags: none when every tag shown is weak; every tag's score is kept); None when
    nothing is shown (no tag reaches the setting: the sentence looks as if nothing were
    suggested)."""
    if not shown_tags(suggestion, lowest):
        return None
    tags = firm_tags(suggestion, lowest)
    source = shown_source(suggestion, lowest) if "attribution" in tags else None
    return Suggested(
        version=suggestion.version,
        tags=tags,
        source=source,
        resolved_source=suggestion.resolved_source if source is not None else None,
        scores={tag: round(suggestion.scores[tag], SCORE_DIGITS) for tag in TAGS},
    )
