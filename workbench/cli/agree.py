"""`workbench agree A B`: how far two analysts agree, tag by tag, and where they differ."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cli.common import cannot, fail, fail_each
from workbench.cli.output import write_json_text
from workbench.core.analysis.summary.model import sentence_label
from workbench.core.annotation import status_words
from workbench.core.corpus.titles import short_titles
from workbench.core.terminal_text import name_printable, printable

if TYPE_CHECKING:
    from workbench.core.analysis.agreement import AgreementReport
    from workbench.core.annotation import Annotation
    from workbench.core.interchange.importing import ImportBatch

HELP = "Cohen's kappa per tag between two analysts' exports, and the sentences they disagree on"
USES_STORE = False
"""It reads two export files, never a database: no --db or --annotator (qa10 Q15)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("first", metavar="A", help="the first analyst's export (json or jsonl)")
    parser.add_argument("second", metavar="B", help="the second analyst's export")
    parser.add_argument(
        "--missing-as-untagged",
        action="store_true",
        help="compare every sentence of an article both annotated: one an analyst left blank "
        "counts as untagged by them, one both left blank as 'neither' (default: only "
        "sentences both recorded are compared)",
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
    report: AgreementReport,
    first: Path,
    second: Path,
    titles: Mapping[str, str] | None = None,
    widened: bool = False,
) -> str:
    """The report for people: articles named by their short titles (ids only in --json)."""
    titles = titles or {}

    def named(article_id: str) -> str:
        title = titles.get(article_id)
        return f"“{one_line(title)}”" if title else one_line(article_id)

    lines = [
        f"A: {name_printable(report.annotator_a)} ({name_printable(first)})",
        f"B: {name_printable(report.annotator_b)} ({name_printable(second)})",
        *compared_lines(report, widened, named),
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
    lines.append(f"tag disagreements: {len(report.disagreements)}")
    for item in report.disagreements:
        lines.append(
            f"  {named(item.article_id)}, {sentence_label(item.index)}: "
            f"A [{', '.join(item.tags_a)}] B [{', '.join(item.tags_b)}]  "
            f"{one_line(item.quote)}"
        )
    lines.append(
        f"source disagreements: {len(report.source_disagreements)} "
        "(sentences both tagged attribution, crediting different sources)"
    )
    for source in report.source_disagreements:
        lines.append(
            f"  {named(source.article_id)}, {sentence_label(source.index)}: "
            f"A {source_words(source.source_a, source.speaker_a)} "
            f"B {source_words(source.source_b, source.speaker_b)}  "
            f"{one_line(source.quote)}"
        )
    lines.append(
        f"status disagreements: {len(report.status_disagreements)} "
        "(sentences both recorded, verified differently)"
    )
    for status in report.status_disagreements:
        lines.append(
            f"  {named(status.article_id)}, {sentence_label(status.index)}: "
            f"A {status_words(status.status_a)} B {status_words(status.status_b)}  "
            f"{one_line(status.quote)}"
        )
    return "\n".join(lines) + "\n"


def source_words(source: str | None, speaker: str | None = None) -> str:
    """A source as the listing shows it: quoted (it is the analyst's text), or none, then
    whom it was accepted as naming, if another ("“She” → Ilse Marwood", qa16 Q19)."""
    shown = f"“{one_line(source)}”" if source and source.strip() else "(no source)"
    return f"{shown} → {one_line(speaker)}" if speaker else shown


def compared_lines(
    report: AgreementReport, widened: bool, named: Callable[[str], str]
) -> list[str]:
    """What was compared, said truly for each mode (qa7 Q2): with --missing-as-untagged
    not every compared sentence was annotated by both; without it, the sentences of
    articles both annotated that were left out are counted and the option named."""
    not_compared = (
        f"not compared: {report.only_a} by A only, {report.only_b} by B only, "
        f"{report.mismatched} whose text differs"
    )
    if not widened:
        lines = [f"compared {report.compared} sentences annotated by both; {not_compared}"]
        if report.left_out_by_default:
            lines.append(
                f"left out: {report.left_out_by_default} sentence(s) of articles both annotated "
                f"({report.one_sided_shared} recorded by one analyst only, {report.blank} by "
                "neither); --missing-as-untagged compares them, a sentence left blank as untagged"
            )
        return lines
    articles = "article" if report.compared_articles == 1 else "articles"
    lines = [
        f"compared {report.compared} sentences of the {report.compared_articles} {articles} "
        f"both annotated (--missing-as-untagged): {report.recorded_by_both} annotated by both, "
        f"{report.filled_a} left blank by B, {report.filled_b} left blank by A, "
        f"{report.blank} left blank by both; {not_compared}"
    ]
    if report.uncounted:
        ids = [named(article_id) for article_id in report.uncounted]
        shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
        lines.append(
            f"not counted: sentences left blank by both in {len(ids)} article(s) whose "
            f"sentence count the exports do not carry ({shown}); export again to count them"
        )
    return lines


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
        "recorded_by_both": report.recorded_by_both,
        "left_blank_by_b": report.filled_a,
        "left_blank_by_a": report.filled_b,
        "left_blank_by_both": report.blank,
        "compared_articles": report.compared_articles,
        "left_out_of_shared_articles": report.left_out_by_default,
        "uncounted_articles": list(report.uncounted),
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
        "source_disagreements": [
            {
                "article_id": item.article_id,
                "index": item.index,
                "quote": item.quote,
                "source_a": item.source_a,
                "source_b": item.source_b,
                **{  # whom a source was accepted as naming, only when another (qa16 Q19)
                    key: speaker
                    for key, speaker in (
                        ("speaker_a", item.speaker_a),
                        ("speaker_b", item.speaker_b),
                    )
                    if speaker is not None
                },
            }
            for item in report.source_disagreements
        ],
        "status_disagreements": [
            {
                "article_id": item.article_id,
                "index": item.index,
                "quote": item.quote,
                "status_a": item.status_a,
                "status_b": item.status_b,
            }
            for item in report.status_disagreements
        ],
    }


def same_file(first: Path, second: Path) -> bool:
    """Whether A and B name one file (qa7 Q10 k: compared with itself, kappa 1.000)."""
    try:
        return first.samefile(second)
    except OSError:
        return False


def same_analyst_note(name: str, a: Sequence[Annotation], b: Sequence[Annotation]) -> str:
    """A note on stderr when both files hold one analyst: an analyst's agreement with
    themselves (the same articles tagged again later) is a real question, a copy of
    one export is not."""

    def records(side: Sequence[Annotation]) -> set[tuple[object, ...]]:
        return {(x.article_id, x.index, x.tags, x.created_at, x.updated_at) for x in side}

    copy = records(a) == records(b)
    what = (
        "B holds the very records A holds (a copy of one export?): kappa says nothing"
        if copy
        else "this is the analyst's agreement with themselves"
    )
    return f"workbench: note: A and B are both {name_printable(name)}'s annotations; {what}\n"


def refuse_past_their_text(batch: ImportBatch, path: Path) -> None:
    """ImportFileError (naming `path`) at a record whose sentence is past the text the
    file's own article list counts, as its import refuses it: read as whole, "sentence
    100" of a 3-sentence article was counted among the article's sentences (tr13 T7)."""
    from workbench.cli.import_ import within_the_count
    from workbench.core.interchange.decision_check import SentenceCounts
    from workbench.core.interchange.importing import ImportFileError

    counts = SentenceCounts(batch.articles, {}).counts
    try:
        for annotation, where in zip(batch.annotations, batch.locations, strict=True):
            within_the_count(annotation, where, counts)
    except ImportFileError as error:
        raise error.in_file(path) from None


def run(args: argparse.Namespace) -> int:
    from workbench.core.analysis.agreement import (
        compare,
        one_spelling_each,
        sentence_counts,
        single_annotator,
    )
    from workbench.core.interchange.importing import ImportFileError, read_import

    first, second = Path(args.first), Path(args.second)
    try:
        batch_a, batch_b = read_import(first), read_import(second)
        refuse_past_their_text(batch_a, first)
        refuse_past_their_text(batch_b, second)
        a, b = batch_a.annotations, batch_b.annotations
    except ImportFileError as error:
        return fail_each(error.lines())
    except OSError as error:
        return fail(cannot("read", error.filename, error))
    try:
        single_annotator(a, name_printable(first))
        single_annotator(b, name_printable(second))
        one_spelling_each(a, name_printable(first))
        one_spelling_each(b, name_printable(second))
    except ValueError as error:
        return fail(str(error))
    if same_file(first, second):
        return fail(f"A and B are the same file ({name_printable(first)}): nothing to compare")
    counts = sentence_counts(batch_a.articles, batch_b.articles)
    report = compare(a, b, args.missing_as_untagged, counts)
    if report.annotator_a == report.annotator_b:
        sys.stderr.write(same_analyst_note(report.annotator_a, a, b))
    if args.json:
        write_json_text(json.dumps(as_json(report), ensure_ascii=False, indent=2) + "\n")
    else:
        listed = [*batch_a.articles, *batch_b.articles]
        titles = short_titles(
            (str(item["id"]), item["title"]) for item in listed if item.get("title")
        )
        sys.stdout.write(as_text(report, first, second, titles, args.missing_as_untagged))
    return 0
