"""Possible conflicts: figures that may measure the same thing and disagree (check them).

A second tier beside the rule's conflicts (figures/conflicts.py), never mixed with
them: two claimed sentences the rule does not flag, given by two accounts (two sources,
or one source in two articles: conflicts.figure_account), whose figures
the trained reader (figures/conflict_model.py) scores at or above its threshold. The
rule's conflicts, counts and flags are left exactly as they are. Measured once on
unseen text (80 sentence pairs each, docs/summary-measurements.md): on blind set 15 the rule or the
reader (conflict-model-1) 0.86 precision / 0.62 recall; on blind set 16
conflict-model-2, the same reader trained on blind set 15 too, 0.89 / 0.60; on blind set
17 conflict-model-3, trained on blind set 16 too, 0.83 / 0.75; on blind set 19
conflict-model-5, conflict-model-3 retrained once one source in two articles is compared,
0.85 / 0.85; on blind set 20, with session 20's readings, 0.84 / 0.80; on blind set 21,
its weights regenerated on session 21's readings, 0.89 / 0.82 (MEASURED).

Candidates are not every pair of sentences: each claimed sentence with a figure is
filed in an inverted index under (dimension, stem) for each word around each figure and
(dimension, name) for each name in the sentence, and two sentences are compared only
when they share MIN_SHARED keys. A key held by more than BLOCK_CAP sentences is too
common to tell one event apart (a word of every story: "troops", "Russia") and compares
nothing; the sentences may still meet through rarer keys. So the pairs judged are at
most BLOCK_CAP²/2 per key, and linear in the sentences. A sentence giving more than
FIGURE_CAP figures (a table) is not compared at all, and counted. A claimed or denied
quote longer than a sentence can be (figures/quote_cap.py: a text pasted whole) has no
figure read at all, here or by the ledger, and its sentence is named (`unread`).
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, combinations

from workbench.core.analysis.figures.conflict_model import (
    ConflictModel,
    ReadSentence,
    bundled_model,
    dimension,
    read_sentence,
    rule_apart,
)
from workbench.core.analysis.figures.conflicts import (
    Apart,
    Figure,
    figure_account,
    figure_origin,
    find_clashes,
)
from workbench.core.analysis.figures.quote_cap import QUOTE_CAP, too_long
from workbench.core.analysis.ledger.claim_text import ClaimText
from workbench.core.analysis.summary.judgements import claims_by_sentence
from workbench.core.analysis.summary.model import (
    FigureConflict,
    PossibleConflict,
    PossibleConflicts,
    SentenceLine,
    Summary,
)
from workbench.core.annotation import AnnotationKey
from workbench.core.collector import paused_gc

MEASURED = (
    "Measured once on unseen text (blind set 21: 80 sentence pairs written by someone "
    "with no access to the code, not trained on): the rule alone 0.87 precision / 0.65 "
    "recall; the rule or this reader (conflict-model-5) 0.89 / 0.82. Of the pairs it "
    "added to the rule's, 7 of 7 there were conflicts, 50 of 85 over blind sets 2-17 "
    "(each scored by a reader trained without it): many listed here are not."
)
"""What the tier is worth, as the report and the screen say it (docs/summary.md)."""
BLOCK_CAP = 40
"""Sentences a key of the index may hold and still compare them, pair by pair."""
MIN_SHARED = 2
"""Keys (under the cap) two sentences must share to be judged: one alone (a name of the
story, a word such as "killed") met 81,574 pairs at 100,000 synthetic annotations, two
8,187; on the labelled sets two keep 70 of the 83 pairs the reader adds (one, 82)."""
FIGURE_CAP = 20
"""Figures a claimed sentence may give and still be compared: every figure of one
sentence is judged against every figure of the other, so two sentences of 450 figures
(a table pasted as one sentence: a 5,000-character sentence holds that many) cost
200,000 judgements, seconds a pair, and twenty such a summary minutes (tr16 T3); at 20,
400 at most, milliseconds. No sentence of the labelled sets or the bundled articles
gives more than 4."""
READ_KEPT = 50_000
"""Quotes a ReadingCache keeps read at most (then it starts again)."""
VERDICTS_KEPT = 200_000
"""Pairs a ReadingCache keeps judged at most (then it starts again)."""

Where = tuple[str, int]


Keys = tuple[str, ...]
"""A sentence's index keys (block_keys), each "dimension\\0stem" interned (index_keys)."""


@dataclass
class ReadingCache:
    """What the tier keeps of each quote across summaries of the same database (reading is
    most of its cost): whether it has figures and its index keys, for every quote met, and
    how each pair was judged. The readings themselves (ReadSentence: every word's stem,
    each figure's measure and words, about 5 KB a quote with figures) are kept only while
    one find runs (`let_go`): a later find reads again only the quotes of pairs it has not
    judged. At 100,000 annotations the open summary screen kept 45 MB of readings and
    18 MB of index keys as sets of tuples (issue 15, engineer mem16)."""

    read: dict[str, ReadSentence] = field(default_factory=dict)
    """The quotes read since the last `let_go` (or READ_KEPT)."""
    keys: dict[str, Keys | None] = field(default_factory=dict)
    """Each quote's index keys (index_keys), None when it has no figure; a quote with no
    number in digits and none the ledger read has none and is not listed."""
    crowded: set[str] = field(default_factory=set)
    """The quotes giving more than FIGURE_CAP figures: no index keys, compared with none."""
    verdicts: dict[tuple[str, str, str | None, str, str | None], Judged] = field(
        default_factory=dict
    )
    """(reader version, quote, origin, quote, origin) -> how the pair was judged."""

    def keys_of(self, quote: str, text: ClaimText | None = None) -> Keys | None:
        """The quote's index keys (None: it has no figure, or more than FIGURE_CAP:
        `crowded`), reading it (`of`) when first met."""
        if text is not None and _plain(quote, text):
            return None
        if quote in self.keys:
            return self.keys[quote]
        if len(self.keys) >= READ_KEPT:
            self.keys.clear()
            self.crowded.clear()
        read = self.of(quote, text)
        if len(read.figures) > FIGURE_CAP:
            self.crowded.add(quote)  # a table: compared with none (tr16 T3)
            found = self.keys[quote] = None
        else:
            found = self.keys[quote] = index_keys(read) if read.figures else None
        return found

    def of(self, quote: str, text: ClaimText | None = None) -> ReadSentence:
        """The quote's reading; `text`: what the ledger read of it (its numbers and
        measures are not read again when every number in digits is one of them; a number
        in words that counts nothing known is then left out; else every number it found,
        ClaimText.numbers, when it kept them). A quote longer than a sentence can be has
        none read (quote_cap.too_long)."""
        found = self.read.get(quote)
        if found is None:
            if len(self.read) >= READ_KEPT:
                self.read.clear()
            if too_long(quote):
                found = _NO_FIGURES
            elif text is None:
                found = read_sentence(quote, None, "")
            elif _plain(quote, text):
                found = _NO_FIGURES
            elif all(_counted(digits.start(), text) for digits in _DIGIT.finditer(quote)):
                # no number in digits counts nothing: the ledger's are all of them
                found = read_sentence(
                    quote, None, "", measured=text.measures, numbers=text.quantities
                )
            else:  # every number, as the ledger's reading found them (when it kept them)
                found = read_sentence(quote, None, "", measured=text.measures, numbers=text.numbers)
            self.read[quote] = found
        return found

    def let_go(self) -> None:
        """Forget the readings (a find is over); the keys and verdicts are kept."""
        self.read = {}


def _plain(quote: str, text: ClaimText) -> bool:
    """No figure to read: no number in digits, and none the ledger read."""
    return not text.quantities and _DIGIT.search(quote) is None


_DIGIT = re.compile(r"\d+")


def _counted(start: int, text: ClaimText) -> bool:
    """Whether the digits at `start` are in a number the ledger read (one that counts)."""
    return any(quantity.start <= start < quantity.end for quantity in text.quantities)


_NO_FIGURES = ReadSentence((), frozenset(), frozenset(), frozenset(), ())


@dataclass(slots=True)
class _Claimed:
    """A claimed sentence as the tier compares it: where, its quote and what the ledger
    read of it, its (first) source, and every account its analysts give it (each
    line's source in its article: conflicts.figure_account)."""

    where: Where
    quote: str
    text: ClaimText | None
    source: str | None
    accounts: frozenset[str]
    _placed: ReadSentence | None = None

    @property
    def origin(self) -> str:
        return figure_origin(self.source, self.where[0])

    def placed(self, cache: ReadingCache) -> ReadSentence:
        """The reading with its figures placed in this sentence (made when judged)."""
        if self._placed is None:
            read = cache.of(self.quote, self.text)
            self._placed = placed_reading(read, self.where, self.source)
        return self._placed

    def figure(self, read: Figure) -> Figure:
        """A figure of the quote's reading placed in this sentence."""
        return placed_figure(read, self.where, self.source)


def _account(line: SentenceLine) -> str:
    """Who gives the sentence's figures by this line, in its article (Figure.account)."""
    return figure_account(line.canonical_source, line.article_id)


def placed_reading(read: ReadSentence, where: Where, source: str | None) -> ReadSentence:
    """A quote's reading with its figures placed in their sentence, given by `source`."""
    figures = tuple(
        dataclasses.replace(f, figure=placed_figure(f.figure, where, source)) for f in read.figures
    )
    rule = tuple(f.figure for f in figures if not f.bare)
    return dataclasses.replace(read, figures=figures, rule_figures=rule)


def placed_figure(figure: Figure, where: Where, source: str | None) -> Figure:
    """A figure of a quote's reading placed in its sentence, given by `source`."""
    article_id, index = where
    return dataclasses.replace(
        figure, key=("reader", article_id, index), article_id=article_id, index=index,
        source=source,
    )  # fmt: skip


def block_keys(read: ReadSentence) -> set[tuple[str, str]]:
    """The index keys of a sentence: (dimension, stem) of each word around each of its
    figures and (dimension, name) of each name it gives."""
    keys: set[tuple[str, str]] = set()
    for figure in read.figures:
        kind = dimension(figure.figure.measure)
        keys.update((kind, stem) for stem in figure.context)
        keys.update((kind, "name:" + name) for name in read.names)
    return keys


def index_keys(read: ReadSentence) -> Keys:
    """block_keys as the cache keeps them: each key one interned string (the dimension, a
    NUL, the stem or name; no dimension holds a NUL), shared by every quote that has it,
    in a tuple (a set of tuples was about 2 KB a quote)."""
    return tuple(sys.intern(f"{kind}\0{word}") for kind, word in block_keys(read))


def candidate_pairs(
    keys: Sequence[Collection[Hashable]], cap: int = BLOCK_CAP, shared: int = MIN_SHARED
) -> tuple[list[tuple[int, int]], int]:
    """The pairs of sentences (positions in `keys`, the lower first, sorted) that share
    `shared` keys or more, each held by at most `cap` sentences; and how many keys held
    more (left out)."""
    index: dict[Hashable, list[int]] = defaultdict(list)
    for position, held in enumerate(keys):
        for key in held:
            index[key].append(position)
    met: Counter[tuple[int, int]] = Counter()
    left_out = 0
    for holders in index.values():
        if len(holders) > cap:
            left_out += 1
        elif len(holders) > 1:
            met.update(combinations(holders, 2))  # positions rise: the lower first
    return sorted(pair for pair, count in met.items() if count >= shared), left_out


def _rule_pairs(conflicts: Iterable[FigureConflict]) -> set[tuple[Where, Where]]:
    """The sentence pairs the rule's conflicts hold, each as (the earlier sentence, the
    later), as the tier meets them (a 2-tuple, not a frozenset of the two: 15,000 pairs
    held through the tier's reading at 100,000 annotations)."""
    found: set[tuple[Where, Where]] = set()
    for conflict in conflicts:
        figures = conflict.figures
        for pair in conflict.pairs:
            low, high = figures[pair.low], figures[pair.high]
            one, other = (low.article_id, low.index), (high.article_id, high.index)
            found.add((one, other) if one <= other else (other, one))
    return found


def _dismissed_pairs(summary: Summary) -> set[tuple[Where, Where]]:
    """The sentence pairs of the pairs the analysts dismissed as not a conflict: looked
    at, as the rule's are, and never listed again as possible (a dismissed conflict of
    the rule's was listed here as soon as the rule no longer counted it)."""
    found: set[tuple[Where, Where]] = set()
    for pair in summary.dismissed:
        one = (pair.low.article_id, pair.low.index)
        other = (pair.high.article_id, pair.high.index)
        found.add((one, other) if one <= other else (other, one))
    return found


def claim_key(summary: Summary, figure: Figure, annotator: str | None) -> AnnotationKey:
    """The annotation a possible conflict's figure is a claim of (its key says "reader",
    whose pass read it): `annotator`'s own at that sentence, else the first analyst's
    there, so that a decision on it (a dismissal) follows a claim that exists."""
    where = (figure.article_id, figure.index)
    first: AnnotationKey | None = None
    for group in summary.ledger:
        for line in group.members:
            if (line.article_id, line.index) != where:
                continue
            if annotator is not None and annotator in line.annotators:
                return (annotator, *where)
            first = first or line.key
    return first or (annotator or figure.key[0], *where)


def possible_conflicts(
    summary: Summary,
    cache: ReadingCache | None = None,
    texts: Mapping[str, ClaimText] | None = None,
    model: ConflictModel | None = None,
    cap: int = BLOCK_CAP,
) -> PossibleConflicts:
    """The summary's possible conflicts: each pair of claimed sentences, of two accounts,
    that the rule does not flag and the reader scores at or above its threshold; the
    most probable first, then in reading order. `texts`: what the ledger read of each
    quote (SummaryCache.texts), so that it is not read again; `cache`: the last
    summary's readings, index keys and verdicts (a pair of the same quotes and sources
    is not judged again)."""
    model = model or bundled_model()
    cache = cache or ReadingCache()
    classes = summary.settings.conflict_whats
    claimed: list[_Claimed] = []
    held: list[Keys] = []
    crowded = 0
    for where, lines in sorted(claims_by_sentence(summary.ledger).items()):
        quote = lines[0].quote
        text = None if texts is None else texts.get(quote)
        keys = cache.keys_of(quote, text)
        if keys is None:
            if quote in cache.crowded:
                crowded += 1  # said with the pairs (PossibleConflicts.not_compared)
        else:
            source = lines[0].canonical_source
            claimed.append(_Claimed(where, quote, text, source, frozenset(map(_account, lines))))
            held.append(keys)
    pairs, left_out = candidate_pairs(held, cap)
    del held
    flagged = _rule_pairs(summary.conflicts) | _dismissed_pairs(summary)
    found: list[PossibleConflict] = []
    for first, second in pairs:
        one, other = claimed[first], claimed[second]
        if not one.accounts.isdisjoint(other.accounts):
            continue  # one source in one article never disputes itself
        if (one.where, other.where) in flagged:  # `claimed` is in sentence order
            continue
        key = (model.version, one.quote, one.origin, other.quote, other.origin)
        if key not in cache.verdicts:
            cache.verdicts[key] = _judged(one, other, cache, model, classes)
        judged = cache.verdicts[key]
        if judged is not None:
            probability, mine, theirs, why, rule = judged
            found.append(
                PossibleConflict((one.figure(mine), other.figure(theirs)), probability, why, rule)
            )
    if len(cache.verdicts) > VERDICTS_KEPT:
        cache.verdicts.clear()
    cache.let_go()
    found.sort(key=lambda p: (-p.probability, *map(_place, p.figures)))
    return PossibleConflicts(
        tuple(found),
        model.version,
        model.threshold,
        cap,
        left_out,
        FIGURE_CAP,
        crowded,
        QUOTE_CAP,
        unread(summary),
    )


def unread(summary: Summary) -> tuple[Where, ...]:
    """The claimed or denied sentences, in reading order, of a quote whose figures were
    not read at all, being longer than a sentence can be (quote_cap.too_long)."""
    lines = chain.from_iterable((*group.members, *group.denials) for group in summary.ledger)
    found = {
        (line.article_id, line.index)
        for line in chain(lines, summary.unlinked_denials)
        if too_long(line.quote)
    }
    return tuple(sorted(found))


Judged = tuple[float, Figure, Figure, str, Apart] | None
"""A pair of sentences as the tier judged it: the reader's probability, its two figures
(as each quote reads them: placed in a sentence when listed, `_Claimed.figure`), why, and
why the rule keeps them apart; None when it is no possible conflict. The figures, not the
readings, are kept: a find that meets the pair again reads neither quote."""


def _judged(
    one: _Claimed,
    other: _Claimed,
    cache: ReadingCache,
    model: ConflictModel,
    classes: Collection[str],
) -> Judged:
    first, second = one.placed(cache), other.placed(cache)
    verdict = model.judge(first, second, False, classes)
    if verdict.pair is None or verdict.probability < model.threshold:
        return None
    if find_clashes(first.rule_figures + second.rule_figures, classes):
        return None  # the rule's, whether or not its conflicts list this pair
    a, b = verdict.pair
    mine = cache.of(one.quote, one.text).figures[first.figures.index(a)]
    theirs = cache.of(other.quote, other.text).figures[second.figures.index(b)]
    return (
        verdict.probability,
        mine.figure,
        theirs.figure,
        verdict.said(first, second),
        rule_apart(a, b, classes) or Apart("compared"),
    )


def _place(figure: Figure) -> tuple[str, int, int]:
    return (figure.article_id, figure.index, figure.quantity.start)


def with_possible(
    summary: Summary,
    cache: ReadingCache | None = None,
    texts: Mapping[str, ClaimText] | None = None,
) -> Summary:
    """`summary` with its possible conflicts (Summary.possible) found (possible_conflicts).

    With the collector paused, as the summary is built: the build's objects, just
    promoted, set off two full collections here that scanned them all and freed
    nothing (1.0 s of the `summary` command's CPU at 100,000 annotations, load 9;
    fewer than a thousand objects of the whole command are ever cyclic garbage)."""
    with paused_gc(promote=True):
        return dataclasses.replace(summary, possible=possible_conflicts(summary, cache, texts))
