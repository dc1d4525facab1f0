"""Change and ImportReport: what the store hands back after writing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.core.annotation import Annotation, AnnotationKey

ACTIONS = ("save", "delete", "undo", "redo", "import", "reanchor", "reattach")


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
    """The other changes of the same undo step (a whole article's re-anchoring is one)."""

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


@dataclass(frozen=True, slots=True)
class ImportReport:
    """How many imported annotations were added, updated (newer) or skipped."""

    added: int = 0
    updated: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.added + self.updated + self.skipped
