"""qa20 #7: the summary screen says what an empty tab, the analyst picker and the
Conflicts tab's topic column are ("Nothing highlighted.", "Summary of" and "counted" did
not)."""

from __future__ import annotations

from textual.widgets import DataTable

from tests.functional.test_summary_screen import SIZE, gold, open_summary, settle
from workbench.tui.screens.choice import ChoicePrompt
from workbench.tui.widgets.detail_pane import DetailPane

__all__ = ["gold"]  # the fixture, used by name


async def test_an_empty_tab_the_picker_and_the_topic_column_say_what_they_are(
    make_app, gold
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(app, pilot)
        assert screen.summary is not None and screen.anchoring == []
        await pilot.press("5")
        await settle(app, pilot)
        pane = screen.query_one("#summary-detail", DetailPane).text
        assert "No annotation to check, orphaned, or on an article not opened." in pane
        assert "Nothing highlighted" not in pane
        await pilot.press("2")
        await settle(app, pilot)
        table = screen.query_one("#conflicts-table", DataTable)
        labels = [column.label.plain for column in table.columns.values()]
        assert labels[0] == "measured" and "counted" not in labels
        await pilot.press("a")
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, ChoicePrompt)
        assert picker.prompt_title == "Whose summary to show"
