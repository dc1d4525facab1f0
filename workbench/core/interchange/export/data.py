"""What every export format is made from: annotations, the articles they refer to, history.

The store is not imported here (core stays pure): history entries are anything shaped
like the store's `Change`, and article details come in as a catalogue of ArticleInfo.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from workbench.core.annotation import Annotation, AnnotationKey
from workbench.core.corpus.article_info import ArticleInfo

ArticleCatalogue = Mapping[str, ArticleInfo]
"""article id -> what is known about it (title, sha256, sentences: each may be None)."""


class ChangeLike(Protocol):
    """The shape of store.Change, as far as an export needs it."""

    @property
    def key(self) -> AnnotationKey: ...
    @property
    def before(self) -> Annotation | None: ...
    @property
    def after(self) -> Annotation | None: ...
    @property
    def at(self) -> str: ...
    @property
    def annotator(self) -> str: ...
    @property
    def action(self) -> str: ...


Item = TypeVar("Item")
Record = Mapping[str, Any]
"""A stored annotation record: Annotation.to_record()'s keys and values."""


@dataclass(frozen=True, slots=True)
class ExportData(Generic[Item]):
    """Everything one export contains, already filtered and ordered: the annotations
    are Annotations, or stored records for the formats that write records (json,
    jsonl)."""

    annotations: Sequence[Item]
    articles: Sequence[Mapping[str, Any]]
    exported_at: str
    history: Sequence[Mapping[str, Any]] | None = None
    decisions: Sequence[Mapping[str, Any]] = ()
    """Ledger decision records as stored (written only when there are some)."""


def articles_anchored(
    anchors: Iterable[tuple[str, str]], catalogue: ArticleCatalogue | None = None
) -> list[dict[str, Any]]:
    """One record per article, sorted by id, from (article_id, article_sha256) pairs of
    its annotations: the title and current sha256 come from the catalogue when it knows
    the article; otherwise the sha256 is the first pair's and the title is null."""
    catalogue = catalogue or {}
    anchored: dict[str, str] = {}
    for article_id, anchored_sha256 in anchors:
        anchored.setdefault(article_id, anchored_sha256)
    records: list[dict[str, Any]] = []
    for article_id in sorted(anchored):
        known = catalogue.get(article_id) or ArticleInfo(article_id)
        record: dict[str, Any] = {
            "id": article_id,
            "title": known.title,
            "sha256": anchored[article_id] if known.sha256 is None else known.sha256,
        }
        if known.sentences is not None:
            record["sentences"] = known.sentences
        records.append(record)
    return records


def change_record(change: ChangeLike) -> dict[str, Any]:
    """One history entry as exported (annotations in their to_record() shape)."""
    annotator, article_id, index = change.key
    return {
        "key": [annotator, article_id, index],
        "before": None if change.before is None else change.before.to_record(),
        "after": None if change.after is None else change.after.to_record(),
        "at": change.at,
        "annotator": change.annotator,
        "action": change.action,
    }


def history_of_keys(
    changes: Iterable[ChangeLike], keys: set[AnnotationKey] | None
) -> list[dict[str, Any]]:
    """History entries, oldest first; with `keys`, only those about these annotations
    (an entry's key is the annotation's before the change: a re-anchoring's is the
    sentence it left, so the key it moved to counts too)."""
    if keys is None:
        return [change_record(change) for change in changes]
    return [
        change_record(change)
        for change in changes
        if tuple(change.key) in keys or (change.after is not None and change.after.key in keys)
    ]
