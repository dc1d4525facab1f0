"""Every key of the screen `?` was pressed on, then of every other screen, as currently
bound (keymap overrides included), with the binding id that keymap.toml uses to change
it (BoundKeys.help_rows); above them, the problems found in
keymap.toml and settings.toml, which a notice at start-up may have shown too briefly or
off screen (qa9 Q12: at 80x24 later notices pushed the keymap's off the top)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from workbench.tui.bound_keys import BoundKeys


def show_help(screen: Screen[Any], keys: BoundKeys, scope: str) -> None:
    """Open the help of the screen `scope` ("annotate", "review", "summary") over
    `screen`, with the app's settings problems (WorkbenchApp.settings_notices) first."""
    problems = getattr(screen.app, "settings_notices", ())
    screen.app.push_screen(HelpScreen(keys.help_rows(scope), problems))


PROBLEMS_TITLE = "Settings problems (each ignored: its default applies)"


class KeyRows(Static):
    """Keys, binding id, what they do: a row a line where it fits; a description longer
    than the width left wraps under itself (qa14 Q1: at 80 columns most were cut, "Next
    sentence (into the nex…", "Accept the suggestion (tags…", and nothing showed them
    whole)."""

    def __init__(self, rows: list[tuple[str, str, str]], *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.rows = rows
        self.keys_width = max((len(keys) for keys, _, _ in rows), default=4) + 2
        self.ids_width = max((len(binding_id) for _, _, binding_id in rows), default=4) + 2

    def lines(self, width: int) -> list[Content]:
        indent = self.keys_width + self.ids_width
        room = max(width - indent, 20)
        lines: list[Content] = []
        for keys, description, binding_id in self.rows:
            parts = textwrap.wrap(description, room, break_on_hyphens=False) or [""]
            lines.append(
                Content(keys.ljust(self.keys_width)).stylize("bold")
                + Content(binding_id.ljust(self.ids_width)).stylize("$text-muted")
                + Content(parts[0])
            )
            lines.extend(Content(" " * indent + part) for part in parts[1:])
        return lines

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_region.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))


class HelpScreen(ModalScreen[None]):
    """Lists (keys, what they do, binding id) rows, after the configuration problems (if
    any); any of Escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
    ]

    def __init__(self, rows: list[tuple[str, str, str]], problems: Sequence[str] = ()) -> None:
        super().__init__(classes="help-screen")
        self.rows = rows
        self.problems = list(problems)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="help-box"):
            if self.problems:
                yield Label(PROBLEMS_TITLE, classes="prompt-title", markup=False)
                yield Static(
                    "\n".join(self.problems),
                    id="help-problems",
                    classes="prompt-detail",
                    markup=False,
                )
            yield Label("Keys", classes="prompt-title")
            yield KeyRows(self.rows, id="help-keys")
            yield Label(
                "Escape, q or ? closes · keymap.toml remaps a key by its id",
                classes="prompt-hint",
                markup=False,
            )

    def action_close(self) -> None:
        self.dismiss(None)
