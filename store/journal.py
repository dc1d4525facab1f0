"""JournalStorage: a TinyDB Storage that makes each change durable in O(1).

TinyDB's own writes hand the storage the whole database, which costs O(n) per change.
Here the data lives in memory (what read() returns, so TinyDB queries see it) and each
change is one checksummed line appended to FILE.journal and fsynced *before* it is applied
in memory. The journal is replayed over the snapshot (FILE) on open and folded into a new
snapshot when it grows long and on close. Every operation is an absolute put or delete by
document id, so replaying a journal over a snapshot that already contains it is harmless.

Folding a long journal takes a second or more at 100,000 annotations, so a save that
crosses the threshold only seals the journal and copies the tables (milliseconds); the
snapshot is written by a background thread (see compaction.py and segments.py).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from store import line_format
from store.compaction import Compaction, tables_copy
from store.errors import CorruptDatabaseError, StoreError, StoreWriteError
from store.file_states import changed_under_reader, replayed_files
from store.files import AppendOnlyFile
from store.history_log import HistoryLog
from store.segments import journal_path, seal_journal, sealed_segments
from store.snapshot import Tables, load_snapshot, paused_gc

META_TABLE = "meta"
META_ID = "1"
MIN_COMPACTION_BYTES = 1 << 20
"""Compact once the journal exceeds this or a quarter of the snapshot, whichever is more:
the cost of a compaction is then spread over many writes, and replay stays short."""

READ_ATTEMPTS = 20
"""How many times a read-only open reads again when the writer changed the files under it."""
READ_ONLY_REASON = "the database is open read-only; nothing was saved"

Op = list[Any]
"""[table, doc_id, document or None]: put or delete one document."""


@dataclass(frozen=True, slots=True)
class Applied:
    """One document as it was and as it is now (None = absent)."""

    table: str
    doc_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def history_path(path: Path) -> Path:
    return path.with_name(path.name + ".history")


class JournalStorage(Storage):
    """Snapshot + journal on disk (path given) or the same behaviour in memory (None).

    Read-only (`read_only`), it takes in every acknowledged change but never writes: no
    journal, no compaction, nothing created; the writer may work on the files meanwhile.
    """

    def __init__(self, path: Path | None, read_only: bool = False) -> None:
        super().__init__()
        self.path = path
        self.read_only = read_only
        self.data: Tables = {}
        self.warnings: list[str] = []
        self.on_replace: Callable[[], None] = lambda: None
        self._journal: AppendOnlyFile | None = None
        self._journal_end = 0
        self._history_log = HistoryLog(history_path(path)) if path is not None else None
        self._saved_history: list[dict[str, Any]] | None = [] if path is None else None
        self._pending_history: list[dict[str, Any]] = []
        """History records in FILE.journal."""
        self._sealed_history: list[dict[str, Any]] = []
        """History records in sealed segments, not yet committed to FILE.history."""
        self._segments: list[Path] = []
        self._compaction: Compaction | None = None
        self._next_ids: dict[str, int] = {}
        self._compact_at = MIN_COMPACTION_BYTES
        self.snapshot_existed = False
        self._closed = False
        self._torn_tail = False
        if path is not None:
            if read_only:
                self._load_consistently(path)
            else:
                self._load(path)

    # -- TinyDB's Storage interface -------------------------------------------------------

    def read(self) -> Tables:
        return self.data

    def write(self, data: Tables) -> None:
        """A full write from TinyDB itself: becomes a new snapshot (atomic) at once."""
        if self.read_only:
            raise StoreWriteError(self.path, READ_ONLY_REASON)
        self.data = data
        self._next_ids.clear()
        self.compact()
        self.on_replace()

    def close(self) -> None:
        """Fold the journal into the snapshot (best effort: the journal is safe anyway)."""
        if self._closed:
            return
        self._closed = True
        if self.path is None or self.read_only:
            return
        self.wait_for_compaction()
        if self._journal_size() or self._journal is not None or self._has_unfolded_changes():
            try:
                self.compact()
            except StoreError as error:
                self.warnings.append(f"could not compact on close: {error}")
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def abandon(self) -> None:
        """Close the journal without writing anything (opening failed half way)."""
        self.wait_for_compaction()
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
        if self.read_only:
            raise StoreWriteError(self.path, READ_ONLY_REASON)
        line = line_format.encode({"ops": ops, "history": history or []})
        if self.path is not None:
            self._journal_file().append(line, sync)
        with paused_gc():  # the stored form: no aliasing with the caller's dicts
            payload = json.loads(line[9:-1])
        applied = self._apply(payload["ops"])
        self._pending_history.extend(payload["history"])
        self._collect_compaction()
        if self._compaction is None and self._journal_size() > self._compact_at:
            try:
                self._compact(background=True)
            except StoreError as error:
                self._postpone(error)
        return applied

    def sync(self) -> None:
        """fsync unsynced appends (see commit(sync=False))."""
        if self._journal is not None:
            self._journal.sync()

    def compact(self) -> None:
        """Seal the journal, then history to FILE.history, data to a new snapshot and the
        sealed segments deleted, before returning (a background compaction is waited for).

        Each step is durable before the next; a crash between any two leaves files that
        open to the same state (see compaction.py and segments.py). Raises StoreError if
        a step fails; nothing is lost, the sealed segments stay until a later compaction.
        """
        if self.path is None:
            return
        if self.read_only:
            raise StoreWriteError(self.path, READ_ONLY_REASON)
        self.wait_for_compaction()
        self._compact(background=False)

    def wait_for_compaction(self) -> None:
        """Let a background compaction finish and take in its outcome."""
        if self._compaction is not None:
            self._compaction.wait()
            self._collect_compaction()

    @property
    def compacting(self) -> bool:
        """True while a background compaction has not been taken in."""
        return self._compaction is not None

    def begin_compaction(self) -> Compaction:
        """Seal the journal and copy the tables: the compaction that would fold them, not
        yet run (compact() and writes run it; tests run it step by step)."""
        assert self.path is not None
        self._seal()
        self._sealed_history.extend(self._pending_history)
        self._pending_history = []
        return Compaction(
            self.path, tables_copy(self.data), list(self._sealed_history), list(self._segments)
        )

    def _compact(self, background: bool) -> None:
        job = self.begin_compaction()
        if background:
            self._compaction = job
            job.start()
            return
        job.run()
        self._take_in(job)
        if job.error is not None:
            raise job.error

    def _seal(self) -> None:
        """Move FILE.journal's changes to a new sealed segment (if it holds any).

        An empty FILE.journal is made if there is none, so that the next write only
        appends: a directory that accepts no new files must not refuse a tag.
        """
        assert self.path is not None
        journal = self._journal_file()
        if journal.size == 0:
            journal.drop_torn_tail()
            return
        journal.sync()
        journal.drop_torn_tail()
        journal.close()
        self._journal = None
        self._journal_end = journal.size
        self._segments.append(seal_journal(self.path, self._segments))
        self._journal_end = 0
        self._journal_file()

    def _collect_compaction(self) -> None:
        """Take in a background compaction that has finished (on the writer's thread)."""
        job = self._compaction
        if job is not None and job.done:
            job.wait()
            self._compaction = None
            self._take_in(job)
            if job.error is not None:
                self._postpone(job.error)

    def _take_in(self, job: Compaction) -> None:
        """What the finished steps of `job` made durable becomes the store's state."""
        if job.steps_done >= 2:  # the snapshot holds the sealed history's new place
            meta = self.meta()
            for name in ("history_bytes", "history_next_id"):
                if name in job.meta:
                    meta[name] = job.meta[name]
            if self._saved_history is not None:
                self._saved_history.extend(job.history)
            del self._sealed_history[: len(job.history)]
            self._compact_at = max(MIN_COMPACTION_BYTES, job.snapshot_bytes // 4)
        if job.steps_done >= 3:
            self._segments = [s for s in self._segments if s not in job.segments]

    def _postpone(self, error: StoreError) -> None:
        self.warnings.append(f"compaction postponed: {error}")
        self._compact_at *= 2

    def _journal_size(self) -> int:
        return self._journal.size if self._journal is not None else self._journal_end

    def _has_unfolded_changes(self) -> bool:
        return bool(self._pending_history or self._sealed_history or self._segments)

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
        if self._sealed_history:
            return int(self._sealed_history[-1]["id"]) + 1
        if self._saved_history:
            return int(self._saved_history[-1]["id"]) + 1
        return int(self.meta().get("history_next_id", 1))

    def history_records(self) -> list[dict[str, Any]]:
        """Every history record, oldest first (reads FILE.history the first time)."""
        self._collect_compaction()
        if self._saved_history is None:
            assert self._history_log is not None
            self._saved_history = self._history_log.load(self.meta().get("history_bytes", 0))
        return self._saved_history + self._sealed_history + self._pending_history

    # -- Loading --------------------------------------------------------------------------

    def _load_consistently(self, path: Path) -> None:
        """_load() without the lock: read again while the writer changes the files under
        the reader (see file_states.py); CorruptDatabaseError only for damage that stays."""
        journal = journal_path(path).name
        for attempt in range(READ_ATTEMPTS):
            before = replayed_files(path)
            try:
                self._load(path)
            except CorruptDatabaseError:
                if not changed_under_reader(before, replayed_files(path), journal):
                    raise
            else:
                after = replayed_files(path)
                torn_by_a_write = self._torn_tail and before.get(journal) != after.get(journal)
                if not torn_by_a_write and not changed_under_reader(before, after, journal):
                    return
            time.sleep(min(0.02 * (attempt + 1), 0.25))
        raise CorruptDatabaseError(
            path, f"it changed {READ_ATTEMPTS} times while it was being read; try again"
        )

    def _load(self, path: Path) -> None:
        """Snapshot, then sealed segments and journal replayed in order; raises
        CorruptDatabaseError before touching a file."""
        self.warnings.clear()
        self._pending_history = []
        self._torn_tail = False
        snapshot = load_snapshot(path)
        self.snapshot_existed = snapshot is not None
        self.data = snapshot or {}
        self._segments = sealed_segments(path)
        for segment in self._segments:
            self._replay_file(segment)
        self._journal_end = self._replay_file(journal_path(path))

    def _replay_file(self, journal: Path) -> int:
        """Replay one journal file; returns where its whole lines end."""
        try:
            raw = journal.read_bytes()
        except FileNotFoundError:
            return 0
        except OSError as error:
            raise CorruptDatabaseError(journal, error.strerror or str(error)) from error
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
            self._torn_tail = True
            self.warnings.append(
                f"{journal}: dropped an incomplete last change ({scan.torn_bytes} bytes) "
                "left by an interrupted write"
            )
        return scan.good_end

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
