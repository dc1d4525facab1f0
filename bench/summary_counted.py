"""`workbench summary PATH` at 100,000 annotations: the articles read (10,000), counted.

The report's article rows give each article's sentences. They were counted by
segmenting every article read (scope.article_rows), only to count them; the database
remembers each article's count with the text's sha256 and the segmenter that counted
it, and that count is taken now for the same text and segmenter. Each run is a process
(start to exit, peak RSS), `--format json -o FILE CORPUS`, one analyst's, alternated
with the naive way in the same sitting (bench/naive_counted.py: every article
segmented, as before). Both outputs must be the same bytes. The load average is noted.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

from bench.report import Figure, Naive, Samples
from bench.summary import child, child_usage, user_environment
from bench.workspace import ANNOTATOR, Workspace

TARGET = 1.0


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    database = space.store_db(size)
    environment = user_environment(space)
    ours, naive = space.scratch_path("counted.json"), space.scratch_path("segmented.json")
    commands = (
        command("workbench", database, ours, space),
        command("bench.naive_counted", database, naive, space),
    )
    for arguments in commands:  # compiles bytecode: not counted
        child(arguments, environment)
    loads = [os.getloadavg()[0]]
    runs: tuple[list[tuple[float, int, float]], ...] = ([], [])
    for _ in range(max(1, space.scale.naive_repeats)):
        for side, arguments in zip(runs, commands, strict=True):
            side.append(child_usage(arguments, environment))
            loads.append(os.getloadavg()[0])
    if ours.read_bytes() != naive.read_bytes():
        raise RuntimeError("the summary counted as remembered differs from the one segmented")
    return [
        Figure(
            "`workbench summary --format json -o FILE CORPUS` (10,000 articles read), start "
            "to exit, peak RSS",
            f"{size:,} annotations, one analyst's",
            samples(runs[0]),
            limit=TARGET,
            naive=Naive(
                "every article segmented to count it (bench/naive_counted.py)", samples(runs[1])
            ),
            note=f"byte-identical; CPU median {cpu(runs[0]):.1f} s against "
            f"{cpu(runs[1]):.1f} s; load {min(loads):.1f}-{max(loads):.1f}",
        )
    ]


def command(module: str, database: Path, output: Path, space: Workspace) -> list[str]:
    return [
        sys.executable, "-m", module, "summary", "--annotator", ANNOTATOR, "--db", str(database),
        "--format", "json", "-o", str(output), str(space.corpus_folder),
    ]  # fmt: skip


def samples(runs: list[tuple[float, int, float]]) -> Samples:
    return Samples(tuple(t for t, _, _ in runs), max(peak for _, peak, _ in runs))


def cpu(runs: list[tuple[float, int, float]]) -> float:
    """The median CPU seconds (user and system) of the runs."""
    return statistics.median(used for _, _, used in runs)
