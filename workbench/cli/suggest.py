"""`workbench suggest`: the suggested tags and source of every sentence, read-only.

With --json, one object per sentence (the shape of Suggestion.to_record, documented in
docs/SUGGESTIONS.md); without it, a listing for reading. Nothing is stored: the
analyst accepts suggestions in the annotate screen.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from workbench.cli.common import fail, no_articles_found
from workbench.cli.output import write_json_text
from workbench.core.analysis.suggestions.provenance import weak
from workbench.core.analysis.suggestions.suggest import Suggestion, suggest
from workbench.core.corpus.articles import Article, load_corpus
from workbench.core.terminal_text import name_printable, printable

HELP = "suggest tags and sources for every sentence (bundled articles by default)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument("--json", action="store_true", help="one JSON object per sentence")


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.paths or None)
    for problem in corpus.problems:
        print(f"workbench: skipped {visible(str(problem))}", file=sys.stderr)
    if not corpus.articles:
        return fail(no_articles_found(corpus.roots))
    out = sys.stdout
    for article in corpus:
        suggestions = suggest(article)
        if args.json:
            for suggestion in suggestions:
                write_json_text(json.dumps(json_record(suggestion), ensure_ascii=False) + "\n")
        else:
            write_listing(out, article, suggestions)
    return 0


def json_record(suggestion: Suggestion) -> dict[str, object]:
    """The --json object: Suggestion.to_record, with `weak` after `tags` naming the tags
    Enter leaves out (provenance.weak), as the annotate screen's panel marks them (qa9
    Q23: a script reading `tags` took a denial at 0.45 the app does not store)."""
    record: dict[str, object] = {}
    for key, value in suggestion.to_record().items():
        record[key] = value
        if key == "tags":
            record["weak"] = [tag for tag in suggestion.tags if weak(suggestion, tag)]
    return record


def write_listing(out: TextIO, article: Article, suggestions: list[Suggestion]) -> None:
    """Two lines a sentence: number, tags with scores (a weak one marked "?", as the
    panel marks it: Enter leaves it out), source and cue; then its text."""
    out.write(f"== {name_printable(article.id)}: {visible(article.title)}\n")
    for suggestion in suggestions:
        parts = [
            f"{tag} {suggestion.scores[tag]:.2f}" + ("?" if weak(suggestion, tag) else "")
            for tag in suggestion.tags
        ] or ["—"]
        if suggestion.source is not None:
            source = visible(suggestion.source)
            if suggestion.resolved_source is not None:
                source += f" → {visible(suggestion.resolved_source)}"
            parts.append(f"source: {source}")
        if suggestion.cue is not None:
            parts.append(f"cue: {visible(suggestion.cue)}")
        out.write(f"{suggestion.index + 1:>4}  {'  '.join(parts)}\n")
        out.write(f"      {visible(article.text[suggestion.start : suggestion.end])}\n")


def visible(text: str) -> str:
    """A field on one line of the listing: the shared sanitiser, newlines escaped too
    (the output stream escapes what a terminal would obey in any case)."""
    return printable(text, single_line=True)
