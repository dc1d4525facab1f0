"""How an imported annotation meets the one already stored under its key."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from workbench.core.annotation import Annotation

Outcome = Literal["added", "updated", "skipped"]

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
    """absent -> added; same content -> skipped; differing -> newer wins, else skipped.

    A blank incoming annotation is never kept, so it is skipped.
    """
    if incoming.is_blank:
        return "skipped"
    if stored is None:
        return "added"
    if same_content(incoming, stored):
        return "skipped"
    return "updated" if is_newer(incoming, stored) else "skipped"
