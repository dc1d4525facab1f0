"""The summary screen's memory in the app: `python -m bench.summary_screen DB CORPUS`.

The app runs headless (Pilot, 120×40) on the corpus folder and the database, as
`workbench --db DB CORPUS` would, and is left to settle (the search index built in the
background at start) before `S` opens the summary screen. Printed: the seconds from the
key to the summary's tables filled, the resident memory the open screen adds, and the
peak it adds while it is built (VmHWM, reset just before the key), in bytes. A process of
its own, started from bench/peak_rss.py's small parent, so that nothing of the bench's
own memory is counted.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from bench.next_sentence import SIZE, wait_for_index
from bench.workspace import ANNOTATOR
from store import AnnotationStore
from workbench.core.corpus.articles import load_corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.summary import SummaryScreen

SETTLE = 0.5
"""Seconds the app is left idle before and after the summary is shown."""


def memory() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process, in bytes."""
    found: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0]) * 1024
    return found["VmRSS"], found["VmHWM"]


def reset_peak() -> None:
    """Start VmHWM again from the current RSS (Linux: /proc/PID/clear_refs, 5)."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")


async def open_summary(app: WorkbenchApp) -> tuple[float, int, int]:
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(app, pilot)
        await pilot.pause(SETTLE)
        before, _ = memory()
        reset_peak()
        start = time.perf_counter()
        await pilot.press("S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        seconds = time.perf_counter() - start
        screen = app.screen
        if not isinstance(screen, SummaryScreen) or screen.view is None:
            raise RuntimeError("the summary screen did not show a summary")
        await pilot.pause(SETTLE)
        after, peak = memory()
    return seconds, after - before, peak - before


def main(database: str, corpus: str) -> int:
    with AnnotationStore.open(Path(database), annotator=ANNOTATOR) as store:
        app = WorkbenchApp(store, corpus=load_corpus([corpus]), keymap={})
        seconds, held, peak = asyncio.run(open_summary(app))
    print(f"{seconds} {held} {peak}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
