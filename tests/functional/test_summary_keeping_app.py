"""The app starts the summary keeper following its session at the first save, and never
waits for it: quitting while it computes is immediate."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from store import AnnotationStore
from workbench.cli.summary_keeper import KEEPER_ENV, start_keeper
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import StartAt, WorkbenchApp
from workbench.tui.state import summary_keeping


async def test_quitting_does_not_wait_for_the_keeper(
    tmp_path: Path, bundled: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEEPER_ENV)
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "tester")
    monkeypatch.setattr(summary_keeping, "START_SECONDS", 0.2)
    path = tmp_path / "annotations.json"
    keepers: list[subprocess.Popen[bytes]] = []

    def keep() -> subprocess.Popen[bytes]:
        keeper = start_keeper(path, "tester", follow=os.getpid())
        assert keeper is not None
        keepers.append(keeper)
        return keeper

    start = StartAt(article_id=bundled.articles[0].id, sentence=3)
    with AnnotationStore.open(path, annotator="tester") as store:
        app = WorkbenchApp(store, corpus=bundled, start=start, keymap={}, keep_summary=keep)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")  # a save: the keeper following the session starts
            deadline = time.monotonic() + 10
            while not keepers and time.monotonic() < deadline:
                await pilot.pause(0.05)
            assert keepers, "the first save starts the keeper"
            await pilot.press("q")
            quitting = time.monotonic()
        ended = time.monotonic()
    try:
        assert keepers[0].poll() is None, "the keeper still computes: the app did not wait"
        assert ended - quitting < 5
    finally:
        # it follows this process (the app's), which goes on: ended here
        keepers[0].terminate()
        keepers[0].wait(timeout=60)
