"""The summary as a Markdown report that reads on its own (docs/summary.md, "The Markdown
report"): conflicts called out first, articles by their short titles, sentences as
"sentence 12" (counted from 1, as on screen); group and article ids are left to the JSON.

Article text is data: every piece of it goes through `_cell`, so "[Mr. Putin]" or a
"|" in a quote is shown as written, never read as Markdown.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Container, Iterable, Mapping, Sequence
from functools import partial

from workbench.core.analysis.figures.conflicts import Figure, format_value
from workbench.core.analysis.ledger.answers import denied_text
from workbench.core.analysis.ledger.decisions import (
    LedgerDecision,
    Merge,
    Split,
    apart_not_read,
    decision_words,
)
from workbench.core.analysis.ledger.dismissals import DismissedPair
from workbench.core.analysis.summary.build import origin_name
from workbench.core.analysis.summary.conflict_parts import ConflictPart, conflict_parts, heading
from workbench.core.analysis.summary.figure_words import figure_words
from workbench.core.analysis.summary.judgements import (
    Where,
    claims_by_sentence,
    differences,
    line_source,
    line_status,
    per_analyst,
    source_name,
    verdict_words,
)
from workbench.core.analysis.summary.model import (
    POSSIBLE_WHAT,
    AnchoringList,
    AnchoringSection,
    ArticleRow,
    ClaimGroup,
    FigureConflict,
    SentenceLine,
    SourceRow,
    Summary,
    Totals,
    ranked_groups,
    sentence_label,
    unconfirmed_sentences,
)
from workbench.core.analysis.summary.not_applied import not_applied_words
from workbench.core.analysis.summary.possible_caveat import published_caveat
from workbench.core.analysis.summary.unlinked import PUBLISHED, why_unlinked
from workbench.core.analysis.summary.unsourced import NO_SOURCE_RECORDED, lacks_recorded_source
from workbench.core.annotation import STATUSES, TAGS, Annotation, moment_words, status_words
from workbench.core.corpus.changed_words import changed_words
from workbench.core.name_scripts import analyst_shown
from workbench.core.terminal_text import name_printable

_UNDERSCORES = re.compile(r"_+")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_MARKUP = re.compile(r"[\\|*`\[\]<>#_~&]")
"""Any character _cell escapes (the underscore only at a word's edge)."""
_ESCAPED = "\\|*`[]<>#~&"
"""Escaped wherever they are: `~~` strikes text through (GFM) and `&amp;` reads as "&"
(tr17: a quote's or note's `~~`, `&…;` and `__…__` were shown as other text)."""


def _escaped_run(match: re.Match[str]) -> str:
    """A run of underscores escaped at a word's edge: emphasis to a Markdown reader
    (`__init__` read as "_*init*_"); one inside a word (`snake_case`, `a__b`) is none,
    and is left alone."""
    text, start, end = match.string, match.start(), match.end()
    inside = (
        start > 0
        and end < len(text)
        and _LETTER_OR_DIGIT.match(text, start - 1) is not None
        and _LETTER_OR_DIGIT.match(text, end) is not None
    )
    return match.group() if inside else "\\_" * (end - start)


ANCHORING_HEADINGS: dict[AnchoringList, tuple[str, str]] = {
    "check": (
        "Annotations to check",
        "Moved onto a similar sentence after their article changed; confirm each in the "
        "review screen.",
    ),
    "orphaned": (
        "Orphaned annotations",
        "No sentence of their article's current text is theirs; they count nowhere else. "
        "Sentence numbers are where they were made.",
    ),
    "article_missing": (
        "Article missing",
        "Their article is not among the files read for this report: an article of another "
        "story kept in the same database, or a file renamed, removed or unreadable (the "
        "warnings printed when the corpus was read name a file that could not be read). "
        "Their text is left out of this report, which is about the articles read: one line "
        "per article; `workbench summary` given its file, or no PATH, lists each annotation.",
    ),
}
"""The heading and explanation of each of AnchoringSection.lists()."""


TO_CHECK = "(to check)"
"""The mark of a figure or a claim re-anchored onto changed text and not confirmed: the
analyst tagged other words, so the figure shown is not one they stand behind yet."""
TO_CHECK_NOTE = (
    f"Marked {TO_CHECK}: the article changed after it was tagged, and the annotation was "
    "moved onto this sentence without being confirmed; the figures shown are the new "
    "sentence's, not the ones the analyst tagged (see “Annotations to check”)."
)


def to_check_words(line: SentenceLine) -> str:
    """'(to check)' for a line whose analysts all tagged other words, '(to check: alice)'
    naming those who did when others judged it on this text; '' for the rest."""
    if not line.to_check:
        return ""
    if line.unconfirmed:
        return TO_CHECK
    return f"(to check: {', '.join(line.to_check)})"


def conflict_values(conflict: FigureConflict, unconfirmed: Container[tuple[str, int]]) -> str:
    """A conflict's values, '12,000, 30,000 (to check)': a value only sentences to check
    give (unconfirmed_sentences) is marked, as its figures are. One pass over the
    figures: the summary screen's banner makes this on the UI thread after every edit,
    and a conflict can hold thousands of figures and values."""
    moved: dict[float, bool] = {}
    for figure in conflict.figures:
        value = figure.quantity.value
        moved[value] = moved.get(value, True) and (figure.article_id, figure.index) in unconfirmed
    return ", ".join(
        format_value(value) + (f" {TO_CHECK}" if moved.get(value, False) else "")
        for value in conflict.values
    )


def placed_why(why: str, low: Figure, high: Figure, titles: Mapping[str, str]) -> str:
    """A conflict's reason after the two sentences it is about ('“Report Seven”,
    sentence 2 vs sentence 3 — 8,000 soldiers (Ukraine) vs ...'): two reasons may read
    alike and concern different sentences (qa4 Q20). The article is named once when the
    two sentences share it."""
    first = f"“{_title(low.article_id, titles)}”, {sentence_label(low.index)}"
    if low.article_id == high.article_id:
        second = sentence_label(high.index)
    else:
        second = f"“{_title(high.article_id, titles)}”, {sentence_label(high.index)}"
    return f"{first} vs {second} — {why}"


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell (article text is data, never markup).
    Most text holds none of the characters escaped: it is returned after one search
    (the report of 100,000 annotations makes 126,000 cells)."""
    plain = " ".join(str(text).split())
    if _MARKUP.search(plain) is None:
        return plain
    for char in _ESCAPED:
        plain = plain.replace(char, "\\" + char)
    return _UNDERSCORES.sub(_escaped_run, plain) if "_" in plain else plain


def _analyst(name: str) -> str:
    """An analyst's name in a cell, what draws nothing escaped: "ana" + U+200B is
    another analyst than "ana" (name_printable, tr14 T2), and so is "\\u0430na", with a
    Cyrillic "а" (analyst_shown, qa21 #6)."""
    return _cell(analyst_shown(name))


def _quote(text: str, limit: int | None = None) -> str:
    """A quote whole (a report is for quoting), or cut at `limit` with "…" where it only
    names what follows whole (a group's heading)."""
    plain = " ".join(text.split())
    return _cell(plain if limit is None or len(plain) <= limit else plain[: limit - 1] + "…")


class MarkdownPieces:
    """The report's lines of each listed item (a conflict, an article's or a source's
    row, a ledger group, a denial linked to no claim), by the item itself, for the next
    report made from that one: as JsonPieces for the JSON (model.py), SummaryAccumulator
    keeps every item a change did not touch as the very object it was, so a keeper
    following a session renders only what a few saved tags changed (the whole report
    took 0.9-1.3 s at 100,000 annotations, load 2). An item's lines are a function of
    the item, of what else they read (`along`: a group's number, the judgements of a
    conflict's sentences; the same objects, or equal ones) and of three things of the
    whole report: the titles, the sentences to check and whether several analysts are
    summarised; all are dropped when one of those differs. The items are held with
    their lines (an id is never another item's while kept); those the last report did
    not list are let go."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, int], tuple[object, tuple[object, ...], list[str]]] = {}
        self._made: dict[tuple[str, int], tuple[object, tuple[object, ...], list[str]]] = {}
        self._whole: object = None
        self.reused = 0
        """Items not rendered again, in every report so far (tests, benches)."""

    def begin(self, whole: object) -> None:
        """A report begins; `whole`: what every item's lines read of the whole report."""
        if whole != self._whole:
            self._kept.clear()
            self._whole = whole

    def lines(
        self, section: str, item: object, along: tuple[object, ...], made: Callable[[], list[str]]
    ) -> list[str]:
        """The lines of `item` in `section`, kept from the last report, or made()."""
        key = (section, id(item))
        found = self._kept.get(key)
        # a tuple's == takes each element that is the very same object as equal
        if found is not None and found[0] is item and found[1] == along:
            self._made[key] = found
            self.reused += 1
            return found[2]
        lines = made()
        self._made[key] = (item, along, lines)
        return lines

    def end(self) -> None:
        """The report is whole: its items' lines are the ones kept for the next."""
        self._kept, self._made = self._made, {}


def _piece(
    pieces: MarkdownPieces | None,
    section: str,
    item: object,
    along: tuple[object, ...],
    made: Callable[[], list[str]],
) -> list[str]:
    return made() if pieces is None else pieces.lines(section, item, along, made)


def render_markdown(
    summary: Summary, max_groups: int = 200, pieces: MarkdownPieces | None = None
) -> str:
    """The summary as a Markdown report: headings, tables, conflicts called out first.
    `pieces`: the last report's lines of the items that are the same (MarkdownPieces)."""
    titles = {row.article_id: row.short_title or row.title for row in summary.articles}
    lines: list[str] = ["# Fact-checking summary", ""]
    totals = summary.totals
    names = ", ".join(map(_analyst, totals.annotators)) or "nobody"
    scope = (
        _ended(f"All analysts: {names}")
        if summary.annotator is None and len(totals.annotators) > 1
        else _ended(f"Analyst: {_analyst(summary.annotator) if summary.annotator else names}")
    )
    lines += [scope, ""]
    lines += _caveat_lines(summary.said_caveats())
    lines += [_totals_line(summary), ""]
    lines += _suggestion_note(totals)
    lines += _to_check_note(totals.to_check, _says_about(summary.ledger))
    lines += _not_placed_note(summary.anchoring or AnchoringSection())
    unconfirmed = unconfirmed_sentences(summary.ledger)
    several = summary.annotator is None and len(totals.annotators) > 1
    judged = claims_by_sentence(
        summary.ledger, {(f.article_id, f.index) for c in summary.conflicts for f in c.figures}
    )
    if pieces is not None:
        pieces.begin((titles, unconfirmed, several))
    lines += _conflict_section(summary.conflicts, titles, unconfirmed, judged, several, pieces)
    if summary.possible is not None:
        lines += _possible_section(summary, titles, unconfirmed, several)
    lines += dismissed_section(summary.dismissed, titles)
    lines += _article_section(summary.articles, pieces)
    lines += _source_section(summary.sources, pieces, several)
    lines += _ledger_section(summary.ledger, max_groups, titles, unconfirmed, pieces)
    read = {row.article_id for row in summary.articles}
    lines += _ignored_section(summary, read, titles)
    lines += _unlinked_denial_section(summary.unlinked_denials, titles, pieces)
    lines += _anchoring_section(summary.anchoring or AnchoringSection(), titles)
    if pieces is not None:
        pieces.end()
    return "\n".join(lines).rstrip() + "\n"


def _caveat_lines(caveats: Sequence[str]) -> list[str]:
    """What the summary could not read or resolve, above everything it counts."""
    if not caveats:
        return []
    return [
        "> **Caveats**: what this summary could not read or resolve.",
        ">",
        *(f"> - {_cell(caveat)}" for caveat in caveats),
        "",
    ]


def _counted(count: int, thing: str) -> str:
    """'1 article', '3 articles'."""
    return f"{count} {thing}" + ("" if count == 1 else "s")


def _totals_line(summary: Summary) -> str:
    """The report's line of totals: sentences and the articles they are in (not the
    articles listed, which include every known one), by whom, per tag."""
    totals = summary.totals
    if not totals.sentences:
        who = ", ".join(
            map(_analyst, [summary.annotator] if summary.annotator else totals.annotators)
        )
        return "0 annotated sentences" + (f" by {who}" if who else "") + "."
    articles = sum(1 for row in summary.articles if row.annotated)
    return (
        f"{_counted(totals.sentences, 'annotated sentence')} ({totals.tagged} tagged) in "
        f"{_counted(articles, 'article')} by {', '.join(map(_analyst, totals.annotators))}: "
        + ", ".join(f"{count} {tag}" for tag, count in totals.tags.items())
        + "."
        + _disagreement_note(totals.disagreements)
    )


def _suggestion_note(totals: Totals) -> list[str]:
    """The acceptance rate of suggestions, once some were shown."""
    rate = totals.acceptance_rate
    if rate is None:
        return []
    counts = totals.suggestions
    return [
        f"Suggestions: {counts['accepted']} accepted as is, {counts['changed']} changed, "
        f"{counts['not_shown']} not shown ({rate:.0%} of those shown accepted as is).",
        "",
    ]


def _to_check_note(count: int, about: bool) -> list[str]:
    """What the counts and tables leave out: annotations still to check (analysts.counted).
    A conflict lists one only where its figure conflicts: "about 1.2 million" allows its
    1.3 million, so none is promised (qa14 Q21); `about`: some figure says "about", the
    only time that is worth saying (qa20 #7)."""
    if not count:
        return []
    return [
        f"Not counted: {count} annotation(s) still to check (moved onto a sentence only like "
        "the one tagged after its article changed, not confirmed there). The sentence, tag "
        "and status counts above and the Articles and Sources tables leave them out; the "
        "ledger lists them marked “(to check)”, and so do the conflicts where one of their "
        "figures conflicts with another" + (" (“about” allows 10% either way)." if about else "."),
        "",
    ]


def _says_about(groups: Iterable[ClaimGroup]) -> bool:
    """Some figure of the ledger says "about" (or "around", "some": a figure either way)."""
    return any(f.quantity.bound == "approximate" for g in groups for f in g.figures)


def _not_placed_note(anchoring: AnchoringSection) -> list[str]:
    """The annotations on no sentence read, said above the counts and conflicts they are
    missing from: a report of "No conflicting figures" whose verdicts were all orphaned
    or on articles not read said so only at its end (qa6 Q29)."""
    parts = []
    orphaned, missing, articles = anchoring.not_placed()
    if orphaned:
        parts.append(
            f"{orphaned} orphaned annotation(s) (their sentence is gone from the article's text)"
        )
    if missing:
        parts.append(
            f"{missing} annotation(s) of {articles} article(s) not among the files read "
            "(another story's, or files renamed, removed or unreadable)"
        )
    if not parts:
        return []
    return [
        f"Not counted: {' and '.join(parts)}. No count, table or conflict below holds "
        "them; they are listed at the end of this report.",
        "",
    ]


def _disagreement_note(count: int) -> str:
    if not count:
        return ""
    return (
        f" The analysts judged {count} sentence(s) differently: each judgement is listed, marked ≠."
    )


def _title(article_id: str, titles: Mapping[str, str]) -> str:
    return titles.get(article_id, article_id)


def _anchoring_section(anchoring: AnchoringSection, titles: Mapping[str, str]) -> list[str]:
    """Annotations to check, orphans and those of missing articles (anchor_report.py)."""
    lines: list[str] = []
    for name, listed in anchoring.lists():
        if not listed:
            continue
        heading, why = ANCHORING_HEADINGS[name]
        if name == "article_missing":
            lines += [f"## {heading} ({len(listed)})", "", why, ""]
            lines += _missing_articles(listed, {**titles, **anchoring.titles})
            continue
        checks = name == "check"
        lines += [
            f"## {heading} ({len(listed)})",
            "",
            why,
            "",
            "| article | sentence | annotator | tags | text |"
            + (" as tagged (words since changed in bold) |" if checks else ""),
            "|---|---|---|---|---|" + ("---|" if checks else ""),
        ]
        for annotation in listed:
            row = _anchoring_row(annotation, titles)
            if checks:
                row += f" {_as_tagged(annotation, anchoring.as_tagged(annotation))} |"
            lines.append(row)
        lines.append("")
    return lines


def _missing_articles(listed: Sequence[Annotation], titles: Mapping[str, str]) -> list[str]:
    """One row per article not read: its title as the database remembers it (else its
    id), how many annotations, by whom; not their text, which may be another story's."""
    by_article: dict[str, list[Annotation]] = defaultdict(list)
    for annotation in listed:
        by_article[annotation.article_id].append(annotation)
    rows = ["| article | annotations | annotators |", "|---|---|---|"]
    for article_id, on_article in by_article.items():
        who = sorted({annotation.annotator for annotation in on_article})
        rows.append(
            f"| {_cell(_title(article_id, titles))} | {len(on_article)} | "
            f"{', '.join(map(_analyst, who))} |"
        )
    return [*rows, ""]


def _anchoring_row(annotation: Annotation, titles: Mapping[str, str]) -> str:
    return (
        f"| {_cell(_title(annotation.article_id, titles))} | "
        f"{sentence_label(annotation.index)} | {_analyst(annotation.annotator)} | "
        f"{_cell(', '.join(annotation.tags))} | {_quote(annotation.quote)} |"
    )


def _as_tagged(annotation: Annotation, tagged: Annotation | None) -> str:
    """The quote as tagged, its words the sentence no longer has in bold; what to say
    when it is not known, or when the words are the same (another copy of them)."""
    if tagged is None:
        return "not recorded (imported already moved)"
    if tagged.quote == annotation.quote:
        return f"the same words, then {sentence_label(tagged.index)}"
    shown = []
    for text, changed in changed_words(tagged.quote, annotation.quote):
        cell = f"**{_cell(text)}**" if changed else _cell(text)
        shown.append(
            (" " if text[:1].isspace() else "") + cell + (" " if text[-1:].isspace() else "")
        )
    return " ".join("".join(shown).split())


def _unlinked_denial_section(
    denials: Sequence[SentenceLine],
    titles: Mapping[str, str],
    pieces: MarkdownPieces | None = None,
) -> list[str]:
    """The denials aimed at no group, told apart by why (qa6 Q5): one denying a figure
    answers only a group stating it (qa10 Q17); one that names what it denies only by
    its kind or its subject (answers.denied_words: none) is linked by no threshold; for
    the others the words a claim would take up are shown. Each reason as it can be
    published (unlinked.PUBLISHED): the threshold is the screen's to name."""
    if not denials:
        return []
    lines = [
        "## Denials not linked to a claim",
        "",
        "The ledger found no claim group these denials aim at.",
        "",
    ]
    listed = _listed(denials)
    for reason, intro in PUBLISHED.items():
        chosen = [denial for denial in denials if why_unlinked(denial.quote) == reason]
        if not chosen:
            continue
        lines += [intro, ""]
        for denial in chosen:
            own = frozenset(listed[(denial.article_id, denial.index)])
            made = partial(_denial_lines, denial, titles, reason != "kind", own)
            lines += _piece(pieces, "denial", denial, (reason, own), made)
        lines.append("")
    return lines


def _denial_lines(
    denial: SentenceLine, titles: Mapping[str, str], named: bool, listed: Iterable[str] = ()
) -> list[str]:
    """A denial linked to no claim, and the words it denies when it names them; `listed`:
    the analysts whose judgements of its sentence are listed too (_listed)."""
    lines = _sentence_lines(denial, titles, _denier(denial), listed)
    denied = denied_text(denial.quote) if named else None
    if denied is not None:
        lines.append(f"  - denies: {_cell(denied)}")
    return lines


def _denier(denial: SentenceLine) -> str:
    return source_name(denial.annotation, denial.canonical_source)


def _conflict_section(
    conflicts: Sequence[FigureConflict],
    titles: Mapping[str, str],
    unconfirmed: Container[tuple[str, int]],
    judged: Mapping[Where, Sequence[SentenceLine]],
    several: bool,
    pieces: MarkdownPieces | None = None,
) -> list[str]:
    """Each thing measured (conflict_parts) under its own heading: its figures with the
    source and status their analysts gave them (each analyst named in a summary of
    several: judgements of one sentence can differ), and every pair that conflicts."""
    lines = ["## Conflicting figures", ""]
    if not conflicts:
        return [*lines, "No conflicting figures.", ""]
    if any((f.article_id, f.index) in unconfirmed for c in conflicts for f in c.figures):
        lines += [TO_CHECK_NOTE, ""]
    for whole in conflicts:
        along = tuple(
            line for f in whole.figures for line in judged.get((f.article_id, f.index), ())
        )
        made = partial(_conflict_lines, whole, titles, unconfirmed, judged, several)
        lines += _piece(pieces, "conflict", whole, along, made)
    return lines


def _conflict_lines(
    whole: FigureConflict,
    titles: Mapping[str, str],
    unconfirmed: Container[tuple[str, int]],
    judged: Mapping[Where, Sequence[SentenceLine]],
    several: bool,
) -> list[str]:
    """One conflict, each thing it measures under its heading."""
    lines: list[str] = []
    for part in conflict_parts(whole, lambda figure: origin_name(figure, titles)):
        conflict = part.conflict
        values = conflict_values(conflict, unconfirmed)
        lines += [f"### ⚠ {_cell(heading(whole, part))}: {values}", ""]
        lines += _figure_table(conflict.figures, titles, unconfirmed, judged, several)
        lines += ["", _pairs_heading(part), ""]
        for pair in conflict.pairs:
            low, high = conflict.figures[pair.low], conflict.figures[pair.high]
            checks = _to_check_suffix((low, high), unconfirmed)
            lines.append(f"- {_cell(placed_why(pair.why, low, high, titles))}{checks}")
        lines.append("")
    return lines


def _possible_section(
    summary: Summary,
    titles: Mapping[str, str],
    unconfirmed: Container[tuple[str, int]],
    several: bool,
) -> list[str]:
    """The possible conflicts (summary/possible.py), apart from the conflicts, as a
    fact-checker can publish them (qa20 #3): what they are and a plain caveat on what
    the list is worth, then each pair with the reader's score and what the rule reads of
    it (why it does not flag it), each figure's source as its analysts give it. The
    reader's name and measurement and the words it weighed are the JSON's and the
    screen's; with no pair, the section says only that (and what was not compared)."""
    possible = summary.possible
    if possible is None:
        return []
    lines = ["## Possible conflicts (check)", ""]
    not_compared = possible.not_compared(titles)
    if not possible.pairs:
        if not_compared:
            lines += [_cell(not_compared), ""]
        return [*lines, "No possible conflicts.", ""]
    lines += [
        f"{POSSIBLE_WHAT[0].upper()}{POSSIBLE_WHAT[1:]}. {published_caveat()} They are "
        f"counted nowhere above; each line starts with the reader's score (from "
        f"{possible.threshold:g} to 1).",
        "",
    ]
    if not_compared:
        lines += [_cell(not_compared), ""]
    wanted = {(f.article_id, f.index) for pair in possible.pairs for f in pair.figures}
    judged = claims_by_sentence(summary.ledger, wanted)
    for pair in possible.pairs:
        said = []
        for figure in pair.figures:
            where = (figure.article_id, figure.index)
            to_check = where in unconfirmed
            source = _figure_source(figure, judged.get(where, ()), several, not to_check)
            mark = f" {TO_CHECK}" if to_check else ""
            said.append(
                f"“{_cell(_title(figure.article_id, titles))}”, {sentence_label(figure.index)}: "
                f"{_cell(figure.quantity.text)}{mark}{_given_by(source)}"
            )
        lines.append(
            f"- {pair.probability:.2f}: {said[0]} vs {said[1]} — the rule reads "
            f"{_cell(pair.rule.said())}"
        )
    return [*lines, ""]


DISMISSED_HEADING = "Dismissed by the analyst"
"""What the report and the summary screen call the pairs dismissed as not a conflict."""


def dismissed_section(dismissed: Sequence[DismissedPair], titles: Mapping[str, str]) -> list[str]:
    """The pairs the analysts dismissed as not a conflict (ledger/dismissals.py), each
    with who dismissed it, when and why: not counted, never gone unseen (qa20 #2: a
    conflict the analyst knew was wrong could only be taken out of the report by hand).
    Nothing when none is."""
    if not dismissed:
        return []
    lines = [
        f"## {DISMISSED_HEADING}",
        "",
        "Pairs of figures an analyst judged not to conflict: counted nowhere above.",
        "",
    ]
    for pair in dismissed:
        figures = " vs ".join(
            f"“{_cell(_title(figure.article_id, titles))}”, {sentence_label(figure.index)}: "
            f"{_cell(figure.quantity.text)}{_given_by(figure.source or UNATTRIBUTED)}"
            for figure in (pair.low, pair.high)
        )
        lines.append(f"- {figures} — {dismissed_by(pair)}")
    return [*lines, ""]


def dismissed_by(pair: DismissedPair, escaped: Callable[[str], str] = _cell) -> str:
    """ "dismissed by ana (3 December 2026, 18:02): “part of the whole”", each analyst's
    dismissal in force, "; "-joined; names and reasons `escaped` (for a Markdown cell by
    default; the screen draws its cells literally), a name's invisible characters shown
    (name_printable)."""
    said = []
    for by in pair.by:
        when = f" ({moment_words(by.at)})" if by.at else ""
        reason = f": “{escaped(by.reason)}”" if by.reason else ", no reason given"
        name = escaped(name_printable(by.annotator or "an analyst"))
        said.append(f"dismissed by {name}{when}{reason}")
    return "; ".join(said)


def _figure_source(
    figure: Figure, claims: Sequence[SentenceLine], several: bool, marked: bool = True
) -> str:
    """A figure's source as its sentence's analysts give it (each named in a summary of
    several), each judgement made on other words marked "(to check)"; `marked` False:
    the figure is marked so already, and its source is not marked again."""
    if not claims:
        return figure.source or UNATTRIBUTED
    return per_analyst(claims, line_source if marked else _named_source, several)


def _named_source(line: SentenceLine) -> str:
    return source_name(line.annotation, line.canonical_source)


UNATTRIBUTED = "unattributed"


def _given_by(source: str) -> str:
    """' from Red Cross (ana, bob)' after a figure, or ', unattributed': one bracket
    each, where '180 homes (to check) (Red Cross (to check))' nested them (qa20 #7)."""
    return f", {UNATTRIBUTED}" if source == UNATTRIBUTED else f" from {_cell(source)}"


def _to_check_suffix(figures: Iterable[Figure], unconfirmed: Container[tuple[str, int]]) -> str:
    """' (7,000 to check)' after a reason whose figures include one no analyst confirmed
    on its sentence (its source and verdict were given to other words)."""
    moved = [
        format_value(figure.quantity.value)
        for figure in figures
        if (figure.article_id, figure.index) in unconfirmed
    ]
    return f" ({' and '.join(moved)} to check)" if moved else ""


def _pairs_heading(part: ConflictPart) -> str:
    """Says what the list of reasons holds: every pair, or not (a reader takes a pair
    left out for two figures that agree)."""
    count = len(part.conflict.pairs)
    if part.every_pair:
        every = {1: "", 2: " (both pairs)"}.get(count, f" (all {count:,} pairs)")
        return f"Why they conflict{every}:"
    return (
        f"Why they conflict ({count} pairs: each figure against the figures farthest from "
        f"it; with {len(part.conflict.figures)} figures, other pairs are not listed):"
    )


def _figure_table(
    figures: Sequence[Figure],
    titles: Mapping[str, str],
    unconfirmed: Container[tuple[str, int]],
    judged: Mapping[Where, Sequence[SentenceLine]],
    several: bool,
) -> list[str]:
    lines = [
        "| figure | as written | source | status | article | sentence |",
        "|---:|---|---|---|---|---|",
    ]
    for figure in figures:
        where = (figure.article_id, figure.index)
        mark = f" {TO_CHECK}" if where in unconfirmed else ""
        claims = judged.get(where, ())
        source = _figure_source(figure, claims, several)
        status = per_analyst(claims, line_status, several) if claims else "—"
        lines.append(
            f"| {format_value(figure.quantity.value)}{mark} | {_cell(figure.quantity.text)} | "
            f"{_cell(source)} | {_cell(status)} | "
            f"{_cell(_title(figure.article_id, titles))} | {sentence_label(figure.index)} |"
        )
    return lines


def _article_section(
    articles: Sequence[ArticleRow], pieces: MarkdownPieces | None = None
) -> list[str]:
    """Counts per article. A sentence whose analysts give it different statuses counts
    under no status (several analysts' summary): then a column counts those, so the
    status columns and it add up to the annotated sentences."""
    unagreed = [row.status_differs for row in articles]
    differ = any(unagreed)
    lines = [
        "## Articles",
        "",
        "| article | sentences | tagged | "
        + " | ".join(TAGS)
        + " | "
        + " | ".join(status_words(status) for status in STATUSES)
        + (" | status differs" if differ else "")
        + " |",
        "|---|---:|---:|" + "---:|" * (len(TAGS) + len(STATUSES) + differ),
    ]
    for row, count in zip(articles, unagreed, strict=True):
        lines += _piece(
            pieces, "article", row, (differ,), partial(_article_row, row, count, differ)
        )
    if differ:
        lines += [
            "",
            "A sentence counts under a status when its analysts agree on it; “status "
            "differs” counts those they gave different statuses.",
        ]
    return [*lines, ""]


def _article_row(row: ArticleRow, unagreed: int, differ: bool) -> list[str]:
    sentences = "?" if row.sentences is None else row.sentences
    return [
        f"| {_cell(row.short_title or row.title)} | {sentences} | {row.tagged} | "
        + " | ".join(str(row.tags[t]) for t in TAGS)
        + " | "
        + " | ".join(str(row.statuses[s]) for s in STATUSES)
        + (f" | {unagreed}" if differ else "")
        + " |"
    ]


def _source_section(
    sources: Sequence[SourceRow], pieces: MarkdownPieces | None = None, several: bool = False
) -> list[str]:
    """The Sources table with the screen's counts (fx14: it left out the sentences and
    attributions), and in every analyst's summary of several who named each source."""
    lines = [
        "## Sources",
        "",
        "| source | kind | also written | articles | sentences | claims | attributions | "
        "denials |" + (" analysts |" if several else ""),
        "|---|---|---|---:|---:|---:|---:|---:|" + ("---|" if several else ""),
    ]
    for row in sources:
        lines += _piece(pieces, "source", row, (several,), partial(_source_row, row, several))
    return [*lines, ""]


def _source_row(row: SourceRow, several: bool = False) -> list[str]:
    """A source's names with what draws nothing escaped, as an analyst's are (tr18:
    "Put" + U+200B + "in" was another source than "Putin" that read as it, and "also
    written: Putin; Putin" listed two spellings that looked one)."""
    others = [_analyst(v) for v in row.variants if v != row.canonical]
    named_by = f" {', '.join(map(_analyst, row.annotators)) or '—'} |" if several else ""
    return [
        f"| {_analyst(row.canonical)} | {row.kind} | {'; '.join(others) or '—'} | "
        f"{len(row.articles)} | {row.sentences} | {row.claims} | {row.attributions} | "
        f"{row.denials} |{named_by}"
    ]


def conflict_flag(group: ClaimGroup) -> str:
    """What a group's ⚠ says: its own claims disagree, or another claim disputes them."""
    if group.conflict:
        return "⚠ conflicting figures"
    if group.conflict_topics:
        return "⚠ figures disputed by other claims"
    return ""


def _ledger_section(
    groups: Sequence[ClaimGroup],
    max_groups: int,
    titles: Mapping[str, str],
    unconfirmed: Container[tuple[str, int]],
    pieces: MarkdownPieces | None = None,
) -> list[str]:
    lines = ["## Claim ledger", ""]
    if not groups:
        return [*lines, "No claims.", ""]
    shown = ranked_groups(groups)[:max_groups]
    lines.append(
        ("1 claim group" if len(groups) == 1 else f"{len(groups)} claim groups")
        + (f", of which the first {len(shown)} are shown" if len(shown) < len(groups) else "")
        + ". Groups with conflicting figures come first, then the largest, then in "
        "reading order."
    )
    lines.append("")
    if any(member.to_check for group in shown for member in group.members):
        lines += [TO_CHECK_NOTE, ""]
    for number, group in enumerate(shown, 1):
        made = partial(_group_lines, number, group, titles, unconfirmed)
        lines += _piece(pieces, "group", group, (number,), made)
    return lines


def _ignored_section(
    summary: Summary, read: Collection[str], titles: Mapping[str, str]
) -> list[str]:
    """The analysts' decisions that were not applied: named, with their claims and why
    (not_applied.py), never dropped; those not applied because an article of theirs was
    not read apart (decisions.apart_not_read, qa20 #9)."""
    gone, elsewhere = apart_not_read(summary.ignored_decisions, read)
    if not gone and not elsewhere:
        return []
    said = partial(
        _decision_lines,
        read=read,
        titles={**(summary.anchoring or AnchoringSection()).titles, **titles},
        homes={
            (member.article_id, member.index): number
            for number, group in enumerate(ranked_groups(summary.ledger), 1)
            for member in group.members
        },
    )
    lines: list[str] = []
    if gone:
        lines += [
            "## Decisions that no longer apply",
            "",
            "Merges, splits and dismissals whose claim groups, claims or figures are gone, "
            "or that this version cannot read; they stay in the database "
            "(`ignored_decisions` in the JSON).",
            "",
            *said(gone),
            "",
        ]
    if elsewhere:
        lines += [
            "## Decisions on articles not read",
            "",
            "Decisions on claims of articles this summary did not read (another "
            "story's in the same database): applied where those articles are read "
            "(`ignored_decisions` in the JSON).",
            "",
            *said(elsewhere),
            "",
        ]
    return lines


def _decision_lines(
    decisions: Sequence[LedgerDecision],
    read: Collection[str],
    titles: Mapping[str, str],
    homes: Mapping[tuple[str, int], int],
) -> list[str]:
    """Each decision's line: a merge or split in not_applied.py's words (its claims named
    by title and sentence, and why), any other as decision_words says it; then who, when."""
    lines = []
    for decision in decisions:
        record = decision.to_record()
        who = ", ".join(
            name_printable(str(record[name]))
            if name == "annotator"
            else moment_words(str(record[name]))
            for name in ("annotator", "at")
            if record.get(name)
        )
        words = (
            not_applied_words(decision, read, titles.get, homes)
            if isinstance(decision, Merge | Split)
            else decision_words(record, lambda article_id: titles.get(article_id, article_id))
        )
        lines.append(f"- {_cell(words)}" + (f" ({_cell(who)})" if who else ""))
    return lines


def _group_lines(
    number: int,
    group: ClaimGroup,
    titles: Mapping[str, str],
    unconfirmed: Container[tuple[str, int]],
) -> list[str]:
    """One group: its first claim as heading, its claims, figures, reasons, denials."""
    flag = conflict_flag(group)
    claims = claims_by_sentence([group])
    named, differ = _group_sources(group, claims, titles)
    count = len({(m.article_id, m.index) for m in group.members})
    lines = [
        f"### {number}. {_quote(group.members[0].quote, 80)}" + (f" {flag}" if flag else ""),
        "",
        _ended(f"{count} sentence(s) in {len(group.articles)} article(s); sources: {named}"),
        "",
    ]
    if differ:
        lines += [_ended(f"Sources the analysts name differently: {differ}"), ""]
    listed = _listed(group.members)
    for member in group.members:
        own = listed[(member.article_id, member.index)]
        lines += _sentence_lines(member, titles, status_words(member.status), own)
    if group.figures:
        lines += ["", _ended(f"Figures: {_figures(group.figures, claims, titles, unconfirmed)}")]
    if group.conflict_reasons:
        lines += [
            "",
            "Why the figures conflict (the farthest pairs; every pair is under “Conflicting "
            "figures”):",
            "",
        ]
        lines += [
            f"- {_cell(placed_why(reason.why, reason.low, reason.high, titles))}"
            + _to_check_suffix((reason.low, reason.high), unconfirmed)
            for reason in group.conflict_reasons
        ]
    if group.denials:
        lines += ["", "Denied by:", ""]
        denying = _listed(group.denials)
        for denial in group.denials:
            own = denying[(denial.article_id, denial.index)]
            lines += _sentence_lines(denial, titles, _denier(denial), own)
    lines.append("")
    return lines


def _figures(
    figures: Sequence[Figure],
    claims: Mapping[Where, Sequence[SentenceLine]],
    titles: Mapping[str, str],
    unconfirmed: Container[Where],
) -> str:
    """A group's figures as the article hedged them, each with its verdict; those of
    several sentences each after its sentence ("*Title*, sentence 2: at least 100 …;
    1,000 … · *Title*, sentence 5: …"): unlabelled, two sentences giving the same figures
    read as four figures, and a figure could not be told from whose sentence (fx14)."""
    by_sentence: dict[Where, list[str]] = {}
    for figure in figures:
        where = (figure.article_id, figure.index)
        words = _cell(figure_words(figure, verdict_words(claims.get(where, ()))))
        by_sentence.setdefault(where, []).append(
            words + (f" {TO_CHECK}" if where in unconfirmed else "")
        )
    if len(by_sentence) == 1:
        return "; ".join(*by_sentence.values())
    return " · ".join(
        f"*{_cell(_title(article_id, titles))}*, {sentence_label(index)}: {'; '.join(words)}"
        for (article_id, index), words in by_sentence.items()
    )


def _listed(lines: Iterable[SentenceLine]) -> dict[Where, set[str]]:
    """The analysts whose judgements of each sentence are listed on lines of their own
    (one line per judgement): the other judgements under a line leave them out (fx14:
    a denial two analysts judged differently was listed twice, each under the other's
    line as well)."""
    listed: dict[Where, set[str]] = defaultdict(set)
    for line in lines:
        listed[(line.article_id, line.index)].update(line.annotators)
    return listed


def _ended(sentence: str) -> str:
    """`sentence` with its full stop, not a second one after a name that ends in one
    ("sources: U.S.", fx14: "U.S..")."""
    return sentence if sentence.endswith(".") else f"{sentence}."


def _group_sources(
    group: ClaimGroup, claims: Mapping[Where, Sequence[SentenceLine]], titles: Mapping[str, str]
) -> tuple[str, str]:
    """The group's sources, and apart those of sentences whose analysts name their source
    differently ('*Title*, sentence 6: governments of South Korea and Ukraine (alice);
    Ukraine (bob)'): listed together they read as that many speakers (qa5 Q2)."""
    # a judgement made on other words (to check) names no source of this sentence
    made_here = {
        where: [line for line in lines if not line.unconfirmed] for where, lines in claims.items()
    }
    claims = {where: lines for where, lines in made_here.items() if lines}
    nobody = "unattributed" if claims else "none confirmed (every claim here is to check)"
    differ = {
        where: lines
        for where, lines in claims.items()
        if len({line_source(line) for line in lines}) > 1
    }
    # a sentence no analyst gave a source is named too: left out, a group of one
    # attributed and one unattributed sentence read as the speaker's alone (qa7 Q4)
    silent = [
        lines
        for where, lines in claims.items()
        if where not in differ and not any(line.canonical_source for line in lines)
    ]
    omitted = sum(
        1 for lines in silent if any(lacks_recorded_source(line.annotation) for line in lines)
    )
    unattributed = [
        f"{words} ({count})"
        for words, count in (
            ("unattributed", len(silent) - omitted),
            (f"attribution tagged, {NO_SOURCE_RECORDED}", omitted),
        )
        if count
    ]
    if not differ:
        named = list(map(_cell, group.sources))
        if not named and omitted:  # the analyst's omission, not the article's (qa10 Q24)
            whole = len(unattributed) == 1
            return unattributed[0].rsplit(" (", 1)[0] if whole else ", ".join(unattributed), ""
        return ", ".join([*named, *unattributed] if named else named) or nobody, ""
    agreed = sorted(
        {
            source
            for where, lines in claims.items()
            if where not in differ
            for line in lines
            if (source := line.canonical_source)
        }
    )
    apart = " · ".join(
        f"*{_cell(_title(article_id, titles))}*, {sentence_label(index)}: "
        + _cell(per_analyst(lines, line_source, True))
        for (article_id, index), lines in differ.items()
    )
    named = [*map(_cell, agreed), *unattributed]
    return ", ".join(named) or "named differently by the analysts", apart


def _sentence_lines(
    sentence: SentenceLine,
    titles: Mapping[str, str],
    lead: str,
    listed: Iterable[str] = (),
) -> list[str]:
    """A sentence as a list item: where it is, `lead` (its status, or a denial's source),
    the analysts who judged it so (≠: others judged it differently), the quote, and under
    it the other judgements (but those of `listed` analysts, on lines of their own)
    and the notes."""
    on_own_lines = set(listed)
    who = ", ".join(map(_analyst, sentence.annotators))
    differ = differences(sentence)
    mark = (" ≠" + (f" ({_cell(differ)})" if differ else "")) if sentence.disagreement else ""
    if sentence.to_check:
        mark += f" {_cell(to_check_words(sentence))}"
    where = f"*{_cell(_title(sentence.article_id, titles))}*, {sentence_label(sentence.index)}"
    lines = [f"- {where} · {_cell(lead)} · {who}{mark}: {_quote(sentence.quote)}"]
    for other in sentence.others:
        if on_own_lines.issuperset(other.annotators):
            continue
        judged = other.annotation
        tags = ", ".join(judged.tags) or "no tag"
        source = source_name(judged, other.canonical_source)
        lines.append(
            f"  - ≠ {', '.join(map(_analyst, other.annotators))} judged it: {_cell(tags)}, "
            f"{_cell(status_words(judged.status))}, source {_cell(source)}"
        )
    for note in sentence.notes:  # whole: a verification note is what the reader needs (qa4 Q20)
        by = ", ".join(map(_analyst, note.annotators))
        lines.append(f"  - Note{f' ({by})' if by else ''}: {_cell(' '.join(note.note.split()))}")
    return lines
