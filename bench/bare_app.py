"""A bare Textual app that shows one text: the floor for any Textual program's first frame.

Run as `python -m bench.bare_app TEXT`; the cold-start figure compares workbench with it.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static


class BareApp(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, markup=False)


if __name__ == "__main__":
    BareApp(" ".join(sys.argv[1:])).run()
