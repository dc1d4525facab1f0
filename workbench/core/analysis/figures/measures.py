"""What a figure measures: its unit class, the state of the event and its scope.

Two figures can disagree only when they measure the same thing. "3,000 troops sent"
and "a promised 10,000" do not (one is sent, the other promised); North Korea's
"1.2 million military personnel" is its whole army, not troops sent anywhere; "6,000
people each" counts one unit, not all; "1,500 last week" is another moment than an
undated figure. This module reads those distinctions from the words around a figure
in its clause (cut at commas, semicolons, dashes, the next figure and reporting verbs
such as "said that"), with small word tables: reading, not parsing.

A Measure is everything that must match (or contain the other) for two figures to be
comparable; conflicts.py decides whether comparable figures conflict.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from workbench.core.analysis.figures.quantities import Quantity, SentenceWords
from workbench.core.analysis.lexicon import (
    CLAUSE_REPORTING,
    COUNTRY_NAMES,
    DEMONYMS,
    GENERIC_MODIFIERS,
    INCREMENTS,
    KILLED_WORDS,
    MONTH_NAMES,
    MONTHS,
    PEOPLE_DEMONYMS,
    PERIODS,
    PLACE_SUFFIXES,
    PLANNED,
    RATE_WORDS,
    STATES,
    TROOP_NOUNS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    WHERE_PREPOSITIONS,
    WOUNDED_WORDS,
    word_set,
)

SQUARE_MILE_KM2 = 2.589988
MILE_KM = 1.609344

UNIT_CLASSES = {
    "square miles": ("area", SQUARE_MILE_KM2),
    "square km": ("area", 1.0),
    "miles": ("distance", MILE_KM),
    "km": ("distance", 1.0),
}
"""`what` -> (unit class, factor to the class's unit): 500 square miles is 1,295 km².
Troop nouns (troops, soldiers, forces, personnel...) are one class already: `what`
is "troops" for all of them (quantities.py)."""
CASUALTY_CLASSES = frozenset(["killed", "wounded", "casualties"])

DEFAULT_STATE = {"troops": "sent"}
"""A troop figure with no word for its event counts troops sent or present: the common
reading of "10,000 North Korean troops" in a report on a deployment."""
_REPORTING_AFTER = CLAUSE_REPORTING - {"that"}
"""Words at which the clause after a figure ends ("troops that arrived" goes on)."""
_PLACE_SUFFIXES = frozenset(PLACE_SUFFIXES)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_BREAK = re.compile(r"[;:()\[\]—–]|,\s|\s-\s")
_MONTH_NAMES = "|".join(month.capitalize() for month in MONTH_NAMES)
_WEEKDAYS = "|".join(WEEKDAY_NAMES)
_WHERE = "|".join(WHERE_PREPOSITIONS)
_TIME = re.compile(
    rf"\b(?:(?P<prep>in|during|throughout|by|until|since|early|mid|late|end of|last)\s+"
    rf"(?:(?:early|mid|late)[\s-]+)?(?P<date>{_MONTH_NAMES}|(?:19|20)\d\d)"
    r"|(?P<relative>last (?:week|month|year|weekend|night|summer|spring|autumn|fall|winter)|"
    r"over the weekend|earlier this (?:week|month|year)|(?:a|one|two|three|\d+) "
    r"(?:days?|weeks?|months?|years?) ago|initially|at first)"
    rf"|by (?P<deadline>(?:next )?(?:{_WEEKDAYS})|the end of (?:the )?\w+))\b",
    re.IGNORECASE,
)
"""Times a sentence gives: "in August", "in early November", "last week", "in 2023";
and deadlines: "by December", "by Monday", "by the end of the year"."""
_STRENGTH_BEFORE = re.compile(
    r"\b(?:army|military|armed forces)\s+(?:of|with|numbering|numbers?|totall?ing|totals?)\s*$",
    re.IGNORECASE,
)
_STRENGTH_AFTER = re.compile(r"^-?strong\b|\bactive(?:[- ]duty)?\b|\breservists?\b")
_PLACE = re.compile(
    rf"\b({_WHERE})\s+"
    r"(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|central\s+|neighbou?ring\s+)?"
    r"((?:[A-Z][\w’'.-]*\s*){1,3})"
)
_REGION = re.compile(rf"\b([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)\s+(?:{'|'.join(PLACE_SUFFIXES)})\b")
_REGION_LEAD = re.compile(rf"(?:\b(?:{_WHERE})\s+(?:the\s+)?|['’]s\s+)$")
"""What must come before a region's name for the figure to be in it ("to the Kursk
region", "Russia's Kursk region"), not merely near it ("entered the Kursk region and
captured 400 square miles")."""
_FRONT = re.compile(r"\b(front(?:[- ]lines?)?|frontline|battlefield|border)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Measure:
    """What one figure measures, read from its sentence."""

    unit_class: str
    """troops, killed, wounded, casualties, people, area, distance, money USD, or the noun."""
    base_value: float
    """The value in the class's unit (km² for area, km for distance)."""
    state: str | None
    """The event: sent, planned, strength, captured, held, displaced, protesting..."""
    who: str | None
    """Whose: the nationality counted ("North Korean")."""
    country: str | None
    """Where, when a country or larger area: "Russia"."""
    place: str | None
    """Where, when a part of a country or of the war: "Kursk", "front", "border"."""
    when: str | None
    """A time the sentence gives: "last week", "august", "by december"."""
    per: str | None
    """A rate or share: "each" (per unit), "day"."""
    part: str | None
    """A part of the whole: a modifier ("special"), a population ("civilians"), or
    "increment" ("another 1,000")."""
    noun: str | None
    """The counted noun as written ("soldiers"), for explanations."""


def read_measures(
    sentence: str, quantities: Sequence[Quantity], words: SentenceWords | None = None
) -> tuple[Measure | None, ...]:
    """The Measure of each of `quantities` (all the numbers of `sentence`, in order; the
    others bound each figure's clause), None for a number that counts nothing known.

    `words` are the sentence's words when numbers_in() has split them already."""
    if not any(quantity.what is not None for quantity in quantities):
        return (None,) * len(quantities)
    reading = _Reading(words or SentenceWords(sentence))
    return tuple(
        None if quantity.what is None else _measure(reading, quantity, quantities, number)
        for number, quantity in enumerate(quantities)
    )


class _Reading:
    """A sentence read once for all its figures: its words, its breaks, its times.

    Each figure's clause is then a slice of these lists (found by bisection), not a
    new pass of regular expressions over the sentence.
    """

    __slots__ = ("break_ends", "break_starts", "lowers", "spans", "starts", "text", "times")

    def __init__(self, words: SentenceWords) -> None:
        text = self.text = words.sentence
        self.spans = words.spans
        self.starts = words.starts
        self.lowers = words.lowers
        breaks = [match.span() for match in _BREAK.finditer(text)]
        self.break_starts = [start for start, _ in breaks]
        self.break_ends = [end for _, end in breaks]
        self.times = _times(text) if _may_give_a_time(words.lower_set, text) else _NO_TIMES

    def window(self, first: int, last: int, start: int, stop: int) -> _Window:
        """Words `first` to `last` (exclusive) and the text from `start` to `stop`."""
        return _Window(self.text[start:stop], self.lowers[first:last])


def _may_give_a_time(lowers: frozenset[str], text: str) -> bool:
    """False when the sentence has no word a time needs (a month, "last", "ago", a year,
    "by" and a day...): most sentences, and then _TIME need not read them."""
    if not _TIME_WORDS.isdisjoint(lowers) or _YEAR.search(text):
        return True
    return "by" in lowers and not _DEADLINE_STARTS.isdisjoint(lowers)


class _Window(NamedTuple):
    """Part of a figure's clause: its text and its words in lower case."""

    text: str
    words: list[str]


@dataclass(frozen=True, slots=True)
class _Times:
    marks: str | None
    deadline: str | None


_NO_TIMES = _Times(None, None)


_TIME_WORDS = frozenset(MONTH_NAMES) | word_set("last weekend earlier ago initially first")
"""Words without one of which (or a year, or "by" a day) a sentence gives no time."""
_DEADLINE_STARTS = WEEKDAYS | {"next", "end"}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _times(sentence: str) -> _Times:
    """The sentence's times (one pass): marks for any figure, a deadline for plans."""
    marks: set[str] = set()
    deadline: str | None = None
    for match in _TIME.finditer(sentence):
        date, prep = match.group("date"), (match.group("prep") or "").lower()
        if date is not None:
            if prep in ("by", "until"):
                deadline = deadline or f"by {date.lower()}"
            elif prep != "since":
                marks.add(date.lower())
        elif match.group("deadline") is not None:
            deadline = deadline or f"by {' '.join(match.group('deadline').lower().split())}"
        else:
            mark = " ".join(match.group("relative").lower().split())
            marks.add("weekend" if mark == "over the weekend" else mark)
    return _Times(marks=", ".join(sorted(marks)) or None, deadline=deadline)


def _measure(
    reading: _Reading, quantity: Quantity, quantities: Sequence[Quantity], number: int
) -> Measure:
    unit_class, factor = _unit_class(quantity)
    before, after = _windows(reading, quantity, quantities, number)
    inner = _after_number(quantity.text)
    noun = _noun(inner)
    state = _state(unit_class, before, after, inner, noun)
    country, place = _where(after, before)
    times = reading.times
    when = times.deadline if state == "planned" and times.deadline else times.marks
    return Measure(
        unit_class=unit_class,
        base_value=quantity.value * factor,
        state=state,
        who=quantity.who,
        country=country,
        place=place,
        when=when,
        per=_per(after.words),
        part=_part(unit_class, before.words, inner, noun),
        noun=noun,
    )


def _unit_class(quantity: Quantity) -> tuple[str, float]:
    what = str(quantity.what)
    if what in UNIT_CLASSES:
        return UNIT_CLASSES[what]
    if what == "money":
        return f"money {quantity.unit}", 1.0
    return what, 1.0


def _windows(
    reading: _Reading, quantity: Quantity, quantities: Sequence[Quantity], number: int
) -> tuple[_Window, _Window]:
    """The figure's clause before and after it: from the last break, the end of the
    previous figure or the last reporting word, to the next break, figure or reporting
    word (but "that": "troops that arrived")."""
    start = quantities[number - 1].end if number else 0
    found = bisect_right(reading.break_ends, quantity.start) - 1
    if found >= 0 and reading.break_ends[found] > start:
        start = reading.break_ends[found]
    first = bisect_left(reading.starts, start)
    last = bisect_left(reading.starts, quantity.start)
    if not CLAUSE_REPORTING.isdisjoint(reading.lowers[first:last]):
        for position in range(last - 1, first - 1, -1):
            if reading.lowers[position] in CLAUSE_REPORTING:
                first, start = position + 1, reading.spans[position][1]
                break
    before = reading.window(first, last, start, quantity.start)
    stop = quantities[number + 1].start if number + 1 < len(quantities) else len(reading.text)
    found = bisect_left(reading.break_starts, quantity.end)
    if found < len(reading.break_starts) and reading.break_starts[found] < stop:
        stop = reading.break_starts[found]
    first = bisect_left(reading.starts, quantity.end)
    last = bisect_left(reading.starts, stop)
    if not _REPORTING_AFTER.isdisjoint(reading.lowers[first:last]):
        for position in range(first, last):
            if reading.lowers[position] in _REPORTING_AFTER:
                last, stop = position, reading.starts[position]
                break
    return before, reading.window(first, last, quantity.end, stop)


def _noun(inner: str) -> str | None:
    """The counted noun as written ("soldiers", "North Koreans", "square miles"), or None
    for a bare number; `inner` is the figure's text after its number."""
    rest = inner.split()
    if not rest:
        return None
    last = rest[-1]
    previous = rest[-2] if len(rest) > 1 else ""
    if previous.lower() == "square" or (
        last.lower() in PEOPLE_DEMONYMS and previous in ("North", "South")
    ):
        return f"{previous} {last}"
    return last


def _state(
    unit_class: str, before: _Window, after: _Window, inner: str, noun: str | None
) -> str | None:
    """The event the figure counts: words before it (it is their object) win over words
    after it (it is their subject); a plan, promise or expectation wins over an event."""
    if unit_class in CASUALTY_CLASSES:
        return unit_class
    if unit_class == "troops" and _is_strength(before.text, inner + after.text[:20]):
        return "strength"
    table = STATES.get(unit_class)
    if table is None:
        return None
    if noun is not None and noun.lower() in table:
        return table[noun.lower()]
    for words in (before.words, _after_verbs(after.words, table)):
        if not words:
            continue
        if any(word in PLANNED for word in words) or _to_be_done(words):
            return "planned"
        found = next((table[word] for word in reversed(words) if word in table), None)
        if found is not None:
            return found
    return DEFAULT_STATE.get(unit_class)


def _is_strength(before: str, after: str) -> bool:
    """'an army of 1.2 million', '1.15 million active personnel': a force's whole size."""
    tail = before[-40:].lower()
    if ("army" in tail or "military" in tail or "forces" in tail) and _STRENGTH_BEFORE.search(
        before
    ):
        return True
    head = after.lower()
    return ("active" in head or "strong" in head or "reservist" in head) and bool(
        _STRENGTH_AFTER.search(after)
    )


def _after_verbs(words: list[str], table: dict[str, str]) -> list[str]:
    """The words after a figure up to its first word that says an event or a plan: the
    verb of which the figure is the subject ("troops had traveled ... to Kursk")."""
    for position, word in enumerate(words):
        if word in PLANNED or word in table:
            return words[: position + 1]
        if word == "to" and words[position + 1 : position + 2] == ["be"]:
            return words[: position + 3]
    return []


def _to_be_done(words: list[str]) -> bool:
    """'10,000 to be deployed': a figure for what is yet to happen."""
    return any(
        word == "to" and words[n + 1 : n + 2] == ["be"] and words[n + 2 : n + 3] != ["part"]
        for n, word in enumerate(words[:-2])
    )


def _where(after: _Window, before: _Window) -> tuple[str | None, str | None]:
    """(country, place) the figure is in or bound for: named places after the figure
    first, then before it; a place inside a country beats the front or the border."""
    country: str | None = None
    place: str | None = None
    for window in (after, before):
        text = window.text
        if place is None and not _PLACE_SUFFIXES.isdisjoint(window.words):
            place = next(
                (
                    m.group(1)
                    for m in _REGION.finditer(text)
                    if _REGION_LEAD.search(text, 0, m.start())
                ),
                None,
            )
        if _PLACE_START.search(text):
            for match in _PLACE.finditer(text):
                found = _place_name(match, text)
                if found is None:
                    continue
                name, is_part = found
                if is_part and place is None:
                    place = name
                elif not is_part and country is None:
                    country = name
        lowered = text.lower()
        if place is None and any(word in lowered for word in _FRONT_WORDS):
            front = _FRONT.search(text)
            if front:
                place = "border" if front.group(1).lower() == "border" else "front"
    return country, place


_FRONT_WORDS = ("front", "battlefield", "border")
_PLACE_START = re.compile(rf"\b(?:{_WHERE})\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z]")
"""Where _PLACE can match at all: a preposition, then a capital within a word or two."""


def _place_name(match: re.Match[str], text: str) -> tuple[str, bool] | None:
    """(name, is a part of a country) for a preposition and capitalised words."""
    words = match.group(2).split()
    kept = []
    for word in words:
        bare = word.rstrip(".,").removesuffix("'s").removesuffix("’s")
        if bare.lower() in MONTHS or bare.lower() in WEEKDAYS or bare.lower() in DEMONYMS:
            break
        if bare.lower().rstrip("s") in DEMONYMS or bare.lower() in PEOPLE_DEMONYMS:
            break
        kept.append(bare)
        if bare != word.rstrip(".,"):
            break
    if not kept or kept[0] in ("The", "A", "An", "I"):
        return None
    name = " ".join(kept)
    following = text[match.end() :].split()
    suffix = following[0].lower().strip(".,") if following else ""
    if suffix in _PLACE_SUFFIXES:
        return name, True
    if match.group(1).lower() == "of":
        return None
    if name.lower() in COUNTRY_NAMES:
        return name, False
    return name, True


def _per(after_words: list[str]) -> str | None:
    """A rate or share right after the figure: '6,000 people each', '1,500 a day'."""
    for position, word in enumerate(after_words[:8]):
        following = after_words[position + 1] if position + 1 < len(after_words) else ""
        if word in ("each", "apiece"):
            return following if following in PERIODS else "each"
        if word in ("per", "a", "an", "every") and following in PERIODS:
            return following
        if word in RATE_WORDS:
            return RATE_WORDS[word]
    return None


def _part(unit_class: str, before_words: list[str], inner: str, noun: str | None) -> str | None:
    """What part of the whole the figure counts, if not all of it (`inner`: the figure's
    text after its number)."""
    if before_words and before_words[-1] in INCREMENTS:
        return "increment"
    words = [w.lower() for w in _WORD.findall(inner)]
    if words and words[-1] == (noun or "").lower():
        words = words[:-1]
    if any(word in INCREMENTS for word in words):
        return "increment"
    if unit_class in CASUALTY_CLASSES:
        return _population(noun)
    if unit_class not in ("troops", "people"):
        return None
    modifiers = [
        word
        for word in words
        if len(word) > 1
        and word not in GENERIC_MODIFIERS
        and word not in DEMONYMS
        and word not in ("north", "south", "square", "thousand", "million", "billion")
    ]
    return " ".join(modifiers) or None


def _after_number(text: str) -> str:
    """The figure's text after its number (and multiplier)."""
    digits = re.search(r"\d[\d,.]*(?:\s?(?:thousand|million|billion|trillion)\b)?", text)
    return text[digits.end() :] if digits else ""


def _population(noun: str | None) -> str | None:
    """Who the casualties are, when the figure says: troops, civilians... (None: anyone)."""
    if noun is None:
        return None
    lower = noun.lower()
    if lower in TROOP_NOUNS:
        return "troops"
    if lower in ("people", "persons") or lower in PEOPLE_DEMONYMS:
        return None
    if lower in KILLED_WORDS or lower in WOUNDED_WORDS or lower.startswith("casualt"):
        return None
    return lower
