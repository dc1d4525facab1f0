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
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from workbench.core.analysis.figures.arithmetic import ABOARD
from workbench.core.analysis.figures.quantities import (
    AFTER_QUALIFIER,
    JOINED,
    Quantity,
    SentenceWords,
    fronted_casualties,
    number_in_words_end,
)
from workbench.core.analysis.figures.totals import verb_past_change
from workbench.core.analysis.lexicon import (
    AFTER_EVENT_SKIPPED,
    AGE_ROLES,
    ARTICLES,
    BEFORE_EVENT_SKIPPED,
    CHANGE_REACH,
    CLAUSE_REPORTING,
    COUNTED_SYNONYMS,
    COUNTRY_NAMES,
    CURRENCY_WORDS,
    DATED_EVENTS,
    DEMONYMS,
    DURATION_DAYS,
    ENDING_STATES,
    ESTIMATING,
    EVENT_KINDS,
    EVENT_NOUNS,
    EVENT_PHRASES,
    EVENT_ROLE_FOLLOWERS,
    EVENT_TOPIC_MARKERS,
    EVENTS,
    FIGURE_PHRASE_STOPS,
    FORCE_POSSESSING,
    FUNCTION_WORDS,
    GENERIC_MODIFIERS,
    GOING_VERBS,
    HOSTILITIES,
    INCREMENTS,
    IRREGULAR_VERBS,
    KILLED_WORDS,
    LASTING_STATES,
    LIVES_NOUNS,
    MARGIN_NOUNS,
    MARGIN_WINS,
    MONEY_KINDS,
    MONEY_PAYING,
    MONEY_PREPOSITIONS,
    MONTH_NAMES,
    MONTHS,
    MULTIPLES,
    MULTIPLES_DOWN,
    NAMED_EVENT_TITLES,
    NOMINAL_EVENTS,
    NOT_PEOPLE_EVENTS,
    NOT_PLACE_NAMES,
    NOT_SUBJECTS,
    NOT_VERBS,
    ORDERING,
    PAUSES,
    PEOPLE_DEMONYMS,
    PERCENT_DIRECTIONS,
    PERIODS,
    PERSON_KINDS,
    PLACE_NOUNS,
    PLACE_SUFFIXES,
    PLANNED,
    PREPOSITIONS,
    RATE_KINDS,
    RATE_WORDS,
    STATE_PHRASES,
    STATES,
    SUBJECT_SYNONYMS,
    TEMPERATURE_STATES,
    TERM_VERBS,
    TOTAL_ADVERBS,
    TOTAL_LINKS,
    TOTAL_VERBS,
    TROOP_NOUNS,
    UNIT_PRICES,
    VERB_FORMS,
    VERB_PARTICLES,
    WEEKDAY_NAMES,
    WEEKDAYS,
    WHERE_PREPOSITIONS,
    WOUNDED_WORDS,
    word_set,
)

SQUARE_MILE_KM2 = 2.589988
MILE_KM = 1.609344
ACRE_KM2 = 0.004046856

UNIT_CLASSES = {
    "square miles": ("area", SQUARE_MILE_KM2),
    "square km": ("area", 1.0),
    "hectares": ("area", 0.01),
    "acres": ("area", ACRE_KM2),
    "miles": ("distance", MILE_KM),
    "km": ("distance", 1.0),
    "metres": ("distance", 0.001),
    "feet": ("distance", 0.0003048),
    "tonnes": ("mass", 1.0),
    "kilograms": ("mass", 0.001),
    "pounds": ("mass", 0.00045359237),
    "megawatts": ("power", 1.0),
    "gigawatts": ("power", 1000.0),
    "mph": ("speed", MILE_KM),
    "km/h": ("speed", 1.0),
    "celsius": ("temperature", 1.0),
    "fahrenheit": ("temperature", 1.0),
}
"""`what` -> (unit class, factor to the class's unit): 500 square miles is 1,295 km²,
90 mph is 145 km/h. Troop nouns (troops, soldiers, forces, personnel...) are one class
already: `what` is "troops" for all of them (quantities.py)."""
CASUALTY_CLASSES = frozenset(["killed", "wounded", "casualties"])
MEASURED_CLASSES = frozenset(
    ["temperature", "magnitude", "duration", "score", "age", "date", "year", "clock", "rank"]
)
"""Measures of an event rather than counts, read with their own words (a temperature's
high or low; a quake's magnitude; how long a named event lasted; a match's score or
aggregate): compared, as counted nouns are, when their state is read."""
KNOWN_CLASSES = frozenset(
    ["troops", "people", "area", "distance", "speed", "percent", "percentage points", "time",
     *CASUALTY_CLASSES]
)  # fmt: skip
"""Classes with their own reading; any other class (but money) is a counted noun
("tanks", "homes", "votes"), whose state is the verb that says what happened to them."""


def is_counted_noun(unit_class: str) -> bool:
    """Whether a unit class is a counted noun of its own ("tanks"), not a known class."""
    return unit_class not in KNOWN_CLASSES and not unit_class.startswith("money")


def kind_of(unit_class: str) -> str:
    """The widest noun a class of people is said as (PERSON_KINDS: "miners" and
    "passengers" are people): the class itself for any other."""
    while unit_class in PERSON_KINDS:
        unit_class = PERSON_KINDS[unit_class]
    return unit_class


def _as_people(event: str) -> str:
    """A counted noun of people's event in the words of what is done to people (STATES:
    "were evacuated" and "moved out of" are displaced, "admitted to hospital"
    hospitalised), so that "Nearly 900 patients were evacuated" meets "moved 150 patients
    out". A gathering's words stay the noun's own: workers who joined a strike are no
    crowd that watched a match."""
    planned, _, verb = event.rpartition(" ")
    said = STATES["people"].get(verb)
    if said not in _DONE_TO_PEOPLE:
        return event
    return " ".join(filter(None, [planned, said]))


_DONE_TO_PEOPLE = frozenset(["displaced", "detained", "hospitalised", "missing"])


SUBJECT_CLASSES = frozenset(["distance", "speed", "percent", "percentage points"])
"""Classes whose figures say little without what they are of: its subject ("the missile
flew 1,000 km", "turnout was 61 percent") is their part."""

_SHARES = frozenset(["percent", "percentage points"])
"""Classes never compared across events (Measure.across): whose share a bare one is goes
unread ("Rebels control a third of the district" and "roughly 60 percent of the
district", the government's)."""

DEFAULT_STATE = {"troops": "sent"}
"""A troop figure with no word for its event counts troops sent or present: the common
reading of "10,000 North Korean troops" in a report on a deployment."""
_REPORTING_AFTER = CLAUSE_REPORTING - {"that"}
"""Words at which the clause after a figure ends ("troops that arrived" goes on)."""
_PLACE_SUFFIXES = frozenset(PLACE_SUFFIXES)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_BREAK = re.compile(r"[;:()\[\]—–]|,\s|\s-\s")
_MONTH_NAMES = "|".join(MONTH_NAMES)
_TIME_INITIALS = "abdefijlmnoprstuw0-9"
"""The letters _TIME's alternatives start with: a position starting otherwise is not
tried (a third of its time; test_measures checks the list against the pattern)."""
_WEEKDAYS = "|".join(WEEKDAY_NAMES)
_ATTRIBUTE_MONTHS = "|".join(month for month in MONTH_NAMES if month not in ("march", "may"))
"""Months that, after a possessive, date what follows ("Castria's July heatwave"); "the
city's march" and "may" are words of their own."""
_WHERE = "|".join(WHERE_PREPOSITIONS)
_QUARTER_END = r"(?:-|–|\s+to\s+)(?:march|june|september|december)\b"
"""After a quarter's first month, its last ("July-September", "April to June")."""
_QUARTERS = {"jan": "first quarter", "apr": "second quarter", "jul": "third quarter",
             "oct": "fourth quarter"}  # fmt: skip
_QUARTERS_ENDING = {"mar": "first quarter", "jun": "second quarter", "sep": "third quarter",
                    "dec": "fourth quarter"}  # fmt: skip
"""A quarter named by its last month ("the March quarter", "the June quarter")."""
_QUARTER_PLACE = re.compile(rf"(?i:(?:january|april|july|october){_QUARTER_END})")
_TIME = re.compile(
    rf"(?=[{_TIME_INITIALS}])\b"
    r"(?:(?P<prep>in|during|throughout|over|by|until|since|early|mid|late|end of|last|for|on|as of"
    rf"|on (?:{_WEEKDAYS}),)\s+"
    rf"(?:(?:early|mid|late)[\s-]+)?(?P<date>(?:{_MONTH_NAMES})\s+[0-3]?\d(?:st|nd|rd|th)?\b"
    rf"|[0-3]?\d(?:st|nd|rd|th)?\s+(?:{_MONTH_NAMES})|(?:{_MONTH_NAMES})(?!{_QUARTER_END})"
    r"|(?:19|20)\d\d)"
    r"|(?:(?<=the )|(?<=its )|(?<=this )|(?<=a )|(?<='s )|(?<=’s ))"
    r"(?P<attribute>(?:19|20)\d\d)(?= [a-z])"
    rf"|(?:(?<='s )|(?<=’s ))(?P<month>{_ATTRIBUTE_MONTHS})(?= [a-z])"
    r"|(?P<weekend>saturday and sunday)"
    rf"|(?P<quarter>(?:january|april|july|october){_QUARTER_END})"
    r"|(?P<ending>march|june|september|december) quarter"
    r"|(?P<period>(?:first|second|third|fourth)[- ]quarter|(?:first|second)[- ]half"
    r"|full[- ](?:(?:fiscal|financial)[- ])?year)"
    r"|(?P<relative>last (?:week|month|year|weekend|night|summer|spring|autumn|fall|winter)"
    r"(?!['’]s\b)|"
    r"over the weekend|(?:earlier )?this (?:week|month|year)|(?:a|one|two|three|\d+) "
    r"(?:days?|weeks?|months?|years?) ago|initially|at first|recount|earlier|previously|"
    r"later|revised(?! (?:[a-z]+ )?(?:offers?|plans?|proposals?|bids?|deals?|terms|agreements?|"
    r"contracts?|versions?|timetables?|schedules?|routes?|designs?)\b)|"
    r"(?P<round>first|initial|preliminary|provisional|partial|final) (?:count|results|tally)|"
    r"(?P<counted>with (?:about |nearly |almost |over |more than |some )?\d+(?:\.\d+)? ?"
    r"(?:percent|per cent|%) of (?:the )?(?:ballots|votes|precincts|polling stations) "
    r"(?:counted|tallied|reported|in)))"
    rf"|by (?P<deadline>(?:next )?(?:{_WEEKDAYS})|the end of (?:the )?\w+))\b"
)
"""Times a sentence gives: "in August", "in early November", "last week", "in 2023",
"the 2027 budget", "Helgar Bank's 2023 net income" (but "last year's breach" dates the
breach, not the figure, and "a revised pay offer" is no revised figure);
and deadlines: "by December", "by Monday", "by the end of the year". A count's round
is a time too: "in the first count" and "after the recount" give two moments, and "with
60 percent of ballots counted" is a partial count (b6-51). Read
from the sentence in lower case (twice as fast as a case-insensitive pattern)."""
_STRENGTH_BEFORE = re.compile(
    r"\b(?:army|military|armed forces)\s+(?:of|with|numbering|numbers?|totall?ing|totals?)\s*$",
    re.IGNORECASE,
)
_STRENGTH_AFTER = re.compile(
    r"^-?strong\s+(?:army|military|armed forces|navy)\b|\bactive(?:[- ]duty)?\b|\breservists?\b"
)
"""After a figure, a force's whole size: "a 1.2 million-strong army", "active personnel".
"A 3,000-strong contingent" (or force) sizes a body sent somewhere: no strength."""


def _place_pattern(prepositions: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b({prepositions})\s+"
        r"(?:the\s+(?:[Pp]ort|[Hh]arbou?r|[Tt]own|[Vv]illage|[Ii]sland)\s+of\s+)?"
        r"(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|central\s+|neighbou?ring\s+)?"
        r"((?:[A-Z][\w’'.-]*\s*){1,3})"
    )


def _region_lead(prepositions: str) -> re.Pattern[str]:
    return re.compile(rf"(?:\b(?:{prepositions})\s+(?:the\s+)?|['’]s\s+)$")


_FROM = f"{_WHERE}|from|left|fled|leaving|fleeing"
_PLACE = _place_pattern(_WHERE)
_PLACE_LEFT = _place_pattern(_FROM)
"""With "from": where people fled or were evacuated from is where they are counted."""
_REGION = re.compile(rf"\b([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)\s+(?:{'|'.join(PLACE_SUFFIXES)})\b")
_REGION_LEAD = _region_lead(_WHERE)
"""What must come before a region's name for the figure to be in it ("to the Kursk
region", "Russia's Kursk region"), not merely near it ("entered the Kursk region and
captured 400 square miles"). A region that opens the clause before the figure is its
subject, and there too ("The Lake Tana mission has 1,200 peacekeepers")."""
_REGION_LEAD_LEFT = _region_lead(_FROM)
_CLAUSE_OPENING = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)
_FRONT = re.compile(
    r"\b(front(?!\s+of\b)(?:[- ]lines?)?|frontline|battlefield|border|frontier)\b", re.IGNORECASE
)


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
    day: str | None = None
    """The weekday the figure's clause gives ("Tuesday's rally", "on Friday"), or the
    day of what it came after ("after tuesday"): two figures of two days are two events
    (conflicts.days_differ); a figure without one is of any day."""
    events: frozenset[str] = frozenset()
    """The kinds of event its sentence names ("quake", "flood", "protest"): figures of
    sentences naming events of no common kind are of two events."""
    names: frozenset[str] = frozenset()
    """The names its sentence gives those events ("ilka" for "Storm Ilka", "marsh creek"
    for "the Marsh Creek wildfire"): two different names are two events."""
    capitalised: Capitalised | None = field(default=None, compare=False, repr=False)
    """When no place is read: its sentence's capitalised words (`mentions`)."""
    across: bool = False
    """Whether the figure may be compared with a figure of another event when one of the
    two states none (conflicts.events_meet): it is the only figure of its class in its
    sentence (with two, "by 214 votes to 180" and "a majority of 34", or "an initial 28
    million" and "a further 7 million", which one a bare figure is needs arithmetic),
    and no event its clause gave was set aside ("10,000 people live there", of no place
    named). A share never is: with no event, whose share it is goes unread."""
    said: str | None = None
    """A toll's day of saying ("the fire brigade said on Friday"), no day of the toll
    itself: a toll of no day said on another day than a running toll's is no count of
    its day (conflicts.one_sided); two tolls' days of saying alone keep them one count
    (b8-14)."""

    @property
    def mentions(self) -> frozenset[str]:
        """When no place is read: the capitalised words of its sentence, in lower case
        ("Venmark received 5,630 applications"): a figure placed in one of them elsewhere
        ("filed in Venmark") is compared with it as of that place, not as a part of it.
        Read only when a conflict check asks (most figures never need them)."""
        return _NOTHING if self.capitalised is None else self.capitalised.words()


_NOTHING: frozenset[str] = frozenset()


INCLUDING = frozenset(["includes", "include", "including", "included"])
"""Words after which a place is named as a part ("the province, which includes Dunmore"):
no place the sentence's figure is of."""
_INCLUDED_REACH = 4
"""How many words after one of INCLUDING may name the part ("including the city of X")."""


_WORD_SETS: dict[frozenset[str], frozenset[str]] = {}
"""One frozenset per distinct set of capitalised words (shared_words)."""
_MOST_WORD_SETS = 50_000
"""Sets the table keeps before it starts again (a long session reads many stories)."""
_LET_GO: list[str] = []
"""What a Capitalised holds for its sentence's lists once its words are found (never
changed: one empty list for all)."""


def shared_words(words: Iterable[str]) -> frozenset[str]:
    """`words`, each interned, as the one equal frozenset the Capitalised met share: at
    100,000 annotations the open summary keeps 5,900 of them, 36,000 word strings of
    5,500 distinct values in 3,900 distinct sets (5.9 MB before, as found)."""
    found = frozenset(map(sys.intern, words))
    if len(_WORD_SETS) >= _MOST_WORD_SETS:
        _WORD_SETS.clear()
    return _WORD_SETS.setdefault(found, found)


class Capitalised:
    """A sentence's capitalised words, in lower case, found when first asked for (its
    first word too, unless a function word: "Venmark received"; not a place named as a
    part, after INCLUDING). Once found, the
    sentence's word lists are let go: a kept ClaimText's measures hold this, and the
    lists were 20 MB of the open summary screen at 100,000 annotations. The words found
    are shared (shared_words)."""

    __slots__ = ("_found", "_lowers", "_texts")

    def __init__(self, texts: list[str], lowers: list[str]) -> None:
        self._texts, self._lowers = texts, lowers
        self._found: frozenset[str] | None = None

    @classmethod
    def known(cls, words: Iterable[str]) -> Capitalised:
        """The words already found (a reading restored), shared as when found."""
        made = cls(_LET_GO, _LET_GO)
        made._found = shared_words(words)
        return made

    def words(self) -> frozenset[str]:
        found = self._found
        if found is None:
            texts, lowers = self._texts, self._lowers
            if self._found is not None:  # found by another thread, lists let go meanwhile
                return self._found
            parts = not INCLUDING.isdisjoint(lowers)
            found = self._found = shared_words(
                lower.removesuffix("'s").removesuffix("’s")
                for number, (text, lower) in enumerate(zip(texts, lowers, strict=True))
                if text[:1].isupper()
                and lower not in FUNCTION_WORDS
                and not (
                    parts
                    and not INCLUDING.isdisjoint(lowers[max(0, number - _INCLUDED_REACH) : number])
                )
            )
            self._texts = self._lowers = _LET_GO
        return found


def read_measures(
    sentence: str, quantities: Sequence[Quantity], words: SentenceWords | None = None
) -> tuple[Measure | None, ...]:
    """The Measure of each of `quantities` (all the numbers of `sentence`, in order; the
    others bound each figure's clause), None for a number that counts nothing known.

    `words` are the sentence's words when numbers_in() has split them already."""
    if not any(quantity.what is not None for quantity in quantities):
        return (None,) * len(quantities)
    reading = _Reading(words or SentenceWords(sentence))
    measures = tuple(
        None if quantity.what is None else _measure(reading, quantity, quantities, number)
        for number, quantity in enumerate(quantities)
    )
    classes = [measure.unit_class for measure in measures if measure is not None]
    if len(classes) == len(set(classes)):
        return measures
    measures = _partial_counts(reading.text, quantities, measures)
    return tuple(
        replace(measure, across=False)
        if measure is not None and measure.across and classes.count(measure.unit_class) > 1
        else measure
        for measure in measures
    )


_OUT_OF = re.compile(
    r"(?:\s+[a-z]+\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?"
    r"\s+(?:out\s+of|of)\s+(?:(?:a|an|the|its|their|his|her|our)\s+)?"
    r"(?:[a-z][\w’'-]*\s+){0,2}"
)
"""Between a count and the whole it is counted out of: "sent 3,000 troops to Russia out
of a promised 10,000", "3,000 soldiers of the planned 10,000"."""
FIRST = "first"
"""The part a count before "a further N" of its event is: what came first, not all."""


def _partial_counts(
    text: str, quantities: Sequence[Quantity], measures: tuple[Measure | None, ...]
) -> tuple[Measure | None, ...]:
    """Counts a sentence gives as a part of another figure of their class, read as such
    (qa6 Q23, Q20): "sent 3,000 troops out of a promised 10,000" (the 3,000 a partial
    count: "out of 10,000"), "sent 10,000 troops in October and a further 1,000 in
    December" (the 10,000 what came first). A part may be smaller than its whole, so
    neither is set against a later total."""
    read = list(measures)
    for number, measure in enumerate(measures):
        if measure is None or measure.part is not None:
            continue
        later = next(
            (
                position
                for position in range(number + 1, len(measures))
                if (other := measures[position]) is not None
                and other.unit_class == measure.unit_class
            ),
            None,
        )
        if later is None:
            continue
        whole = measures[later]
        assert whole is not None
        if whole.part == "increment" and whole.state in (measure.state, None):
            read[number] = replace(measure, part=FIRST)
        elif (
            whole.part is None
            and measure.base_value < whole.base_value
            and _OUT_OF.fullmatch(text, quantities[number].end, quantities[later].start)
        ):
            value = quantities[later].value
            written = f"{value:,.0f}" if value.is_integer() else f"{value:,}"
            read[number] = replace(measure, part=f"out of {written}")
    return tuple(read)


class _Reading:
    """A sentence read once for all its figures: its words, its breaks, its times.

    Each figure's clause is then a slice of these lists (found by bisection), not a
    new pass of regular expressions over the sentence.
    """

    __slots__ = (
        "break_ends",
        "break_starts",
        "capitalised",
        "ends",
        "events",
        "lowers",
        "names",
        "starts",
        "text",
        "texts",
        "times",
    )

    def __init__(self, words: SentenceWords) -> None:
        text = self.text = words.sentence
        self.ends = words.ends
        self.starts = words.starts
        self.lowers = words.lowers
        self.texts = words.texts
        breaks = [match.span() for match in _BREAK.finditer(text)]
        self.break_starts = [start for start, _ in breaks]
        self.break_ends = [end for _, end in breaks]
        self.times = _times(text) if _may_give_a_time(words.lower_set, text) else _NO_TIMES
        self.events, self.names = _events(words)
        self.capitalised = Capitalised(self.texts, self.lowers)

    def window(self, first: int, last: int, start: int, stop: int) -> _Window:
        """Words `first` to `last` (exclusive) and the text from `start` to `stop`."""
        return _Window(self.text[start:stop], self.lowers[first:last])


def _may_give_a_time(lowers: frozenset[str], text: str) -> bool:
    """False when the sentence has no word a time needs (a month, "last", "ago", a year,
    "by" and a day...): most sentences, and then _TIME need not read them."""
    if not _TIME_WORDS.isdisjoint(lowers) or _YEAR.search(text):
        return True
    if "-" in text and _QUARTER_PLACE.search(text) is not None:
        return True  # "in July-September"
    if "this" in lowers and not _PERIOD_WORDS.isdisjoint(lowers):
        return True
    return "by" in lowers and not _DEADLINE_STARTS.isdisjoint(lowers)


class _Window(NamedTuple):
    """Part of a figure's clause: its text and its words in lower case."""

    text: str
    words: list[str]


_NO_WINDOW = _Window("", [])
_OPENING = re.compile(rf"(?:{_WHERE})\s[^,;:()]*,\s", re.IGNORECASE)
"""A sentence opening with where ("In the province of Marro alone, ...", "Across the
north, ..."): the place of every figure of the sentence whose own clause names none."""


def _opening(text: str, quantity: Quantity) -> _Window | None:
    found = _OPENING.match(text)
    if found is None or found.end() > quantity.start:
        return None
    opening = found.group(0)
    return _Window(
        opening[:1].lower() + opening[1:], [word.lower() for word in _WORD.findall(opening)]
    )


@dataclass(frozen=True, slots=True)
class _Times:
    marks: str | None
    deadline: str | None
    period: str | None = None
    """A reporting period ("third quarter", "full year"): the figure's day (Measure.day),
    so two periods are two figures, and one stated on one side only is no other time."""
    since_year: str | None = None
    """"since 2005": of a toll, years of counting, the dead of many events (qa8 Q1); of a
    measurement ("risen 1.8C since 1900"), where it starts (another time than its own)."""


_NO_TIMES = _Times(None, None)
_FULL_YEAR = re.compile(r"full (?:fiscal|financial) year")
"""'The full fiscal year' is the full year a company reports on, as "the full year" is."""


_TIME_WORDS = frozenset(MONTH_NAMES) | word_set(
    "last weekend earlier previously later revised ago initially first recount count results tally "
    "quarter half full first-quarter second-quarter third-quarter fourth-quarter first-half "
    "second-half full-year saturday past ballots votes precincts"
)
_PERIOD_WORDS = word_set("week month year week's month's year's week’s month’s year’s")
"""Words without one of which (or a year, "this" and a period, or "by" a day) a sentence
gives no time."""
_DEADLINE_STARTS = WEEKDAYS | {"next", "end"}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _times(sentence: str) -> _Times:
    """The sentence's times (one pass): marks for any figure, a deadline for plans."""
    marks: set[str] = set()
    deadline: str | None = None
    period: str | None = None
    since_year: str | None = None
    lowered = sentence.lower()
    for match in _TIME.finditer(lowered):
        date, prep = match.group("date"), match.group("prep")
        if date is not None:
            if prep in ("by", "until"):
                deadline = deadline or f"by {date}"
            elif prep == "since" and date.isdigit():
                since_year = since_year or f"since {date}"
            elif prep != "since" and not _since_began(lowered, match.start()):
                marks.add(date)
        elif match.group("deadline") is not None:
            deadline = deadline or f"by {' '.join(match.group('deadline').split())}"
        elif match.group("attribute") is not None:  # "the 2027 budget": of 2027
            marks.add(match.group("attribute"))
        elif match.group("month") is not None:  # "Castria's July heatwave": of July
            marks.add(match.group("month"))
        elif match.group("weekend") is not None:  # "on Saturday and Sunday"
            marks.add("weekend")
        elif match.group("quarter") is not None:  # "in July-September": the third quarter
            period = period or _QUARTERS[match.group("quarter")[:3]]
        elif match.group("ending") is not None:  # "in the March quarter": the first
            period = period or _QUARTERS_ENDING[match.group("ending")[:3]]
        elif match.group("period") is not None:  # "third-quarter profit", "the full year"
            period = period or _FULL_YEAR.sub("full year", match.group("period").replace("-", " "))
        elif match.group("round") is not None:  # "partial results", "first count": a round
            if match.group("round") != "final":  # the final count is the count, undated
                marks.add(f"{match.group('round')} count")
        elif match.group("counted") is not None:  # "with 60 percent of ballots counted"
            marks.add("partial count")
        elif (
            not _COMPARED_BEFORE.search(lowered, max(0, match.start() - 8), match.start())
            and not _ranked_or_compared(lowered, match)
            and not _another_things_time(lowered, match)
            and not _CHANGE_BASIS.search(lowered, max(0, match.start() - 30), match.start())
        ):
            mark = " ".join(match.group("relative").split())
            marks.add("weekend" if mark == "over the weekend" else mark)
    marks.update(f"the past {match.group(1)}" for match in _YEARS_PAST.finditer(lowered))
    return _Times(
        marks=", ".join(sorted(marks)) or None,
        deadline=deadline,
        period=period,
        since_year=since_year,
    )


_YEARS_PAST = re.compile(
    r"\b(?:over|in|during) the (?:past|last) ((?:decade|century)|(?:\w+ )?(?:decades|years))\b"
)
"""A span of years a count covers ("over the past decade", "in the last 20 years"): the
total of many events, never one event's count (qa8 Q1: Human Rights Watch's "more than
200 workers have been killed in factory fires over the past decade" was set against one
fire's toll)."""
_COMPARED_BEFORE = re.compile(r"\b(?:of|than|with)\s+$")
"""Before a time, what makes it the time of a value compared ("roughly double its
presence of two years ago", "more than a year ago"), not of the sentence's figure."""
_ON_BEFORE = re.compile(r"\bon\s+$")
"""Before a calendar time, "on" that compares ("up two points on last month")."""
_SEQUENCE_TIMES = frozenset(
    ["earlier", "previously", "initially", "at first", "later", "recount", "revised"]
)
"""Times that place a figure in a sequence of counts ("The estimate earlier put the toll
at 40"): never a rank's or a comparison's, whatever comes before them (rv20)."""


def _ranked_or_compared(lowered: str, match: re.Match[str]) -> bool:
    """Whether a calendar time is what a rank or a comparison is of ("the largest this
    year", "its third increase this year", "up two points on last month"), not the
    figure's; a time of a sequence ("earlier") never is."""
    if match.group("relative") in _SEQUENCE_TIMES:
        return False
    start = match.start()
    return bool(
        _ON_BEFORE.search(lowered, max(0, start - 4), start)
        or _RANKED_BEFORE.search(lowered, max(0, start - 30), start)
    )


_RANKED_BEFORE = re.compile(
    r"\b(?:the|its|their|his|her|our)\s+(?:[a-z]+\s+)?(?:largest|biggest|highest|lowest|smallest|deadliest|worst|best|strongest|longest|"
    r"hottest|coldest|wettest|driest|fastest|first|second|third|fourth|fifth|sixth)"
    r"(?:\s+[a-z]+){0,2}\s+$"
)
"""Before a time, a rank its figure holds in it ("the largest this year", "its third
increase this year", "the highest level this year"; not "fell by a fifth last year"): the
time the rank is of, not the figure's (b17-07, b17-79)."""
_CHANGE_BASIS = re.compile(
    r"\b(?:from|on|over|with|to)\s+(?:a|the)\s+(?:same\s+)?(?:year|quarter|month|period)\s+$"
)
"""Before "earlier", what a change is measured against ("fell 3 percent from a year
earlier", "up 5% on a year earlier"): the basis of the change, not the time of its figure."""
_DETERMINER_BEFORE = re.compile(r"\b(?:an|the|its|their|his|her|our|this)\s+$")


def _another_things_time(lowered: str, match: re.Match[str]) -> bool:
    """ "lowering an earlier police figure": "earlier" after a determiner is said of the
    noun it stands before, another figure than the sentence's (qa9 Q2), not of the
    sentence's own figure, whose time it is in "Police earlier said 14 died"."""
    return match.group("relative") == "earlier" and bool(
        _DETERMINER_BEFORE.search(lowered, max(0, match.start() - 7), match.start())
    )


_SINCE_CLAUSE = re.compile(r"\bsince\b[^,;:]*$")


def _since_began(lowered: str, start: int) -> bool:
    """Whether a date is in a clause after "since" ("since the outbreak began in March"):
    when the count began, not its time (the count runs to now)."""
    return _SINCE_CLAUSE.search(lowered, max(0, start - _SINCE_REACH), start) is not None


_SINCE_REACH = 60
"""How far before a date "since" may open its clause (characters)."""


def _measure(
    reading: _Reading, quantity: Quantity, quantities: Sequence[Quantity], number: int
) -> Measure:
    unit_class, factor = _unit_class(quantity)
    passengers = False
    before, after = _windows(reading, quantity, quantities, number)
    fallen = unit_class in FALLEN_DEPTHS and not _FALLEN.isdisjoint(reading.lowers)
    if fallen:
        unit_class, factor = FALLEN, FALLEN_DEPTHS[unit_class]
    set_aside = False
    """Whether an event the clause gives was set aside: the figure is not one with none."""
    named: frozenset[str] = frozenset()
    if quantity.low is not None and quantity.qualifier:
        # a range's first number and its joiner are no words of the clause
        joined = len(_WORD.findall(quantity.qualifier))
        before = _Window(before.text, before.words[:-joined] if joined else before.words)
    if len(before.words) >= 2 and before.words[-1] == "of" and before.words[-2] in NOMINAL_EVENTS:
        before = _nominal_event(before)
    inner = _after_number(quantity.text)
    noun = _MEASURE_NOUNS.get(str(quantity.what)) or _noun(inner)
    country, place = _where(after, before)
    if place is not None and _capital_of(reading.text, place):
        place = f"{place}'s capital"  # "Velmora's capital city was home to 1.9 million":
        # not all Velmora, and not Tarsa's capital either (rv20)
    if place is not None and _QUARTER_PLACE.match(place):
        place = None  # "in July-September": a quarter, not a place
    if place is not None and " " in place:
        place = _without_title(place)  # "at Halden International": at Halden('s airport)
    if place in _PART_OF_A_COUNTRY:
        place = _apposed_name(reading.text, place) or place
    elif place is not None and _VENUE.search(reading.text) and _is_venue(reading.text, place):
        place = None  # "at Tuesday's donor conference in Geneva": where it met, named
    if place is None and country is None and ", " in reading.text[: quantity.start]:
        place = _set_apart_place(reading.text, quantity.start)
        if place is not None and place.lower() in COUNTRY_NAMES:
            country, place = place, None  # ", in North Korea,": a country
    if country is None and place is None and (opening := _opening(reading.text, quantity)):
        country, place = _where(opening, _NO_WINDOW)  # "In the province of Marro alone, 19"
        if place in _PART_OF_A_COUNTRY:  # "In the capital, Selvar, some 3,000" (rv9 R4)
            place = _apposed_name(reading.text, place) or place
    lasting: frozenset[str] = frozenset()
    """The state a duration is how long of, where its clause names one (_lasting)."""
    if unit_class in MEASURED_CLASSES:
        state = _measured_state(unit_class, before.words, after.words, reading)
        if unit_class == "duration" and state not in _TERM_KINDS:
            kind = _lasting(reading, quantity, after.words)
            if kind is not None:
                state, lasting = "lasted", frozenset([kind])
    elif unit_class.startswith("money"):
        state = _money_state(before.words, after.words)
    elif quantity.what == "votes" and quantity.unit in ("for", "against"):
        state = quantity.unit  # a tally: "by 214 votes to 180", "241-180"
    elif _is_margin(before.words, unit_class) and unit_class not in _NO_MARGIN:
        state = "margin"
    elif not is_counted_noun(unit_class):
        state = _state(unit_class, before, after, inner, noun, placed=bool(country or place))
        if state is None and unit_class == "people":
            state = _event(before.words, after.words)
            if state in _LEAVING and (_home_left(after.words) or _place_left(after.text)):
                state = "displaced"  # "2,000 residents had left their homes": fled them
            set_aside = state in NOT_PEOPLE_EVENTS
            state = None if set_aside else state
    elif unit_class == "power":
        state = "output" if _generating(before.words) else "capacity"
        # a plant's megawatts are what it can deliver, built or planned; what it is
        # "generating" now is its output ("currently generating 750 megawatts")
    else:
        state = _event(before.words, after.words)
        if state is None and _total_past_change(reading, quantity):
            state = "recorded"  # "Burglaries in Tarrow rose 12% in 2024 to 3,400"
            if country is None and place is None:
                country, place = _where(after, _clause_before(reading, quantity))
        if state is not None and kind_of(unit_class) == "people":
            state = _as_people(state)
        if unit_class == "mass" and state in _FOUND:
            state = "seized"  # "customs found 700 kg of cocaine": a haul is seized
        elif unit_class == "mass" and state == "weighed":
            state = "recorded"  # "the crocodile caught ... weighed 450 kg": a weight stated
        if unit_class in _CUT_NOUNS or unit_class == "workers":
            unit_class, state = _jobs_cut(unit_class, state, inner, after.words)
            if state == "cut" and _under_way(before.words):
                state = "planned cut"  # "is laying off 600 staff": the cut announced
    trade = _trade(inner) if unit_class == "workers" else None
    traded = trade is not None
    if trade is not None:
        unit_class = trade  # "dock workers" are dockers: their trade's noun, no part of it
    if not unit_class.startswith("money"):
        rest = reading.text[quantity.end : quantity.end + _HAD_REACH]
        unit_class, state = _one_count(unit_class, state, before, after, noun, rest)
    crop = None
    if state in _NO_EVENT_SAID and not unit_class.startswith("money"):
        by_noun = _event_noun(before.words)  # "wheat exports totalled 2.1m tonnes"
        if by_noun is not None:
            state, crop = by_noun
    if state is None and kind_of(unit_class) == "people" and _took_part(before.words):
        state = "joined"  # "put participation in Monday's walkout at 15,000 workers"
    if fallen:  # rain or snow "fell", "was recorded", "was dumped", "was received": one
        state = "forecast" if not PLANNED.isdisjoint(before.words) else "fallen"
        if place is None and country is None and (where := _GOT_RAIN.match(before.text)):
            place = where.group(1)  # "Porto Azul recorded 95 millimetres": where it fell
    if quantity.unit == JOINED:
        state = "had"  # "a 600-bed hospital" has 600 beds: what it is, not what befell it
    if unit_class in _CARRIED and (
        quantity.unit == ABOARD
        or (state is None and _aboard(after.words))
        or (state == "carried" and not _VEHICLES.isdisjoint(reading.lowers))
    ):
        state = ABOARD  # "186 passengers and nine crew", "the bus was carrying 52 passengers"
        if unit_class == "passengers":  # of everyone aboard, the passengers: a part
            unit_class, passengers = "people", True
    if unit_class == "passengers" and after.words[:2] == ["and", "crew"]:
        state, unit_class = ABOARD, "people"  # "carrying 89 passengers and crew": all aboard
    elif passengers and after.words[:2] == ["and", "crew"]:
        passengers = False
    if state is None and unit_class in _MEASURED_BY_NOUN and (reading.events or place):
        state = _measured_noun(quantity, before.words, after.words)
    if state in _UNIT_PRICE_KINDS and _unit_priced(before.words, after.words):
        state = "price"  # "cost 1.79 lira" a litre is the litre's price
    if state == "population" and not (country or place):
        place = _NAME_OPENING.match(before.text) and _candidate(before.text)
        if not place:
            state = None  # "10,000 people live there": of nowhere named, it disputes nothing
            set_aside = True
        else:  # "Velmora has a population of", "The city of Velmora is home to"
            place = place.capitalize()
    if state == "displaced" and place is None:
        country, place = _where(after, before, leaving=True)
    times = reading.times
    when = times.deadline if state and state.startswith("planned") and times.deadline else None
    if when is None and unit_class in CASUALTY_CLASSES and times.since_year is not None:
        when = _stamped(times.marks, times.since_year)  # the dead of years, not one event
    if unit_class == "age":
        part = _person(reading, quantity)
        state = "age" if part and reading.events else None  # a person in an event
    elif unit_class in ("date", "year", "clock"):
        state, part = _dated_event(before.words)
        named = _named_subject(before.text, part)
        if unit_class == "clock" and state is None and reading.events:
            state = "clock"  # "the quake struck at 3:15 am": the time of the event
    elif unit_class == "rank" or (unit_class == "duration" and state in _TERM_KINDS):
        part = _named_before(reading, quantity)  # "Olaf Remy was jailed for": remy's term
        state = state if part else None
    elif unit_class in MEASURED_CLASSES:
        part = (
            "average"
            if lasting == _WAITS
            and not _AVERAGED.isdisjoint(_clause_before(reading, quantity).words)
            else None
        )  # "the average wait was four hours": no longest wait's length
    elif state == "margin":
        part = _winner(before.words)
    elif unit_class == "percent" and (
        quantity.unit == "share"
        or (
            quantity.text[-1:].isalpha()
            and not _DIGIT.search(quantity.text)
            and str(noun).lower() not in MULTIPLES  # "doubled": a change, not a share
        )
    ):  # a share in words: "just under half of registered voters", "one in four children"
        state = state or "level"
        part = _with_holder(_share_of(after.words), before.words)
    elif unit_class == "distance" and (stretch := _STRETCH_OF.match(after.text)) is not None:
        state, part = "extent", stretch.group(1)  # "fouled 80 kilometres of coastline"
    elif unit_class.startswith("money"):
        part = _money_part(before.words, after.words) if state else None
        if state == "price" and _unit_priced(before.words, after.words):
            part = part or _product(before.words)
            set_aside = not part
            state = state if part else None  # a price per litre of what is not said
    elif unit_class in SUBJECT_CLASSES:
        part = (
            _subject(unit_class, before.words, after.words, inner)
            if state and state[:3] != "of "
            else None
        )  # a measure's noun ("of wave") is its state already
        if part in _UP_DOWN:
            part = None  # "(revenue of $4.2bn,) up 6%": the change's word, no subject
        if state == "wind":  # "Storm Bela brought gusts of up to 190 km/h": the gust, however
            # said, a peak no sustained wind is set against; else the wind's subject ("winds
            # of", "Cyclone Mira made landfall with winds of") is the storm's wind itself,
            # whose name is the event's (b19-18)
            part = None
            if not _GUSTS.isdisjoint(before.words + after.words[:2]):
                state = "gust"
        if unit_class == "percent" and state and state.removeprefix("forecast ") in _CHANGES:
            part = _changed_object(before.words) or part  # "raise tuition fees by 12%"
            if part is None and _compared_with(after.words):  # "The 27,000 cases ... are
                clause = _clause_before(reading, quantity).words  # 50% more than": cases'
                part = _subject(unit_class, clause, after.words, inner)
        if unit_class == "percent" and state is None and after.words[:1] == ["of"]:
            part = _share_of(after.words)  # "40% of children live in poverty": a share
            head = _share_head(after.words)  # a plural however named ("of eligible voters")
            state = (
                "level"
                if head is not None
                and (_plural(head) or _undergoes(after.words) or _held(before.words))
                else None
            )  # "40% of the reef's coral was bleached": a share of it an event reached
            if part == "turnout" and not _turned_out(after.words):
                state = None  # "45 percent of voters backed the proposal": no turnout (rv10 R5)
        if unit_class == "percent" and part is not None:
            part = _share_among(before.words) or _share_object(before.words) or part
            part = _with_holder(part, before.words)
        if unit_class == "percent" and _inflation(part, state, reading.text.lower()):
            part, state = "inflation", "level"
        if unit_class == "percent" and state == "level":
            part = _rate_of(before.words) or part
        if unit_class == "percent" and state == "level" and not (country or place):
            named = _named_subject(before.text, "rate")  # "Catalonia's unemployment rate"
        if unit_class == "percent" and _of_the_vote(after.words):
            state = "level"  # "re-elected with 54% of the vote", "45 per cent of ballots"
            part = f"vote {_candidate(before.text) or part or ''}".rstrip()
    elif state == ABOARD:
        part = "passengers" if passengers else None
    else:
        part = _part(unit_class, before.words, inner, noun, after.words)
        if (
            part is None
            and unit_class in CASUALTY_CLASSES
            and not inner.strip()
            and fronted_casualties(reading.text, quantity.start)
        ):
            part = "of them"  # "Of those killed ..., 35 were children": some of the dead
        if part == "job" and unit_class == "jobs" and inner.split()[:1] == ["job"]:
            part = None  # "1,800 job cuts": jobs cut, not a part of them
        if part is not None and state is not None and _says_the_state(unit_class, part, state):
            part = None  # "the 2,500 evacuated residents": all who were evacuated
        if part is None and "alone" in before.words[:3]:
            part = "alone"  # "Kestrel airport, alone cancelled 400": a part of the whole
        if part is None and unit_class not in CASUALTY_CLASSES:
            part = _apposed(reading.text, quantity) or _demonym_after(reading.text, quantity)
        if part is None and noun is None and state == "recorded" and is_counted_noun(unit_class):
            part = _total_of_what(before.words, unit_class)
    if traded or quantity.unit == JOINED:
        part = None  # "dock workers": the trade is the class; "the new 600-bed": all beds
    if part is None and unit_class == "seats":
        part = _chamber(reading.lowers)  # "in the 60-member senate": its seats, not the house's
    if part is None and crop is not None:
        part = crop  # "this season's wheat harvest": of wheat, as "harvested ... of wheat"
    if fallen:
        part = None  # of rain or of snow: what fell, said or not ("22 millimetres fell")
    if place is not None and (listed := _listed_with(reading.text, place)) is not None:
        place = listed  # "from Valdren and nearby villages": more than Valdren (qa20 #1)
    return Measure(
        unit_class=unit_class,
        base_value=(quantity.value - (0 if state == "rise" else 32)) / 1.8
        if quantity.what == "fahrenheit"
        else quantity.value * factor,
        state=state,
        who=quantity.who,
        country=country,
        place=place,
        when=None
        if unit_class in _DATED
        else _earlier(when or times.marks)
        if before.words[-2:] in _FROM_EARLIER
        or _changed_from(reading.text, quantity.start)
        or _in_an_earlier_phrase(reading.text, quantity.start)
        else _stamped(when or times.marks, "later")
        if _risen_from(reading.text, quantity.start, quantity.end)
        else when or times.marks or _running_day(unit_class, before.words, reading),
        per=_per(after.words)
        or (_per_before(before.words) if unit_class.startswith("money") else None)
        or _per_unit(before.words)
        or (_basis(reading.text) if unit_class == "percent" and state in _CHANGES else None),
        part=part,
        noun=noun,
        day=_period(reading.times.period, unit_class)
        or (
            _of_its_event(
                unit_class, _day(before.words, after.words, placed=bool(country or place))
            )
            or _opening_day(reading.text, quantity)
            or _toll_day(unit_class, reading.lowers)
            if _WEEKDAY_HINT in reading.text
            else None
        ),
        events=lasting or reading.events,
        names=_teams(reading)
        if unit_class == "score"
        else reading.names | named
        if named
        else reading.names,
        capitalised=reading.capitalised if place is None else None,
        across=not set_aside and unit_class not in _SHARES and not unit_class.startswith("money"),
        said=_said_day(unit_class, reading.lowers) if _WEEKDAY_HINT in reading.text else None,
    )


BASIS_YEAR = "year-on-year"
BASIS_QUARTER = "quarter-on-quarter"
BASIS_MONTH = "month-on-month"
BASES = frozenset([BASIS_YEAR, BASIS_QUARTER, BASIS_MONTH])
"""A percentage change's basis, kept as its `per`: what it is a change over."""
_AGAINST = r"\b(?:from|on|over|against|versus|compared\s+(?:with|to))\s+"
_BASES = (
    (
        BASIS_YEAR,
        re.compile(
            r"\byear[- ]on[- ]year\b|\bon\s+an?\s+(?:annual|yearly)\s+basis\b|"
            + _AGAINST
            + r"(?:a\s+year\s+(?:earlier|ago|before)|the\s+same\s+(?:quarter|month|period|"
            r"time|week)\s+(?:a\s+year\s+(?:earlier|ago|before)|last\s+year|of\s+(?:the\s+)?"
            r"previous\s+year)|the\s+(?:first|second|third|fourth|last)\s+(?:quarter|three\s+"
            r"months|half)\s+of\s+(?:last|the\s+previous)\s+year)\b",
            re.IGNORECASE,
        ),
    ),
    (
        BASIS_QUARTER,
        re.compile(
            r"\bquarter[- ]on[- ]quarter\b|\bon\s+a\s+quarterly\s+basis\b|"
            + _AGAINST
            + r"the\s+(?:(?:previous|preceding|prior|last|first|second|third)\s+quarter|"
            r"(?:previous|preceding|prior|last|first)\s+three\s+months)\b"
            r"(?!\s+(?:of\s+(?:last|the\s+previous)\s+year|a\s+year))",
            re.IGNORECASE,
        ),
    ),
    (
        BASIS_MONTH,
        re.compile(
            r"\bmonth[- ]on[- ]month\b|\bon\s+a\s+monthly\s+basis\b|"
            + _AGAINST
            + r"the\s+(?:previous|preceding|prior|last)\s+month\b",
            re.IGNORECASE,
        ),
    ),
)


def _basis(text: str) -> str | None:
    """What a percentage change is measured against, when its sentence says it alone: a
    year earlier ("grew 2.1 percent from a year earlier", "year-on-year"), the quarter
    before ("0.6 percent compared with the previous three months") or the month before.
    Two bases are two changes of one quarter (b20-49); a change of no basis said may be
    either (conflicts.reading)."""
    found = [basis for basis, pattern in _BASES if pattern.search(text)]
    return found[0] if len(found) == 1 else None


_FROM_EARLIER = (["up", "from"], ["down", "from"])
"""'rose to 11,000, up from 8,000': the figure after is the value before the change, of an
earlier time than the sentence's (qa6 Q2): not the speaker's figure for now."""


_CHANGE_VERBS = r"\b(?:risen|rose|climbed|grown|grew|increased|jumped|fallen|fell|dropped|declined)"
_CHANGED_FROM = re.compile(_CHANGE_VERBS + r"\s+to\s+[\d.,]+(?:\s+\w+)?\s+from\s+$", re.IGNORECASE)
_CHANGED_TO = re.compile(_CHANGE_VERBS + r"\s+to\s+$", re.IGNORECASE)


def _changed_from(text: str, start: int) -> bool:
    """'had risen to 217 from 211': the figure after "from" is the value before the change,
    as after "up from" (qa7 Q7)."""
    return _CHANGED_FROM.search(text, max(0, start - 80), start) is not None


_EARLIER_PHRASE = re.compile(
    r"\b(?:an|the|its|their|his|her|our)\s+earlier\s+(?:[\w-]+\s+){0,3}?(?:of|at|was|put at)\s+"
    r"(?:about\s+|some\s+|around\s+|nearly\s+|at\s+least\s+)?$",
    re.IGNORECASE,
)


def _in_an_earlier_phrase(text: str, start: int) -> bool:
    """ "an earlier death toll of 52": the figure is the one "earlier" is said of, though
    "earlier" after a determiner dates no other figure of the sentence (rv10 R6)."""
    return _EARLIER_PHRASE.search(text, max(0, start - 60), start) is not None


def _earlier(marks: str | None) -> str:
    """The time of a value before a change: the sentence's times, and earlier."""
    return _stamped(marks, "earlier")


def _stamped(marks: str | None, mark: str) -> str:
    return ", ".join(sorted({*(marks.split(", ") if marks else ()), mark}))


_UP_FROM = re.compile(r",\s+(?:up|down)\s+from\s+(?:about\s+|some\s+)?\d")
_FROM_NUMBER = re.compile(r"\s+from\s+(?:about\s+|some\s+)?\d")


def _risen_from(text: str, start: int, end: int) -> bool:
    """After a figure, the count it changed from ("had risen to 217 from 211", "5,000, up
    from 3,100"): the figure is a later count than the one its sentence gives before it, and
    a figure elsewhere of that earlier count is no contradiction of it (qa7 Q7). A bare
    "from" needs the change before the figure: "12,000 soldiers from 3 army corps" is where
    they come from, not a count before (rv9 R1)."""
    if _UP_FROM.match(text, end):
        return True
    return (
        _FROM_NUMBER.match(text, end) is not None
        and _CHANGED_TO.search(text, max(0, start - 40), start) is not None
    )


_DATED = frozenset(["year", "date"])
"""Figures that are a time themselves: the sentence's dates are theirs, not when they
were counted ("will reopen on March 3" against "on 13 March")."""


_WEEKDAY_HINT = "day"
"""In every weekday's name: a sentence without it gives no day (one C-level check)."""


def _day(before_words: list[str], after_words: list[str], placed: bool = False) -> str | None:
    """The weekday in the figure's clause ("Tuesday's rally drew", "on Friday"); after
    "after" or "following", the day of what the count came after ("missing after
    Tuesday's landslide": "after tuesday", which a count on Wednesday may be of); after
    "before" or "ahead of", the day it came before ("Before Thursday's decision, the rate
    had stood at": "before thursday", not Thursday's rate)."""
    for words in (before_words, after_words):
        later = earlier = False
        for position, word in enumerate(words):
            if word in _SINCE:
                break  # "since it broke out on Sunday": when it began, not the count's day
            if word in _AFTER or (
                placed and word == "from" and _an_events_day(words, position + 1)
            ):
                later = True  # "the toll from Tuesday's blast": of what Tuesday began
                continue
            if _before_a_day(words, position):
                earlier = True  # "before Friday's vote", not "before midnight on Friday"
                continue
            if word.endswith(("'s", "’s")):
                word = word[:-2]
            if word in WEEKDAYS:
                if _TWO_DAYS.search(" ".join(words)):
                    return None  # "on Saturday and Sunday": a span (the weekend), no day
                return f"after {word}" if later else f"before {word}" if earlier else word
    return None


def _before_a_day(words: list[str], position: int) -> bool:
    """Whether `words[position]` opens "before Friday('s)" or "ahead of Friday('s)": the
    weekday right after it (rv20: "shortly before midnight on Friday" is Friday's)."""
    word = words[position]
    following = position + 2 if word == "ahead" else position + 1
    if word not in ("before", "ahead") or (
        word == "ahead" and words[position + 1 : following] != ["of"]
    ):
        return False
    day = words[following] if following < len(words) else ""
    return day.removesuffix("'s").removesuffix("’s") in WEEKDAYS


def _of_its_event(unit_class: str, day: str | None) -> str | None:
    """A duration's day is its event's: "restored about 90 minutes after Tuesday's outage
    began" is how long Tuesday's outage lasted, not a count made after Tuesday."""
    if unit_class == "duration" and day is not None:
        return day.removeprefix("after ")
    return day


def _an_events_day(words: list[str], position: int) -> bool:
    """Whether the word at `position` is a weekday owning an event ("Tuesday's blast")."""
    word = words[position] if position < len(words) else ""
    return word.endswith(("'s", "’s")) and word[:-2] in WEEKDAYS


_TWO_DAYS = re.compile(rf"\b(?:{_WEEKDAYS})\s+and\s+(?:{_WEEKDAYS})\b")


_CAPITALISED_DAYS = "|".join(name.capitalize() for name in WEEKDAY_NAMES)
_DAY_OPENING = re.compile(
    rf"(?:As of|By|On)\s+(?P<day>{_CAPITALISED_DAYS})"
    r"(?:\s+(?:morning|afternoon|evening|night))?,\s"
)


_EVENT_DAY_OPENING = re.compile(
    rf"(?P<side>Before|After|Following|Ahead of)\s+(?P<day>{_CAPITALISED_DAYS})['’]s"
    r"(?:\s+[a-z]+){1,2},\s"
)
"""A sentence opening with the day of what its figures came before or after ("Before
Thursday's decision, the rate had stood at", "Following Thursday's decision, ... now
stands at")."""


def _opening_day(text: str, quantity: Quantity) -> str | None:
    """A day the sentence opens with before a comma ("As of Sunday, 2,140 people had been
    evacuated"): the day of every figure after it, as a place opening it is (_opening);
    "Since Monday," is when a count began, no day of it. An event's day opening it gives
    the figures the day they came before or after ("Before Thursday's decision, the rate
    had stood at 4.25 percent": "before thursday", not Thursday's new rate; b17-43)."""
    found = _DAY_OPENING.match(text)
    side = None
    if found is None:
        found = _EVENT_DAY_OPENING.match(text)
        if found is not None:
            side = "after" if found.group("side") in ("After", "Following") else "before"
    if found is None or found.end() > quantity.start:
        return None
    between = _WORD.findall(text[found.end() : quantity.start].lower())
    if not _REPORTING_AFTER.isdisjoint(between):
        return None  # "On Tuesday, Zelenskyy said that …": the day of saying (rv9 R11)
    day = found.group("day").lower()
    return f"{side} {day}" if side else day


_SINCE = frozenset(["since"])
_AFTER = frozenset(["after", "following"])
_SAID_REACH = 6
"""How many words before a weekday a reporting verb makes it the day of saying."""


def _period(period: str | None, unit_class: str) -> str | None:
    """The reporting period the sentence gives ("a third-quarter net profit", "for the
    full year") as the figure's day, but of a toll (whose day is a part of a running one:
    conflicts.day_part)."""
    return None if period is None or unit_class in CASUALTY_CLASSES else period


def _toll_day(unit_class: str, lowers: list[str]) -> str | None:
    """A toll's day where its clause gives none: the weekday its sentence gives ("A death
    toll of 14 was confirmed after a bus plunged ... on Tuesday", "As of Sunday,
    fatalities ... stood at 340"), but the day it was said on ("officials said on
    Monday") or since which it counts. With it a day's toll is a part of an undated
    running total (conflicts.day_part), not the whole of one (qa6 Q20)."""
    if unit_class not in CASUALTY_CLASSES:
        return None
    for number, word in enumerate(lowers):
        if word in _SINCE:
            return None
        word = word.removesuffix("'s").removesuffix("’s")
        if word in WEEKDAYS and _REPORTING_AFTER.isdisjoint(
            lowers[max(0, number - _SAID_REACH) : number]
        ):
            return word
    return None


def _running_day(unit_class: str, before_words: list[str], reading: _Reading) -> str | None:
    """A running toll's time: the day it was said on ("the death toll had reached 35,
    the coast guard said on Thursday", "has climbed to 13, officials said on Sunday").
    A toll said to climb is that day's count: a toll said on another day, or on none, is
    another count, not a contradiction (qa15 Q10); two said on one day stay one count.
    A toll not said to climb ("killed 27 ... said on Monday") keeps no day of saying:
    two of them are one count (b8-14)."""
    if not _climbed_to(before_words[-2:]) or _WEEKDAY_HINT not in reading.text:
        return None
    said = _said_day(unit_class, reading.lowers)
    return None if said is None else f"said {said}"


def _said_day(unit_class: str, lowers: list[str]) -> str | None:
    """A toll's day of saying: a weekday a reporting verb comes shortly before ("said on
    Thursday", "told reporters on Tuesday"), which _toll_day leaves out."""
    if unit_class not in CASUALTY_CLASSES:
        return None
    for number, word in enumerate(lowers):
        if word in WEEKDAYS and not _REPORTING_AFTER.isdisjoint(
            lowers[max(0, number - _SAID_REACH) : number]
        ):
            return word
    return None


def _climbed_to(last: list[str]) -> bool:
    """Whether the words right before a figure say a running toll reached it ("climbs
    to", "rose to", "had reached")."""
    return (len(last) == 2 and last[1] == "to" and last[0] in _CLIMBING) or (
        last[-1:] != [] and last[-1] in _REACHING
    )


_CLIMBING = word_set("climbs climbed climb rose risen rises rise jumped mounted increased")
_REACHING = word_set("reached reaches")


_NO_EVENTS: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


def _events(words: SentenceWords) -> tuple[frozenset[str], frozenset[str]]:
    """The kinds of event the sentence names, and the names it gives them ("Storm
    Ilka", "the Marsh Creek wildfire"): a capitalised name right before an event's noun
    (not a day, month, people or the sentence's opening word), or after a storm's title."""
    present = _EVENT_WORDS.intersection(words.lower_set)
    if not present:
        return _NO_EVENTS
    kinds: set[str] = set()
    names = set()
    lowers, texts = words.lowers, words.texts
    for position, lower in enumerate(lowers):
        if lower in EVENT_TOPIC_MARKERS:
            break  # "gathered to demand new elections": what they want, not the event
        if lower not in present:
            continue
        if position + 1 < len(lowers) and lowers[position + 1] in EVENT_ROLE_FOLLOWERS:
            continue  # "the fire brigade said", "election officials": who, not what
        kinds.update(EVENT_KINDS[lower].split())
        if lower in NAMED_EVENT_TITLES and texts[position][:1].isupper():
            following = texts[position + 1] if position + 1 < len(texts) else ""
            name_of = following.lower().removesuffix("'s").removesuffix("’s")
            if following[:1].isupper() and name_of not in _NOT_EVENT_NAMES:
                names.add(name_of)  # "Storm Edda's strongest gust": Edda
                continue
        name: list[str] = []
        back = position - 1
        while back >= 1 and len(name) < 2:
            text = texts[back]
            if not text[:1].isupper() or text.lower() in _NOT_EVENT_NAMES:
                break
            if text.endswith(("'s", "’s")):
                break
            name.insert(0, text.lower())
            back -= 1
        if name:
            names.add(" ".join(name))
    return frozenset(kinds), frozenset(names)


_EVENT_WORDS = frozenset(EVENT_KINDS)
_NOT_EVENT_NAMES = (
    FUNCTION_WORDS | WEEKDAYS | MONTHS | frozenset(DEMONYMS) | PEOPLE_DEMONYMS | NOT_SUBJECTS
    | NAMED_EVENT_TITLES | frozenset(EVENT_KINDS)
)  # fmt: skip
"""Capitalised words that are no event's name ("The", "Sunday", "Russian", "Storm")."""


def _dated_event(words: list[str]) -> tuple[str | None, str | None]:
    """(what happens on a date, to what) from its clause: "the Corvan bridge will reopen
    to traffic on March 3" is ("open traffic", "bridge"); the last word between the verb
    and the date says to whom or how ("to pedestrians", "to road traffic": two
    reopenings). (None, None) when no verb of dates
    is read: a date of no event, or of something unnamed, is not compared."""
    for position in range(len(words) - 1, -1, -1):
        word = words[position]
        if word in _COMING and words[position + 1 : position + 3] in _INTO_FORCE:
            words = [*words[:position], "took", "effect", *words[position + 3 :]]
            word = "took"  # "came into force on March 12": took effect then
        base = next((b for b in _bases(word) if b in DATED_EVENTS), None)
        if word in DATED_EVENTS or base is not None:
            subject = position - 1
            while subject >= 0 and words[subject] in AFTER_EVENT_SKIPPED:
                subject -= 1
            if subject < 0 or words[subject] in FUNCTION_WORDS or not words[subject].isalpha():
                return None, None
            event = DATED_EVENTS.get(word) or DATED_EVENTS[str(base)]
            complement = [w for w in words[position + 1 : -1] if w.isalpha()]
            if complement and complement[-1] not in FUNCTION_WORDS:
                event = f"{event} {complement[-1]}"  # "reopen to pedestrians", "to traffic"
            return event, words[subject]
    return None, None


_COMING = word_set("come comes came coming")
_INTO_FORCE = [["into", "force"], ["into", "effect"]]
"""After a verb of coming: the phrase that says a rule or truce took effect."""


def _named_subject(text: str, subject: str | None) -> frozenset[str]:
    """The name a dated thing is given ("the Corvan bridge": "corvan"): two names are two
    things (Measure.names), a thing unnamed on one side may be either."""
    if subject is None:
        return frozenset()
    found = re.search(rf"\b([A-Z][\w’'-]*)(?:['’]s)?\s+(?:[a-z-]+\s+)?{re.escape(subject)}\b", text)
    if found is None or found.group(1).lower() in _NOT_EVENT_NAMES:
        return frozenset()
    return frozenset([found.group(1).lower().removesuffix("'s").removesuffix("’s")])


_NAME_BEFORE_WHO = re.compile(r"\b([A-Z][a-z’'-]+),\s+who\s+(?:is|was)\s+$")


def _person(reading: _Reading, quantity: Quantity) -> str | None:
    """Whose age a figure is: the one role its sentence names ("the sole suspect", "the
    pilot"), by the name set beside it when there is one (_ROLE_NAMED), else the name
    right before it ("Arno Vesk, 43": "vesk"). None when neither: an age of no one in
    particular is not compared."""
    roles = AGE_ROLES.intersection(reading.lowers)
    if len(roles) == 1:
        role = next(iter(roles))
        apposed = re.search(rf"\b{re.escape(role)},{_ROLE_NAMED}", reading.text)
        return apposed.group(1).lower() if apposed else role
    named = _NAME_BEFORE_WHO.search(reading.text, 0, quantity.start)
    if named is not None:
        return named.group(1).lower()  # "Agnes Morrow, who was in her eighties"
    named = _AGED_NAMED.match(reading.text, quantity.end)
    if named is not None:
        return named.group(1).lower()  # "A 24-year-old Pellam man, Jonas Keel,"
    position = bisect_left(reading.starts, quantity.start) - 1
    if position >= 0 and reading.texts[position][:1].isupper():
        name = reading.lowers[position]
        if name not in _NOT_EVENT_NAMES:
            return name
    return None


_ROLE_NAMED = r"\s+(?:named\s+(?:[a-z]+\s+)?as\s+)?(?:[A-Z][\w’'-]+\s+)*([A-Z][\w’'-]+),"
"""A name set beside a role ("the 19-year-old suspect, Daniel Hart,", "the suspect, named
locally as Oren Dask,"): the person the role is, by the last word of the name, as an age
right after the name gives it ("Oren Dask, 34")."""


_AGED_NAMED = re.compile(
    r"\s+(?:(?:[A-Z][\w’'-]+|[a-z]+)\s+){0,2}?(?:man|woman|boy|girl|teenager|person|"
    r"resident|student|father|mother|grandfather|grandmother|worker|farmer|tourist|"
    r"motorist|cyclist|pedestrian),"
    r"\s+(?:[A-Z][\w’'-]+\s+)*([A-Z][\w’'-]+),"
)
"""After an age, the person it is of set beside by name ("a 24-year-old Pellam man,
Jonas Keel, was charged"): that person, by the last word of the name, as an age right
after the name gives it ("Jonas Keel, 19,")."""


_TERM_KINDS = frozenset(TERM_VERBS.values())


def _named_before(reading: _Reading, quantity: Quantity) -> str | None:
    """The nearest name before a figure (a capitalised word that is no weekday, month or
    function word: "Olaf Remy", "the Arlen-Vossberg express"), in lower case: whose
    term it is. None when no name is written: a term of no one named is not compared.
    A name inside an insertion set off by commas before the verb ("Smith, who prosecuted
    Jones, was sentenced to 2 years": an odd number of ", " between it and the figure)
    is passed over for the one before it (rv6 R5: the term had been Jones's)."""
    position = bisect_left(reading.starts, quantity.start) - 1
    text = reading.text
    for word in range(position, max(-1, position - 14), -1):
        if (
            reading.texts[word][:1].isupper()
            and reading.lowers[word] not in _NOT_EVENT_NAMES
            and text.count(", ", reading.ends[word], quantity.start) % 2 == 0
        ):
            return reading.lowers[word].removesuffix("'s").removesuffix("’s")  # "Kerrigan's"
    return None


_MEASURE_NOUNS = {
    "age": "years old",
    "celsius": "°C",
    "fahrenheit": "°F",
    "magnitude": "magnitude",
    "score": "score",
    "date": "",
    "year": "",
    "clock": "",
    "rank": "",
}
"""How a measure's figure reads in an explanation ("39 °C", "2-1 score")."""


def _teams(reading: _Reading) -> frozenset[str]:
    """The names a sentence with a score gives (its teams, its scorers): two scores of
    sentences naming no one in common are of two matches."""
    return frozenset(
        lower
        for text, lower in zip(reading.texts, reading.lowers, strict=True)
        if text[:1].isupper() and lower not in _NOT_EVENT_NAMES and "'" not in lower
        and "’" not in lower
    ) | frozenset(
        lower[:-2]
        for text, lower in zip(reading.texts, reading.lowers, strict=True)
        if text[:1].isupper() and lower.endswith(("'s", "’s"))
        and lower[:-2] not in _NOT_EVENT_NAMES
    )  # fmt: skip


_RISING = word_set("risen rose rise rises warmed warming increased climbed")
_RISE_NOUNS = word_set("rise increase warming")


def _a_rise(before_words: list[str]) -> bool:
    """Whether a temperature is by how much it rose, not a reading: "risen 1.8C", "warmed
    by 2.8 degrees", "a rise of 1.5C" ("rose to 40C" is a high)."""
    words = before_words[:-1] if before_words[-1:] == ["by"] else before_words
    if words[-1:] and words[-1] in _RISING:
        return True
    return (
        before_words[-1:] == ["of"]
        and before_words[-2:-1] != []
        and (before_words[-2] in _RISE_NOUNS)
    )


_GENERATING = word_set(
    "generating generates generated producing produces produced supplying supplies supplied "
    "delivering delivers delivered"
)


def _generating(before_words: list[str]) -> bool:
    """'is currently generating 750 megawatts', 'an output of 300 MW': what a plant
    gives now, not the capacity it is built for."""
    return (before_words[-1:] != [] and before_words[-1] in _GENERATING) or before_words[-2:] == [
        "output",
        "of",
    ]


_UPPER = word_set("senate senators")
_CHAMBER_SIDES = {"upper": "upper chamber", "lower": "lower chamber"}


def _chamber(lowers: list[str]) -> str | None:
    """Which chamber of two a sentence's seats are in: the upper ("the senate", "the
    upper house") or the lower ("the lower house", "the House of Representatives");
    None when it names neither, or both."""
    found = {"upper chamber"} if not _UPPER.isdisjoint(lowers) else set()
    for position, word in enumerate(lowers[:-1]):
        if word in _CHAMBER_SIDES and lowers[position + 1] in ("house", "chamber"):
            found.add(_CHAMBER_SIDES[word])
        elif word == "house" and lowers[position + 1 : position + 3] in (
            ["of", "representatives"],
            ["of", "commons"],
        ):
            found.add("lower chamber")
    return found.pop() if len(found) == 1 else None


_LEADING = word_set("led leading leads trailed trailing trails")
"""Before a score: one side ahead during the match ("were leading 1-0 when"), not its end."""
_HALF_TIME = word_set("half-time halftime interval break")
_AHEAD = word_set("up down ahead behind")


def _at_half_time(after_words: list[str]) -> bool:
    """'2-0 at half-time', '1-0 up at the break', 'at the interval', 'at half time'."""
    words = after_words[1:5] if after_words[:1] and after_words[0] in _AHEAD else after_words[:4]
    if words[:1] != ["at"]:
        return False
    rest = words[2:] if words[1:2] == ["the"] else words[1:]
    return bool(rest) and (rest[0] in _HALF_TIME or rest[:2] == ["half", "time"])


def _measured_state(
    unit_class: str, before_words: list[str], after_words: list[str], reading: _Reading
) -> str | None:
    """A magnitude is the quake's; a duration is how long the event its sentence names
    lasted; a score is a match's, or an aggregate; a temperature a high ("reached 39C",
    "a high of", "peaked at") or a low, read from its clause, else nothing to compare."""
    if unit_class == "magnitude":
        return "magnitude"
    if unit_class in ("age", "date", "year", "clock", "rank"):
        return unit_class
    if unit_class == "duration":
        term = next(
            (TERM_VERBS[word] for word in reversed(before_words[-8:]) if word in TERM_VERBS), None
        )
        if term is None and not _TERM_NOUNS.isdisjoint(after_words[:2]):
            term = "sentence"  # "handed a five-year jail term", "a 10-year prison sentence"
        return term or ("lasted" if reading.events else None)
    if unit_class == "score":
        if "aggregate" in (*before_words, *after_words):
            return "aggregate"
        if _at_half_time(after_words):
            return "half-time"  # "United led 2-0 at half-time": no final score
        return "lead" if before_words[-1:] and before_words[-1] in _LEADING else "score"
    if _a_rise(before_words):
        return "rise"  # "have risen 1.8C since 1900", "warmed by 2.8 degrees"
    for word in (*reversed(before_words[-6:]), *after_words[:6]):
        if word in TEMPERATURE_STATES:
            return TEMPERATURE_STATES[word]
    return None


_STATES_FOR = word_set("closed shut stranded trapped grounded held detained")
"""A state before "for" and a length of time: how long it lasted ("closed for 18 months")."""
_HELD_AS = word_set("been was were is are being")
"""Before "held" or "detained": a person held ("had been held for two years"), not a
meeting held or a record."""
_OUT = word_set("out off down")
_LASTING_VERBS = word_set("last lasts lasted run runs ran be is was were will")
"""After a state's noun, the verb its length follows ("the truce will last 72 hours",
"the average wait was four hours")."""
_LASTING_NOUNS = word_set(
    "closure closures shutdown truce truces ceasefire ceasefires cease-fire armistice wait waits"
)
_WAITING = word_set("wait waits waited waiting")
_WAITS = frozenset(["wait"])
_AVERAGED = word_set("average mean median")
_LASTING_REACH = 10


def _lasting(reading: _Reading, quantity: Quantity, after_words: list[str]) -> str | None:
    """The state a duration is how long of, where no event or term is named for it (a
    reader takes "closed for 18 months" as the closure's length as surely as "the siege
    lasted nine days"): a state's noun after it ("a 72-hour truce", "a five-day pause in
    fighting"); a state before "for" ("will be closed for 18 months", "had been held for
    two years", "power was out ... for nine hours"); a verb ending a state before "after"
    ("power was restored ... after about four hours": the outage); a state's noun before
    the verb its length follows ("the truce will last 72 hours"); a wait ("patients
    waited an average of 14 hours", "the average wait ... was four hours")."""
    lowers = reading.lowers
    if after_words[:1] and (
        after_words[0] in _LASTING_NOUNS
        or (after_words[0] in PAUSES and not HOSTILITIES.isdisjoint(lowers))
    ):
        return "truce" if after_words[0] in PAUSES else LASTING_STATES[after_words[0]]
    words = _clause_before(reading, quantity).words[-_LASTING_REACH:]
    if not words:
        return None
    last = words[-1]
    power = not _POWER.isdisjoint(lowers)
    for position in range(len(words) - 2, -1, -1):
        word = words[position]
        if word in _WAITING:
            return "wait"
        if last == "for" and (_state_for(words, position) or (word in _OUT and power)):
            return "outage" if word in _OUT else LASTING_STATES[word]
        if last == "after" and word in ENDING_STATES:
            return ENDING_STATES[word]
        if last in _LASTING_VERBS and word in _LASTING_NOUNS:
            return LASTING_STATES[word]
    return None


def _state_for(words: list[str], position: int) -> bool:
    """Whether the word at `position` is a state a length of time after "for" is how long
    of: "held" and "detained" of a person only ("had been held", not "talks held")."""
    word = words[position]
    if word not in _STATES_FOR:
        return False
    return word not in _PERSON_HELD or (
        position > 0
        and words[position - 1] in _HELD_AS
        and _THINGS_HELD.isdisjoint(words[max(0, position - 4) : position])
    )


_PERSON_HELD = word_set("held detained")
_THINGS_HELD = word_set(
    "talks meeting meetings summit summits election elections vote votes referendum hearing "
    "hearings conference event events ceremony funeral record records title office post seat "
    "seats stake shares"
)
"""What is held that is no person held: talks, an office, a record."""


_DIGIT = re.compile(r"\d")
_TERM_NOUNS = frozenset(["term", "sentence"])
"""After a duration and its kind ("jail", "prison"), a term served."""
_STRETCH_OF = re.compile(r"\s*of\s+(?:the\s+|its\s+)?([a-z]+)\b")
"""After a distance, what it is a stretch of ("80 kilometres of coastline", "300 miles of
track"): its extent; a name after "of" is no stretch ("within 1.2 million km of Earth")."""


_TURNING_OUT = word_set("cast voted vote turned went participated showed")
"""After "N percent of voters": the words of their turning out to vote, which make the
share a turnout; any other verb ("backed", "oppose") is a share of its own."""


def _turned_out(after_words: list[str]) -> bool:
    """Whether a share "of voters" is of those who voted: a verb of turning out, not
    followed by what they voted for ("voted for the proposal", "cast their ballots for
    the incumbent": a share of its own, rv10 R12), or no verb at all ("turnout was 61
    percent of registered voters")."""
    words = after_words[:8]
    if not _TURNING_OUT.isdisjoint(words):
        return _VOTED_FOR.isdisjoint(words)
    return len(after_words) <= 4


_VOTED_FOR = word_set("for against favour favor yes no backing")
"""After a verb of voting: what the votes went to, a share of its own."""


def _share_of(after_words: list[str]) -> str | None:
    """What a share in words is of: the head of the noun phrase after "of" ("of eligible
    voters": turnout; "of the town's residents": residents)."""
    head = _share_head(after_words)
    if head is None:
        return None
    return SUBJECT_SYNONYMS.get(head) or COUNTED_SYNONYMS.get(head, head)


def _share_head(after_words: list[str]) -> str | None:
    """The head of the noun phrase after "of", as written. Its first word is inside the
    phrase whatever its ending: "of registered voters" is of voters, no verb."""
    head = None
    for word in after_words[1 if after_words[:1] == ["of"] else 0 : 5]:
        if word in _ARTICLES or word.endswith(("'s", "’s")):
            continue
        if word in FUNCTION_WORDS or (head is not None and _is_verb(word)):
            break
        head = word
        if word.endswith("s"):
            break  # the plural it counts: "of eligible voters cast ballots"
    return head


_VEHICLES = word_set("plane flight aircraft jet airliner ship ferry boat vessel bus train coach")


_CARRIED = frozenset(["people", "passengers"])
"""Who a vehicle carries: all aboard, or its passengers (a part of them)."""


def _aboard(after_words: list[str]) -> bool:
    """'205 people on board', '... were aboard', '... on the plane': everyone carried."""
    if after_words[:1] and after_words[0] in _BEING:
        after_words = after_words[1:]
    if after_words[:1] == ["aboard"] or after_words[:2] == ["on", "board"]:
        return True
    rest = after_words[2:3] if after_words[1:2] == ["the"] else after_words[1:2]
    return after_words[:1] == ["on"] and bool(rest) and rest[0] in _VEHICLES


_BEING = word_set("were was are is")
_IRREGULAR_PLURALS = word_set("children people men women")


_MEASURED_BY_NOUN = frozenset(["distance", "mass"])
"""Measures that often come with no verb of an event, only the noun they measure ("a
depth of 8,200 metres", "a 30-foot wave"): compared when that noun is the same."""


def _measured_noun(
    quantity: Quantity, before_words: list[str], after_words: list[str]
) -> str | None:
    """The noun a measure with no event measures, as its state ("of wave"): written
    before it with "of" ("waves of up to 4 metres", "a depth of"), or after its joined
    unit ("a 30-foot wave"); None when no noun is written there."""
    noun = None
    if len(before_words) >= 2 and before_words[-1] == "of":
        noun = before_words[-2]
    elif "-" in quantity.text and after_words:
        noun = after_words[0]
    if noun is None or not noun.isalpha() or noun in FUNCTION_WORDS:
        return None
    return f"of {noun.removesuffix('s')}"


_PASSIVE = word_set("was were has have had been")


_HOLDING = word_set(
    "held holds hold controlled controls control commanded commands captured captures "
    "had has owned owns accounted accounts"
)


def _held(before_words: list[str]) -> bool:
    """Whether a share is what its subject holds of a whole ("Lumen held 27 percent of the
    market", "accounted for 40% of sales"): a level of it, as a share of a plural is."""
    words = before_words[-2:]
    return bool(words) and (
        words[-1] in _HOLDING or (words[-1] == "for" and len(words) == 2 and words[0] in _HOLDING)
    )


def _with_holder(part: str | None, before_words: list[str]) -> str | None:
    """A held share's whole with who holds it ("rebels control a third of the district",
    "government forces control 60 percent" of it: two holders' shares, not one)."""
    if part is None or not _held(before_words):
        return part
    verb = len(before_words) - (2 if before_words[-1] == "for" else 1)
    holder = before_words[verb - 1] if verb >= 1 else None
    return f"{part} held by {holder}" if holder and holder.isalpha() else part


def _undergoes(after_words: list[str]) -> bool:
    """Whether the noun phrase after a share is the subject of a passive verb of an
    event ("of the coral was bleached", "of the forest has been destroyed")."""
    words = after_words[:8]
    for position, word in enumerate(words[:-1]):
        if word in _PASSIVE:
            following = words[position + 1]
            following = (
                words[position + 2]
                if following == "been" and position + 2 < len(words)
                else following
            )
            return following.endswith("ed") and following not in _PASSIVE
    return False


def _plural(noun: str) -> bool:
    """Whether a noun is a plural: what a share of people or things counts ("40% of
    children"), not of a whole ("40% of the budget")."""
    return noun.endswith("s") or noun in _IRREGULAR_PLURALS


def _nominal_event(before: _Window) -> _Window:
    """'Forced the evacuation of 2,000 residents': the event as its verb ("evacuated
    2,000 residents"); an evacuation ordered, called for or planned is a plan."""
    words = before.words
    verb = NOMINAL_EVENTS[words[-2]]
    ordered = next((w for w in reversed(words[:-2]) if w not in _ARTICLES), None) in ORDERING
    return _Window(before.text, [*words[:-2], *(["planned"] if ordered else []), verb])


def _unit_class(quantity: Quantity) -> tuple[str, float]:
    what = str(quantity.what)
    if what == "duration":
        return what, DURATION_DAYS[str(quantity.unit)[:-1]]
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
    word (but "that": "troops that arrived"). A vague number ("thousands of miles") is
    no figure that ends a clause: "10,000 troops had traveled thousands of miles to the
    Kursk region" still sends the troops to Kursk."""
    previous = (
        next(
            (q for q in reversed(quantities[:number]) if not q.vague and q.end <= quantity.start),
            None,
        )
        if number
        else None
    )  # fmt: skip  ("more than half of the 450 seats": not its own share)
    start = previous.end if previous is not None else 0
    found = bisect_right(reading.break_ends, quantity.start) - 1
    if found >= 0 and reading.break_ends[found] > start:
        start = reading.break_ends[found]
    first = bisect_left(reading.starts, start)
    last = bisect_left(reading.starts, quantity.start)
    if not CLAUSE_REPORTING.isdisjoint(reading.lowers[first:last]):
        for position in range(last - 1, first - 1, -1):
            if reading.lowers[position] in CLAUSE_REPORTING:
                if position == last - 1 and reading.lowers[position] in _RECORDING:
                    # "confirmed 312 new cases": the verb says what was recorded
                    first, start = position, reading.starts[position]
                    break
                first, start = position + 1, reading.ends[position]
                break
    before = reading.window(first, last, start, quantity.start)
    following = next((q for q in quantities[number + 1 :] if not q.vague), None)
    stop = following.start if following is not None else len(reading.text)
    found = bisect_left(reading.break_starts, quantity.end)
    if found < len(reading.break_starts) and reading.break_starts[found] < stop:
        stop = reading.break_starts[found]
    first = bisect_left(reading.starts, quantity.end)
    last = bisect_left(reading.starts, stop)
    if not _REPORTING_AFTER.isdisjoint(reading.lowers[first:last]):
        for position in range(first, last):
            if reading.lowers[position] in _REPORTING_AFTER and not _hedge(reading, position):
                last, stop = position, reading.starts[position]
                break
    return before, reading.window(first, last, quantity.end, stop)


_TITLES_AFTER = ("International", "Airport", "Intl")
"""Words after a place's name that name what of it a figure is at ("Halden International",
"Halden Airport"): the place, as "at Halden airport" is."""


def _without_title(place: str) -> str:
    """The place's name without a word of _TITLES_AFTER at its end."""
    name, _, last = place.rpartition(" ")
    return _without_title(name) if last in _TITLES_AFTER and name else place


_HEDGES = word_set("believed thought reported feared estimated")
_BE = word_set("is are was were")


def _hedge(reading: _Reading, position: int) -> bool:
    """'(60 people) are believed trapped', 'were reported killed': a passive of believing
    or saying after the figure hedges the verb after it, and opens no clause of its own."""
    return (
        reading.lowers[position] in _HEDGES and position > 0 and reading.lowers[position - 1] in _BE
    )


_RECORDING = word_set("confirmed confirms reported reports recorded added adds")
"""Reporting verbs that, right before a figure, say what was counted ("the ministry
confirmed 312 new cases", "the operator added 230,000 subscribers": b19-58), not who
says it."""


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
    unit_class: str, before: _Window, after: _Window, inner: str, noun: str | None, placed: bool
) -> str | None:
    """The event the figure counts: words before it (it is their object) win over words
    after it (it is their subject); a plan, promise or expectation wins over an event.
    A percentage says a change (down, up) or a level."""
    if unit_class in CASUALTY_CLASSES:
        return FORECAST if _forecast(before.words) else unit_class
    if unit_class in ("percent", "percentage points"):
        multiple = str(noun).lower()
        if multiple in MULTIPLES:  # "doubled": the figure is its own verb
            return "down" if multiple in MULTIPLES_DOWN else "up"
        direction = _up_or_down(before.words) or _compared_with(after.words)
        direction = direction or _direction(before.words) or _changed_by(before.words)
        if direction is not None and not _PREDICTING.isdisjoint(before.words):
            return f"forecast {direction}"  # "had forecast the economy would grow 2.5%"
        return direction
    table = STATES.get(unit_class)
    if (
        unit_class == "troops"
        and table is not None
        and (
            _is_strength(before.text, inner + after.text[:20])
            or (not placed and _possessed(before.words) and not _present(after.words, table))
        )
    ):  # a size to be reached ("aims to have 5,000 soldiers in its brigade") is a plan
        return "planned" if not PLANNED.isdisjoint(before.words) else "strength"
    if table is None:
        return None
    if unit_class == "people" and before.words[-2:] == ["home", "to"]:
        return "population"  # "the city is home to 1.8 million people"
    if unit_class == "people" and before.words[-2:] == ["capacity", "of"]:
        return "capacity"  # "will have a capacity of 45,000": planned or not, its size
    if unit_class == "people" and (done := _participle(inner, noun, table)) is not None:
        return done  # "housing for the 2,500 evacuated residents": evacuated, not planned
    if noun is not None and noun.lower() in table:
        by_noun = table[noun.lower()]
        if unit_class != "people":
            return by_noun
        # what is done to them wins ("police detained 150 protesters")
        return _done_to_people(before.words, after.words, table) or by_noun
    for words, text in (
        (before.words, before.text),
        (_after_verbs(after.words, table), after.text),
    ):
        if not words:
            continue
        if unit_class == "distance" and not _COMPASS.isdisjoint(words):
            words = [word for word in words if word not in _COMPASS or word in text]
        if any(word in PLANNED for word in words) or _to_be_done(words):
            return "planned"
        found = next((table[word] for word in reversed(words) if word in table), None)
        if found is not None:
            return found
    return DEFAULT_STATE.get(unit_class)


_PREDICTING = word_set(
    "forecast forecasts forecasting projected projects projecting predicted predicts "
    "predicting expects expected expecting would will could may might"
)
"""Before a rate's change, words that make it a forecast, not the change measured."""
FORECAST = "forecast"
"""The state of a toll said to come ("the death toll could rise to 60"): no count of the
dead yet, so no contradiction of the toll counted (qa8 Q12)."""
_MODALS = word_set("could may might would will expected likely feared fear fears")
_TOWARDS = word_set("rise reach exceed climb top surpass pass hit grow increase be")


def _forecast(words: list[str]) -> bool:
    """A toll said to come: a verb of reaching right before the figure ("to" or "at" between)
    after a modal or an expectation within three words ("could rise to", "is expected to
    rise to", "may reach", "likely to exceed"); "the fire killed 47" and "had risen to 60"
    are counts."""
    end = len(words)
    while end and words[end - 1] in ("to", "at", "above", "beyond", "over"):
        end -= 1
    if not end or words[end - 1] not in _TOWARDS:
        return False
    return not _MODALS.isdisjoint(words[max(0, end - 5) : end - 1])


_COMPASS = word_set(
    "north south east west northeast northwest southeast southwest north-east north-west "
    "south-east south-west"
)
"""Directions that place a distance ("40 km north of the city") only in lower case: in a
name ("the North Korean force", "South Sudan") they say no distance away (qa7 Q10 g)."""


def _is_margin(words: list[str], unit_class: str) -> bool:
    """'won the race by 412 votes', 'her margin of victory was 214 votes': the figure is
    by how much one side beat the other, not what either side got."""
    if words and words[-1] == "by" and not MARGIN_WINS.isdisjoint(words):
        return True
    if words and words[-1] == "by" and len(words) > 1 and unit_class in _TALLIES:
        return True  # "was re-elected by", "held on to the mayoralty by 500 votes"
    return not MARGIN_NOUNS.isdisjoint(words)


def _winner(words: list[str]) -> str | None:
    """Whose margin it is, so two races' margins are not compared: the owner of the
    margin ("Ambrose's margin"), else the word before the winning verb ("Ruth Ambrose
    won", "the incumbent beat"): "ambrose", "incumbent"."""
    for position, word in enumerate(words):
        if word in MARGIN_NOUNS and position > 0:
            owner = words[position - 1]
            if owner.endswith(("'s", "’s")):
                return owner[:-2]
        if word in MARGIN_WINS and position > 0 and words[position - 1] not in FUNCTION_WORDS:
            return words[position - 1]
    return None


_TALLIES = frozenset(["votes", "seats", "points"])
"""What a race is won by: "by 500 votes" after any verb is a margin."""
_NO_MARGIN = CASUALTY_CLASSES | {"troops", "people", "area", "distance", "speed", "time"}
"""Classes no margin is counted in (votes, seats and points are; "led by 300 troops" is no
margin)."""


_LEAVING = frozenset(["left", "abandoned", "deserted"])
_HOMES = word_set("home homes house houses village villages town towns city")
_OWNING = word_set("their the its his her")


def _place_left(after_text: str) -> bool:
    """Whether the verb of leaving after a figure of people has a named place as its
    object ("6,000 people have left Sorrel", "left the town of Sorrel"): fled it."""
    found = _LEFT_PLACE.search(after_text)
    return found is not None and found.group(1).lower() not in _NOT_PLACES_LEFT


_LEFT_PLACE = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:left|abandoned|deserted)\s+"
    r"(?:the\s+(?:town|city|village|region|province|island)\s+of\s+)?([A-Z][\w-]*)\b(?!['’])"
)
_NOT_PLACES_LEFT = WEEKDAYS | MONTHS | FUNCTION_WORDS


def _home_left(after_words: list[str]) -> bool:
    """Whether the verb of leaving after a figure of people has their homes as its object
    ("had left their homes", "abandoned the village"): people displaced, as "fled their
    homes" is (not "left the meeting", "left 40 injured")."""
    for position, word in enumerate(after_words[:4]):
        if word in _LEAVING:
            rest = after_words[position + 1 : position + 3]
            if rest[:1] and rest[0] in _OWNING:
                rest = rest[1:]
            return bool(rest) and rest[0] in _HOMES
    return False


def _participle(inner: str, noun: str | None, table: dict[str, str]) -> str | None:
    """The event a past participle between a number and its people says ("2,500 evacuated
    residents", "300 arrested protesters"): done to them already, whatever is planned
    for them in the words before."""
    words = [word.lower() for word in _WORD.findall(inner)]
    if noun is None or len(words) < 2 or words[-1] != noun.lower():
        return None
    return next((table[word] for word in words[:-1] if word.endswith("ed") and word in table), None)


def _says_the_state(unit_class: str, part: str, state: str) -> bool:
    """Whether a figure's part is only words for its own event ("evacuated" of displaced
    people): no part of a whole, the whole of those the event reached."""
    table = STATES.get(unit_class, {})
    return all(table.get(word) == state for word in part.split())


def _done_to_people(
    before_words: list[str], after_words: list[str], table: dict[str, str]
) -> str | None:
    """The state the verb right before counted people says ("detained 150 protesters",
    "evacuated some 300 refugees"), else the verb they are the subject of
    ("63 demonstrators were arrested"), past articles, auxiliaries and adverbs."""
    position = len(before_words) - 1
    while position >= 0 and before_words[position] in BEFORE_EVENT_SKIPPED:
        position -= 1
    if position >= 0 and before_words[position] in table:
        return table[before_words[position]]
    position = _past_auxiliaries(after_words, 0)
    return table.get(after_words[position]) if position < len(after_words) else None


def _possessed(words: list[str]) -> bool:
    """'Hezbollah has 30,000 fighters', 'says it has 100,000': a force's own troops,
    when nothing places them (placed: "Germany has 1,700 soldiers in Lithuania")."""
    return bool(words) and words[-1] in FORCE_POSSESSING


def _present(words: list[str], table: dict[str, str]) -> bool:
    """'1,200 peacekeepers on the ground', '... deployed': troops somewhere, not a force's
    size."""
    return "ground" in words[:4] or bool(_after_verbs(words, table))


def _direction(before_words: list[str]) -> str | None:
    """'fell 14 percent': down; 'rose 3 percent': up; 'was 61 percent', 'rose to 7.5
    percent': a level."""
    towards = False
    for position in range(len(before_words) - 1, max(-1, len(before_words) - 12), -1):
        word = before_words[position]
        if word == "to":
            towards = True
        elif word in PERCENT_DIRECTIONS:
            direction = PERCENT_DIRECTIONS[word]
            if direction == "set":  # "raised its key rate ... to 5.25%": the new level
                return "level" if towards and _rate_of(before_words[position:]) else None
            return "level" if towards else direction
        elif position < len(before_words) - 4 and not towards:
            break
    return None


_RAISING = word_set("raised raises raise raising lifted lifts lift hiked hikes hike")
_CUTTING = word_set("cut cuts cutting lowered lowers lower reduced reduces reduce trimmed slashed")
_UP_DOWN = {"up": "up", "down": "down"}
_BY_REACH = 6


_MORE = word_set("more higher greater larger")
_LESS = word_set("less fewer lower smaller")


def _compared_with(after_words: list[str]) -> str | None:
    """'(27,000 cases are) roughly 50% more than the 18,000 seen last year': a rise of
    that much over what it is compared with, as "rose 50%" is; "less than" a fall."""
    if after_words[1:2] != ["than"]:
        return None
    return "up" if after_words[0] in _MORE else "down" if after_words[0] in _LESS else None


def _up_or_down(before_words: list[str]) -> str | None:
    """'Rents are up 35%', 'tuition will go up by 4 percent', 'sales were down 3%': a
    change, not the level "are" would read."""
    words = before_words[:-1] if before_words[-1:] == ["by"] else before_words
    return _UP_DOWN.get(words[-1]) if words else None


def _changed_by(before_words: list[str]) -> str | None:
    """A change said otherwise than by a verb of rising or falling (_direction): "up" or
    "down" right before it ("rents are up 35%", "tuition will go up by 4 percent"), or a
    verb setting a value and "by" ("will raise tuition fees by 12 percent": up; "cut
    fares by 5%": down; "raised ... to 5%" is a level, _direction)."""
    if before_words[-1:] != ["by"]:
        return None
    for word in reversed(before_words[-_BY_REACH - 1 : -1]):
        if word in _RAISING:
            return "up"
        if word in _CUTTING:
            return "down"
    return None


def _changed_object(before_words: list[str]) -> str | None:
    """What a change by a verb with its object is of: the object's first word ("will
    raise tuition fees by 12 percent": tuition, not the clause's subject "Larchmont";
    "increased its spending by 4%": spending), as its subject is when it rises itself
    ("Tuition will go up by 4 percent"). None when no object stands before "by"."""
    if before_words[-1:] != ["by"]:
        return None
    for verb in range(len(before_words) - 2, max(-1, len(before_words) - 2 - _BY_REACH), -1):
        word = before_words[verb]
        if word in _RAISING or word in _CUTTING or PERCENT_DIRECTIONS.get(word) in _CHANGES:
            phrase = before_words[verb + 1 : -1]
            for noun in phrase:
                if noun in _NOT_SUBJECTS or noun in DEMONYMS or not noun.isalpha():
                    continue
                if noun.endswith(_POSSESSIVES) or noun in _ENDS_SUBJECT or _is_verb(noun):
                    return None
                return SUBJECT_SYNONYMS.get(noun, noun)
            return None
    return None


_CHANGES = frozenset(["up", "down"])


def _of_the_vote(after_words: list[str]) -> bool:
    """Whether a percentage is a share of the vote ("of the vote", "of ballots cast")."""
    words = [word for word in after_words[:4] if word not in _ARTICLES]
    return len(words) >= 2 and words[0] == "of" and words[1] in _VOTES


_VOTES = word_set("vote votes ballots ballot")
_NAME_OPENING = re.compile(r"\s*(?:[Tt]he\s+(?:[a-z]+\s+){1,2}of\s+)?[A-Z]")
"""A clause that opens with a name ("Velmora has", "The city of Velmora is home to")."""
_NAME = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")


def _candidate(before_text: str) -> str | None:
    """Whose share of the vote: the last word of the first name in the clause ("Mayor
    Elan Dresk was re-elected with": "dresk")."""
    for match in _NAME.finditer(before_text):
        words = [w for w in match.group(0).split() if w.lower() not in FUNCTION_WORDS]
        opening = _COMMON_OPENING.match(before_text) if match.start() == 0 else None
        following = opening.group("next") if opening else ""
        if opening and len(words) == 1 and not (_is_verb(following) or following in _LINKS):
            continue  # "Final results ... gave Lenz": a capital that only opens the sentence
        words = [w for w in words if w.lower().rstrip("s’'") not in _TIME_NAMES]
        if words:
            return words[-1].lower().removesuffix("'s").removesuffix("’s")
    return None


_LINKS = word_set("is was were are has had have will would said says")
_COMMON_OPENING = re.compile(r"[A-Z][a-z]+\s+(?:[a-z]+ly\s+)?(?P<next>[a-z]+)")
_TIME_NAMES = frozenset([*WEEKDAY_NAMES, *MONTH_NAMES])


def _rate_of(words: list[str]) -> str | None:
    """The rate a percentage is the level of, when its clause names one ("its key rate",
    "interest rates", "the unemployment rate"): a central bank's rate is "interest"."""
    for position, word in enumerate(words):
        if word in ("rate", "rates") and position > 0:
            kind = words[position - 1]
            if kind in RATE_KINDS:
                return RATE_KINDS[kind]
            if kind.isalpha() and kind not in FUNCTION_WORDS:
                return SUBJECT_SYNONYMS.get(kind, kind)
    return None


_SHARE_VERBS = ESTIMATING | word_set(
    "gave give gives giving show shows showed shown forecast forecasts forecasting expects "
    "expect expected expecting projects projected sees saw see predicts predicted"
)
"""Verbs that set a share on what they are followed by ("puts the Labour Front at 34
percent", "forecast this year's budget deficit at 5 percent", "gave Lenz 45 percent")."""
_SHARE_LINKS = word_set("at on of to with just only around about nearly some roughly")


def _share_among(before_words: list[str]) -> str | None:
    """The group a share is of when "among" names it ("measles vaccination coverage among
    children in Sabra stood at 78%"): the same as "41 percent of children" (blind sets 7
    and 8 read "measles" against "children")."""
    if "among" not in before_words:
        return None
    for word in before_words[before_words.index("among") + 1 :]:
        if word in _NOT_SUBJECTS or word in DEMONYMS or not word.isalpha():
            continue
        return None if word in _ENDS_SUBJECT or _is_verb(word) else word
    return None


def _share_object(before_words: list[str]) -> str | None:
    """What a percentage is of when a verb sets it on a noun phrase right before it: the
    phrase's first noun ("The latest Ipsar poll puts the Labour Front at 34 percent":
    labour, not the clause's first noun "latest"), as a clause that opens with the noun
    reads it ("The Labour Front is at 22%"). Blind set 8 read one party's, one deficit's
    or one turnout's two shares as of two subjects."""
    verb = next(
        (n for n in range(len(before_words) - 1, -1, -1) if before_words[n] in _SHARE_VERBS),
        None,
    )
    if verb is None:
        return None
    phrase = before_words[verb + 1 :]
    while phrase and phrase[-1] in _SHARE_LINKS:
        phrase = phrase[:-1]
    for word in phrase:
        if _is_verb(word) or word in _SHARE_VERBS:
            return None
    for word in phrase:
        if word in _NOT_SUBJECTS or word in DEMONYMS or not word.isalpha():
            continue
        if word in _ENDS_SUBJECT:
            return None
        return SUBJECT_SYNONYMS.get(word, word)
    return None


def _subject(
    unit_class: str, before_words: list[str], after_words: list[str], inner: str
) -> str | None:
    """What a distance, speed or percentage is of: the noun its clause opens with ("the
    missile flew", "the exclusion zone stretches"), or, for a unit joined to its number,
    the noun it qualifies ("a 3-mile exclusion zone"). A percentage takes the noun's
    first word ("unemployment" in "the unemployment rate rose"), a distance or speed its
    head ("zone"). None when a verb comes first."""
    if inner.startswith("-"):
        before_words, after_words = after_words, []
    run: list[str] = []
    rate = unit_class in ("percent", "percentage points")
    for position, word in enumerate(before_words):
        if rate and run == ["domestic"] and word == "product":
            return "economy"  # "gross domestic product" ("gross" is how it is measured)
        if rate and word.endswith(_POSSESSIVES):
            run = []  # "Norrvik Bank's net profit": the owner, then what of it is measured
            continue
        if not run and (
            word in _NOT_SUBJECTS
            or word in DEMONYMS
            or word in _TIME_NAMES  # "On 14 October the asteroid ...": a time, no subject
            or not word.isalpha()
            or (rate and word in _MEASURED_AS)
        ):
            continue
        if run and word in _FINDING:
            run = []  # "Investigators found the train was doing": the train's speed
            continue
        if (_is_verb(word) and not (rate and _before_a_rate_noun(before_words, position))) or (
            word in _ENDS_SUBJECT or word in _NOT_SUBJECTS or word in _VERB_AFTER
        ):
            if rate and word == "of" and len(run) == 1:
                run = _of_what(before_words[position + 1 :]) or run
            break  # "Asteroid 2024 QX will pass within": a modal, then a verb, not a noun
        run.append(word)
    if not run:
        return None
    subject = (run[1] if run[0] in _YEARLY and len(run) > 1 else run[0]) if rate else run[-1]
    return SUBJECT_SYNONYMS.get(subject, subject)


def _of_what(words: list[str]) -> list[str]:
    """A percentage's subject said with "of" ("Sales of electric cars doubled", "the rate
    of inflation"), as its words would stand before the noun ("electric car sales"): the
    first word after "of" that may open a subject, else nothing."""
    for word in words[:3]:
        if word in _NOT_SUBJECTS or word in DEMONYMS:
            continue
        if not word.isalpha() or _is_verb(word) or word in _ENDS_SUBJECT:
            return []
        return [word]
    return []


def _before_a_rate_noun(words: list[str], position: int) -> bool:
    """Whether a word that may be a verb names what a rate is of, before the rate's noun:
    "house prices", "food prices" (a noun, not "to house")."""
    return words[position + 1 : position + 2] in (["prices"], ["price"], ["profit"], ["sales"])


_FINDING = word_set("found finds showed shows concluded determined estimated believe believes")
"""Verbs of finding or saying after a subject: what they found opens a clause of its own,
whose noun is what a measure is of ("Investigators found the train was doing 150 km/h")."""
_VERB_AFTER = word_set("will would could can should might must shall")
"""Words a verb follows: the subject ends before them."""
_POSSESSIVES = ("'s", "’s", "s'")
_MEASURED_AS = word_set("average mean median net gross overall headline")
"""Before a rate's noun, how it is measured, not what: "average house prices" are house
prices, "net income" income (a rate's subject is its noun's first word)."""
_YEARLY = word_set("annual year-on-year yearly")
"""Before a rate, the period it is measured over when that is a year: "annual inflation"
is inflation as a rate is usually given (a monthly rate stays "monthly")."""
_PRICES = word_set("consumer prices price")
_ON_A_YEAR = re.compile(r"\byear[- ]on[- ]year\b|\bfrom a year (?:earlier|ago|before)\b")


def _inflation(part: str | None, state: str | None, lowered: str) -> bool:
    """Whether a percentage is annual inflation given as a rise of consumer prices over a
    year ("Consumer prices rose 6.8% year-on-year in September", against "Annual inflation
    eased to 3.2 percent in September": three blind sets wrote the pair)."""
    return state == "up" and part in _PRICES and _ON_A_YEAR.search(lowered) is not None


_NOT_SUBJECTS = FUNCTION_WORDS | GENERIC_MODIFIERS | NOT_SUBJECTS
_ENDS_SUBJECT = PREPOSITIONS | frozenset(WHERE_PREPOSITIONS) | frozenset(PERCENT_DIRECTIONS)


def _money_state(before_words: list[str], after_words: list[str]) -> str | None:
    """What a sum of money is: the noun right after it ("a $45 million fine"), else a
    noun after a preposition ("$400 million in military aid", "$310 million in
    damages"), else a word before it ("stole $300 million", "a deficit of $1.1
    billion"; "to pay $3 billion for" is a price, "basic pay of" a pay).
    Planned if a plan comes before it ("pledged €50 billion in aid"), but for kinds a
    plan does not change (a price agreed, a salary to be earned, a budget)."""
    kind = _money_noun(after_words)
    if kind is None and after_words and after_words[0] in MONEY_PREPOSITIONS:
        kind = _money_noun(after_words[1:])
    if kind is None and after_words[1:2] == ["in"] and after_words[0] in CURRENCY_WORDS:
        kind = _money_noun(after_words[2:])  # "120 million dollars in net profit"
    if kind is None:
        kind = _money_before(before_words)
    if kind is None and _net_income(before_words):
        kind = "profit"  # "2023 net income was EUR 890m": the net profit
    if kind is None:
        return None
    if kind == "profit":
        kind = _profit_basis(before_words[-6:], after_words[:3])
    if kind in _FRAUD_COSTS and not _FRAUDS.isdisjoint(before_words):
        kind = "stolen"  # "the fraud cost investors €45 million": what it took from them
    if kind in _PLAN_NEUTRAL:
        return kind
    planned = any(word in PLANNED for word in before_words) or _to_be_done(before_words)
    return f"planned {kind}" if planned else kind


def _net_income(before_words: list[str]) -> bool:
    """Whether the sum is a net income, named by one word or two before it ("net income
    was EUR 890m", "third-quarter net income came to $640 million": blind set 14)."""
    return before_words[-3:-1] == ["net", "income"] or (
        before_words[-4:-2] == ["net", "income"] and before_words[-2:] in _NET_INCOME_LINKS
    )


_NET_INCOME_LINKS = (["came", "to"], ["amounted", "to"], ["stood", "at"])


_FRAUD_COSTS = frozenset(["cost", "loss"])
_FRAUDS = word_set("fraud frauds scheme scam swindle embezzlement con")
"""A fraud's cost or losses to those it deceived are the money it took from them."""
_BEFORE_TAX = word_set("pre-tax pretax operating gross underlying")


def _profit_basis(before: list[str], after: list[str]) -> str:
    """A profit before tax, operating or gross is another measure than the net profit
    (qa of blind set 8: "pre-tax profit rose to 1.9 billion pounds" against "a net profit
    of GBP 1.3bn"); a profit the sentence says no more of is the net one. Read in the words
    that qualify the profit, before the sum ("pre-tax profit of") or just after it ("$2bn
    before tax"), never in a clause after it ("net profit was $3bn despite gross margins
    falling" is the net profit: rv9 R3)."""
    if "net" in before[-3:]:
        return "profit"
    if not _BEFORE_TAX.isdisjoint(before) or _before_tax(before) or _before_tax(after):
        return "pre-tax profit"
    return "profit"


def _before_tax(words: list[str]) -> bool:
    return any(
        word == "before" and words[position + 1 : position + 2] == ["tax"]
        for position, word in enumerate(words)
    )


def _money_before(words: list[str]) -> str | None:
    """The kind a word before a sum names, nearest first; a verb of paying right before
    the sum ("to pay $3 billion") pays a price."""
    position = len(words) - 1
    while position >= 0 and words[position] in BEFORE_EVENT_SKIPPED:
        position -= 1
    if position >= 0 and words[position] in MONEY_PAYING:
        return "price"
    return next((MONEY_KINDS[word] for word in reversed(words) if word in MONEY_KINDS), None)


_PLAN_NEUTRAL = frozenset(["price", "pay", "damage", "loss"])
"""Kinds of money a plan does not make another figure: "will pay $3.1 billion" for a
company and "agreed to buy it for $4.5 billion" give one price; no one plans a damage or
a loss, so "the damage would exceed $1.2 billion" is an estimate of the damage (qa7 Q10 l)."""


def _money_part(before_words: list[str], after_words: list[str]) -> str | None:
    """What a sum is for, when its sentence says: the word before its kind ("a defence
    budget of", "the 2027 defence budget amounts to") or the noun after "for" ("sets
    aside 48 billion kroner for defence"). A general word ("the state budget", "base
    salary") says the whole."""
    for position, word in enumerate(before_words[:-1]):
        if word in UNIT_PRICES and before_words[position + 1] == "of":
            product = before_words[position + 2 : position + 3]
            if product and product[0].isalpha() and product[0] not in FUNCTION_WORDS:
                return product[0]  # "a litre of petrol cost 1.79 lira": petrol's price
    for position in range(len(before_words) - 1, 0, -1):
        kind = before_words[position]
        if position == len(before_words) - 1 and kind in ("cost", "costs"):
            continue  # "cost 1.79 lira": the verb, not what the sum is for
        if kind in MONEY_KINDS and not _is_verb(kind) and kind not in MONEY_PAYING:
            word = before_words[position - 1]
            if word.isalpha() and word not in _MONEY_WHOLE and word not in FUNCTION_WORDS:
                return None if _is_verb(word) or word in _FRAUDS else word
            break
    for position, word in enumerate(after_words[:6]):
        if word == "for" and position + 1 < len(after_words):
            following = after_words[position + 1]
            if (
                following.isalpha()
                and following not in FUNCTION_WORDS
                and following not in _MONEY_WHOLE
            ):
                return following if following in _PURPOSES else None
    return None


_MONEY_WHOLE = word_set(
    "state national federal annual total overall whole entire new base basic gross net "
    "yearly government public official final agreed initial"
)
"""Before a kind of money, words that say the whole sum, not a part of it."""
_PURPOSES = word_set(
    "defence defense health education schools infrastructure roads police military "
    "welfare pensions housing transport research reconstruction security healthcare "
    "hospitals climate energy agriculture"
)
"""After "for", a purpose a sum is part of a budget for ("48 billion for defence")."""


def _money_noun(words: list[str]) -> str | None:
    """The kind named by the head of the noun phrase at the start of `words` ("budget
    shortfall": a shortfall), skipping an article."""
    kind = None
    for position, word in enumerate(words[:4]):
        if word in _ARTICLES:
            continue
        if word in _SPENDING and words[position + 1 : position + 2] in _SPENDING_PLANS:
            return "budget"  # "a €1.8 billion spending plan for 2025": a budget
        if kind is None and word in MONEY_KINDS and not word.endswith("ed"):
            kind = MONEY_KINDS[word]  # "a £42m cut": the noun right after a sum, a verb's form too
            continue
        if word in FUNCTION_WORDS or (_is_verb(word) and not _before_a_kind(words, position)):
            break
        kind = MONEY_KINDS.get(word, kind)
    return kind


def _before_a_kind(words: list[str], position: int) -> bool:
    """'in insured losses', 'estimated costs': a participle before a kind of money is
    its adjective, not the verb that ends the noun phrase."""
    following = words[position + 1 : position + 2]
    return (
        words[position].endswith(("ed", "ing")) and bool(following) and following[0] in MONEY_KINDS
    )


_EVENT_NOUNS = {
    **dict.fromkeys(word_set("exports export"), "exported"),
    **dict.fromkeys(word_set("imports import"), "imported"),
    **dict.fromkeys(word_set("harvest harvests"), "harvested"),
}
"""Nouns that name the event a total counts ("wheat exports", "this season's harvest"),
as the verb would ("exported 4.6 million tonnes", "farmers harvested")."""
_NO_EVENT_SAID = frozenset([None, "recorded", "totalled", "totaled"])
"""States that say only that a total is: its subject's noun may name the event."""


def _event_noun(before_words: list[str]) -> tuple[str, str | None] | None:
    """The event a noun of the figure's clause names, nearest first, and what it is of
    (the word before the noun: "wheat exports" are wheat exported)."""
    for position in range(len(before_words) - 1, -1, -1):
        event = _EVENT_NOUNS.get(before_words[position])
        if event is not None:
            word = before_words[position - 1] if position else ""
            of_what = word.isalpha() and word not in _NOT_SUBJECTS and not _is_verb(word)
            return event, word if of_what else None
    return None


_GUSTS = word_set("gust gusts gusting gusted")
"""A wind speed said with one of these is the gust's (the peak), not the sustained
wind's: read as one subject however the clause names it (the storm, "gusts")."""
_SPENDING = word_set("spending expenditure")
_SPENDING_PLANS = [["plan"], ["plans"], ["programme"], ["program"], ["bill"], ["package"]]
"""After "spending", nouns that make a year's spending approved: a budget."""


_ARTICLES = frozenset(ARTICLES)


def _event(before_words: list[str], after_words: list[str]) -> str | None:
    """What happened to a counted thing: the verb it is the object of ("destroyed 2,000
    buildings"), else the verb it is the subject of ("2,000 workers took part"), as one
    event where verbs name the same ("took part" is "joined"); planned when a plan comes
    before it ("will cut 2,000 jobs": "planned cut")."""
    event = _verb_before(before_words)
    planned_after = False
    if event is None or _aimed(before_words) or (before_words and before_words[-1] in _SHOWING):
        said_after = _verb_after(after_words)  # "the swap saw 24 detainees released"
        if said_after is not None:
            event, planned_after = said_after, _will_be(after_words)
    if _without_power(before_words, after_words):
        event = "without power"  # "left 90,000 homes without power", "cut power to"
    elif event == "had" and _held_by_authorities(after_words):
        event = "detained"  # "20 reporters were held by security forces"
    elif event in _DRIVEN and "from" in after_words[:2]:
        event = "displaced"  # "forced 450 families from their homes"
    if event is None:
        return None
    if "can" in before_words[-3:] or before_words[-3:-1] == ["able", "to"]:
        return "capacity"  # "the ferry can carry 1,200 passengers": what it holds
    if planned_after or any(word in PLANNED for word in before_words) or _to_be_done(before_words):
        return f"planned {event}"
    return event


def _under_way(before_words: list[str]) -> bool:
    """'Nordlane is laying off 600 staff', 'are cutting 300 jobs': a cut said as under
    way is the one announced, as "will cut" is, not one done."""
    position = len(before_words) - 1
    while position >= 0 and before_words[position] in BEFORE_EVENT_SKIPPED:
        position -= 1
    if position >= 1 and before_words[position] in VERB_PARTICLES:
        position -= 1
    return (
        position >= 1
        and before_words[position].endswith("ing")
        and before_words[position - 1] in ("is", "are")
    )


def _will_be(after_words: list[str]) -> bool:
    """'4,000 employees will be let go', 'are expected to be laid off': the verb the
    figure is the subject of is planned, not done."""
    for word in after_words[_past_where(after_words, 2 if _paired_noun(after_words) else 0) :]:
        if word in PLANNED:
            return True
        if word not in AFTER_EVENT_SKIPPED:
            return False
    return False


_SHOWING = word_set("saw see sees seen show shows showed shown")
"""Verbs that only show what a verb after the figure tells ("figures show 18,400 migrants
reached the island", "the swap saw 24 detainees released")."""
_DRIVEN = frozenset(["forced", "driven", "chased", "pushed"])
"""Verbs that, with "from" after their object, displace it."""
_POWER = word_set("power electricity")
_AUTHORITIES = word_set("police security authorities officers troops soldiers forces army")


_FOUND = word_set("found discovered uncovered recovered")
"""What is done to a weight found by those who search (customs, police): seized."""
_CUT_NOUNS = word_set("layoffs redundancies cuts losses")
_JOB_CUTS = word_set("layoffs redundancies")
_CUTS = frozenset(["cut", "planned cut"])
_LOSING = frozenset(["lost", "planned lost"])


_INVOLVING = word_set("involved involves involve involving")
_HOSTING = word_set("drew draws attracted attracts welcomed welcomes received receives")
_VISITING = word_set("visitors tourists")
_MADE = word_set("made makes make making")
_TRAVELLED = word_set("crossing journey trip passage")
_FILED = frozenset(["applications", "votes", "seats", "complaints", "bids"])
_COUNTED_AS = {"admissions": ("people", "hospitalised"), "sales": ("units", "sold")}
"""Nouns of an event that count what it was done to ("hospital admissions reached
3,400" are people admitted, "sales of the headset topped 6 million" units sold)."""


def _one_count(
    unit_class: str,
    state: str | None,
    before: _Window,
    after: _Window,
    noun: str | None,
    rest: str,
) -> tuple[str, str | None]:
    """One count a reader takes as such, however its event is said (the seventeenth
    pass): an event that "involved" 9,000 nurses is the nurses who joined it; people who
    "made the crossing" crossed; "drew 8.9 million visitors" is the visitors who visited;
    "received ... from Gavi" is what Gavi delivered; "admissions" are people admitted,
    "sales" (of no money) units sold."""
    if unit_class in _COUNTED_AS and state in (None, "recorded", "arrived", "topped"):
        return _COUNTED_AS[unit_class]
    if state is None and (_data_of(before.words) or _had_their(rest)):
        return unit_class, "affected"  # "exposed the personal data of 3.4 million customers"
    verb = before.words[-1] if before.words else None
    if state == "involved" and verb in _INVOLVING and not _EVENT_WORDS.isdisjoint(before.words):
        return unit_class, "joined"  # "Monday's walkout involved fewer than 9,000 nurses"
    if state in ("made", "planned made") and _made_journey(after.words):
        return unit_class, state.replace("made", "arrived")  # "made the crossing"
    if verb in _HOSTING and kind_of(unit_class) == "people" and noun in _VISITING:
        return unit_class, "visited"  # "the Louvre drew 8.9 million visitors"
    if (
        state == "received"
        and unit_class not in _FILED
        and kind_of(unit_class) != "people"
        and _from_a_name(after.text)
    ):
        return unit_class, "delivered"  # "Congo received 300,000 doses from Gavi"
    return unit_class, state


_DATA = word_set("data details information accounts files emails passwords numbers")
_DATA_KINDS = word_set(
    "personal private sensitive banking financial medical health contact payment card"
)
_DATA_REACH = 4


def _data_of(before_words: list[str]) -> bool:
    """'exposed the personal data of 3.4 million customers', 'leaked the details of':
    the data's owners counted are those the breach affected."""
    if before_words[-1:] != ["of"] or len(before_words) < 3 or before_words[-2] not in _DATA:
        return False
    position = len(before_words) - 3
    while position > 0 and (
        before_words[position] in _DATA_KINDS or before_words[position] in _DETERMINERS
    ):
        position -= 1
    return (
        position >= len(before_words) - 2 - _DATA_REACH
        and _event_of(before_words[position]) == "affected"
    )


_DETERMINERS = word_set("the their its his her our")
_HAD_REACH = 120
"""How far past a figure "had their ... exposed" is looked for (past the commas of a list)."""
_HAD_THEIR = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}?ha(?:d|ve|s)\s+(?:had\s+)?their\b[^.;:]{0,80}?"
    r"\b(?:exposed|compromised|leaked|breached|stolen|accessed|hacked)\b"
)


def _had_their(after_text: str) -> bool:
    """'340,000 customers had their names, addresses and phone numbers compromised': what
    was done to what is theirs was done to them (they were affected)."""
    return _HAD_THEIR.match(after_text) is not None


def _made_journey(after_words: list[str]) -> bool:
    """'(1,650 people) made the crossing', 'made the journey': the journey's verb."""
    position = 1 if after_words[:1] and after_words[0] in _MADE else 0
    words = [word for word in after_words[position : position + 5] if word not in ARTICLES]
    return not _TRAVELLED.isdisjoint(words[:3])


_FROM_A_NAME = re.compile(r"\bfrom\s+(?:the\s+)?[A-Z]")


def _from_a_name(after_text: str) -> bool:
    """Whether what was received came from someone named ("from Gavi", "from the UN")."""
    return _FROM_A_NAME.search(after_text) is not None


def _trade(inner: str) -> str | None:
    """'dock workers' are dockers, 'mine workers' miners, 'farm workers' farmers: a trade's
    noun before "workers" whose own noun of its workers is a class of workers (PERSON_KINDS),
    else None."""
    words = inner.lower().split()
    if len(words) < 2 or words[-1] != "workers":
        return None
    trade = words[-2]
    return next(
        (
            noun
            for noun in (f"{trade}ers", f"{trade}rs", f"{trade}s")
            if PERSON_KINDS.get(noun) == "workers"
        ),
        None,
    )


def _jobs_cut(
    unit_class: str, state: str | None, inner: str, after_words: list[str]
) -> tuple[str, str | None]:
    """A job cut is a worker laid off: "cut 4,500 jobs", "lay off 4,500 employees", "4,500
    workers will lose their jobs" and "4,500 job cuts" (or "layoffs", "redundancies") count
    one thing, jobs cut. A cut named by its noun is the one a plan announces ("the
    restructuring involves 1,800 job cuts"); one done is said with its verb ("laid off")."""
    if unit_class in _JOB_CUTS or (unit_class in _CUT_NOUNS and "job" in inner.split()):
        return "jobs", "planned cut"
    if unit_class != "workers":
        return unit_class, state
    if state in _CUTS:
        return "jobs", state
    if state in _LOSING and _their_jobs(after_words):
        planned = state != "lost" or after_words[:1] == ["to"]
        return "jobs", "planned cut" if planned else "cut"  # "will lose their jobs"
    return unit_class, state


def _their_jobs(after_words: list[str]) -> bool:
    """'(4,500 workers) will lose their jobs', '(900 workers) at the plant will lose their
    jobs': "jobs" right after the verb of losing."""
    return any(
        word in _LOSE and "jobs" in after_words[position + 1 : position + 3]
        for position, word in enumerate(after_words[: _WHERE_REACH + 4])
    )


_LOSE = word_set("lose loses losing lost")


_GOT_RAIN = re.compile(
    r"\s*([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)\s+(?:recorded|received|saw|got|measured)\s+"
)
"""A name opening a clause whose verb says it got rain ("Kilvane received"): the place."""


def _took_part(before_words: list[str]) -> bool:
    """Whether a count is given as the participation in an event ("put participation in
    Thursday's strike at 45,000"): those who joined it."""
    return before_words[-1:] == ["at"] and "participation" in before_words[-10:]


FALLEN = "precipitation"
FALLEN_DEPTHS = {"millimetres": 1.0, "centimetres": 10.0, "inches": 25.4}
"""A depth of rain or snow, in millimetres: "95 mm of rainfall", "eight inches of rain"."""
_FALLEN = word_set("rain rainfall rains snow snowfall precipitation downpour downpours")


def _without_power(before_words: list[str], after_words: list[str]) -> bool:
    """Homes left without power, whichever way it is said: "left 90,000 homes without
    power", "cut power to 19,000 homes", "19,000 homes lost power", "600,000 homes had
    lost power", "were left without electricity" (b18-66)."""
    if len(before_words) >= 2 and before_words[-1] in ("to", "for") and before_words[-2] in _POWER:
        return True
    position = _past_auxiliaries(after_words, 0)
    if position and after_words[position : position + 1] == ["left"]:
        position += 1  # "were left without power"
    verb, what = after_words[position : position + 1], after_words[position + 1 : position + 2]
    return verb in (["without"], ["lost"]) and what != [] and what[0] in _POWER


def _held_by_authorities(after_words: list[str]) -> bool:
    """'were held by police', 'held by security forces': detained (not held as property or
    as hostages by captors)."""
    if "held" not in after_words[:4]:
        return False
    rest = after_words[after_words.index("held") + 1 :]
    return rest[:1] == ["by"] and any(word in _AUTHORITIES for word in rest[1:4])


def _aimed(words: list[str]) -> bool:
    """'Trying to reach 50 miners trapped': the verb before the figure is an aim (after
    "to"), so a verb after it ("trapped") says what is true of them."""
    position = len(words) - 1
    while position >= 0 and words[position] in BEFORE_EVENT_SKIPPED:
        position -= 1
    return position >= 1 and words[position - 1] == "to"


def _total_past_change(reading: _Reading, quantity: Quantity) -> bool:
    """'Homicides rose 14% in 2025 to 1,020': a total stated past the change's size,
    which as a figure of its own ends the clause before the total (_windows)."""
    last = bisect_left(reading.starts, quantity.start)
    return verb_past_change(reading.lowers[max(0, last - CHANGE_REACH - 2) : last]) is not None


def _clause_before(reading: _Reading, quantity: Quantity) -> _Window:
    """The figure's clause before it, from the last break, past any figure in it: where
    the subject of a total past a change names its place ("Burglaries in Tarrow")."""
    found = bisect_right(reading.break_ends, quantity.start) - 1
    start = reading.break_ends[found] if found >= 0 else 0
    first = bisect_left(reading.starts, start)
    return reading.window(first, bisect_left(reading.starts, quantity.start), start, quantity.start)


def _verb_before(words: list[str]) -> str | None:
    """The verb right before the figure, past articles and adverbs ("pulled 41", "laid
    off 300")."""
    position = len(words) - 1
    while position >= 0 and words[position] in BEFORE_EVENT_SKIPPED:
        position -= 1
    if position < 0:
        return None
    word = words[position]
    if word in TOTAL_LINKS and position > 0:
        verb = position - 1
        while verb > 0 and words[verb] in TOTAL_ADVERBS:
            verb -= 1
        if words[verb] in TOTAL_VERBS or verb_past_change(words[: position + 1]) is not None:
            return "recorded"  # "cases rose to 1,200", "stand at", "rose 14% in 2025 to"
    if word in VERB_PARTICLES and position > 0 and _is_verb(words[position - 1]):
        return _event_of(words[position - 1], word)
    if word == "with" and position > 1 and words[position - 1] in VERB_PARTICLES:
        return _phrase(words[position - 2], words[position - 1])  # "made off with 57"
    return _event_of(word) if _is_verb(word) else None


def _phrase(verb: str, particle: str) -> str | None:
    """The event of a two-word verb EVENT_PHRASES knows, else None."""
    return next(
        (
            EVENT_PHRASES[f"{base} {particle}"]
            for base in _bases(verb)
            if f"{base} {particle}" in EVENT_PHRASES
        ),
        None,
    )


def _past_auxiliaries(words: list[str], position: int) -> int:
    """The first position from `position` on past the words between a counted thing and
    its verb (AFTER_EVENT_SKIPPED: "were reportedly", "had been")."""
    while position < len(words) and words[position] in AFTER_EVENT_SKIPPED:
        position += 1
    return position


def _verb_after(words: list[str]) -> str | None:
    """The verb the figure is the subject of ("were destroyed", "are currently serving",
    "took part"), past a second noun the figure counts with its own ("640 departures
    and arrivals were scrapped")."""
    position = 2 if _paired_noun(words) else 0
    position = _past_auxiliaries(words, _past_where(words, position))
    going = position < len(words) and words[position] in GOING_VERBS
    state = STATE_PHRASES.get(" ".join(words[position + going : position + going + 2]))
    if state is not None:
        return state  # "were on strike", "went on strike"
    if position >= len(words) or not _is_verb(words[position]):
        return None
    particle = words[position + 1] if position + 1 < len(words) else ""
    if particle not in VERB_PARTICLES:  # "passed through": a phrase's word, else none
        particle = particle if _phrase(words[position], particle) else ""
    return _event_of(words[position], particle or None)


def _past_where(words: list[str], position: int) -> int:
    """Past a phrase of where the figure's things are, up to the auxiliary of their verb:
    "(900 workers) at the Zwickau plant will lose their jobs", "(2,000 residents) in the
    valley were evacuated"; `position` when no auxiliary ends such a phrase."""
    if position >= len(words) or words[position] not in _WHERE_BEFORE_VERB:
        return position
    for following in range(position + 1, min(len(words), position + _WHERE_REACH)):
        if words[following] in AFTER_EVENT_SKIPPED:
            return following
        if _is_verb(words[following]) or words[following] in FUNCTION_WORDS - _ARTICLES:
            return position
    return position


_WHERE_BEFORE_VERB = frozenset(["at", "in"])
_WHERE_REACH = 6


def _paired_noun(words: list[str]) -> bool:
    """'(640 departures) and arrivals were scrapped': "and" and a plural that is no verb,
    before the verb the two share."""
    return (
        len(words) > 2
        and words[0] == "and"
        and words[1].endswith("s")
        and not _is_verb(words[1])
        and words[1] not in FIGURE_PHRASE_STOPS
        and (words[2] in AFTER_EVENT_SKIPPED or _is_verb(words[2]))
    )


def _is_verb(word: str) -> bool:
    """A verb form a figure can be the object or subject of: a known form, a known base,
    or a regular -ed/-ing form."""
    if word in VERB_FORMS or word in EVENTS:
        return True
    return len(word) > 4 and word.endswith(("ed", "ing")) and word not in NOT_VERBS


def _event_of(word: str, particle: str | None = None) -> str:
    """The event a verb form names: the EVENTS entry of its base, else the form as a
    past participle ("recalling" and "recalled" are "recalled")."""
    for base in _bases(word):
        if particle is not None and f"{base} {particle}" in EVENT_PHRASES:
            return EVENT_PHRASES[f"{base} {particle}"]
        if base in EVENTS:
            return EVENTS[base]
    return _past(word)


def _bases(word: str) -> list[str]:
    """The base forms `word` may be of ("received": receive, receiv...), a known one first."""
    if word in VERB_FORMS:
        return [VERB_FORMS[word]]
    if word.endswith("ied"):
        return [word[:-3] + "y"]
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            candidates = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])
            return candidates
    return [word]


def _past(word: str) -> str:
    """The past participle of a verb form no event table knows ("recalling" ->
    "recalled", "took" -> "taken")."""
    if word in VERB_FORMS:
        return IRREGULAR_VERBS[VERB_FORMS[word]][0]
    if word.endswith("ed"):
        return word
    if word.endswith("ing"):
        stem = word[:-3]
        if len(stem) > 2 and stem[-1] == "y" and stem[-2] not in "aeiou":
            return stem[:-1] + "ied"  # "carrying": carried
        return stem + "ed"
    if word.endswith("es") and not word.endswith("ses"):
        return word[:-1] + "d"
    if word.endswith("s"):
        return word[:-1] + "ed"
    return word + ("d" if word.endswith("e") else "ed")


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


def _where(after: _Window, before: _Window, leaving: bool = False) -> tuple[str | None, str | None]:
    """(country, place) the figure is in or bound for: named places after the figure
    first, then before it; a place inside a country beats the front or the border.
    `leaving`: the figure counts people who left, so "from" names their place too."""
    country: str | None = None
    place: str | None = None
    lead, places = (_REGION_LEAD_LEFT, _PLACE_LEFT) if leaving else (_REGION_LEAD, _PLACE)
    for window in (after, before):
        text = window.text
        if place is None and not _PLACE_SUFFIXES.isdisjoint(window.words):
            place = next(
                (
                    m.group(1)
                    for m in _REGION.finditer(text)
                    if m.group(1).lower() not in NOT_PLACE_NAMES
                    and (
                        lead.search(text, 0, m.start())
                        or (window is before and _CLAUSE_OPENING.fullmatch(text, 0, m.start()))
                    )
                ),
                None,
            )
        if place is None and not _PLACE_NOUN_SET.isdisjoint(window.words):
            place = _named_place(text)
        if leaving or _PLACE_START.search(text):
            for match in places.finditer(text):
                found = _place_name(match, text)
                if found is None:
                    continue
                name, is_part = found
                if is_part and place is None:
                    place = name
                elif not is_part and country is None:
                    country = name
        if place is None and "capital" in window.words:
            place = _named_capital(text)
        if place is None and not _PART_OF_A_COUNTRY.isdisjoint(window.words):
            unnamed = _UNNAMED_PLACE.search(text)
            if unnamed is not None:  # "teachers in the capital": a part, named or not
                place = unnamed.group(1).lower()
        lowered = text.lower()
        if place is None and any(word in lowered for word in _FRONT_WORDS):
            front = _FRONT.search(text)
            if front and front.start() and front.group(1)[0].isupper():
                front = None  # "the Labour Front", "the Popular Front": a name, no front line
            if front:
                line = front.group(1).lower()
                place = "border" if line in ("border", "frontier") else "front"
    return country, place


def _capital_of(text: str, place: str) -> bool:
    """Whether the sentence names the place's capital ("Velmora's capital city"): where
    its figure is, a part of the place (b19-55), not the whole."""
    return (f"{place}'s capital" in text or f"{place}’s capital" in text) and re.search(
        rf"\b{re.escape(place)}['’]s capital\b{_NOT_A_CITY}", text
    ) is not None


def _listed_with(text: str, place: str) -> str | None:
    """The place and what the sentence lists with it where it first names it ("Valdren
    and nearby villages", "Valdren and Orsk"), else None: the figure is of more than the
    place, so no figure of the place alone is set against it as its whole. Only the first
    mention: "…, the worst since floods hit Valdren and Orsk" lists nothing with the
    figure's Valdren (rv20)."""
    start = text.find(place)
    while start != -1 and start > 0 and text[start - 1].isalnum():
        start = text.find(place, start + len(place))  # a word's middle, not the name
    if start == -1:
        return None
    found = _AND_MORE.match(text, start + len(place))  # no pattern made per place
    return None if found is None else text[start : found.end()]


_AND_MORE = re.compile(
    r"\s+and\s+(?:(?:the\s+|its\s+)?(?:nearby|surrounding|neighbouring|neighboring|outlying|"
    r"other|several|many|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[a-z]+\s+)?"
    r"(?:villages|towns|cities|districts|areas|communities|settlements|suburbs|hamlets|"
    r"regions|provinces|islands|counties|municipalities|neighbourhoods|neighborhoods)\b"
    r"|the\s+surrounding\s+(?:area|region|district|countryside)\b|its\s+surroundings\b"
    r"|[A-Z][\w’'-]+(?=\s*(?:[,.;]|$|\s+(?:on|in|at|by|after|during|over|as|when)\b)))"
)
"""After a place, "and" and more places: nearby ones said by their kind ("nearby
villages", "two other districts"), its surroundings, or one name ("and Orsk")."""


_NOT_A_CITY = (
    r"(?! (?:markets?|gains?|spending|investments?|expenditure|costs?|budgets?|reserves?|"
    r"requirements?|flows?|controls?|goods|stock|base|ratio|injection)\b)"
)
"""After "X's capital", words that make it money, not a city ("Velmora's capital
spending")."""


_NAMED_CAPITAL = re.compile(r"\bthe\s+(?:[a-z]+\s+)?capital\s+([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)")
"""A capital named right after the word ("the capital Tarvik", "the regional capital
Veska", "the provincial capital Orsk"): the place is the name, as "the capital, Selvar,"
is (_apposed_name), and "the mountain town of Gralt" is Gralt."""


def _named_capital(text: str) -> str | None:
    found = _NAMED_CAPITAL.search(text)
    if found is None:
        return None
    words = [w for w in found.group(1).split() if w.lower() not in NOT_PLACE_NAMES]
    name = " ".join(words).removesuffix("'s").removesuffix("’s")
    return name if name and name.lower() not in MONTHS and name.lower() not in WEEKDAYS else None


_PART_OF_A_COUNTRY = word_set(
    "capital north south east west north-east north-west south-east south-west northeast "
    "northwest southeast southwest"
)
_UNNAMED_PLACE = re.compile(
    rf"\b(?:in|at|inside|across|through|throughout|around)\s+the\s+({'|'.join(_PART_OF_A_COUNTRY)})"
    r"\b(?!\s+(?:of|to)\b)",
    re.IGNORECASE,
)
"""A part of a country named by what it is, not by its name: "in the capital", "across
the north" (but "the north of Kesh", named there)."""
_VENUE = re.compile(r"\b(?:conference|summit|meeting|talks)\b")
"""A gathering whose place is where it met, not where what it counts is: "pledged $500
million for Tirea at Tuesday's donor conference in Geneva" is no sum for Geneva."""


def _is_venue(text: str, place: str) -> bool:
    return (
        re.search(
            rf"\b(?:conference|summit|meeting|talks)\s+(?:in|at)\s+{re.escape(place)}\b", text
        )
        is not None
    )


_APPOSED_NAME = re.compile(r",\s+([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)\s*(?:[,.;:]|$)")


def _apposed_name(text: str, kind: str) -> str | None:
    """The name set beside a place named by its kind ("through the capital, Selvar,"):
    the place is the name (blind set 8 had read "capital" against "Selvar": two places)."""
    found = re.search(rf"\bthe\s+{kind}\b", text, re.IGNORECASE)
    if found is None:
        return None
    name = _APPOSED_NAME.match(text, found.end())
    return None if name is None or name.group(1).lower() in MONTHS else name.group(1)


_NAMED_BY_APPOSITION = re.compile(
    r"(?:The\s+)?([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2}),\s+(?:the|a|an)\s+[^,]*?\b"
    rf"(?:{'|'.join(sorted(PLACE_NOUNS))})\b[^,]*,\s"
)
_BETWEEN_COMMAS = re.compile(
    r",\s+(?:near|in|at|outside|off)\s+([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?),\s"
)


def _set_apart_place(text: str, start: int) -> str | None:
    """A place the clause before a figure sets apart between commas: a name opening the
    sentence that its apposition says is a place ("Camp Ridley, the largest US base in
    Hedland, houses some 12,000"), or "near X" or "in X" between commas ("The largest
    single blaze this summer, near Ostra, has consumed 58,000 hectares"). Blind set 8
    compared both with the whole country's as if unplaced."""
    named = _NAMED_BY_APPOSITION.match(text)
    if named is not None and named.end() <= start:
        return named.group(1)
    for found in _BETWEEN_COMMAS.finditer(text, 0, start):
        return found.group(1)
    return None


_PLACE_NOUN_SET = PLACE_NOUNS | frozenset(PLACE_SUFFIXES)
_REGION_OF = re.compile(
    rf"\b(?:{'|'.join(PLACE_SUFFIXES)}|city|town|village|county|municipality|island)\s+of\s+"
    r"([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)"
)
_NAMED_PLACE = re.compile(
    r"\b([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)\s+(?:[a-z]+\s+)?"
    rf"(?:{'|'.join(sorted(PLACE_NOUNS))})\b"
)


def _named_place(text: str) -> str | None:
    """A place named after its region or before a place's noun: "the border region of
    Tessaly", "the Zarit boarding school", "the Kestrel coal mine"."""
    found = _REGION_OF.search(text)
    if found is not None:
        return found.group(1)
    for match in _NAMED_PLACE.finditer(text):
        words = [
            w.removesuffix("'s").removesuffix("’s")
            for w in match.group(1).split()
            if w.lower() not in NOT_PLACE_NAMES
        ]
        if words and words[0].lower() not in _NOT_EVENT_NAMES:
            return " ".join(words)
    return None


_FRONT_WORDS = ("front", "battlefield", "border")
_ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish", "ic")
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
    if suffix in ("border", "frontier") and name.lower().endswith(_ADJECTIVE_ENDINGS):
        return None  # "along the Ostrelian frontier": the border, named by its country
    if suffix in EVENT_NOUNS and not (
        len(following) > 1 and following[1].lower().strip(".,") in _PLACE_SUFFIXES
    ):
        return None  # "in the Hamas attack": an event, named after its author
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
            if after_words[position + 2 : position + 3] in (["earlier"], ["ago"], ["before"]):
                return None  # "fell 3 percent from a year earlier": a change's basis
            return following
        if word in RATE_WORDS:
            return RATE_WORDS[word]
        if word in ("per", "a", "an") and following in UNIT_PRICES:
            return UNIT_PRICES[following]
    return None


def _product(before_words: list[str]) -> str | None:
    """What a unit price is of, when no "a litre of" says: the clause's first noun
    ("Diesel cost 1.79 lira a litre", "Petrol in Sarnia rose to")."""
    for word in before_words:
        if word in FUNCTION_WORDS or not word.isalpha():
            continue
        return None if _is_verb(word) or word in MONEY_KINDS else word
    return None


_UNIT_PRICE_KINDS = frozenset(["cost", "price", None])


def _unit_priced(before_words: list[str], after_words: list[str]) -> bool:
    """Whether a sum is a price per unit ("2.19 lira a litre", "a litre of petrol
    cost")."""
    per = _per(after_words) or _per_before(before_words)
    return per is not None and per in _UNIT_PRICE_NAMES


_UNIT_PRICE_NAMES = frozenset(UNIT_PRICES.values()) - {"each"}


def _per_unit(before_words: list[str]) -> str | None:
    """'split into four brigades of 2,500 soldiers': the size of each unit, not all of
    them (qa6 Q20)."""
    if len(before_words) >= 2 and before_words[-1] == "of" and before_words[-2] in _UNITS:
        return "each"
    return None


_UNITS = word_set(
    "brigades battalions regiments divisions companies platoons squads units groups teams "
    "detachments contingents battlegroups"
)
"""Units a force is split into: "N units of M" counts M in each."""


def _per_before(before_words: list[str]) -> str | None:
    """A sum's rate or unit told before it: 'annual basic pay of £850,000', 'a litre of
    petrol cost 1.79 lira'."""
    for position, word in enumerate(before_words):
        if word in RATE_WORDS:
            return RATE_WORDS[word]
        following = before_words[position + 1] if position + 1 < len(before_words) else ""
        if word in ("per", "a", "an", "each", "every") and following in UNIT_PRICES:
            return UNIT_PRICES[following]
    return None


def _part(
    unit_class: str, before_words: list[str], inner: str, noun: str | None, after_words: list[str]
) -> str | None:
    """What part of the whole the figure counts, if not all of it (`inner`: the figure's
    text after its number). A counted noun's part also holds what it is of ("57 reports
    of batteries overheating" are not "11 reports of minor burns")."""
    if before_words and before_words[-1] in INCREMENTS:
        return "increment"
    stated = [w.lower() for w in _WORD.findall(inner)]
    words = stated[:-1] if stated and stated[-1] == (noun or "").lower() else stated
    if any(word in INCREMENTS for word in words):
        return "increment"
    if unit_class in CASUALTY_CLASSES:
        if _among_the_casualties(stated):
            return "of them"
        return _population(noun)
    counted = is_counted_noun(unit_class)
    if unit_class not in ("troops", "people") and not counted:
        return None
    modifiers = [
        word
        for word in words
        if len(word) > 1
        and word not in GENERIC_MODIFIERS
        and word not in DEMONYMS
        and word not in ("north", "south", "square", "thousand", "million", "billion", "of")
    ]
    if counted and after_words[:1] == ["of"]:
        modifiers += _complement(after_words[1:])
    return " ".join(modifiers) or None


def _total_of_what(before_words: list[str], unit_class: str) -> str | None:
    """The part a total's noun before its verb names ("Asylum applications in Dorland fell
    to 61,000": asylum), as "61,000 asylum applications" would."""
    singular = unit_class.removesuffix("s")
    for position, word in enumerate(before_words):
        if word.removesuffix("s") == singular:
            kept = []
            for modifier in reversed(before_words[:position]):
                if not modifier.isalpha() or modifier in FUNCTION_WORDS or _is_verb(modifier):
                    break
                kept.append(modifier)
            modifiers = [w for w in reversed(kept) if w not in GENERIC_MODIFIERS]
            return " ".join(modifiers) or None
    return None


_APPOSED_TO = re.compile(
    rf"(?:^(?!(?i:{_WHERE}|from|by)\b)|\b[Tt]he\s+)(?:[A-Z0-9][\w’'-]*\s+)*([A-Z][\w’'-]*),\s+$"
)
"""A name a figure is set off after ("The 4th Armoured Brigade, about 3,500 soldiers,"),
opening the sentence or after "the" (not a place after a preposition: "In Kursk, ")."""


_APPOSED_REACH = 200
"""How far before a figure its apposed name may start (characters)."""


def _apposed(text: str, quantity: Quantity) -> str | None:
    """The named body a figure in apposition sizes ("The 4th Armoured Brigade, about 3,500
    soldiers, was ordered ..."): a part of any whole, named by the name's last word."""
    if not text.startswith(",", quantity.end):
        return None
    # A name is a few words: searched for in a window before the figure, not from the
    # sentence's start for every figure (a pasted table as one sentence: quadratic, rv8 R4).
    # Past the window `^` cannot match: a name from the sentence's start is that near.
    start = max(0, quantity.start - _APPOSED_REACH)
    found = _APPOSED_TO.search(text, start, quantity.start)
    if found is None or found.group(1).lower() in FUNCTION_WORDS:
        return None
    return found.group(1).lower()


_DEMONYM_AFTER = re.compile(
    rf"\d(?:-strong)?\s+([A-Z][a-z’'-]*(?:{'|'.join(_ADJECTIVE_ENDINGS)}))\s+[a-z]"
)
"""A capitalised adjective of a people right after a number, before its noun ("1,200
Nordavian troops", "the 3,000-strong Nordavian contingent")."""


def _demonym_after(text: str, quantity: Quantity) -> str | None:
    """Whose a figure counts, as its part, when its own words give none: "the 3,000-strong
    Nordavian contingent" is of the Nordavians, as "1,200 Nordavian troops" are (a part
    of all troops there; two peoples are two parts, never compared)."""
    found = _DEMONYM_AFTER.search(text, quantity.start, quantity.end + _DEMONYM_REACH)
    return None if found is None else found.group(1).lower()


_DEMONYM_REACH = 30
"""How far past a figure's text its people may be named (characters)."""


def _complement(words: list[str]) -> list[str]:
    """The noun phrase after "of", up to a function word, a preposition ("600 kilograms of
    cocaine during the raid": cocaine) or a verb (two words at most)."""
    kept = []
    for word in words[:2]:
        if word in FUNCTION_WORDS or word in _PHRASE_ENDS or _is_verb(word):
            break
        kept.append(word)
    return kept


_PHRASE_ENDS = PREPOSITIONS | word_set("during amid despite after before since until")


_WRITTEN_NUMBER = re.compile(r"\d[\d,.]*(?:\s?(?:thousand|million|billion|trillion)\b)?")


def _after_number(text: str) -> str:
    """The figure's text after its number (and multiplier): written in digits or words."""
    digits = _WRITTEN_NUMBER.search(text)
    if digits:
        after = AFTER_QUALIFIER.match(text, digits.end())  # "300 or more people"
        return text[after.end() if after else digits.end() :]
    return text[number_in_words_end(text) :]


def _among_the_casualties(words: list[str]) -> bool:
    """'62 of the dead (were from her town)', '15 of those killed': some of the casualties
    another figure counts, never their whole (qa7 Q6). '112 of its soldiers were killed'
    counts the dead themselves."""
    if words[:1] != ["of"]:
        return False
    named = [word for word in words[1:] if word not in ("the", "those", "these")]
    return bool(named) and (
        named[0] in KILLED_WORDS
        or named[0] in WOUNDED_WORDS
        or named[0].startswith(("victim", "casualt", "fatalit"))
    )


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
    if lower in LIVES_NOUNS:
        return None  # "claimed 35 lives": the dead, whoever they were
    return lower
