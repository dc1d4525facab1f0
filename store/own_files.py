"""The files a database is made of or keeps beside it: never a place for a report.

Any workbench database's, not only the one read (rv5 R4: `summary --db team.json -o
personal.json` replaced the analyst's own database).

A report or an export written over one of them (`summary -o annotations.json`, the TUI's
`w` or export prompt given the database's name) would replace the database, or the
journal, history or backup that a repair rebuilds from, and end with success (qa4 Q8).
Writers of user-named files ask here first and refuse, naming the file.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from store.errors import CompanionFileError, LinkedFileError, NotADatabaseError
from workbench.core.files.database_url import is_server_url
from workbench.core.files.regular import open_regular, read_regular
from workbench.core.terminal_text import name_printable

# What follows "FILE." in the names of a database's companions: its journal and sealed
# segments, history, lock, a repair's plan, the readings and kept summaries beside it,
# the backups a migration (FILE.vN.bak) and a repair (FILE.damaged-STAMP...) leave.
COMPANION = re.compile(
    r"journal(\.next|\.[0-9]+)?|history|lock|repairing|readings(\.tail|\.sealed)?"
    r"|kept(\..+)?|v[0-9]+\.bak|damaged-.+"
)


def database_file_named(database: Path | str, target: Path | str) -> Path | None:
    """The database's own file that `target` is (the database itself, a companion, or a
    hard or symbolic link to one), else None. A server's database has no files here."""
    if isinstance(database, str) and is_server_url(database):
        return None
    own = Path(os.path.realpath(database))
    named = Path(os.path.realpath(target))
    if named == own:
        return own
    if named.parent == own.parent and is_companion_name(own.name, named.name):
        return named
    return _same_file_among(own, named)


def is_companion_name(database_name: str, name: str) -> bool:
    """Whether `name` is the name of one of the companions of a database so named."""
    prefix = database_name + "."
    return name.startswith(prefix) and COMPANION.fullmatch(name[len(prefix) :]) is not None


def _same_file_among(own: Path, named: Path) -> Path | None:
    """`named` when it is another name (a hard link) of one of the database's files."""
    try:
        found = os.stat(named)
        entries = list(os.scandir(own.parent))
    except OSError:
        return None
    for entry in entries:
        if entry.name != own.name and not is_companion_name(own.name, entry.name):
            continue
        try:
            mine = entry.stat(follow_symlinks=True)
        except OSError:
            continue
        if (mine.st_dev, mine.st_ino) == (found.st_dev, found.st_ino):
            return Path(entry.path)
    return None


OF_RECORD = re.compile(r"journal(\.next|\.[0-9]+)?|history|repairing")
"""The companions that hold the database's content (replay.database_files)."""


def linked_file_error(path: Path) -> LinkedFileError | None:
    """The error to raise when a file of record beside the database at `path` is a
    symbolic link (checked before a store opens it), else None. A link AT the database
    is followed once (its companions are beside the target): `path` is that target."""
    try:
        names = sorted(os.listdir(path.parent))
    except OSError:
        return None
    prefix = path.name + "."
    ours = (n for n in names if n.startswith(prefix) and OF_RECORD.fullmatch(n[len(prefix) :]))
    linked = next((path.parent / name for name in ours if (path.parent / name).is_symlink()), None)
    return None if linked is None else LinkedFileError(linked)


SNAPSHOT_START = b'{"meta":{"'
"""How a file database's snapshot begins (store/snapshot.py writes the meta table first)."""

BESIDE = ("journal", "journal.next", "history", "lock", "repairing")
"""Companions whose presence beside a file makes it a database's snapshot."""


def database_of(target: Path | str) -> Path | None:
    """The workbench database `target` belongs to (any, not only the one read: an
    analyst's own beside a team copy, rv5 R4), else None: `target` is a companion of a
    database in its folder, or a database's snapshot (companions beside it, or its
    first bytes are a snapshot's)."""
    named = Path(os.path.realpath(target))
    bases = [named.name[:at] for at, c in enumerate(named.name) if c == "." and at]
    for base in (named.with_name(name) for name in bases):
        if is_companion_name(base.name, named.name) and (base.exists() or _has_companions(base)):
            return base
    if not named.is_file():
        return None
    if _has_companions(named):
        return named
    try:
        with open(named, "rb") as handle:
            start = handle.read(len(SNAPSHOT_START))
    except OSError:
        return None
    return named if start == SNAPSHOT_START else None


def _has_companions(path: Path) -> bool:
    """Whether a journal, history, lock or repair plan of a database at `path` exists."""
    return any(path.with_name(f"{path.name}.{companion}").exists() for companion in BESIDE)


def own_file_refusal(database: Path | str, target: Path | str) -> str | None:
    """Why `target` must not be written (one line naming it), or None if it may be: it
    is the database read or one of its files, or another workbench database's."""
    own = database_file_named(database, target)
    if own is not None:
        read = own == Path(os.path.realpath(database))
        what = "the database" if read else "a file of the database"
        return (
            f"{name_printable(target)} is {what} ({name_printable(own)}): writing there would "
            "replace it; choose another file"
        )
    other = database_of(target)
    if other is None:
        return None
    return (
        f"{name_printable(target)} is a file of the workbench database {name_printable(other)}: "
        "writing there would "
        "replace it; choose another file"
    )


_WHAT = (
    ("journal", "the journal"),
    ("history", "the history"),
    ("lock", "the lock"),
    ("repairing", "the repair plan"),
    ("readings", "the kept readings"),
    ("kept", "the kept summaries"),
    ("damaged-", "a damaged file a repair kept"),
    ("v", "a migration's backup"),
)


def companion_refusal(path: Path) -> CompanionFileError | None:
    """The error to raise when `path`, given as a database, is a file of another
    workbench database (checked before a store opens or repairs it), else None."""
    base = database_of(path)
    if base is None or base == Path(os.path.realpath(path)):
        return None
    suffix = Path(os.path.realpath(path)).name[len(base.name) + 1 :]
    what = next(text for start, text in _WHAT if suffix.startswith(start))
    return CompanionFileError(path, base, what)


OF_RECORD_BESIDE = ("journal", "journal.next", "history", "repairing")
"""Companions only a database's own writes make (a lock may be left by a refused open)."""


SNAPSHOT_MARKS = (b'"meta":{"1":{"schema_version":', b'"integrity":{"1":{"crc32":"')
"""What only a snapshot holds near its start (its meta table) and at its end (its
checksum: store/snapshot.py)."""
MARKS_WITHIN = 128
"""Bytes read at each end of a file for SNAPSHOT_MARKS."""


def has_snapshot_marks(path: Path) -> bool:
    """Whether the file holds a snapshot's own marks near its start or at its end: a
    lone snapshot copy whose first bytes are damaged is a damaged database, to open (and
    be told so) or repair, not "not a workbench database" (rv7 R3)."""
    try:
        with open_regular(path) as handle:
            head = handle.read(MARKS_WITHIN)
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(size - MARKS_WITHIN, 0))
            tail = handle.read(MARKS_WITHIN)
    except OSError:
        return False
    return SNAPSHOT_MARKS[0] in head or SNAPSHOT_MARKS[1] in tail


def not_a_database(path: Path) -> NotADatabaseError | None:
    """The error to raise when `path`, given as a database, is plainly another kind of
    file: not empty, none of a database's files beside it, and not a database's tables
    (a snapshot, or TinyDB's tables of a version before snapshots); else None. A damaged
    database begins as one or has its journal beside it, and is repaired as before."""
    if path.is_dir():
        # The mistake is the --db value, not the folder (qa9 Q21: "move the folder out of
        # the way" would move the analyst's work aside for a database to take its place).
        return NotADatabaseError(
            path,
            "it is a folder",
            f"--db takes a database file (e.g. {name_printable(path / 'annotations.json')}) or a "
            "postgresql:// URL",
        )
    try:
        with open_regular(path) as handle:
            start = handle.read(len(SNAPSHOT_START)).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return None  # missing, a folder, a FIFO, unreadable: the open says so
    if not start or start == SNAPSHOT_START:
        return None
    if any(path.with_name(f"{path.name}.{name}").exists() for name in OF_RECORD_BESIDE):
        return None
    give = "give --db the database file (articles are read from the PATHs)"
    if not start.startswith(b"{"):
        if has_snapshot_marks(path):
            return None  # a snapshot whose first bytes are damaged: the open names it
        return NotADatabaseError(path, "it is not a JSON object: an article, a report?", give)
    try:
        value = json.loads(read_regular(path))
    except (OSError, ValueError):
        return None  # begins as JSON: a damaged database, as far as can be told
    if isinstance(value, dict) and "schema_version" in value and "annotations" in value:
        return NotADatabaseError(
            path,
            "it is a workbench export",
            f"import it with `workbench import {name_printable(path)} --db DATABASE`",
        )
    if isinstance(value, dict) and all(isinstance(table, dict) for table in value.values()):
        return None  # TinyDB's tables: a database from before snapshots (migrated on open)
    return NotADatabaseError(path, "it is JSON, but not a database's tables", give)
