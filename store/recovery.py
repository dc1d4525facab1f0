"""What can be trusted in a damaged database, and exactly what cannot: the core of repair.

Each file is read on its own terms, never trusting more than its checksums vouch for:

- the snapshot, if its checksum holds (or it is a file from before checksums);
- the journal lines (sealed segments, then the live journal) up to the first that cannot
  be trusted: a damaged or cut-short line, a line that is not a change, a missing or
  repeated sequence number. Every change after it is lost, and named, even when its own
  line is readable: replayed without the changes before it, it could bring back a state
  that never existed;
- every history record whose line passes its checksum.

When the snapshot cannot be trusted, the annotations are rebuilt from the history (every
change to an annotation has a history record, so a history complete from its first
record gives every annotation exactly); what the damaged snapshot says is then only
compared with it, and named where it differs. Without a complete history, the damaged
snapshot's readable records are kept as found and the report says they are unverified.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store import line_format, migrations
from store.errors import CorruptDatabaseError, SchemaVersionError
from store.history_log import history_path
from store.ops import apply_ops
from store.replay import journal_entry
from store.segments import fresh_journal_path, journal_path, sealed_segments
from store.snapshot import META_ID, META_TABLE, Snapshot, Tables, check_shape, load_snapshot
from workbench.core.annotation import Annotation

ANNOTATIONS = "annotations"
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


def recover(source: Path) -> Recovery:
    """Read the database whose files are named after `source` (FILE, FILE.journal, ...)."""
    recovery = Recovery()
    snapshot, salvaged = _snapshot(source, recovery)
    lines, broken = _journal(source, recovery)
    history = _history(source, snapshot, recovery)
    if snapshot is not None:
        _over_snapshot(snapshot, lines, broken, history, recovery)
    else:
        _from_history(salvaged, lines, history, recovery)
    _keep_valid_annotations(recovery)
    return recovery


# -- Reading each file ---------------------------------------------------------------------


def _snapshot(source: Path, recovery: Recovery) -> tuple[Snapshot | None, Tables | None]:
    """(the trusted snapshot or None, the damaged snapshot's tables if they still parse)."""
    try:
        snapshot = load_snapshot(source)
        if snapshot is not None:
            version = snapshot.schema_version
            if version is not None and version > migrations.SCHEMA_VERSION:
                raise SchemaVersionError(source, version, migrations.SCHEMA_VERSION)
            snapshot.check_unchecked(source)
    except CorruptDatabaseError as error:
        recovery.damaged.append(f"{source.name}: {error.detail}; it is not trusted")
        return None, _parsed_anyway(source)
    if snapshot is None:
        recovery.damaged.append(f"{source.name}: missing or empty")
        return None, None
    count = len(snapshot.tables.get(ANNOTATIONS, {}))
    recovery.kept.append(f"{source.name}: the snapshot ({count:,} annotations)")
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


def _journal(source: Path, recovery: Recovery) -> tuple[list[JournalLine], bool]:
    """The trusted lines, up to the first that is not; (lines, whether one broke)."""
    trusted: list[JournalLine] = []
    broke_at: str | None = None
    lost_after: list[str] = []
    last: int | None = None
    for file, live in _journal_files(source):
        for line in _lines(file):
            if broke_at is not None:
                lost_after.extend(_describe_lost(file, line))
                continue
            if isinstance(line, line_format.TornLine):
                if live:
                    recovery.lost.append(
                        f"{file.name} line {line.number}: an incomplete last change "
                        f"({line.size:,} bytes), never acknowledged"
                    )
                    continue
                broke_at = f"{file.name} line {line.number} (byte {line.offset:,}) is cut short"
                continue
            if isinstance(line, line_format.BadLine):
                broke_at = f"{file.name} line {line.number} (byte {line.offset:,}): {line.reason}"
                lost_after.extend(_describe_lost(file, line))
                continue
            parsed = _parsed_line(file, line)
            problem = _sequence_problem(parsed, last) if parsed else "is not a journal change"
            if parsed is None or problem:
                broke_at = f"{file.name} line {line.number} {problem}"
                lost_after.extend(_describe_lost(file, line))
                continue
            last = parsed.seq if parsed.seq is not None else last
            trusted.append(parsed)
    trusted = _without_uncommitted_import(trusted, recovery)
    if broke_at is not None:
        recovery.damaged.append(broke_at)
        recovery.lost.append(f"{broke_at}: that change and every one after it:")
        recovery.lost.extend(_capped(lost_after))
    changes = sum(1 for line in trusted if line.ops is not None)
    recovery.kept.append(f"journal: {changes:,} changes")
    return trusted, broke_at is not None


def _without_uncommitted_import(lines: list[JournalLine], recovery: Recovery) -> list[JournalLine]:
    """The lines without a last run of staged ones that no line committed."""
    end = len(lines)
    while end and lines[end - 1].staged:
        end -= 1
    if end < len(lines):
        dropped = lines[end:]
        changes = sum(len(line.history) for line in dropped)
        recovery.lost.append(
            f"{dropped[0].file.name} lines {dropped[0].number} to {dropped[-1].number}: an "
            f"import cut short before it was committed ({changes:,} changes never imported)"
        )
    return lines[:end]


def _lines(file: Path) -> Iterator[line_format.Line | line_format.BadLine | line_format.TornLine]:
    try:
        handle = file.open("rb")
    except OSError:
        return
    with handle:
        yield from line_format.read_lines(handle)


def _parsed_line(file: Path, line: line_format.Line) -> JournalLine | None:
    entry = journal_entry(line.payload)
    if entry is None:
        return None
    if not all(
        isinstance(record, dict) and type(record.get("id")) is int for record in entry.history
    ):
        return None
    return JournalLine(file, line.number, entry.seq, entry.ops, entry.history, entry.staged)


def _sequence_problem(line: JournalLine, last: int | None) -> str:
    if line.seq is None:
        return "has no sequence number, but lines before it do" if last is not None else ""
    if last is not None and line.seq <= last:
        return f"repeats change {line.seq}"
    if last is not None and line.seq > last + 1:
        return f"comes after missing changes {last + 1} to {line.seq - 1}"
    return ""


def _describe_lost(
    file: Path, line: line_format.Line | line_format.BadLine | line_format.TornLine
) -> list[str]:
    """What a line after the break held, as far as it can be read."""
    where = f"{file.name} line {line.number}"
    if isinstance(line, line_format.TornLine):
        return [f"  {where}: an incomplete change ({line.size:,} bytes)"]
    if isinstance(line, line_format.BadLine):
        return [f"  {where}: unreadable ({line.reason})"]
    parsed = _parsed_line(file, line)
    if parsed is None:
        return [f"  {where}: not a journal change"]
    if parsed.ops is None:
        return []
    described = [f"  {where}: {_describe_change(record)}" for record in parsed.history]
    others = len(parsed.ops) - len(parsed.history)
    if others > 0:
        described.append(f"  {where}: {others} other change(s) (articles seen, positions, ledger)")
    return described


def _describe_change(record: dict[str, Any]) -> str:
    key = record.get("key")
    who = " ".join(map(str, key)) if isinstance(key, list) else "?"
    after = record.get("after")
    if isinstance(after, dict):
        tags = ", ".join(map(str, after.get("tags") or [])) or "no tags"
        return f"{record.get('action', 'change')} of {who} ({tags})"
    return f"{record.get('action', 'change')} of {who} (removed)"


def _capped(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_NAMED:
        return lines
    return [*lines[:MAX_NAMED], f"  … and {len(lines) - MAX_NAMED:,} more"]


def _history(source: Path, snapshot: Snapshot | None, recovery: Recovery) -> list[dict[str, Any]]:
    """Every readable history record of FILE.history that the snapshot acknowledged (all
    readable ones when there is no trusted snapshot), in file order."""
    path = history_path(source)
    meta = snapshot.tables.get(META_TABLE, {}).get(META_ID, {}) if snapshot else {}
    committed = int(meta.get("history_bytes", 0)) if snapshot else None
    records: list[dict[str, Any]] = []
    unreadable: list[int] = []
    end = 0
    for line in _lines(path):
        if committed is not None and line.offset >= committed:
            break  # past what was acknowledged: a compaction that never finished
        if isinstance(line, line_format.Line):
            if isinstance(line.payload, dict) and type(line.payload.get("id")) is int:
                records.append(line.payload)
                end = line.end
                continue
        elif isinstance(line, line_format.TornLine) and committed is None:
            break  # an append cut short, never acknowledged
        unreadable.append(line.number)
    if committed is not None and end < committed and not unreadable:
        recovery.damaged.append(
            f"{path.name}: {committed - end:,} bytes of history are missing (the file is "
            "missing or cut short)"
        )
    if unreadable:
        numbers = ", ".join(f"{number:,}" for number in unreadable[:20])
        more = f" and {len(unreadable) - 20:,} more" if len(unreadable) > 20 else ""
        recovery.damaged.append(f"{path.name}: lines {numbers}{more} are damaged")
        recovery.lost.append(
            f"{path.name}: {len(unreadable):,} damaged history record(s), lines {numbers}{more} "
            "(the record of those past changes; the annotations they made are not lost)"
        )
    recovery.kept.append(f"{path.name}: {len(records):,} history records")
    return records


# -- Putting it together -----------------------------------------------------------------


def _over_snapshot(
    snapshot: Snapshot,
    lines: list[JournalLine],
    broken: bool,
    history: list[dict[str, Any]],
    recovery: Recovery,
) -> None:
    """A trusted snapshot, the trusted journal lines it does not hold, its history."""
    tables = snapshot.tables
    floor = snapshot.journal_seq if snapshot.checked else 0
    numbered = [line.seq for line in lines if line.seq is not None]
    if numbered and numbered[0] > floor + 1:
        recovery.damaged.append(f"journal: changes {floor + 1} to {numbered[0] - 1} are missing")
        recovery.lost.append(
            f"changes {floor + 1} to {numbered[0] - 1} are missing (a sealed segment was "
            f"removed?); the {len(lines):,} journal lines after them are lost too"
        )
        lines = []
    elif snapshot.checked and floor and (not numbered or numbered[-1] < floor) and not broken:
        recovery.damaged.append("journal: missing or cut short")
        recovery.lost.append(
            f"the journal ends before change {floor}, the last the snapshot holds: changes "
            "made after the snapshot, if any, are lost (the journal is missing or cut short)"
        )
    meta = tables.setdefault(META_TABLE, {}).setdefault(META_ID, {})
    saved_through = int(meta.get("history_next_id", 1))
    for line in lines:
        if line.ops is None:
            continue
        if line.seq is None and snapshot.checked:
            continue  # an old line the first checksummed snapshot already holds
        if line.seq is not None and line.seq <= floor:
            continue
        apply_ops(tables, line.ops)
        history.extend(record for record in line.history if record["id"] >= saved_through)
    found = migrations.schema_version(tables)
    if found < migrations.SCHEMA_VERSION:
        migrations.migrate(tables, found)
    recovery.tables = tables
    recovery.history = history


def _from_history(
    salvaged: Tables | None,
    lines: list[JournalLine],
    history: list[dict[str, Any]],
    recovery: Recovery,
) -> None:
    """No trusted snapshot: annotations from the history, the rest from the journal and,
    unverified, from what the damaged snapshot still says."""
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
    for line in lines:
        if line.ops is not None:
            apply_ops(tables, [op for op in line.ops if op and op[0] != ANNOTATIONS])
    rebuilt = _annotations_of(ordered)
    at_snapshot = _annotations_of(history)
    from_journal = set(_annotations_of([r for line in lines for r in line.history]))
    found = dict((salvaged or {}).get(ANNOTATIONS, {}))
    annotations = _merged(rebuilt, at_snapshot, found, complete, from_journal, recovery)
    tables[ANNOTATIONS] = {str(number): record for number, record in enumerate(annotations, 1)}
    tables[META_TABLE] = {META_ID: {"schema_version": migrations.SCHEMA_VERSION}}
    if salvaged is None:
        recovery.lost.append(
            "whatever the snapshot held besides annotations (articles seen, positions, ledger "
            "decisions) is lost, except what the journal holds"
        )
    kind = "complete" if complete else "incomplete"
    recovery.kept.append(
        f"annotations: rebuilt from the {kind} history ({len(rebuilt):,} annotations)"
    )
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
            differing.append(f"  {' '.join(map(str, key))}: the history's version is kept")
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


def _keep_valid_annotations(recovery: Recovery) -> None:
    """Only records that are annotations, one per key, go into the repaired database."""
    table = recovery.tables.get(ANNOTATIONS, {})
    seen: dict[tuple[Any, ...], str] = {}
    for doc_id, record in list(table.items()):
        try:
            annotation = Annotation.from_record(record)
        except (KeyError, TypeError, ValueError) as error:
            del table[doc_id]
            recovery.lost.append(f"annotation {doc_id} is not an annotation ({error!r}): dropped")
            continue
        if annotation.key in seen:
            del table[seen[annotation.key]]
            recovery.lost.append(
                f"annotation {seen[annotation.key]} repeats {' '.join(map(str, annotation.key))}: "
                "the later one is kept"
            )
        seen[annotation.key] = doc_id
