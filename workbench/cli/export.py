"""`workbench export`: annotations out as json, jsonl, W3C Web Annotation or ClaimReview."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from workbench.cli.common import (
    cannot,
    fail,
    format_of_output,
    no_annotations_by,
    no_database,
    output_refusal,
    skipped,
    stopped_cleanly_by_sigterm,
    warn,
)
from workbench.cli.output import real_stream
from workbench.core.annotation import ORPHANED, STATUSES, TAGS
from workbench.core.terminal_text import name_printable, printable

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from store.protocol import Store
    from workbench.core.annotation_filter import AnnotationFilter
    from workbench.core.interchange.export.data import ChangeLike
    from workbench.core.interchange.export.from_store import ExportSource

HELP = "write annotations as json (default), jsonl, w3c (Web Annotation) or claimreview"
OUTPUT_SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
"""The formats an -o FILE's suffix names when --format is not given."""
ANNOTATOR_HELP = (
    "only this analyst's annotations (default, or `all`: every analyst's, whatever "
    "WORKBENCH_ANNOTATOR says)"
)
"""--annotator for export: a filter, not who is working (qa14 Q14: the shared help said
the default was $WORKBENCH_ANNOTATOR, and the lines below it every analyst)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from workbench.core.interchange.export.formats import FORMATS

    parser.add_argument(
        "--format",
        dest="format_name",
        choices=list(FORMATS),
        default=None,
        help="output format (default: the one -o FILE's suffix names, .jsonl for jsonl, "
        "else json; see docs/export.md)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write FILE atomically (default: standard output)"
    )
    parser.add_argument(
        "--history", action="store_true", help="include the change history (json only)"
    )
    parser.add_argument(
        "--article",
        action="append",
        default=[],
        metavar="ID",
        help="only this article (repeatable)",
    )
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        choices=TAGS,
        help="only sentences with this tag (repeatable)",
    )
    parser.add_argument(
        "--status",
        action="append",
        default=[],
        choices=STATUSES,
        help="only annotations with this status (repeatable)",
    )
    parser.add_argument(
        "--articles",
        action="append",
        default=[],
        metavar="PATH",
        help="the articles as they are now (repeatable): annotations of changed ones are "
        "exported where re-anchoring puts them, computed in memory (nothing is written)",
    )
    parser.epilog = "Values of one filter are alternatives; different filters must all match."


def positions_as_stored(store: Store) -> None:
    """Say on stderr that an export without --articles reads no article: each annotation
    is where it was stored, which is stale if its article changed since. The store knows
    when it saw a newer text of an article than its annotations were made on: that is
    always said. That an article file may have changed unseen is said to a person at a
    terminal, not into a script's log."""
    seen = {info.article_id: info.sha256 for info in store.articles()}
    records = store.records()
    older = sum(
        1
        for record in records
        if record["anchor_state"] != ORPHANED  # on no sentence, and exported as such
        and seen.get(record["article_id"], record["article_sha256"]) != record["article_sha256"]
    )
    remedy = "--articles PATH places them on the articles as they are now"
    if older:
        print(
            f"workbench: {older} annotation(s) were made on an older text of their article "
            f"than the one last opened, and are exported as stored; {remedy}",
            file=sys.stderr,
        )
    elif records and real_stream(sys.stderr).isatty():  # the TerminalStream says False
        print(
            f"workbench: positions are as stored (no article was read); {remedy}",
            file=sys.stderr,
        )


def articles_not_given(
    source: ExportSource, given: set[str], wanted: AnnotationFilter, annotator: str | None
) -> None:
    """Say on stderr, as `reanchor` does, how many exported annotations are of articles
    not among those given: nothing could check them against their text (a renamed file
    is a new article), so they are exported as stored, their anchor_state too."""
    missing = [
        annotation
        for annotation in source.all(annotator)
        if annotation.article_id not in given and wanted.matches(annotation)
    ]
    if not missing:
        return
    ids = sorted({annotation.article_id for annotation in missing})
    shown = ", ".join(printable(article_id, single_line=True) for article_id in ids[:5])
    more = f" and {len(ids) - 5} more" if len(ids) > 5 else ""
    print(
        f"workbench: {len(missing)} annotation(s) of {len(ids)} article(s) not in the corpus "
        f"given, exported as stored, not checked against their text: {shown}{more} (a "
        "renamed file is a new article: rename it back, or give the folder that holds it)",
        file=sys.stderr,
    )


def filters_matching_nothing(
    source: ExportSource, args: argparse.Namespace, shown: str
) -> str | None:
    """Why nothing is exported, when --annotator or --article names nothing the database
    holds, with what it does hold (qa5 Q18: `--annotator Alice` wrote an empty export
    without a word; qa7 Q9: then with a word but exit 0, an empty file to send on). An
    analyst with ledger decisions and no annotation (a merge made in every analyst's
    summary) has their decisions exported where the format carries them (polish19:
    refused as if they had nothing), and is told why not where it does not."""
    if not (args.annotator or args.article):
        return None
    records = [*source.records(None, ordered=False)]
    records += [orphan.to_record() for orphan in source.orphans(None)]
    names = sorted({str(record["annotator"]) for record in records})
    if args.annotator and args.annotator not in names:
        decided = decisions_of(source, args.annotator)
        if not decided:
            return no_annotations_by(args.annotator, shown, names)
        if carries_decisions(args):
            print(
                f"workbench: no annotations by {name_printable(args.annotator)}: the export "
                f"holds their {decided} ledger decision(s) alone",
                file=sys.stderr,
            )
            return None
        return no_annotations_by(
            args.annotator,
            shown,
            names,
            f"; their {decided} ledger decision(s) are exported by --format json or jsonl "
            "narrowed by --annotator alone",
        )
    held = {str(record["article_id"]) for record in records}
    unknown = [article for article in dict.fromkeys(args.article or ()) if article not in held]
    if not unknown:
        return None
    listed = ", ".join(map(name_printable, sorted(held)[:5])) + (", …" if len(held) > 5 else "")
    return (
        f"no annotations of article {', '.join(map(name_printable, unknown))} in {shown}; "
        "articles there: "
        f"{listed or 'none'} (ids, as `sentences` lists them)"
    )


def decisions_of(source: ExportSource, annotator: str) -> int:
    """How many ledger decision records `annotator` made (undo and redo included)."""
    return sum(1 for record in source.ledger_decisions() if record.get("annotator") == annotator)


def carries_decisions(args: argparse.Namespace) -> bool:
    """Whether this export carries the analyst's ledger decisions (exported_decisions):
    a format that holds them, narrowed by nothing but the analyst."""
    from workbench.core.interchange.export.formats import FORMATS

    narrowed = args.article or args.tag or args.status
    return FORMATS[args.format_name].decisions and not narrowed


def no_reviews(source: ExportSource, wanted: AnnotationFilter, annotator: str | None) -> None:
    """Say on stderr why a ClaimReview export holds no review (qa5 Q10: an empty graph,
    exit 0, and nothing said), or how many annotations it left out when it holds some
    (qa18 F14: 168 of 169, said nowhere): only claims with a verdict are reviews."""
    from workbench.core.interchange.export.claimreview import no_review_words, non_review_words

    placed = [a for a in source.all(annotator) if wanted.matches(a)]
    said = no_review_words(placed)
    if said is None:
        orphans = [a for a in source.orphans(annotator) if wanted.matches(a)]
        said = non_review_words(placed + orphans)
    if said is not None:
        print(f"workbench: {said}", file=sys.stderr)


def readable_history(source: ExportSource) -> Callable[[], Sequence[ChangeLike]]:
    """The source's history, read when asked (only an export holding a record to check
    asks); one that cannot be read is said on stderr and the records to check are
    exported without what they were made on, as `summary` lists them."""
    from workbench.cli.common import readable_history as read

    return read(
        source, "the annotations to check are exported without the words they were tagged on"
    )


def every_analyst_as_none(annotator: str | None) -> str | None:
    """`--annotator all`, in any case, is every analyst's export, as it is every analyst's
    summary: it was read as an analyst named "all" ("no annotations by all", qa21 #12),
    though no analyst may be named so (annotation.reserved_name_problem)."""
    from workbench.core.annotation import EVERY_ANALYST

    if annotator is not None and annotator.strip().casefold() == EVERY_ANALYST:
        return None
    return annotator


def run(args: argparse.Namespace) -> int:
    from store import StoreError, open_store
    from workbench.cli.output import write_data
    from workbench.config.annotator import resolve_annotator
    from workbench.config.locations import resolve_database
    from workbench.config.settings import anchoring_threshold, no_unknown_section
    from workbench.config.toml_file import ConfigFileError
    from workbench.core.anchoring.as_tagged import tagged_reader
    from workbench.core.anchoring.reanchored_view import read_only_view, view_plans
    from workbench.core.annotation_filter import AnnotationFilter
    from workbench.core.corpus.articles import load_corpus
    from workbench.core.files.atomic import write_output
    from workbench.core.files.database_url import shown_location
    from workbench.core.interchange.export.formats import DEFAULT_FORMAT
    from workbench.core.interchange.export.from_store import (
        ExportError,
        export_bytes,
        orphans_left_out,
        to_check_left_out,
        to_check_words,
    )
    from workbench.core.terminal_text import json_safe_for_terminal

    args.annotator = every_analyst_as_none(args.annotator)
    args.format_name, mismatch = format_of_output(
        args.format_name, args.output, OUTPUT_SUFFIXES, DEFAULT_FORMAT
    )
    location = resolve_database(args.db)
    problem = (
        mismatch
        or no_database(location, "give one with --db FILE or URL")
        or output_refusal(location, args.output, args.articles or ())
    )
    if problem is not None:
        return fail(problem)
    wanted = AnnotationFilter.of(
        article_ids=args.article,
        tags=args.tag,
        statuses=args.status,
        annotators=[args.annotator] if args.annotator else [],
    )
    try:
        # Read-only: no lock, so an export works while the TUI holds the database.
        with open_store(
            location, annotator=resolve_annotator(args.annotator), read_only=True
        ) as store:
            warn(store.warnings)
            if args.history:
                store.verify_history()  # an audit trail is exported whole or not at all
                if (first := store.history_starts_at()) > 1:
                    print(
                        f"workbench: the history starts at change {first}: the record of the "
                        "changes before it was lost (its file was missing), so the exported "
                        "history is not the whole audit trail",
                        file=sys.stderr,
                    )
            source: ExportSource = store
            shown = name_printable(shown_location(location))
            if nothing := filters_matching_nothing(source, args, shown):
                return fail(nothing)
            if args.articles:
                corpus = load_corpus(args.articles)
                skipped(corpus.problems)
                no_unknown_section()
                source = read_only_view(store, corpus, anchoring_threshold())
            output = export_bytes(
                source,
                args.format_name,
                wanted,
                annotator=args.annotator,
                history=args.history,
                as_tagged=tagged_reader(readable_history(source), view_plans(source)),
            )
            left_out = orphans_left_out(source, args.format_name, wanted, args.annotator)
            unconfirmed = to_check_left_out(source, args.format_name, wanted, args.annotator)
            if args.format_name == "claimreview":
                no_reviews(source, wanted, args.annotator)
            if args.articles:
                articles_not_given(source, set(corpus.by_id), wanted, args.annotator)
            else:
                positions_as_stored(store)
    except (StoreError, ExportError, ConfigFileError) as error:
        return fail(str(error))
    if left_out:
        print(
            f"workbench: {left_out} orphaned annotation(s) left out: they are on no sentence "
            f"of their article's current text ({args.format_name} cannot say so; json and "
            "jsonl keep them)",
            file=sys.stderr,
        )
    if unconfirmed:
        print(f"workbench: {to_check_words(unconfirmed, args.format_name)}", file=sys.stderr)
    if args.output:
        try:
            with stopped_cleanly_by_sigterm():
                write_output(args.output, output, for_terminal=json_safe_for_terminal)
        except OSError as error:
            return fail(cannot("write", args.output, error))
        return 0
    write_data(output)
    return 0
