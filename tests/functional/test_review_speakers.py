"""The review's source filter names speakers as the summary's Sources tab does (qa3 F9):
a pronoun accepted from a suggestion ("He" → Lloyd Austin) is filtered under the speaker
it names, and "he" is never one choice across articles."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList

from store import AnnotationStore
from tests.functional.test_review import settle
from workbench.config.settings import SuggestionSettings
from workbench.core.analysis.lexicon import SOURCE_PRONOUNS
from workbench.core.analysis.suggestions.provenance import as_shown
from workbench.core.analysis.suggestions.suggest import suggest
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.articles import Article, Corpus
from workbench.tui.app import StartAt
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.screens.summary import SummaryScreen
from workbench.tui.widgets.review_table import ReviewTable

SIZE = (120, 36)
ON = SuggestionSettings(enabled=True, lowest_score=0.5)


def accepted(article: Article, annotator: str) -> list[Annotation]:
    """Each sentence of `article` with a suggestion, saved as the annotate screen saves
    it when Enter accepts it (tags, source and provenance)."""
    saved = []
    for suggestion in suggest(article):
        shown = as_shown(suggestion, ON.lowest_score)
        if shown is None or not shown.tags:
            continue
        sentence = article.sentences[suggestion.index]
        anchor = Anchor.in_text(
            article.id, article.sha256, article.text, sentence.index, sentence.start, sentence.end
        )
        saved.append(
            Annotation.new(
                anchor, annotator, tags=shown.tags, source=shown.source, suggestion=shown
            )
        )
    return saved


async def test_a_speaker_keeps_the_rows_the_summary_counts(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    austin = bundled.articles[2]  # "He" and "he" → Lloyd Austin, in sentences 25 and 29
    for article in bundled.articles:
        if article is not austin:
            store.import_annotations(accepted(article, store.annotator))
    first = 21  # the article's last sentences, as an analyst accepts them
    app = make_app(StartAt(article_id=austin.id, sentence=first), suggestions=ON)
    async with app.run_test(size=SIZE) as pilot:
        # Enter through them: every suggestion accepted, one key each.
        for _ in austin.sentences[first - 1 :]:
            await settle(app, pilot)
            await pilot.press("enter")
        pronouns = [
            a for a in store.all() if a.article_id == austin.id and a.source in ("He", "he")
        ]
        assert len(pronouns) == 2, "the article's two pronoun sources were accepted"

        await pilot.press("S")
        await settle(app, pilot)
        summary = app.screen
        assert isinstance(summary, SummaryScreen) and summary.summary is not None
        await pilot.press("4")
        table = summary.query_one("#sources-table", DataTable)
        cells = next(
            row
            for row in (table.get_row_at(n) for n in range(table.row_count))
            if row[0].plain == "Lloyd Austin"
        )
        counted = next(r for r in summary.summary.sources if r.canonical == "Lloyd Austin")
        assert "he → Lloyd Austin" in counted.variants and str(counted.sentences) in [
            cell.plain for cell in cells
        ]
        await pilot.press("escape")

        await pilot.press("r")
        await settle(app, pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        choices = review.filter_choices("source")
        # No pronoun is one choice across articles: each names a speaker, or its article.
        assert not [c for c, name in choices.items() if (name or "").lower() in SOURCE_PRONOUNS]
        (label,) = [label for label, name in choices.items() if name == "Lloyd Austin"]
        assert "he → Lloyd Austin" in label
        await pilot.press("f", "4")
        await pilot.pause()
        app.screen.query_one(OptionList).highlighted = list(choices).index(label)
        await pilot.press("enter")
        await settle(app, pilot)
        assert len(review.shown) == counted.sentences
        sources = [row.annotation.source for row in review.shown]
        assert sources.count("He") + sources.count("he") >= 2

        # An edit that changes a source changes the choices (built again in a worker):
        # the highlighted "He" is now someone else, and Lloyd Austin has one row less.
        table = review.query_one(ReviewTable)
        table.move_cursor(row=sources.index("He"))
        await pilot.press("s", "ctrl+u", *"Olga Marin", "enter")
        await settle(app, pilot)
        assert review.speakers is not None
        assert "Olga Marin" in review.filter_choices("source").values()
        lloyd = [
            row
            for row in review.rows.values()
            if review.speakers.of(row.annotation) == "Lloyd Austin"
        ]
        assert len(lloyd) == counted.sentences - 1

        # Opened again, the filter kept waits for the speakers, then keeps his rows.
        await pilot.press("escape", "r")
        await settle(app, pilot)
        again = app.screen
        assert isinstance(again, ReviewScreen) and again.query_state.source == "Lloyd Austin"
        assert len(again.shown) == counted.sentences - 1


async def test_confirming_a_moved_pronoun_names_its_speaker(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    """qa5 Q6: a "He" typed on an annotation moved by an edit is "to confirm" (the text it
    was made on is gone); once the analyst confirms it there (y), the review's speakers
    are read again and it is the speaker its sentence's text names."""
    austin = bundled.articles[2]
    shown = next(s for s in suggest(austin) if s.source == "He" and s.resolved_source)
    sentence = austin.sentences[shown.index]
    anchor = Anchor.in_text(
        austin.id, austin.sha256, austin.text, sentence.index, sentence.start, sentence.end
    )
    typed = Annotation.new(
        anchor, store.annotator, tags=("claim", "attribution"), source="He",
        anchor_state="reanchored",
    )  # fmt: skip
    store.import_annotations([typed])
    app = make_app(StartAt(article_id=austin.id, sentence=shown.index + 1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await settle(app, pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.speakers is not None
        (row,) = review.rows.values()
        assert (review.speakers.of(row.annotation) or "").startswith("he (to confirm, in “")
        await pilot.press("y")
        await settle(app, pilot)
        (row,) = review.rows.values()
        assert row.annotation.anchor_state == "current"
        assert review.speakers.of(row.annotation) == shown.resolved_source
