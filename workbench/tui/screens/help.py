"""Every key of the screen `?` was pressed on, then of every other screen, as currently
bound (keymap overrides included), with the binding id that keymap.toml uses to change
it (BoundKeys.help_rows); above them, the problems found in
keymap.toml and settings.toml, which a notice at start-up may have shown too briefly or
off screen (qa9 Q12: at 80x24 later notices pushed the keymap's off the top)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from workbench.tui.bound_keys import BoundKeys


def show_help(screen: Screen[Any], keys: BoundKeys, scope: str) -> None:
    """Open the help of the screen `scope` ("annotate", "review", "summary") over
    `screen`, with the app's settings problems (WorkbenchApp.settings_notices) first."""
    problems = getattr(screen.app, "settings_notices", ())
    screen.app.push_screen(HelpScreen(keys.help_rows(scope), problems))


PROBLEMS_TITLE = "Settings problems (each ignored: its default applies)"


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
        width = max((len(keys) for keys, _, _ in self.rows), default=4) + 2
        named = max((len(binding_id) for _, _, binding_id in self.rows), default=4) + 2
        lines = [
            Content(keys.ljust(width)).stylize("bold")
            + Content(binding_id.ljust(named)).stylize("$text-muted")
            + Content(description)
            for keys, description, binding_id in self.rows
        ]
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
            yield Static(Content("\n").join(lines), id="help-keys")
            yield Label(
                "Escape, q or ? closes · keymap.toml remaps a key by its id",
                classes="prompt-hint",
                markup=False,
            )

    def action_close(self) -> None:
        self.dismiss(None)
