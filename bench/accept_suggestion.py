"""Suggestions on the annotate screen (issue 13): the keystroke path, and the worker.

Driving the real app with Pilot on the synthetic corpus and the largest database, as
the next-sentence figure does (keys 25 ms apart, press to the first frame after it):
Enter (store the suggestion shown, whole, and move on) against C (claim and move on,
suggestions off: the one-key path before suggestions), and j with suggestions shown
against j with them off (reading a suggestion is a dictionary lookup), the four
interleaved in one app. Before each press the app is let finish its workers, so Enter
always finds the article's suggestions ready. Then what the worker does per article:
suggest() over the synthetic articles (segmented beforehand, as the app has them), and
in the app the time from asking for an article's suggestions to having them on the UI
thread.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

from bench.next_sentence import KEY_GAP, SIZE, FrameClock, shown, wait_for_index
from bench.report import Figure, Naive, Samples
from bench.workspace import ANNOTATOR, Workspace
from store import AnnotationStore
from workbench.config.settings import SuggestionSettings
from workbench.core.corpus.articles import Article
from workbench.tui.app import WorkbenchApp
from workbench.tui.state.suggestions import ArticleSuggestions

TARGET_P95 = 0.016
ARTICLE_TARGET = 0.020
"""Issue 13: at most 20 ms for an article of 50 sentences."""
ON = SuggestionSettings(enabled=True)
OFF = SuggestionSettings(enabled=False)


class TimedSuggestions(ArticleSuggestions):
    """ArticleSuggestions that note, per article, the time from asking to having."""

    def __init__(self, settings: SuggestionSettings) -> None:
        super().__init__(settings)
        self.asked: dict[str, float] = {}
        self.round_trips: list[float] = []

    def wanted(self, article: Article) -> bool:
        wanted = super().wanted(article)
        if wanted:
            self.asked[article.id] = time.perf_counter()
        return wanted

    def keep(self, article: Article, suggestions: Any) -> None:
        super().keep(article, suggestions)
        asked = self.asked.pop(article.id, None)
        if asked is not None:
            self.round_trips.append(time.perf_counter() - asked)


def run(space: Workspace) -> list[Figure]:
    size = space.scale.largest
    presses = space.scale.repeats
    where = f"{len(space.corpus.articles):,} articles, {size:,} annotations"
    timed = TimedSuggestions(ON)
    with AnnotationStore.open(space.scratch_store(size), annotator=ANNOTATOR) as store:
        app = WorkbenchApp(store, corpus=space.corpus, keymap={})
        taken = asyncio.run(press_keys(app, presses, timed))
        accepted = sum(1 for a in store.all() if a.suggestion_outcome == "accepted")
    articles = space.corpus.articles[: max(presses, 3)]
    compute = [computed(article) for article in articles]
    sentences = statistics.median(len(article.sentences) for article in articles)
    return [
        Figure(
            "accept key (Enter: suggestion stored, next sentence) to screen updated (Pilot)",
            where,
            taken["enter"],
            statistic="p95",
            naive=Naive("C (claim + next), suggestions off", taken["C"]),
            note=f"{accepted} accepted as is after {presses} presses",
        ),
        Figure(
            "next-sentence key with suggestions shown (Pilot, j)",
            where,
            taken["j on"],
            limit=TARGET_P95,
            statistic="p95",
            naive=Naive("j, suggestions off", taken["j off"]),
        ),
        Figure(
            "suggestions for one article, in the worker (suggest())",
            f"{len(articles)} synthetic articles, median {sentences:.0f} sentences",
            Samples(tuple(compute)),
            limit=ARTICLE_TARGET,
            statistic="p95",
        ),
        Figure(
            "suggestions asked for to on the UI thread (app, worker round trip)",
            f"{len(timed.round_trips)} articles reached",
            Samples(tuple(timed.round_trips) or (0.0,)),
        ),
    ]


def computed(article: Article) -> float:
    suggestions = ArticleSuggestions(ON)
    start = time.perf_counter()
    suggestions.compute(article)
    return time.perf_counter() - start


PRESSES = (("enter", "enter", True), ("C", "C", False), ("j on", "j", True), ("j off", "j", False))
"""(name, key, suggestions on): interleaved in one app, so that load and warm-up fall
on both sides alike."""


async def press_keys(app: WorkbenchApp, presses: int, on: ArticleSuggestions) -> dict[str, Samples]:
    """Each of PRESSES in turn, `presses` times each: the time to the next frame. Before
    each, the suggestions are switched (on, or off) and the screen redrawn and settled."""
    clock = FrameClock(app)
    off = ArticleSuggestions(OFF)
    samples: dict[str, list[float]] = {name: [] for name, _key, _on in PRESSES}
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(app, pilot)
        session = app.session
        assert session is not None
        for _ in range(presses):
            for name, key, suggested in PRESSES:
                session.suggestions = on if suggested else off
                app.screen.refresh_view()  # type: ignore[attr-defined]
                await app.workers.wait_for_complete()
                await pilot.pause()
                await asyncio.sleep(KEY_GAP)
                start = time.perf_counter()
                await pilot.press(key)
                samples[name].append(await clock.frame_after(start) - start)
                shown(app)
    return {name: Samples(tuple(found)) for name, found in samples.items()}
