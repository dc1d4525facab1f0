"""qa5 Q2 on the screen: in every analyst's summary the conflicts tab's detail pane says
each analyst's source and status of the highlighted figure's sentence."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import DataTable

from store import AnnotationStore
from tests.functional.test_summary_screen import SIZE, choose_analyst, gold, open_summary
from workbench.tui.widgets.detail_pane import DetailPane

__all__ = ["gold"]  # the fixture, shared


async def test_the_conflict_pane_names_each_analysts_source_and_status(
    make_app, gold, store: AnnotationStore
) -> None:  # type: ignore[no-untyped-def]
    twelve = next(a for a in gold if "12,000" in a.quote and "claim" in a.tags)
    bob = [replace(a, annotator="bob", source="Ukraine", status="refuted") for a in [twelve]]
    store.import_annotations(bob)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(app, pilot)
        await choose_analyst(app, pilot, "all analysts", ["bob", store.annotator])
        await pilot.press("2")
        table = screen.query_one("#conflicts-table", DataTable)
        row = next(n for n in range(table.row_count) if table.get_row_at(n)[1].plain == "12,000")
        table.move_cursor(row=row)
        await pilot.pause()
        shown = screen.query_one("#summary-detail", DetailPane).text
        source = next(line for line in shown.splitlines() if line.startswith("Source: "))
        assert (
            "Ukraine (bob)" in source and f"South Korea and Ukraine ({store.annotator})" in source
        )
        assert "status: refuted (bob); " in source
