"""Store errors: each message names the file, so the CLI can print it as one line."""

from __future__ import annotations

import errno
import os
from collections.abc import Container, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.files.regular import NotARegularFile
from workbench.core.terminal_text import name_printable

if TYPE_CHECKING:
    from store.change import Change
    from workbench.core.annotation import Annotation


class StoreError(Exception):
    """Base class: anything the store refuses or cannot do."""


class DatabaseLockedError(StoreError):
    """Another process (or another open store in this one) holds the database."""

    def __init__(self, path: Path, pid: int | None) -> None:
        self.path = path
        self.pid = pid
        holder = f"process {pid}" if pid is not None else "another process"
        super().__init__(f"{name_printable(path)} is in use by {holder}; close it there first")


class CorruptDatabaseError(StoreError):
    """A file cannot be read or trusted; every file has been left exactly as it was.

    `path` is the damaged file, `database` the database it belongs to (when known): the
    message then says how to recover what it still holds."""

    def __init__(self, path: Path, detail: str, database: Path | None = None) -> None:
        self.path = path
        self.detail = detail
        self.database = database
        advice = (
            f"; run `workbench repair --db {name_printable(database)}`, which keeps the "
            "damaged files and recovers everything they still hold"
            if database is not None
            else ""
        )
        super().__init__(
            f"{name_printable(path)} cannot be read ({detail}); it was left untouched{advice}"
        )

    def of_database(self, database: Path) -> CorruptDatabaseError:
        """The same error, naming the database it belongs to."""
        return self if self.database else CorruptDatabaseError(self.path, self.detail, database)


class NotDamagedError(CorruptDatabaseError):
    """A file of the database that this user may not read, or a folder where a file
    belongs: its content may well be whole, so `workbench repair` would only move intact
    files aside (and rebuild from the rest); the message says what to do instead."""

    def __init__(self, path: Path, detail: str, remedy: str, database: Path | None = None) -> None:
        StoreError.__init__(
            self,
            f"{name_printable(path)} cannot be read ({detail}); it was left untouched: this is "
            f"not damage, and repair would not help; {remedy}, then run the command again",
        )
        self.path = path
        self.detail = detail
        self.database = database
        self.remedy = remedy

    def of_database(self, database: Path) -> CorruptDatabaseError:
        if self.database:
            return self
        return NotDamagedError(self.path, self.detail, self.remedy, database)


class JournalMissingError(CorruptDatabaseError):
    """The database's journal file does not exist: most often the database was copied or
    moved without it (qa10 Q30: the open advised repair, which made an empty database of
    a copied 121-byte file whose evening of work was all in its journal). The message says
    to copy the files first."""

    def __init__(self, journal: Path, database: Path) -> None:
        named, journal_named = name_printable(database.name), name_printable(journal.name)
        StoreError.__init__(
            self,
            f"{name_printable(journal)} does not exist; nothing was changed. The changes made "
            f"since {named} was last written are kept in that file: if this database was "
            f"copied or moved here, copy {journal_named} too (and {named}.history and "
            f"any {journal_named}.* files beside it) from where it came, then run the command "
            f"again. Only if that file is lost, run `workbench repair --db "
            f"{name_printable(database)}`, which makes a database of what {named} alone holds",
        )
        self.path = journal
        self.detail = "the journal file does not exist"
        self.database = database

    def of_database(self, database: Path) -> CorruptDatabaseError:
        return self


def unreadable(path: Path, error: OSError, database: Path | None = None) -> CorruptDatabaseError:
    """Why a file of the database cannot be read: NotDamagedError when the system refuses
    this user (permissions) or the name is a folder, else a CorruptDatabaseError."""
    if error.errno in (errno.EACCES, errno.EPERM):
        remedy = "give your user read and write access to it (ls -l shows its owner and mode)"
        return NotDamagedError(path, "permission denied", remedy, database)
    if isinstance(error, NotARegularFile) and error.kind != "a folder":
        # a FIFO, socket or device: read, it would hang or give what is not this file
        return NotDamagedError(path, f"it is {error.kind}", "move it out of the way", database)
    if error.errno == errno.EISDIR:
        return NotDamagedError(path, "it is a folder", "move the folder out of the way", database)
    return CorruptDatabaseError(path, error.strerror or str(error), database)


class LinkLoopError(StoreError):
    """The database is (or goes through) a loop of symbolic links: there is nothing to
    open, and nothing was created beside it (workbench.core.files.links)."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)


class CompanionFileError(StoreError):
    """The path given as a database is one of another database's files (its journal,
    history, lock, a backup): opening or repairing it as a database would treat that
    database's own record of changes as damage (qa5 Q16: `repair --db FILE.journal`
    moved the journal aside and lost the tags it held)."""

    def __init__(self, path: Path, database: Path, what: str) -> None:
        self.path = path
        self.database = database
        super().__init__(
            f"{name_printable(path)} is {what} of the workbench database "
            f"{name_printable(database)}, not a database: give --db {name_printable(database)}"
        )


class LinkedFileError(StoreError):
    """A file of record beside the database (its journal, a segment, its history, a
    repair's plan) is a symbolic link: the store reads and writes its own files only, so
    it neither opens the database through it nor calls what it points at damage (tr7 T1)."""

    def __init__(self, link: Path) -> None:
        self.path = link
        super().__init__(
            f"{name_printable(link)} is a symbolic link (to "
            f"{name_printable(os.path.realpath(link))}): a database's journal, history and "
            "repair plan are its own files beside it, never read or written "
            "through a link; put the file itself in its place, or remove the link"
        )


class NotADatabaseError(StoreError):
    """The file given as a database is something else (an article, a report, an export)
    with none of a database's files beside it: called damaged, the advised repair moved it
    aside and wrote an empty database under its name (qa6 Q9). Nothing is touched."""

    def __init__(self, path: Path, what: str, instead: str) -> None:
        self.path = path
        super().__init__(f"{name_printable(path)} is not a workbench database ({what}): {instead}")


class StoreWriteError(StoreError):
    """A change could not be made durable, so it was not made at all."""

    def __init__(self, path: Path | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        where = f" ({name_printable(path)})" if path is not None else ""
        super().__init__(f"not saved: {reason}{where}")


class NotWritableError(StoreWriteError):
    """The database cannot be opened for writing: its lock file, the first file a
    writer opens, cannot be opened so. Nothing was being saved and the lock file may
    well exist: "not saved: cannot create the lock file" said neither (qa21 #12, a
    read-only mount). The message says why, and what still works on it."""

    def __init__(self, database: Path, lock: Path, why: str) -> None:
        StoreError.__init__(
            self,
            f"cannot open {name_printable(database.name)} for writing: {why}; nothing was "
            "changed. The read-only commands still work on it: `workbench annotate "
            "--read-only` to look, `summary`, `export` and `reanchor --dry-run` "
            f"({name_printable(lock)})",
        )
        self.path = lock
        self.reason = why


class AnchorConflictError(StoreError):
    """A change that would put an annotation where another one of the same analyst is,
    or that was planned on annotations which have changed since: nothing was written."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(f"not saved: {detail}")

    @classmethod
    def changed_meanwhile(cls, article_id: str, index: int) -> AnchorConflictError:
        """The annotation of `article_id`'s sentence `index` is not as the change read it."""
        return cls(
            f"the annotation of {name_printable(article_id)}, sentence {index + 1} changed "
            "meanwhile; nothing was written"
        )

    @classmethod
    def sentence_taken(cls, article_id: str, index: int, annotator: str) -> AnchorConflictError:
        """The change would put a second annotation of `annotator` on one sentence."""
        return cls(
            f"sentence {index + 1} of {name_printable(article_id)} already holds an annotation "
            f"of {name_printable(annotator)}; nothing was written"
        )


class ConcurrentEditError(StoreError):
    """Another session changed (or deleted) this annotation after this one last read it:
    the save was refused rather than overwrite that change. `current` is what is stored
    now (None: nothing), to show the analyst before they decide again."""

    def __init__(self, key: tuple[str, str, int], current: Annotation | None) -> None:
        self.key = key
        self.current = current
        annotator, article_id, index = key
        now = "it was deleted there" if current is None else f"it now reads: {_gist(current)}"
        super().__init__(
            f"not saved: {name_printable(annotator)}'s annotation of {name_printable(article_id)}, "
            f"sentence {index + 1} was changed in another session meanwhile; {now}"
        )


class LaterChangeError(StoreError):
    """An undo (or redo) would overwrite a later change to the same annotation (another
    analyst's re-anchoring, an import, this analyst in another session): refused, with
    nothing written, and the step dropped so that the next undo goes on to the one
    before. `change` is the change that would have been undone (`undoing`) or redone,
    `later` the change found since (None if the history does not say)."""

    def __init__(self, change: Change, later: Change | None, undoing: bool) -> None:
        self.change = change
        self.later = later
        self.undoing = undoing
        verb = "undone" if undoing else "redone"
        since = later_words(later)
        super().__init__(
            f"not {verb}: the annotation of {name_printable(change.article_id)}, sentence "
            f"{change.index + 1} "
            f"was changed{since} after this change; {'undoing' if undoing else 'redoing'} it "
            "would overwrite that"
        )


class StepElsewhereError(StoreError):
    """An undo (or redo) would change an article that is not open (`article_ids`): after
    a restart, the analyst's last step may be in another story's articles, which no
    screen shows (qa9 Q16). Refused, with nothing written and the step kept: opening
    that article lets it be undone there."""

    def __init__(self, article_ids: tuple[str, ...], undoing: bool) -> None:
        self.article_ids = article_ids
        self.undoing = undoing
        verb = "undone" if undoing else "redone"
        super().__init__(
            f"not {verb}: the step changes {', '.join(article_ids)}, which is not open; "
            f"open it to see the change {verb}"
        )


def refuse_outside(
    article_ids: Iterable[str], within: Container[str] | None, undoing: bool
) -> None:
    """StepElsewhereError when a step changes an article outside `within` (None: any)."""
    if within is None:
        return
    outside = tuple(sorted({a for a in article_ids if a not in within}))
    if outside:
        raise StepElsewhereError(outside, undoing)


def later_words(later: Change | None) -> str:
    """ " by bob (re-anchoring, 2026-11-30 08:12:03)": who changed an annotation later,
    how and when, for a refused undo's message ("" if not known)."""
    if later is None:
        return ""
    how = {"import": "an import", "reanchor": "re-anchoring", "undo": "an undo"}.get(
        later.action, ""
    )
    when = later.at[:19].replace("T", " ")
    return f" by {later.annotator} ({how + ', ' if how else ''}{when} UTC)"


def _gist(annotation: Annotation) -> str:
    """An annotation in a few words: its tags, status and source."""
    parts = [", ".join(annotation.tags) or "no tags", annotation.status]
    if annotation.source:
        parts.append(f"source {annotation.source!r}")
    return "; ".join(parts)


class ConnectionLostError(StoreWriteError):
    """The database server could not be reached to make a change: it was not
    acknowledged. The store connects again by itself on its next call."""

    def __init__(self, location: str) -> None:
        self.location = location
        super().__init__(None, f"connection lost ({location})")


class ServerError(StoreError):
    """The database server refused or could not be reached (opening, or a read)."""


class DamagedRowError(StoreError):
    """A row of the server's tables holds a record the store never writes (a status or
    tag it does not know, a negative sentence, a decision that is not an object: an edit
    by SQL, another tool):
    named with its id by every command and by the app, never read leniently or into a
    traceback (tr7 T7), as a checksummed snapshot's record is refused (snapshot_records)."""

    def __init__(self, row_id: object, problem: str, table: str = "annotations") -> None:
        self.row_id = row_id
        super().__init__(
            f"{table} row {row_id} on the server is not a record workbench writes: "
            f"{problem}; correct or delete that row"
        )


class SchemaVersionError(StoreError):
    """The database was written by a newer version of the program."""

    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        self.path = path
        self.found = found
        self.supported = supported
        super().__init__(
            f"{name_printable(path)} has schema version {found}, but this program supports up to "
            f"{supported}; upgrade workbench to open it"
        )


def describe_os_error(error: OSError) -> str:
    """A short human reason for a failed write."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EIO: "input/output error",
    }
    return reasons.get(error.errno or 0, error.strerror or str(error))
