"""The `workbench` entry point: --help everywhere, exit code 2 with one line on bad arguments."""

from __future__ import annotations

import pytest

from workbench import __version__
from workbench.cli.main import COMMANDS, main


def exit_code(argv: list[str]) -> int | str | None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    return exit_info.value.code


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: workbench")
    for name in COMMANDS:
        assert name in out


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: workbench {name}")
    assert "--db" in out and "--annotator" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"workbench {__version__}"


@pytest.mark.parametrize(
    "argv",
    [
        ["sentences", "--no-such-option"],
        ["sentences", "--db"],
        ["sentences", "--annotator"],
    ],
)
def test_bad_arguments_exit_2_with_a_one_line_message(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert exit_code(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("workbench")
    assert captured.err.count("\n") == 1
    assert "error:" in captured.err
