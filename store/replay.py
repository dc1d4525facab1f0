"""Reading a database: the snapshot, then its sealed segments and journal replayed in order.

Nothing that cannot be trusted is taken in. The snapshot must pass its checksum; every
journal line must pass its checksum and carry the next sequence number (sequence.py);
a sealed segment must be whole. The one exception is the last line of the live journal
when it has no newline: a write cut short by a crash, never acknowledged, so it is
dropped, and `warnings` says which file and how many bytes. Anything else raises
CorruptDatabaseError naming the file and the line, before any file is touched.

A missing FILE.history where bytes of it were acknowledged is the other thing that is
not refused: the history starts afresh from the next change, with a warning (see
`history_restarted`). A shortened one is refused.

A read-only open reads without the lock; replay_consistently() reads again while the
writer changes the files under it (file_states.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store import line_format
from store.errors import CorruptDatabaseError, SchemaVersionError, unreadable
from store.file_states import changed_under_reader, replayed_files
from store.history_log import HistoryLog, history_path
from store.lock import lock_path, recorded_saved
from store.migrations import SCHEMA_VERSION
from store.ops import Applied, apply_ops, undo_ops
from store.position_record import is_position_record
from store.segments import fresh_journal_path, journal_path, sealed_segments
from store.sequence import SequenceCheck
from store.snapshot import META_ID, META_TABLE, Snapshot, Tables, load_snapshot
from store.snapshot_records import ops_problem, snapshot_problem
from workbench.core.collector import paused_gc
from workbench.core.files.atomic import link_target
from workbench.core.files.regular import open_regular
from workbench.core.terminal_text import name_printable

if TYPE_CHECKING:
    from store.read_memo import ReadMemo

READ_ATTEMPTS = 20
"""How many times a read-only open reads again when the writer changed the files under it."""


@dataclass
class Replayed:
    """The state a database's files hold, and what reading them found."""

    tables: Tables = field(default_factory=dict)
    snapshot_existed: bool = False
    snapshot_checked: bool = True
    """False for a snapshot from before checksums: its records were never vouched for."""
    segments: list[Path] = field(default_factory=list)
    pending_history: list[dict[str, Any]] = field(default_factory=list)
    """History records in the segments and journal, not yet in FILE.history."""
    last_seq: int = 0
    live_file: Path | None = None
    """The file read as the live journal: FILE.journal, FILE.journal.next in its place
    (a seal cut short between its renames), or None."""
    journal_end: int = 0
    """Where the live journal's whole lines end."""
    live_changes: int = 0
    """Lines in the live journal that hold a change (not its start mark)."""
    live_positions: int = 0
    """Of those, cursor position records (position_record.py): no content."""
    torn_tail: bool = False
    history_restarted: bool = False
    """FILE.history was missing: the tables now say it starts afresh (write them)."""
    history_damage: str | None = None
    """Why FILE.history cannot be trusted (its last record fails), or None: the
    annotations are not affected, and a writer adds nothing to it (journal.py)."""
    warnings: list[str] = field(default_factory=list)


def repair_plan_path(path: Path) -> Path:
    """FILE.repairing: present while a repair is under way (see repair.py)."""
    return path.with_name(path.name + ".repairing")


def database_files(path: Path) -> list[Path]:
    """The files that hold the database's content: snapshot, journal, segments, history,
    and the plan of a repair under way (an empty list: there is no database at `path`)."""
    path = link_target(path)
    candidates = [path, journal_path(path), fresh_journal_path(path), history_path(path)]
    candidates.append(repair_plan_path(path))
    return [file for file in candidates if file.exists()] + sealed_segments(path)


def replay(path: Path, saved: int | None = None, memo: ReadMemo | None = None) -> Replayed:
    """Read the database at `path`; CorruptDatabaseError if anything cannot be trusted.

    `saved` is the last change a writer recorded as saved in FILE.lock (lock.py): a
    journal that ends before it lost whole lines from its end. `memo`: a snapshot of
    the very bytes checked before is not parsed again (store/read_memo.py)."""
    if repair_plan_path(path).exists():
        raise CorruptDatabaseError(
            path, "a repair of it was interrupted: run the repair again to finish it", path
        )
    snapshot = _snapshot(path, memo)
    state = Replayed(
        tables=snapshot.tables if snapshot else {},
        snapshot_existed=snapshot is not None,
        snapshot_checked=snapshot is None or snapshot.checked,
    )
    check = SequenceCheck(
        path,
        snapshot_seq=None if snapshot is None else snapshot.journal_seq,
        old_snapshot=snapshot is not None and not snapshot.checked,
    )
    state.segments = sealed_segments(path)
    for segment in state.segments:
        _replay_file(path, segment, check, state, live=False)
    live = journal_path(path)
    if not live.exists() and fresh_journal_path(path).exists():
        live = fresh_journal_path(path)
    if live.exists():
        state.live_file = live
        state.journal_end = _replay_file(path, live, check, state, live=True)
    check.finish(journal_path(path))
    state.last_seq = check.last or 0
    numbered = state.snapshot_checked and (snapshot is not None or state.last_seq > 0)
    if saved is not None and numbered and state.last_seq < saved:
        _refuse_cut_journal(path, state.last_seq, saved)
    _check_history(path, snapshot, check, state)
    return state


def _refuse_cut_journal(path: Path, last: int, saved: int) -> None:
    """Whole lines cut from the journal's end (a torn line is told apart by its missing
    newline; these are complete, so only the record in FILE.lock shows them)."""
    gone = f"change {saved} is" if saved == last + 1 else f"changes {last + 1} to {saved} are"
    raise CorruptDatabaseError(
        journal_path(path),
        f"it ends at change {last}, but {name_printable(lock_path(path).name)} records change "
        f"{saved} as "
        f"saved: {gone} missing from its end (lines cut off, or an older copy of the "
        "database put back)",
        database=path,
    )


def replay_consistently(path: Path, memo: ReadMemo | None = None) -> Replayed:
    """replay() without the lock: read again while the writer changes the files under the
    reader; CorruptDatabaseError only for damage that stays."""
    journal = journal_path(path).name
    for attempt in range(READ_ATTEMPTS):
        before = replayed_files(path)
        try:
            state = replay(path, recorded_saved(path), memo)  # the record first, then the lines
        except CorruptDatabaseError:
            if not changed_under_reader(before, replayed_files(path), journal):
                raise
        else:
            after = replayed_files(path)
            torn_by_a_write = state.torn_tail and before.get(journal) != after.get(journal)
            if not torn_by_a_write and not changed_under_reader(before, after, journal):
                return state
        time.sleep(min(0.02 * (attempt + 1), 0.25))
    raise CorruptDatabaseError(
        path, f"it changed {READ_ATTEMPTS} times while it was being read; try again"
    )


def _snapshot(path: Path, memo: ReadMemo | None = None) -> Snapshot | None:
    """The snapshot, refused if it is damaged; SchemaVersionError first if it is newer
    than this program (a newer program may have changed the form itself). With `memo`,
    one that passes every check at this version is remembered for the next read."""
    try:
        snapshot = load_snapshot(path, memo)
        if snapshot is None or snapshot.vouched:
            return snapshot  # vouched: these very bytes passed the checks below
        version = snapshot.schema_version
        if version is not None and version > SCHEMA_VERSION:
            raise SchemaVersionError(path, version, SCHEMA_VERSION)
        snapshot.check_unchecked(path)
        whole = snapshot.checked and version == SCHEMA_VERSION
        problem = snapshot_problem(snapshot.tables, records=whole)
        if problem is not None:
            raise CorruptDatabaseError(path, problem)
        if memo is not None and whole:
            snapshot = Snapshot(memo.vouch(snapshot.tables), checked=True)
    except CorruptDatabaseError as error:
        raise error.of_database(path) from error
    return snapshot


@dataclass
class _StagedRun:
    """Staged lines of an import read so far, waiting for the line that commits them."""

    start: int
    seq_before: int | None
    lines: int = 0
    applied: list[Applied] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)


def _replay_file(
    database: Path, file: Path, check: SequenceCheck, state: Replayed, live: bool
) -> int:
    """Check and apply one journal file's lines; returns where its whole lines end."""
    try:
        handle = open_regular(file)
    except FileNotFoundError as error:
        raise CorruptDatabaseError(
            file, "it disappeared while it was read", database=database
        ) from error
    except OSError as error:
        raise unreadable(file, error, database) from error
    tables = state.tables
    saved_through = int(tables.get(META_TABLE, {}).get(META_ID, {}).get("history_next_id", 1))
    good_end = 0
    run: _StagedRun | None = None
    with handle, paused_gc():
        for line in line_format.read_lines(handle):
            if isinstance(line, line_format.TornLine):
                if not live:
                    raise _damaged(database, file, line.number, line.offset, "is cut short")
                state.torn_tail = True
                state.warnings.append(
                    f"{name_printable(file)}: dropped an incomplete last change ({line.size} "
                    "bytes) "
                    "left by an interrupted write"
                )
                break
            if isinstance(line, line_format.BadLine):
                raise _damaged(database, file, line.number, line.offset, f"fails: {line.reason}")
            seq, ops, history, staged = _parts(database, file, line)
            if staged and run is None:
                run = _StagedRun(line.offset, check.last)
            elif ops is None and run is not None:
                raise _damaged(database, file, line.number, line.offset, "starts inside an import")
            applied: list[Applied] = []
            if check.follow(file, line.number, seq, ops is not None) and ops is not None:
                # A numbered line puts only records the store writes (lines from before
                # sequence numbers may hold older shapes: the migrations complete those).
                problem = ops_problem(ops) if seq is not None else None
                if problem is not None:
                    raise _damaged(database, file, line.number, line.offset, problem)
                try:
                    applied = apply_ops(tables, ops)
                    added = [r for r in history if r["id"] >= saved_through]
                except (KeyError, TypeError, ValueError) as error:
                    raise _damaged(
                        database, file, line.number, line.offset, f"is not a change ({error!r})"
                    ) from error
                if run is not None:
                    run.history.extend(added)
                else:
                    state.pending_history.extend(added)
            if run is not None:
                run.lines += 1
                if staged:
                    run.applied.extend(applied)
                else:  # the line that commits the import
                    state.pending_history.extend(run.history)
                    run = None
            state.live_changes += live and ops is not None
            state.live_positions += live and is_position_record(line.payload)
            good_end = line.end
    if run is not None:
        good_end = _drop_uncommitted(database, file, run, good_end, check, state, live)
    return good_end


def _drop_uncommitted(
    database: Path,
    file: Path,
    run: _StagedRun,
    good_end: int,
    check: SequenceCheck,
    state: Replayed,
    live: bool,
) -> int:
    """An import whose committing line never came: its staged lines are taken back (at
    the end of the live journal: a crash during the import); returns the new good end."""
    if not live:
        raise CorruptDatabaseError(
            file, "it ends inside an import that was never committed", database=database
        )
    undo_ops(state.tables, run.applied)
    check.last = run.seq_before
    state.live_changes -= run.lines
    state.torn_tail = True
    state.warnings.append(
        f"{name_printable(file)}: dropped an import cut short ({run.lines:,} lines, "
        f"{good_end - run.start:,} bytes) that was never committed"
    )
    return run.start


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """What one journal line says: its sequence number (None on a line from before
    sequence numbers), its ops (None for a start mark), its history records, and whether
    it is a staged line of an import (staging.py)."""

    seq: int | None
    ops: list[Any] | None
    history: list[Any]
    staged: bool = False


def journal_entry(payload: Any) -> JournalEntry | None:
    """The entry of a decoded line; None if it is not one (a checksummed line can still
    hold something else)."""
    if not isinstance(payload, dict):
        return None
    seq = payload.get("seq")
    numbered = type(seq) is int and seq > 0
    if payload.get("start") is True and numbered and "ops" not in payload:
        return JournalEntry(seq, None, [])
    ops, history = payload.get("ops"), payload.get("history", [])
    staged = payload.get("staged", False)
    well_formed = isinstance(ops, list) and isinstance(history, list)
    if well_formed and staged in (True, False) and (numbered or "seq" not in payload):
        return JournalEntry(seq, ops, history, staged is True)
    return None


def _parts(
    database: Path, file: Path, line: line_format.Line
) -> tuple[int | None, list[Any] | None, list[Any], bool]:
    """(sequence number or None, ops or None for a start mark, history records, staged)."""
    entry = journal_entry(line.payload)
    if entry is None:
        raise _damaged(database, file, line.number, line.offset, "is not a journal change")
    return entry.seq, entry.ops, entry.history, entry.staged


def _damaged(
    database: Path, file: Path, number: int, offset: int, what: str
) -> CorruptDatabaseError:
    return CorruptDatabaseError(file, f"line {number} (byte {offset}) {what}", database=database)


def _check_history(
    path: Path, snapshot: Snapshot | None, check: SequenceCheck, state: Replayed
) -> None:
    """FILE.history beside the snapshot: present and at least as long as acknowledged.

    Only its size and its last acknowledged record are looked at (opening never reads
    it whole); a last record that fails is damage named in a warning, not a refusal (the
    annotations do not depend on it; see journal.py). Missing where bytes were
    acknowledged, it starts afresh: a warning, and the tables say so. Beside no snapshot
    and no journal line, a history that is not empty means the snapshot was lost.
    """
    log = HistoryLog(history_path(path), database=path)
    size = log.size()
    if snapshot is None:
        if size and check.last is None and not check.unnumbered:
            raise CorruptDatabaseError(
                path,
                f"the snapshot is missing or empty, but {name_printable(log.path)} holds {size:,} "
                "bytes of "
                "history: it is not a new database",
                database=path,
            )
        return
    meta = state.tables.setdefault(META_TABLE, {}).setdefault(META_ID, {})
    committed = int(meta.get("history_bytes", 0))
    if not committed:
        return
    if size is None:
        next_id = int(meta.get("history_next_id", 1))
        state.warnings.append(
            f"{name_printable(log.path)} is missing: the history of changes before change "
            f"{next_id} is "
            "lost; a new history starts with it"
        )
        meta["history_bytes"] = 0
        meta["history_first_id"] = next_id
        state.history_restarted = True
    elif size < committed:
        raise CorruptDatabaseError(
            log.path,
            f"{size:,} bytes long, but {committed:,} bytes of history were written",
            database=path,
        )
    else:
        last_id = int(meta.get("history_next_id", 1)) - 1
        problem = log.tail_problem(committed, last_id)
        if problem is not None:
            state.history_damage = history_damage_warning(log.path, problem, path)
            state.warnings.append(state.history_damage)


def history_damage_warning(history: Path, problem: str, database: Path) -> str:
    """What every command says about a damaged FILE.history: the audit trail cannot be
    trusted, the annotations can, and what mends it."""
    return (
        f"{name_printable(history)}: {problem}: the history of changes cannot be trusted (the "
        "annotations "
        f"are not affected), and nothing more is added to it until `workbench repair --db "
        f"{name_printable(database)}` mends it"
    )
