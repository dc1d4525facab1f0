"""The `workbench` entry point: dispatches to one module per subcommand."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Sequence
from typing import Protocol, cast

from workbench import __version__
from workbench.cli.common import Parser, store_options

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
}
DEFAULT_COMMAND = "annotate"


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
        sub = commands.add_parser(name, help=module.HELP, description=module.HELP, parents=[shared])
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (
        arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help", "--version")
    ):
        arguments.insert(0, DEFAULT_COMMAND)
    # A subcommand imports only its own module, so one broken or slow command module
    # never affects the others; only the top-level --help needs them all.
    first = arguments[0]
    wanted = [first] if first in COMMANDS else [] if first == "--version" else list(COMMANDS)
    args = build_parser(wanted).parse_args(arguments)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
