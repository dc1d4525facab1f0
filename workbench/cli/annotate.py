"""`workbench annotate` (and bare `workbench`): open the TUI on a corpus."""

from __future__ import annotations

import argparse
import os
import sys
from functools import partial
from typing import TYPE_CHECKING

from workbench.cli.common import fail, skipped, warn
from workbench.config.annotator import named_by_user, resolve_annotator
from workbench.config.locations import resolve_database
from workbench.core.annotation import reserved_name_problem
from workbench.core.team_limits import name_limit_problem

if TYPE_CHECKING:
    from workbench.config.settings_file import SettingsFile

HELP = "open the annotate screen on articles (bundled articles by default)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument("--article", metavar="ID", help="open at this article (its id)")
    parser.add_argument(
        "--sentence",
        metavar="N",
        type=positive_int,
        help="open at sentence N (counted from 1, as the header shows it)",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="look without changing anything: no lock is taken (another workbench may hold "
        "the database) and every edit is refused",
    )


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def nothing_to_open(paths: list[str]) -> str | None:
    """Why no article would load, or None once one does: the screen never opens on an
    empty corpus (and a screen that opens only to close at once leaves the terminal's
    answers to its start-up queries on the command line, such as `[?2048$p`)."""
    from workbench.core.corpus.articles import load_corpus

    probe = load_corpus(paths or None, limit=1)
    if probe.articles:
        return None
    skipped(probe.problems)
    return "no articles to annotate in " + ", ".join(str(root) for root in probe.roots)


def user_settings() -> tuple[dict[str, str], list[str], SettingsFile]:
    """keymap.toml's usable entries, and every problem of it and of settings.toml: on
    stderr now (the screen is about to cover the terminal) and as notices in the app;
    and settings.toml as read, once, for the app to take its sections from."""
    from workbench.config.settings import settings_problems
    from workbench.config.settings_file import read_settings
    from workbench.tui.keymap import load_user_keymap

    keymap = load_user_keymap()
    settings = read_settings()
    problems = [*keymap.problems, *settings_problems(settings)]
    for problem in problems:
        print(f"workbench: {problem}", file=sys.stderr)
    return keymap.bindings, problems, settings


def run(args: argparse.Namespace) -> int:
    # Imported here so that other commands never pay for importing Textual.
    from store import AnnotationStore, StoreError, open_store

    problem = nothing_to_open(args.paths)
    if problem is not None:
        return fail(problem)
    from workbench.cli.summary_keeper import keeper_switched_off, start_keeper
    from workbench.tui.app import StartAt, WorkbenchApp

    location = resolve_database(args.db)
    annotator = resolve_annotator(args.annotator)
    if not args.read_only:
        refused = reserved_name_problem(annotator) or name_limit_problem(annotator)
        if refused is not None:
            return fail(refused)
    try:
        store = open_store(location, annotator=annotator, read_only=args.read_only)
    except StoreError as error:
        return fail(str(error))
    keep = (
        None
        if args.read_only
        else partial(start_keeper, location, args.annotator, screen=args.paths)
    )
    if keep is not None and not keeper_switched_off() and isinstance(store, AnnotationStore):
        # What the keeper kept during a pause stays served after the app ends.
        store.leave_short_journal()
    with store:
        warn(store.warnings)  # and the app shows them as notices once its screen is up
        keymap, problems, settings = user_settings()
        app = WorkbenchApp(
            store,
            paths=args.paths,
            start=StartAt(article_id=args.article, sentence=args.sentence),
            keymap=keymap,
            notices=problems,
            settings=settings,
            login_named=not named_by_user(args.annotator),
            # the keeper following this session, started at its first save
            keep_summary=None if keep is None else partial(keep, follow=os.getpid()),
        )
        app.run()
    if keep is not None:
        keep()  # the store closed: the summaries kept for what it left (kept already if a
        # keeper ran in the last pause and the journal was left as it was)
    if app.store_failure is not None:
        return fail(app.store_failure)
    if app.exit_message:
        return fail(app.exit_message, app.return_code or 1)
    return app.return_code or 0
