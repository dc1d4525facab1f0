"""The detail pane draws only the lines in view: every line stays reachable by keys, long
lines wrap to the width, and text is data (no markup, no control codes reach the
terminal)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region

from workbench.tui.widgets.detail_pane import (
    CHARS_AT_ONCE,
    LINE_MOST,
    WRAP_AT_ONCE,
    DetailPane,
    drawn_line,
)

LINES = [f"line {n}: " + "word " * (n % 23) for n in range(14, 30)] + ["the end"]


class PaneApp(App[None]):
    CSS = "DetailPane { height: 8; padding: 0 1; }"

    def __init__(self) -> None:
        super().__init__()
        self.animation_level = "none"  # a key scrolls at once

    def compose(self) -> ComposeResult:
        yield DetailPane(id="pane")


def drawn(pane: DetailPane) -> list[str]:
    width, height = pane.size
    return [strip.text.strip() for strip in pane.render_lines(Region(0, 0, width, height))]


async def test_keys_reach_the_last_line_and_back_at_80_by_24() -> None:
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show("\n".join(LINES))
        pane.focus()
        await pilot.pause()
        assert LINES[0].startswith(drawn(pane)[0]) and drawn(pane)[0] == pane.lines_drawn[0].strip()
        assert len(pane.lines_drawn) > len(LINES), "long lines wrap to the width"
        assert all(len(line) <= pane.size.width for line in pane.lines_drawn)
        assert " ".join(" ".join(pane.lines_drawn).split()) == " ".join(" ".join(LINES).split())
        await pilot.press("end")
        assert drawn(pane)[-1] == pane.lines_drawn[-1].strip() == LINES[-1].strip()
        await pilot.press("home")
        assert LINES[0].startswith(drawn(pane)[0]) and drawn(pane)[0] == pane.lines_drawn[0].strip()
        for _ in range(len(pane.lines_drawn)):
            if drawn(pane)[-1] == pane.lines_drawn[-1].strip():
                break
            await pilot.press("pagedown")
        assert drawn(pane)[-1] == pane.lines_drawn[-1].strip(), "Page Down reaches the end"
        pane.show("\n".join(LINES))
        assert drawn(pane)[-1] == pane.lines_drawn[-1].strip(), "the same text keeps its place"
        pane.show("another text")
        await pilot.pause()
        assert drawn(pane)[0] == "another text", "a new text shows from its first line"


async def test_markup_and_control_codes_show_as_text() -> None:
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show("[Mr. Putin] said [bold]no[/bold]\n\x1b[31mred\x1b[0m\x07\tend\r")
        await pilot.pause()
        width, height = pane.size
        segments = [
            segment.text
            for strip in pane.render_lines(Region(0, 0, width, height))
            for segment in strip
        ]
        assert not any(ord(c) < 0x20 or ord(c) == 0x7F for text in segments for c in text)
        shown = drawn(pane)
        assert shown[:2] == ["[Mr. Putin] said [bold]no[/bold]", "␛[31mred␛[0m␇ end␍"]


async def test_a_long_text_shows_its_first_lines_at_once_and_the_rest_from_a_worker() -> None:
    """A ledger group's detail runs to thousands of lines at 100,000 annotations: the UI
    thread wraps enough to fill the pane, a worker the rest (issue 15: the analyst does
    not wait for the tool)."""
    long_lines = [f"sentence {n}: " + "a long line of text " * 12 for n in range(3 * WRAP_AT_ONCE)]
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show("\n".join(long_lines))
        first = list(pane.lines_drawn)
        assert first and first[0] == long_lines[0][: len(first[0])], "the first lines, at once"
        assert " ".join(" ".join(first).split()) == " ".join(
            " ".join(long_lines[:WRAP_AT_ONCE]).split()
        ), "the lines past WRAP_AT_ONCE are left to the worker"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert " ".join(" ".join(pane.lines_drawn).split()) == " ".join(
            " ".join(long_lines).split()
        ), "every line drawn once wrapped"
        assert all(len(line) <= pane.size.width for line in pane.lines_drawn)
        pane.focus()
        await pilot.press("end")
        assert drawn(pane)[-1] == pane.lines_drawn[-1].strip()
        assert long_lines[-1].strip().endswith(drawn(pane)[-1])


async def test_a_text_shown_while_the_last_is_wrapped_is_not_overwritten() -> None:
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show("\n".join(f"old {n} " + "word " * 30 for n in range(2 * WRAP_AT_ONCE)))
        pane.show("a short new text")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane.lines_drawn == ["a short new text"]
        assert drawn(pane)[0] == "a short new text"


async def test_a_line_of_megabytes_is_drawn_in_part_and_named() -> None:
    """tr18: a note of 30 MB (an import takes one) was wrapped whole on the UI thread
    each time its ledger group was shown: the summary screen froze 35 s. A line is drawn
    up to LINE_MOST characters, then says how many more it holds; the UI thread wraps
    about CHARS_AT_ONCE characters of a text, the worker the rest."""
    note = "word " * 600_000
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show(f"Note: {note}\nthe end")
        first = list(pane.lines_drawn)
        assert sum(map(len, first)) < 2 * LINE_MOST, "the line was wrapped whole"
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = " ".join(" ".join(pane.lines_drawn).split())
        more = len(f"Note: {note}") - LINE_MOST
        assert shown.endswith(f"word … ({more:,} more characters not shown) the end")
        assert len(shown) < LINE_MOST + 100
        assert pane.text.split("\n")[0] == drawn_line(f"Note: {note}")


async def test_the_ui_thread_wraps_about_chars_at_once_characters() -> None:
    """tr18: WRAP_AT_ONCE lines of LINE_MOST characters each (notes of megabytes) were
    wrapped on the UI thread, four million characters: past CHARS_AT_ONCE the worker
    wraps them."""
    lines = [f"line {n} " + "word " * (LINE_MOST // 5) for n in range(WRAP_AT_ONCE)]
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show("\n".join(lines))
        first = sum(map(len, pane.lines_drawn))
        assert 0 < first <= CHARS_AT_ONCE + LINE_MOST
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert " ".join(" ".join(pane.lines_drawn).split()) == " ".join(
            " ".join(map(drawn_line, lines)).split()
        )
