"""The current sentence, in its paragraph, with the sentences around it dimmed."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.events import Resize
from textual.widgets import Static

from workbench.core.corpus.articles import Article
from workbench.core.corpus.sentences import Sentence
from workbench.tui.literal import visible
from workbench.tui.widgets.suggestion_marks import CUE, SOURCE, Mark, marked_text

CONTEXT_SENTENCES = 12
"""At most this many sentences are shown before and after the current one."""
MARK_STYLES = {CUE: "underline", SOURCE: "italic underline"}
"""A suggestion's cue and source in the current sentence (suggestion_marks.py)."""
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
    DEFAULT_CSS = """
    SentenceView {
        height: 1fr;
        padding: 1 2;
        overflow-y: auto;
    }
    SentenceView > .sentence-view--current {
        text-style: bold;
        color: $text;
        background: $accent 30%;
    }
    SentenceView > .sentence-view--context {
        color: $text-muted;
        text-style: dim;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.article: Article | None = None
        self.current = 0
        self.marks: list[Mark] = []
        self._heights: dict[tuple[str, int, int], int] = {}

    def show(self, article: Article, current: int, marks: list[Mark] | None = None) -> None:
        """Show `article` around sentence `current`, `marks` (spans of it) underlined."""
        if article is not self.article:
            self._heights.clear()  # heights are kept for the article on screen only
        self.article = article
        self.current = current
        self.marks = marks or []
        self.update(self.compose_window())

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _theme: self.refresh_window(), init=False)

    def on_resize(self, _event: Resize) -> None:
        self.refresh_window()

    def refresh_window(self) -> None:
        if self.article is not None:
            self.update(self.compose_window())

    def lines_of(self, sentence: Sentence, width: int) -> int:
        """Screen lines the sentence takes at `width`, plus its gap (cached per width)."""
        key = (sentence.article_id, sentence.index, width)
        lines = self._heights.get(key)
        if lines is None:
            text = Content(visible(sentence.text, single_line=True))
            lines = self._heights[key] = len(text.wrap(width)) + 1
        return lines

    def window(self, sentences: list[Sentence]) -> tuple[int, int]:
        """[first, last) of the sentences to show: the current one in the upper part, the
        article below it until the view is full, and above it what fits."""
        width = max(self.content_size.width, 20)
        height = max(self.content_size.height, 1)
        last = self.current
        below = 0
        while last < len(sentences) and last - self.current <= CONTEXT_SENTENCES:
            below += self.lines_of(sentences[last], width)
            last += 1
            if below >= height:
                break
        budget = max(height // BEFORE_SHARE, height - below, 1)
        first = self.current
        used = 0
        while first > 0 and self.current - first < CONTEXT_SENTENCES:
            used += self.lines_of(sentences[first - 1], width)
            if used > budget:
                break
            first -= 1
        return first, last

    def compose_window(self) -> Content:
        """Content for the window around the current sentence."""
        article = self.article
        if article is None:
            return Content("")
        sentences = article.sentences
        if not sentences:
            return Content("(this article has no sentences)")
        first, last = self.window(sentences)
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
            if sentence.index == self.current and self.marks:
                text = marked_text(sentence.text, self.marks, MARK_STYLES)
                parts.append(text.stylize_before(current_style))
            else:
                style = current_style if sentence.index == self.current else context_style
                parts.append(Content(visible(sentence.text, single_line=True)).stylize(style))
            previous = sentence
        return Content("").join(parts)
