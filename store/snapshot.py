"""The snapshot: FILE is a plain TinyDB JSON document ({table: {doc_id: document}}).

It is compact (no whitespace) and parsed with orjson with the cyclic garbage collector
paused, which together take a third of the time json.loads alone took at 100,000
annotations.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from store.errors import CorruptDatabaseError
from store.files import replace_atomically

Tables = dict[str, dict[str, dict[str, Any]]]
"""TinyDB's data shape: table name -> document id (a string) -> document."""


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many containers at once.

    Parsing creates no reference cycles, but every few hundred new dicts the collector
    would scan all live objects again: with 100,000 records that triples the time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_json(data: bytes) -> Any:
    """orjson parses a 100,000-annotation snapshot about a third faster than json; what it
    refuses (NaN, huge integers, bad UTF-8) goes through json for TinyDB's leniency and
    json's exact error position."""
    with paused_gc():
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            return json.loads(data)


def load_snapshot(path: Path) -> Tables | None:
    """The tables in `path`, or None if it does not exist or is empty (a new database)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise CorruptDatabaseError(path, error.strerror or str(error)) from error
    if not data.strip():
        return None
    try:
        tables = parse_json(data)
    except UnicodeDecodeError as error:
        raise CorruptDatabaseError(path, f"not UTF-8 text at byte {error.start}") from error
    except json.JSONDecodeError as error:
        raise CorruptDatabaseError(
            path,
            f"invalid JSON at line {error.lineno}, column {error.colno} "
            f"(byte {error.pos}): {error.msg}",
        ) from error
    check_shape(path, tables)
    return tables  # type: ignore[no-any-return]


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


def dump_snapshot(tables: Tables) -> bytes:
    """Compact, ASCII-escaped JSON: readable by TinyDB's JSONStorage in any locale.

    The same bytes as json.dumps(tables, separators=(",", ":")), made chunk by chunk.
    """
    encode = _ENCODER.encode
    parts: list[bytes] = [b"{"]
    for number, (name, table) in enumerate(tables.items()):
        parts.append(f"{',' if number else ''}{encode(name)}:{{".encode("ascii"))
        documents = list(table.items())
        for start in range(0, len(documents), DUMP_CHUNK):
            chunk = encode(dict(documents[start : start + DUMP_CHUNK]))[1:-1]
            parts.append(f"{',' if start else ''}{chunk}".encode("ascii"))
        parts.append(b"}")
    parts.append(b"}")
    return b"".join(parts)


def write_snapshot(path: Path, tables: Tables) -> int:
    """Replace `path` atomically with `tables`; returns the snapshot's size in bytes."""
    data = dump_snapshot(tables)
    replace_atomically(path, data)
    return len(data)
