"""LiveSummary: edits made while the LiveLedger is being made do not wait for it.

The LiveLedger's build is held open (an Event) to stand for the seconds it takes at
100,000 annotations; the edits made meanwhile are applied by `update` in the order
they were made, and the summary is the rebuilt one at every step.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.unit.analysis.test_summary_incremental import gold, infos
from workbench.core.analysis.ledger.live import LiveLedger
from workbench.core.analysis.summary import incremental
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.incremental import SummaryAccumulator
from workbench.core.analysis.summary.model import Summary
from workbench.core.annotation import Annotation, AnnotationKey
from workbench.tui.state.live_summary import LiveSummary
from workbench.tui.state.workspace import Edit, WorkspaceChange

WHOSE = SummarySettings(annotator="gold")


class Store:
    """The annotations as the store holds them, changed edit by edit."""

    def __init__(self) -> None:
        self.current: dict[AnnotationKey, Annotation] = {a.key: a for a in gold()}

    def edit(self, key: AnnotationKey, **fields: object) -> WorkspaceChange:
        before = self.current[key]
        after = self.current[key] = before.changed(**fields)
        return WorkspaceChange(edits=(Edit(before, after),))

    def rebuilt(self) -> Summary:
        return build_summary([self.current[k] for k in sorted(self.current)], infos(), WHOSE)


def started(store: Store) -> LiveSummary:
    live = LiveSummary({info.article_id for info in infos()})
    accumulator = SummaryAccumulator(list(store.current.values()), infos(), WHOSE)
    live.start(accumulator, ["gold"])
    return live


@contextmanager
def held_build(
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[threading.Event, threading.Event]]:
    """LivePlan.build waits for the first Event (the LiveLedger's seconds, held open);
    the second is set once it is waiting."""
    release, entered = threading.Event(), threading.Event()
    build = incremental.LivePlan.build

    def slow(plan: incremental.LivePlan) -> LiveLedger:
        entered.set()
        assert release.wait(30)
        return build(plan)

    monkeypatch.setattr(incremental.LivePlan, "build", slow)
    try:
        yield release, entered
    finally:
        release.set()
    assert entered.is_set()


def in_thread(work: object) -> tuple[threading.Thread, list[object]]:
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(work()))  # type: ignore[operator]
    thread.start()
    return thread, result


def test_edits_made_while_the_ledger_is_made_are_applied_without_waiting_for_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = Store()
    live = started(store)
    accumulator = live.accumulator
    assert accumulator is not None
    claims = sorted(k for k, a in store.current.items() if "claim" in a.tags)
    others = sorted(k for k, a in store.current.items() if "claim" not in a.tags)
    with held_build(monkeypatch) as (release, entered):
        preparing, said = in_thread(live.prepare)
        assert entered.wait(30)
        # a status: patched at once, the LiveLedger still being made
        assert live.note(store.edit(claims[0], status="supported"))
        assert live.update() == store.rebuilt()
        # a claim tag: waits for the LiveLedger (a rebuild would take longer)...
        tags = (*store.current[others[0]].tags, "claim")
        assert live.note(store.edit(others[0], tags=tags))
        waiting = live.update()
        assert live.waiting and waiting is accumulator.summary()
        # ...and so does what comes after it (edits are applied in order)
        assert live.note(store.edit(claims[1], status="refuted"))
        live.update()
        assert live.waiting
        release.set()
        preparing.join(30)
    assert said == [True]  # edits waited: the screen applies them now
    assert live.update() == store.rebuilt()
    # all applied, each patched, none rebuilt
    assert (live.waiting, accumulator.rebuilds) == (False, 1)


def test_a_ledger_made_for_a_summary_read_again_meanwhile_is_made_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = Store()
    live = started(store)
    with held_build(monkeypatch) as (release, entered):
        preparing, said = in_thread(live.prepare)
        assert entered.wait(30)
        # the store read again (another session wrote): a new accumulator
        fresh = SummaryAccumulator(list(store.current.values()), infos(), WHOSE)
        live.start(fresh, ["gold"])
        release.set()
        preparing.join(30)
    assert said == [False]
    assert fresh._live is not None  # made for the summary shown now
    other = next(k for k, a in store.current.items() if "claim" not in a.tags)
    assert live.note(store.edit(other, tags=(*store.current[other].tags, "claim")))
    assert live.update() == store.rebuilt()
    assert fresh.rebuilds == 1


def test_an_edit_of_annotations_read_reanchored_in_memory_only_is_read_again() -> None:
    """rv8 R6: only the (article, analyst) pairs a read re-anchored in memory are read
    again on an edit (their stored records are not what the summary holds); the rest
    of the session's edits are followed."""
    store = Store()
    live = LiveSummary({info.article_id for info in infos()})
    accumulator = SummaryAccumulator(list(store.current.values()), infos(), WHOSE)
    first = min(store.current)
    live.start(accumulator, ["gold"], {(store.current[first].article_id, "gold")})
    assert not live.note(store.edit(first, status="supported"))
    other = next(k for k in sorted(store.current) if k[1] != first[1])
    assert live.note(store.edit(other, status="supported"))


def test_a_summary_and_its_live_ledger_dropped_leave_no_cyclic_garbage() -> None:
    """The open summary screen freezes them (gc.freeze: out of the collector's scans until
    it closes); what a patch replaces is then freed by reference counting alone, which
    holds only while they make no reference cycle."""
    gc.collect()
    live = started(Store())
    try:
        live.prepare()
        assert live.accumulator is not None and live.accumulator.summary() is not None
    finally:
        gc.unfreeze()
    gc.collect()
    del live
    assert gc.collect() == 0
