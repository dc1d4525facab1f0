"""A summary kept up to date one annotation change at a time (the open summary screen).

SummaryAccumulator holds the annotations of one summary and the last Summary made of
them. A change that leaves the ledger's input alone (a status, a note, the
attribution tag, a verdict: anything but the claim and denial tags, the quote and the
source) is applied to that Summary in place of a rebuild: the totals, the article's
row, its source's row and the lines that show the annotation are made again, nothing
else. Once `prepare()` has made a LiveLedger (ledger/live.py: the ledger kept exact
change by change), a claim or denial tag added or taken away, with the same source, is
patched too: the ledger's groups that changed are made again, the others kept. Any
other change (a source spelled otherwise, an article or analyst appearing), a summary
with merge or split decisions, or one of every analyst, is rebuilt, with the cache of
the previous build (SummaryCache: each quote read once, the sources grouped again only
when their spellings change).

Either way the Summary is the one build_summary gives for the same annotations in key
order (as the store lists them): tests/unit/analysis/test_summary_incremental.py
checks it against a rebuild after every change of random sequences.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from workbench.core.analysis.analysts import Facts, counted, single_fact
from workbench.core.analysis.figures.conflicts import Clash, Figure, Phrases, Reason, explain_parts
from workbench.core.analysis.ledger.claim_text import ClaimTexts
from workbench.core.analysis.ledger.ledger import Conflict, Ledger
from workbench.core.analysis.ledger.live import LiveLedger
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.sources.grouping import SourceGroup
from workbench.core.analysis.sources.speakers import ArticleText, speaker_stance
from workbench.core.analysis.summary.build import (
    SourceNames,
    SummaryCache,
    SummarySettings,
    article_counts,
    build_summary,
    claim_group,
    conflict_rows,
    origin_name,
    single_line,
    sorted_sources,
    source_row,
)
from workbench.core.analysis.summary.model import (
    AnchoringSection,
    ClaimGroup,
    FigureConflict,
    SentenceLine,
    SourceRow,
    Summary,
    Totals,
)
from workbench.core.annotation import STATUSES, TAGS, Annotation, AnnotationKey
from workbench.core.corpus.article_info import ArticleInfo

Listing = str | tuple[str, ...]
"""The id of the one ledger group listing an annotation, or the ids of several."""
LedgerPart = tuple[bool, bool, str, str | None] | None
"""What the ledger reads of an annotation: (claim, denial, quote, source), None if neither."""


def _ledger_part(annotation: Annotation | None) -> LedgerPart:
    if annotation is None:
        return None
    claim, denial = "claim" in annotation.tags, "denial" in annotation.tags
    if not (claim or denial):
        return None
    return (claim, denial, annotation.quote, annotation.source)


def reads_ledger(before: Annotation | None, after: Annotation | None) -> bool:
    """Whether the ledger reads what the change changed (a claim or denial tag, the
    quote or the source of a claim or denial): such a change is patched only once
    the LiveLedger is made."""
    return _ledger_part(before) != _ledger_part(after)


@dataclass(frozen=True, slots=True)
class LivePlan:
    """What a LiveLedger is made from, taken from an accumulator at one moment."""

    annotations: dict[AnnotationKey, Annotation]
    """By key (a copy of the accumulator's: the LiveLedger shares its key tuples)."""
    settings: LedgerSettings
    source_of: SourceNames
    texts: ClaimTexts
    """The summary's quotes read (shared: a quote's reading never changes)."""
    rebuilds: int
    """The accumulator's rebuilds when it was taken."""

    def build(self) -> LiveLedger:
        """The LiveLedger (seconds at 100,000 annotations; touches no accumulator)."""
        return LiveLedger(self.annotations, self.settings, self.source_of, self.texts)


def _spelling(annotation: Annotation | None) -> str | None:
    """The source as group_sources() counts it (None: not counted)."""
    return annotation.source if annotation is not None and annotation.source else None


class SummaryAccumulator:
    """The annotations of one summary, changed one at a time, and their Summary."""

    def __init__(
        self,
        annotations: Iterable[Annotation],
        articles_info: Iterable[ArticleInfo] = (),
        settings: SummarySettings | None = None,
        anchoring: AnchoringSection | None = None,
        texts: Mapping[str, ArticleText] | None = None,
        cache: SummaryCache | None = None,
    ) -> None:
        """`cache`: a previous accumulator's (another analyst's summary of the same
        store), so that its quotes are not read again."""
        self.settings = settings or SummarySettings()
        self._texts = texts
        """The articles' texts, for a pronoun source's speaker (build_summary's texts)."""
        self.cache = cache or SummaryCache()
        self.rebuilds = 0
        """How many summaries were rebuilt rather than patched (for tests and benches)."""
        self._info = tuple(articles_info)
        self._known = frozenset(info.article_id for info in self._info)
        self._anchoring = anchoring
        self._annotations = {a.key: a for a in annotations if self._ours(a)}
        self._summary: Summary | None = None
        self._changes: list[tuple[Annotation | None, Annotation | None]] = []
        # Made at each rebuild, kept up to date by each patch (the screen keeps them for
        # as long as it is open: small lists and tuples, not sets, and each annotation's
        # key one tuple, the one `_annotations` holds):
        self._keys: list[AnnotationKey] = []
        """The annotations' keys, sorted: an article's are together (`_of_article`; a
        list of keys per article was 10,000 lists, 1.8 MB of the open summary screen at
        100,000 annotations)."""
        self._source_rows: dict[str, SourceRow] = {}
        self._source_place: dict[str, int] | None = None
        self._article_place: dict[str, int] | None = None
        self._unlinked_seen = -1
        """The LiveLedger's unlinked_version the unlinked denials were last made for."""
        """Each source row's place in the Summary's sources (made when first needed)."""
        self._where: dict[AnnotationKey, Listing] = {}
        """The ledger groups listing an annotation (as a claim or a denial), by id."""
        self._unlinked: dict[AnnotationKey, SentenceLine] = {}
        """The Summary's unlinked denials, in order."""
        self._positions: dict[str, int] | None = None
        """Each group's place in the Summary's ledger (made when a line needs it)."""
        self._canonical: SourceNames | None = None
        """How the last rebuild named each annotation's speaker."""
        self._live: LiveLedger | None = None
        """The ledger kept change by change, once prepare() made it (None again after
        a rebuild)."""
        self._rows: dict[str, ClaimGroup] = {}
        self._conflict_rows: dict[str, tuple[Conflict, FigureConflict]] = {}
        self._reasons: dict[int, tuple[Clash, Reason]] = {}
        self._phrases = Phrases()
        self._titles: dict[str, str] = {}

    def _ours(self, annotation: Annotation) -> bool:
        return self.settings.annotator is None or annotation.annotator == self.settings.annotator

    @property
    def annotations(self) -> list[Annotation]:
        """The summary's annotations, in key order (as build_summary is given them)."""
        return [self._annotations[key] for key in sorted(self._annotations)]

    def apply(self, before: Annotation | None, after: Annotation | None) -> None:
        """One annotation changed: `before` (None: it is new) became `after` (None: it
        was deleted). Another analyst's annotation changes nothing in a one-analyst
        summary. The Summary is made when next asked for."""
        if before is not None and (after is None or before.key != after.key):
            self._put(before.key, None)
        if after is not None:
            self._put(after.key, after if self._ours(after) else None)

    def apply_differences(
        self, held: Mapping[AnnotationKey, Annotation], now: Mapping[AnnotationKey, Annotation]
    ) -> None:
        """Every annotation that differs between `held` (what it was given) and `now`
        (what was read since), applied: how a follower makes the next summary from the
        last (the command's, cli/followed_summary.py; the screen's, cli/screen_keeper.py).
        An annotation that is the same object, as a read memo gives it again, is not
        compared."""
        for key, before in held.items():
            after = now.get(key)
            if after is None:
                self.apply(before, None)
            elif after is not before and after != before:
                self.apply(before, after)
        for key, after in now.items():
            if key not in held:
                self.apply(None, after)

    def _put(self, key: AnnotationKey, annotation: Annotation | None) -> None:
        old = self._annotations.get(key)
        if old is None and annotation is None:
            return
        if annotation is None:
            del self._annotations[key]
        else:
            self._annotations[key] = annotation
        self._changes.append((old, annotation))

    def summary(self) -> Summary:
        """The Summary of the annotations as they are now."""
        if self._summary is not None and not self._changes:
            return self._summary
        if self._summary is not None and all(self._patchable(*c) for c in self._changes):
            summary = self._summary
            live = self._live
            followed = False
            for old, new in self._changes:
                if live is not None and _ledger_part(old) != _ledger_part(new):
                    live.apply(old, new)
                    followed = True
                summary = self._patched(summary, old, new)
            if live is not None and followed:
                summary = self._with_ledger(summary, live)
        else:
            summary = self._rebuilt()
        self._changes.clear()
        self._summary = summary
        return summary

    def prepare(self) -> None:
        """Make the LiveLedger a claim or denial tag is patched with: about as long as
        a rebuild, so the summary screen makes it in its worker once the summary is
        shown (until then such a tag rebuilds), in two steps that let other changes be
        applied while it is made (`live_plan`, LivePlan.build, `install`). One
        analyst's summary without merge or split decisions only; made again after each
        rebuild."""
        plan = self.live_plan()
        if plan is not None:
            self.install(plan, plan.build())

    def live_plan(self) -> LivePlan | None:
        """What the LiveLedger is made from, taken now (None: nothing to make). Its
        build reads none of this accumulator's state: it can run while changes that
        leave the ledger alone are applied here; one that reaches the ledger rebuilds,
        after which `install` refuses it."""
        summary = self.summary()
        annotator = self.settings.annotator
        if self._live is not None or annotator is None or not summary.totals.annotators:
            return None
        if any(d.annotator in (None, annotator) for d in self.settings.decisions):
            return None  # decisions are replayed on the whole ledger: rebuilt
        assert self._canonical is not None  # made by the rebuild summary() did
        return LivePlan(
            dict(self._annotations),
            self.settings.ledger,
            self._canonical,
            self.cache.texts,
            self.rebuilds,
        )

    def install(self, plan: LivePlan, live: LiveLedger) -> bool:
        """Follow claim and denial tags with `live`, made from `plan`; False (and
        nothing done) when the summary was rebuilt since the plan was taken: its
        ledger is another one."""
        summary = self.summary()
        if self._live is not None or self.rebuilds != plan.rebuilds:
            return False
        # Only changes the ledger does not read were applied since the plan: the
        # LiveLedger made of the annotations then is the one of the annotations now.
        live.take_changed()  # its groups are the Summary's (the same as a build's)
        self._rows = {row.group_id: row for row in summary.ledger}
        self._conflict_rows = {
            conflict.topic: (conflict, row)
            for conflict, row in zip(live.conflicts(), summary.conflicts, strict=True)
        }
        self._titles = {row.article_id: row.short_title for row in summary.articles}
        self._unlinked_seen = live.unlinked_version  # the Summary's are its own
        self._live = live
        return True

    # -- A change the ledger does not read ------------------------------------------------

    def _patchable(self, old: Annotation | None, new: Annotation | None) -> bool:
        """True when the change leaves every group, figure and conflict as they are and
        changes no article or analyst listed: only counts and lines change."""
        if self.settings.annotator is None:
            return False  # every analyst's: a change can make or end a disagreement
        if not all(counted(a) for a in (old, new) if a is not None):
            return False  # to check: counted in no table, so the tables are made again
        if not self._annotations or self._summary is None or not self._summary.totals.annotators:
            return False  # the analyst appears in or leaves the summary
        if _spelling(old) != _spelling(new) or speaker_stance(old) != speaker_stance(new):
            return False  # another speaker: its source's row and group may change
        if _ledger_part(old) != _ledger_part(new) and self._live is None:
            return False
        if old is None or new is None:
            # an article only annotations name has a row only while it has some
            present = old or new
            return present is not None and present.article_id in self._known
        return True

    def _patched(self, summary: Summary, old: Annotation | None, new: Annotation | None) -> Summary:
        canonical = self._canonical
        assert canonical is not None  # a patch follows a rebuild
        present = new or old
        assert present is not None
        key, article_id = present.key, present.article_id
        keys = self._keys
        place = bisect_left(keys, key)
        there = place < len(keys) and keys[place] == key
        if new is None and there:
            del keys[place]
        elif new is not None and not there:
            keys.insert(place, key)
        changed = self._of_article(key[0], article_id)
        articles = summary.articles
        if self._article_place is None:  # patches replace rows, never move them
            self._article_place = {row.article_id: n for n, row in enumerate(articles)}
        position = self._article_place[article_id]
        row = dataclasses.replace(articles[position], **article_counts(self._facts(changed)))
        sources = summary.sources
        # the same source at the same sentence: the same speaker as at the last rebuild
        name = canonical(present) if _spelling(present) is not None else None
        if name is not None and old is not None and new is not None:
            sources = self._source_retagged(sources, name, old, new)
        elif name is not None:  # (a source appearing or going is rebuilt: _patchable)
            named = [k for k, a in self._annotations.items() if a.source and canonical(a) == name]
            self._source_rows[name] = source_row(self._source_group(name), self._facts(named))
            sources = sorted_sources(self._source_rows.values())
            self._source_place = None
        ledger, unlinked = summary.ledger, summary.unlinked_denials
        listed = _gids(self._where.get(key))
        if new is not None and (listed or key in self._unlinked):
            line = single_line(new, canonical)
            if listed:
                # a tag the LiveLedger follows: the ledger is made from the rows after
                ledger = self._line_replaced(
                    ledger, listed, key, line, rows_only=_ledger_part(old) != _ledger_part(new)
                )
            if key in self._unlinked:
                self._unlinked[key] = line
                unlinked = tuple(self._unlinked.values())
        return dataclasses.replace(
            summary,
            totals=_totals_after(summary.totals, old, new, len(self._annotations)),
            articles=(*articles[:position], row, *articles[position + 1 :]),
            sources=sources,
            ledger=ledger,
            unlinked_denials=unlinked,
        )

    def _source_retagged(
        self, sources: tuple[SourceRow, ...], name: str, old: Annotation, new: Annotation
    ) -> tuple[SourceRow, ...]:
        """The sources with the row of `name` counting the sentence's tags as `new` has
        them (the same sentence, the same speaker: its place in the order is the same)."""
        row = self._source_rows[name]
        counts = {
            field: getattr(row, field) + (tag in new.tags) - (tag in old.tags)
            for field, tag in (("claims", "claim"), ("attributions", "attribution"),
                               ("denials", "denial"))
        }  # fmt: skip
        if all(getattr(row, field) == count for field, count in counts.items()):
            return sources
        row = self._source_rows[name] = dataclasses.replace(row, **counts)
        if self._source_place is None:
            self._source_place = {found.canonical: n for n, found in enumerate(sources)}
        place = self._source_place[name]
        return (*sources[:place], row, *sources[place + 1 :])

    def _of_article(self, annotator: str, article_id: str) -> list[AnnotationKey]:
        """The keys of one analyst's annotations of an article (one analyst's summary:
        every key has that analyst)."""
        keys = self._keys
        start = bisect_left(keys, (annotator, article_id))
        return keys[start : bisect_left(keys, (annotator, article_id + "\0"), start)]

    def _facts(self, keys: Iterable[AnnotationKey]) -> list[Facts]:
        canonical = self._canonical
        assert canonical is not None
        found = (self._annotations[key] for key in keys)
        return [single_fact(annotation, canonical) for annotation in found if counted(annotation)]

    def _source_group(self, canonical: str) -> SourceGroup:
        assert self._canonical is not None
        return next(group for group in self._canonical.groups if group.canonical == canonical)

    # -- A rebuild ------------------------------------------------------------------------

    def _rebuilt(self) -> Summary:
        self.rebuilds += 1
        annotations = self.annotations
        summary = build_summary(
            annotations,
            self._info,
            self.settings,
            self._anchoring,
            cache=self.cache,
            texts=self._texts,
        )
        canonical = self.cache.names
        assert canonical is not None  # every build names its speakers in its cache
        self._canonical = canonical
        self._keys = sorted(self._annotations)
        order = {group.canonical: n for n, group in enumerate(canonical.groups)}
        self._source_rows = {
            row.canonical: row for row in sorted(summary.sources, key=lambda r: order[r.canonical])
        }
        self._source_place = self._article_place = None
        where: defaultdict[AnnotationKey, list[str]] = defaultdict(list)
        for group in summary.ledger:
            gid = group.group_id
            for line in (*group.members, *group.denials):
                found = where[line.key]
                if not found or found[-1] != gid:
                    found.append(gid)
        self._where = {key: _listing(where[key]) for key in self._annotations if key in where}
        self._unlinked = {line.key: line for line in summary.unlinked_denials}
        self._positions = None
        self._live = None
        self._rows, self._conflict_rows, self._reasons = {}, {}, {}
        self._phrases = Phrases()
        return summary

    # -- A claim or denial tag, followed by the LiveLedger -------------------------------

    def _with_ledger(self, summary: Summary, live: LiveLedger) -> Summary:
        """The Summary with the ledger's groups that changed made again (the others
        kept, as patched), its conflicts and unlinked denials."""
        canonical = self._canonical
        assert canonical is not None
        annotations = self._annotations
        made: dict[AnnotationKey, SentenceLine] = {}

        def line(annotation: Annotation) -> SentenceLine:
            """The line of the annotation as it is now (the ledger may hold it as it was
            when its group was last made)."""
            key = annotation.key
            found = made.get(key)
            if found is None:
                found = made[key] = single_line(annotations[key], canonical)
            return found

        rows, where = self._rows, self._where
        for gid in live.take_changed():
            old = rows.pop(gid, None)
            before: set[AnnotationKey] = set()
            if old is not None:
                # its lines are the annotations' as they are now (each patch replaces
                # an annotation's line in the rows listing it): a group of a thousand
                # claims gaining one remade a thousand lines
                for listed in (*old.members, *old.denials):
                    made.setdefault(listed.key, listed)
                    before.add(listed.key)
            group = live.group(gid)
            after: set[AnnotationKey] = set()
            if group is not None:
                row = rows[gid] = claim_group(group, line, self._why)
                after.update(listed.key for listed in (*row.members, *row.denials))
            for key in before - after:
                _unlisted(where, key, gid)
            for key in after - before:
                _listed(where, key, gid)
        self._positions = None
        if live.unlinked_version != self._unlinked_seen:  # else as patched
            kept = self._unlinked
            self._unlinked = {
                key: kept.get(key) or line(annotations[key]) for key in live.unlinked()
            }
            self._unlinked_seen = live.unlinked_version
        return dataclasses.replace(
            summary,
            ledger=tuple(map(rows.__getitem__, live.order())),
            conflicts=tuple(map(self._conflict_row, live.conflicts())),
            unlinked_denials=tuple(self._unlinked.values()),
        )

    def _why(self, clash: Clash) -> Reason:
        """The clash explained as build_summary() explains it (kept per clash)."""
        found = self._reasons.get(id(clash))
        if found is None:
            titles = self._titles

            def name(figure: Figure) -> str:
                return origin_name(figure, titles)

            found = self._reasons[id(clash)] = (
                clash,
                explain_parts(clash, name, self._phrases),
            )
        return found[1]

    def _conflict_row(self, conflict: Conflict) -> FigureConflict:
        kept = self._conflict_rows.get(conflict.topic)
        if kept is not None and kept[0] is conflict:
            return kept[1]
        row = conflict_rows(Ledger(groups=(), conflicts=(conflict,)), self._why)[0]
        self._conflict_rows[conflict.topic] = (conflict, row)
        return row

    def _line_replaced(
        self,
        ledger: tuple[ClaimGroup, ...],
        gids: Iterable[str],
        key: AnnotationKey,
        line: SentenceLine,
        rows_only: bool = False,
    ) -> tuple[ClaimGroup, ...]:
        """The ledger with the line of `key` replaced in these groups (and in the rows
        the LiveLedger's changes are made on; `rows_only`: there only)."""
        if rows_only and self._live is not None:
            for gid in gids:
                self._rows[gid] = _line_in(self._rows[gid], key, line)
            return ledger
        if self._positions is None:
            self._positions = {group.group_id: n for n, group in enumerate(ledger)}
        positions = self._positions
        replaced = _with_line(ledger, [positions[gid] for gid in gids], key, line)
        if self._live is not None:
            for gid in gids:
                self._rows[gid] = replaced[positions[gid]]
        return replaced


def _listing(gids: Sequence[str]) -> Listing:
    """The groups listing an annotation as `_where` keeps them: the id alone when one
    (almost every annotation: 60,000 one-id tuples were 3 MB of the open summary)."""
    return gids[0] if len(gids) == 1 else tuple(gids)


def _gids(found: Listing | None) -> tuple[str, ...]:
    """The ids of a `_where` entry (none for None)."""
    if found is None:
        return ()
    return (found,) if isinstance(found, str) else found


def _listed(where: dict[AnnotationKey, Listing], key: AnnotationKey, gid: str) -> None:
    """The annotation listed in the group too."""
    found = _gids(where.get(key))
    if gid not in found:
        where[key] = _listing((*found, gid))


def _unlisted(where: dict[AnnotationKey, Listing], key: AnnotationKey, gid: str) -> None:
    """The annotation no longer listed in the group (and out of `where` once in none)."""
    found = _gids(where.get(key))
    if gid in found:
        rest = [listed for listed in found if listed != gid]
        if rest:
            where[key] = _listing(rest)
        else:
            del where[key]


def _with_line(
    ledger: tuple[ClaimGroup, ...], positions: list[int], key: AnnotationKey, line: SentenceLine
) -> tuple[ClaimGroup, ...]:
    """The ledger with the line of `key` replaced in the groups at `positions`."""
    groups = list(ledger)
    for position in dict.fromkeys(positions):
        groups[position] = _line_in(groups[position], key, line)
    return tuple(groups)


def _line_in(group: ClaimGroup, key: AnnotationKey, line: SentenceLine) -> ClaimGroup:
    return dataclasses.replace(
        group,
        members=tuple(line if m.key == key else m for m in group.members),
        denials=tuple(line if d.key == key else d for d in group.denials),
    )


def _totals_after(
    totals: Totals, old: Annotation | None, new: Annotation | None, count: int
) -> Totals:
    """One analyst's totals with `old` taken out and `new` put in (a sentence is one
    annotation, so counts move by one)."""
    tags, statuses = dict(totals.tags), dict(totals.statuses)
    suggestions = dict(totals.suggestions)
    tagged = totals.tagged
    for annotation, step in ((old, -1), (new, 1)):
        if annotation is None:
            continue
        tagged += step if annotation.tags else 0
        suggestions[annotation.suggestion_outcome] += step
        for tag in annotation.tags:
            if tag in tags:
                tags[tag] += step
        if annotation.status in statuses:
            statuses[annotation.status] += step
    return dataclasses.replace(
        totals,
        annotations=count,
        sentences=count - totals.to_check,
        tagged=tagged,
        tags={tag: tags[tag] for tag in TAGS},
        statuses={status: statuses[status] for status in STATUSES},
        suggestions=suggestions,
    )
