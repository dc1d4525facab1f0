"""The key this user's keepers sign the summary screen's kept snapshots with (rv15 R4).

A snapshot is a pickle read back by an unpickler that makes only the summary's own types
(core/analysis/summary/snapshot.py), but FILE.kept lies beside the database, whose folder
may be shared, and its checksums anyone can make again: a record of those very types in
another shape (a summary whose totals are None) passed every check and ended the app on
the UI thread. Signed with a key only this user can read, a snapshot is decoded only if
this user's keeper made it; any other is named, and the summary is computed.

The key is 32 random bytes in $XDG_STATE_HOME/workbench/snapshot.key (readable by its
owner only), made by the first keeper that keeps a snapshot. A reader never makes it:
without it nothing is served. It is written whole or not at all (a temporary file,
fsynced, linked or renamed into place, the folder fsynced): a key cut short by a crash was
read as none and never made again, so nothing was served until the user deleted it. A
file there that is no key this user can sign with (cut short, too long, readable by
others, another user's, a link, a named pipe) is `KeyFound.problem`, which the summary screen names;
the next keeper replaces it. Losing the key costs one computed summary: what was signed
under it is not served (snapshot.py NotSigned).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from workbench.config.locations import state_path
from workbench.core.files.atomic import fsync_directory, write_fully

KEY_BYTES = 32
_OPEN_FLAGS = (
    os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)
"""O_NONBLOCK: a named pipe put where the key goes is opened at once and named "not a
file", where a blocking open waited for a writer forever, and every keeper and summary
lookup with it (rv16 R1)."""


@dataclass(frozen=True, slots=True)
class KeyFound:
    """What snapshot.key holds: the key, or None and why it is none (`problem`; "" when
    there is no file yet)."""

    key: bytes | None
    problem: str = ""
    """Why the file there is no key to sign with, in words ("holds 10 bytes, not 32")."""


def snapshot_key_path() -> Path:
    return state_path().with_name("snapshot.key")


def read_key() -> KeyFound:
    """The key as the file holds it; reads, never writes."""
    path = snapshot_key_path()
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        return KeyFound(None)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return KeyFound(None, "is a link, not a key")
        return KeyFound(None, f"cannot be read ({error.strerror or error})")
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            return KeyFound(None, "is not a file")
        if status.st_uid != os.getuid():
            return KeyFound(None, "is another user's")  # it proves nothing
        if status.st_mode & 0o077:
            return KeyFound(None, "may be read by other users")  # nor does this
        try:
            key = handle.read(KEY_BYTES + 1)
        except OSError as error:
            return KeyFound(None, f"cannot be read ({error.strerror or error})")
    if len(key) > KEY_BYTES:
        return KeyFound(None, f"holds more than the {KEY_BYTES} bytes of a key")
    if len(key) < KEY_BYTES:
        return KeyFound(None, f"holds {len(key)} bytes, not {KEY_BYTES} (cut short)")
    return KeyFound(key)


def snapshot_key(create: bool = False) -> bytes | None:
    """The key, or None: none yet (made here when `create`), or a file that is no key
    (replaced here when `create`, else nothing is signed or served with it)."""
    found = read_key()
    if found.key is not None or not create:
        return found.key
    try:
        _make(snapshot_key_path(), replacing=bool(found.problem))
    except OSError:
        return None
    return read_key().key  # the one in place: another keeper's, if it made one first


def _make(path: Path, replacing: bool) -> None:
    """A new key at `path`, durable before it is there: never a file cut short. Over
    the file there when `replacing` (two keepers replacing at once: the last one's stays,
    and the first one's snapshot is computed again); else only where there is none."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=".snapshot.key.", dir=path.parent)  # 0600
    try:
        try:
            write_fully(descriptor, secrets.token_bytes(KEY_BYTES))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if replacing:
            os.replace(temporary, path)
        else:
            with contextlib.suppress(FileExistsError):  # another keeper's, made meanwhile
                os.link(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)  # linked, or never placed (renamed: gone already)
    fsync_directory(path.parent)
