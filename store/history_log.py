"""FILE.history: the append-only audit trail, one checksummed line per change.

History grows without bound, so it lives beside the snapshot instead of inside it: opening
the database never reads it whole. It checks the file's size and its last acknowledged
record (checksum and id: tail_problem, one short read), and it is read whole only when
someone asks for it (export --history, repair) or before a writer first appends to it
(verify, in the background compaction). Changes reach it at compaction; until then
their records travel in the journal with the change itself. The snapshot records how
many bytes of it are acknowledged (`history_bytes`), the id of its first record
(`history_first_id`, 1 unless the history was lost and started afresh), and the CRC-32
of those bytes (`history_checksum`, with the size it covers): every record up to there
must be whole, pass its checksum and follow the one before it, or reading it is refused.
"""

from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from store import line_format
from store.errors import CorruptDatabaseError, NotDamagedError, unreadable
from store.files import AppendOnlyFile
from workbench.core.collector import paused_gc
from workbench.core.files.regular import NotARegularFile, open_regular

APPEND_CHUNK_BYTES = 1 << 20
"""History is appended in pieces of about this size, never encoded whole."""


def history_path(path: Path) -> Path:
    return path.with_name(path.name + ".history")


class HistoryLog:
    """Reads and extends FILE.history; `committed_size` bytes of it are acknowledged."""

    def __init__(self, path: Path, database: Path | None = None) -> None:
        self.path = path
        self.database = database

    def size(self) -> int | None:
        """The file's size, or None if it does not exist."""
        try:
            found = os.stat(self.path)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise unreadable(self.path, error, self.database) from error
        if not stat.S_ISREG(found.st_mode):  # a folder, a FIFO: named, not called damage
            raise unreadable(self.path, NotARegularFile(self.path, found.st_mode), self.database)
        return found.st_size

    def load(self, committed_size: int, first_id: int = 1) -> list[dict[str, Any]]:
        """Every acknowledged record, oldest first (bytes past committed_size are ignored).

        CorruptDatabaseError if the file is missing or shorter, or a record in it is cut
        short, fails its checksum or does not follow the one before it."""
        if committed_size == 0:
            return []
        try:
            handle = open_regular(self.path)
        except FileNotFoundError:
            raise self._damaged(f"missing, but {committed_size:,} bytes were written") from None
        except OSError as error:
            raise unreadable(self.path, error, self.database) from error
        with handle, paused_gc():
            size = os.fstat(handle.fileno()).st_size
            if size < committed_size:
                raise self._damaged(f"{size:,} bytes long, but {committed_size:,} were written")
            return list(self._records(handle, committed_size, first_id))

    def tail_problem(self, committed_size: int, last_id: int | None) -> str | None:
        """What is wrong with the last acknowledged record (the line that ends at
        committed_size), or None: it must be whole, pass its checksum and carry
        `last_id`. One read of that line: opening may call it, however long the history."""
        if committed_size == 0:
            return None
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError as error:
            refused = unreadable(self.path, error, self.database)
            if isinstance(refused, NotDamagedError):
                raise refused from error
            return error.strerror or str(error)
        try:
            line, start = _last_line(fd, committed_size)
        except OSError as error:
            return error.strerror or str(error)
        finally:
            os.close(fd)
        where = f"its last acknowledged record (byte {start:,})"
        if not line.endswith(b"\n"):
            return f"{where} is cut short"
        try:
            record = line_format.decode(line)
        except ValueError as error:
            return f"{where} cannot be trusted ({error})"
        found = record.get("id") if isinstance(record, dict) else None
        if last_id is not None and found != last_id:
            return f"{where} holds change {found!r} where change {last_id} was expected"
        return None

    def verify(self, committed_size: int, first_id: int, checksum: Any) -> int:
        """The CRC-32 of the acknowledged bytes, once they are known to be whole;
        CorruptDatabaseError naming the line otherwise. With a `checksum` recorded for
        exactly these bytes ({"bytes": N, "crc32": hex}) one pass of zlib.crc32 decides
        (a C loop that releases the interpreter lock: it runs beside the UI); without
        one (a database from before it was recorded) every record is checked."""
        if committed_size == 0:
            return 0  # nothing acknowledged yet (the file may not exist)
        recorded = recorded_crc(checksum, committed_size)
        crc = self._crc(committed_size)
        if recorded is not None and crc == recorded:
            return crc
        self._check_records(committed_size, first_id)  # names the damaged line, if any
        if recorded is not None:
            raise self._damaged(
                f"its first {committed_size:,} bytes are not what was written (their "
                "checksum fails), though each record passes its own"
            )
        return crc

    def _crc(self, size: int) -> int:
        crc = 0
        try:
            with open_regular(self.path) as handle:
                while size > 0:
                    chunk = handle.read(min(size, 1 << 20))
                    if not chunk:
                        raise self._damaged(f"shorter than the {size:,} bytes acknowledged")
                    crc = zlib.crc32(chunk, crc)
                    size -= len(chunk)
        except OSError as error:
            raise self._damaged(error.strerror or str(error)) from error
        return crc

    def _check_records(self, committed_size: int, first_id: int) -> None:
        try:
            handle = open_regular(self.path)
        except OSError as error:
            raise self._damaged(error.strerror or str(error)) from error
        with handle, paused_gc():
            for _record in self._records(handle, committed_size, first_id):
                pass

    def _records(self, handle: Any, committed_size: int, first_id: int) -> Iterator[dict[str, Any]]:
        expected = first_id
        for line in line_format.read_lines(handle, committed_size):
            if isinstance(line, line_format.TornLine):
                raise self._damaged(f"line {line.number} (byte {line.offset}) is cut short")
            if isinstance(line, line_format.BadLine):
                raise self._damaged(f"line {line.number} (byte {line.offset}): {line.reason}")
            record = line.payload
            found = record.get("id") if isinstance(record, dict) else None
            if found != expected:
                raise self._damaged(
                    f"line {line.number} holds change {found!r} where change {expected} "
                    "was expected"
                )
            expected += 1
            yield record

    def append(
        self, records: Iterable[dict[str, Any]], committed_size: int, crc: int | None = None
    ) -> tuple[int, int | None]:
        """Append `records` after the first committed_size bytes, durably; returns the new
        size and, given the CRC-32 of the bytes before (`crc`), that of all of them.

        Anything past committed_size was left by a compaction that never finished: those
        records are still in the journal, so they are cut off and written again. A file
        shorter than committed_size (or missing) is refused, never padded.
        """
        if committed_size and self.size() is None:
            raise self._damaged(f"missing, but {committed_size:,} bytes were written")
        log = AppendOnlyFile(self.path, committed_size)
        try:
            for chunk in _chunks(records):
                log.append(chunk, sync=False)
                crc = None if crc is None else zlib.crc32(chunk, crc)
            log.sync()
            return log.size, crc
        finally:
            log.close()

    def _damaged(self, detail: str) -> CorruptDatabaseError:
        return CorruptDatabaseError(self.path, detail, database=self.database)


def checksum_of(size: int, crc: int) -> dict[str, Any]:
    """The meta entry recording the CRC-32 of the history's first `size` bytes."""
    return {"bytes": size, "crc32": f"{crc:08x}"}


def recorded_crc(checksum: Any, size: int) -> int | None:
    """The CRC-32 a meta entry records for exactly `size` bytes, else None (none was
    recorded, or it covers another size: an older program appended without it)."""
    if size == 0:
        return 0  # the CRC-32 of nothing
    if not isinstance(checksum, dict) or checksum.get("bytes") != size:
        return None
    try:
        return int(str(checksum.get("crc32")), 16)
    except ValueError:
        return None


def _last_line(fd: int, end: int) -> tuple[bytes, int]:
    """The line that ends at byte `end` of the file, and where it starts."""
    size = 4096
    while True:
        start = max(0, end - size)
        data = os.pread(fd, end - start, start)
        newline = data.rfind(b"\n", 0, len(data) - 1)
        if newline >= 0:
            return data[newline + 1 :], start + newline + 1
        if start == 0:
            return data, 0
        size *= 4


def _chunks(records: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """The records' lines, joined into pieces of about APPEND_CHUNK_BYTES."""
    lines: list[bytes] = []
    size = 0
    for record in records:
        line = line_format.encode(record)
        lines.append(line)
        size += len(line)
        if size >= APPEND_CHUNK_BYTES:
            yield b"".join(lines)
            lines, size = [], 0
    if lines:
        yield b"".join(lines)
