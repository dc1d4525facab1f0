"""A file database's content token: a digest of its files' bytes, taken without opening it.

A kept summary (kept.py) may be served only for the content it was made from. Parsing
the database to know its content costs what the summary is kept to avoid (a read-only
open parses every record), so the token is a sha256 streamed over the bytes of every
file that holds content (replay.database_files: snapshot, live and sealed journals,
FILE.history, a repair plan), of the readings files the summary reads beside them
(readings_file.py: a damaged one is named in the summary's output), and the change
number FILE.lock records as saved (an older copy of the database put back is refused
by the open: its token must differ from the copy's own). Nothing is interpreted, so it
holds for every writer of every version: any write changes some file's bytes. A write
that leaves the content as it was changes the token too (a compaction rewrites the
snapshot, a cursor move journals a position, the first writer to open after a
compaction records the new journal's start in FILE.lock); that only costs a recompute.

The writer changes the files while the token is taken, without a lock; as in a
read-only open (file_states.py), the files are noted before and after: growing in place
(an append) is the only change that leaves what was hashed, each file's first `size`
bytes, a state the database really had. Anything else (a file replaced, created,
removed or shortened) and it is taken again; if it never settles, or a file cannot be
read, the token is one nothing was ever kept under (the open that follows names the
problem, if it lasts).
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from store.lock import recorded_saved
from store.readings_file import readings_files
from store.replay import database_files
from workbench.core.files.atomic import link_target
from workbench.core.files.regular import open_regular

ATTEMPTS = 10
"""How many times the token is taken again while the writer replaces files under it."""
CHUNK = 1 << 20
PARALLEL_BYTES = 8 << 20
"""Files at least this large are hashed on threads when there are two or more."""
FORMAT = b"workbench content token 1\n"
"""Changes if what goes into the digest changes: no token of another form ever matches."""
FILE_PREFIX = "file:"
UNSETTLED_PREFIX = "unsettled:"

Noted = dict[str, tuple[int, int]]
"""File name -> (inode, size) as noted before hashing."""


def file_token(path: Path) -> str:
    """The content token of the file database at `path` (see the module docstring)."""
    path = link_target(path)
    for attempt in range(ATTEMPTS):
        if attempt:
            time.sleep(min(0.01 * attempt, 0.1))
        try:
            saved = recorded_saved(path)  # first, as replay reads it: before the lines
            files = sorted(token_files(path), key=lambda found: found.name)
            before = _noted(files)
            digests = _file_digests(files, before)
        except OSError:  # removed or replaced under the reader, or unreadable
            continue
        if _settled(before, _noted(token_files(path))):
            digest = hashlib.sha256(FORMAT)
            digest.update(b"saved %d\n" % (-1 if saved is None else saved))
            for file, file_digest in zip(files, digests, strict=True):
                size = before[file.name][1]
                digest.update(b"%s %d %s\n" % (os.fsencode(file.name), size, file_digest))
            return FILE_PREFIX + digest.hexdigest()
    return unsettled()


def _file_digests(files: list[Path], noted: Noted) -> list[bytes]:
    """Each file's sha256 (hex) over its noted size, the large ones on threads of their
    own: hashlib lets go of the interpreter while it hashes, so the snapshot and
    FILE.history (about half each at 100,000 annotations) take one core each."""
    jobs = [(file, *noted[file.name]) for file in files]
    if sum(1 for _file, _inode, size in jobs if size >= PARALLEL_BYTES) < 2:
        return [_prefix_digest(*job) for job in jobs]
    with ThreadPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1)) as pool:
        return list(pool.map(lambda job: _prefix_digest(*job), jobs))


def token_files(path: Path) -> list[Path]:
    """The content files, and the readings files: not content, but the summary reads
    them, and what it says about damage in them is part of its output."""
    return database_files(path) + [file for file in readings_files(path) if file.exists()]


def unsettled() -> str:
    """A token no entry is kept under: the content could not be pinned down."""
    return UNSETTLED_PREFIX + uuid.uuid4().hex


def _noted(files: list[Path]) -> Noted:
    noted: Noted = {}
    for file in files:
        found = file.stat()
        noted[file.name] = (found.st_ino, found.st_size)
    return noted


def _prefix_digest(file: Path, inode: int, size: int) -> bytes:
    """The sha256 (hex) of the first `size` bytes of `file`, the one noted (same inode)."""
    digest = hashlib.sha256()
    view = memoryview(bytearray(min(size, CHUNK)))
    with open_regular(file) as handle:
        if os.fstat(handle.fileno()).st_ino != inode:
            raise FileNotFoundError(file)  # replaced since it was noted: take it again
        left = size
        while left:
            read = os.readv(handle.fileno(), [view[: min(left, CHUNK)]])
            if not read:
                raise FileNotFoundError(file)  # shortened since it was noted
            digest.update(view[:read])
            left -= read
    return digest.hexdigest().encode()


def _settled(before: Noted, after: Noted) -> bool:
    """True if every file is still there, the same inode, at least as long."""
    if before.keys() != after.keys():
        return False
    return all(
        after[name][0] == inode and after[name][1] >= size for name, (inode, size) in before.items()
    )


def settled(token: str) -> bool:
    """Whether `token` names a content (not the token of a database that could not be
    read, under which nothing is kept or found)."""
    return not token.startswith(UNSETTLED_PREFIX)
