"""FILE.readings: what the summary read in the annotated text, kept beside a file database.

Never data of record: whatever is missing or damaged here the summary recomputes, so
nothing is fsynced on the tag path and nothing here ever refuses the database. Three
files, none of them one of the database's content files (database_files(), a read-only
reader's file states, copy-db and repair leave them out):

- FILE.readings: the compacted document of one analyser fingerprint (readings_format),
  replaced atomically, streamed, by the store's compaction;
- FILE.readings.tail: the lines the writer appends (not fsynced);
- FILE.readings.sealed: the tail as a compaction took it (renamed on the writer's
  thread), folded into FILE.readings in the background, then deleted. The fold keeps
  only the latest fingerprint's readings (the one the writer last added, else the
  newest line's), so the files stay about one analyser's worth.

The writer (the process holding FILE.lock) alone changes them. A reader takes no lock
and writes nothing: it reads the document, the sealed tail and the tail, and reads again
if one was replaced, created, removed or shortened meanwhile (growing is the tail's only
change in place, so lines added after it read them are simply not seen).

Damage is told from an append under way as in the journal (line_format): each line is
written whole with its newline last, so a complete line that fails its checksum is
damage, skipped and named in `warnings`; a last line without its newline is either an
append under way or one a crash cut short. If the tail grew while it was read, or grows
in a short pause after, it is an append under way: its line is skipped without a word
(the next read has it). If nothing moved, a crash cut it: it is named, and the writer
cuts it off before its next append. A compacted document that fails its checksum is
named and skipped whole, and rewritten at the writer's next compaction. Each message is
said once per store.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from store import line_format, readings_format
from store.derived_bound import most_an_entry_holds
from store.errors import StoreError, StoreWriteError, describe_os_error
from store.file_states import FileState, changed_under_reader
from store.files import LINK_REFUSED, AppendOnlyFile, fsync_directory, write_atomically
from workbench.core.terminal_text import name_printable

READ_ATTEMPTS = 10
"""How many times a reader reads again while the writer replaces the files under it
(waiting a little longer each time); then it keeps what it read last (what it missed
is recomputed)."""
TORN_PAUSE = 0.05
"""Seconds a reader waits before it calls a torn last line a crash's, not an append's."""
FOLD_MIN_BYTES = 1 << 20
"""A compaction folds the tail once it exceeds this or a quarter of the document,
whichever is more: a fold reads and rewrites the whole document."""
_SEARCH_BLOCK = 1 << 16


def readings_path(path: Path) -> Path:
    return path.with_name(path.name + ".readings")


def tail_path(path: Path) -> Path:
    return path.with_name(path.name + ".readings.tail")


def sealed_path(path: Path) -> Path:
    return path.with_name(path.name + ".readings.sealed")


def readings_files(path: Path) -> list[Path]:
    """The readings files of the database at `path`, whether they exist or not."""
    return [readings_path(path), sealed_path(path), tail_path(path)]


def damaged_document(file: Path, reason: str) -> str:
    return f"{name_printable(file)}: damaged ({reason}); its readings are skipped and recomputed"


def damaged_lines(file: Path, count: int, first: tuple[int, str]) -> str:
    number, reason = first
    return (
        f"{name_printable(file)}: {count} damaged line{'s' if count != 1 else ''} of readings "
        "skipped "
        f"(line {number}: {reason}); they are recomputed"
    )


def torn_line(file: Path, size: int) -> str:
    return (
        f"{name_printable(file)}: an incomplete last line ({size} bytes) left by an interrupted "
        "write "
        "skipped; its readings are recomputed"
    )


class ReadingsFile:
    """The readings of one database (file, or in memory for None), for its store."""

    def __init__(self, path: Path | None, read_only: bool, warnings: list[str]) -> None:
        self.path = path
        self.read_only = read_only
        self._warnings = warnings
        self._said: set[str] = set()
        self._said_lock = threading.Lock()
        self._lock = threading.Lock()
        """Held while the tail is appended to or sealed (not by readers)."""
        self._memory: dict[str, dict[str, Any]] = {}
        self._tail: AppendOnlyFile | None = None
        self._latest: str | None = None
        """The fingerprint this session last added readings under."""
        self._failing = False
        self._refold = False
        """A damaged document was read: the next compaction rewrites it."""
        self._closed = False

    # -- Reading --------------------------------------------------------------------------

    def read(self, fingerprint: str) -> dict[str, Any]:
        """key -> value of every reading kept under `fingerprint` (a new dict each time);
        damage is skipped and named in `warnings`. Writes nothing, creates nothing."""
        if self.path is None:
            with self._lock:
                kept = self._memory.get(fingerprint, {})
                return dict(readings_format.loads(readings_format.dumps(kept)))
        files = readings_files(self.path)
        tail = files[2].name
        found = _Found()
        for attempt in range(READ_ATTEMPTS):
            if attempt:
                time.sleep(min(0.01 * attempt, 0.1))
            before = _states(files)
            try:
                found = _read_once(files, fingerprint, most_an_entry_holds(self.path))
            except OSError as error:  # a read failing half way: nothing of it is used
                reason = describe_os_error(error)
                found = _Found(problems=[f"readings not read ({reason}); they are recomputed"])
            after = _states(files)
            if changed_under_reader(before, after, tail):
                continue
            if found.torn is not None and _still_torn(files, after, tail, found.tail_end):
                found.problems.append(found.torn)
            break
        if found.document_damaged:
            self._refold = True
        for problem in found.problems:
            self.say(problem)
        return found.records

    def say(self, message: str) -> None:
        """Add `message` to the store's warnings unless it was said already."""
        with self._said_lock:
            if message in self._said:
                return
            self._said.add(message)
        self._warnings.append(message)

    # -- Writing (the writer only) --------------------------------------------------------

    def add(self, fingerprint: str, records: Mapping[str, Any]) -> None:
        """Append `records` under `fingerprint`, unsynced. Never raises for a failed
        write: the reason goes to `warnings` once per run of failures, and the readings
        are not kept. TypeError (nothing written) for a value that is not JSON."""
        if not records:
            return
        if self.path is None:
            copied = readings_format.loads(readings_format.dumps(dict(records)))
            with self._lock:
                kept = self._memory.get(fingerprint)
                if kept is None:
                    self._memory = {fingerprint: copied}  # only the latest fingerprint's
                else:
                    kept.update(copied)
            return
        encoded = readings_format.lines(fingerprint, records)
        with self._lock:
            if self._closed:
                self._failed(StoreWriteError(self.path, "the database has been closed"))
                return
            try:
                tail = self._tail_file()
                for line in encoded:
                    tail.append(line, sync=False)
            except (OSError, StoreError) as error:
                self._failed(error)
                return
            self._latest = fingerprint
            self._failing = False

    def seal(self, closing: bool = False) -> ReadingsFold | None:
        """On the writer's thread, as a compaction begins: if the tail is due a fold
        (or a fold failed before, or a damaged document was read), rename it to
        FILE.readings.sealed and return the fold to run; else None. A failure is a
        warning (the readings stay as they are)."""
        if self.path is None or self.read_only:
            return None
        with self._lock:
            sealed = sealed_path(self.path)
            try:
                if not sealed.exists():
                    if not self._due(closing):
                        return None
                    self._seal_tail(sealed)
            except (OSError, StoreError) as error:
                self.say(f"readings not compacted: {_reason(error)}")
                return None
            self._refold = False
            return ReadingsFold(self.path, self._latest, self.say)

    def close(self, fold: bool = True) -> None:
        """Fold the tail if it is due (best effort), then close it."""
        if self.path is None or self.read_only:
            return
        job = self.seal(closing=True) if fold else None
        if job is not None:
            job.run()
        with self._lock:
            self._closed = True
            if self._tail is not None:
                self._tail.close()
                self._tail = None

    def _due(self, closing: bool) -> bool:
        assert self.path is not None
        tail = self._tail.size if self._tail is not None else _size(tail_path(self.path))
        document = _size(readings_path(self.path))
        if self._refold and (tail or document):
            return True
        if tail > max(FOLD_MIN_BYTES, document // 4):
            return True
        # On closing, readings of a fingerprint other than the document's are folded
        # at once: the document then stops holding an analyser that is no longer run.
        return (
            closing
            and tail > 0
            and self._latest is not None
            and not _begins_with(
                readings_path(self.path), readings_format.document_header(self._latest)
            )
        )

    def _seal_tail(self, sealed: Path) -> None:
        assert self.path is not None
        tail = tail_path(self.path)
        if self._tail is None and tail.exists():
            self._tail_file()  # names and then cuts a torn last line
        if self._tail is not None:
            self._tail.drop_torn_tail()
            self._tail.close()
            self._tail = None
        if tail.exists():
            os.rename(tail, sealed)
            fsync_directory(self.path.parent)

    def _tail_file(self) -> AppendOnlyFile:
        """The tail, opened at the end of its whole lines (a torn last line is named,
        and cut off by the next append)."""
        if self._tail is None:
            assert self.path is not None
            tail = tail_path(self.path)
            end, size = _whole_lines_end(tail)
            if size > end:
                self.say(torn_line(tail, size - end))
            self._tail = AppendOnlyFile(tail, end)
        return self._tail

    def _failed(self, error: OSError | StoreError) -> None:
        if not self._failing:
            self._warnings.append(
                f"readings not kept ({_reason(error)}); the summary recomputes them"
            )
        self._failing = True


@dataclass
class ReadingsFold:
    """FILE.readings.sealed folded into a new FILE.readings (in the compaction's thread)."""

    path: Path
    fingerprint: str | None
    """Whose readings to keep: the writer's latest; None: the newest line's."""
    say: Callable[[str], None]

    def run(self) -> None:
        """Fold; a failure is a warning (the sealed tail stays for the next fold)."""
        try:
            self._fold()
        except (OSError, StoreError) as error:
            self.say(f"readings not compacted: {_reason(error)}")
        except Exception as error:  # a background thread must report, not die
            self.say(f"readings not compacted: {error!r}")

    def _fold(self) -> None:
        document, sealed = readings_path(self.path), sealed_path(self.path)
        kept_under, kept = self._document(document)
        lines = self._sealed_lines(sealed)
        fingerprint = self.fingerprint
        if fingerprint is None:
            fingerprint = lines[-1][0] if lines else kept_under
        if fingerprint is not None:
            if kept_under != fingerprint:
                kept = {}
            for under, records in lines:
                if under == fingerprint:
                    kept.update(records)
            parts = readings_format.document_parts(fingerprint, kept)
            write_atomically(document, parts, follow_links=False)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(sealed)
        fsync_directory(self.path.parent)

    def _document(self, document: Path) -> tuple[str | None, dict[str, Any]]:
        """The document's fingerprint and records, read as a reader reads it: never
        through a link nor from a FIFO (tr17: the fold opened a FIFO there and waited
        for a writer forever, and the import or app closing the store with it)."""
        problems: list[str] = []
        data = _read_whole(document, problems, most_an_entry_holds(self.path))
        for problem in problems:
            self.say(problem)
        if not data:
            return None, {}
        try:
            return readings_format.document_records(readings_format.checked_document(data))
        except ValueError as error:
            self.say(damaged_document(document, str(error)))
            return None, {}

    def _sealed_lines(self, sealed: Path) -> list[tuple[str, dict[str, Any]]]:
        """(fingerprint, records) of every good line (of self.fingerprint's only, when
        known); damage and a torn last line named."""
        problems: list[str] = []
        handle = _open_regular(sealed, problems, most_an_entry_holds(self.path))
        for problem in problems:
            self.say(problem)
        if handle is None:
            return []
        prefix = None if self.fingerprint is None else readings_format.line_prefix(self.fingerprint)
        found: list[tuple[str, dict[str, Any]]] = []
        damage = _Damage()
        with handle:
            for number, raw in enumerate(iter(handle.readline, b""), start=1):
                if not raw.endswith(b"\n"):
                    self.say(torn_line(sealed, len(raw)))
                    break
                try:
                    body = line_format.checked_body(raw)
                    if prefix is None:
                        found.append(readings_format.line_payload(body))
                    else:
                        records = readings_format.line_records(body, prefix)
                        if records is not None:
                            assert self.fingerprint is not None
                            found.append((self.fingerprint, records))
                except ValueError as error:
                    damage.add(number, str(error))
        if damage.count:
            self.say(damage.message(sealed))
        return found


@dataclass
class _Damage:
    count: int = 0
    first: tuple[int, str] = (0, "")

    def add(self, number: int, reason: str) -> None:
        if not self.count:
            self.first = (number, reason)
        self.count += 1

    def message(self, file: Path) -> str:
        return damaged_lines(file, self.count, self.first)


@dataclass
class _Found:
    """What one read of the files found."""

    records: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    torn: str | None = None
    """The message naming the tail's torn last line, if it has one."""
    tail_end: int = 0
    """Where the read of the tail ended."""
    document_damaged: bool = False


def _read_once(files: list[Path], fingerprint: str, most: int) -> _Found:
    """One read of the files; one larger than `most` bytes is not read (named; a
    document so, rewritten by the writer's next compaction)."""
    document, sealed, tail = files
    found = _Found()
    data = _read_whole(document, found.problems, most)
    if data is None and _size(document) > most:
        found.document_damaged = True
    if data:
        header = readings_format.document_header(fingerprint)
        try:
            checked = readings_format.checked_document(data)
            if checked[: len(header)] == header:
                found.records = readings_format.document_records(checked)[1]
        except ValueError as error:
            found.problems.append(damaged_document(document, str(error)))
            found.document_damaged = True
    del data
    prefix = readings_format.line_prefix(fingerprint)
    for file in (sealed, tail):
        handle = _open_regular(file, found.problems, most)
        if handle is None:
            continue
        damage = _Damage()
        end = 0
        with handle:
            for number, raw in enumerate(iter(handle.readline, b""), start=1):
                if not raw.endswith(b"\n"):
                    if file == tail:
                        found.torn, found.tail_end = torn_line(file, len(raw)), end + len(raw)
                    else:  # the sealed tail is never appended to
                        found.problems.append(torn_line(file, len(raw)))
                    break
                end += len(raw)
                try:
                    records = readings_format.line_records(line_format.checked_body(raw), prefix)
                except ValueError as error:
                    damage.add(number, str(error))
                    continue
                if records:
                    found.records.update(records)
        if damage.count:
            found.problems.append(damage.message(file))
    return found


def _open_regular(file: Path, problems: list[str], most: int | None = None) -> IO[bytes] | None:
    """`file` opened to read (without blocking on a FIFO), None if there is none, it
    cannot be read, or it holds more than `most` bytes (named in `problems`: the
    readings of a database are never so large, as a kept summary is not, and a sparse
    file of gigabytes planted there was read whole by every summary, tr17)."""
    try:
        descriptor = os.open(file, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except FileNotFoundError:
        return None
    except OSError as error:
        if file.is_symlink():  # the store's own file: never read through a link (tr7 T1)
            problems.append(f"{name_printable(file)}: not read ({LINK_REFUSED}); recomputed")
            return None
        problems.append(
            f"{name_printable(file)}: not read ({describe_os_error(error)}); recomputed"
        )
        return None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        problems.append(f"{name_printable(file)}: not a regular file; its readings are recomputed")
        return None
    size = os.fstat(descriptor).st_size
    if most is not None and size > most:
        os.close(descriptor)
        problems.append(
            f"{name_printable(file)}: too large ({size:,} bytes, where the readings of this "
            f"database hold at most {most:,}); not read, its readings are recomputed"
        )
        return None
    return os.fdopen(descriptor, "rb")


def _read_whole(file: Path, problems: list[str], most: int) -> bytes | None:
    handle = _open_regular(file, problems, most)
    if handle is None:
        return None
    with handle:
        return handle.read()


def _states(files: list[Path]) -> dict[str, FileState]:
    states: dict[str, FileState] = {}
    for file in files:
        with contextlib.suppress(FileNotFoundError):
            found = os.stat(file)
            states[file.name] = FileState(found.st_ino, found.st_size, found.st_ctime_ns)
    return states


def _still_torn(files: list[Path], after: dict[str, FileState], tail: str, end: int) -> bool:
    """True if the tail's torn last line is a crash's: the tail ended where it was read
    and nothing moved in a short pause."""
    state = after.get(tail)
    if state is None or state.size != end:
        return False
    time.sleep(TORN_PAUSE)
    return _states(files) == after


def _whole_lines_end(file: Path) -> tuple[int, int]:
    """(where the last whole line of `file` ends, its size); (0, 0) if there is none, or
    it is no regular file (a FIFO: opening it waited forever; AppendOnlyFile names it)."""
    handle = _open_regular(file, [])
    if handle is None:
        return 0, 0
    with handle:
        size = handle.seek(0, os.SEEK_END)
        position = size
        while position > 0:
            start = max(0, position - _SEARCH_BLOCK)
            handle.seek(start)
            block = handle.read(position - start)
            newline = block.rfind(b"\n")
            if newline >= 0:
                return start + newline + 1, size
            position = start
        return 0, size


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except FileNotFoundError:
        return 0


def _begins_with(file: Path, header: bytes) -> bool:
    """Whether `file` is a regular file beginning with `header` (a FIFO, a link or what
    cannot be read does not: the fold then names it and puts a document in its place)."""
    handle = _open_regular(file, [])
    if handle is None:
        return False
    with handle:
        return handle.read(len(header)) == header


def _reason(error: OSError | StoreError) -> str:
    if isinstance(error, StoreWriteError):
        where = f", {error.path}" if error.path is not None else ""
        return f"{error.reason}{where}"
    if isinstance(error, OSError):
        return describe_os_error(error)
    return str(error)
