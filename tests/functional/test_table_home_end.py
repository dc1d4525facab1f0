"""qa18 F6: Home and End in the summary's ledger (and the review's list) only scrolled the
table sideways (DataTable's row cursor reads them as "leftmost column"): the highlighted
group stayed where it was, and an analyst at group 40 had no key back to the first.
They now move the cursor to the first and the last row, in every table of both screens.
PageDown and PageUp move the review's highlight a screenful (they crashed it: qa21 #1)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from textual.widgets import DataTable

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from tests.functional.test_review import open_review
from tests.functional.test_summary_screen import open_summary
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Corpus
from workbench.tui.widgets.review_table import ReviewTable

SIZE = (100, 30)


@pytest.fixture
def gold(bundled: Corpus, store: AnnotationStore) -> list[Annotation]:
    annotations = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    store.import_annotations(annotations)
    return store.all(store.annotator)


async def home_and_end(table: DataTable[Any], pilot) -> None:  # type: ignore[no-untyped-def]
    assert table.row_count > 3
    for _ in range(3):
        await pilot.press("down")
    assert table.cursor_row == 3
    await pilot.press("end")
    assert table.cursor_row == table.row_count - 1
    await pilot.press("home")
    assert table.cursor_row == 0
    assert table.scroll_y == 0, "the first row in view"


async def test_home_and_end_go_to_the_first_and_last_group(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(app, pilot)
        await home_and_end(screen.query_one("#ledger-table", DataTable), pilot)
        await pilot.press("4")
        sources = screen.query_one("#sources-table", DataTable)
        assert sources.has_focus
        await home_and_end(sources, pilot)


async def test_home_and_end_go_to_the_first_and_last_review_row(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        table = screen.query_one(ReviewTable)
        table.focus()
        await pilot.pause()
        await home_and_end(table, pilot)


async def test_page_down_and_up_move_the_review_highlight_a_screenful(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    """qa21 #1: PageDown and PageUp on the review table crashed the app."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        table = screen.query_one(ReviewTable)
        table.focus()
        await pilot.pause()
        await pilot.press("pagedown")
        down = table.cursor_row
        assert 1 < down < table.row_count, "a screenful down, not one row"
        await pilot.press("pageup")
        assert table.cursor_row < down
        assert app.is_running
