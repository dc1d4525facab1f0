"""Search every sentence of the corpus by its words; Enter jumps to the chosen one."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from workbench.core.corpus.search import SearchHit, SentenceSearch
from workbench.core.corpus.titles import shorten
from workbench.tui.hand_back import hand_back
from workbench.tui.literal import visible
from workbench.tui.typeahead import (
    PromptInput,
    PromptOptionList,
    PromptScreen,
    answer_binding,
    typed,
)

RESULT_LIMIT = 50
WHERE_WIDTH = 32
"""Characters of an article's title shown before each hit."""
SEARCH_WAIT = 3.0
"""Seconds Enter waits, at most, for the search of the words typed just before it."""


def where(hit: SearchHit, title_of: Callable[[str], str] = str) -> str:
    """ "title #sentence" of a hit (the article's short title; its id when it has none),
    shown literally."""
    title = shorten(title_of(hit.article_id) or hit.article_id, WHERE_WIDTH)
    return f"{visible(title, single_line=True)} #{hit.index + 1}"


def found(count: int, query: str) -> str:
    """What the status line says of the sentences found (qa14 Q19: "1 best matches")."""
    return f"1 match for {query!r}" if count == 1 else f"{count:,} best matches for {query!r}"


def nothing_found(query: str) -> str:
    """What the status line says when no sentence matches `query`."""
    words = query.split()
    if len(words) == 1:
        return f"no sentence has {words[0]!r}"
    return f"no sentence has all of these words: {query!r}"


class SearchScreen(PromptScreen[tuple[str, int] | None]):
    """Returns (article id, sentence index) of the chosen hit, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: answered as typed (workbench.tui.typeahead).
        Binding("escape", "close", "Close", id="search.close", priority=True),
        answer_binding("search.answer"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
    ]

    def __init__(self, search: SentenceSearch, title_of: Callable[[str], str] = str) -> None:
        """`title_of`: an article's title by its id, to say where each hit is (read
        only for the hits shown, so opening the search stays instant)."""
        super().__init__(classes="search-screen")
        self.search = search
        self.title_of = title_of
        self.hits: list[SearchHit] = []
        self.hits_for: str | None = None
        """The query whose search has finished and whose hits are shown."""
        self.finished = asyncio.Event()
        """Set each time a search finishes (answer waits for the one it needs)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="search-box"):
            yield Label("Search all sentences", classes="prompt-title")
            yield PromptInput(placeholder="words in any order; typos are fine", id="search-input")
            yield PromptOptionList(id="search-results")
            yield Label("", id="search-status", classes="prompt-hint", markup=False)

    def typing_target(self) -> Widget:
        return self.query_one(Input)

    @on(Input.Changed, "#search-input")
    def query_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    async def action_answer(self) -> None:
        """Enter typed straight after the words jumps to the best hit for those words:
        wait (a moment at most) for their search to finish first."""
        await typed(self)
        query = self.query_one(Input).value
        if self.hits_for != query:
            self.run_search(query)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(SEARCH_WAIT):
                    while self.hits_for != query:
                        self.finished.clear()
                        await self.finished.wait()
        if self.is_active:
            self.answer()

    def answer(self) -> None:
        if self.hits:
            results = self.query_one(OptionList)
            chosen = results.highlighted if results.highlighted is not None else 0
            self.choose(chosen)

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        """A click on a result (Enter answers through `answer`)."""
        event.stop()
        self.choose(event.option_index)

    def choose(self, position: int) -> None:
        hit = self.hits[position]
        self.dismiss((hit.article_id, hit.index))

    def action_focus_results(self) -> None:
        self.query_one(OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    @work(exclusive=True, thread=True, group="search", description="search sentences")
    def run_search(self, query: str) -> None:
        worker = get_current_worker()
        if not query.strip():
            hand_back(self, self.show_hits, [], "")
            return
        shown: list[SearchHit] | None = None
        chunks = self.search.search_chunks(query, limit=RESULT_LIMIT)
        for hits in chunks:
            if worker.is_cancelled:
                chunks.close()
                return
            if hits != shown:  # later chunks mostly confirm the ranking: no redraw
                hand_back(self, self.show_hits, hits, query, False)
                shown = hits
        if not worker.is_cancelled:
            hand_back(self, self.show_hits, shown or [], query, True)

    def show_hits(self, hits: list[SearchHit], query: str, done: bool = True) -> None:
        if done:
            self.hits_for = query
            self.finished.set()
        status = self.query_one("#search-status", Label)
        if not query:
            status.update("type words of a sentence, in any order")
        elif done:
            status.update(found(len(hits), query) if hits else nothing_found(query))
        else:
            status.update(f"searching… {len(hits)} matches so far for {query!r}")
        if hits == self.hits and self.query_one(OptionList).option_count == len(hits):
            return
        self.hits = hits
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(
            Option(
                Content.assemble(
                    (f"{where(hit, self.title_of)}  ", "$text-muted"),
                    visible(hit.text, single_line=True),
                )
            )
            for hit in hits
        )
        if hits:
            results.highlighted = 0
