"""Reading files named from outside without ever blocking: only regular files are read.

A FIFO opened for reading waits for a writer forever and a terminal device waits for
keys. So a file is opened with O_NONBLOCK (an open that returns at once for every kind
of file) and O_NOCTTY, and what was opened is checked with fstat on the descriptor
itself. A stat of the path before the open only spares a device the open (a tape
drive rewinds when opened): another process could swap the path in between.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISLNK, "a symbolic link"),
)


def kind_of(mode: int) -> str:
    """What a file of this st_mode is, for a message: "a FIFO (named pipe)"."""
    for test, name in KINDS:
        if test(mode):
            return name
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


class NotARegularFile(OSError):
    """A path that is a FIFO, socket, device or folder where a file was expected."""

    def __init__(self, path: Path | str, mode: int) -> None:
        kind = kind_of(mode)
        code = errno.EISDIR if stat.S_ISDIR(mode) else errno.EINVAL
        super().__init__(code, f"{kind}, not a regular file", str(path))
        self.kind = kind


_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def open_regular(path: Path | str) -> BinaryIO:
    """`path` opened for binary reading, never blocking; NotARegularFile (an OSError)
    unless it is a regular file (a symbolic link to one is followed)."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotARegularFile(path, mode)
    return _regular_handle(path, os.open(path, _READ_FLAGS))


def _regular_handle(path: Path | str, descriptor: int) -> BinaryIO:
    """`descriptor` as a binary file, once it is known to be a regular file (else it is
    closed and NotARegularFile raised: it changed between the look and the open)."""
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(path, mode)
        # Opened without blocking (a FIFO would have waited); a regular file is read as
        # any is, whole: a FUSE mount may honour O_NONBLOCK with short reads (rv7 R5).
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


class TooLarge(OSError):
    """A file larger than what it is named as can be (read_regular's `most`)."""

    def __init__(self, path: Path | str, most: int) -> None:
        super().__init__(errno.EFBIG, f"larger than {most:,} bytes: not read", str(path))


def read_regular(path: Path | str, most: int | None = None) -> bytes:
    """The whole of a regular file (see open_regular); TooLarge (an OSError), having
    read no more than `most` + 1 bytes, if it holds more than `most`."""
    with open_regular(path) as handle:
        if most is None:
            return handle.read()
        data = handle.read(most + 1)
    if len(data) > most:
        raise TooLarge(path, most)
    return data


def open_own(path: Path | str) -> BinaryIO:
    """open_regular for a program's own file (one it never makes a link): a symbolic
    link there is refused (NotARegularFile), not followed to a file that is not its."""
    try:
        descriptor = os.open(path, _READ_FLAGS | os.O_NOFOLLOW)
    except OSError as error:
        if error.errno == errno.ELOOP and os.path.islink(path):
            raise NotARegularFile(path, os.lstat(path).st_mode) from error
        raise
    return _regular_handle(path, descriptor)
