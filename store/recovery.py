"""What can be trusted in a damaged database, and exactly what cannot: the core of repair.

Each file is read on its own terms, never trusting more than its checksums vouch for:

- the snapshot, if its checksum holds (or it is a file from before checksums);
- every journal line (sealed segments, then the live journal) that passes its checksum,
  is a change, and carries a sequence number after the last trusted one. A damaged
  line, a line that is not a change, a line repeating a number with other content, and
  numbers missing from the sequence are each named, with what they held as far as it
  can be read; a line repeating an earlier one byte for byte is skipped (nothing is lost),
  and an intact line found after later changes, whose number the sequence lacks, is put
  back in its place and named (nothing is lost either).
- every history record whose line passes its checksum, in the order of their ids.

The trusted lines after a damaged or missing one are kept. Every change is an absolute
put or delete of whole documents by id (ops.py), so a document a later line writes ends
exactly as that line left it, whatever the missing change did; what differs from the
acknowledged state is only what the missing changes wrote and nothing wrote again. The
report says which: the history records carry consecutive ids, so the ids missing between
two trusted lines count the annotation changes lost (none: only positions, articles seen
or ledger decisions were). Two annotations left on one sentence (the missing change had
moved or deleted one) keep the one written last, and name the other. An import whose
committing line never came is still dropped whole (it was never acknowledged).

When the snapshot cannot be trusted, the annotations are rebuilt from the history (every
change to an annotation has a history record, so a history complete from its first
record gives every annotation exactly); what the damaged snapshot says is then only
compared with it, and named where it differs. Without a complete history, the damaged
snapshot's readable records are kept as found and the report says they are unverified.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store import line_format, migrations
from store.change import change_problem
from store.errors import CorruptDatabaseError, SchemaVersionError
from store.history_log import HistoryLog, history_path
from store.loss_words import contents, describe_change
from store.ops import apply_ops, is_op
from store.position_record import POSITIONS_TABLE
from store.reading_order import ANNOTATIONS_TABLE
from store.replay import JournalEntry, journal_entry
from store.segments import fresh_journal_path, journal_path, sealed_segments
from store.snapshot import META_ID, META_TABLE, Snapshot, Tables, check_shape, load_snapshot
from store.snapshot_records import (
    ARTICLES_TABLE,
    JOURNALED_TABLES,
    LEDGER_TABLE,
    document_problem,
    ops_problem,
    snapshot_problem,
)
from store.trusted import record_problem
from workbench.core.annotation import Annotation
from workbench.core.terminal_text import name_printable

ANNOTATIONS = ANNOTATIONS_TABLE
ARTICLES = ARTICLES_TABLE
MAX_NAMED = 200
"""Lost changes named one by one; beyond this many, the rest are counted."""


@dataclass(frozen=True, slots=True)
class JournalLine:
    """A trusted journal line: where it is, its sequence number, its change."""

    file: Path
    number: int
    seq: int | None
    ops: list[Any] | None
    history: list[dict[str, Any]]
    staged: bool = False
    """A line of an import, committed only by the unmarked line after it (staging.py)."""

    def same_change(self, other: JournalLine) -> bool:
        return (self.seq, self.ops, self.history, self.staged) == (
            other.seq,
            other.ops,
            other.history,
            other.staged,
        )


@dataclass(frozen=True, slots=True)
class UntrustedLine:
    """A journal line that cannot be trusted, and what its text still says, if anything."""

    file: Path
    number: int
    offset: int
    reason: str
    readable: JournalEntry | None = None


@dataclass(frozen=True, slots=True)
class RepeatedLine:
    """A line identical to an earlier trusted one: a copy, harmless to skip."""

    file: Path
    number: int
    original: JournalLine


Entry = JournalLine | UntrustedLine | RepeatedLine


@dataclass
class Recovery:
    """The tables and history to write, and the report of what was kept and lost."""

    tables: Tables = field(default_factory=dict)
    history: list[dict[str, Any]] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)
    """What was found damaged, missing or not trusted."""
    kept: list[str] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    """What the damaged files said, replaced by what the history says."""
    lost: list[str] = field(default_factory=list)
    """Data that is gone from the repaired database (the damaged files still hold it)."""
    unverified: list[str] = field(default_factory=list)
    """Kept as found, though nothing vouches for it."""
    journal_cut: bool = False
    """The live journal's last line was cut after FILE.lock recorded it as saved."""
    acknowledged: dict[tuple[Any, ...], dict[str, Any]] = field(default_factory=dict)
    """Each annotation key's last history record, when the history a checksummed snapshot
    acknowledged is whole and vouched for: what the snapshot's record of that annotation
    was, put back for one the snapshot holds damaged (tr9 T12)."""
    history_read: HistoryRead | None = None
    """FILE.history's "Kept" line and the records it counts: repair says it again with the
    journal's changes added (repair._history_kept), from this count, not its words."""


@dataclass(frozen=True, slots=True)
class HistoryRead:
    """The records read from FILE.history, and which line of `Recovery.kept` says so."""

    line: int
    records: int


@dataclass(frozen=True, slots=True)
class Names:
    """The report names each file as the database called it (FILE.journal), not by the
    name it was moved aside to: the list of moves says where each one is now."""

    source: Path
    shown_as: Path

    def __call__(self, file: Path) -> str:
        return self.shown_as.name + file.name[len(self.source.name) :]


def recover(source: Path, shown_as: Path | None = None, saved: int | None = None) -> Recovery:
    """Read the database whose files are named after `source` (FILE, FILE.journal, ...),
    naming them after `shown_as` in the report; `saved` is the last change FILE.lock
    recorded as saved (lock.py), which tells whole lines cut from the journal's end."""
    recovery = Recovery()
    names = Names(source, shown_as or source)
    snapshot, salvaged = _snapshot(source, names, recovery)
    entries = _journal(source, names, recovery, saved)
    history = _history(source, snapshot, names, recovery)
    if snapshot is not None:
        missing = None if _journal_files(source) else names(journal_path(source))
        _over_snapshot(snapshot, entries, history, recovery, names, saved, missing)
    else:
        _from_history(salvaged, entries, history, recovery, names, saved)
    _keep_valid_annotations(recovery)
    _keep_valid_records(recovery)
    return recovery


# -- Reading each file ---------------------------------------------------------------------


def _snapshot(
    source: Path, names: Names, recovery: Recovery
) -> tuple[Snapshot | None, Tables | None]:
    """(the trusted snapshot or None, the damaged snapshot's tables if they still parse)."""
    name = names(source)
    try:
        snapshot = load_snapshot(source)
        if snapshot is not None:
            version = snapshot.schema_version
            if version is not None and version > migrations.SCHEMA_VERSION:
                raise SchemaVersionError(source, version, migrations.SCHEMA_VERSION)
            snapshot.check_unchecked(source)
            problem = snapshot_problem(snapshot.tables, records=False)
            if problem is not None:  # what it counts cannot be known (tr9 T2)
                raise CorruptDatabaseError(source, problem)
    except CorruptDatabaseError as error:
        recovery.damaged.append(f"{name} (the snapshot): {error.detail}; it is not trusted")
        return None, _parsed_anyway(source)
    if snapshot is None:
        state = "empty" if source.exists() else "missing"
        recovery.damaged.append(f"{name} (the snapshot): {state}")
        return None, None
    count = len(snapshot.tables.get(ANNOTATIONS, {}))
    recovery.kept.append(f"{name}: the snapshot ({count:,} annotations)")
    return snapshot, None


def _parsed_anyway(source: Path) -> Tables | None:
    """A damaged snapshot's tables, if its JSON still has TinyDB's shape."""
    try:
        tables = json.loads(source.read_bytes())
        check_shape(source, tables)
    except (OSError, ValueError, CorruptDatabaseError):
        return None
    tables.pop("integrity", None)
    result: Tables = tables
    return result


def _journal_files(source: Path) -> list[tuple[Path, bool]]:
    """(file, is live) for the sealed segments and the live journal, in replay order."""
    files = [(segment, False) for segment in sealed_segments(source)]
    live = journal_path(source)
    if not live.exists() and fresh_journal_path(source).exists():
        live = fresh_journal_path(source)
    if live.exists():
        files.append((live, True))
    return files


def _journal(
    source: Path, names: Names, recovery: Recovery, saved: int | None = None
) -> list[Entry]:
    """Every journal line in replay order, as trusted, untrusted or a repeat (`saved`:
    what FILE.lock records as saved, which tells a cut last line that was acknowledged)."""
    entries: list[Entry] = []
    by_seq: dict[int, JournalLine] = {}
    last: int | None = None
    put_back: list[tuple[JournalLine, int]] = []
    for file, live in _journal_files(source):
        for line in _lines(file):
            if isinstance(line, line_format.TornLine):
                if live and saved is not None and (last or 0) < saved:
                    # Cut after it was saved (a block of the file lost): the change it
                    # held is named below, as missing from the journal's end.
                    recovery.journal_cut = True
                    recovery.lost.append(
                        f"{names(file)} line {line.number}: a change cut short ({line.size:,} "
                        "bytes) after it was saved"
                    )
                elif live:
                    recovery.lost.append(
                        f"{names(file)} line {line.number}: an incomplete last change "
                        f"({line.size:,} bytes), never acknowledged"
                    )
                else:
                    entries.append(UntrustedLine(file, line.number, line.offset, "is cut short"))
                continue
            if isinstance(line, line_format.BadLine):
                readable = _readable(file, line.offset, line.end)
                reason = f"cannot be trusted ({line.reason})"
                entries.append(UntrustedLine(file, line.number, line.offset, reason, readable))
                continue
            parsed = _parsed_line(file, line)
            if parsed is None:
                entries.append(
                    UntrustedLine(file, line.number, line.offset, "is not a journal change")
                )
            elif parsed.seq is None and last is not None:
                reason = "has no sequence number, but lines before it do"
                entries.append(UntrustedLine(file, line.number, line.offset, reason))
            elif parsed.seq is not None and last is not None and parsed.seq <= last:
                earlier = by_seq.get(parsed.seq)
                if earlier is None and _wrong_record(parsed) is None:
                    # Intact, and its number is one the sequence lacks: the change
                    # acknowledged as that number, applied in its place (qa2 R2).
                    by_seq[parsed.seq] = parsed
                    _put_in_place(entries, parsed)
                    put_back.append((parsed, last))
                else:
                    entries.append(_out_of_order(parsed, line.offset, earlier, last))
            elif parsed.seq is not None and (wrong := _wrong_record(parsed)) is not None:
                # Read as a checksum failure is: the change is lost and named, and the
                # annotation stays as the lines before it left it.
                entry = JournalEntry(parsed.seq, parsed.ops, parsed.history, parsed.staged)
                entries.append(UntrustedLine(file, line.number, line.offset, wrong, entry))
            else:
                if parsed.seq is not None:
                    by_seq[parsed.seq] = parsed
                    last = parsed.seq
                entries.append(parsed)
    kept = _without_uncommitted_import(entries, names, recovery)
    for moved, after in put_back:
        if any(entry is moved for entry in kept):  # else an import never committed: named
            recovery.damaged.append(
                f"{names(moved.file)} line {moved.number} is change {moved.seq}, out of order "
                f"after change {after}: put back in its place, nothing lost"
            )
    return kept


def _put_in_place(entries: list[Entry], line: JournalLine) -> None:
    """Insert `line` where its number puts it: before the first trusted line numbered
    after it. Every line is an absolute put or delete of whole documents, so the lines
    applied in the order of their numbers end as the writer left them, whichever
    documents the lines around it wrote (applied where it was found, a later change to
    the same annotation would be undone)."""
    assert line.seq is not None
    at = next(
        position
        for position, entry in enumerate(entries)
        if isinstance(entry, JournalLine) and entry.seq is not None and entry.seq > line.seq
    )
    entries.insert(at, line)


def _out_of_order(
    line: JournalLine, offset: int, earlier: JournalLine | None, last: int
) -> RepeatedLine | UntrustedLine:
    """A line whose number was already passed: a copy of that line, or a change that
    contradicts the sequence (neither it nor the sequence can say which is right)."""
    if earlier is not None and earlier.same_change(line):
        return RepeatedLine(line.file, line.number, earlier)
    entry = JournalEntry(line.seq, line.ops, line.history, line.staged)
    if earlier is not None:
        reason = f"is another change {line.seq}, after line {earlier.number} was change {line.seq}"
    else:
        reason = f"is change {line.seq}, out of order after change {last}"
    return UntrustedLine(line.file, line.number, offset, reason, entry)


def _without_uncommitted_import(
    entries: list[Entry], names: Names, recovery: Recovery
) -> list[Entry]:
    """The lines without a last run of staged ones that nothing after them committed."""
    end = len(entries)
    while end and isinstance(entries[end - 1], JournalLine) and entries[end - 1].staged:  # type: ignore[union-attr]
        end -= 1
    dropped = [entry for entry in entries[end:] if isinstance(entry, JournalLine)]
    if dropped:
        changes = sum(len(line.history) for line in dropped)
        recovery.lost.append(
            f"{names(dropped[0].file)} lines {dropped[0].number} to {dropped[-1].number}: an "
            f"import cut short before it was committed ({changes:,} changes never imported)"
        )
    return entries[:end]


def _lines(file: Path) -> Iterator[line_format.Line | line_format.BadLine | line_format.TornLine]:
    try:
        handle = file.open("rb")
    except OSError:
        return
    with handle:
        yield from line_format.read_lines(handle)


def _readable(file: Path, offset: int, end: int) -> JournalEntry | None:
    """What a damaged line's text still says, if it is still a journal change (else its
    number and the annotations its records name, if those can be picked out): a guide
    for the report, never applied."""
    try:
        with file.open("rb") as handle:
            handle.seek(offset)
            raw = handle.read(end - offset)
    except OSError:
        return None
    body = raw[9:] if raw[8:9] == b" " else raw
    try:
        return journal_entry(json.loads(body))
    except ValueError:
        return _picked_out(body.decode("ascii", "replace"))


_SEQ = re.compile(r'"seq":([0-9]+)')
_CHANGE = re.compile(r'"action":"(\w+)","key":\[("(?:[^"\\]|\\.)*"),("(?:[^"\\]|\\.)*"),([0-9]+)\]')


def _picked_out(text: str) -> JournalEntry | None:
    """The change number and the (action, key) of each history record in the text of a
    line that no longer parses: which annotations it changed, not how."""
    seq = _SEQ.search(text)
    records: list[Any] = []
    for action, annotator, article_id, index in _CHANGE.findall(text):
        try:
            key = [json.loads(annotator), json.loads(article_id), int(index)]
        except ValueError:
            continue
        records.append({"action": action, "key": key, "unreadable": True})
    if seq is None and not records:
        return None
    return JournalEntry(int(seq.group(1)) if seq else None, [], records)


def _parsed_line(file: Path, line: line_format.Line) -> JournalLine | None:
    entry = journal_entry(line.payload)
    if entry is None:
        return None
    if not all(
        isinstance(record, dict) and type(record.get("id")) is int for record in entry.history
    ):
        return None
    if entry.seq is None and entry.ops is not None and not all(map(is_op, entry.ops)):
        return None  # applying it would fail (a numbered line: _wrong_record says why)
    return JournalLine(file, line.number, entry.seq, entry.ops, entry.history, entry.staged)


def _wrong_record(line: JournalLine) -> str | None:
    """Why a numbered line cannot be trusted though its checksum passes: it puts a record
    the store never writes (replay refuses it the same way)."""
    return None if line.ops is None else ops_problem(line.ops)


def _capped(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_NAMED:
        return lines
    return [*lines[:MAX_NAMED], f"  … and {len(lines) - MAX_NAMED:,} more"]


def _history(
    source: Path, snapshot: Snapshot | None, names: Names, recovery: Recovery
) -> list[dict[str, Any]]:
    """Every readable history record of FILE.history that the snapshot acknowledged (all
    readable ones when there is no trusted snapshot), in the order of their ids; each
    damaged record is named with what it recorded, as far as its text can be read."""
    path = history_path(source)
    name = names(path)
    meta = snapshot.tables.get(META_TABLE, {}).get(META_ID, {}) if snapshot else {}
    committed = int(meta.get("history_bytes", 0)) if snapshot else None
    records: dict[int, dict[str, Any]] = {}
    damaged: list[tuple[int, int, str, Any]] = []
    repeated = 0
    end = 0
    for line in _lines(path):
        if committed is not None and line.offset >= committed:
            break  # past what was acknowledged: a compaction that never finished
        if isinstance(line, line_format.Line):
            record = line.payload
            problem = change_problem(record)
            if problem is not None and isinstance(record, dict) and type(record.get("id")) is int:
                damaged.append((line.number, line.offset, f"is not a change: {problem}", None))
                continue
            if isinstance(record, dict) and type(record.get("id")) is int:
                end = line.end
                if records.get(record["id"], record) != record:
                    damaged.append((line.number, line.offset, "repeats a record's id", record))
                elif record["id"] in records:
                    repeated += 1
                records.setdefault(record["id"], record)
                continue
            damaged.append((line.number, line.offset, "is not a history record", None))
        elif isinstance(line, line_format.TornLine):
            if committed is None:
                break  # an append cut short, never acknowledged
            damaged.append((line.number, line.offset, "is cut short", None))
        else:
            reason = f"cannot be trusted ({line.reason})"
            damaged.append((line.number, line.offset, reason, _readable_record(path, line)))
    if committed is not None and end < committed and not damaged:
        recovery.damaged.append(
            f"{name}: {committed - end:,} bytes of history are missing (the file is "
            "missing or cut short)"
        )
    vouched = False
    if committed and not damaged and end >= committed:
        vouched = _check_history_checksum(path, source, meta, recovery, name)
    if repeated:
        recovery.damaged.append(f"{name}: {repeated:,} record(s) appear twice: read once")
    if damaged:
        expected = (
            range(int(meta.get("history_first_id", 1)), int(meta.get("history_next_id", 1)))
            if snapshot is not None and snapshot.checked
            else range(min(records, default=1), max(records, default=0) + 1)
        )
        missing = [number for number in expected if number not in records]
        _name_damaged_records(name, damaged, recovery, _titles(snapshot), missing)
    ordered = [records[number] for number in sorted(records)]
    if list(records) != sorted(records):
        recovery.damaged.append(f"{name}: records out of order: put back in the order of their ids")
    recovery.history_read = HistoryRead(len(recovery.kept), len(ordered))
    recovery.kept.append(f"{name}: {len(ordered):,} history records")
    first, following = int(meta.get("history_first_id", 1)), int(meta.get("history_next_id", 1))
    whole = snapshot is not None and snapshot.checked and vouched
    if whole and sorted(records) == list(range(first, following)):
        recovery.acknowledged = _last_changes(ordered)
    return ordered


def _last_changes(history: list[dict[str, Any]]) -> dict[tuple[Any, ...], dict[str, Any]]:
    """Each annotation key's last history record."""
    last: dict[tuple[Any, ...], dict[str, Any]] = {}
    for record in history:
        key = record.get("key")
        if isinstance(key, list) and len(key) == 3:
            last[tuple(key)] = record
    return last


def _check_history_checksum(
    path: Path, source: Path, meta: dict[str, Any], recovery: Recovery, name: str
) -> bool:
    """Say so when the acknowledged history fails the checksum the snapshot records
    though each record passes its own: one was rewritten in place (tr7 T5: an analyst's
    name changed), which cannot be told, so the new history's checksum must not pass it
    off as whole. The records are kept as read: they are all there is. True when the
    checksum passes."""
    try:
        HistoryLog(path, source).verify(
            int(meta.get("history_bytes", 0)),
            int(meta.get("history_first_id", 1)),
            meta.get("history_checksum"),
        )
    except CorruptDatabaseError:
        recovery.damaged.append(
            f"{name}: its bytes are not what was written (the checksum of the whole "
            "fails), though each record passes its own: a record was changed in place, and "
            "which one cannot be told; the records are kept as read, unverified"
        )
        return False
    return True


def _id_runs(numbers: list[int]) -> str:
    """Sorted record ids as runs: "84 to 90, 95"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    shown = [f"{a}" if a == b else f"{a} to {b}" for a, b in runs[:MAX_NAMED]]
    more = f", … and {len(runs) - MAX_NAMED:,} more runs" if len(runs) > MAX_NAMED else ""
    return ", ".join(shown) + more


def _readable_record(path: Path, line: line_format.BadLine) -> Any:
    try:
        with path.open("rb") as handle:
            handle.seek(line.offset)
            raw = handle.read(line.end - line.offset)
        return json.loads(raw[9:] if raw[8:9] == b" " else raw)
    except (OSError, ValueError):
        return None


def _name_damaged_records(
    name: str,
    damaged: list[tuple[int, int, str, Any]],
    recovery: Recovery,
    titles: dict[str, str],
    missing: list[int],
) -> None:
    """Each damaged line, and the records lost: counted by the ids missing among those
    read (a damaged stretch, zeroed by a disk, can swallow several records in one
    "line"), never fewer than the damaged lines."""
    for number, offset, reason, _record in damaged[:MAX_NAMED]:
        recovery.damaged.append(f"{name} line {number:,} (byte {offset:,}) {reason}")
    if len(damaged) > MAX_NAMED:
        recovery.damaged.append(f"{name}: … and {len(damaged) - MAX_NAMED:,} more damaged lines")
    count = max(len(damaged), len(missing))
    recovery.lost.append(
        f"{name}: the record of {count:,} past change(s) (the annotations themselves "
        "are not affected):"
    )
    if missing:
        recovery.lost.append(f"  records missing: {_id_runs(missing)}")
    described = []
    for number, _offset, _reason, record in damaged:
        if isinstance(record, dict) and record.get("key"):
            what = f"as far as its text reads, {describe_change(record, titles)}"
        else:
            what = "which change it recorded cannot be read"
        described.append(f"  line {number:,}: {what}")
    recovery.lost.extend(_capped(described))


def _titles(snapshot: Snapshot | None, tables: Tables | None = None) -> dict[str, str]:
    """Article id -> title, from the articles the database has seen."""
    seen = (tables if tables is not None else snapshot.tables if snapshot else {}).get(ARTICLES, {})
    return {
        str(doc.get("article_id")): str(doc.get("title"))
        for doc in seen.values()
        if isinstance(doc, dict) and doc.get("title")
    }


# -- Putting it together -----------------------------------------------------------------


@dataclass
class Applied:
    """What the trusted lines wrote, to tell which losses a later change made good."""

    order: dict[str, int] = field(default_factory=dict)
    """Annotation document id -> the position of the last line that wrote it."""
    keys: dict[tuple[Any, ...], tuple[int, str]] = field(default_factory=dict)
    """Annotation key -> (position, "FILE line N") of the last line that changed it."""


def _apply(
    tables: Tables,
    entries: list[Entry],
    names: Names,
    keep: Callable[[JournalLine], bool],
    annotations: bool = True,
) -> tuple[Applied, list[dict[str, Any]]]:
    """Apply the trusted lines that `keep` accepts, in order (the annotations table too
    unless `annotations` is False); their history records."""
    applied = Applied()
    history: list[dict[str, Any]] = []
    for position, entry in enumerate(entries):
        if not isinstance(entry, JournalLine) or entry.ops is None or not keep(entry):
            continue
        ops = entry.ops if annotations else [op for op in entry.ops if op and op[0] != ANNOTATIONS]
        apply_ops(tables, ops)
        for op in entry.ops:
            if op and op[0] == ANNOTATIONS:
                applied.order[str(op[1])] = position
        for record in entry.history:
            key = record.get("key")
            if isinstance(key, list):
                applied.keys[tuple(key)] = (position, f"{names(entry.file)} line {entry.number}")
        history.extend(entry.history)
    return applied, history


def _over_snapshot(
    snapshot: Snapshot,
    entries: list[Entry],
    history: list[dict[str, Any]],
    recovery: Recovery,
    names: Names,
    saved: int | None,
    missing: str | None = None,
) -> None:
    """A trusted snapshot, the trusted journal lines it does not hold, its history;
    `missing`: the journal's name when no journal file exists at all."""
    tables = snapshot.tables
    floor = snapshot.journal_seq if snapshot.checked else 0
    meta = tables.setdefault(META_TABLE, {}).setdefault(META_ID, {})
    saved_through = int(meta.get("history_next_id", 1))

    def newer(line: JournalLine) -> bool:
        if line.seq is None:
            return not snapshot.checked  # an old line the first checksummed snapshot holds
        return line.seq > floor

    applied, added = _apply(tables, entries, names, newer)
    history.extend(record for record in added if record["id"] >= saved_through)
    numbered = [e.seq for e in entries if isinstance(e, JournalLine) and e.seq is not None]
    untrusted = any(isinstance(entry, UntrustedLine) for entry in entries)
    if snapshot.checked and floor and missing is not None:
        recovery.damaged.append(f"{missing}: the file does not exist")
        recovery.lost.append(
            f"{missing} does not exist: every change made since the snapshot was last "
            "written is missing here. If this database was copied or moved without that "
            "file, copy all of its files again from where it came and use that copy, not "
            "this one"
        )
    elif snapshot.checked and floor and (not numbered or numbered[-1] < floor) and not untrusted:
        recovery.damaged.append("journal: missing or cut short")
        recovery.lost.append(
            f"the journal ends before change {floor}, the last the snapshot holds: changes "
            "made after the snapshot, if any, are lost (the journal is missing or cut short)"
        )
    losses = Losses(recovery, names, _titles(None, tables), applied, saved_through - 1)
    losses.walk(entries, floor, saved)
    found = migrations.schema_version(tables)
    if found < migrations.SCHEMA_VERSION:
        migrations.migrate(tables, found)
    recovery.tables = tables
    recovery.history = history
    _kept_from_journal(entries, recovery)
    recovery.tables[ANNOTATIONS] = _one_per_sentence(
        tables.get(ANNOTATIONS, {}), applied, recovery, _titles(None, tables)
    )


def _kept_from_journal(entries: list[Entry], recovery: Recovery) -> None:
    changes = sum(1 for e in entries if isinstance(e, JournalLine) and e.ops is not None)
    repeats = sum(1 for e in entries if isinstance(e, RepeatedLine))
    others = sum(1 for e in entries if isinstance(e, UntrustedLine))
    every = " (every one)" if not others and not recovery.journal_cut else ""
    skipped = f", {repeats:,} repeated line(s) skipped" if repeats else ""
    recovery.kept.append(f"journal: {changes:,} changes{every}{skipped}")


class Losses:
    """Names each run of journal changes that could not be trusted, and what it lost.

    Between two trusted lines numbered p and q, changes p+1 to q-1 are untrusted lines
    or missing ones. The history ids missing between the records of the lines on either
    side count the annotation changes among them (every such change has a record);
    what an untrusted line's text still says names them."""

    def __init__(
        self,
        recovery: Recovery,
        names: Names,
        titles: dict[str, str],
        applied: Applied,
        history_before: int,
    ) -> None:
        self.recovery = recovery
        self.names = names
        self.titles = titles
        self.applied = applied
        self.history_before = history_before

    def walk(self, entries: list[Entry], floor: int, saved: int | None) -> None:
        expected = floor + 1
        pending: list[tuple[int, UntrustedLine]] = []
        previous: JournalLine | None = None
        for position, entry in enumerate(entries):
            if isinstance(entry, RepeatedLine):
                self.recovery.damaged.append(
                    f"{self.names(entry.file)} line {entry.number} repeats line "
                    f"{entry.original.number} exactly (change {entry.original.seq}): "
                    "skipped, nothing lost"
                )
            elif isinstance(entry, UntrustedLine):
                pending.append((position, entry))
            elif entry.seq is not None and entry.seq <= floor:
                self._held_by_snapshot(pending)
                pending = []
            elif entry.seq is not None:
                if pending or entry.seq > expected:
                    after = self._first_history_id(entries[position:])
                    self._span(pending, expected, entry.seq - 1, after, previous, entry)
                pending = []
                expected = entry.seq + 1
                ids = [record["id"] for record in entry.history]
                self.history_before = max([self.history_before, *ids])
                previous = entry
        at_end = saved if saved is not None and saved >= expected else None
        if pending or at_end is not None:
            self._span(pending, expected, at_end, None, previous, None)

    def _held_by_snapshot(self, pending: list[tuple[int, UntrustedLine]]) -> None:
        for _position, line in pending:
            self.recovery.damaged.append(
                f"{self._where(line)} {line.reason}; the snapshot holds its change: nothing lost"
            )

    def _first_history_id(self, entries: list[Entry]) -> int | None:
        for entry in entries:
            if isinstance(entry, JournalLine) and entry.history:
                return int(min(record["id"] for record in entry.history))
        return None

    def _where(self, line: UntrustedLine) -> str:
        return f"{self.names(line.file)} line {line.number} (byte {line.offset:,})"

    def _span(
        self,
        pending: list[tuple[int, UntrustedLine]],
        first: int,
        last: int | None,
        history_after: int | None,
        previous: JournalLine | None,
        following: JournalLine | None,
    ) -> None:
        """One run of untrusted or missing changes, numbered first to last (None: not
        known, at the journal's end), named in Damaged and in Lost."""
        damaged, lost = self.recovery.damaged, self.recovery.lost
        for _position, line in pending:
            damaged.append(f"{self._where(line)} {line.reason}")
        missing = 0 if last is None else max(0, last - first + 1 - len(pending))
        numbers = _numbers(first, last)
        if missing:
            place = _missing_where(previous, following, self.names)
            damaged.append(f"journal: {numbers} {'is' if first == last else 'are'} missing {place}")
        exact = last is not None and missing == 0
        known = 0
        unread = missing > 0 or (last is None and not pending)
        for offset, (position, line) in enumerate(pending):
            seq = line.readable.seq if line.readable and line.readable.seq else None
            seq = seq or (first + offset if exact else None)
            label = f"{self.names(line.file)} line {line.number}"
            label += f" (change {seq})" if seq else ""
            described = self._readable(position, line)
            known += len(described)
            unread = unread or line.readable is None
            how = "as far as its damaged text reads" if "checksum" in line.reason else "as it reads"
            lost.extend(f"{label}, {how}: {text}" for text in described)
        total = None if history_after is None else history_after - self.history_before - 1
        unknown = None if total is None else total - known
        them, they = ("it", "it") if first == last else ("them", "they")
        if unknown is not None and unknown > 0:
            lost.append(
                f"{numbers}: {unknown:,} change(s) to annotations whose text is gone; which "
                "annotations is not known"
            )
        elif unread and unknown == 0:
            lost.append(
                f"{numbers}: no annotation was changed in {them} (the history records on "
                "either side follow each other): at most a position, an article seen or a "
                "ledger decision"
            )
        elif unread and unknown is None:
            where = f"{numbers}" if last is not None or not pending else self._label(pending)
            lost.append(f"{where}: what {they} held is not known (no later change tells)")

    def _label(self, pending: list[tuple[int, UntrustedLine]]) -> str:
        return ", ".join(f"{self.names(line.file)} line {line.number}" for _, line in pending)

    def _readable(self, position: int, line: UntrustedLine) -> list[str]:
        """What an untrusted line's text says it changed, each with whether a later
        trusted change to that annotation is kept (then it stands as last saved)."""
        if line.readable is None:
            return []
        described = []
        for record in line.readable.history:
            if not isinstance(record, dict):
                continue
            text = describe_change(record, self.titles)
            key = record.get("key")
            later = self.applied.keys.get(tuple(key)) if isinstance(key, list) else None
            if later is not None and later[0] > position:
                text += f" (a later change to it, {later[1]}, is kept: it stands as last saved)"
            described.append(text)
        return described


def _numbers(first: int, last: int | None) -> str:
    if last is None:
        return f"changes from {first} on"
    return f"change {first}" if first == last else f"changes {first} to {last}"


def _missing_where(
    previous: JournalLine | None, following: JournalLine | None, names: Names
) -> str:
    if following is not None:
        return f"before {names(following.file)} line {following.number}"
    after = f", after {names(previous.file)} line {previous.number}" if previous else ""
    return f"from the journal's end{after} ({names.shown_as.name}.lock records them as saved)"


def _one_per_sentence(
    table: dict[str, Any], applied: Applied, recovery: Recovery, titles: dict[str, str]
) -> dict[str, Any]:
    """Placed annotations on distinct sentences: where two share one (a lost change had
    moved or deleted the one a later line does not mention), the one written last is
    kept and the other named."""

    def recency(doc_id: str) -> tuple[int, int]:
        return applied.order.get(doc_id, -1), int(doc_id) if doc_id.isdigit() else 0

    holders: dict[tuple[Any, ...], str] = {}
    dropped: set[str] = set()
    for doc_id, record in table.items():
        key = _record_key(record)
        if key is None or record.get("anchor_state") == "orphaned":
            continue
        other = holders.get(key)
        if other is None:
            holders[key] = doc_id
            continue
        newer, older = sorted((doc_id, other), key=recency, reverse=True)
        holders[key] = newer
        dropped.add(older)
        annotator, article_id, index = key
        title = titles.get(str(article_id))
        where = f'"{title}" ({article_id})' if title else str(article_id)
        sentence = f"sentence {index + 1}" if isinstance(index, int) else "a sentence"
        recovery.lost.append(
            f"{annotator}'s annotation on {sentence} of {where} as it was before the lost "
            f"changes ({contents(table[older])}): a later change put another there, which "
            "is kept"
        )
    return {doc_id: record for doc_id, record in table.items() if doc_id not in dropped}


def _from_history(
    salvaged: Tables | None,
    entries: list[Entry],
    history: list[dict[str, Any]],
    recovery: Recovery,
    names: Names,
    saved: int | None,
) -> None:
    """No trusted snapshot: annotations from the history, the rest from the journal and,
    unverified, from what the damaged snapshot still says."""
    lines = [entry for entry in entries if isinstance(entry, JournalLine)]
    records = {record["id"]: record for record in history}
    for line in lines:
        for record in line.history:
            records.setdefault(record["id"], record)
    ordered = [records[number] for number in sorted(records)]
    complete = bool(ordered) and all(
        record["id"] == number for number, record in enumerate(ordered, start=1)
    )
    tables: Tables = {
        name: dict(table)
        for name, table in (salvaged or {}).items()
        if name not in (ANNOTATIONS, META_TABLE)
    }
    applied, _added = _apply(tables, entries, names, lambda line: True, annotations=False)
    rebuilt = _annotations_of(ordered)
    at_snapshot = _annotations_of(history)
    from_journal = set(_annotations_of([r for line in lines for r in line.history]))
    found = dict((salvaged or {}).get(ANNOTATIONS, {}))
    titles = _titles(None, tables)
    annotations = _merged(rebuilt, at_snapshot, found, complete, from_journal, recovery, titles)
    tables[ANNOTATIONS] = {str(number): record for number, record in enumerate(annotations, 1)}
    tables[META_TABLE] = {META_ID: {"schema_version": migrations.SCHEMA_VERSION}}
    numbered = [line.seq for line in lines if line.seq is not None]
    floor = numbered[0] - 1 if numbered else 0  # the journal is taken as it begins
    first_journal_id = min((r["id"] for line in lines for r in line.history), default=None)
    before = max(
        (r["id"] for r in history if first_journal_id is None or r["id"] < first_journal_id),
        default=0,
    )
    Losses(recovery, names, titles, applied, before).walk(entries, floor, saved)
    if salvaged is None:
        recovery.lost.append(
            "the snapshot's other records: where each analyst was (positions), the articles "
            "seen (each is remembered again when it is next opened) and the claim-ledger "
            "merge and split decisions, except what the journal still held; how many is not "
            "known"
        )
    kind = "complete" if complete else "incomplete"
    recovery.kept.append(
        f"annotations: rebuilt from the {kind} history ({len(rebuilt):,} annotations)"
    )
    _kept_from_journal(entries, recovery)
    other = sum(len(table) for name, table in tables.items() if name not in (ANNOTATIONS, "meta"))
    if salvaged is not None and other:
        recovery.unverified.append(
            f"{other:,} record(s) of the damaged snapshot besides annotations (articles seen, "
            "positions, ledger decisions) were kept as found: no checksum vouches for them"
        )
    recovery.tables = tables
    recovery.history = ordered


def _annotations_of(history: list[dict[str, Any]]) -> dict[tuple[Any, ...], dict[str, Any] | None]:
    """Each annotation key's last state in the history (None: removed)."""
    state: dict[tuple[Any, ...], dict[str, Any] | None] = {}
    for record in history:
        key = record.get("key")
        if isinstance(key, list) and len(key) == 3:
            after = record.get("after")
            state[tuple(key)] = after if isinstance(after, dict) else None
    return state


def _record_key(record: Any) -> tuple[Any, ...] | None:
    if not isinstance(record, dict):
        return None
    return (record.get("annotator"), record.get("article_id"), record.get("index"))


def _merged(
    rebuilt: dict[tuple[Any, ...], dict[str, Any] | None],
    at_snapshot: dict[tuple[Any, ...], dict[str, Any] | None],
    found: dict[str, Any],
    complete: bool,
    from_journal: set[tuple[Any, ...]],
    recovery: Recovery,
    titles: dict[str, str],
) -> list[dict[str, Any]]:
    """The history's annotations, checked against the damaged snapshot's.

    A change in the journal is newer than the snapshot and wins. Otherwise the damaged
    snapshot is compared with what FILE.history says as of the snapshot: with a history
    complete from its first record, the history wins and each difference is named (that
    is where the snapshot was damaged). Without one, the damaged snapshot's record is
    kept as found (the history may have lost its later changes) and counted as
    unverified, as is every record the history never mentions (made before it began)."""
    result = {key: record for key, record in rebuilt.items() if record is not None}
    differing: list[str] = []
    unverified = 0
    for record in found.values():
        key = _record_key(record)
        if key is None or key in from_journal or at_snapshot.get(key, {}) == record:
            continue
        if key in at_snapshot and complete:
            who = describe_change(
                {"key": list(key), "before": record, "after": at_snapshot[key]}, titles
            )
            differing.append(f"  {who}: the history's version is kept")
        else:
            result[key] = record
            unverified += 1
    if differing:
        recovery.corrected.append(
            f"the damaged snapshot disagrees with the history about {len(differing):,} "
            "annotation(s) (what it says there was damaged):"
        )
        recovery.corrected.extend(_capped(differing))
    if unverified:
        recovery.unverified.append(
            f"{unverified:,} annotations were taken from the damaged snapshot as found "
            "(the history cannot vouch for them): check them"
        )
    return [result[key] for key in sorted(result, key=repr)]


_IDENTITY = ("annotator", "article_id", "index", "created_at")
"""What tells one annotation from another: a damaged record is matched by all but one."""


def _put_back_acknowledged(table: dict[str, Any], recovery: Recovery) -> None:
    """Put the value the whole history acknowledged in place of each snapshot record the
    store never writes that it can be told to be (tr9 T12: repair dropped it, or kept it
    as read, though FILE.history held what was saved): matched by three of its annotator,
    article, sentence and creation time to one annotation the history last left in
    place, whose sentence no whole record holds. Named; any other is left as it was."""
    if not recovery.acknowledged:
        return
    problems = {
        doc_id: problem
        for doc_id, record in table.items()
        if isinstance(record, dict) and (problem := record_problem(record)) is not None
    }
    if not problems:
        return
    held = {_record_key(record) for doc_id, record in table.items() if doc_id not in problems}
    for doc_id, problem in problems.items():
        change = _acknowledged_change(table[doc_id], recovery.acknowledged, held)
        if change is None:
            continue
        after = change["after"]
        table[doc_id] = copy.deepcopy(after)
        held.add(_record_key(after))
        recovery.corrected.append(
            f"annotation {doc_id} ({after['annotator']}'s on sentence {after['index'] + 1} of "
            f"{after['article_id']}): {problem}; put back as the history acknowledged it "
            f"(its change {change['id']}, {change['at']})"
        )


def _not_put_back(recovery: Recovery) -> str:
    """Why a damaged record's saved value was not put back from the history."""
    if recovery.acknowledged:
        return " (the history holds no one saved value it can be told to be)"
    return (
        " (the history cannot vouch for its saved value: it is not whole, or no checksum "
        "of the snapshot covers it)"
    )


def _acknowledged_change(
    record: dict[str, Any],
    acknowledged: dict[tuple[Any, ...], dict[str, Any]],
    held: set[tuple[Any, ...] | None],
) -> dict[str, Any] | None:
    """The one last change of the history whose annotation `record` is, or None."""
    found = [
        change
        for key, change in acknowledged.items()
        if key not in held
        and isinstance(after := change.get("after"), dict)
        and sum(after.get(name) == record.get(name) for name in _IDENTITY) >= len(_IDENTITY) - 1
        and record_problem(after) is None
    ]
    return found[0] if len(found) == 1 else None


def _keep_valid_annotations(recovery: Recovery) -> None:
    """Only records that are annotations, one per key, go into the repaired database.

    A record the store would not have written, but that reads leniently (a string "7"
    for a sentence index), is kept in the form the store writes and named, unless its
    key is taken by a record written right: read leniently, it may name a sentence it
    was never on (its key is what is wrong), so the right one keeps the sentence."""
    table = recovery.tables.get(ANNOTATIONS, {})
    _put_back_acknowledged(table, recovery)
    seen: dict[tuple[Any, ...], str] = {}
    lenient: list[tuple[str, str, Annotation]] = []
    for doc_id, record in list(table.items()):
        problem = record_problem(record)
        try:
            annotation = Annotation.from_record(record)
            if record_problem(annotation.to_record()) is not None:
                raise ValueError(problem)
        except (KeyError, TypeError, ValueError) as error:
            del table[doc_id]
            recovery.lost.append(
                f"annotation {doc_id} is not an annotation ({error!r}): dropped"
                + _not_put_back(recovery)
            )
            continue
        if problem is not None:
            lenient.append((doc_id, problem, annotation))
            continue
        if annotation.is_orphan:
            continue  # on no sentence: identified by more than its key
        if annotation.key in seen:
            del table[seen[annotation.key]]
            recovery.lost.append(
                f"annotation {seen[annotation.key]} repeats {' '.join(map(str, annotation.key))}: "
                "the later one is kept"
            )
        seen[annotation.key] = doc_id
    for doc_id, problem, annotation in lenient:
        where = (
            f"annotation {doc_id} ({name_printable(annotation.annotator)}'s on sentence "
            f"{annotation.index + 1} of {name_printable(annotation.article_id)}): {problem}"
        )
        if not annotation.is_orphan and annotation.key in seen:
            del table[doc_id]
            recovery.lost.append(f"{where}; that sentence holds a valid one: dropped")
            continue
        table[doc_id] = annotation.to_record()
        if not annotation.is_orphan:
            seen[annotation.key] = doc_id
        recovery.corrected.append(
            f"{where}; kept as read, in the form workbench writes: check it"
            + _not_put_back(recovery)
        )


_DROPPED_MEANS = {
    ARTICLES: "it is remembered again when the article is next opened",
    POSITIONS_TABLE: "that analyst starts again at the first sentence",
    LEDGER_TABLE: "the claim ledger groups as if it had not been made",
}


def _keep_valid_records(recovery: Recovery) -> None:
    """Beside the annotations, only records the store writes go into the repaired
    database, each dropped one named (the damaged files keep it): one carried in as found
    made the repaired snapshot refused at its next open, and every repair after it
    (tr9 T1)."""
    for table in [name for name in recovery.tables if name not in (ANNOTATIONS, META_TABLE)]:
        if table not in JOURNALED_TABLES:
            count = len(recovery.tables.pop(table))
            recovery.lost.append(
                f"table {table!r} ({count:,} record(s)): not one workbench writes: dropped"
            )
            continue
        records = recovery.tables[table]
        for doc_id, record in list(records.items()):
            problem = document_problem(table, doc_id, record)
            if problem is not None:
                del records[doc_id]
                recovery.lost.append(f"{problem}: dropped ({_DROPPED_MEANS[table]})")
