"""Upsert and look-up of one sentence's annotation at the largest database size.

The store answers from an in-memory index; the naive alternative is a TinyDB Query,
which scans every document (and, on the default JSONStorage, reads the whole file).
The upsert is measured on an in-memory store so that the figure is the index and
bookkeeping alone: the fsync it adds on disk is the tag-to-durable figure.
"""

from __future__ import annotations

import random

from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage

from bench.report import Figure, Naive, Samples
from bench.timing import repeated, within_budget
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore
from workbench.core.annotation import Annotation

TARGET_P95 = 0.001
NAIVE_BUDGET = 3.0


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    annotations = space.annotations(size)
    rng = random.Random(3)
    picks = [rng.choice(annotations) for _ in range(space.scale.repeats * 10)]
    return [
        Figure(
            "look-up of one sentence's annotation (AnnotationStore.get)",
            f"{size:,} annotations",
            store_lookups(space, size, picks),
            limit=TARGET_P95,
            statistic="p95",
            naive=Naive("TinyDB Query search, JSONStorage", tinydb_lookups(space, size, picks)),
        ),
        Figure(
            "upsert of one sentence's annotation (AnnotationStore.save, in memory)",
            f"{size:,} annotations",
            store_upserts(annotations, picks),
            limit=TARGET_P95,
            statistic="p95",
            naive=Naive("TinyDB Query upsert, MemoryStorage", tinydb_upserts(annotations, picks)),
        ),
    ]


def store_lookups(space: Workspace, size: int, picks: list[Annotation]) -> Samples:
    with AnnotationStore.open(space.store_db(size), annotator=ANNOTATOR) as store:
        return repeated(
            lambda run: store.get(picks[run].article_id, picks[run].index, picks[run].annotator),
            len(picks),
        )


def store_upserts(annotations: list[Annotation], picks: list[Annotation]) -> Samples:
    with AnnotationStore.open(None, annotator=ANNOTATOR) as store:
        store.import_annotations(annotations)
        mine = [pick for pick in picks if pick.annotator == ANNOTATOR]
        return repeated(lambda run: store.save(mine[run].toggled("denial")), len(mine))


def sentence_query(annotation: Annotation) -> object:
    record = Query()
    return (
        (record.annotator == annotation.annotator)
        & (record.article_id == annotation.article_id)
        & (record.index == annotation.index)
    )


def tinydb_lookups(space: Workspace, size: int, picks: list[Annotation]) -> Samples:
    with TinyDB(space.tinydb_db(size)) as db:
        return within_budget(
            lambda run: db.search(sentence_query(picks[run])),
            most=len(picks),
            budget=NAIVE_BUDGET,
            least=space.scale.naive_repeats,
        )


def tinydb_upserts(annotations: list[Annotation], picks: list[Annotation]) -> Samples:
    with TinyDB(storage=MemoryStorage) as db:
        db.insert_multiple(annotation.to_record() for annotation in annotations)
        return within_budget(
            lambda run: db.upsert(
                picks[run].toggled("denial").to_record(), sentence_query(picks[run])
            ),
            most=len(picks),
            budget=NAIVE_BUDGET,
            least=3,
        )
