"""Every key of the annotate screen, asserting on the store's state."""

from __future__ import annotations

from store import AnnotationStore, StoreWriteError
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import StartAt, WorkbenchApp
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.widgets.annotation_panel import AnnotationPanel
from workbench.tui.widgets.sentence_view import SentenceView

SIZE = (100, 30)


def place(app: WorkbenchApp) -> tuple[int, int]:
    assert app.session is not None
    return app.session.place.article, app.session.place.sentence


def first_id(corpus: Corpus, number: int = 0) -> str:
    return corpus.articles[number].id


async def test_opens_on_the_first_sentence(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen)
        assert place(app) == (0, 0)


async def test_next_and_previous_sentence(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "down")
        assert place(app) == (0, 3)
        await pilot.press("k", "up")
        assert place(app) == (0, 1)
        await pilot.press("k", "k")
        assert place(app) == (0, 0)


async def test_stepping_past_the_last_sentence_enters_the_next_article(
    make_app, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    last = len(bundled.articles[0].sentences)
    app = make_app(StartAt(article_id=first_id(bundled), sentence=last))
    async with app.run_test(size=SIZE) as pilot:
        assert place(app) == (0, last - 1)
        await pilot.press("j")
        assert place(app) == (1, 0)
        await pilot.press("k")
        assert place(app) == (0, last - 1)


async def test_next_and_previous_article(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "J")
        assert place(app) == (2, 0)
        await pilot.press("K")
        assert place(app) == (1, 0)


async def test_toggle_tags(make_app, store: AnnotationStore, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    article = first_id(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "a", "d")
        saved = store.get(article, 0)
        assert saved is not None and saved.tags == ("claim", "attribution", "denial")
        await pilot.press("a")
        saved = store.get(article, 0)
        assert saved is not None and saved.tags == ("claim", "denial")
        assert app.screen.query_one(AnnotationPanel).saved


async def test_clear_tags(make_app, store: AnnotationStore, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "d", "x")
        saved = store.get(first_id(bundled), 0)
        assert saved is None or saved.tags == ()


async def test_tag_and_advance(make_app, store: AnnotationStore, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    article = first_id(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C", "A", "D")
        assert place(app) == (0, 3)
        tags = [store.get(article, index) for index in range(3)]
        assert [t.tags if t else None for t in tags] == [
            ("claim",),
            ("attribution",),
            ("denial",),
        ]


async def test_next_untagged_skips_tagged_sentences(make_app, store: AnnotationStore) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C", "C", "k", "k")
        assert place(app) == (0, 0)
        await pilot.press("n")
        assert place(app) == (0, 2)


async def test_go_to_sentence_counts_from_one(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "1", "4", "enter")
        assert place(app) == (0, 13)


async def test_go_to_rejects_a_number_out_of_range(make_app, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "9", "9", "9", "enter")
        assert not isinstance(app.screen, AnnotateScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, AnnotateScreen)
        assert place(app) == (0, 0)


async def test_source_prompt_is_prefilled_with_the_speaker(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    article = bundled.articles[0]
    index = next(s.index for s in article.sentences if s.text.startswith("Air Force Maj. Gen."))
    app = make_app(StartAt(article_id=article.id, sentence=index + 1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        from textual.widgets import Input

        assert app.screen.query_one(Input).value == "Pat Ryder"
        await pilot.press("enter")
        saved = store.get(article.id, index)
        assert saved is not None and saved.source == "Pat Ryder"


async def test_the_source_prompt_shows_the_sentence_it_covers_at_80x24(
    make_app, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    """qa7 Q10 b: at 80x24 the prompt, over the middle, hid the sentence being sourced."""
    from textual.widgets import Input, Label

    article = bundled.articles[0]
    longest = max(article.sentences, key=lambda s: len(s.text))
    app = make_app(StartAt(article_id=article.id, sentence=longest.index + 1))
    async with app.run_test(size=(80, 24)) as pilot:
        for key, title in (("s", "Source: who says it?"), ("e", "Note")):
            await pilot.press(key)
            detail = app.screen.query_one(".prompt-detail", Label)
            shown = " ".join(str(detail.render()).split())
            assert shown.startswith(" ".join(longest.text.split())[:60]), title
            box = app.screen.query_one(".prompt-box").region
            assert box.bottom <= 24 and app.screen.query_one(Input).region.height > 0
            await pilot.press("escape")
            assert isinstance(app.screen, AnnotateScreen)


async def test_escape_cancels_the_source_prompt(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "x", "escape")
        assert isinstance(app.screen, AnnotateScreen)
        assert store.get(first_id(bundled), 0) is None


async def test_note(make_app, store: AnnotationStore, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.press(*"check [AP]")
        await pilot.press("enter")
        saved = store.get(first_id(bundled), 0)
        assert saved is not None and saved.note == "check [AP]"


async def test_a_note_or_source_holding_a_nul_character_is_not_saved(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    """tr8 T3: the team store cannot hold U+0000, so no prompt stores one (a paste)."""
    from textual.widgets import Input, Label

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key in ("e", "s"):
            await pilot.press(key)
            typed = app.screen.query_one(Input)
            typed.value = "a\x00b"
            await pilot.press("enter")
            assert app.screen.query_one(Input) is typed  # still open, saying why
            hint = str(app.screen.query_one(".prompt-hint", Label).render())
            assert "NUL character (U+0000)" in hint
            await pilot.press("escape")
        assert store.get(first_id(bundled), 0) is None


async def test_status_picker(make_app, store: AnnotationStore, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "4")
        saved = store.get(first_id(bundled), 0)
        assert saved is not None and saved.status == "refuted"
        await pilot.press("v", "down", "enter")
        saved = store.get(first_id(bundled), 0)
        assert saved is not None and saved.status == "disputed"
        await pilot.press("v", "2")  # the panel reads as the picker does (qa6 Q28)
        assert "status in progress" in app.screen.query_one(AnnotationPanel).compose_panel().plain


async def test_undo_and_redo_across_articles(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "J", "d")
        assert store.get(bundled.articles[1].id, 0) is not None
        await pilot.press("u")
        assert store.get(bundled.articles[1].id, 0) is None
        await pilot.press("K", "J", "u")
        assert store.get(first_id(bundled), 0) is None
        assert place(app) == (0, 0)
        await pilot.press("ctrl+r")
        redone = store.get(first_id(bundled), 0)
        assert redone is not None and redone.tags == ("claim",)
        await pilot.press("ctrl+r")
        assert place(app) == (1, 0)
        redone = store.get(bundled.articles[1].id, 0)
        assert redone is not None and redone.tags == ("denial",)


async def test_search_jumps_to_the_chosen_sentence(make_app, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash")
        await pilot.press(*"barefaced lies")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        assert app.session is not None
        sentence = app.session.sentence
        assert sentence is not None and "barefaced lies" in sentence.text


async def test_article_list_opens_the_chosen_article(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "down", "down", "enter")
        assert place(app) == (2, 0)


async def test_help_lists_every_key(make_app) -> None:  # type: ignore[no-untyped-def]
    from workbench.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        described = " ".join(keys for keys, _, _ in app.screen.rows)
        ids = {binding_id for _, _, binding_id in app.screen.rows}
        assert {"toggle_claim", "next_sentence", "quit", "help"} <= ids
        for key in (
            "j",
            "k",
            "J",
            "K",
            "n",
            "g",
            "c",
            "a",
            "d",
            "x",
            "C",
            "A",
            "D",
            "s",
            "e",
            "v",
            "u",
            "^r",
            "/",
            "q",
            "?",
        ):
            assert key in described
        await pilot.press("escape")
        assert isinstance(app.screen, AnnotateScreen)


async def test_quit(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_reopening_returns_to_where_the_analyst_left_off(
    bundled: Corpus, store: AnnotationStore
) -> None:
    first = WorkbenchApp(store, corpus=bundled, keymap={})
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("J", "j", "j")
    second = WorkbenchApp(store, corpus=bundled, keymap={})
    async with second.run_test(size=SIZE):
        assert place(second) == (1, 2)


async def test_start_at_article_and_sentence(make_app, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    app = make_app(StartAt(article_id=bundled.articles[3].id, sentence=5))
    async with app.run_test(size=SIZE):
        assert place(app) == (3, 4)


async def test_a_failed_write_says_not_saved(make_app, store: AnnotationStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*args: object, **kwargs: object) -> None:
        raise StoreWriteError(store.path, "not saved: no space left on device")

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(store, "save", refuse)
        await pilot.press("c")
        panel = app.screen.query_one(AnnotationPanel)
        assert not panel.saved
        assert "no space left" in panel.error


async def test_keymap_remaps_a_binding(make_app, store: AnnotationStore, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    app = WorkbenchApp(store, corpus=bundled, keymap={"toggle_claim": "1"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        saved = store.get(first_id(bundled), 0)
        assert saved is not None and saved.tags == ("claim",)


async def test_an_answer_arriving_while_the_screen_is_taken_down_is_ignored(make_app) -> None:  # type: ignore[no-untyped-def]
    """A worker's answer (suggestions, history) or a change notice can reach the screen
    while the app removes its widgets on the way out: it must not fail the app."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, AnnotateScreen)
        await screen.query_one(SentenceView).remove()
        await pilot.pause()
        screen.refresh_view()  # raised NoMatches before
        assert not screen.query(SentenceView)


async def test_a_sentence_number_past_the_article_is_said_not_silently_clamped(  # type: ignore[no-untyped-def]
    make_app, bundled: Corpus
) -> None:
    """qa21 #12: `--sentence 9999` opened at the last sentence with no word, where
    `--article NOPE` is said."""
    article = bundled.articles[0]
    count = len(article.sentences)
    app = make_app(StartAt(article_id=article.id, sentence=9999))
    said: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kwargs: said.append(message) or notify(message, **kwargs)  # type: ignore[method-assign, func-returns-value]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.session is not None and app.session.place.sentence == count - 1
    assert f"No sentence 9,999: the article has {count}; opening the last." in said
