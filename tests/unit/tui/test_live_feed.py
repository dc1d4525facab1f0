"""LiveFeed: other sessions' changes handed from the listening thread to the UI thread,
a burst merged into the fewest readings again."""

from __future__ import annotations

import threading

from store import StoreEvent
from workbench.tui.state.live import LiveFeed, merged


def annotations(annotator: str, *article_ids: str) -> StoreEvent:
    return StoreEvent("annotations", annotator, article_ids)


def test_a_burst_of_one_analysts_tags_is_one_reading_of_their_articles() -> None:
    burst = [annotations("bob", "a1"), annotations("bob", "a2"), annotations("bob", "a1")]
    assert merged(burst) == [annotations("bob", "a1", "a2")]


def test_several_analysts_or_any_article_widen_the_reading() -> None:
    assert merged([annotations("bob", "a1"), annotations("carol", "a2")]) == [
        annotations("", "a1", "a2")
    ]
    assert merged([annotations("bob", "a1"), StoreEvent("annotations", "bob")]) == [
        StoreEvent("annotations", "bob")
    ]


def test_articles_and_ledger_are_said_once_each() -> None:
    events = [StoreEvent("ledger"), annotations("bob", "a1"), StoreEvent("ledger")]
    events.append(StoreEvent("articles"))
    assert merged(events) == [
        annotations("bob", "a1"),
        StoreEvent("articles"),
        StoreEvent("ledger"),
    ]


def test_a_resync_stands_for_everything_and_the_connection_ends_as_last_heard() -> None:
    assert merged([annotations("bob", "a1"), StoreEvent("resync"), StoreEvent("ledger")]) == [
        StoreEvent("resync")
    ]
    assert merged([StoreEvent("lost"), StoreEvent("resync")]) == [StoreEvent("resync")]
    assert merged([StoreEvent("resync"), StoreEvent("lost")]) == [
        StoreEvent("resync"),
        StoreEvent("lost"),
    ]
    assert merged([annotations("bob", "a1"), StoreEvent("lost")]) == [
        annotations("bob", "a1"),
        StoreEvent("lost"),
    ]
    assert merged([]) == []


def test_the_ui_is_woken_once_per_batch_and_takes_everything_heard() -> None:
    wakes: list[int] = []
    feed = LiveFeed(lambda: wakes.append(1))
    threads = [
        threading.Thread(target=feed.heard, args=(annotations("bob", f"a{n}"),)) for n in range(50)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(wakes) == 1
    (taken,) = feed.take()
    assert sorted(taken.article_ids) == sorted(f"a{n}" for n in range(50))
    feed.heard(StoreEvent("ledger"))
    assert len(wakes) == 2
    assert feed.take() == [StoreEvent("ledger")]
    assert feed.take() == []


def test_a_stopped_app_or_a_closed_feed_drops_what_comes() -> None:
    asked: list[int] = []

    def stopped() -> None:
        asked.append(1)
        raise RuntimeError("App is not running")

    feed = LiveFeed(stopped)
    feed.heard(StoreEvent("ledger"))  # no error reaches the listening thread
    feed.heard(StoreEvent("articles"))
    assert len(asked) == 2  # it asks again: the first ask reached nobody
    feed.close()
    feed.heard(StoreEvent("resync"))
    assert feed.take() == []
