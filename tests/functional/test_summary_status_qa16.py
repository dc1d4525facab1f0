"""qa16 Q10: the summary screen's hint said "1–6 tabs" over seven (Possible is tab 7)."""

from __future__ import annotations

from textual.widgets import Static, TabPane

from store import AnnotationStore
from tests.functional.test_summary_conflict_parts_screen import two_disputes_app
from tests.functional.test_summary_screen import SIZE, open_summary


async def test_the_hint_counts_every_tab(
    store: AnnotationStore,
) -> None:
    app = two_disputes_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(app, pilot)
        status = str(screen.query_one("#summary-status", Static).render())
        assert "1–7 tabs" in status, status
        assert len(screen.query(TabPane)) == 7
