"""How large a file derived from a file database may be: a kept summary or its readings.

FILE.kept and FILE.readings hold what a summary made or read of the database, so their
size follows the database's; a file there of many gigabytes (a sparse file planted, or
damage) is no such thing, and is refused by its size before it is read (rv15 R10 for
FILE.kept, tr17 for FILE.readings and PostgreSQL's kept_summaries).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from store.replay import database_files

ENTRY_FLOOR = 256 << 20
ENTRY_PER_DATABASE_BYTE = 4
"""An entry may hold at most ENTRY_PER_DATABASE_BYTE bytes for each byte of the database's
files, and ENTRY_FLOOR whatever its size (most_an_entry_holds): the largest kept, a JSON
summary of 100,000 annotations, is 89 MB beside the database's 146 MB (its snapshot and
history). A larger one is no summary of this database: damage, refused before it is read
(rv15 R10: a hostile entry of many gigabytes, a sparse file, was read whole first)."""


def most_an_entry_holds(database: Path) -> int:
    """The most bytes an entry kept beside the database at `database` may hold (a few
    stats: ENTRY_PER_DATABASE_BYTE)."""
    size = 0
    for file in database_files(database):
        with contextlib.suppress(OSError):
            size += file.stat().st_size
    return max(ENTRY_FLOOR, ENTRY_PER_DATABASE_BYTE * size)
