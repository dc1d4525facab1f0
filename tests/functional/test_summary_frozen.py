"""What the open summary screen keeps is left out of the collector's scans while it is
open and back in them once it closes (issue 15: the full collection soon after the
screen showed scanned its 1.2 million objects, every thread stopped, the UI's too)."""

from __future__ import annotations

import gc

from tests.functional.test_summary_screen import SIZE, gold, open_summary, settle

__all__ = ["gold"]  # the fixture, shared


def scanned(thing: object) -> bool:
    """Whether the collector's generations hold `thing` (not gc.freeze's permanent one)."""
    return any(item is thing for item in gc.get_objects())


async def test_the_open_summary_is_frozen_until_the_screen_closes(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("c")  # a claim tag changed, for the summary's u to undo
            await settle(app, pilot)
            screen = await open_summary(app, pilot)
            summary, accumulator = screen.summary, screen.live.accumulator
            assert summary is not None and accumulator is not None
            assert not scanned(summary) and not scanned(accumulator)
            await pilot.press("u")  # patched: the LiveLedger settles in a promoting pause
            await settle(app, pilot)
            assert screen.live.accumulator is accumulator and accumulator.rebuilds == 1
            assert screen.summary is not summary and not scanned(screen.summary), "again"
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is not screen
            assert scanned(summary) and scanned(accumulator), "collected again once closed"
    finally:
        gc.unfreeze()
