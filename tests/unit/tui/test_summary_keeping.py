"""The app starts the summary keeper after a pause in this session's saving
(tui/state/summary_keeping.py)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import STORY, annotate, article
from workbench.core.corpus.articles import Article, Corpus
from workbench.tui.state.summary_keeping import SummaryKeeping
from workbench.tui.state.workspace import Workspace, WorkspaceChange

STORY_ARTICLE = article(STORY)


class Starts:
    """A keeper's start, counted."""

    def __init__(self) -> None:
        self.count = 0
        self.event = threading.Event()

    def __call__(self) -> None:
        self.count += 1
        self.event.set()


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with AnnotationStore.open(tmp_path / "db.json", annotator="ana") as store:
        yield Workspace(store, Corpus([STORY_ARTICLE], []))


def save(workspace: Workspace, index: int, story: Article = STORY_ARTICLE) -> None:
    workspace.write(story, lambda: annotate(story, index))


def test_a_pause_after_saves_starts_one_keeper(workspace: Workspace) -> None:
    starts = Starts()
    keeping = SummaryKeeping(workspace, starts, idle=0.3)
    try:
        for index in (1, 2, 3):  # a burst of saves: one pause after the last
            save(workspace, index)
        assert starts.event.wait(10)
        assert starts.count == 1
        starts.event.clear()
        save(workspace, 4)
        assert starts.event.wait(10) and starts.count == 2
    finally:
        keeping.close()


def test_another_sessions_change_starts_none(workspace: Workspace) -> None:
    starts = Starts()
    keeping = SummaryKeeping(workspace, starts, idle=0.05)
    try:
        workspace.announce(WorkspaceChange(everything=True, here=False))
        assert not starts.event.wait(0.5)
    finally:
        keeping.close()


def test_the_end_of_the_app_cancels_the_pause(workspace: Workspace) -> None:
    starts = Starts()
    keeping = SummaryKeeping(workspace, starts, idle=0.3)
    save(workspace, 1)
    keeping.close()  # the command starts the keeper once the store is closed
    assert not starts.event.wait(0.8)


def test_a_read_only_session_starts_none(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with AnnotationStore.open(path, annotator="ana") as store:
        store.save(annotate(STORY_ARTICLE, 1))
    starts = Starts()
    with AnnotationStore.open(path, annotator="ana", read_only=True) as store:
        workspace = Workspace(store, Corpus([STORY_ARTICLE], []))
        keeping = SummaryKeeping(workspace, starts, idle=0.05)
        workspace.announce(WorkspaceChange(everything=True))
        assert not starts.event.wait(0.5)
        keeping.close()
