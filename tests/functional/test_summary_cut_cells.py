"""qa20 #8: a table cell too long for its column ends with "…", so that it reads as cut:
at 80 columns the ledger clipped "unverified" to "unverifi" and "Pat Ryder" to "Pat
Ryde", and the Sources tab "South Korea's National Intelligence Service" to "South
Korea's National Intell", which read as typos (checked here at 60 columns, where the
bundled sources' names are cut too)."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import DataTable

from tests.functional.test_summary_screen import gold, open_summary, settle
from workbench.tui.screens.summary import LEDGER_COLUMNS, SOURCE_COLUMNS, Columns, SummaryScreen

__all__ = ["gold"]  # the fixture, used by name


def clipped(screen: SummaryScreen, tab: str, specs: Columns) -> tuple[list[str], list[str]]:
    """The cells of `tab`'s table wider than their column (clipped by the table), and
    those cut with "…", the growing column (a sentence's text) left out."""
    table = screen.query_one(f"#{tab}-table", DataTable)
    columns = list(table.columns.values())
    growing = {spec.label for spec in specs if spec.largest is None}
    over, cut = [], []
    for number in range(table.row_count):
        for position, cell in enumerate(table.get_row_at(number)):
            if columns[position].label.plain in growing:
                continue
            if cell_len(cell.plain) > columns[position].width:
                over.append(cell.plain)
            elif cell.plain.endswith("…"):
                cut.append(cell.plain)
    return over, cut


async def test_a_cell_cut_to_its_column_ends_with_an_ellipsis(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_summary(app, pilot)
        over, cut = clipped(screen, "ledger", LEDGER_COLUMNS)
        assert over == [], over[:5]
        assert "unverif…" in cut
        await pilot.press("4")
        await settle(app, pilot)
        over, cut = clipped(screen, "sources", SOURCE_COLUMNS)
        assert over == [], over[:5]
        assert "South Kor…" in cut, "a name longer than a third of 60 columns"


async def test_the_ledger_status_keeps_its_width_where_the_table_has_room(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    """At 120 columns the ledger does not scroll sideways, yet its status gave up room
    with the source and figures and read "unverif…" (qa20 #8); at 60 it still does."""
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_summary(app, pilot)
        table = screen.query_one("#ledger-table", DataTable)
        column = [c.label.plain for c in table.columns.values()].index("status")
        statuses = {table.get_row_at(n)[column].plain for n in range(table.row_count)}
        assert {"unverified", "inconclusive"} <= statuses
        assert list(table.columns.values())[column].width >= len("inconclusive")
