"""The loading screen never hangs, and `q` quits while a corpus is still loading."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from store import AnnotationStore
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.tui import app as app_module
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.screens.loading import LoadingScreen


async def test_a_fifo_in_the_corpus_is_skipped_and_the_rest_opens(
    tmp_path: Path, store: AnnotationStore
) -> None:
    (tmp_path / "story.txt").write_text("A title\nThe minister said so.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    app = WorkbenchApp(store, paths=[tmp_path / "pipe.txt", tmp_path], keymap={})
    async with app.run_test() as pilot:
        await asyncio.wait_for(app.workers.wait_for_complete(), timeout=10)
        await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen)
        assert app.corpus is not None
        assert [problem.reason for problem in app.corpus.problems] == [
            "a FIFO (named pipe), not an article file",
        ], "named twice, skipped once (polish20)"


async def test_the_files_skipped_are_one_notice_and_a_file_named_twice_opens(
    tmp_path: Path, store: AnnotationStore
) -> None:
    """polish20: four binary files were four warnings alike, stacked on the screen; and
    a file named twice (its folder, and itself) was refused as a duplicate of itself,
    "so neither is opened", and not opened at all."""
    from tests.fixtures.notices import recorded_notices

    (tmp_path / "story.txt").write_text("A title\nThe minister said so.\n", encoding="utf-8")
    for number in range(7):
        (tmp_path / f"binary{number}.txt").write_bytes(b"\x00\x01")
    app = WorkbenchApp(store, paths=[tmp_path, tmp_path / "story.txt"], keymap={})
    notices = recorded_notices(app)
    async with app.run_test() as pilot:
        await asyncio.wait_for(app.workers.wait_for_complete(), timeout=10)
        await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen)
        assert app.corpus is not None and [a.id for a in app.corpus.articles] == ["story"]
        skipped = [n for n in notices if "binary" in n or "skipped" in n]
        assert len(skipped) == 1, skipped
        lines = skipped[0].splitlines()
        assert lines[:5] == [
            f"{tmp_path / f'binary{number}.txt'}: binary file (contains NUL bytes), not a "
            "text article"
            for number in range(5)
        ]
        assert lines[5:] == ["… and 2 more files skipped."]


async def test_q_quits_while_the_corpus_is_loading(
    tmp_path: Path, store: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, stopped = threading.Event(), threading.Event()

    def slow_load(
        paths: object, progress: Callable[[int, int], None] | None = None, **options: object
    ) -> Corpus:
        """A corpus of 10,000 slow files: it reports progress until told to stop."""
        assert progress is not None
        try:
            for done in range(10_000):
                progress(done, 10_000)
                started.set()
                stopped.wait(0.01)
        finally:
            stopped.set()
        return load_corpus()

    monkeypatch.setattr(app_module, "load_corpus", slow_load)
    app = WorkbenchApp(store, paths=[tmp_path], keymap={})
    async with app.run_test() as pilot:
        assert await asyncio.to_thread(started.wait, 10)
        assert isinstance(app.screen, LoadingScreen)
        await pilot.press("q")
        assert app._exit, "q did not quit"  # the app is on its way out
    assert app.return_code == 0
    assert await asyncio.to_thread(stopped.wait, 10), "the loading worker kept reading"
