"""Options shared by every subcommand, and the one-line error convention."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import NoReturn, Protocol, TypeVar

from workbench.core.terminal_text import name_printable, printable

Change = TypeVar("Change")
Change_co = TypeVar("Change_co", covariant=True)


class HasHistory(Protocol[Change_co]):
    """A store, as far as readable_history needs one."""

    def history(self) -> Sequence[Change_co]: ...


def readable_history(source: HasHistory[Change], without: str) -> Callable[[], Sequence[Change]]:
    """The source's history, read when asked; one that cannot be read is said on stderr
    (`without`: what is done without it) and read as empty."""
    from store import StoreError

    def read() -> Sequence[Change]:
        try:
            return source.history()
        except StoreError as error:
            print(
                f"workbench: {without}: {printable(str(error), single_line=True)}",
                file=sys.stderr,
            )
            return []

    return read


class Parser(argparse.ArgumentParser):
    """argparse, but bad arguments give one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}{self.articles_hint(message)} (try --help)\n")

    def articles_hint(self, message: str) -> str:
        """Where `--articles` is refused because the command reads the articles as PATH
        (export and import take --articles, their PATH being the file: qa14 Q13,
        `workbench summary --articles breach` said only "unrecognized arguments"). The
        top parser reports it, holding the one command asked for (main.dispatch)."""
        if "unrecognized arguments" not in message or not any(
            word.partition("=")[0] == "--articles" for word in message.split()
        ):
            return ""
        commands = [
            command
            for action in self._actions
            if isinstance(action, argparse._SubParsersAction)
            for command in action.choices.values()
        ]
        if len(commands) != 1 or not any(a.dest == "paths" for a in commands[0]._actions):
            return ""
        prog = commands[0].prog
        return f": {prog} takes the articles as PATH, `{prog} PATH ...`"


def database_named(value: str) -> str:
    """An argparse type for a database: an empty name is a mistake (a script's unset
    variable, `--db "$DB"`), never a wish for the default database, which holds the
    analyst's own work (tr7 T9)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("is empty: give a file or a postgresql:// URL")
    return value


def analyst_named(value: str) -> str:
    """An argparse type for --annotator: an empty name is a mistake (`--annotator "$WHO"`
    with WHO unset), never a wish for $WORKBENCH_ANNOTATOR or the login name, whose work
    it would then write, or read as if it were the one asked for (tr15 T1); leave the
    option out for those."""
    if not value.strip():
        raise argparse.ArgumentTypeError(
            "is empty: give an analyst's name, or leave --annotator out for "
            "$WORKBENCH_ANNOTATOR, else your login name"
        )
    return value


ANNOTATOR_HELP = (
    "annotator name: whose work is written, or read where a command filters by it "
    "(default: $WORKBENCH_ANNOTATOR, else your login name)"
)


def store_options(annotator_help: str = ANNOTATOR_HELP) -> Parser:
    """--db and --annotator, accepted by every command; `annotator_help` for a command
    that reads --annotator otherwise (export: every analyst's unless it names one)."""
    parent = Parser(add_help=False)
    parent.add_argument(
        "--db",
        metavar="FILE|URL",
        type=database_named,
        help="annotation database: a file, or a team's postgresql://USER@HOST/DB (default: "
        "$WORKBENCH_DB, else $XDG_DATA_HOME/workbench/annotations.json)",
    )
    parent.add_argument(
        "--annotator",
        metavar="NAME",
        type=analyst_named,
        help=annotator_help,
    )
    return parent


def fail(message: str, code: int = 1) -> int:
    """Print a one-line error and return the exit code to use.

    The message often quotes outside text (a file name, a field of an import): a
    newline in it is escaped too, so the error stays one line.
    """
    say(message)
    return code


def say(message: str) -> None:
    """Print a one-line message on stderr, as `fail` does, for a command that goes on."""
    print(f"workbench: {printable(message, single_line=True)}", file=sys.stderr)


def no_database(location: Path | str, hint: str) -> str | None:
    """Why there is no database to read at `location`, or None when there is one. A loop
    of symbolic links is named as one (not "no database", nor damage to repair)."""
    from store import database_exists
    from workbench.core.files.links import link_loop

    if isinstance(location, Path):
        loop = link_loop(location.expanduser())
        if loop is not None:
            return loop
    if not database_exists(location):
        return f"no annotation database at {name_printable(location)} ({hint})"
    return None


def output_refusal(
    location: Path | str, output: str | None, articles: Iterable[str | Path]
) -> str | None:
    """Why `-o OUTPUT` must not be written, or None: it is the database read or one of
    its files, one of the user's workbench files (settings, keymap, state, key), or among
    the `articles` read; the report would replace it. The TUI's twin is
    tui.state.workspace.output_refusal."""
    if not output:
        return None
    from store import own_file_refusal
    from workbench.config.user_files import user_file_refusal
    from workbench.core.files.output_target import output_among_articles

    return (
        own_file_refusal(location, output)
        or user_file_refusal(output)
        or output_among_articles(articles, output)
    )


def format_of_output(
    given: str | None, output: str | None, by_suffix: dict[str, str], default: str
) -> tuple[str, str | None]:
    """(the format to write, why not: None if it may be written). --format if given,
    else the one `-o FILE`'s suffix names (`export -o x.jsonl` wrote json, which import
    then refused with a schema error: qa6 Q31), else `default`; a suffix naming another
    of these formats than the --format given is refused as a mistake (a W3C export in a
    .json file is not one)."""
    named = by_suffix.get(os.path.splitext(output or "")[1].lower())
    if given is None:
        return named or default, None
    if named is not None and named != given and given in by_suffix.values():
        return given, (
            f"{name_printable(output or '')} names a {named} file, but --format {given} was "
            f"given: give --format {named}, or another file name"
        )
    return given, None


def no_annotations_by(annotator: str, database: str, names: Iterable[str], hint: str = "") -> str:
    """Why there is nothing to report: `annotator` has no annotations in `database`; the
    analysts it does hold are named (`summary --annotator`, `export --annotator`: a
    misspelt name)."""
    from workbench.core.name_scripts import analyst_shown

    held = ", ".join(map(analyst_shown, names)) or "none"
    return (
        f"no annotations by {analyst_shown(annotator)} in {name_printable(database)}; "
        f"analysts there: {held}{hint}"
    )


def cannot(doing: str, path: str | os.PathLike[str], error: OSError) -> str:
    """Why a file could not be read or written (`doing`: "read", "write"), naming it as
    every message names a file (name_printable: a U+200B in it shown, tr15 T4)."""
    return f"cannot {doing} {name_printable(path)}: {error.strerror or error}"


def no_articles_found(roots: Iterable[str | os.PathLike[str]]) -> str:
    """Why a command that reads articles has nothing to do: the paths it read."""
    return "no articles found in " + ", ".join(map(name_printable, roots))


def fail_each(problems: Iterable[str], code: int = 1) -> int:
    """fail() for several problems at once (a settings file with more than one mistake):
    one line each, so that they are all fixed in one go."""
    for problem in problems:
        fail(problem)
    return code


def warn(warnings: Iterable[str]) -> None:
    """Print what the store repaired or ignored (e.g. a torn journal tail), one line each."""
    for warning in warnings:
        print(f"workbench: warning: {one_line(warning)}", file=sys.stderr)


def skipped(problems: Iterable[object]) -> None:
    """Name each file of a corpus that was skipped, and why: one line each."""
    for problem in problems:
        print(f"workbench: skipped {one_line(str(problem))}", file=sys.stderr)


def one_line(text: str) -> str:
    """Outside text (a file name, an id) inside a line of output: newline and tab are
    escaped too (`\\n`), so the line stays one line."""
    return printable(text, single_line=True)


def threshold(text: str) -> float:
    """A similarity score between 0 and 100 (an argparse type)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"must be between 0 and 100, not {value:g}")
    return value


@contextlib.contextmanager
def stopped_cleanly_by_sigterm() -> Iterator[None]:
    """SIGTERM (`kill PID`) ends the command as Ctrl-C does: the atomic write under way
    is abandoned and its temporary file removed. (Only SIGKILL can leave one behind.)"""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
