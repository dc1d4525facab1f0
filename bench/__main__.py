"""`python -m bench` (`make bench`): build the synthetic data, run every figure, print the table.

    python -m bench [--quick] [--only NAME ...] [--output FILE] [--keep]

The table goes to standard output (and to FILE with --output); progress to standard
error. docs/PERFORMANCE.md holds the latest table and what it means.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.harness import FIGURES, run_figures, say
from bench.report import Machine, markdown
from bench.workspace import FULL, QUICK, Workspace


def parser() -> argparse.ArgumentParser:
    parsed = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parsed.add_argument(
        "--quick", action="store_true", help="same sizes, fewer runs (about a third of the time)"
    )
    parsed.add_argument(
        "--only", nargs="+", choices=list(FIGURES), metavar="NAME",
        help=f"run only these figures: {', '.join(FIGURES)}",
    )  # fmt: skip
    parsed.add_argument("--output", type=Path, metavar="FILE", help="also write the report here")
    parsed.add_argument(
        "--keep", action="store_true", help="keep the synthetic data folder (printed)"
    )
    return parsed


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # Writers run here (the app quitting, import) start no summary keeper computing behind
    # the next figure; the keeper's own row runs it (bench/summary.py kept_figures).
    os.environ["WORKBENCH_SUMMARY_KEEPER"] = "off"
    scale = QUICK if args.quick else FULL
    start = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="workbench-bench-"))
    try:
        say(f"synthetic data in {root}")
        figures = run_figures(Workspace(root, scale), args.only)
    finally:
        if args.keep:
            say(f"kept {root}")
        else:
            remove(root)
    report = markdown(
        figures, Machine.current(), time.perf_counter() - start, "quick" if args.quick else "full"
    )
    print(report)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    return 0


def remove(root: Path) -> None:
    import shutil

    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
