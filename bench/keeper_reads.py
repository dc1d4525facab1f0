"""The keeper's summaries made one after another in one process, each quote read once.

A keeper (cli/summary_keeper.py) makes the writer's summary, every analyst's, then each
other analyst's, by the command's code (cli/summary.py `summarised`), in one process.
Measured here in this process, on the largest database (no readings kept: as after an
upgrade, or a database no writer kept them for): that round of three summaries with
the QuoteReadings the keeper hands to each (each quote's reading and the possible
conflicts' reader's made once), against the same round with each summary reading every quote
again, as before perf16 (the naive way). Each JSON must be byte for byte the one made
alone. Peak: the allocations the round adds (tracemalloc, a run of its own).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from bench.report import Figure, Naive, Samples
from bench.summary import BUDGET, traced_peak
from bench.synthetic import ANNOTATORS
from bench.timing import within_budget
from bench.workspace import ANNOTATOR, Workspace
from workbench.cli import summary as summary_command
from workbench.cli.summary_request import asked
from workbench.config.locations import SETTINGS_ENV
from workbench.core.analysis.summary.model import Summary

WHOSE = (ANNOTATOR, "all", ANNOTATORS[1][0])
"""The keeper's order: the writer's, every analyst's, the other analyst's."""


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    database = space.store_db(size)
    alone = made(database, once=False)
    once = made(database, once=True)
    if once != alone:
        raise RuntimeError("a summary made after others differs from the one made alone")

    def timed(once: bool) -> Samples:
        samples = within_budget(lambda _run: made(database, once), space.scale.slow_repeats, BUDGET)
        return Samples(samples.seconds, traced_peak(lambda: made(database, once)))

    return [
        Figure(
            "keeper's round in one process (the writer's, every analyst's, the other's "
            "summary), each quote read once (QuoteReadings), peak: allocations it adds",
            f"{size:,} annotations, no readings kept",
            timed(True),
            naive=Naive("every summary reading every quote again (as before)", timed(False)),
            note="byte-identical",
        )
    ]


def made(database: Path, once: bool) -> list[bytes]:
    """The JSON of each of WHOSE's summaries, made in turn by `summarised` (`once`: with
    one QuoteReadings for the round, as the keeper's process reads quotes)."""
    quotes = summary_command.QuoteReadings() if once else None
    settings = os.environ.get(SETTINGS_ENV)
    os.environ[SETTINGS_ENV] = str(database.with_name("no-settings.toml"))  # the defaults
    try:
        documents = []
        for whose in WHOSE:
            request = asked(
                argparse.Namespace(
                    db=str(database), annotator=whose, paths=[], claim_threshold=None,
                    denial_threshold=None,
                )
            )  # fmt: skip
            if isinstance(request, int):
                raise RuntimeError(f"the summary of {whose} was refused ({request})")
            summary = summary_command.summarised(request, quotes)
            if not isinstance(summary, Summary):
                raise RuntimeError(f"the summary of {whose} failed ({summary})")
            documents.append(summary.to_json_bytes())
        return documents
    finally:
        if settings is None:
            del os.environ[SETTINGS_ENV]
        else:
            os.environ[SETTINGS_ENV] = settings
