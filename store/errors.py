"""Store errors: each message names the file, so the CLI can print it as one line."""

from __future__ import annotations

import errno
from pathlib import Path


class StoreError(Exception):
    """Base class: anything the store refuses or cannot do."""


class DatabaseLockedError(StoreError):
    """Another process (or another open store in this one) holds the database."""

    def __init__(self, path: Path, pid: int | None) -> None:
        self.path = path
        self.pid = pid
        holder = f"process {pid}" if pid is not None else "another process"
        super().__init__(f"{path} is in use by {holder}; close it there first")


class CorruptDatabaseError(StoreError):
    """A file cannot be read or trusted; every file has been left exactly as it was.

    `path` is the damaged file, `database` the database it belongs to (when known): the
    message then says how to recover what can be."""

    def __init__(self, path: Path, detail: str, database: Path | None = None) -> None:
        self.path = path
        self.detail = detail
        self.database = database
        advice = (
            f"; run `workbench repair --db {database}` to recover what can be"
            if database is not None
            else ""
        )
        super().__init__(f"{path} cannot be read ({detail}); it was left untouched{advice}")

    def of_database(self, database: Path) -> CorruptDatabaseError:
        """The same error, naming the database it belongs to."""
        return self if self.database else CorruptDatabaseError(self.path, self.detail, database)


class StoreWriteError(StoreError):
    """A change could not be made durable, so it was not made at all."""

    def __init__(self, path: Path | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        where = f" ({path})" if path is not None else ""
        super().__init__(f"not saved: {reason}{where}")


class AnchorConflictError(StoreError):
    """A change that would put an annotation where another one of the same analyst is,
    or that was planned on annotations which have changed since: nothing was written."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(f"not saved: {detail}")


class SchemaVersionError(StoreError):
    """The database was written by a newer version of the program."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = path
        self.found = found
        self.supported = supported
        super().__init__(
            f"{path} has schema version {found}, but this program supports up to "
            f"{supported}; upgrade workbench to open it"
        )


def describe_os_error(error: OSError) -> str:
    """A short human reason for a failed write."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EIO: "input/output error",
    }
    return reasons.get(error.errno or 0, error.strerror or str(error))
