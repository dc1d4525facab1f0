"""FILE.kept: summaries kept beside a file database, for the content token they were made under.

Not database content (replay.database_files, a read-only reader's file states, copy-db
and repair leave it out) and never data of record: whatever is missing or damaged here
is computed, so nothing here refuses anything. It is written by keepers, processes that
do not hold the writer's lock (they run after the writer has gone, or beside it), so
the whole file is replaced atomically (a reader sees all of it or none) and two keepers
at once cost at most one of their entries. Only one token's entries are kept: a keep
under a new token drops the rest, so the file stays a few summaries' worth.

A reader writes nothing and creates nothing. Damage (a header or an entry failing its
checksum, a file cut short) is named in `warnings` and the entry is not served; the
next keep rewrites the file, naming each entry of another key it drops (damaged, too
large, or past MAX_ENTRIES). A keep that cannot be written (a full disk, a read-only
folder) says why in `warnings` and raises nothing; nor is an entry kept that a reader
would refuse as too large (most_an_entry_holds): it is named, and the others kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from store import kept_format
from store.content_token import FileDigest
from store.derived_bound import most_an_entry_holds
from store.errors import describe_os_error
from store.kept_summaries import EntryDamaged
from workbench.core.files.atomic import atomic_writer, write_fully
from workbench.core.files.regular import open_own

MAX_ENTRIES = 21
"""Entries kept under one token: two formats each of the writer's summary, every
analyst's and up to eight other analysts' (cli/summary_keeper.py OTHER_ANALYSTS), and
the summary screen's summary of the writer (cli/screen_keeper.py)."""
FREE_MARGIN = 1 << 30
"""A keep never leaves less free than this (and the database's size) on the database's
disk: a cache must not make the analyst's next save fail for a full disk."""
PART = 1 << 20
"""Bytes of an entry read (and hashed) at a time when it is streamed."""
STALE_SECONDS = 3600
"""A keeper's temporary file this old was left by a keeper that was killed."""


def kept_path(path: Path) -> Path:
    return path.with_name(path.name + ".kept")


def damaged(key: str, where: str, reason: str) -> str:
    return f"kept summary {key[:12]} in {where} damaged ({reason}); computed instead"


def not_read(key: str, where: str, reason: str) -> str:
    return f"kept summary {key[:12]} in {where} not read ({reason}); computed instead"


def not_kept(where: str, reason: str) -> str:
    return f"summary not kept in {where} ({reason}); it is computed until it is kept"


def too_large(key: str, where: str, size: int, most: int) -> str:
    return (
        f"summary {key[:12]} not kept in {where} ({size:,} bytes, where a summary of this "
        f"database holds at most {most:,}); it is computed instead"
    )


def dropped(key: str, where: str, reason: str) -> str:
    return f"kept summary {key[:12]} in {where} dropped ({reason}); computed until kept again"


class KeptFile:
    """The kept entries beside the file database at `path`."""

    def __init__(self, path: Path, warnings: list[str]) -> None:
        self.database = path
        self.file = kept_path(path)
        self.warnings = warnings

    def get(self, key: str) -> bytes | None:
        """The bytes kept under `key`, or None (nothing kept, or damaged: named)."""
        try:
            handle = open_own(self.file)
        except FileNotFoundError:
            return None
        except OSError as error:
            self._say(not_read(key, str(self.file), describe_os_error(error)))
            return None
        with handle:
            try:
                return self._entry(handle.fileno(), key)
            except ValueError as error:
                self._say(damaged(key, str(self.file), str(error)))
            except OSError as error:
                self._say(not_read(key, str(self.file), describe_os_error(error)))
        return None

    @contextlib.contextmanager
    def streamed(self, key: str) -> Iterator[Iterator[bytes] | None]:
        """get() a part of about PART bytes at a time, checked against the entry's sha256
        as read (KeptSummaries.streamed): a kept JSON summary of 100,000 annotations (over
        100 MB) goes to its file without being held, and without a second read."""
        try:
            handle = open_own(self.file)
        except FileNotFoundError:
            yield None
            return
        except OSError as error:
            self._say(not_read(key, str(self.file), describe_os_error(error)))
            yield None
            return
        with handle:
            fd = handle.fileno()
            try:
                entry = self._located(fd, key)
            except ValueError as error:
                self._say(damaged(key, str(self.file), str(error)))
                entry = None
            except OSError as error:
                self._say(not_read(key, str(self.file), describe_os_error(error)))
                entry = None
            yield None if entry is None else self._checked_parts(fd, entry)

    def _checked_parts(self, fd: int, entry: kept_format.Entry) -> Iterator[bytes]:
        """`entry`'s bytes a part at a time; EntryDamaged at the end unless they were
        all there and hash to its sha256 (the reason said in `warnings`)."""
        digest = hashlib.sha256()
        offset, left = entry.offset, entry.size
        while left:
            try:
                part = os.pread(fd, min(left, PART), offset)
            except OSError as error:
                self._say(not_read(entry.key, str(self.file), describe_os_error(error)))
                raise EntryDamaged(describe_os_error(error)) from None
            if not part:
                break
            digest.update(part)
            yield part
            offset += len(part)
            left -= len(part)
        try:
            kept_format.check_digest(entry, entry.size - left, digest)
        except ValueError as error:
            self._say(damaged(entry.key, str(self.file), str(error)))
            raise EntryDamaged(str(error)) from None

    def digests(self) -> tuple[FileDigest, ...]:
        """The database's file digests the header records (none if it cannot be read:
        whatever is wrong with it is named by get(), which reads it again)."""
        with contextlib.suppress(OSError, ValueError), open_own(self.file) as handle:
            return kept_format.header(os.pread(handle.fileno(), kept_format.MAX_HEADER, 0)).digests
        return ()

    def keep(
        self,
        token: str,
        entries: Mapping[str, bytes],
        reserve: int = 0,
        digests: Iterable[FileDigest] = (),
    ) -> bool:
        """Replace the file with `entries` and whatever else is kept under `token` (up to
        MAX_ENTRIES, the given ones first), recording the file digests `digests`; False,
        with the reason in `warnings`, if it cannot be written, or if it would leave less
        than FREE_MARGIN + `reserve` bytes free (the database's own size: room for its
        writer to compact). An entry larger than a reader takes (most_an_entry_holds) is
        not kept (rv16 R4: refused at every read, it was kept again at every keep): named,
        the others kept, and False. Every entry of another key left out is named (R5)."""
        most = most_an_entry_holds(self.database)
        refused = [key for key, data in entries.items() if len(data) > most]
        for key in refused:
            self._say(too_large(key, str(self.file), len(entries[key]), most))
        kept = {key: data for key, data in entries.items() if key not in refused}
        if not kept:
            return False
        for key, data in self._others(token, set(kept), most).items():
            if len(kept) >= MAX_ENTRIES:
                self._say(dropped(key, str(self.file), f"more than {MAX_ENTRIES} kept"))
                continue
            kept[key] = data
        self._remove_stale_temporaries()
        free = free_bytes(self.file.parent)
        need = sum(len(data) for data in kept.values()) + kept_format.MAX_HEADER
        if free is not None and free - need < FREE_MARGIN + reserve:
            self._say(not_kept(str(self.file), "too little free space left for the database"))
            return False
        try:
            # The folder's fsync: best effort. A link at FILE.kept is refused (tr7 T1).
            with atomic_writer(self.file, follow_links=False) as handle:
                for part in kept_format.parts(token, kept, digests):
                    write_fully(handle.fileno(), part)  # a few large parts: unbuffered
        except OSError as error:
            self._say(not_kept(str(self.file), describe_os_error(error)))
            return False
        return not refused

    def _say(self, message: str) -> None:
        """Add `message` to `warnings` unless it is there already (one line per problem)."""
        if message not in self.warnings:
            self.warnings.append(message)

    def _entry(self, fd: int, key: str) -> bytes | None:
        entry = self._located(fd, key)
        if entry is None:
            return None
        return kept_format.checked(entry, _read_at(fd, entry.offset, entry.size))

    def _located(self, fd: int, key: str) -> kept_format.Entry | None:
        """Where `key`'s entry is in the file open as `fd` (None: not kept); ValueError
        if the header does not read or the file's length is not the one it lists."""
        head = kept_format.header(os.pread(fd, kept_format.MAX_HEADER, 0))
        entry = head.entries.get(key)
        if entry is None:
            return None
        size = os.fstat(fd).st_size
        if size != head.end:
            raise ValueError(f"{size:,} bytes long, but its header lists {head.end:,}")
        most = most_an_entry_holds(self.database)
        if entry.size > most:
            raise ValueError(
                f"too large: {entry.size:,} bytes, where a summary of this database holds "
                f"at most {most:,}; not read"
            )
        return entry

    def _others(self, token: str, replaced: set[str], most: int) -> dict[str, bytes]:
        """The entries kept under `token` that are not `replaced` and still check. Any
        that does not is dropped, one larger than `most` unread, and named: the rewrite
        mends the file. A file that cannot be read gives none (the write says why)."""
        found: dict[str, bytes] = {}
        where = str(self.file)
        with contextlib.suppress(OSError), open_own(self.file) as handle:
            fd = handle.fileno()
            try:
                head = kept_format.header(os.pread(fd, kept_format.MAX_HEADER, 0))
            except ValueError as error:
                self._say(f"kept summaries in {where} dropped ({error}); computed until kept again")
                return found
            if head.token != token:
                return found  # another content's: none of them could be served
            for entry in head.entries.values():
                if entry.key in replaced:
                    continue
                if entry.size > most:
                    reason = f"too large: {entry.size:,} bytes, where a summary holds {most:,}"
                    self._say(dropped(entry.key, where, reason))
                    continue
                try:
                    found[entry.key] = kept_format.checked(
                        entry, _read_at(fd, entry.offset, entry.size)
                    )
                except ValueError as error:
                    self._say(dropped(entry.key, where, str(error)))
                except OSError as error:
                    self._say(dropped(entry.key, where, describe_os_error(error)))
        return found

    def _remove_stale_temporaries(self) -> None:
        """Remove `.FILE.kept.XXXXXXXX.tmp` files a killed keeper left (old ones only:
        a young one may be another keeper's, being written)."""
        pattern = re.compile(r"\." + re.escape(self.file.name) + r"\.[a-z0-9_]{8}\.tmp")
        now = time.time()
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.file.parent):
                with contextlib.suppress(OSError):
                    old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
                    if pattern.fullmatch(entry.name) and entry.is_file() and old:
                        os.unlink(entry.path)


def free_bytes(folder: Path) -> int | None:
    """Bytes an unprivileged writer may still use in `folder`'s file system (None: unknown)."""
    try:
        found = os.statvfs(folder)
    except OSError:
        return None
    return found.f_bavail * found.f_frsize


def _read_at(fd: int, offset: int, size: int) -> bytes:
    """`size` bytes from `offset` (fewer only at the end of the file)."""
    parts: list[bytes] = []
    while size:
        part = os.pread(fd, size, offset)
        if not part:
            break
        parts.append(part)
        offset += len(part)
        size -= len(part)
    return b"".join(parts)
