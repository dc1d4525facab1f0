"""`a` pressed while the summary screen's first read is on its way (qa9 Q15): the picker
waits for the read, then offers every analyst with annotations, not only yourself."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import OptionList, Static

from store import AnnotationStore
from tests.functional.test_summary_screen import SIZE, gold, held_read, settle
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.screens.summary import SummaryScreen

__all__ = ["gold"]  # the fixture, used by name


async def test_the_analyst_picker_pressed_early_waits_for_the_analysts(
    make_app, gold, store: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    store.import_annotations([replace(a, annotator="bob") for a in gold[:5]])
    release = held_read(monkeypatch)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SummaryScreen) and screen.summary is None
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is screen, "no picker offering only yourself"
        status = str(screen.query_one("#summary-status", Static).render())
        assert "the analyst picker opens once it has read who annotated here" in status
        release.set()
        await settle(app, pilot)
        offered = [
            str(option.prompt).split(maxsplit=1)[1]
            for option in app.screen.query_one(OptionList).options
        ]
        assert offered == [*sorted(["bob", store.annotator]), "all analysts"]
        await pilot.press("1")
        await settle(app, pilot)
        assert screen.summary is not None and screen.summary.totals.annotators == ("bob",)


async def test_two_analysts_whose_names_look_alike_are_offered_apart(
    make_app, gold, store: AnnotationStore
) -> None:  # type: ignore[no-untyped-def]
    """tr14 T8: "bob" and "bob" + U+200B (a name an older workbench took) were offered as
    two "bob"s by the summary's picker and the review's annotator filter: one picked
    another analyst's summary than the one meant. Both show the character escaped."""
    store.import_annotations([replace(a, annotator="bob") for a in gold[:3]])
    store.import_annotations([replace(a, annotator="bob\u200b") for a in gold[3:6]])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        offered = [
            str(option.prompt).split(maxsplit=1)[1]
            for option in app.screen.query_one(OptionList).options
        ]
        assert offered == ["bob", "bob\\u200b", store.annotator, "all analysts"]
        await pilot.press("2")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        assert screen.summary is not None and screen.summary.totals.annotators == ("bob\u200b",)
        status = str(screen.query_one("#summary-status", Static).render())
        assert status.startswith("Summary of bob\\u200b │")
        await pilot.press("escape", "r")
        await settle(app, pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        labels = list(review.filter_choices("annotator"))
        assert labels == ["any", "bob", "bob\\u200b", store.annotator]
