"""A footer that keeps the keys most needed when the terminal is too narrow for all.

Textual's Footer lays its keys out in binding order and cuts what does not fit: at 80
columns the annotate screen lost `? Help` and `q Quit`, the two keys a new user looks
for. This footer measures its keys and, past the width, hides the least needed first;
the keys left keep their order. Every key still works, and `?` lists them all; when keys
are hidden the most needed key can say so ("? Keys", qa9 Q22: at 80 columns a newcomer
saw no way to record a source or reach the summary, and nothing said there was more).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer


class FittedFooter(Footer):
    """`ranked` lists actions most needed first; actions not listed go before them.
    `crowded`: the label of the first-ranked key while other keys are hidden."""

    def __init__(self, ranked: Sequence[str], crowded: str | None = None, **options: Any) -> None:
        super().__init__(**options)
        self.ranked = list(ranked)
        self.crowded = crowded

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
        self.label_first(keys, crowded=sum(_width(key) for key in keys) > budget)
        shown: set[Widget] = set()
        used = 0
        for key in sorted(keys, key=self._need):
            width = _width(key)
            if used + width <= budget:
                shown.add(key)
                used += width
        for key in keys:
            key.display = key in shown

    def label_first(self, keys: list[Widget], crowded: bool) -> None:
        """The first-ranked key says `self.crowded` while keys are hidden, else its own label."""
        first = next((key for key in keys if self._need(key) == 0), None)
        if self.crowded is None or first is None:
            return
        own = getattr(first, "own_label", None) or getattr(first, "description", "")
        first.own_label = own  # type: ignore[attr-defined]
        label = self.crowded if crowded else own
        if getattr(first, "description", "") != label:
            first.description = label  # type: ignore[attr-defined]
            first.refresh(layout=True)

    def _need(self, key: Widget) -> int:
        action = getattr(key, "action", "")
        return self.ranked.index(action) if action in self.ranked else len(self.ranked)


def _width(key: Widget) -> int:
    """Cells a footer key takes: its text (key and label, padded), its border (the command
    palette key's bar) and its margins."""
    rendered = key.render()
    cells = rendered.cell_len if isinstance(rendered, Text) else key.outer_size.width
    margin = key.styles.margin
    gutter = key.styles.gutter
    return cells + margin.left + margin.right + gutter.left + gutter.right
