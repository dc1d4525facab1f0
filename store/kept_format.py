"""FILE.kept's bytes: a checksummed header line, then the kept entries back to back.

    crc32 {"kept": 1, "token": T, "entries": [[key, size, sha256], ...]} NEWLINE
    entry bytes, in the order listed

The header is a line_format line (its CRC-32 tells a garbled header from a good one);
each entry has its own sha256, checked when it is read, since what is served from it
is shown to the analyst as the summary itself. One entry is read without reading the
others (a kept JSON summary of 100,000 annotations is tens of megabytes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from store import line_format

VERSION = 1
MAX_HEADER = 1 << 16
"""A header longer than this is not one this format writes (read no further)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """Where one kept entry's bytes are in the file, and what they must hash to."""

    key: str
    offset: int
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Header:
    token: str
    entries: dict[str, Entry]
    end: int
    """Where the last entry's bytes end: the file's whole length."""


def parts(token: str, entries: Mapping[str, bytes]) -> Iterator[bytes]:
    """The file's bytes for `entries` kept under `token`, piece by piece."""
    listed = [[key, len(data), hashlib.sha256(data).hexdigest()] for key, data in entries.items()]
    yield line_format.encode({"kept": VERSION, "token": token, "entries": listed})
    yield from entries.values()


def header(start: bytes) -> Header:
    """The header at the start of a file (`start`: its first bytes, up to MAX_HEADER);
    ValueError saying what is wrong if it is not one this format wrote."""
    end = start.find(b"\n")
    if end < 0:
        raise ValueError("its header is cut short" if start else "it is empty")
    payload = line_format.decode(start[: end + 1])
    if not isinstance(payload, dict) or payload.get("kept") != VERSION:
        raise ValueError("its header is not a kept summary's")
    token, listed = payload.get("token"), payload.get("entries")
    if not isinstance(token, str) or not isinstance(listed, list):
        raise ValueError("its header is not a kept summary's")
    offset = end + 1
    found: dict[str, Entry] = {}
    for item in listed:
        if not _is_entry(item):
            raise ValueError("its header lists an entry it cannot read")
        key, size, sha256 = item
        found[key] = Entry(key, offset, size, sha256)
        offset += size
    return Header(token, found, offset)


def checked(entry: Entry, data: bytes) -> bytes:
    """`data` read for `entry`; ValueError if it is short or fails its sha256."""
    if len(data) != entry.size:
        raise ValueError(f"it is cut short ({len(data):,} of {entry.size:,} bytes)")
    if hashlib.sha256(data).hexdigest() != entry.sha256:
        raise ValueError("checksum mismatch")
    return data


def _is_entry(item: object) -> bool:
    return (
        isinstance(item, list)
        and len(item) == 3
        and isinstance(item[0], str)
        and type(item[1]) is int
        and item[1] >= 0
        and isinstance(item[2], str)
    )
