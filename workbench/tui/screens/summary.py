"""The summary screen: the claim ledger with its conflicts, per article and per source.

The summary is the same `Summary` `workbench summary` prints (build_summary), computed
in a worker because it takes seconds at 100,000 annotations. It is the current analyst's,
or another's or every analyst's (`a` chooses). The analyst can merge two ledger groups
or split a claim out of one; each decision is stored through the workspace, and the
summary is computed again with it as the workspace announces it.
"""

from __future__ import annotations

import dataclasses
import gc
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from store import Change, DecisionChange, ServerError, StoreError
from workbench.config.state import StateError, remember_export_folder
from workbench.core.analysis.figures.conflicts import Figure, format_value
from workbench.core.analysis.ledger.decisions import (
    REASON_CHARS,
    Dismiss,
    Merge,
    PairFigure,
    Split,
    apart_not_read,
)
from workbench.core.analysis.ledger.dismissals import DismissedPair
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.summary.judgements import claims_by_sentence
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.analysis.summary.model import (
    AnchoringList,
    AnchoringSection,
    ClaimGroup,
    FigureConflict,
    SentenceLine,
    Summary,
    sentence_label,
)
from workbench.core.analysis.summary.possible import claim_key, with_possible
from workbench.core.annotation import STATUSES, TAGS, Annotation, AnnotationKey, status_words
from workbench.core.files.atomic import write_output
from workbench.core.terminal_text import name_displayable, printable, printable_bytes
from workbench.tui.hand_back import hand_back
from workbench.tui.literal import literal
from workbench.tui.output_folder import default_folder, target_of
from workbench.tui.screens.choice import ChoicePrompt
from workbench.tui.screens.confirm import ConfirmPrompt, describe
from workbench.tui.screens.help import show_help
from workbench.tui.screens.prompt import TextPrompt
from workbench.tui.server_link import ServerUnreachable
from workbench.tui.state.column_widths import (
    ELLIPSIS,
    NAME_SHARE,
    STATUS_SHARE,
    TITLE_SHARE,
    ColumnSpec,
    content_widths,
    cut_at_word,
    fitted,
    shown_columns,
    shows_cut,
    window_start,
)
from workbench.tui.state.conflict_banner import banner_lines
from workbench.tui.state.empty_tabs import empty_tab_words
from workbench.tui.state.hidden_tables import HiddenTables
from workbench.tui.state.live_summary import LiveSummary
from workbench.tui.state.step_words import take_step
from workbench.tui.state.summary_detail import (
    anchoring_detail,
    article_detail,
    conflict_detail,
    dismissed_detail,
    ledger_detail,
    possible_detail,
    source_detail,
    unlinked_detail,
)
from workbench.tui.state.summary_header import fitted_mode, header
from workbench.tui.state.summary_served import served_summary
from workbench.tui.state.summary_view import (
    ANCHORING_STATES,
    LedgerLine,
    SummaryView,
    anchoring_words,
    line_count,
    prepare_view,
    read_summary,
)
from workbench.tui.state.workspace import Subscription, Workspace, WorkspaceChange
from workbench.tui.typeahead import open_prompt
from workbench.tui.widgets.detail_pane import DetailPane
from workbench.tui.widgets.fitted_footer import FittedFooter
from workbench.tui.widgets.row_table import RowTable

TABS = ("ledger", "conflicts", "articles", "sources", "anchoring", "denials", "possible")
REFIT_DELAY = 0.15
"""Seconds the width must stay put before the tables are fitted to it again."""
TABLE_SCROLLBAR = 2
"""Columns a table keeps for its vertical scrollbar."""
BANNER_PADDING = 2
"""The banner's padding, left and right (app.tcss): its lines are fitted to the rest."""
EVERYONE = "all analysts"
ANALYST_PICKER = "Whose summary to show"
"""The analyst picker's title (`a`; qa20 #7: it read "Summary of")."""
STATUS_PADDING = 2
"""The header's padding (app.tcss: one cell either side)."""
STALE = "computing the summary again… the tables show it as it was before, not yet updated"
"""The status line while a summary is computed again over the tables shown."""
REPORT_NAME = "summary.md"
"""The report's file name the `w` prompt proposes, in the last export's folder."""
"""The analyst choice that summarises every analyst's annotations."""

WRITE_REPORT = "Write the summary as a Markdown report (.md)"
"""`w` in the palette and `?` (the footer keeps "Write .md"): "Write .md" alone was found
by neither "report" nor "markdown" (qa20 #11)."""
DISMISS_WORDS = (
    "Not a conflict: dismiss the highlighted pair of figures (Conflicts or Possible tab), "
    "with a reason if you like"
)
"""`d` in the palette and `?` (qa20 #2: a conflict the analyst knew was wrong stayed)."""
RESTORE_WORDS = "A conflict again: restore the highlighted dismissed pair (Conflicts tab)"
DISMISS_PROMPT = "Not a conflict: why? (optional; Enter saves, Escape cancels)"
SUMMARY_BINDINGS: list[BindingType] = [
    Binding("question_mark", "help", "Help", tooltip="This help", id="summary.help"),
    Binding("escape,q", "close", "Close", id="summary.close"),
    Binding("m", "merge", "Merge", id="summary.merge"),
    Binding("x", "split", "Split", id="summary.split"),
    Binding(
        "d",
        "dismiss_conflict",
        "Not a conflict",
        show=False,
        tooltip=DISMISS_WORDS,
        id="summary.dismiss",
    ),
    Binding(
        "r",
        "restore_conflict",
        "Restore",
        show=False,
        tooltip=RESTORE_WORDS,
        id="summary.restore",
    ),
    Binding("u", "undo", "Undo", id="summary.undo"),
    Binding("ctrl+r", "redo", "Redo", show=False, id="summary.redo"),
    Binding(
        "w",
        "write_report",
        "Write .md",
        tooltip=WRITE_REPORT,
        id="summary.write",
        priority=True,  # tui.typeahead
    ),
    Binding("a", "choose_analyst", "Analyst", id="summary.analyst", priority=True),  # typeahead
    Binding("1", "show_tab('ledger')", "Ledger", show=False, id="summary.tab_ledger"),
    Binding("2", "show_tab('conflicts')", "Conflicts", show=False, id="summary.tab_conflicts"),
    Binding("3", "show_tab('articles')", "Articles", show=False, id="summary.tab_articles"),
    Binding("4", "show_tab('sources')", "Sources", show=False, id="summary.tab_sources"),
    Binding("5", "show_tab('anchoring')", "Anchoring", show=False, id="summary.tab_anchoring"),
    Binding("6", "show_tab('denials')", "Denials", show=False, id="summary.tab_denials"),
    Binding("7", "show_tab('possible')", "Possible", show=False, id="summary.tab_possible"),
]
TAB_COUNT = sum(
    1
    for binding in SUMMARY_BINDINGS
    if isinstance(binding, Binding) and (binding.id or "").startswith("summary.tab_")
)
"""The tabs the status line's hint counts ("1–7 tabs": it said 1–6 beside seven, qa16 Q10)."""
FOOTER_RANK = ("help", "close", "write_report", "choose_analyst", "merge", "split", "undo")
"""Footer keys by need: at 80 columns `? Help` and Close first (qa13 Q10: no `?` shown)."""

Columns = Sequence[ColumnSpec]
"""Each column's label and the bounds of its width (state/column_widths.py): a column is
as wide as its longest cell within them, and the one without a largest takes the rest; a
spare column (one the detail pane shows too) is left out where the table would not fit
otherwise."""
LEDGER_COLUMNS: Columns = (
    ColumnSpec("!", 1, 1),
    ColumnSpec("group", 5, 5),
    ColumnSpec("role", 9, 9),
    ColumnSpec("article", 8, 40, keeps=TITLE_SHARE, cut_at_word=True),
    ColumnSpec("sentence", 8, 8),
    ColumnSpec("analyst", 7, 24),
    ColumnSpec("status", 8, 12, keeps=STATUS_SHARE),
    ColumnSpec("source", 8, 45),
    ColumnSpec("figures", 8, 40),
    ColumnSpec("text", 20, None),
)
"""The status keeps its width (up to 12 cells) wherever the table does not scroll
sideways: it gave up room with the source and figures, and read "unverif…" at 120
columns (qa20 #8); where the table scrolls anyway (80 columns) it keeps its 8."""
CONFLICT_COLUMNS: Columns = (
    ColumnSpec("measured", 8, 30, keeps=TITLE_SHARE),
    ColumnSpec("figure", 6, 10),
    ColumnSpec("as written", 18, 40, keeps=TITLE_SHARE),
    ColumnSpec("source", 8, 45),
    ColumnSpec("article", 8, 40, keeps=TITLE_SHARE, cut_at_word=True),
    ColumnSpec("sentence", 8, 8),
    ColumnSpec("group", 5, 5),
    ColumnSpec("why", 20, None),
)
"""The thing measured and the figure as written keep their width as a title does (qa20
#8: at 120 columns "troops…", "approximat…"); as written is never under 18 cells, so that
a cut keeps "(to check)" beside the figure's first 7 ("30,000… (to check)"; _kept_tail)."""
POSSIBLE_COLUMNS: Columns = (
    ColumnSpec("reader", 6, 6),
    ColumnSpec("as written", 10, 30),
    ColumnSpec("source", 8, 30),
    ColumnSpec("article", 8, 30, spare=1, cut_at_word=True),
    ColumnSpec("sentence", 8, 8),
    ColumnSpec("vs as written", 13, 30),
    ColumnSpec("vs source", 9, 30),
    ColumnSpec("vs article", 10, 30, spare=1, cut_at_word=True),
    ColumnSpec("vs sentence", 11, 11),
    ColumnSpec("the rule reads", 14, 40),
    ColumnSpec("why the reader reads one thing", 20, None),
)
"""The Possible tab: the reader's probability, then each figure with where it is and
who gives it, then what the rule reads of the two (why it does not flag them) and why the
reader does; the articles are left out first where the width is short (the detail pane
names them)."""
ARTICLE_COLUMNS: Columns = (
    ColumnSpec("article", 12, None, cut_at_word=True),
    ColumnSpec("sentences", 9, 9),
    ColumnSpec("tagged", 6, 6),
    *(ColumnSpec(tag, max(len(tag), 5), max(len(tag), 5)) for tag in TAGS),
    *(
        ColumnSpec(status_words(status), max(len(status), 5), max(len(status), 5), spare=1)
        for status in STATUSES
    ),
)
"""The statuses are left out together below some 130 columns (the detail pane says them):
the title, cut to 12 cells at 120 columns, keeps the room (fx14)."""
STATUS_DIFFERS_COLUMNS: Columns = (*ARTICLE_COLUMNS, ColumnSpec("status differs", 14, 14, spare=1))
"""With several analysts who gave some sentence different statuses, a column counts those,
so that the status columns add up to the annotated sentences (as the report's)."""
ANCHORING_COLUMNS: Columns = (
    ColumnSpec("state", 8, 18, keeps=TITLE_SHARE),
    ColumnSpec("article", 8, 40, keeps=TITLE_SHARE, cut_at_word=True),
    ColumnSpec("sentence", 8, 8),
    ColumnSpec("annotator", 9, 20),
    ColumnSpec("tags", 6, 26),
    ColumnSpec("text", 20, None),
    ColumnSpec("as tagged (changed words marked)", 20, 60),
)
"""The state is what the tab is for, whole ("article not opened") where the table fits:
at 120 columns it gave room to the text and read "article not…" (qa20 #8)."""
DENIAL_COLUMNS: Columns = (
    ColumnSpec("article", 8, 40, keeps=TITLE_SHARE, cut_at_word=True),
    ColumnSpec("sentence", 8, 8),
    ColumnSpec("denied by", 9, 30),
    ColumnSpec("annotator", 9, 20),
    ColumnSpec("why not linked", 14, 38),
    ColumnSpec("text", 20, None),
)
SOURCE_COLUMNS: Columns = (
    ColumnSpec("source", 10, 45, keeps=NAME_SHARE),
    ColumnSpec("kind", 7, 7, spare=1),
    ColumnSpec("articles", 8, 8),
    ColumnSpec("sentences", 9, 9),
    ColumnSpec("claims", 6, 6),
    ColumnSpec("attrib.", 7, 7),
    ColumnSpec("denials", 7, 7),
    ColumnSpec("also written", 12, None, spare=2),
)
"""At 80 columns a source's name and its counts, without a sideways scroll; its other
spellings, then its kind, are left out first (the detail pane says them, fx14)."""
NAMED_BY_COLUMNS: Columns = (
    *(dataclasses.replace(s, spare=s.spare + 1) if s.spare else s for s in SOURCE_COLUMNS),
    ColumnSpec("analysts", 8, 24, spare=1),
)
"""In every analyst's summary of several, who named each source (fx14: a source only one
analyst gave named no one), as the report's table does: left out after the other
spellings and the kind (at 80 columns; the pane's "Named by" says it)."""


def fill(
    table: DataTable[Content],
    columns: Columns,
    rows: Sequence[Sequence[object]],
    room: int,
    place: tuple[int, float] | None = None,
) -> list[int]:
    """Replace a table's rows and fit its columns to `room` cells; every cell is rendered
    literally (it may be article text), in the columns shown at that width
    (shown_columns). The cursor stays on the row it was on (`place`: the cursor row and
    scroll offset of an emptied table, put back). Returns each column's widest cell
    (content_widths), which the fit was made from."""
    cells = [[table_cell(cell) for cell in row] for row in rows]
    content = content_widths(columns, ([cell.plain for cell in row] for row in cells))
    shown = shown_columns(columns, content, room)
    widths = fitted([columns[n] for n in shown], [content[n] for n in shown], room)
    for column, width in zip(shown, widths, strict=True):
        if content[column] > width and shows_cut(columns[column]):
            cut: dict[str, Content] = {}  # a column repeats its cells: statuses, sources
            for row in cells:
                row[column] = _cut(row[column], width, cut)
    cursor = table.cursor_row if place is None else place[0]
    table.clear(columns=True)
    for column, width in zip(shown, widths, strict=True):
        table.add_column(columns[column].label, width=width)
    for number, row in enumerate(cells):
        table.add_row(*(row[column] for column in shown), key=str(number))
    if 0 < cursor < len(cells):
        table.move_cursor(row=cursor, scroll=False)
    if place is not None and place[1]:
        table.call_after_refresh(table.scroll_to, y=place[1], animate=False)
    return content


def _cut(cell: Content, width: int, made: dict[str, Content] | None = None) -> Content:
    """A cell cut at a word with "…" to the column's width (cut_at_word), else as it is;
    its styles kept and its first marked stretch shown (the Anchoring tab's changed
    words, window_start), and a trailing "(to check)" kept whole (_kept_tail: the
    Conflicts tab's "30,000 troops (to check)" read "30,000 troops…"); `made`: the
    column's cells cut so far, by their text."""
    text = cell.plain
    if cell_len(text) <= width:
        return cell
    if made is not None and text in made:
        return made[text]
    tail = len(text) - _kept_tail(text, width)
    head, room = cell[:tail], width - cell_len(text[tail:])
    marked = [span for span in head.spans if span.start > 0 or span.end < len(head.plain)]
    if marked:
        first = min(marked, key=lambda span: span.start)
        start = window_start(head.plain, room, first.start, first.end)
        if start:
            head = Content(ELLIPSIS) + head[start:]
    said = cut_at_word(head.plain, room)  # the head's first characters, then "…"
    if said != head.plain:
        head = head[: len(said) - 1] + ELLIPSIS if said.endswith(ELLIPSIS) else Content(said)
    cut = head + cell[tail:]
    if made is not None:
        made[text] = cut
    return cut


_TO_CHECK_TAIL = re.compile(r" \(to check[^()]*\)$")
SHORTEST_HEAD = 7
"""Cells a cut cell keeps before its "(to check)" (else the marker is cut too)."""


def _kept_tail(text: str, width: int) -> int:
    """Characters at the end of `text` a cut to `width` keeps: its "(to check)" (or
    "(to check: ana)"), which says the figure's sentence is not the one tagged, when
    the column has room for it after SHORTEST_HEAD cells; else none."""
    found = _TO_CHECK_TAIL.search(text)
    if found is None or cell_len(found.group()) + SHORTEST_HEAD > width:
        return 0
    return len(found.group())


def patch_rows(
    table: DataTable[Content],
    columns: Columns,
    before: Sequence[Sequence[object]],
    after: Sequence[Sequence[object]],
    content: Sequence[int],
    shown: Sequence[int],
) -> bool:
    """Change in place the cells of the rows that differ (an updated summary: a few),
    when the rows are as many and no column's widest cell changes, so the fit stays
    what fill() would make; False when the table must be filled again. `shown`: the
    columns the table shows (shown_columns); a cell of another changes nothing shown."""
    place = {column: position for position, column in enumerate(shown)}
    widths = [column.width for column in table.ordered_columns]
    if len(before) != len(after):
        return False
    changed = [n for n, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    updates: list[tuple[Coordinate, Content]] = []
    for row in changed:
        for column, (old, new) in enumerate(zip(before[row], after[row], strict=True)):
            if old == new:
                continue
            cell = table_cell(new)
            length, was = cell_len(cell.plain), cell_len(table_cell(old).plain)
            if length > content[column] or (was == content[column] and length < was):
                return False  # the column's widest cell changes: fit again
            if column in place:
                if shows_cut(columns[column]):
                    cell = _cut(cell, widths[place[column]])
                updates.append((Coordinate(row, place[column]), cell))
    for coordinate, cell in updates:
        table.update_cell_at(coordinate, cell)
    return True


def table_cell(value: object) -> Content:
    """A row's value as its table cell shows it (literally: it may be article text)."""
    return value if isinstance(value, Content) else literal(_text(value), single_line=True)


def _text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return format_value(value)
    return str(value)


def many(count: int, thing: str) -> str:
    """ "1 sentence", "2 sentences" (the header said "1 sentences · 1 claim groups")."""
    return f"{count:,} {thing}" if count == 1 else f"{count:,} {thing}s"


def measured_words(view: SummaryView | None) -> str:
    """What the conflicts count, as the report heads them and the banner lists them: the
    things measured whose figures conflict, one a heading (qa15 Q13: "2 conflicting
    figure(s)" counted topics, which the report may split into several things measured,
    beside five figures). None is said as a person says it (polish20: "0 things measured
    have conflicting figures")."""
    count = len(view.conflict_headings) if view is not None else 0
    if count == 0:
        return "no conflicting figures"
    if count == 1:
        return "1 thing measured has conflicting figures"
    return f"{count:,} things measured have conflicting figures"


class SummaryScreen(Screen[tuple[str, int] | None]):
    """Returns (article id, sentence index) to open in the annotate screen, or None."""

    BINDINGS: ClassVar[list[BindingType]] = SUMMARY_BINDINGS
    DEFAULT_CSS = """
    SummaryScreen #summary-detail {
        height: 30%;
        min-height: 4;
        max-height: 12;
        border-top: solid $primary;
        padding: 0 1;
    }
    """

    def __init__(self, workspace: Workspace, ledger: LedgerSettings | None = None) -> None:
        """`ledger`: settings.toml [ledger], read as the screen opens. Articles whose
        annotations do not fit their text are counted where re-anchoring puts them (in
        memory, at the workspace's threshold)."""
        super().__init__()
        self.workspace = workspace
        self.ledger = ledger or LedgerSettings()
        self.subscription: Subscription | None = None
        self.anchoring: list[tuple[AnchoringList, Annotation]] = []
        """(anchoring list name, annotation) of each line of the Anchoring tab."""
        self.analyst: str | None = workspace.annotator
        """Whose summary: the current analyst's at first; None for every analyst's."""
        self.analysts: list[str] = []
        """The analysts with annotations in the store, as of the last read."""
        self.analysts_read = False
        """A read of the store has named the analysts (until then `self.analysts` is empty)."""
        self.pick_when_read = False
        """`a` was pressed before the first read named the analysts: the picker opens once it
        has, offering every analyst, not only yourself (qa9 Q15)."""
        self.summary: Summary | None = None
        self.view: SummaryView | None = None
        self.caveats: tuple[str, ...] = ()
        """The report's caveats as of the last read of the store (read_summary): a patch
        of the summary shown (LiveSummary) does not carry them."""
        self.content_widths: dict[str, list[int]] = {}
        """Each table's widest cell per column, as its columns were last fitted."""
        self.filled_width = 0
        """The screen width the tables were last fitted to."""
        self.refit: Timer | None = None
        self.status_message = ""
        """What the header says instead of the counts (show_status), kept for a refit."""
        self.header_left: list[str] = []
        """The header's counts that did not fit its lines: the detail pane says them."""
        self.hidden = HiddenTables()
        """The tables of the tabs not shown hold no cells (hidden_tables.py)."""
        self.groups: dict[str, ClaimGroup] = {}
        self.titles: dict[str, str] = {}
        self.conflict_entries: list[tuple[FigureConflict, int]] = []
        """(conflict, position of the figure) of each conflicts-table row."""
        self.lines: list[LedgerLine] = []
        self.lines_of: str | None = None
        """Whose summary `lines` are of (the analyst chosen as they were shown)."""
        self.conflict_figures: list[Figure] = []
        self.merge_from: LedgerLine | None = None
        """The line whose group was marked with `m`, waiting for the second group."""
        self.follow: tuple[str, str, int] | None = None
        """A member to put the cursor on once the summary has been computed again."""
        self.decided: str | None = None
        """What a merge or split did ("Merged groups 7 and 8"), said once the summary is
        computed again with the number of the group it made: groups are numbered anew,
        flagged ones first, so "7 and 8" became group 3 unsaid (qa17 Q6)."""
        self.merged_denials: dict[AnnotationKey, SentenceLine] | None = None
        """The denials the two groups of a merge answered (by key), to say which the
        merged group no longer answers once the summary is computed again (lk8, qa6 Q17:
        a merge may still drop a link, rarely; it must not do so silently)."""
        self.live = LiveSummary(workspace.corpus.by_id)
        """The summary shown, kept up to date from the workspace's exact changes."""
        self.reading = False
        """A read of the store is on its way: a change meanwhile is read again."""
        self.read_again = False
        """Another session changed something during the read: read once more after it
        (restarting it at each change, a busy colleague would starve it)."""
        self.served = False
        """The summary shown is the one kept for the screen's inputs (summary_served.py):
        nothing live was built, so a change is read from the store."""

    def compose(self) -> ComposeResult:
        yield Static("", id="summary-status", markup=False)
        with TabbedContent(initial="ledger", id="summary-tabs"):
            with TabPane("Ledger", id="ledger"):
                yield Static("", id="conflict-banner", markup=False)
                yield RowTable(id="ledger-table", zebra_stripes=True)
            with TabPane("Conflicts", id="conflicts"):
                yield RowTable(id="conflicts-table")
            with TabPane("Articles", id="articles"):
                yield RowTable(id="articles-table")
            with TabPane("Sources", id="sources"):
                yield RowTable(id="sources-table")
            with TabPane("Anchoring", id="anchoring"):
                yield RowTable(id="anchoring-table")
            with TabPane("Denials", id="denials"):
                yield RowTable(id="denials-table")
            with TabPane("Possible", id="possible"):
                yield Static("", id="possible-heading", markup=False)
                yield RowTable(id="possible-table")
        yield DetailPane(id="summary-detail")
        yield FittedFooter(FOOTER_RANK)

    def on_mount(self) -> None:
        self.subscription = self.workspace.subscribe(self.workspace_changed)
        self.query_one("#ledger-table", DataTable).focus()  # arrows move through the ledger
        self.recompute()

    def on_unmount(self) -> None:
        if self.subscription is not None:
            self.subscription.close()
        gc.unfreeze()  # what the open summary froze (freeze_kept) is collected again

    def workspace_changed(self, change: WorkspaceChange) -> None:
        """An annotation saved or deleted: applied to the summary shown (live_summary.py);
        a merge or split, or what only the store says: the summary computed again."""
        if not (change.annotations or change.ledger):
            return
        if self.reading and not change.here:
            self.read_again = True
            return
        if not self.reading and self.live.note(change):
            self.update_in_background()
        else:
            self.recompute()

    # -- computing (worker thread) --------------------------------------------------------
    def recompute(self) -> None:
        """Compute the summary again in a worker; until it is shown the status line says
        so, over the tables as they were, said to be (none yet: the tables show they are
        loading)."""
        if self.summary is None:
            self.show_status("computing the summary…")
            self.query_one(TabbedContent).loading = True
        else:
            self.show_status(STALE)
        self.reading = True
        self.live.forget()
        self.build_in_background(self.analyst)

    @work(thread=True, exclusive=True, group="summary", description="summary: build")
    def build_in_background(self, analyst: str | None) -> None:
        """Show the summary kept for the screen's inputs now if there is one
        (summary_served.py: about a second at 100,000 annotations, nothing more built
        until something changes); else read the store and build it here, saying why:
        tens of seconds at 100,000 annotations. A database server away leaves the
        summary as it was, saying so."""
        served = served_summary(self.workspace, analyst, self.ledger)
        if get_current_worker().is_cancelled:
            return
        if served.warnings:
            hand_back(self, self.say_warnings, served.warnings)
        if served.snapshot is not None and served.view is not None:
            if not get_current_worker().is_cancelled:
                analysts = list(served.snapshot.analysts)
                hand_back(self, self.show_view, served.view, analysts, True)
                hand_back(self, self.freeze_kept)  # as once a live model is built
            return
        hand_back(self, self.say_computing, served.said)
        try:
            view, analysts = read_summary(self.workspace, analyst, self.ledger, self.live)
        except ServerError as error:
            if not get_current_worker().is_cancelled:
                self.post_message(ServerUnreachable(error))
                hand_back(self, self.summary_unread)
            return
        if not get_current_worker().is_cancelled:
            hand_back(self, self.show_view, view, analysts)
            self.prepare_live()

    def prepare_live(self) -> None:
        """(In a worker, after a summary is shown.) Make what a claim or denial tag is
        patched with (live_summary.py); the edits made meanwhile that waited for it are
        applied then. Edits the ledger does not read were applied without waiting."""
        if self.live.prepare():
            hand_back(self, self.catch_up)
        hand_back(self, self.freeze_kept)

    def freeze_kept(self) -> None:
        """Leave everything alive out of the collector's scans (gc.freeze) until the
        screen closes. The open summary, its accumulator and LiveLedger are 1.2 million
        tracked objects at 100,000 annotations: the one full collection soon after the
        screen was ready scanned them all, 0.8-0.9 s with every thread stopped, the UI's
        too (issue 15). They make no reference cycle (dropped, they leave no cyclic
        garbage: tests/unit/tui/test_live_summary.py), so reference counting frees what
        a patch replaces. Frozen again after every update: a promoting pause (a read, a
        tag's settle in the LiveLedger: workbench/core/collector.py) unfreezes. On the UI
        thread, so that a screen closed meanwhile freezes nothing."""
        if self.is_attached:
            gc.freeze()

    def catch_up(self) -> None:
        """Apply the edits that waited for the LiveLedger (unless a read of the store is
        on its way: it holds them)."""
        if self.is_attached and not self.reading and self.live.waiting:
            self.update_in_background()

    def summary_unread(self) -> None:
        self.reading = self.read_again = self.pick_when_read = False
        self.query_one(TabbedContent).loading = False
        self.show_status(
            "server unreachable: the summary was not computed again; it is when the server is back"
        )

    @work(thread=True, exclusive=True, group="summary", description="summary: update")
    def update_in_background(self) -> None:
        """Apply the changes noted to the summary shown: a patch, or a rebuild with the
        previous build's cache when the ledger reads what changed."""
        view = prepare_view(self.live.update(), self.view)
        if not get_current_worker().is_cancelled:
            hand_back(self, self.show_view, view)
            self.prepare_live()  # after a rebuild; nothing to do after a patch

    def say_computing(self, why: str) -> None:
        """The status line while the summary is computed, with why none kept was shown."""
        if self.reading:
            self.show_status(
                f"{'computing the summary…' if self.summary is None else STALE} ({why})"
            )

    def say_warnings(self, warnings: Sequence[str]) -> None:
        for warning in warnings:
            self.notify(warning, title="Kept summary", severity="warning", markup=False)

    # -- rendering ----------------------------------------------------------------------
    def show_view(
        self, view: SummaryView, analysts: list[str] | None = None, served: bool = False
    ) -> None:
        """Show a summary: read from the store (with `analysts`) or updated. `served`: the
        summary kept for these inputs (no live model: a change reads the store)."""
        self.served = served
        if analysts is not None:
            self.analysts = analysts
            self.analysts_read = True
            self.reading = False
            if self.pick_when_read:
                self.pick_when_read = False
                self.call_later(self.action_choose_analyst)
            self.caveats = view.summary.caveats
        self.query_one(TabbedContent).loading = False
        held, held_of = self.held_line(), self.lines_of
        self.summary = view.summary
        shown = None if analysts is not None else self.view
        self.view = view
        self.lines = view.lines
        self.lines_of = self.analyst
        self.conflict_figures = view.conflict_figures
        self.groups = {group.group_id: group for group in view.summary.ledger}
        self.conflict_entries = [
            (conflict, position)
            for conflict in view.summary.conflicts
            for position in range(len(conflict.figures))
        ][: len(view.conflict_rows)]
        self.titles = view.summary.short_titles()
        self.anchoring = view.anchoring
        self.fill_tables(shown)
        self.show_banner()
        self.query_one("#possible-heading", Static).update(literal(view.possible.said()))
        self.show_status()
        if self.follow is not None:
            self.say_decided(self.follow)
            self.say_dropped_denials(view.summary, self.follow)
            self.put_cursor_on(self.follow)
            self.follow = None
        elif held is not None:
            self.hold_cursor_on(held, say_gone=held_of == self.analyst)
        if self.read_again and not self.reading:
            self.read_again = False
            self.recompute()
        self.show_detail()

    def show_banner(self) -> None:
        """The conflicts and the denials aimed at no claim group, each on a line fitted
        to the width (state/conflict_banner.py: a name is never cut inside, qa17 Q5)."""
        view = self.view
        if view is None:
            return
        unlinked = view.summary.unlinked_denials
        deniers = sorted({d.canonical_source or d.source or "(unattributed)" for d in unlinked})
        banner = self.query_one("#conflict-banner", Static)
        width = banner.content_region.width or self.size.width - BANNER_PADDING
        lines = banner_lines(view.conflict_headings, len(unlinked), deniers, width)
        banner.update(literal("\n".join(lines) or "No conflicting figures."))

    def fill_tables(self, shown: SummaryView | None = None) -> None:
        """Every table from the summary shown, its columns fitted to the screen's width.
        `shown`: the view the tables show now (an update): only the cells that differ
        are changed where the fit stays the same (patch_rows)."""
        view = self.view
        if view is None:
            return
        width = self.size.width
        if shown is not None and width != self.filled_width:
            shown = None
        self.filled_width = width
        room = max(width - TABLE_SCROLLBAR, 1)
        active = self.query_one(TabbedContent).active
        for tab, columns, rows in self.table_rows(view):
            table = self.query_one(f"#{tab}-table", DataTable)
            if tab != active:
                self.hidden.empty(tab, table)  # filled when shown
                continue
            if shown is not None and tab in self.content_widths and tab not in self.hidden.stale:
                was, before = {name: (cols, old) for name, cols, old in self.table_rows(shown)}[tab]
                content = self.content_widths[tab]
                # the same columns (not the Articles tab's "status differs" come or gone)
                if was == columns and patch_rows(
                    table, columns, before, rows, content, shown_columns(columns, content, room)
                ):
                    continue
            place = self.hidden.filled(tab)
            self.content_widths[tab] = fill(table, columns, rows, room, place)

    def show_tab_table(self) -> None:
        """The shown tab's table filled (if it was emptied or is behind), the others
        emptied."""
        view, active = self.view, self.query_one(TabbedContent).active
        if view is None:
            return
        room = max(self.filled_width - TABLE_SCROLLBAR, 1)
        for tab, columns, rows in self.table_rows(view):
            table = self.query_one(f"#{tab}-table", DataTable)
            if tab != active:
                self.hidden.empty(tab, table)
            elif tab in self.hidden.stale:
                place = self.hidden.filled(tab)
                self.content_widths[tab] = fill(table, columns, rows, room, place)

    @staticmethod
    def table_rows(view: SummaryView) -> list[tuple[str, Columns, Sequence[Sequence[object]]]]:
        """Each table's id, columns and rows in `view`."""
        return [
            ("ledger", LEDGER_COLUMNS, view.ledger_rows),
            ("conflicts", CONFLICT_COLUMNS, [*view.conflict_rows, *view.dismissed_rows]),
            (
                "articles",
                STATUS_DIFFERS_COLUMNS if view.status_differs else ARTICLE_COLUMNS,
                view.article_rows,
            ),
            ("sources", NAMED_BY_COLUMNS if view.several else SOURCE_COLUMNS, view.source_rows),
            ("anchoring", ANCHORING_COLUMNS, view.anchoring_rows),
            ("denials", DENIAL_COLUMNS, view.unlinked_rows),
            ("possible", POSSIBLE_COLUMNS, view.possible_rows),
        ]

    def on_resize(self) -> None:
        """Tables use the width they are given: fitted again once the width settles (a
        refill of up to ROW_LIMIT rows per table is not done for every step of a drag)."""
        if self.refit is not None:
            self.refit.stop()
        self.refit = self.set_timer(REFIT_DELAY, self.refit_tables)

    def refit_tables(self) -> None:
        self.refit = None
        if self.view is not None and self.size.width != self.filled_width:
            self.fill_tables()
            self.show_banner()
        self.show_status(self.status_message)

    @on(TabbedContent.TabActivated)
    def tab_shown(self) -> None:
        self.show_tab_table()
        self.show_detail()

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        """The detail pane: the highlighted row of the tab shown, in full."""
        tab = self.query_one(TabbedContent).active
        table = self.query_one(f"#{tab}-table", DataTable) if tab in TABS else None
        row = table.cursor_row if table is not None else -1
        text = self.detail_of(tab, row) if self.summary is not None else ""
        if not text and self.view is not None and table is not None and not table.row_count:
            text = empty_tab_words(tab, self.view.possible.found)  # an empty tab: say what
        also = f"Also: {' · '.join(self.header_left)}\n" if self.header_left else ""
        self.query_one("#summary-detail", DetailPane).show(also + (text or "Nothing highlighted."))

    def detail_of(self, tab: str, row: int) -> str:
        summary = self.summary
        if summary is None or row < 0:
            return ""
        titles = self.titles
        if tab == "ledger" and row < len(self.lines):
            line = self.lines[row]
            group = self.groups[line.group_id]
            return ledger_detail(group, line.group_number, line.sentence, line.role, titles)
        if tab == "conflicts" and row < len(self.conflict_entries):
            conflict, position = self.conflict_entries[row]
            number = self.view.conflict_rows[row][6] if self.view is not None else None
            unconfirmed = self.view.unconfirmed if self.view is not None else frozenset()
            number = number if isinstance(number, int) else None
            return conflict_detail(
                conflict, position, titles, number, unconfirmed, self._judged(conflict, position)
            )
        dismissed = row - len(self.view.conflict_rows) if self.view is not None else -1
        if tab == "conflicts" and 0 <= dismissed < len(summary.dismissed):
            return dismissed_detail(summary.dismissed[dismissed], titles)
        if tab == "articles" and row < len(summary.articles):
            return article_detail(summary.articles[row])
        if tab == "sources" and row < len(summary.sources):
            return source_detail(summary.sources[row], titles)
        if tab == "anchoring" and row < len(self.anchoring):
            state, annotation = self.anchoring[row]
            anchoring = summary.anchoring or AnchoringSection()
            tagged = anchoring.as_tagged(annotation)
            # a missing article by the title the database remembers, as its row names it
            named = {**anchoring.titles, **titles}
            return anchoring_detail(ANCHORING_STATES[state], annotation, tagged, named)
        if tab == "denials" and row < len(summary.unlinked_denials):
            return unlinked_detail(summary.unlinked_denials[row], titles)
        possible = self.view.possible if self.view is not None else None
        found = None if possible is None else possible.found
        if tab == "possible" and possible is not None and found and row < len(found.pairs):
            pair = found.pairs[row]
            judged = [possible.judged.get((f.article_id, f.index), []) for f in pair.figures]
            return possible_detail(pair, judged, titles, possible.said())
        return ""

    def _judged(self, conflict: FigureConflict, position: int) -> list[SentenceLine]:
        """The claim lines of a conflict figure's sentence (each analyst's source and
        status), from the group the conflicts tab names: one group, not the ledger."""
        figure, view = conflict.figures[position], self.view
        where = (figure.article_id, figure.index)
        number = view.group_numbers.get(where) if view is not None else None
        if view is None or number is None or not 0 < number <= len(view.ranked):
            return []
        return claims_by_sentence([view.ranked[number - 1]], {where}).get(where, [])

    def show_status(self, message: str = "") -> None:
        """The header: whose summary, its counts and notes (or `message`), and the key
        hint or, while merging, the merge prompt (always shown: it is state, hdr19), in
        at most two lines fitted to the width (state/summary_header.py); the
        counts that do not fit are said in the detail pane (qa18 F12: four lines at
        80x24, the ledger's rows gone)."""
        self.status_message = message
        summary = self.summary
        counts: list[str] = []
        if message or summary is None:
            counts.append(message)
        else:
            totals = summary.totals
            counts += [
                f"{many(totals.sentences, 'sentence')} · "
                f"{many(len(summary.ledger), 'claim group')}",
                measured_words(self.view),
            ]
            if not totals.annotations and self.analysts:
                counts.append(
                    f"no annotations by {name_displayable(self.analyst or '')}: press a to "
                    "choose an analyst"
                )
            if totals.disagreements:
                counts.append(f"{totals.disagreements:,} judged differently (≠)")
            if totals.to_check:
                counts.append(f"{totals.to_check:,} still to check, not counted in the tables")
            if placed_nowhere := anchoring_words(summary.anchoring or AnchoringSection()):
                counts.append(placed_nowhere + (" (tab 5)" if self.anchoring else ""))
            total = line_count(summary.ledger)
            if total > len(self.lines):
                counts.append(f"the ledger shows its first {len(self.lines):,} of {total:,} lines")
            gone, elsewhere = apart_not_read(
                summary.ignored_decisions, {row.article_id for row in summary.articles}
            )
            if gone:
                counts.append(
                    f"{len(gone)} ledger decision(s) no longer apply (w: listed in the report)"
                )
            if elsewhere:
                counts.append(f"{len(elsewhere)} ledger decision(s) on articles not read")
            if totals.acceptance_rate is not None:
                counts.append(f"suggestions {totals.acceptance_rate:.0%} accepted as is")
        hints = [f"1–{TAB_COUNT} tabs", "Enter opens", "Tab: details", "m m merge", "x split"]
        hints.append("u undo")
        whose = name_displayable(self.analyst) if self.analyst is not None else EVERYONE
        status = self.query_one("#summary-status", Static)
        width = status.content_region.width or self.size.width - STATUS_PADDING
        mode = ""
        if self.merge_from is not None:
            group = f"merging group {self.merge_from.group_number}"
            forms = (
                f"{group}: highlight another group and press m (Escape cancels)",
                f"{group}: m on another group (Escape cancels)",
                f"{group}: m on another · Esc cancels",
            )
            mode = fitted_mode(forms, width)
        fitted_header = header(f"Summary of {whose} │ ", counts, hints, width, mode)
        status.update(literal("\n".join(fitted_header.lines)))
        if fitted_header.left != self.header_left:
            self.header_left = fitted_header.left
            self.show_detail()

    def held_line(self) -> LedgerLine | None:
        """The ledger line highlighted now: under the cursor, or where the ledger's table
        was when it was emptied (its tab hidden). None before the first summary is shown."""
        if "ledger" in self.hidden.stale:
            place = self.hidden.places.get("ledger")
            position = place[0] if place is not None else -1
        else:
            position = self.query_one("#ledger-table", DataTable).cursor_row
        return self.lines[position] if 0 <= position < len(self.lines) else None

    def hold_cursor_on(self, held: LedgerLine, say_gone: bool = True) -> None:
        """Keep the highlight on the ledger line it was on when the lines changed, whether
        the summary was patched or computed again from the store (another session of the
        analyst tagged claims: the lines shifted under it, and m, x or Enter acted on
        another claim, tr11 T12, rv11 R9); the same line of its group, else of another
        group. A hidden ledger's place is moved with it. A line no longer shown is said
        (`say_gone`: not when another analyst's summary was chosen)."""
        lines, table = self.lines, self.query_one("#ledger-table", DataTable)
        hidden = "ledger" in self.hidden.stale
        place = self.hidden.places.get("ledger") if hidden else None
        if hidden and place is None:
            return
        at = place[0] if place is not None else table.cursor_row
        if 0 <= at < len(lines) and lines[at].key == held.key and lines[at].role == held.role:
            return
        same = [
            n for n, line in enumerate(lines) if line.key == held.key and line.role == held.role
        ]
        if not same:
            if say_gone:
                where = held.sentence
                self.notify(
                    f"The ledger line you had highlighted (“{self.title_of(where.article_id)}”, "
                    f"{sentence_label(where.index)}, {held.role}) is no longer in the ledger "
                    "shown: mind which line is highlighted now.",
                    markup=False,
                )
            return
        in_group = [n for n in same if lines[n].group_id == held.group_id]
        row = (in_group or same)[0]
        if place is not None:  # filled at this row when its tab is shown, as far down
            self.hidden.places["ledger"] = (row, max(0.0, place[1] + row - at))
        else:
            table.move_cursor(row=row)

    def put_cursor_on(self, key: tuple[str, str, int]) -> None:
        position = next((n for n, line in enumerate(self.lines) if line.key == key), None)
        if position is not None:
            self.query_one("#ledger-table", DataTable).move_cursor(row=position)

    # -- the highlighted ledger line -------------------------------------------------------
    def highlighted_line(self) -> LedgerLine | None:
        tabs = self.query_one(TabbedContent)
        if tabs.active != "ledger":
            self.notify("Merge and split work on the Ledger tab (press 1).")
            return None
        table = self.query_one("#ledger-table", DataTable)
        position = table.cursor_row
        if not 0 <= position < len(self.lines):
            self.notify("No ledger line highlighted.")
            return None
        return self.lines[position]

    def decide(self, decision: Merge | Split | Dismiss, follow: AnnotationKey | None) -> bool:
        """Store a ledger decision durably and compute the summary again; False (said)
        when the store refused it."""
        self.follow = follow
        try:
            self.workspace.decide(decision)
        except StoreError as error:
            self.follow = self.merged_denials = self.decided = None
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        return True

    def say_decided(self, follow: AnnotationKey) -> None:
        """Say the merge or split just computed, with the number of the group it made
        (the one holding `follow`): "Merged groups 7 and 8: now group 3." """
        said, self.decided = self.decided, None
        if said is None:
            return
        number = next((line.group_number for line in self.lines if line.key == follow), None)
        self.notify(f"{said}: now group {number}." if number else f"{said}.", markup=False)

    def say_dropped_denials(self, summary: Summary, follow: AnnotationKey) -> None:
        """After a merge: name the denials its two groups answered that the merged group
        (the one holding `follow`) no longer does, and where they are now."""
        before, self.merged_denials = self.merged_denials, None
        if not before:
            return
        merged = next((g for g in summary.ledger if any(m.key == follow for m in g.members)), None)
        kept = {denial.key for denial in merged.denials} if merged is not None else set()
        dropped = [denial for key, denial in before.items() if key not in kept]
        if not dropped:
            return
        unlinked = {denial.key for denial in summary.unlinked_denials}
        named = "; ".join(
            f"“{self.title_of(denial.annotation.article_id)}”, "
            f"{sentence_label(denial.annotation.index)} "
            f"({denial.canonical_source or denial.annotation.source or 'unattributed'}): "
            + ("now aimed at no claim group" if denial.key in unlinked else "now another group's")
            for denial in dropped
        )
        self.notify(
            f"The merged group no longer answers {len(dropped)} denial(s) its groups "
            f"answered: {named}. Split a claim out (x) or undo (u) to have it back.",
            title="Merge",
            severity="warning",
            markup=False,
        )

    def decisions_here(self) -> bool:
        """Whether a merge, split or dismissal can be made in the summary shown: decisions
        are the current analyst's, applied to their summary and to every analyst's, never to
        another analyst's (where one would be stored and change nothing shown)."""
        if self.analyst is None or self.analyst == self.workspace.annotator:
            return True
        self.notify(
            f"This is {self.analyst}'s summary: your merges, splits and dismissals are made "
            "in your own summary or in every analyst's (press a).",
            markup=False,
        )
        return False

    # -- actions ------------------------------------------------------------------------
    def action_merge(self) -> None:
        if not self.decisions_here():
            return
        line = self.highlighted_line()
        if line is None:
            return
        marked = self.merge_from
        if marked is None:
            self.merge_from = line
            self.show_status()
            return
        self.merge_from = None
        if marked.group_id == line.group_id:
            self.notify("Same group: nothing to merge.")
            self.show_status()
            return
        decision = Merge(
            (marked.group_id, line.group_id),
            members=(self.sentences_of(marked.group_id), self.sentences_of(line.group_id)),
        )
        self.decided = f"Merged groups {marked.group_number} and {line.group_number}"
        self.merged_denials = {
            denial.key: denial
            for group_id in (marked.group_id, line.group_id)
            if (group := self.groups.get(group_id)) is not None
            for denial in group.denials
        }
        self.decide(decision, line.key)

    def action_split(self) -> None:
        if not self.decisions_here():
            return
        line = self.highlighted_line()
        if line is None:
            return
        if line.role != "claim":
            self.notify("That line is a denial aimed at the group; only claims can be split out.")
            return
        if line.group_size < 2:
            self.notify("That claim is alone in its group already.")
            return
        decision = Split(line.key)
        title = self.title_of(line.sentence.article_id)
        self.decided = (
            f"Split “{title}”, {sentence_label(line.sentence.index)} out of group "
            f"{line.group_number}"
        )
        self.decide(decision, line.key)

    def highlighted_pair(self) -> tuple[Figure, Figure] | DismissedPair | None:
        """The pair of figures highlighted: a conflict row's figure with the figure of
        its first pair (the one its `why` gives), a possible conflict's two, or a pair
        dismissed already (the Conflicts tab's last rows); None, said, on another tab or
        no row."""
        tab = self.query_one(TabbedContent).active
        view = self.view
        if tab not in ("conflicts", "possible") or view is None:
            self.notify(
                "A pair of figures is dismissed or restored on the Conflicts tab (press 2) "
                "or the Possible tab (press 7)."
            )
            return None
        row = self.query_one(f"#{tab}-table", DataTable).cursor_row
        if tab == "possible":
            found = view.possible.found
            if found is not None and 0 <= row < len(found.pairs):
                first, second = found.pairs[row].figures  # keyed "reader", the pass's
                mine = self.workspace.annotator
                return (
                    dataclasses.replace(first, key=claim_key(view.summary, first, mine)),
                    dataclasses.replace(second, key=claim_key(view.summary, second, mine)),
                )
        elif 0 <= row < len(self.conflict_entries):
            conflict, position = self.conflict_entries[row]
            pair = next(p for p in conflict.pairs if position in (p.low, p.high))
            return (conflict.figures[pair.low], conflict.figures[pair.high])
        elif 0 <= row - len(view.conflict_rows) < len(view.summary.dismissed):
            return view.summary.dismissed[row - len(view.conflict_rows)]
        self.notify("No pair of figures highlighted.")
        return None

    async def action_dismiss_conflict(self) -> None:
        """Dismiss the highlighted pair as not a conflict, with the reason typed (none
        if the analyst types none): counted nowhere, listed apart, `u` or `r` restores."""
        if not self.decisions_here():
            return
        pair = self.highlighted_pair()
        if pair is None:
            return
        if isinstance(pair, DismissedPair):
            self.notify("That pair is dismissed already: r makes it a conflict again.")
            return
        low, high = pair

        async def chosen(answer: str | None) -> None:
            if answer is None:
                return
            reason = " ".join(answer.split()) or None
            if reason is not None and len(reason) > REASON_CHARS:
                self.notify(
                    f"A reason holds at most {REASON_CHARS} characters ({len(reason)} typed): "
                    "not dismissed.",
                    title="Not saved",
                    severity="warning",
                    markup=False,
                )
                return
            figures = (
                PairFigure(low.key, low.quantity.text, low.occurrence),
                PairFigure(high.key, high.quantity.text, high.occurrence),
            )
            if self.decide(Dismiss(figures, reason), None):
                self.notify(
                    f"Not a conflict: {low.quantity.text} vs {high.quantity.text} "
                    "(listed under “Dismissed by the analyst”; u undoes it).",
                    markup=False,
                )

        detail = f"{low.quantity.text} ({low.origin}) vs {high.quantity.text} ({high.origin})"
        prompt = TextPrompt(DISMISS_PROMPT, detail=detail, hint="Enter saves · Escape cancels")
        await open_prompt(self.app, prompt, chosen)

    def action_restore_conflict(self) -> None:
        """Make the highlighted dismissed pair a conflict again: a restore of the
        analyst's own dismissal (another analyst's is theirs to restore)."""
        if not self.decisions_here():
            return
        pair = self.highlighted_pair()
        if pair is None:
            return
        if not isinstance(pair, DismissedPair):
            self.notify("That pair is not dismissed: d dismisses it as not a conflict.")
            return
        mine = next((by for by in pair.by if by.annotator == self.workspace.annotator), None)
        if mine is None:
            whose = ", ".join(name_displayable(by.annotator or "") for by in pair.by)
            self.notify(
                f"Dismissed by {whose}: a dismissal is restored by its analyst alone.",
                markup=False,
            )
            return
        if self.decide(Dismiss(mine.figures, None, restore=True), None):
            self.notify(
                f"A conflict again: {pair.low.quantity.text} vs {pair.high.quantity.text} "
                "(u undoes it).",
                markup=False,
            )

    def sentences_of(self, group_id: str) -> tuple[tuple[str, int], ...]:
        """The sentences of the ledger group shown under `group_id` (a merge records
        them, so that it still finds the group once its name has changed)."""
        ledger = self.summary.ledger if self.summary is not None else ()
        group = next((group for group in ledger if group.group_id == group_id), None)
        members = group.members if group is not None else ()
        return tuple(sorted({(line.article_id, line.index) for line in members}))

    def title_of(self, article_id: str) -> str:
        articles = self.summary.articles if self.summary is not None else ()
        return next(
            (row.short_title for row in articles if row.article_id == article_id), article_id
        )

    async def action_choose_analyst(self) -> None:
        """Pick whose summary it is: one analyst's, or every analyst's. Before the first read
        of the store the analysts are not known: the picker waits for it."""
        if not self.analysts_read:
            self.pick_when_read = True
            self.show_status(
                "computing the summary… the analyst picker opens once it has read who "
                "annotated here"
            )
            return
        choices = [*self.analysts, EVERYONE]
        if self.analyst is not None and self.analyst not in choices:
            choices.insert(0, self.analyst)

        def chosen(answer: str | None) -> None:
            if answer is None:
                return
            analyst = None if answer == EVERYONE else answer
            if analyst != self.analyst or self.summary is None:
                self.analyst = analyst
                self.merge_from = None
                self.recompute()

        current = self.analyst if self.analyst is not None else EVERYONE
        prompt = ChoicePrompt(ANALYST_PICKER, choices, current, shown_as=name_displayable)
        await open_prompt(self.app, prompt, chosen)  # two look-alike names apart (tr14 T8)

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.show_tab_table()  # now, not when the tab says it is shown: no empty frame
        self.query_one(f"#{tab}-table", DataTable).focus()

    def action_undo(self) -> None:
        """Undo this analyst's last step (the one undo path: a merge or split made here,
        or a change made on another screen), and say what was undone."""
        self.history_step(self.workspace.undo, undoing=True)

    def action_redo(self) -> None:
        self.history_step(self.workspace.redo, undoing=False)

    def history_step(
        self, step: Callable[[], Change | DecisionChange | None], undoing: bool
    ) -> None:
        """The step, said in every screen's words (step_words.py: a status undone is
        "Undid: status disputed on …", not a change to the tags, qa7 Q10 j)."""
        change = take_step(step, undoing, self.title_of, self.notify)
        if change is None:
            return
        self.merge_from = None
        if isinstance(change, DecisionChange):
            # The workspace announces the ledger's change: the summary is computed again.
            decision = change.decision
            member = decision.get("member") if decision.get("action") == "split" else None
            if isinstance(member, list) and len(member) == 3:
                self.follow = (str(member[0]), str(member[1]), int(member[2]))
        # The workspace announced the change (workspace_changed): followed, or read again.

    def action_help(self) -> None:
        """This screen's keys first, then every other screen's (qa13 Q10)."""
        show_help(self, self.workspace.keys, "summary")

    def action_close(self) -> None:
        if self.merge_from is not None:
            self.merge_from = None
            self.show_status()
            return
        self.dismiss(None)

    async def action_write_report(self) -> None:
        """Ask for a file and write the Markdown report there; an existing file is
        overwritten only once the analyst says so (the export dialog's question)."""
        summary = self.summary
        if summary is None:
            self.notify("The summary is still being computed.")
            return
        if summary.caveats != self.caveats:  # `workbench summary PATH…`'s report (qa7 Q8)
            summary = dataclasses.replace(summary, caveats=self.caveats)
        if self.view is not None and self.view.possible.stale:  # found again: changes since
            self.notify(
                "Finding the possible conflicts again for the report (tags changed since)…",
                markup=False,
            )
            self.possible_for_report(summary)
            return
        await self.ask_report_path(summary)

    @work(thread=True, exclusive=True, group="report", description="summary: report's pairs")
    def possible_for_report(self, summary: Summary) -> None:
        """The report's possible conflicts found again here, not on the UI thread: every
        claimed sentence is compared (seconds at 100,000 annotations: rv15 R8); then the
        report's file is asked for."""
        cache = self.live.cache
        found = with_possible(summary, cache.reading, cache.texts)
        if not get_current_worker().is_cancelled:
            hand_back(self, self.ask_report_path, found)

    async def ask_report_path(self, summary: Summary) -> None:
        """Ask for the report's file and write `summary`'s report there."""

        def write(path: Path) -> None:
            try:
                report = printable(render_markdown(summary)).encode("utf-8")
                write_output(path, report, for_terminal=printable_bytes)
            except OSError as error:
                self.notify(
                    f"Cannot write {name_displayable(path)}: {error.strerror or error}",
                    severity="error",
                    markup=False,
                )
                return
            self.notify(f"Wrote the report to {name_displayable(path)}.", markup=False)
            try:
                remember_export_folder(path.parent)
            except StateError as error:
                self.notify(str(error), title="Folder not remembered", markup=False)

        async def ask(value: str) -> None:
            prompt = TextPrompt("Write the Markdown report to", value)
            await open_prompt(self.app, prompt, chosen)

        async def chosen(answer: str | None) -> None:
            if not answer or not answer.strip():
                return
            path = target_of(answer, REPORT_NAME)
            refusal = self.workspace.output_refusal(path)
            if refusal is not None:
                self.notify(refusal, title="Not written", severity="error", markup=False)
                await ask(str(path))
                return
            if not path.exists():
                write(path)
                return

            async def overwrite(yes: bool | None) -> None:
                if yes:
                    write(path)
                else:
                    await ask(str(path))

            question = ConfirmPrompt(
                f"{name_displayable(path)} exists. Overwrite it?", describe(path)
            )
            await open_prompt(self.app, question, overwrite)

        await ask(str(default_folder(self.app) / REPORT_NAME))

    @on(DataTable.RowSelected)
    def open_sentence(self, event: DataTable.RowSelected) -> None:
        """Enter on a ledger, conflict, anchoring or denial line opens that sentence in
        the annotate screen (on a possible conflict, its first figure's)."""
        event.stop()
        position = event.cursor_row
        sentence: SentenceLine | Figure | Annotation | None = None
        if event.data_table.id == "ledger-table" and position < len(self.lines):
            sentence = self.lines[position].sentence
        elif event.data_table.id == "conflicts-table" and position < len(self.conflict_figures):
            sentence = self.conflict_figures[position]
        elif event.data_table.id == "conflicts-table" and self.view is not None:
            dismissed = self.view.summary.dismissed
            after = position - len(self.view.conflict_rows)
            sentence = dismissed[after].low if 0 <= after < len(dismissed) else None
        elif event.data_table.id == "denials-table" and self.summary is not None:
            unlinked = self.summary.unlinked_denials
            sentence = unlinked[position] if position < len(unlinked) else None
        elif event.data_table.id == "possible-table" and self.view is not None:
            found = self.view.possible.found
            if found is not None and position < len(found.pairs):
                sentence = found.pairs[position].figures[0]  # the pane names the other
        elif event.data_table.id == "anchoring-table" and position < len(self.anchoring):
            state, annotation = self.anchoring[position]
            if state != "check":  # an orphan is on no sentence; a missing article…
                self.notify(
                    "Not on a sentence of this corpus: the review screen (r, f: anchoring) "
                    "re-attaches or deletes orphans.",
                    markup=False,
                )
                return
            sentence = annotation
        if sentence is not None:
            self.dismiss((sentence.article_id, sentence.index))
