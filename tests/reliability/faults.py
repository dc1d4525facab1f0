"""Simulated disk faults: os calls that fail, but only for files in one folder.

The tests run as root, so a real read-only folder or a full disk cannot be made
portably; instead os.write, os.fsync, os.open and os.ftruncate are patched to raise the
error a full or read-only disk gives, for the database's folder only, so the rest of
the process (Textual, pytest, temporary files elsewhere) is unaffected.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


@dataclass(frozen=True)
class Fault:
    """Which os calls fail inside the folder, with which errno."""

    name: str
    code: int
    calls: tuple[str, ...]
    partial_write: bool = False
    """os.write first writes half of what it is given, then fails: a torn line on disk."""
    new_files_only: bool = False
    """os.open fails only to create a file; files that exist still open and grow (no
    inodes left, or a directory that refuses new entries)."""

    @property
    def reason(self) -> str:
        """The words the store's message uses for this errno."""
        return {errno.ENOSPC: "the disk is full", errno.EROFS: "the file system is read-only"}[
            self.code
        ]


FAULTS = [
    Fault("disk full on write", errno.ENOSPC, ("write",)),
    Fault("disk full on fsync", errno.ENOSPC, ("fsync",)),
    Fault("disk full after a partial write", errno.ENOSPC, ("write",), partial_write=True),
    Fault("read-only directory", errno.EROFS, ("write", "fsync", "open")),
]
NO_NEW_FILES = Fault("no new files in the directory", errno.ENOSPC, ("open",), new_files_only=True)
"""Appends to the open journal still work; a compaction's new files cannot be made."""
UNDOABLE = Fault("read-only, and the roll-back fails too", errno.EROFS, ("write", "ftruncate"))
"""A failed append cannot even be truncated back: the store must refuse all writes."""


def fd_inside(fd: int, folder: Path) -> bool:
    try:
        target = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return False
    return target == str(folder) or target.startswith(f"{folder}/")


class Injector:
    """Applies a Fault to one folder through monkeypatch; lift() restores the real calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
        self.monkeypatch = monkeypatch
        self.folder = folder.resolve()
        self.failures = 0

    def inject(self, fault: Fault) -> None:
        for call in fault.calls:
            real = getattr(os, call)
            self.monkeypatch.setattr(os, call, self.failing(fault, call, real))

    def lift(self) -> None:
        self.monkeypatch.undo()

    def failing(self, fault: Fault, call: str, real: Callable[..., Any]) -> Callable[..., Any]:
        torn = False

        def fail() -> OSError:
            self.failures += 1
            return OSError(fault.code, os.strerror(fault.code))

        def patched(target: Any, *args: Any, **kwargs: Any) -> Any:
            nonlocal torn
            if call == "open":
                flags = args[0] if args else kwargs.get("flags", 0)
                path = Path(os.fspath(target)).resolve()
                inside = path == self.folder or self.folder in path.parents
                creates = bool(flags & os.O_CREAT) and not path.exists()
                if inside and flags & WRITE_FLAGS and (creates or not fault.new_files_only):
                    raise fail()
                return real(target, *args, **kwargs)
            if not fd_inside(target, self.folder):
                return real(target, *args, **kwargs)
            if call == "write" and fault.partial_write and not torn:
                torn = True
                data = bytes(args[0])
                return real(target, data[: max(1, len(data) // 2)])
            raise fail()

        return patched
