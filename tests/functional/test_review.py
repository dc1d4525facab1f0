"""The review screen (`r`): filters, search, sort, jumping and editing from the table."""

from __future__ import annotations

import gc
import threading
from dataclasses import replace

import pytest
from textual.widgets import Input, OptionList

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from workbench.core.annotation import STATUSES, Annotation
from workbench.core.annotation_filter import UNTAGGED
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens import review
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.state import review_rows
from workbench.tui.state.review_rows import (
    COLUMNS,
    NO_SOURCE,
    ReviewFacets,
    ReviewQuery,
    make_rows,
    select_rows,
)
from workbench.tui.widgets.review_table import ReviewTable

SIZE = (120, 36)


@pytest.fixture
def gold(bundled: Corpus, store: AnnotationStore) -> list[Annotation]:
    """The gold annotations of the bundled articles, as the store's own annotator."""
    annotations = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    store.import_annotations(annotations)
    return store.all(store.annotator)


async def open_review(app: WorkbenchApp, pilot) -> ReviewScreen:  # type: ignore[no-untyped-def]
    await pilot.press("r")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


async def settle(app: WorkbenchApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the filter workers and the messages they post (a newer query cancels
    an older one's worker: those are not waited for)."""
    while running := [worker for worker in app.workers if not worker.is_finished]:
        for worker in running:
            if not worker.is_cancelled:
                await worker.wait()
        await pilot.pause()
    await pilot.pause()


def shown_keys(screen: ReviewScreen) -> list[tuple[str, int]]:
    return [(row.annotation.article_id, row.annotation.index) for row in screen.shown]


def table_rows(screen: ReviewScreen) -> int:
    return screen.query_one(ReviewTable).row_count


async def test_lists_every_annotation_in_corpus_order(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert shown_keys(screen) == [(note.article_id, note.index) for note in gold]
        assert table_rows(screen) == len(gold)


async def test_filter_by_tag_status_article_and_source(make_app, gold, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        # f, 1 = tag; then 4 = denial ("any" is 1).
        await pilot.press("f", "1", "4")
        await settle(app, pilot)
        denials = [note for note in gold if "denial" in note.tags]
        assert denials and shown_keys(screen) == [(n.article_id, n.index) for n in denials]
        # f, 2 = status; 5 = refuted (any, unverified, in_progress, supported, refuted).
        await pilot.press("f", "2", "5")
        await settle(app, pilot)
        both = [n for n in denials if n.status == "refuted"]
        assert shown_keys(screen) == [(n.article_id, n.index) for n in both]
        await pilot.press("F")
        await settle(app, pilot)
        assert len(screen.shown) == len(gold)
        # f, 3 = article; 3 = the second bundled article.
        await pilot.press("f", "3", "3")
        await settle(app, pilot)
        second = bundled.articles[1].id
        assert {key[0] for key in shown_keys(screen)} == {second}
        assert len(screen.shown) == sum(1 for note in gold if note.article_id == second)
        # Sources are many: pick one with arrows and Enter ('any' is highlighted first).
        # A speaker is offered once, named as the summary names them, with every
        # spelling of theirs ("General Ryder" is one of Pat Ryder's).
        await pilot.press("F")
        await settle(app, pilot)
        choices = screen.filter_choices("source")
        (label,) = [label for label in choices if "General Ryder" in label]
        assert screen.speakers is not None
        speaker = str(choices[label])
        spellings = {speaker, *screen.speakers.spellings[speaker]}
        assert "General Ryder" in spellings
        position = list(choices).index(label)
        await pilot.press("f", "4")
        app.screen.query_one(OptionList).highlighted = position
        await pilot.press("enter")
        await settle(app, pilot)
        # Every row typed as one of those spellings, and the pronouns that name him.
        speaker_of = screen.speakers.of
        assert screen.shown and all(speaker_of(row.annotation) == speaker for row in screen.shown)
        assert len(screen.shown) == sum(1 for n in gold if speaker_of(n) == speaker)
        shown = {row.annotation.source for row in screen.shown}
        assert {n.source for n in gold if n.source in spellings} < shown


async def test_search_filters_as_you_type(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("slash", *"barefac")
        await settle(app, pilot)
        partial = len(screen.shown)
        await pilot.press(*"ed lies")
        await settle(app, pilot)
        assert screen.shown
        assert all("barefaced lies" in row.annotation.quote for row in screen.shown)
        assert partial >= len(screen.shown)
        # Typing letters into the search box does not toggle tags.
        assert app.store.all(app.store.annotator) == gold
        # Search reaches the source and the note too.
        search = screen.query_one("#review-search", Input)
        search.value = "byline glued"
        await settle(app, pilot)
        assert [row.annotation.note for row in screen.shown] == [
            "byline glued to the first sentence"
        ]
        # Enter in the search box goes back to the table; Escape there closes.
        await pilot.press("enter")
        assert isinstance(screen.focused, ReviewTable)
        await pilot.press("escape")
        assert isinstance(app.screen, AnnotateScreen)


async def test_sort_by_a_key_or_a_header_click(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        # o, then 5 = status (article, sentence, tags, source, status, ...).
        await pilot.press("o", "5")
        await settle(app, pilot)
        ranks = [STATUSES.index(row.annotation.status) for row in screen.shown]
        assert ranks == sorted(ranks) and ranks[0] < ranks[-1]
        await pilot.press("o", "5")
        await settle(app, pilot)
        ranks = [STATUSES.index(row.annotation.status) for row in screen.shown]
        assert ranks == sorted(ranks, reverse=True)
        assert screen.query_state.sort == "status" and screen.query_state.descending
        # Clicking a header sorts by that column too.
        table = screen.query_one(ReviewTable)
        # The first column is 'article' (its width at this size plus one cell of padding
        # each side), then '#': click the '#' header.
        await pilot.click(table, offset=(table.columns["article"].width + 3, 0))
        await settle(app, pilot)
        assert screen.query_state.sort == "sentence"
        indexes = [row.annotation.index for row in screen.shown]
        assert indexes == sorted(indexes)


async def test_enter_opens_the_sentence_in_the_annotate_screen(  # type: ignore[no-untyped-def]
    make_app, gold, bundled: Corpus
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("down", "down", "down")
        target = screen.shown[3].annotation
        await pilot.press("enter")
        assert isinstance(app.screen, AnnotateScreen)
        assert app.session is not None
        assert app.session.article.id == target.article_id
        sentence = app.session.sentence
        assert sentence is not None and sentence.index == target.index


async def test_toggling_tags_and_status_from_the_table_is_stored_and_undoable(  # type: ignore[no-untyped-def]
    make_app, gold, store: AnnotationStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("down")
        before = screen.shown[1].annotation
        assert "denial" not in before.tags
        await pilot.press("d")
        stored = store.get(before.article_id, before.index)
        assert stored is not None and "denial" in stored.tags
        assert screen.shown[1].annotation == stored
        # v then 4 = refuted (unverified, in_progress, supported, refuted, ...).
        await pilot.press("v", "4")
        stored = store.get(before.article_id, before.index)
        assert stored is not None and stored.status == "refuted"
        await pilot.press("u")
        stored = store.get(before.article_id, before.index)
        assert stored is not None and stored.status == before.status
        assert "denial" in stored.tags
        await pilot.press("u")
        stored = store.get(before.article_id, before.index)
        assert stored is not None and stored.tags == before.tags
        assert screen.shown[1].annotation.tags == before.tags
        await pilot.press("ctrl+r")
        stored = store.get(before.article_id, before.index)
        assert stored is not None and "denial" in stored.tags
        # Undo history is the store's: the annotate screen undoes the same change.
        await pilot.press("q")
        assert isinstance(app.screen, AnnotateScreen)
        await pilot.press("u")
        stored = store.get(before.article_id, before.index)
        assert stored is not None and stored.tags == before.tags


async def test_clearing_every_tag_keeps_the_row_until_the_next_filter(  # type: ignore[no-untyped-def]
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:
    app = make_app()
    article = bundled.articles[0].id
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        screen = await open_review(app, pilot)
        assert shown_keys(screen) == [(article, 0)]
        await pilot.press("c")
        assert store.get(article, 0) is None
        assert shown_keys(screen) == [(article, 0)] and screen.shown[0].annotation.tags == ()
        await pilot.press("u")
        restored = store.get(article, 0)
        assert restored is not None and restored.tags == ("claim",)
        await pilot.press("slash", "x", "backspace")
        await settle(app, pilot)
        assert shown_keys(screen) == [(article, 0)]


async def test_other_annotators_rows_are_shown_on_request_and_read_only(  # type: ignore[no-untyped-def]
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:
    theirs = load_gold(bundled)[:3]
    store.import_annotations(theirs)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert screen.shown == []
        # f, 5 = annotator; 1 = any.
        await pilot.press("f", "5", "1")
        await settle(app, pilot)
        assert len(screen.shown) == 3
        await pilot.press("c")
        assert store.all() == sorted(theirs, key=lambda note: note.key)


async def test_bracketed_text_is_shown_literally(  # type: ignore[no-untyped-def]
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        # ctrl+u clears the guessed source ("U.S." for the headline) before typing
        await pilot.press("c", "s", "ctrl+u", *"[bold]x[/]", "enter")
        screen = await open_review(app, pilot)
        table = screen.query_one(ReviewTable)
        source_cell = table.get_cell_at(table.cursor_coordinate._replace(column=3))
        assert source_cell.plain == "[bold]x[/]"


def test_select_rows_searches_sources_and_sorts_blank_sources_last(bundled: Corpus) -> None:
    """Pure filtering: the search matches source and note, and sorts are stable."""
    notes = load_gold(bundled)
    rows = make_rows(notes, {a.id: n for n, a in enumerate(bundled.articles)}, {})
    ryder = select_rows(rows, ReviewQuery(text="ryder"))
    assert ryder is not None and any(row.annotation.source == "General Ryder" for row in ryder)
    cancelled = select_rows(rows, ReviewQuery(text="ryder"), lambda: True)
    assert cancelled is None
    by_source = select_rows(rows, ReviewQuery(sort="source"))
    assert by_source is not None
    sources = [row.annotation.source for row in by_source]
    named = [source for source in sources if source]
    assert named == sorted(named, key=str.casefold)
    assert sources[len(named) :] == [None] * (len(sources) - len(named))


def test_select_rows_keeps_untagged_rows_and_rows_without_a_source(bundled: Corpus) -> None:
    notes = load_gold(bundled)
    bare = notes[0].changed(tags=(), source=None, note="only a note")
    blank = notes[1].changed(source="")
    rows = make_rows(
        [bare, blank, *notes[2:]], {a.id: n for n, a in enumerate(bundled.articles)}, {}
    )
    untagged = select_rows(rows, ReviewQuery(tag=UNTAGGED))
    assert untagged is not None and [row.annotation for row in untagged] == [bare]
    sourceless = select_rows(rows, ReviewQuery(source=NO_SOURCE))
    assert sourceless is not None
    assert [row.annotation for row in sourceless] == [
        note for note in [bare, blank, *notes[2:]] if not note.source
    ]
    assert blank in [row.annotation for row in sourceless], "an empty source is no source"


def test_review_search_takes_words_in_any_order_and_a_typo_in_a_long_word(
    bundled: Corpus,
) -> None:
    """The review searches with the sentence search's rules (core/corpus/matching.py),
    at its own cutoff: words in any order; a typo from seven letters."""
    notes = load_gold(bundled)
    rows = make_rows(notes, {a.id: n for n, a in enumerate(bundled.articles)}, {})
    in_order = select_rows(rows, ReviewQuery(text="barefaced lies"))
    assert in_order and all("barefaced lies" in row.annotation.quote for row in in_order)
    for query in ("lies barefaced", "barefacd lies", "LIES, barefaced!"):
        assert select_rows(rows, ReviewQuery(text=query)) == in_order, query
    assert select_rows(rows, ReviewQuery(text="lyes barefaced")) == [], "short words are exact"


def test_review_search_finds_figures_written_with_or_without_separators(
    bundled: Corpus,
) -> None:
    """The review search normalises text as the sentence search does: 11000 finds 11,000."""
    notes = load_gold(bundled)
    rows = make_rows(notes, {a.id: n for n, a in enumerate(bundled.articles)}, {})
    for query in ("11000", "11,000"):
        found = select_rows(rows, ReviewQuery(text=query))
        assert found, query
        assert any("11,000" in row.annotation.quote for row in found), query
    # qa6 Q11: "11 000" (the NIS's) and fullwidth "２，０００" were missed
    odd = [
        replace(notes[0], quote="South Korea's spy agency said 11 000 North Korean troops."),
        replace(notes[1], quote="Officials in Seoul said ２，０００ more troops were sent."),
    ]
    rows = make_rows(odd, {a.id: n for n, a in enumerate(bundled.articles)}, {})
    for query, quote in (("11000", odd[0].quote), ("2000", odd[1].quote)):
        found = select_rows(rows, ReviewQuery(text=query))
        assert found and [row.annotation.quote for row in found] == [quote], query


async def test_the_store_is_read_off_the_ui_thread(  # type: ignore[no-untyped-def]
    make_app, gold, store: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    readers: list[threading.Thread] = []
    read_all = store.all

    def recorded_all(annotator: str | None = None) -> list[Annotation]:
        readers.append(threading.current_thread())
        return read_all(annotator)

    monkeypatch.setattr(store, "all", recorded_all)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert len(screen.shown) == len(gold)
    assert readers and threading.main_thread() not in readers


async def test_a_long_result_fills_the_table_in_batches_up_to_the_limit(  # type: ignore[no-untyped-def]
    make_app, gold, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(review, "SHOWN_LIMIT", 50)
    monkeypatch.setattr(review, "FILL_BATCH", 20)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert shown_keys(screen) == [(note.article_id, note.index) for note in gold[:50]]
        assert table_rows(screen) == 50 and screen.matched == len(gold)
        table = screen.query_one(ReviewTable)
        text = COLUMNS.index("text")  # the rows are in the order shown, every batch's
        assert [table.get_row_at(n)[text].plain for n in (0, 19, 20, 49)] == [
            screen.shown[n].annotation.quote for n in (0, 19, 20, 49)
        ]
        status = str(screen.query_one("#review-status").render())
        assert f"showing 50 of {len(gold)} matches" in status
        # The last batch's rows open like the first one's.
        table.move_cursor(row=45)
        target = shown_keys(screen)[45]
        await pilot.press("enter")
        assert app.session is not None and app.session.sentence is not None
        assert (app.session.article.id, app.session.sentence.index) == target


async def test_a_newer_query_replaces_an_older_one_still_filling(  # type: ignore[no-untyped-def]
    make_app, gold, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(review, "FILL_BATCH", 3)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        older = screen.query_state.sorted_by("text")
        newer = screen.query_state.changed(status="unverified")
        screen.set_query(older)
        screen.set_query(newer)
        await settle(app, pilot)
        expected = select_rows(list(screen.rows.values()), newer)
        assert expected is not None and 3 < len(expected) < len(gold)
        assert shown_keys(screen) == [
            (row.annotation.article_id, row.annotation.index) for row in expected
        ]
        assert table_rows(screen) == len(expected)


async def test_closing_the_screen_lets_go_of_its_rows(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert screen.rows
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen)
        assert screen.rows == {} and screen.shown == []


async def test_many_rows_are_frozen_out_of_the_collector(  # type: ignore[no-untyped-def]
    make_app, gold, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(review, "FREEZE_FROM", len(gold))
    gc.unfreeze()
    app = make_app()
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_review(app, pilot)
            frozen = gc.get_freeze_count()
            assert frozen > 0 and gc.isenabled()
            # A few rows only: nothing more is frozen.
            monkeypatch.setattr(review, "FREEZE_FROM", len(gold) + 1)
            await pilot.press("escape")
            screen = await open_review(app, pilot)
            assert gc.get_freeze_count() <= frozen and len(screen.shown) == len(gold)
    finally:
        gc.unfreeze()


def test_facets_offer_every_value_once_and_grow_with_edits(bundled: Corpus) -> None:
    notes = load_gold(bundled)
    facets = ReviewFacets.of(notes)
    assert facets.article_ids == {note.article_id for note in notes}
    assert facets.annotators == {note.annotator for note in notes}
    edited = notes[0].changed(source="A New Source", annotator="someone")
    grown = facets.including(edited)
    assert grown.annotators == facets.annotators | {"someone"}
    assert facets.including(notes[0].changed(source=None)) == facets


def test_sorting_a_chunk_at_a_time_orders_rows_as_one_sort_would(
    bundled: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = load_gold(bundled)
    rows = make_rows(notes, {a.id: n for n, a in enumerate(bundled.articles)}, {})
    monkeypatch.setattr(review_rows, "CHUNK", 7)
    for column in COLUMNS:
        for descending in (False, True):
            query = ReviewQuery(sort=column, descending=descending)
            whole = sorted(rows, key=review_rows._sort_key(column), reverse=descending)
            assert select_rows(rows, query) == whole, (column, descending)


async def test_rows_beyond_the_first_page_are_added_as_the_highlight_nears_the_last(  # type: ignore[no-untyped-def]
    make_app, gold, monkeypatch: pytest.MonkeyPatch
) -> None:
    """qa21 #3: "showing 300 of 7,920 matches", and Down, End and sorting stopped at row
    300: row 301 was out of reach but by filtering. The next page is added as the
    highlight nears the last row shown, until every match is in the table."""
    monkeypatch.setattr(review, "SHOWN_LIMIT", 12)
    monkeypatch.setattr(review, "FILL_BATCH", 5)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert table_rows(screen) == 12 and screen.matched == len(gold) > 24
        table = screen.query_one(ReviewTable)
        table.focus()
        for _ in range(len(gold) + 3):
            await pilot.press("down")
            await settle(app, pilot)
        assert table_rows(screen) == len(gold)
        assert table.cursor_row == len(gold) - 1
        assert shown_keys(screen) == [(note.article_id, note.index) for note in gold]
        status = str(screen.query_one("#review-status").render())
        assert f"{len(gold)} of {len(gold)} annotations" in status
