"""FILE.history: the append-only audit trail, one checksummed line per change.

History grows without bound, so it lives beside the snapshot instead of inside it: opening
the database never parses it, and it is read only when someone asks for it. Changes reach
it at compaction; until then their records travel in the journal with the change itself.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from store import line_format
from store.errors import CorruptDatabaseError
from store.files import AppendOnlyFile
from store.snapshot import paused_gc


class HistoryLog:
    """Reads and extends FILE.history; `committed_size` bytes of it are acknowledged."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, committed_size: int) -> list[dict[str, Any]]:
        """Every acknowledged record, oldest first (bytes past committed_size are ignored)."""
        if committed_size == 0:
            return []
        try:
            data = self.path.read_bytes()
        except OSError as error:
            raise CorruptDatabaseError(self.path, error.strerror or str(error)) from error
        if len(data) < committed_size:
            raise CorruptDatabaseError(
                self.path, f"{len(data)} bytes long, but {committed_size} were written"
            )
        with paused_gc():
            scan = line_format.scan(data[:committed_size])
        if scan.bad is not None or scan.torn_bytes:
            number = scan.bad.number if scan.bad else len(scan.payloads) + 1
            raise CorruptDatabaseError(self.path, f"line {number} is damaged")
        return scan.payloads

    def append(self, records: list[dict[str, Any]], committed_size: int) -> int:
        """Append `records` after the first committed_size bytes, durably; returns the new size.

        Anything past committed_size was left by a compaction that never finished: those
        records are still in the journal, so they are cut off and written again.
        """
        if self.path.exists() and os.path.getsize(self.path) < committed_size:
            raise CorruptDatabaseError(
                self.path, f"shorter than the {committed_size} bytes already written"
            )
        log = AppendOnlyFile(self.path, committed_size)
        try:
            log.append(b"".join(line_format.encode(record) for record in records))
            return log.size
        finally:
            log.close()
