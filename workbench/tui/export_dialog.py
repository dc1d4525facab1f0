"""Export from the TUI: pick a format, name a file, never overwrite one unasked.

The file prompt starts in the folder of the last export (remembered across runs in
workbench/config/state.py), else the current directory; `~` is expanded, and a folder
as the answer means the default file name inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import App

from workbench.core.interchange.export.formats import DEFAULT_FORMAT, FORMATS
from workbench.core.terminal_text import name_displayable
from workbench.tui.output_folder import default_folder, target_of
from workbench.tui.screens.choice import ChoicePrompt
from workbench.tui.screens.confirm import ConfirmPrompt, describe
from workbench.tui.screens.prompt import TextPrompt
from workbench.tui.typeahead import open_prompt


@dataclass
class ExportDialog:
    """One run of the dialog; each answer's callback asks the next question, and the
    last hands the format and file to `export` (the app's worker)."""

    app: App[Any]
    export: Callable[[str, Path], object]
    refused: Callable[[Path], str | None]
    """Why a file must not be written (a database file, an article: app.output_refusal)."""
    format_name: str = ""

    async def start(self) -> None:
        prompt = ChoicePrompt("Export format", list(FORMATS), DEFAULT_FORMAT, shown_as=with_purpose)
        await open_prompt(self.app, prompt, self.chosen_format)

    @property
    def default_name(self) -> str:
        return FORMATS[self.format_name].default_file

    async def chosen_format(self, format_name: str | None) -> None:
        if format_name is None:
            return
        self.format_name = format_name
        await self.ask_path(str(default_folder(self.app) / self.default_name))

    async def ask_path(self, value: str) -> None:
        prompt = TextPrompt(f"Export {self.format_name} to file", value)
        await open_prompt(self.app, prompt, self.chosen_path)

    async def chosen_path(self, answer: str | None) -> None:
        if not answer or not answer.strip():
            return
        path = target_of(answer, self.default_name)
        refusal = self.refused(path)
        if refusal is not None:
            self.app.notify(refusal, title="Not exported", severity="error", markup=False)
            await self.ask_path(str(path))
            return
        if not path.exists():
            self.export(self.format_name, path)
            return

        async def overwrite(yes: bool | None) -> None:
            if yes:
                self.export(self.format_name, path)
            else:
                await self.ask_path(str(path))

        question = ConfirmPrompt(f"{name_displayable(path)} exists. Overwrite it?", describe(path))
        await open_prompt(self.app, question, overwrite)


def with_purpose(format_name: str) -> str:
    """A format as the dialog offers it: its name, then what it is for."""
    return f"{format_name:<12}{FORMATS[format_name].purpose}"
