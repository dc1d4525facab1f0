"""`workbench summary`: who claims what, who denies it, and where the numbers disagree."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workbench.cli.common import fail, stopped_cleanly_by_sigterm, threshold, warn
from workbench.cli.output import write_json_text
from workbench.core.anchor_report import anchoring_section
from workbench.core.atomic import write_output
from workbench.core.corpus import Corpus, load_corpus
from workbench.core.summary import SummarySettings, build_summary, render_markdown
from workbench.core.terminal_text import json_safe, printable
from workbench.settings import resolve_annotator, resolve_db_path

HELP = "summarise the annotations: per article, per source, claim ledger, conflicting figures"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files or folders for sentence counts (default: the articles the "
        "database remembers, else the bundled articles)",
    )
    parser.add_argument(
        "--format", choices=("md", "json"), default="md", help="Markdown report or JSON"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout"
    )
    parser.add_argument(
        "--claim-threshold",
        type=threshold,
        metavar="SCORE",
        help="how alike two claims must be (0-100) to share a ledger entry "
        "(default: [ledger] claim_threshold in settings.toml, else 70)",
    )
    parser.add_argument(
        "--denial-threshold",
        type=threshold,
        metavar="SCORE",
        help="how alike a denial and a claim must be to link them (default: settings.toml, "
        "else 70)",
    )


def articles_from_corpus(corpus: Corpus) -> list[dict[str, Any]]:
    """Title and sentence count of each article of the corpus."""
    return [
        {"id": article.id, "title": article.title, "sentences": len(article.sentences)}
        for article in corpus
    ]


def loaded_corpus(paths: list[str] | None) -> Corpus:
    """The articles under `paths` (None: the bundled ones), problems on stderr."""
    corpus = load_corpus(paths or None)
    for problem in corpus.problems:
        print(f"workbench: skipped {problem}", file=sys.stderr)
    return corpus


def run(args: argparse.Namespace) -> int:
    from store import AnnotationStore, StoreError, database_files
    from workbench.core.reanchored_view import read_only_view
    from workbench.user_config import SettingsError, anchoring_threshold, ledger_settings

    try:
        ledger = ledger_settings(
            overrides={
                "claim_threshold": args.claim_threshold,
                "denial_threshold": args.denial_threshold,
            }
        )
        fuzzy = anchoring_threshold()
    except SettingsError as error:
        return fail(str(error))
    path = resolve_db_path(args.db)
    if not database_files(path):
        return fail(f"no annotation database at {path} (annotate first, or pass --db FILE)")
    try:
        with AnnotationStore.open(
            path, annotator=resolve_annotator(args.annotator), read_only=True
        ) as store:
            warn(store.warnings)
            remembered = store.articles()
            # With the articles' texts at hand, annotations are counted where re-anchoring
            # puts them (in memory: a summary writes nothing).
            corpus = loaded_corpus(args.paths) if args.paths or not remembered else None
            view = store if corpus is None else read_only_view(store, corpus, fuzzy)
            annotations = view.all()
            orphans = view.orphans()
            decisions = tuple(store.ledger_decisions())
    except StoreError as error:
        return fail(str(error))
    if corpus is not None:
        articles = articles_from_corpus(corpus)
    else:
        articles = [{**info, "id": info["article_id"]} for info in remembered]
    summary = build_summary(
        annotations, articles, SummarySettings(ledger=ledger, decisions=decisions)
    )
    summary["anchoring"] = anchoring_section(
        annotations, orphans, None if corpus is None else corpus.by_id
    )
    if args.format == "json":
        text = json_safe(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    else:
        # A report for people, in a file as on the terminal: outside text shown safely.
        text = printable(render_markdown(summary))
    if args.output:
        try:
            with stopped_cleanly_by_sigterm():
                write_output(Path(args.output), text.encode("utf-8"))
        except OSError as error:
            return fail(f"cannot write {args.output}: {error.strerror or error}")
    elif args.format == "json":
        write_json_text(text)
    else:
        sys.stdout.write(text)
    return 0
