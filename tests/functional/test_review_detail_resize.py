"""qa21 #9: the review opened on a tiny terminal (20x5) kept the detail pane's cut for 20
columns after the window grew (80x24, 120x40) until the highlight moved: "Pentag … (30
characters)". The pane is laid out again at every width the screen takes."""

from __future__ import annotations

from textual.geometry import Region

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article
from tests.functional.test_review import settle
from workbench.config.settings import SuggestionSettings
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.review import ReviewScreen

SOURCE = "The Pentagon's press secretary"
STORY = article(
    "Troops in Kursk\n"
    f"{SOURCE} said 12,000 North Korean troops had been sent to the Kursk region.\n",
    "000_kursk",
)


def detail_text(screen: ReviewScreen) -> str:
    detail = screen.query_one("#review-detail")
    width, height = detail.size
    lines = detail.render_lines(Region(0, 0, width, height))
    return " ".join(strip.text.strip() for strip in lines)


async def test_the_detail_is_laid_out_again_when_the_terminal_grows(
    store: AnnotationStore,
) -> None:
    store.save(annotate(STORY, 1, store.annotator, tags=("claim",), source=SOURCE))
    app = WorkbenchApp(
        store, corpus=Corpus([STORY], []), keymap={}, suggestions=SuggestionSettings(enabled=False)
    )
    async with app.run_test(size=(20, 5)) as pilot:
        await pilot.press("r")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert "characters)" in detail_text(screen), "cut at 20 columns, its length said"
        for size in ((80, 24), (120, 40)):
            await pilot.resize_terminal(*size)
            await settle(app, pilot)
            shown = detail_text(screen)
            assert "characters)" not in shown, (size, shown)
            assert SOURCE in shown and "sentence 2" in shown, (size, shown)
