"""The summary screen's view: the summary read and built, and every table's rows.

All of it runs in a worker (`read_summary`): at 100,000 annotations reading the store
and building the summary take seconds, and the screen only fills its tables with what
`prepare_view` made. The store is synchronised (one lock per call), so reading it off
the UI thread is safe while the UI thread writes.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from textual.content import Content

from workbench.core.analysis.anchor_report import anchoring_section
from workbench.core.analysis.figures.conflicts import Figure
from workbench.core.analysis.ledger.decisions import decisions_from_records
from workbench.core.analysis.ledger.dismissals import DismissedPair
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.summary.build import SummaryCache, SummarySettings, build_summary
from workbench.core.analysis.summary.conflict_parts import conflict_parts, heading
from workbench.core.analysis.summary.figure_words import figure_words
from workbench.core.analysis.summary.incremental import SummaryAccumulator
from workbench.core.analysis.summary.judgements import (
    Where,
    claims_by_sentence,
    line_source,
    per_analyst,
)
from workbench.core.analysis.summary.markdown import (
    DISMISSED_HEADING,
    TO_CHECK,
    conflict_values,
    dismissed_by,
    to_check_words,
)
from workbench.core.analysis.summary.model import (
    POSSIBLE_WHAT,
    AnchoringList,
    AnchoringSection,
    ClaimGroup,
    ConflictPair,
    FigureConflict,
    PossibleConflicts,
    SentenceLine,
    Summary,
    group_rank,
    ranked_groups,
    unconfirmed_sentences,
)
from workbench.core.analysis.summary.possible import with_possible
from workbench.core.analysis.summary.scope import (
    article_rows,
    one_text_under_two_ids,
    renamed_articles,
)
from workbench.core.analysis.summary.unlinked import REASONS, why_unlinked
from workbench.core.anchoring.reanchored_view import ReanchoredView, current_view
from workbench.core.annotation import STATUSES, TAGS, Annotation, AnnotationKey, status_words
from workbench.core.collector import paused_gc
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.terminal_text import invisible_shown
from workbench.tui.state.column_widths import cut_at_word
from workbench.tui.state.live_summary import LiveSummary, moved_in_memory
from workbench.tui.state.readings_keeper import keep_all, restored_readings
from workbench.tui.state.review_rows import ARTICLE_NOT_OPENED
from workbench.tui.state.workspace import Workspace
from workbench.tui.tagged_line import tagged_text

ROW_LIMIT = 1_000
"""Rows put in each table at once (in the ledger, groups with conflicts come first)."""
FLAG = "⚠"
ANCHORING_STATES: dict[AnchoringList, str] = {
    "check": "to check",
    "orphaned": "orphaned",
    "article_missing": ARTICLE_NOT_OPENED,
}
"""The summary's anchoring lists (AnchoringSection.lists()), as the Anchoring tab names them."""


def anchoring_words(anchoring: AnchoringSection) -> str:
    """The header's words for the annotations on no sentence read, counted as the
    report's "Not counted:" note counts them: orphaned, and those on articles not read
    (another story's in the same database, or a file renamed), which were not changed
    articles (qa7 Q3). Those to check are said apart ("still to check"), as the report
    does: counted here too, they were said twice."""
    orphaned, missing, articles = anchoring.not_placed()
    words = [f"{orphaned:,} orphaned after articles changed"] if orphaned else []
    if missing:
        words.append(f"{missing:,} on {articles:,} article(s) not read")
    return " · ".join(words)


def anchoring_place(state: AnchoringList, annotation: Annotation) -> str:
    """The Anchoring tab's sentence number: on the current text for one to check, "was N"
    for one on no sentence (where it was made), so two rows' numbers are never read as
    counting in the same text (qa5 Q17)."""
    number = annotation.index + 1
    return str(number) if state == "check" else f"was {number}"


@dataclass(frozen=True, slots=True)
class LedgerLine:
    """One line of the ledger table: a claim of a group, or a denial aimed at it."""

    group_id: str
    role: str
    """'claim' or 'denial'."""
    sentence: SentenceLine
    group_size: int
    group_number: int = 0
    """The group's place in the ledger as shown (1 first): how a person names it."""

    @property
    def key(self) -> AnnotationKey:
        return self.sentence.key


def ledger_lines(
    groups: Sequence[ClaimGroup], limit: int, ranked: Sequence[ClaimGroup] | None = None
) -> list[LedgerLine]:
    """Groups with conflicting figures first, then the largest: their claims, then denials.

    Stops after `limit` lines: at 100,000 annotations the full ledger runs to millions
    of lines (a denial is listed under every group it targets). `ranked`: the groups
    already in that order (ranked_groups).
    """
    lines: list[LedgerLine] = []
    for number, group in enumerate(ranked_groups(groups) if ranked is None else ranked, 1):
        gid, size = group.group_id, len(group.members)
        lines += [LedgerLine(gid, "claim", m, size, number) for m in group.members]
        lines += [LedgerLine(gid, "denial", d, size, number) for d in group.denials]
        if len(lines) >= limit:
            return lines[:limit]
    return lines


def line_count(groups: Sequence[ClaimGroup]) -> int:
    return sum(len(group.members) + len(group.denials) for group in groups)


def figures_by_sentence(group: ClaimGroup) -> dict[tuple[str, int], str]:
    """(article id, index) -> the figures that sentence gives, as '3,000 North Korean troops'."""
    found: dict[tuple[str, int], list[str]] = {}
    for figure in group.figures:
        where = (figure.article_id, figure.index)
        found.setdefault(where, []).append(figure_words(figure))
    return {where: "; ".join(texts) for where, texts in found.items()}


Row = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class SummaryView:
    """The summary and the rows of its tables, prepared off the UI thread."""

    summary: Summary
    lines: list[LedgerLine]
    ledger_rows: list[Row]
    conflict_figures: list[Figure]
    conflict_rows: list[Row]
    article_rows: list[Row]
    source_rows: list[Row]
    anchoring: list[tuple[AnchoringList, Annotation]]
    """(anchoring list name, annotation) of each line of the Anchoring tab."""
    anchoring_rows: list[Row]
    ranked: list[ClaimGroup] = field(default_factory=list)
    """The ledger's groups in the order people read them (ranked_groups)."""
    group_numbers: dict[tuple[str, int], int] = field(default_factory=dict)
    """The group number of each sentence whose figures the conflicts tab shows."""
    unconfirmed: frozenset[tuple[str, int]] = frozenset()
    """The sentences shown whose figures are to check (unconfirmed_sentences)."""
    conflict_headings: list[str] = field(default_factory=list)
    """The banner's line of each thing measured (conflict_headings)."""
    unlinked_rows: list[Row] = field(default_factory=list)
    """The Denials tab: each denial aimed at no claim group (qa10 Q8)."""
    status_differs: bool = False
    """Some article has sentences its analysts gave different statuses: the Articles
    rows end with their count (ArticleRow.status_differs), as the report's do."""
    several: bool = False
    """Every analyst's summary of several: the Sources rows end with the analysts who
    named each source (SourceRow.annotators), as the report's do."""
    possible: PossibleShown = field(default_factory=lambda: PossibleShown(None, "", False, {}))
    """The Possible tab's pairs, when they were found and whether changes came since."""
    possible_rows: list[Row] = field(default_factory=list)
    """The Possible tab: each possible conflict (summary/possible.py)."""
    dismissed_rows: list[Row] = field(default_factory=list)
    """The Conflicts tab's last rows: each pair dismissed as not a conflict
    (Summary.dismissed), with who dismissed it and why."""


@dataclass(frozen=True, slots=True)
class PossibleShown:
    """The possible conflicts the Possible tab shows: found with the summary when it was
    read or built (`at`, local time); a tag changed since patches the summary, not them
    (they compare every claimed sentence with a figure), so they are shown as they were,
    `stale`, saying so, until the summary is read again."""

    found: PossibleConflicts | None
    at: str
    stale: bool
    judged: dict[Where, list[SentenceLine]]
    """The claim lines of their sentences (each analyst's source), when found."""
    titles: Mapping[str, str] = field(default_factory=dict)
    """The titles of the articles of the sentences not read (PossibleConflicts.unread)."""

    def said(self) -> str:
        """The tab's heading line: what they are, when found, whether changes came since."""
        found = self.found
        if found is None:
            return "Possible conflicts: not looked for in this summary."
        when = f"found with the summary at {self.at}" if self.at else "found with the summary"
        if self.stale:
            when += "; changes since are not in them (they are found again when the summary is"
            when += " read again: reopen it)"
        count = f"{len(found.pairs):,} pair(s)" if found.pairs else "none"
        return (
            f"Possible conflicts ({count}): {POSSIBLE_WHAT}. Not counted as conflicts; the"
            f" reader ({found.model}) scores each at or above {found.threshold:g}; {when}."
            + (f" {said}" if (said := found.not_compared(self.titles)) else "")
        )


def analysts_cell(sentence: SentenceLine) -> str:
    """Who judged the line so; '≠' when another analyst judged the sentence otherwise,
    '(to check)' when they tagged other words (moved onto it, not confirmed)."""
    names = ", ".join(map(invisible_shown, sentence.annotators))
    if sentence.disagreement:
        names += " ≠"
    return f"{names} {to_check_words(sentence)}" if sentence.to_check else names


def marked(text: str, where: tuple[str, int], unconfirmed: frozenset[tuple[str, int]]) -> str:
    """`text` (a figure) with '(to check)' after it when its sentence is unconfirmed."""
    return f"{text} {TO_CHECK}" if where in unconfirmed else text


def ranked_again(summary: Summary, shown: SummaryView | None) -> tuple[list[ClaimGroup], bool]:
    """ranked_groups(summary.ledger), from the shown view's order when the summary is
    that one patched (SummaryAccumulator): the groups it replaced keep their place
    when what ranks them (group_rank) is the same. And whether every
    group still lists the same sentences (so the shown view's group numbers hold)."""
    ledger = summary.ledger
    if shown is None or len(shown.summary.ledger) != len(ledger) or not shown.ranked:
        return ranked_groups(ledger), False
    replaced: dict[int, ClaimGroup] = {}
    same = True
    for old, new in zip(shown.summary.ledger, ledger, strict=True):
        if old is new:
            continue
        if group_rank(old) != group_rank(new):
            return ranked_groups(ledger), False
        replaced[id(old)] = new
        same = same and [m.key for m in old.members] == [m.key for m in new.members]
    if not replaced:
        return shown.ranked, same
    return [replaced.get(id(group), group) for group in shown.ranked], same


def conflict_headings(
    conflicts: Sequence[FigureConflict], unconfirmed: frozenset[tuple[str, int]]
) -> tuple[list[str], dict[int, str]]:
    """The banner's line of each thing measured ('⚠ troops — Cuban: 9,000, 10,000'), and
    the heading of each figure (by id) of a conflict holding several (conflict_parts)."""
    lines: list[str] = []
    topic_of: dict[int, str] = {}
    for conflict in conflicts:
        parts = conflict_parts(conflict, None)
        for part in parts:
            lines.append(
                f"{FLAG} {heading(conflict, part)}: {conflict_values(part.conflict, unconfirmed)}"
            )
            if len(parts) > 1:
                named = heading(conflict, part)
                topic_of.update((id(figure), named) for figure in part.conflict.figures)
    return lines, topic_of


def prepare_view(summary: Summary, shown: SummaryView | None = None) -> SummaryView:
    """Everything the tables show, each capped at ROW_LIMIT rows (pure: a worker's).
    `shown`: the view of the summary this one may be patched from (ranked_again)."""
    if summary.possible is None and shown is not None and shown.summary.possible is not None:
        # patched from the shown summary: its possible conflicts, said to be from before
        summary = dataclasses.replace(summary, possible=shown.summary.possible)
    groups = {group.group_id: group for group in summary.ledger}
    titles = summary.short_titles()
    ranked, same_groups = ranked_again(summary, shown)
    lines = ledger_lines(summary.ledger, ROW_LIMIT, ranked)
    conflict_figures = [
        (conflict, position, figure)
        for conflict in summary.conflicts
        for position, figure in enumerate(conflict.figures)
    ][:ROW_LIMIT]
    unconfirmed = _unconfirmed(summary, shown)
    ledger_rows: list[Row] = []
    figures: dict[str, dict[tuple[str, int], str]] = {}
    previous = ""
    for line in lines:
        group = groups[line.group_id]
        if line.group_id not in figures:
            figures[line.group_id] = figures_by_sentence(group)
        first = line.group_id != previous
        previous = line.group_id
        sentence = line.sentence
        where = (sentence.article_id, sentence.index)
        ledger_rows.append(
            (
                Content.styled(FLAG, "bold red") if first and group.flagged else "",
                str(line.group_number) if first else "",
                "claim" if line.role == "claim" else "denies it",
                titles.get(sentence.article_id, sentence.article_id),
                sentence.index + 1,
                analysts_cell(sentence),
                status_words(sentence.status),
                sentence.canonical_source or sentence.source or "",
                marked(figures[line.group_id][where], where, unconfirmed)
                if line.role == "claim" and where in figures[line.group_id]
                else "",
                sentence.quote,
            )
        )
    if shown is not None and same_groups and summary.conflicts is shown.summary.conflicts:
        group_of = shown.group_numbers  # the same groups, sentences and figures
    else:
        group_of = _group_numbers(
            summary.ledger, ranked, {(f.article_id, f.index) for _, _, f in conflict_figures}
        )
    why = _first_reasons({id(conflict): conflict for conflict, _, _ in conflict_figures}.values())
    headings, topic_of = conflict_headings(summary.conflicts, unconfirmed)
    several = summary.annotator is None and len(summary.totals.annotators) > 1
    differing = (
        differing_sources(summary.ledger, {(f.article_id, f.index) for _, _, f in conflict_figures})
        if several
        else {}
    )
    conflict_rows: list[Row] = [
        (
            topic_of.get(id(figure), conflict.topic),
            figure.quantity.value,
            marked(figure.quantity.text, (figure.article_id, figure.index), unconfirmed),
            differing.get((figure.article_id, figure.index)) or figure.source or "(unattributed)",
            titles.get(figure.article_id, figure.article_id),
            figure.index + 1,
            group_of.get((figure.article_id, figure.index), ""),
            why[id(conflict)].get(position, ""),
        )
        for conflict, position, figure in conflict_figures
    ]
    status_differs = any(row.status_differs for row in summary.articles)
    whole = Counter(row.title for row in summary.articles)
    article_rows: list[Row] = [
        (
            # the whole title, cut to the column's width (polish19); the short one,
            # which names the article's id, where two articles have one title
            row.title if row.title and whole[row.title] == 1 else row.short_title,
            row.sentences,
            row.tagged,
            *(row.tags[tag] for tag in TAGS),
            *(row.statuses[status] for status in STATUSES),
            *((row.status_differs,) if status_differs else ()),
        )
        for row in summary.articles[:ROW_LIMIT]
    ]
    source_rows: list[Row] = [
        (
            invisible_shown(row.canonical),
            row.kind,
            len(row.articles),
            row.sentences,
            row.claims,
            row.attributions,
            row.denials,
            "; ".join(invisible_shown(v) for v in row.variants if v != row.canonical),
            *((", ".join(map(invisible_shown, row.annotators)),) if several else ()),
        )
        for row in summary.sources[:ROW_LIMIT]
    ]
    anchoring = summary.anchoring or AnchoringSection()
    entries = list(anchoring.entries())
    anchoring_rows: list[Row] = [
        (
            ANCHORING_STATES[state],
            titles.get(annotation.article_id)
            or anchoring.titles.get(annotation.article_id, annotation.article_id),
            anchoring_place(state, annotation),
            annotation.annotator,
            ", ".join(annotation.tags),
            annotation.quote,
            tagged_text(annotation, anchoring.as_tagged(annotation), 60) or "",
        )
        for state, annotation in entries
    ]
    if shown is not None and summary.unlinked_denials is shown.summary.unlinked_denials:
        unlinked_rows = shown.unlinked_rows  # a patch that left them as they were
    else:
        unlinked_rows = [
            (
                titles.get(denial.article_id, denial.article_id),
                denial.index + 1,
                denial.canonical_source or denial.source or "(unattributed)",
                analysts_cell(denial),
                REASONS[why_unlinked(denial.quote)],
                denial.quote,
            )
            for denial in summary.unlinked_denials[:ROW_LIMIT]
        ]
    possible = _possible_shown(summary, shown)
    possible_rows = (
        shown.possible_rows
        if shown is not None and possible.found is shown.possible.found
        else _possible_rows(possible, titles, unconfirmed, several)
    )
    return SummaryView(
        summary,
        lines,
        ledger_rows,
        [figure for _, _, figure in conflict_figures],
        conflict_rows,
        article_rows,
        source_rows,
        entries,
        anchoring_rows,
        ranked,
        group_of,
        unconfirmed,
        headings,
        unlinked_rows,
        status_differs,
        several,
        possible,
        possible_rows,
        dismissed_rows(summary.dismissed, titles),
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


DISMISSED = "dismissed"
"""The first words of a dismissed pair's row in the Conflicts tab's `measured` column."""


def dismissed_rows(dismissed: Sequence[DismissedPair], titles: Mapping[str, str]) -> list[Row]:
    """The Conflicts tab's rows of the pairs dismissed as not a conflict, after its
    conflicts, in CONFLICT_COLUMNS: the two figures in each cell ("A vs B"), and who
    dismissed them and why where a conflict says why (the cells are drawn literally)."""
    rows: list[Row] = []
    for pair in dismissed[:ROW_LIMIT]:
        low, high = pair.low, pair.high
        articles = [titles.get(f.article_id, f.article_id) for f in (low, high)]
        rows.append(
            (
                f"{DISMISSED}: {low.quantity.topic}",
                low.quantity.value,
                f"{low.quantity.text} vs {high.quantity.text}",
                f"{low.source or '(unattributed)'} vs {high.source or '(unattributed)'}",
                articles[0] if articles[0] == articles[1] else _two_titles(*articles),
                f"{low.index + 1} vs {high.index + 1}",
                "",
                f"{DISMISSED_HEADING}: {dismissed_by(pair, _one_line)}",
            )
        )
    return rows


TITLE_CELLS = 18
"""Each title of a dismissed pair's two articles at most: both fit the article column at
its widest (40), so its cut neither loses the second title nor doubles a title's "…"."""


def _two_titles(first: str, second: str) -> str:
    return f"{cut_at_word(first, TITLE_CELLS)} vs {cut_at_word(second, TITLE_CELLS)}"


def _possible_shown(summary: Summary, shown: SummaryView | None) -> PossibleShown:
    """The summary's possible conflicts, found now; or those of the shown summary it
    was patched from (prepare_view), from before the change (stale)."""
    if shown is not None and summary.possible is shown.possible.found:
        stale = shown.possible.stale or summary is not shown.summary
        return dataclasses.replace(shown.possible, stale=stale)
    if summary.possible is not None:
        wanted = {(f.article_id, f.index) for p in summary.possible.pairs for f in p.figures}
        judged = claims_by_sentence(summary.ledger, wanted)
        titles = summary.short_titles()
        named = {
            article_id: titles.get(article_id, article_id)
            for article_id, _ in summary.possible.unread
        }
        return PossibleShown(summary.possible, time.strftime("%H:%M:%S"), False, judged, named)
    return PossibleShown(None, "", False, {})


def _possible_rows(
    possible: PossibleShown,
    titles: Mapping[str, str],
    unconfirmed: frozenset[tuple[str, int]],
    several: bool,
) -> list[Row]:
    """The Possible tab's rows: the reader's probability, each figure with its source
    (per analyst in a summary of several), article and sentence, what the rule reads of
    the two, and why the reader reads one thing."""
    if possible.found is None:
        return []
    rows: list[Row] = []
    for pair in possible.found.pairs[:ROW_LIMIT]:
        cells: list[object] = [f"{pair.probability:.2f}"]
        for figure in pair.figures:
            where = (figure.article_id, figure.index)
            lines = possible.judged.get(where)
            cells += [
                marked(figure.quantity.text, where, unconfirmed),
                per_analyst(lines, line_source, several)
                if lines
                else figure.source or "(unattributed)",
                titles.get(figure.article_id, figure.article_id),
                figure.index + 1,
            ]
        rows.append((*cells, pair.rule.said(), pair.why))
    return rows


def _unconfirmed(summary: Summary, shown: SummaryView | None) -> frozenset[tuple[str, int]]:
    """unconfirmed_sentences(summary.ledger), without looking at every member when the
    summary is one analyst's, patched from a shown one that had none: only the groups
    it replaced can hold a claim to check (one analyst: one line per sentence)."""
    if (
        shown is not None
        and summary.annotator is not None
        and shown.summary.annotator == summary.annotator
        and not shown.unconfirmed
        and len(shown.summary.ledger) == len(summary.ledger)
    ):
        replaced = [
            new
            for old, new in zip(shown.summary.ledger, summary.ledger, strict=True)
            if old is not new
        ]
        if not any(member.to_check for group in replaced for member in group.members):
            return frozenset()
    return unconfirmed_sentences(summary.ledger)


def differing_sources(
    ledger: Sequence[ClaimGroup], sentences: set[tuple[str, int]]
) -> dict[tuple[str, int], str]:
    """Each of `sentences` whose analysts name its source differently, with each source
    and its analysts ("Ukraine (bob); The governments of South Korea and Ukraine (ana)"),
    as the report's conflict table names them: the Conflicts tab's row gave one
    analyst's source alone, as if agreed (fx14). Read from the groups of their articles."""
    articles = {article_id for article_id, _ in sentences}
    touching = (group for group in ledger if not articles.isdisjoint(group.articles))
    return {
        where: per_analyst(lines, line_source, several=False)
        for where, lines in claims_by_sentence(touching, sentences).items()
        if len({line_source(line) for line in lines}) > 1
    }


def _group_numbers(
    ledger: Sequence[ClaimGroup], ranked: Sequence[ClaimGroup], sentences: set[tuple[str, int]]
) -> dict[tuple[str, int], int]:
    """(article id, index) -> the number of the group listing that sentence as a claim
    (the last such group, in ledger order), for `sentences` only: the conflicts tab
    names the group of each figure it shows, not of all 100,000 (the view is kept while
    the screen is open: every sentence of the articles shown was 37,000 entries, 3 MB)."""
    number_of = {group.group_id: n for n, group in enumerate(ranked, 1)}
    articles = {article_id for article_id, _ in sentences}
    found: dict[tuple[str, int], int] = {}
    for group in ledger:
        if articles.isdisjoint(group.articles):
            continue
        number = number_of[group.group_id]
        for member in group.members:
            where = (member.article_id, member.index)
            if where in sentences:
                found[where] = number
    return found


def _first_reasons(conflicts: Iterable[FigureConflict]) -> dict[int, dict[int, str]]:
    """FigureConflict.why(position) of every position of each conflict at once (one pass
    over its pairs, where why() reads them again for each figure)."""
    reasons: dict[int, dict[int, str]] = {}
    for conflict in conflicts:
        first: dict[int, ConflictPair] = {}
        for pair in conflict.pairs:
            first.setdefault(pair.low, pair)
            first.setdefault(pair.high, pair)
        reasons[id(conflict)] = {position: pair.why for position, pair in first.items()}
    return reasons


def read_summary(
    workspace: Workspace,
    analyst: str | None,
    ledger: LedgerSettings,
    live: LiveSummary | None = None,
) -> tuple[SummaryView, list[str]]:
    """Read the store and build `analyst`'s summary (None: every analyst's) with its
    tables' rows, and the analysts who have annotations (blocking: in a worker).

    Articles whose annotations do not fit their text are counted where re-anchoring
    puts them (in memory, at the workspace's threshold). With `live`, the summary is
    built by an accumulator it keeps, to follow the workspace's changes from then on.

    The collector is paused for the whole read, not only for the store's read and the
    build each: between them it ran, and the tens of thousands of annotations just read
    (the store's pause does not promote them) brought on a full collection, which
    scans everything the app holds (0.6 s of CPU at 100,000 annotations) and stops
    every thread, the UI's too (issue 15). What the read keeps is promoted with the
    build's."""
    with paused_gc(promote=True):
        read = screen_read(workspace, analyst, ledger)
        return built_view(workspace, read, live), read.analysts


@dataclass(frozen=True, slots=True)
class ScreenRead:
    """What the screen's summary is built from, as read from the store: build_summary's
    inputs, the caveats its report says, and what the screen keeps beside it."""

    annotations: list[Annotation]
    """Those counted: `analyst`'s (every analyst's for None), on the articles read."""
    articles: list[ArticleInfo]
    settings: SummarySettings
    anchoring: AnchoringSection
    caveats: tuple[str, ...]
    analysts: list[str]
    """The analysts with annotations in the store (the picker's)."""
    in_memory: frozenset[tuple[str, str]]
    """(article id, analyst) re-anchored in memory only (moved_in_memory)."""

    def finished(self, summary: Summary, cache: SummaryCache) -> Summary:
        """The summary built of this read, with its caveats and its possible conflicts
        (`cache`: the build's, whose quotes are not read again)."""
        if self.caveats:
            summary = dataclasses.replace(summary, caveats=self.caveats)
        return with_possible(summary, cache.reading, cache.texts)


def screen_read(workspace: Workspace, analyst: str | None, ledger: LedgerSettings) -> ScreenRead:
    """Read what `analyst`'s summary (None: every analyst's) is built from (blocking)."""
    store, corpus, anchors = workspace.store, workspace.corpus, workspace.anchors
    source = current_view(store, corpus.articles, workspace.threshold)
    # One analyst's summary reads that analyst's annotations only (the others' were
    # built, and kept in the store's cache, for nothing: 20,000 of 100,000 in the
    # bench's database); the picker's names come from the store's index.
    annotations, orphans = source.all(analyst), source.orphans(analyst)
    decisions = decisions_from_records(source.ledger_decisions())
    plans = source.plans if isinstance(source, ReanchoredView) else []
    if analyst is None:
        analysts = sorted({a.annotator for a in annotations})
    elif isinstance(source, ReanchoredView):
        analysts = sorted({a.annotator for a in source.all()})
    else:
        analysts = store.annotators()
    # The articles read, as `workbench summary PATH…` lists them: not the other articles
    # the database remembers (another story's), which read as "0 tagged" (qa7 Q8).
    # Counted as the database remembers them where it counted this very text (the
    # screen keeper's process has not segmented them: scope.article_rows).
    seen = store.articles()
    articles = article_rows(corpus.articles, seen)
    settings = SummarySettings(ledger=ledger, decisions=decisions, annotator=analyst)
    known = corpus.by_id
    if any(a.anchor_state == "check" for a in annotations):
        anchors.read_history()
    versions = anchors.versions(plans)
    # the articles not read are named by the titles the database remembers (qa9 Q19)
    remembered = {info.article_id: info.title for info in seen}
    anchoring = anchoring_section(annotations, orphans, known, versions.of, remembered)
    # An annotation whose article is not in the corpus is counted nowhere: its text
    # was not read. The anchoring section lists it as not opened ("article_missing").
    on_corpus = [a for a in annotations if a.article_id in known]
    said = [*renamed_articles([*annotations, *orphans], known), *one_text_under_two_ids(on_corpus)]
    caveats = tuple(f"{line}." for line in said)
    return ScreenRead(
        on_corpus, articles, settings, anchoring, caveats, analysts, moved_in_memory(plans)
    )


def built_view(workspace: Workspace, read: ScreenRead, live: LiveSummary | None) -> SummaryView:
    """The summary of `read` built, with its tables' rows (read_summary's build)."""
    store, known = workspace.store, workspace.corpus.by_id
    # What was read before in quotes and pronouns, unless this screen's cache holds its
    # quotes already (it read the store before); what the build reads besides is kept.
    readings = (
        restored_readings(store, deferred=True) if live is None or not live.cache.texts else None
    )
    if live is None:
        cache = SummaryCache()  # what the build read of each quote, for the possible conflicts
        summary = build_summary(
            read.annotations,
            read.articles,
            read.settings,
            read.anchoring,
            cache=cache,
            texts=known,
            readings=readings,
        )
    else:
        cache = live.cache
        live.cache.readings = readings
        accumulator = SummaryAccumulator(
            read.annotations,
            read.articles,
            read.settings,
            read.anchoring,
            texts=known,
            cache=live.cache,
        )
        summary = live.start(accumulator, read.analysts, read.in_memory)
    if readings is not None:
        keep_all(store, readings)
    # the screen keeps the caveats for its report (w) over later patches
    return prepare_view(read.finished(summary, cache))
