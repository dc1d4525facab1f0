"""The search screen (`/`): words in any order, typos allowed; Enter jumps there."""

from __future__ import annotations

from textual.widgets import Input, Label, OptionList

from tests.fixtures.waiting import until
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.screens.search import SearchScreen

SIZE = (100, 30)


async def test_words_in_any_order_with_a_typo_jump_to_the_sentence(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()  # the search index
        for typed, query in enumerate(("zelenskyy troops", "troops zelenskyy", "zelensky troops")):
            await pilot.press("K")  # away from the sentence, so each query must find it
            await pilot.press("slash")
            if typed == 0:
                await pilot.press(*query)
            else:  # as if typed: Input.Changed starts the search (and saves Pilot's time)
                app.screen.query_one(Input).value = query
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            await until(pilot, lambda: screen.hits_for == query, 10.0)  # noqa: B023
            status = str(screen.query_one("#search-status", Label).render())
            assert "best matches" in status, query
            await pilot.press("enter")
            assert isinstance(app.screen, AnnotateScreen)
            assert app.session is not None
            assert app.session.article.id.startswith("004"), query
            sentence = app.session.sentence
            assert sentence is not None and sentence.index == 13, query
            assert "two units of North Korean troops" in sentence.text

        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        screen.query_one(Input).value = "zelenskyy pineapple"
        await until(pilot, lambda: screen.hits_for == "zelenskyy pineapple", 10.0)
        assert app.screen.query_one(OptionList).option_count == 0
        status = str(app.screen.query_one("#search-status", Label).render())
        assert "no sentence has all of these words: 'zelenskyy pineapple'" in status
        await pilot.press("enter")  # nothing to jump to: the screen stays
        assert isinstance(app.screen, SearchScreen)
        app.screen.query_one(Input).value = "banana"  # QA finding 15: one word, named
        await until(pilot, lambda: screen.hits_for == "banana", 10.0)
        status = str(app.screen.query_one("#search-status", Label).render())
        assert "no sentence has 'banana'" in status


async def test_results_name_the_article_by_its_title(make_app, bundled) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()  # the search index
        await pilot.pause()
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        screen.query_one(Input).value = "zelenskyy troops"
        await until(pilot, lambda: screen.hits_for == "zelenskyy troops", 10.0)
        first = str(screen.query_one(OptionList).get_option_at_index(0).prompt)
        article = next(a for a in bundled.articles if a.id.startswith("004"))
        assert first.startswith(article.title[:20]) and "#14" in first
        assert "004_" not in first


async def test_titles_take_the_room_the_list_has(make_app, bundled) -> None:  # type: ignore[no-untyped-def]
    """polish20: titles were cut at 32 characters at any width ("North Korean troops
    have been…" in a list 170 cells wide); now up to half a hit's line, and cut again
    when the terminal is resized."""
    article = next(a for a in bundled.articles if a.id.startswith("004"))
    title = article.title  # "North Korean troops have been sent to Russia, U.S. confirms"
    app = make_app()
    async with app.run_test(size=(200, 40)) as pilot:
        await app.workers.wait_for_complete()  # the search index
        await pilot.pause()
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        screen.query_one(Input).value = "zelenskyy troops"
        await until(pilot, lambda: screen.hits_for == "zelenskyy troops", 10.0)
        results = screen.query_one(OptionList)

        def first() -> str:
            return str(results.get_option_at_index(0).prompt)

        assert first().startswith(f"{title} #14  "), first()
        await pilot.resize_terminal(80, 30)
        await until(pilot, lambda: not first().startswith(title), 5.0)
        shown = first().split(" #14  ")[0]
        assert shown.endswith("…") and title.startswith(shown[:-1].rstrip())
        assert len(shown) <= results.scrollable_content_region.width // 2 + 1
        assert results.highlighted == 0
