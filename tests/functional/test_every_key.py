"""Every key bound on every screen is pressed, and the app is still running after each.

qa21 #1: PageUp and PageDown on the review table ran `action_cursor_page_down`, which
DataTable does not have, and the app died with a traceback. Each screen of the keymap's
table (keymap.binding_scopes, what the help lists) is opened, and every key it binds, and
every key its focused widgets bind (App.active_bindings: the table's Home, End, PageUp...),
is pressed on it: a binding naming a missing action fails here, not in an analyst's hands.
Only the keys that quit the app are left out.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.screen import Screen

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.keymap import binding_scopes
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.screens.loading import LoadingScreen

SIZE = (100, 30)
QUITS = {"quit", "app.quit"}
"""Actions that end the app as asked: pressed, they would end the test too."""
REACH: dict[str, tuple[str, ...]] = {
    "annotate": (),
    "review": ("r",),
    "summary": ("S",),
    "help": ("question_mark",),
    "articles": ("o",),
    "choice": ("v",),  # the status picker
    "prompt": ("s",),  # the source prompt
    "search": ("slash",),
}
"""The keys that open each screen from the annotate screen (the loading screen is put
on top of it)."""


@pytest.fixture
def gold(bundled: Corpus, store: AnnotationStore) -> list[Annotation]:
    annotations = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    store.import_annotations(annotations)
    return store.all(store.annotator)


async def settle(app: WorkbenchApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()


def bound_keys(app: WorkbenchApp, scope: str) -> list[str]:
    """The keys of `scope`'s bindings and of what is focused on the screen now."""
    listed = [
        key.strip()
        for binding in binding_scopes()[scope]
        if binding.action not in QUITS
        for key in binding.key.split(",")
    ]
    bound = app.active_bindings.items()
    active = [key for key, binding in bound if binding.binding.action not in QUITS]
    return list(dict.fromkeys([*listed, *active]))


async def reach(app: WorkbenchApp, pilot, scope: str) -> Screen[object]:  # type: ignore[no-untyped-def]
    """Back to the annotate screen, then open `scope`'s screen on it."""
    while not isinstance(app.screen, AnnotateScreen):
        app.pop_screen()
        await settle(app, pilot)
    if scope == "loading":
        await app.push_screen(LoadingScreen())
    else:
        assert scope in REACH, f"say how the {scope} screen is opened (REACH)"
        await pilot.press(*REACH[scope])
    await settle(app, pilot)
    assert not isinstance(app.screen, AnnotateScreen) or scope == "annotate", scope
    return app.screen


@pytest.mark.parametrize("scope", sorted(binding_scopes()))
async def test_every_bound_key_leaves_the_app_running(make_app, gold, scope: str) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = await reach(app, pilot, scope)
        keys = bound_keys(app, scope)
        assert keys
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
            assert app._exception is None and app.is_running, f"{key} on the {scope} screen"
            if screen not in app.screen_stack:  # it closed (Escape, Enter...): open it again
                screen = await reach(app, pilot, scope)
            while app.screen is not screen:  # what the key opened on it (a prompt...)
                app.pop_screen()
                await settle(app, pilot)
