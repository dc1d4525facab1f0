"""`workbench summary` right after the app ends, its last pause having let the keeper keep
its content: served now, computed before (the end's fold moved the content token).

On two copies of the largest database holding its readings (as writers leave them), one
app session each, as cli/annotate.py runs one: a writer open, a tag saved, the keeper
run to its end as the app starts it after a pause in saving (a process, start to exit),
a cursor move, then the store closed at the app's end: one copy leaving its short
journal as it is (AnnotationStore.leave_short_journal, the app now), the other folding
it (the app before). Then the writer's summary, `-o FILE`, each run a process, the two
copies by turns (the same load): served from FILE.kept on the first, computed on the
second (in the app the keeper started at its end would compute beside it; it is not run
here). Every output is checked byte for byte against the first computed one. The load
average is noted beside each figure.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
import time
from pathlib import Path

from bench.kept_served import by_turns
from bench.report import Figure, Naive, Samples
from bench.summary import child, readings_store, user_environment
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore
from workbench.config.locations import DB_ENV

TARGET = 1.0


@dataclasses.dataclass
class Session:
    """One copy's session: the keeper's run, the close, the copy."""

    database: Path
    keeper: tuple[float, int]
    close: float


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    first, _count = readings_store(space, size)
    second = space.scratch_path(first.name)
    second.parent.rmdir()
    shutil.copytree(first.parent, second.parent)
    environment = user_environment(space)
    loads = [os.getloadavg()[0]]
    left = session(first, True, environment)
    folded = session(second, False, environment)
    loads.append(os.getloadavg()[0])
    figures: list[Figure] = []
    for form in ("json", "md") if space.scale.slow_repeats > 1 else ("json",):
        served, computed, form_loads = by_turns(
            space, (left.database, folded.database), form, environment
        )
        figures.append(
            Figure(
                f"`workbench summary --format {form} -o FILE` right after the app ends, a "
                "tag saved and the keeper run in its last pause; start to exit, peak RSS",
                f"{size:,} annotations, the writer's summary",
                served,
                limit=TARGET,
                naive=Naive("the app's end folding its journal (before tok8): computed", computed),
                note=f"byte-identical; load {min(form_loads):.1f}-{max(form_loads):.1f}",
            )
        )
    figures.append(
        Figure(
            "the app's end: the store closed after a session of one tag (leaving its short "
            "journal; the naive way folds it into a new snapshot)",
            f"{size:,} annotations",
            Samples((left.close,)),
            naive=Naive("folded at close (before tok8)", Samples((folded.close,))),
            note=f"load {min(loads):.1f}-{max(loads):.1f}",
        )
    )
    keepers = (left.keeper, folded.keeper)
    figures.append(
        Figure(
            "summary keeper in the session's pause (the app open), start to exit, peak RSS",
            f"{size:,} annotations",
            Samples(tuple(t for t, _ in keepers), max(peak for _, peak in keepers)),
            note=f"one per copy; load {min(loads):.1f}-{max(loads):.1f}",
        )
    )
    return figures


def session(database: Path, leave: bool, environment: dict[str, str]) -> Session:
    """An app session on `database`: a tag, the keeper in the pause, a move, the end."""
    store = AnnotationStore.open(database, annotator=ANNOTATOR)
    if leave:
        store.leave_short_journal()
    annotation = store.all(ANNOTATOR)[0]
    status = "in_progress" if annotation.status != "in_progress" else "supported"
    store.save(dataclasses.replace(annotation, status=status))
    keeper = [sys.executable, "-P", "-m", "workbench.cli.summary_keeper", "--annotator", ANNOTATOR]
    ran = child(keeper, {**environment, DB_ENV: str(database)})
    store.set_position(annotation.article_id, annotation.index)
    start = time.perf_counter()
    store.close()
    return Session(database, ran, time.perf_counter() - start)
