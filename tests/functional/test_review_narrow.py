"""qa14 Q10, Q16, Q18: at 80×24 the review's columns cut a long title, source, status
and note to a few letters, and the two lines under the table cut the rest: the row's
article, status and note could not be read. The lines under the table now say the row in
full: where it is and how it is judged, then its source, sentence and note."""

from __future__ import annotations

from textual.geometry import Region

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article
from workbench.config.settings import SuggestionSettings
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.review import ReviewScreen

TITLE = (
    "A Very Long Headline About the Ministry of Defence's Secret Procurement Programme "
    "and the Parliamentary Inquiry That Followed"
)
SOURCE = (
    "The Ministry of Defence of the Republic of Northern Transvaalia and its Associated Agencies"
)
STORY = article(
    f"{TITLE}\n{SOURCE} said 12,000 troops had been sent to Kursk.\n", "000_long"
)  # fmt: skip
NOTE = (
    "A very long note that explains in detail why this claim should be checked against "
    "the parliamentary record and the procurement documents"
)


async def test_at_80_by_24_the_lines_under_the_review_table_say_the_row_whole(
    store: AnnotationStore,
) -> None:
    store.save(
        annotate(STORY, 1, store.annotator, tags=("claim", "attribution"), source=SOURCE,
                 status="in_progress", note=NOTE)
    )  # fmt: skip
    app = WorkbenchApp(
        store,
        corpus=Corpus([STORY], []),
        keymap={},
        suggestions=SuggestionSettings(enabled=False),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        detail = screen.query_one("#review-detail")
        width, height = detail.size
        shown = " ".join(
            strip.text.strip() for strip in detail.render_lines(Region(0, 0, width, height))
        )
        table = screen.query_one("#review-table")
        assert table.size.height >= 8, "the table keeps most of the screen"
    for said in (TITLE, "sentence 2", "in progress", store.annotator, SOURCE, NOTE):
        assert " ".join(said.split()) in shown, said
