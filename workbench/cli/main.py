"""The `workbench` entry point: dispatches to one module per subcommand."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Protocol, cast

from workbench import __version__
from workbench.cli.common import Parser, fail, store_options
from workbench.cli.output import OutputError, finish, output_failed, terminal_streams

COMMANDS: dict[str, str] = {
    "annotate": "workbench.cli.annotate",
    "sentences": "workbench.cli.sentences",
    "export": "workbench.cli.export",
    "import": "workbench.cli.import_",
    "summary": "workbench.cli.summary",
    "agree": "workbench.cli.agree",
    "reanchor": "workbench.cli.reanchor",
    "suggest": "workbench.cli.suggest",
    "repair": "workbench.cli.repair",
    "copy-db": "workbench.cli.copy_db",
}
DEFAULT_COMMAND = "annotate"
USAGE_ERROR = 2


class CommandModule(Protocol):
    import argparse

    HELP: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def build_parser(names: Iterable[str] = tuple(COMMANDS)) -> Parser:
    """The full parser; with `names`, only those subcommands' modules are imported."""
    parser = Parser(
        prog="workbench",
        description="Terminal fact-checking workbench. With no command, opens the annotate "
        "screen on the bundled articles.",
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    shared = store_options()
    for name in names:
        module = cast(CommandModule, importlib.import_module(COMMANDS[name]))
        own = getattr(module, "ANNOTATOR_HELP", None)  # qa14 Q14: export's differs
        options = shared if own is None else store_options(own)
        parents = [options] if getattr(module, "USES_STORE", True) else []
        sub = commands.add_parser(name, help=module.HELP, description=module.HELP, parents=parents)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def unknown_command(word: str) -> str | None:
    """Why `word` is neither a command nor a path to annotate, or None when it may be one.

    A bare word that names nothing on disk is a mistyped command ("exprot"), not a
    missing article: it is refused before any screen opens.
    """
    if word in COMMANDS or word.startswith("-") or os.path.lexists(word):
        return None
    if os.sep in word or (os.altsep and os.altsep in word):
        return None  # clearly a path: `annotate` names it as missing
    import difflib  # only for a misspelt name: not on every start

    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if close:
        return f"unknown command '{word}' (did you mean {close[0]}?)"
    return f"unknown command '{word}', and no such file or folder (commands: {', '.join(COMMANDS)})"


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its text output is made terminal-safe (see cli/output.py)."""
    with terminal_streams():
        try:
            return finish(dispatch(list(sys.argv[1:] if argv is None else argv)))
        except OutputError as error:
            return output_failed(error)
        except KeyboardInterrupt:
            return 130


STORE_OPTIONS = ("--db", "--annotator")
"""The options every command takes (cli/common.py store_options), each with a value."""


def command_first(arguments: list[str]) -> list[str]:
    """The arguments with a command that follows leading store options moved in front:
    `workbench --db X summary` is `workbench summary --db X` (README: every command
    takes --db), never the annotate screen on a corpus named "summary"."""
    position = 0
    while position < len(arguments):
        word = arguments[position]
        if word in STORE_OPTIONS:
            position += 2
        elif word.startswith(tuple(f"{option}=" for option in STORE_OPTIONS)):
            position += 1
        else:
            break
    if 0 < position < len(arguments) and not arguments[position].startswith("-"):
        return [arguments[position], *arguments[:position], *arguments[position + 1 :]]
    return arguments


def dispatch(arguments: list[str]) -> int:
    arguments = command_first(arguments)
    if not arguments or (
        arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help", "--version")
    ):
        problem = unknown_command(arguments[0]) if arguments else None
        if problem is not None:
            return fail(problem, USAGE_ERROR)
        arguments.insert(0, DEFAULT_COMMAND)
    # A subcommand imports only its own module, so one broken or slow command module
    # never affects the others; only the top-level --help needs them all.
    first = arguments[0]
    wanted = [first] if first in COMMANDS else [] if first == "--version" else list(COMMANDS)
    try:
        args = build_parser(wanted).parse_args(arguments)
    except SystemExit as exit:  # --help, --version, a usage error: argparse has written
        return exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
    return int(args.run(args))
