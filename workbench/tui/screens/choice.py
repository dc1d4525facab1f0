"""Pick one item from a short list: arrows and Enter, a digit, or Escape to cancel."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from workbench.tui.literal import literal


class ChoicePrompt(ModalScreen[str | None]):
    """Returns the chosen item, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choice.cancel"),
    ]

    def __init__(self, title: str, choices: list[str], current: str | None = None) -> None:
        super().__init__(classes="prompt-screen")
        self.prompt_title = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt-box"):
            yield Label(literal(self.prompt_title, single_line=True), classes="prompt-title")
            yield OptionList(
                *(
                    Option(literal(f"{number}  {choice}"), id=choice)
                    for number, choice in enumerate(self.choices, start=1)
                )
            )
            yield Label("↑/↓ and Enter, or a number · Escape cancels", classes="prompt-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current in self.choices:
            options.highlighted = self.choices.index(self.current)

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_key(self, event: Key) -> None:
        if event.character and event.character.isdigit():
            number = int(event.character)
            if 1 <= number <= len(self.choices):
                event.stop()
                self.dismiss(self.choices[number - 1])

    def action_cancel(self) -> None:
        self.dismiss(None)
