"""Annotation changes sent to the server: one workbench_apply call, one round trip.

A change names the row it replaces (by id, or by the sentence it is placed on) and the
version of it this session last saw; the server refuses the whole call if any row is
not as seen (another session changed it), so nothing is ever overwritten unseen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson
import psycopg
from psycopg.types.json import Jsonb

from store.change import Change
from store.errors import AnchorConflictError, ConcurrentEditError
from store.trusted import annotation_of
from workbench.core.annotation import Annotation, AnnotationKey

CHANGED_ELSEWHERE = "WB001"
TWO_ON_ONE_SENTENCE = "WB002"
EXCLUSION_VIOLATION = "23P01"

APPLY = (
    "SELECT n, row_id, row_version, before, after, written "
    "FROM workbench_apply(%s, %s, %s, %s, %s, %s, %s, %s)"
)


@dataclass(frozen=True, slots=True)
class Spec:
    """One change as the server function takes it (see 0001_tables.sql)."""

    history_key: AnnotationKey
    after: Annotation | None
    row_id: int | None = None
    key: AnnotationKey | None = None
    expected: int | None = None
    own: bool = False
    keep_created: bool = False
    skip_unchanged: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.row_id,
            "key": list(self.key) if self.key is not None else None,
            "expected": self.expected,
            "own": self.own,
            "after": self.after.to_record() if self.after is not None else None,
            "keep_created": self.keep_created,
            "skip_unchanged": self.skip_unchanged,
            "history_key": list(self.history_key),
        }


@dataclass(frozen=True, slots=True)
class Applied:
    """What one change did: the row (id, version as left) and the change itself."""

    change: Change
    row_id: int | None
    version: int
    written: bool


@dataclass(frozen=True, slots=True)
class Call:
    """Who writes, what for, and where the other sessions listen."""

    session: str
    annotator: str
    channel: str


def apply(
    connection: psycopg.Connection[Any],
    call: Call,
    action: str,
    at: str,
    specs: Sequence[Spec],
    articles: Sequence[dict[str, Any]] = (),
    notify: bool = True,
    exact: bool = False,
) -> list[Applied]:
    """Send `specs` as one call; ConcurrentEditError (or, when `exact`: a re-anchoring,
    a re-attachment, an import) AnchorConflictError if a row is not as seen."""
    payload = Jsonb([spec.as_json() for spec in specs], dumps=_dumps)
    extras = Jsonb(list(articles), dumps=_dumps)
    try:
        rows = connection.execute(
            APPLY,
            [call.session, call.annotator, action, at, payload, extras, call.channel, notify],
        ).fetchall()
    except psycopg.Error as error:
        refused = refusal(error, specs, exact)
        if refused is None:
            raise
        raise refused from error
    applied: list[Applied] = []
    for (_n, row_id, version, before, after, written), spec in zip(rows, specs, strict=True):
        change = Change(
            key=spec.history_key,
            before=annotation_of(before) if before is not None else None,
            after=annotation_of(after) if after is not None else None,
            at=at,
            annotator=call.annotator,
            action=action,
        )
        applied.append(Applied(change, row_id, int(version or 0), bool(written)))
    return applied


def refusal(
    error: psycopg.Error, specs: Sequence[Spec], exact: bool
) -> ConcurrentEditError | AnchorConflictError | None:
    """The store error for a refusal by the server; None for any other error."""
    detail = error.diag.message_detail or "null"
    if error.sqlstate == CHANGED_ELSEWHERE:
        found = orjson.loads(detail)
        spec = specs[int(found["n"]) - 1]
        current = annotation_of(found["current"]) if found["current"] else None
        if exact:
            annotator, article_id, index = spec.history_key
            return AnchorConflictError.changed_meanwhile(article_id, index)
        return ConcurrentEditError(spec.history_key, current)
    if error.sqlstate == TWO_ON_ONE_SENTENCE:
        annotator, article_id, index = orjson.loads(detail)
        return AnchorConflictError.sentence_taken(article_id, index, annotator)
    if error.sqlstate == EXCLUSION_VIOLATION:
        # Two sessions placed an annotation on one sentence at the same moment: the
        # constraint, checked at commit, refused the later one.
        first = specs[0] if specs else None
        if first is not None and not exact:
            return ConcurrentEditError(first.history_key, None)
        return AnchorConflictError(
            "another session placed an annotation on the same sentence meanwhile; "
            "nothing was written"
        )
    return None


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()
