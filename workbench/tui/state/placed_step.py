"""An undo or redo step put onto its articles' texts as they are now.

An undo writes annotations back as they were recorded, on the text they were made on. After
a restart on a corrected article (tr11 T3, T4) that text is gone: the workspace re-anchors
them at once, as opening the article does, and hands the screens the step as placed (where
the annotations are now), with the step as recorded beside it for the words that name it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from store import Change
from workbench.core.anchoring.placement import ArticlePlan
from workbench.core.annotation import CHECK, ORPHANED, Annotation, AnnotationKey


@dataclass(frozen=True, slots=True)
class PlacedStep(Change):
    """A Change whose written annotations (`after`) are where re-anchoring put them;
    `recorded` is the step as the store wrote it (its sentence numbers the old text's)."""

    recorded: Change | None = None


def placed_step(change: Change, plans: list[ArticlePlan]) -> Change:
    """`change` with each annotation it wrote replaced by its placement in `plans`
    (unchanged when the plans place none of them)."""
    placed: dict[AnnotationKey, Annotation] = {
        placement.before.key: placement.after for plan in plans for placement in plan.placements
    }
    parts = [
        part if part.after is None else replace(part, after=placed.get(part.after.key, part.after))
        for part in change.step
    ]
    if parts == list(change.step):
        return change
    first = parts[0]
    return PlacedStep(
        first.key,
        first.before,
        first.after,
        first.at,
        first.annotator,
        first.action,
        tuple(parts[1:]),
        recorded=change,
    )


def where_now(step: PlacedStep) -> str:
    """Where the step's first written annotation is on the article's text now, in an
    analyst's words ("" when it was not moved)."""
    recorded, now = step.recorded, step.after
    if recorded is None or now is None or recorded.after is None:
        return ""
    if now.anchor_state == ORPHANED:
        return (
            " The article has changed since, and no sentence of it now fits that one: "
            "it is kept as an orphan (r, then f: anchoring, to place it)."
        )
    if now.index == recorded.after.index and now.anchor_state != CHECK:
        return ""
    state = ", to check (y confirms)" if now.anchor_state == CHECK else ""
    return f" The article has changed since: it is on sentence {now.index + 1} now{state}."
