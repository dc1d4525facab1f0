"""Possible conflicts: figures that may measure the same thing and disagree (check them).

A second tier beside the rule's conflicts (figures/conflicts.py), never mixed with
them: two claimed sentences the rule does not flag, given by two sources, whose figures
the trained reader (figures/conflict_model.py) scores at or above its threshold. The
rule's conflicts, counts and flags are left exactly as they are. Measured once on
unseen text (blind set 15, 80 sentence pairs, docs/summary.md): the rule alone
0.94 precision / 0.40 recall, the rule or the reader 0.86 / 0.62.

Candidates are not every pair of sentences: each claimed sentence with a figure is
filed in an inverted index under (dimension, stem) for each word around each figure and
(dimension, name) for each name in the sentence, and two sentences are compared only
when they share MIN_SHARED keys. A key held by more than BLOCK_CAP sentences is too
common to tell one event apart (a word of every story: "troops", "Russia") and compares
nothing; the sentences may still meet through rarer keys. So the pairs judged are at
most BLOCK_CAP²/2 per key, and linear in the sentences.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from workbench.core.analysis.figures.conflict_model import (
    ConflictModel,
    ReadFigure,
    ReadSentence,
    bundled_model,
    dimension,
    read_sentence,
)
from workbench.core.analysis.figures.conflicts import (
    Apart,
    Figure,
    figure_origin,
    find_clashes,
    kept_apart,
)
from workbench.core.analysis.ledger.claim_text import ClaimText
from workbench.core.analysis.summary.judgements import claims_by_sentence
from workbench.core.analysis.summary.model import (
    FigureConflict,
    PossibleConflict,
    PossibleConflicts,
    SentenceLine,
    Summary,
)

MEASURED = (
    "Measured once on unseen text (blind set 15: 80 sentence pairs written by someone "
    "with no access to the code): the rule alone 0.94 precision / 0.40 recall; the rule "
    "or the reader 0.86 / 0.62. The pairs the reader added there were 12, of which 9 "
    "were conflicts: about one in four listed here is not one."
)
"""What the tier is worth, as the report and the screen say it (docs/summary.md)."""
BLOCK_CAP = 40
"""Sentences a key of the index may hold and still compare them, pair by pair."""
MIN_SHARED = 2
"""Keys (under the cap) two sentences must share to be judged: one alone (a name of the
story, a word such as "killed") met 81,574 pairs at 100,000 synthetic annotations, two
8,187; on the labelled sets two keep 70 of the 83 pairs the reader adds (one, 82)."""
READ_KEPT = 50_000
"""Quotes a ReadingCache keeps read at most (then it starts again)."""
VERDICTS_KEPT = 200_000
"""Pairs a ReadingCache keeps judged at most (then it starts again)."""

Where = tuple[str, int]


@dataclass
class ReadingCache:
    """Each quote as the reader reads it (source and place left out), kept across
    summaries of the same database: reading is most of the tier's cost."""

    read: dict[str, ReadSentence] = field(default_factory=dict)
    keys: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    """Each quote's index keys (block_keys)."""
    verdicts: dict[tuple[str, str, str | None, str, str | None], Judged] = field(
        default_factory=dict
    )
    """(reader version, quote, origin, quote, origin) -> how the pair was judged."""

    def keys_of(self, quote: str) -> set[tuple[str, str]]:
        """block_keys of a quote read (`of`)."""
        found = self.keys.get(quote)
        if found is None:
            found = self.keys[quote] = block_keys(self.read[quote])
        return found

    def of(self, quote: str, text: ClaimText | None = None) -> ReadSentence:
        """The quote's reading; `text`: what the ledger read of it (its numbers and
        measures are not read again when every number in digits is one of them; a number
        in words that counts nothing known is then left out)."""
        found = self.read.get(quote)
        if found is None:
            if len(self.read) >= READ_KEPT:
                self.read.clear()
                self.keys.clear()
            if text is None:
                found = read_sentence(quote, None, "")
            elif not any(_DIGIT.finditer(quote)) and not text.quantities:
                found = _NO_FIGURES
            elif all(_counted(digits.start(), text) for digits in _DIGIT.finditer(quote)):
                # no number in digits counts nothing: the ledger's are all of them
                found = read_sentence(
                    quote, None, "", measured=text.measures, numbers=text.quantities
                )
            else:
                found = read_sentence(quote, None, "", measured=text.measures)
            self.read[quote] = found
        return found


_DIGIT = re.compile(r"\d+")


def _counted(start: int, text: ClaimText) -> bool:
    """Whether the digits at `start` are in a number the ledger read (one that counts)."""
    return any(quantity.start <= start < quantity.end for quantity in text.quantities)


_NO_FIGURES = ReadSentence((), frozenset(), frozenset(), frozenset(), ())


@dataclass(slots=True)
class _Claimed:
    """A claimed sentence as the tier compares it: where, its quote and its (first)
    source, the quote's reading, and every origin its analysts give it."""

    where: Where
    quote: str
    source: str | None
    read: ReadSentence
    origins: frozenset[str]
    _placed: ReadSentence | None = None

    @property
    def origin(self) -> str:
        return figure_origin(self.source, self.where[0])

    def placed(self) -> ReadSentence:
        """The reading with its figures placed in this sentence (made when judged)."""
        if self._placed is None:
            self._placed = placed_reading(self.read, self.where, self.source)
        return self._placed


def _origin(line: SentenceLine) -> str:
    """Who gives the sentence's figures by this line: its source, else its article
    (Figure.origin)."""
    return figure_origin(line.canonical_source, line.article_id)


def placed_reading(read: ReadSentence, where: Where, source: str | None) -> ReadSentence:
    """A quote's reading with its figures placed in their sentence, given by `source`."""
    article_id, index = where
    figures = tuple(
        dataclasses.replace(
            f,
            figure=dataclasses.replace(
                f.figure, key=("reader", article_id, index), article_id=article_id,
                index=index, source=source,
            ),
        )
        for f in read.figures
    )  # fmt: skip
    rule = tuple(f.figure for f in figures if not f.bare)
    return dataclasses.replace(read, figures=figures, rule_figures=rule)


def block_keys(read: ReadSentence) -> set[tuple[str, str]]:
    """The index keys of a sentence: (dimension, stem) of each word around each of its
    figures and (dimension, name) of each name it gives."""
    keys: set[tuple[str, str]] = set()
    for figure in read.figures:
        kind = dimension(figure.figure.measure)
        keys.update((kind, stem) for stem in figure.context)
        keys.update((kind, "name:" + name) for name in read.names)
    return keys


def candidate_pairs(
    keys: Sequence[set[tuple[str, str]]], cap: int = BLOCK_CAP, shared: int = MIN_SHARED
) -> tuple[list[tuple[int, int]], int]:
    """The pairs of sentences (positions in `keys`, the lower first, sorted) that share
    `shared` keys or more, each held by at most `cap` sentences; and how many keys held
    more (left out)."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
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


def _rule_pairs(conflicts: Iterable[FigureConflict]) -> set[frozenset[Where]]:
    """The sentence pairs the rule's conflicts hold."""
    found: set[frozenset[Where]] = set()
    for conflict in conflicts:
        figures = conflict.figures
        for pair in conflict.pairs:
            low, high = figures[pair.low], figures[pair.high]
            found.add(frozenset([(low.article_id, low.index), (high.article_id, high.index)]))
    return found


def possible_conflicts(
    summary: Summary,
    cache: ReadingCache | None = None,
    texts: Mapping[str, ClaimText] | None = None,
    model: ConflictModel | None = None,
    cap: int = BLOCK_CAP,
) -> PossibleConflicts:
    """The summary's possible conflicts: each pair of claimed sentences, of two sources,
    that the rule does not flag and the reader scores at or above its threshold; the
    most probable first, then in reading order. `texts`: what the ledger read of each
    quote (SummaryCache.texts), so that it is not read again; `cache`: the last
    summary's readings, index keys and verdicts (a pair of the same quotes and sources
    is not judged again)."""
    model = model or bundled_model()
    cache = cache or ReadingCache()
    classes = summary.settings.conflict_whats
    claimed: list[_Claimed] = []
    for where, lines in sorted(claims_by_sentence(summary.ledger).items()):
        quote = lines[0].quote
        read = cache.of(quote, None if texts is None else texts.get(quote))
        if read.figures:
            source = lines[0].canonical_source
            claimed.append(_Claimed(where, quote, source, read, frozenset(map(_origin, lines))))
    pairs, left_out = candidate_pairs([cache.keys_of(c.quote) for c in claimed], cap)
    flagged = _rule_pairs(summary.conflicts)
    found: list[PossibleConflict] = []
    for first, second in pairs:
        one, other = claimed[first], claimed[second]
        if not one.origins.isdisjoint(other.origins):
            continue  # a source never disputes itself
        if frozenset([one.where, other.where]) in flagged:
            continue
        key = (model.version, one.quote, one.origin, other.quote, other.origin)
        if key not in cache.verdicts:
            cache.verdicts[key] = _judged(one.placed(), other.placed(), model, classes)
        judged = cache.verdicts[key]
        if judged is not None:
            probability, mine, theirs, why, rule = judged
            a, b = one.placed().figures[mine], other.placed().figures[theirs]
            found.append(PossibleConflict((a.figure, b.figure), probability, why, rule))
    if len(cache.verdicts) > VERDICTS_KEPT:
        cache.verdicts.clear()
    found.sort(key=lambda p: (-p.probability, *map(_place, p.figures)))
    return PossibleConflicts(tuple(found), model.version, model.threshold, cap, left_out)


Judged = tuple[float, int, int, str, Apart] | None
"""A pair of sentences as the tier judged it: the reader's probability, its two figures
(positions in each reading), why, and why the rule keeps them apart; None when it is no
possible conflict."""


def _judged(
    one: ReadSentence, other: ReadSentence, model: ConflictModel, classes: Collection[str]
) -> Judged:
    verdict = model.judge(one, other, False, classes)
    if verdict.pair is None or verdict.probability < model.threshold:
        return None
    if find_clashes(one.rule_figures + other.rule_figures, classes):
        return None  # the rule's, whether or not its conflicts list this pair
    a, b = verdict.pair
    return (
        verdict.probability,
        one.figures.index(a),
        other.figures.index(b),
        verdict.said(one, other),
        rule_apart(a, b, classes),
    )


def rule_apart(a: ReadFigure, b: ReadFigure, classes: Collection[str]) -> Apart:
    """Why the rule does not flag the two figures, as the rule reads them
    (conflicts.kept_apart): a number it reads nothing counted by is no figure of its."""
    for figure in (a, b):
        if figure.bare:
            return Apart("no measure", figure.figure.quantity.text)
    return kept_apart(a.figure, b.figure, classes) or Apart("compared")


def _place(figure: Figure) -> tuple[str, int, int]:
    return (figure.article_id, figure.index, figure.quantity.start)


def with_possible(
    summary: Summary,
    cache: ReadingCache | None = None,
    texts: Mapping[str, ClaimText] | None = None,
) -> Summary:
    """`summary` with its possible conflicts (Summary.possible) found (possible_conflicts)."""
    return dataclasses.replace(summary, possible=possible_conflicts(summary, cache, texts))
