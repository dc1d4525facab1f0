"""rv15 R6: the review's detail under the table could need more lines than the eight it
is given at 80×24 (a row to check with a long source, sentence and note, the sentence as
tagged, and its source gone from the sentence): its last lines, where the row is and who
judged it, were cut off without a word. Each part is now fitted into the lines there are,
a long one cut saying its length, so the whole detail shows."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.geometry import Region

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article
from tests.functional.test_reanchoring_screens import corpus_of
from tests.functional.test_review import settle
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.review import ReviewScreen

TITLE = "Troops Sent To Kursk After The Ministry Of Defence Of Northern Transvaalia Spoke"
SOURCE = "The Ministry of Defence of the Republic of Northern Transvaalia and its Agencies"
CLAIM = (
    f"{SOURCE} said on Monday that 12,000 troops had been sent to the Kursk region over the "
    "weekend, in what officials described as the largest deployment since the start of "
    "the war, and that more would follow within days if the situation did not improve."
)
STORY = f"{TITLE}\n{CLAIM}\nNothing else was said.\n"
EDITED = STORY.replace(SOURCE, "Northern Transvaalia's defence ministry")
NOTE = (
    "Check against the parliamentary record and the procurement documents: the count "
    "differs from the one the agency gave the week before, and from the one in the "
    "ministry's own bulletin, which said 9,000 and gave no date for the deployment."
)


async def test_at_80_by_24_the_review_detail_shows_every_part_of_a_long_row_to_check(
    store: AnnotationStore, tmp_path: Path
) -> None:
    old = article(STORY)
    store.save(
        annotate(old, 1, store.annotator, tags=("claim", "attribution"), source=SOURCE,
                 status="in_progress", note=NOTE)
    )  # fmt: skip
    app = WorkbenchApp(store, corpus=corpus_of(tmp_path, EDITED), keymap={})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.shown[0].annotation.anchor_state == "check"
        detail = screen.query_one("#review-detail")
        width, height = detail.size
        lines = [s.text.rstrip() for s in detail.render_lines(Region(0, 0, width, height))]
        content = detail.render()
        assert isinstance(content, Content), content  # else the fit below proves nothing
        needed = len(content.wrap(width))
        table = screen.query_one("#review-table")
        assert table.size.height >= 5, "the table keeps room for rows"
    shown = " ".join(line.strip() for line in lines)
    assert needed <= height, (needed, height, lines)
    assert shown.startswith("to check (moved onto a similar sentence; y confirms): The Ministry")
    for said in (
        "as tagged:",  # the sentence as tagged
        "is not in the sentence now · s changes it",  # its source gone from it
        "in progress",  # where the row is and who judged it: the last line
        store.annotator,
        f"… ({len(NOTE)} characters)]",  # the note, cut saying its length
    ):
        assert said in shown, (said, lines)
