"""`?` on the review and summary screens lists that screen's keys first, as it does on
the annotate screen, and the summary's footer shows it (qa13 Q10: README says "? help:
every key", but `?` did nothing there and no footer named it)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import Input, Static

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from tests.functional.test_narrow_footer import shown_keys
from tests.functional.test_review import open_review, settle
from tests.functional.test_summary_screen import open_summary
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Corpus
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.review import ReviewScreen


@pytest.fixture
def gold(bundled: Corpus, store: AnnotationStore) -> list[Annotation]:
    annotations = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    store.import_annotations(annotations)
    return store.all()


def first_ids(screen: object) -> list[str]:
    """The binding ids of the help's first rows, up to the first without one."""
    assert isinstance(screen, HelpScreen)
    ids = [binding_id for _keys, _what, binding_id in screen.rows]
    return ids[: ids.index("")]


async def test_question_mark_on_the_summary_lists_the_summarys_keys(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await open_summary(app, pilot)
        footer = shown_keys(list(summary.query("FooterKey")))
        await pilot.press("question_mark")
        help_screen = app.screen
        await pilot.press("question_mark")
        back = app.screen
    assert "question_mark" in footer, "the footer names ? at 80 columns"
    own = first_ids(help_screen)
    assert own[0] == "summary.help" and {"summary.merge", "summary.write"} <= set(own)
    assert not any(binding_id.startswith("review.") for binding_id in own)
    assert back is summary, "? closes the help again"


async def test_the_summarys_help_says_how_to_read_why_and_open_a_sentence(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    """qa20 #5: at 80x24 the header's hint gives way to the counts and the footer names
    neither Tab (the detail pane: why two figures conflict) nor Enter (open the
    sentence); the help now lists them after the screen's own keys."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
    assert isinstance(help_screen, HelpScreen)
    keys = [keys for keys, _what, _id in help_screen.rows]
    what = {keys: what for keys, what, _id in help_screen.rows}
    assert keys.index("tab") < keys.index("ctrl+p") and "enter" in keys
    assert "why two figures conflict" in what["tab"] and "open its sentence" in what["enter"]


async def test_question_mark_on_the_review_lists_the_reviews_keys(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        review = await open_review(app, pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        await pilot.press("escape")
        await pilot.press("slash", "question_mark")
        await settle(app, pilot)
        typed = review.query_one("#review-search", Input).value
        still = app.screen
    own = first_ids(help_screen)
    assert {"review.filter", "review.edit_source", "review.help"} <= set(own)
    assert not any(binding_id.startswith("summary.") for binding_id in own)
    assert isinstance(still, ReviewScreen) and typed == "?", "in the search box ? is text"


async def test_at_80_columns_every_description_is_shown_whole(make_app) -> None:  # type: ignore[no-untyped-def]
    """qa14 Q1: at 80x24 the binding-id column left ~28 columns, and most descriptions
    were cut with "…" ("Next sentence (into the nex…"), none readable whole."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        keys = screen.query_one("#help-keys", Static)
        shown = str(keys.render())
        width = keys.content_region.width
    assert "…" not in shown
    assert all(len(line) <= width for line in shown.splitlines())
    words = " ".join(shown.split())
    for _keys, description, _binding_id in screen.rows:
        assert " ".join(description.split()) in words, description
