"""Tag to durable: one tag key's store write, fsync included, at each database size.

The tag goes through AnnotationSession.toggle, the code path of the app's tag keys
(look-up, remember the article, save with history and fsync). The naive alternative
is TinyDB's default JSONStorage, which rewrites the whole file on every insert.
"""

from __future__ import annotations

import random

from tinydb import TinyDB

from bench.report import Figure, Naive, Samples
from bench.timing import timed, within_budget
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore
from workbench.tui.state import workspace as tui
from workbench.tui.state.session import AnnotationSession

TARGET_P95 = 0.002
NAIVE_BUDGET = 3.0
"""Seconds of naive inserts per size: enough runs at 1,000, a few at 100,000."""


def run(space: Workspace) -> list[Figure]:
    figures = []
    for size in space.scale.sizes:
        figures.append(
            Figure(
                "tag to durable (AnnotationSession.toggle: store write incl. fsync)",
                f"{size:,} annotations",
                session_toggles(space, size),
                limit=TARGET_P95 if size == space.scale.largest else None,
                statistic="p95",
                naive=Naive("TinyDB JSONStorage insert", tinydb_inserts(space, size)),
            )
        )
    return figures


def session_toggles(space: Workspace, size: int) -> Samples:
    """Toggle 'claim' on random sentences of the corpus, one durable write each."""
    rng = random.Random(size)
    corpus = space.corpus
    with AnnotationStore.open(space.scratch_store(size), annotator=ANNOTATOR) as store:
        session = AnnotationSession(tui.Workspace(store, corpus))
        samples: list[float] = []
        for _run in range(space.scale.repeats):
            article = rng.randrange(len(corpus.articles))
            session.go(article, rng.randrange(len(corpus.articles[article].sentences)))
            samples.append(timed(lambda: session.toggle("claim")))
    return Samples(tuple(samples))


def tinydb_inserts(space: Workspace, size: int) -> Samples:
    records = [annotation.to_record() for annotation in space.annotations(min(size, 50))]
    with TinyDB(space.scratch_tinydb(size)) as db:
        db.all()  # load once, as an app would at start
        return within_budget(
            lambda run: db.insert(records[run % len(records)]),
            most=space.scale.repeats,
            budget=NAIVE_BUDGET,
            least=space.scale.naive_repeats,
        )
