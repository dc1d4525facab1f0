"""`workbench annotate` (and bare `workbench`): open the TUI on a corpus."""

from __future__ import annotations

import argparse

from workbench.cli.common import fail, warn
from workbench.settings import resolve_annotator, resolve_db_path

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


def run(args: argparse.Namespace) -> int:
    # Imported here so that other commands never pay for importing Textual.
    from store import AnnotationStore, StoreError
    from workbench.tui.app import StartAt, WorkbenchApp

    db_path = resolve_db_path(args.db)
    try:
        store = AnnotationStore.open(
            db_path, annotator=resolve_annotator(args.annotator), read_only=args.read_only
        )
    except StoreError as error:
        return fail(str(error))
    with store:
        warn(store.warnings)  # and the app shows them as notices once its screen is up
        app = WorkbenchApp(
            store,
            paths=args.paths,
            start=StartAt(article_id=args.article, sentence=args.sentence),
        )
        app.run()
        if app.store_failure is not None:
            return fail(app.store_failure)
        return app.return_code or 0
