"""Change and ImportReport: what the store hands back after writing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.core.annotation import Annotation, AnnotationKey
from workbench.core.interchange.export.shape import is_timestamp

ACTIONS = ("save", "delete", "undo", "redo", "import", "reanchor", "reattach")
UNDO = "undo"
REDO = "redo"


@dataclass(frozen=True, slots=True)
class Change:
    """One durable change to one annotation: the history entry (and, with the changes
    made `together` with it, the undo unit). The key is the annotation's before the
    change: a re-anchoring or a re-attachment moves it to `after.key`."""

    key: AnnotationKey
    before: Annotation | None
    after: Annotation | None
    at: str
    annotator: str
    action: str
    together: tuple[Change, ...] = field(default=(), compare=False)
    """The other changes of the same undo step."""

    @property
    def step(self) -> tuple[Change, ...]:
        """This change and those made together with it."""
        return (self, *self.together)

    @property
    def article_id(self) -> str:
        """The article to jump to (e.g. after undo)."""
        return self.key[1]

    @property
    def index(self) -> int:
        """The sentence to jump to."""
        return self.key[2]

    def to_record(self, record_id: int) -> dict[str, Any]:
        """The stored history record (who, when, action, key, before, after)."""
        return {
            "id": record_id,
            "at": self.at,
            "annotator": self.annotator,
            "action": self.action,
            "key": list(self.key),
            "before": self.before.to_record() if self.before else None,
            "after": self.after.to_record() if self.after else None,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Change:
        """The change a history record holds; ValueError if its time or action is none
        the store writes (read as written, an unknown action was exported and a time
        that is none refused by the import of that export)."""
        problem = entry_problem(record["at"], record["action"])
        if problem is not None:
            raise ValueError(problem)
        annotator, article_id, index = record["key"]
        before, after = record["before"], record["after"]
        return cls(
            key=(str(annotator), str(article_id), int(index)),
            before=Annotation.from_record(before) if before else None,
            after=Annotation.from_record(after) if after else None,
            at=str(record["at"]),
            annotator=str(record["annotator"]),
            action=str(record["action"]),
        )


def entry_problem(at: object, action: object) -> str | None:
    """What makes a history record's time or action one the store never writes, or None
    (both engines: Change.from_record, and the server's history rows)."""
    if action not in ACTIONS:
        return f"action is {str(action)[:60]!r}, not one of {', '.join(ACTIONS)}"
    if not is_timestamp(at):
        return f"at is {str(at)[:60]!r}, not a UTC ISO 8601 timestamp"
    return None


def change_problem(record: Any) -> str | None:
    """Why Change.from_record cannot read a history record, or None: one written whole
    by another writer or a script (its checksums right) ended `export --history` and the
    app's `u` in a traceback, and repair called the database undamaged (tr9 T10)."""
    if isinstance(record, dict) and "at" in record and "action" in record:
        problem = entry_problem(record["at"], record["action"])
        if problem is not None:
            return problem
    try:
        Change.from_record(record)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        return f"it cannot be read as a change ({error!r})"
    return None


@dataclass(frozen=True, slots=True)
class DecisionChange:
    """One change to the claim-ledger decisions, as undo() and redo() hand it back: a
    decision made (action "merge" or "split": before None, after its record), undone
    ("undo": before the record, after None) or redone ("redo"). The store never
    removes a decision's record: an undo or redo is a record of its own in the ledger
    table, {"annotator", "at", "action", "before", "after"}, so that table is the
    decisions' history (read as the decisions in force by decisions_from_records)."""

    before: dict[str, Any] | None
    after: dict[str, Any] | None
    at: str
    annotator: str
    action: str

    @property
    def decision(self) -> dict[str, Any]:
        """The decision's own record (as stored when it was made)."""
        record = self.after if self.after is not None else self.before
        assert record is not None
        return record

    def reverted(self, annotator: str, at: str, undoing: bool) -> DecisionChange:
        """The undo (or the redo) of the decision this change made."""
        decision = self.decision
        if undoing:
            return DecisionChange(decision, None, at, annotator, UNDO)
        return DecisionChange(None, decision, at, annotator, REDO)

    def to_record(self) -> dict[str, Any]:
        """An undo's or redo's record in the ledger table."""
        return {
            "annotator": self.annotator,
            "at": self.at,
            "action": self.action,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True, slots=True)
class ImportReport:
    """How many imported annotations were added, updated (newer) or skipped."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    """Not written: identical (timestamps aside), blank, or older (below)."""
    decisions: int = 0
    """Ledger decision records added (those already in the database are skipped)."""
    older: int = 0
    """Of the skipped, those whose content differed from the stored one's but were not
    newer: the database's version was kept and the file's not taken."""

    @property
    def total(self) -> int:
        return self.added + self.updated + self.skipped
