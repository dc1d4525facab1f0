"""What a read-only open of a file database parsed and made, kept for the next read-only
open by the same process: the keeper following an app's session (cli/followed_summary.py)
opens the database again for each content, and 2.2 s of a 4-6 s keep at 100,000
annotations (load 2; 11 s of 20 at load 7) went to parsing and checking the same 68 MB
snapshot and making the same 80,000 Annotations of its records.

A snapshot's tables are a function of its bytes: those parsed and checked before are
taken again only for the very bytes (their sha256), and only a snapshot that passed
every check at the current schema version (anything else is read as ever: refused,
migrated in memory). Each open gets tables of its own (each table's mapping copied, the
meta records too): a journal line puts or deletes a record whole and never changes one
in place, so the remembered records stay as parsed. An Annotation is used again while
the open's record is that very record object (one of the snapshot's, shared): a record
a journal line put is made afresh. What an open reads is therefore exactly what an open
without the memo reads; only the parsing, checking and making of what did not change is
saved. One snapshot is remembered (a new one replaces it, at the next compaction).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.core.annotation import Annotation

Tables = dict[str, dict[str, dict[str, Any]]]
"""store/snapshot.py's Tables (imported from there, it would make a circle)."""

COPIED_RECORDS = ("meta",)
"""Tables whose records an open may change in place (the meta record: a history that
starts afresh), copied record by record."""


class ReadMemo:
    """The last snapshot a read-only open checked, by its bytes, and the Annotations
    made of its records (one process, one database)."""

    def __init__(self) -> None:
        self._digest: bytes | None = None
        self._tables: Tables | None = None
        self._offered: bytes | None = None
        """The sha256 of the snapshot bytes being read now (vouched for once checked)."""
        self._annotations: dict[str, tuple[dict[str, Any], Annotation]] = {}
        self.parsed = 0
        """Snapshots parsed and checked (tests, benches)."""
        self.reused = 0
        """Opens that took the remembered snapshot."""

    def tables_for(self, data: bytes) -> Tables | None:
        """Tables of their own for the snapshot `data`, if these very bytes were checked
        before; else None (the caller parses and checks them, then `vouch`es)."""
        digest = hashlib.sha256(data).digest()
        if digest == self._digest and self._tables is not None:
            self.reused += 1
            return copied(self._tables)
        self._offered = digest
        return None

    def vouch(self, tables: Tables) -> Tables:
        """`tables`, parsed from the bytes last offered, passed every check at the
        current schema version: remembered as they are; returns a copy for the open."""
        if self._offered is None:
            return tables
        self.parsed += 1
        self._digest, self._tables, self._offered = self._offered, tables, None
        self._annotations.clear()  # made of the records of a snapshot gone
        return copied(tables)

    def forget(self) -> None:
        """Nothing remembered (an open that had to migrate what it read)."""
        self._digest = self._tables = self._offered = None
        self._annotations.clear()

    def annotation(self, doc_id: str, record: dict[str, Any]) -> Annotation | None:
        """The Annotation made before of this very `record`, or None."""
        found = self._annotations.get(doc_id)
        return found[1] if found is not None and found[0] is record else None

    def made(self, doc_id: str, record: dict[str, Any], annotation: Annotation) -> None:
        self._annotations[doc_id] = (record, annotation)


def copied(tables: Tables) -> Tables:
    """Tables of their own: each table's mapping copied (records shared), and the records
    of the tables an open may change in place."""
    return {
        name: {doc_id: dict(record) for doc_id, record in table.items()}
        if name in COPIED_RECORDS
        else dict(table)
        for name, table in tables.items()
    }
