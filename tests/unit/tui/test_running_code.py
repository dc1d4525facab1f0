"""The code a Workspace's summary lookups name: the app takes it as it starts, in a
thread; any other maker of a Workspace (a keeper, a test) takes nothing until a lookup
asks (rv16 R2: every Workspace started a thread hashing the code tree)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from store import AnnotationStore
from workbench.core.analysis.kept import code
from workbench.core.corpus.articles import Corpus
from workbench.tui.state.running_code import RunningCode
from workbench.tui.state.workspace import Workspace


@pytest.fixture
def hashing(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[list[str], threading.Event]]:
    """The code's digest held until the event is set; each taking recorded."""
    taken: list[str] = []
    done = threading.Event()

    def held() -> str:
        taken.append(threading.current_thread().name)
        done.wait(10)
        return "the code"

    monkeypatch.setattr(code, "code_digest", held)
    yield taken, done
    done.set()


def digest_threads() -> set[threading.Thread]:
    return {thread for thread in threading.enumerate() if thread.name == "code digest"}


def test_a_workspace_made_outside_the_app_takes_no_digest_until_asked(
    hashing: tuple[list[str], threading.Event],
) -> None:
    taken, done = hashing
    before = digest_threads()  # another test's app may be taking its own
    with AnnotationStore.open(None, annotator="ana") as store:
        workspace = Workspace(store, Corpus([], []))
        assert digest_threads() <= before and not taken
        done.set()
        assert workspace.code.digest() == "the code" == workspace.code.digest()
    assert taken == [threading.current_thread().name], "taken once, by the lookup"


def test_the_apps_digest_is_taken_as_it_starts_and_a_lookup_waits_for_it(
    hashing: tuple[list[str], threading.Event],
) -> None:
    taken, done = hashing
    before = digest_threads()
    running = RunningCode.start_taking()
    (thread,) = digest_threads() - before
    done.set()
    assert running.digest() == "the code"
    thread.join(10)
    assert taken and len(taken) == 1, "taken once, whoever got there first"


def test_a_code_tree_that_cannot_be_read_is_no_code_a_summary_is_kept_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unreadable() -> str:
        raise PermissionError("a file unreadable")

    monkeypatch.setattr(code, "code_digest", unreadable)
    assert RunningCode().digest() == ""
