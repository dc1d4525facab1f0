"""Standard error recorded by the keeper and written again by the serving command."""

from __future__ import annotations

import io
import sys

import pytest

from workbench.cli.output import TerminalStream
from workbench.cli.recorded import recording_stderr, replay, say_at_terminal
from workbench.core.analysis.kept.output import Piece


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_what_is_written_is_recorded_not_written(capsys: pytest.CaptureFixture[str]) -> None:
    with recording_stderr() as recorded:
        print("workbench: one", file=sys.stderr)
        say_at_terminal("hint\n")
        sys.stderr.write("two\n")
    assert capsys.readouterr().err == ""
    assert recorded.pieces == [
        Piece("workbench: one\n"),
        Piece("hint\n", terminal_only=True),
        Piece("two\n"),
    ]


@pytest.mark.parametrize("terminal", [True, False])
def test_replay_writes_what_the_command_would_have(
    terminal: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    def command() -> None:
        print("workbench: one \x1b[2J", file=sys.stderr)
        say_at_terminal("hint\n")

    inner = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", TerminalStream(inner, "error"))
    command()
    direct = inner.getvalue()
    with recording_stderr() as recorded:
        command()
    inner.seek(0)
    inner.truncate()
    replay(recorded.pieces)
    assert inner.getvalue() == direct
    assert ("hint" in direct) is terminal and "\\x1b[2J" in direct
