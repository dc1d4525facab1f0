"""qa15 Q14: opening an edited article says "3 moved ... still to look at. Review them
with r, then f: anchoring", and each moved annotation waits for `y`; the anchoring
filter offered to check, orphaned and article missing, never the moved ones."""

from __future__ import annotations

from pathlib import Path

from store import AnnotationStore
from tests.functional.test_reanchoring_screens import INSERTED, annotated, corpus_of, notices
from tests.functional.test_review import settle
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.choice import ChoicePrompt
from workbench.tui.screens.review import ReviewScreen

__all__ = ["annotated"]  # the fixture, imported for pytest


async def test_the_moved_annotations_the_notice_names_are_one_filter_away(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    app = WorkbenchApp(annotated, corpus=corpus_of(tmp_path, INSERTED), keymap={})
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert any("3 moved" in notice for notice in notices(app))
        await pilot.press("r")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.press("f", "6")
        prompt = app.screen
        assert isinstance(prompt, ChoicePrompt)
        assert "moved" in prompt.shown
        await pilot.press("5")  # anchoring: moved
        await settle(app, pilot)
        assert app.screen is screen
        assert [row.annotation.index for row in screen.shown] == [2, 4, 7]
        assert {row.annotation.anchor_state for row in screen.shown} == {"reanchored"}
        await pilot.press("y")  # the first confirmed where it is (its row stays listed)
        await settle(app, pilot)
    confirmed = annotated.get("story", 2)
    assert confirmed is not None and confirmed.anchor_state == "current"
