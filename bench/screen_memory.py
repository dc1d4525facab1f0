"""The summary screen's memory, this tree against another, alternated in one sitting:
`python -m bench.screen_memory OTHER_TREE [--rounds N] [--keep DIR]`.

The summary screen's held memory moves by a few megabytes from run to run on a shared
machine, as much as one change saves: two figures taken at different hours are not
comparable. This runs bench/summary_screen.py (the app at 100,000 annotations, `S`, the
RSS it adds once shown and at its peak) alternately on this tree's code and on
OTHER_TREE's (a worktree of main: `git worktree add --detach DIR main`), each run on a
fresh copy of the same database, with this tree's Python (its libraries), and prints
per run and per side the median and p95 of what the screen holds, its peak, the
seconds from the key to the tables and to every worker done, the UI thread's longest
stall, and the load average beside each run.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from bench.workspace import FULL, Workspace

REPOSITORY = Path(__file__).resolve().parents[1]
MB = 2**20


class Run(NamedTuple):
    """One screen opened (bench/summary_screen.py's figures, in MB and seconds)."""

    shown: float
    ready: float
    stall: float
    held: float
    peak: float
    load: float
    """The load average at the start."""


def one_run(tree: Path, space: Workspace, size: int) -> Run:
    """One screen opened by `tree`'s code on a fresh copy of the `size` database."""
    database = space.scratch_store(size)
    environment = {**os.environ, "XDG_CONFIG_HOME": str(space.root)}
    environment["WORKBENCH_SUMMARY_KEEPER"] = "off"
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    load = os.getloadavg()[0]
    done = subprocess.run(
        [sys.executable, "-m", "bench.summary_screen", str(database), str(space.corpus_folder)],
        cwd=tree,  # its own modules first on the path: the other tree's code runs there
        env=environment,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    shutil.rmtree(database.parent, ignore_errors=True)
    shown, ready, stall, held, peak = done.stdout.split()[-5:]
    return Run(float(shown), float(ready), float(stall), int(held) / MB, int(peak) / MB, load)


def p95(values: Sequence[float]) -> float:
    """Nearest rank, as bench/report.py's Samples.p95."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def summary_line(label: str, runs: Sequence[Run]) -> str:
    held, peak = [r.held for r in runs], [r.peak for r in runs]
    loads = [r.load for r in runs]
    return (
        f"{label}: held {statistics.median(held):.1f} MB median / {p95(held):.1f} p95, peak "
        f"{statistics.median(peak):.1f} / {p95(peak):.1f} MB, tables "
        f"{statistics.median(r.shown for r in runs):.1f} s median, workers done "
        f"{statistics.median(r.ready for r in runs):.1f} s, longest stall "
        f"{max(r.stall for r in runs):.2f} s, load {min(loads):.1f}-{max(loads):.1f} "
        f"({len(runs)} runs)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parsed = argparse.ArgumentParser(prog="python -m bench.screen_memory")
    parsed.add_argument("other", type=Path, help="the tree to compare with (main's worktree)")
    parsed.add_argument("--rounds", type=int, default=3, help="runs of each side")
    parsed.add_argument("--keep", type=Path, help="build the data in this new folder and keep it")
    args = parsed.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="workbench-screen-"))
    root.mkdir(parents=True, exist_ok=True)
    space = Workspace(root, FULL)
    size = FULL.largest
    space.store_db(size)
    space.corpus_folder  # noqa: B018 (written once, before the first run)
    sides = {"this tree": REPOSITORY, "other": args.other.resolve()}
    runs: dict[str, list[Run]] = {label: [] for label in sides}
    try:
        for number in range(args.rounds):
            order = list(sides.items())
            for label, tree in order if number % 2 == 0 else order[::-1]:
                run = one_run(tree, space, size)
                runs[label].append(run)
                print(
                    f"{time.strftime('%H:%M:%S', time.gmtime())} {label}: held {run.held:.1f} "
                    f"MB, peak {run.peak:.1f} MB, tables {run.shown:.1f} s, workers done "
                    f"{run.ready:.1f} s, longest stall {run.stall:.2f} s, load {run.load:.1f}",
                    flush=True,
                )
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    for label, found in runs.items():
        print(summary_line(label, found))
    held = {label: statistics.median(r.held for r in found) for label, found in runs.items()}
    print(f"held, this tree - other: {held['this tree'] - held['other']:+.1f} MB (medians)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
