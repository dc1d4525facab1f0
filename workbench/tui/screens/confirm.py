"""A yes/no question: y answers yes; n, Escape or Enter answer no (the safe answer)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Label

from workbench.tui.literal import literal
from workbench.tui.typeahead import PromptScreen


class ConfirmPrompt(PromptScreen[bool]):
    """Returns True for yes. Answered as the key is typed (priority bindings)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "reply(True)", "Yes", id="confirm.yes", priority=True),
        Binding("n,escape,enter", "reply(False)", "No", id="confirm.no", priority=True),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__(classes="prompt-screen")
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt-box"):
            yield Label(literal(self.question), classes="prompt-title")
            if self.detail:
                yield Label(literal(self.detail))
            yield Label("y yes · n, Enter or Escape no", classes="prompt-hint", markup=False)

    def typing_target(self) -> Widget:
        return self

    def action_reply(self, yes: bool) -> None:
        self.dismiss(yes)


def describe(path: Path) -> str:
    """Size and time of an existing file, for the overwrite question."""
    try:
        info = path.stat()
    except OSError:
        return ""
    written = datetime.fromtimestamp(info.st_mtime).strftime("%Y-%m-%d %H:%M")
    return f"It holds {info.st_size:,} bytes, written {written}."
