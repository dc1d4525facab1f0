"""How derived readings are written: checksummed lines, and the compacted document.

A line (FILE.readings.tail, FILE.readings.sealed) is a store/line_format line holding
`{"f": FINGERPRINT, "r": {KEY: VALUE, ...}}`: the records of one add_readings call, at
most LINE_RECORDS of them per line. The compacted document (FILE.readings) is a line
`{"fingerprint": FINGERPRINT}`, lines `{KEY: VALUE, ...}` of DOCUMENT_CHUNK records each,
and a last line holding the CRC-32 of every byte before it in eight hex digits: read
whole, checked in one pass, then parsed a thousand records at a time. (A parse per
record costs several times more; one orjson parse of all 50,000 holds a parser's
buffers of over ten times the file's size, 236 MB for 17 MB, for a moment.)

Both begin with the fingerprint encoded the one way it always is, so a reader tells a
line or a document of another fingerprint by its first bytes, without parsing it.

JSON is orjson's (UTF-8, compact). A string with a lone surrogate, which orjson refuses,
is written by json, ASCII-escaped, and read back by json. A value neither writes, or an
integer beyond 64 bits (orjson would read it back as a float), raises TypeError before
anything is written. A float that is not finite is written by orjson as null: readings
hold finite numbers.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator, Mapping
from itertools import islice
from typing import Any

import orjson

from store import line_format
from workbench.core.collector import paused_gc

LINE_RECORDS = 2000
"""Records per appended line (about 600 KB at 300 bytes each): a damaged line loses
these, and a line is one parse."""
DOCUMENT_CHUNK = 1000
"""Records per encoder call when the compacted document is written (streamed)."""
_TRAILER = re.compile(rb"\n([0-9a-f]{8})\n")
_TRAILER_SIZE = 10
"""The last line's newline before it, its eight hex digits and its newline."""


def dumps(value: Any) -> bytes:
    """Compact JSON for `value`, which loads() reads back exactly; TypeError if it is
    not a JSON value or holds an integer beyond 64 bits (orjson would read it back as a
    float)."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        text = json.dumps(value, separators=(",", ":")).encode("ascii")
    try:
        orjson.loads(text)
    except orjson.JSONDecodeError:
        return text  # a lone surrogate: read back by json, exactly
    raise TypeError(f"not kept as a reading: {text[:80]!r} (an integer beyond 64 bits?)")


def loads(data: str | bytes | memoryview) -> Any:
    """The value of JSON text written by dumps(); ValueError if it is not JSON."""
    with paused_gc():
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            return json.loads(bytes(data) if isinstance(data, memoryview) else data)


def line_prefix(fingerprint: str) -> bytes:
    """How every line of `fingerprint` begins (after its checksum)."""
    return b'{"f":' + dumps(fingerprint) + b',"r":'


def lines(fingerprint: str, records: Mapping[str, Any]) -> list[bytes]:
    """The checksummed lines that add `records` under `fingerprint`."""
    prefix = line_prefix(fingerprint)
    items = iter(records.items())
    encoded: list[bytes] = []
    while chunk := dict(islice(items, LINE_RECORDS)):
        encoded.append(line_format.encode_body(prefix + dumps(chunk) + b"}"))
    return encoded


def line_records(body: bytes, prefix: bytes) -> dict[str, Any] | None:
    """The records of a line's checked body if it is of the fingerprint whose prefix is
    `prefix`, None if it is another's; ValueError if it is not a line of readings."""
    if not body.startswith(prefix):
        if not body.startswith(b'{"f":'):
            raise ValueError("not a line of readings")
        return None
    payload = loads(body)
    records = payload.get("r") if isinstance(payload, dict) else None
    if not isinstance(records, dict):
        raise ValueError("not a line of readings")
    return records


def line_payload(body: bytes) -> tuple[str, dict[str, Any]]:
    """(fingerprint, records) of a line's checked body; ValueError if it is not one."""
    payload = loads(body)
    if not isinstance(payload, dict):
        raise ValueError("not a line of readings")
    fingerprint, records = payload.get("f"), payload.get("r")
    if not isinstance(fingerprint, str) or not isinstance(records, dict):
        raise ValueError("not a line of readings")
    return fingerprint, records


def document_header(fingerprint: str) -> bytes:
    """The compacted document's first line, which names its fingerprint."""
    return b'{"fingerprint":' + dumps(fingerprint) + b"}\n"


def document_parts(fingerprint: str, records: Mapping[str, Any]) -> Iterator[bytes]:
    """The compacted document, a line of DOCUMENT_CHUNK records at a time, then its
    checksum."""
    crc = 0
    head = document_header(fingerprint)
    crc = zlib.crc32(head, crc)
    yield head
    items = iter(records.items())
    while chunk := dict(islice(items, DOCUMENT_CHUNK)):
        part = dumps(chunk) + b"\n"
        crc = zlib.crc32(part, crc)
        yield part
    yield b"%08x\n" % crc


def checked_document(data: bytes) -> memoryview:
    """The lines of a compacted file's bytes before its checksum, the checksum checked;
    ValueError if it has none or it fails."""
    found = _TRAILER.fullmatch(data, max(0, len(data) - _TRAILER_SIZE))
    if found is None:
        raise ValueError("its checksum is missing or damaged")
    document = memoryview(data)[: len(data) - _TRAILER_SIZE + 1]
    if zlib.crc32(document) != int(found.group(1), 16):
        raise ValueError("its checksum does not match its content")
    return document


def document_records(document: memoryview) -> tuple[str, dict[str, Any]]:
    """(fingerprint, records) of a checked document, parsed a line at a time (one parse
    of the whole would hold a parser's buffers of several times its size); ValueError
    if it is not one."""
    data = document.obj
    assert isinstance(data, bytes)
    end = len(document)
    first = data.find(b"\n", 0, end)
    header = loads(document[:first])
    fingerprint = header.get("fingerprint") if isinstance(header, dict) else None
    if not isinstance(fingerprint, str):
        raise ValueError("not a document of readings")
    records: dict[str, Any] = {}
    start = first + 1
    while start < end:
        stop = data.find(b"\n", start, end)
        chunk = loads(document[start:stop])
        if not isinstance(chunk, dict):
            raise ValueError("not a document of readings")
        records.update(chunk)
        start = stop + 1
    return fingerprint, records
