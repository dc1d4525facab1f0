"""Checksummed JSON lines: `crc32hex SPACE json NEWLINE`, shared by the journal and history.

Every line is written whole with its newline last, so the only damage a crash in the
middle of an append can leave is a last line without its newline. That is told apart
from every other damage: a complete line whose checksum fails (a flipped bit, an edit) is
never mistaken for a torn write. Files are read line by line, never whole.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

_HEADER = 9  # eight hex digits and a space


def encode(payload: Any) -> bytes:
    """One line for `payload` (JSON is ASCII-escaped, so it never contains a newline)."""
    return encode_body(json.dumps(payload, separators=(",", ":")).encode("ascii"))


def encode_body(body: bytes) -> bytes:
    """One line for JSON text already encoded (ASCII or UTF-8: JSON has no raw newline)."""
    return b"%08x %s\n" % (zlib.crc32(body), body)


def decode(line: bytes) -> Any:
    """The payload of one complete line; ValueError if it is incomplete or damaged."""
    body = checked_body(line)
    try:
        return json.loads(body)
    except ValueError:
        raise ValueError("checksum matches but the line is not JSON") from None


def checked_body(line: bytes) -> bytes:
    """The JSON text of one complete line whose checksum holds (not parsed: a reader may
    parse it its own way); ValueError if it is incomplete or damaged."""
    if not line.endswith(b"\n"):
        raise ValueError("line is incomplete")
    if len(line) <= _HEADER or line[8:9] != b" ":
        raise ValueError("line has no checksum")
    body = line[_HEADER:-1]
    try:
        expected = int(line[:8], 16)
    except ValueError:
        raise ValueError("line has no checksum") from None
    if zlib.crc32(body) != expected:
        raise ValueError("checksum mismatch")
    return body


@dataclass(frozen=True, slots=True)
class Line:
    """A good line: its number (from 1), where it starts and ends, and what it holds."""

    number: int
    offset: int
    end: int
    payload: Any


@dataclass(frozen=True, slots=True)
class BadLine:
    """A complete line that fails its checksum or is not a checksummed line at all."""

    number: int
    offset: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class TornLine:
    """The last line of the file without its newline: what a write cut short leaves."""

    number: int
    offset: int
    size: int


def read_lines(handle: IO[bytes], limit: int | None = None) -> Iterator[Line | BadLine | TornLine]:
    """Every line of `handle` (the first `limit` bytes of it), decoded, one at a time."""
    position = 0
    number = 0
    while limit is None or position < limit:
        raw = handle.readline() if limit is None else handle.readline(limit - position)
        if not raw:
            return
        number += 1
        end = position + len(raw)
        if not raw.endswith(b"\n"):
            yield TornLine(number, position, len(raw))
            return
        try:
            yield Line(number, position, end, decode(raw))
        except ValueError as error:
            yield BadLine(number, position, end, str(error))
        position = end
