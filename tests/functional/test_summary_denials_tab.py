"""The summary screen's Denials tab (qa10 Q8): the denials aimed at no claim group, each
with why, were only counted on the screen ("12 denial(s) aimed at no claim group … listed
in the report, w"); to see which, the analyst had to write the report and open it
elsewhere."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from store import AnnotationStore
from tests.fixtures.anchored import annotate
from tests.fixtures.denial_stories import FLOOD_TOLL
from tests.functional.test_review import settle
from workbench.core.corpus.articles import load_corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.screens.summary import SummaryScreen
from workbench.tui.state.column_widths import cut_at_word
from workbench.tui.widgets.detail_pane import DetailPane

SIZE = (120, 36)


async def test_the_denials_no_claim_answers_are_listed_with_why_and_open_on_enter(
    store: AnnotationStore, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    lines = [quote for quote, _, _ in FLOOD_TOLL[:3]]
    (folder / "flood.txt").write_text("Ostrel flood\n" + " ".join(lines) + "\n", "utf-8")
    corpus = load_corpus([folder])
    article = corpus.articles[0]
    for index, (_, source, tags) in enumerate(FLOOD_TOLL[:3], 1):
        store.save(annotate(article, index, store.annotator, tags=("claim", *tags), source=source))
    app = WorkbenchApp(store, corpus=corpus, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("S")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        await pilot.press("6")
        await pilot.pause()
        table = screen.query_one("#denials-table", DataTable)
        assert table.row_count == 1
        row = [str(cell) for cell in table.get_row_at(0)]
        widths = [column.width for column in table.columns.values()]
        whole = ["4", "interior ministry", store.annotator, "denies a figure no claim group states"]
        # at 120 columns the denier and the reason are cut with "…" (qa20 #8), the pane
        # says them whole
        assert row[1:5] == [
            cut_at_word(text, width) for text, width in zip(whole, widths[1:5], strict=True)
        ]
        assert row[2].endswith("…") and row[4].endswith("…")
        detail = screen.query_one(DetailPane).text
        assert "denied by interior ministry" in detail
        assert "Denies: that 200 people had died in the Ostrel flood" in detail
        assert "These deny a figure" in detail
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AnnotateScreen)
        assert app.session is not None and app.session.place.sentence == 3
