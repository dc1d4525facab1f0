"""The lines under the review table that say the highlighted row whole.

What they say is cut to the width they have (the screen fits each part to it), so a new
width needs them made again: opened on a 20-column terminal and then grown, they kept
the 20 columns' cuts ("Pentag … (30 characters)") until the highlight moved (qa21 #9).
A Resize reaches only the widget resized, on whichever screen is on top, so the widget
itself tells the screen.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Static


class ReviewDetail(Static):
    """A Static that posts Rewidth when its width changes (never read as markup)."""

    class Rewidth(Message):
        """The detail's width changed: what it says is to be fitted again."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.fitted_width = 0

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self.fitted_width:
            self.fitted_width = event.size.width
            self.post_message(self.Rewidth())
