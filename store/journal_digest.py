"""The live journal's part of the content token: its bytes, but for the cursor positions at its end.

Every navigation key journals where the analyst is (annotation_store.set_position), so
a token over every byte moved with each cursor move and a kept summary went stale the
moment an analyst read on. Nothing a kept output says depends on positions (the summary
reads annotations, articles, decisions, history and readings; never the positions
table), so the token leaves out the run of position records that ends the live
journal, and only such a run, when each line of it is certainly one:

- a whole line whose checksum holds, decoded as replay decodes it (line_format), that is
  exactly a position record (position_record.py: no history, one put into the positions
  table of exactly {annotator, article_id, index}). A line that merely looks like one (a
  note quoting such text, another key, a torn or damaged line) is hashed;
- numbered right after the line before it, so replay's sequence check passes it exactly
  as it passes the hashed line it follows;
- after a hashed last line that is certainly a start mark or a change outside an
  import's staging (replay.journal_entry): a position record after staged lines would
  commit the import, and that is content.

Left out at the end only: a position record followed by any other line stays hashed
(the lines after it are numbered after it; without it the journal would have a gap).
So two journals with equal digests hold the same lines but for how many position
records end them, and replay reads the same content from both; what else depends on
how far the journal goes (the lock's saved change, the snapshot's number it must reach)
is settled by content_token.py and by the keep (kept.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, BinaryIO

from store import line_format
from store.position_record import is_position_record
from store.replay import journal_entry

_MARKER = b'"positions"'


@dataclass(frozen=True, slots=True)
class JournalDigest:
    """The digest of a live journal's first `size` bytes, less the positions ending it."""

    hexdigest: bytes
    hashed: int
    """How many bytes from the start were hashed (the rest are position records)."""
    last_seq: int | None
    """The number of its last line when that line is certainly a position record, a start
    mark or a committed change (what replay's last number then is); else None."""
    hashed_seq: int | None
    """The number of the last hashed line when position records may follow it unhashed
    (it is certainly a start mark or a committed change); else None."""


def position_seq(line: bytes) -> int | None:
    """The sequence number of `line` if it is certainly a position record and nothing
    else (see the module docstring); None otherwise."""
    if _MARKER not in line:
        return None  # most lines: no parse
    try:
        payload = line_format.decode(line)
    except ValueError:
        return None
    if not is_position_record(payload):
        return None
    seq: int = payload["seq"]
    return seq


def committed_seq(line: bytes) -> int | None:
    """The sequence number of `line` if it is certainly a start mark or a change outside
    an import's staging, as replay reads it; None otherwise."""
    try:
        entry = journal_entry(line_format.decode(line))
    except ValueError:
        return None
    if entry is None or entry.staged or entry.seq is None:
        return None
    return entry.seq


def journal_digest(handle: BinaryIO, size: int) -> JournalDigest:
    """The digest of the first `size` bytes of the live journal open in `handle`."""
    digest = hashlib.sha256()
    before_run: Any = None  # the digest of what precedes the run of positions, if one runs
    run_start = 0
    run_seq: int | None = None  # the last position record's number in the run
    hashed_last: bytes | None = None  # the last line not in a run
    offset = 0
    while offset < size:
        line = handle.readline(size - offset)
        if not line:
            raise FileNotFoundError("shortened while it was read")  # taken again
        seq = position_seq(line) if line.endswith(b"\n") else None
        if seq is not None:
            after = run_seq if before_run is not None else _seq_of(hashed_last)
            if after is not None and seq == after + 1:
                if before_run is None:
                    before_run, run_start = digest.copy(), offset
                run_seq = seq
                digest.update(line)
                offset += len(line)
                continue
        before_run, run_seq, hashed_last = None, None, line  # a run ends in a hashed line
        digest.update(line)
        offset += len(line)
    if before_run is not None:
        base = _seq_of(hashed_last)
        return JournalDigest(before_run.hexdigest().encode(), run_start, run_seq, base)
    last = _seq_of(hashed_last)
    return JournalDigest(digest.hexdigest().encode(), offset, last, last)


def _seq_of(line: bytes | None) -> int | None:
    return committed_seq(line) if line is not None and line.endswith(b"\n") else None
