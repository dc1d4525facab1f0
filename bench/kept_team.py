"""A team's database at 100,000 annotations: every analyst's summary kept and served (tok9).

The largest database, holding its readings (as writers leave them), with the minor
analyst's annotations shared among four names: a team of five (the writer's 80,000,
four others' about 5,000 each). Two copies. On the first the keeper runs as a writer
leaves it, from nothing kept (every other analyst's summary kept, up to
summary_keeper.OTHER_ANALYSTS); on the second the keeper as it was before tok9 (two
other analysts, in their names' order), so the last analyst's summary is computed there.
Each keeper: start to exit, peak RSS, FILE.kept's size. Then that last analyst's summary,
`-o FILE`, each run a process, the copies by turns (the same load): served from the
first, computed on the second (the naive way: what the analyst got before). Every
output is checked byte for byte against the computed one. The load average is noted
beside each figure.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
from pathlib import Path

from bench.kept_served import by_turns
from bench.report import Figure, Naive, Samples
from bench.summary import OTHER, child, readings_added, user_environment
from bench.workspace import ANNOTATOR, Workspace
from workbench.config.locations import DB_ENV

TARGET = 1.0
TEAM = ("carol", "dave", "erin", OTHER)
"""The minor analyst's annotations, shared among these by turns."""
LAST = max(TEAM)
"""The analyst beyond the two others the keeper kept before tok9 (names' order)."""
KEEPER = [sys.executable, "-P", "-m", "workbench.cli.summary_keeper", "--annotator", ANNOTATOR]
KEEPER_BEFORE = [
    sys.executable, "-P", "-c",
    "import os, sys\n"
    "from workbench.cli import summary_keeper as keeper\n"
    "keeper.OTHER_ANALYSTS = 2  # as before tok9\n"
    "os.nice(keeper.NICENESS)\n"
    "sys.exit(keeper.main(sys.argv[1:]))",
    "--annotator", ANNOTATOR,
]  # fmt: skip


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    environment = user_environment(space)
    first = team_database(space, size)
    second = space.scratch_path(first.name)
    second.parent.rmdir()
    shutil.copytree(first.parent, second.parent)
    loads = [os.getloadavg()[0]]
    kept = kept_run(first, KEEPER, environment)
    # the smoke test: the second copy keeps nothing (its summaries computed all the same)
    before = kept_run(second, KEEPER_BEFORE, environment) if space.scale.slow_repeats > 1 else None
    loads.append(os.getloadavg()[0])
    figures = [
        Figure(
            "summary keeper on a team's database (five analysts), from nothing kept: the "
            "writer's, every analyst's and each other analyst's summaries, md and json; "
            "start to exit, peak RSS",
            f"{size:,} annotations",
            Samples((kept[0],), kept[1]),
            naive=None
            if before is None
            else Naive("two other analysts (before tok9)", Samples((before[0],), before[1])),
            note=f"FILE.kept {kept[2] / 2**20:,.0f} MB"
            + ("" if before is None else f" (before: {before[2] / 2**20:,.0f} MB)")
            + f"; one run each; load {min(loads):.1f}-{max(loads):.1f}",
        )
    ]
    for form in ("json", "md") if space.scale.slow_repeats > 1 else ("json",):
        served, computed, form_loads = by_turns(space, (first, second), form, environment, LAST)
        figures.append(
            Figure(
                f"`workbench summary --annotator {LAST} --format {form} -o FILE`, a team's "
                "fifth analyst (computed before tok9); start to exit, peak RSS",
                f"{size:,} annotations, {LAST}'s summary",
                served,
                limit=TARGET,
                naive=Naive("computed (two other analysts kept, before tok9)", computed),
                note=f"byte-identical; load {min(form_loads):.1f}-{max(form_loads):.1f}",
            )
        )
    return figures


def team_database(space: Workspace, size: int) -> Path:
    """The `size` database with the minor analyst's annotations shared among TEAM, its
    readings kept."""
    turn = 0
    annotations = []
    for annotation in space.annotations(size):
        if annotation.annotator == OTHER:
            annotation = dataclasses.replace(annotation, annotator=TEAM[turn % len(TEAM)])
            turn += 1
        annotations.append(annotation)
    path = space.scratch_path("annotations.json")
    space.write_store(path, annotations)
    readings_added(space, path)
    return path


def kept_run(
    database: Path, keeper: list[str], environment: dict[str, str]
) -> tuple[float, int, int]:
    """`keeper` run on `database` from nothing kept: seconds, peak RSS, FILE.kept's bytes."""
    kept_file = database.with_name(database.name + ".kept")
    kept_file.unlink(missing_ok=True)
    seconds, peak = child(keeper, {**environment, DB_ENV: str(database)})
    if not kept_file.exists():
        raise RuntimeError("the keeper kept nothing")
    return seconds, peak, kept_file.stat().st_size
