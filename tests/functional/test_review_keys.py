"""The review screen, issue 16: the detail line with no row, Down from the search box,
letters typed in the search box, s and e (type-ahead safe), filters kept while the
app runs."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import Input

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from tests.fixtures.long_quotes import on_own_article, refuse_long_reads, repeated
from tests.functional.test_review import open_review, settle
from tests.functional.test_type_ahead import settle as settle_typed
from tests.functional.test_type_ahead import type_ahead
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Corpus
from workbench.core.corpus.sentences import WINDOW
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.screens.prompt import TextPrompt
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.state.review_rows import COLUMNS
from workbench.tui.widgets.review_table import ReviewTable

SIZE = (120, 36)


@pytest.fixture
def gold(bundled: Corpus, store: AnnotationStore) -> list[Annotation]:
    annotations = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    store.import_annotations(annotations)
    return store.all(store.annotator)


def detail(screen: ReviewScreen) -> str:
    return str(screen.query_one("#review-detail").render())


async def test_no_matching_row_says_so_on_the_detail_line(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert detail(screen)  # the first row's sentence
        await pilot.press("slash", *"qqqzzzxxx")
        await settle(app, pilot)
        assert screen.shown == []
        assert detail(screen) == (
            "No annotation matches the filters and the search “qqqzzzxxx” (F clears the filters)."
        )  # the filters: this analyst's annotations, the default
        await pilot.press("enter", "F")
        await settle(app, pilot)
        assert detail(screen) == "No annotation matches the search “qqqzzzxxx”."


async def test_down_from_the_search_box_moves_into_the_table(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        table = screen.query_one(ReviewTable)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press("down")
        assert app.focused is table and table.cursor_row == 0
        await pilot.press("down", "down")
        assert table.cursor_row == 2


async def test_letters_in_the_search_box_are_search_text(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    """Decided: the search box is a text field, so v, c, s, q... typed there are the
    search; Down, Enter, Tab or Escape go to the table, where they act on the row."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("slash", *"vcsq")
        assert screen.query_one("#review-search", Input).value == "vcsq"
        assert app.screen is screen  # no prompt opened, the screen not closed
        await pilot.press(*["backspace"] * 4, "down", "v")
        assert app.screen is not screen  # in the table, v asks for the status
        await pilot.press("escape")
        assert app.screen is screen


async def test_s_and_e_edit_source_and_note_from_review_typed_ahead(
    make_app, gold, store: AnnotationStore
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        first = screen.shown[0].annotation
        type_ahead(app, "s", "ctrl+a", "ctrl+k", *"Mr. Nebenzia", "enter")
        type_ahead(app, "e", *"see the AP wire", "enter", "down", "s", *"TASS", "enter")
        await settle_typed(app)
        assert app.screen is screen
        saved = store.get(first.article_id, first.index)
        assert saved is not None
        assert (saved.source, saved.note) == ("Mr. Nebenzia", first.note + "see the AP wire")
        second = screen.shown[1].annotation
        assert second.source == "TASS"  # Down ran before s: the row below was edited
        assert store.get(second.article_id, second.index).source == "TASS"  # type: ignore[union-attr]
        await pilot.press("u")
        assert store.get(second.article_id, second.index).source != "TASS"  # type: ignore[union-attr]


async def test_s_guesses_no_source_from_a_quote_longer_than_a_sentence(
    make_app, store: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """rv18 H2: an imported text pasted whole as one annotation's quote; guessing its
    speaker is quadratic in its length, and held the screen. Its prompt opens empty."""
    refuse_long_reads(monkeypatch)
    pasted = on_own_article("pasted", repeated(WINDOW + 1), "", ("claim",))
    store.import_annotations([replace(pasted, annotator=store.annotator, source=None)])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        assert app.screen.query_one(Input).value == ""


async def test_f_takes_a_burst_typed_after_it_through_both_steps(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    """The keys typed straight after f go to the filter prompt, not to the table, and
    those after its Enter to the second step's filter box (workbench.tui.typeahead)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        table = screen.query_one(ReviewTable)
        # Filter by: tag, status, article, source (down ×3); then the speakers' box.
        type_ahead(app, "f", "down", "down", "down", "enter", *"Kovalenko", "enter")
        await settle_typed(app)
        assert app.screen is screen
        assert screen.query_state.source == "Andriy Kovalenko"
        assert {row.annotation.source for row in screen.shown} == {"Andriy Kovalenko"}
        assert table.cursor_row == 0  # no arrow went to the table


async def test_o_takes_a_burst_typed_after_it(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        table = screen.query_one(ReviewTable)
        before = screen.query_state.sort
        type_ahead(app, "o", "down", "enter")  # the column after the current one
        await settle_typed(app)
        assert app.screen is screen
        assert screen.query_state.sort == COLUMNS[COLUMNS.index(before) + 1]
        assert table.cursor_row == 0


async def test_filters_sort_and_search_are_kept_while_the_app_runs(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("f", "1", "2", "o", "4", "slash", *"troops", "enter")  # claim
        await settle(app, pilot)
        query, shown = screen.query_state, [row.key for row in screen.shown]
        assert (query.tag, query.sort, query.text) == ("claim", "source", "troops")
        await pilot.press("escape")
        assert isinstance(app.screen, AnnotateScreen)
        again = await open_review(app, pilot)
        assert again is not screen
        assert again.query_state == query
        assert again.query_one("#review-search", Input).value == "troops"
        assert [row.key for row in again.shown] == shown


async def test_the_help_lists_every_screens_binding_ids(make_app) -> None:  # type: ignore[no-untyped-def]
    """README points to the help for the keymap's ids: it must list them all."""
    from workbench.tui.keymap import binding_scopes
    from workbench.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = {binding_id for _keys, _what, binding_id in app.screen.rows}
    every = {b.id for bindings in binding_scopes().values() for b in bindings if b.id}
    assert every - listed == set()
    assert {"review.edit_source", "review.edit_note", "summary.merge", "toggle_claim"} <= listed
