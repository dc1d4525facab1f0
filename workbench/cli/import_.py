"""`workbench import FILE`: merge a json or jsonl export into the database, all or nothing.

The whole file is validated before the database is opened for writing (a first pass
that keeps nothing but the keys it has seen); any problem is one line naming the file
and the place (JSON path or line), exit code 1, and the database is left as it was. A
second pass streams the annotations into the store, which stages them in bounded
journal lines and commits them with the last (store/staging.py): memory stays bounded
by what the database holds, not by the file, and the import is still all or nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections import Counter
from collections.abc import (
    Callable,
    Collection,
    Container,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import replace
from functools import cache
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.common import cannot, fail, fail_each, one_line, skipped, warn
from workbench.core.terminal_text import name_printable

if TYPE_CHECKING:
    from store.change import Change
    from store.protocol import Store
    from workbench.core.anchoring.placement import ArticlePlan
    from workbench.core.anchoring.reanchoring import ArticleReanchoring
    from workbench.core.annotation import Annotation, AnnotationKey
    from workbench.core.corpus.article_info import ArticleInfo
    from workbench.core.corpus.articles import Corpus
    from workbench.core.interchange.importing import ImportFile, Location

HELP = "merge annotations from a json or jsonl export (validated first; all or nothing)"


class StoreArticles:
    """The articles a database knows (remembered, or annotated) and the corpus's, read
    from the database only for an article the others do not hold."""

    def __init__(self, store: Store, corpus_ids: set[str]) -> None:
        self.store = store
        self.known = corpus_ids | {info.article_id for info in store.articles()}
        self.annotated: set[str] | None = None

    def __contains__(self, article_id: object) -> bool:
        if article_id in self.known:
            return True
        if self.annotated is None:
            self.annotated = {annotation.article_id for annotation in self.store.all()}
        return article_id in self.annotated


class AsMade:
    """The records still to check that say what they were made on (tagged_on), imported
    as made instead, to be re-anchored by the database as its own are: its history then
    knows the words they were tagged on (qa6 Q7), for the summary's "as tagged" and the
    review's confirm. Only where that meets nothing: the article is in the corpus (else
    it could not be placed), the database holds nothing at the sentence the record is
    on nor at the one it was made on, and no record of the file is imported at the
    latter (importing.importable_as_made, for the file in ImportFile.made_on and for
    the database here). Those whose made-on sentence another record of the file holds
    (`crowded`) are imported as made, orphaned, where the database holds nothing at
    their sentence: an orphan holds no sentence, and re-anchoring places it as it does
    every orphan (qa9 Q9: imported already moved, what they were tagged on stayed in
    the file only). Iterating gives those set aside, after the others went by."""

    def __init__(
        self,
        made_on: Mapping[AnnotationKey, Annotation],
        articles: Container[str],
        held: Callable[[AnnotationKey], Annotation | None],
        crowded: Mapping[AnnotationKey, Annotation] | None = None,
    ) -> None:
        from workbench.core.interchange.importing import importable_as_made

        meeting = [
            key
            for key, version in made_on.items()
            if version.article_id not in articles
            or held(key) is not None
            or held(version.key) is not None
        ]
        self.made_on = importable_as_made(made_on, dropped=meeting) if meeting else made_on
        self.made_on = {**self.made_on, **orphaned_as_made(crowded or {}, articles, held)}
        self.held: list[Annotation] = []

    def others(
        self, stream: Iterable[tuple[Annotation, Location]]
    ) -> Iterator[tuple[Annotation, Location]]:
        """The stream without the records imported as made (kept for later)."""
        from workbench.core.annotation import CHECK

        for annotation, where in stream:
            version = self.made_on.get(annotation.key) if self.made_on else None
            if version is not None and annotation.anchor_state == CHECK:
                self.held.append(version)
            else:
                yield annotation, where

    def __iter__(self) -> Iterator[Annotation]:
        return iter(self.held)

    def __bool__(self) -> bool:
        return bool(self.held)

    @property
    def orphaned(self) -> list[str]:
        """The articles of those imported as made orphaned: planned after the import even
        when the database finds nothing stale (their orphans are tried there)."""
        return sorted({version.article_id for version in self.held if version.is_orphan})


def still_orphaned(
    as_made: Iterable[Annotation], stored: Iterable[ArticleReanchoring]
) -> list[ArticlePlan]:
    """Those imported as made orphaned that no sentence took, as plans that orphaned
    them: counted in the report's "orphaned", never left unsaid."""
    from workbench.core.anchoring.as_tagged import identity
    from workbench.core.anchoring.placement import ORPHAN, ArticlePlan, Placement

    placed = {identity(p.before) for item in stored for p in item.plan.placements}
    left: dict[str, list[Placement]] = {}
    for version in as_made:
        if version.is_orphan and identity(version) not in placed:
            left.setdefault(version.article_id, []).append(Placement(version, version, ORPHAN, 0.0))
    return [
        ArticlePlan(article_id, "", tuple(placements)) for article_id, placements in left.items()
    ]


def orphaned_as_made(
    crowded: Mapping[AnnotationKey, Annotation],
    articles: Container[str],
    held: Callable[[AnnotationKey], Annotation | None],
) -> dict[AnnotationKey, Annotation]:
    """Of the records to check whose made-on sentence another record of the file holds,
    each as made and orphaned, by the record's key: where its article is here (else it
    could not be placed), the database holds nothing at the record's sentence (where it
    does, the import merges the record there as it is), and no other of them is the same
    orphan (one analyst's, made on one sentence of one text at one time)."""
    from workbench.core.annotation import ORPHANED

    chosen = {
        key: replace(version, anchor_state=ORPHANED)
        for key, version in crowded.items()
        if version.article_id in articles and held(key) is None
    }
    named = Counter(orphan.orphan_key for orphan in chosen.values())
    return {key: orphan for key, orphan in chosen.items() if named[orphan.orphan_key] == 1}


class Reanchored:
    """The database's annotations as they will be once `plans` are stored (they are
    stored with the import, in its one write: rv8 R10): by key, what a sentence holds."""

    def __init__(self, store: Store, plans: Iterable[ArticlePlan]) -> None:
        self.store = store
        self.placed: dict[AnnotationKey, Annotation | None] = {}
        for plan in plans:
            for placement in plan.changes:
                if not placement.before.is_orphan:  # left, unless another takes it
                    self.placed.setdefault(placement.before.key, None)
            for placement in plan.changes:
                if placement.new_index is not None:
                    self.placed[placement.after.key] = placement.after

    def __call__(self, key: AnnotationKey) -> Annotation | None:
        if key in self.placed:
            return self.placed[key]
        annotator, article_id, index = key
        return self.store.get(article_id, index, annotator)


def checked_decisions(source: ImportFile, corpus: Corpus, known: Container[str]) -> None:
    """The file's ledger decisions checked as its annotations are (ImportFileError at
    the first that names an unknown action, article or sentence; qa4 Q6)."""
    from workbench.core.interchange.decision_check import SentenceCounts, check_decisions
    from workbench.core.interchange.importing import Location

    listed = {str(article["id"]) for article in source.articles}
    in_file = listed | set(source.unlisted_articles)
    where = Location(line=1) if source.format == "jsonl" else Location()
    check_decisions(
        source.decisions,
        AnyOf(in_file, known),
        SentenceCounts(source.articles, corpus.by_id),
        where,
    )


def within_the_count(
    annotation: Annotation, where: Location, counts: Mapping[str, Mapping[str, int]]
) -> None:
    """ImportFileError when a placed record's index is beyond the sentences the file's
    own article list (or the corpus) counts in the text it names: without --articles it
    was taken, and the report cited "sentence 6" of a 5-sentence article (qa6 Q10)."""
    from workbench.core.interchange.importing import ImportFileError

    sentences = counts.get(annotation.article_id, {}).get(annotation.article_sha256)
    if sentences is not None and not annotation.is_orphan and annotation.index >= sentences:
        raise ImportFileError(
            where.at("$.index"),
            f"index {annotation.index} (sentence {annotation.index + 1}) is beyond the text "
            f"it names of article {annotation.article_id!r} ({sentences} sentences)",
        )


def check_tagged_on(source: ImportFile, corpus: Corpus) -> None:
    """Each record's tagged_on checked against the texts known (the corpus, the file's
    article list) as strictly as a record (ImportFileError at the first; tr7 T22)."""
    from workbench.core.anchoring.imported import check_made_on
    from workbench.core.interchange.decision_check import SentenceCounts

    if not source.tagged_on:
        return
    counts = SentenceCounts(source.articles, corpus.by_id).counts
    for version, where in source.tagged_on:
        sentences = counts.get(version.article_id, {}).get(version.article_sha256)
        check_made_on(version, where, corpus.by_id.get(version.article_id), sentences)


class AnyOf:
    """Articles in any of several containers."""

    def __init__(self, *containers: Container[str]) -> None:
        self.containers = containers

    def __contains__(self, article_id: object) -> bool:
        return any(article_id in container for container in self.containers)


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


def noting_articles(
    annotations: Iterable[Annotation], seen: set[str], analysts: set[str]
) -> Iterator[Annotation]:
    """`annotations` as they come, each one's article id added to `seen` and its
    analyst to `analysts`."""
    for annotation in annotations:
        seen.add(annotation.article_id)
        analysts.add(annotation.annotator)
        yield annotation


@contextlib.contextmanager
def unfolded_if_refused(store: Store) -> Iterator[None]:
    """An import refused in the writer's open (another text of an article held, the file
    changed while imported, a bad record found late) leaves the short journal an app
    session leaves as it is, not folded on close (rv8 R8: the files and the content
    token the kept summaries are served under changed). An import that lands folds."""
    from store import AnnotationStore

    try:
        yield
    except BaseException:
        if isinstance(store, AnnotationStore):
            store.leave_short_journal()
        raise


def refuse_form_twins(ids: Collection[str], held: Collection[str], held_by: str) -> None:
    """ImportFileError when the file names an article `held` holds under another Unicode
    form of its name (tr11 T13: a Mac's export was silently another article)."""
    from workbench.core.corpus.article_ids import form_twin_words, form_twins
    from workbench.core.interchange.importing import ImportFileError

    twins = form_twins(ids, held)
    if twins:
        raise ImportFileError("", form_twin_words(twins, held_by))


def refuse_spellings_within(ids: Collection[str], corpus_ids: Container[str]) -> None:
    """ImportFileError when the file writes one article under two Unicode forms of its
    name, not both the corpus's: imported as two articles that print the same (tr13 T5;
    refuse_form_twins compares the file with the corpus and the database only)."""
    from workbench.core.corpus.article_ids import spellings_within, spellings_words
    from workbench.core.interchange.importing import ImportFileError

    groups = [g for g in spellings_within(ids) if not all(i in corpus_ids for i in g)]
    if groups:
        raise ImportFileError(
            "",
            f"nothing imported: {spellings_words(groups)}. Export again once the database it "
            "came from holds each article under one spelling, or give --articles the folder "
            "holding both files to import them as the two articles they are",
        )


def checked_against_held(
    store: Store,
    source: ImportFile,
    corpus: Corpus,
    outside_corpus: list[str],
    placed_outside: bool,
    outside: Collection[str] = (),
) -> None:
    """The file's checks that need the database (ImportFileError): its articles outside
    the corpus (`outside`: of its records) are not the database's under another Unicode
    form of their name, those it does not list are known there, its decisions name what
    the database holds, and its records of articles outside the corpus
    (`placed_outside`: the first pass met some) were made on the texts the database
    holds (check_same_texts, qa7 Q14)."""
    from workbench.core.anchoring.imported import check_same_texts
    from workbench.core.interchange.importing import check_known_articles

    corpus_ids = set(corpus.by_id)
    held = {info.article_id for info in store.articles()} | set(store.annotated_articles())
    refuse_form_twins(outside, held, "the database")
    if outside_corpus:
        known = corpus_ids | {a.article_id for a in store.articles()}
        known.update(annotation.article_id for annotation in store.all())
        check_known_articles(source, known)
    if source.decisions:
        checked_decisions(source, corpus, StoreArticles(store, corpus_ids))
    if not placed_outside:
        return
    remembered = {info.article_id: info for info in store.articles()}
    if remembered or store.count(annotator=None):
        check_same_texts(  # a pass against the database, before any write
            source.annotations(check_repeats=False),
            lambda a: store.get(a.article_id, a.index, a.annotator),
            corpus.by_id,
            remembered,
            listed_titles(source.articles),
        )


class OlderTextError(Exception):
    """An article given is a text the database's annotations were moved away from."""


def refuse_texts_left_behind(
    corpus: Corpus, remembered: Mapping[str, ArticleInfo], history: Callable[[], Sequence[Change]]
) -> None:
    """OlderTextError when an article given (--articles) is not the text the database
    follows but one its re-anchoring moved annotations away from: the database's
    annotations would be re-anchored back onto it and lose their checks (a `y`
    confirmation made "to check" again, a refutation left out of ClaimReview: qa8 Q14).
    The history is read only when an article given differs from the one last seen."""
    differing = {
        article.id: article
        for article in corpus
        if article.id in remembered and remembered[article.id].sha256 not in (None, article.sha256)
    }
    if not differing:
        return
    for change in history():
        before, after = change.before, change.after
        if change.action != "reanchor" or before is None or after is None:
            continue
        article = differing.get(before.article_id)
        if article is None or before.article_sha256 != article.sha256:
            continue
        if after.article_sha256 == article.sha256:
            continue
        info = remembered[article.id]
        raise OlderTextError(
            f"{name_printable(article.path)} is a text of “{one_line(info.title or article.id)}” "
            f"that the database's annotations were re-anchored away from (on {change.at[:10]}, to "
            f"the text last opened{' on ' + info.remembered_at[:10] if info.remembered_at else ''}"
            "): importing with it would move them back onto it and undo their checks; nothing "
            "was imported. Give the article as it is now, or, if it really went back to this "
            f"text, run `workbench reanchor {name_printable(article.path)}` first"
        )


def case_twins(incoming: Iterable[str], held: Iterable[str]) -> list[tuple[str, str]]:
    """(imported name, name held) for each analyst of the file whose name differs from
    one already in the database only in case or Unicode form ("Bob" and "bob", "José"
    composed and decomposed: one person's work from two machines, counted as two
    analysts who agree with each other: qa6 Q27, tr8 T8)."""
    from workbench.core.annotation import look_alikes

    held = sorted(held)
    return [(name, alike[0]) for name in sorted(incoming) if (alike := look_alikes(name, held))]


def remember_articles(store: Store, articles: list[ArticleInfo]) -> None:
    """The imported annotations' new articles, remembered with their titles (a summary
    names them); one durable write at the end: a record of what was seen, rewritten
    when the article is next opened. Written after the import's own commit, so a
    failure here is said as what it is (the annotations are in), not as a failed
    import."""
    from store import StoreError

    try:
        _remember(store, articles)
    except (StoreError, OSError) as error:
        print(
            f"workbench: imported, but the articles' titles were not remembered "
            f"(a summary names them by id until they are opened): {one_line(str(error))}",
            file=sys.stderr,
        )


def _remember(store: Store, articles: list[ArticleInfo]) -> None:
    for number, info in enumerate(articles, 1):
        # articles_to_remember gives each its title, sha256 and sentence count
        assert info.title is not None and info.sha256 is not None and info.sentences is not None
        store.remember_article(
            info.article_id,
            info.title,
            info.sha256,
            info.sentences,
            info.segmenter,
            sync=number == len(articles),
        )


def run(args: argparse.Namespace) -> int:
    from store import StoreError, database_exists, open_store
    from workbench.cli.readings import keep_new_readings
    from workbench.cli.reanchor import history_for
    from workbench.cli.summary_keeper import start_keeper
    from workbench.config.annotator import resolve_annotator
    from workbench.config.locations import resolve_database
    from workbench.config.settings import anchoring_threshold, no_unknown_section
    from workbench.config.toml_file import ConfigFileError
    from workbench.core.analysis.new_readings import NewReadings
    from workbench.core.anchoring.decisions import ImportedDecisions
    from workbench.core.anchoring.imported import (
        ImportPlacement,
        kept_to_check,
        placed,
    )
    from workbench.core.anchoring.placement import IN_PLACE, in_place_words, outcome_counts
    from workbench.core.anchoring.reanchoring import plans, store_plans, stored_form
    from workbench.core.corpus.articles import load_corpus
    from workbench.core.corpus.sentences import segmenter_stamp
    from workbench.core.interchange.decision_check import SentenceCounts
    from workbench.core.interchange.importing import (
        ImportFile,
        ImportFileError,
        articles_to_remember,
        check_known_articles,
    )

    path = Path(args.file)
    try:
        no_unknown_section()
        fuzzy = anchoring_threshold()
    except ConfigFileError as error:
        return fail_each(error.problems)
    corpus = load_corpus(args.corpus or None)
    skipped(corpus.problems if args.corpus else ())
    corpus_ids = {article.id for article in corpus}
    source = ImportFile(path, args.format_name)
    placement = ImportPlacement(corpus.by_id)
    try:
        # First pass, the file against the corpus alone: every record checked, nothing
        # kept but the keys seen, and the database not opened (or created) for a bad file.
        texts: dict[str, dict[str, int]] | None = None
        writes: dict[str, set[str]] = {}  # article id -> the analysts the file writes there
        for annotation, where in source.annotations():
            if texts is None:  # the file's article list is read once its records start
                texts = SentenceCounts(source.articles, corpus.by_id).counts
            try:  # every record's problems are said at once (qa21 #12)
                placement.check(annotation, where)
                within_the_count(annotation, where, texts)
            except ImportFileError as error:
                source.problems.add(error)
                continue
            writes.setdefault(annotation.article_id, set()).add(annotation.annotator)
        check_tagged_on(source, corpus)
        refuse_form_twins(writes, corpus_ids, "the corpus")
        refuse_spellings_within(writes, corpus_ids)
    except ImportFileError as error:
        return fail_each(error.in_file(path).lines())
    except OSError as error:
        return fail(cannot("read", path, error))
    location = resolve_database(args.db)
    writing = False  # the file's annotations are being written: an error refuses the file
    made: list[ArticlePlan] = []
    taken: list[ArticlePlan] = []  # those of `made` the database holds (taken_placements)
    try:
        outside_corpus = [name for name in source.unlisted_articles if name not in corpus_ids]
        fresh = not database_exists(location)
        annotator = resolve_annotator(args.annotator)
        if outside_corpus and fresh:
            check_known_articles(source, corpus_ids)
        if fresh:
            checked_decisions(source, corpus, corpus_ids)
        placed_outside = bool(placement.outside_corpus)
        outside = [article_id for article_id in writes if article_id not in corpus_ids]
        against_held = not fresh and bool(
            outside_corpus or source.decisions or placed_outside or outside
        )
        if against_held and isinstance(location, Path):
            # A file database is checked in a read-only open: a writer's open of one a
            # killed app left would fold its journal or cut its torn line though the file
            # is then refused (tr8 T11; im8: qa7 Q14's check too). A server's open
            # changes nothing: checked in the writer's.
            with open_store(location, annotator=annotator, read_only=True) as reader:
                checked_against_held(
                    reader, source, corpus, outside_corpus, placed_outside, outside
                )
            against_held = False
        with open_store(location, annotator=annotator) as store, unfolded_if_refused(store):
            warn(store.warnings)
            shown = len(store.warnings)
            if against_held:
                checked_against_held(store, source, corpus, outside_corpus, placed_outside, outside)
            remembered = {info.article_id: info for info in store.articles()}
            read_history = cache(history_for(store))  # read once, if either below asks
            refuse_texts_left_behind(corpus, remembered, read_history)
            # Checked: now the database's own annotations onto the current texts (each
            # article one write), then the file's, streamed in and committed at once.
            # The importing analyst's own (a colleague's stay as made, tr7 T15), and, in
            # the articles the file has records for, those of the analysts it writes: a
            # record of the new text must not meet their old text's at its index (rv8 R1).
            database = list(
                plans(store, corpus, fuzzy, read_history, store.annotator, writing=writes)
            )
            analysts_held = {record["annotator"] for record in store.records(ordered=False)}
            stream = source.annotations(check_repeats=False)
            landed_on: set[str] = set()
            analysts: set[str] = set()
            noted = NewReadings()
            # The file's decisions follow its annotations' re-anchoring (read after them).
            followed = ImportedDecisions(source.decisions, made, source.articles)
            as_held = Reanchored(store, [item.plan for item in database])
            as_made = AsMade(source.made_on, corpus.by_id, as_held, source.crowded)
            writing = True
            report = store.import_annotations(
                noted.noting(
                    noting_articles(
                        chain(placed(as_made.others(stream), placement, fuzzy, made), as_made),
                        landed_on,
                        analysts,
                    )
                ),
                followed,
                stored_form(database),
                segmenter_stamp(),
            )
            writing = False  # committed
            if as_made:  # imported as made: now placed here, as the database's own are,
                # and left to check wherever they land (tr7 T22)
                moved_here = kept_to_check(
                    list(plans(store, corpus, fuzzy, to_check=as_made.orphaned)),
                    as_made,
                    lambda a: store.get(a.article_id, a.index, a.annotator),
                    corpus.by_id,
                    store.annotator,
                )
                store_plans(store, moved_here)
                made += [item.plan for item in moved_here]
                made += still_orphaned(as_made, moved_here)
            remember_articles(
                store,
                articles_to_remember(
                    landed_on,
                    {info.article_id for info in store.articles()},
                    corpus.by_id,
                    source.articles,
                ),
            )
            # Committed: now what a summary of them would read, kept for it (a cache:
            # what is not kept is read by the summary, as before).
            keep_new_readings(store, noted, corpus.by_id, "the imported annotations")
            taken = taken_placements(store, made)
        warn(store.warnings[shown:])  # what closing found (a compaction's own checks)
    except ImportFileError as error:
        return fail_each(error.in_file(path).lines())
    except OSError as error:
        return fail(cannot("read", path, error))
    except StoreError as error:
        if writing:  # a refusal, a race lost to another session: which file (tr15)
            return fail(f"{name_printable(path)} not imported: {error}")
        return fail(str(error))
    except OlderTextError as error:
        return fail(str(error))
    history = f" (its history of {source.history_entries} changes is not imported)"
    decisions = ""
    if source.decisions:
        held = len(source.decisions) + followed.moved - report.decisions
        moves = f" ({moving_words(followed.moved)})"
        decisions = (
            f"; ledger decisions: added {report.decisions}"
            f"{moves if followed.moved else ''}, already held {held}"
        )
    older = (
        f" ({report.older} of them differing from the database's but not newer: not taken)"
        if report.older
        else ""
    )
    print(
        f"imported {name_printable(path)}: added {report.added}, updated {report.updated}, "
        f"skipped {report.skipped}{older}{decisions}"
        f"{history if source.history_entries else ''}",
        file=sys.stdout,
    )
    counts = outcome_counts(taken)
    if any(counts.values()):
        print(
            f"made on other versions of the articles, re-anchored: {counts['moved']} moved, "
            f"{counts['check']} to check, {counts['orphaned']} orphaned"
            + (f", {counts['reattached']} re-attached" if counts["reattached"] else "")
            + in_place_words(counts[IN_PLACE])
            + another_articles(made),
            file=sys.stdout,
        )
    from workbench.core.annotation import look_alike
    from workbench.core.name_scripts import quoted_name

    for name, other in case_twins(analysts, analysts_held):
        how = (
            "in letters of another script"
            if look_alike(name) != look_alike(other)
            else "in case or Unicode form"
        )
        print(
            f"workbench: analyst {quoted_name(name)} of {name_printable(path)} differs only "
            f"{how} from {quoted_name(other)} in the database: they are counted as two analysts",
            file=sys.stderr,
        )
    for said in escaped_names(analysts, path):
        print(said, file=sys.stderr)
    changed = sum(1 for item in database if item.changed)
    if changed:
        print(
            f"workbench: {changed} changed article(s) re-anchored in the database first",
            file=sys.stderr,
        )
    start_keeper(location, args.annotator)  # the summaries kept for the new content
    return 0


def escaped_names(analysts: Iterable[str], path: Path) -> list[str]:
    """A notice for each analyst name of the file holding a control character (qa20 #12:
    "mallory" + ESC "[5m" was imported without a word). Taken, as a name typed with one
    is (annotation.reserved_name_problem: shown escaped, it looks like no other name),
    but said, so that a name made to blink or clear a screen is not taken unseen."""
    from workbench.core.name_scripts import mixed_script_problem

    said = []
    for name in sorted(analysts):
        mixing = mixed_script_problem(name)
        if mixing is not None:  # qa21 #6: "аna", a Cyrillic "а", taken without a word
            said.append(
                f"workbench: {mixing} ({name_printable(path)}); it is shown escaped in "
                "reports as here; if it was not meant, correct the name in the file and "
                "import it again"
            )
        elif (shown := name_printable(name)) != name:
            said.append(
                f"workbench: analyst {shown} of {name_printable(path)} holds a control "
                "character, shown escaped on every screen and in every report as here; if "
                "it was not meant, correct the name in the file and import it again"
            )
    return said


def listed_titles(articles: Iterable[Mapping[str, object]]) -> dict[tuple[str, str], str]:
    """(article id, sha256) -> title, of the file's article list (for a refusal's words)."""
    return {
        (str(article["id"]), str(article["sha256"])): str(article["title"])
        for article in articles
        if isinstance(article.get("title"), str) and isinstance(article.get("sha256"), str)
    }


def taken_placements(store: Store, plans: Iterable[ArticlePlan]) -> list[ArticlePlan]:
    """The plans with only the placements the database now holds as placed (timestamps
    aside): a file's record skipped for the database's newer version is not what the
    report's re-anchoring line counts (qa15 Q7: "1 to check" was said of a record not
    taken, the database's confirmed since)."""
    from store.import_rules import same_content

    def held(placed: Annotation) -> bool:
        if placed.is_orphan:
            orphans = store.orphans(placed.annotator, placed.article_id)
            return any(same_content(orphan, placed) for orphan in orphans)
        stored = store.get(placed.article_id, placed.index, placed.annotator)
        return stored is not None and same_content(stored, placed)

    return [
        replace(plan, placements=tuple(p for p in plan.placements if held(p.after)))
        for plan in plans
    ]


def another_articles(plans: Iterable[ArticlePlan]) -> str:
    """The articles whose text holds nothing of the one annotated (another article with
    the same file name: every annotation orphaned), named after the counts."""
    ids = [plan.article_id for plan in plans if plan.another_article]
    if not ids:
        return ""
    named = ", ".join(one_line(article_id) for article_id in ids)
    return f" (another article, nothing of the annotated text in it: {named})"


def moving_words(moved: int) -> str:
    """The decisions an import added to move ledger decisions with their sentences
    (qa14 Q23: "added 1 (1 moving decisions with their sentences)")."""
    if moved == 1:
        return "1 moving a decision with its sentences"
    return f"{moved:,} moving decisions with their sentences"
