"""How an imported annotation meets the one already stored under its key."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from store.change import ImportReport
from workbench.core.annotation import Annotation

Outcome = Literal["added", "updated", "skipped", "older"]
""""older": differing content not taken, the stored one being as new or newer (a skip the
import report names apart from identical ones: the analyst learns a colleague's version
was left out)."""

_TIMES = ("created_at", "updated_at")


def same_content(left: Annotation, right: Annotation) -> bool:
    """Equal in everything but the timestamps."""
    a, b = left.to_record(), right.to_record()
    return all(a[name] == b[name] for name in a if name not in _TIMES)


def _moment(stamp: str) -> datetime | str:
    try:
        return datetime.fromisoformat(stamp)
    except ValueError:
        return stamp


def is_newer(incoming: Annotation, stored: Annotation) -> bool:
    """incoming.updated_at is later (compared as instants when both parse, else as text)."""
    new, old = _moment(incoming.updated_at), _moment(stored.updated_at)
    if isinstance(new, datetime) and isinstance(old, datetime):
        if (new.tzinfo is None) != (old.tzinfo is None):
            return incoming.updated_at > stored.updated_at
        return new > old
    return incoming.updated_at > stored.updated_at


def outcome(incoming: Annotation, stored: Annotation | None) -> Outcome:
    """absent -> added; same content -> skipped; differing -> newer wins, else older.

    A blank incoming annotation is never kept, so it is skipped.
    """
    if incoming.is_blank:
        return "skipped"
    if stored is None:
        return "added"
    if same_content(incoming, stored):
        return "skipped"
    return "updated" if is_newer(incoming, stored) else "older"


def report_of(counts: dict[str, int], decisions: int = 0) -> ImportReport:
    """The report of an import's outcomes: `skipped` counts every record not written, the
    older ones among them (`older`) too."""
    return ImportReport(
        added=counts.get("added", 0),
        updated=counts.get("updated", 0),
        skipped=counts.get("skipped", 0) + counts.get("older", 0),
        older=counts.get("older", 0),
        decisions=decisions,
    )
