"""Journal segments: FILE.journal takes new changes; FILE.journal.N are sealed, older ones.

A compaction first seals the journal (renames it to the next FILE.journal.N and puts a
fresh empty FILE.journal in its place), so that writes go on while the snapshot is made
in the background; the sealed segments are deleted once a snapshot holding them has
replaced FILE. Opening replays the sealed segments in order, then FILE.journal.

Every step leaves files that open to the same state: before the first rename nothing
has changed (an empty FILE.journal.next is ignored); between the renames there is no
FILE.journal, so nothing is missed; after them the new journal is empty.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from store.errors import StoreWriteError, describe_os_error
from store.files import fsync_directory


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


def seal_journal(path: Path, sealed: list[Path]) -> Path:
    """Rename FILE.journal to the next FILE.journal.N and put an empty journal in its place.

    The caller has closed the journal. Raises StoreWriteError with nothing changed if the
    fresh journal cannot be made or the journal cannot be renamed. Returns the segment.
    """
    journal = journal_path(path)
    fresh = fresh_journal_path(path)
    number = max(map(segment_number, sealed), default=0) + 1
    segment = segment_path(path, number)
    try:
        fd = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.close(fd)
    except OSError as error:
        raise StoreWriteError(fresh, describe_os_error(error)) from error
    try:
        os.rename(journal, segment)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(fresh)
        raise StoreWriteError(journal, describe_os_error(error)) from error
    # From here on the journal is sealed, whatever else fails: if the fresh journal
    # cannot be renamed, the next write creates FILE.journal; if the directory cannot be
    # synced, a power cut may bring back the old name, which opens to the same state.
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
