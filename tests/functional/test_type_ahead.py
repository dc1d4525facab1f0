"""Keys typed the moment a prompt opens belong to it, in every prompt.

Pilot's `press` waits for the app to settle after every key, which hides the race: a
fast typist's keys arrive while the prompt is still being built. `type_ahead` hands
every key to the driver at once, with no pause, as a terminal delivers them.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from textual import events
from textual.app import App
from textual.widgets import Input

from store import AnnotationStore
from workbench.core.corpus.articles import Corpus
from workbench.tui.screens.annotate import AnnotateScreen

SIZE = (100, 30)


def type_ahead(app: App[None], *keys: str) -> None:
    """Queue key presses as a terminal would: all at once, no waiting in between.

    A single character is typed as itself; a name ("ctrl+a", "enter") as that key.
    """
    assert app._driver is not None
    for key in keys:
        if len(key) == 1:
            name = {" ": "space", ".": "full_stop", "/": "slash", "~": "tilde"}.get(key, key)
            event = events.Key(name, key)
        else:
            event = events.Key(key, None)
        event.set_sender(app)
        app._driver.send_message(event)


def _busy(app: App[None]) -> bool:
    """A worker runs, or a key or message waits in a queue of the app, a screen or a
    widget (a burst's keys reach the next prompt's widgets one hop at a time)."""
    if any(not worker.is_finished for worker in app.workers):
        return True
    pumps = [app, *app.screen_stack]
    pumps += [node for screen in app.screen_stack for node in screen.walk_children()]
    return any(not pump._message_queue.empty() for pump in pumps)


async def settle(app: App[None], timeout: float = 60.0) -> None:
    """Wait until every key typed ahead has been read and what it started has finished:
    quiet twice in a row (a loaded machine takes several hops between a key and its
    effect). Bounded, so a key that is never read fails the test's assertion instead
    of hanging it."""
    from textual.pilot import Pilot

    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 2 and time.monotonic() < deadline:
        await app.workers.wait_for_complete()
        await app._animator.wait_until_complete()
        await Pilot(app).pause()
        quiet = 0 if _busy(app) else quiet + 1


async def test_source_typed_straight_after_s_is_kept_whole(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE):
        for _ in range(5):  # it used to happen now and then, not every time
            type_ahead(app, "s", "ctrl+a", "ctrl+k", *"Mr. Nebenzia", "enter")
            await settle(app)
            assert isinstance(app.screen, AnnotateScreen)
            saved = store.get(bundled.articles[0].id, 0)
            assert saved is not None and saved.source == "Mr. Nebenzia"
            type_ahead(app, "x")  # clear for the next round (the source stays)


async def test_note_go_to_and_status_take_type_ahead(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE):
        type_ahead(app, "e", *"check the AP wire", "enter")
        await settle(app)
        saved = store.get(bundled.articles[0].id, 0)
        assert saved is not None and saved.note == "check the AP wire"
        type_ahead(app, "g", "1", "2", "enter")
        await settle(app)
        assert app.session is not None and app.session.place.sentence == 11
        type_ahead(app, "v", "4")
        await settle(app)
        saved = store.get(bundled.articles[0].id, 11)
        assert saved is not None and saved.status == "refuted"
        assert isinstance(app.screen, AnnotateScreen)


async def test_export_prompts_take_type_ahead(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "typed.json"
    app = make_app()
    async with app.run_test(size=SIZE):
        type_ahead(app, "c")
        await settle(app)
        await app.action_export()
        type_ahead(app, "1", "ctrl+a", "ctrl+k", *str(target), "enter")
        await settle(app)
        assert isinstance(app.screen, AnnotateScreen)
    assert json.loads(target.read_bytes())["annotations"]


# -- QA finding 2: the keys before a prompt key, and after the key that answers it.


async def test_a_tag_typed_just_before_a_prompt_key_is_kept(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    first = bundled.articles[0].id
    async with app.run_test(size=SIZE):
        type_ahead(app, "c", "s", "escape")
        await settle(app)
        saved = store.get(first, 0)
        assert saved is not None and saved.tags == ("claim",)
        type_ahead(app, "j", "c", "e", *"note X", "enter")
        await settle(app)
        saved = store.get(first, 1)
        assert saved is not None and (saved.tags, saved.note) == (("claim",), "note X")
        type_ahead(app, "j", "c", "v", "3")
        await settle(app)
        saved = store.get(first, 2)
        assert saved is not None and (saved.tags, saved.status) == (("claim",), "supported")
        assert isinstance(app.screen, AnnotateScreen)


async def test_keys_typed_just_after_enter_in_a_prompt_reach_the_screen(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    first = bundled.articles[0].id
    async with app.run_test(size=SIZE):
        type_ahead(app, "c", "s", "ctrl+a", "ctrl+k", *"Name A", "enter", "j")
        await settle(app)
        saved = store.get(first, 0)
        assert saved is not None and (saved.tags, saved.source) == (("claim",), "Name A")
        assert app.session is not None and app.session.place.sentence == 1
        type_ahead(app, "s", "ctrl+a", "ctrl+k", *"Name D", "enter", "c", "j")
        await settle(app)
        saved = store.get(first, 1)
        assert saved is not None and (saved.tags, saved.source) == (("claim",), "Name D")
        assert app.session.place.sentence == 2
        type_ahead(app, "g", "5", "enter", "a", "e", *"after go", "enter", "k")
        await settle(app)
        saved = store.get(first, 4)
        assert saved is not None and (saved.tags, saved.note) == (("attribution",), "after go")
        assert app.session.place.sentence == 3
        assert isinstance(app.screen, AnnotateScreen)


async def test_arrows_enter_and_the_next_key_in_a_burst_apply_in_order(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    """A list prompt: the arrows move before Enter answers; the key after goes on."""
    app = make_app()
    first = bundled.articles[0].id
    async with app.run_test(size=SIZE):
        type_ahead(app, "v", "down", "down", "enter", "j")
        await settle(app)
        saved = store.get(first, 0)
        assert saved is not None and saved.status == "supported"  # unverified + 2
        assert app.session is not None and app.session.place.sentence == 1


async def test_search_enter_typed_before_the_results_jumps_to_the_best_hit(
    make_app, store: AnnotationStore
) -> None:  # type: ignore[no-untyped-def]
    """As on a large corpus, the results come a while after the words."""
    app = make_app()
    async with app.run_test(size=SIZE):
        await settle(app)  # the search index
        assert app.workspace is not None
        search = app.workspace.search
        quick = search.search_chunks

        def slow(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            time.sleep(0.2)
            yield from quick(*args, **kwargs)

        search.search_chunks = slow
        type_ahead(app, "slash", *"zelenskyy troops", "enter", "c")
        await settle(app)
        assert isinstance(app.screen, AnnotateScreen)
        assert app.session is not None and app.session.article.id.startswith("004")
        assert app.session.place.sentence == 13
        saved = store.get(app.session.article.id, 13)
        assert saved is not None and saved.tags == ("claim",)


# -- QA finding 6: the source prompt's guess is selected, so typing replaces it.


async def test_typing_replaces_the_source_guess_and_an_arrow_keeps_it(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    first = bundled.articles[0].id
    async with app.run_test(size=SIZE) as pilot:
        type_ahead(app, "g", "4", "enter")
        await settle(app)
        await pilot.press("s")  # as a new user does: s, then a look at the guess
        assert app.screen.query_one(Input).value == "Pat Ryder"
        await pilot.press(*"Ryder", "enter")
        saved = store.get(first, 3)
        assert saved is not None and saved.source == "Ryder"
        type_ahead(app, "s", *"Gen. Pat Ryder", "enter")  # a burst replaces it too
        await settle(app)
        saved = store.get(first, 3)
        assert saved is not None and saved.source == "Gen. Pat Ryder"
        await pilot.press("s", "end", *", the spokesman", "enter")
        saved = store.get(first, 3)
        assert saved is not None and saved.source == "Gen. Pat Ryder, the spokesman"
