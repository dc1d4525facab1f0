"""Store: what the app, the commands, export and summary may ask of an annotation store.

Two engines implement it: AnnotationStore (TinyDB over a journal: one file, one writer,
nothing to install) and PostgresStore (a team's database server: several analysts at
once). Callers are typed against this Protocol and never know which one they have.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Protocol, Self

from store.change import Change, DecisionChange, ImportReport
from store.kept_summaries import KeptSummaries
from workbench.core.anchoring.placement import ArticlePlan
from workbench.core.annotation import Annotation
from workbench.core.annotation_filter import AnnotationFilter
from workbench.core.corpus.article_info import ArticleInfo

EventKind = Literal["annotations", "articles", "ledger", "lost", "resync"]


@dataclass(frozen=True, slots=True)
class StoreEvent:
    """Another session changed the database: what to read again.

    "annotations": `annotator`'s annotations of `article_ids` changed; "articles": the
    remembered articles; "ledger": the claim-ledger decisions; "lost": the connection
    that listens was lost (the server is unreachable: other sessions' changes are not
    heard, and a save is likely to fail until it is back); "resync": it is back, and
    changes may have been missed meanwhile: read everything again."""

    kind: EventKind
    annotator: str = ""
    article_ids: tuple[str, ...] = ()


class Subscription(Protocol):
    """Delivery of StoreEvents to a callback until closed."""

    def close(self) -> None: ...


class _NoEvents:
    """The subscription of a store no other session can change."""

    def close(self) -> None:
        return None


NO_EVENTS: Subscription = _NoEvents()


@dataclass(frozen=True, slots=True)
class DatabaseContent:
    """Everything a database holds, as plain records: what copy-db moves between engines.

    annotations: Annotation.to_record() of every annotation, orphans too;
    history: Change.to_record() shapes without their ids, oldest first;
    articles: remembered articles, oldest first; positions: (annotator, article_id,
    index) each; ledger: the decisions, oldest first."""

    annotations: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    positions: list[tuple[str, str, int]] = field(default_factory=list)
    ledger: list[dict[str, Any]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.annotations or self.history or self.articles or self.positions or self.ledger
        )


class Unchecked(Enum):
    """Store.save's default `based_on`: no value to compare with."""

    UNCHECKED = "unchecked"


UNCHECKED = Unchecked.UNCHECKED


class Store(Protocol):
    """An annotation database, opened for one annotator (the analyst at the keyboard).

    Every write is durable when it returns, or raises StoreError having changed nothing
    (a StoreWriteError says "not saved: ..." and why). Reads of "this annotator" use
    `annotator` when none is given."""

    annotator: str
    warnings: list[str]
    """Problems repaired or postponed since opening, to show the analyst once."""

    @property
    def read_only(self) -> bool: ...

    @property
    def location(self) -> str:
        """Where the database is, fit to show: a file's path, or a URL without password."""
        ...

    def kept_summaries(self) -> KeptSummaries | None:
        """The summaries kept for this database (store/kept.py), to be served while its
        content is the one they were kept for; None where none are kept for a screen
        (a database in memory, a team server: the summary screen builds its own)."""
        ...

    def own_file_refusal(self, path: Path) -> str | None:
        """Why a report or export must not be written to `path` (it is the database or
        one of its files: writing would replace it), or None."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    # Reading annotations
    def get(
        self, article_id: str, index: int, annotator: str | None = None
    ) -> Annotation | None: ...

    def for_article(
        self, article_id: str, annotator: str | None = None
    ) -> dict[int, Annotation]: ...

    def in_article(self, article_id: str) -> list[Annotation]: ...

    def all(self, annotator: str | None = None) -> list[Annotation]: ...

    def annotators(self) -> list[str]:
        """Everyone with a placed annotation, sorted (the names all() gives), without
        reading their annotations."""
        ...

    def orphans(
        self, annotator: str | None = None, article_id: str | None = None
    ) -> list[Annotation]: ...

    def orphan_count(self) -> int: ...

    def annotated_articles(self) -> dict[str, int]: ...

    def records(
        self, annotator: str | None = None, ordered: bool = True
    ) -> Sequence[Mapping[str, Any]]: ...

    def find(self, wanted: AnnotationFilter) -> list[Annotation]:
        """Every annotation `wanted` matches, placed or orphaned, ordered by key: an
        engine may narrow its query by the filter's fields, but the filter decides."""
        ...

    def tagged_counts(self, annotator: str | None = None) -> dict[str, int]: ...

    def count(self, annotator: str | None = None) -> int: ...

    # Writing annotations
    def save(
        self, annotation: Annotation, based_on: Annotation | Unchecked | None = ...
    ) -> Annotation:
        """`based_on`: the value the change was made from (None: nothing stored), to
        compare with what is stored as it saves: ConcurrentEditError, nothing written,
        when another judgement is stored by then (UNCHECKED: imports, tests)."""
        ...

    def delete(self, article_id: str, index: int) -> Change | None: ...

    def undo(self, within: Container[str] | None = None) -> Change | DecisionChange | None:
        """Undo this session's last step: annotation changes, or a ledger decision.
        `within`: the articles the step may change (those open; None: any), else
        StepElsewhereError, nothing written and the step kept."""
        ...

    def redo(self, within: Container[str] | None = None) -> Change | DecisionChange | None: ...

    def history(self) -> list[Change]: ...

    def history_starts_at(self) -> int:
        """The number of the first change the history holds: 1, unless its file was lost
        and a new history started (the record of the changes before it is gone)."""
        ...

    def verify_history(self) -> None:
        """CorruptDatabaseError unless the history is whole as written (not only each
        record as its own checksum says): asked before it is exported as an audit trail."""
        ...

    def import_annotations(
        self,
        annotations: Iterable[Annotation],
        decisions: Iterable[Mapping[str, Any]] = (),
        reanchoring: Sequence[tuple[ArticlePlan, str, int]] = (),
        segmenter: str = "",
    ) -> ImportReport:
        """All or nothing; `decisions`: ledger decision records, those already held
        skipped; `reanchoring` (as reanchor_articles takes it, with `segmenter`): the
        database's own annotations put onto the current texts first, in the same write."""
        ...

    # Re-anchoring and orphans
    def articles_to_reanchor(self, current: Mapping[str, str], segmenter: str) -> list[str]: ...

    def reanchor(
        self, plan: ArticlePlan, *, title: str, sentences: int, segmenter: str
    ) -> list[Change]: ...

    def reanchor_articles(
        self, plans: Sequence[tuple[ArticlePlan, str, int]], segmenter: str
    ) -> list[list[Change]]: ...

    def reattach(self, orphan: Annotation, placed: Annotation) -> Change: ...

    def delete_orphan(self, orphan: Annotation) -> Change: ...

    # Articles, positions, ledger
    def remember_article(
        self,
        article_id: str,
        title: str,
        sha256: str,
        sentences: int,
        segmenter: str | None = None,
        sync: bool = True,
    ) -> None:
        """`sync=False`: no durable write of its own, a durable write follows at once."""
        ...

    def articles(self) -> list[ArticleInfo]: ...

    def position(self, annotator: str | None = None) -> tuple[str, int] | None: ...

    def set_position(self, article_id: str, index: int) -> None: ...

    def ledger_decisions(self) -> list[dict[str, Any]]: ...

    def save_ledger_decision(self, decision: dict[str, Any]) -> dict[str, Any]:
        """Append a decision record: this session's next undo step."""
        ...

    # Derived readings (never data of record: see readings_file.py, postgres/readings.py)
    def readings(self, fingerprint: str) -> Mapping[str, Any]:
        """Readings recorded under `fingerprint` (key -> JSON value), as core derived
        them from annotated text. A missing or damaged one is recomputed by the caller,
        so damage is skipped and named in `warnings`, never raised. Works on a read-only
        store, and reading writes nothing."""
        ...

    def add_readings(self, fingerprint: str, records: Mapping[str, Any]) -> None:
        """Record readings (keys: strings; values: JSON values, finite numbers) under
        `fingerprint`; only the latest fingerprint's are kept for long. Writers only: a
        read-only store raises StoreWriteError. Not fsynced, and outside any change of
        annotations: a full disk or an I/O error is said once in `warnings` and the
        readings are simply not kept, never raised. TypeError for a value that is not
        JSON (nothing kept)."""
        ...

    # Other sessions, and moving whole databases
    def subscribe(self, callback: Callable[[StoreEvent], None]) -> Subscription:
        """Call `callback` (on another thread) whenever another session changes the
        database, until the subscription is closed."""
        ...

    def content(self) -> DatabaseContent:
        """Everything the database holds (copy-db's source)."""
        ...

    def restore(self, content: DatabaseContent) -> None:
        """Fill an empty database with `content`, all or nothing (copy-db's target);
        StoreWriteError if it holds anything already."""
        ...
