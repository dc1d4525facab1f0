"""Shown while a large corpus loads: a progress bar, never a frozen screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, ProgressBar


class LoadingScreen(Screen[None]):
    """`q` quits at any moment: the loading worker stops at its next file."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit", id="loading.quit"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="loading-box"):
            yield Label("Loading articles…", id="loading-label", markup=False)
            yield ProgressBar(id="loading-progress", show_eta=False)
        yield Footer()

    def advance(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        self.query_one("#loading-label", Label).update(f"Loading articles… {done}/{total}")
