"""The summary screen's memory, this tree against another, alternated in one sitting:
`python -m bench.screen_memory OTHER_TREE [--rounds N] [--keep DIR]`; or this tree's
screen computed against served from the summary kept for it (`--served`, instead of
OTHER_TREE: the keeper's keep_screen run on each served run's copy first).

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


KEEP_SCREEN = (
    "import sys; from bench.workspace import ANNOTATOR; "
    "from workbench.cli.screen_keeper import keep_screen; "
    "sys.exit(0 if keep_screen(sys.argv[1], ANNOTATOR, [sys.argv[2]]) else 1)"
)
"""What the keeper the app starts does for the summary screen (cli/screen_keeper.py)."""


def one_run(tree: Path, space: Workspace, size: int, served: bool = False) -> Run:
    """One screen opened by `tree`'s code on a fresh copy of the `size` database;
    `served`: the screen's summary kept for it first, as the app's keeper keeps it."""
    database = space.scratch_store(size)
    environment = {**os.environ, "XDG_CONFIG_HOME": str(space.root)}
    environment["WORKBENCH_SUMMARY_KEEPER"] = "off"
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    if served:
        subprocess.run(
            [sys.executable, "-c", KEEP_SCREEN, str(database), str(space.corpus_folder)],
            cwd=tree,
            env=environment,
            check=True,
        )
    load = os.getloadavg()[0]
    done = subprocess.run(
        [sys.executable, "-m", "bench.summary_screen", str(database), str(space.corpus_folder)],
        cwd=tree,  # its own modules first on the path: the other tree's code runs there
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    shutil.rmtree(database.parent, ignore_errors=True)
    if served and "served True" not in done.stderr:
        raise RuntimeError("the summary kept for the screen was not served")
    shown, ready, stall, held, peak = done.stdout.split()[-5:]
    return Run(float(shown), float(ready), float(stall), int(held) / MB, int(peak) / MB, load)


def p95(values: Sequence[float]) -> float:
    """Nearest rank, as bench/report.py's Samples.p95."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def summary_line(label: str, runs: Sequence[Run]) -> str:
    """Each figure's median / p95 over `runs`."""

    def both(values: Sequence[float], digits: int) -> str:
        return f"{statistics.median(values):.{digits}f} / {p95(values):.{digits}f}"

    loads = [r.load for r in runs]
    return (
        f"{label}: held {both([r.held for r in runs], 1)} MB (median / p95), peak "
        f"{both([r.peak for r in runs], 1)} MB, tables {both([r.shown for r in runs], 2)} s, "
        f"workers done {both([r.ready for r in runs], 2)} s, longest stall "
        f"{both([r.stall for r in runs], 2)} s, load {min(loads):.1f}-{max(loads):.1f} "
        f"({len(runs)} runs)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parsed = argparse.ArgumentParser(prog="python -m bench.screen_memory")
    parsed.add_argument(
        "other", type=Path, nargs="?", help="the tree to compare with (main's worktree)"
    )
    parsed.add_argument(
        "--served",
        action="store_true",
        help="instead of another tree: this tree's screen computed against served from the "
        "summary kept for it",
    )
    parsed.add_argument("--rounds", type=int, default=3, help="runs of each side")
    parsed.add_argument("--keep", type=Path, help="build the data in this new folder and keep it")
    args = parsed.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="workbench-screen-"))
    root.mkdir(parents=True, exist_ok=True)
    space = Workspace(root, FULL)
    size = FULL.largest
    if not space.adopt_store(size):  # --keep DIR of an earlier run: its database again
        space.store_db(size)
    space.corpus_folder  # noqa: B018 (written once, before the first run)
    if args.served:
        sides = {"computed": (REPOSITORY, False), "served": (REPOSITORY, True)}
    elif args.other is not None:
        sides = {"this tree": (REPOSITORY, False), "other": (args.other.resolve(), False)}
    else:
        parsed.error("give the tree to compare with, or --served")
    runs: dict[str, list[Run]] = {label: [] for label in sides}
    try:
        for number in range(args.rounds):
            order = list(sides.items())
            for label, (tree, served) in order if number % 2 == 0 else order[::-1]:
                run = one_run(tree, space, size, served)
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
    held = [statistics.median(r.held for r in found) for found in runs.values()]
    print(f"held, {' - '.join(runs)}: {held[0] - held[1]:+.1f} MB (medians)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
