"""A file database's content token: a digest of its files' bytes, taken without opening it.

A kept summary (kept.py) may be served only for the content it was made from. Parsing
the database to know its content costs what the summary is kept to avoid (a read-only
open parses every record), so the token is a sha256 streamed over the bytes of every
file that holds content (replay.database_files: snapshot, live and sealed journals,
FILE.history, a repair plan) and of the readings files the summary reads beside them
(readings_file.py: a damaged one is named in the summary's output). Two parts are
read, not hashed, because what they change is nothing a kept output says:

- the cursor positions that end the live journal (journal_digest.py: only lines that
  are certainly position records; anything else is hashed): an analyst reading, not
  tagging, leaves the token where it was;
- the change FILE.lock records as saved. It exists so that an older copy of the
  database put back is refused by the open ("changes N..M missing"): replay compares it
  with the journal's last number, and only that comparison reaches any output. So the
  token says "within" when the record is at most the live journal's last number, known
  for certain (journal_digest.py), or there is none (a copy without its FILE.lock: no
  check): every such state opens alike, whatever the number.
  Any other record is hashed as it is: a copy put back behind its record never has the
  token the copy had. (The writer records the saved change late: the first open after
  a session records the new journal's start mark, and syncs record position records;
  neither moves the token now.)

Nothing else is interpreted, so it holds for every writer of every version: any other
write changes some file's bytes. A write that leaves the content as it was may still
change the token (a compaction rewrites the snapshot, positions folded into it among
the rest); that only costs a recompute.

A file's sha256 may be taken from a digest recorded earlier (`FileDigest`, kept in
FILE.kept's header by the keeper) instead of hashing it again, as git's index does: only
when the file's stat now (device, inode, size, modification and change times to the
nanosecond) is the one recorded, and only digests recorded under git's "racily clean"
rule: the file stood still while it was hashed (its stat the same before and after) and
its change time was at least RACY_SECONDS older than the moment the hashing began. Any
write after that moment (an append, a rewrite in place of the same length, a file put
back with `touch -d` to fake its modification time) sets the change time to the clock's
time then, which no user can set back, so the stat differs and the file is hashed again.
That holds on file systems that keep a change time (POSIX requires it) while their clock
does not step back by RACY_SECONDS. The live journal is always read (it is small, and
its positions are read anyway). A reader serving a kept summary so pays a few stat calls
for the 150 MB of files at 100,000 annotations, not their hashing (about 140 ms).

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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from store.journal_digest import JournalDigest, journal_digest
from store.lock import recorded_saved
from store.readings_file import readings_files
from store.replay import database_files
from store.segments import fresh_journal_path, journal_path
from workbench.core.files.atomic import link_target
from workbench.core.files.regular import open_regular

RACY_SECONDS = 3
"""How much older than the hashing a file's change time must be for its digest to be
recorded (more than any file system's time granularity: FAT's is two seconds)."""
RECORDED_BYTES = 1 << 20
"""Smaller files are hashed every time (a digest record would cost about as much)."""
ATTEMPTS = 10
"""How many times the token is taken again while the writer replaces files under it."""
CHUNK = 1 << 20
PARALLEL_BYTES = 8 << 20
"""Files at least this large are hashed on threads when there are two or more."""
FORMAT = b"workbench content token 2\n"
"""Changes if what goes into the digest changes: no token of another form ever matches."""
FILE_PREFIX = "file:"
UNSETTLED_PREFIX = "unsettled:"

Stat = tuple[int, int, int, int, int]
"""A file's device, inode, size, modification and change times (nanoseconds)."""
Noted = dict[str, Stat]
"""File name -> its Stat as noted before hashing."""


@dataclass(frozen=True, slots=True)
class FileDigest:
    """A content file's sha256 (hex) and its Stat when it was hashed, recorded only under
    the racily-clean rule (module docstring): equal Stat now, equal bytes."""

    name: str
    stat: Stat
    sha256: str


@dataclass(frozen=True, slots=True)
class TokenState:
    """A token, and the number of the live journal's last hashed line when position
    records after it are left out of the token (None: none can be): what a keep checks
    against the snapshot (kept.py). `digests`: the large files' digests that may be
    recorded for the next token (FileDigest)."""

    token: str
    hashed_seq: int | None = None
    digests: tuple[FileDigest, ...] = ()


def file_token(path: Path, known: Iterable[FileDigest] = ()) -> str:
    """The content token of the file database at `path` (see the module docstring);
    `known`: digests recorded before, used where a file's Stat is still theirs."""
    return token_state(path, known).token


def token_state(path: Path, known: Iterable[FileDigest] = ()) -> TokenState:
    """file_token() and what the live journal's part of it left out."""
    path = link_target(path)
    recorded = {digest.name: digest for digest in known}
    for attempt in range(ATTEMPTS):
        if attempt:
            time.sleep(min(0.01 * attempt, 0.1))
        try:
            began = time.time_ns()
            saved = recorded_saved(path)  # first, as replay reads it: before the lines
            files = sorted(token_files(path), key=lambda found: found.name)
            live = live_journal(path, files)
            before = _noted(files)
            parts, journal, hashed = _file_parts(files, before, live, recorded)
        except OSError:  # removed or replaced under the reader, or unreadable
            continue
        after = _noted(token_files(path))
        if _settled(before, after):
            digest = hashlib.sha256(FORMAT)
            digest.update(_saved_part(saved, journal))
            for part in parts:
                digest.update(part)
            hashed_seq = None if journal is None else journal.hashed_seq
            digests = _recordable(hashed, after, began)
            return TokenState(FILE_PREFIX + digest.hexdigest(), hashed_seq, digests)
    return TokenState(unsettled())


def _recordable(hashed: list[FileDigest], after: Noted, began: int) -> tuple[FileDigest, ...]:
    """The digests that may be recorded: their file stood still while it was hashed and
    its last change is RACY_SECONDS older than the hashing (the module docstring)."""
    oldest = began - RACY_SECONDS * 1_000_000_000
    return tuple(
        digest
        for digest in hashed
        if after.get(digest.name) == digest.stat and digest.stat[4] < oldest
    )


def live_journal(path: Path, files: list[Path]) -> Path | None:
    """The file replay reads as the live journal: FILE.journal, else FILE.journal.next
    (a seal cut short between its renames), among `files`."""
    for candidate in (journal_path(path), fresh_journal_path(path)):
        if candidate in files:
            return candidate
    return None


def _saved_part(saved: int | None, journal: JournalDigest | None) -> bytes:
    """The lock's saved change as far as any output depends on it (the module docstring)."""
    last = None if journal is None else journal.last_seq
    if saved is None or (last is not None and saved <= last):
        return b"saved within\n"  # no check, or one that passes: the same open
    return b"saved %d\n" % saved


def _file_parts(
    files: list[Path], noted: Noted, live: Path | None, recorded: Mapping[str, FileDigest]
) -> tuple[list[bytes], JournalDigest | None, list[FileDigest]]:
    """Each file's line in the digest (name, size hashed, sha256), the large ones hashed
    on threads of their own: hashlib lets go of the interpreter while it hashes, so the
    snapshot and FILE.history (about half each at 100,000 annotations) take one core
    each; a file whose Stat is a recorded digest's is not read. The live journal's line,
    and what its digest found (journal_digest.py); the large files' digests, taken now
    or recorded."""
    journals: list[JournalDigest] = []
    digests: list[FileDigest] = []
    unread = {name for name, digest in recorded.items() if noted.get(name) == digest.stat}

    def part(file: Path) -> bytes:
        stat = noted[file.name]
        inode, size = stat[1], stat[2]
        name = os.fsencode(file.name)
        if file == live:
            journal = _journal_digest(file, inode, size)
            journals.append(journal)
            return b"%s journal %d %s\n" % (name, journal.hashed, journal.hexdigest)
        if file.name in unread and _opened_stat(file) == stat:
            hexdigest = recorded[file.name].sha256.encode()
        else:
            hexdigest = _prefix_digest(file, inode, size)
        if size >= RECORDED_BYTES:
            digests.append(FileDigest(file.name, stat, hexdigest.decode()))
        return b"%s %d %s\n" % (name, size, hexdigest)

    hashed = [file for file in files if file.name not in unread]
    if sum(1 for file in hashed if noted[file.name][2] >= PARALLEL_BYTES) < 2:
        parts = [part(file) for file in files]
    else:
        from concurrent.futures import ThreadPoolExecutor  # (its import: ~10 ms a reader
        # serving a kept summary, every large file's digest recorded, does without)

        with ThreadPoolExecutor(max_workers=min(len(files), os.cpu_count() or 1)) as pool:
            parts = list(pool.map(part, files))
    return parts, (journals[0] if journals else None), digests


def token_files(path: Path) -> list[Path]:
    """The content files, and the readings files: not content, but the summary reads
    them, and what it says about damage in them is part of its output."""
    return database_files(path) + [file for file in readings_files(path) if file.exists()]


def unsettled() -> str:
    """A token no entry is kept under: the content could not be pinned down."""
    import uuid  # rarely needed (its import: platform, ~10 ms)

    return UNSETTLED_PREFIX + uuid.uuid4().hex


def _noted(files: list[Path]) -> Noted:
    noted: Noted = {}
    for file in files:
        found = file.stat()
        noted[file.name] = (
            found.st_dev,
            found.st_ino,
            found.st_size,
            found.st_mtime_ns,
            found.st_ctime_ns,
        )
    return noted


def _opened_stat(file: Path) -> Stat | None:
    """`file`'s Stat taken on a descriptor opened for it: a network file system's
    client revalidates the attributes it caches when a file is opened (close-to-open),
    not on every stat, so a recorded digest is never used on a cached stat."""
    try:
        descriptor = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        found = os.fstat(descriptor)
    finally:
        os.close(descriptor)
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


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


def _journal_digest(file: Path, inode: int, size: int) -> JournalDigest:
    """journal_digest() of the first `size` bytes of `file`, the one noted (same inode)."""
    with open_regular(file) as handle:
        if os.fstat(handle.fileno()).st_ino != inode:
            raise FileNotFoundError(file)  # replaced since it was noted: take it again
        return journal_digest(handle, size)


def _settled(before: Noted, after: Noted) -> bool:
    """True if every file is still there, the same inode, at least as long."""
    if before.keys() != after.keys():
        return False
    return all(
        after[name][:2] == stat[:2] and after[name][2] >= stat[2] for name, stat in before.items()
    )


def settled(token: str) -> bool:
    """Whether `token` names a content (not the token of a database that could not be
    read, under which nothing is kept or found)."""
    return not token.startswith(UNSETTLED_PREFIX)
