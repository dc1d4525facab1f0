"""Journal segments: FILE.journal takes new changes; FILE.journal.N are sealed, older ones.

A compaction first seals the journal (renames it to the next FILE.journal.N and puts a
fresh empty FILE.journal in its place), so that writes go on while the snapshot is made
in the background; the sealed segments are deleted once a snapshot holding them has
replaced FILE. Opening replays the sealed segments in order, then FILE.journal.

Every journal begins with a start mark, a line that holds no change but the next
sequence number, so that an empty journal still says where the sequence goes on: a
sealed segment that disappears leaves a gap between the last number before it and the
mark. Every step leaves files that open to the same state: before the first rename
nothing has changed (FILE.journal.next is read only when FILE.journal is missing);
between the renames there is no FILE.journal, and FILE.journal.next, already written
and fsynced, takes its place; after them the new journal holds only its mark.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from store import line_format
from store.errors import StoreWriteError, describe_os_error
from store.files import fsync_directory
from workbench.core.files.atomic import write_fully


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def fresh_journal_path(path: Path) -> Path:
    """Where the next empty journal is made before it is renamed into place."""
    return path.with_name(path.name + ".journal.next")


def segment_path(path: Path, number: int) -> Path:
    return path.with_name(f"{path.name}.journal.{number}")


def sealed_segments(path: Path) -> list[Path]:
    """The sealed segments of the database at `path`, oldest first."""
    pattern = re.compile(re.escape(path.name) + r"\.journal\.([0-9]+)")
    numbered = []
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(path.parent):
            found = pattern.fullmatch(entry.name)
            if found is not None and entry.is_file():
                numbered.append((int(found.group(1)), Path(entry.path)))
    return [segment for _number, segment in sorted(numbered)]


def segment_number(segment: Path) -> int:
    return int(segment.name.rsplit(".", 1)[1])


def start_mark(seq: int) -> bytes:
    """The first line of every journal: no change, only the sequence number it takes."""
    return line_format.encode({"seq": seq, "start": True})


def make_fresh_journal(path: Path, seq: int) -> Path:
    """FILE.journal.next holding only its start mark, fsynced; StoreWriteError if it fails.
    A file already at that name (a seal's that went no further, or another file's second
    name: a hard link, tr9 T6) is unlinked, never written through: while FILE.journal is
    there, FILE.journal.next is read by nothing."""
    fresh = fresh_journal_path(path)
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(fresh)
        fd = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
        try:
            write_fully(fd, start_mark(seq))
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(fresh)
        raise StoreWriteError(fresh, describe_os_error(error)) from error
    return fresh


def create_journal(path: Path, seq: int) -> None:
    """A new FILE.journal holding only its start mark (made whole, then renamed in)."""
    fresh = make_fresh_journal(path, seq)
    try:
        os.rename(fresh, journal_path(path))
        fsync_directory(path.parent)
    except OSError as error:
        raise StoreWriteError(journal_path(path), describe_os_error(error)) from error


def seal_journal(path: Path, sealed: list[Path], next_seq: int) -> Path:
    """Rename FILE.journal to the next FILE.journal.N and put a new journal in its place,
    holding only its start mark with `next_seq`.

    The caller has closed the journal. Raises StoreWriteError with nothing changed if the
    fresh journal cannot be made or the journal cannot be renamed. Returns the segment.
    """
    journal = journal_path(path)
    fresh = make_fresh_journal(path, next_seq)
    number = max(map(segment_number, sealed), default=0) + 1
    segment = segment_path(path, number)
    try:
        os.rename(journal, segment)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(fresh)
        raise StoreWriteError(journal, describe_os_error(error)) from error
    # From here on the journal is sealed, whatever else fails: if the fresh journal
    # cannot be renamed, it is read in its place and the next write creates FILE.journal;
    # if the directory cannot be synced, a power cut may bring back the old name, which
    # opens to the same state.
    with contextlib.suppress(OSError):
        os.rename(fresh, journal)
    with contextlib.suppress(OSError):
        fsync_directory(path.parent)
    return segment


def drop_segments(path: Path, segments: list[Path]) -> None:
    """Delete sealed segments that a snapshot now holds, oldest first, each durably.

    The order matters: replaying a newer segment alone over the snapshot is harmless,
    replaying an older one alone would bring back values the newer one replaced.
    """
    try:
        for segment in segments:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(segment)
            fsync_directory(path.parent)
    except OSError as error:
        raise StoreWriteError(path, describe_os_error(error)) from error
