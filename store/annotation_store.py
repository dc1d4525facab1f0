"""AnnotationStore: the one object the app is given to read and write annotations.

TinyDB is the data and query API; JournalStorage makes every change durable (one fsynced
journal line) before it is applied in memory, and AnnotationIndex keeps reads O(1).
"""

from __future__ import annotations

import contextlib
import copy
import gc
import shutil
import threading
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any

from tinydb import TinyDB
from tinydb.queries import QueryInstance

from store import migrations
from store.batches import by_changes
from store.change import Change, DecisionChange, ImportReport, change_problem
from store.content_lines import content_lines
from store.errors import (
    AnchorConflictError,
    ConcurrentEditError,
    CorruptDatabaseError,
    LaterChangeError,
    LinkLoopError,
    SchemaVersionError,
    StoreWriteError,
    refuse_outside,
)
from store.files import fsync_directory, remove_stale_temporaries
from store.history_log import history_path
from store.import_rules import gone_orphans, outcome, report_of
from store.index import AnnotationIndex, past_its_sentences
from store.journal import READ_ONLY_REASON, JournalStorage
from store.kept_summaries import KeptSummaries
from store.lock import DatabaseLock
from store.ops import Applied, Op
from store.own_files import (
    companion_refusal,
    linked_file_error,
    not_a_database,
    own_file_refusal,
)
from store.position_record import POSITIONS_TABLE
from store.protocol import (
    NO_EVENTS,
    UNCHECKED,
    DatabaseContent,
    StoreEvent,
    Subscription,
    Unchecked,
)
from store.read_memo import ReadMemo
from store.reading_order import ANNOTATIONS_TABLE
from store.snapshot_records import ARTICLES_TABLE, LEDGER_TABLE
from store.staging import Staging
from store.synchronised import synchronised
from store.trusted import annotation_of, is_canonical
from store.undo_history import (
    REPLAYED_ACTIONS,
    Entry,
    by_time,
    decision_step,
    expected_now,
    flipped_step,
    ledger_entries,
    made,
    made_now,
    moved_key,
    replay,
    restored,
    same_content,
)
from store.unholdable import (
    refuse_junk_decision,
    refuse_unholdable,
    refuse_unholdable_annotation,
)
from workbench.core.anchoring import decisions
from workbench.core.anchoring.placement import ArticlePlan
from workbench.core.annotation import (
    ORPHANED,
    Annotation,
    AnnotationKey,
    OrphanKey,
    same_judgement,
    utc_now,
)
from workbench.core.annotation_filter import AnnotationFilter
from workbench.core.collector import paused_gc
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.equal_records import not_held
from workbench.core.files.atomic import link_target
from workbench.core.files.links import link_loop

ANNOTATIONS = ANNOTATIONS_TABLE
IMPORT_LINE_BYTES = 1 << 20
"""An import's changes go to the journal in lines of about this size (staging.py)."""
ARTICLES = ARTICLES_TABLE
POSITIONS = POSITIONS_TABLE
LEDGER = LEDGER_TABLE

REANCHOR_LINE_CHANGES = 500
"""Re-anchored annotations per journal line when many articles are re-anchored at once:
one fsync per line rather than per article, each line about a megabyte."""


class AnnotationStore:
    """Annotations, their history, articles seen, positions and ledger decisions."""

    def __init__(self, storage: JournalStorage, annotator: str, lock: DatabaseLock | None) -> None:
        """Use AnnotationStore.open(); this wires an already loaded storage."""
        self.annotator = annotator
        self.path = storage.path
        self.warnings = storage.warnings
        """Problems that were repaired or postponed (e.g. a torn journal tail dropped)."""
        self._storage = storage
        self._lock = lock
        self._mutex = threading.RLock()
        self._db = TinyDB(storage=lambda: storage)
        self._annotations = self._db.table(ANNOTATIONS)
        self._undo: list[list[Change] | DecisionChange] = []
        self._redo: list[list[Change] | DecisionChange] = []
        """Undo steps: annotation changes, or a ledger decision (made, or redone)."""
        self._history_start = storage.new_history_id()
        """History records from this id on are this session's (undo_history.py)."""
        self._opened_at = utc_now()
        """Ledger records from this time on are this session's."""
        self._earlier_read = False
        self._changed = False
        self._cache: dict[str, Annotation] = {}
        self._index = AnnotationIndex()
        self._article_docs: dict[str, str] = {}
        self._rebuild()
        if not storage.snapshot_checked:
            self._validate_records()
        storage.on_replace = self._rebuild

    # -- Opening and closing --------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str | None,
        annotator: str,
        read_only: bool = False,
        memo: ReadMemo | None = None,
    ) -> AnnotationStore:
        """Open (creating if needed) the database at `path`, or an in-memory one for None.

        Raises DatabaseLockedError, CorruptDatabaseError or SchemaVersionError without
        changing any file.

        With `read_only`, no lock is taken and nothing is ever written (no compaction,
        no migration on disk, no position, nothing created): the store sees every change
        acknowledged before it opened, even while another process holds the database
        and compacts it, and every write method raises StoreWriteError. `memo` (read only:
        a process that opens the database again and again) takes what the last open
        parsed and made where it is the same (store/read_memo.py).
        """
        if path is None:
            in_memory = JournalStorage(None)
            migrations.migrate(in_memory.data, migrations.SCHEMA_VERSION)
            return cls(in_memory, annotator, None)
        # A symbolic link is followed once: every file of the database lives beside its
        # target, and writes replace the target (the link stays a link).
        path = Path(path).expanduser()
        loop = link_loop(path)
        if loop is not None:
            raise LinkLoopError(path, loop)
        path = link_target(path)
        refused = companion_refusal(path) or linked_file_error(path) or not_a_database(path)
        if refused is not None:
            raise refused
        if read_only:
            return cls._open_read_only(path, annotator, memo)
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = DatabaseLock(path)
        storage: JournalStorage | None = None
        try:
            remove_stale_temporaries(path)
            with paused_gc():
                storage = JournalStorage(path, lock=lock)
                found = _checked_version(path, storage)
                migrated = _migrated_in_memory(path, storage, found)
                opened = cls(storage, annotator, lock)  # indexing validates before any write
                _write_up_to_date(path, storage, found, migrated)
                # The records live as long as the store: collections need not scan them
                # (frozen before the collector is back on, or its first pass would).
                gc.freeze()
            return opened
        except BaseException:
            if storage is not None:
                storage.abandon()
            lock.close()
            raise

    @classmethod
    def _open_read_only(
        cls, path: Path, annotator: str, memo: ReadMemo | None = None
    ) -> AnnotationStore:
        with paused_gc():
            storage = JournalStorage(path, read_only=True, memo=memo)
            found = _checked_version(path, storage)
            if memo is not None and _migration_due(storage, found):
                # migrating changes records in place: none of the memo's
                memo.forget()
                storage = JournalStorage(path, read_only=True)
                found = _checked_version(path, storage)
            _migrated_in_memory(path, storage, found)
            opened = cls(storage, annotator, None)
            gc.freeze()
        return opened

    @property
    def read_only(self) -> bool:
        """True if opened read-only: every write raises StoreWriteError."""
        return self._storage.read_only

    @property
    def location(self) -> str:
        return str(self.path) if self.path is not None else ":memory:"

    def kept_summaries(self) -> KeptSummaries | None:
        from store.kept import kept_summaries  # the token's modules only when asked

        return None if self.path is None else kept_summaries(self.path)

    def own_file_refusal(self, path: Path) -> str | None:
        return None if self.path is None else own_file_refusal(self.path, path)

    @synchronised
    def wait_for_compaction(self) -> None:
        """Return once a background compaction (started by a write) has finished; its
        failure, if any, is added to `warnings`."""
        self._storage.wait_for_compaction()

    def leave_short_journal(self) -> None:
        """At close, fold the journal only if it is long (as a save would) or a fold is
        unfinished: the app, whose keeper may have kept the summaries of this very
        content during the session (a fold would move the content token, and the same
        summaries would be computed again after the app ends). Nothing is less durable:
        every change is in the fsynced journal, replayed at the next open."""
        self._storage.fold_short_journal_at_close = False

    @synchronised
    def close(self) -> None:
        """Fold the journal into the snapshot (see leave_short_journal) and release the
        lock."""
        self._db.close()
        # Opening froze the records out of the garbage collector's reach; without this
        # reference cycle, reference counting frees them once the store is dropped.
        self._storage.on_replace = lambda: None
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- Reading annotations --------------------------------------------------------------

    @synchronised
    def get(self, article_id: str, index: int, annotator: str | None = None) -> Annotation | None:
        """The annotation of one sentence (this store's annotator unless given)."""
        doc_id = self._index.doc_id((annotator or self.annotator, article_id, index))
        return None if doc_id is None else self._annotation(doc_id)

    @synchronised
    def for_article(self, article_id: str, annotator: str | None = None) -> dict[int, Annotation]:
        """Sentence index -> annotation for one article (this store's annotator unless given)."""
        sentences = self._index.in_article(annotator or self.annotator, article_id)
        return {index: self._annotation(doc_id) for index, doc_id in sorted(sentences.items())}

    @synchronised
    def in_article(self, article_id: str) -> list[Annotation]:
        """Every annotator's annotations placed on the article's sentences, by key."""
        return [
            self._annotation(doc_id)
            for annotator in self._index.annotators_of(article_id)
            for _index, doc_id in sorted(self._index.in_article(annotator, article_id).items())
        ]

    @synchronised
    def all(self, annotator: str | None = None) -> list[Annotation]:
        """Every annotation placed on a sentence (of every annotator for None), ordered by
        key. Orphans are not among them: see orphans()."""
        with paused_gc():
            return [self._annotation(doc_id) for doc_id in self._index.doc_ids(annotator)]

    @synchronised
    def annotators(self) -> list[str]:
        """Everyone with an annotation placed on a sentence, sorted: what all() would name,
        without building an annotation (a one-analyst summary reads that analyst's only)."""
        return self._index.annotators()

    @synchronised
    def orphans(
        self, annotator: str | None = None, article_id: str | None = None
    ) -> list[Annotation]:
        """Annotations on no sentence of their article's current text (anchor_state
        "orphaned"), of one annotator and/or article when given: kept with all their
        data until the analyst re-attaches or deletes them."""
        return [self._annotation(doc_id) for doc_id in self._index.orphans(annotator, article_id)]

    @synchronised
    def orphan_count(self) -> int:
        return self._index.orphan_count

    @synchronised
    def annotated_articles(self) -> dict[str, int]:
        """article_id -> placed annotations (of every annotator), for every article that
        has one."""
        return {
            article_id: sum(self._index.anchor_hashes(article_id).values())
            for article_id in self._index.articles()
        }

    @synchronised
    def records(
        self, annotator: str | None = None, ordered: bool = True
    ) -> list[Mapping[str, Any]]:
        """Every annotation's stored record (of every annotator for None), ordered by key
        unless `ordered` is False (an export sorts them its own way): exactly
        Annotation.to_record()'s keys and values, without building Annotations
        (the json and jsonl exports need nothing else), orphans after the placed ones.
        The records are the store's own: read them, never change them."""
        table = self._storage.table(ANNOTATIONS)
        stored: Iterable[tuple[str, dict[str, Any]]]
        indexed = len(self._index) + self._index.orphan_count
        if ordered or annotator is not None or indexed != len(table):
            doc_ids = self._index.doc_ids(annotator, ordered) + self._index.orphans(annotator)
            stored = ((doc_id, table[doc_id]) for doc_id in doc_ids)
        else:
            # As many keys as records, so no record shares another's key: the table's own
            # order, which is the order of the records in memory, reads about 2x faster
            # than jumping between them in key order.
            stored = table.items()
        return [
            record if is_canonical(record) else self._annotation(doc_id).to_record()
            for doc_id, record in stored
        ]

    @synchronised
    def find(self, wanted: AnnotationFilter) -> list[Annotation]:
        """Every annotation `wanted` matches, placed or orphaned (its anchor_states
        choose), ordered by key: a TinyDB query whose test is the filter's own."""
        query = QueryInstance(wanted.matches_record, ("annotation_filter", wanted))
        found = self._annotations.search(query)
        annotations = [self._annotation(str(doc.doc_id)) for doc in found]
        return sorted(annotations, key=lambda annotation: annotation.key)

    @synchronised
    def tagged_counts(self, annotator: str | None = None) -> dict[str, int]:
        """article_id -> sentences with at least one tag (this store's annotator unless given)."""
        return self._index.tagged_counts(annotator or self.annotator)

    @synchronised
    def count(self, annotator: str | None = None) -> int:
        """Number of annotations placed on sentences (of every annotator for None)."""
        if annotator is None:
            return len(self._index)
        return sum(1 for r in self._records_of(annotator) if r.get("anchor_state") != ORPHANED)

    # -- Writing annotations --------------------------------------------------------------

    @synchronised
    def save(
        self, annotation: Annotation, based_on: Annotation | Unchecked | None = UNCHECKED
    ) -> Annotation:
        """Store `annotation` durably (a blank one deletes the record) and return what was
        stored: created_at is kept from the existing record, updated_at is now. An orphan
        is on no sentence: re-attach or delete it instead (ValueError). `based_on`, the
        value the change was made from: ConcurrentEditError if another is stored."""
        if annotation.is_orphan:
            raise ValueError("an orphaned annotation is re-attached or deleted, not saved")
        refuse_unholdable_annotation(self.path, annotation)
        stored = self._current(annotation.key)
        if based_on is not UNCHECKED and not same_judgement(based_on, stored):
            raise ConcurrentEditError(annotation.key, stored)
        if annotation.is_blank:
            if stored is not None:
                self._record_session_change(annotation.key, None, "delete")
            return annotation
        now = utc_now()
        after = replace(
            annotation,
            created_at=stored.created_at if stored else now,
            updated_at=now,
        )
        if stored is not None and stored == replace(after, updated_at=stored.updated_at):
            return stored
        self._record_session_change(annotation.key, after, "save")
        return after

    @synchronised
    def delete(self, article_id: str, index: int) -> Change | None:
        """Remove this annotator's annotation of a sentence; None if there was none."""
        key = (self.annotator, article_id, index)
        if self._current(key) is None:
            return None
        return self._record_session_change(key, None, "delete")

    @synchronised
    def undo(self, within: Container[str] | None = None) -> Change | DecisionChange | None:
        """Undo this analyst's last change (as a new durable change); None if none is
        left. Past this session's first change, the steps earlier sessions left are read
        back from the history (undo_history.py). LaterChangeError, with the step dropped,
        if an annotation it changed has been changed since by anyone else.

        A step's changes are undone as one, in one write: the first change is returned,
        the others are in its `together`. A re-anchoring is no step (qa6 Q32). A ledger
        decision is undone by a record of the undo (DecisionChange). StepElsewhereError,
        nothing written, if the step changes an article outside `within`. StoreWriteError
        when read-only, as every write (tr13 T4: "Nothing to undo.", though there was)."""
        if self.read_only:
            raise StoreWriteError(self.path, READ_ONLY_REASON)
        if not self._undo:
            self._read_earlier_steps()
        if not self._undo:
            return None
        step = self._undo[-1]
        if isinstance(step, DecisionChange):
            undone = step.reverted(self.annotator, utc_now(), undoing=True)
            self._append_ledger(undone.to_record())
            self._redo.append(self._undo.pop())
            return undone
        refuse_outside((change.article_id for change in step), within, undoing=True)
        step = self._check_unchanged(self._undo, undoing=True)
        pairs = [(change.after, self._restamped(change.before)) for change in reversed(step)]
        done = self._commit_pairs(pairs, "undo", [change.key for change in reversed(step)])
        self._redo.append(self._undo.pop())
        return _as_step(done)

    @synchronised
    def redo(self, within: Container[str] | None = None) -> Change | DecisionChange | None:
        """Redo the last undone change (or step); None if there is nothing to redo. After
        a restart, that is what the analyst undid last if they have changed nothing
        since; LaterChangeError and StoreWriteError as undo()."""
        if self.read_only:
            raise StoreWriteError(self.path, READ_ONLY_REASON)
        if not self._redo and not self._changed:
            self._read_earlier_steps()
        if not self._redo:
            return None
        step = self._redo[-1]
        if isinstance(step, DecisionChange):
            redone = step.reverted(self.annotator, utc_now(), undoing=False)
            self._append_ledger(redone.to_record())
            self._undo.append(self._redo.pop())
            return redone
        refuse_outside((change.article_id for change in step), within, undoing=False)
        step = self._check_unchanged(self._redo, undoing=False)
        pairs = [(change.before, self._restamped(change.after)) for change in step]
        done = self._commit_pairs(pairs, "redo", [change.key for change in step])
        self._undo.append(self._redo.pop())
        return _as_step(done)

    # -- Re-anchoring and orphans ---------------------------------------------------------

    @synchronised
    def articles_to_reanchor(self, current: Mapping[str, str], segmenter: str) -> list[str]:
        """The articles of `current` (article id -> sha256 of its text now) whose placed
        annotations may not be anchored to that text: some were made on another text, or
        the article was last seen with another segmenter (or never), or one is on a
        sentence past the ones it was last seen with (tr11 T8: damage, read as
        "sentence 1001"; re-anchoring places it by its text); and those with orphans
        whose text is not the one last seen (an orphan may fit it). One look-up each."""
        table = self._storage.table(ARTICLES)
        stale: list[str] = []
        for article_id, sha256 in current.items():
            hashes = self._index.anchor_hashes(article_id)
            orphaned = self._index.has_orphans(article_id)
            if not hashes and not orphaned:
                continue
            doc_id = self._article_docs.get(article_id)
            seen = table.get(doc_id) if doc_id is not None else None
            if (
                (hashes and (len(hashes) != 1 or sha256 not in hashes))
                or seen is None
                or seen.get("sha256") != sha256
                or seen.get("segmenter") != segmenter
                or past_its_sentences(self._index.last_sentence(article_id), seen.get("sentences"))
            ):
                stale.append(article_id)
        return stale

    @synchronised
    def reanchor(
        self, plan: ArticlePlan, *, title: str, sentences: int, segmenter: str
    ) -> list[Change]:
        """Store an article's re-anchoring: every changed annotation (one history record
        each, action "reanchor") and the article as now seen (when the plan is whole), in
        one durable write; no undo step (qa6 Q32). Raises AnchorConflictError, writing
        nothing, if an annotation of the plan has changed since it was planned."""
        return self.reanchor_articles([(plan, title, sentences)], segmenter)[0]

    @synchronised
    def reanchor_articles(
        self, plans: Sequence[tuple[ArticlePlan, str, int]], segmenter: str
    ) -> list[list[Change]]:
        """reanchor() for several articles ((plan, title, sentence count) each), each
        article atomic, written as few durable lines of about
        REANCHOR_LINE_CHANGES changes (one fsync each, one compaction check at the end,
        not one per article). Returns each article's changes. A failure part way leaves
        the articles of the lines already written re-anchored, and raises."""
        steps: list[list[Change]] = []
        for line in self._reanchor_lines(plans):
            steps += self._reanchor_line(line, segmenter)
        self._storage.compact_if_long()
        return steps

    @staticmethod
    def _reanchor_lines(
        plans: Iterable[tuple[ArticlePlan, str, int]],
    ) -> Iterator[list[tuple[ArticlePlan, str, int]]]:
        """The plans in lines of about REANCHOR_LINE_CHANGES changes (whole articles),
        with the collector paused: no reference cycles made, one collection after."""
        with paused_gc():
            yield from by_changes(plans, REANCHOR_LINE_CHANGES)

    def _reanchor_line(
        self, plans: Sequence[tuple[ArticlePlan, str, int]], segmenter: str
    ) -> list[list[Change]]:
        """One durable line for these articles' re-anchorings (each article's changes
        returned apart)."""
        ops, history, changes = self._reanchor_ops(plans, segmenter)
        if ops:
            self._follow(self._storage.commit(ops, history, compact=False))
        steps: list[list[Change]] = []
        for plan, _title, _sentences in plans:
            size = len(plan.changes)
            steps.append(changes[:size])
            changes = changes[size:]
        return steps  # no undo step: re-anchoring is not the analyst's change (qa6 Q32)

    def _reanchor_ops(
        self, plans: Sequence[tuple[ArticlePlan, str, int]], segmenter: str
    ) -> tuple[list[Op], list[dict[str, Any]], list[Change]]:
        """The ops and history records of one line of re-anchorings, not yet written:
        every changed annotation, the articles now seen (plans that are whole) and the
        ledger decisions that move with their sentences."""
        pairs: list[tuple[Annotation | None, Annotation | None]] = []
        keys: list[AnnotationKey] = []
        extras: list[Op] = []
        for plan, title, sentences in plans:
            changed = plan.changes
            pairs.extend((placement.before, placement.after) for placement in changed)
            keys.extend(placement.before.key for placement in changed)
            if not plan.whole:
                continue  # another analyst's annotations do not fit it yet (tr7 T15)
            seen = self._article_document(plan.article_id, title, plan.sha256, sentences, segmenter)
            if seen is not None:
                extras.append(seen)
        extras += self._decisions_moved([plan for plan, _title, _sentences in plans])
        return self._pair_changes(pairs, "reanchor", keys, exact=True, extras=extras)

    def _decisions_moved(self, plans: Sequence[ArticlePlan]) -> list[Op]:
        """Puts of the records that move the ledger decisions with their sentences
        (core/anchoring/decisions.py), for the same write as the annotations' moves."""
        ledger = self._storage.table(LEDGER)
        if not ledger:
            return []
        remembered = {
            str(doc.get("article_id")): doc.get("sha256")
            for doc in self._storage.table(ARTICLES).values()
        }
        moved = decisions.moves(self.ledger_decisions(), plans, remembered, utc_now())
        return [[LEDGER, self._storage.new_id(LEDGER), record] for record in moved]

    @synchronised
    def reattach(self, orphan: Annotation, placed: Annotation) -> Change:
        """Put an orphan on a sentence the analyst chose (`placed`: the orphan anchored to
        it). Raises AnchorConflictError if that sentence holds one of the same analyst's."""
        if not orphan.is_orphan or placed.is_orphan:
            raise ValueError("reattach takes an orphan and its placed copy")
        (change,) = self._commit_pairs([(orphan, placed)], "reattach", [orphan.key], exact=True)
        self._pushed([change])
        return change

    @synchronised
    def delete_orphan(self, orphan: Annotation) -> Change:
        """Delete an orphan for good (undoable, and in the history like any delete)."""
        (change,) = self._commit_pairs([(orphan, None)], "delete", [orphan.key], exact=True)
        self._pushed([change])
        return change

    @synchronised
    def history_starts_at(self) -> int:
        """See Store.history_starts_at (the snapshot's history_first_id)."""
        return int(self._storage.meta().get("history_first_id", 1))

    @synchronised
    def verify_history(self) -> None:
        """CorruptDatabaseError when FILE.history's acknowledged bytes fail the checksum
        the snapshot records, though each record passes its own: a record rewritten in
        place (an analyst's name, a note), which an exported audit trail must not carry
        as if whole (tr7 T5). One pass of zlib.crc32 (about 25 ms at 129 MB)."""
        self._storage.verify_history()

    @synchronised
    def history(self) -> list[Change]:
        """Every change ever made to annotations, oldest first (the audit trail)."""
        records = self._storage.history_records()
        with self._history_read(records), paused_gc():
            return [Change.from_record(record) for record in records]

    @synchronised
    def import_annotations(
        self,
        annotations: Iterable[Annotation],
        decisions: Iterable[Mapping[str, Any]] = (),
        reanchoring: Sequence[tuple[ArticlePlan, str, int]] = (),
        segmenter: str = "",
    ) -> ImportReport:
        """Merge annotations from elsewhere, all or nothing: absent keys are added,
        identical ones skipped, differing ones replaced only by a newer updated_at.
        Orphans are matched by their own identity (Annotation.orphan_key), never by the
        sentence index they no longer have. Ledger decision records (as exported: who
        and when included) are appended after the database's own, in their order, but
        for those it holds already; they are written with the last line.
        `reanchoring` (as reanchor_articles takes it): the database's own annotations
        put onto the current texts first, in the same all-or-nothing write, so that a
        refused import has not moved them either (rv8 R10).

        `annotations` is read once, as it comes (an iterator: a file read line by line
        is never held whole): its changes go to the journal in lines of about
        IMPORT_LINE_BYTES, staged until the last commits them (staging.py). If it raises
        (a bad record found late) or a write fails, every staged line is taken back and
        the exception goes on: nothing was imported."""
        counts = {"added": 0, "updated": 0, "skipped": 0, "older": 0}
        staging = self._storage.staging()
        chunk: dict[object, tuple[Annotation | None, Annotation]] = {}
        size = 0
        gone: dict[OrphanKey, str] | None = None  # read from the history once, if needed
        try:
            for line in self._reanchor_lines(reanchoring):
                ops, history, _changes = self._reanchor_ops(line, segmenter)
                if ops:
                    self._follow(staging.write(ops, history, final=False))
            for incoming in annotations:
                identity = incoming.orphan_key if incoming.is_orphan else incoming.key
                if identity in chunk:  # written first, so that the two meet
                    self._stage(staging, chunk, final=False)
                    chunk, size = {}, 0
                stored = self._located(incoming)
                gone_at = None
                if stored is None and incoming.is_orphan:
                    if gone is None:
                        gone = self._gone_orphans()
                    gone_at = gone.get(incoming.orphan_key)
                result = outcome(incoming, stored, gone_at)
                counts[result] += 1
                if result in ("added", "updated"):
                    refuse_unholdable_annotation(self.path, incoming)
                    chunk[identity] = (stored, incoming)
                    size += _approximate_size(incoming)
                    if size >= IMPORT_LINE_BYTES:
                        self._stage(staging, chunk, final=False)
                        chunk, size = {}, 0
            added = self._new_decisions(decisions)
            self._stage(staging, chunk, final=True, extras=added)
        except BaseException:
            staging.abort()
            self._rebuild()
            raise
        return report_of(counts, decisions=len(added))

    def _gone_orphans(self) -> dict[OrphanKey, str]:
        """The orphans the history shows re-attached or deleted, with when (qa7 Q11)."""
        records = self._storage.history_records()
        with self._history_read(records):
            return gone_orphans((str(r["at"]), r["before"], r["after"]) for r in records)

    def _new_decisions(self, decisions: Iterable[Mapping[str, Any]]) -> list[Op]:
        """Puts for the decision records the ledger table does not hold yet, in order
        (found by an index, not a pass over the table each: tr16 T4)."""

        def checked(decision: Mapping[str, Any]) -> dict[str, Any]:
            record = copy.deepcopy(dict(decision))
            refuse_junk_decision(self.path, record, "an imported ledger decision")
            return record

        held = self._storage.table(LEDGER).values()
        return [
            [LEDGER, self._storage.new_id(LEDGER), record]
            for record in not_held(held, map(checked, decisions))
        ]

    def _stage(
        self,
        staging: Staging,
        chunk: Mapping[object, tuple[Annotation | None, Annotation]],
        final: bool,
        extras: Sequence[Op] = (),
    ) -> None:
        pairs = list(chunk.values())
        ops, history, _changes = self._pair_changes(
            pairs, "import", [after.key for _before, after in pairs], extras=extras
        )
        for op, record in zip(ops[: len(history)], history, strict=True):  # extras last
            record["after"] = op[2]  # the same record twice: one dict in memory, not two
        self._follow(staging.write(ops, history, final))

    # -- Articles, positions, ledger ------------------------------------------------------

    @synchronised
    def remember_article(
        self,
        article_id: str,
        title: str,
        sha256: str,
        sentences: int,
        segmenter: str | None = None,
        sync: bool = True,
    ) -> None:
        """Record an article seen in the corpus (title, content hash, sentence count, and
        the segmenter that counted them: what articles_to_reanchor compares).

        `sync=False` writes it without an fsync of its own, for a caller whose durable
        write follows at once and carries it to disk (a tag: one fsync, not two). It is
        only a record of what was seen: lost in a power cut, the article is checked again."""
        refuse_unholdable(
            self.path,
            {"article_id": article_id, "title": title, "sentences": sentences},
            "the article",
        )
        op = self._article_document(article_id, title, sha256, sentences, segmenter)
        if op is not None:
            self._follow(self._storage.commit([op], sync=sync))

    @synchronised
    def articles(self) -> list[ArticleInfo]:
        """Every remembered article (title, sha256, sentences, remembered_at, and the
        segmenter once it has been seen with one)."""
        return [ArticleInfo.from_record(doc) for doc in self._storage.table(ARTICLES).values()]

    @synchronised
    def position(self, annotator: str | None = None) -> tuple[str, int] | None:
        """Where the annotator (this store's unless given) last was: (article_id, index)."""
        found = self._position_doc(annotator or self.annotator)
        if found is None:
            return None
        document = self._storage.table(POSITIONS)[found]
        return (str(document["article_id"]), int(document["index"]))

    @synchronised
    def set_position(self, article_id: str, index: int) -> None:
        """Remember where this annotator is. Called on every navigation key, so it is
        written without fsync: it survives the program crashing, but a power cut may
        lose the last few positions. It is not a tag and not in the history, so it is
        best effort: if it cannot be written, the reason goes to `warnings` (once per
        run of failures) instead of raising into every keystroke. A read-only store
        remembers nothing: moving is not an edit, so it is not refused either."""
        if self.read_only or self.position() == (article_id, index):
            return
        document = {"annotator": self.annotator, "article_id": article_id, "index": index}
        try:
            refuse_unholdable(self.path, document, "the position")
            self._put(POSITIONS, self._position_doc(self.annotator), document, sync=False)
        except StoreWriteError as error:
            warning = f"position not remembered: {error}"
            if not self.warnings or self.warnings[-1] != warning:
                self.warnings.append(warning)

    @synchronised
    def ledger_decisions(self) -> list[dict[str, Any]]:
        """Claim-ledger decisions (merge/split), oldest first."""
        table = self._storage.table(LEDGER)
        return [copy.deepcopy(table[doc_id]) for doc_id in sorted(table, key=int)]

    @synchronised
    def save_ledger_decision(self, decision: dict[str, Any]) -> dict[str, Any]:
        """Append a decision (JSON-ready dict; `annotator` and `at` are added if absent):
        this session's next undo step."""
        now = utc_now()
        document = {"annotator": self.annotator, "at": now, **decision}
        refuse_junk_decision(self.path, document, "the ledger decision")
        self._append_ledger(document)
        stored = copy.deepcopy(document)
        action = str(stored.get("action"))
        self._pushed(DecisionChange(None, stored, now, self.annotator, action))
        return copy.deepcopy(stored)

    def _append_ledger(self, record: dict[str, Any]) -> None:
        """One record more in the ledger table (a decision, or an undo or redo of one)."""
        self._put(LEDGER, self._storage.new_id(LEDGER), copy.deepcopy(record))

    # -- Derived readings -----------------------------------------------------------------

    def readings(self, fingerprint: str) -> Mapping[str, Any]:
        """Readings kept under `fingerprint` (store/readings_file.py): damage skipped and
        named in `warnings`. Takes no lock, not even the store's (a read of 50,000 must
        not hold up a save); reads again if a compaction replaces the files meanwhile."""
        return self._storage.readings.read(fingerprint)

    def add_readings(self, fingerprint: str, records: Mapping[str, Any]) -> None:
        """Append readings under `fingerprint`, unsynced; a failed write is a warning,
        never raised. Not under the store's lock: the readings file has its own."""
        if self.read_only:
            raise StoreWriteError(self.path, READ_ONLY_REASON)
        self._storage.readings.add(fingerprint, records)

    # -- Other sessions, and whole databases ----------------------------------------------

    def subscribe(self, callback: Callable[[StoreEvent], None]) -> Subscription:
        """No other session can change a file database (the lock lets one writer in), so
        nothing is ever announced."""
        return NO_EVENTS

    @synchronised
    def content(self) -> DatabaseContent:
        positions = self._storage.table(POSITIONS).values()
        return DatabaseContent(
            annotations=[dict(record) for record in self.records()],
            history=[
                {name: value for name, value in record.items() if name != "id"}
                for record in self._storage.history_records()
            ],
            articles=[dict(doc) for doc in self._storage.table(ARTICLES).values()],
            positions=sorted(
                (str(doc["annotator"]), str(doc["article_id"]), int(doc["index"]))
                for doc in positions
            ),
            ledger=self.ledger_decisions(),
        )

    @synchronised
    def restore(self, content: DatabaseContent) -> None:
        held = [ANNOTATIONS, ARTICLES, POSITIONS, LEDGER]
        if any(self._storage.table(name) for name in held) or self._storage.history_records():
            raise StoreWriteError(
                self.path, "the database is not empty; a copy goes only into an empty one"
            )
        staging = self._storage.staging()
        try:
            lines = list(
                content_lines(content, self._storage.new_id, self._storage.new_history_id())
            )
            for number, (ops, history) in enumerate(lines, start=1):
                self._follow(staging.write(ops, history, final=number == len(lines)))
        except BaseException:
            staging.abort()
            self._rebuild()
            raise

    # -- Internals ------------------------------------------------------------------------

    def _annotation(self, doc_id: str) -> Annotation:
        cached = self._cache.get(doc_id)
        if cached is None:
            record = self._storage.table(ANNOTATIONS)[doc_id]
            memo = self._storage.memo
            cached = None if memo is None else memo.annotation(doc_id, record)
            if cached is None:
                try:
                    cached = annotation_of(record)
                except (KeyError, TypeError, ValueError) as error:
                    where = self.path if self.path is not None else Path(":memory:")
                    raise CorruptDatabaseError(
                        where, f"annotation {doc_id}: {error!r}", database=self.path
                    ) from error
                if memo is not None:
                    memo.made(doc_id, record, cached)
            self._cache[doc_id] = cached
        return cached

    def _validate_records(self) -> None:
        """Every record of a snapshot no checksum vouched for (a file from before
        checksums) must be an annotation: refused at open, never later in a screen.
        (Records the store wrote itself come from Annotation.to_record().)"""
        with paused_gc():
            for doc_id, record in self._storage.table(ANNOTATIONS).items():
                if not is_canonical(record):
                    self._annotation(doc_id)

    def _current(self, key: AnnotationKey) -> Annotation | None:
        doc_id = self._index.doc_id(key)
        return None if doc_id is None else self._annotation(doc_id)

    def _locate(self, annotation: Annotation) -> str | None:
        """The document holding `annotation`: the one at its key if it is placed, the
        orphan with its identity if it is an orphan."""
        if not annotation.is_orphan:
            return self._index.doc_id(annotation.key)
        wanted = annotation.orphan_key
        for doc_id in self._index.orphans_of(annotation.annotator, annotation.article_id):
            if self._annotation(doc_id).orphan_key == wanted:
                return doc_id
        return None

    def _located(self, annotation: Annotation) -> Annotation | None:
        doc_id = self._locate(annotation)
        return None if doc_id is None else self._annotation(doc_id)

    def _records_of(self, annotator: str) -> Iterable[dict[str, Any]]:
        return (r for r in self._storage.table(ANNOTATIONS).values() if r["annotator"] == annotator)

    def _restamped(self, annotation: Annotation | None) -> Annotation | None:
        """An old state re-applied now: same content, updated_at = now."""
        return None if annotation is None else replace(annotation, updated_at=utc_now())

    def _record_session_change(
        self, key: AnnotationKey, after: Annotation | None, action: str
    ) -> Change:
        change = self._write(key, after, action)
        self._pushed([change])
        return change

    def _pushed(self, step: list[Change] | DecisionChange) -> None:
        """A new change of this session's: an undo step, and no more redo."""
        self._undo.append(step)
        self._redo.clear()
        self._changed = True

    def _read_earlier_steps(self) -> None:
        """Put the undo steps earlier sessions left beneath this session's, and their
        redo steps too if this session has changed nothing (undo_history.py). Once per
        session; CorruptDatabaseError if the history cannot be read (tried again next
        time)."""
        if self._earlier_read or self.read_only:
            return  # a read-only session changes nothing, so it undoes nothing either
        records = self._storage.history_records()
        start, annotator = self._history_start, self.annotator
        with self._history_read(records), paused_gc():
            changes = (
                Entry(
                    str(r["at"]),
                    str(r["action"]),
                    _key_of(r),
                    partial(Change.from_record, r),
                    moved_key(r["action"], r["after"]),
                )
                for r in records
                if r["id"] < start
                and r["annotator"] == annotator
                and r["action"] in REPLAYED_ACTIONS
            )
            ledger = self._storage.table(LEDGER)
            decisions = ledger_entries(
                (ledger[doc_id] for doc_id in sorted(ledger, key=int)), annotator, self._opened_at
            )
            entries = (
                Entry(entry.at, entry.action, entry.key, partial(decision_step, entry.record))
                for entry in decisions
            )
            undo, redo = replay(by_time(changes, entries), made, flipped_step)
        self._earlier_read = True
        self._undo[:0] = restored(undo, _same)
        if not self._changed:
            self._redo[:0] = restored(redo, _same)

    @contextlib.contextmanager
    def _history_read(self, records: Sequence[Any]) -> Iterator[None]:
        """CorruptDatabaseError naming the first history record that cannot be read as a
        change, if reading them fails (nothing is checked on the way: a failure is rare,
        the history long): a traceback before (tr9 T10)."""
        try:
            yield
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            found = next(
                ((record, problem) for record in records if (problem := change_problem(record))),
                None,
            )
            if found is None or self.path is None:
                raise
            record, problem = found
            number = record.get("id") if isinstance(record, dict) else None
            raise CorruptDatabaseError(
                history_path(self.path),
                f"its record {number} is not one the store writes: {problem}",
                self.path,
            ) from error

    def _check_unchanged(
        self, stack: list[list[Change] | DecisionChange], undoing: bool
    ) -> list[Change]:
        """The top step of `stack` may be undone (redone) only if every annotation it
        changed is still as it left it (content, not time: an undo restamps what it
        restores), or as re-anchoring alone left it on another sentence or as an orphan:
        the step is then replaced by itself made there (undo_history.where_now, tr14
        T1), and returned. LaterChangeError otherwise, naming the later change, with
        the step dropped from `stack`."""
        step = stack[-1]
        assert not isinstance(step, DecisionChange)
        now: list[Change] = []
        histories: dict[tuple[str, str], list[Change]] = {}  # a step's changes share both
        for change in step:
            expected, where = expected_now(change, undoing)
            stored = self._located(where) if where is not None else None
            if same_content(stored, expected):
                now.append(change)
                continue
            since = (change.at, change.article_id)
            if since not in histories:
                histories[since] = self._changes_since(*since)
            history = histories[since]
            there, later = made_now(change, undoing, history, self._located)
            if there is None:
                stack.pop()
                raise LaterChangeError(change, later, undoing)
            now.append(there)
        stack[-1] = now
        return now

    def _changes_since(self, since: str, article_id: str) -> list[Change]:
        """The changes to `article_id`'s annotations after `since`, oldest first (what a
        refused or moved undo step reads; CHANGES_TO on a server)."""
        records = self._storage.history_records()
        with self._history_read(records), paused_gc():
            return [
                Change.from_record(record)
                for record in records
                if record["at"] > since and record["key"][1] == article_id
            ]

    def _write(self, key: AnnotationKey, after: Annotation | None, action: str) -> Change:
        change = Change(key, self._current(key), after, utc_now(), self.annotator, action)
        self._commit([change])
        return change

    def _commit(self, changes: list[Change]) -> None:
        """One journal line for all `changes` and their history records, then the index."""
        ops: list[Op] = []
        history = []
        doc_ids: dict[AnnotationKey, str] = {}
        history_id = self._storage.new_history_id()
        for offset, change in enumerate(changes):
            doc_id = doc_ids.get(change.key) or self._index.doc_id(change.key)
            if doc_id is None:
                doc_id = self._storage.new_id(ANNOTATIONS)
            doc_ids[change.key] = doc_id
            ops.append([ANNOTATIONS, doc_id, change.after.to_record() if change.after else None])
            history.append(change.to_record(history_id + offset))
        self._follow(self._storage.commit(ops, history))

    def _commit_pairs(
        self,
        pairs: Sequence[tuple[Annotation | None, Annotation | None]],
        action: str,
        keys: list[AnnotationKey],
        exact: bool = False,
        extras: Sequence[Op] = (),
        compact: bool = True,
    ) -> list[Change]:
        """Replace each pair's first annotation (None: nothing) by its second (None:
        delete) in one journal line with one history record each (under `keys`), plus
        `extras` (puts into other tables). Returns the changes, in the pairs' order.

        Annotations may change sentence (a re-anchoring), become orphans or stop being
        one, so each is found where it is stored (_locate), and the placed ones must end
        on distinct keys that no other annotation holds: AnchorConflictError otherwise,
        and also, with `exact`, if a first annotation is not exactly what is stored."""
        ops, history, changes = self._pair_changes(pairs, action, keys, exact, extras)
        if ops:
            self._follow(self._storage.commit(ops, history, compact=compact))
        return changes

    def _pair_changes(
        self,
        pairs: Sequence[tuple[Annotation | None, Annotation | None]],
        action: str,
        keys: list[AnnotationKey],
        exact: bool = False,
        extras: Sequence[Op] = (),
    ) -> tuple[list[Op], list[dict[str, Any]], list[Change]]:
        """The ops and history records of _commit_pairs, not yet written."""
        table = ANNOTATIONS
        moving: dict[str, tuple[Annotation | None, Annotation | None]] = {}
        for before, after in pairs:
            doc_id = self._locate(before) if before is not None else None
            stored = self._annotation(doc_id) if doc_id is not None else None
            if before is not None and (stored is None or (exact and stored != before)):
                raise AnchorConflictError.changed_meanwhile(before.article_id, before.index)
            if doc_id is None and after is not None and not after.is_orphan:
                doc_id = self._index.doc_id(after.key)
                stored = self._annotation(doc_id) if doc_id is not None else None
            if doc_id is None:
                doc_id = self._storage.new_id(table)
            if doc_id in moving:
                raise AnchorConflictError(f"two changes of one annotation ({doc_id})")
            moving[doc_id] = (stored, after)
        self._check_keys(moving)
        if not moving and not extras:
            return [], [], []
        now = utc_now()
        history_id = self._storage.new_history_id()
        ops: list[Op] = []
        history: list[dict[str, Any]] = []
        changes: list[Change] = []
        for offset, ((doc_id, (stored, after)), key) in enumerate(
            zip(moving.items(), keys, strict=True)
        ):
            ops.append([table, doc_id, after.to_record() if after is not None else None])
            change = Change(key, stored, after, now, self.annotator, action)
            history.append(change.to_record(history_id + offset))
            changes.append(change)
        ops.extend(extras)
        return ops, history, changes

    def _check_keys(
        self, moving: Mapping[str, tuple[Annotation | None, Annotation | None]]
    ) -> None:
        """Placed annotations after the change: one per key, none on the key of an
        annotation this change leaves where it is."""
        claimed: set[AnnotationKey] = set()
        for doc_id, (_stored, after) in moving.items():
            if after is None or after.is_orphan:
                continue
            holder = self._index.doc_id(after.key)
            held = holder is not None and holder != doc_id and holder not in moving
            if after.key in claimed or held:
                raise AnchorConflictError.sentence_taken(
                    after.article_id, after.index, after.annotator
                )
            claimed.add(after.key)

    def _article_document(
        self, article_id: str, title: str, sha256: str, sentences: int, segmenter: str | None
    ) -> Op | None:
        """The put that remembers an article as seen now; None if nothing changed."""
        table = self._storage.table(ARTICLES)
        doc_id = self._article_docs.get(article_id)
        document: dict[str, Any] = {
            "article_id": article_id,
            "title": title,
            "sha256": sha256,
            "sentences": sentences,
        }
        if segmenter is not None:
            document["segmenter"] = segmenter
        elif (
            doc_id is not None
            and table[doc_id].get("sha256") == sha256
            and "segmenter" in table[doc_id]
        ):
            document["segmenter"] = table[doc_id]["segmenter"]  # the same text: still checked
        if doc_id is not None and all(table[doc_id].get(k) == v for k, v in document.items()):
            return None
        document["remembered_at"] = utc_now()
        return [ARTICLES, doc_id or self._storage.new_id(ARTICLES), document]

    def _put(
        self, table: str, doc_id: str | None, document: dict[str, Any], sync: bool = True
    ) -> None:
        doc_id = doc_id or self._storage.new_id(table)
        self._follow(self._storage.commit([[table, doc_id, document]], sync=sync))

    def _follow(self, applied: list[Applied]) -> None:
        """Bring the index, the annotation cache and TinyDB's query caches up to date."""
        self._index.follow(
            [
                (item.doc_id, item.before, item.after)
                for item in applied
                if item.table == ANNOTATIONS
            ]
        )
        for item in applied:
            if item.table == ANNOTATIONS:
                self._cache.pop(item.doc_id, None)
            elif item.table == ARTICLES and item.after is not None:
                self._article_docs[str(item.after["article_id"])] = item.doc_id
        self._annotations.clear_cache()

    def _position_doc(self, annotator: str) -> str | None:
        table = self._storage.table(POSITIONS)
        return next((i for i, doc in table.items() if doc.get("annotator") == annotator), None)

    def _rebuild(self) -> None:
        """Index the annotations table from scratch (after open or a full TinyDB write)."""
        table = self._storage.table(ANNOTATIONS)
        try:
            with paused_gc():
                self._index = AnnotationIndex.of(table)
        except (KeyError, TypeError, ValueError) as error:
            where = self.path if self.path is not None else Path(":memory:")
            detail = (
                f"an annotation lacks its key: {error!r}"
                if isinstance(error, KeyError)
                else f"the annotations cannot be told apart: {error}"
            )
            raise CorruptDatabaseError(where, detail, database=self.path) from error
        self._article_docs = {
            str(doc["article_id"]): doc_id for doc_id, doc in self._storage.table(ARTICLES).items()
        }
        self._cache.clear()
        self._annotations.clear_cache()


def _same(change: Change) -> Change:
    return change


def _key_of(record: Mapping[str, Any]) -> AnnotationKey:
    annotator, article_id, index = record["key"]
    return (str(annotator), str(article_id), int(index))


def _as_step(changes: list[Change]) -> Change | None:
    """The first change, carrying the others of its step in `together`."""
    return replace(changes[0], together=tuple(changes[1:])) if changes else None


def _checked_version(path: Path, storage: JournalStorage) -> int:
    """The schema version of the loaded data; SchemaVersionError if it is too new."""
    found = migrations.schema_version(storage.data)
    if found > migrations.SCHEMA_VERSION:
        raise SchemaVersionError(path, found, migrations.SCHEMA_VERSION)
    return found


def _approximate_size(annotation: Annotation) -> int:
    """About how many bytes an imported annotation takes in a journal line (its record
    and its history record's copy of it): enough to keep a line near IMPORT_LINE_BYTES."""
    text = len(annotation.quote) + len(annotation.prefix) + len(annotation.suffix)
    text += len(annotation.note) + len(annotation.source or "") + len(annotation.article_id)
    return 2 * (text + 400)


def _migration_due(storage: JournalStorage, found: int) -> bool:
    """Whether the data read is not at the current schema version (or a new database's)."""
    return found != migrations.SCHEMA_VERSION or "schema_version" not in storage.meta()


def _migrated_in_memory(path: Path, storage: JournalStorage, found: int) -> bool:
    """Bring older data (or a new database's empty tables) to the current schema version
    in memory; True if there was anything to migrate."""
    if not _migration_due(storage, found):
        return False
    try:
        migrations.migrate(storage.data, found)
    except (LookupError, KeyError, TypeError, ValueError) as error:
        detail = f"cannot migrate from version {found}: {error!r}"
        raise CorruptDatabaseError(path, detail, database=path) from error
    return found < migrations.SCHEMA_VERSION


def _write_up_to_date(path: Path, storage: JournalStorage, found: int, migrated: bool) -> None:
    """Write what opening changed: migrated data (keeping a copy of the old file as
    FILE.vN.bak), a new database's first snapshot recording its version, or a history
    that starts afresh. Called once the migrated records are indexed and validated."""
    if migrated and storage.snapshot_existed:
        backup = path.with_name(f"{path.name}.v{found}.bak")
        shutil.copy2(path, backup)
        fsync_directory(path.parent)
    if migrated or not storage.snapshot_existed or storage.history_restarted:
        storage.compact()
