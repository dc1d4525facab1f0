"""The summary screen's memory in the app: `python -m bench.summary_screen DB CORPUS`.

The app runs headless (Pilot, 120×40) on the corpus folder and the database, as
`workbench --db DB CORPUS` would, and is left to settle (the search index built in the
background at start) before `S` opens the summary screen. Printed, in this order: the
seconds from the key to the summary's tables filled (what the analyst waits for); the
seconds until every worker is done (the tables shown, then the LiveLedger a claim or
denial tag is patched with, built after them: until session 14 the only figure, printed
as "S to tables filled"); the longest the UI thread went without running a timer due
every TICK seconds between the key and then (how long a key would wait for an answer);
the resident memory the open screen adds, and the peak it adds while it is built (VmHWM,
reset just before the key), in bytes. A process of its own, started from
bench/peak_rss.py's small parent, so that nothing of the bench's own memory is counted.
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
TICK = 0.02
"""Seconds between the UI thread's timer ticks, and between looks at the screen."""


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


def shown(app: WorkbenchApp) -> bool:
    """Whether the summary screen shows a summary (its tables filled)."""
    return isinstance(app.screen, SummaryScreen) and app.screen.view is not None


class Screen:
    """What one open of the summary screen measured."""

    def __init__(self) -> None:
        self.shown = self.ready = self.stall = 0.0
        self.held = self.peak = 0
        self.served = False


async def open_summary(app: WorkbenchApp) -> Screen:
    found = Screen()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(app, pilot)
        await pilot.pause(SETTLE)
        before, _ = memory()
        reset_peak()
        last = start = time.perf_counter()

        def tick() -> None:
            nonlocal last
            now = time.perf_counter()
            found.stall = max(found.stall, now - last)
            last = now

        ticker = app.set_interval(TICK, tick)
        await pilot.press("S")
        while not shown(app) and any(not worker.is_finished for worker in app.workers):
            await pilot.pause(TICK)
        if not shown(app):
            raise RuntimeError("the summary screen did not show a summary")
        found.shown = time.perf_counter() - start
        found.served = getattr(app.screen, "served", False)
        await app.workers.wait_for_complete()
        await pilot.pause()
        found.ready = time.perf_counter() - start
        ticker.stop()
        await pilot.pause(SETTLE)
        after, peak = memory()
    found.held, found.peak = after - before, peak - before
    return found


def main(database: str, corpus: str) -> int:
    with AnnotationStore.open(Path(database), annotator=ANNOTATOR) as store:
        app = WorkbenchApp(store, corpus=load_corpus([corpus]), keymap={})
        found = asyncio.run(open_summary(app))
    # shown from the kept summary (summary_served.py): said apart from the five figures
    print(f"served {found.served}", file=sys.stderr)
    print(f"{found.shown} {found.ready} {found.stall} {found.held} {found.peak}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
