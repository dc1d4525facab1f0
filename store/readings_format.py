"""How derived readings are written: checksummed lines, and the compacted document.

A line (FILE.readings.tail, FILE.readings.sealed) is a store/line_format line holding
`{"f": FINGERPRINT, "r": {KEY: VALUE, ...}}`: the records of one add_readings call, at
most LINE_RECORDS of them per line. The compacted document (FILE.readings) is one JSON
document, `{"fingerprint": FINGERPRINT, "records": {KEY: VALUE, ...}}`, then a newline,
the CRC-32 of the document in eight hex digits and a newline: read whole, checked, and
parsed once (a per-line parse of 50,000 records costs several times more).

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
    """How the compacted document of `fingerprint` begins."""
    return b'{"fingerprint":' + dumps(fingerprint) + b',"records":{'


def document_parts(fingerprint: str, records: Mapping[str, Any]) -> Iterator[bytes]:
    """The compacted document, a few hundred records at a time, then its checksum."""
    crc = 0
    first = True
    head = document_header(fingerprint)
    crc = zlib.crc32(head, crc)
    yield head
    items = iter(records.items())
    while chunk := dict(islice(items, DOCUMENT_CHUNK)):
        part = (b"" if first else b",") + dumps(chunk)[1:-1]
        first = False
        crc = zlib.crc32(part, crc)
        yield part
    crc = zlib.crc32(b"}}", crc)
    yield b"}}"
    yield b"\n%08x\n" % crc


def checked_document(data: bytes) -> memoryview:
    """The document of a compacted file's bytes, its checksum checked; ValueError if it
    has none or it fails."""
    found = _TRAILER.fullmatch(data, max(0, len(data) - _TRAILER_SIZE))
    if found is None:
        raise ValueError("its checksum is missing or damaged")
    document = memoryview(data)[: len(data) - _TRAILER_SIZE]
    if zlib.crc32(document) != int(found.group(1), 16):
        raise ValueError("its checksum does not match its content")
    return document


def document_records(document: memoryview) -> tuple[str, dict[str, Any]]:
    """(fingerprint, records) of a checked document; ValueError if it is not one."""
    payload = loads(document)
    if not isinstance(payload, dict):
        raise ValueError("not a document of readings")
    fingerprint, records = payload.get("fingerprint"), payload.get("records")
    if not isinstance(fingerprint, str) or not isinstance(records, dict):
        raise ValueError("not a document of readings")
    return fingerprint, records
