"""What the claim ledger reads in a quote: sorted words, figures, names, subjects.

Everything the ledger compares is computed once per distinct quote (ClaimText). At
100,000 annotations this is tens of thousands of quotes, so the work is done in as few
passes as possible: one split into words serves the names, the content words and a
cheap test for whether the quote can have a subject at all.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import compress, islice
from operator import itemgetter

from rapidfuzz import utils

from workbench.core.analysis.figures.measures import Measure, read_measures
from workbench.core.analysis.figures.quantities import Quantity, numbers_in
from workbench.core.analysis.figures.quote_cap import too_long
from workbench.core.analysis.lexicon import (
    ARMS_NOUNS,
    CLAIM_STOP_WORDS,
    SUBJECT_DEMONYMS,
    TROOP_NOUNS,
)

SUBJECT_NOUNS = {word: "troops" for word in TROOP_NOUNS}
SUBJECT_NOUNS |= {word: "arms" for word in ARMS_NOUNS}
_PEOPLE_NOUNS = frozenset(f"{demonym.split()[-1]}s" for demonym in SUBJECT_DEMONYMS)
"""The last word of each subject people's plural ("koreans"): a quote can name those
troops only if it holds one."""
_SUBJECT_WORDS = frozenset(SUBJECT_NOUNS) | _PEOPLE_NOUNS
"""A quote has a subject only if one of its words, in lower case, is one of these."""
_SUBJECT = re.compile(r"\b(" + "|".join(sorted(SUBJECT_NOUNS, key=len, reverse=True)) + r")\b")
_DEMONYM = "|".join(SUBJECT_DEMONYMS)
_WHO_BEFORE = re.compile(rf"\b({_DEMONYM})s?\s+$")
_PEOPLE = re.compile(rf"\b({_DEMONYM})s\b")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_WORD_CHARACTER = re.compile(r"\w")
_NONE: frozenset[str] = frozenset()
Words = tuple[str, ...]
"""Distinct strings in sorted order: a ClaimText's word sets (see ClaimText)."""
_NO_WORDS: Words = ()
_first_letter = itemgetter(0)
_longer_than_3 = (3).__lt__


@dataclass(frozen=True, slots=True)
class ClaimText:
    """What the ledger needs from a quote, computed once per distinct quote.

    The word sets are sorted tuples of interned strings, not frozensets: the open
    summary screen keeps 42,000 of these at 100,000 annotations, and a frozenset of ten
    words takes about 730 bytes where the tuple takes 120 (-60 MB). The ledger mostly
    iterates them; where it intersects two (grouping.block_edges) it makes a set of one."""

    sorted_tokens: str
    """default_process()ed words in sorted order: fuzz.ratio on it is token_sort_ratio."""
    quantities: tuple[Quantity, ...]
    measures: tuple[Measure, ...]
    """What each of `quantities` measures (same order)."""
    figure_keys: Words
    """'fig:<topic>:<value>' for each figure: claims giving it can be one entry."""
    names: Words
    """Capitalised words after the first, lower-cased."""
    words: Words
    """Content words (longer than three letters, not stop words), lower-cased."""
    subjects: frozenset[str]
    """(One frozenset per distinct set, shared: `shared_subjects`.)"""
    keys: Words
    """words then figure_keys (the same tuple as words when there are none): what
    claims are blocked on, each once (a word never holds ':')."""
    numbers: tuple[Quantity, ...] | None = field(default=None, compare=False)
    """Every number numbers_in found, counting something known or not (the same tuple
    as `quantities` when each does): what the possible conflicts' tier reads, so that
    it does not read the quote's numbers again. None when not known (a reading restored
    from the store keeps only `quantities`): the tier reads them. Not compared: two
    equal readings are equal whatever else they found."""

    def __hash__(self) -> int:
        # Texts are dict keys all through the ledger; hashing every frozenset each time
        # was a visible cost, and equal texts always have equal sorted_tokens.
        return hash(self.sorted_tokens)


class ClaimTexts(dict[str, ClaimText]):
    """Quote -> ClaimText, kept across builds. Reading a quote is most of a cold build
    (42,000 distinct quotes at 100,000 annotations); the reading depends on the quote
    alone, so it never goes stale. Quotes no longer annotated are dropped once they
    outnumber those in use (`keep_only`). A quote not there is read by `reader` when
    set (readings.Readings.claim_text: restored from the store when it can be)."""

    reader: Callable[[str], ClaimText] | None = None

    def read(self, quote: str) -> ClaimText:
        """The reading of a quote not in the dict (the caller keeps it)."""
        reader = self.reader
        return claim_text(quote) if reader is None else reader(quote)

    def keep_only(self, used: Iterable[str]) -> None:
        wanted = set(used)
        if len(self) > 2 * len(wanted) + 1000:
            kept = {quote: self[quote] for quote in wanted if quote in self}
            self.clear()
            self.update(kept)


_SHARED: dict[frozenset[str], frozenset[str]] = {}
"""One frozenset per distinct set of subjects (a few dozen over 40,000 quotes)."""


def words_of(found: Iterable[str]) -> Words:
    """Distinct strings, sorted and interned, as a ClaimText holds them."""
    return tuple(sorted(set(map(sys.intern, found)))) or _NO_WORDS


def keys_of(words: Words, figure_keys: Words) -> Words:
    """ClaimText.keys of these words and figure keys."""
    return words + figure_keys if figure_keys else words


def shared_subjects(subjects: frozenset[str]) -> frozenset[str]:
    """`subjects` as the one equal set every ClaimText shares (about 5 MB at 100,000
    annotations)."""
    return _SHARED.setdefault(subjects, subjects)


def subjects_of(text: str) -> frozenset[str]:
    """What a sentence talks about: 'north korean troops', 'arms'."""
    lowered = text.lower()
    found = {f"{who} troops" for who in _PEOPLE.findall(lowered)}
    for match in _SUBJECT.finditer(lowered):
        who = _WHO_BEFORE.search(lowered, max(0, match.start() - 20), match.start())
        kind = SUBJECT_NOUNS[match.group(1)]
        found.add(f"{who.group(1)} {kind}" if who else kind)
    return frozenset(found)


def _subjects(quote: str, lowers: list[str]) -> frozenset[str]:
    """subjects_of(quote), reading only where the quote's words say a subject can be.

    A subject noun matched in quote.lower() is a whole run of word characters there;
    when lowering keeps every character one character (all but U+0130 do) and keeps
    word characters word characters (tests/unit/analysis/test_claim_text.py checks every code
    point), that run is one of the quote's words, so it is in `lowers`. The runs equal
    to each present noun are then found with str.find instead of a scan of the
    sentence by an alternation of every noun.
    """
    present = _SUBJECT_WORDS.intersection(lowers)
    lowered = quote.lower()
    if len(lowered) != len(quote):
        return subjects_of(quote)
    if not present:
        return _NONE
    found = set()
    if not _PEOPLE_NOUNS.isdisjoint(present):
        found = {f"{who} troops" for who in _PEOPLE.findall(lowered)}
    for noun in present - _PEOPLE_NOUNS:
        kind = SUBJECT_NOUNS[noun]
        start = lowered.find(noun)
        while start >= 0:
            end = start + len(noun)
            if not (start and _WORD_CHARACTER.match(lowered, start - 1)) and not (
                _WORD_CHARACTER.match(lowered, end)
            ):
                who = _WHO_BEFORE.search(lowered, max(0, start - 20), start)
                found.add(f"{who.group(1)} {kind}" if who else kind)
            start = lowered.find(noun, start + 1)
    return frozenset(found)


def claim_text(quote: str) -> ClaimText:
    """Everything the ledger compares, for one quote; no figure of a quote longer than a
    sentence can be (quote_cap.too_long: a text pasted whole, its words still read)."""
    words = _WORD.findall(quote)
    # One string per distinct word over every quote read (the summary's cache keeps 600,000
    # word strings at 100,000 annotations, 15,000 distinct): about 40 MB less.
    lowers = list(map(sys.intern, map(str.lower, words)))
    capitalised = map(str.isupper, map(_first_letter, islice(words, 1, None)))
    # `lowers` are interned already: their sets sorted as they are (words_of interns)
    names = tuple(sorted(set(compress(islice(lowers, 1, None), capitalised))))
    content = tuple(
        sorted(set(compress(lowers, map(_longer_than_3, map(len, words)))) - CLAIM_STOP_WORDS)
    )
    found, split = ([], None) if too_long(quote) else numbers_in(quote)
    quantities: tuple[Quantity, ...] = ()
    measures: tuple[Measure, ...] = ()
    numbers: tuple[Quantity, ...] = ()
    if found:
        measured = read_measures(quote, found, split)
        quantities = tuple(q for q in found if q.what is not None)
        numbers = quantities if len(quantities) == len(found) else tuple(found)
        measures = tuple(m for m in measured if m is not None)
        for measure in measures:
            if measure.capitalised is not None:  # found now: the sentence's words let go
                measure.capitalised.words()
    figure_keys = (
        words_of(f"fig:{q.topic}:{q.value:g}" for q in quantities if not q.vague)
        if quantities
        else _NO_WORDS
    )
    return ClaimText(
        sorted_tokens=" ".join(sorted(utils.default_process(quote).split())),
        quantities=quantities,
        measures=measures,
        figure_keys=figure_keys,
        names=names,
        words=content,
        subjects=shared_subjects(_subjects(quote, lowers)),
        keys=keys_of(content, figure_keys),
        numbers=numbers,
    )
