"""What makes a ledger decision record one the import refuses by itself, in one place.

The import refuses a decision record of an action this version does not know, an undo,
redo or reanchor that holds no decision, or a merge, split, dismiss or restore of a field
of another shape (decision_check.py, qa4 Q6). The store reads its ledger with the same rule (tr7
T3's ledger part): a junk decision in a checksummed snapshot, a journal line or a
server row was read as an object and exported into a file its own import refused. What
needs the articles (one nobody knows, a sentence beyond its text) stays the import's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbench.core.analysis.ledger.decisions import (
    MOVED,
    REASON_CHARS,
    UnreadableDecision,
    decision_from_record,
)
from workbench.core.interchange.export.shape import is_timestamp

DECISIONS = ("merge", "split", "dismiss", "restore")
MOVES = MOVED

ShapeProblem = tuple[str, str]
"""(JSON path inside the record, starting with '$'; what is wrong there)."""


def decision_shape_problem(record: Mapping[str, Any]) -> ShapeProblem | None:
    """Where and why the import refuses a stored decision record by itself, or None:
    who and when as the schema asks (a name, a UTC time), then its action and shape."""
    annotator = record.get("annotator")
    if type(annotator) is not str or not annotator:
        return "$.annotator", f"annotator is {_shown(annotator)}, not an analyst's name"
    if not is_timestamp(record.get("at")):
        return "$.at", f"at is {_shown(record.get('at'))}, not a UTC ISO 8601 timestamp"
    return _action_problem(record)


def _action_problem(record: Mapping[str, Any]) -> ShapeProblem | None:
    action = record.get("action")
    if action in MOVES:
        for name in MOVES[str(action)]:
            inner = record.get(name)
            if not isinstance(inner, Mapping) or inner.get("action") not in DECISIONS:
                return (
                    f"$.{name}",
                    f"an {action} must hold a merge or split record, or a dismiss or restore",
                )
            found = _action_problem(inner)
            if found is not None:
                return f"$.{name}{found[0][1:]}", found[1]
        return None
    if action not in DECISIONS:
        return (
            "$.action",
            f"unknown action {_shown(action, 40)} (merge, split, dismiss, restore, undo, redo, "
            "reanchor)",
        )
    if isinstance(decision_from_record(record), UnreadableDecision):
        if action in ("dismiss", "restore"):
            return "$", (
                f"not a {action} this version reads: it names two figures apart "
                '(figures: [{"key": [annotator, article_id, index], "text": the figure as '
                'written, optionally "occurrence": which figure so written in the sentence, '
                f"a whole number from 0}}, two of them]) and at most a reason of "
                f"{REASON_CHARS} characters"
            )
        return "$", f"not a {action} this version reads (a field of another shape)"
    return None


def _shown(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
