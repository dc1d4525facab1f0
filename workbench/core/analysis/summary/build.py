"""Building the summary: per article, per source, the claim ledger and conflicting figures.

build_summary() turns annotations into a `Summary` (model.py) that the CLI prints
(as Markdown or, through Summary.to_json(), as the JSON of docs/summary.md) and the
summary screen shows. It is built from the typed Ledger, its groups and figures
directly: each annotation listed is one SentenceLine, shared by every group that lists it.

A summary is one analyst's (SummarySettings.annotator) or every analyst's (None): then
each sentence counts once, each distinct judgement of it is one line naming its
analysts, and a sentence they judged differently is marked (analysts.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.core.analysis.analysts import Analysts, Facts, counted
from workbench.core.analysis.figures.conflicts import (
    Clash,
    Figure,
    Phrases,
    Reason,
    explain_parts,
)
from workbench.core.analysis.ledger.claim_text import ClaimTexts
from workbench.core.analysis.ledger.decisions import LedgerDecision
from workbench.core.analysis.ledger.dismissals import place_of
from workbench.core.analysis.ledger.ledger import Ledger, LedgerGroup, build_ledger
from workbench.core.analysis.ledger.other_texts import on_texts_read
from workbench.core.analysis.ledger.readings import Readings
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.sources.grouping import (
    SourceGroup,
    canonical_source,
    group_sources,
    source_index,
    titles_written,
)
from workbench.core.analysis.sources.speakers import ArticleText, Speakers
from workbench.core.analysis.sources.women import GENDERED_PRONOUNS, TypedSource, women_named
from workbench.core.analysis.summary.model import (
    AnalystNote,
    AnchoringSection,
    ArticleRow,
    ClaimGroup,
    ConflictPair,
    ConflictReason,
    Counts,
    FigureConflict,
    OtherJudgement,
    SentenceLine,
    SourceRow,
    Summary,
    Totals,
)
from workbench.core.analysis.summary.possible import ReadingCache
from workbench.core.annotation import CHECK, STATUSES, SUGGESTION_OUTCOMES, TAGS, Annotation
from workbench.core.collector import paused_gc
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.titles import short_titles

Canonical = Callable[[Annotation], str | None]
LineOf = Callable[[Annotation], SentenceLine]
Why = Callable[[Clash], Reason]


@dataclass(frozen=True, slots=True)
class SummarySettings:
    """What build_summary needs besides the annotations."""

    ledger: LedgerSettings = field(default_factory=LedgerSettings)
    decisions: tuple[LedgerDecision, ...] = ()
    """The analysts' merge/split decisions (decisions_from_records(store.ledger_decisions())),
    oldest first."""
    annotator: str | None = None
    """Whose summary: one analyst's (their annotations and decisions), None for all."""


@dataclass
class SummaryCache:
    """What one build leaves for the next build of the same summary (the screen rebuilds
    after every change; SummaryAccumulator keeps one): nothing in it can go stale."""

    texts: ClaimTexts = field(default_factory=ClaimTexts)
    """What the ledger read in each quote."""
    spellings: (
        tuple[tuple[tuple[str, int], ...], tuple[tuple[str, frozenset[str]], ...], frozenset[str]]
        | None
    ) = None
    """The source spellings the last build grouped, in order met, with their counts, the
    titles written before the full names (titles_written) and the women (women_named)."""
    sources: list[SourceGroup] = field(default_factory=list)
    """How they were grouped."""
    names: SourceNames | None = None
    """How the last build named each annotation's speaker (SummaryAccumulator patches
    that build's Summary with it)."""
    readings: Readings | None = None
    """Readings restored from the store for the next build (the summary screen's first):
    that build uses them and leaves None here (what it read is in their `added`)."""
    reading: ReadingCache = field(default_factory=ReadingCache)
    """The quotes the possible conflicts' reader read (summary/possible.py), for the
    next summary's."""


def build_summary(
    annotations: Iterable[Annotation],
    articles_info: Iterable[ArticleInfo] = (),
    settings: SummarySettings | None = None,
    anchoring: AnchoringSection | None = None,
    cache: SummaryCache | None = None,
    texts: Mapping[str, ArticleText] | None = None,
    readings: Readings | None = None,
) -> Summary:
    """Everything the summary shows.

    `articles_info` holds the known articles (title and sentence count). Articles with
    annotations but no info are listed with their id as title and sentences None.
    `anchoring` is the section only a caller with the corpus can make (anchor_report.py).
    `cache`, given again to the next build, makes that one cheaper (SummaryCache).
    `texts` (article id -> article, e.g. Corpus.by_id) lets a pronoun source count under
    the speaker it names (sources/speakers.py); without it "he" stays apart in each
    article.
    `readings` (readings.Readings, restored from the store) gives what was read before in
    quotes and pronouns, so they are not read again; what this build read that it did not
    give is left in `readings.added` (for a writer to keep). The summary is the same with
    or without them.
    """
    if cache is not None and cache.readings is not None:
        readings, cache.readings = readings or cache.readings, None
    with paused_gc(promote=True):
        return _build_summary(
            list(annotations),
            articles_info,
            settings or SummarySettings(),
            anchoring,
            cache,
            texts,
            readings,
        )


def _named_by(speakers: Speakers, annotation: Annotation, source: str) -> str:
    """Whom a source names for women_named: the speaker a "she" or "he" resolves to
    (only those tell a gender; reading the others would cost every build), else itself."""
    if source.strip().lower() in GENDERED_PRONOUNS:
        return speakers.speaker(annotation) or source
    return source


def _source_groups(
    sources: list[str],
    written: dict[str, frozenset[str]],
    women: frozenset[str],
    cache: SummaryCache | None,
) -> list[SourceGroup]:
    """group_sources() of the sources (`written`: the titles the sentences of each full
    name typed without one write before it, titles_written; `women`: the full names the
    annotations show to be a woman's, women_named), or the cache's when they are the
    same spellings, met in the same order, as many times each, titles and women."""
    if cache is None:
        return group_sources(sources, written, women)
    spellings = (tuple(Counter(sources).items()), tuple(sorted(written.items())), women)
    if spellings != cache.spellings:
        cache.sources = group_sources(sources, written, women)
        cache.spellings = spellings
    return cache.sources


def _build_summary(
    annotations: list[Annotation],
    articles_info: Iterable[ArticleInfo],
    settings: SummarySettings,
    anchoring: AnchoringSection | None,
    cache: SummaryCache | None = None,
    texts: Mapping[str, ArticleText] | None = None,
    readings: Readings | None = None,
) -> Summary:
    decisions = settings.decisions
    if settings.annotator is not None:
        annotations = [a for a in annotations if a.annotator == settings.annotator]
        decisions = tuple(d for d in decisions if d.annotator in (None, settings.annotator))
    articles_info = list(articles_info)
    read = {info.article_id: info.sha256 for info in articles_info if info.sha256}
    decisions = on_texts_read(decisions, read)
    names = SourceNames(annotations, articles_info, texts, cache, readings)
    if cache is not None:
        cache.names = names
    groups = names.groups
    canonical = named_once(names)

    analysts = Analysts(annotations, canonical)
    quotes = cache.texts if cache is not None else ClaimTexts() if readings is not None else None
    if quotes is not None and readings is not None:
        quotes.reader = readings.claim_text
    try:
        ledger = build_ledger(
            analysts.shown,
            settings.ledger,
            decisions,
            canonical,
            lambda a: [(name, a.article_id, a.index) for name in analysts.line(a).annotators],
            quotes,
        )
    finally:
        if quotes is not None:
            quotes.reader = None  # the cache outlives the build; the restored readings not
    facts = analysts.facts
    articles = _articles(facts, articles_info)
    titles = {row.article_id: row.short_title for row in articles}
    lines: dict[int, SentenceLine] = {}

    def line(annotation: Annotation) -> SentenceLine:
        """One line per annotation, shared by every group that lists it (the ledger holds
        each annotation object once, so its id names it while the ledger lives)."""
        found = lines.get(id(annotation))
        if found is None:
            found = lines[id(annotation)] = _line(annotation, canonical, analysts)
        return found

    reasons: dict[int, Reason] = {}
    phrases = Phrases()

    def name(figure: Figure) -> str:
        return origin_name(figure, titles)

    def why(clash: Clash) -> Reason:
        """The clash explained, with an unattributed figure named by its article's title."""
        found = reasons.get(id(clash))
        if found is None:
            found = reasons[id(clash)] = explain_parts(clash, name, phrases)
        return found

    return Summary(
        annotator=settings.annotator,
        totals=_totals(annotations, facts, analysts.names),
        articles=articles,
        sources=_sources(facts, groups, _source_analysts(annotations, analysts)),
        ledger=tuple(claim_group(group, line, why) for group in ledger.groups),
        unlinked_denials=_unlinked_denials(analysts, ledger.groups, line),
        conflicts=conflict_rows(ledger, why),
        ignored_decisions=ledger.ignored_decisions,
        settings=settings.ledger,
        anchoring=anchoring,
        dismissed=ledger.dismissed,
    )


def named_once(names: Canonical) -> Canonical:
    """`names` asked once per annotation over one build. The build asks the speaker of
    an annotation several times (its facts, its figures, its line, and a denial's once
    for each group it is aimed at: 173,000 times for 80,000 annotations at 100,000,
    tok13), and a pronoun's is read again each time. Each answer is kept with its
    annotation, so an id is never taken for another object's."""
    found: dict[int, tuple[Annotation, str | None]] = {}

    def named(annotation: Annotation) -> str | None:
        known = found.get(id(annotation))
        if known is not None and known[0] is annotation:
            return known[1]
        name = names(annotation)
        found[id(annotation)] = (annotation, name)
        return name

    return named


def origin_name(figure: Figure, titles: Mapping[str, str]) -> str:
    """Who gives a figure: its source, or for an unattributed claim its article."""
    return figure.source or f"article “{titles.get(figure.article_id, figure.article_id)}”"


def _counts(facts: Sequence[Facts]) -> tuple[dict[str, int], dict[str, int]]:
    """Sentences per tag (given by any analyst) and per status (agreed by all).

    Counted in plain loops: this runs once per article (10,000 of them), where building
    two Counters cost more than the counting.
    """
    tags = dict.fromkeys(TAGS, 0)
    statuses = dict.fromkeys(STATUSES, 0)
    for fact in facts:
        for tag in fact.tags:
            if tag in tags:
                tags[tag] += 1
        if fact.status in statuses:
            statuses[fact.status] += 1
    return tags, statuses


def _totals(annotations: Sequence[Annotation], facts: Sequence[Facts], names: list[str]) -> Totals:
    tags, statuses = _counts(facts)
    return Totals(
        annotations=len(annotations),
        sentences=len(facts),
        tagged=sum(1 for f in facts if f.tags),
        annotators=tuple(names),
        disagreements=sum(1 for f in facts if f.disagreement),
        tags=tags,
        statuses=statuses,
        suggestions=suggestion_outcomes(annotations),
        to_check=sum(1 for a in annotations if not counted(a)),
    )


def suggestion_outcomes(annotations: Iterable[Annotation]) -> dict[str, int]:
    """Records per outcome of the suggestion shown (each analyst's record counts: each
    was shown its own)."""
    counts = dict.fromkeys(SUGGESTION_OUTCOMES, 0)
    for annotation in annotations:
        counts[annotation.suggestion_outcome] += 1
    return counts


class SourceNames:
    """How a summary names each annotation's speaker: the canonical spelling of its
    source's group, and for a pronoun or role source the speaker it resolves to
    (sources/speakers.py). Called with an annotation, it gives that name."""

    def __init__(
        self,
        annotations: Sequence[Annotation],
        articles_info: Sequence[ArticleInfo],
        texts: Mapping[str, ArticleText] | None,
        cache: SummaryCache | None,
        readings: Readings | None = None,
    ) -> None:
        def title_of(article_id: str) -> str:
            if not short:
                annotated = {a.article_id for a in annotations}
                short.update(ArticleTitles(articles_info, annotated).short)
            return short.get(article_id, article_id)

        short: dict[str, str] = {}
        # an article whose text is not at hand: its sources' speakers as the provenance
        # tells them on the text the store last saw (the sha256 it remembers)
        remembered = {info.article_id: info.sha256 for info in articles_info if info.sha256}
        self.speakers = speakers = Speakers(annotations, texts, title_of, remembered, readings)
        written = titles_written((a.source, a.quote) for a in annotations if a.source)
        women = women_named(
            TypedSource(a.source, _named_by(speakers, a, a.source), a.quote, a.article_id)
            for a in annotations
            if a.source
        )
        grouped = _source_groups(list(speakers.sources(annotations)), written, women, cache)
        self._index = source_index(grouped)  # a resolved speaker's name too, typed or not
        for spelling, name in speakers.spellings(self._index).items():
            self._index.setdefault(spelling, name)  # "Mr. Austin" resolved, not typed as is
        self.groups = speakers.place(grouped)
        """The source groups the summary lists (with "he → …" and unresolved pronouns)."""
        self._memo: dict[str | None, str | None] = {}

    def spelled(self, source: str | None) -> str | None:
        """The canonical name of a spelling."""
        memo = self._memo
        if source not in memo:
            memo[source] = canonical_source(self._index, source)
        return memo[source]

    def __call__(self, annotation: Annotation) -> str | None:
        source = annotation.source
        speakers = self.speakers
        if speakers.resolves(source):
            speaker = speakers.speaker(annotation)
            if speaker is not None:
                return self.spelled(speaker)
            unresolved = speakers.unresolved_name(annotation)
            if unresolved is not None:
                return unresolved
        return self.spelled(source)


def _articles(
    facts: Sequence[Facts], articles_info: Iterable[ArticleInfo]
) -> tuple[ArticleRow, ...]:
    by_article: dict[str, list[Facts]] = defaultdict(list)
    for fact in facts:
        by_article[fact.article_id].append(fact)
    titles = ArticleTitles(articles_info, by_article)
    return tuple(
        titles.row(article_id, by_article.get(article_id, [])) for article_id in titles.ids
    )


class ArticleTitles:
    """The articles a summary lists (the known ones and the annotated ones) with their
    titles, and each one's row."""

    def __init__(self, articles_info: Iterable[ArticleInfo], annotated: Iterable[str]) -> None:
        self.info = {known.article_id: known for known in articles_info}
        self.ids = sorted(set(self.info).union(annotated))
        self.titles = {
            article_id: (known.title if (known := self.info.get(article_id)) else None)
            or article_id
            for article_id in self.ids
        }
        self.short = short_titles(self.titles.items())

    def row(self, article_id: str, found: Sequence[Facts]) -> ArticleRow:
        """The row of one article, from its sentences' facts."""
        known = self.info.get(article_id)
        return ArticleRow(
            article_id=article_id,
            title=self.titles[article_id],
            short_title=self.short[article_id],
            sentences=None if known is None else known.sentences,
            **article_counts(found),
        )


def article_counts(found: Sequence[Facts]) -> dict[str, Any]:
    """An article row's counts, from the facts of its annotated sentences."""
    tags, statuses = _counts(found)
    return {
        "annotated": len(found),
        "tagged": sum(1 for f in found if f.tags),
        "disagreements": sum(1 for f in found if f.disagreement),
        "tags": _shared_counts(tags),
        "statuses": _shared_counts(statuses),
    }


_EQUAL_COUNTS: dict[tuple[tuple[str, int], ...], Counts] = {}
"""One dict per distinct set of an article row's counts (rows are read, never changed:
Counts is a Mapping). Two per article, 10,000 articles: 20,000 small dicts were about
4 MB of the open summary screen; a few hundred differ."""
_MOST_COUNTS = 100_000
"""Distinct sets kept at most (then the cache starts again)."""


def _shared_counts(counts: dict[str, int]) -> Counts:
    key = tuple(counts.items())
    shared = _EQUAL_COUNTS.get(key)
    if shared is None:
        if len(_EQUAL_COUNTS) >= _MOST_COUNTS:
            _EQUAL_COUNTS.clear()
        shared = _EQUAL_COUNTS[key] = counts
    return shared


def _sources(
    facts: Sequence[Facts],
    groups: Sequence[SourceGroup],
    analysts_of: Mapping[str, tuple[str, ...]] | None = None,
) -> tuple[SourceRow, ...]:
    of_source: dict[str, list[Facts]] = defaultdict(list)
    for fact in facts:
        for name in fact.sources:
            of_source[name].append(fact)
    named_by = analysts_of or {}
    rows = (
        source_row(group, of_source.get(group.canonical, []), named_by.get(group.canonical, ()))
        for group in groups
    )
    # a speaker only annotations still to check name is counted nowhere: no row of zeros
    return sorted_sources(row for row in rows if row.sentences)


def sorted_sources(rows: Iterable[SourceRow]) -> tuple[SourceRow, ...]:
    """Most sentences first (groups come sorted by name, so ties stay by name)."""
    return tuple(sorted(rows, key=lambda row: (-row.sentences, row.canonical.lower())))


def _source_analysts(
    annotations: Sequence[Annotation], analysts: Analysts
) -> dict[str, tuple[str, ...]] | None:
    """In a summary of several analysts: each canonical source, the analysts who named it
    on an annotation counted (None with one analyst: the table names no analyst)."""
    if analysts.single:
        return None
    named: dict[str, set[str]] = defaultdict(set)
    for annotation in annotations:
        if annotation.source and counted(annotation):
            name = analysts.canonical(annotation)
            if name is not None:
                named[name].add(annotation.annotator)
    return {name: tuple(sorted(by)) for name, by in named.items()}


def source_row(
    group: SourceGroup, found: Sequence[Facts], annotators: tuple[str, ...] = ()
) -> SourceRow:
    """One speaker's row, from the facts of the sentences naming them (`annotators`: who
    named them, in a summary of several analysts)."""
    return SourceRow(
        canonical=group.canonical,
        kind=group.kind,
        variants=tuple(group.variants),
        articles=tuple(sorted({f.article_id for f in found})),
        sentences=len(found),
        claims=sum(1 for f in found if "claim" in f.tags),
        attributions=sum(1 for f in found if "attribution" in f.tags),
        denials=sum(1 for f in found if "denial" in f.tags),
        annotators=annotators,
    )


def _unlinked_denials(
    analysts: Analysts, groups: Sequence[LedgerGroup], line: LineOf
) -> tuple[SentenceLine, ...]:
    """Denials the ledger could not aim at any claim group: listed so none goes unseen.
    Not another analyst's judgement of a group member's sentence that the member's line
    shows as its ≠ (qa7 Q1: the sentence was listed twice, once in its group)."""
    linked = {denial.key for group in groups for denial in group.denials}
    if not analysts.single:
        for group in groups:
            for member in group.members:
                linked.update(
                    other.annotation.key
                    for other in analysts.others(member)
                    if "claim" not in other.annotation.tags  # a claim: a member, its own line
                )
    return tuple(
        line(annotation)
        for annotation in analysts.shown
        if "denial" in annotation.tags and annotation.key not in linked
    )


def _line(annotation: Annotation, canonical: Canonical, analysts: Analysts) -> SentenceLine:
    merged = analysts.merged(annotation)
    if merged is None:  # one analyst's line, as almost every line is
        return single_line(annotation, canonical)
    return SentenceLine(
        annotation,
        canonical(annotation),
        merged.annotators,
        tuple(AnalystNote(who, text) for who, text in merged.notes),
        tuple(
            OtherJudgement(other.annotators, other.annotation, canonical(other.annotation))
            for other in analysts.others(annotation)
        ),
        merged.to_check,
    )


_ALONE: dict[str, tuple[str]] = {}
"""One (name,) per analyst, shared by every line of theirs (the open summary screen
keeps 60,000 lines at 100,000 annotations: about 4 MB of equal tuples otherwise)."""


def _alone(name: str) -> tuple[str]:
    found = _ALONE.get(name)
    if found is None:
        found = _ALONE[name] = (name,)
    return found


def single_line(annotation: Annotation, canonical: Canonical) -> SentenceLine:
    """The line of a sentence only its own analyst recorded."""
    name, note = _alone(annotation.annotator), annotation.note
    return SentenceLine(
        annotation,
        canonical(annotation),
        name,
        (AnalystNote(name, note),) if note else (),
        (),
        name if annotation.anchor_state == CHECK else (),
    )


def claim_group(group: LedgerGroup, line: LineOf, why: Why) -> ClaimGroup:
    """A ledger group as the summary shows it (SummaryAccumulator remakes changed ones)."""
    if len(group.members) > 1 and group.members[0].annotator != group.members[-1].annotator:
        # several analysts: the lines of one sentence together, figures once per sentence
        ordered = sorted(group.members, key=lambda m: (m.article_id, m.index, m.annotator))
        members = tuple(line(m) for m in ordered)
        shown = tuple(
            {
                (f.article_id, f.index, f.quantity.start, f.quantity.end): f for f in group.figures
            }.values()
        )
    else:
        members = tuple(line(m) for m in group.members)
        shown = group.figures
    # a source only judgements made on other words (to check) give is not the group's
    if len(members) == 1:
        only = None if members[0].unconfirmed else members[0].canonical_source
        articles: tuple[str, ...] = (group.members[0].article_id,)
        sources: tuple[str, ...] = (only,) if only else ()
    else:
        articles = tuple(sorted({m.article_id for m in group.members}))
        sources = tuple(
            sorted({s for m in members if (s := m.canonical_source) and not m.unconfirmed})
        )
    return ClaimGroup(
        group_id=group.id,
        members=members,
        articles=articles,
        sources=sources,
        denials=tuple(line(d) for d in group.denials),
        figures=shown,
        conflict=group.conflict,
        conflict_topics=group.conflict_topics,
        conflict_reasons=tuple(
            ConflictReason(why(clash), clash.low, clash.high) for clash in group.clashes
        ),
    )


def conflict_rows(ledger: Ledger, why: Why) -> tuple[FigureConflict, ...]:
    """The summary's conflict rows (SummaryAccumulator remakes them when they change)."""
    rows = []
    dismissed = frozenset(pair.pair for pair in ledger.dismissed)
    for conflict in ledger.conflicts:
        position = {id(figure): n for n, figure in enumerate(conflict.figures)}
        places = {place_of(figure) for figure in conflict.figures} if dismissed else set()
        rows.append(
            FigureConflict(
                topic=conflict.topic,
                what=conflict.what,
                who=conflict.who,
                values=tuple(conflict.values),
                figures=conflict.figures,
                pairs=tuple(
                    ConflictPair(position[id(clash.low)], position[id(clash.high)], why(clash))
                    for clash in conflict.clashes
                ),
                groups=conflict.groups,
                dismissed=frozenset(pair for pair in dismissed if pair <= places)
                if dismissed
                else frozenset(),
            )
        )
    return tuple(rows)
