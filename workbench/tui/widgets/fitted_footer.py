"""A footer that keeps the keys most needed when the terminal is too narrow for all.

Textual's Footer lays its keys out in binding order and cuts what does not fit: at 80
columns the annotate screen lost `? Help` and `q Quit`, the two keys a new user looks
for. This footer measures its keys and, past the width, hides the least needed first;
the keys left keep their order. Every key still works, and `?` lists them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer


class FittedFooter(Footer):
    """`ranked` lists actions most needed first; actions not listed go before them."""

    def __init__(self, ranked: Sequence[str], **options: Any) -> None:
        super().__init__(**options)
        self.ranked = list(ranked)

    async def recompose(self) -> None:
        await super().recompose()
        self.fit()

    def on_resize(self, event: Resize) -> None:
        self.fit()

    def fit(self) -> None:
        """Show the most needed keys that fit beside the command palette key."""
        keys = [key for key in self.query("FooterKey") if not key.has_class("-command-palette")]
        palette = sum(_width(key) for key in self.query("FooterKey.-command-palette"))
        budget = self.size.width - palette
        if budget <= 0:
            return
        shown: set[Widget] = set()
        used = 0
        for key in sorted(keys, key=self._need):
            width = _width(key)
            if used + width <= budget:
                shown.add(key)
                used += width
        for key in keys:
            key.display = key in shown

    def _need(self, key: Widget) -> int:
        action = getattr(key, "action", "")
        return self.ranked.index(action) if action in self.ranked else len(self.ranked)


def _width(key: Widget) -> int:
    """Cells a footer key takes: its text (key and label, padded) and its margins."""
    rendered = key.render()
    cells = rendered.cell_len if isinstance(rendered, Text) else key.outer_size.width
    margin = key.styles.margin
    return cells + margin.left + margin.right
