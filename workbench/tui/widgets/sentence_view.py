"""The current sentence, in its paragraph, with the sentences around it dimmed."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.widgets import Static

from workbench.core.corpus import Article
from workbench.tui.literal import visible

CONTEXT_SENTENCES = 3
"""How many sentences before and after the current one are shown."""


class SentenceView(Static):
    """Renders a window of the article around the current sentence, text always literal."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "sentence-view--current",
        "sentence-view--context",
        "sentence-view--paragraph-mark",
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

    def refresh_window(self) -> None:
        if self.article is not None:
            self.update(self.compose_window())

    def compose_window(self) -> Content:
        """Content for the window around the current sentence."""
        article = self.article
        if article is None:
            return Content("")
        sentences = article.sentences
        if not sentences:
            return Content("(this article has no sentences)")
        first = max(0, self.current - CONTEXT_SENTENCES)
        last = min(len(sentences), self.current + CONTEXT_SENTENCES + 1)
        current_style = self.get_visual_style("sentence-view--current", partial=True)
        context_style = self.get_visual_style("sentence-view--context", partial=True)
        current_index = sentences[self.current].index
        parts: list[Content] = []
        previous = None
        for sentence in sentences[first:last]:
            if previous is not None:
                if sentence.paragraph != previous.paragraph:
                    parts.append(Content("\n\n"))
                else:
                    gap = article.text[previous.end : sentence.start]
                    parts.append(Content(visible(gap, single_line=True) or " "))
            style = current_style if sentence.index == current_index else context_style
            parts.append(Content(visible(sentence.text, single_line=True)).stylize(style))
            previous = sentence
        return Content("").join(parts)
