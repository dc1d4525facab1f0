"""While the app runs, a worker's build pausing the collector leaves the young generation
swept (core/collector.py): what the UI thread draws meanwhile is cyclic garbage, and the
open summary screen held about 25 MB of it at 100,000 annotations (issue 15)."""

from __future__ import annotations

import weakref

from workbench.core.collector import paused_gc
from workbench.tui.app import YOUNG_SWEEP


class _Node:
    itself: object


def garbage_freed_in_a_pause() -> bool:
    """Whether a cycle dropped in a pause is freed while the pause lasts."""
    with paused_gc():
        node = _Node()
        node.itself = node
        dead = weakref.ref(node)
        del node
        built = [[n] for n in range(2 * YOUNG_SWEEP)]  # a build's lasting objects
        freed = dead() is None
        del built
    return freed


async def test_a_pause_sweeps_young_garbage_only_while_the_app_runs(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert garbage_freed_in_a_pause()
    assert not garbage_freed_in_a_pause(), "the collector is stopped again once it ends"
