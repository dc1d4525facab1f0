"""The review table's rows: filtering, fuzzy search and sorting, without widgets.

The review screen can hold 100,000 annotations. Everything here is plain Python over a
list of frozen rows so it can run in a worker thread and be tested without Textual;
the screen only renders the first few hundred rows of the result.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any

from workbench.core.annotation import STATUSES, TAGS, Annotation, AnnotationKey, OrphanKey
from workbench.core.annotation_filter import AnnotationFilter
from workbench.core.corpus.matching import Query, match_chunks, search_key
from workbench.tui.state.review_speakers import ReviewSpeakers

NO_SOURCE = ""
"""Source filter value for annotations without a source (None to AnnotationFilter)."""
TO_CHECK = "to check"
ORPHANED = "orphaned"
ARTICLE_NOT_OPENED = "article not opened"
"""An annotation whose article is not among those the app opened: most often another
story's, kept in the same database, the analyst having opened another folder. The
review's filter and the summary's Anchoring tab said "article missing", which read as
if a file were lost (polish20); the report (docs/summary.md) keeps its heading."""
MOVED = "moved"
ANCHORING_FILTERS: tuple[str, ...] = (TO_CHECK, ORPHANED, ARTICLE_NOT_OPENED, MOVED)
"""Anchoring filter values (docs/decisions/reanchoring.md): moved onto a similar sentence
and not yet confirmed; on no sentence of their article's current text; of an article
that is not in the corpus (a renamed file); moved with their sentence (or kept in place
as the article changed around them) and not yet confirmed with `y`: the "N moved" an
edited article's notice counts as still to look at (qa15 Q14)."""
RowKey = AnnotationKey | OrphanKey
"""A placed annotation's key, or an orphan's identity (orphans share no sentence key)."""
COLUMNS: tuple[str, ...] = (
    "article",
    "sentence",
    "tags",
    "source",
    "status",
    "note",
    "text",
    "annotator",
)
SEARCH_CUTOFF = 85.0
"""The least similarity (rapidfuzz partial_ratio) at which a query word counts as found
with a typo, above the allowance of its length: the review lists every match, unranked,
so near misses that the sentence search would rank low would crowd its table (a typo is
then allowed from seven letters)."""
CHUNK = 5_000
"""Rows searched or sorted in one call into C: such a call holds the interpreter lock,
so the UI thread waits for it; at this size it is a few milliseconds. Cancellation (a
newer keystroke) is checked between chunks."""


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One annotation and what the table needs to sort, search and show it."""

    annotation: Annotation
    article_order: int
    """Position of the article in the corpus; articles outside the corpus sort last."""
    article_label: str
    haystack: str
    """Text, source and note, normalised once for searching."""
    article_not_opened: bool = False
    """The article is not among those the app opened (ARTICLE_NOT_OPENED)."""

    @property
    def key(self) -> RowKey:
        return row_key(self.annotation)

    def with_annotation(self, annotation: Annotation) -> ReviewRow:
        return replace(self, annotation=annotation, haystack=haystack_of(annotation))


def row_key(annotation: Annotation) -> RowKey:
    return annotation.orphan_key if annotation.is_orphan else annotation.key


def haystack_of(annotation: Annotation) -> str:
    return search_key(" ".join((annotation.quote, annotation.source or "", annotation.note)))


def make_rows(
    annotations: Iterable[Annotation],
    article_order: Mapping[str, int],
    article_labels: Mapping[str, str],
) -> list[ReviewRow]:
    """Rows for annotations; articles missing from the maps are labelled by their id."""
    outside = len(article_order)
    return [
        ReviewRow(
            annotation,
            article_order.get(annotation.article_id, outside),
            article_labels.get(annotation.article_id, annotation.article_id),
            haystack_of(annotation),
            bool(article_order) and annotation.article_id not in article_order,
        )
        for annotation in annotations
    ]


@dataclass(frozen=True, slots=True)
class ReviewQuery:
    """What the analyst asked to see: filters (None = any), search text and sort order."""

    tag: str | None = None
    status: str | None = None
    article_id: str | None = None
    source: str | None = None
    annotator: str | None = None
    anchoring: str | None = None
    text: str = ""
    sort: str = "article"
    descending: bool = False
    speakers: ReviewSpeakers | None = field(default=None, compare=False, repr=False)
    """Who each row's source is, from `with_speakers`: the source filter keeps the rows
    the summary counts under the speaker it names. Without it, the source as typed."""

    def __post_init__(self) -> None:
        if self.sort not in COLUMNS:
            raise ValueError(f"unknown column: {self.sort!r}")

    def changed(self, **values: Any) -> ReviewQuery:
        return replace(self, **values)

    def sorted_by(self, column: str) -> ReviewQuery:
        """Sort by `column`; asking for the current column again reverses the order."""
        if column == self.sort:
            return replace(self, descending=not self.descending)
        return replace(self, sort=column, descending=False)

    def with_speakers(self, speakers: ReviewSpeakers | None) -> ReviewQuery:
        """The query naming each row's speaker with `speakers` (the screen's latest)."""
        return replace(self, speakers=speakers)

    @property
    def by_speaker(self) -> bool:
        """The source filter names a speaker (not "no source"), read with `speakers`."""
        return self.speakers is not None and self.source not in (None, NO_SOURCE)

    def filters(self) -> list[tuple[str, str]]:
        """The active filters as (name, value) pairs, for showing them."""
        active = [
            ("tag", self.tag),
            ("status", self.status),
            ("article", self.article_id),
            ("source", self.source),
            ("annotator", self.annotator),
            ("anchoring", self.anchoring),
        ]
        return [
            (name, value if value != NO_SOURCE else "(none)")
            for name, value in active
            if value is not None
        ]

    def annotation_filter(self) -> AnnotationFilter:
        """The filters but `anchoring: article not opened` (a fact of the corpus, not of
        the annotation: see `kept`), as the one annotation filter."""
        return AnnotationFilter.of(
            article_ids=optional(self.article_id),
            tags=optional(self.tag),
            statuses=optional(self.status),
            annotators=optional(self.annotator),
            sources=self._typed()[0] if self.by_speaker else optional(self.source),
            anchor_states=optional(ANCHOR_STATE_OF.get(self.anchoring or "")),
        )

    def kept(self, rows: Sequence[ReviewRow]) -> list[ReviewRow]:
        """The rows that pass every filter, in their order (the search text is applied
        apart)."""
        if self.anchoring == ARTICLE_NOT_OPENED:
            rows = [row for row in rows if row.article_not_opened]
        kept = self.annotation_filter().select(rows, row_field)
        if self.by_speaker and self.speakers is not None:
            speaker, of = self.source, self.speakers.of
            plain = self._typed()[1]
            kept = [r for r in kept if r.annotation.source in plain or of(r.annotation) == speaker]
        return kept

    def _typed(self) -> tuple[frozenset[str], frozenset[str]]:
        """ReviewSpeakers.typed_as for the source filter's speaker."""
        assert self.speakers is not None and self.source is not None
        return self.speakers.typed_as(self.source)


def row_field(name: str) -> Callable[[ReviewRow], Any]:
    """A row's annotation field, for AnnotationFilter.select."""
    return attrgetter(f"annotation.{name}")


ANCHOR_STATE_OF = {TO_CHECK: "check", ORPHANED: "orphaned", MOVED: "reanchored"}
"""The anchoring filters that are an annotation's anchor_state."""


def optional(value: str | None) -> tuple[str, ...]:
    return () if value is None else (value,)


def _sort_key(column: str, speakers: ReviewSpeakers | None = None) -> Callable[[ReviewRow], Any]:
    """Each column sorts on its own value, then by place in the corpus (stable ties); the
    source column on the speaker the summary counts a row under (`speakers`, as the
    column shows it), then the source as typed: one person's rows together whatever
    spelling or pronoun names them (qa13 Q18)."""

    def place(row: ReviewRow) -> tuple[int, str, int]:
        return (row.article_order, row.annotation.article_id, row.annotation.index)

    def tags(row: ReviewRow) -> tuple[int, ...]:
        return tuple(TAGS.index(tag) for tag in row.annotation.tags) or (len(TAGS),)

    speaker: Callable[[Annotation], str | None] = (
        attrgetter("source") if speakers is None else speakers.of
    )

    values: dict[str, Callable[[ReviewRow], Any]] = {
        "article": place,
        "sentence": lambda row: (row.annotation.index, place(row)),
        "tags": lambda row: (tags(row), place(row)),
        "source": lambda row: (
            not row.annotation.source,
            (speaker(row.annotation) or "").casefold(),
            (row.annotation.source or "").casefold(),
            place(row),
        ),
        "status": lambda row: (STATUSES.index(row.annotation.status), place(row)),
        "note": lambda row: (not row.annotation.note, row.annotation.note.casefold(), place(row)),
        "text": lambda row: (row.annotation.quote.casefold(), place(row)),
        "annotator": lambda row: (row.annotation.annotator, place(row)),
    }
    return values[column]


_haystack = attrgetter("haystack")


def _search(
    rows: Sequence[ReviewRow],
    text: str,
    cancelled: Callable[[], bool],
    speakers: ReviewSpeakers | None = None,
) -> list[ReviewRow] | None:
    """Rows whose text, source or note hold every word of `text`, in any order, each
    exactly or with the typos its length allows: the sentence search's own rules
    (core/corpus/matching.py) at SEARCH_CUTOFF, a CHUNK at a time so that a newer
    keystroke stops it. With `speakers`, a source is also the speaker it names ("She"
    of Shirin Akhter is found by "Akhter", as the source filter keeps it: qa8 Q11 h)."""
    query = Query.parse(text)
    if not query:
        return list(rows)
    found: list[ReviewRow] = []
    keys = list(map(_haystack, rows))
    if speakers is not None and speakers.resolving:
        resolving, searched = speakers.resolving, speakers.searched
        keys = [
            searched(row.annotation, key) if row.annotation.source in resolving else key
            for row, key in zip(rows, keys, strict=True)
        ]
    for matched in match_chunks(query, keys, SEARCH_CUTOFF, chunk=CHUNK):
        if cancelled():
            return None
        found.extend(rows[offset] for offset, _score in matched)
    return found


@dataclass(frozen=True, slots=True)
class ReviewFacets:
    """The values the filter prompts offer, gathered once when the rows are built.

    Scanning 100,000 rows each time a prompt opens would stall the screen; an edit adds
    its values with `including`, and a value nobody uses any more stays offered (it
    just matches nothing) until the screen is opened again. The sources are offered
    by speaker, apart (review_speakers.py: naming them reads article text).
    """

    article_ids: frozenset[str] = frozenset()
    annotators: frozenset[str] = frozenset()

    @classmethod
    def of(cls, annotations: Iterable[Annotation]) -> ReviewFacets:
        notes = list(annotations)
        return cls(
            frozenset(note.article_id for note in notes),
            frozenset(note.annotator for note in notes),
        )

    def including(self, annotation: Annotation) -> ReviewFacets:
        return ReviewFacets(
            self.article_ids | {annotation.article_id},
            self.annotators | {annotation.annotator},
        )


def _sorted(
    rows: Sequence[ReviewRow], key: Callable[[ReviewRow], Any], descending: bool
) -> list[ReviewRow]:
    """sorted(), a CHUNK at a time, then merged: one sort of 100,000 rows in C would
    hold the interpreter lock (and so the UI) for a fifth of a second. Stable, as
    sorted() is: heapq.merge takes equal keys from the earlier chunk first."""
    chunks = [
        sorted(rows[low : low + CHUNK], key=key, reverse=descending)
        for low in range(0, len(rows), CHUNK)
    ]
    if len(chunks) <= 1:
        return chunks[0] if chunks else []
    return list(heapq.merge(*chunks, key=key, reverse=descending))


def select_rows(
    rows: Sequence[ReviewRow],
    query: ReviewQuery,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[ReviewRow] | None:
    """The rows to show for `query`, sorted; None when cancelled part way."""
    kept = query.kept(rows)
    found = _search(kept, query.text, cancelled, query.speakers)
    if found is None or cancelled():
        return None
    return _sorted(found, _sort_key(query.sort, query.speakers), query.descending)
