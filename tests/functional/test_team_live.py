"""Several workbenches on one PostgreSQL database (issue 17): a tag made in one shows in
the others within a second, without a restart; a server that goes away is said, and
comes back by itself; a change another session made first is shown, never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest

from store import Store, open_store
from tests.fixtures.postgres import PgServer
from tests.fixtures.waiting import until
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.screens.summary import SummaryScreen
from workbench.tui.widgets.annotation_panel import AnnotationPanel

LIVE_SECONDS = 1.0
"""How soon another workbench must show a change (issue 17)."""
BACK_SECONDS = 15.0
"""How long a restarted server may take to be heard again (the listener's retries)."""
SIZE = (110, 32)


@pytest.fixture
def stores(pg_url: str) -> Iterator[Callable[[str], Store]]:
    """open(annotator): a session on the test's database, closed at the end."""
    with ExitStack() as stack:
        yield lambda annotator: stack.enter_context(open_store(pg_url, annotator))


def panel(app: WorkbenchApp) -> AnnotationPanel:
    assert isinstance(app.screen, AnnotateScreen)
    return app.screen.query_one(AnnotationPanel)


def tags_shown(app: WorkbenchApp) -> tuple[str, ...] | None:
    if not isinstance(app.screen, AnnotateScreen):
        return None
    shown = panel(app).annotation
    return None if shown is None else shown.tags


def notices(app: WorkbenchApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def make(store: Store, corpus: Corpus) -> WorkbenchApp:
    return WorkbenchApp(store, corpus=corpus, keymap={})


async def test_a_tag_reaches_the_other_workbenches_within_a_second(
    stores: Callable[[str], Store], bundled: Corpus
) -> None:
    desk, laptop = make(stores("alice"), bundled), make(stores("alice"), bundled)
    colleague = make(stores("bob"), bundled)
    async with (
        desk.run_test(size=SIZE) as pilot,
        laptop.run_test(size=SIZE) as other,
        colleague.run_test(size=SIZE) as bob,
    ):
        await bob.press("r", "F")  # bob reviews everyone's annotations (no filter)
        review = colleague.screen
        assert isinstance(review, ReviewScreen)
        await until(pilot, lambda: review.loaded and review.query_state.annotator is None, 5)
        assert tags_shown(laptop) is None

        await pilot.press("c")
        assert tags_shown(desk) == ("claim",)
        # alice's other session (on the same sentence) and bob's review show it.
        await until(pilot, lambda: tags_shown(laptop) == ("claim",), LIVE_SECONDS)
        assert panel(laptop).saved
        assert "tagged 1/" in str(laptop.screen.query_one("#position-line").render())
        await until(
            pilot,
            lambda: [row.annotation.tags for row in review.shown] == [("claim",)],
            LIVE_SECONDS,
        )
        assert not review.loading  # the rows are drawn, not a loading indicator

        # The summary open in the other session is computed again with each new tag.
        await other.press("S")
        summary = laptop.screen
        assert isinstance(summary, SummaryScreen)
        await until(pilot, lambda: summary.summary is not None and not summary.reading, 10)
        assert summary.summary is not None and summary.summary.totals.annotations == 1
        await pilot.press("j", "d")
        await until(
            pilot,
            lambda: summary.summary is not None and summary.summary.totals.annotations == 2,
            LIVE_SECONDS + 4,  # the summary is built again in full, in a worker
        )


async def test_a_server_away_is_said_kept_out_of_the_screen_and_recovered_by_itself(
    stores: Callable[[str], Store], bundled: Corpus, pg_server: PgServer
) -> None:
    app = make(stores("alice"), bundled)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c")
        assert panel(app).saved
        pg_server.stop()
        try:
            # The listener notices at once; the analyst is told before pressing a key.
            await until(pilot, lambda: any("server unreachable" in n for n in notices(app)), 5)
            await pilot.press("a")  # not acknowledged: shown as not saved, nothing else
            assert panel(app).error == f"not saved: connection lost ({app.store.location})"
            assert "NOT SAVED: connection lost" in str(panel(app).render())
            await pilot.press("j")  # a read: the screen stays, and says it could not read
            assert isinstance(app.screen, AnnotateScreen)
            assert "NOT READ: server unreachable" in str(panel(app).render())
            await pilot.press("r")  # the review cannot read either: it says so
            assert isinstance(app.screen, ReviewScreen)
            await until(pilot, lambda: "server unreachable" in _status(app), 5)
            await pilot.press("escape")
            assert isinstance(app.screen, AnnotateScreen)
            assert "NOT READ: server unreachable" in str(panel(app).render())
        finally:
            pg_server.start()
        # Back by itself: said, and the screen reads again (the claim is still there,
        # the attribution never was).
        await until(pilot, lambda: any("connected again" in n for n in notices(app)), 15)
        await pilot.press("k")
        assert tags_shown(app) == ("claim",)
        await pilot.press("a")
        assert tags_shown(app) == ("claim", "attribution")
        assert panel(app).saved and not panel(app).error
    assert [a.tags for a in app.store.all()] == [("claim", "attribution")]


def _status(app: WorkbenchApp) -> str:
    return str(app.screen.query_one("#review-status").render())


async def test_a_change_another_session_made_first_is_shown_never_overwritten(
    stores: Callable[[str], Store], bundled: Corpus
) -> None:
    desk, laptop = make(stores("alice"), bundled), make(stores("alice"), bundled)
    async with desk.run_test(size=SIZE) as pilot, laptop.run_test(size=SIZE) as other:
        assert laptop.link is not None and laptop.workspace is not None
        workspace = laptop.workspace
        await until(pilot, lambda: workspace.search is not None, 10)  # no refresh to come
        laptop.link.close()  # the laptop has not heard yet (its announcements are late)
        await pilot.press("c")
        await other.press("d")  # on what the laptop still shows: nothing
        shown = panel(laptop)
        assert "changed in another session" in shown.error
        assert "it now reads: claim" in shown.error
        assert tags_shown(laptop) == ("claim",)  # the current value, not its own
        await other.press("d")  # decided again, on what is there now
        assert tags_shown(laptop) == ("claim", "denial")
        # The desk's undo would overwrite the laptop's later change: refused, and the
        # desk's panel shows what is stored.
        await until(pilot, lambda: tags_shown(desk) == ("claim", "denial"), LIVE_SECONDS)
        await pilot.press("u")
        assert "changed in another session" in panel(desk).error
        assert tags_shown(desk) == ("claim", "denial")
    assert [a.tags for a in desk.store.all()] == [("claim", "denial")]
