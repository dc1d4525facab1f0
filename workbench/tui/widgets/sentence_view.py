"""The current sentence, in its paragraph, with the sentences around it dimmed."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.events import Resize
from textual.widgets import Static

from workbench.core.corpus import Article
from workbench.core.sentences import Sentence
from workbench.tui.literal import visible

CONTEXT_SENTENCES = 12
"""At most this many sentences are shown before and after the current one."""
BEFORE_SHARE = 3
"""Sentences before the current one fill at most 1/BEFORE_SHARE of the view while the
article goes on below, so the current sentence starts in its upper part; near the end of
an article they may fill what the sentences after it leave empty."""


class SentenceView(Static):
    """Renders a window of the article around the current sentence, text always literal."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "sentence-view--current",
        "sentence-view--context",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.article: Article | None = None
        self.current = 0

    def show(self, article: Article, current: int) -> None:
        self.article = article
        self.current = current
        self.update(self.compose_window())

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _theme: self.refresh_window(), init=False)

    def on_resize(self, _event: Resize) -> None:
        self.refresh_window()

    def refresh_window(self) -> None:
        if self.article is not None:
            self.update(self.compose_window())

    def first_shown(self, sentences: list[Sentence]) -> int:
        """The earliest sentence to show: as many as fit above the current one."""
        width = max(self.content_size.width, 20)
        height = max(self.content_size.height, 1)

        def lines(sentence: Sentence) -> int:
            return len(Content(visible(sentence.text, single_line=True)).wrap(width)) + 1

        below = 0
        for sentence in sentences[self.current : self.current + CONTEXT_SENTENCES + 1]:
            below += lines(sentence)
            if below >= height:
                break
        budget = max(height // BEFORE_SHARE, height - below, 1)
        first = self.current
        used = 0
        while first > 0 and self.current - first < CONTEXT_SENTENCES:
            used += lines(sentences[first - 1])
            if used > budget:
                break
            first -= 1
        return first

    def compose_window(self) -> Content:
        """Content for the window around the current sentence."""
        article = self.article
        if article is None:
            return Content("")
        sentences = article.sentences
        if not sentences:
            return Content("(this article has no sentences)")
        first = self.first_shown(sentences)
        last = min(len(sentences), self.current + CONTEXT_SENTENCES + 1)
        current_style = self.get_visual_style("sentence-view--current", partial=True)
        context_style = self.get_visual_style("sentence-view--context", partial=True)
        parts: list[Content] = []
        previous = None
        for sentence in sentences[first:last]:
            if previous is not None:
                if sentence.paragraph != previous.paragraph:
                    parts.append(Content("\n\n"))
                else:
                    gap = article.text[previous.end : sentence.start]
                    parts.append(Content(visible(gap, single_line=True) or " "))
            style = current_style if sentence.index == self.current else context_style
            parts.append(Content(visible(sentence.text, single_line=True)).stylize(style))
            previous = sentence
        return Content("").join(parts)
