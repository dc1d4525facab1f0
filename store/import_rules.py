"""How an imported annotation meets the one already stored under its key."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Literal

from store.change import ImportReport
from workbench.core.annotation import ORPHANED, Annotation, OrphanKey

Outcome = Literal["added", "updated", "skipped", "older"]
""""older": differing content not taken, the stored one being as new or newer (a skip the
import report names apart from identical ones: the analyst learns a colleague's version
was left out); also an orphan the analyst has re-attached or deleted since that record
was made (qa7 Q11)."""

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


def later(stamp: str, than: str) -> bool:
    """`stamp` is later than `than` (compared as instants when both parse, else as text)."""
    new, old = _moment(stamp), _moment(than)
    if isinstance(new, datetime) and isinstance(old, datetime):
        if (new.tzinfo is None) != (old.tzinfo is None):
            return stamp > than
        return new > old
    return stamp > than


def is_newer(incoming: Annotation, stored: Annotation) -> bool:
    """incoming.updated_at is later than stored.updated_at."""
    return later(incoming.updated_at, stored.updated_at)


def _orphan_identity(record: Mapping[str, Any]) -> OrphanKey:
    return (
        str(record["annotator"]),
        str(record["article_id"]),
        str(record["article_sha256"]),
        int(record["index"]),
        str(record["created_at"]),
    )


def orphan_gone(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> bool:
    """True when a change (its stored records before and after) took an orphan away:
    re-attached to a sentence, deleted, or placed again by a re-anchoring (not an orphan
    updated in place, which keeps its identity)."""
    if before is None or before.get("anchor_state") != ORPHANED:
        return False
    if after is None or after.get("anchor_state") != ORPHANED:
        return True
    return _orphan_identity(after) != _orphan_identity(before)


def gone_orphans(
    history: Iterable[tuple[str, Mapping[str, Any] | None, Mapping[str, Any] | None]],
) -> dict[OrphanKey, str]:
    """Orphan identity -> when it was last taken away, from (at, before, after) history
    records oldest first: what an import must not bring back with an older record."""
    gone: dict[OrphanKey, str] = {}
    for at, before, after in history:
        if before is not None and orphan_gone(before, after):
            gone[_orphan_identity(before)] = at
    return gone


def outcome(incoming: Annotation, stored: Annotation | None, gone_at: str | None = None) -> Outcome:
    """absent -> added; same content -> skipped; differing -> newer wins, else older.

    A blank incoming annotation is never kept, so it is skipped. An orphan absent
    because the analyst re-attached or deleted it at `gone_at` is older unless it was
    changed after that (qa7 Q11: importing an earlier export, or the very file imported
    before, brought back an orphan already dealt with, beside its re-attached copy).
    """
    if incoming.is_blank:
        return "skipped"
    if stored is None:
        if gone_at is not None and incoming.is_orphan and not later(incoming.updated_at, gone_at):
            return "older"
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
