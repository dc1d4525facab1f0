"""Changes to the tables: absolute puts and deletes of whole documents, by document id.

Every change the store makes, in the journal and in memory, is a list of these; applying
one is idempotent, so a line replayed over a snapshot that already holds it changes
nothing. Documents are replaced, never changed in place, so copies of the tables may
share them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from store.snapshot import Tables

Op = list[Any]
"""[table, doc_id, document or None]: put or delete one document."""


@dataclass(frozen=True, slots=True)
class Applied:
    """One document as it was and as it is now (None = absent)."""

    table: str
    doc_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def is_op(op: Any) -> bool:
    """A put or delete apply_ops takes: [table, doc_id, document or None]."""
    return (
        type(op) is list
        and len(op) == 3
        and isinstance(op[0], str)
        and isinstance(op[1], str)
        and (op[2] is None or isinstance(op[2], dict))
    )


def apply_ops(tables: Tables, ops: list[Op]) -> list[Applied]:
    """Apply `ops` to `tables`; TypeError if one is not a put or delete."""
    applied = []
    for op in ops:
        if not is_op(op):
            raise TypeError(f"{str(op)[:60]} is not [table, id, document or None]")
        table_name, doc_id, document = op
        table = tables.setdefault(table_name, {})
        before = table.get(doc_id)
        if document is None:
            table.pop(doc_id, None)
        else:
            table[doc_id] = document
        applied.append(Applied(table_name, doc_id, before, document))
    return applied


def undo_ops(tables: Tables, applied: list[Applied]) -> None:
    """Take `applied` back, newest first: each document as it was before."""
    for item in reversed(applied):
        table = tables.setdefault(item.table, {})
        if item.before is None:
            table.pop(item.doc_id, None)
        else:
            table[item.doc_id] = item.before
