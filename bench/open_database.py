"""Opening a database of the largest size, as the app does at start.

The store reads its snapshot, replays the journal and builds its index; each run opens
a fresh copy so that no run sees another's compaction. The naive alternative is TinyDB
on its default JSONStorage, opened and asked its first query (it reads lazily).
"""

from __future__ import annotations

import time

from tinydb import Query, TinyDB

from bench.report import Figure, Naive, Samples
from bench.timing import timed
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore

TARGET = 1.0


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    return [
        Figure(
            "open a database (AnnotationStore.open)",
            f"{size:,} annotations",
            store_opens(space, size),
            limit=TARGET,
            naive=Naive("TinyDB JSONStorage open + first query", tinydb_opens(space, size)),
        )
    ]


def store_opens(space: Workspace, size: int) -> Samples:
    samples: list[float] = []
    for _run in range(space.scale.slow_repeats):
        path = space.scratch_store(size)
        start = time.perf_counter()
        store = AnnotationStore.open(path, ANNOTATOR)
        samples.append(time.perf_counter() - start)
        store.close()
    return Samples(tuple(samples))


def tinydb_opens(space: Workspace, size: int) -> Samples:
    path = space.tinydb_db(size)
    first = space.annotations(size)[0]

    def open_and_query() -> None:
        with TinyDB(path) as db:
            db.search(Query().article_id == first.article_id)

    return Samples(tuple(timed(open_and_query) for _ in range(space.scale.naive_repeats)))
