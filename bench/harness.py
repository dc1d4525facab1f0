"""Runs the figures in order over one workspace; `python -m bench` and the smoke test call it."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from types import ModuleType

from bench import (
    accents,
    accept_suggestion,
    cold_start,
    export_json,
    import_file,
    keeper_reads,
    kept_after_session,
    kept_follow,
    kept_served,
    kept_team,
    kept_token,
    lookup,
    next_sentence,
    open_database,
    readings,
    reanchor,
    search,
    store_write,
    suggestions,
    summary,
    summary_counted,
    team_store,
)
from bench.report import Figure, table
from bench.workspace import Workspace

FIGURES: dict[str, ModuleType] = {
    "store_write": store_write,
    "lookup": lookup,
    "open_database": open_database,
    "cold_start": cold_start,
    "next_sentence": next_sentence,
    "export_json": export_json,
    "import_file": import_file,
    "summary": summary,
    "summary_counted": summary_counted,
    "readings": readings,
    "kept_token": kept_token,
    "kept_served": kept_served,
    "kept_after_session": kept_after_session,
    "kept_team": kept_team,
    "kept_follow": kept_follow,
    "keeper_reads": keeper_reads,
    "search": search,
    "accents": accents,
    "reanchor": reanchor,
    "suggestions": suggestions,
    "accept_suggestion": accept_suggestion,
    "team_store": team_store,
}
"""Every figure module by name, in report order; each has run(Workspace) -> list[Figure]."""


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_figures(
    space: Workspace, names: Sequence[str] | None = None, progress: Callable[[str], None] = say
) -> list[Figure]:
    """Run the named figures (all by default), reporting each one's rows as it ends."""
    chosen = list(names or FIGURES)
    unknown = [name for name in chosen if name not in FIGURES]
    if unknown:
        raise KeyError(f"unknown figure(s): {', '.join(unknown)}; known: {', '.join(FIGURES)}")
    figures: list[Figure] = []
    for name in chosen:
        start = time.perf_counter()
        measured = FIGURES[name].run(space)
        figures.extend(measured)
        progress(f"{name}: {time.perf_counter() - start:.1f} s")
        for row in table(measured).splitlines()[2:]:
            progress(row)
    return figures
