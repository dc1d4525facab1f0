"""The summary (per article, per source, claim ledger, conflicts) of the largest database.

The figure is what the summary command and screen do: read every annotation from the
open store and build_summary over them. There is no cheaper way to compute the same
ledger, so the naive alternative differs only in where the data comes from: TinyDB's
JSONStorage read and the records turned back into annotations.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tinydb import TinyDB

from bench.report import Figure, Naive, Samples
from bench.timing import within_budget
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore
from workbench.core.analysis.ledger.decisions import decisions_from_records
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.model import Summary
from workbench.core.annotation import Annotation
from workbench.core.corpus.article_info import ArticleInfo

TARGET = 3.0
BUDGET = 20.0
"""Seconds of runs per side: a summary far over its target is run fewer times."""


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    return [
        Figure(
            "summary (AnnotationStore.all + build_summary)",
            f"{size:,} annotations",
            store_summaries(space, size),
            limit=TARGET,
            naive=Naive("TinyDB JSONStorage all() + build_summary", tinydb_summaries(space, size)),
        )
    ]


def summarise(
    annotations: Iterable[Annotation],
    articles: Iterable[ArticleInfo],
    decisions: Sequence[Mapping[str, Any]],
) -> Summary:
    settings = SummarySettings(decisions=decisions_from_records(decisions))
    return build_summary(annotations, articles, settings)


def store_summaries(space: Workspace, size: int) -> Samples:
    with AnnotationStore.open(space.store_db(size), annotator=ANNOTATOR) as store:

        def summary() -> None:
            summarise(store.all(), store.articles(), store.ledger_decisions())

        return within_budget(lambda _run: summary(), space.scale.slow_repeats, BUDGET)


def tinydb_summaries(space: Workspace, size: int) -> Samples:
    path = space.tinydb_db(size)

    def summary() -> None:
        with TinyDB(path) as db:
            records = db.all()
        summarise(map(Annotation.from_record, records), [], [])

    return within_budget(lambda _run: summary(), space.scale.naive_repeats, BUDGET)
