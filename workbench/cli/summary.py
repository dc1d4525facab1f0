"""`workbench summary`: who claims what, who denies it, and where the numbers disagree."""

from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.common import (
    cannot,
    fail,
    format_of_output,
    no_annotations_by,
    no_articles_found,
    say,
    skipped,
    stopped_cleanly_by_sigterm,
    threshold,
    warn,
)
from workbench.cli.keeper_notice import waited_for_keeper
from workbench.cli.output import write_data_parts
from workbench.cli.recorded import say_at_terminal
from workbench.cli.summary_request import Request, asked
from workbench.core.analysis.kept.output import TEXT
from workbench.core.files.atomic import write_output_parts
from workbench.core.terminal_text import json_safe_for_terminal, printable, printable_bytes

if TYPE_CHECKING:
    from collections.abc import Mapping

    from store.protocol import Store
    from store.read_memo import ReadMemo
    from workbench.core.analysis.figures.conflict_model import ReadSentence
    from workbench.core.analysis.ledger.claim_text import ClaimText
    from workbench.core.analysis.ledger.readings import Readings
    from workbench.core.analysis.summary.build import SummarySettings
    from workbench.core.analysis.summary.markdown import MarkdownPieces
    from workbench.core.analysis.summary.model import AnchoringSection, Summary
    from workbench.core.analysis.summary.possible import Keys, ReadingCache
    from workbench.core.anchoring.as_tagged import TaggedVersions
    from workbench.core.annotation import Annotation
    from workbench.core.corpus.article_info import ArticleInfo
    from workbench.core.corpus.articles import Article, Corpus

HELP = "summarise the annotations: per article, per source, claim ledger, conflicting figures"
OUTPUT_SUFFIXES = {".json": "json", ".md": "md", ".markdown": "md"}
"""The formats an -o FILE's suffix names when --format is not given."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "--annotator NAME summarises that analyst's annotations and decisions (default: "
        "the current annotator); --annotator all summarises every analyst's, each sentence "
        "once, with the sentences they judged differently marked."
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="the articles as they are now, files or folders: read, annotations re-anchored "
        "onto them in memory and pronouns resolved on them, so the whole report can change; "
        "give those the app was opened on for the summary screen's report. Without PATH no "
        "article is read: the annotations are counted where they were stored, under the "
        "titles the database remembers, and a pronoun names its speaker only where a "
        "suggestion naming them was taken (else it is counted as typed, 'he (unresolved, "
        "in …)', and the report says so); a database that remembers no article reads the "
        "bundled articles it has annotations on",
    )
    parser.add_argument(
        "--format",
        choices=("md", "json"),
        default=None,
        help="Markdown report or JSON (default: the one -o FILE's suffix names, else md)",
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


def as_tagged_or_not(store: Store, view: object, annotations: list[Annotation]) -> TaggedVersions:
    """How the annotations to check were tagged (old_quote in the anchoring section),
    from the history; without it (it cannot be read) they are listed all the same."""
    from store import StoreError
    from workbench.core.anchoring.as_tagged import TaggedVersions, versions_of
    from workbench.core.anchoring.reanchored_view import ReanchoredView

    plans = view.plans if isinstance(view, ReanchoredView) else []
    try:
        return versions_of(annotations, store.history, plans)
    except StoreError as error:
        print(
            f"workbench: the annotations to check are listed without the quote they were "
            f"tagged on: {printable(str(error), single_line=True)}",
            file=sys.stderr,
        )
        return TaggedVersions()


NOT_READ = (
    "No article was read (no PATH given): the annotations are summarised where they were "
    "stored, on the texts they were tagged on, and an article changed since is not seen; "
    "give the articles (PATH) to summarise them as they are now."
)
"""The caveat of a summary without PATH of a database that remembers its articles."""


def positions_as_stored(annotations: list[Annotation], remembered: list[ArticleInfo]) -> list[str]:
    """Say on stderr that a summary without PATH read no article (as `export` without
    --articles does): its sentence numbers are where the annotations were stored. Those
    made on an older text than the one last opened (a re-anchoring undone) are always
    counted; that a file may have changed unseen is said to a person at a terminal.
    Returns the report's caveats: the report says it too, whoever reads it."""
    if not annotations:
        return []
    seen = {info.article_id: info.sha256 for info in remembered}
    older = sum(
        1 for a in annotations if seen.get(a.article_id, a.article_sha256) != a.article_sha256
    )
    remedy = "give the articles (PATH) to count them on the articles as they are now"
    if older:
        said = (
            f"{older} annotation(s) were made on an older text of their article than the "
            "one last opened, and are summarised where they were stored"
        )
        print(f"workbench: {said}; {remedy}", file=sys.stderr)
        return [NOT_READ, f"{said}."]
    say_at_terminal(f"workbench: sentences as stored (no article was read); {remedy}\n")
    return [NOT_READ]


def renamed_articles(annotations: list[Annotation], known: Mapping[str, Article]) -> list[str]:
    """Say (stderr and the report's caveats) which missing articles are among those read
    under another file name (summary/scope.py: the summary screen's report says it too)."""
    from workbench.core.analysis.summary.scope import renamed_articles as found

    said = found(annotations, known)
    for line in said:
        print(f"workbench: {line}", file=sys.stderr)
    return [f"{line}." for line in said]


def texts_counted_twice(annotations: list[Annotation]) -> list[str]:
    """Say (stderr and the report's caveats) which texts are annotated under two article
    ids, each counted under both (summary/scope.py: the summary screen says it too)."""
    from workbench.core.analysis.summary.scope import one_text_under_two_ids

    said = one_text_under_two_ids(annotations)
    for line in said:
        print(f"workbench: {line}", file=sys.stderr)
    return [f"{line}." for line in said]


def pronouns_not_read(
    annotations: list[Annotation], texts: Mapping[str, Article], remembered: list[ArticleInfo]
) -> list[str]:
    """Say on stderr how many pronoun and role sources a summary without PATH leaves as
    typed: their articles were not read, and no accepted suggestion named the speaker.
    Returns the report's caveat (none when all were resolved)."""
    from workbench.core.analysis.sources.speakers import unread_sources

    shas = {info.article_id: info.sha256 for info in remembered if info.sha256}
    sources, articles = unread_sources(annotations, texts, shas)
    if not sources:
        return []
    said = (
        f"{sources} pronoun or role source(s) in {articles} article(s) left unresolved "
        "(their articles were not read)"
    )
    print(f"workbench: {said}; give the articles (PATH) to resolve them", file=sys.stderr)
    return [
        f"{said}: they are counted as typed (“he (unresolved, in …)”), not under the "
        "speaker they name; give the articles (PATH) to resolve them."
    ]


def bundled_read() -> None:
    """Say, to a person at a terminal, that a summary without PATH of a database that
    remembers no article read the bundled articles, and where they are (polish20: it
    said nothing, and the report reads as if of the articles the analyst had in mind)."""
    from workbench.core.corpus.articles import BUNDLED_ARTICLES
    from workbench.core.terminal_text import name_printable

    say_at_terminal(
        "workbench: the database remembers no article and no PATH was given: read the "
        f"bundled articles, in {name_printable(BUNDLED_ARTICLES)}\n"
    )


def loaded_corpus(paths: list[str] | None) -> Corpus:
    """The articles under `paths` (None: the bundled ones), problems on stderr."""
    from workbench.core.corpus.articles import load_corpus

    corpus = load_corpus(paths or None)
    skipped(corpus.problems)
    return corpus


def run(args: argparse.Namespace) -> int:
    args.format, mismatch = format_of_output(args.format, args.output, OUTPUT_SUFFIXES, "md")
    if mismatch is not None:
        return fail(mismatch)
    request = asked(args)
    if isinstance(request, int):
        return request
    status = kept_written(request, args.format, args.output)
    if status is None:
        # the keeper following the app's session may be making this very summary
        status = waited_for_keeper(
            request, args.format, lambda: kept_written(request, args.format, args.output)
        )
    if status is not None:
        return status
    summary = summarised(request)
    if isinstance(summary, int):
        return summary
    if args.format == "json":
        # Made and written a piece at a time, outside text already escaped (json_safe).
        return written(summary.json_parts(), args.output)
    return written(report(summary), args.output)


def kept_written(request: Request, output_format: str, target: str | None) -> int | None:
    """Write the kept output of `request` as computing it would (its standard error
    too), made by a writer from these very inputs; its exit status, or None to compute."""
    from workbench.cli.kept_summary import served, served_into
    from workbench.cli.recorded import replay

    if target and undoable(target):
        return served_into(request, output_format, lambda parts: written(parts, target))
    kept = served(request, output_format)
    if kept is None:
        return None
    replay(kept.stderr)
    output = kept.text if kept.kind == TEXT else kept.parts()
    return written(output, target) or kept.status


def undoable(target: str) -> bool:
    """Whether a write to `target` (-o) is undone if it fails: a regular file, or none
    yet, written to a temporary file renamed over it (a FIFO or device is written as
    the bytes come). A kept summary is streamed there, checked as it goes."""
    try:
        return stat.S_ISREG(os.stat(target).st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False  # the write says why, as a computed summary's does


@dataclasses.dataclass
class SummaryInputs:
    """What a summary is built from, read from the store as `summarised` reads it (what
    it had to say on stderr said): build_summary's arguments, and what the summary says
    after it is built (`finished`). The keeper following a session builds its own
    summary of them (cli/followed_summary.py), the same one."""

    annotations: list[Annotation]
    """Those counted: the analyst's (every analyst's for all), of the articles read."""
    articles: list[ArticleInfo]
    settings: SummarySettings
    anchoring: AnchoringSection
    texts: Mapping[str, Article]
    """Pronoun sources are resolved on them (the PATHs', else the bundled articles)."""
    readings: Readings | None
    """What writers read before in quotes and pronouns (None once a build used them)."""
    caveats: list[str]
    unread: bool
    """No article was read (no PATH): pronoun sources left as typed are said after."""


def summarised(request: Request, quotes: QuoteReadings | None = None) -> Summary | int:
    """The summary `request` asks for, what it has to say on stderr said as it goes; or
    the exit status of a store error (said). With `quotes` (the keeper's: summaries of
    one database, one after another), what the summaries before read in their quotes is
    taken and added to."""
    from workbench.core.analysis.summary.build import SummaryCache, build_summary
    from workbench.core.analysis.summary.possible import ReadingCache

    inputs = summary_inputs(request)
    if isinstance(inputs, int):
        return inputs
    # what the build read of each quote, for the possible conflicts
    cache = SummaryCache() if quotes is None else SummaryCache(texts=quotes.texts)
    summary = build_summary(
        inputs.annotations,
        inputs.articles,
        inputs.settings,
        inputs.anchoring,
        cache=cache,
        texts=inputs.texts,
        readings=inputs.readings,
    )
    inputs.readings = None
    # the reader's verdicts are the summary's own: only the quotes' readings are shared
    reading = None if quotes is None else ReadingCache(read=quotes.read, keys=quotes.keys)
    return finished(inputs, summary, reading, texts=cache.texts)


class QuoteReadings:
    """What a process's summaries of one database read in their quotes, for its next
    summary: a keeper makes up to ten in a row (cli/summary_keeper.py: the writer's,
    every analyst's, the others'), and each read every quote again (about a fifth of a
    cold summary's time at 100,000 annotations, the possible conflicts' reader a
    sixteenth more). Each quote's reading (ClaimText) and the reader's (ReadSentence,
    its index keys) are functions of the quote alone, so a summary made with them is,
    byte for byte, the one made without. Bounded as the caches it lends are: ClaimTexts
    keep_only, ReadingCache READ_KEPT."""

    def __init__(self) -> None:
        from workbench.core.analysis.ledger.claim_text import ClaimTexts

        self.texts = ClaimTexts()
        self.read: dict[str, ReadSentence] = {}
        self.keys: dict[str, Keys | None] = {}


def summary_inputs(
    request: Request,
    with_readings: bool = True,
    freeze: bool = True,
    memo: ReadMemo | None = None,
) -> SummaryInputs | int:
    """What the summary `request` asks for is built from, what it has to say on stderr
    before it is built said as it goes; or the exit status of a store error (said).
    `with_readings` False: the store's readings are not read (a summary of the same
    annotations made before has read its quotes). `freeze` False: what was read is
    left to the collector (a process that goes on). `memo`: what this process's last
    read of the database parsed is taken again where it is the same (a process that
    reads it again and again: store/read_memo.py)."""
    from store import StoreError, open_store
    from workbench.core.analysis.anchor_report import anchoring_section
    from workbench.core.analysis.ledger.decisions import decisions_from_records
    from workbench.core.analysis.ledger.readings import Readings, analyser_fingerprint
    from workbench.core.analysis.summary.build import SummarySettings
    from workbench.core.analysis.summary.scope import article_rows
    from workbench.core.anchoring.reanchored_view import read_only_view
    from workbench.core.collector import paused_gc
    from workbench.core.corpus.articles import load_corpus

    annotator, location = request.annotator, request.location
    readings = None
    try:
        # The collector paused over the read, and what it made frozen out of its reach
        # before it is back on: otherwise its first young collection scans the 80,000
        # new Annotations (0.2 s at 100,000). A command ends soon: nothing to collect.
        with (
            paused_gc(),
            open_store(location, annotator=request.opener, read_only=True, memo=memo) as store,
        ):
            warn(store.warnings)
            remembered = store.articles()
            # With the articles' texts at hand, annotations are counted where re-anchoring
            # puts them (in memory: a summary writes nothing).
            paths = list(request.paths)
            corpus = loaded_corpus(paths) if paths or not remembered else None
            if corpus is not None and not paths:
                bundled_read()
            if paths and corpus is not None and not corpus.articles:
                # A mistyped PATH: a report of nothing would read "No conflicting figures"
                # and exit 0 (qa6 Q8).
                return fail(no_articles_found(paths))
            view = store if corpus is None else read_only_view(store, corpus, request.fuzzy)
            # One analyst's annotations only: the others' are never made into objects.
            annotations = view.all(annotator)
            orphans = view.orphans(annotator)
            others = view.all() if annotator is not None and not annotations else []
            decisions = decisions_from_records(view.ledger_decisions())
            versions = as_tagged_or_not(store, view, annotations)
            if with_readings:
                # what writers read before in quotes and pronouns (read only: none kept)
                shown = len(store.warnings)
                readings = Readings(store.readings(analyser_fingerprint()), collect=False)
                warn(store.warnings[shown:])  # damaged readings skipped (they are read again)
            if freeze:
                gc.freeze()
    except StoreError as error:
        return fail(str(error))
    # Every record of every analyst, as parsed: their memory is the build's to reuse.
    del store, view
    caveats: list[str] = []
    if annotator is not None and others:
        nobody = no_annotations_by(
            annotator,
            request.shown,
            sorted({a.annotator for a in others}),
            " (--annotator NAME, or --annotator all)",
        )
        if request.named:  # a misspelt name: a report of nothing is not written (qa7 Q9)
            return fail(nobody)
        say(nobody)
        # your login name on a desk's database: the report says it is no one's work, or
        # its "No conflicting figures" reads as the desk's finding (qa13 Q5)
        caveats.append(f"{nobody[:1].upper()}{nobody[1:]}: this report holds nothing.")
    if corpus is None:
        articles = remembered
        caveats += positions_as_stored(annotations, remembered)
    else:
        articles = article_rows(corpus, remembered)  # counted as remembered where the same
        if not paths:  # the bundled articles: only those the annotations are on
            named = {a.article_id for a in [*annotations, *orphans]}
            articles = [info for info in articles if info.article_id in named]
    known = None if corpus is None else corpus.by_id
    counted = annotations
    if paths and known is not None:
        # Annotations of articles not among the PATHs are counted nowhere: their text
        # was not read. The anchoring section lists them as not opened ("article_missing").
        counted = [a for a in annotations if a.article_id in known]
        caveats += renamed_articles([*annotations, *orphans], known)
    caveats += texts_counted_twice(counted)
    # pronoun sources are resolved on the texts they were tagged on: the PATHs', else the
    # bundled articles' where those are the ones annotated (same sha256), else as the
    # accepted suggestion named them on the text the store last saw
    return SummaryInputs(
        counted,
        articles,
        SummarySettings(ledger=request.ledger, decisions=decisions, annotator=annotator),
        anchoring_section(
            annotations, orphans, known, versions.of, {a.article_id: a.title for a in remembered}
        ),
        known if known is not None else load_corpus(None).by_id,
        readings,
        caveats,
        known is None,
    )


def finished(
    inputs: SummaryInputs,
    summary: Summary,
    reading: ReadingCache | None = None,
    texts: Mapping[str, ClaimText] | None = None,
) -> Summary:
    """The summary built of `inputs` as the command prints it: the pronoun sources left
    unresolved said (stderr), its caveats in it, its possible conflicts found (`reading`:
    the quotes the last summary's reader read, for a keeper following a session). The
    articles' texts are let go (with PATHs, thousands: not read to render). `texts`: what
    the build read of each quote (SummaryCache.texts), not read again by the reader."""
    from workbench.core.analysis.summary.possible import with_possible

    caveats = list(inputs.caveats)
    if inputs.unread:
        caveats += pronouns_not_read(inputs.annotations, inputs.texts, inputs.articles)
    inputs.texts = {}
    if caveats:
        summary = dataclasses.replace(summary, caveats=tuple(caveats))
    return with_possible(summary, reading, texts)


def report(summary: Summary, pieces: MarkdownPieces | None = None) -> str:
    """The Markdown report: for people, in a file as on the terminal, so outside text
    is shown safely. `pieces`: the last report's lines of the items that are the same
    (a keeper following a session)."""
    from workbench.core.analysis.summary.markdown import render_markdown

    return printable(render_markdown(summary, pieces=pieces))


def written(output: Iterable[bytes] | str, target: str | None) -> int:
    """Standard output (or --output FILE, atomically): a document's bytes (escaped the
    JSON way to a terminal) or a report's text (through the terminal stream). The one
    way a summary is written, computed or kept."""
    terminal: Callable[[bytes], bytes] = json_safe_for_terminal
    if isinstance(output, str):
        if not target:
            sys.stdout.write(output)
            return 0
        parts: Iterable[bytes] = (output.encode("utf-8"),)
        terminal = printable_bytes
    else:
        parts = output
    if not target:
        write_data_parts(parts)
        return 0
    try:
        with stopped_cleanly_by_sigterm():
            write_output_parts(Path(target), parts, for_terminal=terminal)
    except OSError as error:
        return fail(cannot("write", target, error))
    return 0
