"""One analyst's tag on another workbench's screen: two apps on one PostgreSQL database.

Both apps run headless with Pilot in one event loop (as two analysts' terminals would
share a machine's cores), on the synthetic corpus and the largest database. One app
presses `c` on its sentence; the figure is from the key to the first frame of the other
app that shows the new tags: the save, the NOTIFY, the listening thread, the hand-over
to the UI thread, the screen reading again what changed, and the frame. Two screens:
the same analyst's second session on the same sentence (the annotate panel and its
counts), and another analyst's review screen showing everyone's annotations (the rows
of the changed article read again, then the whole list filtered and sorted again).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from bench.next_sentence import FrameClock, wait_for_index
from bench.report import Samples
from bench.workspace import ANNOTATOR
from store import open_store
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import StartAt, WorkbenchApp
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.widgets.annotation_panel import AnnotationPanel

SIZE = (120, 40)
KEY_GAP = 0.05
SHOWN_TIMEOUT = 30.0
REVIEWER = "reviewer"

Shown = Callable[[], object]
"""What the other app shows of the tag (compared before and after the key)."""


class ChangeClock(FrameClock):
    """When the first frame showing something else than before reached the display."""

    def __init__(self, app: WorkbenchApp, shown: Shown) -> None:
        super().__init__(app)
        self.shown = shown
        self.before: object = None
        self.expecting = False
        self.shown_at: float | None = None

    def expect_change(self) -> None:
        self.before = self.shown()
        self.expecting = True
        self.shown_at = None

    def display(self, screen: Any, renderable: Any) -> None:
        super().display(screen, renderable)
        if renderable is not None and self.expecting and self.shown() != self.before:
            self.shown_at = self.last
            self.expecting = False


def panel_tags(app: WorkbenchApp) -> Shown:
    def shown() -> object:
        screen = app.screen
        if not isinstance(screen, AnnotateScreen):
            raise RuntimeError("the other workbench left its annotate screen")
        annotation = screen.query_one(AnnotationPanel).annotation
        return None if annotation is None else annotation.tags

    return shown


def review_tags(app: WorkbenchApp, writer: WorkbenchApp) -> Shown:
    """The tags of the writer's current sentence among the review's shown rows."""

    def shown() -> object:
        screen = app.screen
        session = writer.session
        if not isinstance(screen, ReviewScreen) or session is None:
            raise RuntimeError("the reviewer left the review screen")
        key = (ANNOTATOR, session.article.id, session.place.sentence)
        return next((row.annotation.tags for row in screen.shown if row.key == key), None)

    return shown


def screen_heard(database: str, corpus: Corpus, presses: int, reviewer: bool) -> Samples:
    """Seconds from a tag key in one app to the other app's frame showing it."""
    return asyncio.run(_screen_heard(database, corpus, presses, reviewer))


async def _screen_heard(database: str, corpus: Corpus, presses: int, reviewer: bool) -> Samples:
    other_analyst = REVIEWER if reviewer else ANNOTATOR
    with open_store(database, ANNOTATOR) as mine, open_store(database, other_analyst) as theirs:
        first = StartAt(corpus.articles[0].id, 1)  # the review lists its rows first
        writer = WorkbenchApp(mine, corpus=corpus, keymap={}, start=first)
        reader = WorkbenchApp(theirs, corpus=corpus, keymap={}, start=first)
        clock = ChangeClock(reader, review_tags(reader, writer) if reviewer else panel_tags(reader))
        samples: list[float] = []
        async with writer.run_test(size=SIZE) as pilot, reader.run_test(size=SIZE) as other:
            await wait_for_index(writer, pilot)
            await wait_for_index(reader, other)
            if reviewer:
                await other.press("r", "F")  # everyone's annotations
                await ready(reader, pilot)
            for _ in range(presses):
                await asyncio.sleep(KEY_GAP)
                clock.expect_change()
                start = time.perf_counter()
                await pilot.press("c")
                while clock.shown_at is None:
                    if time.perf_counter() - start > SHOWN_TIMEOUT:
                        raise RuntimeError("the other workbench did not show the tag")
                    await asyncio.sleep(0.0005)
                samples.append(clock.shown_at - start)
    return Samples(tuple(samples))


async def ready(app: WorkbenchApp, pilot: Any) -> None:
    """Until the review shows every annotation (read and filtered)."""
    deadline = time.monotonic() + SHOWN_TIMEOUT * 4
    while True:
        screen = app.screen
        if (
            isinstance(screen, ReviewScreen)
            and screen.loaded
            and screen.shown
            and screen.query_state.annotator is None
            and len(screen.rows) == screen.matched
        ):
            return
        if time.monotonic() > deadline:
            raise TimeoutError("the review did not load in time")
        await pilot.pause(0.05)
