"""A source or note far longer than a screen takes a few lines of the panel, not the screen."""

from __future__ import annotations

from store import AnnotationStore
from tests.fixtures.waiting import until
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.articles import Corpus
from workbench.tui.widgets.annotation_panel import FIELD_LINES, AnnotationPanel
from workbench.tui.widgets.sentence_view import SentenceView


async def test_a_huge_note_and_source_are_cut_to_a_few_lines_saying_their_length(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    """tr15 T3: a 20 MB note (imported) took the annotate screen 25 s to open, wrapped
    into 170,000 lines that pushed the sentence out of view."""
    article = bundled.articles[0]
    first = article.sentences[0]
    anchor = Anchor.in_text(article.id, article.sha256, article.text, 0, first.start, first.end)
    note, source = "checked [AP] " * 4_000, "Mr. Putin " * 1_000
    store.save(Annotation.new(anchor, "tester", tags=("claim",), note=note, source=source))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(AnnotationPanel)
        assert panel.size.height <= 2 + 2 * FIELD_LINES
        assert app.screen.query_one(SentenceView).size.height > 5, "the sentence in view"
        shown = str(panel.render())
        assert "checked [AP] checked" in shown and "… (52,000 characters)" in shown
        assert "Mr. Putin Mr." in shown and "… (10,000 characters)" in shown


async def test_the_review_detail_cuts_a_huge_note_too(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    """tr15 T3: the review screen's two-line detail wrapped the whole note (5 s to open on
    a 20 MB one)."""
    from textual.widgets import Static

    from workbench.tui.screens.review import ReviewScreen

    article = bundled.articles[0]
    first = article.sentences[0]
    anchor = Anchor.in_text(article.id, article.sha256, article.text, 0, first.start, first.end)
    store.save(Annotation.new(anchor, "tester", tags=("claim",), note="checked [AP] " * 4_000))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.loaded, 30)
        await pilot.pause()
        shown = str(app.screen.query_one("#review-detail", Static).render())
        assert "[note: checked [AP] checked" in shown and "… (52,000 characters)]" in shown
        assert len(shown) < 3 * 2 * 100, "each part at most the two lines"
