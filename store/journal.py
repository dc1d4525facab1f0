"""JournalStorage: a TinyDB Storage that makes each change durable in O(1).

TinyDB's own writes hand the storage the whole database, which costs O(n) per change.
Here the data lives in memory (what read() returns, so TinyDB queries see it) and each
change is one checksummed, numbered line appended to FILE.journal and fsynced *before*
it is applied in memory. The journal is replayed over the snapshot (FILE) on open
(replay.py, which refuses anything it cannot trust) and folded into a new snapshot when
it grows long and on close. Every operation is an absolute put or delete by document
id, so replaying a journal over a snapshot that already contains it is harmless; the
sequence numbers say which lines the snapshot holds and that none is missing.

Folding a long journal takes a second or more at 100,000 annotations, so a save that
crosses the threshold only seals the journal and copies the tables (milliseconds); the
snapshot is written by a background thread (see compaction.py and segments.py).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

from store import line_format
from store.compaction import Compaction, tables_copy
from store.errors import CorruptDatabaseError, StoreError, StoreWriteError, describe_os_error
from store.files import AppendOnlyFile, fsync_directory
from store.history_log import HistoryLog, history_path
from store.lock import DatabaseLock, damage_words, lock_path, recorded_damage
from store.ops import Applied, Op, apply_ops, undo_ops
from store.position_record import is_position_record
from store.readings_file import ReadingsFile
from store.replay import Replayed, history_damage_warning, replay, replay_consistently
from store.segments import (
    create_journal,
    fresh_journal_path,
    journal_path,
    seal_journal,
    start_mark,
)
from store.snapshot import META_ID, META_TABLE, Tables
from store.staging import Bookmark, Staging
from workbench.core.collector import paused_gc

if TYPE_CHECKING:
    from store.read_memo import ReadMemo

MIN_COMPACTION_BYTES = 1 << 20
"""Compact once the journal exceeds this or a quarter of the snapshot, whichever is more:
the cost of a compaction is then spread over many writes, and replay stays short."""
READ_ONLY_REASON = "the database is open read-only; nothing was saved"

__all__ = ["Applied", "JournalStorage", "Op", "history_path"]


class JournalStorage(Storage):
    """Snapshot + journal on disk (path given) or the same behaviour in memory (None).

    Read-only (`read_only`), it takes in every acknowledged change but never writes: no
    journal, no compaction, nothing created; the writer may work on the files meanwhile.
    """

    def __init__(
        self,
        path: Path | None,
        read_only: bool = False,
        lock: DatabaseLock | None = None,
        memo: ReadMemo | None = None,
    ) -> None:
        """`lock` is the writer's lock: what it records as saved is checked against the
        journal, and each change is recorded there once its line is fsynced. `memo` (read
        only): what the last read-only open of this process parsed, taken again where
        the bytes are the same (store/read_memo.py)."""
        super().__init__()
        self.path = path
        self.read_only = read_only
        self.memo = memo if read_only else None
        self.data: Tables = {}
        self.warnings: list[str] = []
        self.on_replace: Callable[[], None] = lambda: None
        self._journal: AppendOnlyFile | None = None
        self._history_log = HistoryLog(history_path(path), path) if path is not None else None
        self._saved_history: list[dict[str, Any]] | None = [] if path is None else None
        self._sealed_history: list[dict[str, Any]] = []
        """History records in sealed segments, not yet committed to FILE.history."""
        self._compaction: Compaction | None = None
        self._next_ids: dict[str, int] = {}
        self._compact_at = MIN_COMPACTION_BYTES
        self._closed = False
        self.fold_short_journal_at_close = True
        """False (the app while summaries are kept: AnnotationStore.leave_short_journal):
        close() folds only a journal a save would fold (long) or a fold left unfinished."""
        self.staging_open = False
        """True while an import's staged lines wait for the line that commits them."""
        self._lock = lock
        self.readings = ReadingsFile(path, read_only, self.warnings)
        """Derived readings beside the database (readings_file.py): not its content."""
        state = Replayed()
        if path is not None:
            saved = lock.saved if lock is not None else None
            damage = lock.damage if lock is not None else recorded_damage(path)
            if damage is not None:
                self.warnings.append(damage_words(lock_path(path), damage))
            state = replay_consistently(path, self.memo) if read_only else replay(path, saved)
        self._take_state(state)
        if lock is not None:
            lock.record(self._last_seq)

    def _take_state(self, state: Replayed) -> None:
        self.data = state.tables
        self.warnings.extend(state.warnings)
        self.snapshot_existed = state.snapshot_existed
        self.snapshot_checked = state.snapshot_checked
        self.history_restarted = state.history_restarted
        """FILE.history was missing and starts afresh; the writer records it at once."""
        self.history_damage = state.history_damage
        """Why FILE.history cannot be trusted (found on opening, or by the first
        compaction's check), or None. While it is set nothing is appended to it: no
        compaction runs, and every change, with its history record, stays in the
        journal (durable and complete) until `workbench repair` mends the history."""
        self._history_verified = False
        """FILE.history's acknowledged bytes were checked whole this session."""
        self._segments = state.segments
        self._pending_history = state.pending_history
        """History records in FILE.journal (and, after opening, the sealed segments)."""
        self._last_seq = state.last_seq
        """The sequence number of the last line written or replayed."""
        self._live_file = state.live_file
        self._journal_end = state.journal_end
        self._live_changes = state.live_changes
        """Changes in the live journal (not its start mark): a seal moves them."""
        self._live_positions = state.live_positions
        """Of those, cursor position records: a journal of nothing else is not folded
        at close (position_record.py)."""

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
        """Fold the journal into the snapshot, unless it holds only cursor positions, or
        is short and left as it is (fold_short_journal_at_close); best effort: the
        journal is safe anyway."""
        if self._closed:
            return
        self._closed = True
        if self.path is None or self.read_only:
            return
        self.wait_for_compaction()
        if self._fold_due_at_close():
            try:
                self.compact()
            except StoreError as error:
                if self.history_damage is None:  # else already said, when it was found
                    self.warnings.append(f"could not compact on close: {error}")
        self.readings.close()
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def abandon(self) -> None:
        """Close the journal without writing anything (opening failed half way)."""
        self.wait_for_compaction()
        self.readings.close(fold=False)
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    # -- Durable changes ------------------------------------------------------------------

    def commit(
        self,
        ops: list[Op],
        history: list[dict[str, Any]] | None = None,
        sync: bool = True,
        compact: bool = True,
    ) -> list[Applied]:
        """Make `ops` (and their history records) durable as one line, then apply them.

        Raises StoreWriteError with nothing changed if the line cannot be written. A
        caller writing many lines at once passes `compact=False` and calls
        compact_if_long() after the last: one compaction instead of one per megabyte.
        """
        applied = self.append_line(ops, history or [], sync=sync)
        if compact:
            self.compact_if_long()
        return applied

    def staging(self) -> Staging:
        """Lines written and applied one by one that count only once the last is written
        (an import too large for one line): see staging.py."""
        return Staging(self)

    def append_line(
        self,
        ops: list[Op],
        history: list[dict[str, Any]],
        sync: bool = True,
        staged: bool = False,
        owned: bool = False,
    ) -> list[Applied]:
        """Write one numbered line (marked `staged`: not acknowledged until a line without
        the mark follows), then apply it. Unless `owned` (fresh dicts nobody else holds),
        the documents applied are parsed back from the line, so the caller's are never
        aliased. StoreWriteError with nothing changed if the line cannot be written."""
        if self._closed:
            raise StoreWriteError(self.path, "the database has been closed")
        if self.read_only:
            raise StoreWriteError(self.path, READ_ONLY_REASON)
        journal = self._journal_file() if self.path is not None else None
        seq = self._last_seq + 1
        payload: dict[str, Any] = {"seq": seq, "ops": ops, "history": history}
        if staged:
            payload = {"seq": seq, "staged": True, "ops": ops, "history": history}
        line = line_format.encode(payload)
        if self._lock is not None:
            self._lock.check_held()
        if journal is not None:
            journal.append(line, sync)
        self._last_seq = seq
        if sync and not staged and self._lock is not None:
            self._lock.record(seq)  # acknowledged: durable, and no import left open
        self._live_changes += 1
        if not owned:
            with paused_gc():  # the stored form: no aliasing with the caller's dicts
                payload = json.loads(line[9:-1])
        self._live_positions += is_position_record(payload)
        applied = apply_ops(self.data, payload["ops"])
        self._pending_history.extend(payload["history"])
        return applied

    def bookmark(self) -> Bookmark:
        """Where the storage stands now (the journal made first if it is not there)."""
        if self.path is not None:
            self._journal_file()
        return Bookmark(
            self._journal_size(), self._last_seq, len(self._pending_history), self._live_changes
        )

    def roll_back(self, bookmark: Bookmark, applied: list[Applied]) -> None:
        """Take back the lines written since `bookmark`: cut them off the journal, undo
        `applied` in memory. If the journal cannot be cut, it refuses every write until
        the database is reopened (the cut-off lines, never committed, are then dropped)."""
        if self._journal is not None:
            try:
                if self._lock is not None:
                    # another writer may append to this journal now: cut nothing of it
                    # (rv7 R7: the cut took the other writer's acknowledged lines)
                    self._lock.check_held()
                self._journal.truncate(bookmark.journal_end)
            except StoreError as error:
                self._journal.broken = (
                    f"an import could not be taken back ({error}); the database is "
                    "read-only until it is reopened, which drops it"
                )
        undo_ops(self.data, applied)
        self._last_seq = bookmark.last_seq
        del self._pending_history[bookmark.pending_history :]
        self._live_changes = bookmark.live_changes
        self._live_positions = min(self._live_positions, self._live_changes)

    def compact_if_long(self) -> None:
        """Start a background compaction once the journal is long (never inside staging)."""
        self._collect_compaction()
        if self.staging_open or self._compaction is not None or self.history_damage:
            return
        if self._journal_size() > self._compact_at:
            try:
                self._compact(background=True)
            except StoreError as error:
                self._postpone(error)

    def sync(self) -> None:
        """fsync unsynced appends (see commit(sync=False))."""
        if self._journal is not None:
            self._journal.sync()
            if self._lock is not None and not self.staging_open:
                self._lock.record(self._last_seq)

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
        if self.history_damage is not None:
            raise StoreWriteError(self.path, f"not compacted: {self.history_damage}")
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
            self.path,
            tables_copy(self.data),
            list(self._sealed_history),
            list(self._segments),
            readings=self.readings.seal(),
            journal_seq=self._last_seq,
            verify_history=not self._history_verified,
        )

    def _compact(self, background: bool) -> None:
        if self._lock is not None:
            self._lock.check_held()  # another writer may hold a new lock: fold nothing
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

        The journal is made (with its start mark) if there is none, so that the next
        write only appends: a directory that accepts no new files must not refuse a tag.
        """
        assert self.path is not None
        journal = self._journal_file()
        if not self._live_changes:
            journal.drop_torn_tail()
            return
        journal.sync()
        journal.drop_torn_tail()
        journal.close()
        self._journal = None
        self._journal_end = journal.size
        self._segments.append(seal_journal(self.path, self._segments, self._last_seq + 1))
        self._last_seq += 1
        self._live_changes = 0
        self._live_positions = 0
        self._journal_end = len(start_mark(self._last_seq))
        fresh = journal_path(self.path)
        self._live_file = fresh if fresh.exists() else fresh_journal_path(self.path)
        self._journal_file()

    def _journal_file(self) -> AppendOnlyFile:
        """The live journal, opened when the first write needs it: made (as a whole file
        with its start mark) if there is none, put in place if a seal left it as
        FILE.journal.next, and given a start mark if it is empty."""
        if self._journal is not None:
            return self._journal
        assert self.path is not None
        journal = journal_path(self.path)
        if self._live_file is None:
            create_journal(self.path, self._last_seq + 1)
            self._last_seq += 1
            self._journal_end = len(start_mark(self._last_seq))
        elif self._live_file != journal:
            try:
                os.rename(self._live_file, journal)
                fsync_directory(self.path.parent)
            except OSError as error:
                raise StoreWriteError(journal, describe_os_error(error)) from error
        self._live_file = journal
        self._journal = AppendOnlyFile(journal, self._journal_end)
        if self._journal_end == 0:
            self._journal.append(start_mark(self._last_seq + 1))
            self._last_seq += 1
        return self._journal

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
        self._history_verified = self._history_verified or job.history_verified
        if isinstance(job.error, CorruptDatabaseError) and job.error.path == history_path(
            job.path
        ):  # the check before the first append found damage: nothing was appended
            self.history_damage = history_damage_warning(job.error.path, job.error.detail, job.path)
            self.warnings.append(self.history_damage)
        if job.steps_done >= 2:  # the snapshot holds the sealed history's new place
            meta = self.meta()
            for name in ("history_bytes", "history_next_id", "history_checksum"):
                if name in job.meta:
                    meta[name] = job.meta[name]
                else:
                    meta.pop(name, None)
            if self._saved_history is not None:
                self._saved_history.extend(job.history)
            del self._sealed_history[: len(job.history)]
            self.history_restarted = False
            self._compact_at = max(MIN_COMPACTION_BYTES, job.snapshot_bytes // 4)
        if job.steps_done >= 3:
            self._segments = [s for s in self._segments if s not in job.segments]

    def _postpone(self, error: StoreError) -> None:
        if self.history_damage is not None:
            return  # named once, when found; compactions wait for the repair
        self.warnings.append(f"compaction postponed: {error}")
        self._compact_at *= 2

    def _journal_size(self) -> int:
        return self._journal.size if self._journal is not None else self._journal_end

    def _holds_content(self) -> bool:
        """The live journal holds a change other than cursor positions. One holding only
        positions is left to the next compaction at close: folding it would rewrite the
        snapshot for no content, and the token of a session spent reading would move
        (content_token.py leaves positions ending the journal out)."""
        return self._live_changes > self._live_positions

    def _fold_due_at_close(self) -> bool:
        """Whether close() folds. Folding moves the content token (content_token.py: the
        files' bytes) without changing the content, so a summary kept for the session's
        last pause would be computed again after it; a short journal is as durable and
        as quickly replayed at the next open as during the session, so, unless asked to
        fold it, close leaves it as the session left it: what a save would fold is
        folded, and so is a fold a failure left unfinished (sealed segments, their
        history, FILE.history started afresh) or an import's staged lines."""
        if self.history_damage is not None:
            return False
        if not (self._holds_content() or self._has_unfolded_changes()):
            return False
        if self.fold_short_journal_at_close or self.staging_open:
            return True
        unfinished = self._sealed_history or self._segments or self.history_restarted
        return bool(unfinished) or self._journal_size() > self._compact_at

    def _has_unfolded_changes(self) -> bool:
        return bool(
            self._pending_history
            or self._sealed_history
            or self._segments
            or self.history_restarted
        )

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

    def verify_history(self) -> None:
        """HistoryLog.verify of the acknowledged history (AnnotationStore.verify_history)."""
        self._collect_compaction()
        if self._history_log is None:
            return
        meta = self.meta()
        self._history_log.verify(
            int(meta.get("history_bytes", 0)),
            int(meta.get("history_first_id", 1)),
            meta.get("history_checksum"),
        )

    def history_records(self) -> list[dict[str, Any]]:
        """Every history record, oldest first (reads FILE.history the first time;
        CorruptDatabaseError if a record in it cannot be trusted)."""
        self._collect_compaction()
        if self._saved_history is None:
            assert self._history_log is not None
            meta = self.meta()
            self._saved_history = self._history_log.load(
                int(meta.get("history_bytes", 0)), int(meta.get("history_first_id", 1))
            )
        return self._saved_history + self._sealed_history + self._pending_history
