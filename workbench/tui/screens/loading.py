"""Shown while a large corpus loads: a progress bar, never a frozen screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, ProgressBar


class LoadingScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        with Vertical(classes="loading-box"):
            yield Label("Loading articles…", id="loading-label", markup=False)
            yield ProgressBar(id="loading-progress", show_eta=False)

    def advance(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        self.query_one("#loading-label", Label).update(f"Loading articles… {done}/{total}")
