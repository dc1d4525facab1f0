"""The app starts the summary keeper after a pause in this session's saving
(tui/state/summary_keeping.py)."""

from __future__ import annotations

import threading
from pathlib import Path

from store import AnnotationStore
from tests.fixtures.anchored import STORY, annotate, article
from workbench.core.corpus.articles import Corpus
from workbench.tui.state.summary_keeping import SummaryKeeping
from workbench.tui.state.workspace import Workspace, WorkspaceChange


class Starts:
    def __init__(self) -> None:
        self.count = 0
        self.event = threading.Event()

    def __call__(self) -> None:
        self.count += 1
        self.event.set()


def test_a_pause_after_saves_starts_one_keeper(tmp_path: Path) -> None:
    story = article(STORY)
    starts = Starts()
    with AnnotationStore.open(tmp_path / "db.json", annotator="ana") as store:
        workspace = Workspace(store, Corpus([story], []))
        keeping = SummaryKeeping(workspace, starts, idle=0.3)
        try:
            for index in (1, 2, 3):  # a burst of saves: one pause after the last
                workspace.write(story, lambda index=index: annotate(story, index))
            assert starts.event.wait(10)
            assert starts.count == 1
            starts.event.clear()
            workspace.write(story, lambda: annotate(story, 4))
            assert starts.event.wait(10) and starts.count == 2
        finally:
            keeping.close()


def test_nothing_saved_or_another_sessions_change_starts_none(tmp_path: Path) -> None:
    story = article(STORY)
    starts = Starts()
    with AnnotationStore.open(tmp_path / "db.json", annotator="ana") as store:
        workspace = Workspace(store, Corpus([story], []))
        keeping = SummaryKeeping(workspace, starts, idle=0.05)
        try:
            workspace.announce(WorkspaceChange(everything=True, here=False))
            assert not starts.event.wait(0.5)
        finally:
            keeping.close()


def test_the_end_of_the_app_cancels_the_pause(tmp_path: Path) -> None:
    story = article(STORY)
    starts = Starts()
    with AnnotationStore.open(tmp_path / "db.json", annotator="ana") as store:
        workspace = Workspace(store, Corpus([story], []))
        keeping = SummaryKeeping(workspace, starts, idle=0.3)
        workspace.write(story, lambda: annotate(story, 1))
        keeping.close()  # the command starts the keeper once the store is closed
        assert not starts.event.wait(0.8)


def test_a_read_only_session_starts_none(tmp_path: Path) -> None:
    story = article(STORY)
    path = tmp_path / "db.json"
    with AnnotationStore.open(path, annotator="ana") as store:
        store.save(annotate(story, 1))
    starts = Starts()
    with AnnotationStore.open(path, annotator="ana", read_only=True) as store:
        workspace = Workspace(store, Corpus([story], []))
        keeping = SummaryKeeping(workspace, starts, idle=0.05)
        workspace.announce(WorkspaceChange(everything=True))
        assert not starts.event.wait(0.5)
        keeping.close()
