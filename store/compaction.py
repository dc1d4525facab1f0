"""Compaction: fold sealed journal segments into FILE.history and a new snapshot.

The writer seals the journal and takes a cheap copy of the tables (a new dict per
table; documents are never changed in place, only replaced) at one instant; from then
on a Compaction touches nothing the writer uses, so it can run in a background thread
while saves go on into the fresh journal. Its steps, each durable before the next:

1. append the sealed history records to FILE.history (past its committed size);
2. write the snapshot atomically (it records the new committed history size and the
   last journal sequence number it holds, and ends with its checksum);
3. delete the sealed segments it holds, oldest first.

A crash after any step opens to the same state: FILE.history past the committed size
is ignored, and sealed segments replayed over a snapshot that holds them change nothing.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.errors import StoreError, StoreWriteError
from store.history_log import HistoryLog, checksum_of, history_path, recorded_crc
from store.reading_order import ANNOTATIONS_TABLE, in_reading_order
from store.readings_file import ReadingsFold
from store.segments import drop_segments
from store.snapshot import META_ID, META_TABLE, Tables, write_snapshot

BACKGROUND_SWITCH_INTERVAL = 0.0005
"""Seconds between interpreter-lock hand-overs while a compaction runs in the background."""


def tables_copy(tables: Tables) -> Tables:
    """A copy that later puts and deletes do not reach: one new dict per table, the
    documents shared (they are replaced, never changed), the meta document copied."""
    copied = {name: dict(table) for name, table in tables.items()}
    if META_ID in copied.get(META_TABLE, {}):
        copied[META_TABLE][META_ID] = dict(copied[META_TABLE][META_ID])
    return copied


@dataclass
class Compaction:
    """One compaction's inputs and, once it has run, its outcome."""

    path: Path
    tables: Tables
    history: list[dict[str, Any]]
    segments: list[Path]
    journal_seq: int = 0
    """The sequence number of the last journal line the tables hold."""
    readings: ReadingsFold | None = None
    """The sealed readings tail to fold (readings_file.py): run last, its failure only
    a warning of its own, never the compaction's."""
    verify_history: bool = False
    """Check FILE.history's acknowledged bytes before appending to them (the first
    compaction of a session): a writer never appends to a history it cannot trust."""
    history_verified: bool = False
    snapshot_bytes: int = 0
    error: StoreError | None = None
    done: bool = False
    steps_done: int = 0
    _thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def meta(self) -> dict[str, Any]:
        return self.tables.setdefault(META_TABLE, {}).setdefault(META_ID, {})

    def append_history(self) -> None:
        """Step 1: the history records to FILE.history, noted in the snapshot's meta with
        the CRC-32 of the whole file (checked first if `verify_history`: damage raises
        CorruptDatabaseError, and nothing is appended)."""
        if not self.history:
            return
        log = HistoryLog(history_path(self.path), self.path)
        meta = self.meta
        committed = int(meta.get("history_bytes", 0))
        crc = recorded_crc(meta.get("history_checksum"), committed)
        if self.verify_history:
            crc = log.verify(
                committed, int(meta.get("history_first_id", 1)), meta.get("history_checksum")
            )
            self.history_verified = True
        size, crc = log.append(self.history, committed, crc)
        meta["history_bytes"] = size
        meta.pop("history_checksum", None)
        if crc is not None:
            meta["history_checksum"] = checksum_of(size, crc)
        meta["history_next_id"] = int(self.history[-1]["id"]) + 1

    def write_snapshot(self) -> None:
        """Step 2: the tables replace FILE atomically, annotations in reading order, with
        the last journal sequence number they hold and their checksum."""
        self.meta["journal_seq"] = self.journal_seq
        if ANNOTATIONS_TABLE in self.tables:
            self.tables[ANNOTATIONS_TABLE] = in_reading_order(self.tables[ANNOTATIONS_TABLE])
        self.snapshot_bytes = write_snapshot(self.path, self.tables)

    def drop_segments(self) -> None:
        """Step 3: the sealed segments the snapshot holds are deleted."""
        drop_segments(self.path, self.segments)

    def run(self) -> None:
        """Every step in order; a failure stops it and is kept in `error` (as a StoreError)."""
        switch_interval = sys.getswitchinterval()
        if self._thread is not None:
            # A thread that wants the interpreter lock waits up to this interval for the
            # compaction to let go; 5 ms, several times per save, is a visible stall.
            sys.setswitchinterval(BACKGROUND_SWITCH_INTERVAL)
        try:
            for step in (self.append_history, self.write_snapshot, self.drop_segments):
                step()
                self.steps_done += 1
        except StoreError as error:
            self.error = error
        except Exception as error:  # a background thread must report, not die
            self.error = StoreWriteError(self.path, f"compaction failed: {error!r}")
        finally:
            if self.readings is not None:
                self.readings.run()
            sys.setswitchinterval(switch_interval)
            self.done = True

    def start(self) -> None:
        """Run in a background thread (non-daemon: exiting waits for the snapshot)."""
        self._thread = threading.Thread(target=self.run, name="store-compaction")
        self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
