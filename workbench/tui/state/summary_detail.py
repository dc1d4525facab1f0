"""What the summary screen's detail pane says about the highlighted row, in full.

A table row is cut to its columns' widths; at 80 columns most of a ledger line cannot
be shown at all. The detail pane under the tables shows the highlighted row whole: where
it is, who judged it, its source as named and as typed, its figures and why they
conflict, the whole text, the notes and the other analysts' judgements. Plain text
(the screen draws it literally: it holds article text); Textual-free.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence

from workbench.core.analysis.figures.conflicts import format_value
from workbench.core.analysis.ledger.answers import denied_text
from workbench.core.analysis.ledger.dismissals import DismissedPair
from workbench.core.analysis.summary.build import origin_name
from workbench.core.analysis.summary.conflict_parts import conflict_parts, heading
from workbench.core.analysis.summary.figure_words import figure_words
from workbench.core.analysis.summary.judgements import (
    line_source,
    line_status,
    per_analyst,
    verdict_words,
)
from workbench.core.analysis.summary.markdown import (
    DISMISSED_HEADING,
    TO_CHECK,
    TO_CHECK_NOTE,
    conflict_flag,
    conflict_values,
    dismissed_by,
    placed_why,
    to_check_words,
)
from workbench.core.analysis.summary.model import (
    ArticleRow,
    ClaimGroup,
    FigureConflict,
    PossibleConflict,
    SentenceLine,
    SourceRow,
    sentence_label,
)
from workbench.core.analysis.summary.possible import MEASURED
from workbench.core.analysis.summary.unlinked import EXPLANATIONS, why_unlinked
from workbench.core.analysis.summary.unsourced import no_source_words
from workbench.core.annotation import STATUSES, TAGS, Annotation, status_words
from workbench.core.terminal_text import invisible_shown


def _where(article_id: str, index: int, titles: Mapping[str, str]) -> str:
    return f"“{titles.get(article_id, article_id)}”, {sentence_label(index)}"


def _source(line: SentenceLine) -> str:
    typed, named = line.source, line.canonical_source
    if not typed:
        return no_source_words(line.annotation)
    return typed if named in (None, typed) else f"{named} (written “{typed}”)"


def _judged_by(line: SentenceLine) -> str:
    """Its analysts, marked ≠ when others judged the sentence differently."""
    return ", ".join(line.annotators) + (" ≠" if line.disagreement else "")


def _notes(line: SentenceLine) -> list[str]:
    """Its notes, whole, each with the analysts who wrote it."""
    return [f"Note ({', '.join(note.annotators)}): {note.note}" for note in line.notes]


def _other_judgements(line: SentenceLine) -> list[str]:
    """How the other analysts judged the sentence, a line each."""
    parts = []
    for other in line.others:
        judged = other.annotation
        source = other.canonical_source or judged.source or no_source_words(judged)
        parts.append(
            f"≠ {', '.join(other.annotators)} judged it: {', '.join(judged.tags) or 'no tag'}, "
            f"{status_words(judged.status)}, source {source}"
        )
    return parts


def ledger_detail(
    group: ClaimGroup,
    number: int,
    line: SentenceLine,
    role: str,
    titles: Mapping[str, str],
) -> str:
    """A claim of a group (role "claim") or a denial aimed at it, with its group."""
    flag = conflict_flag(group)
    sentences = len({(m.article_id, m.index) for m in group.members})
    head = f"Group {number}: {sentences} sentence(s) in {len(group.articles)} article(s)"
    parts = [head + (f" · {flag}" if flag else "")]
    what = "Claim" if role == "claim" else "Denial aimed at the group"
    who = _judged_by(line)
    if line.to_check:
        who += f" {to_check_words(line)}"
    parts.append(
        f"{what} · {_where(line.article_id, line.index, titles)} · "
        f"{status_words(line.status)} · by {who}"
    )
    parts.append(f"Source: {_source(line)}")
    where = (line.article_id, line.index)
    mine = [figure for figure in group.figures if (figure.article_id, figure.index) == where]
    if mine and role == "claim":
        verdict = verdict_words([m for m in group.members if (m.article_id, m.index) == where])
        parts.append(
            "Figures: "
            + "; ".join(figure_words(f, verdict) for f in mine)
            + (f" {TO_CHECK}" if line.unconfirmed else "")
        )
    if line.to_check:
        parts.append(TO_CHECK_NOTE)
    parts.append(f"Text: {line.quote}")
    parts += _notes(line)
    parts += _other_judgements(line)
    if group.sources:
        parts.append(f"Group sources: {', '.join(group.sources)}")
    parts += [
        f"Why the figures conflict: {placed_why(reason.why, reason.low, reason.high, titles)}"
        for reason in group.conflict_reasons
    ]
    if group.denials:
        parts.append(f"Denied by {len(group.denials)} sentence(s) (listed in the ledger)")
    return "\n".join(parts)


def conflict_detail(
    conflict: FigureConflict,
    position: int,
    titles: Mapping[str, str],
    group: int | None,
    unconfirmed: Container[tuple[str, int]] = frozenset(),
    judged: Sequence[SentenceLine] = (),
) -> str:
    """One figure of a conflict, with every reason it conflicts; a figure whose sentence
    is in `unconfirmed` (unconfirmed_sentences) is marked and explained. `judged`: the
    claim lines of its sentence, whose sources and statuses are said per analyst when
    they differ (several analysts' judgements of one sentence)."""
    figure = conflict.figures[position]
    to_check = (figure.article_id, figure.index) in unconfirmed
    part = next(
        found
        for found in conflict_parts(conflict, lambda shown: origin_name(shown, titles))
        if any(member is figure for member in found.conflict.figures)
    )
    values = conflict_values(part.conflict, unconfirmed)
    position = next(n for n, member in enumerate(part.conflict.figures) if member is figure)
    parts = [
        f"⚠ {heading(conflict, part)}: {values}",
        f"{format_value(figure.quantity.value)}{f' {TO_CHECK}' if to_check else ''} "
        f"as written “{figure.quantity.text}” · "
        f"{figure.source or 'unattributed'} · {_where(figure.article_id, figure.index, titles)}"
        + (f" · group {group}" if group is not None else ""),
    ]
    if judged:
        several = len({name for line in judged for name in line.annotators}) > 1
        parts.append(
            f"Source: {per_analyst(judged, line_source, several)} · "
            f"status: {per_analyst(judged, line_status, several)}"
        )
        # the words that decide whether the flag is right, where it is judged (qa6 Q22)
        parts.append(f"Text: {judged[0].quote}")
    figures = part.conflict.figures
    parts += [
        f"Why: {placed_why(pair.why, figures[pair.low], figures[pair.high], titles)}"
        for pair in part.conflict.pairs
        if position in (pair.low, pair.high)
    ]
    if not part.every_pair:
        parts.append("(each figure against the figures farthest from it: not every pair)")
    if to_check:
        parts.append(TO_CHECK_NOTE)
    return "\n".join(parts)


def dismissed_detail(pair: DismissedPair, titles: Mapping[str, str]) -> str:
    """A pair dismissed as not a conflict: its two figures, where and whose, who
    dismissed it, when and why, and how it becomes a conflict again."""
    figures = [
        f"{format_value(figure.quantity.value)} as written “{figure.quantity.text}” · "
        f"{figure.source or 'unattributed'} · {_where(figure.article_id, figure.index, titles)}"
        for figure in (pair.low, pair.high)
    ]
    by = dismissed_by(pair, _one_line)
    return "\n".join(
        [
            f"{DISMISSED_HEADING}: not a conflict ({pair.low.quantity.topic})",
            *figures,
            f"{by[0].upper()}{by[1:]}.",
            "r makes it a conflict again (your own dismissal); u undoes your last step.",
        ]
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def possible_detail(
    pair: PossibleConflict,
    judged: Sequence[Sequence[SentenceLine]],
    titles: Mapping[str, str],
    heading: str,
) -> str:
    """A possible conflict: what the tier is and is worth, what the rule reads of the two
    (why it does not flag them), the reader's probability and why, and each figure with
    where it is, its source per analyst and its sentence."""
    parts = [
        heading,
        MEASURED,
        f"The rule reads {pair.rule.said()}",
        f"Reader: {pair.probability:.2f} · why: {pair.why}",
    ]
    for side, (figure, lines) in enumerate(zip(pair.figures, judged, strict=True)):
        said = f"“{figure.quantity.text}” · {_where(figure.article_id, figure.index, titles)}"
        several = len({name for line in lines for name in line.annotators}) > 1
        source = per_analyst(lines, line_source, several) if lines else None
        parts.append(f"{'vs ' if side else ''}{said} · {source or figure.source or 'unattributed'}")
        if lines:
            parts.append(f"Text: {lines[0].quote}")
    return "\n".join(parts)


def article_detail(row: ArticleRow) -> str:
    sentences = "not known" if row.sentences is None else f"{row.sentences:,}"
    tags = ", ".join(f"{tag} {row.tags[tag]}" for tag in TAGS)
    statuses = ", ".join(f"{status_words(status)} {row.statuses[status]}" for status in STATUSES)
    if row.status_differs:
        statuses += f", status differs {row.status_differs}"
    return "\n".join(
        [
            row.title,
            f"sentences {sentences} · annotated {row.annotated} · tagged {row.tagged}"
            + (f" · judged differently {row.disagreements}" if row.disagreements else ""),
            f"Tags: {tags}",
            f"Statuses: {statuses}",
        ]
    )


def source_detail(row: SourceRow, titles: Mapping[str, str]) -> str:
    """The pane of a source: its names with what draws nothing escaped (tr18)."""
    others = [invisible_shown(v) for v in row.variants if v != row.canonical]
    articles = "; ".join(titles.get(article_id, article_id) for article_id in row.articles)
    named_by = ", ".join(map(invisible_shown, row.annotators))
    return "\n".join(
        [
            f"{invisible_shown(row.canonical)} ({row.kind})",
            f"Also written: {'; '.join(others) or '—'}",
            f"{row.sentences} sentence(s): {row.claims} claim(s), {row.attributions} "
            f"attribution(s), {row.denials} denial(s)",
            f"Articles: {articles}",
            *([f"Named by: {named_by}"] if row.annotators else []),
        ]
    )


def anchoring_detail(
    state: str, annotation: Annotation, tagged: Annotation | None, titles: Mapping[str, str]
) -> str:
    parts = [
        f"{state} · {_where(annotation.article_id, annotation.index, titles)} · "
        f"{annotation.annotator} · {', '.join(annotation.tags) or 'no tag'}",
        f"Text: {annotation.quote}",
    ]
    if tagged is not None and tagged.quote != annotation.quote:
        parts.append(f"As tagged ({sentence_label(tagged.index)}): {tagged.quote}")
    if annotation.source:
        parts.append(f"Source: {annotation.source}")
    if annotation.note:
        parts.append(f"Note: {annotation.note}")
    return "\n".join(parts)


def unlinked_detail(denial: SentenceLine, titles: Mapping[str, str]) -> str:
    """A denial aimed at no claim group: where, by whom, what it denies and why no group
    is linked (qa10 Q8: the screen named them only as a count), and how other analysts
    judged it (fx14: its row said "≠", its pane nothing of the other judgement)."""
    quote = denial.quote
    parts = [
        f"{_where(denial.article_id, denial.index, titles)} · denied by "
        f"{denial.canonical_source or denial.source or no_source_words(denial.annotation)} · "
        f"{_judged_by(denial)}",
        f"Text: {quote}",
        *_notes(denial),
        *_other_judgements(denial),
    ]
    reason = why_unlinked(quote)
    denied = denied_text(quote) if reason != "kind" else None
    if denied is not None:
        parts.append(f"Denies: {denied}")
    parts.append(f"Not linked: {EXPLANATIONS[reason]}")
    return "\n".join(parts)
