"""The app starts the summary keeper following its session at the first save, and again
at a save once that one has ended (tui/state/summary_keeping.py)."""

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


class Keeper:
    """A keeper started: running until `ended`."""

    def __init__(self) -> None:
        self.ended = False

    def poll(self) -> int | None:
        return 0 if self.ended else None


class Starts:
    """A keeper's start, counted."""

    def __init__(self) -> None:
        self.count = 0
        self.event = threading.Event()
        self.keepers: list[Keeper] = []

    def __call__(self) -> Keeper:
        self.count += 1
        self.keepers.append(Keeper())
        self.event.set()
        return self.keepers[-1]


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with AnnotationStore.open(tmp_path / "db.json", annotator="ana") as store:
        yield Workspace(store, Corpus([STORY_ARTICLE], []))


def save(workspace: Workspace, index: int, story: Article = STORY_ARTICLE) -> None:
    workspace.write(story, lambda: annotate(story, index))


def test_the_first_save_starts_one_keeper_that_follows_the_session(
    workspace: Workspace,
) -> None:
    starts = Starts()
    keeping = SummaryKeeping(workspace, starts, delay=0.2)
    try:
        for index in (1, 2, 3):  # a burst of saves at the start: one keeper
            save(workspace, index)
        assert starts.event.wait(10)
        assert starts.count == 1
        starts.event.clear()
        save(workspace, 4)  # it runs: it sees the content move itself
        assert not starts.event.wait(0.6) and starts.count == 1
        starts.keepers[0].ended = True  # (a long time without a save, an upgrade)
        save(workspace, 5)
        assert starts.event.wait(10) and starts.count == 2
    finally:
        keeping.close()


def test_a_keeper_that_could_not_start_is_started_at_the_next_save(
    workspace: Workspace,
) -> None:
    calls: list[None] = []
    started = threading.Event()

    def cannot() -> None:
        calls.append(None)
        started.set()

    keeping = SummaryKeeping(workspace, cannot, delay=0.05)
    try:
        save(workspace, 1)
        assert started.wait(10)
        started.clear()
        save(workspace, 2)
        assert started.wait(10) and len(calls) == 2
    finally:
        keeping.close()


def test_another_sessions_change_starts_none(workspace: Workspace) -> None:
    starts = Starts()
    keeping = SummaryKeeping(workspace, starts, delay=0.05)
    try:
        workspace.announce(WorkspaceChange(everything=True, here=False))
        assert not starts.event.wait(0.5)
    finally:
        keeping.close()


def test_the_end_of_the_app_cancels_a_start_not_made_yet(workspace: Workspace) -> None:
    starts = Starts()
    keeping = SummaryKeeping(workspace, starts, delay=0.3)
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
        keeping = SummaryKeeping(workspace, starts, delay=0.05)
        workspace.announce(WorkspaceChange(everything=True))
        assert not starts.event.wait(0.5)
        keeping.close()


def test_a_team_servers_keeper_waits_for_a_pause_in_saving(workspace: Workspace) -> None:
    """rv10 R13: a server's keeper, which does not follow the session (each of its keeps
    reads the whole database), was started a second after the first save and again after
    every save once it ended. In `idle` mode each save starts the wait again."""
    starts = Starts()
    keeping = SummaryKeeping(workspace, starts, delay=30.0, idle=True)
    try:
        save(workspace, 1)
        first = keeping._timer
        assert first is not None and first.interval == 30.0
        save(workspace, 2)
        assert keeping._timer is not first and first.finished.is_set()  # waits again
        assert starts.count == 0
    finally:
        keeping.close()
    assert (
        SummaryKeeping(workspace, starts).delay < SummaryKeeping(workspace, starts, idle=True).delay
    )
