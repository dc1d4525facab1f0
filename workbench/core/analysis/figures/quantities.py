"""Numbers in a sentence, with what they count ("about 3,000 North Korean soldiers").

The claim ledger compares figures only when they count the same thing, so each number
gets a normalised 'what' (troops, killed, wounded, casualties, money, square miles,
miles, ...) and, where the phrase says so, a 'who' (the nationality counted: "North
Korean"). Years, dates, clock times, ordinals and durations are not quantities.
Plain regular expressions over one sentence: this is extraction, not parsing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from workbench.core.analysis.lexicon import (
    CASUALTY_NOUNS,
    CASUALTY_VERBS,
    COUNTRIES,
    CURRENCIES,
    CURRENCY_WORDS,
    DEMONYMS,
    FIGURE_PHRASE_STOPS,
    KILLED_WORDS,
    KILOMETRE_WORDS,
    MILE_WORDS,
    MILITARY_WORDS,
    MONTHS,
    MULTIPLIERS,
    PEOPLE_DEMONYMS,
    PEOPLE_NOUNS,
    PLACE_PREPOSITIONS,
    QUALIFIERS,
    SQUARE_WORDS,
    TIME_UNITS,
    TROOP_DEMONYMS,
    TROOP_NOUNS,
    WOUNDED_WORDS,
)

_PEOPLE_STEMS = tuple(sorted({key.split()[0] for key in [*DEMONYMS, *COUNTRIES]}))
"""The first word of every demonym and country (what _demonym_at starts from)."""
_QUALIFIER = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_MULTIPLIER = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
_CURRENCY = "".join(map(re.escape, CURRENCIES))
NUMBER_PATTERN = re.compile(
    rf"""
    (?:(?P<qualifier>\b(?:{_QUALIFIER}))[\s"'“”‘’]+)?
    (?P<currency>[{_CURRENCY}])?
    (?<![\w.,:/-])(?<![\w.,:/-][{_CURRENCY}])
    (?P<number>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<fraction>\.\d+)?
    (?![\d,.:/]\d)(?!\w)
    (?:\s?(?P<multiplier>{_MULTIPLIER})\b)?
    """,
    re.VERBOSE | re.IGNORECASE,
)
WORD_PATTERN = re.compile(r"[A-Za-z][A-Za-z.'’-]*")
_DIGITS = re.compile(r"\d+")
_SEPARATOR = re.compile(r"[\s\"'“”‘’]")
"""What NUMBER_PATTERN allows between a qualifier and the number."""
_LONGEST_QUALIFIER = max(map(len, QUALIFIERS))
YEAR_PATTERN = re.compile(r"(?:1[5-9]|20)\d\d")
AFTER_CHARS = 80
BEFORE_CHARS = 200
"""How far around a number the counted noun and the nationality are looked for."""
PHRASE_WORDS = 4
"""How many words after a number may hold the counted noun ("10,000 North Korean troops")."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a sentence and what it counts."""

    text: str
    """The span as written, with its qualifier ("at least 10,000 North Korean troops")."""
    start: int
    end: int
    value: float
    what: str | None
    """Normalised counted thing: troops, killed, money, square miles...; None if unknown."""
    who: str | None = None
    """Nationality counted, when the phrase names it: "North Korean"."""
    qualifier: str | None = None
    """As written, lower-case: "at least", "about", "up to"..."""
    bound: str = "exact"
    """exact, lower, upper or approximate (from the qualifier)."""
    unit: str | None = None
    """Currency code or measure for money and distances ("USD", "square miles")."""

    @property
    def topic(self) -> str:
        """What is counted, with who when known: "North Korean troops"."""
        return f"{self.who} {self.what}" if self.who else str(self.what)


class _Word(NamedTuple):
    """A word near a number (a tuple: many are made per sentence)."""

    text: str
    lower: str
    start: int
    end: int


def _words(text: str) -> list[_Word]:
    words = []
    for match in WORD_PATTERN.finditer(text):
        word = match.group(0).rstrip(".'’")
        words.append(_Word(word, word.lower(), match.start(), match.end()))
    return words


class SentenceWords:
    """A sentence's words, split once for all its numbers (and for measures.py):
    the words after or before a number are a slice found by bisection, not a new split
    of part of the sentence. Kept as plain lists; _Word tuples are made for a slice only.
    """

    __slots__ = ("_lower_set", "_lowers", "sentence", "spans", "starts", "texts")

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.spans = [match.span() for match in WORD_PATTERN.finditer(sentence)]
        self.starts = [start for start, _ in self.spans]
        self.texts = [sentence[start:end].rstrip(".'’") for start, end in self.spans]
        self._lowers: list[str] | None = None
        self._lower_set: frozenset[str] | None = None

    def between(self, start: int, stop: int) -> list[_Word]:
        """The words that begin at `start` or later and before `stop`."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, stop)
        texts, spans = self.texts, self.spans
        return [
            _Word(texts[n], texts[n].lower(), spans[n][0], spans[n][1]) for n in range(first, last)
        ]

    @property
    def lowers(self) -> list[str]:
        """Every word of the sentence in lower case, in order."""
        if self._lowers is None:
            self._lowers = [text.lower() for text in self.texts]
        return self._lowers

    @property
    def lower_set(self) -> frozenset[str]:
        if self._lower_set is None:
            self._lower_set = frozenset(self.lowers)
        return self._lower_set


class Numbers(NamedTuple):
    """What numbers_in() finds: the counted numbers, and the sentence's words."""

    quantities: list[Quantity]
    words: SentenceWords | None
    """None when the sentence has no number."""


def _may_name_people(text: str) -> bool:
    """False when no word of `text` can begin a demonym or country, so _who_before need
    not read it: each such word contains one of _PEOPLE_STEMS, in lower case."""
    lowered = text.lower()
    return any(stem in lowered for stem in _PEOPLE_STEMS)


def _is_year(number: str, fraction: str | None, text: str, end: int) -> bool:
    """1950, 2024, 1950-53, 1950s (the 's' is already excluded by the pattern)."""
    if fraction or "," in number or not YEAR_PATTERN.fullmatch(number):
        return False
    following = text[end : end + 1]
    return following not in ("%",)


def _is_date(text: str, start: int, end: int) -> bool:
    """'October 4', '4 October', 'June 19, 2024', '2024-10-23', '13:35'.

    A number next to a month is a day only if it can be one: "In October, 3,000
    troops" counts troops.
    """
    if re.match(r"[-:/]\d", text[end : end + 2]):
        return True
    number = text[start:end]
    if not number.isdigit() or not 1 <= int(number) <= 31:
        return False
    before = text[max(0, start - 12) : start].lower().split()
    after = text[end : end + 12].lower().split()
    if before and before[-1].strip(".,") in MONTHS:
        return True
    return bool(after and after[0].strip(".,") in MONTHS)


def _demonym_at(words: list[_Word], position: int) -> tuple[str, int] | None:
    """The demonym or country starting at words[position], and how many words it takes."""
    if position >= len(words):
        return None
    first = words[position].lower.removesuffix("’s").removesuffix("'s")
    if position + 1 < len(words):
        pair = f"{first} {words[position + 1].lower.removesuffix('’s').removesuffix('s')}"
        pair_full = f"{first} {words[position + 1].lower}"
        for candidate in (pair_full, pair):
            if candidate in DEMONYMS:
                return DEMONYMS[candidate], 2
            if candidate in COUNTRIES:
                return COUNTRIES[candidate], 2
    if first in DEMONYMS and first not in ("korean", "koreans"):
        return DEMONYMS[first], 1
    if first in COUNTRIES:
        return COUNTRIES[first], 1
    return None


def _casualty_kind(words: list[_Word]) -> str | None:
    lowers = {w.lower for w in words}
    killed = bool(lowers & KILLED_WORDS)
    wounded = bool(lowers & WOUNDED_WORDS)
    if lowers & CASUALTY_NOUNS or (killed and wounded):
        return "casualties"
    if killed:
        return "killed"
    if wounded:
        return "wounded"
    return None


def _counted(
    words: list[_Word], sentence: SentenceWords
) -> tuple[str | None, str | None, str | None]:
    """(what, who, unit) from the words right after a number.

    Reads up to PHRASE_WORDS words, stopping at a function word: demonyms say who,
    the first known noun says what; other words are modifiers ("special forces").
    """
    who: set[str] = set()
    plain: list[_Word] = []
    position = 0
    while position < len(words) and position < PHRASE_WORDS + 1:
        word, lower = words[position], words[position].lower
        demonym = _demonym_at(words, position)
        if demonym is not None:
            name, size = demonym
            who.add(name)
            position += size
            if words[position - 1].lower in PEOPLE_DEMONYMS:
                counted = "troops" if _is_military(sentence) else "people"
                return _with_casualty(counted, words[position:]), _join(who), None
            continue
        if lower in ("and", "or") and _demonym_at(words, position + 1) is not None:
            position += 1
            continue
        known = _known_noun(words, position, sentence)
        if known is not None:
            what, unit, size = known
            if what == "troops" or what == "people":
                what = _with_casualty(what, words[position + size :])
            return what, _join(who), unit
        if lower in FIGURE_PHRASE_STOPS or not lower.replace("-", "").isalpha():
            break
        plain.append(word)
        position += 1
    noun = next((w for w in plain if w.lower.endswith("s") and not w.text[:1].isupper()), None)
    return (noun.lower if noun else None), _join(who), None


def _known_noun(
    words: list[_Word], position: int, sentence: SentenceWords
) -> tuple[str, str | None, int] | None:
    """(what, unit, words used) when words[position] is a noun the ledger knows."""
    lower = words[position].lower
    following = words[position + 1].lower if position + 1 < len(words) else ""
    if lower in SQUARE_WORDS and following in MILE_WORDS:
        return "square miles", "square miles", 2
    if lower in SQUARE_WORDS and following in KILOMETRE_WORDS:
        return "square km", "square km", 2
    if lower in MILE_WORDS:
        return "miles", "miles", 1
    if lower in KILOMETRE_WORDS:
        return "km", "km", 1
    if lower in TIME_UNITS:
        return "time", None, 1
    if lower in CURRENCY_WORDS:
        return "money", CURRENCY_WORDS[lower], 1
    if lower in TROOP_NOUNS:
        return "troops", None, 1
    if lower in CASUALTY_NOUNS:
        return "casualties", None, 1
    if lower in KILLED_WORDS or lower in WOUNDED_WORDS:
        return _casualty_kind(words[position : position + 3]) or "casualties", None, 1
    if lower == "people":
        return ("troops" if _mentions_troops(sentence) else "people"), None, 1
    if lower in PEOPLE_NOUNS:
        return "people", None, 1
    return None


def _with_casualty(what: str, after: list[_Word]) -> str:
    """'troops have been killed or wounded' counts casualties, not troops."""
    return _casualty_kind(_verb_phrase(after[:5])) or what


def _join(who: set[str]) -> str | None:
    return " and ".join(sorted(who)) or None


def _verb_phrase(words: list[_Word]) -> list[_Word]:
    """'had been killed or injured', 'killed and ...': the words that follow a count noun."""
    kept = []
    for word in words:
        if word.lower in ("have", "has", "had", "been", "were", "was", "are", "or", "and"):
            kept.append(word)
            continue
        if word.lower in KILLED_WORDS or word.lower in WOUNDED_WORDS:
            kept.append(word)
            continue
        break
    return kept


def _is_military(sentence: SentenceWords) -> bool:
    """True when the sentence speaks of troops or military movement."""
    words = sentence.lower_set
    return not (words.isdisjoint(TROOP_NOUNS) and words.isdisjoint(MILITARY_WORDS))


def _mentions_troops(sentence: SentenceWords) -> bool:
    return not sentence.lower_set.isdisjoint(TROOP_NOUNS) or bool(
        _TROOP_DEMONYM.search(sentence.sentence)
    )


_TROOP_DEMONYM = re.compile(rf"\b(?:{'|'.join(TROOP_DEMONYMS)})\b", re.IGNORECASE)


def _from_context(before: list[_Word]) -> tuple[str | None, str | None]:
    """A bare number ("putting the number at 12,000"): the nearest troop noun before it."""
    for position in range(len(before) - 1, -1, -1):
        lower = before[position].lower
        if lower in TROOP_NOUNS or lower in PEOPLE_DEMONYMS:
            return "troops", _who_before(before[: position + 1])
    return None, None


def _who_before(before: list[_Word]) -> str | None:
    """The nearest demonym or country before a number, skipping places ('to Russia')."""
    position = len(before) - 1
    while position >= 0:
        for size in (2, 1):
            first = position - size + 1
            if first < 0:
                continue
            found = _demonym_at(before, first)
            if found is None or found[1] != size:
                continue
            preceding = before[first - 1].lower if first > 0 else ""
            if preceding in PLACE_PREPOSITIONS:
                break
            return found[0]
        position -= 1
    return None


def number_matches(sentence: str) -> Iterator[re.Match[str]]:
    """What NUMBER_PATTERN.finditer(sentence) finds, trying the pattern only where a match
    can start.

    Every match holds a number, which begins a run of digits, and can start only a
    qualifier, its quotes or spaces and a currency sign before that run. Scanning the
    whole sentence tried the qualifier alternatives at every character, which was half
    of the time spent on a sentence with numbers.
    """
    resume = 0
    for digits in _DIGITS.finditer(sentence):
        number = digits.start()
        start = number - 1 if number and sentence[number - 1] in CURRENCIES else number
        gap = start
        while gap and _SEPARATOR.match(sentence, gap - 1):
            gap -= 1
        if gap < start:
            start = gap - _LONGEST_QUALIFIER
        for position in range(max(start, resume), number + 1):
            match = NUMBER_PATTERN.match(sentence, position)
            if match:
                resume = match.end()
                yield match
                break
        else:
            resume = max(resume, digits.end())


def extract_quantities(sentence: str) -> list[Quantity]:
    """Every counted number in `sentence`, in order (years, dates and times left out)."""
    return numbers_in(sentence).quantities


def numbers_in(sentence: str) -> Numbers:
    """extract_quantities(), and the sentence's words split on the way."""
    found: list[Quantity] = []
    words: SentenceWords | None = None
    for match in number_matches(sentence):
        number, fraction = match.group("number"), match.group("fraction")
        currency, multiplier = match.group("currency"), match.group("multiplier")
        number_start = match.start("number") - (1 if currency else 0)
        if not currency and not multiplier:
            if _is_year(number, fraction, sentence, match.end("number")):
                continue
            if _is_date(sentence, match.start("number"), match.end("number")):
                continue
        if multiplier and multiplier.lower() in ("k", "m") and not currency:
            multiplier = None
        value = float(number.replace(",", "") + (fraction or ""))
        if multiplier:
            value *= MULTIPLIERS[multiplier.lower()]
        if value <= 0:
            continue
        number_end = (
            match.end("multiplier")
            if multiplier
            else match.end("fraction")
            if (fraction)
            else match.end("number")
        )
        after_text = sentence[number_end:]
        unit_hyphen = re.match(r"-(mile|kilometer|kilometre|km)\b", after_text)
        if words is None:
            words = SentenceWords(sentence)
        words_after = words.between(number_end, number_end + AFTER_CHARS)
        what: str | None
        who: str | None
        unit: str | None = None
        counted: str | None
        """What the words after the number count, before a verb in front of it says
        they are casualties ("killed 12 civilians": the civilians are the victims, and
        whoever comes before the verb is not who is counted)."""
        if currency:
            what = counted = "money"
            who, unit = None, CURRENCIES[currency]
        elif unit_hyphen:
            what = counted = unit = "miles" if unit_hyphen.group(1) == "mile" else "km"
            who = None
        else:
            counted, who, unit = _counted(_skip_leading(words_after, after_text), words)
            if counted == "time":
                continue
            what = _casualty_verb_before(sentence, match.start(), counted)
            before_start = max(0, number_start - BEFORE_CHARS)
            before_text = sentence[before_start:number_start]
            before = None
            if what is None:
                before = words.between(before_start, number_start)
                what, who = _from_context(before)
            if (
                what in ("troops", "killed", "wounded", "casualties")
                and who is None
                and (what == counted or counted is None)
                and _may_name_people(before_text)
            ):
                who = _who_before(
                    words.between(before_start, number_start) if before is None else before
                )
        qualifier = match.group("qualifier")
        start = match.start() if qualifier else number_start
        end = _phrase_end(number_end, counted, words_after)
        found.append(
            Quantity(
                text=sentence[start:end],
                start=start,
                end=end,
                value=value,
                what=what,
                who=who,
                qualifier=qualifier.lower() if qualifier else None,
                bound=QUALIFIERS[qualifier.lower()] if qualifier else "exact",
                unit=unit,
            )
        )
    return Numbers(found, words)


def _casualty_verb_before(sentence: str, start: int, what: str | None) -> str | None:
    """'killed 52 people', 'injured 250 people': the verb before the number says what is
    counted (the people are the victims, a population read in measures.py)."""
    if what is None or what in NOT_PEOPLE:
        return what
    before = sentence[max(0, start - 12) : start].split()
    verb = before[-1].lower() if before else ""
    return CASUALTY_VERBS.get(verb, what)


NOT_PEOPLE = frozenset(["money", "miles", "km", "square miles", "square km", "time"])
"""Counted things that cannot be casualties."""


def _skip_leading(words: list[_Word], after_text: str) -> list[_Word]:
    """Words after the number, but none when punctuation closes the phrase first."""
    if _ends_phrase(after_text):
        return []
    return words


def _ends_phrase(after_text: str) -> bool:
    """True when the number is followed by punctuation or the end of the sentence."""
    stripped = after_text.lstrip(" ")
    return not stripped or stripped[0] in ".,;:!?)”\"’'—–"


def _phrase_end(number_end: int, what: str | None, words: list[_Word]) -> int:
    """End of the quantity's span: through the counted noun when it follows the number."""
    if what is None or what == "money":
        return number_end
    for word in words[: PHRASE_WORDS + 1]:
        lower = word.lower
        if (
            lower == what
            or lower in TROOP_NOUNS
            or lower in MILE_WORDS
            or lower in KILOMETRE_WORDS
            or lower in PEOPLE_NOUNS
            or lower in PEOPLE_DEMONYMS
            or lower in KILLED_WORDS
            or lower in WOUNDED_WORDS
            or lower in CASUALTY_NOUNS
        ):
            return word.start + len(word.text)
    return number_end
