"""What every export format is made from: annotations, the articles they refer to, history.

The store is not imported here (core stays pure): history entries are anything shaped
like the store's `Change`, and article details come in as a plain catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from workbench.core.annotation import Annotation, AnnotationKey

ArticleCatalogue = Mapping[str, Mapping[str, Any]]
"""article id -> what is known about it ("title", "sha256", "sentences"; all optional)."""


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


@dataclass(frozen=True, slots=True)
class ExportData:
    """Everything one export contains, already filtered and ordered."""

    annotations: Sequence[Annotation]
    articles: Sequence[Mapping[str, Any]]
    exported_at: str
    history: Sequence[Mapping[str, Any]] | None = None


@dataclass(frozen=True, slots=True)
class RecordExportData:
    """ExportData whose annotations are stored records (Annotation.to_record()'s shape):
    what the json and jsonl formats write, without building 100,000 Annotations."""

    annotations: Sequence[Mapping[str, Any]]
    articles: Sequence[Mapping[str, Any]]
    exported_at: str
    history: Sequence[Mapping[str, Any]] | None = None


def article_records(
    annotations: Iterable[Annotation], catalogue: ArticleCatalogue | None = None
) -> list[dict[str, Any]]:
    """One record per article the annotations refer to, sorted by id.

    The title and current sha256 come from the catalogue when it knows the article;
    otherwise the sha256 is the one the first annotation was anchored to and the
    title is null.
    """
    return articles_anchored(
        ((annotation.article_id, annotation.article_sha256) for annotation in annotations),
        catalogue,
    )


def articles_anchored(
    anchors: Iterable[tuple[str, str]], catalogue: ArticleCatalogue | None = None
) -> list[dict[str, Any]]:
    """article_records() from (article_id, article_sha256) pairs, first pair per id wins."""
    catalogue = catalogue or {}
    anchored: dict[str, str] = {}
    for article_id, anchored_sha256 in anchors:
        anchored.setdefault(article_id, anchored_sha256)
    records: list[dict[str, Any]] = []
    for article_id in sorted(anchored):
        known = catalogue.get(article_id, {})
        title = known.get("title")
        sha256 = known.get("sha256")
        record: dict[str, Any] = {
            "id": article_id,
            "title": title if isinstance(title, str) else None,
            "sha256": sha256 if isinstance(sha256, str) else anchored[article_id],
        }
        sentences = known.get("sentences")
        if isinstance(sentences, int) and not isinstance(sentences, bool):
            record["sentences"] = sentences
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


def history_records(
    changes: Iterable[ChangeLike], keep: Iterable[Annotation] | None = None
) -> list[dict[str, Any]]:
    """History entries, oldest first; with `keep`, only those about the kept annotations.

    A filtered export keeps the history of the annotations it contains, so that it
    never leaks what the filters left out.
    """
    return history_of_keys(changes, None if keep is None else {a.key for a in keep})


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
