"""The snapshot: FILE is a plain TinyDB JSON document ({table: {doc_id: document}}).

It is compact (no whitespace) and parsed with orjson with the cyclic garbage collector
paused, which together take a third of the time json.loads alone took at 100,000
annotations.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from store.errors import CorruptDatabaseError, unreadable
from store.files import write_atomically
from workbench.core.collector import paused_gc
from workbench.core.files.regular import read_regular

if TYPE_CHECKING:
    from store.read_memo import ReadMemo

Tables = dict[str, dict[str, dict[str, Any]]]
"""TinyDB's data shape: table name -> document id (a string) -> document."""
META_TABLE = "meta"
META_ID = "1"


def parse_json(data: bytes, checked: bool = False) -> Any:
    """orjson parses a 100,000-annotation snapshot about a third faster than json; what it
    refuses (NaN, huge integers, bad UTF-8) goes through json for TinyDB's leniency and
    json's exact error position. `checked`: a checksum vouched that this program's writer
    wrote `data` (each key once, compact): a large one is parsed PIECE bytes at a time."""
    with paused_gc():
        try:
            if checked and len(data) > 2 * PIECE:
                tables = _in_pieces(data)
                if tables is not None:
                    return tables
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            return json.loads(data)


PIECE = 4 << 20
"""Bytes of documents parsed at a time. orjson reads a whole document into its own tree
before it makes one Python object: for a 68 MB snapshot (100,000 annotations) that tree
was 125 MB on top of the parsed tables, the peak of every command that opens the
database (the `summary` command's 443 MB); a piece's tree is a few megabytes."""
_CUT = re.compile(rb"\},(?=\"[0-9]+\":\{)")
"""Where one document ends and the next begins, as snapshot_parts writes them: `},` then a
document id. Inside a string a quote is always escaped, so a match is never in one."""


def _in_pieces(data: bytes) -> Tables | None:
    """The snapshot's tables parsed a piece at a time, cut where a document ends (_CUT)
    every PIECE bytes or so: the first piece closed (`}}`), each next one's documents
    opened as those of a table named "" (`{"":{`) and closed, but the last; they go into
    the table left open before them. Each piece parses only if every cut is between two
    documents of a table, and the pieces then hold exactly the document's members, so the
    tables are those parsing it whole gives (a checksummed snapshot names each table
    once: its writer wrote a dict). None (parse it whole) when there is no cut, a piece
    is not whole documents, or a table's name is met twice or is ""."""
    cuts = []
    at = _CUT.search(data, PIECE)
    while at is not None:
        cuts.append(at.start() + 1)  # the comma between two documents
        at = _CUT.search(data, at.end() + PIECE)
    if not cuts:
        return None
    try:
        tables = orjson.loads(data[: cuts[0]] + b"}}")
        if not isinstance(tables, dict) or not tables or "" in tables:
            return None
        documents = tables[next(reversed(tables))]
        ends = [*cuts[1:], len(data)]
        for start, end in zip(cuts, ends, strict=True):
            text = data[start + 1 : end]
            if b'"":' in text:
                return None  # a key "" in the piece: it would be taken for the one opened
            piece = orjson.loads(b'{"":{%s%s' % (text, b"}}" if end < len(data) else b""))
            found = iter(piece.items()) if isinstance(piece, dict) else iter(())
            _opened, more = next(found, ("", None))
            if not isinstance(documents, dict) or not isinstance(more, dict):
                return None
            documents.update(more)
            for name, table in found:
                if name in tables:
                    return None  # a table named twice: parsed whole, as before
                tables[name] = documents = table
    except orjson.JSONDecodeError:
        return None
    return tables


INTEGRITY_TABLE = "integrity"
"""The last table of a snapshot: the CRC-32 of every byte before it."""
_TRAILER = re.compile(rb'"integrity":\{"1":\{"crc32":"([0-9a-f]{8})"\}\}\}\s*')
_TRAILER_MAX = 64
FIRST_CHECKSUMMED_VERSION = 3
CHECKSUMMED_META = ("journal_seq", "history_checksum")
"""Meta fields first written with the checksum (schema version 3)."""
"""From this schema version on, every snapshot ends with its checksum."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The tables of FILE, and whether a checksum vouched for them (False: an old file)."""

    tables: Tables
    checked: bool
    vouched: bool = False
    """These very bytes passed every check before (store/read_memo.py): not checked again."""

    @property
    def schema_version(self) -> int | None:
        version = self.tables.get(META_TABLE, {}).get(META_ID, {}).get("schema_version")
        return version if type(version) is int else None

    def check_unchecked(self, path: Path) -> None:
        """An old file may lack a checksum; one of a checksummed version may not, nor one
        whose meta only a checksumming writer makes (journal_seq, history_checksum): a
        checksum deleted and the version lowered by hand would otherwise have its records
        read unvouched for as an old file's (tr7 T3)."""
        if self.checked:
            return
        version = self.schema_version
        if version is not None and version >= FIRST_CHECKSUMMED_VERSION:
            raise CorruptDatabaseError(
                path, f"its checksum is missing, though schema version {version} always has one"
            )
        meta = self.tables.get(META_TABLE, {}).get(META_ID, {})
        written = sorted(name for name in CHECKSUMMED_META if name in meta)
        if written:
            raise CorruptDatabaseError(
                path,
                f"its checksum is missing, though its meta holds {', '.join(written)}, which "
                "only a version that always writes one makes",
            )

    @property
    def journal_seq(self) -> int:
        """The last journal change the snapshot holds (0 for an old file, which has none)."""
        meta = self.tables.get(META_TABLE, {}).get(META_ID, {})
        seq = meta.get("journal_seq", 0)
        return seq if type(seq) is int else -1


def load_snapshot(path: Path, memo: ReadMemo | None = None) -> Snapshot | None:
    """The tables in `path`, or None if it does not exist or is empty (the caller decides
    whether that is a new database). Raises CorruptDatabaseError if its checksum fails or
    the JSON is not TinyDB's shape; a file without a checksum is `checked=False` (see
    Snapshot.check_unchecked, once the schema version is known to be supported). With
    `memo`, the tables of the very bytes checked before are taken from it, `vouched`."""
    try:
        data = read_regular(path)  # a FIFO there is named, never waited on
    except FileNotFoundError:
        return None
    except OSError as error:
        raise unreadable(path, error) from error
    if not data.strip():
        return None
    if memo is not None:
        remembered = memo.tables_for(data)
        if remembered is not None:
            return Snapshot(remembered, checked=True, vouched=True)
    checked = _verified(path, data)
    try:
        tables = parse_json(data, checked)
    except UnicodeDecodeError as error:
        raise CorruptDatabaseError(path, f"not UTF-8 text at byte {error.start}") from error
    except json.JSONDecodeError as error:
        raise CorruptDatabaseError(
            path,
            f"invalid JSON at line {error.lineno}, column {error.colno} "
            f"(byte {error.pos}): {error.msg}",
        ) from error
    check_shape(path, tables)
    tables.pop(INTEGRITY_TABLE, None)
    snapshot = Snapshot(tables, checked)
    if snapshot.journal_seq < 0:
        raise CorruptDatabaseError(path, "its journal sequence number is not a number")
    return snapshot


def _verified(path: Path, data: bytes) -> bool:
    """True if `data` ends with a checksum that matches; False if it has none (a file
    from before checksums); CorruptDatabaseError if it has one that fails."""
    tail_start = max(0, len(data) - _TRAILER_MAX)
    marker = data.rfind(b'"integrity"', tail_start)
    if marker < 0:
        return False
    found = _TRAILER.fullmatch(data, marker)
    if found is None:
        raise CorruptDatabaseError(path, f"its checksum at byte {marker} is damaged")
    if zlib.crc32(memoryview(data)[:marker]) != int(found.group(1), 16):
        raise CorruptDatabaseError(
            path, "its checksum does not match its content: the file was damaged or edited"
        )
    return True


def check_shape(path: Path, tables: Any) -> None:
    """Raise CorruptDatabaseError unless `tables` has TinyDB's {table: {id: dict}} shape."""
    if not isinstance(tables, dict):
        raise CorruptDatabaseError(path, "not a TinyDB document (expected a JSON object)")
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise CorruptDatabaseError(path, f"table {name!r} is not a JSON object")
        for doc_id, document in table.items():
            if not isinstance(document, dict):
                raise CorruptDatabaseError(path, f"document {doc_id} in {name!r} is not an object")


_ENCODER = json.JSONEncoder(separators=(",", ":"))
DUMP_CHUNK = 250
"""Documents per encoder call. One json.dumps of 100,000 records holds the interpreter
lock for over a second; in chunks of this size a compaction running in a background
thread lets the UI thread in every few milliseconds."""


def snapshot_parts(tables: Tables) -> Iterator[bytes]:
    """The snapshot's JSON without its closing brace, a few hundred documents at a time:
    compact, ASCII-escaped, readable by TinyDB's JSONStorage in any locale."""
    encode = _ENCODER.encode
    yield b"{"
    for number, (name, table) in enumerate(tables.items()):
        yield f"{',' if number else ''}{encode(name)}:{{".encode("ascii")
        documents = list(table.items())
        for start in range(0, len(documents), DUMP_CHUNK):
            chunk = encode(dict(documents[start : start + DUMP_CHUNK]))[1:-1]
            yield f"{',' if start else ''}{chunk}".encode("ascii")
        yield b"}"


def checksummed(tables: Tables) -> Iterator[bytes]:
    """The snapshot as written: the tables, then the integrity table with the CRC-32 of
    every byte before it. Still one TinyDB document (the checksum is one more table)."""
    crc = 0
    for part in snapshot_parts(tables):
        crc = zlib.crc32(part, crc)
        yield part
    separator = b"," if tables else b""
    yield separator + b'"integrity":{"1":{"crc32":"%08x"}}}' % zlib.crc32(separator, crc)


def write_snapshot(path: Path, tables: Tables) -> int:
    """Replace `path` atomically with `tables` and their checksum, streamed to the file
    (never held whole in memory); returns the snapshot's size in bytes."""
    return write_atomically(path, checksummed(tables))
