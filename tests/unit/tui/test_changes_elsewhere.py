"""Changes another session made (a database server's, issue 17), as the workspace and
the annotate screen's session meet them: shown everywhere, never overwritten unseen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store import AnnotationStore, ConcurrentEditError, ConnectionLostError, ServerError, StoreEvent
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.tui.state.session import AnnotationSession
from workbench.tui.state.workspace import Workspace, WorkspaceChange


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    (tmp_path / "a.txt").write_text("Title A\nOne. Two. Three.", encoding="utf-8")
    return load_corpus([tmp_path])


@pytest.fixture
def store() -> Iterator[AnnotationStore]:
    with AnnotationStore.open(None, annotator="ana") as opened:
        yield opened


@pytest.fixture
def workspace(store: AnnotationStore, corpus: Corpus) -> Workspace:
    return Workspace(store, corpus)


def heard(workspace: Workspace) -> list[WorkspaceChange]:
    changes: list[WorkspaceChange] = []
    workspace.subscribe(changes.append)
    return changes


def elsewhere(session: AnnotationSession, **values: object) -> Annotation:
    """Another session's save of the current sentence (straight to the store)."""
    current = session.current_or_new()
    return session.store.save(current.changed(**values))


def test_a_change_made_elsewhere_since_it_was_shown_is_refused_then_decided_again(
    workspace: Workspace,
) -> None:
    session = AnnotationSession(workspace)
    assert session.look() is None  # the screen shows an untagged sentence
    theirs = elsewhere(session, tags=("claim",), note="theirs")
    with pytest.raises(ConcurrentEditError, match="it now reads: claim") as refused:
        session.toggle("denial")
    assert refused.value.current == theirs
    assert session.store.all() == [theirs]  # nothing written
    assert session.look() == theirs  # the screen shows what is there now
    assert session.toggle("denial").tags == ("claim", "denial")


@pytest.mark.parametrize(
    ("prompt", "answer", "theirs"),
    [
        ("set_note", "mine, edited", {"note": "theirs"}),
        ("set_source", "Police", {"source": "Fire service"}),
        ("set_status", "disputed", {"status": "supported"}),
    ],
)
def test_a_prompt_saves_only_onto_what_it_opened_on(
    workspace: Workspace, prompt: str, answer: str, theirs: dict[str, object]
) -> None:
    """qa8 Q10: the panel under an open prompt follows another session's save; the
    prompt's answer, typed over the value it opened on, wrote over that save unseen."""
    session = AnnotationSession(workspace)
    session.look()
    session.toggle("claim")
    opened = session.shown_now()  # the prompt opens
    stored = elsewhere(session, **theirs)
    assert session.look() == stored  # the panel under the prompt shows it
    with pytest.raises(ConcurrentEditError, match="it now reads"):
        getattr(session, prompt)(answer, opened)
    assert session.store.all() == [stored]


def test_changes_made_here_on_any_screen_or_only_placed_elsewhere_are_no_conflict(
    workspace: Workspace, corpus: Corpus
) -> None:
    session = AnnotationSession(workspace)
    session.look()
    session.toggle("claim")  # the screen has not drawn it again yet: still no conflict
    article = corpus.articles[0]
    workspace.write(article, lambda: session.current_or_new().changed(note="from review"))
    assert session.toggle("denial").note == "from review"
    session.look()
    elsewhere(session, updated_at="2099-01-01T00:00:00Z")  # the same judgement, restamped
    assert session.toggle("attribution").tags == ("claim", "attribution", "denial")


def test_a_refused_write_shows_the_current_value_on_every_screen(
    workspace: Workspace,
) -> None:
    session = AnnotationSession(workspace)
    session.look()
    elsewhere(session, tags=("denial",))
    changes = heard(workspace)
    with pytest.raises(ConcurrentEditError):
        session.toggle("claim")
    assert changes == [WorkspaceChange(article_ids=frozenset([session.article.id]), here=False)]


def test_no_server_on_the_way_to_a_write_is_not_saved_connection_lost(
    workspace: Workspace, store: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = AnnotationSession(workspace)

    def away(*args: object, **kwargs: object) -> None:
        raise ServerError("cannot read the server: connection lost")

    monkeypatch.setattr(store, "get", away)
    with pytest.raises(ConnectionLostError, match="not saved: connection lost"):
        session.toggle("claim")
    monkeypatch.undo()
    assert store.all() == []


def test_announcements_become_what_to_read_again(workspace: Workspace) -> None:
    changes = heard(workspace)
    workspace.receive_store_event(StoreEvent("annotations", "bob", ("a", "b")))
    workspace.receive_store_event(StoreEvent("annotations", "bob"))  # any article
    workspace.receive_store_event(StoreEvent("resync"))
    workspace.receive_store_event(StoreEvent("lost"))  # the app says it; nothing to read
    assert changes == [
        WorkspaceChange(article_ids=frozenset(["a", "b"]), here=False),
        WorkspaceChange(everything=True, here=False),
        WorkspaceChange(everything=True, ledger=True, here=False),
    ]


def test_counts_follow_another_sessions_change_reading_only_its_article(
    workspace: Workspace, store: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = AnnotationSession(workspace)
    session.toggle("claim")
    assert session.tagged_in_corpus() == 1
    session.step(1)
    elsewhere(session, tags=("denial",))
    counted: list[object] = []
    monkeypatch.setattr(store, "tagged_counts", lambda *args: counted.append(args))
    workspace.receive_store_event(StoreEvent("annotations", "ana", (session.article.id,)))
    assert session.tagged_in_corpus() == 2
    assert counted == []  # the one article read again, not every count
    workspace.receive_store_event(StoreEvent("annotations", "ana", ("not-in-the-corpus",)))
    assert session.tagged_in_corpus() == 2
