"""A worker's result handed back to the UI thread, or to no one once its screen left."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.widgets import Label

from workbench.tui.hand_back import hand_back


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("host", id="host")


def in_a_thread(work: Callable[[], object]) -> None:
    """Run `work` on a thread of its own, as a worker does; what it raises, raised here."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:
            raised.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    if raised:
        raise raised[0]


async def test_the_callback_runs_on_the_ui_thread() -> None:
    app = Host()
    ran_on: list[int] = []
    async with app.run_test() as pilot:
        label = app.query_one("#host")
        worker = threading.Thread(
            target=hand_back, args=(label, lambda: ran_on.append(threading.get_ident()))
        )
        worker.start()
        while worker.is_alive():
            await asyncio.sleep(0.01)
        await pilot.pause()
        assert ran_on == [threading.get_ident()]


async def test_a_node_that_left_its_screen_gets_nothing_and_raises_nothing() -> None:
    app = Host()
    ran: list[str] = []
    async with app.run_test() as pilot:
        label = app.query_one("#host")
        await label.remove()
        await pilot.pause()
    in_a_thread(lambda: hand_back(label, ran.append, "late"))  # would raise NoActiveAppError
    assert ran == []


async def test_an_app_that_has_stopped_gets_nothing() -> None:
    app = Host()
    ran: list[str] = []
    async with app.run_test():
        label = app.query_one("#host")
    in_a_thread(lambda: hand_back(label, ran.append, "late"))
    assert ran == []


async def test_what_the_callback_returns_comes_back_to_the_thread() -> None:
    app = Host()
    got: list[object] = []
    async with app.run_test() as pilot:
        label = app.query_one("#host")
        worker = threading.Thread(target=lambda: got.append(hand_back(label, lambda: "rows")))
        worker.start()
        while worker.is_alive():
            await asyncio.sleep(0.01)
        await pilot.pause()
    assert got == ["rows"]
    in_a_thread(lambda: got.append(hand_back(label, lambda: "late")))
    assert got == ["rows", None]  # the app has stopped: nothing ran, None came back
