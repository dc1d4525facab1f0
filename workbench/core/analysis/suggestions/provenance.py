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


def shown_tags(suggestion: Suggestion, lowest: float) -> tuple[str, ...]:
    """The suggested tags shown at the `lowest` score setting."""
    return suggestion.tags_at_least(lowest)


def shown_source(suggestion: Suggestion, lowest: float) -> str | None:
    """The suggested source, shown only with its attribution."""
    return suggestion.source if "attribution" in shown_tags(suggestion, lowest) else None


def as_shown(suggestion: Suggestion, lowest: float) -> Suggested | None:
    """The suggestion as the analyst sees it at `lowest`; None when nothing is shown
    (no tag reaches the setting: the sentence looks as if nothing were suggested)."""
    tags = shown_tags(suggestion, lowest)
    if not tags:
        return None
    source = shown_source(suggestion, lowest)
    return Suggested(
        version=suggestion.version,
        tags=tags,
        source=source,
        resolved_source=suggestion.resolved_source if source is not None else None,
        scores={tag: round(suggestion.scores[tag], SCORE_DIGITS) for tag in TAGS},
    )
