"""The one collector pause: nested, overlapping across threads, and promoting survivors."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
from pathlib import Path

from workbench.core.collector import paused_gc


def test_paused_gc_resumes_the_collector_after_the_outermost_pause() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled(), "an inner pause does not resume early"
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_pauses_in_two_threads_resume_when_the_last_ends() -> None:
    entered, release = threading.Event(), threading.Event()

    def worker() -> None:
        with paused_gc():
            entered.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert entered.wait(5)
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled(), "the worker's pause still holds"
    finally:
        release.set()
        thread.join(5)
    assert gc.isenabled()


PROMOTION = """
import gc
from workbench.core.collector import paused_gc

def in_oldest_generation(thing):
    return any(item is thing for item in gc.get_objects(generation=2))

gc.collect()
gc.set_threshold(100_000)  # no automatic collection moves anything while this runs
with paused_gc():
    plain = [[n] for n in range(1_000)]
assert not in_oldest_generation(plain[-1]), "left young, for young collections to scan"
with paused_gc(promote=True):
    promoted = [[n] for n in range(1_000)]
assert in_oldest_generation(promoted[-1]), "promoted"
"""


def test_a_promoting_pause_moves_what_it_built_to_the_oldest_generation() -> None:
    """In a process of its own, with no automatic collection: the pause is process-wide
    (a thread another test left running holding one keeps this pause from being the last,
    so from promoting), and a young collection triggered by the counts the suite left
    can move the unpromoted lists on as well (both made this test flaky)."""
    ran = subprocess.run(
        [sys.executable, "-c", PROMOTION],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert ran.returncode == 0, ran.stderr


SWEEPING = """
import gc
import weakref
from workbench.core.collector import paused_gc

class Node:
    pass

def garbage():
    node = Node()
    node.itself = node  # a cycle: only the collector frees it
    return weakref.ref(node)

def in_oldest_generation(thing):
    return any(item is thing for item in gc.get_objects(generation=2))

gc.collect()
thresholds = gc.get_threshold()
paused_gc.sweep_while_paused(1_000)
with paused_gc(promote=True):
    assert gc.isenabled()
    dead = garbage()
    built = [[n] for n in range(5_000)]
    assert dead() is None, "garbage made during the pause is freed during it"
assert in_oldest_generation(built[-1]), "what the pause built is still promoted"
assert gc.get_threshold() == thresholds and gc.isenabled()
paused_gc.sweep_while_paused(0)
with paused_gc():
    assert not gc.isenabled(), "stopped again"
    dead = garbage()
    built = [[n] for n in range(5_000)]
    assert dead() is not None
"""


def test_a_sweeping_pause_frees_young_garbage_and_still_promotes_what_it_built() -> None:
    """In a process of its own, as the promotion test above (the pause is process-wide)."""
    ran = subprocess.run(
        [sys.executable, "-c", SWEEPING],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert ran.returncode == 0, ran.stderr
