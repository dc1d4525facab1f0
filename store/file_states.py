"""What a database's files looked like: how a reader without the lock knows it read one state.

A read-only open takes no lock, so the writer may seal the journal, replace the snapshot
or delete sealed segments while the reader goes through them. Every such step replaces,
creates or removes a file; the only change made in place is an append to the live
journal (and the truncation of a failed or torn append). So a reader notes the files
before and after it reads them: if none was replaced, created, removed or shortened, what
it read is one state the writer really had (appends after it read the journal are simply
changes made after the read). Otherwise it reads again.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class FileState:
    """One file as the reader saw it: which inode, how long, when its inode last changed."""

    inode: int
    size: int
    changed_ns: int


def replayed_files(path: Path) -> dict[str, FileState]:
    """FILE, FILE.journal, FILE.journal.next and every FILE.journal.N, by name."""
    wanted = re.compile(re.escape(path.name) + r"(\.journal(\.[0-9]+|\.next)?)?")
    states: dict[str, FileState] = {}
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(path.parent):
            if wanted.fullmatch(entry.name) is None:
                continue
            with contextlib.suppress(FileNotFoundError):
                found = entry.stat(follow_symlinks=True)
                states[entry.name] = FileState(found.st_ino, found.st_size, found.st_ctime_ns)
    return states


def changed_under_reader(
    before: dict[str, FileState], after: dict[str, FileState], live_journal: str
) -> bool:
    """True unless the only change is the live journal growing (appended to in place)."""
    if before.keys() != after.keys():
        return True
    for name, old in before.items():
        new = after[name]
        if name == live_journal:
            if new.inode != old.inode or new.size < old.size:
                return True
        elif new != old:
            return True
    return False
