"""PostgresStore: the Store protocol on a PostgreSQL server, for several analysts at once.

Nothing is cached but what this session last saw of each annotation (its row and
version): every read asks the server, so a read always shows the others' committed
changes, and every write is one round trip (a server function: the rows, their
history records and the NOTIFY to the other sessions, committed with
synchronous_commit on before it returns). A write based on a version another session
has since replaced is refused (ConcurrentEditError, with what is stored now).

A lost connection (server restarted, network cut) makes a write raise
ConnectionLostError ("not saved: connection lost"): it was not acknowledged. A read
connects again and retries once. Either way the next call connects afresh.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

import orjson
import psycopg
from psycopg.types.json import Json

from store.batches import by_changes
from store.change import Change, DecisionChange, ImportReport
from store.errors import (
    AnchorConflictError,
    ConcurrentEditError,
    ConnectionLostError,
    LaterChangeError,
    ServerError,
    StoreError,
    StoreWriteError,
    refuse_outside,
)
from store.import_rules import gone_orphans, outcome, report_of
from store.index import past_its_sentences
from store.kept_summaries import KeptSummaries
from store.postgres import readings, rows, schema
from store.postgres.changes import Applied, Call, Spec, apply
from store.postgres.connection import connect, is_lost, reason
from store.postgres.listener import Listener
from store.postgres.side_rows import (
    ARTICLES,
    HISTORY_COLUMNS,
    LEDGER,
    article_of_row,
    change_of_row,
    decision_of_row,
    history_record_of_row,
    position_of_row,
)
from store.protocol import UNCHECKED, DatabaseContent, StoreEvent, Subscription, Unchecked
from store.synchronised import synchronised
from store.undo_history import (
    REANCHOR,
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
from workbench.core.files.database_url import shown_url

R = TypeVar("R")

READ_ONLY_REASON = "the database is open read-only; nothing was saved"
CLOSED_REASON = "the database has been closed"
IMPORT_CHUNK = 1000
"""Imported annotations per server call (all calls of one import are one transaction)."""
REANCHOR_CHUNK = 500
"""Re-anchored annotations per server call (each article whole, as in the file store)."""
HISTORY = f"SELECT {HISTORY_COLUMNS} FROM history ORDER BY id"
GONE_ORPHANS = (
    "SELECT at, before, after FROM history WHERE before::text LIKE '%orphaned%' ORDER BY id"
)
"""The history of orphans (and of a few more: import_rules.gone_orphans decides), for
what an import must not bring back (qa7 Q11). Matched as text: `->>` would stop at a
record holding an escaped U+0000 ("cannot be converted to text"), which a history
copied from an old file database may hold (tr8 T3)."""
EARLIER_STEPS = (
    f"SELECT {HISTORY_COLUMNS} "
    "FROM history WHERE id <= %s AND annotator = %s AND action = ANY(%s) ORDER BY id"
)
CHANGES_TO = (
    f"SELECT {HISTORY_COLUMNS} FROM history WHERE at > %s AND key_article_id = %s ORDER BY id"
)
Seen = tuple[int, int]
"""(row id, version) of an annotation as this session last read or wrote it."""


@dataclass(frozen=True, slots=True)
class _Done:
    """A change of an undo step, and the row that now holds its result (None: none).
    `restored`: read back from the history (undo_history.py), so its row is not known
    and what is stored is checked afresh before it is undone."""

    change: Change
    row: Seen | None
    restored: bool = False


class PostgresStore:
    """Annotations, history, articles, positions and ledger decisions on a server."""

    def __init__(
        self, url: str, annotator: str, read_only: bool, connection: psycopg.Connection[Any]
    ) -> None:
        """Use PostgresStore.open(); this wires an already prepared connection."""
        self.annotator = annotator
        self.warnings: list[str] = []
        self._url = url
        self._shown = shown_url(url)
        self._read_only = read_only
        self._connection: psycopg.Connection[Any] | None = connection
        self._mutex = threading.RLock()
        self._closed = False
        self._session = str(uuid.uuid4())
        schema_name = connection.execute("SELECT current_schema()").fetchone()
        name = str(schema_name[0]) if schema_name else "public"
        self._channel = ("workbench" if name == "public" else f"workbench.{name}")[:63]
        self._call = Call(self._session, annotator, self._channel)
        self._placed: dict[tuple[str, str], dict[int, Seen]] = {}
        self._orphans: dict[tuple[Any, ...], Seen] = {}
        self._undo: list[list[_Done] | DecisionChange] = []
        self._redo: list[list[_Done] | DecisionChange] = []
        """Undo steps: annotation changes, or a ledger decision (made, or redone)."""
        started = connection.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()
        self._history_start = int(started[0]) if started else 0
        """History records after this id are this session's (or others' since it began)."""
        self._opened_at = utc_now()
        self._earlier_read = False
        self._changed = False
        self._position: tuple[str, int] | None = None
        self._listener: Listener | None = None
        self._readings_lock = threading.Lock()
        self._readings_connection: psycopg.Connection[Any] | None = None
        """The readings' own connection (opened when first needed): see add_readings."""
        self._readings_fingerprint: str | None = None
        """The fingerprint this session added readings under (others' rows dropped)."""
        self._readings_failing = False
        self._readings_too_large = False
        """Readings read were larger than this database's can be: the next add drops them."""

    # -- Opening and closing --------------------------------------------------------------

    @classmethod
    def open(cls, url: str, annotator: str, read_only: bool = False) -> PostgresStore:
        """Connect, create or upgrade the schema (not when `read_only`), and return the
        store. ServerError if the server cannot be reached or refuses; SchemaVersionError
        if a newer workbench made the database."""
        shown = shown_url(url)
        connection = connect(url, shown, read_only)
        try:
            schema.prepare(connection, shown, read_only)
            return cls(url, annotator, read_only, connection)
        except psycopg.Error as error:
            connection.close()
            raise ServerError(f"cannot open {shown}: {reason(error)}") from error
        except BaseException:
            connection.close()
            raise

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def location(self) -> str:
        return self._shown

    def kept_summaries(self) -> KeptSummaries | None:
        """None: the summary screen on a team server builds its summary (the keeper of a
        server keeps after a pause, the command's summaries only)."""
        return None

    def own_file_refusal(self, path: Path) -> str | None:
        """None: a server's database has no files on this machine."""
        return None

    def close(self) -> None:
        with self._mutex:
            self._closed = True
            if self._listener is not None:
                self._listener.close()
                self._listener = None
            if self._connection is not None:
                self._connection.close()
                self._connection = None
        with self._readings_lock:
            if self._readings_connection is not None:
                self._readings_connection.close()
                self._readings_connection = None

    def __enter__(self) -> Self:
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
        who = annotator or self.annotator
        found = self._rows(
            rows.AT_KEY,
            [who, article_id, index],
        )
        seen = self._placed.setdefault((who, article_id), {})
        if not found:
            seen.pop(index, None)
            return None
        return self._saw(found)[0]

    @synchronised
    def for_article(self, article_id: str, annotator: str | None = None) -> dict[int, Annotation]:
        who = annotator or self.annotator
        found = self._rows(
            f"{rows.SELECT} WHERE annotator = %s AND article_id = %s AND {rows.PLACED} "
            "ORDER BY sentence",
            [who, article_id],
        )
        self._placed[(who, article_id)] = {}
        return {annotation.index: annotation for annotation in self._saw(found)}

    @synchronised
    def in_article(self, article_id: str) -> list[Annotation]:
        found = self._rows(
            f"{rows.SELECT} WHERE article_id = %s AND {rows.PLACED} ORDER BY {rows.BY_KEY}",
            [article_id],
        )
        for group in [group for group in self._placed if group[1] == article_id]:
            self._placed[group] = {}
        return self._saw(found)

    @synchronised
    def all(self, annotator: str | None = None) -> list[Annotation]:
        if annotator is None:
            found = self._rows(f"{rows.SELECT} WHERE {rows.PLACED} ORDER BY {rows.BY_KEY}")
            self._placed.clear()
        else:
            found = self._rows(
                f"{rows.SELECT} WHERE annotator = %s AND {rows.PLACED} ORDER BY {rows.BY_KEY}",
                [annotator],
            )
            for group in [group for group in self._placed if group[0] == annotator]:
                del self._placed[group]
        return self._saw(found)

    @synchronised
    def orphans(
        self, annotator: str | None = None, article_id: str | None = None
    ) -> list[Annotation]:
        where, values = _filters(annotator=annotator, article_id=article_id)
        found = self._rows(
            f"{rows.SELECT} WHERE NOT ({rows.PLACED}){where} ORDER BY {rows.BY_KEY}, "
            "created_at, id",
            values,
        )
        return self._saw(found)

    def orphan_count(self) -> int:
        return self._scalar(f"SELECT count(*) FROM annotations WHERE NOT ({rows.PLACED})")

    def annotators(self) -> list[str]:
        found = self._read(
            lambda connection: connection.execute(
                f"SELECT DISTINCT annotator FROM annotations WHERE {rows.PLACED}"
            ).fetchall()
        )
        return sorted(str(annotator) for (annotator,) in found)

    def annotated_articles(self) -> dict[str, int]:
        found = self._read(
            lambda connection: connection.execute(
                f"SELECT article_id, count(*) FROM annotations WHERE {rows.PLACED} "
                "GROUP BY article_id"
            ).fetchall()
        )
        return {str(article_id): int(count) for article_id, count in found}

    def records(
        self, annotator: str | None = None, ordered: bool = True
    ) -> list[Mapping[str, Any]]:
        """Every annotation's record (orphans after the placed ones), built from the rows
        without making Annotations."""
        where, values = _filters(annotator=annotator)
        order = f", {rows.BY_KEY}" if ordered else ", id"
        found = self._rows(
            f"SELECT {rows.COLUMNS}, id FROM annotations WHERE true{where} "
            f"ORDER BY NOT ({rows.PLACED}){order}",
            values,
        )
        with paused_gc():
            return [rows.checked_record(row) for row in found]

    @synchronised
    def find(self, wanted: AnnotationFilter) -> list[Annotation]:
        """Every annotation `wanted` matches, placed or orphaned, ordered by key. The
        server narrows the rows by the filter's plain columns; the filter decides (so
        its rule, tags and sources included, is written once, in the core)."""
        where, values = _narrowed(wanted)
        found = self._rows(f"{rows.SELECT} WHERE true{where} ORDER BY {rows.BY_KEY}", values)
        return wanted.select(self._saw(found))

    def tagged_counts(self, annotator: str | None = None) -> dict[str, int]:
        found = self._read(
            lambda connection: connection.execute(
                "SELECT article_id, count(*) FROM annotations WHERE annotator = %s "
                f"AND {rows.PLACED} AND tags <> '' GROUP BY article_id",
                [annotator or self.annotator],
            ).fetchall()
        )
        return {str(article_id): int(count) for article_id, count in found}

    def count(self, annotator: str | None = None) -> int:
        if annotator is None:
            return self._scalar(f"SELECT count(*) FROM annotations WHERE {rows.PLACED}")
        return self._scalar(
            f"SELECT count(*) FROM annotations WHERE annotator = %s AND {rows.PLACED}",
            [annotator],
        )

    # -- Writing annotations --------------------------------------------------------------

    @synchronised
    def save(
        self, annotation: Annotation, based_on: Annotation | Unchecked | None = UNCHECKED
    ) -> Annotation:
        """Store `annotation` (a blank one deletes the record) and return what was
        stored. ConcurrentEditError if another session changed this sentence's
        annotation since this session last read it: nothing is overwritten. With
        `based_on` (the value the change was made from), the row is compared with it in
        the save's own call: a read between the screen's value and the save (this
        session's, or its live feed's) cannot make a stale change pass (tr8 T4)."""
        if annotation.is_orphan:
            raise ValueError("an orphaned annotation is re-attached or deleted, not saved")
        refuse_unholdable_annotation(None, annotation)
        key = annotation.key
        if annotation.is_blank:
            self._session_change("delete", key, None, based_on)
            return annotation
        now = utc_now()
        after = replace(annotation, created_at=now, updated_at=now)
        done = self._session_change("save", key, after, based_on)
        assert done is not None
        return done.change.after or annotation

    @synchronised
    def delete(self, article_id: str, index: int) -> Change | None:
        done = self._session_change("delete", (self.annotator, article_id, index), None)
        return None if done is None else done.change

    @synchronised
    def undo(self, within: Container[str] | None = None) -> Change | DecisionChange | None:
        """Undo this analyst's last step (as new durable changes); ConcurrentEditError,
        with the step dropped, if another session changed what it would undo. Past this
        session's first step, the steps earlier sessions left are read back from the
        history (undo_history.py); LaterChangeError, with the step dropped, if one of
        them has been changed since. StepElsewhereError, nothing written, if the step
        changes an article outside `within`. StoreWriteError when read-only, as every
        write (tr13 T4)."""
        if self.read_only:
            raise StoreWriteError(None, READ_ONLY_REASON)
        if not self._undo:
            self._read_earlier_steps()
        return self._move_step(self._undo, self._redo, "undo", within)

    @synchronised
    def redo(self, within: Container[str] | None = None) -> Change | DecisionChange | None:
        """Redo the last undone step (after a restart, what the analyst undid last if
        they have changed nothing since); ConcurrentEditError and StoreWriteError as
        undo()."""
        if self.read_only:
            raise StoreWriteError(None, READ_ONLY_REASON)
        if not self._redo and not self._changed:
            self._read_earlier_steps()
        return self._move_step(self._redo, self._undo, "redo", within)

    def history_starts_at(self) -> int:
        """1: the server's history table is never lost on its own."""
        return 1

    def verify_history(self) -> None:
        """Nothing to check: the server keeps the history in its own tables."""

    def history(self) -> list[Change]:
        found = self._read(lambda connection: connection.execute(HISTORY).fetchall())
        with paused_gc():
            return [change_of_row(row) for row in found]

    @synchronised
    def import_annotations(
        self,
        annotations: Iterable[Annotation],
        decisions: Iterable[Mapping[str, Any]] = (),
        reanchoring: Sequence[tuple[ArticlePlan, str, int]] = (),
        segmenter: str = "",
    ) -> ImportReport:
        """Merge annotations from elsewhere in one transaction (all or nothing): absent
        ones added, identical ones skipped, differing ones replaced only by a newer
        updated_at; orphans matched by their own identity. Ledger decision records are
        appended in their order, but for those the database holds already.
        `reanchoring` (as reanchor_articles takes it): the database's own annotations
        put onto the current texts first, in the same transaction (rv8 R10)."""
        counts = {"added": 0, "updated": 0, "skipped": 0, "older": 0, "decisions": 0}
        written: list[Applied] = []
        moved: list[Applied] = []
        gone: dict[OrphanKey, str] | None = None  # read from the history once, if needed

        def work(connection: psycopg.Connection[Any]) -> None:
            nonlocal gone
            with connection.transaction():
                for batch in by_changes(reanchoring, REANCHOR_CHUNK):
                    moved.extend(self._reanchor_rows(connection, batch, segmenter, follow=False))
                for chunk in _chunks(annotations):
                    stored = self._stored(connection, chunk)
                    specs: list[Spec] = []
                    for incoming in chunk:
                        found = stored.get(rows.identity(incoming))
                        gone_at = None
                        if found is None and incoming.is_orphan:
                            if gone is None:
                                gone = gone_orphans(connection.execute(GONE_ORPHANS).fetchall())
                            gone_at = gone.get(incoming.orphan_key)
                        result = outcome(incoming, found[0] if found else None, gone_at)
                        counts[result] += 1
                        if result not in ("added", "updated"):
                            continue
                        refuse_unholdable_annotation(None, incoming)
                        specs.append(
                            Spec(
                                history_key=incoming.key,
                                after=incoming,
                                row_id=found[1][0] if found else None,
                                key=None if found or incoming.is_orphan else incoming.key,
                                expected=found[1][1] if found else None,
                            )
                        )
                    if specs:
                        written.extend(
                            self._apply(
                                connection, "import", specs, notify=False, exact=True, follow=False
                            )
                        )
                if any(counts[name] for name in ("added", "updated")):
                    self._announce(connection, {"kind": "annotations"})
                counts["decisions"] = _add_decisions(connection, decisions)
                if counts["decisions"]:
                    self._announce(connection, {"kind": "ledger"})

        self._write(work)
        self._follow(moved)  # committed: now this session has seen them
        self._check_afresh({item.row_id for item in moved if item.row_id is not None})
        self._follow(written)
        return report_of(counts, decisions=counts["decisions"])

    # -- Re-anchoring and orphans ---------------------------------------------------------

    def articles_to_reanchor(self, current: Mapping[str, str], segmenter: str) -> list[str]:
        if not current:
            return []
        found = self._read(
            lambda connection: connection.execute(
                "SELECT a.article_id, array_agg(DISTINCT a.article_sha256) "
                f"FILTER (WHERE a.{rows.PLACED}), r.sha256, r.segmenter, "
                f"max(a.sentence) FILTER (WHERE a.{rows.PLACED} "
                "AND a.article_sha256 = r.sha256), r.sentences "
                "FROM annotations a LEFT JOIN articles r USING (article_id) "
                "WHERE a.article_id = ANY(%s) "
                "GROUP BY a.article_id, r.sha256, r.segmenter, r.sentences",
                [list(current)],
            ).fetchall()
        )
        seen = {
            str(article_id): (set(hashes or ()), sha, seg, past_its_sentences(last, count))
            for article_id, hashes, sha, seg, last, count in found
        }
        stale: list[str] = []
        for article_id, sha256 in current.items():
            if article_id not in seen:
                continue
            # no placed annotation: only orphans, tried again when the text is not the last seen
            hashes, remembered, remembered_segmenter, past = seen[article_id]
            if (
                (hashes and (len(hashes) != 1 or sha256 not in hashes))
                or remembered != sha256
                or remembered_segmenter != segmenter
                or past  # on a sentence past the text's: re-anchored (tr11 T8)
            ):
                stale.append(article_id)
        return stale

    def reanchor(
        self, plan: ArticlePlan, *, title: str, sentences: int, segmenter: str
    ) -> list[Change]:
        return self.reanchor_articles([(plan, title, sentences)], segmenter)[0]

    @synchronised
    def reanchor_articles(
        self, plans: Sequence[tuple[ArticlePlan, str, int]], segmenter: str
    ) -> list[list[Change]]:
        """Each article's re-anchoring atomic (no undo step: qa6 Q32), sent in calls of
        about REANCHOR_CHUNK changes; AnchorConflictError, writing nothing of that call,
        if an annotation of a plan has changed since it was planned."""
        steps: list[list[Change]] = []
        for batch in by_changes(plans, REANCHOR_CHUNK):
            steps += self._reanchor_batch(batch, segmenter)
        return steps

    @synchronised
    def reattach(self, orphan: Annotation, placed: Annotation) -> Change:
        if not orphan.is_orphan or placed.is_orphan:
            raise ValueError("reattach takes an orphan and its placed copy")
        return self._exact_change("reattach", orphan, placed)

    @synchronised
    def delete_orphan(self, orphan: Annotation) -> Change:
        return self._exact_change("delete", orphan, None)

    # -- Articles, positions, ledger ------------------------------------------------------

    def remember_article(
        self,
        article_id: str,
        title: str,
        sha256: str,
        sentences: int,
        segmenter: str | None = None,
        sync: bool = True,
    ) -> None:
        # Every statement is committed as it runs; `sync` is for the file store.
        refuse_unholdable(
            None, {"article_id": article_id, "title": title, "sentences": sentences}, "the article"
        )
        self._write(
            lambda connection: connection.execute(
                "SELECT workbench_remember_article(%s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    article_id,
                    title,
                    sha256,
                    sentences,
                    segmenter,
                    utc_now(),
                    self._session,
                    self._channel,
                ],
            )
        )

    def articles(self) -> list[ArticleInfo]:
        found = self._read(lambda connection: connection.execute(ARTICLES).fetchall())
        return [ArticleInfo.from_record(article_of_row(row)) for row in found]

    def position(self, annotator: str | None = None) -> tuple[str, int] | None:
        found = self._read(
            lambda connection: connection.execute(
                "SELECT article_id, sentence FROM positions WHERE annotator = %s",
                [annotator or self.annotator],
            ).fetchone()
        )
        if found is None:
            return None
        _annotator, article_id, index = position_of_row((annotator or self.annotator, *found))
        return article_id, index

    @synchronised
    def set_position(self, article_id: str, index: int) -> None:
        """Remember where this analyst is, without waiting for the server's disk (it is
        not a tag); a failure goes to `warnings` once per run of failures."""
        if self.read_only or self._position == (article_id, index):
            return
        try:
            document = {"annotator": self.annotator, "article_id": article_id, "index": index}
            refuse_unholdable(None, document, "the position")
            self._write(
                lambda connection: connection.execute(
                    "SELECT workbench_set_position(%s, %s, %s)",
                    [self.annotator, article_id, index],
                )
            )
        except StoreWriteError as error:
            warning = f"position not remembered: {error}"
            if not self.warnings or self.warnings[-1] != warning:
                self.warnings.append(warning)
            return
        self._position = (article_id, index)

    def ledger_decisions(self) -> list[dict[str, Any]]:
        found = self._read(lambda connection: connection.execute(LEDGER).fetchall())
        return [decision_of_row(row) for row in found]

    @synchronised
    def save_ledger_decision(self, decision: dict[str, Any]) -> dict[str, Any]:
        """Append a decision (`annotator` and `at` are added if absent): this session's
        next undo step."""
        now = utc_now()
        document = {"annotator": self.annotator, "at": now, **decision}
        refuse_junk_decision(None, document, "the ledger decision")
        stored = self._append_ledger(document)
        action = str(stored.get("action"))
        self._undo.append(DecisionChange(None, stored, now, self.annotator, action))
        self._redo.clear()
        self._changed = True
        return dict(stored)

    def _append_ledger(self, record: dict[str, Any]) -> dict[str, Any]:
        """One record more in the ledger table (a decision, or an undo or redo of one),
        announced to the other sessions; returns it as stored."""
        encoded = orjson.dumps(record).decode()  # TypeError before anything is sent
        announcement = orjson.dumps({"session": self._session, "kind": "ledger"}).decode()
        found = self._write(
            lambda connection: connection.execute(
                "WITH added AS (INSERT INTO ledger_decisions (decision) VALUES (%s::json) "
                "RETURNING decision) SELECT decision, pg_notify(%s, %s) FROM added",
                [encoded, self._channel, announcement],
            ).fetchone()
        )
        assert found is not None
        return dict(found[0])

    def _move_decision(
        self,
        source: list[list[_Done] | DecisionChange],
        target: list[list[_Done] | DecisionChange],
        undoing: bool,
    ) -> DecisionChange:
        """Undo (or redo) the decision on top of `source`: a record of it appended."""
        step = source[-1]
        assert isinstance(step, DecisionChange)
        moved = step.reverted(self.annotator, utc_now(), undoing)
        self._append_ledger(moved.to_record())
        target.append(source.pop())
        return moved

    # -- Derived readings -----------------------------------------------------------------

    def readings(self, fingerprint: str) -> Mapping[str, Any]:
        """Readings kept under `fingerprint` (store/postgres/readings.py), on the readings'
        own connection. A server that cannot be read is said in `warnings` (the readings
        are recomputed), not raised; a database without the table has none."""
        try:
            return self._on_readings_connection(partial(readings.read, fingerprint=fingerprint))
        except readings.TooLarge as error:
            self._readings_too_large = not self.read_only
            self._say_once(
                f"readings of {self._shown}: too large ({error}); not read, they are recomputed"
            )
        except (ServerError, psycopg.Error, ValueError) as error:
            why = reason(error) if isinstance(error, psycopg.Error) else str(error)
            self._say_once(f"readings not read ({why}); they are recomputed")
        return {}

    def add_readings(self, fingerprint: str, records: Mapping[str, Any]) -> None:
        """Insert readings (those held kept) on the readings' own connection, in a
        transaction of their own that does not wait for the server's disk; the session's
        first add makes the table if the database has none, and the first add of a
        fingerprint drops the others'. A failure is said once per run of failures in
        `warnings`, never raised."""
        if self.read_only:
            raise StoreWriteError(None, READ_ONLY_REASON)
        if not records:
            return
        batches = readings.encoded(records)
        drop_others = fingerprint != self._readings_fingerprint
        dropping = self._readings_too_large
        work = partial(readings.add, fingerprint=fingerprint, batches=batches,
                       drop_others=drop_others, drop_all=dropping,
                       make_table=self._readings_fingerprint is None)  # fmt: skip
        try:
            self._on_readings_connection(work)
        except (StoreError, psycopg.Error) as error:
            if not self._readings_failing:
                why = reason(error) if isinstance(error, psycopg.Error) else str(error)
                self.warnings.append(f"readings not kept ({why}); the summary recomputes them")
            self._readings_failing = True
            return
        self._readings_fingerprint = fingerprint
        self._readings_failing = False
        if dropping:
            self._readings_too_large = False

    def _on_readings_connection(self, work: Callable[[psycopg.Connection[Any]], R]) -> R:
        """Run `work` on a connection of the readings' own, opened when first needed, and
        once more on a new one if it was lost (adding is idempotent). Never under the
        store's mutex: a save never waits for 50,000 readings to be read or added."""
        with self._readings_lock:
            if self._closed:
                raise StoreError(f"{self._shown} has been closed")
            for attempt in (1, 2):
                connection = self._readings_connection
                if connection is None or connection.closed:
                    connection = connect(self._url, self._shown, self._read_only)
                    self._readings_connection = connection
                try:
                    return work(connection)
                except psycopg.Error as error:
                    if attempt == 2 or not is_lost(error, connection):
                        raise
                    connection.close()
                    self._readings_connection = None
            raise AssertionError("unreachable")

    def _say_once(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # -- Other sessions, and whole databases ----------------------------------------------

    def subscribe(self, callback: Callable[[StoreEvent], None]) -> Subscription:
        """Call `callback` on the listening thread for each change another session
        commits (and "resync" after the listening connection was lost and is back)."""
        with self._mutex:
            if self._closed:
                raise StoreError(f"{self._shown} has been closed")
            if self._listener is None:
                self._listener = Listener(
                    self._url, self._shown, self._channel, self._session, self.warnings.append
                )
            listener = self._listener
        return listener.subscribe(callback)

    def content(self) -> DatabaseContent:
        def work(connection: psycopg.Connection[Any]) -> DatabaseContent:
            with connection.transaction():
                connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                records = connection.execute(
                    f"SELECT {rows.COLUMNS}, id FROM annotations ORDER BY NOT ({rows.PLACED}), "
                    f"{rows.BY_KEY}, id"
                ).fetchall()
                history = connection.execute(HISTORY).fetchall()
                articles = connection.execute(ARTICLES).fetchall()
                positions = connection.execute(
                    "SELECT annotator, article_id, sentence FROM positions "
                    'ORDER BY annotator COLLATE "C"'
                ).fetchall()
                ledger = connection.execute(LEDGER).fetchall()
            return DatabaseContent(
                annotations=[rows.checked_record(row) for row in records],
                history=[history_record_of_row(row) for row in history],
                articles=[article_of_row(row) for row in articles],
                positions=[position_of_row(row) for row in positions],
                ledger=[decision_of_row(row) for row in ledger],
            )

        return self._read(work)

    def restore(self, content: DatabaseContent) -> None:
        """Fill this empty database with `content` (COPY, one transaction)."""

        def work(connection: psycopg.Connection[Any]) -> None:
            with connection.transaction():
                # Two copies into one empty server at once both found it empty and both
                # committed, a merge no source held (tr9 T7): the second waits here and
                # then finds it not empty.
                connection.execute(
                    "LOCK TABLE annotations, history, articles, positions, ledger_decisions "
                    "IN EXCLUSIVE MODE"
                )
                held = connection.execute(
                    "SELECT EXISTS (SELECT 1 FROM annotations) OR EXISTS (SELECT 1 FROM history) "
                    "OR EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM positions) "
                    "OR EXISTS (SELECT 1 FROM ledger_decisions)"
                ).fetchone()
                if held and held[0]:
                    raise StoreWriteError(
                        None, f"{self._shown} is not empty; a copy goes only into an empty one"
                    )
                _copy_content(connection, content, self._session)
                self._announce(connection, {"kind": "resync"})

        self._write(work)

    # -- Internals: connections -----------------------------------------------------------

    def _live(self) -> psycopg.Connection[Any]:
        if self._connection is None or self._connection.closed:
            self._connection = connect(self._url, self._shown, self._read_only)
        return self._connection

    def _drop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _read(self, work: Callable[[psycopg.Connection[Any]], R]) -> R:
        """Run `work`; once more on a new connection if the connection was lost."""
        with self._mutex:
            if self._closed:
                raise StoreError(f"{self._shown} has been closed")
            for attempt in (1, 2):
                connection = self._live()
                try:
                    return work(connection)
                except psycopg.Error as error:
                    if not is_lost(error, connection):
                        raise ServerError(f"cannot read {self._shown}: {reason(error)}") from error
                    self._drop()
                    if attempt == 2:
                        raise ServerError(f"cannot read {self._shown}: connection lost") from error
            raise AssertionError("unreachable")

    def _write(self, work: Callable[[psycopg.Connection[Any]], R]) -> R:
        """Run `work` once: a lost connection is ConnectionLostError (not saved)."""
        with self._mutex:
            if self._closed:
                raise StoreWriteError(None, CLOSED_REASON)
            if self._read_only:
                raise StoreWriteError(None, READ_ONLY_REASON)
            try:
                connection = self._live()
            except ServerError as error:
                raise ConnectionLostError(self._shown) from error
            try:
                return work(connection)
            except psycopg.Error as error:
                if is_lost(error, connection):
                    self._drop()
                    raise ConnectionLostError(self._shown) from error
                raise StoreWriteError(None, f"{reason(error)} ({self._shown})") from error

    def _rows(self, query: str, values: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with paused_gc():  # 100,000 rows would make the collector scan all again and again
            return self._read(lambda connection: connection.execute(query, values).fetchall())

    def _scalar(self, query: str, values: Sequence[Any] = ()) -> int:
        found = self._read(lambda connection: connection.execute(query, values).fetchone())
        return int(found[0]) if found else 0

    def _announce(self, connection: psycopg.Connection[Any], message: dict[str, Any]) -> None:
        payload = orjson.dumps({"session": self._session, **message}).decode()
        connection.execute("SELECT pg_notify(%s, %s)", [self._channel, payload])

    # -- Internals: what this session has seen --------------------------------------------

    def _saw(self, found: Sequence[Sequence[Any]]) -> list[Annotation]:
        """The annotations of `found` rows, each remembered with its row and version."""
        with paused_gc():
            return self._remember(found)

    def _remember(self, found: Sequence[Sequence[Any]]) -> list[Annotation]:
        annotations: list[Annotation] = []
        placed = self._placed
        for row in found:
            annotation = rows.annotation_of_row(row)
            seen = (int(row[-2]), int(row[-1]))
            if annotation.is_orphan:
                self._orphans[rows.identity(annotation)] = seen
            else:
                group = placed.get((annotation.annotator, annotation.article_id))
                if group is None:
                    group = placed[(annotation.annotator, annotation.article_id)] = {}
                group[annotation.index] = seen
            annotations.append(annotation)
        return annotations

    def _seen(self, annotation: Annotation) -> Seen | None:
        if annotation.is_orphan:
            return self._orphans.get(rows.identity(annotation))
        return self._placed.get((annotation.annotator, annotation.article_id), {}).get(
            annotation.index
        )

    def _seen_version(self, key: AnnotationKey) -> int | None:
        seen = self._placed.get((key[0], key[1]), {}).get(key[2])
        return None if seen is None else seen[1]

    def _follow(self, applied: Sequence[Applied]) -> None:
        """Remember the rows as these changes left them."""
        for item in applied:
            before, after = item.change.before, item.change.after
            if before is not None:
                if before.is_orphan:
                    self._orphans.pop(rows.identity(before), None)
                else:
                    group = self._placed.get((before.annotator, before.article_id), {})
                    if group.get(before.index, (None,))[0] == item.row_id:
                        group.pop(before.index, None)
            if after is not None and item.row_id is not None:
                seen = (item.row_id, item.version)
                if after.is_orphan:
                    self._orphans[rows.identity(after)] = seen
                else:
                    group = self._placed.setdefault((after.annotator, after.article_id), {})
                    group[after.index] = seen

    # -- Internals: writing ---------------------------------------------------------------

    def _apply(
        self,
        connection: psycopg.Connection[Any],
        action: str,
        specs: Sequence[Spec],
        articles: Sequence[dict[str, Any]] = (),
        notify: bool = True,
        exact: bool = False,
        follow: bool = True,
    ) -> list[Applied]:
        """apply() on `connection`, remembering what it wrote as seen unless `follow` is
        False (a transaction not yet committed: the caller follows once it is)."""
        try:
            applied = apply(
                connection, self._call, action, utc_now(), specs, articles, notify, exact
            )
        except ConcurrentEditError as error:
            idle = connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
            if error.current is None and idle:
                # Refused at commit (two sessions placed one at once): show the winner.
                annotator, article_id, index = error.key
                now = rows.annotations_of_rows(
                    connection.execute(
                        rows.AT_KEY,
                        [annotator, article_id, index],
                    ).fetchall()
                )
                raise ConcurrentEditError(error.key, now[0] if now else None) from error
            raise
        if follow:
            self._follow(applied)
        return applied

    def _session_change(
        self,
        action: str,
        key: AnnotationKey,
        after: Annotation | None,
        based_on: Annotation | Unchecked | None = UNCHECKED,
    ) -> _Done | None:
        """A save or delete of this session's: one call, one undo step if it wrote."""

        def work(connection: psycopg.Connection[Any]) -> list[Applied]:
            expected = self._seen_version(key)
            if based_on is not UNCHECKED:
                expected = self._version_holding(connection, key, based_on)
            spec = Spec(
                history_key=key,
                after=after,
                key=key,
                expected=expected,
                own=True,
                keep_created=True,
                skip_unchanged=True,
            )
            return self._apply(connection, action, [spec])

        (applied,) = self._write(work)
        if not applied.written:
            return None if after is None else _Done(applied.change, _row(applied))
        done = _Done(applied.change, _row(applied))
        self._undo.append([done])
        self._redo.clear()
        self._changed = True
        return done

    def _version_holding(
        self, connection: psycopg.Connection[Any], key: AnnotationKey, based_on: Annotation | None
    ) -> int | None:
        """The version of the row at `key` if it holds `based_on`'s judgement (None: no
        row); ConcurrentEditError with what it holds otherwise. The save that follows
        checks this version on the server: a change committed in between is refused too."""
        annotator, article_id, index = key
        found = connection.execute(
            rows.AT_KEY,
            [annotator, article_id, index],
        ).fetchall()
        stored = self._saw(found)[0] if found else None
        if not same_judgement(based_on, stored):
            raise ConcurrentEditError(key, stored)
        return int(found[0][-1]) if found else None

    def _move_step(
        self,
        source: list[list[_Done] | DecisionChange],
        target: list[list[_Done] | DecisionChange],
        action: str,
        within: Container[str] | None,
    ) -> Change | DecisionChange | None:
        """Undo (or redo) the last step of `source` in one call and put it on `target`.
        A step refused because another session changed it is dropped; one not saved
        (connection lost) stays, to try again."""
        if not source:
            return None
        undoing = action == "undo"
        step = source[-1]
        if isinstance(step, DecisionChange):
            return self._move_decision(source, target, undoing)
        refuse_outside((done.change.article_id for done in step), within, undoing)
        order = step[::-1] if undoing else step

        def work(connection: psycopg.Connection[Any]) -> list[Applied]:
            if any(done.restored for done in order):
                specs = self._checked_reverting(connection, order, undoing)
                return self._apply(connection, action, specs)
            try:
                return self._apply(connection, action, [self._reverting(d, undoing) for d in order])
            except ConcurrentEditError as changed:
                # Another session of the analyst re-anchored the article (tr13 T9): each
                # row has a new version though it is on its sentence as the step left it;
                # read afresh and compared by content, as a step read back is.
                try:
                    specs = self._checked_reverting(connection, order, undoing)
                except LaterChangeError as refused:
                    if refused.later is None or refused.later.action != REANCHOR:
                        raise changed from None  # what another session stored is shown
                    raise  # what the re-anchoring did is named
            return self._apply(connection, action, specs)

        try:
            applied = self._write(work)
        except (ConcurrentEditError, LaterChangeError):
            source.pop()
            raise
        source.pop()
        moved = [
            replace(done, row=_row(item), restored=False)
            for done, item in zip(order, applied, strict=True)
        ]
        target.append(moved[::-1] if undoing else moved)
        return _as_step([item.change for item in applied])

    def _reverting(self, done: _Done, undoing: bool) -> Spec:
        """The change that replaces what `done` left (the row it names) by the state
        before it (undoing) or after it (redoing), restamped."""
        back = done.change.before if undoing else done.change.after
        restamped = None if back is None else replace(back, updated_at=utc_now())
        if done.row is not None:
            return Spec(
                done.change.key, restamped, row_id=done.row[0], expected=done.row[1], own=True
            )
        place = None if back is None or back.is_orphan else back.key
        return Spec(done.change.key, restamped, key=place)  # what holds it now is not ours

    def _checked_reverting(
        self, connection: psycopg.Connection[Any], order: list[_Done], undoing: bool
    ) -> list[Spec]:
        """_reverting for a step read back from the history: each annotation must be
        stored as the step left it, or as re-anchoring alone left it elsewhere (the
        change in `order` is then replaced by itself made there: where_now, tr14 T1);
        read afresh, LaterChangeError naming the later change otherwise. The change
        names the row and version just read, so the server refuses it if anyone changes
        it between."""
        places = [expected_now(done.change, undoing) for done in order]
        stored = self._stored(connection, [where for _e, where in places if where is not None])
        specs: list[Spec] = []
        histories: dict[tuple[str, str], list[Change]] = {}  # a step's changes share both
        for position, (done, (expected, where)) in enumerate(zip(order, places, strict=True)):
            assert where is not None
            found = stored.get(rows.identity(where))
            if not same_content(found[0] if found else None, expected):
                since = (done.change.at, where.article_id)
                if since not in histories:
                    histories[since] = [
                        change_of_row(row)
                        for row in connection.execute(CHANGES_TO, list(since)).fetchall()
                    ]
                history = histories[since]

                def located(annotation: Annotation) -> Annotation | None:
                    held = self._stored(connection, [annotation]).get(rows.identity(annotation))
                    return None if held is None else held[0]

                there, later = made_now(done.change, undoing, history, located)
                if there is None:
                    raise LaterChangeError(done.change, later, undoing)
                done = replace(done, change=there)
                order[position] = done  # what the step is now, for the other stack
                _expected, where = expected_now(there, undoing)
                assert where is not None
                found = self._stored(connection, [where]).get(rows.identity(where))
            back = done.change.before if undoing else done.change.after
            restamped = None if back is None else replace(back, updated_at=utc_now())
            if found is not None:
                row_id, version = found[1]
                specs.append(Spec(done.change.key, restamped, row_id=row_id, expected=version))
            else:
                place = None if back is None or back.is_orphan else back.key
                specs.append(Spec(done.change.key, restamped, key=place))
        return specs

    def _read_earlier_steps(self) -> None:
        """Put the undo steps earlier sessions left beneath this session's, and their
        redo steps too if this session has changed nothing (undo_history.py). Once."""
        if self._earlier_read or self.read_only:
            return  # a read-only session changes nothing, so it undoes nothing either
        found = self._rows(
            EARLIER_STEPS, [self._history_start, self.annotator, sorted(REPLAYED_ACTIONS)]
        )
        decisions = ledger_entries(self.ledger_decisions(), self.annotator, self._opened_at)
        with paused_gc():
            changes = (
                Entry(
                    str(row[0]),
                    str(row[2]),
                    (str(row[3]), str(row[4]), int(row[5])),
                    partial(change_of_row, row),
                    moved_key(row[2], row[7]),
                )
                for row in found
            )
            entries = (
                Entry(entry.at, entry.action, entry.key, partial(decision_step, entry.record))
                for entry in decisions
            )
            undo, redo = replay(by_time(changes, entries), made, flipped_step)
        self._earlier_read = True
        self._undo[:0] = restored(undo, _restored_done)
        if not self._changed:
            self._redo[:0] = restored(redo, _restored_done)

    def _exact_change(self, action: str, before: Annotation, after: Annotation | None) -> Change:
        """Replace exactly `before` (as this session saw it) by `after`: one undo step."""
        with self._mutex:

            def work(connection: psycopg.Connection[Any]) -> list[Applied]:
                self._check_exact(connection, [before])
                seen = self._located(connection, [before])[0]
                spec = Spec(before.key, after, row_id=seen[0], expected=seen[1])
                return self._apply(connection, action, [spec], exact=True)

            (applied,) = self._write(work)
            self._undo.append([_Done(applied.change, _row(applied))])
            self._redo.clear()
            self._changed = True
            return applied.change

    def _located(
        self, connection: psycopg.Connection[Any], annotations: Sequence[Annotation]
    ) -> list[Seen]:
        """The row and version of each annotation, which must be stored exactly as
        given: AnchorConflictError otherwise (it changed since it was read)."""
        missing = [a for a in annotations if self._seen(a) is None]
        if missing:
            self._stored(connection, missing)
        located: list[Seen] = []
        for annotation in annotations:
            seen = self._seen(annotation)
            if seen is None:
                raise AnchorConflictError.changed_meanwhile(annotation.article_id, annotation.index)
            located.append(seen)
        return located

    def _stored(
        self, connection: psycopg.Connection[Any], wanted: Sequence[Annotation]
    ) -> dict[tuple[Any, ...], tuple[Annotation, Seen]]:
        """The stored annotations with the identities of `wanted` (two queries at most),
        remembered as seen."""
        placed = [a for a in wanted if not a.is_orphan]
        orphans = [a for a in wanted if a.is_orphan]
        found: list[tuple[Any, ...]] = []
        if placed:
            found += connection.execute(
                f"{rows.SELECT} JOIN unnest(%s::text[], %s::text[], %s::int[]) "
                "AS k(annotator, article_id, sentence) USING (annotator, article_id, sentence) "
                f"WHERE {rows.PLACED}",
                [
                    [a.annotator for a in placed],
                    [a.article_id for a in placed],
                    [a.index for a in placed],
                ],
            ).fetchall()
        if orphans:
            found += connection.execute(
                f"{rows.SELECT} JOIN unnest(%s::text[], %s::text[], %s::text[], %s::int[], "
                "%s::text[]) AS k(annotator, article_id, article_sha256, sentence, created_at) "
                "USING (annotator, article_id, article_sha256, sentence, created_at) "
                f"WHERE NOT ({rows.PLACED})",
                [
                    [a.annotator for a in orphans],
                    [a.article_id for a in orphans],
                    [a.article_sha256 for a in orphans],
                    [a.index for a in orphans],
                    [a.created_at for a in orphans],
                ],
            ).fetchall()
        stored: dict[tuple[Any, ...], tuple[Annotation, Seen]] = {}
        for annotation, row in zip(self._saw(found), found, strict=True):
            stored[rows.identity(annotation)] = (annotation, (int(row[-2]), int(row[-1])))
        return stored

    def _reanchor_batch(
        self, batch: Sequence[tuple[ArticlePlan, str, int]], segmenter: str
    ) -> list[list[Change]]:
        with self._mutex:
            applied = self._write(
                lambda connection: self._reanchor_rows(connection, batch, segmenter)
            )
            self._check_afresh({item.row_id for item in applied if item.row_id is not None})
            steps: list[list[Change]] = []
            for plan, _title, _sentences in batch:
                size = len(plan.changes)
                step, applied = applied[:size], applied[size:]
                steps.append([item.change for item in step])
            return steps  # no undo step: re-anchoring is not the analyst's change (qa6 Q32)

    def _reanchor_rows(
        self,
        connection: psycopg.Connection[Any],
        batch: Sequence[tuple[ArticlePlan, str, int]],
        segmenter: str,
        follow: bool = True,
    ) -> list[Applied]:
        """One batch of re-anchorings written on `connection` (see _apply's `follow`)."""
        befores = [p.before for plan, _t, _n in batch for p in plan.changes]
        identities = [rows.identity(before) for before in befores]
        if len(set(identities)) != len(identities):
            raise AnchorConflictError("two changes of one annotation; nothing was written")
        self._check_exact(connection, befores)
        located = self._located(connection, befores)
        specs = [
            Spec(before.key, placement.after, row_id=seen[0], expected=seen[1])
            for (before, seen), placement in zip(
                zip(befores, located, strict=True),
                [p for plan, _t, _n in batch for p in plan.changes],
                strict=True,
            )
        ]
        articles = [
            {
                "article_id": plan.article_id,
                "title": title,
                "sha256": plan.sha256,
                "sentences": sentences,
                "segmenter": segmenter,
            }
            for plan, title, sentences in batch
            if plan.whole  # else another analyst's do not fit it yet (tr7 T15)
        ]
        self._move_decisions(connection, [plan for plan, _t, _n in batch])
        return self._apply(connection, "reanchor", specs, articles, exact=True, follow=follow)

    def _check_afresh(self, moved: set[int]) -> None:
        """The undo and redo steps of this session whose rows re-anchoring just rewrote
        are checked afresh when taken, as restored ones are (by content: refused with
        LaterChangeError naming the re-anchoring), never applied to the moved row as if
        this session's edit were still what it holds (re-anchoring is no step: qa6 Q32)."""
        for stack in (self._undo, self._redo):
            for position, step in enumerate(stack):
                if isinstance(step, DecisionChange):
                    continue
                if any(done.row is not None and done.row[0] in moved for done in step):
                    stack[position] = [replace(done, restored=True) for done in step]

    def _move_decisions(
        self, connection: psycopg.Connection[Any], plans: Sequence[ArticlePlan]
    ) -> None:
        """Append the records that move the ledger decisions with their sentences
        (core/anchoring/decisions.py), in the re-anchoring's transaction; read before
        it remembers the articles as now seen (a record from before is read as made on
        the text remembered)."""
        records = [decision_of_row(row) for row in connection.execute(LEDGER).fetchall()]
        if not records:
            return
        remembered = {
            record["article_id"]: record["sha256"]
            for record in map(article_of_row, connection.execute(ARTICLES).fetchall())
        }
        moved = decisions.moves(records, plans, remembered, utc_now())
        for record in moved:
            connection.execute(
                "INSERT INTO ledger_decisions (decision) VALUES (%s::json)",
                [orjson.dumps(record).decode()],
            )
        if moved:
            self._announce(connection, {"kind": "ledger"})

    def _check_exact(
        self, connection: psycopg.Connection[Any], annotations: Sequence[Annotation]
    ) -> None:
        """Each of `annotations` is stored exactly so (read afresh): AnchorConflictError
        otherwise, as the file store refuses a plan made on annotations since changed."""
        stored = self._stored(connection, annotations)
        for annotation in annotations:
            found = stored.get(rows.identity(annotation))
            if found is None or found[0] != annotation:
                raise AnchorConflictError.changed_meanwhile(annotation.article_id, annotation.index)


def _restored_done(change: Change) -> _Done:
    return _Done(change, None, restored=True)


def _row(applied: Applied) -> Seen | None:
    if applied.change.after is None or applied.row_id is None:
        return None
    return (applied.row_id, applied.version)


def _as_step(changes: list[Change]) -> Change | None:
    return replace(changes[0], together=tuple(changes[1:])) if changes else None


def _filters(**values: str | None) -> tuple[str, list[Any]]:
    """` AND column = %s` for each given value, and the values."""
    where = ""
    given: list[Any] = []
    for column, value in values.items():
        if value is not None:
            where += f" AND {column} = %s"
            given.append(value)
    return where, given


def _narrowed(wanted: AnnotationFilter) -> tuple[str, list[Any]]:
    """` AND column = ANY(%s)` for each plain column `wanted` names, and the values."""
    where = ""
    given: list[Any] = []
    for column, accepted in (
        ("article_id", wanted.article_ids),
        ("annotator", wanted.annotators),
        ("status", wanted.statuses),
        ("anchor_state", wanted.anchor_states),
    ):
        if accepted:
            where += f" AND {column} = ANY(%s)"
            given.append(sorted(accepted))
    return where, given


def _chunks(annotations: Iterable[Annotation]) -> Iterator[list[Annotation]]:
    """Up to IMPORT_CHUNK annotations at a time, never two of one identity in a chunk
    (the second must meet the first as stored)."""
    chunk: list[Annotation] = []
    identities: set[tuple[Any, ...]] = set()
    for annotation in annotations:
        identity = rows.identity(annotation)
        if identity in identities or len(chunk) >= IMPORT_CHUNK:
            yield chunk
            chunk, identities = [], set()
        chunk.append(annotation)
        identities.add(identity)
    if chunk:
        yield chunk


def _copy_content(
    connection: psycopg.Connection[Any], content: DatabaseContent, session: str
) -> None:
    """COPY every table's rows of `content` in."""
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY annotations ({rows.COLUMNS}, written_by) FROM STDIN") as copy:
            copy.set_types([*rows.COLUMN_TYPES, "uuid"])
            writer = uuid.UUID(session)
            for record in content.annotations:
                copy.write_row([*rows.row_values(record), writer])
        with cursor.copy(
            "COPY history (at, annotator, action, key_annotator, key_article_id, key_index, "
            "before, after) FROM STDIN"
        ) as copy:
            copy.set_types(["text", "text", "text", "text", "text", "int4", "json", "json"])
            for entry in content.history:
                annotator, article_id, index = entry["key"]
                copy.write_row(
                    [
                        entry["at"],
                        entry["annotator"],
                        entry["action"],
                        annotator,
                        article_id,
                        index,
                        None if entry["before"] is None else Json(entry["before"]),
                        None if entry["after"] is None else Json(entry["after"]),
                    ]
                )
        with cursor.copy(
            "COPY articles (article_id, title, sha256, sentences, segmenter, remembered_at) "
            "FROM STDIN"
        ) as copy:
            copy.set_types(["text", "text", "text", "int4", "text", "text"])
            for article in content.articles:
                copy.write_row(
                    [
                        article["article_id"],
                        article["title"],
                        article["sha256"],
                        article["sentences"],
                        article.get("segmenter"),
                        article["remembered_at"],
                    ]
                )
        with cursor.copy("COPY positions (annotator, article_id, sentence) FROM STDIN") as copy:
            copy.set_types(["text", "text", "int4"])
            for position in content.positions:
                copy.write_row(list(position))
        with cursor.copy("COPY ledger_decisions (decision) FROM STDIN") as copy:
            copy.set_types(["json"])
            for decision in content.ledger:
                copy.write_row([Json(decision)])


def _add_decisions(
    connection: psycopg.Connection[Any], decisions: Iterable[Mapping[str, Any]]
) -> int:
    """Append the decision records the ledger table does not hold yet, in order (inside
    the caller's transaction); returns how many. The table is read once and each record
    found in an index: a query per record, each a pass over the table, took 4 minutes for
    10,000 (tr16 T4)."""

    def checked(decision: Mapping[str, Any]) -> Mapping[str, Any]:
        refuse_junk_decision(None, decision, "an imported ledger decision")
        return decision

    held = (record for record, _row_id in connection.execute(LEDGER).fetchall())
    new = [[orjson.dumps(d).decode()] for d in not_held(held, map(checked, decisions))]
    if new:
        with connection.cursor() as cursor:
            cursor.executemany("INSERT INTO ledger_decisions (decision) VALUES (%s::json)", new)
    return len(new)
