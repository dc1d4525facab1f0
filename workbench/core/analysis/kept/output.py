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

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

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

    def encode(self) -> bytes:
        return encoded(self.stderr, self.kind, [self.stdout], self.status)

    @classmethod
    def decode(cls, data: bytes) -> KeptOutput:
        """The output `encode` made; DamagedOutput for anything else."""
        end = data.find(b"\n")
        try:
            if end < 0:
                raise ValueError("no header line")
            header = json.loads(data[:end].decode("ascii"))
            pieces = tuple(Piece(text, bool(only)) for text, only in header["stderr"])
            kind, status, length = header["kind"], header["status"], header["length"]
        except (UnicodeDecodeError, ValueError, TypeError, KeyError) as error:
            raise DamagedOutput(f"its header does not read ({error})") from None
        stdout = memoryview(data)[end + 1 :]
        valid = (
            kind in (DATA, TEXT)
            and isinstance(status, int)
            and length == len(stdout)
            and all(isinstance(piece.text, str) for piece in pieces)
        )
        if not valid:
            raise DamagedOutput("its header does not match what follows it")
        if kind == TEXT:
            try:
                str(stdout, "utf-8")
            except UnicodeDecodeError as error:
                raise DamagedOutput(f"its report is not UTF-8 ({error})") from None
        return cls(pieces, kind, stdout, status)

    @property
    def text(self) -> str:
        """Standard output as text (kind TEXT)."""
        return str(self.stdout, "utf-8")

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


def encoded(
    stderr: Sequence[Piece], kind: str, parts: Sequence[bytes | memoryview], status: int = 0
) -> bytes:
    """The record of an output whose standard output is the bytes of `parts`, joined
    once with the header (a 100 MB document is not copied a second time)."""
    header = {
        "status": status,
        "stderr": [[piece.text, piece.terminal_only] for piece in stderr],
        "kind": kind,
        "length": sum(len(part) for part in parts),
    }
    line = json.dumps(header, ensure_ascii=True, separators=(",", ":"))
    return b"".join([line.encode("ascii"), b"\n", *parts])
