"""Suggestions on the annotate screen (issue 13): the keystroke path, and the worker.

Driving the real app with Pilot on the synthetic corpus and the largest database, as
the next-sentence figure does (keys 25 ms apart, press to the first frame after it):
Enter (store the suggestion shown, whole, and move on) against C (claim and move on,
suggestions off: the one-key path before suggestions), and j with suggestions shown
against j with them off (reading a suggestion is a dictionary lookup). Before each
press the app is let finish its workers, so Enter always finds the article's
suggestions ready. Then what the worker does per article: suggest() over the
synthetic articles (segmented beforehand, as the app has them), and in the app the
time from asking for an article's suggestions to having them on the UI thread.
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
    with AnnotationStore.open(space.scratch_store(size), annotator=ANNOTATOR) as store:
        app = WorkbenchApp(store, corpus=space.corpus, keymap={})
        timed = TimedSuggestions(ON)
        on = asyncio.run(press_keys(app, ("enter", "j"), presses, timed))
        accepted = sum(1 for a in store.all() if a.suggestion_outcome == "accepted")
    with AnnotationStore.open(space.scratch_store(size), annotator=ANNOTATOR) as store:
        app = WorkbenchApp(store, corpus=space.corpus, keymap={})
        off = asyncio.run(press_keys(app, ("C", "j"), presses, ArticleSuggestions(OFF)))
    articles = space.corpus.articles[: max(presses, 3)]
    compute = [computed(article) for article in articles]
    sentences = statistics.median(len(article.sentences) for article in articles)
    return [
        Figure(
            "accept key (Enter: suggestion stored, next sentence) to screen updated (Pilot)",
            where,
            on["enter"],
            statistic="p95",
            naive=Naive("C (claim + next), suggestions off", off["C"]),
            note=f"{accepted} accepted as is after {presses} presses",
        ),
        Figure(
            "next-sentence key with suggestions shown (Pilot, j)",
            where,
            on["j"],
            limit=TARGET_P95,
            statistic="p95",
            naive=Naive("j, suggestions off", off["j"]),
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


async def press_keys(
    app: WorkbenchApp, keys: tuple[str, ...], presses: int, suggestions: ArticleSuggestions
) -> dict[str, Samples]:
    """Press each of `keys` in turn, `presses` times each; the time to the next frame."""
    clock = FrameClock(app)
    samples: dict[str, list[float]] = {key: [] for key in keys}
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_index(app, pilot)
        assert app.session is not None
        app.session.suggestions = suggestions
        app.screen.refresh_view()  # type: ignore[attr-defined]
        for _ in range(presses):
            for key in keys:
                await app.workers.wait_for_complete()
                await asyncio.sleep(KEY_GAP)
                start = time.perf_counter()
                await pilot.press(key)
                samples[key].append(await clock.frame_after(start) - start)
                shown(app)
    return {key: Samples(tuple(found)) for key, found in samples.items()}
