"""Several sessions on one PostgreSQL database: nothing overwritten unseen, every change
announced to the others, a lost connection reported and recovered from."""

from __future__ import annotations

import queue
from collections.abc import Iterator

import pytest
from store_helpers import MakeAnnotation

from store import ConcurrentEditError, ConnectionLostError, StoreError
from store.opening import open_store
from store.protocol import Store, StoreEvent
from tests.fixtures.postgres import execute
from workbench.core.annotation import Annotation

SOON = 5.0
"""Seconds to wait for an announcement (it takes about a millisecond)."""


@pytest.fixture
def sessions(pg_url: str) -> Iterator[tuple[Store, Store]]:
    """alice's two sessions on one database (two TUIs, say)."""
    with open_store(pg_url, "alice") as first, open_store(pg_url, "alice") as second:
        yield first, second


def test_a_save_based_on_an_old_version_is_refused_with_the_current_one(
    sessions: tuple[Store, Store], make: MakeAnnotation
) -> None:
    first, second = sessions
    first.save(make(tags=("claim",)))
    seen_by_second = second.get("a1", 0)
    assert seen_by_second is not None
    newer = first.save(first.get("a1", 0).toggled("denial"))  # type: ignore[union-attr]
    with pytest.raises(ConcurrentEditError, match="changed in another session") as refused:
        second.save(seen_by_second.toggled("attribution"))
    assert refused.value.current == newer
    assert second.get("a1", 0) == newer  # nothing overwritten; read again, it is seen
    decided = second.save(newer.toggled("attribution"))
    assert decided.tags == ("claim", "attribution", "denial")
    assert first.get("a1", 0) == decided


def test_a_save_made_from_a_value_since_changed_is_refused_though_read_since(
    sessions: tuple[Store, Store], make: MakeAnnotation
) -> None:
    """tr8 T4: the screen toggled a tag on the value it showed, and the session (its
    live feed, the workspace's read before saving) had read the other session's save
    in between: the version checked was that newer one, and the save wrote over it
    (both screens said saved). With `based_on`, the value it was made from is compared."""
    first, second = sessions
    first.save(make(tags=("attribution", "claim")))
    shown = second.get("a1", 0)
    assert shown is not None
    theirs = first.save(shown.toggled("denial"))  # the other session: denial on
    assert second.get("a1", 0) == theirs  # read since (the feed, a refresh, the write path)
    with pytest.raises(ConcurrentEditError, match="changed in another session") as refused:
        second.save(shown.toggled("claim"), based_on=shown)  # claim off, made from `shown`
    assert refused.value.current == theirs
    assert first.get("a1", 0) == theirs
    assert second.save(theirs.toggled("claim"), based_on=theirs).tags == ("attribution", "denial")
    with pytest.raises(ConcurrentEditError):  # made from nothing, but a row is there
        second.save(make(tags=("claim",)), based_on=None)


def test_a_sentence_another_session_tagged_unseen_is_not_overwritten(
    sessions: tuple[Store, Store], make: MakeAnnotation
) -> None:
    first, second = sessions
    assert second.get("a1", 0) is None
    theirs = first.save(make(tags=("denial",), note="theirs"))
    with pytest.raises(ConcurrentEditError) as refused:
        second.save(make(tags=("claim",)))
    assert refused.value.current == theirs


def test_a_save_after_a_delete_elsewhere_is_refused(
    sessions: tuple[Store, Store], make: MakeAnnotation
) -> None:
    first, second = sessions
    saved = first.save(make())
    assert second.get("a1", 0) == saved
    first.delete("a1", 0)
    with pytest.raises(ConcurrentEditError, match="deleted there"):
        second.save(saved.toggled("denial"))
    assert first.get("a1", 0) is None


def test_undo_never_overwrites_another_sessions_later_change(
    sessions: tuple[Store, Store], make: MakeAnnotation
) -> None:
    first, second = sessions
    first.save(make(tags=("claim",)))
    theirs = second.save(second.get("a1", 0).toggled("denial"))  # type: ignore[union-attr]
    with pytest.raises(ConcurrentEditError):
        first.undo()
    assert first.get("a1", 0) == theirs
    assert first.undo() is None  # the step that could not be undone is gone


def test_different_analysts_never_get_in_each_others_way(pg_url: str, make: MakeAnnotation) -> None:
    with open_store(pg_url, "alice") as alice, open_store(pg_url, "bob") as bob:
        mine = alice.save(make(annotator="alice"))
        theirs = bob.save(make(annotator="bob", tags=("denial",)))
        assert alice.all() == [mine, theirs]
        assert bob.undo() is not None
        assert alice.all() == [mine]


def test_each_session_hears_the_others_changes_not_its_own(
    sessions: tuple[Store, Store], make: MakeAnnotation
) -> None:
    first, second = sessions
    heard: queue.Queue[StoreEvent] = queue.Queue()
    subscription = second.subscribe(heard.put)
    second.save(make(index=2))  # its own: not announced to itself
    first.save(make(article_id="a2"))
    assert heard.get(timeout=SOON) == StoreEvent("annotations", "alice", ("a2",))
    first.remember_article("a2", "Second", "0" * 64, 3)
    assert heard.get(timeout=SOON) == StoreEvent("articles")
    first.save_ledger_decision({"action": "merge", "groups": ["g-1", "g-2"]})
    assert heard.get(timeout=SOON) == StoreEvent("ledger")
    first.import_annotations([make(article_id="a3", annotator="carol")])
    assert heard.get(timeout=SOON) == StoreEvent("annotations")  # everyone's, any article
    subscription.close()
    first.save(make(article_id="a4"))
    first.save_ledger_decision({"action": "split", "member": ["alice", "a1", 3]})
    with pytest.raises(queue.Empty):
        heard.get(timeout=0.5)
    assert heard.empty()


def test_a_listener_that_lost_its_connection_says_so_comes_back_and_says_resync(
    sessions: tuple[Store, Store], pg_url: str, make: MakeAnnotation
) -> None:
    first, second = sessions
    heard: queue.Queue[StoreEvent] = queue.Queue()
    second.subscribe(heard.put)
    execute(
        pg_url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE query LIKE 'LISTEN%%' AND pid <> pg_backend_pid()",
    )
    assert heard.get(timeout=SOON) == StoreEvent("lost")  # said once, at once
    assert heard.get(timeout=SOON) == StoreEvent("resync")
    first.save(make())
    assert heard.get(timeout=SOON) == StoreEvent("annotations", "alice", ("a1",))


def _cut(pg_url: str) -> None:
    """Terminate every other connection to the database (as a server restart would)."""
    execute(
        pg_url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )


def test_a_lost_connection_is_not_saved_then_the_store_connects_again(
    pg_url: str, make: MakeAnnotation
) -> None:
    with open_store(pg_url, "alice") as store:
        saved = store.save(make())
        _cut(pg_url)
        with pytest.raises(ConnectionLostError, match=r"^not saved: connection lost"):
            store.save(saved.toggled("denial"))
        again = store.save(saved.toggled("attribution"))  # connected again by itself
        assert store.get("a1", 0) == again
        _cut(pg_url)
        assert store.get("a1", 0) == again  # a read is retried on a new connection
        assert [change.action for change in store.history()] == ["save", "save"]


def test_a_write_whose_answer_was_lost_is_still_this_sessions_own(
    pg_url: str, make: MakeAnnotation
) -> None:
    with open_store(pg_url, "alice") as store:
        saved = store.save(make())
        # The server committed a change of this session's but the answer never came:
        # the row says who wrote it, so the next save of this session is not refused.
        execute(pg_url, "UPDATE annotations SET version = version + 1, note = 'landed'")
        latest = store.save(saved.toggled("denial"))
        assert latest.tags == ("claim", "denial")


def test_a_closed_store_refuses_reads_and_subscriptions(pg_url: str) -> None:
    store = open_store(pg_url, "alice")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.count()
    with pytest.raises(StoreError, match="closed"):
        store.subscribe(lambda event: None)


def test_an_import_that_fails_late_leaves_nothing_and_no_false_conflict(
    pg_url: str, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    import store.postgres.store as postgres_store

    monkeypatch.setattr(postgres_store, "IMPORT_CHUNK", 2)

    def incoming() -> Iterator[Annotation]:
        yield from (make(index=index) for index in range(3))
        raise ValueError("a bad record, found late")

    with open_store(pg_url, "alice") as store:
        with pytest.raises(ValueError, match="found late"):
            store.import_annotations(incoming())
        assert store.count() == 0 and store.history() == []
        saved = store.save(make(index=0, tags=("denial",)))  # absent, as this session knows
        assert store.get("a1", 0) == saved


def test_a_listener_that_cannot_reach_the_server_says_lost_once() -> None:
    from store.postgres.listener import Listener

    problems: list[str] = []
    nowhere = "postgresql://nobody@127.0.0.1:1/nothing?connect_timeout=2"
    listener = Listener(nowhere, "the server", "workbench", "session", problems.append)
    heard: queue.Queue[StoreEvent] = queue.Queue()
    subscription = listener.subscribe(heard.put)
    try:
        assert heard.get(timeout=SOON) == StoreEvent("lost")
        with pytest.raises(queue.Empty):  # still trying, but says it only once
            heard.get(timeout=1.0)
    finally:
        subscription.close()
        listener.close()
    assert problems == []


def test_undo_after_another_sessions_re_anchoring_in_place_is_not_refused(
    sessions: tuple[Store, Store],
) -> None:
    """tr13 T9: the analyst's other session re-anchored the article, corrected in
    another paragraph, which gave every row of it a new version, and this session's `u`
    was refused: "changed in another session meanwhile; it now reads: claim" (the very
    claim). A row still on its sentence as the step left it is undone; one changed in
    earnest is still refused (test_undo_never_overwrites_another_sessions_later_change)."""
    from tests.fixtures.anchored import STORY, annotate, article
    from workbench.core.anchoring.placement import plan_article

    first, second = sessions
    old = article(STORY)
    edited = article(STORY.replace("No comment was given.", "No comment was given by Friday."))
    first.save(annotate(old, 4, "alice"))
    plan = plan_article(edited, second.in_article(edited.id))
    second.reanchor(plan, title="t", sentences=len(edited.sentences), segmenter="s")
    assert first.undo() is not None
    assert first.for_article("story") == {}
    assert second.for_article("story") == {}


def test_an_article_named_with_what_draws_nothing_is_named_so_when_refused(
    sessions: tuple[Store, Store], make: MakeAnnotation
) -> None:
    """tr15 T7: "story" and "story" + U+200B are two articles; the refusal (shown in the
    panel and on the command line) printed the second as the first."""
    first, second = sessions
    first.save(make("a1\u200b", tags=("claim",)))
    shown = second.get("a1\u200b", 0)
    assert shown is not None
    first.save(shown.toggled("denial"))
    with pytest.raises(ConcurrentEditError) as refused:
        second.save(shown.toggled("claim"), based_on=shown)
    assert "alice's annotation of a1\\u200b, sentence 1" in str(refused.value)
    assert "\u200b" not in str(refused.value)
