"""Atomic file replacement: a reader sees the old file or the new one, never half of either.

The data goes to a temporary file in the target's own folder (so `os.replace` is a
rename on one file system), is fsynced, renamed over the target, and the folder is
fsynced so the rename itself survives a power cut. On any failure the temporary file
is removed and the target is left exactly as it was.

A temporary file is only ever renamed over a regular file (or nothing): renaming it
over /dev/null, a FIFO or a socket would replace the node itself. `write_output`
decides for a file the user names (`-o FILE`): a character device or FIFO is written
directly (`-o /dev/stdout`, a pipe), a folder or socket is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from workbench.core.files.regular import NotARegularFile, kind_of


def fsync_directory(folder: Path) -> None:
    """Make a rename or creation inside `folder` durable (a no-op where unsupported)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def write_fully(descriptor: int, data: bytes) -> None:
    """os.write until every byte is written (a short write is legal for os.write)."""
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def link_target(path: Path, follow_links: bool = True) -> Path:
    """Where a write to `path` must go: through a symbolic link to its target (the link
    stays a link), otherwise `path` itself. Without `follow_links` (a program's own
    companion file, which it never makes a link), a link there raises NotARegularFile:
    whatever it points at is not ours to replace."""
    if not path.is_symlink():
        return path
    if not follow_links:
        raise NotARegularFile(path, os.lstat(path).st_mode)
    return Path(os.path.realpath(path))


def _temporary_beside(target: Path) -> tuple[int, str, Path]:
    """A new temporary file in the target's folder: (descriptor, its path, the folder)."""
    refuse_unless_regular(target)  # early, before any data is written; _publish again
    folder = target.parent if str(target.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    return descriptor, temporary, folder


def refuse_unless_regular(target: Path) -> None:
    """Raise NotARegularFile when `target` exists and is not a regular file."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotARegularFile(target, mode)


def _publish(temporary: str, target: Path) -> None:
    """Give the fsynced temporary file the target's mode and rename it over the target."""
    refuse_unless_regular(target)
    if target.exists():
        with contextlib.suppress(OSError):
            os.chmod(temporary, target.stat().st_mode & 0o7777)
    else:
        _apply_umask(temporary)
    os.replace(temporary, target)


@contextlib.contextmanager
def atomic_writer(
    path: Path | str,
    *,
    sync_folder: Callable[[Path], None] = fsync_directory,
    follow_links: bool = True,
) -> Iterator[BinaryIO]:
    """A binary file that replaces `path` atomically when the block exits without error.

    Write as much as you like; nothing is visible at `path` until the end. An exception
    inside the block (or a failed fsync/rename) leaves `path` untouched. `sync_folder`
    as for atomic_write_bytes; a symbolic link is followed unless `follow_links` is
    False (see link_target).
    """
    target = link_target(Path(path), follow_links)
    descriptor, temporary, folder = _temporary_beside(target)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _publish(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    sync_folder(folder)


def current_umask() -> int:
    """The process umask, read without changing it (os.umask would, for every thread)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def _apply_umask(path: str) -> None:
    """mkstemp creates 0600 files; give a new file the mode an ordinary open() would."""
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~current_umask())


def atomic_write_bytes(
    path: Path | str,
    data: bytes,
    *,
    sync_folder: Callable[[Path], None] = fsync_directory,
    follow_links: bool = True,
) -> None:
    """Replace `path` with `data` atomically and durably.

    `sync_folder` makes the rename durable; the default shrugs off folders that cannot be
    fsynced, the store passes a strict one because its journal is truncated after this.
    Raises OSError (the target untouched, the temporary file removed) on failure. A
    symbolic link is followed (its target is replaced and the link stays) unless
    `follow_links` is False: then it is refused (see link_target).
    """
    atomic_write_parts(path, (data,), sync_folder=sync_folder, follow_links=follow_links)


def atomic_write_parts(
    path: Path | str,
    parts: Iterable[bytes],
    *,
    sync_folder: Callable[[Path], None] = fsync_directory,
    follow_links: bool = True,
) -> None:
    """atomic_write_bytes of the bytes of `parts` one after the other, written as they
    come (a document too large to hold whole). An exception while `parts` are made
    leaves the target untouched and removes the temporary file, as a failed write does."""
    target = link_target(Path(path), follow_links)
    descriptor, temporary, folder = _temporary_beside(target)
    try:
        try:
            for chunk in _chunks(parts):
                write_fully(descriptor, chunk)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        _publish(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    sync_folder(folder)


WRITE_CHUNK = 1 << 20
"""Bytes of small parts gathered into one write: a system call per part would cost more
than the parts' making (a summary's JSON comes in about 40,000 of them)."""


def _chunks(parts: Iterable[bytes]) -> Iterator[bytes]:
    """The bytes of `parts`, small ones joined into chunks of about WRITE_CHUNK."""
    pending: list[bytes] = []
    size = 0
    for part in parts:
        pending.append(part)
        size += len(part)
        if size >= WRITE_CHUNK:
            yield pending[0] if len(pending) == 1 else b"".join(pending)
            pending.clear()
            size = 0
    if pending:
        yield pending[0] if len(pending) == 1 else b"".join(pending)


def atomic_write_text(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    """Replace `path` with `text` atomically and durably."""
    atomic_write_bytes(path, text.encode(encoding))


_STREAM_FLAGS = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def write_output(path: Path | str, data: bytes, *, for_terminal: Callable[[bytes], bytes]) -> None:
    """Write a file the user named: atomically when it is a regular file or new,
    directly into a character device or FIFO (`-o /dev/stdout`, a named pipe, which
    waits for its reader as `cat > FIFO` does). A folder, socket or block device is
    refused with NotARegularFile (an OSError), and nothing is written. A terminal
    (`-o /dev/tty`, `-o /dev/stdout` at a prompt) gets the bytes `for_terminal` makes of
    them, as standard output would (tr8 T9: they went raw, CSI and bidi controls too)."""
    write_output_parts(path, (data,), for_terminal=for_terminal)


def write_output_parts(
    path: Path | str, parts: Iterable[bytes], *, for_terminal: Callable[[bytes], bytes]
) -> None:
    """write_output of the bytes of `parts` one after the other, each written as it
    comes (a document too large to hold whole). An exception while `parts` are made
    leaves a regular file untouched, as a failed write does."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    if stat.S_ISREG(mode):
        atomic_write_parts(path, parts)
    elif stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        _write_stream(path, parts, for_terminal)
    else:
        raise NotARegularFile(path, mode)


def _write_stream(
    path: Path | str, parts: Iterable[bytes], for_terminal: Callable[[bytes], bytes]
) -> None:
    descriptor = os.open(path, _STREAM_FLAGS)
    try:
        mode = os.fstat(descriptor).st_mode
        if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            # Swapped since the stat: never write into a regular file in place.
            raise OSError(errno.EAGAIN, f"changed while opening (now {kind_of(mode)})", str(path))
        if os.isatty(descriptor):  # made safe whole: a part may end inside a character
            parts = (for_terminal(b"".join(parts)),)
        for chunk in _chunks(parts):
            write_fully(descriptor, chunk)
    finally:
        os.close(descriptor)
