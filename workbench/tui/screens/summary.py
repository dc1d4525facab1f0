"""The summary screen: the claim ledger with its conflicts, per article and per source.

The summary is the same `Summary` `workbench summary` prints (build_summary), computed
in a worker because it takes seconds at 100,000 annotations. It is the current analyst's,
or another's or every analyst's (`a` chooses). The analyst can merge two ledger groups
or split a claim out of one; each decision is stored through the workspace, and the
summary is computed again with it as the workspace announces it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from store import StoreError
from workbench.core.analysis.figures.conflicts import Figure, format_value
from workbench.core.analysis.ledger.decisions import Merge, Split
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.summary.markdown import render_markdown, sentence_label
from workbench.core.analysis.summary.model import AnchoringList, SentenceLine, Summary
from workbench.core.annotation import STATUSES, TAGS, Annotation, AnnotationKey
from workbench.core.files.atomic import write_output
from workbench.core.terminal_text import printable
from workbench.tui.literal import literal
from workbench.tui.screens.choice import ChoicePrompt
from workbench.tui.screens.prompt import TextPrompt
from workbench.tui.state.summary_view import (
    FLAG,
    LedgerLine,
    SummaryView,
    line_count,
    read_summary,
)
from workbench.tui.state.workspace import Subscription, Workspace, WorkspaceChange
from workbench.tui.typeahead import open_prompt

TABS = ("ledger", "conflicts", "articles", "sources", "anchoring")
EVERYONE = "all analysts"
"""The analyst choice that summarises every analyst's annotations."""

SUMMARY_BINDINGS: list[BindingType] = [
    Binding("escape,q", "close", "Close", id="summary.close"),
    Binding("m", "merge", "Merge", id="summary.merge"),
    Binding("x", "split", "Split", id="summary.split"),
    Binding("w", "write_report", "Write .md", id="summary.write", priority=True),  # tui.typeahead
    Binding("a", "choose_analyst", "Analyst", id="summary.analyst", priority=True),  # typeahead
    Binding("1", "show_tab('ledger')", "Ledger", show=False, id="summary.tab_ledger"),
    Binding("2", "show_tab('conflicts')", "Conflicts", show=False, id="summary.tab_conflicts"),
    Binding("3", "show_tab('articles')", "Articles", show=False, id="summary.tab_articles"),
    Binding("4", "show_tab('sources')", "Sources", show=False, id="summary.tab_sources"),
    Binding("5", "show_tab('anchoring')", "Anchoring", show=False, id="summary.tab_anchoring"),
]

Columns = Sequence[tuple[str, int]]
"""(label, width) of each column: fixed widths, so adding rows measures nothing."""
LEDGER_COLUMNS: Columns = (
    ("!", 1),
    ("group", 5),
    ("role", 9),
    ("article", 28),
    ("sentence", 8),
    ("analyst", 14),
    ("status", 12),
    ("source", 22),
    ("figures", 18),
    ("text", 70),
)
CONFLICT_COLUMNS: Columns = (
    ("counted", 22),
    ("figure", 10),
    ("as written", 28),
    ("source", 26),
    ("article", 28),
    ("sentence", 8),
    ("group", 5),
    ("why", 110),
)
ARTICLE_COLUMNS: Columns = (
    ("article", 40),
    ("sentences", 9),
    ("tagged", 6),
    *((tag, max(len(tag), 5)) for tag in TAGS),
    *((status.replace("_", " "), max(len(status), 5)) for status in STATUSES),
)
ANCHORING_COLUMNS: Columns = (
    ("state", 15),
    ("article", 20),
    ("#", 4),
    ("annotator", 10),
    ("tags", 12),
    ("text", 60),
    ("as tagged (changed words marked)", 60),
)
SOURCE_COLUMNS: Columns = (
    ("source", 30),
    ("kind", 7),
    ("also written", 40),
    ("articles", 8),
    ("sentences", 9),
    ("claims", 6),
    ("attrib.", 7),
    ("denials", 7),
)


def fill(table: DataTable[Content], columns: Columns, rows: Sequence[Sequence[object]]) -> None:
    """Replace a table's rows; every cell is rendered literally (it may be article text)."""
    if not table.columns:
        for label, width in columns:
            table.add_column(label, width=width)
    table.clear()
    for number, row in enumerate(rows):
        table.add_row(
            *(
                cell if isinstance(cell, Content) else literal(_text(cell), single_line=True)
                for cell in row
            ),
            key=str(number),
        )


def _text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return format_value(value)
    return str(value)


class SummaryScreen(Screen[tuple[str, int] | None]):
    """Returns (article id, sentence index) to open in the annotate screen, or None."""

    BINDINGS: ClassVar[list[BindingType]] = SUMMARY_BINDINGS

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
        self.summary: Summary | None = None
        self.lines: list[LedgerLine] = []
        self.conflict_figures: list[Figure] = []
        self.merge_from: LedgerLine | None = None
        """The line whose group was marked with `m`, waiting for the second group."""
        self.follow: tuple[str, str, int] | None = None
        """A member to put the cursor on once the summary has been computed again."""

    def compose(self) -> ComposeResult:
        yield Static("", id="summary-status", markup=False)
        with TabbedContent(initial="ledger", id="summary-tabs"):
            with TabPane("Ledger", id="ledger"):
                yield Static("", id="conflict-banner", markup=False)
                yield DataTable[Content](id="ledger-table", cursor_type="row", zebra_stripes=True)
            with TabPane("Conflicts", id="conflicts"):
                yield DataTable[Content](id="conflicts-table", cursor_type="row")
            with TabPane("Articles", id="articles"):
                yield DataTable[Content](id="articles-table", cursor_type="row")
            with TabPane("Sources", id="sources"):
                yield DataTable[Content](id="sources-table", cursor_type="row")
            with TabPane("Anchoring", id="anchoring"):
                yield DataTable[Content](id="anchoring-table", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.subscription = self.workspace.subscribe(self.workspace_changed)
        self.recompute()

    def on_unmount(self) -> None:
        if self.subscription is not None:
            self.subscription.close()

    def workspace_changed(self, change: WorkspaceChange) -> None:
        """A merge or split stored: compute the summary again with it."""
        if change.ledger:
            self.recompute()

    # -- computing (worker thread) --------------------------------------------------------
    def recompute(self) -> None:
        """Compute the summary again in a worker; until it is shown the status line says
        so, over the tables as they were (none yet: the tables show they are loading)."""
        self.show_status("computing the summary…")
        if self.summary is None:
            self.query_one(TabbedContent).loading = True
        self.build_in_background(self.analyst)

    @work(thread=True, exclusive=True, group="summary", description="summary: build")
    def build_in_background(self, analyst: str | None) -> None:
        """Read the store and build the summary here: seconds at 100,000 annotations."""
        view, analysts = read_summary(self.workspace, analyst, self.ledger)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_view, view, analysts)

    # -- rendering ----------------------------------------------------------------------
    def show_view(self, view: SummaryView, analysts: list[str] | None = None) -> None:
        if analysts is not None:
            self.analysts = analysts
        self.query_one(TabbedContent).loading = False
        self.summary = view.summary
        self.lines = view.lines
        self.conflict_figures = view.conflict_figures
        fill(self.query_one("#ledger-table", DataTable), LEDGER_COLUMNS, view.ledger_rows)
        fill(self.query_one("#conflicts-table", DataTable), CONFLICT_COLUMNS, view.conflict_rows)
        fill(self.query_one("#articles-table", DataTable), ARTICLE_COLUMNS, view.article_rows)
        fill(self.query_one("#sources-table", DataTable), SOURCE_COLUMNS, view.source_rows)
        self.anchoring = view.anchoring
        fill(self.query_one("#anchoring-table", DataTable), ANCHORING_COLUMNS, view.anchoring_rows)
        banner = [
            f"{FLAG} {conflict.topic}: "
            + ", ".join(format_value(value) for value in conflict.values)
            for conflict in view.summary.conflicts
        ]
        unlinked = view.summary.unlinked_denials
        if unlinked:
            sources = sorted({d.canonical_source or d.source or "(unattributed)" for d in unlinked})
            banner.append(
                f"{len(unlinked)} denial(s) aimed at no claim group, by "
                + ", ".join(sources[:4])
                + (" …" if len(sources) > 4 else "")
                + " (listed in the report, w)"
            )
        self.query_one("#conflict-banner", Static).update(
            literal("\n".join(banner) or "No conflicting figures.")
        )
        self.show_status()
        if self.follow is not None:
            self.put_cursor_on(self.follow)
            self.follow = None

    def show_status(self, message: str = "") -> None:
        summary = self.summary
        if message or summary is None:
            line = message
        else:
            totals = summary.totals
            line = (
                f"{totals.sentences:,} sentences · {len(summary.ledger):,} claim groups"
                f" · {len(summary.conflicts)} conflicting figure(s)"
            )
            if totals.disagreements:
                line += f" · {totals.disagreements:,} judged differently (≠)"
            if totals.acceptance_rate is not None:
                line += f" · suggestions {totals.acceptance_rate:.0%} accepted as is"
            if self.anchoring:
                line += f" · {len(self.anchoring)} to look at after articles changed (5)"
            total = line_count(summary.ledger)
            if total > len(self.lines):
                line += f" · the ledger shows its first {len(self.lines):,} of {total:,} lines"
            if not totals.annotations and self.analysts:
                line += f" · no annotations by {self.analyst}: press a to choose an analyst"
        hint = (
            "1–5 tabs · a analyst · Enter opens a sentence · m m merges two groups · "
            "x splits a claim out"
        )
        if self.merge_from is not None:
            hint = (
                f"merging group {self.merge_from.group_number}: highlight another group and "
                "press m (Escape cancels)"
            )
        whose = self.analyst if self.analyst is not None else EVERYONE
        self.query_one("#summary-status", Static).update(
            literal(f"Summary of {whose} │ {line}\n{hint}")
        )

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

    def decide(self, decision: Merge | Split, follow: AnnotationKey) -> None:
        """Store a merge/split decision durably and compute the summary again."""
        self.follow = follow
        try:
            self.workspace.decide(decision)
        except StoreError as error:
            self.follow = None
            self.notify(str(error), title="Not saved", severity="error", markup=False)

    # -- actions ------------------------------------------------------------------------
    def action_merge(self) -> None:
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
        decision = Merge((marked.group_id, line.group_id))
        self.notify(f"Merged groups {marked.group_number} and {line.group_number}.", markup=False)
        self.decide(decision, line.key)

    def action_split(self) -> None:
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
        self.notify(
            f"Split “{title}”, {sentence_label(line.sentence.index)} out of group "
            f"{line.group_number}.",
            markup=False,
        )
        self.decide(decision, line.key)

    def title_of(self, article_id: str) -> str:
        articles = self.summary.articles if self.summary is not None else ()
        return next(
            (row.short_title for row in articles if row.article_id == article_id), article_id
        )

    async def action_choose_analyst(self) -> None:
        """Pick whose summary it is: one analyst's, or every analyst's."""
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
        await open_prompt(self.app, ChoicePrompt("Summary of", choices, current), chosen)

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#{tab}-table", DataTable).focus()

    def action_close(self) -> None:
        if self.merge_from is not None:
            self.merge_from = None
            self.show_status()
            return
        self.dismiss(None)

    async def action_write_report(self) -> None:
        summary = self.summary
        if summary is None:
            self.notify("The summary is still being computed.")
            return

        def write(answer: str | None) -> None:
            if not answer:
                return
            path = Path(answer).expanduser()
            try:
                write_output(path, printable(render_markdown(summary)).encode("utf-8"))
            except OSError as error:
                self.notify(
                    f"Cannot write {path}: {error.strerror or error}",
                    severity="error",
                    markup=False,
                )
                return
            self.notify(f"Wrote the report to {path}.", markup=False)

        await open_prompt(self.app, TextPrompt("Write the Markdown report to", "summary.md"), write)

    @on(DataTable.RowSelected)
    def open_sentence(self, event: DataTable.RowSelected) -> None:
        """Enter on a ledger or conflict line opens that sentence in the annotate screen."""
        event.stop()
        position = event.cursor_row
        sentence: SentenceLine | Figure | Annotation | None = None
        if event.data_table.id == "ledger-table" and position < len(self.lines):
            sentence = self.lines[position].sentence
        elif event.data_table.id == "conflicts-table" and position < len(self.conflict_figures):
            sentence = self.conflict_figures[position]
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
