"""The command line's two output channels, each with one choke point.

While a command runs, `sys.stdout` and `sys.stderr` are `TerminalStream`s: every
piece of text written to them (print, argparse's messages, a traceback) goes through
`printable`, so no command, present or future, can put a control character or bidi
override from outside text on the terminal. Exact data (json) takes the other
channel, `write_data`, which escapes what a terminal would obey the JSON way (the same
JSON value, see `json_safe_bytes`), to a terminal and to a pipe alike: `| head`,
`| cat` hand the bytes to a terminal as surely (qa4 Q11). `-o FILE` writes them raw.

A write that fails (a full disk behind `> FILE`, a reader that went away behind `|`)
raises `OutputError`, never an OSError, so a command's own `except OSError` around a
file it reads cannot mistake it for its own problem; `main` turns it into one line and
exit code 1, or, for a closed pipe, a quiet exit.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, cast

from workbench.core.terminal_text import (
    json_safe,
    json_safe_for_terminal,
    printable,
)

BROKEN_PIPE_EXIT = 128 + 13
"""What a shell reports for a Unix tool killed by SIGPIPE (`yes | head`): 141."""


class OutputError(Exception):
    """Standard output or error could not be written."""

    def __init__(self, stream: str, error: OSError) -> None:
        self.stream = stream
        self.error = error
        super().__init__(f"cannot write to standard {stream}: {error.strerror or error}")

    @property
    def broken_pipe(self) -> bool:
        return self.error.errno in (errno.EPIPE, errno.ECONNRESET)


class TerminalStream(io.TextIOBase):
    """A text stream that writes every string through `printable` to `inner`."""

    def __init__(self, inner: TextIO, name: str, after: TextIO | None = None) -> None:
        """`after`: a stream flushed before each write to this one (standard output
        before standard error), so that a line of output is whole on the terminal before
        a message follows it (qa6 Q15: 'orphanedworkbench: dry run …')."""
        super().__init__()
        self.inner = inner
        self.name = name
        self.after = after

    def write(self, text: str) -> int:
        if self.after is not None:
            with contextlib.suppress(OSError, ValueError):
                self.after.flush()
        try:
            self.inner.write(printable(text))
        except OSError as error:
            raise OutputError(self.name, error) from None
        return len(text)

    def flush(self) -> None:
        try:
            self.inner.flush()
        except OSError as error:
            raise OutputError(self.name, error) from None

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        """False, so that a library writing styled text (Rich, in a crash report) writes
        it plain instead of as escape sequences that would then be shown escaped."""
        return False

    def fileno(self) -> int:
        return self.inner.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]  # read-only in io.TextIOBase
        return self.inner.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self.inner.errors


def real_stream(stream: TextIO) -> TextIO:
    """The stream under a TerminalStream (or the stream itself)."""
    return stream.inner if isinstance(stream, TerminalStream) else stream


def write_data(data: bytes) -> None:
    """A json document to standard output, what a terminal would obey escaped as JSON."""
    write_data_parts((data,))


def write_data_parts(parts: Iterable[bytes]) -> None:
    """write_data of the bytes of `parts`, each written as it comes (a document too
    large to hold whole); a part never ends inside a character, so each is escaped
    on its own."""
    stream = real_stream(sys.stdout)
    try:
        stream.flush()
        for part in parts:
            stream.buffer.write(json_safe_for_terminal(part))
        stream.buffer.flush()
    except OSError as error:
        raise OutputError("output", error) from None


def write_json_text(text: str) -> None:
    """Serialized JSON text to standard output, the characters a terminal would obey
    escaped the JSON way (\\u009b): the same JSON value, and always valid UTF-8."""
    write_data(json_safe(text).encode("utf-8"))


@contextlib.contextmanager
def terminal_streams() -> Iterator[None]:
    """sys.stdout and sys.stderr as TerminalStreams for the duration of a command."""
    saved = sys.stdout, sys.stderr
    for stream in saved:
        with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
            # An encoding that cannot show a character gets an escape, not a crash.
            cast(io.TextIOWrapper, stream).reconfigure(errors="backslashreplace")
    sys.stdout = cast(TextIO, TerminalStream(saved[0], "output"))
    sys.stderr = cast(TextIO, TerminalStream(saved[1], "error", after=saved[0]))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def finish(code: int) -> int:
    """Flush standard output; the exit code to use if that fails."""
    try:
        sys.stdout.flush()
    except OutputError as error:
        return output_failed(error)
    return code


def output_failed(error: OutputError) -> int:
    """One line on stderr (nothing for a closed pipe), and the exit code."""
    discard(sys.stdout, sys.__stdout__)
    if error.stream == "error":
        discard(sys.stderr, sys.__stderr__)
    if error.broken_pipe:
        return BROKEN_PIPE_EXIT
    if error.stream != "error":
        with contextlib.suppress(OutputError, OSError):
            sys.stderr.write(f"workbench: {error}\n")
            sys.stderr.flush()
    return 1


def discard(stream: TextIO, process_stream: TextIO | None) -> None:
    """Point the stream's file descriptor at /dev/null, so that the interpreter's last
    flush of what is still buffered cannot fail again and print a traceback at exit."""
    stream = real_stream(stream)
    if stream is not process_stream:
        return  # a test's captured stream: nothing is flushed at exit
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
