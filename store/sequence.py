"""Sequence numbers: every journal line carries one, so no missing or repeated change goes unseen.

The snapshot records the last number it holds (`journal_seq` in its meta). Replaying
the sealed segments and then the journal, each line must carry the number after the one
before it; the first must be at most one past the snapshot's (lines the snapshot already
holds are skipped, a crash may leave them until their segment is deleted), and the last
at least the snapshot's (every journal begins with a start mark, so the numbers reach the
snapshot's even when no change was made since). A gap is a change that is gone: a sealed
segment deleted, lines cut from a segment, a journal replaced. Without a snapshot, the
numbers must begin at 1, or changes before them are gone too.

Files from before sequence numbers have lines without one; they are accepted ahead of
every numbered line, replayed over an old snapshot and skipped under a new one (the first
compaction with numbers folded every old line into the new snapshot).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from store.errors import CorruptDatabaseError, JournalMissingError
from workbench.core.terminal_text import name_printable


@dataclass
class SequenceCheck:
    """Follows the numbers of the replayed lines and refuses the first that does not fit.

    `snapshot_seq` is the snapshot's number, None without a snapshot; `old_snapshot`
    says the snapshot predates sequence numbers.
    """

    database: Path
    snapshot_seq: int | None
    old_snapshot: bool = False
    last: int | None = None
    unnumbered: int = 0
    """Lines without a number (from before sequence numbers) seen so far."""
    changes: int = 0
    """Lines that hold a change (not a start mark)."""
    orphaned_from: int | None = None
    """Without a snapshot: the number the lines begin with, when it is not 1."""
    last_file: Path | None = None
    """The file the last numbered line was read from."""

    def follow(self, file: Path, line: int, seq: int | None, is_change: bool = True) -> bool:
        """Check one line; True if it is to be applied (the snapshot does not hold it)."""
        self.changes += is_change
        if seq is None:
            if self.last is not None:
                raise self._gap(file, line, "has no sequence number, but lines before it do")
            self.unnumbered += 1
            return self.old_snapshot or self.snapshot_seq is None
        floor = self.snapshot_seq or 0
        if self.last is None:
            if seq > floor + 1 and self.snapshot_seq is None:
                self.orphaned_from = seq  # named once every change is counted: finish()
            elif seq > floor + 1:
                raise self._gap(file, line, self._missing(floor + 1, seq - 1))
        elif seq <= self.last:
            raise self._gap(file, line, f"repeats change {seq} (change {self.last} came before)")
        elif seq > self.last + 1:
            raise self._stale(file, seq) or self._gap(
                file, line, self._missing(self.last + 1, seq - 1)
            )
        self.last, self.last_file = seq, file
        return seq > floor

    def finish(self, journal: Path) -> None:
        """After the last line: the numbers must reach the snapshot's (a new snapshot)."""
        if self.snapshot_seq is None:
            if self.unnumbered or self.orphaned_from is not None:
                begins = f" from change {self.orphaned_from} on" if self.orphaned_from else ""
                raise CorruptDatabaseError(
                    self.database,
                    f"the snapshot is missing or empty, but {self.changes:,} journal changes "
                    f"exist{begins}: it is not a new database",
                    database=self.database,
                )
            return
        if self.old_snapshot or self.snapshot_seq == 0:
            return
        if self.last is None and not journal.exists():
            raise JournalMissingError(journal, self.database)
        if self.last is None or self.last < self.snapshot_seq:
            reached = "no line" if self.last is None else f"change {self.last}"
            raise CorruptDatabaseError(
                journal,
                f"the snapshot holds changes up to {self.snapshot_seq}, but the journal "
                f"ends at {reached}: the journal is missing or was cut short",
                database=self.database,
            )

    def _stale(self, file: Path, seq: int) -> CorruptDatabaseError | None:
        """The error naming the file read before `file` when it, not `file`, is what
        does not fit: a sealed segment whose changes all end before the snapshot's while
        `file` goes on right after the snapshot's, so no change after it is missing (a
        segment older than the snapshot put back was blamed on the live journal, which
        was whole: tr9 T11); None otherwise."""
        floor, before, last = self.snapshot_seq, self.last_file, self.last
        if floor is None or before is None or before == file or last is None:
            return None
        if last >= floor or seq > floor + 1:
            return None
        return CorruptDatabaseError(
            before,
            f"it is a sealed segment older than the snapshot: its changes end at {last}, "
            f"numbers the snapshot holds already (up to {floor}), and {name_printable(file.name)} "
            "goes on "
            f"from {seq} with no change missing after the snapshot (an older segment put "
            "back?); it is not needed, so move it out of the way",
            database=self.database,
        )

    def _missing(self, first: int, last: int) -> str:
        if first == last:
            return f"comes after a missing change ({first})"
        return f"comes after {last - first + 1:,} missing changes ({first} to {last})"

    def _gap(self, file: Path, line: int, detail: str) -> CorruptDatabaseError:
        return CorruptDatabaseError(file, f"line {line} {detail}", database=self.database)
