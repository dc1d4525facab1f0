"""Standard output that cannot be written: one line and exit 1, or a quiet end for a pipe.

`> /dev/full` (or a full disk behind a redirect) must give one line on stderr and exit
code 1; a reader that went away (`| head`) ends the command quietly with 141, what a
shell reports for a Unix tool stopped by SIGPIPE. Never a traceback, for any command:
every run of the terminal-safety scenarios is repeated with a failing standard output,
in process, and a few with the real program and a real /dev/full and pipe.
"""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.fixtures import hostile
from workbench.cli.main import main
from workbench.cli.output import BROKEN_PIPE_EXIT

from .terminal import Hostile, TerminalCapture, every_run, run_on_terminal

NO_SPACE = "workbench: cannot write to standard output: No space left on device"


class RefusingWriter(io.RawIOBase):
    """A file descriptor whose every write fails with `number` (ENOSPC, EPIPE)."""

    def __init__(self, number: int) -> None:
        self.number = number

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(self.number, os.strerror(self.number))


def run_with_failing_stdout(argv: list[str], number: int) -> tuple[int, str]:
    saved = sys.stdout, sys.stderr
    err = TerminalCapture()
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(RefusingWriter(number)), encoding="utf-8")
    sys.stderr = err
    try:
        code = main(argv)
    finally:
        sys.stdout, sys.stderr = saved
    return code, err.written().decode("utf-8")


@pytest.mark.parametrize("number", [errno.ENOSPC, errno.EPIPE], ids=["full", "closed pipe"])
def test_every_command_ends_cleanly_when_stdout_fails(
    space: Hostile,
    number: int,
    figures: Counter[str],
) -> None:
    for argv in every_run(space):
        writes = run_on_terminal(argv).out != b""
        code, err = run_with_failing_stdout(argv, number)
        assert "Traceback" not in err, (argv, err)
        if not writes:
            continue
        lines = err.splitlines()
        if number == errno.EPIPE:
            assert code == BROKEN_PIPE_EXIT and NO_SPACE[:30] not in err, (argv, err)
        else:
            assert (code, lines[-1]) == (1, NO_SPACE), (argv, err)
        figures["output errors: command runs ended cleanly"] += 1


def program(*arguments: str | Path) -> list[str]:
    return [sys.executable, "-m", "workbench", *map(str, arguments)]


@pytest.mark.parametrize("command", ["sentences", "export", "summary"])
def test_the_real_program_on_dev_full_prints_one_line(
    space: Hostile,
    command: str,
) -> None:
    arguments = [command] if command == "sentences" else [command, "--db", space.database]
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            program(*arguments, space.corpus) if command != "export" else program(*arguments),
            stdout=full,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == NO_SPACE, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_a_closed_pipe_ends_the_real_program_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("A title\n" + "The minister said the plan works. " * 60_000, encoding="utf-8")
    reader = subprocess.Popen(
        program("sentences", big),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.read(100)  # `| head -c 100`
    reader.stdout.close()
    assert reader.wait(timeout=60) == BROKEN_PIPE_EXIT
    assert reader.stderr.read() == b""
    reader.stderr.close()


def test_terminal_output_of_a_hostile_article_through_the_real_program(
    space: Hostile,
) -> None:
    """The real interpreter's own stdout (not a test's stream) goes through the sanitiser."""
    result = subprocess.run(
        program("sentences", space.corpus / f"{hostile.HOSTILE_NAME}.txt"),
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert b"\x1b" not in result.stdout and b"\xc2\x9b" not in result.stdout
    assert b"\\x1b]0;pwned\\x07" in result.stdout


class Tty(io.TextIOWrapper):
    """A standard output that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("kind", [Tty, io.TextIOWrapper], ids=["terminal", "pipe"])
def test_a_document_written_out_has_no_raw_control_left(
    kind: type[io.TextIOWrapper], monkeypatch: pytest.MonkeyPatch
) -> None:
    """tr7 T2: JSON served from a kept summary is written as stored; only an encoder's
    output is certain to hold no raw C0, so C0 is escaped too, on a terminal and through
    a pipe (`| head` takes it to the terminal all the same)."""
    from workbench.cli.output import write_data_parts

    raw = io.BytesIO()
    stream = kind(raw, encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stream)
    write_data_parts(['{"a": "\x1b[2J\x9b"}\n'.encode()])
    written = raw.getvalue()
    assert written == b'{"a": "\\u001b[2J\\u009b"}\n'


def test_a_message_on_standard_error_follows_the_whole_output_written_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """qa6 Q15: on one terminal, 'orphanedworkbench: dry run …': a line of output still
    in standard output's buffer when a message was written to standard error."""
    from workbench.cli.output import terminal_streams

    shared = io.BytesIO()  # one terminal behind both streams
    out = io.TextIOWrapper(shared, encoding="utf-8", write_through=False)
    err = io.TextIOWrapper(shared, encoding="utf-8", write_through=True)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    with terminal_streams():
        print("timeline: 0 moved")
        print("workbench: dry run", file=sys.stderr)
        sys.stdout.flush()
    assert shared.getvalue() == b"timeline: 0 moved\nworkbench: dry run\n"
