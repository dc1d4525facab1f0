"""`workbench import FILE`: merge a json or jsonl export into the database, all or nothing.

The whole file is validated before the database is opened for writing; any problem
is one line naming the file and the place (JSON path or line), exit code 1, and the
database is left as it was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.common import fail, warn

HELP = "merge annotations from a json or jsonl export (validated first; all or nothing)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a `workbench export` json or jsonl file")
    parser.add_argument(
        "--format",
        dest="format_name",
        choices=("json", "jsonl"),
        help="the file's format (default: jsonl for .jsonl/.ndjson, else json)",
    )
    parser.add_argument(
        "--articles",
        "--corpus",
        dest="corpus",
        action="append",
        default=[],
        metavar="PATH",
        help="the articles as they are now (repeatable; default: the bundled articles): "
        "the annotations may refer to them besides the file's own list and the database, "
        "and annotations made on another version of one are re-anchored to it",
    )


def run(args: argparse.Namespace) -> int:
    from store import AnnotationStore, StoreError, database_files
    from workbench.core.anchoring import outcome_counts
    from workbench.core.corpus import load_corpus
    from workbench.core.import_anchoring import anchor_imported, check_same_texts
    from workbench.core.importing import ImportFileError, check_known_articles, read_import
    from workbench.core.reanchoring import batches, plans, store_plans
    from workbench.settings import resolve_annotator, resolve_db_path
    from workbench.user_config import SettingsError, anchoring_threshold

    path = Path(args.file)
    try:
        fuzzy = anchoring_threshold()
    except SettingsError as error:
        return fail(str(error))
    try:
        batch = read_import(path, args.format_name)
    except ImportFileError as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"cannot read {path}: {error.strerror or error}")
    db_path = resolve_db_path(args.db)
    corpus = load_corpus(args.corpus or None)
    for problem in corpus.problems if args.corpus else ():
        print(f"workbench: skipped {problem}", file=sys.stderr)
    corpus_ids = {article.id for article in corpus}
    try:
        # The file against the corpus first: the database need not be opened (or
        # created) for a bad file.
        anchored = anchor_imported(batch.annotations, batch.locations, corpus.by_id, fuzzy)
        outside_corpus = [name for name in batch.unlisted_articles if name not in corpus_ids]
        if outside_corpus and not database_files(db_path):
            check_known_articles(batch, corpus_ids)
        with AnnotationStore.open(db_path, annotator=resolve_annotator(args.annotator)) as store:
            warn(store.warnings)
            if outside_corpus:
                known = corpus_ids | {str(a.get("article_id")) for a in store.articles()}
                known.update(annotation.article_id for annotation in store.all())
                check_known_articles(batch, known)
            check_same_texts(
                batch.annotations,
                batch.locations,
                lambda a: store.get(a.article_id, a.index, a.annotator),
                corpus.by_id,
            )
            # Checked: now the database's own annotations onto the current texts (each
            # article one write), then the file's, merged in one write.
            database = list(plans(store, corpus, fuzzy))
            for group in batches(database):
                store_plans(store, group)
            report = store.import_annotations(anchored.annotations)
    except ImportFileError as error:
        return fail(str(error.in_file(path)))
    except StoreError as error:
        return fail(str(error))
    history = f" (its history of {batch.history_entries} changes is not imported)"
    print(
        f"imported {path}: added {report.added}, updated {report.updated}, "
        f"skipped {report.skipped}{history if batch.history_entries else ''}",
        file=sys.stdout,
    )
    counts = outcome_counts(anchored.plans)
    if any(counts.values()):
        print(
            f"made on other versions of the articles, re-anchored: {counts['moved']} moved, "
            f"{counts['check']} to check, {counts['orphaned']} orphaned",
            file=sys.stdout,
        )
    changed = sum(1 for item in database if item.changed)
    if changed:
        print(
            f"workbench: {changed} changed article(s) re-anchored in the database first",
            file=sys.stderr,
        )
    return 0
