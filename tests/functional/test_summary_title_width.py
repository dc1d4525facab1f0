"""Article titles in the summary's tables use the width they are given (polish19): at 160
columns the ledger cut them to 21 cells ("U.S. Cites ‘Indicatio"), at 250 to 36 while
the short title has 39, and the Articles tab showed the 40-character short title in a
130-cell column. A title keeps up to a sixth of a table and, cut, ends at a word with
"…"; the detail pane says it whole (test_summary_columns_reachable.py)."""

from __future__ import annotations

from typing import Any

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable

from store import AnnotationStore
from tests.functional.test_summary_reach import gold, open_summary  # noqa: F401
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Corpus
from workbench.tui.screens.summary import CONFLICT_COLUMNS, DENIAL_COLUMNS, LEDGER_COLUMNS, TABS
from workbench.tui.state.column_widths import CELL_PADDING, TITLE_SHARE

TITLED = {"ledger": 3, "conflicts": 4, "denials": 0}
"""Tabs with an article column, and its position."""
SPECS = {"ledger": LEDGER_COLUMNS, "conflicts": CONFLICT_COLUMNS, "denials": DENIAL_COLUMNS}


def cells(table: DataTable[Any], column: int) -> list[str]:
    return [table.get_row_at(row)[column].plain for row in range(table.row_count)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 40), (250, 50)])
async def test_titles_keep_a_sixth_of_the_table_and_are_cut_at_a_word(
    make_app: Any,
    gold: list[Annotation],  # noqa: F811
    store: AnnotationStore,
    size: tuple[int, int],
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_summary(app, pilot)
        assert screen.summary is not None
        short = screen.summary.short_titles()
        for tab, column in TITLED.items():
            await pilot.press(str(TABS.index(tab) + 1))
            await pilot.pause()
            table = screen.query_one(f"#{tab}-table", DataTable)
            width = list(table.columns.values())[column].width
            room = table.size.width - CELL_PADDING
            longest = max(cell_len(title) for title in short.values())
            widths = [column.width for column in table.columns.values()]
            if widths != [spec.smallest for spec in SPECS[tab]]:
                assert width >= min(longest, room // TITLE_SHARE), (tab, width)
            # else every column at its smallest: the title gives way to the text first
            # (at 80 columns; the pane says it whole)
            for shown in cells(table, column):
                assert cell_len(shown) <= width, f"{tab}: {shown!r} is clipped at {width}"
                whole = next((t for t in short.values() if t == shown), None)
                if whole is None:  # cut: at a word, or inside one, with "…"
                    assert shown.endswith("…"), shown
                    assert any(t.startswith(shown[:-1].rstrip()) for t in short.values())
        if size[0] >= 250:
            ledger = screen.query_one("#ledger-table", DataTable)
            assert set(cells(ledger, TITLED["ledger"])) <= set(short.values()), "whole"


async def test_a_wide_articles_tab_shows_whole_titles(
    make_app: Any,
    gold: list[Annotation],  # noqa: F811
    bundled: Corpus,
) -> None:
    app = make_app()
    async with app.run_test(size=(250, 50)) as pilot:
        screen = await open_summary(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        table = screen.query_one("#articles-table", DataTable)
        width = next(iter(table.columns.values())).width
        shown = cells(table, 0)
        assert width > 100
        for article, title in zip(bundled.articles, shown, strict=True):
            if cell_len(article.title) <= width:
                assert title == article.title
            else:
                assert title.endswith("…") and article.title.startswith(title[:-1])
                assert width - 15 <= cell_len(title) <= width, "cut near the column's end"
