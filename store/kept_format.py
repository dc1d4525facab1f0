"""FILE.kept's bytes: a checksummed header line, then the kept entries back to back.

    crc32 {"kept": 1, "token": T, "entries": [[key, size, sha256], ...],
           "files": [[name, device, inode, size, mtime_ns, ctime_ns, sha256], ...]} NEWLINE
    entry bytes, in the order listed

"files" (optional; a header without it lists none) records the database's large files'
digests as the keeper took them (content_token.FileDigest): a reader's token takes a
file's sha256 from there while its stat is the one recorded, instead of hashing it.

The header is a line_format line (its CRC-32 tells a garbled header from a good one);
each entry has its own sha256, checked when it is read, since what is served from it
is shown to the analyst as the summary itself. One entry is read without reading the
others (a kept JSON summary of 100,000 annotations is tens of megabytes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store import line_format
from store.content_token import FileDigest

if TYPE_CHECKING:
    from hashlib import _Hash as Hash

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
    digests: tuple[FileDigest, ...] = ()
    """The database's files' digests as recorded ("files")."""


def parts(
    token: str, entries: Mapping[str, bytes], digests: Iterable[FileDigest] = ()
) -> Iterator[bytes]:
    """The file's bytes for `entries` kept under `token`, piece by piece, with the
    file digests `digests`."""
    listed = [[key, len(data), hashlib.sha256(data).hexdigest()] for key, data in entries.items()]
    files = [[digest.name, *digest.stat, digest.sha256] for digest in digests]
    head = {"kept": VERSION, "token": token, "entries": listed}
    yield line_format.encode({**head, "files": files} if files else head)
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
    return Header(token, found, offset, _digests(payload.get("files")))


def _digests(listed: object) -> tuple[FileDigest, ...]:
    """The file digests a header records; none where they are not all of the form
    written (they only ever spare a hashing: an unread list costs nothing else)."""
    if not isinstance(listed, list):
        return ()
    found: list[FileDigest] = []
    for item in listed:
        if not (
            isinstance(item, list)
            and len(item) == 7
            and isinstance(item[0], str)
            and all(type(number) is int for number in item[1:6])
            and isinstance(item[6], str)
        ):
            return ()
        name, device, inode, size, modified, changed, sha256 = item
        found.append(FileDigest(name, (device, inode, size, modified, changed), sha256))
    return tuple(found)


def checked(entry: Entry, data: bytes) -> bytes:
    """`data` read for `entry`; ValueError if it is short or fails its sha256."""
    check_digest(entry, len(data), hashlib.sha256(data))
    return data


def check_digest(entry: Entry, read: int, digest: Hash) -> None:
    """ValueError unless `read` bytes were read for `entry` and `digest` (sha256 of them)
    is its own."""
    if read != entry.size:
        raise ValueError(f"it is cut short ({read:,} of {entry.size:,} bytes)")
    if digest.hexdigest() != entry.sha256:
        raise ValueError("checksum mismatch")


def _is_entry(item: object) -> bool:
    return (
        isinstance(item, list)
        and len(item) == 3
        and isinstance(item[0], str)
        and type(item[1]) is int
        and item[1] >= 0
        and isinstance(item[2], str)
    )
