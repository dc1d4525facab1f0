"""`workbench summary` served from FILE.kept at 100,000 annotations: what the command pays
when nothing changed since the keeper ran (store/kept.py, cli/kept_summary.py).

On a copy of the largest database holding its readings (as writers leave it): each
summary computed once (nothing kept yet: the bytes the served ones must equal, and the
time a miss costs), then the keeper run as a writer leaves it (start to exit, peak RSS,
FILE.kept's size), then the writer's summary served, json and md, `-o FILE`, each run a
process, alternated with the naive way in the same sitting (bench/naive_served.py: the
served path before tok7, which imported the whole store, hashed every content file for
the token and read the entry whole before writing it). Every output is checked byte for
byte against the computed one. The load average is noted beside each figure.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bench.report import Figure, Naive, Samples
from bench.summary import child, readings_store, user_environment
from bench.workspace import ANNOTATOR, Workspace
from workbench.config.locations import DB_ENV

FORMS = ("json", "md")
TARGET = 1.0
KEEPER_RUNS = 2
"""Keeper runs (about 50 s each at 100,000 annotations)."""


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    database, _count = readings_store(space, size)
    environment = user_environment(space)
    mine = f"{size:,} annotations, the writer's summary"
    forms = FORMS if space.scale.slow_repeats > 1 else FORMS[:1]  # the smoke test: json
    computed: dict[str, tuple[Path, tuple[float, int]]] = {}
    for form in forms:  # nothing kept yet
        output = space.scratch_path(f"computed.{form}")
        computed[form] = (output, child(command(database, form, output), environment))
    figures = [keeper_figure(space, database, environment)]
    for to_stdout in (False, True) if space.scale.slow_repeats > 1 else (False,):
        for form in forms:
            reference, (seconds, peak) = computed[form]
            served, naive, loads = alternated(
                space, database, form, environment, reference, to_stdout
            )
            where = "> FILE (standard output)" if to_stdout else "-o FILE"
            figures.append(
                Figure(
                    f"`workbench summary --format {form} {where}`, served from FILE.kept, "
                    "start to exit, peak RSS",
                    mine,
                    served,
                    limit=TARGET,
                    naive=Naive("served as before tok7 (bench/naive_served.py)", naive),
                    note=f"byte-identical to computing it ({seconds:.1f} s, "
                    f"{peak / 2**20:,.0f} MB); load {min(loads):.1f}-{max(loads):.1f}",
                )
            )
    return figures


def command(database: Path, form: str, output: Path, annotator: str = ANNOTATOR) -> list[str]:
    return [
        sys.executable, "-m", "workbench", "summary", "--annotator", annotator, "--db",
        str(database), "--format", form, "-o", str(output),
    ]  # fmt: skip


def naive_command(database: Path, form: str, output: Path | str) -> list[str]:
    return [
        sys.executable, "-m", "bench.naive_served", str(database), ANNOTATOR, form, str(output)
    ]  # fmt: skip


def to_file(arguments: list[str], output: Path) -> list[str]:
    """`arguments` run with standard output sent to `output` by the shell (its exec: the
    process timed and measured is the command's own)."""
    return ["/bin/sh", "-c", 'exec "$@" > "$0"', str(output), *arguments]


def keeper_figure(space: Workspace, database: Path, environment: dict[str, str]) -> Figure:
    """The keeper as a writer starts it, from nothing kept, KEEPER_RUNS times."""
    keeper = [sys.executable, "-P", "-m", "workbench.cli.summary_keeper", "--annotator", ANNOTATOR]
    kept_file = database.with_name(database.name + ".kept")
    loads = [os.getloadavg()[0]]
    runs: list[tuple[float, int]] = []
    for _run in range(max(1, min(KEEPER_RUNS, space.scale.naive_repeats))):
        kept_file.unlink(missing_ok=True)
        runs.append(child(keeper, {**environment, DB_ENV: str(database)}))
        loads.append(os.getloadavg()[0])
    if not kept_file.exists():
        raise RuntimeError("the keeper kept nothing")
    return Figure(
        "summary keeper (a writer leaves it running): the writer's, every analyst's and "
        "the other analyst's summaries, md and json; start to exit, peak RSS",
        f"{space.scale.largest:,} annotations",
        Samples(tuple(t for t, _ in runs), max(peak for _, peak in runs)),
        note=f"{kept_file.stat().st_size / 2**20:,.0f} MB kept; load "
        f"{min(loads):.1f}-{max(loads):.1f}",
    )


def alternated(
    space: Workspace,
    database: Path,
    form: str,
    environment: dict[str, str],
    reference: Path,
    to_stdout: bool,
) -> tuple[Samples, Samples, list[float]]:
    """The command serving `form` (`to_stdout`: to standard output) and the naive way,
    run by turns (the same load for both); each output checked against the computed
    `reference`. The naive way refuses
    to run when nothing is kept for the key (bench/naive_served.py), which the command
    derives alike: both were served."""
    served_output = space.scratch_path(f"served.{form}")
    naive_output = space.scratch_path(f"naive.{form}")
    if to_stdout:  # no -o: standard output, a file the shell opened
        served_command = to_file(command(database, form, served_output)[:-2], served_output)
        naive = to_file(naive_command(database, form, "-"), naive_output)
    else:
        served_command = command(database, form, served_output)
        naive = naive_command(database, form, naive_output)
    if space.scale.slow_repeats > 1:
        child(served_command, environment)  # bytecode compiled: not counted
        child(naive, environment)
    served_runs: list[tuple[float, int]] = []
    naive_runs: list[tuple[float, int]] = []
    loads: list[float] = []
    for _run in range(max(1, space.scale.slow_repeats * 3)):
        served_runs.append(child(served_command, environment))
        naive_runs.append(child(naive, environment))
        loads.append(os.getloadavg()[0])
    expected = reference.read_bytes()
    for output in (served_output, naive_output):
        if output.read_bytes() != expected:
            raise RuntimeError(f"the served {form} summary ({output.name}) differs from computing")
    return samples(served_runs), samples(naive_runs), loads


def samples(runs: list[tuple[float, int]]) -> Samples:
    return Samples(tuple(t for t, _ in runs), max(peak for _, peak in runs))


def by_turns(
    space: Workspace,
    databases: tuple[Path, Path],
    form: str,
    environment: dict[str, str],
    annotator: str = ANNOTATOR,
) -> tuple[Samples, Samples, list[float]]:
    """`annotator`'s summary in `form`, `-o FILE`, served from the first database and
    computed on the second by turns (the same load), the second `naive_repeats` times;
    their outputs checked equal. Samples of each and the loads seen."""
    served_output = space.scratch_path(f"served.{form}")
    computed_output = space.scratch_path(f"computed.{form}")
    served, computed = (command(databases[0], form, served_output, annotator),
                        command(databases[1], form, computed_output, annotator))  # fmt: skip
    served_runs: list[tuple[float, int]] = []
    computed_runs: list[tuple[float, int]] = []
    loads: list[float] = []
    for turn in range(max(space.scale.slow_repeats * 3, space.scale.naive_repeats)):
        served_runs.append(child(served, environment))
        if turn < space.scale.naive_repeats:
            computed_runs.append(child(computed, environment))
        loads.append(os.getloadavg()[0])
    if served_output.read_bytes() != computed_output.read_bytes():
        raise RuntimeError(f"the {form} summary served differs from computing it")
    return samples(served_runs), samples(computed_runs), loads
