"""FILE.lock: one writer at a time, released by the kernel even after kill -9.

flock() locks belong to an open file description, so a second open of the same database
in the same process is refused too. The file holds the holder's pid for the message,
and on its second line the number of the last journal change the writer saved: the one
record of what was acknowledged that lives outside the journal, so that whole lines cut
from the journal's end are seen (replay.py). It is written with pwrite after the
journal's fsync, never fsynced itself (a few microseconds on the save path): a power
cut may leave it behind the journal, never ahead of it, so it can only miss a loss,
never report one that did not happen.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
import time
import zlib
from pathlib import Path

from store.errors import (
    DatabaseLockedError,
    NotWritableError,
    StoreWriteError,
    describe_os_error,
)
from store.files import replaced_under
from workbench.core.terminal_text import name_printable

_NOT_A_LOCK_FILE = (
    "the lock file is %s; workbench keeps its own lock file at this name: remove it and "
    "run again (nothing was written)"
)
_SAVED = re.compile(rb"saved ([0-9]{20}) ([0-9a-f]{8})\n")
_READ_LIMIT = 128


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def saved_line(seq: int) -> bytes:
    """The second line: the change number, fixed width (so a rewrite never leaves a
    longer old one's tail), and the CRC-32 of that number (a torn or garbled line is
    ignored, never read as a larger number)."""
    number = b"%020d" % seq
    return b"saved %s %08x\n" % (number, zlib.crc32(number))


def parse_saved(content: bytes) -> int | None:
    """The saved change number in a lock file's content; None if it has none (a lock
    file from before it was recorded) or it does not check."""
    lines = content.split(b"\n", 1)
    found = _SAVED.match(lines[1]) if len(lines) == 2 else None
    if found is None or zlib.crc32(found.group(1)) != int(found.group(2), 16):
        return None
    return int(found.group(1))


def saved_damage(content: bytes) -> str | None:
    """Why a lock file's content holds a second line that is not a record of the last
    change saved (a garbled or torn one, which parse_saved ignores), or None: absent
    (a lock file from before it was recorded) or whole. Ignored silently, it let whole
    lines cut from the journal's end go unseen (tr14 T6): named instead."""
    lines = content.split(b"\n", 1)
    if len(lines) < 2 or not lines[1] or parse_saved(content) is not None:
        return None
    return "its record of the last change saved is damaged"


def damage_words(lock: Path, why: str) -> str:
    """The warning for a damaged record: the journal's end could not be checked."""
    return (
        f"{lock}: {why}, so whole changes missing from the journal's end (lines cut off, "
        "or an older copy put back) could not be checked for"
    )


def recorded_damage(database: Path, reads: int = 3) -> str | None:
    """saved_damage of FILE.lock, read without taking the lock; None without one. A
    writer rewrites the record after each save, so a reader may catch it half written:
    damage is named only if `reads` reads a moment apart all find it."""
    try:
        fd = os.open(lock_path(database), os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        for attempt in range(reads):
            damage = saved_damage(os.pread(fd, _READ_LIMIT, 0))
            if damage is None:
                return None
            if attempt + 1 < reads:
                time.sleep(0.02)
        return damage
    except OSError:
        return None
    finally:
        os.close(fd)


def recorded_saved(database: Path) -> int | None:
    """What the last writer recorded as saved, read without taking the lock (a
    read-only open); None without a lock file or a record in it. Creates nothing."""
    try:
        fd = os.open(lock_path(database), os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        return parse_saved(os.pread(fd, _READ_LIMIT, 0))
    except OSError:
        return None
    finally:
        os.close(fd)


def unwritable(lock: Path, error: OSError) -> str:
    """Why the lock file could not be opened for writing, as what is true of it: its
    folder on a read-only file system, the file there but not ours to write, the folder
    not ours to add it to."""
    folder = name_printable(lock.parent)
    if error.errno == errno.EROFS:
        return f"its folder {folder} is on a read-only file system"
    exists = os.path.lexists(lock)
    if error.errno in (errno.EACCES, errno.EPERM):
        which = f"lock file {name_printable(lock.name)}" if exists else f"folder {folder}"
        return f"its {which} may not be written (permission denied)"
    verb = "open" if exists else "create"
    return f"cannot {verb} its lock file {name_printable(lock.name)}: {describe_os_error(error)}"


class DatabaseLock:
    """An exclusive, non-blocking lock on a database; close() releases it."""

    def __init__(self, database: Path) -> None:
        """Take the lock or raise DatabaseLockedError naming the file and the holder's pid.

        `saved` is what the previous writer recorded as saved (kept in the file until
        record() replaces it, so a writer refused at open leaves it for the next)."""
        self.path = lock_path(database)
        try:
            # Never through a link: the lock file is truncated and written, and a link
            # there (planted, or a mistake) would have that done to whatever it names.
            self._fd: int | None = os.open(
                self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o666
            )
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise StoreWriteError(self.path, _NOT_A_LOCK_FILE % "a symbolic link") from error
            raise NotWritableError(database, self.path, unwritable(self.path, error)) from error
        found = os.fstat(self._fd)
        if not stat.S_ISREG(found.st_mode):
            os.close(self._fd)
            raise StoreWriteError(self.path, _NOT_A_LOCK_FILE % "not a regular file")
        if found.st_nlink > 1:  # truncating it would empty the other name's file (tr7 T1)
            os.close(self._fd)
            raise StoreWriteError(self.path, _NOT_A_LOCK_FILE % "a second name of another file")
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._holder()
            os.close(self._fd)
            raise DatabaseLockedError(database, holder) from None
        self.saved: int | None = None
        self.damage: str | None = None
        """saved_damage of the file as found: named by the journal's opening."""
        self.broken: str | None = None
        """Why no more is written (check_held), once the lock file was found gone."""
        with contextlib.suppress(OSError):
            found_content = os.pread(self._fd, _READ_LIMIT, 0)
            self.saved = parse_saved(found_content)
            self.damage = saved_damage(found_content)
        self._pid_line = f"{os.getpid()}\n".encode()
        kept = saved_line(self.saved) if self.saved is not None else b""
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
            os.pwrite(self._fd, self._pid_line + kept, 0)

    def _holder(self) -> int | None:
        assert self._fd is not None
        try:
            return int(os.pread(self._fd, 32, 0).split(b"\n", 1)[0].decode().strip())
        except (OSError, ValueError, UnicodeDecodeError):
            return None

    def check_held(self) -> None:
        """StoreWriteError, for this write and every later one, when the file at FILE.lock
        is no longer the one locked: removed or replaced from outside while the database
        was open ("stale lock" cleanup), another writer can open it now, and two writers'
        lines at their own offsets in one journal overwrite each other (tr7 T6). Asked
        before each journal line is written: one stat, a few microseconds."""
        if self._fd is None:
            return
        if self.broken is None:
            gone = replaced_under(self.path, self._fd)
            if gone is None:
                return
            self.broken = (
                f"the lock file {name_printable(self.path.name)} was removed or replaced while the "
                "database "
                f"was open ({gone}): another session may be writing to it now, so this one "
                "writes nothing more; quit, and open the database again"
            )
        raise StoreWriteError(self.path, self.broken)

    def record(self, seq: int) -> None:
        """Note change `seq` as saved (called once its journal line is fsynced). Best
        effort: a lock file that cannot be written only weakens the check."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.pwrite(self._fd, saved_line(seq), len(self._pid_line))
        self.saved = seq

    def close(self) -> None:
        """Release the lock (the file stays: removing it would race with a new holder)."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
