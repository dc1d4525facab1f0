"""Every column of every summary tab is reachable at 80×24, 120×40 and 250×60 (issue 15):
a cell the table cuts or leaves out is in the detail pane of its row; the Sources and
Articles tabs fit 80 columns without a sideways scroll (fx14: the Sources tab scrolled
sideways for its counts, the Articles tab at 120 columns too, its titles cut to 12 cells)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from tests.functional.test_summary_reach import detail, open_summary
from tests.functional.test_summary_screen import assert_tables_show, settle
from workbench.core.analysis.summary.unlinked import EXPLANATIONS, REASONS
from workbench.core.corpus.articles import Corpus
from workbench.tui.screens.summary import TABS, SummaryScreen, table_cell

FITTING = {"sources", "articles"}
"""Tabs whose every row fits the width without scrolling sideways."""
ROWS_CHECKED = 12
"""Rows of each table whose cells are checked (every row of a small table)."""


WORDED_IN_FULL = {REASONS[reason]: EXPLANATIONS[reason] for reason in REASONS}
"""The Denials tab's short reasons, which the pane explains."""


def reached(text: str, pane: str) -> bool:
    """Whether the pane says what a cell says: its text, or the same in the pane's words
    (a short title's whole title, "(unattributed)" as "unattributed", each figure of a
    sentence with its verdict added to its notes, a short reason explained)."""
    return (
        text in pane
        or text.strip("()") in pane
        or (text.endswith("…") and text[:-1] in pane)
        or all(f" {figure.rstrip(')')}" in pane for figure in text.split("; "))
        or WORDED_IN_FULL.get(text, text) in pane
    )


async def unreached(screen: SummaryScreen, tab: str, pilot: Any) -> list[str]:
    """The cells of the tab's table that are neither shown whole in a column nor in the
    detail pane of their row."""
    assert screen.view is not None
    table = screen.query_one(f"#{tab}-table", DataTable)
    shown = {column.label.plain: column.width for column in table.columns.values()}
    _, columns, rows = next(entry for entry in screen.table_rows(screen.view) if entry[0] == tab)
    missing: list[str] = []
    for number, row in enumerate(rows[:ROWS_CHECKED]):
        table.move_cursor(row=number)
        await pilot.pause()
        pane = detail(screen)
        for spec, value in zip(columns, row, strict=True):
            text = table_cell(value).plain
            whole = spec.label in shown and cell_len(text) <= shown[spec.label]
            if text and not whole and not reached(text, pane):
                missing.append(f"{tab} row {number + 1}, {spec.label}: {text!r}")
    return missing


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (250, 60)])
async def test_every_column_of_every_tab_is_reachable(
    make_app: Any, store: AnnotationStore, bundled: Corpus, size: tuple[int, int]
) -> None:
    store.import_annotations(
        [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    )
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_summary(app, pilot)
        missing: list[str] = []
        for number, tab in enumerate(TABS, start=1):
            await pilot.press(str(number))
            await pilot.pause()
            table = screen.query_one(f"#{tab}-table", DataTable)
            if tab in FITTING:
                assert table.row_count > 0
                assert table.virtual_size.width <= table.size.width, f"{tab} scrolls sideways"
            missing += await unreached(screen, tab, pilot)
        assert not missing, "\n".join(missing)


async def every_analysts_summary(app: Any, pilot: Any) -> SummaryScreen:
    """The summary screen switched to every analyst's summary (`a`, the list's last
    entry), its tables filled."""
    screen = await open_summary(app, pilot)
    await pilot.press("a")
    await pilot.press("end", "enter")  # all analysts
    await settle(app, pilot)
    return screen


async def test_every_analysts_articles_tab_counts_the_statuses_that_differ(
    make_app: Any, store: AnnotationStore, bundled: Corpus
) -> None:
    """fx14: its status columns counted only agreed sentences and did not add up."""
    gold = load_gold(bundled)
    bob = [replace(note, annotator="bob", status="refuted") for note in gold[:3]]
    store.import_annotations([*gold, *bob])
    app = make_app()
    async with app.run_test(size=(250, 60)) as pilot:
        screen = await every_analysts_summary(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        assert screen.analyst is None and screen.summary is not None
        table = screen.query_one("#articles-table", DataTable)
        labels = [column.label.plain for column in table.columns.values()]
        assert labels[-1] == "status differs"
        first = screen.summary.articles[0]
        row = [int(cell.plain) for cell in table.get_row_at(0)[-7:]]
        assert sum(row) == first.annotated and row[-1] == 3


async def test_a_status_change_that_makes_statuses_differ_refits_the_articles_tab(
    make_app: Any, store: AnnotationStore, bundled: Corpus
) -> None:
    """Every analyst's summary open on the Articles tab: the analyst's status change makes
    a sentence's statuses differ, and the "status differs" column appears (the rows grow
    a cell: filled again, not patched cell by cell)."""
    gold = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    bob = [replace(note, annotator="bob") for note in gold[:3]]
    store.import_annotations([*gold, *bob])
    app = make_app()
    async with app.run_test(size=(250, 60)) as pilot:
        screen = await every_analysts_summary(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        table = screen.query_one("#articles-table", DataTable)
        assert "status differs" not in [c.label.plain for c in table.columns.values()]
        assert app.workspace is not None
        mine = store.get(gold[0].article_id, gold[0].index)
        assert mine is not None and mine.status != "refuted"
        article = bundled.by_id[mine.article_id]
        app.workspace.write(article, lambda: mine.changed(status="refuted"))
        await settle(app, pilot)
        assert screen.view is not None and screen.view.status_differs
        assert [c.label.plain for c in table.columns.values()][-1] == "status differs"
        await pilot.press("1")  # assert_tables_show shows each tab after the ledger's
        await pilot.pause()
        assert_tables_show(screen)


async def test_every_column_is_reachable_in_every_analysts_summary_at_80_by_24(
    make_app: Any, store: AnnotationStore, bundled: Corpus
) -> None:
    """Two analysts judging some sentences differently (sources, statuses, a denial's
    source): the analysts column's "≠", the differing sources and statuses are each in
    the row's pane when the table cuts them."""
    gold = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    bob = [
        replace(note, annotator="bob", source="Ukraine", status="refuted")
        if "12,000" in note.quote or note.quote.startswith("The spokesman accused")
        else replace(note, annotator="bob", status="in_progress")
        if number % 4 == 1
        else replace(note, annotator="bob")
        for number, note in enumerate(gold)
    ]
    store.import_annotations([*gold, *bob])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await every_analysts_summary(app, pilot)
        assert screen.analyst is None
        missing: list[str] = []
        for number, tab in enumerate(TABS, start=1):
            await pilot.press(str(number))
            await pilot.pause()
            missing += await unreached(screen, tab, pilot)
        assert not missing, "\n".join(missing)


async def test_every_analysts_sources_tab_names_who_named_each_source(
    make_app: Any, store: AnnotationStore, bundled: Corpus
) -> None:
    """fx14: in every analyst's summary a source only one analyst gave (bob's "Ukraine")
    named no analyst; the tab now ends with who named each source where it has room, and
    at 80 columns, without scrolling sideways, the pane says it."""
    gold = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    bob = [
        replace(note, annotator="bob", source="Ukraine") if "12,000" in note.quote else note
        for note in (replace(note, annotator="bob") for note in gold)
    ]
    store.import_annotations([*gold, *bob])
    both = ", ".join(sorted(["bob", store.annotator]))
    for size in [(120, 40), (80, 24)]:
        app = make_app()
        async with app.run_test(size=size) as pilot:
            screen = await every_analysts_summary(app, pilot)
            await pilot.press("4")
            await pilot.pause()
            table = screen.query_one("#sources-table", DataTable)
            assert table.virtual_size.width <= table.size.width, f"scrolls sideways at {size}"
            names = [table.get_row_at(number)[0].plain for number in range(table.row_count)]
            table.move_cursor(row=names.index("Ukraine"))
            await pilot.pause()
            assert "Named by: bob" in detail(screen)
            if size == (120, 40):
                labels = [column.label.plain for column in table.columns.values()]
                assert labels[-1] == "analysts"
                named = [table.get_row_at(n)[-1].plain for n in range(table.row_count)]
                assert named[names.index("Ukraine")] == "bob"
                assert named.count(both) >= 5
