"""FILE.lock: one writer at a time, released by the kernel even after kill -9.

flock() locks belong to an open file description, so a second open of the same database
in the same process is refused too. The file holds the holder's pid for the message.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from store.errors import DatabaseLockedError, StoreWriteError, describe_os_error


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class DatabaseLock:
    """An exclusive, non-blocking lock on a database; close() releases it."""

    def __init__(self, database: Path) -> None:
        """Take the lock or raise DatabaseLockedError naming the file and the holder's pid."""
        self.path = lock_path(database)
        try:
            self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise StoreWriteError(
                self.path, f"cannot create the lock file: {describe_os_error(error)}"
            ) from error
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._holder()
            os.close(self._fd)
            raise DatabaseLockedError(database, holder) from None
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
            os.pwrite(self._fd, f"{os.getpid()}\n".encode(), 0)

    def _holder(self) -> int | None:
        assert self._fd is not None
        try:
            return int(os.pread(self._fd, 32, 0).decode().strip())
        except (OSError, ValueError, UnicodeDecodeError):
            return None

    def close(self) -> None:
        """Release the lock (the file stays: removing it would race with a new holder)."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
