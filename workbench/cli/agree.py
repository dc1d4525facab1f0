"""`workbench agree A B`: how far two analysts agree, tag by tag, and where they differ."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cli.common import fail
from workbench.cli.output import write_json_text
from workbench.core.analysis.summary.markdown import sentence_label
from workbench.core.corpus.titles import short_titles
from workbench.core.terminal_text import printable

if TYPE_CHECKING:
    from workbench.core.analysis.agreement import AgreementReport

HELP = "Cohen's kappa per tag between two analysts' exports, and the sentences they disagree on"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("first", metavar="A", help="the first analyst's export (json or jsonl)")
    parser.add_argument("second", metavar="B", help="the second analyst's export")
    parser.add_argument(
        "--missing-as-untagged",
        action="store_true",
        help="count a sentence only one analyst recorded, in an article both annotated, as "
        "untagged by the other (default: such sentences are not compared)",
    )
    parser.add_argument("--json", action="store_true", help="the report as one JSON object")


def one_line(text: str) -> str:
    """A field on one line of the listing (the stream makes it terminal-safe anyway)."""
    return printable(text, single_line=True)


def number(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{value:.1%}" if percent else f"{value:.3f}"


def as_text(
    report: AgreementReport, first: Path, second: Path, titles: Mapping[str, str] | None = None
) -> str:
    """The report for people: articles named by their short titles (ids only in --json)."""
    titles = titles or {}

    def named(article_id: str) -> str:
        title = titles.get(article_id)
        return f"“{one_line(title)}”" if title else one_line(article_id)

    lines = [
        f"A: {one_line(report.annotator_a)} ({first})",
        f"B: {one_line(report.annotator_b)} ({second})",
        f"compared {report.compared} sentences annotated by both; not compared: "
        f"{report.only_a} by A only, {report.only_b} by B only, "
        f"{report.mismatched} whose text differs",
        *different_texts_line(report, named),
        *unplaced_line(report),
        "",
        f"{'tag':<12} {'kappa':>7} {'agreement':>9} {'both':>6} {'A only':>6} "
        f"{'B only':>6} {'neither':>7}",
    ]
    for tag in report.per_tag:
        lines.append(
            f"{tag.tag:<12} {number(tag.kappa):>7} {number(tag.observed, True):>9} "
            f"{tag.both:>6} {tag.only_a:>6} {tag.only_b:>6} {tag.neither:>7}"
        )
    lines.append("")
    lines.append(f"disagreements: {len(report.disagreements)}")
    for item in report.disagreements:
        lines.append(
            f"  {named(item.article_id)}, {sentence_label(item.index)}: "
            f"A [{', '.join(item.tags_a)}] B [{', '.join(item.tags_b)}]  "
            f"{one_line(item.quote)}"
        )
    return "\n".join(lines) + "\n"


def different_texts_line(report: AgreementReport, named: Callable[[str], str]) -> list[str]:
    """One line for the articles the two exports hold on different texts: their
    sentences are not compared (an index may be another sentence), and re-anchoring
    both exports onto the articles as they are now makes them comparable."""
    if not report.different_texts:
        return []
    ids = [named(item.article_id) for item in report.different_texts]
    shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    return [
        f"not compared: {len(ids)} article(s) A and B annotated on different texts ({shown}); "
        "export both with --articles PATH to compare them on the articles as they are now"
    ]


def unplaced_line(report: AgreementReport) -> list[str]:
    """One line for the records not on the sentence they were made on (to check or
    orphaned): their index names a sentence nobody of them judged."""
    if not report.unplaced_a and not report.unplaced_b:
        return []
    return [
        f"not compared: {report.unplaced_a} of A's and {report.unplaced_b} of B's records "
        "still to check or orphaned (made on words their article no longer has there; "
        "confirm or re-attach them, then export again)"
    ]


def as_json(report: AgreementReport) -> dict[str, Any]:
    return {
        "annotator_a": report.annotator_a,
        "annotator_b": report.annotator_b,
        "compared": report.compared,
        "only_a": report.only_a,
        "only_b": report.only_b,
        "mismatched": report.mismatched,
        "unplaced_a": report.unplaced_a,
        "unplaced_b": report.unplaced_b,
        "different_texts": [
            {"article_id": item.article_id, "sha256_a": item.texts_a, "sha256_b": item.texts_b}
            for item in report.different_texts
        ],
        "tags": {
            tag.tag: {
                "kappa": tag.kappa,
                "observed": tag.observed,
                "expected": tag.expected,
                "both": tag.both,
                "only_a": tag.only_a,
                "only_b": tag.only_b,
                "neither": tag.neither,
            }
            for tag in report.per_tag
        },
        "disagreements": [
            {
                "article_id": item.article_id,
                "index": item.index,
                "quote": item.quote,
                "tags_a": list(item.tags_a),
                "tags_b": list(item.tags_b),
            }
            for item in report.disagreements
        ],
    }


def run(args: argparse.Namespace) -> int:
    from workbench.core.analysis.agreement import compare, single_annotator
    from workbench.core.interchange.importing import ImportFileError, read_import

    first, second = Path(args.first), Path(args.second)
    try:
        batch_a, batch_b = read_import(first), read_import(second)
        a, b = batch_a.annotations, batch_b.annotations
    except ImportFileError as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"cannot read {error.filename}: {error.strerror or error}")
    try:
        single_annotator(a, str(first))
        single_annotator(b, str(second))
    except ValueError as error:
        return fail(str(error))
    report = compare(a, b, missing_as_untagged=args.missing_as_untagged)
    if args.json:
        write_json_text(json.dumps(as_json(report), ensure_ascii=False, indent=2) + "\n")
    else:
        listed = [*batch_a.articles, *batch_b.articles]
        titles = short_titles(
            (str(item["id"]), item["title"]) for item in listed if item.get("title")
        )
        sys.stdout.write(as_text(report, first, second, titles))
    return 0
