"""Outside text never reaches the terminal raw, on any screen of the app.

The app opens the hostile corpus (its loading worker, as `workbench annotate FOLDER`)
over a database holding the hostile import, and every screen is visited: annotate
(title, sentence, panel, notices), the source and note prompts (their input fields
hold the hostile values), status, help, article list, search, review (its filter
prompts, and Enter on a row whose article is not in the corpus), summary (every tab),
the export prompts. After each step, everything the screen would draw, toasts
included, is scanned for a character a terminal would obey; the hostile text must
be on screen, shown visibly.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets._toast import Toast

from store import AnnotationStore
from tests.fixtures import hostile
from workbench.core.terminal_text import UNSAFE
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.screens.summary import SummaryScreen

from .helpers import RecordingApp
from .terminal import Hostile

SIZE = (120, 40)


def drawn(app: WorkbenchApp) -> str:
    """Every line the current screen would send to the terminal, toasts included."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


class Visit:
    """Scans the screen after each step and keeps what was seen."""

    def __init__(self, app: WorkbenchApp, pilot: Pilot[None], figures: Counter[str]) -> None:
        self.app, self.pilot, self.figures = app, pilot, figures
        self.seen = ""
        self.toasts = ""
        """The notices' text, unwrapped (the screen wraps it at the toast's width)."""

    async def step(self, *keys: str, settle: bool = False) -> None:
        if keys:
            await self.pilot.press(*keys)
        if settle:
            await self.app.workers.wait_for_complete()
        await self.pilot.pause()
        text = drawn(self.app)
        found = [text[max(0, m.start() - 20) : m.end() + 20] for m in UNSAFE.finditer(text)]
        assert not found, (keys, type(self.app.screen).__name__, found)
        self.seen += text
        self.toasts += "".join(str(toast.render()) for toast in self.app.screen.query(Toast))
        self.figures["terminal safety: screens scanned"] += 1

    async def type_into_input(self, value: str) -> None:
        self.app.screen.query_one(Input).value = value
        await self.step()


async def test_no_screen_draws_a_control_character(
    space: Hostile, tmp_path: Path, figures: Counter[str]
) -> None:
    database = tmp_path / "annotations.json"
    with AnnotationStore.open(database, annotator=hostile.HOSTILE_ANNOTATOR) as store:
        store.import_annotations(hostile.hostile_annotations(space.corpus))
        app = RecordingApp(store, paths=[space.corpus], keymap={})
        app.animation_level = "none"
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            visit = Visit(app, pilot, figures)
            await visit.step(settle=True)
            assert isinstance(app.screen, AnnotateScreen)
            await visit_annotate(visit)
            await visit_review(visit)
            await visit_summary(visit)
            await visit.step("ctrl+p")
            await visit.type_into_input("Export")
            await visit.step("enter", "enter")  # the export command, then json
            await visit.type_into_input(f"out{hostile.TITLE_OSC}.json")
            await visit.step("escape")
    for expected in ("␛]0;pwned␇", "\\x9b31m", "\\u202e", "[Mr. Putin]", "[/]"):
        assert expected in visit.seen, expected
    assert any("\x1b]0;NOTIFYPWN" in message for message in app.notifications)  # skipped
    assert "␛]0;NOTIFYPWN␇bad.txt" in visit.toasts
    assert "Its article, imported␛]0;pwned␇article, is not in this corpus" in visit.toasts


async def visit_annotate(visit: Visit) -> None:
    await visit.step("j", "s")  # the source prompt, pre-filled with the hostile source
    await visit.type_into_input(f"typed {hostile.LINK}{hostile.C1_CSI}")
    await visit.step("enter")
    await visit.step("e")  # the note prompt
    await visit.type_into_input(hostile.HOSTILE_NOTE)
    await visit.step("enter")
    await visit.step("v")
    await visit.step("escape", "question_mark")
    await visit.step("escape", "o")
    await visit.step("escape", "slash")
    await visit.pilot.press(*"said")
    await visit.step(settle=True)
    await visit.step("escape", "g")
    await visit.step("escape")


async def visit_review(visit: Visit) -> None:
    await visit.step("r", settle=True)
    assert isinstance(visit.app.screen, ReviewScreen)
    await visit.step("f", "4")  # filter by source: the hostile sources are the choices
    await visit.step("escape")
    await visit.step("slash")
    await visit.type_into_input(f"{hostile.CLEAR}said")
    await visit.step(settle=True)
    await visit.type_into_input("")
    await visit.step("escape", settle=True)
    screen = visit.app.screen
    assert isinstance(screen, ReviewScreen)
    outside = next(
        n
        for n, row in enumerate(screen.shown)
        if row.annotation.article_id == hostile.IMPORT_ARTICLE
    )
    screen.query_one("#review-table").move_cursor(row=outside)  # type: ignore[attr-defined]
    await visit.step("enter")  # "… is not in this corpus", quoting the article id
    assert isinstance(visit.app.screen, ReviewScreen)  # nothing to open: it says why
    await visit.step("escape")
    assert isinstance(visit.app.screen, AnnotateScreen)


async def visit_summary(visit: Visit) -> None:
    await visit.step("S", settle=True)
    assert isinstance(visit.app.screen, SummaryScreen)
    for tab in "1234":
        await visit.step(tab, settle=True)
    await visit.step("w")
    await visit.step("escape", "escape")
