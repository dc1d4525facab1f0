"""The detail pane draws only the lines in view: every line stays reachable by keys, long
lines wrap to the width, and text is data (no markup, no control codes reach the
terminal)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region

from workbench.tui.widgets.detail_pane import DetailPane

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
