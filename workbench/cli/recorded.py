"""Standard error recorded as a command computes, to be written again later unchanged.

The summary keeper (cli/summary_keeper.py) computes a summary as the command would and
keeps what it wrote; the command serving it writes the pieces again through its own
standard error. One message depends on where standard error goes (a hint only a person
at a terminal needs): `say_at_terminal` records it as such, and `replay` decides again
for the serving command's standard error, as the computing command decides.
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, cast

from workbench.cli.output import real_stream
from workbench.core.analysis.kept.output import Piece


class RecordedStream(io.TextIOBase):
    """A text stream that keeps what is written to it, as Pieces."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[Piece] = []

    def write(self, text: str) -> int:
        self._add(text, terminal_only=False)
        return len(text)

    def write_at_terminal(self, text: str) -> None:
        """`text`, to be written only where standard error is a terminal."""
        self._add(text, terminal_only=True)

    def _add(self, text: str, *, terminal_only: bool) -> None:
        if not text:
            return
        if self.pieces and self.pieces[-1].terminal_only == terminal_only:
            text = self.pieces.pop().text + text  # one piece per run of the same kind
        self.pieces.append(Piece(text, terminal_only))

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False


@contextlib.contextmanager
def recording_stderr() -> Iterator[RecordedStream]:
    """sys.stderr recorded (and not written) for the duration."""
    recorder = RecordedStream()
    saved = sys.stderr
    sys.stderr = cast(TextIO, recorder)
    try:
        yield recorder
    finally:
        sys.stderr = saved


def say_at_terminal(text: str) -> None:
    """Write `text` to standard error if it is a terminal (recorded as such)."""
    stream = sys.stderr
    if isinstance(stream, RecordedStream):
        stream.write_at_terminal(text)
    elif real_stream(stream).isatty():
        stream.write(text)


def replay(pieces: Iterable[Piece]) -> None:
    """Write recorded pieces to standard error as the recording command would have."""
    terminal = real_stream(sys.stderr).isatty()
    for piece in pieces:
        if terminal or not piece.terminal_only:
            sys.stderr.write(piece.text)
