"""qa5 Q13 and Q4 on the screen: the banner, the conflicts tab and its detail pane head a
figure with the one thing it measures (Cuban troops, not Serbian and Cuban under
"troops"), and the pane gives every pair it conflicts in."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from store import AnnotationStore
from tests.fixtures.anchored import annotate
from tests.functional.test_summary_screen import SIZE, open_summary
from tests.unit.analysis.test_summary_conflict_parts import TWO_DISPUTES
from workbench.config.settings import SuggestionSettings
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.detail_pane import DetailPane


def two_disputes_app(store: AnnotationStore) -> WorkbenchApp:
    """The app on TWO_DISPUTES, every sentence but the headline tagged: one conflict of
    two things measured."""
    store.import_annotations(
        [
            annotate(TWO_DISPUTES, n, store.annotator, source=s.text.split()[0])
            for n, s in enumerate(TWO_DISPUTES.sentences)
            if n
        ]
    )
    corpus = Corpus([TWO_DISPUTES], [])
    return WorkbenchApp(
        store, corpus=corpus, keymap={}, suggestions=SuggestionSettings(enabled=False)
    )


async def test_the_pane_heads_a_figure_with_its_own_dispute(store: AnnotationStore) -> None:
    app = two_disputes_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(app, pilot)
        banner = str(screen.query_one("#conflict-banner", Static).render()).splitlines()
        assert banner[:2] == ["⚠ troops — Serbian: 5,000, 8,000", "⚠ troops — Cuban: 9,000, 10,000"]
        await pilot.press("2")
        table = screen.query_one("#conflicts-table", DataTable)
        row = next(n for n in range(table.row_count) if table.get_row_at(n)[1].plain == "9,000")
        assert table.get_row_at(row)[0].plain == "troops — Cuban", "the row's own dispute"
        table.move_cursor(row=row)
        await pilot.pause()
        shown = screen.query_one("#summary-detail", DetailPane).text
        assert shown.startswith("⚠ troops — Cuban: 9,000, 10,000\n"), shown
        assert "Serbian" not in shown and "fewer than" not in shown, "not the other dispute"
        assert "— 9,000 troops (NATO) vs over 10,000 troops (Kyiv)" in shown
