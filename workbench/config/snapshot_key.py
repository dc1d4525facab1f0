"""The key this user's keepers sign the summary screen's kept snapshots with (rv15 R4).

A snapshot is a pickle read back by an unpickler that makes only the summary's own types
(core/analysis/summary/snapshot.py), but FILE.kept lies beside the database, whose folder
may be shared, and its checksums anyone can make again: a record of those very types in
another shape (a summary whose totals are None) passed every check and ended the app on
the UI thread. Signed with a key only this user can read, a snapshot is decoded only if
this user's keeper made it; any other is damage, named, and the summary is computed.

The key is 32 random bytes in $XDG_STATE_HOME/workbench/snapshot.key (readable by its
owner only), made by the first keeper that keeps a snapshot. A reader never makes it:
without it nothing is served. Losing it costs one computed summary.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from workbench.config.locations import state_path

KEY_BYTES = 32


def snapshot_key_path() -> Path:
    return state_path().with_name("snapshot.key")


def snapshot_key(create: bool = False) -> bytes | None:
    """The key, or None: none yet (made here when `create`), or one that others may read
    or that cannot be read (then nothing is signed or served with it)."""
    path = snapshot_key_path()
    try:
        return _read(path)
    except FileNotFoundError:
        if not create:
            return None
    except OSError:
        return None
    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with contextlib.suppress(FileExistsError):  # another keeper's, made meanwhile
            descriptor = os.open(path, flags, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(secrets.token_bytes(KEY_BYTES))
        return _read(path)
    return None


def _read(path: Path) -> bytes | None:
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if status.st_mode & 0o077 or status.st_uid != os.getuid():
            return None  # another user may read or have written it: it proves nothing
        key = handle.read(KEY_BYTES + 1)
    return key if len(key) == KEY_BYTES else None
