"""The review screen: every annotation in one table, filtered, searched and sorted.

The whole list lives in memory as frozen ReviewRows. Reading the store, building the
rows, filtering, searching, sorting and making the cells all run in worker threads (a
newer keystroke cancels older work); the UI thread only adds the first SHOWN_LIMIT rows
of a result to the DataTable, FILL_BATCH rows per call, so it is never busy for more
than a frame or so, even at 100,000 annotations; the next SHOWN_LIMIT are added as the
highlight nears the last row shown (more_rows), so every row is reached. Edits from the
table go through the workspace (durable, undoable with every other change) and, as it
announces them, update their row in place; a row stays where it is until the next
filter even if it no longer matches, so the cursor never jumps under the analyst.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from typing import ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from store import ServerError, StoreError
from workbench.core.analysis.figures.quote_cap import too_long
from workbench.core.analysis.sources.speakers import speaker_stance
from workbench.core.analysis.suggestions.speaker import guess_source
from workbench.core.analysis.summary.build import SummaryCache
from workbench.core.anchoring.as_tagged import TaggedVersions
from workbench.core.anchoring.placement import anchored_to, most_similar
from workbench.core.anchoring.reanchored_view import ReanchoredView, current_view
from workbench.core.annotation import DEFAULT_STATUS, STATUSES, TAGS, Annotation, status_words
from workbench.core.annotation_filter import UNTAGGED
from workbench.core.collector import paused_gc
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.terminal_text import name_displayable
from workbench.tui.hand_back import hand_back
from workbench.tui.literal import literal, within
from workbench.tui.screens.choice import ChoicePrompt
from workbench.tui.screens.help import show_help
from workbench.tui.screens.prompt import note_prompt, source_prompt, too_long_to_edit
from workbench.tui.server_link import ServerUnreachable
from workbench.tui.state.review_rows import (
    ANCHORING_FILTERS,
    COLUMNS,
    NO_SOURCE,
    ReviewFacets,
    ReviewQuery,
    ReviewRow,
    RowKey,
    make_rows,
    row_key,
    select_rows,
)
from workbench.tui.state.review_speakers import ReviewSpeakers, known_articles, shown_source
from workbench.tui.state.step_words import take_step
from workbench.tui.state.workspace import Subscription, Workspace, WorkspaceChange
from workbench.tui.tagged_line import reanchored_words, source_gone, tagged_line
from workbench.tui.typeahead import open_prompt
from workbench.tui.widgets.fitted_footer import FittedFooter
from workbench.tui.widgets.literal_input import LiteralInput
from workbench.tui.widgets.review_detail import ReviewDetail
from workbench.tui.widgets.review_table import ReviewTable, row_cells
from workbench.tui.widgets.tag_palette import TagStyles

SHOWN_LIMIT = 300
"""Rows put in the table at once (ten screens): the first of a query's result, then as
many more each time the highlight nears the last one shown (LOAD_AHEAD; qa21 #3: row 301
was out of reach). The status line says how many matched. Each row the
DataTable drops leaves cyclic garbage in Textual's render caches: at 1,000 rows per
keystroke the collections that followed stopped the UI for 100-250 ms."""
FILL_BATCH = 100
LOAD_AHEAD = 60
"""Rows before the last one shown from which the next SHOWN_LIMIT are added (two
screens: they are in before PageDown gets there)."""
"""Rows added to the table per call on the UI thread: well under a frame's work."""
FREEZE_FROM = 10_000
"""Rows from which keep_long_lived freezes them: below it a full collection is cheap."""
ANY = "any"
ANCHOR_DETAIL = {
    "check": "to check (moved onto a similar sentence; y confirms): ",
    "reanchored": "{reanchored} (y confirms): ",
    "orphaned": "orphaned, on no sentence (was sentence {index}; t re-attaches, x deletes): ",
}
"""What the detail line says first about an annotation re-anchoring moved."""
DETAIL_LINES = 2
"""The lines of the detail under the table a source, note or sentence may take: one
longer is cut there, saying its length."""
DETAIL_MAX_LINES = 8
"""The most lines the detail has (#review-detail's max-height in app.tcss): its parts
are cut shorter, each saying its length, until the whole detail fits (rv15 R6: a row to
check with a long source, sentence and note needed 13, and where the row is and who
judged it were cut off)."""
SHORTEST_PART = 24
"""The fewest cells a part is cut to (its length said in the rest)."""
FILTERS = ("tag", "status", "article", "source", "annotator", "anchoring", "clear all")


def _key(keys: str, action: str, description: str, binding_id: str, show: bool = True) -> Binding:
    """A key of the table, run as it is read (a priority binding: `s Mr. Austin`
    typed at once all goes to the source prompt, workbench.tui.typeahead); in the
    search box it is text (its action raises SkipAction, and the key goes on to the box)."""
    return Binding(keys, action, description, show=show, id=binding_id, priority=True)


REVIEW_BINDINGS: list[BindingType] = [
    Binding("escape", "close", "Close", show=False, id="review.close"),
    _key("q", "close", "Close", "review.quit", show=False),
    _key("slash", "focus_search", "Search", "review.search"),
    _key("f", "filter", "Filter", "review.filter"),
    _key("F", "clear_filters", "No filter", "review.clear_filters", show=False),
    _key("o", "sort", "Sort", "review.sort"),
    _key("c", "toggle_tag('claim')", "Claim", "review.toggle_claim"),
    _key("a", "toggle_tag('attribution')", "Attrib", "review.toggle_attribution"),
    _key("d", "toggle_tag('denial')", "Denial", "review.toggle_denial"),
    _key("s", "edit_source", "Source", "review.edit_source"),
    _key("e", "edit_note", "Note", "review.edit_note"),
    _key("v", "pick_status", "Status", "review.pick_status"),
    _key("y", "confirm_anchor", "Confirm", "review.confirm_anchor", show=False),
    _key("t", "reattach", "Re-attach", "review.reattach", show=False),
    _key("x", "delete_orphan", "Delete orphan", "review.delete_orphan", show=False),
    _key("u", "undo", "Undo", "review.undo"),
    Binding("ctrl+r", "redo", "Redo", show=False, id="review.redo"),
    _key("question_mark", "help", "Help", "review.help"),
    # The table's moves, run as read too, so that `↓ s` edits the row below.
    _key("down", "move('down')", "Down", "review.down", show=False),
    _key("up", "move('up')", "Up", "review.up", show=False),
    _key("pagedown", "move('page_down')", "Page down", "review.page_down", show=False),
    _key("pageup", "move('page_up')", "Page up", "review.page_up", show=False),
]
FOOTER_RANK = (
    "toggle_tag('claim')",
    "toggle_tag('attribution')",
    "toggle_tag('denial')",
    "edit_source",
    "pick_status",
    "edit_note",
    "help",
    "filter",
    "undo",
    "focus_search",
    "sort",
)
"""Footer keys by need: at 80 columns the keys that record a judgement, then Help, then
Filter (search is named by the search box's own placeholder); Textual's footer cut the
list mid-key (qa9 Q22)."""
SEARCH_BOX_MOVES = {"down": "into the table"}
"""In the search box, Down moves into the table (so do Enter, Tab and Escape); the
other moves and every letter are the box's."""


def row_place(row: ReviewRow, cells: int | None = None) -> str:
    """Where a row is and how it is judged, as the detail lines give it ("1. Title ·
    sentence 3 · claim, attribution · unverified · ana"); `cells`: the article in at
    most so many (within)."""
    note = row.annotation
    where = "no sentence" if note.is_orphan else f"sentence {note.index + 1}"
    tags = ", ".join(note.tags) or "no tag"
    status = status_words(note.status)
    article = row.article_label if cells is None else within(row.article_label, cells)
    return f"{article} · {where} · {tags} · {status} · {name_displayable(note.annotator)}"


def fitted_rooms(width: int) -> Iterator[int]:
    """The cells each part of the detail may take, longest first: DETAIL_LINES lines,
    then a quarter of a line less each time, down to SHORTEST_PART."""
    room = width * DETAIL_LINES
    step = max(1, width // 4)
    while room > SHORTEST_PART:
        yield room
        room -= step
    yield SHORTEST_PART


def article_not_opened(article_id: str) -> str:
    """What to do about an annotation whose article the app did not open (not in this
    corpus)."""
    named = name_displayable(article_id)
    return (
        f"Its article, {named}, is not in this corpus: an article of another story "
        "kept in this database (open its folder to work on it), or its file was renamed "
        f"or removed (a renamed file is a new article: rename it back to {named}.txt "
        "or .md and reopen). Its annotations are kept as they are, and are in every "
        "export meanwhile."
    )


def blank(annotation: Annotation) -> Annotation:
    """The annotation with nothing recorded: what a deleted record looks like in a row."""
    return annotation.changed(tags=(), source=None, note="", status=DEFAULT_STATUS)


def keep_long_lived(count: int) -> None:
    """Freeze what is alive now (the rows just built) out of the cyclic collector's reach,
    when there are at least FREEZE_FROM rows.

    At 100,000 annotations the heap holds a million tracked objects, and each full
    collection (which any allocation can set off, on any thread) stopped the UI for half
    a second or more. The rows hold no reference cycles, so reference counting still
    frees them when the screen lets go of them; the store freezes its records the same
    way when it opens. The price, paid only at that size: garbage cycles pending at
    that moment are kept too.
    """
    if count >= FREEZE_FROM:
        gc.freeze()


class ReviewScreen(Screen[tuple[str, int] | None]):
    """Returns (article id, sentence index) to open in the annotate screen, or None."""

    BINDINGS: ClassVar[list[BindingType]] = REVIEW_BINDINGS

    def __init__(self, workspace: Workspace) -> None:
        """Articles whose stored annotations do not fit their text are shown re-anchored
        (in memory), and re-anchored in the store before an edit (tui/state/anchors.py)."""
        super().__init__()
        self.workspace = workspace
        self.store = workspace.store
        self.corpus = workspace.corpus
        self.anchors = workspace.anchors
        self.subscription: Subscription | None = None
        self.query_state = workspace.review_query or ReviewQuery(annotator=workspace.annotator)
        """Filters, sort and search: kept by the workspace while the app runs, so the
        screen opens again as it was left."""
        self.rows: dict[RowKey, ReviewRow] = {}
        """Every annotation, by key: the source of truth for filtering."""
        self.shown: list[ReviewRow] = []
        """The rows in the table, in table order."""
        self.matched = 0
        self.selected: list[ReviewRow] = []
        """Every row of the current query's result, in table order: `shown` is its head."""
        self.filling = False
        """Rows of `selected` are being added to the table (more_rows)."""
        self.loaded = False
        self.facets = ReviewFacets()
        """Values the filter prompts offer (gathered with the rows, off the UI thread)."""
        self.speakers: ReviewSpeakers | None = None
        """Each row's speaker as the summary names them, and the source filter's choices:
        built in a worker after the rows are read and after an edit changes a source
        (read_speakers); None until the first is built."""
        self.speakers_wanted = 0
        """Bumped by each read_speakers: an older build is dropped."""
        self.waiting_for_speakers = False
        """A source filter waits for the first speakers (refilter)."""
        self.articles_info: list[ArticleInfo] = []
        """The known articles (read with the rows): unresolved pronouns name their titles."""
        self.speakers_cache = SummaryCache()
        self.speakers_lock = threading.Lock()
        """One build at a time uses speakers_cache (a cancelled one may still run)."""
        self.versions = TaggedVersions()
        """Annotations to check as the analyst tagged them (read with the rows)."""
        self.generation = 0
        """Bumped by every new query: batches of an older one are dropped."""
        self.closed = False
        self.elsewhere: set[str] = set()
        """Articles another session changed, to read again (read_elsewhere)."""
        self.reading_elsewhere = False
        self.reading_all = True
        """Every row is being read (load_rows; the screen starts with it)."""
        self.load_again = False
        """Another session changed something while every row was being read."""
        self.held: RowKey | None = None
        """The annotation highlighted when another session's change made the table be
        filled again: the highlight goes back onto it (tr11 T12: it went to the first row,
        and the analyst's next key changed another annotation). Until it is found the
        keys that change a row wait (editable)."""
        self.moved_to: dict[RowKey, RowKey] = {}
        """An orphan this screen re-attached -> its row now: the highlight follows it
        through the refill (tr13 T11: it said the annotation "changed in another
        session")."""

    def compose(self) -> ComposeResult:
        yield Static("", id="review-status", markup=False)
        yield LiteralInput(
            self.query_state.text,
            placeholder="search text, source and note (fuzzy) · / to focus · ↓ or Enter: rows",
            id="review-search",
        )
        yield ReviewTable(id="review-table")
        yield ReviewDetail(id="review-detail")
        yield FittedFooter(FOOTER_RANK)

    def on_mount(self) -> None:
        self.subscription = self.workspace.subscribe(self.workspace_changed)
        self.query_one(ReviewTable).focus()
        self.show_status("loading annotations…")
        self.load_rows()

    def close_with(self, result: tuple[str, int] | None) -> None:
        """Dismiss the screen; work still under way no longer touches its widgets,
        which are removed before the screen itself is unmounted."""
        self.closed = True
        self.generation += 1
        self.dismiss(result)

    def on_unmount(self) -> None:
        # The rows may be frozen out of the collector's reach (keep_long_lived): drop them
        # here so that reference counting frees them even if the closed screen lingers.
        self.closed = True
        self.generation += 1
        self.rows = {}
        self.shown = []
        self.speakers = None
        if self.subscription is not None:
            self.subscription.close()

    def workspace_changed(self, change: WorkspaceChange) -> None:
        """Show a change to annotations, made here or undone anywhere: an exact one row
        by row, anything else by reading every annotation again."""
        if self.closed or not change.annotations:
            return
        if not change.here:
            self.changed_elsewhere(change)
            return
        if not change.exact:
            self.reload()  # annotations changed sentence, or became or stopped being orphans
            return
        for edit in change.edits:
            before = edit.before
            if edit.after is None and before is not None and before.is_orphan:
                self.drop(row_key(before))
            else:
                self.apply(row_key(edit.annotation), edit.after)

    def changed_elsewhere(self, change: WorkspaceChange) -> None:
        """Another session's change: read its articles again (read_elsewhere), or every
        row once the rows being read now are in (they may be older than the change)."""
        if self.reading_all:
            self.load_again = True
        elif change.everything or not self.loaded:
            self.reload()
        else:
            self.elsewhere.update(change.article_ids)
            if not self.reading_elsewhere:
                self.reading_elsewhere = True
                self.read_elsewhere()

    # -- computing rows (worker threads) ------------------------------------------
    @work(thread=True, exclusive=True, group="review-load", description="review: load rows")
    def load_rows(self) -> None:
        """Read the store and build every row here: at 100,000 annotations that is
        most of a second the UI thread must not wait for. A database server away leaves
        the rows as they were, saying so (they are read again when it is back)."""
        try:
            self.read_rows()
        except ServerError as error:
            if not get_current_worker().is_cancelled:
                self.post_message(ServerUnreachable(error))
                hand_back(self, self.rows_unread)

    def read_rows(self) -> None:
        order = {article.id: number for number, article in enumerate(self.corpus.articles)}
        labels = {
            article.id: f"{number + 1}. {article.title}"
            for number, article in enumerate(self.corpus.articles)
        }
        remembered = self.store.articles()
        for info in remembered:
            labels.setdefault(info.article_id, info.title or "")
        known = known_articles(remembered, self.corpus.articles)
        with paused_gc():
            source = current_view(self.store, self.corpus.articles, self.anchors.threshold)
            annotations = [*source.all(), *source.orphans()]
            rows = {row.key: row for row in make_rows(annotations, order, labels)}
            facets = ReviewFacets.of(annotations)
            keep_long_lived(len(rows))
        # How the annotations to check were tagged, for the detail line.
        self.anchors.read_history()
        plans = source.plans if isinstance(source, ReanchoredView) else ()
        versions = self.anchors.versions(plans)
        if not get_current_worker().is_cancelled:
            hand_back(self, self.rows_loaded, rows, facets, versions, known)

    @work(thread=True, group="review-elsewhere", description="review: changed elsewhere")
    def read_elsewhere(self) -> None:
        """Read again the rows of the articles other sessions changed, until none is
        left to read: at 100,000 annotations a few articles take milliseconds where
        every row takes seconds. An article whose annotations need re-anchoring, read
        in memory, makes it read every row (load_rows)."""
        while True:
            article_ids = hand_back(self, self.take_elsewhere)  # None once the screen left
            if not article_ids:
                return
            articles = [self.corpus.by_id[i] for i in article_ids if i in self.corpus.by_id]
            try:
                if current_view(self.store, articles, self.anchors.threshold) is not self.store:
                    hand_back(self, self.reload)
                    continue
                annotations = [
                    annotation
                    for article_id in sorted(article_ids)
                    for annotation in (
                        *self.store.in_article(article_id),
                        *self.store.orphans(None, article_id),
                    )
                ]
            except ServerError as error:  # every row is read again when it is back
                self.post_message(ServerUnreachable(error))
                hand_back(self, self.stop_elsewhere)
                return
            hand_back(self, self.elsewhere_read, article_ids, annotations)

    def take_elsewhere(self) -> frozenset[str]:
        taken = frozenset(self.elsewhere)
        self.elsewhere.clear()
        self.reading_elsewhere = bool(taken) and not self.closed
        return taken if self.reading_elsewhere else frozenset()

    def stop_elsewhere(self) -> None:
        self.elsewhere.clear()
        self.reading_elsewhere = False

    def elsewhere_read(self, article_ids: frozenset[str], annotations: list[Annotation]) -> None:
        """Replace those articles' rows by what was read, and filter again."""
        if self.closed or not self.loaded:
            return
        order = {article.id: number for number, article in enumerate(self.corpus.articles)}
        labels = {
            article.id: f"{n + 1}. {article.title}"
            for n, article in enumerate(self.corpus.articles)
        }
        rows = {key: row for key, row in self.rows.items() if key[1] not in article_ids}
        for row in make_rows(annotations, order, labels):
            rows[row.key] = row
            self.facets = self.facets.including(row.annotation)
        self.rows = rows
        self.read_speakers()
        self.hold_highlight()
        self.refilter()

    def hold_highlight(self) -> None:
        """Keep the highlighted annotation for the refill another session's change
        brings (held)."""
        found = self.highlighted()
        if found is not None:
            self.held = self.moved_to.pop(found[1].key, found[1].key)

    def rows_unread(self) -> None:
        """The rows could not be read again: keep the ones shown, if any."""
        self.reading_all = self.load_again = False
        if not self.closed:
            self.loaded = bool(self.rows)
            self.show_status("server unreachable: the annotations were not read again")

    def rows_loaded(
        self,
        rows: dict[RowKey, ReviewRow],
        facets: ReviewFacets,
        versions: TaggedVersions,
        known: list[ArticleInfo],
    ) -> None:
        self.reading_all = False
        if self.closed:
            return
        self.rows = rows
        self.facets = facets
        self.versions = versions
        self.articles_info = known
        self.loaded = True
        if self.load_again:
            self.load_again = False
            self.reload()
            return
        self.read_speakers()
        self.hold_highlight()
        self.refilter()

    def read_speakers(self) -> None:
        """Name every row's speaker again, in a worker (the rows as they are now)."""
        self.speakers_wanted += 1
        self.build_speakers(list(self.rows.values()), self.speakers_wanted)

    @work(thread=True, exclusive=True, group="review-speakers", description="review: speakers")
    def build_speakers(self, rows: list[ReviewRow], wanted: int) -> None:
        """The summary's speakers of `rows`: resolving pronouns reads their articles
        (seconds, cold, at 100,000 annotations; the answers are kept between builds)."""
        worker = get_current_worker()
        with self.speakers_lock, paused_gc():
            if worker.is_cancelled:
                return
            annotations = [row.annotation for row in rows]
            built = ReviewSpeakers(
                annotations, self.articles_info, self.corpus.by_id, self.speakers_cache
            )
            keep_long_lived(len(rows))  # else the next full collection scans it: 0.5 s
        if not worker.is_cancelled:
            hand_back(self, self.speakers_read, built, wanted)

    def speakers_read(self, built: ReviewSpeakers, wanted: int) -> None:
        """Use the speakers built, and run the source filter or search that waited for
        them."""
        if self.closed or wanted != self.speakers_wanted:
            return
        self.speakers = built
        if self.query_state.sort == "source":  # sorted by speaker (qa13 Q18)
            self.hold_highlight()
            self.refilter()
            self.waiting_for_speakers = False
            return
        self.query_one(ReviewTable).update_sources(self.shown, built)
        if self.waiting_for_speakers or self.query_state.text:
            # a search typed before they were read finds the rows of a speaker now too
            self.waiting_for_speakers = False
            self.refilter()

    def refilter(self) -> None:
        """Recompute the table for the current query, off the UI thread."""
        self.generation += 1
        if not self.loaded:
            return
        query = self.query_state.with_speakers(self.speakers)
        if self.speakers is None and query.source not in (None, NO_SOURCE):
            self.waiting_for_speakers = True  # speakers_read filters
            self.show_status("naming each source's speaker…")
            return
        styles = self.query_one(ReviewTable).tag_styles()
        self.select_in_background(list(self.rows.values()), query, self.generation, styles)

    @work(thread=True, exclusive=True, group="review-filter", description="review: filter")
    def select_in_background(
        self, rows: list[ReviewRow], query: ReviewQuery, generation: int, styles: TagStyles
    ) -> None:
        """Filter, search and sort here, then hand the table its rows a batch at a time
        (cells made here too); a newer query cancels this one between batches."""
        worker = get_current_worker()
        with paused_gc():
            selected = select_rows(rows, query, lambda: worker.is_cancelled)
        if selected is None:
            return
        hand_back(self, self.keep_selected, generation, selected)
        self.fill(selected, 0, query, generation, styles)

    def keep_selected(self, generation: int, selected: list[ReviewRow]) -> None:
        if generation == self.generation:
            self.selected = selected
            self.filling = True

    def fill(
        self,
        selected: list[ReviewRow],
        start: int,
        query: ReviewQuery,
        generation: int,
        styles: TagStyles,
    ) -> None:
        """Hand the table selected[start:start + SHOWN_LIMIT], a batch at a time (in a
        worker: the cells are made here)."""
        worker = get_current_worker()
        page = selected[start : start + SHOWN_LIMIT]
        for offset in range(0, max(len(page), 1), FILL_BATCH):
            low = start + offset
            batch = page[offset : offset + FILL_BATCH]
            cells = [row_cells(row, styles, query.speakers) for row in batch]
            if worker.is_cancelled:
                return
            hand_back(
                self, self.show_batch, generation, low, len(selected), batch, cells, query.speakers
            )
        hand_back(self, self.filled, generation)

    def filled(self, generation: int) -> None:
        if generation == self.generation:
            self.filling = False

    def more_rows(self, position: int) -> None:
        """Add the next SHOWN_LIMIT rows of the result when the highlight at `position`
        is within LOAD_AHEAD of the last row shown."""
        if self.filling or len(self.shown) >= len(self.selected):
            return
        if position < len(self.shown) - min(LOAD_AHEAD, SHOWN_LIMIT // 3):
            return
        self.filling = True
        styles = self.query_one(ReviewTable).tag_styles()
        query = self.query_state.with_speakers(self.speakers)
        self.fill_more(self.selected, len(self.shown), query, self.generation, styles)

    @work(thread=True, exclusive=True, group="review-more", description="review: more rows")
    def fill_more(
        self,
        selected: list[ReviewRow],
        start: int,
        query: ReviewQuery,
        generation: int,
        styles: TagStyles,
    ) -> None:
        self.fill(selected, start, query, generation, styles)

    def show_batch(
        self,
        generation: int,
        low: int,
        matched: int,
        batch: list[ReviewRow],
        cells: list[list[Content]],
        named_by: ReviewSpeakers | None = None,
    ) -> None:
        """Put one batch of a filter's result in the table (the first replaces the rows).
        `named_by`: the speakers its source cells name (the screen's may be newer)."""
        if generation != self.generation:
            return
        table = self.query_one(ReviewTable)
        if low == 0:
            table.clear()
            self.shown = []
            self.matched = matched
        elif low != len(self.shown):  # a row was taken out meanwhile: fill again
            return
        # Edits made while the worker ran are in self.rows; show those versions.
        fresh: list[ReviewRow] = []
        fresh_cells: list[list[Content]] = []
        for row, row_cells_made in zip(batch, cells, strict=True):
            current = self.rows.get(row.key)
            if current is not None:
                fresh.append(current)
                fresh_cells.append(
                    row_cells_made
                    if current is row
                    else row_cells(current, table.tag_styles(), self.speakers)
                )
        table.append_rows(fresh_cells)
        if self.speakers is not None and named_by is not self.speakers:
            # read while the worker ran (speakers_read found fewer rows shown)
            table.update_sources(fresh, self.speakers, start=len(self.shown))
        self.shown.extend(fresh)
        if self.held is not None:
            self.find_held(low, fresh, last=low + len(batch) >= min(matched, SHOWN_LIMIT))
        self.show_status()
        if not self.shown:
            self.show_detail_of(None)  # no row: no detail line left from an earlier one

    def find_held(self, low: int, batch: list[ReviewRow], last: bool) -> None:
        """Put the highlight back on the held annotation if this batch shows it; said
        when the whole result does not (another session deleted it, or it no longer
        matches the filters)."""
        found = next((n for n, row in enumerate(batch) if row.key == self.held), None)
        if found is not None:
            self.held = None
            table = self.query_one(ReviewTable)
            table.move_cursor(row=low + found)
            self.show_detail_of(low + found)
        elif last:
            self.held = None
            self.notify(
                "The annotation you had highlighted is no longer in this list (changed here "
                "or in another session, or no longer matching the filters): the highlight is "
                "on the first row.",
                severity="warning",
                markup=False,
            )

    # -- rendering ----------------------------------------------------------------
    def show_status(self, message: str = "") -> None:
        query = self.query_state
        total = len(self.rows)
        if message:
            line = message
        elif len(self.shown) < self.matched:
            line = (
                f"showing {len(self.shown):,} of {self.matched:,} matches ({total:,} "
                "annotations; more as you move down)"
            )
        else:
            line = f"{self.matched:,} of {total:,} annotations"
        filters = " · ".join(f"{name}: {value}" for name, value in query.filters()) or "none"
        order = "↓" if query.descending else "↑"
        self.query_one("#review-status", Static).update(
            literal(
                f"Review │ {line} │ Escape closes\nfilters: {filters} │ sort: {query.sort} {order}"
            )
        )

    def set_query(self, query: ReviewQuery) -> None:
        self.held = None  # a new query starts at its first row
        self.query_state = query
        self.workspace.review_query = query
        self.show_status("filtering…")
        self.refilter()

    # -- the highlighted row --------------------------------------------------------
    def highlighted(self) -> tuple[int, ReviewRow] | None:
        table = self.query_one(ReviewTable)
        position = table.cursor_row
        if not self.shown or not 0 <= position < len(self.shown):
            return None
        return position, self.shown[position]

    def editable(self, orphan: bool = False) -> tuple[int, ReviewRow] | None:
        """The highlighted row if this analyst may change it, else None (and says why).
        An orphan is on no sentence: only re-attaching or deleting it changes it (`orphan`
        says which the caller wants)."""
        if self.held is not None:
            self.notify(
                "The list is being read again after another session's change; press it "
                "again in a moment.",
                markup=False,
            )
            return None
        found = self.highlighted()
        if found is None:
            self.notify("No annotation highlighted.")
            return None
        if found[1].annotation.is_orphan != orphan:
            if orphan and found[1].article_not_opened:
                why = article_not_opened(found[1].annotation.article_id)
            elif orphan:
                why = "Only an orphan (sentence —) is re-attached or deleted here."
            else:
                why = "This orphan is on no sentence: t re-attaches it to one, x deletes it."
            self.notify(why, markup=False)
            return None
        if found[1].annotation.annotator != self.store.annotator:
            self.notify(
                f"That annotation is {found[1].annotation.annotator}'s; "
                f"you can change only yours ({self.store.annotator}).",
                severity="warning",
                markup=False,
            )
            return None
        return found

    def apply(self, key: RowKey, annotation: Annotation | None) -> None:
        """Record a stored change in the rows and in the table, if the row is shown."""
        position = next((n for n, row in enumerate(self.shown) if row.key == key), None)
        stored = self.rows.get(key)
        known = stored or (self.shown[position] if position is not None else None)
        before = stored.annotation.source if stored is not None else None
        stance = speaker_stance(stored.annotation) if stored is not None else None
        if annotation is not None and not annotation.is_blank:
            if known is not None:
                updated = known.with_annotation(annotation)
            else:
                updated = make_rows([annotation], {}, {})[0]
            self.rows[key] = updated
            self.facets = self.facets.including(annotation)
        else:
            self.rows.pop(key, None)
            if known is None:
                return
            updated = known.with_annotation(blank(annotation or known.annotation))
        now = self.rows[key].annotation if key in self.rows else None
        after = now.source if now is not None else None
        if (before or None) != (after or None) or stance != speaker_stance(now):
            # a source is another speaker's now, or no one's (an anchor confirmed: "he"
            # is read on its text; a suggestion's speaker accepted)
            self.read_speakers()
        if position is not None:
            self.shown[position] = updated
            table = self.query_one(ReviewTable)
            table.update_row(position, updated, self.speakers)
            table.move_cursor(row=position)
            self.show_detail_of(position)  # the cursor did not move: no event says so

    def write(
        self, position_row: tuple[int, ReviewRow], change: Callable[[Annotation], Annotation]
    ) -> None:
        """Change the row's annotation through the workspace (the row is updated as it
        announces the change)."""
        _position, row = position_row
        article = self.corpus.by_id.get(row.annotation.article_id)
        try:
            self.workspace.write(article, lambda: change(row.annotation), lambda: row.annotation)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)

    # -- actions --------------------------------------------------------------------
    @on(DataTable.RowSelected)
    def open_row(self, event: DataTable.RowSelected) -> None:
        event.stop()
        position = event.cursor_row
        if 0 <= position < len(self.shown):
            annotation = self.shown[position].annotation
            if annotation.is_orphan:
                self.notify(
                    "This orphan is on no sentence: t re-attaches it to one, x deletes it.",
                    markup=False,
                )
                return
            if self.shown[position].article_not_opened:
                self.notify(article_not_opened(annotation.article_id), markup=False, timeout=10)
                return
            self.close_with((annotation.article_id, annotation.index))

    @on(DataTable.RowHighlighted)
    def show_detail(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail_of(event.cursor_row)
        self.more_rows(event.cursor_row)

    @on(ReviewDetail.Rewidth)
    def detail_rewidth(self) -> None:
        """Say the highlighted row again at the detail's new width (qa21 #9)."""
        self.show_detail_of(self.query_one(ReviewTable).cursor_row if self.shown else None)

    def show_detail_of(self, position: int | None) -> None:
        """The row at `position` in full under the table (its columns are cut short):
        its source, sentence and note, then where it is, its tags, status and analyst;
        nothing when there is no row there. At 80 columns the article, status and note
        were cut to a few letters and the two lines under the table cut the rest (qa14
        Q10, Q16, Q18): the lines grow with the text (app.tcss)."""
        detail = self.query_one(ReviewDetail)
        if not self.shown and self.loaded:
            detail.update(literal(self.nothing_shown()))
            return
        if position is None or not 0 <= position < len(self.shown):
            detail.update("")
            return
        row = self.shown[position]
        width = detail.size.width or 78  # within its padding
        note = row.annotation
        tagged = self.versions.of(note)
        words = reanchored_words(note, tagged) if note.anchor_state == "reanchored" else ""
        state = ANCHOR_DETAIL.get(note.anchor_state, "").format(
            index=note.index + 1, reanchored=words
        )
        was = tagged_line(note, tagged, width - 2)  # about so many: "…" at either end
        for room in fitted_rooms(width):  # what no room changes is made once, above
            parts = self.detail_parts(row, tagged, state, was, room)
            if sum(len(part.wrap(width)) for part in parts) <= DETAIL_MAX_LINES:
                break
        detail.update(Content("\n").join(parts))

    def detail_parts(
        self,
        row: ReviewRow,
        tagged: Annotation | None,
        state: str,
        was: Content | None,
        room: int,
    ) -> list[Content]:
        """The detail's paragraphs for `row` (as tagged, its anchoring said, its words as
        tagged), each source, sentence, note and title in at most `room` cells (within:
        tr15 T3)."""
        note = row.annotation
        source = f"{within(shown_source(note, self.speakers), room)}: " if note.source else ""
        comment = f"  [note: {within(note.note, room)}]" if note.note else ""
        shown = literal(f"{state}{source}{within(note.quote, room)}{comment}", single_line=True)
        parts = [shown] if was is None else [shown, was]
        gone = source_gone(note, tagged, room)
        if gone is not None:  # qa10 Q28: said beside y, the source left to the analyst
            parts.append(literal(gone, single_line=True))
        parts.append(literal(row_place(row, room), single_line=True))
        return parts

    def nothing_shown(self) -> str:
        """What the detail line says when no row is shown: why, and the way out."""
        if not self.rows:
            return "No annotations yet: tag sentences on the annotate screen (Escape)."
        query = self.query_state
        filters = bool(query.filters())
        search = f"the search “{query.text}”" if query.text.strip() else ""
        if filters and search:
            why = f"the filters and {search} (F clears the filters)"
        elif filters:
            why = "the filters (F clears them)"
        else:
            why = search or "this view"
        return f"No annotation matches {why}."

    @on(DataTable.HeaderSelected)
    def header_clicked(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.set_query(self.query_state.sorted_by(str(event.column_key.value)))

    @on(Input.Changed, "#review-search")
    def search_changed(self, event: Input.Changed) -> None:
        self.set_query(self.query_state.changed(text=event.value))

    @on(Input.Submitted, "#review-search")
    def search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(ReviewTable).focus()

    def in_search(self) -> bool:
        """True while the search box has the keys: the table's letters are text there."""
        return isinstance(self.focused, Input)

    def check_keys(self) -> None:
        """A table key typed in the search box is text: SkipAction hands it on."""
        if self.in_search():
            raise SkipAction()

    def action_move(self, where: str) -> None:
        """The table's cursor moves (as the table's own keys do); Down from the search
        box goes into the table; the other moves are the box's there."""
        table = self.query_one(ReviewTable)
        if self.in_search():
            if where != "down":
                raise SkipAction()
            table.focus()
            return
        if self.focused is not table:
            raise SkipAction()
        moves = {  # named, not built: "action_cursor_page_down" crashed the app (qa21 #1)
            "down": table.action_cursor_down,
            "up": table.action_cursor_up,
            "page_down": table.action_page_down,
            "page_up": table.action_page_up,
        }
        moves[where]()

    async def action_edit_source(self) -> None:
        """The source prompt of the annotate screen (pre-filled with the source, or a
        guess from the sentence), saved through the workspace. No guess from a quote
        longer than a sentence can be (quote_cap.too_long: an imported text pasted whole,
        whose reading is quadratic in its length, rv18 H2)."""
        self.check_keys()
        found = self.editable()
        if found is None:
            return
        annotation = found[1].annotation
        quote = annotation.quote
        value = annotation.source or (None if too_long(quote) else guess_source(quote)) or ""

        def save(answer: str | None) -> None:
            if answer is not None:
                source = answer.strip() or None
                self.write(found, lambda current: current.changed(source=source))

        if (refused := too_long_to_edit("source", value)) is not None:
            self.notify(refused, title="Not opened", severity="warning")
            return
        prompt = source_prompt(value, annotation.quote, annotation.suggestion)
        await open_prompt(self.app, prompt, save)

    async def action_edit_note(self) -> None:
        self.check_keys()
        found = self.editable()
        if found is None:
            return

        def save(answer: str | None) -> None:
            if answer is not None:
                self.write(found, lambda current: current.changed(note=answer.strip()))

        annotation = found[1].annotation
        if (refused := too_long_to_edit("note", annotation.note)) is not None:
            self.notify(refused, title="Not opened", severity="warning")
            return
        await open_prompt(self.app, note_prompt(annotation.note, annotation.quote), save)

    def action_close(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one(ReviewTable).focus()
            return
        self.close_with(None)

    def action_help(self) -> None:
        """This screen's keys first, then every other screen's (qa13 Q10)."""
        self.check_keys()
        show_help(self, self.workspace.keys, "review")

    def action_focus_search(self) -> None:
        self.check_keys()
        self.query_one("#review-search", Input).focus()

    def action_toggle_tag(self, tag: str) -> None:
        self.check_keys()
        found = self.editable()
        if found is not None:
            self.write(found, lambda annotation: annotation.toggled(tag))

    async def action_pick_status(self) -> None:
        self.check_keys()
        found = self.editable()
        if found is None:
            return

        def chosen(status: str | None) -> None:
            if status is not None:
                self.write(found, lambda annotation: annotation.changed(status=status))

        current = found[1].annotation.status
        prompt = ChoicePrompt("Verification status", list(STATUSES), current, shown_as=status_words)
        await open_prompt(self.app, prompt, chosen)

    def action_undo(self) -> None:
        self.check_keys()
        take_step(self.workspace.undo, True, self.workspace.title_of, self.notify)

    def action_redo(self) -> None:
        take_step(self.workspace.redo, False, self.workspace.title_of, self.notify)

    def action_confirm_anchor(self) -> None:
        self.check_keys()
        found = self.editable()
        if found is None:
            return
        if found[1].annotation.anchor_state not in ("check", "reanchored"):
            self.notify("Nothing to confirm: this annotation was made on its sentence.")
            return
        self.write(found, lambda annotation: annotation.changed(anchor_state="current"))

    async def action_reattach(self) -> None:
        """Put the highlighted orphan on a sentence of its article the analyst picks
        (the most similar free one is offered first)."""
        self.check_keys()
        found = self.editable(orphan=True)
        if found is None:
            return
        orphan = found[1].annotation
        article = self.corpus.by_id.get(orphan.article_id)
        if article is None:
            self.notify(f"Article {orphan.article_id} is not in this corpus.", markup=False)
            return
        taken = set(self.store.for_article(article.id))
        free = [s.index for s in article.sentences if s.index not in taken]
        if not free:
            self.notify("Every sentence of that article already has your annotation.")
            return
        labels = {f"{index + 1}. {article.sentences[index].text}": index for index in free}
        best = most_similar(orphan.quote, article, free)
        current = next((label for label, index in labels.items() if index == best), None)

        def chosen(label: str | None) -> None:
            if label is None:
                return
            placed = anchored_to(orphan, article, labels[label], "current")
            self.moved_to[row_key(orphan)] = row_key(placed)
            try:
                self.workspace.reattach(orphan, placed)
            except StoreError as error:
                self.moved_to.pop(row_key(orphan), None)
                self.notify(str(error), title="Not saved", severity="error", markup=False)
                return
            self.notify(f"Re-attached to sentence {labels[label] + 1}.", markup=False)

        title = "Re-attach to which sentence?"  # one line: the article is in the detail
        detail = (
            f"It was sentence {orphan.index + 1} of “{article.title}”: {orphan.quote}\n"
            "Listed: the sentences without an annotation of yours."
        )
        numbers = {index + 1: label for label, index in labels.items()}
        unlisted = {
            index + 1: f"Sentence {index + 1} already has your annotation, so it is not listed"
            for index in taken
        }
        prompt = ChoicePrompt(
            title, list(labels), current, detail=detail, numbers=numbers, unlisted=unlisted
        )
        await open_prompt(self.app, prompt, chosen)

    def action_delete_orphan(self) -> None:
        self.check_keys()
        found = self.editable(orphan=True)
        if found is None:
            return
        try:
            self.workspace.delete_orphan(found[1].annotation)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return
        self.notify("Orphan deleted (u undoes).", markup=False)

    def drop(self, key: RowKey) -> None:
        """Take a deleted orphan's row out of the rows, the table and the counts: there is
        nothing left to show or act on (u brings it back, with a reload)."""
        if self.rows.pop(key, None) is not None:
            self.read_speakers()
        position = next((n for n, row in enumerate(self.shown) if row.key == key), None)
        if position is None:
            return
        del self.shown[position]
        self.selected = [row for row in self.selected if row.key != key]
        self.matched -= 1
        table = self.query_one(ReviewTable)
        table.remove_at(position)
        self.show_status()
        self.show_detail_of(table.cursor_row if self.shown else None)

    def reload(self) -> None:
        """Read every annotation again (after a change that moved some between rows)."""
        self.loaded = False
        self.reading_all = True
        self.show_status("loading annotations…")
        self.load_rows()

    async def action_sort(self) -> None:
        self.check_keys()

        def chosen(column: str | None) -> None:
            if column is not None:
                self.set_query(self.query_state.sorted_by(column))

        title = "Sort by (the current column again reverses)"
        prompt = ChoicePrompt(title, list(COLUMNS), self.query_state.sort)
        await open_prompt(self.app, prompt, chosen)

    def action_clear_filters(self) -> None:
        self.check_keys()
        self.set_query(ReviewQuery(text=self.query_state.text))

    async def action_filter(self) -> None:
        self.check_keys()

        async def chosen(name: str | None) -> None:
            if name == "clear all":
                self.action_clear_filters()
            elif name is not None:
                await self.pick_filter_value(name)

        await open_prompt(self.app, ChoicePrompt("Filter by", list(FILTERS)), chosen)

    async def pick_filter_value(self, name: str) -> None:
        """Second step of a filter: the value to keep, or 'any' to drop that filter."""
        labels = self.filter_choices(name)
        field = {"tag": "tag", "status": "status", "article": "article_id"}.get(name, name)
        current = getattr(self.query_state, field)
        shown_current = next((label for label, value in labels.items() if value == current), ANY)

        def chosen(label: str | None) -> None:
            if label is not None:
                self.set_query(self.query_state.changed(**{field: labels[label]}))

        detail = ""
        if name == "source" and self.speakers is None:
            detail = "Naming each source's speaker as the summary does: f again in a moment."
        prompt = ChoicePrompt(f"Filter by {name}", list(labels), shown_current, detail=detail)
        await open_prompt(self.app, prompt, chosen)

    def filter_choices(self, name: str) -> dict[str, str | None]:
        """Label shown -> filter value (None = any) for one kind of filter."""
        choices: dict[str, str | None] = {ANY: None}
        facets = self.facets
        if name == "tag":
            choices.update({tag: tag for tag in (*TAGS, UNTAGGED)})
        elif name == "status":
            choices.update({status_words(status): status for status in STATUSES})
        elif name == "article":
            present = facets.article_ids
            for article in self.corpus.articles:
                if article.id in present:
                    choices[f"{name_displayable(article.id)}  {article.title}"] = article.id
            for article_id in sorted(present.difference(self.corpus.by_id)):
                choices[name_displayable(article_id)] = article_id
        elif name == "source":
            if self.speakers is not None:
                choices.update(self.speakers.choices)
            choices["(no source)"] = NO_SOURCE
        elif name == "annotator":
            names = facets.annotators | {self.store.annotator}
            # "ana" and "ana" + U+200B are two analysts, and must not look alike (tr14 T8)
            choices.update({name_displayable(annotator): annotator for annotator in sorted(names)})
        elif name == "anchoring":
            choices.update({value: value for value in ANCHORING_FILTERS})
        return choices
