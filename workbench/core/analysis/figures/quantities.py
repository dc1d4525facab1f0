"""Numbers in a sentence, with what they count ("about 3,000 North Korean soldiers").

The claim ledger compares figures only when they count the same thing, so each number
gets a normalised 'what' (troops, killed, wounded, casualties, money, square miles,
miles, ...) and, where the phrase says so, a 'who' (the nationality counted: "North
Korean"). Years, dates, clock times, ordinals and durations are not quantities.
Plain regular expressions over one sentence: this is extraction, not parsing.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache
from itertools import repeat
from typing import NamedTuple

from workbench.core.analysis.figures.arithmetic import with_arithmetic
from workbench.core.analysis.figures.quantity import Quantity as Quantity
from workbench.core.analysis.figures.references import is_reference
from workbench.core.analysis.figures.signs import below_zero, may_be_signed, without_signs
from workbench.core.analysis.figures.totals import verb_past_change
from workbench.core.analysis.lexicon import (
    AFTER_QUALIFIERS,
    AREA_UNITS,
    ARREST_WORDS,
    ARTICLES,
    BACK_REFERENCES,
    BARE_PEOPLE_VERBS,
    BARE_SUBJECT_SKIPPED,
    BODY_NOUNS,
    CASUALTY_NOUNS,
    CASUALTY_VERBS,
    CHANGE_REACH,
    CLAUSE_REPORTING,
    COLLECTIVE_NOUNS,
    COMPOUND_UNITS,
    COUNTED_SYNONYMS,
    COUNTRIES,
    CURRENCIES,
    CURRENCY_CODES,
    CURRENCY_WORDS,
    DEATH_NOUNS,
    DEMONYMS,
    DURATION_DAYS,
    DURATION_NOT_AFTER,
    ENDING_STATES,
    ESTIMATING,
    EVENT_KINDS,
    FIGURE_PHRASE_STOPS,
    FRACTIONS,
    INVARIANT_PLURALS,
    KILLED_WORDS,
    KILOMETRE_WORDS,
    LASTING_STATES,
    LIVES_NOUNS,
    LIVES_TAKEN,
    MASS_UNITS,
    MILE_WORDS,
    MILITARY_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTHS,
    MULTIPLES,
    MULTIPLIERS,
    PAUSES,
    PEOPLE_DEMONYMS,
    PEOPLE_NOUNS,
    PERCENT_WORDS,
    PLACE_PREPOSITIONS,
    POWER_UNITS,
    QUALIFIERS,
    SAVING_WORDS,
    SCORE_WORDS,
    SHORT_LENGTHS,
    SPELLED_NUMBERS,
    SPELLED_SCALES,
    SQUARE_WORDS,
    TERM_VERBS,
    TIME_UNITS,
    TOLL_LINKS,
    TOLL_WORDS,
    TOTAL_ADVERBS,
    TOTAL_LINKS,
    TOTAL_REACH,
    TOTAL_VERBS,
    TROOP_DEMONYMS,
    TROOP_NOUNS,
    UNIT_SIGNS,
    VAGUE_NUMBERS,
    VERB_FORMS,
    VOTE_WORDS,
    WEEKDAY_NAMES,
    WEIGHING_WORDS,
    WOUNDED_WORDS,
    word_set,
)
from workbench.core.terminal_text import shown_as_nothing

_PEOPLE_FIRST_WORDS = frozenset(key.split()[0] for key in [*DEMONYMS, *COUNTRIES])
"""The first word of every demonym and country (what _demonym_at starts from)."""
_PEOPLE_WORDS = _PEOPLE_FIRST_WORDS | {
    f"{word}{mark}s" for word in _PEOPLE_FIRST_WORDS for mark in ("'", "’")
}
"""The same, and their possessives as a sentence's words hold them ("russia's")."""
_QUALIFIER = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_MULTIPLIER = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
_CODE_SIGNS = {
    code: chr(0xE000 + number)
    for number, code in enumerate(
        sorted({code.upper() for code in CURRENCY_CODES} - set(CURRENCIES.values()))
    )
}
"""A sign of our own (a private-use character) for each currency code that has none, so
that "SEK 5.6bn" is read as "€890m" is: the code before a number as a sign (_as_sign)."""
_SIGNS = {**CURRENCIES, **{sign: code for code, sign in _CODE_SIGNS.items()}}
"""Every sign a number may open with, and its currency code."""
_CURRENCY = "".join(map(re.escape, _SIGNS))
_JOINED_UNITS = "|".join(
    sorted(
        map(re.escape, [*CURRENCY_WORDS, *MASS_UNITS, "barrels", "people"]), key=len, reverse=True
    )
)
"""What a multiplier joined to a number with no currency sign may come before ("31bn
kronor", "2.1m tonnes", "3m people"): a unit, never a length ("a 100m sprint")."""
_NOT_A_DATE = "".join(
    rf"(?<!{month.capitalize()}\ )" for month in (*MONTH_NAMES, *MONTH_ABBREVIATIONS)
)
"""Before a number in groups of three split by spaces ("15 000 soldiers"): no month (in
"on June 12 200 people", 12 is a day)."""
_INVISIBLE = shown_as_nothing()
"""What draws nothing and may sit between two digits (a scraped page's <wbr>, a soft
hyphen): "4<U+200B>0 troops" shows as "40 troops", so it is read as 40, never as 4 (tr15
T6). The screen's own list (core/terminal_text.py), not one of this module's (rv15 R9)."""
NUMBER_PATTERN = re.compile(
    rf"""
    (?:(?P<qualifier>\b(?:{_QUALIFIER}))[\s"'“”‘’]+)?
    (?P<currency>[{_CURRENCY}])?
    (?<![\w.,:/-])(?<![\w.,:/-][{_CURRENCY}])
    (?P<number>\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[\u00a0\u202f\u2009]\d{{3}})+
      |\d{{1,3}}(?:[’']\d{{3}})+(?![\d’'])
      |{_NOT_A_DATE}\d{{1,3}}(?:\ \d{{3}})+(?![\d,.])
      |\d+(?:[{_INVISIBLE}]+\d+)*)(?P<fraction>\.\d+)?
    (?![\d,.:/]\d)(?:(?!\w)|(?=°?[CF]\b)|(?=(?:kg|km|mph|kph|kmh|km/h|km²|km2)(?![\w/]))
      |(?(currency)(?=(?:bn|m|k)\b)|(?=(?:bn|m)\s+(?:{_JOINED_UNITS})\b)))
    (?:\s?(?P<multiplier>{_MULTIPLIER})\b)?
    """,
    re.VERBOSE | re.IGNORECASE,
)
WORD_PATTERN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ][A-Za-zÀ-ÖØ-öø-ɏ.'’-]*")
"""A word: Latin letters, accented ones too ("Valparaíso", "Pécs": a name split at its
accent was two words, neither the name)."""
_DIGITS = re.compile(rf"\d+(?:[{_INVISIBLE}]+\d+)*")
_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f\u2009’'")
"""What may split a number's thousands: a comma, a space, a no-break or thin space, an
apostrophe ("12’000", as Swiss copy writes it; qa6 Q16)."""
_DIGIT = re.compile(r"\d")
"""Whether a sentence has a number in digits at all (most have none: then no matcher is
set up for it)."""
_SEPARATOR = re.compile(r"[\s\"'“”‘’]")
"""What NUMBER_PATTERN allows between a qualifier and the number."""
_LONGEST_QUALIFIER = max(map(len, QUALIFIERS))
YEAR_PATTERN = re.compile(r"(?:1[5-9]|20)\d\d")
AFTER_CHARS = 80
BEFORE_CHARS = 200
"""How far around a number the counted noun and the nationality are looked for."""
PHRASE_WORDS = 4
"""How many words after a number may hold the counted noun ("10,000 North Korean troops")."""


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


_new_tuple = tuple.__new__
_match_start, _match_end, _match_text = re.Match.start, re.Match.end, re.Match.group


class SentenceWords:
    """A sentence's words, split once for all its numbers (and for measures.py):
    the words after or before a number are a slice found by bisection, not a new split
    of part of the sentence. Kept as plain lists; _Word tuples are made for a slice only.
    """

    __slots__ = ("_lower_set", "_lowers", "ends", "sentence", "starts", "texts")

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        matches = list(WORD_PATTERN.finditer(sentence))
        self.starts: list[int] = list(map(_match_start, matches))
        self.ends: list[int] = list(map(_match_end, matches))
        self.texts: list[str] = list(map(str.rstrip, map(_match_text, matches), repeat(".'’")))
        self._lowers: list[str] | None = None
        self._lower_set: frozenset[str] | None = None

    def between(self, start: int, stop: int) -> list[_Word]:
        """The words that begin at `start` or later and before `stop` (made by C-level
        tuple construction: a sentence's numbers ask for hundreds of words)."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, stop)
        fields = zip(
            self.texts[first:last],
            self.lowers[first:last],
            self.starts[first:last],
            self.ends[first:last],
            strict=True,
        )
        return list(map(_new_tuple, repeat(_Word), fields))

    def may_name_people(self, start: int, stop: int) -> bool:
        """False when no word between `start` and `stop` can begin a demonym or a
        country, so _who_before need not read them (one C-level set check)."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, stop)
        return not _PEOPLE_WORDS.isdisjoint(self.lowers[first:last])

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

    @property
    def claim_set(self) -> frozenset[str]:
        """The words of the sentence but for a closing attribution (", the army said",
        ", according to the national disaster response force"): who speaks says nothing
        of what the figures count."""
        lowers = self.lowers
        if _REPORTING_WORDS.isdisjoint(lowers):
            return self.lower_set
        cut = self.sentence.rfind(", ")
        if cut < 0:
            return self.lower_set
        first = bisect_left(self.starts, cut)
        if _REPORTING_WORDS.isdisjoint(lowers[first:]):
            return self.lower_set
        return frozenset(lowers[:first])


_REPORTING_WORDS = CLAUSE_REPORTING - {"that"}


class Numbers(NamedTuple):
    """What numbers_in() finds: the counted numbers, and the sentence's words."""

    quantities: list[Quantity]
    words: SentenceWords | None
    """None when the sentence has no number."""


def _is_year(number: str, fraction: str | None, text: str, end: int) -> bool:
    """1950, 2024, 1950-53, 1950s (the 's' is already excluded by the pattern)."""
    if fraction or "," in number or not YEAR_PATTERN.fullmatch(number):
        return False
    following = text[end : end + 1]
    return following not in ("%",)


_JOINED_DATE = re.compile(r"[-:/]\d")


MOST_DIGITS = 400
"""A number written longer than this (separators included: 309 digits are the most a float
holds) is no figure: counted nothing before anything reads it (tr17: a claim holding a
4,400-digit number ended `summary` in int()'s ValueError, 'Exceeds the limit (4300
digits)'; tr16 T2 had stopped 400 nines only at float's infinity)."""


def _is_date(text: str, start: int, end: int) -> bool:
    """'October 4', '4 October', 'June 19, 2024', '2024-10-23', '13:35'.

    A number next to a month is a day only if it can be one: "In October, 3,000
    troops" counts troops.
    """
    if _JOINED_DATE.match(text, end):
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
    if first not in _PEOPLE_FIRST_WORDS:
        return None
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
    text = sentence.sentence
    while position < len(words) and position < PHRASE_WORDS + 1:
        word, lower = words[position], words[position].lower
        if (
            position
            and word.start - words[position - 1].end > 1
            and ("," in text[words[position - 1].end : word.start])
        ):
            break  # "destroyed 120 stalls, traders said": the phrase ends at the comma
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
    noun = _head_noun(plain)
    if noun is None:
        return None, _join(who), None
    return COUNTED_SYNONYMS.get(noun, noun), _join(who), None


def _counted_casualties(noun: str, after: list[_Word]) -> str:
    """'Five pupils were injured', 'three miners died': counted people who are the dead
    or the wounded (the noun is their population); else the noun."""
    for position, word in enumerate(after[: PHRASE_WORDS + 1]):
        if COUNTED_SYNONYMS.get(word.lower, word.lower) == noun:
            following = after[position + 1 : position + 6]
            if following and following[0].lower in ("and", "or"):
                return noun  # "destroyed 2,000 buildings and killed 12 people"
            return _casualty_kind(_verb_phrase(following)) or noun
    return noun


_KNOWN_WHATS = frozenset(
    ["troops", "people", "killed", "wounded", "casualties", "money", "time", "percent"]
)


def _head_noun(words: list[_Word]) -> str | None:
    """The counted noun of a phrase no table knows: its last plural before a verb
    ("310,000 baby monitors", "5 news outlets", "2,000 buildings destroyed", "60 armed
    drones"), in lower case; a capitalised word is a name, not the noun ("Abrams
    tanks")."""
    noun = None
    for word in words:
        lower = word.lower
        verb = lower in VERB_FORMS or (len(lower) > 4 and lower.endswith(("ed", "ing")))
        if verb and noun is not None:
            break  # before a noun, a participle is an adjective: "60 armed drones"
        if (lower.endswith("s") or lower in INVARIANT_PLURALS) and (
            not word.text[:1].isupper() or word.start == 0
        ):  # a capital opening the sentence is no name: "Homicides ... rose to 96"
            noun = lower
    return noun


def _known_noun(
    words: list[_Word], position: int, sentence: SentenceWords
) -> tuple[str, str | None, int] | None:
    """(what, unit, words used) when words[position] is a noun the ledger knows."""
    lower = words[position].lower
    if lower not in _KNOWN_NOUN_WORDS:
        return None
    following = words[position + 1].lower if position + 1 < len(words) else ""
    if lower in SQUARE_WORDS and following in MILE_WORDS:
        return "square miles", "square miles", 2
    if lower in SQUARE_WORDS and following in KILOMETRE_WORDS:
        return "square km", "square km", 2
    if lower in MILE_WORDS or lower in KILOMETRE_WORDS:
        if following in ("per", "an", "a") and _word(words, position + 2) == "hour":
            speed = "mph" if lower in MILE_WORDS else "km/h"
            return speed, speed, 3
        return ("miles", "miles", 1) if lower in MILE_WORDS else ("km", "km", 1)
    if lower in AREA_UNITS:
        return AREA_UNITS[lower], AREA_UNITS[lower], 1
    if lower in SHORT_LENGTHS:
        return SHORT_LENGTHS[lower], SHORT_LENGTHS[lower], 1
    if lower in MASS_UNITS:
        return MASS_UNITS[lower], MASS_UNITS[lower], 1
    if lower in POWER_UNITS:
        return POWER_UNITS[lower], POWER_UNITS[lower], 1
    if lower in PERCENT_WORDS or (lower == "per" and following == "cent"):
        return "percent", None, 1 if lower in PERCENT_WORDS else 2
    if lower == "percentage" and following == "points":
        return "percentage points", None, 2
    if lower in TIME_UNITS:
        return "time", None, 1
    if lower in _POUNDS and _weighed_before(sentence, words[position].start):
        return "pounds", "pounds", 1  # "weighed 700 pounds": a weight, not a sum of money
    if lower in CURRENCY_WORDS:
        return "money", CURRENCY_WORDS[lower], 1
    if lower in TROOP_NOUNS:
        return ("people" if _arrested_men(lower, sentence) else "troops"), None, 1
    if lower in CASUALTY_NOUNS:
        return "casualties", None, 1
    if lower in KILLED_WORDS or lower in WOUNDED_WORDS:
        return _casualty_kind(words[position : position + 3]) or "casualties", None, 1
    if lower in BODY_NOUNS:
        return "killed", None, 1
    if (
        lower in LIVES_NOUNS
        and not sentence.lower_set.isdisjoint(LIVES_TAKEN)
        and sentence.lower_set.isdisjoint(SAVING_WORDS)
    ):
        return "killed", None, 1  # "claimed 35 lives", "900 lives were lost": the dead
    if lower == "people":
        return ("troops" if _mentions_troops(sentence) else "people"), None, 1
    if lower in PEOPLE_NOUNS:
        return "people", None, 1
    return None


def _word(words: list[_Word], position: int) -> str:
    """The word at `position` in lower case, or "" past the end."""
    return words[position].lower if position < len(words) else ""


_KNOWN_NOUN_WORDS = (
    SQUARE_WORDS | MILE_WORDS | KILOMETRE_WORDS | frozenset(AREA_UNITS) | PERCENT_WORDS
    | frozenset(SHORT_LENGTHS) | frozenset(MASS_UNITS) | frozenset(POWER_UNITS)
    | TIME_UNITS | frozenset(CURRENCY_WORDS) | TROOP_NOUNS | CASUALTY_NOUNS | KILLED_WORDS
    | WOUNDED_WORDS | BODY_NOUNS | LIVES_NOUNS | PEOPLE_NOUNS | {"per", "percentage", "people"}
)  # fmt: skip
"""Every word _known_noun can start from (one set check for the others)."""


def _with_casualty(what: str, after: list[_Word]) -> str:
    """'troops have been killed or wounded' counts casualties, not troops; 'people lost
    their lives' counts the dead."""
    if [word.lower for word in after[:3]] == LOST_LIVES:
        return "killed"
    if after[:1] and after[0].lower == "aboard":
        after = after[1:]  # "all 64 people aboard died": the dead, not those aboard
    elif [word.lower for word in after[:2]] == ["on", "board"]:
        after = after[2:]
    return _casualty_kind(_verb_phrase(after[:5])) or what


LOST_LIVES = ["lost", "their", "lives"]


def _join(who: set[str]) -> str | None:
    return " and ".join(sorted(who)) or None


_FOUND_TO_BE = frozenset(["confirmed", "found", "declared", "pronounced", "reported"])
"""After "were" or "had been", verbs that say what people were found to be ("confirmed
dead", "found dead", "reported injured"): the words after them say what is counted."""


def _verb_phrase(words: list[_Word]) -> list[_Word]:
    """'had been killed or injured', 'killed and ...': the words that follow a count noun."""
    kept: list[_Word] = []
    for word in words:
        if kept and word.start - kept[-1].end > 2:
            break  # "died, 40 were injured": another figure's verb
        if word.lower in ("have", "has", "had", "been", "were", "was", "are", "or", "and"):
            kept.append(word)
            continue
        if word.lower in _FOUND_TO_BE and kept:
            kept.append(word)  # "had been confirmed dead", "were found dead": the dead
            continue
        if word.lower in KILLED_WORDS or word.lower in WOUNDED_WORDS:
            kept.append(word)
            continue
        break
    return kept


def _is_military(sentence: SentenceWords) -> bool:
    """True when the sentence's claim speaks of troops or military movement (not its
    speaker: "..., the national disaster response force said")."""
    words = sentence.claim_set
    return not (words.isdisjoint(TROOP_NOUNS) and words.isdisjoint(MILITARY_WORDS))


def _arrested_men(lower: str, sentence: SentenceWords) -> bool:
    """ "Police arrested two men": men arrested or detained are people, not troops, unless
    the sentence is military otherwise (qa14 Q6)."""
    words = sentence.claim_set
    return (
        lower == "men" and not words.isdisjoint(ARREST_WORDS) and words.isdisjoint(MILITARY_WORDS)
    )


def _mentions_troops(sentence: SentenceWords) -> bool:
    return not sentence.claim_set.isdisjoint(TROOP_NOUNS) or bool(
        _TROOP_DEMONYM.search(sentence.sentence)
    )


_TROOP_DEMONYM = re.compile(rf"\b(?:{'|'.join(TROOP_DEMONYMS)})\b", re.IGNORECASE)


def _from_context(before: list[_Word]) -> tuple[str | None, str | None]:
    """A bare number ("putting the number at 12,000"): the nearest troop noun before it;
    a toll close before it counts the dead ("put the death toll from the storm at 23")."""
    last = len(before) - 1
    for position in range(last, -1, -1):
        lower = before[position].lower
        if lower in TOLL_WORDS and last - position <= TOLL_REACH:
            return "killed", None
        if (
            lower in DEATH_NOUNS
            and last - position <= DEATH_REACH
            and before[last].lower in TOLL_LINKS
        ):
            return "killed", None
        if lower in TROOP_NOUNS or lower in PEOPLE_DEMONYMS:
            return "troops", _who_before(before[: position + 1])
        if (
            lower == "participation"
            and last - position <= DEATH_REACH
            and before[last].lower == "at"
        ):
            return "people", None  # "put participation in the strike at 45,000": who joined
    return None, None


def _total_of(before: list[_Word], sentence: SentenceWords) -> str | None:
    """A bare number a verb of totals gives ("the death toll ... has risen to 21", "the
    number of displaced people has climbed to 40,000", "confirmed cases now stand at
    1,200", "arrests reached 300"): what the clause's subject counts (the dead for a
    toll), read back to the start of the clause."""
    verb = len(before) - 1
    if verb >= 0 and before[verb].lower in TOTAL_LINKS:
        verb -= 1
    while verb >= 0 and before[verb].lower in TOTAL_ADVERBS:
        verb -= 1
    linking = verb >= 0 and len(before) - verb <= 3 and before[verb].lower in _LINKING
    if (
        verb < 0
        or len(before) - verb > 3
        or (before[verb].lower not in TOTAL_VERBS and not linking)
    ):
        changed = verb_past_change([word.lower for word in before[-CHANGE_REACH - 2 :]])
        if changed is None:
            return None
        verb = len(before) - min(len(before), CHANGE_REACH + 2) + changed
    text = sentence.sentence
    first = verb
    while first > 0 and verb - first < TOTAL_REACH:
        gap = text[before[first - 1].end : before[first].start]
        if "," in gap or ";" in gap or before[first - 1].lower in CLAUSE_REPORTING:
            break
        first -= 1
    subject = before[first:verb]
    if linking:  # "The number of migrants who made the crossing in 2023 was about 140,000"
        lowers = [word.lower for word in subject]
        if "number" not in lowers or lowers[
            lowers.index("number") + 1 : lowers.index("number") + 2
        ] != ["of"]:
            return None
        subject = subject[lowers.index("number") + 2 :]
    for position, word in enumerate(subject):
        if word.lower in TOLL_WORDS or word.lower in DEATH_NOUNS:
            return "killed"
        if word.lower in COLLECTIVE_NOUNS:
            return "people"  # "the population of Velmora stands at 2.1 million"
        known = _known_noun(subject, position, sentence)
        if known is not None and known[0] != "money":
            return _what_befell(known[0], subject[position + 1 :])
    noun = _head_noun([w for w in subject if w.lower not in FIGURE_PHRASE_STOPS])
    return COUNTED_SYNONYMS.get(noun, noun) if noun else None


def _what_befell(what: str, after: list[_Word]) -> str:
    """People a total counts, narrowed by what the words right after them say befell them
    ("the number of people killed ... has risen to 17": the dead, as a toll's words say;
    "people who were injured": the wounded)."""
    if what != "people":
        return what
    words = [word.lower for word in after[:4]]
    while words and words[0] in _WHO_WERE:
        words = words[1:]
    if words and words[0] in KILLED_WORDS:
        return "killed"
    if words and words[0] in WOUNDED_WORDS:
        return "wounded"
    return what


_WHO_WERE = frozenset(["who", "that", "were", "have", "had", "has", "been"])
_LINKING = frozenset(["was", "is", "were", "are"])
"""After "the number of X", a verb that says the total as a verb of totals does."""


def _after_collective(before: list[_Word]) -> bool:
    """'A crowd of 68,000', 'an audience of 2,000', 'estimated the crowd at Saturday's
    march at 15,000': the bare number counts people."""
    if len(before) >= 2 and before[-1].lower == "of" and before[-2].lower in COLLECTIVE_NOUNS:
        return True
    if not before or before[-1].lower != "at":
        return False
    for position in range(len(before) - 2, max(0, len(before) - 10), -1):
        if before[position].lower in COLLECTIVE_NOUNS:
            verb = position - 1
            if verb >= 0 and before[verb].lower in ARTICLES:
                verb -= 1
            return verb >= 0 and before[verb].lower in ESTIMATING
    return False


def _subject_of(after: list[_Word]) -> str | None:
    """A bare number that is the subject of what happens to people ("40 were injured",
    "an estimated 15,000 marched", "a crowd of 20,000 gathered"): the dead, the wounded
    or people."""
    position = 0
    while position < len(after) and after[position].lower in BARE_SUBJECT_SKIPPED:
        position += 1
    if position >= len(after) or position > 3:
        return None
    verb = after[position].lower
    if verb in KILLED_WORDS:
        return "killed"
    if verb in WOUNDED_WORDS:
        return "wounded"
    return "people" if verb in BARE_PEOPLE_VERBS else None


DEATH_REACH = 8
"""How many words a noun for the dead may stand before its number ("deaths from the
heatwave in Andalusia rose to")."""
TOLL_REACH = 6
"""How many words a toll may stand before its number ("the toll from the quake rose to")."""


def _who_before(before: list[_Word]) -> str | None:
    """The nearest demonym or country before a number, skipping places ('to Russia')."""
    position = len(before) - 1
    while position >= 0:
        if before[position].lower not in _PEOPLE_WORDS and (
            position == 0 or before[position - 1].lower not in _PEOPLE_WORDS
        ):
            position -= 1  # no demonym or country ends here (one starts with such a word)
            continue
        for size in (2, 1):
            first = position - size + 1
            if first < 0:
                continue
            found = _demonym_at(before, first)
            if found is None or found[1] != size:
                continue
            preceding = before[first - 1].lower if first > 0 else ""
            if preceding in PLACE_PREPOSITIONS or _only_speaks(before, position + 1):
                break
            return found[0]
        position -= 1
    return None


def _only_speaks(words: list[_Word], verb: int) -> bool:
    """True when a country at words[verb - 1] is the speaker of what follows, not whose
    people are counted: "Israel said 1,200 people were killed" (but "Britain said it
    would send 1,600 troops": the pronoun takes the country on)."""
    if _word(words, verb) not in CLAUSE_REPORTING:
        return False
    following = _word(words, verb + 1)
    if following == "that":
        following = _word(words, verb + 2)
    return following not in BACK_REFERENCES


def _may_end_in_qualifier(text: str) -> bool:
    """False when no qualifier can end `text` ("at least" before "10,000"): then the
    number's match starts at the number, and the qualifier's positions need no trying.
    Text that is not ASCII is always tried (the pattern's case-insensitive matching
    folds more letters than str.lower)."""
    return not text.isascii() or text.lower().endswith(_QUALIFIER_WORDS)


_QUALIFIER_WORDS = tuple(QUALIFIERS)


def number_matches(sentence: str) -> Iterator[re.Match[str]]:
    """What NUMBER_PATTERN.finditer(sentence) finds, trying the pattern only where a match
    can start.

    Every match holds a number, which begins a run of digits, and can start only a
    qualifier, its quotes or spaces and a currency sign before that run. Scanning the
    whole sentence tried the qualifier alternatives at every character, which was half
    of the time spent on a sentence with numbers; the qualifier's positions are tried
    only when the text before the number ends like one.
    """
    resume = 0
    for digits in _DIGITS.finditer(sentence):
        number = digits.start()
        start = number - 1 if number and sentence[number - 1] in _SIGNS else number
        gap = start
        while gap and _SEPARATOR.match(sentence, gap - 1):
            gap -= 1
        if gap < start and _may_end_in_qualifier(sentence[max(0, gap - _LONGEST_QUALIFIER) : gap]):
            start = gap - _LONGEST_QUALIFIER
        for position in range(max(start, resume), number + 1):
            match = NUMBER_PATTERN.match(sentence, position)
            if match:
                resume = match.end()
                yield match
                break
        else:
            resume = max(resume, digits.end())


AFTER_QUALIFIER = re.compile(
    r"(\s+or\s+(?:more|over|so|fewer|less)\b|-plus\b|\+)(?!\s*\d)", re.IGNORECASE
)
"""A qualifier after a number ("300 or more people", "300-plus", "300+", "300 or so"): read
as AFTER_QUALIFIERS says the same before it; the counted words follow it."""
_SIGN_OF_CODE = {code: sign for sign, code in _SIGNS.items()}
_CURRENCY_CODE = re.compile(rf"\b({'|'.join(sorted(_SIGN_OF_CODE))}) (?=\d)")


def _as_sign(code: re.Match[str]) -> str:
    """A currency code before a number ("EUR 890m") as its sign right before it, in as
    many characters ("   €890m"), so that every offset still points into the sentence."""
    return "   " + _SIGN_OF_CODE[code.group(1)]


_NAME_BEFORE = re.compile(r"[a-z,]\s+([A-Z][a-z]+)\s$")
"""A capitalised word inside a sentence, right before a number ("on Hill 302")."""
_NAME_NUMBER = re.compile(r"\d{1,4}")


def _names_a_thing(sentence: str, number_start: int, match: re.Match[str]) -> bool:
    """Whether a plain number is part of a name: right after a capitalised word inside
    the sentence ("the assault on Hill 302", "Flight 17 crashed") that is no weekday,
    month or people, and before no noun a figure counts ("in Kessia 300 troops" counts)."""
    if (
        match.group("qualifier")
        or match.group("fraction")
        or not _NAME_NUMBER.fullmatch(match.group("number"))
    ):
        return False
    name = _NAME_BEFORE.search(sentence, max(0, number_start - 40), number_start)
    if name is None:
        return False
    lower = name.group(1).lower()
    if lower in MONTHS or lower in WEEKDAY_NAMES or lower in DEMONYMS:
        return False
    return not _counts_after(sentence, match.end("number"))


_BEFORE_A_COUNTED_NOUN = frozenset(("more", "other", "of", "its", "their", "his", "her"))
"""Words between a number and the noun it counts ("50 more troops", "40 of its tanks")."""


_TALLY_NOUNS = frozenset(("seats", "votes", "ballots"))
"""Nouns a party's figure counts: right after a number they make it a count, whatever
capitalised word comes before it."""


def _counts_after(sentence: str, end: int) -> bool:
    """Whether the words after a number make it a count: a noun a figure counts within a
    few words, past capitalised words and people ("In Kursk 50 North Korean soldiers
    died"), or "of" ("63 of parliament's 150 seats"): the number after a place or a party
    is no part of its name (rv9 R2; "on Hill 302 was taken" is)."""
    for number, word in enumerate(WORD_PATTERN.finditer(sentence, end, end + 60)):
        lower = word.group(0).lower().rstrip(".")
        if lower in _KNOWN_NOUN_WORDS or (lower == "of" and number == 0):
            return True
        if lower in _TALLY_NOUNS and number == 0:
            return True  # "gave the Progress Party 118 seats": a party's tally, no name
        if number == 3 or not (
            word.group(0)[0].isupper() or lower in DEMONYMS or lower in _BEFORE_A_COUNTED_NOUN
        ):
            return False
    return False


def extract_quantities(sentence: str) -> list[Quantity]:
    """Every counted number in `sentence`, in order (years, dates and times left out)."""
    return numbers_in(sentence).quantities


def numbers_in(sentence: str) -> Numbers:
    """extract_quantities(), and the sentence's words split on the way."""
    found: list[Quantity] = []
    words: SentenceWords | None = None
    scores: list[int] = []
    digits = _DIGIT.search(sentence) is not None
    scanned = without_signs(sentence) if digits else sentence
    if digits and _CURRENCY_CODE.search(scanned) is not None:
        scanned = _CURRENCY_CODE.sub(_as_sign, scanned)
    for match in number_matches(scanned) if digits else ():
        if match.end("number") - match.start("number") > MOST_DIGITS:
            continue  # more digits than a float holds: no figure, and int() refuses it
        number = _as_shown(match.group("number"))
        fraction = match.group("fraction")
        currency, multiplier = match.group("currency"), match.group("multiplier")
        number_start = match.start("number") - (1 if currency else 0)
        if currency and sentence[number_start] != currency:
            number_start -= 3  # "EUR 890m": the code, read as its sign, starts the figure
        if not currency and not multiplier:
            if _is_year(number, fraction, sentence, match.end("number")):
                continue
            if _is_date(sentence, match.start("number"), match.end("number")):
                if sentence[match.end("number") : match.end("number") + 1] in _DASHES:
                    scores.append(match.start("number"))  # "won 3-1": maybe a score
                continue
        if multiplier and multiplier.lower() in ("k", "m") and not currency:
            if match.start("multiplier") != (
                match.end("fraction") if fraction else match.end("number")
            ):
                multiplier = (
                    None  # "5 m": metres; "2.1m tonnes" (joined, before a unit) is millions
                )
        elif not currency and not multiplier and _names_a_thing(sentence, number_start, match):
            continue  # "Hill 302", "Flight 17": a number in a name
        if not (currency or multiplier or fraction or match.group("qualifier")) and is_reference(
            sentence, match.start("number"), match.end("number")
        ):
            continue  # "(see footnote 3)", "alert(1)": points somewhere, counts nothing
        value = float(number.translate(_SEPARATORS) + (fraction or ""))
        if multiplier:
            value *= MULTIPLIERS[multiplier.lower()]
        if not 0 < value < math.inf:
            continue  # none, or more digits than a float holds: counts nothing (tr16 T2)
        number_end = (
            match.end("multiplier")
            if multiplier
            else match.end("fraction")
            if (fraction)
            else match.end("number")
        )
        if words is None:
            words = SentenceWords(sentence)
        qualifier = match.group("qualifier")
        after = None if qualifier else AFTER_QUALIFIER.match(sentence, number_end)
        quantity = _quantity(
            _Number(
                start=match.start() if qualifier else number_start,
                number_start=number_start,
                number_end=number_end,
                value=value,
                qualifier=qualifier.lower()
                if qualifier
                else AFTER_QUALIFIERS[" ".join(after.group(1).lower().split())]
                if after
                else None,
                currency=currency,
                words_start=after.end() if after else None,
            ),
            words,
        )
        if quantity is not None:
            if fraction is not None and len(fraction) == _POINT_THOUSANDS and not multiplier:
                quantity = _point_thousands(quantity, number, fraction)
            found.append(quantity)
    dashes = False
    if scores:  # "12-15 people": the second number counts, the first begins its range
        pairs = len(scores)
        found, words, scores = _dashed_ranges(sentence, scores, found, words)
        dashes = len(scores) < pairs
    if _may_write_numbers_in_words(sentence):
        in_words = _numbers_in_words(sentence)
        if in_words:
            if words is None:
                words = SentenceWords(sentence)
            for spelled in in_words:
                quantity = _quantity(spelled, words)
                if quantity is not None:
                    found.append(quantity)
            found.sort(key=lambda quantity: quantity.start)
    if not _SPELLED_WORDS.isdisjoint(sentence.split()):  # a small number in words, whole
        casualties = _may_count_casualties_in_words(sentence)
        found, words = _small_numbers_in_words(sentence, found, words, casualties)
    if _may_join_in_words(sentence):
        found, words = _joined_in_words(sentence, found, words)
    if "alf" in sentence or "hird" in sentence or "uarter" in sentence or "ifth" in sentence:
        found = _fractions(sentence, found)  # "Half of the 800 staff" opens a sentence too
    if "bled" in sentence or "pled" in sentence or "halved" in sentence:
        found = _multiples(sentence, found)
    if _may_give_a_ratio(sentence):
        found = _ratios(sentence, found)
    if scores:
        found, words = _scores(sentence, scores, found, words)
    if _may_give_a_duration_in_words(sentence):
        found, words = _durations_in_words(sentence, found, words)
    if digits and " to " in sentence and "vote" in sentence:
        found = _votes_to(sentence, found)
    if digits and "agnitude-" in sentence:
        found = _joined_magnitudes(sentence, found)
    if (
        "place" in sentence
        or "finished" in sentence
        or "came " in sentence
        or "line " in sentence
        or "rank" in sentence
    ) and (_RANK.search(sentence)):
        found = _ranks(sentence, found)
    if digits and (" on " in sentence or " for " in sentence) and _ON_DATE.search(sentence):
        found = _dates(sentence, found)
    if digits and " in " in sentence and _EVENT_YEAR.search(sentence):
        found = _event_years(sentence, found)
    if (
        digits
        and ("at " in sentence or "ly " in sentence or "just " in sentence)
        and (_CLOCK.search(sentence))
    ):
        found = _clock_times(sentence, found)
    if "ties" in sentence and _DECADE_AGE.search(sentence):
        found = _decade_ages(sentence, found)
    if _may_give_a_clock_in_words(sentence):
        found = _clocks_in_words(sentence, found)
    if digits and may_be_signed(sentence, scanned):
        found = below_zero(sentence, found)
    if len(found) > 1:
        found = with_arithmetic(sentence, _ranges(sentence, found))
    if len(found) > 1 and ", not " in sentence:
        if words is None:
            words = SentenceWords(sentence)
        found = _without_denied(found, words)
    if found and (" to " in sentence or " and " in sentence or dashes):
        found = _ranges_ending(sentence, found)
    if found and ("hose " in sentence or "hese " in sentence):
        found = [q for q in found if not _pointed_back(sentence, q)]
    if found and ("bodies" in sentence or "corpses" in sentence or "remains" in sentence):
        found = [_at_least_the_found(sentence, q) for q in found]
    return Numbers(found, words)


def _at_least_the_found(sentence: str, quantity: Quantity) -> Quantity:
    """'38 bodies had been recovered': at least 38 dead, never fewer, so it disputes a
    toll of 35 and allows one of 40; '4 bodies recovered by fishermen' allows any toll
    from 4 (qa15 Q3: bodies were a class compared with nothing); so do "the remains of
    64 people"."""
    if quantity.bound != "exact":
        return quantity
    if quantity.what in _REMAINS_OF and _REMAINS.search(sentence, 0, quantity.start):
        return replace(quantity, what="killed", bound="lower")
    if quantity.what != "killed":
        return quantity
    if _BODIES.search(quantity.text) is not None:
        return replace(quantity, bound="lower")
    after = _BODIES_NEXT.match(sentence, quantity.end)
    if after is None:
        return quantity
    end = after.end()
    return replace(quantity, bound="lower", text=sentence[quantity.start : end], end=end)


_REMAINS = re.compile(r"\bremains\s+of\s+(?:the\s+|some\s+)?$", re.IGNORECASE)
_REMAINS_OF = frozenset(["people", "victims", "passengers", "killed"])
"""Whose remains are counted as the dead ("the remains of 64 people")."""
_BODIES = re.compile(r"\b(?:bodies|corpses)\b")
_BODIES_NEXT = re.compile(r"\s+(?:bodies|corpses)\b")
"""The body noun right after a figure whose text ends at its number ("11 bodies from")."""


_POINTED_BACK = re.compile(r"\b(?:those|these)\s+$", re.IGNORECASE)


def _pointed_back(sentence: str, quantity: Quantity) -> bool:
    """A count after a demonstrative: "Those four people are dead", "these 12 passengers"
    point back to people or things already counted (the four bodies named before), no
    figure of their own and no toll to set against the others (qa15 Q1). A measure
    ("those 40 miles") is read as before."""
    return quantity.what not in NOT_PEOPLE and bool(
        _POINTED_BACK.search(sentence, 0, quantity.start)
    )


_ORDINALS = {
    word: number
    for number, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
        ],
        1,
    )
}
_ORDINAL = rf"(?:{'|'.join(_ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))"
_RANK = re.compile(
    rf"\b(?:finished|came(?:\s+home)?|placed|ended|ranked|ranks"
    rf"|crossed\s+the\s+(?:finish(?:ing)?\s+)?line)\s+(?:in\s+)?(?P<after>{_ORDINAL})\b"
    rf"|\b(?P<before>{_ORDINAL})[\s-]+place\b",
    re.IGNORECASE,
)
"""A finishing place ("finished third", "came 2nd", "took fifth place", "crossed the line
fifth", "her fifth-place finish", "ranked 12th"): a figure of the class "rank", its
number."""


def _ranks(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with each finishing place as a figure of the class "rank" (the number in
    it, if read as another figure, is dropped)."""
    for match in _RANK.finditer(sentence):
        group = "after" if match.group("after") else "before"
        written = match.group(group).lower()
        value = _ORDINALS.get(written) or int(written[:-2])
        start, end = match.start(group), match.end()
        found = [q for q in found if not start <= q.start < end]
        found.append(
            Quantity(
                text=sentence[start:end],
                start=start,
                end=end,
                value=float(value),
                what="rank",
            )
        )
    found.sort(key=lambda quantity: quantity.start)
    return found


_JOINED_MAGNITUDE = re.compile(r"\bmagnitude-(\d(?:\.\d+)?)\b", re.IGNORECASE)
"""'A magnitude-7.0 quake': the number joined to the word before it (which a number's
match never starts after)."""


_MONTH_PATTERN = "|".join(MONTH_NAMES)
_ON_DATE = re.compile(
    rf"\b(?:on|for)\s+(?:(?P<month>{_MONTH_PATTERN})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_PATTERN}))\b"
    r"(?!,?\s*\d)",
    re.IGNORECASE,
)
"""A day something happens or is set for ("will reopen on March 3", "on 13 March",
"scheduled for 4 May"); a date with its year ("June 19, 2024") is a time, not a figure."""


def _dates(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with each day told with "on" or "for" as a figure of the class "date"
    (its value the month times 100 plus the day: two days compare as different).

    A day after a figure of its clause is that figure's time, not a figure ("said 11,000
    troops were in Kursk on November 4": measures.py reads it as their `when`; qa6 Q4),
    as the same day opening the sentence is."""
    for match in _ON_DATE.finditer(sentence):
        month = (match.group("month") or match.group("month2")).lower()
        day = int(match.group("day") or match.group("day2"))
        if not 1 <= day <= 31:
            continue
        start = match.start("month") if match.group("month") else match.start("day2")
        if _dates_a_figure(sentence, found, match.start()):
            continue
        found.append(
            Quantity(
                text=sentence[start : match.end()],
                start=start,
                end=match.end(),
                value=float((MONTH_NAMES.index(month) + 1) * 100 + day),
                what="date",
                unit="date",
            )
        )
    found.sort(key=lambda quantity: quantity.start)
    return found


def _dates_a_figure(sentence: str, found: list[Quantity], start: int) -> bool:
    """Whether a counted figure stands before `start` in the same clause (no clause break
    between them): the day is then when that figure was counted."""
    return any(
        quantity.end <= start
        and quantity.what not in _TIME_CLASSES
        and not _CLAUSE_BREAK.search(sentence, quantity.end, start)
        for quantity in found
    )


_TIME_CLASSES = frozenset(["date", "year", "clock", None])
_CLAUSE_BREAK = re.compile(r"[;:()\[\]—–]|,\s|\s-\s")
"""Where a clause ends (measures.py's breaks): a day past one is not a figure's time."""


_EVENT_YEAR = re.compile(r"\bin\s+((?:1[5-9]|20)\d\d)\b(?![-–/]\d)")
_YEAR_EVENTS = word_set(
    "built founded established opened completed constructed born died launched introduced "
    "created formed started begun began inaugurated"
)
"""The year something was built, founded, opened, born...: a figure of its own ("the
bridge was built in 1998"), not the time of the sentence's other figures."""


def _event_years(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with each year of an event as a figure of the class "year"."""

    def of_an_event(match: re.Match[str]) -> bool:
        before = sentence[max(0, match.start() - 14) : match.start()].split()
        return bool(before) and before[-1].lower() in _YEAR_EVENTS

    return _with_matches(sentence, found, _EVENT_YEAR, "year", of_an_event)


def _with_matches(
    sentence: str,
    found: list[Quantity],
    pattern: re.Pattern[str],
    kind: str,
    wanted: Callable[[re.Match[str]], bool] = lambda match: True,
) -> list[Quantity]:
    """`found` with the first group of each wanted match of `pattern` as an exact figure
    of the class `kind` (its own unit: a year, a magnitude), in reading order."""
    for match in pattern.finditer(sentence):
        if wanted(match):
            found.append(
                Quantity(
                    text=match.group(1),
                    start=match.start(1),
                    end=match.end(1),
                    value=float(match.group(1)),
                    what=kind,
                    unit=kind,
                )
            )
    found.sort(key=lambda quantity: quantity.start)
    return found


_CLOCK = re.compile(
    r"(?:\bat\s+(?:(?P<qualifier>about|around|roughly|approximately)\s+)?"
    r"|\b(?P<near>(?:shortly|just)\s+(?:before|after))\s+)"
    r"(?:(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>[ap])(?:m\b|\.m\.)"
    r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>\d{2})\b)",
    re.IGNORECASE,
)
"""A time of day something happened at ("struck at 3:15 am", "at about 9pm", "at
21:40", "shortly before 11 am"): a figure of the class "clock", in minutes after
midnight."""


def _with_clock(
    found: list[Quantity],
    sentence: str,
    start: int,
    match: re.Match[str],
    minutes: int,
    near: str | None = None,
) -> list[Quantity]:
    """`found` without the figures read inside the time of day `match` (from `start`),
    and with the time as a figure of the class "clock", in minutes after midnight.
    `near` ("shortly before"): the half hour before (or after) it, as a range."""
    qualifier = match.group("qualifier")
    kept = [q for q in found if not start <= q.start < match.end()]
    before = near is not None and near.lower().endswith("before")
    kept.append(
        Quantity(
            text=sentence[start : match.end()],
            start=start,
            end=match.end(),
            value=float(minutes if before or near is None else minutes + _NEAR_MINUTES),
            what="clock",
            qualifier=(near or qualifier or "").lower() or None,
            bound="range" if near else "clock" if qualifier else "exact",
            unit="clock",
            low=float(minutes - _NEAR_MINUTES if before else minutes) if near else None,
        )
    )
    return kept


_NEAR_MINUTES = 30
"""How far "shortly before" or "just after" a time of day may be."""


def _clock_times(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with each time of day as a figure (a time already read as another figure
    is left as it was)."""
    for match in _CLOCK.finditer(sentence):
        if match.group("hour24") is not None:
            hour, minute = int(match.group("hour24")), int(match.group("minute24"))
        else:
            hour, minute = int(match.group("hour")) % 12, int(match.group("minute") or 0)
            hour += 12 if match.group("half").lower() == "p" else 0
        if minute > 59 or hour > 23:
            continue
        near = match.group("near")
        if near is not None:  # "shortly before 11 am": within half an hour of it
            start = match.start("near")
        elif match.group("qualifier"):
            start = match.start("qualifier")
        else:
            start = match.end(0) - len(match.group(0).split(None, 1)[1])
        found = _with_clock(found, sentence, start, match, hour * 60 + minute, near)
    found.sort(key=lambda quantity: quantity.start)
    return found


_HOURS = {"one": 1, **{word: value for word, value in SPELLED_NUMBERS.items() if value <= 12}}
_MINUTES = {"five": 5, "ten": 10, "quarter": 15, "twenty": 20, "twenty-five": 25, "half": 30}
_CLOCK_IN_WORDS = re.compile(
    r"\bat\s+(?:(?P<qualifier>about|around|roughly|approximately)\s+)?"
    rf"(?:(?:a\s+)?(?P<minutes>{'|'.join(sorted(_MINUTES, key=len, reverse=True))})\s+"
    r"(?P<relation>past|to)\s+)?"
    rf"(?P<hour>{'|'.join(sorted(_HOURS, key=len, reverse=True))}|\d{{1,2}})\b"
    r"(?:\s+o['’]clock)?(?:\s+(?:in\s+the\s+)?(?P<part>morning|afternoon|evening|at\s+night)"
    r"|\s*(?P<half>[ap])(?:m\b|\.m\.))",
    re.IGNORECASE,
)
"""A time of day in words, with what half of the day it is in ("at five past four in
the afternoon", "at half past nine in the morning", "at about ten o'clock at night");
without one ("at four o'clock") it is not read: am or pm is not said."""


def _may_give_a_clock_in_words(sentence: str) -> bool:
    return "at " in sentence and (
        "noon" in sentence or "morning" in sentence or "evening" in sentence or "night" in sentence
    )


def _clocks_in_words(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with each time of day in words as a figure of the class "clock"."""
    for match in _CLOCK_IN_WORDS.finditer(sentence):
        hour_word = match.group("hour").lower()
        hour = _HOURS.get(hour_word) or int(hour_word)
        minute = _MINUTES[match.group("minutes").lower()] if match.group("minutes") else 0
        if match.group("relation") and match.group("relation").lower() == "to":
            hour, minute = hour - 1, 60 - minute
        part, half = (match.group("part") or "").lower(), (match.group("half") or "").lower()
        if hour > 12 or not (part or half):
            continue
        hour %= 12
        hour += 0 if half == "a" or part == "morning" or (part == "at night" and hour < 5) else 12
        start = match.start() + 3 if match.group(0)[2:3] == " " else match.start() + 2
        start = len(sentence) - len(sentence[start:].lstrip())
        found = _with_clock(found, sentence, start, match, hour * 60 + minute)
    found.sort(key=lambda quantity: quantity.start)
    return found


_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
            "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip
_DECADE_PARTS = {None: (0, 9), "early": (0, 3), "mid": (3, 7), "mid-": (3, 7), "late": (6, 9)}
_DECADE_AGE = re.compile(
    r"\bin\s+(?:his|her|their)\s+(?:(?P<part>early|mid-?|late)\s*)?"
    rf"(?P<decade>{'|'.join(_DECADES)})\b",
    re.IGNORECASE,
)
"""An age said by its decade ("in her eighties", "in his early forties"): a range."""


def _decade_ages(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with each age said by its decade, as a range of ages ("in her eighties": 80
    to 89)."""
    for match in _DECADE_AGE.finditer(sentence):
        decade = _DECADES[match.group("decade").lower()]
        first, last = _DECADE_PARTS[(match.group("part") or "").lower() or None]
        found.append(
            Quantity(
                text=match.group(0),
                start=match.start(),
                end=match.end(),
                value=float(decade + last),
                what="age",
                bound="range",
                unit="age",
                low=float(decade + first),
            )
        )
    found.sort(key=lambda quantity: quantity.start)
    return found


def _joined_magnitudes(sentence: str, found: list[Quantity]) -> list[Quantity]:
    return _with_matches(sentence, found, _JOINED_MAGNITUDE, "magnitude")


_DASHES = frozenset("-–")
_SCORE = re.compile(r"(?<![\d/.,:–-])\b(\d{1,2})[-–](\d{1,2})\b(?![-–/.:,]?\d)")
"""A match's score ("won 3-1", "a 2-0 win"), not a date or a range of a counted noun."""


def _scores(
    sentence: str, starts: list[int], found: list[Quantity], words: SentenceWords | None
) -> tuple[list[Quantity], SentenceWords | None]:
    """`found` with the scores at `starts` (numbers joined to another by a dash) in a
    sentence that speaks of a match ("won", "beat", "derby"...): one figure each, the
    winner's goals first ("3-1" is 301)."""
    if words is None:
        words = SentenceWords(sentence)
    if not VOTE_WORDS.isdisjoint(words.lower_set):
        found = _vote_tallies(sentence, starts, found)
    if SCORE_WORDS.isdisjoint(words.lower_set):
        return found, words
    for start in starts:
        match = _SCORE.match(sentence, start)
        if match is None:
            continue
        after = words.between(match.end(), match.end() + 20)
        if after and after[0].lower.endswith("s") and after[0].lower not in _AFTER_SCORES:
            continue  # "10-12 homes": a range of a counted noun
        high, low = sorted((int(match.group(1)), int(match.group(2))), reverse=True)
        found.append(
            Quantity(
                text=match.group(0),
                start=match.start(),
                end=match.end(),
                value=float(high * 100 + low),
                what="score",
            )
        )
    found.sort(key=lambda quantity: quantity.start)
    return found, words


_TALLY = re.compile(r"(?<![\d/.,:–-])\b(\d{1,3})[-–](\d{1,3})\b(?![-–/.:,]?\d)")
"""A vote's tally in a sentence about a vote ("approved the bill 241-180")."""


def _vote_tallies(sentence: str, starts: list[int], found: list[Quantity]) -> list[Quantity]:
    """`found` with each tally at `starts` as two figures: the votes for (the larger)
    and against ("241-180": 241 for, 180 against)."""
    for start in starts:
        match = _TALLY.match(sentence, start)
        if match is None or max(len(match.group(1)), len(match.group(2))) < 2:
            continue
        high, low = sorted((match.group(1), match.group(2)), key=int, reverse=True)
        for value, side, span in ((high, "for", 1), (low, "against", 2)):
            if match.group(span) != value:
                span = 3 - span
            found.append(
                Quantity(
                    text=match.group(span),
                    start=match.start(span),
                    end=match.end(span),
                    value=float(value),
                    what="votes",
                    unit=side,
                )
            )
    found.sort(key=lambda quantity: quantity.start)
    return found


_VOTES_TO = re.compile(r"\b(\d[\d,]*)\s+votes?\s+to\s+(\d[\d,]*)\b", re.IGNORECASE)
"""'By 214 votes to 180': the votes for, then against (not a margin of 214)."""


def _votes_to(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with the two sides of each "N votes to M" read as votes for and against."""
    for match in _VOTES_TO.finditer(sentence):
        sides = {match.start(1): "for", match.start(2): "against"}
        kept = [quantity for quantity in found if quantity.start not in sides]
        for position, side in sides.items():
            end = match.end(1) if side == "for" else match.end(2)
            text = sentence[position:end]
            kept.append(
                Quantity(
                    text=text,
                    start=position,
                    end=end,
                    value=float(text.replace(",", "")),
                    what="votes",
                    unit=side,
                )
            )
        found = sorted(kept, key=lambda quantity: quantity.start)
    return found


_AFTER_SCORES = SCORE_WORDS | {"thanks", "as", "his", "its", "this", "is", "was"}
"""Words ending in "s" that may follow a score ("won 2-1 thanks to")."""


def _may_give_a_duration_in_words(sentence: str) -> bool:
    """A small number in words right before a unit of time ("nine days", "a three-day
    siege"): each unit's occurrences found by str.find, the word before each checked
    (most sentences have none; a pattern scan of every sentence cost more)."""
    if not (
        "days" in sentence or "years" in sentence or "months" in sentence
        or "hours" in sentence or "weeks" in sentence
        or ("-" in sentence and ("-day" in sentence or "-hour" in sentence
                                 or "-week" in sentence or "-month" in sentence
                                 or "-year" in sentence))
    ):  # fmt: skip
        return False  # "nine days", "a three-day siege" (not "Monday", "this year")
    for unit in _TIME_UNIT_NAMES:
        found = sentence.find(unit, 3)
        while found > 2:
            if sentence[found - 1] in " -" and _SPELLED_BEFORE.search(
                sentence, max(0, found - 14), found - 1
            ):
                return True
            found = sentence.find(unit, found + 1)
    return False


_TIME_UNIT_NAMES = ("day", "hour", "week", "month", "year")
"""Units a duration in words is read in (_DURATION_IN_WORDS)."""
_SPELLED_BEFORE = re.compile(rf"\b(?:{'|'.join(w for w in SPELLED_NUMBERS if w != 'dozen')})$")
"""A small number in words ending right before a unit of time."""


_DURATION_IN_WORDS = re.compile(
    rf"(?:\b(?P<qualifier>(?i:{_QUALIFIER}))\s+)?"
    rf"\b(?P<spelled>(?:{'|'.join(w for w in SPELLED_NUMBERS if w != 'dozen')})"
    rf"(?:-(?:{'|'.join(COMPOUND_UNITS)}))?)"
    r"(?:-(?P<unit>hour|day|week|month|year)|\s(?P<units>hours|days|weeks|months|years))\b"
)
"""A duration in small lower-case words ("nine days", "three-day", "about three hours")."""


def _durations_in_words(
    sentence: str, found: list[Quantity], words: SentenceWords | None
) -> tuple[list[Quantity], SentenceWords | None]:
    """`found` with the durations written in small words ("lasted nine days", "the
    three-day siege"), read as _duration reads them in digits."""
    if words is None:
        words = SentenceWords(sentence)
    if _LASTING_WORDS.isdisjoint(words.lower_set):
        return found, words  # a duration is read only of an event or a term the sentence names
    added = False
    for match in _DURATION_IN_WORDS.finditer(sentence):
        number = _small_number(match, found)
        if number is None:
            continue
        following = words.between(match.end(), match.end() + 12)
        quantity = _duration(
            number,
            words,
            match.group("unit") or match.group("units"),
            match.end(),
            _word(following, 0),
        )
        if quantity is not None:
            found.append(quantity)
            added = True
    if added:
        found.sort(key=lambda quantity: quantity.start)
    return found, words


_FRACTION = re.compile(
    rf"(?:\b(?P<qualifier>{_QUALIFIER})\s+)?"
    r"(?<!first )(?<!second )(?<!the )(?<!latter )(?<!other )"
    r"\b(?:(?:a|one)\s+(?P<one>third|quarter|fifth)|two[- ](?P<two>thirds)|three[- ]"
    r"(?P<three>quarters)|(?P<half>half))\s+of\b",
    re.IGNORECASE,
)
"""A share in words before "of", with its qualifier ("just under half of", "a third of",
"two-thirds of"); not "the first half of" or "the other half of"."""


def _fractions(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with the shares written in words, as percentages ("just under half of
    registered voters": below 50 percent)."""
    return _percentages_in_words(sentence, found, _FRACTION, _fraction_value, trim=3)


def _fraction_value(match: re.Match[str]) -> float:
    word = next(group for group in match.group("one", "two", "three", "half") if group)
    return round(FRACTIONS[word.lower()], 1)


_MULTIPLE = re.compile(
    rf"(?:\b(?P<qualifier>{_QUALIFIER})\s+)?\b(?P<verb>{'|'.join(MULTIPLES)})\b"
    r"(?!\s+(?:down|as|up|over|back)\b)",
    re.IGNORECASE,
)
"""A change by a multiple ("doubled", "more than tripled", "halved"), not an idiom ("doubled
down on", "the gym doubled as a shelter")."""


def _multiples(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with each change by a multiple as the percentage it is ("rents have doubled
    since 2015": up 100 percent, measures.py reads the direction from the verb)."""
    return _percentages_in_words(
        sentence, found, _MULTIPLE, lambda match: MULTIPLES[match.group("verb").lower()]
    )


def _percentages_in_words(
    sentence: str,
    found: list[Quantity],
    pattern: re.Pattern[str],
    value_of: Callable[[re.Match[str]], float],
    trim: int = 0,
) -> list[Quantity]:
    """`found` with each match of `pattern` (with its qualifier) as a percentage: its value
    by `value_of`, its text without the last `trim` characters (" of")."""
    added = False
    for match in pattern.finditer(sentence):
        qualifier = match.group("qualifier")
        found.append(
            Quantity(
                text=sentence[match.start() : match.end() - trim],
                start=match.start(),
                end=match.end() - trim,
                value=value_of(match),
                what="percent",
                qualifier=qualifier.lower() if qualifier else None,
                bound=_BOUNDS[qualifier.lower()] if qualifier else "exact",
            )
        )
        added = True
    if added:
        found.sort(key=lambda quantity: quantity.start)
    return found


_RATIO_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}(?:,\d{3})?)"
_RATIO = re.compile(
    rf"(?:\b(?P<qualifier>{_QUALIFIER})\s+)?"
    rf"\b(?P<part>{_RATIO_NUMBER})\s+(?:in|out\s+of)\s+(?P<whole>{_RATIO_NUMBER})\b"
    r"(?=\s+(?:[a-z-]+\s+)?(?P<noun>people|children|men|women|adults|[a-z]+s)\b)",
    re.IGNORECASE,
)
"""A share written as a ratio before a plural ("one in four children", "seven in ten
voters", "3 out of 5 adults"), with its qualifier ("fewer than seven in ten")."""
_RATIO_WORDS = {"one": 1, "ten": 10, **COMPOUND_UNITS}


_RATIO_WHOLE_STARTS = frozenset(
    ["one", "two", "thr", "fou", "fiv", "six", "sev", "eig", "nin", "ten"]
)


def _may_give_a_ratio(sentence: str) -> bool:
    """Whether "in" or "out of" is followed by a number anywhere (cheap string checks:
    nearly every sentence has an "in", few a ratio; the pattern is tried only then)."""
    for joiner in (" in ", " out of "):
        found = sentence.find(joiner)
        while found >= 0:
            after = found + len(joiner)
            if sentence[after : after + 1].isdigit() or (
                sentence[after : after + 3].lower() in _RATIO_WHOLE_STARTS
            ):
                return True
            found = sentence.find(joiner, after)
    return False


def _ratio_value(written: str) -> float:
    lowered = written.lower()
    return float(_RATIO_WORDS.get(lowered) or lowered.replace(",", ""))


def _ratios(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with the shares written as ratios, as percentages ("one in four children":
    25 percent), marked unit "share" (a share of what follows, as "a third of" is). Not
    one over a unit of time ("two in three days"), nor a whole no larger than its part.
    A ratio says a rounded share (26 percent is "one in four"), so it is approximate
    unless a qualifier says otherwise."""
    added = False
    for match in _RATIO.finditer(sentence):
        part, whole = _ratio_value(match.group("part")), _ratio_value(match.group("whole"))
        if not 0 < part < whole or match.group("noun").lower().rstrip("s") in _TIME_UNIT_NAMES:
            continue
        if any(quantity.start < match.end() and match.start() < quantity.end for quantity in found):
            found = [q for q in found if not (q.start < match.end() and match.start() < q.end)]
        qualifier = match.group("qualifier")
        found.append(
            Quantity(
                text=sentence[match.start() : match.end()],
                start=match.start(),
                end=match.end(),
                value=round(100 * part / whole, 1),
                what="percent",
                qualifier=qualifier.lower() if qualifier else None,
                bound=_BOUNDS[qualifier.lower()] if qualifier else "approximate",
                unit="share",
            )
        )
        added = True
    if added:
        found.sort(key=lambda quantity: quantity.start)
    return found


_RANGE_GAP = re.compile(r"\s*(?:to|and|or|-|–)\s*", re.IGNORECASE)
_RANGE_LEAD = re.compile(r"\b(between|from)\s+$", re.IGNORECASE)


def _ranges(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """Two numbers that make one figure: a range ("between 200 and 300 people", "40 to
    50 homes") is one figure for the values between them; "from 23 to 41" (a toll
    raised, a figure revised) is the later figure only, the earlier one no longer
    claimed. A first number larger than the second ("voted 7 to 2") is no range."""
    kept: list[Quantity] = []
    skip = False
    for first, second in zip(found, [*found[1:], None], strict=True):
        if skip:
            skip = False
            continue
        if second is None or first.what not in (None, second.what) or first.qualifier:
            kept.append(first)
            continue
        if second.what is None or not _RANGE_GAP.fullmatch(sentence, first.end, second.start):
            kept.append(first)
            continue
        lead = _RANGE_LEAD.search(sentence, max(0, first.start - 10), first.start)
        joiner = sentence[first.end : second.start].strip().lower()
        if lead is not None and lead.group(1).lower() == "from" and joiner == "to":
            continue  # the earlier figure of a change: only the later one is claimed
        low = _range_low(first, second)
        if low >= second.value or (joiner == "and") != (lead is not None) or joiner == "or":
            kept.append(first)
            continue
        start = lead.start() if lead is not None else first.start
        kept.append(
            replace(
                second,
                qualifier=" ".join(sentence[start : second.start].lower().split()),
                bound="range",
                low=low,
            )
        )
        skip = True
    return kept


def _range_low(first: Quantity, second: Quantity) -> float:
    """The first number of a range, multiplied as the second is ("2 to 3 million")."""
    if first.value < second.value / 100:
        for word, factor in MULTIPLIERS.items():
            if len(word) > 2 and word in second.text.lower() and word not in first.text.lower():
                return first.value * factor
    return first.value


_DENIED = re.compile(r"\d[\d,.]*(?:\s+[a-z]+){0,2},\s+not\s+$")
"""Before a number: a figure and ", not" ("14, not 12, people"): the number after is the
one the speaker says is wrong."""


_SET_OFF = re.compile(r"[,\s]*")
"""The comma that closes ", not 12," before the words both numbers count."""


def _without_denied(found: list[Quantity], words: SentenceWords) -> list[Quantity]:
    """`found` without a number set against the figure before it as the wrong one ("Police
    said 14, not 12, people had died"): the speaker does not claim it. The figure before
    it counts what the wrong one would have ("14 ... people had died"), when it counts
    nothing of its own."""
    sentence = words.sentence
    kept: list[Quantity] = []
    for quantity in found:
        if _DENIED.search(sentence, max(0, quantity.start - 40), quantity.start) is None:
            kept.append(quantity)
            continue
        said = kept[-1] if kept else None
        if said is None or said.what is not None or quantity.what is not None or said.qualifier:
            continue  # "14 people, not 12": counted already
        after = _SET_OFF.match(sentence, quantity.end)
        reread = _quantity(
            _Number(
                said.start,
                said.start,
                said.end,
                said.value,
                None,
                words_start=after.end() if after else quantity.end,
            ),
            words,
        )
        if reread is not None and reread.what is not None:
            kept[-1] = replace(reread, text=said.text, end=said.end)
    return kept


_DASHED = re.compile(r"(\d{1,3}(?:,\d{3})*)[-–](\d{1,3}(?:,\d{3})*)\b(?![-–/.:,]?\d)")
"""Two numbers joined by a dash, the second maybe counting ("12-15 people")."""


def _dashed_ranges(
    sentence: str, starts: list[int], found: list[Quantity], words: SentenceWords | None
) -> tuple[list[Quantity], SentenceWords | None, list[int]]:
    """`found` with the second number of each dashed pair at `starts` that counts a noun
    and is larger than the first ("12-15 people"; not "3-1" nor "12-15 June"), and the
    starts left for the scores and tallies."""
    left = []
    for start in starts:
        match = _DASHED.match(sentence, start)
        if match is None or float(match.group(1).replace(",", "")) >= float(
            match.group(2).replace(",", "")
        ):
            left.append(start)
            continue
        if words is None:
            words = SentenceWords(sentence)
        quantity = _quantity(
            _Number(
                match.start(2),
                match.start(2),
                match.end(2),
                float(match.group(2).replace(",", "")),
                None,
            ),
            words,
        )
        if quantity is None or quantity.what is None or quantity.what in _NOT_COUNTED_IN_WORDS:
            left.append(start)
            continue
        found.append(quantity)
    found.sort(key=lambda quantity: quantity.start)
    return found, words, left


def _ranges_ending(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with each figure whose range's first number is no figure of its own read as
    the range: a first number in words ("Twelve to fifteen people"), after an estimate's
    qualifier ("some 1,500 to 2,000 troops") or joined by a dash ("12-15 people"). Its
    qualifier is what comes before the second number ("some 1,500 to"), as _ranges
    writes one; a first number read on its own is dropped (it is no second figure)."""
    kept = list(found)
    for quantity in found:
        if quantity.qualifier is not None or quantity.what is None or quantity not in kept:
            continue
        if " and " in quantity.text:
            continue  # a sum of two parts ("50 people died and 200"): no end of a range (rv10 R9)
        if (
            not sentence[max(0, quantity.start - 4) : quantity.start]
            .rstrip()
            .endswith(("to", "and", "-", "–"))
        ):
            continue
        window = max(0, quantity.start - 60)
        match = _LOW_END.search(sentence, window, quantity.start)
        if match is None:
            continue
        lead, joiner = match.group("lead"), match.group("joiner").strip().lower()
        if (lead or "").lower() == "from" or (joiner == "and") != (lead is not None):
            continue  # "from 23 to 41": a change, read by _ranges; "12 and 15": two
        low = _low_value(match.group("low"), quantity)
        if low is None or low >= quantity.value:
            continue
        written = sentence[match.start() : match.start("joiner")]
        if joiner in _DASHES:
            joiner = "to"  # "12-15 people" reads "12 to 15 people"
        kept = [
            other
            for other in kept
            if other is quantity or not match.start() <= other.start < quantity.start
        ]
        kept[kept.index(quantity)] = replace(
            quantity,
            qualifier=" ".join([*written.lower().split(), joiner]),
            bound="range",
            low=low,
        )
    return kept


def _low_value(written: str, high: Quantity) -> float | None:
    """A range's first number as written ("1,500", "twelve", "two hundred"), multiplied as
    the second is ("two to three million")."""
    if written[0].isdigit():
        value = float(written.replace(",", ""))
    else:
        number, _, multiplier = written.lower().partition(" ")
        value = _small_value(number)
        if multiplier:
            value *= SPELLED_SCALES.get(multiplier) or MULTIPLIERS[multiplier]
    if value < high.value / 100:
        for word, factor in MULTIPLIERS.items():
            if len(word) > 2 and word in high.text.lower() and word not in written.lower():
                return value * factor
    return value


class _Number(NamedTuple):
    """A number found in a sentence, before what it counts is read."""

    start: int
    """Where the figure's text starts (its qualifier, if any)."""
    number_start: int
    number_end: int
    value: float
    qualifier: str | None
    currency: str | None = None
    words_start: int | None = None
    """Where the counted words begin, when not right after the number ("thousands of
    people": after "of")."""
    in_words: bool = False
    """Written in words: a figure only when the words after it say what it counts."""


def _quantity(number: _Number, words: SentenceWords) -> Quantity | None:
    """The number with what it counts; None for a duration or a time."""
    sentence = words.sentence
    number_start, number_end = number.number_start, number.number_end
    after_start = number_end if number.words_start is None else number.words_start
    unit_after = None if number.in_words else _UNIT_AFTER.match(sentence, after_start)
    words_after = words.between(after_start, after_start + AFTER_CHARS)
    what: str | None
    who: str | None = None
    unit: str | None = None
    counted: str | None
    """What the words after the number count, before a verb in front of it says
    they are casualties ("killed 12 civilians": the civilians are the victims, and
    whoever comes before the verb is not who is counted)."""
    measured = None if number.in_words else _measured_kind(sentence, number, after_start)
    if measured is None and not number.currency and not number.in_words:
        measured = _age(sentence, number)
    if number.currency:
        what = counted = "money"
        unit = _SIGNS[number.currency]
    elif measured is not None:
        what = counted = unit = measured[0]
        number_end, words_after = max(number_end, measured[1]), []
    elif (fallen := _FALLEN_SIGN.match(sentence, after_start)) is not None:
        what = counted = unit = _FALLEN_UNITS[fallen.group(1).lower()]
        number_end, words_after = fallen.end(1), []
    elif unit_after:
        what = counted = unit = UNIT_SIGNS[(unit_after.group(1) or unit_after.group(2)).lower()]
        if unit_after.group(1):  # a sign or abbreviation: the figure ends with it
            number_end, words_after = unit_after.end(), []
    else:
        counted, who, unit = _counted(_skip_leading(words_after, sentence, after_start), words)
        if counted is None and _of_the_group(words_after, sentence):
            counted, who, unit = _counted(words_after[2:], words)  # "14 of the hostages"
        if counted is None and sentence.startswith("-strong ", after_start):
            counted = _strong_body(words_after[1 : PHRASE_WORDS + 1])
        if counted is None and (joined := _JOINED_COUNT.match(sentence, after_start)):
            counted, unit = JOINED_COUNTS[joined.group(1).lower()], JOINED
            number_end, words_after = joined.end(), []  # "a 600-bed hospital": its beds

        if counted == "time":
            unit_word = words_after[0]  # its end without the full stop a word keeps
            unit_end = unit_word.start + len(unit_word.text)  # ("6 months." read "6 months")
            return _duration(number, words, unit_word.lower, unit_end, _word(words_after, 1))
        if number.in_words and counted is None:
            return None
        what = _casualty_verb_before(sentence, number.start, counted)
        if what is not None and what == counted and what not in _KNOWN_WHATS:
            what = _counted_casualties(what, words_after)
        before_start = max(0, number_start - BEFORE_CHARS)
        before = None
        if what is None:
            before = words.between(before_start, number_start)
            what, who = _from_context(before)
            dead = _subject_of(words_after) if counted is None else None
            if dead in _DEAD_OR_HURT:  # "while Moscow said only 20 had died" (qa6 Q1)
                what, who = dead, who if what == "troops" else None
            if what is None and _after_collective(before):
                what = "people"
        if what is None and before is not None:
            if number.start < number_start:  # "stood at more than 1,100": the verb before it
                before = words.between(before_start, number.start)
            what = _total_of(before, words)
        if what is None and sentence.endswith("capacity of ", 0, number_start):
            what = "people"  # "a capacity of 45,000": people it holds
        if what is None:
            what = fronted_casualties(sentence, number.start)
        if what is None:
            what = _subject_of(words_after)
        if (
            what not in _COUNTED_FOR_NO_ONE
            and who is None
            and (what == counted or counted is None)
            and words.may_name_people(before_start, number_start)
        ):
            who = _who_before(
                words.between(before_start, number_start) if before is None else before
            )
    qualifier = number.qualifier
    end = _phrase_end(number_end, counted, words_after)
    return Quantity(
        text=sentence[number.start : end],
        start=number.start,
        end=end,
        value=number.value,
        what=what,
        who=who,
        qualifier=qualifier,
        bound=_BOUNDS[qualifier] if qualifier else "exact",
        unit=unit,
    )


_POINT_THOUSANDS = 4
"""'.000': a point and three digits, which before a count splits thousands ("12.000
troops" in translated wire copy is 12,000: no count has three decimals)."""
_COUNTS = frozenset(["troops", "people", "killed", "wounded", "casualties"])


def _as_shown(number: str) -> str:
    """`number` without what draws nothing between its digits (_INVISIBLE)."""
    return number if number.isascii() else _invisible_character().sub("", number)


@cache
def _invisible_character() -> re.Pattern[str]:
    """One of _INVISIBLE, compiled when a number first holds a character not ASCII (half
    a millisecond that a start need not pay)."""
    return re.compile(f"[{_INVISIBLE}]")


def _point_thousands(quantity: Quantity, number: str, fraction: str) -> Quantity:
    """A count written with a point between its thousands ("12.000 North Korean troops")
    valued as 12,000, not 12 (qa6 Q16); any other figure as it was ("1.250 kg")."""
    if quantity.what not in _COUNTS or quantity.unit is not None:
        return quantity
    return replace(quantity, value=float(number.translate(_SEPARATORS) + fraction[1:]))


_DEAD_OR_HURT = frozenset(["killed", "wounded"])
"""What a bare number counts when its own verb is a death or an injury ("20 had died"),
whatever noun the clause before names: the dead of that noun, not the noun (qa6 Q1)."""


_GROUP_DETERMINERS = frozenset(["the", "its", "their", "those", "these"])


def _of_the_group(words: list[_Word], sentence: str) -> bool:
    """'14 of the hostages were released', 'Fourteen of the embassy hostages': a number of
    a group named right after it counts the group's members (not "14 of the 20 hostages":
    that is a part of a figure, arithmetic.py)."""
    return (
        len(words) > 2
        and words[0].lower == "of"
        and words[1].lower in _GROUP_DETERMINERS
        and not _DIGIT.search(sentence, words[1].end, words[2].start)
    )


def _duration(
    number: _Number, words: SentenceWords, unit: str, end: int, following: str
) -> Quantity | None:
    """How long an event lasted ("the siege lasted nine days", "a 12-day hunger strike",
    "after 11 months in captivity"), in days: only in a sentence that names the event
    (EVENT_KINDS), and not a time ago, a period counted over ("in the past 3 days") or
    a deadline ("within 48 hours")."""
    if _LASTING_WORDS.isdisjoint(words.lower_set):
        return None
    previous = words.between(max(0, number.start - 24), number.start)
    if following == "ago" or (
        previous and previous[-1].lower in DURATION_NOT_AFTER and not _lasts(previous)
    ):
        return None
    unit = unit.rstrip("s")
    if unit not in DURATION_DAYS:
        return None
    return Quantity(
        text=words.sentence[number.start : end],
        start=number.start,
        end=end,
        value=number.value,
        what="duration",
        qualifier=number.qualifier,
        bound=_BOUNDS[number.qualifier] if number.qualifier else "exact",
        unit=unit + "s",
    )


_EVENT_WORDS = frozenset(EVENT_KINDS)
_WILL = frozenset(["will", "would", "could", "may", "might", "should", "to", "must"])


def _lasts(previous: list[_Word]) -> bool:
    """'will last 48 hours', 'expected to last five days': "last" as the verb, not "the
    last 48 hours"."""
    return previous[-1].lower == "last" and len(previous) > 1 and previous[-2].lower in _WILL


_TERMS = frozenset(TERM_VERBS)
_TERM_WORDS = _TERMS | {"term", "sentence"}
"""Words naming a term a duration may be ("jailed for", "a five-year jail term", "a
six-year prison sentence")."""
_LASTING_WORDS = (
    _EVENT_WORDS | _TERM_WORDS | frozenset(LASTING_STATES) | frozenset(ENDING_STATES) | PAUSES
    | word_set("power electricity")
)  # fmt: skip
"""Words a sentence must have for a length of time in it to be read as a duration: an
event, a term, or a state it may be how long of ("closed for 18 months", "power was
restored after four hours", "a five-day pause"; measures._lasting reads which)."""


def _measured_kind(sentence: str, number: _Number, after: int) -> tuple[str, int] | None:
    """(what, where the figure ends) for a temperature ("39C", "33 degrees Celsius",
    "102°F") or a quake's magnitude ("magnitude 6.8", "a 5.4-magnitude aftershock",
    "a magnitude of 5.2"); None for any other number."""
    following = sentence[after : after + 40]
    if following[:1] in _TEMPERATURE_STARTS:
        found = _TEMPERATURE_AFTER.match(sentence, after)
        if found is not None:
            scale = next(group for group in found.groups() if group).lower()
            return ("fahrenheit" if scale.startswith("f") else "celsius"), found.end()
    if "agnitude" in following or "ichter" in following or " scale" in following:
        found = _MAGNITUDE_AFTER.match(sentence, after)
        if found is not None:
            return "magnitude", found.end()
    before = max(0, number.start - 16)
    if "agnitude" in sentence[before : number.start] and _MAGNITUDE_BEFORE.search(
        sentence, before, number.start
    ):
        return "magnitude", after
    return None


def _age(sentence: str, number: _Number) -> tuple[str, int] | None:
    """("age", where the figure ends) for a person's age: "a 34-year-old man", "aged
    43", "43 years old", "Arno Vesk, 43, was arrested" (a name, then the number between
    commas)."""
    if number.value != int(number.value) or not 0 < number.value < 120 or number.qualifier:
        return None
    end = number.number_end
    found = _AGE_AFTER.match(sentence, end)
    if found is not None:
        return "age", found.end()
    start = number.number_start
    if sentence[max(0, start - 5) : start].lower() == "aged " or _AGES_BEFORE.search(
        sentence, max(0, start - 40), start
    ):
        return "age", end
    if (
        sentence[end : end + 1] == ","
        and _APPOSITION.search(sentence, max(0, start - 40), start) is not None
    ):
        return "age", end
    return None


_AGE_AFTER = re.compile(r"[- ]years?[- ]old\b", re.IGNORECASE)
_AGES_BEFORE = re.compile(r"\baged \d{1,3}(?:, \d{1,3})*(?:,? and |, )$", re.IGNORECASE)
"""Ages listed after one "aged": "aged 24 and 31", "aged 19, 22 and 30" (qa14 Q6)."""
_APPOSITION = re.compile(r"\b[A-Z][a-z’'-]+,\s$")
"""A name, then a comma, right before an age between commas ("Arno Vesk, 43,")."""
_TEMPERATURE_STARTS = frozenset(" °CF")
_TEMPERATURE_AFTER = re.compile(
    r"\s?°\s?([CF])\b|([CF])\b(?!-)|\s(?:degrees?|°)\s(?:((?i:celsius|fahrenheit|centigrade))\b|([CF])\b)"
)
"""A temperature's scale after its number: "39C", "39 °C", "102 degrees Fahrenheit"."""
_MAGNITUDE_AFTER = re.compile(
    r"[- ]magnitude\b|\s+on\s+the\s+(?:Richter|(?:moment|local)\s+magnitude|magnitude)\s+scale\b",
    re.IGNORECASE,
)
"""A magnitude's scale after its number: "a 5.4-magnitude aftershock", "measured 5.7 on
the Richter scale", "on the moment magnitude scale"."""
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?\s+$", re.IGNORECASE)


_UNIT_AFTER = re.compile(
    r"(?:\s?|-)(%|km/h|kph|kmh|mph|km²|km2)(?![\w/])"
    r"|-(mile|kilometer|kilometre|km|metre|meter|foot|tonne|ton|megawatt|gigawatt)\b",
    re.IGNORECASE,
)
"""A unit written as a sign or an abbreviation right after the number, or joined to it
("the 600-mile line")."""
_BOUNDS = {**QUALIFIERS, **dict.fromkeys(VAGUE_NUMBERS, "lower")}
"""A qualifier's bound; a vague number ("thousands") is the least it can mean."""


def _may_write_numbers_in_words(sentence: str) -> bool:
    """Whether _numbers_in_words need read the sentence: a vague or a multiplied number
    ("thousands of", "two hundred", "a dozen"), or a sentence that opens with a number in
    words, as news style writes one ("Seventeen people died"). Cheap C-level checks: a
    small number in words inside a sentence ("killed three people") is not read."""
    if "housand" in sentence or "undred" in sentence or "ozen" in sentence:
        return True
    if "illion" in sentence:
        return True
    return _opens_with_number_in_words(sentence)


def _opens_with_number_in_words(sentence: str) -> bool:
    """Whether the sentence opens with a number in words, qualified or not ("Seventeen
    people died", "More than forty people were hurt": qa9 Q3)."""
    opening = sentence[:4].lstrip("\"'“‘").lower()
    if opening[:3] in _OPENINGS and _opening_word(sentence) in SPELLED_NUMBERS:
        return True
    return _QUALIFIED_OPENING.match(sentence) is not None


def _may_count_casualties_in_words(sentence: str) -> bool:
    """Whether the sentence may count its dead or wounded in small words inside it
    ("killed three people"): a word for them (cheap C-level checks; most sentences have
    none)."""
    return (
        "kill" in sentence
        or "dead" in sentence
        or "died" in sentence
        or "death" in sentence
        or "injur" in sentence
        or "wound" in sentence
        or "hurt" in sentence
    )


_SMALL_IN_WORDS = re.compile(
    rf"(?:\b(?P<qualifier>(?i:{_QUALIFIER}))\s+)?"
    rf"\b(?P<spelled>(?:{'|'.join(w for w in SPELLED_NUMBERS if w != 'dozen')})"
    rf"(?:-(?:{'|'.join(COMPOUND_UNITS)}))?)"
    r"\b(?![-\w])(?!\s+(?:hundred|thousand|million|billion|dozen)\b)"
)
"""A small number in lower-case words inside a sentence, with its qualifier ("at least
three"), not a multiplied one ("two hundred": read with the multipliers)."""
_CASUALTY_WHATS = frozenset(["killed", "wounded", "casualties"])


def _small_number(match: re.Match[str], found: list[Quantity]) -> _Number | None:
    """The small number in words `match` holds (its "spelled" and "qualifier" groups),
    unless a figure already found covers it."""
    start = match.start()
    if any(quantity.start <= start < quantity.end for quantity in found):
        return None
    value = _spelled_value(match.group("spelled"), None)
    if value is None:
        return None
    qualifier = match.group("qualifier")
    return _Number(
        start,
        match.start("spelled"),
        match.end("spelled"),
        value,
        qualifier.lower() if qualifier else None,
        in_words=True,
    )


def _small_numbers_in_words(
    sentence: str, found: list[Quantity], words: SentenceWords | None, casualties: bool
) -> tuple[list[Quantity], SentenceWords | None]:
    """`found` with the small numbers in words inside the sentence that count: the dead
    and wounded ("the blast killed three people", "two soldiers were wounded"), and a
    counted noun a verb acts on ("police arrested twelve protesters", "rescuers pulled
    nine survivors", "forty homes were destroyed"). Not a definite one ("the two
    leaders", "its three sons"), nor one of a group ("two of the"): those are rarely a
    figure anyone disputes. `casualties`: the sentence may count its dead or wounded."""
    added = False
    for match in _SMALL_IN_WORDS.finditer(sentence):
        counted = _may_be_counted(sentence, match)
        measured = _MEASURE_WORD_AFTER.match(sentence, match.end()) is not None
        if not (casualties or counted or measured):
            continue
        number = _small_number(match, found)
        if number is None:
            continue
        if words is None:
            words = SentenceWords(sentence)
        quantity = _quantity(number, words)
        if quantity is None or quantity.what is None:
            continue
        if (
            (casualties and quantity.what in _CASUALTY_WHATS)
            or (counted and _counted_in_words(sentence, match, quantity))
            or (measured and quantity.what in _MEASURE_UNITS)
        ):
            found.append(quantity)
            added = True
    if added:
        found.sort(key=lambda quantity: quantity.start)
    return found, words


JOINED = "joined"
"""A Quantity's unit for a count joined to its noun before what it is of ("a 600-bed
hospital", "the six-storey building"): what that thing has (measures)."""
JOINED_COUNTS = {
    **dict.fromkeys(["bed"], "beds"),
    **dict.fromkeys(["storey", "story", "floor"], "storeys"),
    **dict.fromkeys(["room"], "rooms"),
    **dict.fromkeys(["lane"], "lanes"),
}
"""A noun joined to a number before the thing it sizes, and the plural it counts."""
_JOINED_COUNT = re.compile(rf"-({'|'.join(JOINED_COUNTS)})\b(?!-)", re.IGNORECASE)


_JOINED_IN_WORDS = re.compile(
    rf"\b(?P<spelled>{'|'.join(w for w in SPELLED_NUMBERS if w != 'dozen')})"
    rf"(?=-(?:{'|'.join(JOINED_COUNTS)})\b(?!-))(?P<qualifier>)",
    re.IGNORECASE,
)


def _joined_in_words(
    sentence: str, found: list[Quantity], words: SentenceWords | None
) -> tuple[list[Quantity], SentenceWords | None]:
    """`found` with the small numbers in words joined to a noun of JOINED_COUNTS ("the
    six-storey building"), read as "the 6-storey building" is, wherever they stand."""
    words = words or SentenceWords(sentence)
    numbers = (_small_number(match, found) for match in _JOINED_IN_WORDS.finditer(sentence))
    joined = [
        quantity
        for number in numbers
        if number is not None
        and (quantity := _quantity(number, words)) is not None
        and quantity.unit == JOINED
    ]
    if joined:
        found = sorted([*found, *joined], key=lambda quantity: quantity.start)
    return found, words


def _may_join_in_words(sentence: str) -> bool:
    """A small number in words joined to a noun of JOINED_COUNTS ("six-storey"): a word
    split() keeps whole, so the check for a small number in words misses it."""
    return "-" in sentence and any(f"-{noun}" in sentence for noun in JOINED_COUNTS)


_POUNDS = frozenset(["pounds", "pound"])
"""A currency's word that is also a weight's (WEIGHING_WORDS says which)."""


def _weighed_before(sentence: SentenceWords, start: int) -> bool:
    """Whether a weighing word (WEIGHING_WORDS) stands a few words before the word at
    `start` ("pounds"), its number between them."""
    position = bisect_left(sentence.starts, start)
    before = sentence.lowers[max(0, position - _WEIGHED_REACH) : position]
    weighed = [n for n, word in enumerate(before) if word in WEIGHING_WORDS]
    return bool(weighed) and _PAID.isdisjoint(before[weighed[-1] :])


_PAID = word_set(
    "cost costs costing paid pay pays price priced fine fined worth spent spend saving saved "
    "charge charged sold bought raised fee"
)
"""Between a weighing word and "pounds", a word that makes them money ("rules on weight
cost each airline 900 pounds")."""


_WEIGHED_REACH = 5
"""Words before "pounds" a weighing word may stand ("tipped the scales at 2.1 million
pounds": scales, at, 2.1, million)."""
_MEASURE_WORD_AFTER = re.compile(
    r"\s+(?:square\s+)?(?:kilomet|km\b|miles?\b|metres?\b|meters?\b|feet\b|tonnes?\b|tons?\b"
    r"|kilograms?\b|percent\b|per\s+cent\b|hectares\b|acres\b)",
    re.IGNORECASE,
)
_MEASURE_UNITS = frozenset(
    ["miles", "km", "square miles", "square km", "hectares", "acres", "percent", "metres",
     "feet", "tonnes", "kilograms", "pounds"]
)  # fmt: skip
"""A small number in words before a unit of measure is a measure wherever it stands ("At
nine kilometres, the tunnel", "seized three tonnes"): the doubt that keeps a bare small
number out ("the two leaders", "one of them") does not reach a number with a unit."""


def _may_be_counted(sentence: str, match: re.Match[str]) -> bool:
    """Whether a small number in words may count its noun (read from the text around it
    alone, before the number is read): not definite ("the two leaders", "their three
    children"), not one of a group ("two of the"), and acted on: the object of a verb
    ("arrested twelve protesters") or the subject of a passive ("forty homes were
    destroyed", looked for in the words after it)."""
    before = sentence[max(0, match.start() - 16) : match.start()].lower().split()
    if not before or before[-1] in _DEFINITE or sentence.startswith(" of ", match.end()):
        return False
    verb = before[-1]
    if (verb in VERB_FORMS or (len(verb) > 4 and verb.endswith("ed"))) and (
        verb not in CLAUSE_REPORTING
    ):
        return True
    if _AFTER_A_FIGURE.search(sentence, max(0, match.start() - 40), match.start()):
        return True  # "186 passengers and nine crew": counted as the figure before it is
    return _PASSIVE_AFTER.search(sentence, match.end(), match.end() + 60) is not None


def _counted_in_words(sentence: str, match: re.Match[str], quantity: Quantity) -> bool:
    """Whether a small number in words that may count (_may_be_counted) does: of a plural
    noun (people, troops or a counted noun), not a unit or money, acted on by the verb
    before it or by a passive right after its noun."""
    what = quantity.what
    if what in NOT_PEOPLE or what in _NOT_COUNTED_IN_WORDS or what in _CASUALTY_WHATS:
        return False
    if _AFTER_A_FIGURE.search(sentence, max(0, match.start() - 40), match.start()):
        return True
    verb = sentence[max(0, match.start() - 16) : match.start()].lower().split()[-1]
    if (verb in VERB_FORMS or (len(verb) > 4 and verb.endswith("ed"))) and (
        verb not in CLAUSE_REPORTING
    ):
        return True  # "arrested twelve protesters", "pulled nine survivors"
    return _PASSIVE_AFTER.match(sentence, quantity.end) is not None  # "forty homes were destroyed"


_SPELLED_WORDS = frozenset(
    [word for word in SPELLED_NUMBERS if word != "dozen"]
    + [
        f"{tens}-{unit}"
        for tens, value in SPELLED_NUMBERS.items()
        if value >= 20 and value % 10 == 0
        for unit in COMPOUND_UNITS
    ]
)
"""Small numbers in words as whole words: a cheap first look (a set against the
sentence's split) before the pattern."""
_DEFINITE = word_set("the its their his her our my your these those all both first last")
_PASSIVE_AFTER = re.compile(
    r"\s+(?:were|was|have been|had been|has been|are|remain|remained|remain)\s+"
    r"(?:\w+ly\s+)?\w+(?:ed|en|lost|left|shot|hit|cut|held|hurt)\b"
)
_AFTER_A_FIGURE = re.compile(r"\d[\d,]*\s+[a-z]+\s+and\s+$")
"""Before a small number in words: a figure and "and" ("186 passengers and nine crew")."""
_NOT_COUNTED_IN_WORDS = frozenset(["time", "duration", "score", "age", "date", "year"])


_OPENINGS = frozenset(word[:3] for word in SPELLED_NUMBERS)
"""The first three letters of every number in words (most sentences open otherwise)."""


def _opening_word(sentence: str) -> str:
    """The sentence's first word in lower case, without quotes or a hyphenated part."""
    space = sentence.find(" ")
    first = sentence[:space] if space >= 0 else sentence
    return first.lstrip("\"'“‘").split("-")[0].lower()


_NUMBER_WORD_HINTS = ("housand", "undred", "ozen", "illion")
_AFTER_DIGITS = re.compile(r"\d\s?[a-z]{0,3}$")
"""Before a hint: the digits it multiplies ("3 million", "$5bn", "10 thousand")."""
_HINT_REACH = 40
"""How far before a hint ("housand") a number in words may start ("tens of thousands",
"about two hundred")."""
_SPELLED = "|".join(sorted(SPELLED_NUMBERS, key=len, reverse=True))
_SPELLED_UNITS = "|".join(COMPOUND_UNITS)
_VAGUE = "|".join(
    sorted((re.escape(words).replace(r"\ ", r"\s+") for words in VAGUE_NUMBERS), key=len,
           reverse=True)
)  # fmt: skip
_SMALL_WORDS = rf"(?:{_SPELLED}|one)(?:-(?:{_SPELLED_UNITS}))?"
"""One to ninety-nine in words, as the lower places of a larger number write them."""
_REST = rf"""
    (?:\s+(?:and\s+)?(?P<rest>{_SMALL_WORDS}(?:\s+hundred(?:\s+(?:and\s+)?{_SMALL_WORDS})?)?)
       (?!\s+(?:hundred|thousand|million|billion|dozen)\b))?
"""
"""The lower places after a multiplied number in words ("three hundred and fifty", "one
thousand two hundred"): one number with it, not a second figure."""
_IN_WORDS_PATTERN = rf"""
    (?:(?P<qualifier>\b(?:{_QUALIFIER}))\s+)?
    (?:
      (?P<vague>\b(?:{_VAGUE}))\s+of\b
    | (?:(?P<half>\bhalf)\s+)?(?P<spelled>\b(?:a|one|{_SPELLED})(?:-(?:{_SPELLED_UNITS}))?)
      (?:\s+(?P<multiplier>hundred|thousand|million|billion|dozen)
         (?:\s+(?P<scale>thousand|million|billion))?REST)?\b(?![-\w])
    )
    """
_ESTIMATES = "|".join(
    re.escape(words).replace(r"\ ", r"\s+")
    for words, bound in QUALIFIERS.items()
    if bound == "approximate"
)
_LOW_END = re.compile(
    rf"""
    (?:\b(?P<lead>between|from)\s+)?(?:\b(?:{_ESTIMATES})\s+)?
    (?P<low>\b\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?
      |\b{_SMALL_WORDS}(?:\s+(?:hundred|thousand|million|billion))?)
    (?P<joiner>\s*[-–]\s*|\s+(?:to|and)\s+)$
    """,
    re.VERBOSE | re.IGNORECASE,
)
"""A range's first number right before its second ("some 1,500 to ", "Twelve to ",
"12-"), with an estimate's qualifier or "between" before it."""
_IN_WORDS = re.compile(_IN_WORDS_PATTERN.replace("REST", _REST), re.VERBOSE | re.IGNORECASE)
_IN_WORDS_WITHOUT_REST = re.compile(
    _IN_WORDS_PATTERN.replace("REST", "(?P<rest>(?!))?"), re.VERBOSE | re.IGNORECASE
)
"""_IN_WORDS when the words after a multiplied number are no lower places of it ("between
two hundred and three hundred": two numbers)."""


def _number_word_matches(sentence: str) -> Iterator[re.Match[str]]:
    """_IN_WORDS.finditer(sentence), tried only at the opening and before each hint."""
    resume = 0
    if _opens_with_number_in_words(sentence):
        opening = _IN_WORDS.search(sentence, 0, _word_end(sentence, _HINT_REACH))
        if opening is not None:
            opening = _whole(opening, sentence)
            resume = opening.end()
            yield opening
    spots = sorted(spot for hint in _NUMBER_WORD_HINTS for spot in _occurrences(sentence, hint))
    for spot in spots:
        if spot < resume or _AFTER_DIGITS.search(sentence, max(0, spot - 6), spot):
            continue  # "400 million": a multiplier of digits, read with them
        start, stop = max(resume, spot - _HINT_REACH), _word_end(sentence, spot + _HINT_REACH)
        for match in _IN_WORDS.finditer(sentence, start, stop):
            if match.end() > spot:
                match = _whole(match, sentence)
                resume = match.end()
                yield match
                break


def _whole(match: re.Match[str], sentence: str) -> re.Match[str]:
    """`match`, or the number before its "rest" when those words are no lower places of
    it: as much as the place it would fill or more ("two hundred and three hundred"), or
    after "dozen" (then the rest is a second number, read on its own)."""
    rest = match.group("rest")
    if rest is None:
        return match
    multiplier = match.group("multiplier").lower()
    scale = match.group("scale")
    place = MULTIPLIERS[scale.lower()] if scale else SPELLED_SCALES.get(multiplier)
    if place is None:
        place = MULTIPLIERS[multiplier]
    if multiplier != "dozen" and _rest_value(rest) < place:
        return match
    whole = _IN_WORDS_WITHOUT_REST.match(sentence, match.start())
    return whole if whole is not None else match


def _rest_value(rest: str) -> float:
    """'fifty-two' -> 52; 'two hundred and five' -> 205 (the lower places of a number)."""
    hundreds, _, units = rest.lower().partition("hundred")
    if not units and not rest.lower().endswith("hundred"):
        return _small_value(hundreds)
    units = units.strip()
    units = units[4:] if units.startswith("and ") else units
    return _small_value(hundreds) * 100 + (_small_value(units) if units else 0)


def _small_value(words: str) -> float:
    """'fifty-two' -> 52, 'one' -> 1."""
    parts = words.strip().split("-")
    first = COMPOUND_UNITS.get(parts[0]) or SPELLED_NUMBERS[parts[0]]
    return float(first + sum(COMPOUND_UNITS[part] for part in parts[1:]))


_QUALIFIED_OPENING = re.compile(
    rf"[\"'“‘]?(?:{_QUALIFIER})\s+(?:{_SPELLED})\b(?!\s+of\b)", re.IGNORECASE
)
"""A sentence opening with a qualified number in words ("More than forty people")."""


def _word_end(text: str, position: int) -> int:
    """The end of the word at `position` (the text's end past it)."""
    space = text.find(" ", position)
    return space if space >= 0 else len(text)


def _occurrences(text: str, part: str) -> Iterator[int]:
    found = text.find(part)
    while found >= 0:
        yield found
        found = text.find(part, found + 1)


def number_in_words_end(text: str) -> int:
    """Where a figure's number written in words ends in its text ("tens of thousands of
    people": after "of"), 0 when it does not start with one."""
    found = _IN_WORDS.match(text)
    return found.end() if found else 0


def _numbers_in_words(sentence: str) -> list[_Number]:
    """Numbers written in words: vague ones ("tens of thousands of"), multiplied ones
    ("two hundred", "a dozen", "three million") and, at the start of the sentence, any
    ("Seventeen").

    The pattern is tried only near the words that can make one (a hint such as
    "housand", or the sentence's opening): trying it all along the sentence cost more
    than reading the digits."""
    found: list[_Number] = []
    for match in _number_word_matches(sentence):
        qualifier, vague = match.group("qualifier"), match.group("vague")
        start = (
            match.start()
            if qualifier
            else match.start("vague" if vague else "half" if match.group("half") else "spelled")
        )
        if vague is not None:
            lowered = " ".join(vague.lower().split())
            number = _Number(
                start,
                match.start("vague"),
                match.end("vague"),
                VAGUE_NUMBERS[lowered],
                lowered if qualifier is None else qualifier.lower(),
                words_start=match.end(),
                in_words=True,
            )
            found.append(number)
            continue
        value = _spelled_value(match.group("spelled"), match.group("multiplier"))
        if value is not None and match.group("scale"):
            value *= MULTIPLIERS[match.group("scale").lower()]
        if value is not None and match.group("rest"):
            value += _rest_value(match.group("rest"))  # "three hundred and fifty"
        if value is not None and match.group("half"):
            value /= 2  # "half a million"
        at_start = not sentence[: match.start()].strip("\"'“‘ ")
        if value is None or (match.group("multiplier") is None and not at_start):
            continue
        tail = None if match.group("multiplier") else _RANGE_TAIL.match(sentence, match.end())
        if tail is not None:  # "Twelve to fifteen troops": the second counts, as it would open
            second = _spelled_value(tail.group(1), None)
            if second is not None and second > value:
                found.append(
                    _Number(tail.start(1), tail.start(1), tail.end(1), second, None, in_words=True)
                )
                continue
        found.append(
            _Number(
                start,
                match.start("spelled"),
                match.end(),
                value,
                qualifier.lower() if qualifier else None,
                in_words=True,
            )
        )
    return found


_RANGE_TAIL = re.compile(
    rf"\s*(?:to|-|–)\s*({_SMALL_WORDS})\b(?![-\w])"
    r"(?!\s+(?:hundred|thousand|million|billion|trillion|dozen)\b)",
    re.IGNORECASE,
)
"""After a number in words opening a sentence, the second number of its range ("Twelve
to fifteen", "Twelve-fifteen"), not multiplied ("Two to three million": read whole)."""


def _spelled_value(spelled: str, multiplier: str | None) -> float | None:
    """'twenty-three' -> 23; 'two' 'hundred' -> 200; 'a' 'dozen' -> 12; 'one' 'thousand'
    -> 1000; 'a' or 'one' alone -> None (an article or a pronoun as often as a count)."""
    parts = spelled.lower().split("-")
    if parts[0] in ("a", "one"):
        value = 1.0
    else:
        value = float(SPELLED_NUMBERS[parts[0]] + sum(COMPOUND_UNITS[part] for part in parts[1:]))
    if multiplier is None:
        return None if parts[0] in ("a", "one") else value
    scale = SPELLED_SCALES.get(multiplier.lower()) or MULTIPLIERS[multiplier.lower()]
    return value * scale


_FRONTED_CASUALTIES = re.compile(
    r"\s*Of\s+(?:the|those|these)\s+(?P<kind>\w+)\b[^,;:]*,\s*$", re.IGNORECASE
)


def fronted_casualties(sentence: str, start: int) -> str | None:
    """'Of those killed in Saturday's strike, 35 were children': the casualties a number
    right after a fronted "of the dead" is some of (the dead, the wounded), as "35 of those
    killed" is; None for any other number."""
    found = _FRONTED_CASUALTIES.match(sentence, 0, start)
    if found is None:
        return None
    kind = found.group("kind").lower()
    if kind in KILLED_WORDS:
        return "killed"
    return "wounded" if kind in WOUNDED_WORDS else None


def _casualty_verb_before(sentence: str, start: int, what: str | None) -> str | None:
    """'killed 52 people', 'injured 250 people': the verb before the number says what is
    counted (the people are the victims, a population read in measures.py)."""
    if what is None or what in NOT_PEOPLE:
        return what
    before = sentence[max(0, start - 12) : start].split()
    verb = before[-1].lower() if before else ""
    return CASUALTY_VERBS.get(verb, what)


NOT_PEOPLE = frozenset(
    ["money", "miles", "km", "square miles", "square km", "hectares", "acres", "mph", "km/h",
     "percent", "percentage points", "time", "metres", "feet", "tonnes", "kilograms",
     "pounds"]
)  # fmt: skip
"""Counted things that cannot be casualties."""
_COUNTED_FOR_NO_ONE = NOT_PEOPLE | {None, "people"}
"""Counted things no nationality before the number owns: "Russia lost 1,100 tanks" is
Russia's tanks, "Russia evacuated 5,000 people" need not be Russians."""


_FALLEN_UNITS = {"mm": "millimetres", "cm": "centimetres"}
_FALLEN_SIGN = re.compile(
    r"\s?(mm|cm)\b(?=\s+of\s+(?:rain|rainfall|snow|snowfall|precipitation)\b)", re.IGNORECASE
)
"""A depth of rain or snow in millimetres or centimetres by its sign ("95 mm of rainfall",
"200mm of rain"): only before what fell, as "155mm shells" is a calibre, not a measure."""


def _strong_body(words: list[_Word]) -> str | None:
    """What "N-strong" counts: the members of the body it sizes, troops of a military
    one ("a 3,000-strong contingent", "brigade"), people of a crowd ("a 200-strong
    crowd")."""
    for word in words:
        if word.lower in MILITARY_WORDS or word.lower in TROOP_NOUNS:
            return "troops"
        if word.lower in COLLECTIVE_NOUNS:
            return "people"
    return None


def _skip_leading(words: list[_Word], sentence: str, start: int) -> list[_Word]:
    """Words after the number, but none when punctuation closes the phrase first."""
    if _ends_phrase(sentence, start):
        return []
    return words


def _ends_phrase(sentence: str, start: int) -> bool:
    """True when the number ending at `start` is followed by punctuation or the end of
    the sentence."""
    while start < len(sentence) and sentence[start] == " ":
        start += 1
    return start == len(sentence) or sentence[start] in ".,;:!?)”\"’'—–"


_SPEEDS = frozenset(["mph", "km/h"])


def _phrase_end(number_end: int, what: str | None, words: list[_Word]) -> int:
    """End of the quantity's span: through the counted noun when it follows the number."""
    if what is None or what == "money":
        return number_end
    for position, word in enumerate(words[: PHRASE_WORDS + 1]):
        lower = word.lower
        if what in _SPEEDS and _word(words, position + 2) == "hour":
            hour = words[position + 2]
            return hour.start + len(hour.text)
        if (
            lower in _COUNTED_NOUN_WORDS
            or lower == what
            or COUNTED_SYNONYMS.get(lower) == what
            or (lower == "cent" and what == "percent")
            or (lower == "points" and what == "percentage points")
        ):
            return word.start + len(word.text)
    return number_end


_COUNTED_NOUN_WORDS = (
    frozenset(AREA_UNITS) | PERCENT_WORDS | TROOP_NOUNS | MILE_WORDS | KILOMETRE_WORDS
    | frozenset(SHORT_LENGTHS) | frozenset(MASS_UNITS) | PEOPLE_NOUNS | PEOPLE_DEMONYMS
    | KILLED_WORDS | WOUNDED_WORDS | CASUALTY_NOUNS | LIVES_NOUNS
)  # fmt: skip
"""Words that end a figure's phrase whatever it counts."""
