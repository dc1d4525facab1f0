"""JournalStorage: a TinyDB Storage that makes each change durable in O(1).

TinyDB's own writes hand the storage the whole database, which costs O(n) per change.
Here the data lives in memory (what read() returns, so TinyDB queries see it) and each
change is one checksummed line appended to FILE.journal and fsynced *before* it is applied
in memory. The journal is replayed over the snapshot (FILE) on open and folded into a new
snapshot when it grows long and on close. Every operation is an absolute put or delete by
document id, so replaying a journal over a snapshot that already contains it is harmless.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from store import line_format
from store.errors import CorruptDatabaseError, StoreError, StoreWriteError
from store.files import AppendOnlyFile
from store.history_log import HistoryLog
from store.snapshot import Tables, load_snapshot, paused_gc, write_snapshot

META_TABLE = "meta"
META_ID = "1"
MIN_COMPACTION_BYTES = 1 << 20
"""Compact once the journal exceeds this or a quarter of the snapshot, whichever is more:
the cost of a compaction is then spread over many writes, and replay stays short."""

Op = list[Any]
"""[table, doc_id, document or None]: put or delete one document."""


@dataclass(frozen=True, slots=True)
class Applied:
    """One document as it was and as it is now (None = absent)."""

    table: str
    doc_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def history_path(path: Path) -> Path:
    return path.with_name(path.name + ".history")


class JournalStorage(Storage):
    """Snapshot + journal on disk (path given) or the same behaviour in memory (None)."""

    def __init__(self, path: Path | None) -> None:
        super().__init__()
        self.path = path
        self.data: Tables = {}
        self.warnings: list[str] = []
        self.on_replace: Callable[[], None] = lambda: None
        self._journal: AppendOnlyFile | None = None
        self._journal_end = 0
        self._history_log = HistoryLog(history_path(path)) if path is not None else None
        self._saved_history: list[dict[str, Any]] | None = [] if path is None else None
        self._pending_history: list[dict[str, Any]] = []
        self._next_ids: dict[str, int] = {}
        self._compact_at = MIN_COMPACTION_BYTES
        self.snapshot_existed = False
        self._closed = False
        if path is not None:
            self._load(path)

    # -- TinyDB's Storage interface -------------------------------------------------------

    def read(self) -> Tables:
        return self.data

    def write(self, data: Tables) -> None:
        """A full write from TinyDB itself: becomes a new snapshot (atomic) at once."""
        self.data = data
        self._next_ids.clear()
        self.compact()
        self.on_replace()

    def close(self) -> None:
        """Fold the journal into the snapshot (best effort: the journal is safe anyway)."""
        if self._closed:
            return
        self._closed = True
        if self.path is None:
            return
        if self._journal_end or self._journal is not None or self._pending_history:
            try:
                self.compact()
            except StoreError as error:
                self.warnings.append(f"could not compact on close: {error}")
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def abandon(self) -> None:
        """Close the journal without writing anything (opening failed half way)."""
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    # -- Durable changes ------------------------------------------------------------------

    def commit(
        self, ops: list[Op], history: list[dict[str, Any]] | None = None, sync: bool = True
    ) -> list[Applied]:
        """Make `ops` (and their history records) durable as one line, then apply them.

        Raises StoreWriteError with nothing changed if the line cannot be written.
        """
        if self._closed:
            raise StoreWriteError(self.path, "the database has been closed")
        line = line_format.encode({"ops": ops, "history": history or []})
        if self.path is not None:
            self._journal_file().append(line, sync)
        with paused_gc():  # the stored form: no aliasing with the caller's dicts
            payload = json.loads(line[9:-1])
        applied = self._apply(payload["ops"])
        self._pending_history.extend(payload["history"])
        if self._journal is not None and self._journal.size > self._compact_at:
            try:
                self.compact()
            except StoreError as error:
                self.warnings.append(f"compaction postponed: {error}")
                self._compact_at *= 2
        return applied

    def sync(self) -> None:
        """fsync unsynced appends (see commit(sync=False))."""
        if self._journal is not None:
            self._journal.sync()

    def compact(self) -> None:
        """History to FILE.history, data to a new snapshot, then an empty journal.

        Each step is durable before the next; a crash between any two leaves files that
        open to the same state (see HistoryLog.append and the module docstring).
        """
        if self.path is None or self._history_log is None:
            return
        meta = self.meta()
        if self._pending_history:
            meta["history_bytes"] = self._history_log.append(
                self._pending_history, meta.get("history_bytes", 0)
            )
            meta["history_next_id"] = self._pending_history[-1]["id"] + 1
            if self._saved_history is not None:
                self._saved_history.extend(self._pending_history)
            self._pending_history = []
        size = write_snapshot(self.path, self.data)
        self._journal_file().truncate(0)
        self._compact_at = max(MIN_COMPACTION_BYTES, size // 4)

    # -- Reading helpers ------------------------------------------------------------------

    def table(self, name: str) -> dict[str, dict[str, Any]]:
        return self.data.setdefault(name, {})

    def meta(self) -> dict[str, Any]:
        return self.table(META_TABLE).setdefault(META_ID, {})

    def new_id(self, table: str) -> str:
        """A document id never used in `table` during this session."""
        if table not in self._next_ids:
            self._next_ids[table] = max(map(int, self.table(table)), default=0) + 1
        doc_id = self._next_ids[table]
        self._next_ids[table] = doc_id + 1
        return str(doc_id)

    def new_history_id(self) -> int:
        if self._pending_history:
            return int(self._pending_history[-1]["id"]) + 1
        if self._saved_history:
            return int(self._saved_history[-1]["id"]) + 1
        return int(self.meta().get("history_next_id", 1))

    def history_records(self) -> list[dict[str, Any]]:
        """Every history record, oldest first (reads FILE.history the first time)."""
        if self._saved_history is None:
            assert self._history_log is not None
            self._saved_history = self._history_log.load(self.meta().get("history_bytes", 0))
        return self._saved_history + self._pending_history

    # -- Loading --------------------------------------------------------------------------

    def _load(self, path: Path) -> None:
        """Snapshot, then journal replay; raises CorruptDatabaseError before touching a file."""
        snapshot = load_snapshot(path)
        self.snapshot_existed = snapshot is not None
        self.data = snapshot or {}
        journal = journal_path(path)
        raw = journal.read_bytes() if journal.exists() else b""
        with paused_gc():
            scan = line_format.scan(raw)
        if scan.bad is not None:
            raise CorruptDatabaseError(
                journal,
                f"line {scan.bad.number} (byte {scan.bad.offset}) is damaged: {scan.bad.reason}",
            )
        with paused_gc():
            self._replay(journal, scan.payloads)
        if scan.torn_bytes:
            self.warnings.append(
                f"{journal}: dropped an incomplete last change ({scan.torn_bytes} bytes) "
                "left by an interrupted write"
            )
        self._journal_end = scan.good_end

    def _replay(self, journal: Path, payloads: list[Any]) -> None:
        """Apply journal lines in order; history not yet in FILE.history becomes pending."""
        saved_through = int(self.meta().get("history_next_id", 1))
        for number, payload in enumerate(payloads, start=1):
            try:
                self._apply(payload["ops"])
                self._pending_history.extend(
                    record for record in payload["history"] if record["id"] >= saved_through
                )
            except (KeyError, TypeError, ValueError) as error:
                raise CorruptDatabaseError(
                    journal, f"line {number} is not a change ({error!r})"
                ) from error

    def _journal_file(self) -> AppendOnlyFile:
        """The journal, opened (and created) only when the first write needs it."""
        if self._journal is None:
            assert self.path is not None
            self._journal = AppendOnlyFile(journal_path(self.path), self._journal_end)
        return self._journal

    def _apply(self, ops: list[Op]) -> list[Applied]:
        applied = []
        for table_name, doc_id, document in ops:
            if not isinstance(table_name, str) or not isinstance(doc_id, str):
                raise TypeError("table and document id must be strings")
            if document is not None and not isinstance(document, dict):
                raise TypeError("a document must be an object")
            table = self.table(table_name)
            before = table.get(doc_id)
            if document is None:
                table.pop(doc_id, None)
            else:
                table[doc_id] = document
            applied.append(Applied(table_name, doc_id, before, document))
        return applied
