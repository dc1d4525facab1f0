"""Repair: keep every original file, write a database of what can be trusted, say what was lost.

Never automatic: opening refuses damage, and only `workbench repair --db FILE` runs this.
It takes the database's lock, then:

1. writes its plan, FILE.repairing (which files move where), atomically;
2. renames every file of the database aside, unchanged: FILE.damaged-STAMP,
   FILE.damaged-STAMP.journal.1, ... (so the damaged set is itself a database's files);
3. recovers what can be trusted from them (recovery.py);
4. writes the new FILE.history, FILE and FILE.journal, each atomically;
5. removes the plan.

A kill at any point leaves the plan: the database refuses to open until repair runs again,
which finishes the same plan (moving what is still in place, recovering from the same
damaged set, writing the same files). Nothing is ever deleted.
"""

from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from store import migrations
from store.change import change_problem
from store.errors import (
    CorruptDatabaseError,
    LinkLoopError,
    NotDamagedError,
    StoreWriteError,
    describe_os_error,
    unreadable,
)
from store.files import fsync_directory, remove_stale_temporaries, replace_atomically
from store.history_log import HistoryLog, checksum_of, history_path
from store.index import AnnotationIndex
from store.lock import DatabaseLock, damage_words, lock_path
from store.own_files import companion_refusal, linked_file_error, not_a_database
from store.reading_order import ANNOTATIONS_TABLE
from store.recovery import Recovery, recover
from store.replay import Replayed, database_files, replay
from store.replay import repair_plan_path as plan_path
from store.segments import create_journal
from store.snapshot import META_ID, META_TABLE, write_snapshot
from store.trusted import record_problem
from workbench.core.files.atomic import link_target
from workbench.core.files.links import link_loop
from workbench.core.files.regular import open_regular, read_regular
from workbench.core.terminal_text import name_printable

NEW_JOURNAL_SEQ = 1
"""The repaired database's journal begins again at change 1 (its snapshot holds none)."""


@dataclass
class RepairReport:
    """What repair did: the files moved aside, and what it found, kept and lost."""

    database: Path
    moved: list[tuple[Path, Path]] = field(default_factory=list)
    recovery: Recovery = field(default_factory=Recovery)
    healthy: bool = False
    """True if the database opened as it was: nothing was moved or written."""
    warnings: list[str] = field(default_factory=list)


def repair(path: Path, now: datetime | None = None) -> RepairReport:
    """Repair the database at `path` (see the module's docstring); raises
    DatabaseLockedError if another process holds it, StoreWriteError if a file cannot be
    moved or written (the plan stays: run it again)."""
    loop = link_loop(path)
    if loop is not None:
        raise LinkLoopError(path, loop)
    path = link_target(path)
    refused = companion_refusal(path) or linked_file_error(path) or not_a_database(path)
    if refused is not None:
        raise refused
    report = RepairReport(path)
    lock = DatabaseLock(path)
    try:
        remove_stale_temporaries(path)
        plan = plan_path(path)
        if not plan.exists():
            _check_readable(path)
            try:
                state = replay(path, lock.saved)
                _check_history_whole(path, state)
                _check_annotations_whole(path, state)
            except NotDamagedError:
                raise
            except CorruptDatabaseError:
                pass
            else:
                report.healthy = True
                report.warnings = state.warnings
                if lock.damage is not None:  # its damage is gone once the lock is taken
                    report.warnings.insert(0, damage_words(lock_path(path), lock.damage))
                return report
            _write_plan(path, now or datetime.now(UTC))
        stamp, names = _read_plan(plan)
        aside = _aside_name(path, stamp, path.name)
        _move_aside(path, stamp, names, report)
        recovery = recover(aside, shown_as=path, saved=lock.saved)
        report.recovery = recovery
        _write_database(path, recovery)
        lock.record(NEW_JOURNAL_SEQ)
        os.unlink(plan)
        fsync_directory(path.parent)
    except OSError as error:
        raise StoreWriteError(path, describe_os_error(error)) from error
    finally:
        lock.close()
    return report


def _check_readable(path: Path) -> None:
    """NotDamagedError for a file of the database this user may not read (or a folder in
    its place), before anything moves: repair would take it for damage, move it aside
    whole and rebuild without it (an unreadable snapshot lost the positions, the articles
    seen and the ledger's decisions to a repair that was not needed)."""
    for file in [*database_files(path), history_path(path)]:
        try:
            with open_regular(file):  # a FIFO is named, never waited on (rv7 R8)
                pass
        except FileNotFoundError:
            continue
        except OSError as error:
            refused = unreadable(file, error, path)
            if isinstance(refused, NotDamagedError):
                raise refused from error


def _check_history_whole(path: Path, state: Replayed) -> None:
    """Every acknowledged record of FILE.history (opening checks only its last one):
    CorruptDatabaseError if one cannot be trusted, which repair then mends."""
    if state.history_damage is not None:
        raise CorruptDatabaseError(history_path(path), state.history_damage, path)
    meta = state.tables.get(META_TABLE, {}).get(META_ID, {})
    committed = int(meta.get("history_bytes", 0))
    if committed and not state.history_restarted:
        log = HistoryLog(history_path(path), path)
        first = int(meta.get("history_first_id", 1))
        log.verify(committed, first, meta.get("history_checksum"))
        for record in log.load(committed, first):  # each whole: is it a change? (tr9 T10)
            problem = change_problem(record)
            if problem is not None:
                detail = f"its record {record.get('id')} is not one the store writes: {problem}"
                raise CorruptDatabaseError(history_path(path), detail, path)


def _check_annotations_whole(path: Path, state: Replayed) -> None:
    """Every annotation record exactly as the store writes it, one per sentence (opening
    trusts a checksummed snapshot's records as written): CorruptDatabaseError if not,
    which repair then mends."""
    tables = state.tables
    found = migrations.schema_version(tables)
    if found < migrations.SCHEMA_VERSION:  # older records are completed as opening does
        tables = migrations.migrate(copy.deepcopy(tables), found)
    table = tables.get(ANNOTATIONS_TABLE, {})
    for doc_id, record in table.items():
        problem = record_problem(record)
        if problem is not None:
            raise CorruptDatabaseError(path, f"annotation {doc_id}: {problem}", path)
    try:
        AnnotationIndex.of(table)
    except ValueError as error:
        raise CorruptDatabaseError(path, str(error), path) from error


def _write_plan(path: Path, now: datetime) -> None:
    names = [file.name for file in database_files(path) if file != plan_path(path)]
    plan = {"stamp": _free_stamp(path, now.strftime("%Y%m%dT%H%M%SZ"), names), "files": names}
    replace_atomically(plan_path(path), json.dumps(plan).encode("ascii"), follow_links=False)


def _free_stamp(path: Path, stamp: str, names: list[str]) -> str:
    """`stamp`, or with "-2", "-3" … after it, so that no file this repair moves aside
    lands on one an earlier repair kept: two repairs in one second (or a clock set back)
    had the second's damaged files overwritten, its report naming the first's (tr7 T20)."""
    candidate, number = stamp, 1
    while any(_aside_name(path, candidate, name).exists() for name in names):
        number += 1
        candidate = f"{stamp}-{number}"
    return candidate


def _aside_name(path: Path, stamp: str, name: str) -> Path:
    """Where the database's file `name` is kept by the repair of this stamp."""
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    return aside.with_name(aside.name + name[len(path.name) :])


def _read_plan(plan: Path) -> tuple[str, list[str]]:
    try:
        content = json.loads(read_regular(plan))
        return str(content["stamp"]), [str(name) for name in content["files"]]
    except (ValueError, KeyError, TypeError) as error:
        raise CorruptDatabaseError(plan, f"not a repair plan ({error!r})") from error
    except OSError as error:
        raise unreadable(plan, error) from error


def _move_aside(path: Path, stamp: str, names: list[str], report: RepairReport) -> None:
    """Rename each planned file to the damaged set's name (those already moved stay)."""
    for name in names:
        original = path.with_name(name)
        target = _aside_name(path, stamp, name)
        if original.exists() and not target.exists():
            os.rename(original, target)
        report.moved.append((original, target))
    fsync_directory(path.parent)


def _history_kept(recovery: Recovery, name: str, count: int, renumbered: bool) -> None:
    """One "Kept" line for the repaired history: what its file held and what the
    journal's changes add, renumbered or not. The file's count stood alone beside a
    second line with the whole ("history: 0 history records", then "its 69 records
    are numbered again from 1": qa21 #12), two counts of one file that disagreed."""
    read = recovery.history_read  # the count recover() read, not parsed from its words
    from_file = count if read is None else read.records
    words = f"{name}: {count:,} history records"
    if from_file != count:
        words += f" ({from_file:,} from the file, {count - from_file:,} from the journal's changes)"
    if renumbered:
        # the repaired history has no gap where records were lost (qa2 R3): say so, as
        # the ids this report names are the damaged history's
        words += (
            ", numbered again from 1 (record ids named in this report are those of the "
            "damaged history)"
        )
    if read is not None:
        recovery.kept[read.line] = words
    elif from_file != count or renumbered:
        recovery.kept.append(words)


def _write_database(path: Path, recovery: Recovery) -> None:
    """The recovered tables and history as a new database: history (ids renumbered from
    1: they are only the order), snapshot, then a journal with its start mark."""
    history = [{**record, "id": number} for number, record in enumerate(recovery.history, 1)]
    renumbered = any(
        record.get("id") != number for number, record in enumerate(recovery.history, 1)
    )
    _history_kept(recovery, name_printable(history_path(path).name), len(history), renumbered)
    meta = recovery.tables.setdefault(META_TABLE, {}).setdefault(META_ID, {})
    for stale in ("history_first_id", "history_bytes", "history_checksum"):
        meta.pop(stale, None)
    if history:
        size, crc = HistoryLog(history_path(path), path).append(history, 0, 0)
        meta["history_bytes"] = size
        if crc is not None:
            meta["history_checksum"] = checksum_of(size, crc)
    meta["history_next_id"] = len(history) + 1
    meta["journal_seq"] = NEW_JOURNAL_SEQ
    write_snapshot(path, recovery.tables)
    create_journal(path, NEW_JOURNAL_SEQ)
