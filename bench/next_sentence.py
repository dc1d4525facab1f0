"""Next-sentence key to screen updated, driving the real app with Pilot.

The app runs headless on the synthetic corpus and the largest database. A frame is
counted when Textual hands the compositor's update to the display, which also turns
it into terminal output here (the headless driver would skip that part). Keys come
25 ms apart, about a held key's repeat rate, so each press starts from an idle screen
as in real use; the figure is press to the first frame after it.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from textual._compositor import CompositorUpdate

from bench.report import Figure, Samples
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore
from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.sentence_view import SentenceView

TARGET_P95 = 0.016
KEY_GAP = 0.025
SIZE = (120, 40)
INDEX_TIMEOUT = 300.0


class FrameClock:
    """Records when frames reach the display, and lets a caller wait for the next one."""

    def __init__(self, app: WorkbenchApp) -> None:
        self.app = app
        self.last = 0.0
        self.arrived = asyncio.Event()
        self.original = app._display
        app._display = self.display  # type: ignore[method-assign]

    def display(self, screen: Any, renderable: Any) -> None:
        self.original(screen, renderable)
        if renderable is None:
            return
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.app.console)
        self.last = time.perf_counter()
        self.arrived.set()

    async def frame_after(self, moment: float) -> float:
        while self.last < moment:
            self.arrived.clear()
            await asyncio.wait_for(self.arrived.wait(), timeout=5.0)
        return self.last


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    with AnnotationStore.open(space.scratch_store(size), annotator=ANNOTATOR) as store:
        app = WorkbenchApp(store, corpus=space.corpus, keymap={})
        samples = asyncio.run(press_next(app, space.scale.repeats))
    return [
        Figure(
            "next-sentence key to screen updated (Pilot, j)",
            f"{len(space.corpus.articles):,} articles, {size:,} annotations",
            samples,
            limit=TARGET_P95,
            statistic="p95",
        )
    ]


async def press_next(app: WorkbenchApp, presses: int) -> Samples:
    clock = FrameClock(app)
    samples: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(app, pilot)
        for _ in range(presses):
            await asyncio.sleep(KEY_GAP)
            start = time.perf_counter()
            await pilot.press("j")
            samples.append(await clock.frame_after(start) - start)
            shown(app)
    return Samples(tuple(samples))


async def wait_for_index(app: WorkbenchApp, pilot: Any) -> None:
    """Measure an app at rest: the search index is built in the background at start.
    Its word index is built after the search is handed over (search works meanwhile),
    so that is waited for too: else its tens of megabytes and seconds of CPU land in
    whatever is measured next."""
    deadline = time.monotonic() + INDEX_TIMEOUT
    while (
        app.workspace is None or app.workspace.search is None or app.workspace.search.index is None
    ):
        if time.monotonic() > deadline:
            raise TimeoutError("the search index was not built in time")
        await pilot.pause(0.05)


def shown(app: WorkbenchApp) -> None:
    """Fail loudly if the frame did not show the sentence the session moved to."""
    session = app.session
    assert session is not None
    view = app.screen.query_one(SentenceView)
    if view.current != session.place.sentence or view.article is not session.article:
        raise RuntimeError("the sentence view does not show the current sentence")
