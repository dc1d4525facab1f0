"""Durable file primitives: atomic replacement and an append-only file that rolls back.

Every write is fsynced before it counts; a failed append is truncated back so the file
never keeps half a line, and if even that fails the file refuses further writes. An
atomic replacement killed half way leaves its temporary file; the next writer removes it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from store.errors import CorruptDatabaseError, StoreWriteError, describe_os_error
from workbench.core.files.atomic import atomic_write_bytes, atomic_writer, write_fully
from workbench.core.files.regular import kind_of
from workbench.core.terminal_text import name_printable

LINK_REFUSED = "a symbolic link, not a regular file: the store never writes through one"
"""Why a link where the store keeps one of its own files is neither written nor cut."""


def fsync_directory(directory: Path) -> None:
    """Make a rename or a file creation in `directory` durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_atomically(path: Path, data: bytes, *, follow_links: bool = True) -> None:
    """Write `data` beside `path`, fsync it, rename it over `path`, fsync the folder.

    Readers see either the old file or the new one, never a mixture, even after a crash.
    Raises StoreWriteError (and removes the temporary file) if anything fails, including
    the folder's fsync: the journal is truncated only once the rename is durable.
    """
    try:
        atomic_write_bytes(path, data, sync_folder=fsync_directory, follow_links=follow_links)
    except OSError as error:
        raise StoreWriteError(path, describe_os_error(error)) from error


def write_atomically(path: Path, parts: Iterable[bytes], *, follow_links: bool = True) -> int:
    """replace_atomically() for data made piece by piece, never held whole; returns its size.
    A companion file (never a link when the store made it) is written with `follow_links`
    False: a symbolic link planted there is refused, not written through (tr7 T1)."""
    size = 0
    try:
        with atomic_writer(path, sync_folder=fsync_directory, follow_links=follow_links) as handle:
            for part in parts:
                handle.write(part)
                size += len(part)
    except OSError as error:
        raise StoreWriteError(path, describe_os_error(error)) from error
    return size


def stale_temporaries(path: Path) -> list[Path]:
    """Temporary files of this database's atomic writes (`.FILE.XXXXXXXX.tmp` for the
    snapshot, `.FILE.repairing.XXXXXXXX.tmp` for a repair plan, `.FILE.readings.XXXXXXXX.tmp`
    for the readings: mkstemp's eight random characters), left behind when a write was
    killed. Nothing else matches: not another database's (`.FILE.x.XXXXXXXX.tmp`), not an
    export's."""
    pattern = re.compile(
        r"\." + re.escape(path.name) + r"(\.repairing|\.readings)?\.[a-z0-9_]{8}\.tmp"
    )
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return []
    return [
        Path(entry.path)
        for entry in entries
        if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)
    ]


def remove_stale_temporaries(path: Path) -> None:
    """Delete stale_temporaries(path). Only the writer, holding the lock, calls this: no
    write of the database can be under way in another process."""
    for temporary in stale_temporaries(path):
        with contextlib.suppress(OSError):
            os.unlink(temporary)


_GONE = (errno.ENOENT, errno.ENOTDIR, errno.ESTALE)
"""What a stat of a file's name says when the file is no longer there (its folder gone
too, or an NFS handle gone stale)."""


def replaced_under(path: Path, descriptor: int) -> str | None:
    """Why the file open as `descriptor` is no longer the one at `path` (removed, or
    another file put there from outside while the store held it open), else None."""
    try:
        named = os.stat(path)
        held = os.fstat(descriptor)
    except OSError as error:
        if error.errno in _GONE:
            return describe_os_error(error)
        return None  # cannot tell (a passing error): not said to be gone (rv7 R4)
    if (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino):
        return None
    return "another file is there now"


class AppendOnlyFile:
    """A file that only grows by whole lines, each durable before append() returns."""

    def __init__(self, path: Path, good_end: int) -> None:
        """Open `path` (creating it); bytes after `good_end` are dropped before the next append.

        Raises StoreWriteError if the file cannot be opened or created, and
        CorruptDatabaseError if it is shorter than `good_end` (never padded with NULs)."""
        self.path = path
        created = not path.exists()
        try:
            # Never through a link: a journal, history or readings tail is the store's own
            # file, and a link planted there would have another file appended to or cut.
            self._fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666)
        except OSError as error:
            if error.errno == errno.ELOOP and path.is_symlink():
                raise StoreWriteError(path, LINK_REFUSED) from error
            raise StoreWriteError(path, describe_os_error(error)) from error
        found = os.fstat(self._fd)
        if not stat.S_ISREG(found.st_mode):
            os.close(self._fd)
            kind = kind_of(found.st_mode)
            raise StoreWriteError(path, f"{kind}, not a regular file: not written")
        if found.st_nlink > 1:  # appended to, the file its other name holds would grow too
            os.close(self._fd)
            named = name_printable(path)
            raise StoreWriteError(
                path,
                "it has another name (a hard link, from a `cp -al` copy or a dedupe tool): the "
                "store writes its own files only; give it a name of its own: "
                f"cp {named} {named}.own && mv {named}.own {named}",
            )
        if created:
            try:
                fsync_directory(path.parent)
            except OSError as error:
                os.close(self._fd)
                raise StoreWriteError(path, describe_os_error(error)) from error
        size = os.fstat(self._fd).st_size
        if size < good_end:  # appending at good_end would pad the file with NUL bytes
            os.close(self._fd)
            raise CorruptDatabaseError(
                path, f"{size} bytes long, but {good_end} bytes were already written to it"
            )
        self._end = good_end
        self._tail_dirty = size != good_end
        self.broken: str | None = None

    @property
    def size(self) -> int:
        """Bytes of whole, acknowledged lines."""
        return self._end

    def append(self, data: bytes, sync: bool = True) -> None:
        """Append `data` at the end; with sync, fsync before returning.

        On failure the file is truncated back to its previous end and StoreWriteError is
        raised; if the truncation fails too, the file is marked broken and refuses writes.
        """
        if self.broken is not None:
            raise StoreWriteError(self.path, self.broken)
        self._check_length()
        try:
            if self._tail_dirty:
                os.ftruncate(self._fd, self._end)
                self._tail_dirty = False
            os.lseek(self._fd, self._end, os.SEEK_SET)
            write_fully(self._fd, data)
            if sync:
                os.fsync(self._fd)
        except OSError as error:
            self._roll_back()
            raise StoreWriteError(self.path, describe_os_error(error)) from error
        self._end += len(data)
        if sync:
            self._check_named()

    def sync(self) -> None:
        """fsync what earlier unsynced appends wrote."""
        try:
            os.fsync(self._fd)
        except OSError as error:
            raise StoreWriteError(self.path, describe_os_error(error)) from error
        self._check_named()

    def _check_length(self) -> None:
        """StoreWriteError, for this write and every later one, when the file is not as
        long as this store left it (cut or rewritten in place from outside: a backup
        copied over the open database keeps the inode, so _check_named sees nothing).
        Written at its own offset, the line would follow a hole of NUL bytes and be
        acknowledged, then lost to the repair the hole calls for (tr8 T6). One fstat."""
        try:
            size = os.fstat(self._fd).st_size
        except OSError as error:
            raise StoreWriteError(self.path, describe_os_error(error)) from error
        if size == self._end or (size > self._end and self._tail_dirty):
            return
        self.broken = (
            f"{name_printable(self.path.name)} was changed from outside while the database was "
            "open (it is "
            f"{size:,} bytes long; {self._end:,} were written to it: a backup copied over "
            "it?); nothing more is written to it: quit, and check the database's folder "
            "(workbench repair can recover what its files still hold)"
        )
        raise StoreWriteError(self.path, self.broken)

    def _check_named(self) -> None:
        """StoreWriteError, for this write and every later one, when the file written is
        no longer the one at its path (removed or replaced from outside while the
        database was open: qa5 Q19, where tags showed "saved" into an unlinked journal
        and were gone at quit). The store renames its files only once it has closed
        them, so a difference is never its own. One stat: a few microseconds."""
        gone = replaced_under(self.path, self._fd)
        if gone is None:
            return
        self.broken = (
            f"{name_printable(self.path.name)} was removed or replaced while the database was open "
            f"({gone}): "
            "what was written since is not on disk under its name; quit, and check the "
            "database's folder (workbench repair can recover what its files still hold)"
        )
        raise StoreWriteError(self.path, self.broken)

    def truncate(self, size: int = 0) -> None:
        """Cut the file to `size` bytes, durably (this also clears a failed append's tail)."""
        try:
            os.ftruncate(self._fd, size)
            os.fsync(self._fd)
        except OSError as error:
            raise StoreWriteError(self.path, describe_os_error(error)) from error
        self._end = size
        self._tail_dirty = False
        self.broken = None

    def drop_torn_tail(self) -> None:
        """Cut bytes past the last whole line (a torn or failed append), durably."""
        if self._tail_dirty or self.broken is not None:
            self.truncate(self._end)

    def close(self) -> None:
        os.close(self._fd)

    def _roll_back(self) -> None:
        try:
            os.ftruncate(self._fd, self._end)
        except OSError as error:
            self.broken = (
                f"an earlier write failed and could not be undone ({describe_os_error(error)}); "
                "the database is read-only until it is reopened"
            )
