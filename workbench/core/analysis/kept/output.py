"""What a kept output holds, and its bytes: standard error as written, standard output,
and the exit status.

Standard error is kept as pieces of text, each marked whether it is written only to a
terminal (a hint a person needs and a log does not): whoever serves the output decides
that again for its own standard error, as the computing command does. Standard output is
the document (JSON bytes) or the report (Markdown text); where it goes (a terminal, a
pipe, --output FILE) is decided by the serving command, as by the computing one.

The bytes: one line of JSON (the header: status, pieces, what standard output is and its
length) and standard output after it. The store checksums what it keeps; a record that
does not decode is damage, named by the caller.
"""

from __future__ import annotations

import codecs
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

PART = 1 << 20
"""About how many bytes of standard output `parts` yields at a time."""
DATA = "data"
"""Standard output is a document written as exact bytes (JSON)."""
TEXT = "text"
"""Standard output is text for people (Markdown), written through the terminal stream."""


class DamagedOutput(ValueError):
    """A kept record that does not decode."""


@dataclass(frozen=True, slots=True)
class Piece:
    """Text written to standard error; `terminal_only` when written only to a terminal."""

    text: str
    terminal_only: bool = False


@dataclass(frozen=True, slots=True)
class KeptOutput:
    """One command's output: what it wrote to standard error, its standard output (a
    document's bytes, or UTF-8 text: `kind`), its exit status."""

    stderr: tuple[Piece, ...]
    kind: str
    stdout: bytes | memoryview
    """A view into the record when decoded: a document of 100 MB is not copied."""
    status: int = 0
    decoded: str | None = field(default=None, compare=False, repr=False)
    """Standard output as text, when decode() has decoded it already (a report of
    100,000 annotations is 14 MB: decoded once, to check it and to write it)."""

    def encode(self) -> bytes:
        return encoded(self.stderr, self.kind, [self.stdout], self.status)

    @classmethod
    def decode(cls, data: bytes) -> KeptOutput:
        """The output `encode` made; DamagedOutput for anything else."""
        end = data.find(b"\n")
        if end < 0:
            raise DamagedOutput("its header does not read (no header line)")
        head = KeptHead.decode(data[:end])
        stdout = memoryview(data)[end + 1 :]
        if head.length != len(stdout):
            raise DamagedOutput("its header does not match what follows it")
        decoded = None
        if head.kind == TEXT:
            try:
                decoded = str(stdout, "utf-8")
            except UnicodeDecodeError as error:
                raise DamagedOutput(f"its report is not UTF-8 ({error})") from None
        return cls(head.stderr, head.kind, stdout, head.status, decoded)

    @property
    def text(self) -> str:
        """Standard output as text (kind TEXT)."""
        return self.decoded if self.decoded is not None else str(self.stdout, "utf-8")

    def parts(self) -> Iterator[bytes]:
        """Standard output in pieces of about PART bytes, each ending after a newline
        (or at the end), so that none ends inside a character: written (and escaped
        for a terminal) a piece at a time, never copied whole."""
        view = memoryview(self.stdout)
        start = 0
        while start < len(view):
            end = min(start + PART, len(view))
            while end < len(view):  # on to the next newline, a window at a time
                newline = bytes(view[end : end + PART]).find(b"\n")
                if newline >= 0:
                    end += newline + 1
                    break
                end = min(end + PART, len(view))
            yield bytes(view[start:end])
            start = end


@dataclass(frozen=True, slots=True)
class KeptHead:
    """A kept output's header line: all of it but standard output's bytes."""

    stderr: tuple[Piece, ...]
    kind: str
    status: int
    length: int
    """Standard output's length in bytes."""
    analysts: tuple[str, ...] | None = None
    """Every analyst's summary: the analysts it names, for a keeper that finds it kept
    already to keep theirs too (rv9 R6); None in any other output."""

    @classmethod
    def decode(cls, line: bytes) -> KeptHead:
        """The header `encoded` wrote as `line` (without its newline); DamagedOutput
        for anything else."""
        try:
            header = json.loads(line.decode("ascii"))
            pieces = tuple(Piece(text, bool(only)) for text, only in header["stderr"])
            kind, status, length = header["kind"], header["status"], header["length"]
            analysts = header.get("analysts")
        except (UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError) as error:
            raise DamagedOutput(f"its header does not read ({error})") from None
        valid = (
            kind in (DATA, TEXT)
            and isinstance(status, int)
            and type(length) is int
            and all(isinstance(piece.text, str) for piece in pieces)
            and (
                analysts is None
                or (isinstance(analysts, list) and all(isinstance(n, str) for n in analysts))
            )
        )
        if not valid:
            raise DamagedOutput("its header does not match what follows it")
        named = None if analysts is None else tuple(analysts)
        return cls(pieces, kind, status, length, named)


def streamed(parts: Iterable[bytes]) -> tuple[KeptHead, Iterator[bytes]]:
    """A kept output read a part at a time (`parts`, as the store streams an entry): its
    header, read first, and standard output's bytes as they come, the last part followed
    by a DamagedOutput when they are not the header's length (or, for a report, not
    UTF-8); DamagedOutput at once when the header does not read."""
    parts = iter(parts)
    start = b""
    while (end := start.find(b"\n")) < 0:
        part = next(parts, None)
        if part is None:
            raise DamagedOutput("its header does not read (no header line)")
        start += part
    head = KeptHead.decode(start[:end])
    return head, _checked_stdout(head, start[end + 1 :], parts)


def _checked_stdout(head: KeptHead, first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    decoder = codecs.getincrementaldecoder("utf-8")() if head.kind == TEXT else None
    length = 0
    for part in itertools.chain((first,), rest):
        if not part:
            continue
        if decoder is not None:
            try:
                decoder.decode(part)
            except UnicodeDecodeError as error:
                raise DamagedOutput(f"its report is not UTF-8 ({error})") from None
        length += len(part)
        yield part
    if decoder is not None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            raise DamagedOutput(f"its report is not UTF-8 ({error})") from None
    if length != head.length:
        raise DamagedOutput("its header does not match what follows it")


def encoded(
    stderr: Sequence[Piece],
    kind: str,
    parts: Sequence[bytes | memoryview],
    status: int = 0,
    analysts: Sequence[str] | None = None,
) -> bytes:
    """The record of an output whose standard output is the bytes of `parts`, joined
    once with the header (a 100 MB document is not copied a second time); `analysts`
    those every analyst's summary names (KeptHead.analysts)."""
    header: dict[str, object] = {
        "status": status,
        "stderr": [[piece.text, piece.terminal_only] for piece in stderr],
        "kind": kind,
        "length": sum(len(part) for part in parts),
    }
    if analysts is not None:
        header["analysts"] = list(analysts)
    line = json.dumps(header, ensure_ascii=True, separators=(",", ":"))
    return b"".join([line.encode("ascii"), b"\n", *parts])
