"""FILE.history: the append-only audit trail, one checksummed line per change.

History grows without bound, so it lives beside the snapshot instead of inside it: opening
the database never parses it (it only checks the file's size), and it is read only when
someone asks for it. Changes reach it at compaction; until then their records travel in
the journal with the change itself. The snapshot records how many bytes of it are
acknowledged (`history_bytes`) and the id of its first record (`history_first_id`, 1
unless the history was lost and started afresh): every record up to there must be
whole, pass its checksum and follow the one before it, or reading it is refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from store import line_format
from store.errors import CorruptDatabaseError
from store.files import AppendOnlyFile
from workbench.core.collector import paused_gc

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
            return os.stat(self.path).st_size
        except FileNotFoundError:
            return None
        except OSError as error:
            raise self._damaged(error.strerror or str(error)) from error

    def load(self, committed_size: int, first_id: int = 1) -> list[dict[str, Any]]:
        """Every acknowledged record, oldest first (bytes past committed_size are ignored).

        CorruptDatabaseError if the file is missing or shorter, or a record in it is cut
        short, fails its checksum or does not follow the one before it."""
        if committed_size == 0:
            return []
        try:
            handle = self.path.open("rb")
        except FileNotFoundError:
            raise self._damaged(f"missing, but {committed_size:,} bytes were written") from None
        except OSError as error:
            raise self._damaged(error.strerror or str(error)) from error
        with handle, paused_gc():
            size = os.fstat(handle.fileno()).st_size
            if size < committed_size:
                raise self._damaged(f"{size:,} bytes long, but {committed_size:,} were written")
            return list(self._records(handle, committed_size, first_id))

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

    def append(self, records: Iterable[dict[str, Any]], committed_size: int) -> int:
        """Append `records` after the first committed_size bytes, durably; returns the new size.

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
            log.sync()
            return log.size
        finally:
            log.close()

    def _damaged(self, detail: str) -> CorruptDatabaseError:
        return CorruptDatabaseError(self.path, detail, database=self.database)


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
