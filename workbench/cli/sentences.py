"""`workbench sentences`: print every sentence with its exact offsets."""

from __future__ import annotations

import argparse
import json
import sys

from workbench.cli.common import fail, no_articles_found, one_line, skipped
from workbench.cli.output import write_json_text
from workbench.core.corpus.articles import load_corpus
from workbench.core.terminal_text import name_printable

HELP = "print the sentences of articles with their offsets (bundled articles by default)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per line; start and end count code points of the article as "
        "read (a leading BOM dropped, CRLF and CR turned into LF), as in every export",
    )


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.paths or None)
    skipped(corpus.problems)
    out = sys.stdout
    for article in corpus:
        if not args.json:
            out.write(f"== {name_printable(article.id)}: {one_line(article.title)}\n")
        for sentence in article.sentences:
            if args.json:
                record = {
                    "article": article.id,
                    "index": sentence.index,
                    "start": sentence.start,
                    "end": sentence.end,
                    "text": sentence.text,
                }
                write_json_text(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                out.write(
                    f"{sentence.index + 1:>4} [{sentence.start}:{sentence.end}] "
                    f"{one_line(sentence.text)}\n"
                )
    if not corpus.articles:
        return fail(no_articles_found(corpus.roots))
    return 0
