"""Outside text never reaches the terminal raw, through any command.

A hostile corpus (OSC title, clear screen, colour, OSC 8 link, C1 CSI, BEL, backspace,
bidi override and isolate, markup-like brackets, in file names, titles and text) and a
hostile import (the same in article ids, sources, notes and the annotator) go through
every command in COMMANDS: its own scenarios, and for a command without any (one added
later), a generic run on the corpus, the database and the import. Standard output and
error are fake terminals; every byte written is scanned for a character a terminal
would obey. json must be the same value on a terminal as in a file.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from workbench.cli.main import main

from .terminal import Hostile, Run, every_run, run_on_terminal, unsafe_in, writes_json


def check_safe(run: Run) -> None:
    text = run.text
    assert not unsafe_in(text), (run.argv, unsafe_in(text))
    assert "Traceback" not in text, (run.argv, text)


def test_no_command_writes_a_control_character_to_the_terminal(
    space: Hostile, figures: Counter[str]
) -> None:
    shown = ""
    for argv in every_run(space):
        run = run_on_terminal(argv)
        check_safe(run)
        if run.code == 0 and writes_json(argv):
            parsed(run.out)  # escaped the JSON way, so still JSON (raises if not)
        shown += run.text
        figures["terminal safety: command runs scanned"] += 1
    # The hostile text was there, shown as escapes, not dropped.
    for escaped in ("\\x1b]0;pwned\\x07", "\\x9b31m", "\\u202e", "\\x08", "[Mr. Putin]"):
        assert escaped in shown
    assert "\\x1b]0;NOTIFYPWN\\x07bad.txt" in shown  # the skipped file's name
    assert "[/]" in shown


@pytest.mark.parametrize(
    "argv",
    [
        ["export"],
        ["export", "--format", "jsonl"],
        ["export", "--format", "w3c"],
        ["summary", "--format", "json"],
        ["sentences", "--json"],
        ["agree", "--json"],
    ],
    ids=" ".join,
)
def test_json_on_a_terminal_is_the_same_value_as_in_a_file(
    space: Hostile, argv: list[str], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    if argv[0] == "agree":
        argv = [*argv, str(space.imported), str(space.imported_by_bob)]
    elif argv[0] in ("export", "summary"):
        argv = [*argv, "--db", str(space.database)]
    if argv[0] == "summary":
        argv += ["--annotator", "all"]
    if argv[0] in ("sentences", "summary"):
        argv.append(str(space.corpus))
    assert main(argv) == 0
    piped = capsysbinary.readouterr().out
    on_terminal = run_on_terminal(argv)
    check_safe(on_terminal)
    assert parsed(on_terminal.out) == parsed(piped)
    if argv[0] == "export":  # piped too (| cat reaches a terminal): escaped, same value
        assert "\x9b".encode() not in piped and b"\\u009b" in piped


def parsed(output: bytes) -> list[object]:
    """The json document, or each jsonl line, without the export's time stamp."""
    text = output.decode("utf-8")
    try:
        values = [json.loads(text)]
    except json.JSONDecodeError:
        values = [json.loads(line) for line in text.splitlines() if line.strip()]
    for value in values:
        if isinstance(value, dict):
            for stamped in ("exported_at", "generated", "id"):
                value.pop(stamped, None)
    return values
