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
from workbench.tui.hand_back import hand_back
from workbench.tui.literal import visible
from workbench.tui.state.column_widths import cut_at_word
from workbench.tui.typeahead import (
    PromptInput,
    PromptOptionList,
    PromptScreen,
    answer_binding,
    typed,
)

RESULT_LIMIT = 50
WHERE_LEAST = 32
"""Cells an article's title may take before each hit, however narrow the list."""
WHERE_SHARE = 2
"""An article's title may take up to 1/WHERE_SHARE of a hit's line: the sentence
wraps below it. A fixed 32 cut "North Korean troops have been sent to Russia, U.S.
confirms" to "North Korean troops have been…" in a list 170 cells wide (polish20)."""
SEARCH_WAIT = 3.0
"""Seconds Enter waits, at most, for the search of the words typed just before it."""


def title_width(line_width: int) -> int:
    """The cells an article's title may take in a hit's line `line_width` cells wide."""
    return max(WHERE_LEAST, line_width // WHERE_SHARE)


def where(hit: SearchHit, title_of: Callable[[str], str] = str, width: int = WHERE_LEAST) -> str:
    """ "title #sentence" of a hit (the article's title, cut at a word to `width` cells;
    its id when it has none), shown literally."""
    title = title_of(hit.article_id) or hit.article_id
    shown = visible(" ".join(title[: width * 4].split()), single_line=True)
    return f"{cut_at_word(shown, width)} #{hit.index + 1}"


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
        self.titles_width = WHERE_LEAST
        """The cells each hit's title was given (title_width of the list's width)."""

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
        self.fill_results()
        if hits:
            self.query_one(OptionList).highlighted = 0

    def fill_results(self) -> None:
        """The hits as options, each title given the room the list's width has."""
        results = self.query_one(OptionList)
        self.titles_width = title_width(results.scrollable_content_region.width)
        results.clear_options()
        results.add_options(
            Option(
                Content.assemble(
                    (f"{where(hit, self.title_of, self.titles_width)}  ", "$text-muted"),
                    visible(hit.text, single_line=True),
                )
            )
            for hit in self.hits
        )

    def on_resize(self) -> None:
        self.call_after_refresh(self.refit_titles)  # once the list has its new width

    def refit_titles(self) -> None:
        """The titles are cut again for the list's new width, the same hit highlighted."""
        results = self.query_one(OptionList)
        width = title_width(results.scrollable_content_region.width)
        if self.hits and width != self.titles_width:
            highlighted = results.highlighted
            self.fill_results()
            results.highlighted = highlighted
