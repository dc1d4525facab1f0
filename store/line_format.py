"""Checksummed JSON lines: `crc32hex SPACE json NEWLINE`, shared by the journal and history.

A line that is incomplete or whose checksum fails is detected, so a crash in the middle of
an append (a torn last line) is told apart from damage in the middle of a file.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import Any

_HEADER = 9  # eight hex digits and a space


def encode(payload: Any) -> bytes:
    """One line for `payload` (JSON is ASCII-escaped, so it never contains a newline)."""
    body = json.dumps(payload, separators=(",", ":")).encode("ascii")
    return b"%08x %s\n" % (zlib.crc32(body), body)


def decode(line: bytes) -> Any:
    """The payload of one complete line; ValueError if it is incomplete or damaged."""
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
    return json.loads(body)


@dataclass(frozen=True, slots=True)
class BadLine:
    """A damaged line that is not the last one: real corruption, not a torn append."""

    number: int
    offset: int
    reason: str


@dataclass(frozen=True, slots=True)
class Scan:
    """What a file of lines holds: the good payloads, where they end, and what follows."""

    payloads: list[Any]
    good_end: int
    torn_bytes: int
    bad: BadLine | None = None


def scan(data: bytes) -> Scan:
    """Decode every line; a damaged last line is torn, a damaged earlier line is bad."""
    payloads: list[Any] = []
    position = 0
    number = 0
    while position < len(data):
        newline = data.find(b"\n", position)
        end = len(data) if newline == -1 else newline + 1
        number += 1
        try:
            payloads.append(decode(data[position:end]))
        except ValueError as error:
            if end == len(data):
                return Scan(payloads, position, len(data) - position)
            return Scan(payloads, position, 0, BadLine(number, position, str(error)))
        position = end
    return Scan(payloads, position, 0)
