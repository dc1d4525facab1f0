"""When two figures conflict, and how to say why.

Two figures conflict only when they measure the same thing (measures.py: the
same unit class, event, whose, when and rate) and differ beyond what their qualifiers
allow: "at least 10,000" allows 12,000, "about 10,000" allows 9,000 to 11,000, "up to
5,000" allows nothing above 5,000. A figure for a part (troops in the Kursk region,
special forces, soldiers among the dead) may be smaller than the figure for its whole
but not larger. Figures in one sentence, or given by one origin (a source, or the
article for unattributed claims) in one article, never conflict: a report that gives a
source's figure twice tells its update ("had risen to", "earlier said"). One source's
figures in two articles are compared as two sources' are: two reports that put two
figures for one thing in one mouth are what a fact-checker checks (a misquote, a
correction, an update neither report says), and the reason says one source gave both.

A figure whose sentence states no event at all ("41 cases of cholera had been confirmed
in Kinde district", a passive not read) is compared with a stated event's figure of the
same noun when both sentences agree on where (events_meet); two stated events never are.

find_clashes() finds every figure that conflicts with another without comparing every
pair: figures are bucketed by what must be equal, and within a bucket by scope; each
figure is compared with the extreme figures (lowest upper end, highest lower end) of
the other origins in each comparable scope, which is where a conflict would be if it
exists. So every figure in a conflict is found, with one counterpart, in linear time.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import combinations, combinations_with_replacement, product
from typing import Literal, NamedTuple

from workbench.core.analysis.figures.measures import (
    BASES,
    CASUALTY_CLASSES,
    MEASURED_CLASSES,
    Measure,
    is_counted_noun,
    kind_of,
)
from workbench.core.analysis.figures.quantities import Quantity, number_in_words_end
from workbench.core.analysis.lexicon import (
    BODY_NOUNS,
    MONTH_NAMES,
    MONTHS,
    NAME_COMMON_WORDS,
    NEAR_ABOVE,
    NEAR_BELOW,
    PERSON_KINDS,
    PLACE_NOUNS,
    PLACE_SUFFIXES,
    QUALIFIERS,
    SOURCE_PRONOUNS,
    SPELLED_NUMBERS,
    WEEKDAYS,
)
from workbench.core.annotation import AnnotationKey

APPROXIMATE = 0.1
"""How far "about", "around", "some", "roughly" let a figure go either way (10%)."""

Relation = Literal["same", "a_part", "b_part"]


@dataclass(frozen=True, slots=True)
class Apart:
    """What the rule reads that keeps two figures from conflicting: an aspect of the two
    readings ("times", "places", "states"...) with each side's value (None: not read on
    that side), or a verdict of its own ("part within whole") with what it names."""

    aspect: str
    mine: str | None = None
    theirs: str | None = None

    def said(self) -> str:
        """In words a person reads after "the rule reads": "two times: november vs last
        week", "a time on one side only: november"."""
        if self.aspect in APART_SAID:
            said = APART_SAID[self.aspect]
            return f"{said}: {self.mine}" if self.mine is not None else said
        two, one_side = APART_WORDS[self.aspect]
        if self.mine is not None and self.theirs is not None:
            return f"{two}: {self.mine} vs {self.theirs}"
        return f"{one_side}: {self.mine or self.theirs}"


APART_WORDS = {
    "classes": ("two things counted", "a thing counted on one side only"),
    "whose": ("two groups", "a group named on one side only"),
    "rates": ("two rates", "a figure per unit or time on one side only"),
    "times": ("two times", "a time on one side only"),
    "states": ("two states", "an event on one side only"),
    "countries": ("two countries", "a country on one side only"),
    "days": ("two days", "a day on one side only"),
    "events": ("two kinds of event", "a kind of event on one side only"),
    "names": ("two names", "a name on one side only"),
    "places": ("two places", "a place on one side only"),
    "parts": ("two parts", "a part on one side only"),
}
"""An aspect the rule reads: how it says two values, and a value read on one side only."""
APART_SAID = {
    "no measure": "nothing counted by one figure",
    "not checked": "a class it does not check",
    "no event": "no event on either side",
    "untied": "an event on one side only, and no place or two names tying the sentences",
    "set aside": "an event on one side only, and the other figure not free to be of it",
    "additions": "an addition against a total, or two of no one day",
    "crossed parts": "each a part the other is not",
    "part within whole": "a part no larger than its whole",
    "within": "values their qualifiers and rounding let meet",
    "compared": "figures it compares with others of the sentences",
}
"""A verdict of its own, with the value it names if any."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A number stated in a claim, where it comes from, and what it measures."""

    key: AnnotationKey
    article_id: str
    index: int
    source: str | None
    quantity: Quantity
    measure: Measure
    occurrence: int = 0
    """Which figure of its quote with these words it is, from 0 in order of place:
    "100 people died … and 100 people were injured" gives two (occurrences)."""

    @property
    def origin(self) -> str:
        """Who gives the figure: the source, else the article (unattributed)."""
        return figure_origin(self.source, self.article_id)

    @property
    def account(self) -> str:
        """Who gives the figure in which article (figure_account)."""
        return figure_account(self.source, self.article_id)


def occurrences(quantities: Sequence[Quantity]) -> list[int]:
    """For each quantity of one quote, how many before it (by start) have its words: what
    tells two figures a sentence writes alike apart (Figure.occurrence)."""
    seen: dict[str, int] = {}
    ranks: dict[int, int] = {}
    for number in sorted(range(len(quantities)), key=lambda n: quantities[n].start):
        text = quantities[number].text
        ranks[number] = seen.get(text, 0)
        seen[text] = ranks[number] + 1
    return [ranks[number] for number in range(len(quantities))]


def figure_origin(source: str | None, article_id: str) -> str:
    """Who gives a figure of `article_id` said by `source`: the source, else the article
    (an unattributed figure)."""
    return source or f"article {article_id}"


def figure_account(source: str | None, article_id: str) -> str:
    """One origin's account in one article, which never disputes itself: an article
    giving one source's figure twice tells its update. The same source in two articles
    gives two accounts, compared as two sources' are (b18: 33 of 40 conflicts a blind
    writer found were one body's two figures for one thing, on one day)."""
    return f"{figure_origin(source, article_id)}\x00{article_id}"


@dataclass(frozen=True, slots=True)
class Clash:
    """Two figures that cannot both be true: `low`'s range lies below `high`'s."""

    low: Figure
    high: Figure
    part: Figure | None = None
    """When one figure counts a part of what the other counts: that one (larger than
    its whole)."""

    @property
    def figures(self) -> tuple[Figure, Figure]:
        return (self.low, self.high)


def format_value(value: float) -> str:
    """1500.0 -> '1,500'; 1200000.0 -> '1,200,000'; 5.5 -> '5.5'."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def interval(figure: Figure) -> tuple[float, float]:
    """The values the figure allows, in its unit class's unit, bounds included."""
    low, high = _unsigned_interval(figure)
    return (-high, -low) if _is_fall(figure.measure) else (low, high)


def _is_fall(measure: Measure) -> bool:
    """A fall of a named thing ("unemployment fell 2 percent") is compared with a rise of
    it as a change below zero: "fell 2 percent" and "rose 3 percent" cannot both be."""
    return measure.state == "down" and measure.part is not None


TOLERANCES = {"temperature": 1.0, "magnitude": 0.3, "clock": 1.0}
"""How far two readings of a measure may differ as one reading (a degree, converted or
rounded; a quake's magnitude by two agencies), beyond their qualifiers."""


RISE_TOLERANCE = 0.2
"""How far two figures of a rise in temperature may differ as one ("risen 1.8C", "warmed
by 3.2F"): rounding and conversion, not a second reading's degree."""


def _unsigned_interval(figure: Figure) -> tuple[float, float]:
    low, high = sorted(_qualified_interval(figure))  # "about -3C" scales both ways round
    tolerance = (
        RISE_TOLERANCE
        if figure.measure.state == "rise"
        else TOLERANCES.get(figure.measure.unit_class)
    )
    return (low - tolerance, high + tolerance) if tolerance else (low, high)


def _qualified_interval(figure: Figure) -> tuple[float, float]:
    value = figure.measure.base_value
    quantity = figure.quantity
    if quantity.qualifier in NEAR_BELOW:
        return value * (1 - APPROXIMATE), value
    if quantity.qualifier in NEAR_ABOVE:
        return value, value * (1 + APPROXIMATE)
    if quantity.low is not None:
        factor = value / quantity.value
        return quantity.low * factor, value
    if quantity.bound == "lower":
        return value, math.inf
    if quantity.bound == "upper":
        return 0.0, value
    if quantity.bound == "clock":  # "at about 3pm": a quarter of an hour either way
        return value - 15, value + 15
    if quantity.bound == "approximate":
        return value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
    return value, value


COUNTED = "counted"
"""In `classes`: every counted noun outside the known classes ("tanks", "homes")."""


def comparable(figure: Figure, classes: Collection[str]) -> bool:
    """Whether the figure counts something whose figures are checked at all: its
    unit class is in `classes` (LedgerSettings.conflict_whats; COUNTED for any counted
    noun). Where a class says little by itself and the sentence says no event ("the
    data of 3 million customers", "a fee of £45 million"), the figure is a bare one:
    compared only with a stated event's figure of a sentence sharing a name with its own
    (relation(); needs_event). A measure of an event (a date, a time) without its
    event is no figure at all; a person's age is one, compared only with an age whose
    sentence shares two names with its own (the shared reading, _shared_reading)."""
    measure = figure.measure
    unit_class = measure.unit_class
    if unit_class in classes or figure.quantity.what in classes:
        needs_state = unit_class in NEEDS_STATE or unit_class.startswith("money")
    elif COUNTED in classes and is_counted_noun(unit_class):
        needs_state = True
    else:
        return False
    return (
        measure.state is not None
        or not needs_state
        or unit_class not in MEASURED_CLASSES
        or unit_class == "age"
    )


NEEDS_STATE = frozenset(["people", "distance", "speed", "percent", "percentage points"])
"""Classes whose figures are compared only when their sentence says what they count:
"10,000 people live there" or "30 miles" alone say too little to dispute."""


def needs_event(measure: Measure) -> bool:
    """Whether two figures of the measure's class with no event each say too little to
    be compared (NEEDS_STATE, money, any counted noun): a bare figure of one is compared
    only with a stated event's (events_meet)."""
    return _needs_event(measure.unit_class)


def _needs_event(unit_class: str) -> bool:
    return (
        unit_class in NEEDS_STATE or unit_class.startswith("money") or is_counted_noun(unit_class)
    )


def events_meet(a: Measure, b: Measure) -> bool:
    """Whether the two figures' events let them count the same thing: the same event, or
    one stated and the other none at all when their sentences agree on where (share_scope):
    "The health ministry has confirmed 85 cholera cases in Kinde district" and "41 cases
    of cholera had been confirmed in Kinde district". Two stated events (promised and
    sent, killed and wounded) are two things; two bare figures of a class that needs its
    event say too little. Across events, the two must be free to meet (Measure.across)
    and of one part (a part/whole reading needs the event: "the speed limit on the curve
    is 80 km/h" is no whole of the train's 142 km/h)."""
    return _events_apart(a, b) is None


def _events_apart(a: Measure, b: Measure) -> Apart | None:
    """What keeps the two figures' events from meeting (events_meet), else None."""
    mine, theirs = state_key(a), state_key(b)
    if mine == theirs:
        return None if mine is not None or not needs_event(a) else Apart("no event")
    if mine not in NEUTRAL and theirs not in NEUTRAL:
        if a.state == b.state:  # a rise of a named thing against a rise (state_key)
            return Apart("parts", a.part, b.part)
        return Apart("states", a.state, b.state)
    if not (a.across and b.across):
        return Apart("set aside")
    if a.part != b.part:
        return Apart("parts", a.part, b.part)
    if a.part == "increment":
        return Apart("additions")
    return None if share_scope(a, b) else Apart("untied")


NEUTRAL = frozenset([None, "recorded"])
"""Events that say only that a figure is: none, or a total stated ("applications fell to
61,000", "cases stood at 312"): such a figure may meet a stated event's (events_meet),
"received 90,000 asylum requests" there."""


def share_scope(a: Measure, b: Measure) -> bool:
    """Whether two sentences tie their figures to one thing: a place one names as its
    figure's and the other names too, or two names both give ("Dani Okoro", "Rovers"):
    one shared word may be a common one of two names ("Unity Party", "Progress Party");
    or one name and one time both give ("Pelora's crude oil output fell to 1.2 million
    barrels a day in October", "Pelora pumped 850,000 barrels per day in October")."""
    return (
        placed_together(a, b)
        or len(anchors(a) & anchors(b)) >= 2
        or (a.day is not None and a.day == b.day and not a.events.isdisjoint(b.events))
        or (a.when is not None and a.when == b.when and not anchors(a).isdisjoint(anchors(b)))
    )


def placed_together(a: Measure, b: Measure) -> bool:
    """One figure's place is the other's, or is named in the other's sentence (which
    gives no place of its own)."""
    if a.place is not None:
        return a.place == b.place or (b.place is None and _mentioned(a.place, b.mentions))
    return b.place is not None and _mentioned(b.place, a.mentions)


def state_key(measure: Measure) -> str | None:
    """The event as compared: a percentage's fall and rise of one named thing are one
    ("change", signed by interval())."""
    state = measure.state
    return "change" if state in _CHANGES and measure.part is not None else state


def anchors(measure: Measure) -> frozenset[str]:
    """The names a figure's sentence ties it to, in lower case: its place's words, its
    event's names, and (with no place read) its capitalised words, but for days and
    months (a time, not a name)."""
    found = set(measure.names)
    if measure.place is not None:
        found.update(measure.place.lower().split())
    else:
        found.update(measure.mentions)
    return frozenset(found - _NOT_ANCHORS)


_NOT_ANCHORS = frozenset([*WEEKDAYS, *MONTHS])


def relation(a: Measure, b: Measure) -> Relation | None:
    """How two figures' scopes relate: the same, one a part of the other's, or neither:
    as their readings say (_read_relation), else the same when what sets them apart is
    read on one side only and their sentences share two things (_shared_reading)."""
    found = reading(a, b)
    return None if isinstance(found, Apart) else found


def reading(a: Measure, b: Measure) -> Relation | Apart:
    """relation(), or what keeps the two apart: the first of the rule's readings that
    does (two times, two places, two states...)."""
    if kind_of(a.unit_class) != kind_of(b.unit_class) or not kin(a.unit_class, b.unit_class):
        return Apart("classes", a.unit_class, b.unit_class)
    if a.who != b.who:
        return Apart("whose", a.who, b.who)
    if a.per != b.per and not _one_basis(a.per, b.per):
        return Apart("rates", a.per, b.per)
    found = _read_relation(a, b) if a.when == b.when else Apart("times", a.when, b.when)
    if isinstance(found, Apart) and a.when == b.when:
        found = _taken_within(a, b) or found
    if isinstance(found, Apart) and _shared_reading(a, b):
        return "same"
    return found


def _one_basis(mine: str | None, theirs: str | None) -> bool:
    """A change's basis said on one side only ("fell 3 percent from a year earlier",
    "rose 12%"): the other may be of that basis; two bases said are two changes."""
    return (mine in BASES and theirs is None) or (theirs in BASES and mine is None)


TAKEN_WITHIN = {
    "copied": "reached",
    "stolen": "reached",
    "downloaded": "reached",
    "exfiltrated": "reached",
    "accessed": "reaching",
    "affected": "reaching",
}
"""Events of which one is a part of the other (qa14 Q5): records copied, stolen,
downloaded or exfiltrated are some of those accessed or affected (exposed)."""
_TAKEN = frozenset(state for state, side in TAKEN_WITHIN.items() if side == "reached")
_REACHED = frozenset(state for state, side in TAKEN_WITHIN.items() if side == "reaching")


def _taken_within(a: Measure, b: Measure) -> Relation | None:
    """Records taken as a part of the records reached (TAKEN_WITHIN): read as of one
    event (_read_relation), the taken side a part where the readings make them the same
    or it a part already; a whole taken of a part reached is no part of it."""
    if "increment" in (a.part, b.part):
        return None
    if state_key(a) in _TAKEN and state_key(b) in _REACHED:
        found = _read_relation(replace(a, state=b.state), b)
        return "a_part" if found in ("same", "a_part") else None
    if state_key(b) in _TAKEN and state_key(a) in _REACHED:
        found = _read_relation(a, replace(b, state=a.state))
        return "b_part" if found in ("same", "b_part") else None
    return None


def _read_relation(a: Measure, b: Measure) -> Relation | Apart:
    """How two figures' scopes relate as their readings say, else what sets them apart.

    Unit class, whose, rate and time must be equal (or the classes kin, one a wider noun
    for the other, and the figures tied to one group: kin), and the events meet
    (events_meet).
    Countries must not differ
    (a figure without one is read as the story's). A place inside a country, or a
    part of the whole (special forces, civilians), makes a figure a part of one
    without; two different places or parts are not comparable; an increment
    ("another 1,000") is never compared with a total. A figure with no event and a
    stated one are compared only of one place (no part/whole reading without the event).
    """
    events = _events_apart(a, b)
    if events is not None:
        return events
    if a.country and b.country and a.country != b.country:
        return Apart("countries", a.country, b.country)
    two = _two_events(a, b)
    if two is not None:
        return two
    if state_key(a) != state_key(b):  # one event stated, the other none (events_meet)
        if a.unit_class != b.unit_class:
            # two nouns and one event unsaid: nothing ties them to one group
            return Apart("classes", a.unit_class, b.unit_class)
        if a.place != b.place and not placed_together(a, b):
            return Apart("places", a.place, b.place)
        return "same"
    if a.unit_class in MEASURED_CLASSES:  # a place is where, not a part of a reading
        if not _loose(a.place, b.place):
            return Apart("places", a.place, b.place)
        return "same" if a.part == b.part else Apart("parts", a.part, b.part)
    if "increment" in (a.part, b.part):
        if not _dated_increments(a, b):
            return Apart("additions")
        return _increments(a, b) or Apart("places", a.place, b.place)
    found: Relation = "same"
    places = (a.place, b.place)
    if a.place is None and _mentioned(b.place, a.mentions):
        places = (b.place, b.place)
    elif b.place is None and _mentioned(a.place, b.mentions):
        places = (a.place, a.place)
    dimensions = (
        ("places", *places),
        ("parts", a.part, b.part),
        ("days", day_part(a), day_part(b)),
    )
    differing = [
        Apart(aspect, mine, theirs) for aspect, mine, theirs in dimensions if mine != theirs
    ]
    if a.unit_class != b.unit_class:  # one group under two nouns: tied, at one spot
        if not _tied(places[0], places[1], a.day, b.day, a.events, b.events):
            return Apart("classes", a.unit_class, b.unit_class)
        return differing[0] if differing else "same"
    if a.unit_class in SHARES:  # a share in the capital, or of children, is no part of all's
        return differing[0] if differing else "same"
    for apart in differing:
        if apart.mine is not None and apart.theirs is not None:
            return apart
        side: Relation = "a_part" if apart.theirs is None else "b_part"
        if found not in ("same", side):
            return Apart("crossed parts")
        found = side
    return found


def _shared_reading(a: Measure, b: Measure) -> bool:
    """Whether two figures the readings set apart are one count as a reader takes them
    (the fourteenth pass): what sets them apart is read on one side only (one_sided), and
    their sentences share two things: two names, or a name and the event's kind, day or
    time (shared_ties)."""
    return one_sided(
        scope_of(a),
        scope_of(b),
        a.across,
        b.across,
        _person_names(a),
        _person_names(b),
        (a.said, b.said),
    ) and not shared_ties(a).isdisjoint(shared_ties(b))


def one_sided(
    mine: Scope,
    theirs: Scope,
    my_across: bool,
    their_across: bool,
    my_names: frozenset[str] = frozenset(),
    their_names: frozenset[str] = frozenset(),
    said: tuple[str | None, str | None] = (None, None),
) -> bool:
    """Whether two scopes the readings keep apart (_read_relation gives nothing for them)
    differ only by what one side reads and the other does not: a time ("this year",
    "this week") on one side, of a reading or a size (_timeless); an event on one side,
    of two kin nouns ("migrants" on board, "people" carried); a measure's part on one
    side. Two values read on the two sides (two places, parts, times, days, events,
    names, countries) stay two things, as do additions, shares (whose share goes unread),
    a toll's day (a day's toll is a part of the running one), a time on one side
    against a day on the other, and two ages whose sentences each give a name the other
    does not (`my_names`, `their_names`: "Anna Roth, 34, of Velden", "Karl Roth, 41, of
    Velden" are two people)."""
    if "increment" in (mine[2], theirs[2]) or mine[8] in SHARES or theirs[8] in SHARES:
        return False
    if not kin(mine[8], theirs[8]):
        return False
    if not (my_names <= their_names or their_names <= my_names):
        return False
    states_differ = mine[7] != theirs[7]
    if not (
        (
            mine[9] != theirs[9]
            and _timeless(mine)
            and _timeless(theirs)
            and (mine[9] or theirs[9]) in PRESENT_TIMES
        )
        or (states_differ and (mine[8] != theirs[8] or mine[2] == theirs[2]))
        or (not states_differ and mine[8] in MEASURED_CLASSES and mine[2] != theirs[2])
        or (mine[7] is theirs[7] is None and mine[8] in _SIZES and _needs_event(mine[8]))
        or _said_on_one_side((mine, said[0]), (theirs, said[1]))
    ):
        return False  # what the readings relate (_read_relation)
    if mine[3] != theirs[3] and (mine[9] is None) != (theirs[9] is None):
        return False  # a time on one side, a day of its own on the other: two times
    if states_differ:
        if not (_may_meet(mine[7], theirs[7]) and my_across and their_across):
            return False
    elif mine[7] is None and _needs_event(mine[8]) and mine[8] not in _SIZES:
        return False
    if mine[8] in CASUALTY_CLASSES and mine[3] != theirs[3]:
        return False
    if days_differ(mine[3], theirs[3]):
        return False
    for one, other in (
        (mine[0], theirs[0]),
        (mine[1] or mine[6], theirs[1] or theirs[6]),
        (mine[2], theirs[2]),
        (mine[9], theirs[9]),
    ):
        if one is not None and other is not None and one != other:
            return False
    return not any(
        one and other and one.isdisjoint(other)
        for one, other in ((mine[4], theirs[4]), (mine[5], theirs[5]))
    )


def _said_on_one_side(mine: tuple[Scope, str | None], theirs: tuple[Scope, str | None]) -> bool:
    """A running toll's day of saying ("had reached 35, the coast guard said on
    Thursday": measures._running_day, a time) against a toll of no day at all: another
    day's count, unless the two sentences share two things, as a headline and its body
    quoting one minister do ("Death toll reaches 45, Health Minister Ines Varro says":
    qa13 Q19). A toll of a day of its own ("Eight people lost their lives ... on
    Friday"), or said on another day ("Eight people died ..., the fire brigade said on
    Friday": Measure.said), is that day's, never the running toll's of a later day."""
    (running, said_on), (undated, undated_said) = (
        (mine, theirs) if theirs[0][9] is None else (theirs, mine)
    )
    return (
        undated[9] is None
        and undated[3] is None
        and running[9] is not None
        and running[9].startswith("said ")
        and undated_said in (None, said_on)
    )


def shared_ties(measure: Measure) -> frozenset[tuple[str, str]]:
    """What a figure's sentence may share with another's that ties the two to one thing:
    two of its names (shared_names), or a name with the kind of event, the day or the
    time it gives (for an age, two names only). One name alone is too little: a town or a
    firm is in many stories."""
    names = sorted(shared_names(measure))
    found: set[tuple[str, str]] = set(combinations(names, 2))
    if measure.unit_class == "age":
        return frozenset(found)  # a person's age: the person's names (a day has many ages)
    others = [f"event {event}" for event in measure.events]
    if measure.day is not None:
        others.append(f"day {measure.day}")
    if measure.when is not None:
        others.append(f"time {measure.when}")
    found.update(product(names, others))
    return frozenset(found)


def shared_names(measure: Measure) -> frozenset[str]:
    """The names that tie a figure's sentence to another's (anchors): not the words of
    whose it is (in its bucket, both sides have them), nor a qualifier, "all" or a number
    in words opening the sentence ("Nearly", "Thirty-one"), nor an abbreviation of two
    letters ("UN", "EU": a body too wide to tie two figures to one thing), nor a word many
    names share (_COMMON_IN_NAMES)."""
    found = anchors(measure)
    if measure.who is not None:
        found -= set(measure.who.lower().split())
    return frozenset(
        name
        for name in found
        if len(name) > 2
        and name not in _NOT_NAMES
        and name not in _COMMON_IN_NAMES
        and name.split("-")[0] not in SPELLED_NUMBERS
    )


def _person_names(measure: Measure) -> frozenset[str]:
    """An age's sentence's names (shared_names): one person's ages are told with the same
    names, or one side's among the other's; other figures need none of this."""
    return shared_names(measure) if measure.unit_class == "age" else frozenset()


def _timeless(scope: Scope) -> bool:
    """Whether a time read on one side only leaves the figure of one thing: a reading (a
    temperature, a duration, a score) or a size (an area, a length, a deal's value) is
    the same whenever it is told; a count's time is its period ("killed this year", "cut
    in January", "debt due this year"), and two periods are two counts."""
    return scope[8] in _SIZES or (scope[8].startswith("money") and scope[7] == "deal")


_SIZES = MEASURED_CLASSES | frozenset(["area", "distance", "speed"])
PRESENT_TIMES = frozenset(
    ["this week", "this month", "this year", "earlier this week", "earlier this month",
     "earlier this year"]
)  # fmt: skip
"""Times that name the present a sentence with no time speaks of too: read on one side
only, no other time. A past one may name another event ("the 2019 strike lasted three
weeks" is not this strike's 12 days)."""


_QUALIFIER_WORDS = frozenset(word for qualifier in QUALIFIERS for word in qualifier.split())
_NOT_NAMES = _QUALIFIER_WORDS | frozenset(["all", "between", "some", "one", "the"])
_COMMON_IN_NAMES = PLACE_NOUNS | frozenset(PLACE_SUFFIXES) | NAME_COMMON_WORDS


SHARES = frozenset(["percent", "percentage points"])
"""Classes of a share: a share in a part of a place ("70 percent of teachers in the
capital") may be larger than the whole's, so a place and one inside it are not compared."""


def day_part(measure: Measure) -> str | None:
    """A toll's day as a part of the whole (qa6 Q20): "killed 50 on Tuesday" is a part of
    an undated running toll ("3,000 killed in Kursk"), never the whole of it (a toll's
    sentence's weekday is its day: measures._toll_day). The day of what a count came
    after ("after tuesday") is no part (a count since then), nor a day of one event of
    another class ("25,000 marched on Saturday" is all who marched)."""
    day = measure.day
    if day is None or day.startswith("after ") or measure.unit_class not in CASUALTY_CLASSES:
        return None
    return day


def _dated_increments(a: Measure, b: Measure) -> bool:
    """Two figures for what was added on one day ("312 new cases on Monday", "Monday's
    figures showed 213 new infections"): one count. Undated, two additions may be two."""
    return a.part == b.part == "increment" and a.day is not None and a.day == b.day


def _increments(a: Measure, b: Measure) -> Relation | None:
    """How two additions of one day relate (lk8's counterexample, session 8): of one
    place, one count; a place's ("900 more dead in Kursk on Wednesday") is a part of the
    day's addition placed nowhere, which counts every place (1,000 more dead on
    Wednesday is no contradiction of it; 1,100 in Kursk alone would be); two places
    are two counts."""
    if a.place == b.place:
        return "same"
    if a.place is None:
        return "same" if _mentioned(b.place, a.mentions) else "b_part"
    if b.place is None:
        return "same" if _mentioned(a.place, b.mentions) else "a_part"
    return None


def _mentioned(place: str | None, mentions: frozenset[str]) -> bool:
    """Whether a sentence names the place (each of its words, capitalised)."""
    return place is not None and all(word.lower() in mentions for word in place.split())


def days_differ(mine: str | None, theirs: str | None) -> bool:
    """Whether two days say two events: two weekdays, or two days counts came after
    ("after tuesday", "after sunday"); a count on Wednesday may follow Tuesday's event."""
    return (
        mine is not None
        and theirs is not None
        and mine != theirs
        and mine.startswith("after ") == theirs.startswith("after ")
    )


def _two_events(a: Measure, b: Measure) -> Apart | None:
    """What says the two figures are of two events, else None: two days, sentences
    naming events of no common kind, or two names."""
    if days_differ(a.day, b.day) and a.unit_class != "clock":
        return Apart("days", a.day, b.day)  # a clock's two days: one event's two times (b6-34)
    if a.events and b.events and a.events.isdisjoint(b.events):
        return Apart("events", _listed(a.events), _listed(b.events))
    if a.names and b.names and a.names.isdisjoint(b.names):
        return Apart("names", _listed(a.names), _listed(b.names))
    return None


def _listed(words: frozenset[str]) -> str:
    return ", ".join(sorted(words))


def bucket_of(measure: Measure) -> tuple[object, ...]:
    """What must be equal for two figures to be compared at all. find_clashes()
    compares bucket by bucket, and ledger/live.py (LiveLedger) relies on that to redo
    only the buckets a change reaches: keep them in step. The event is no part of it: a
    figure with no event may meet a stated one (events_meet), compared inside the
    bucket; nor is the time: a time read on one side only may be one (_shared_reading)."""
    per = None if measure.per in BASES else measure.per  # a change's basis: in its scope
    return (kind_of(measure.unit_class), measure.who, per)


def kin(mine: str, theirs: str) -> bool:
    """Whether figures of two classes may count one group: one class, or one a wider
    noun for the other ("workers" for "miners", "people" for "passengers"); two nouns
    under one wider ("miners", "dockers") are two groups, and a group named by a
    narrower noun is compared with a wider one's only as the same, never as its part."""
    return mine == theirs or _wider_than(mine, theirs) or _wider_than(theirs, mine)


def _tied(
    mine: str | None,
    theirs: str | None,
    my_day: str | None,
    their_day: str | None,
    my_events: frozenset[str],
    their_events: frozenset[str],
) -> bool:
    """Whether two figures of kin classes (one event stated by both) are tied to one group:
    one place ("31 miners ... at the Velka coal mine", "Seventeen workers ... in the Velka
    mine"), or one day and one kind of event ("87 people from a sinking dinghy ... on
    Wednesday")."""
    if mine is not None and mine == theirs:
        return True
    return my_day is not None and my_day == their_day and not my_events.isdisjoint(their_events)


def _wider_than(wide: str, narrow: str) -> bool:
    while narrow in PERSON_KINDS:
        narrow = PERSON_KINDS[narrow]
        if narrow == wide:
            return True
    return False


_CHANGES = frozenset(["down", "up"])
"""A percentage's fall and rise of one named thing are one bucket: a change, signed."""


def clash_between(a: Figure, b: Figure) -> Clash | None:
    """The conflict between two figures, or None when they can both be true."""
    if (a.article_id, a.index) == (b.article_id, b.index) or a.account == b.account:
        return None
    related = relation(a.measure, b.measure)
    if related is None:
        return None
    (a_low, a_high), (b_low, b_high) = interval(a), interval(b)
    if related == "a_part":
        clash = Clash(b, a, part=a) if _below(b_high, a_low) else None
    elif related == "b_part":
        clash = Clash(a, b, part=b) if _below(a_high, b_low) else None
    elif _below(a_high, b_low):
        clash = Clash(a, b)
    elif _below(b_high, a_low):
        clash = Clash(b, a)
    else:
        return None
    return None if clash is None or rounded_conversion(clash) else clash


def kept_apart(a: Figure, b: Figure, classes: Collection[str]) -> Apart | None:
    """Why the rule does not flag two figures of two sentences, from its own reading: a
    figure of a class it does not check (comparable), what keeps the two apart
    (reading), a part no larger than its whole, values its qualifiers let meet; None
    when it flags them (clash_between)."""
    for figure in (a, b):
        if not comparable(figure, classes):
            return Apart("not checked", figure.measure.unit_class)
    found = reading(a.measure, b.measure)
    if isinstance(found, Apart):
        return found
    if clash_between(a, b) is not None:
        return None
    if found == "same":
        return Apart("within")
    return Apart("part within whole", (a if found == "a_part" else b).quantity.text)


def rounded_conversion(clash: Clash) -> bool:
    """Whether two figures written in different units ("115 mph", "185 km/h"; "66 feet",
    "20 metres"; "12,000 acres", "4,900 hectares") meet once each is allowed the rounding
    of a conversion (CONVERSION_ROUNDING, or half its last digit): a converted figure is
    rounded, not a second claim."""
    low, high = clash.low, clash.high
    if low.quantity.what == high.quantity.what or low.measure.unit_class not in _CONVERTED:
        return False
    return not _below(interval(low)[1] + _rounding(low), interval(high)[0] - _rounding(high))


CONVERSION_ROUNDING = 0.03
"""How far a figure converted from another unit may be off by rounding (3%: "30 miles"
for 50 km, "12,000 acres" for 4,900 hectares)."""


_CONVERTED = frozenset(["area", "distance", "speed", "mass"])
"""Classes whose figures are converted by a factor (a temperature has its own
tolerance, TOLERANCES)."""


def _rounding(figure: Figure) -> float:
    """The rounding a figure's conversion allows, in its class's unit: none for a figure
    whose qualifier already allows some ("about 400 square miles")."""
    if figure.quantity.bound != "exact" or figure.quantity.low is not None:
        return 0.0
    found = _DIGITS_WRITTEN.search(figure.quantity.text)
    digits = found.group(0).replace(",", "") if found else ""
    step = 10.0 ** -len(digits.split(".")[1]) if "." in digits else 1.0
    scale = abs(figure.measure.base_value / figure.quantity.value) if figure.quantity.value else 1
    return max(CONVERSION_ROUNDING * abs(figure.measure.base_value), step / 2 * scale)


_DIGITS_WRITTEN = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _below(high: float, low: float) -> bool:
    """high < low, beyond the rounding of unit conversions."""
    return high < low - 1e-9 * max(abs(low), 1.0)


# -- finding the conflicts among many figures -------------------------------------------


class _Ranged(NamedTuple):
    """A figure with its range and the account it is compared as."""

    figure: Figure
    low: float
    high: float
    origin: str
    """The account of its sentence (Figure.account): all the figures of one sentence
    share one (with two analysts' sources for a sentence, the first's), so none conflicts
    with another."""


@dataclass(slots=True)
class _Group:
    """The figures of one scope in a bucket, with the extremes other scopes look for."""

    figures: list[_Ranged]
    lowest_highs: list[_Ranged]
    """The figure with the lowest upper end, for each of the two origins lowest so."""
    highest_lows: list[_Ranged]

    @classmethod
    def of(cls, figures: list[_Ranged]) -> _Group:
        return cls(
            figures,
            _two_origins(sorted(figures, key=lambda item: item.high)),
            _two_origins(sorted(figures, key=lambda item: -item.low)),
        )

    def lowest_high(self, origin: str) -> _Ranged | None:
        return next((item for item in self.lowest_highs if item.origin != origin), None)

    def highest_low(self, origin: str) -> _Ranged | None:
        return next((item for item in self.highest_lows if item.origin != origin), None)


def _two_origins(ordered: Iterable[_Ranged]) -> list[_Ranged]:
    """The first item of each of the first two origins in `ordered`."""
    kept: list[_Ranged] = []
    for item in ordered:
        if all(item.origin != other.origin for other in kept):
            kept.append(item)
            if len(kept) == 2:
                break
    return kept


Scope = tuple[
    str | None,
    str | None,
    str | None,
    str | None,
    frozenset[str],
    frozenset[str],
    str | None,
    str | None,
    str,
    str | None,
    str | None,
]
"""(country, place, part, day, events, names, loose place, event, class, time, basis):
the country, day, events, names, loose place and a change's basis (one said on one side
only may be the other's) must agree and the time be equal (_agree),
the place and part be equal or one a part of the other, the events meet (events_meet),
the classes be kin (one a wider noun for the other: compared only at one spot, never as
part and whole). A measure's reading (a temperature, a magnitude, a score) has its place
loose: where it was read, not a part of it."""


def scope_of(measure: Measure) -> Scope:
    """The figure's scope in its bucket (Scope)."""
    loose = measure.unit_class in MEASURED_CLASSES
    return (
        measure.country,
        None if loose else measure.place,
        measure.part,
        None if measure.unit_class == "clock" else measure.day,
        measure.events,
        measure.names,
        measure.place if loose else None,
        state_key(measure),
        measure.unit_class,
        measure.when,
        measure.per if measure.per in BASES else None,
    )


def find_clashes(figures: Iterable[Figure], classes: Collection[str]) -> list[Clash]:
    """Conflicts among `figures`: every figure that conflicts with another is in at
    least one, with its most distant counterpart of another origin in each scope.

    A sentence's figure counted twice (two analysts recorded the sentence) is one.
    In a bucket, the figures of each event are compared among themselves; then each
    figure with no event against the stated ones whose sentences agree on where
    (share_scope: gathered by place, by two names, by the day of a kind of event); then
    the figures whose sentences share two things (shared_ties), read apart by what one
    side reads and the other does not (_shared_clashes).
    """
    buckets: dict[tuple[object, ...], list[tuple[Scope, _Ranged]]] = defaultdict(list)
    seen: set[tuple[str, int, int, int]] = set()
    origin_of: dict[tuple[str, int], str] = {}
    for figure in figures:
        where = (figure.article_id, figure.index, figure.quantity.start, figure.quantity.end)
        if where in seen or not comparable(figure, classes):
            continue
        seen.add(where)
        origin = origin_of.setdefault((figure.article_id, figure.index), figure.account)
        ranged = _Ranged(figure, *interval(figure), origin)
        buckets[bucket_of(figure.measure)].append((scope_of(figure.measure), ranged))
    found: dict[tuple[int, int], Clash] = {}
    for members in buckets.values():
        _compare_bucket(members, found)
        _shared_clashes(members, found)
    return sorted(
        found.values(),
        key=lambda clash: (
            clash.low.measure.base_value,
            clash.high.measure.base_value,
            clash.low.key,
            clash.high.key,
        ),
    )


Member = tuple[Scope, _Ranged]
"""A figure in a bucket: its scope, and its range and origin."""


def _compare_bucket(members: list[Member], found: dict[tuple[int, int], Clash]) -> None:
    """One bucket's clashes: among figures of one event (each event on its own, so that
    only its own figures' places place a figure by mention), then (events_meet) each
    figure with no event against the stated ones of a place or two names it shares with
    them."""
    by_event: dict[str | None, list[Member]] = defaultdict(list)
    for member in members:
        if member[0][7] is not None or not needs_event(member[1].figure.measure):
            by_event[member[0][7]].append(member)
    for same in by_event.values():
        _scoped_clashes(same, found, across=False)
    for taken in sorted(_TAKEN.intersection(by_event)):
        for reached in sorted(_REACHED.intersection(by_event)):
            _taken_clashes(by_event[taken], by_event[reached], found)
    free = [
        member
        for member in members
        if member[1].figure.measure.across and member[0][2] != "increment"
    ]
    states = {member[0][7] for member in free}
    if len(states) < 2 or NEUTRAL.isdisjoint(states):
        return
    for gathered in (
        *_by_place(free),
        *_by_two_names(free),
        *_by_day_event(free),
        *_by_name_in_time(free),
    ):
        _scoped_clashes(gathered, found, across=True)


def _shared_clashes(members: list[Member], found: dict[tuple[int, int], Clash]) -> None:
    """One bucket's clashes between figures whose sentences share a tie (shared_ties) and
    whose scopes differ by what one side reads only (one_sided): for each tie, its
    figures by scope, each scope against the other scopes' extremes."""
    by_name: dict[tuple[str, str], list[Member]] = defaultdict(list)
    for member in members:
        for tie in shared_ties(member[1].figure.measure):
            by_name[tie].append(member)
    for name in sorted(by_name):
        if len(by_name[name]) < 2:
            continue
        scopes: dict[tuple[Scope, bool, frozenset[str], str | None], list[_Ranged]]
        scopes = defaultdict(list)
        for scope, ranged in by_name[name]:
            measure = ranged.figure.measure
            scopes[(scope, measure.across, _person_names(measure), measure.said)].append(ranged)
        groups = [(key, _Group.of(figures)) for key, figures in scopes.items()]
        for (mine, one), (theirs, other) in combinations_with_replacement(groups, 2):
            if one_sided(
                mine[0], theirs[0], mine[1], theirs[1], mine[2], theirs[2], (mine[3], theirs[3])
            ):
                _same_scope(one, other, found)


def _by_place(free: list[Member]) -> Iterator[list[Member]]:
    """For each place, the figures there with no event against the stated ones there or
    naming it, and the stated ones there against those naming it (placed_together: two
    figures neither of which is placed are not together by a place)."""
    placed: dict[str, list[Member]] = defaultdict(list)
    for member in free:
        place = member[1].figure.measure.place
        if place is not None:
            placed[place].append(member)
    if not placed:
        return
    by_last: dict[str, list[str]] = defaultdict(list)
    for place in placed:
        by_last[place.split()[-1].lower()].append(place)
    naming: dict[str, list[Member]] = defaultdict(list)
    for member in free:
        measure = member[1].figure.measure
        if measure.place is None:
            mentions = measure.mentions
            for last in mentions.intersection(by_last):
                for place in by_last[last]:
                    if _mentioned(place, mentions):
                        naming[place].append(member)
    for place in sorted(placed):
        here = placed[place]
        yield here
        by_state: dict[str | None, list[Member]] = defaultdict(list)
        for member in naming.get(place, ()):
            by_state[member[0][7]].append(member)
        for state, others in by_state.items():  # those naming it of one event never meet
            mates = [m for m in here if _may_meet(m[0][7], state)]
            if mates:
                yield mates + others


def _may_meet(mine: str | None, theirs: str | None) -> bool:
    """Whether figures of two events may meet across them: two events, one neutral."""
    return mine != theirs and (mine in NEUTRAL or theirs in NEUTRAL)


def _by_day_event(free: list[Member]) -> Iterator[list[Member]]:
    """For each day and kind of event, the figures whose sentences give both."""
    by_pair: dict[tuple[str, str], list[Member]] = defaultdict(list)
    for member in free:
        measure = member[1].figure.measure
        if measure.day is not None:
            for event in measure.events:
                by_pair[(measure.day, event)].append(member)
    for pair in sorted(by_pair):
        yield by_pair[pair]


def _by_name_in_time(free: list[Member]) -> Iterator[list[Member]]:
    """For each name, the figures of a time whose sentences give the name (_agree keeps
    the times equal)."""
    by_name: dict[str, list[Member]] = defaultdict(list)
    for member in free:
        if member[0][9] is None:
            continue
        for name in anchors(member[1].figure.measure):
            by_name[name].append(member)
    for name in sorted(by_name):
        if len(by_name[name]) > 1:
            yield by_name[name]


def _by_two_names(free: list[Member]) -> Iterator[list[Member]]:
    """For each two names, the figures whose sentences give both."""
    names_of: dict[str | None, set[str]] = defaultdict(set)
    for member in free:
        names_of[member[0][7]].update(anchors(member[1].figure.measure))
    usable = {
        name
        for state, names in names_of.items()
        for other, theirs in names_of.items()
        if _may_meet(state, other)
        for name in names & theirs
    }
    if len(usable) < 2:
        return
    by_pair: dict[tuple[str, str], list[Member]] = defaultdict(list)
    for member in free:
        shared = sorted(anchors(member[1].figure.measure) & usable)
        for pair in combinations(shared, 2):
            by_pair[pair].append(member)
    for pair in sorted(by_pair):
        yield by_pair[pair]


def _taken_clashes(
    taken: list[Member], reached: list[Member], found: dict[tuple[int, int], Clash]
) -> None:
    """Records taken larger than the records reached they are a part of (_taken_within):
    the taken read as of the reached event, placed by mention as the others are, then
    each taken scope against the reached scopes at its spot or wider."""
    state = reached[0][0][7]
    parts = {id(ranged) for _, ranged in taken}
    members = [((*scope[:7], state, *scope[8:]), ranged) for scope, ranged in taken]
    scopes = _placed_scopes([member for member in members + reached if member[0][2] != "increment"])
    wholes = {
        scope: _Group.of(reaching)
        for scope, figures in scopes.items()
        if (reaching := [ranged for ranged in figures if id(ranged) not in parts])
    }
    parts_of: dict[Scope, list[_Ranged]] = defaultdict(list)
    for scope, figures in scopes.items():
        if not (part := [ranged for ranged in figures if id(ranged) in parts]):
            continue
        dated = scope[8] in CASUALTY_CLASSES
        group, spot = _Group.of(part), _spot(scope, dated)
        within = {spot, *_wider(spot, scope[8] in SHARES)}
        for whole, whole_group in wholes.items():
            there = _spot(whole, dated)
            if (
                there in within
                and (there == spot or whole[8] == scope[8])
                and _agree(scope, whole, across=False)
            ):
                _larger_than_whole(group, whole_group, found)
                parts_of[whole] += group.highest_lows
    _wholes_below_parts(wholes, parts_of, found)


def _scoped_clashes(
    members: list[tuple[Scope, _Ranged]], found: dict[tuple[int, int], Clash], across: bool
) -> None:
    """Clashes among figures of a bucket by scope (`across`: only a figure with no
    event against a stated one)."""
    _bucket_clashes(_placed_scopes(members), found, across)


def _placed_scopes(members: list[tuple[Scope, _Ranged]]) -> dict[Scope, list[_Ranged]]:
    """Figures by scope, each figure with no place also at each place of the others its
    sentence names (_placed_by_mention)."""
    scopes: dict[Scope, list[_Ranged]] = defaultdict(list)
    unplaced: list[tuple[Scope, _Ranged]] = []
    for scope, ranged in members:
        scopes[scope].append(ranged)
        measure = ranged.figure.measure
        unit_class = measure.unit_class
        if measure.place is None and unit_class not in MEASURED_CLASSES and measure.mentions:
            unplaced.append((scope, ranged))
    _placed_by_mention(scopes, unplaced)
    return scopes


def _placed_by_mention(
    scopes: dict[Scope, list[_Ranged]], unplaced: Iterable[tuple[Scope, _Ranged]]
) -> None:
    """Each figure without a place whose sentence names a place that other figures of
    the bucket are in ("Venmark received 5,630" and "filed in Venmark") is also one of
    that place's figures: compared with them as the same scope, not as their whole."""
    places: dict[str, list[str]] = defaultdict(list)
    for scope in scopes:
        place = scope[1]
        if place is not None and place not in places.get(place.split()[-1].lower(), ()):
            places[place.split()[-1].lower()].append(place)
    if not places:
        return
    for scope, ranged in unplaced:
        mentions = ranged.figure.measure.mentions
        for mention in mentions.intersection(places):
            for place in places[mention]:
                if _mentioned(place, mentions):
                    scopes[(scope[0], place, *scope[2:])].append(ranged)


def _bucket_clashes(
    scopes: dict[Scope, list[_Ranged]], found: dict[tuple[int, int], Clash], across: bool
) -> None:
    """Clashes among one bucket's figures: within each scope and between scopes of the
    same spot, and between each part and the wholes it is a part of (`across`: only a
    scope with no event against a stated one, else scopes of one event).

    A whole is looked at once for all its parts (against their pooled extremes): a
    bucket of many places each makes one pass over the whole, not one per place.
    """
    groups = {scope: _Group.of(figures) for scope, figures in scopes.items()}
    if not groups:
        return
    order = {scope: number for number, scope in enumerate(groups)}
    if across:  # of one place and part only (relation)
        by_place: dict[tuple[str | None, str | None, str | None], list[Scope]]
        by_place = defaultdict(list)
        for scope in groups:
            by_place[(scope[1], scope[2], scope[9])].append(scope)
        for scope, group in groups.items():
            for other in by_place[(scope[1], scope[2], scope[9])]:
                if order[other] > order[scope] and _agree(scope, other, across):
                    _same_scope(group, groups[other], found)
        return
    unit_class = next(iter(groups.values())).figures[0].figure.measure.unit_class
    dated, shares = unit_class in CASUALTY_CLASSES, unit_class in SHARES
    by_spot: dict[Spot, list[Scope]] = defaultdict(list)
    for scope in groups:
        by_spot[_spot(scope, dated)].append(scope)
    parts_of: dict[Scope, list[_Ranged]] = defaultdict(list)
    for scope, group in groups.items():
        spot = _spot(scope, dated)
        if spot[1] == "increment":
            if scope[3] is not None:  # a day's additions, against the same day's
                for other in by_spot[spot]:
                    if (
                        order[other] >= order[scope]
                        and other[3] == scope[3]
                        and _agree(scope, other, across)
                    ):
                        _same_scope(group, groups[other], found)
                if spot[0] is not None:  # a place's, a part of the day's placed nowhere
                    for other in by_spot.get((None, *spot[1:]), ()):
                        if other[3] == scope[3] and _agree(scope, other, across):
                            _larger_than_whole(group, groups[other], found)
                            parts_of[other] += group.highest_lows
            continue
        for other in by_spot[spot]:
            if order[other] >= order[scope] and _agree(scope, other, across):
                _same_scope(group, groups[other], found)
        for wider in _wider(spot, shares):
            for other in by_spot.get(wider, ()):
                if (
                    other[2] != "increment"
                    and other[8] == scope[8]
                    and _agree(scope, other, across)
                ):
                    _larger_than_whole(group, groups[other], found)
                    parts_of[other] += group.highest_lows
    _wholes_below_parts(groups, parts_of, found)


def _wholes_below_parts(
    groups: dict[Scope, _Group],
    parts_of: dict[Scope, list[_Ranged]],
    found: dict[tuple[int, int], Clash],
) -> None:
    """Each whole's figures below the largest of its parts (of another origin), so that
    every whole a part outnumbers is in a clash, not only the whole's extreme."""
    for whole, candidates in parts_of.items():
        largest = _two_origins(sorted(candidates, key=lambda item: -item.low))
        for item in groups[whole].figures:
            above = next((other for other in largest if other.origin != item.origin), None)
            if above is not None and _below(item.high, above.low):
                _add(found, Clash(item.figure, above.figure, part=above.figure))


Spot = tuple[str | None, str | None, str | None, str | None]
"""A scope's place, part and day as a part (day_part): equal spots are compared as the
same; a spot with fewer of them is a whole of one with more."""


def _spot(scope: Scope, dated: bool) -> Spot:
    """The scope's place, part and (`dated`: a toll's bucket) day as a part (day_part),
    and its time (never widened: two times are two counts)."""
    day = scope[3]
    dated_day = day if dated and day and not day.startswith("after ") else None
    return (scope[1], scope[2], dated_day, scope[9])


def _wider(spot: Spot, shares: bool) -> Iterator[Spot]:
    """Every spot a figure of `spot` is a part of: some of its place, part and day left
    out (not all of the whole's need be); of a share (`shares`), its place kept."""
    place, part, day, when = spot
    if shares:
        return
    for wider in dict.fromkeys(product((place, None), (part, None), (day, None), (when,))):
        if wider != spot:
            yield wider


def _agree(mine: Scope, theirs: Scope, across: bool) -> bool:
    """Countries that do not differ, and nothing saying two events (_two_events); one
    event, or (`across`) one stated and the other none."""
    if across:  # one event stated, the other none, of one part (events_meet)
        if not _may_meet(mine[7], theirs[7]) or mine[2] != theirs[2]:
            return False
    elif mine[7] != theirs[7]:
        return False
    if mine[9] != theirs[9] or not _loose(mine[10], theirs[10]):
        return False
    if mine[0] is not None and theirs[0] is not None and mine[0] != theirs[0]:
        return False
    if mine[8] != theirs[8] and (
        across
        or not kin(mine[8], theirs[8])
        or not _tied(mine[1], theirs[1], mine[3], theirs[3], mine[4], theirs[4])
    ):
        return False
    if days_differ(mine[3], theirs[3]):
        return False
    if mine[4] and theirs[4] and mine[4].isdisjoint(theirs[4]):
        return False
    if mine[5] and theirs[5] and mine[5].isdisjoint(theirs[5]):
        return False
    return _loose(mine[6], theirs[6])


def _loose(mine: str | None, theirs: str | None) -> bool:
    return mine is None or theirs is None or mine == theirs


def _add(found: dict[tuple[int, int], Clash], clash: Clash) -> None:
    if not rounded_conversion(clash):
        found.setdefault((id(clash.low), id(clash.high)), clash)


def _same_scope(one: _Group, other: _Group, found: dict[tuple[int, int], Clash]) -> None:
    """Figures of two scopes that measure the same: each against the other's extremes."""
    for mine, theirs in ((one, other), (other, one)) if one is not other else ((one, one),):
        for item in mine.figures:
            below = theirs.lowest_high(item.origin)
            if below is not None and _below(below.high, item.low):
                _add(found, Clash(below.figure, item.figure))
            above = theirs.highest_low(item.origin)
            if above is not None and _below(item.high, above.low):
                _add(found, Clash(item.figure, above.figure))


def _larger_than_whole(part: _Group, whole: _Group, found: dict[tuple[int, int], Clash]) -> None:
    """A part's figures larger than its whole allows (each against the whole's extreme)."""
    for item in part.figures:
        below = whole.lowest_high(item.origin)
        if below is not None and _below(below.high, item.low):
            _add(found, Clash(below.figure, item.figure, part=item.figure))


# -- saying why -------------------------------------------------------------------------

STATE_WORDS = {
    "sent": "sent",
    "planned": "planned",
    "strength": "the size of the force",
    "captured": "captured",
    "held": "held",
    "lost": "lost",
    "displaced": "displaced",
    "protesting": "at the protest",
    "detained": "detained",
    "killed": "killed",
    "forecast": "forecast, not counted yet",
    "wounded": "wounded",
    "casualties": "killed or wounded",
    "travelled": "travelled",
    "away": "the distance away",
    "range": "the range",
    "extent": "the extent",
    "moving": "the speed",
    "wind": "the wind's speed",
    "gust": "the gusts' speed",
    "burned": "burned",
    "margin": "the margin",
    "hospitalised": "in hospital",
    "score": "the match's score",
    "aggregate": "the aggregate score",
    "magnitude": "the quake's magnitude",
    "age": "the age",
    "for": "votes for",
    "against": "votes against",
    "lasted": "how long it lasted",
    "high": "the high",
    "low": "the low",
    "sentence": "the prison term",
    "delay": "the delay",
    "ban": "the ban",
    "capacity": "the capacity",
    "rank": "the place",
    "fallen": "the rain or snow that fell",
    "clock": "the time",
    "rise": "the rise",
}
PER_WORDS = {
    "each": "each",
    "day": "a day",
    "week": "a week",
    "month": "a month",
    "year": "a year",
    **{basis: basis for basis in BASES},
}
UNIT_NAMES = {
    "area": "km²",
    "distance": "km",
    "speed": "km/h",
    "temperature": "°C",
    "mass": "tonnes",
}
BASE_UNITS = frozenset(["square km", "km", "km/h", "celsius", "tonnes"])
"""The `what` each class is compared in: a figure written in it needs no conversion."""
_SMALL_UNITS = {"km": "metres", "tonnes": "kilograms"}
"""The unit a figure under one of its class's unit is shown in (_conversion), a
thousandth of it: a wave's height in metres, a crocodile's weight in kilograms."""


def figure_phrase(figure: Figure) -> str:
    """'at least 10,000 troops', '1.2 million personnel', '12,000 troops' (a bare number
    takes its class's name), with the number as written, as it reads inside a sentence
    ("tens of thousands of people", not "vs Tens of thousands": qa14 Q7)."""
    return _mid_sentence(_figure_phrase(figure))


def _figure_phrase(figure: Figure) -> str:
    quantity, measure = figure.quantity, figure.measure
    if quantity.vague or quantity.what in ("date", "year", "clock", "percent", "rank"):
        return quantity.text
    number = written_number(quantity)
    qualifier = _written_qualifier(quantity)
    if quantity.what == "money":
        return " ".join(filter(None, [qualifier, number]))
    noun = unit_noun(figure) or measure.unit_class
    if noun[:1] == "-":  # "30-foot": a unit joined to its number
        return " ".join(filter(None, [qualifier, f"{number}{noun}"]))
    return " ".join(filter(None, [qualifier, number, noun]))


def unit_noun(figure: Figure) -> str | None:
    """The noun the figure's sentence counts or measures it in ("soldiers", "miles"); a
    speed's unit as a whole ("80 km/h", where "80 kilometres per hour" read "80 hour")."""
    noun = figure.measure.noun
    if noun in _PER_TIME and figure.measure.unit_class == "speed":
        return str(figure.quantity.what)
    return noun


_PER_TIME = frozenset(["hour", "second", "minute"])


def written_number(quantity: Quantity) -> str:
    """The number as the sentence writes it ('1.2 million', '$400 million', '12,000',
    'Twelve', 'tens of thousands')."""
    if quantity.what == "score":
        return quantity.text
    if quantity.what == "clock":  # "11:05 am", not "11" (rv6 R8)
        clock = _CLOCK.search(quantity.text)
        if clock:
            return clock.group(0)
    found = _NUMBER.search(quantity.text)
    if found:
        return f"-{found.group(0)}" if quantity.value < 0 else found.group(0)
    in_words = number_in_words_end(quantity.text)
    if in_words:
        words = quantity.text[:in_words].split()
        if quantity.vague:
            return " ".join(words[:-1] if words[-1].lower() == "of" else words)
        qualifier = (quantity.qualifier or "").split()
        written = [word.lower() for word in words[: len(qualifier)]]
        return " ".join(words[len(qualifier) :] if written == qualifier else words)
    return format_value(quantity.value)


def _written_qualifier(quantity: Quantity) -> str | None:
    """The qualifier as it reads before the number (a vague number is its own)."""
    return None if quantity.vague else quantity.qualifier


_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d{2})?(?:\s?(?:a\.?m\.?|p\.?m\.?|GMT|UTC|h\b))?", re.I)
"""A time of day as written: its minutes and am/pm kept."""
_NUMBER = re.compile(
    r"[$€£¥]?(?:\d{1,3}(?:[ \u00a0\u202f\u2009’']\d{3})+(?![\d,.])|\d[\d,.]*)"
    r"(?:\s?(?:thousand|million|billion|trillion|bn)\b|(?<=\d)[mk]\b)?"
)
"""A number as written, its thousands split by a comma, a space or an apostrophe ("11 000":
qa6 Q3, the reason said "11 troops" of a figure read as 11,000; "12’000", Q16)."""


Reason = tuple[str, ...]
"""Why two figures conflict, in parts: each figure as said with who gives it ('8,000
soldiers (Ukraine)'), then what makes them conflict; () for no reason. `said` joins
them. Equal parts are one string (Phrases): a figure in many pairs says itself once."""


def said(reason: Reason) -> str:
    """A reason in one line, as explain() says it ('' for none)."""
    return f"{reason[0]} vs {reason[1]}: {reason[2]}" if reason else ""


class Phrases:
    """The parts reasons made together share (explain_parts): each figure's phrase with
    its name once, each distinct rest once. The open summary screen kept one string of
    about 200 two-byte characters per conflicting pair (8,760 at 100,000 annotations,
    4 MB), most of it the two figures' phrases every pair of theirs repeated."""

    def __init__(self) -> None:
        self._named: dict[int, tuple[Figure, str]] = {}
        """id(figure) -> (the figure, kept so its id names it, its phrase and name)."""
        self._rests: dict[str, str] = {}

    def named(self, figure: Figure, name: Callable[[Figure], str]) -> str:
        found = self._named.get(id(figure))
        if found is None or found[0] is not figure:
            found = self._named[id(figure)] = (figure, f"{figure_phrase(figure)} ({name(figure)})")
        return found[1]

    def rest(self, text: str) -> str:
        return self._rests.setdefault(text, text)


def explain(clash: Clash, name: Callable[[Figure], str]) -> str:
    """Why two figures conflict, in one line:
    '8,000 soldiers (Ukraine) vs 10,000 troops (NATO): both sent to Kursk, no qualifier
    allows both'. `name` says who gives a figure (a source, or an article's title)."""
    return said(explain_parts(clash, name))


def explain_parts(
    clash: Clash, name: Callable[[Figure], str], phrases: Phrases | None = None
) -> Reason:
    """explain() in its parts (Reason), those equal to others made with the same
    `phrases` shared with them."""
    shared = phrases or Phrases()
    low, high = clash.low, clash.high
    rest = _why_rest(clash)
    if (
        low.origin == high.origin
        and low.article_id != high.article_id
        and (low.source or "").lower() not in SOURCE_PRONOUNS
    ):
        rest = f"{rest}; {ONE_SOURCE_BOTH}"  # "he" in two articles: two people, likely
    return (shared.named(low, name), shared.named(high, name), shared.rest(rest))


ONE_SOURCE_BOTH = "one source gave both, in two articles"
"""What a reason adds when one source gives both figures (figure_account): the analyst
checks for a misquote, a correction or an update the reports do not say. Not said of a
pronoun typed as the source ("He"): in two articles it is most likely two people."""


def _why_rest(clash: Clash) -> str:
    """What explain() says after the two figures."""
    low, high = clash.low, clash.high
    if clash.part is not None:
        return _part_of(clash.part, low if clash.part is high else high)
    if None in (low.measure.state, high.measure.state) and low.measure.state != (
        high.measure.state
    ):  # one says no event: what the other says happened, where
        stated, bare = (low, high) if low.measure.state is not None else (high, low)
        event = _event_words(stated.measure, bare.measure)
        if event.endswith(")"):  # "(2029; the other says no event)", not ") ("
            return f"{event[:-1]}; the other says no event), {_apart(low, high)}"
        return f"{event} (the other says no event), {_apart(low, high)}"
    if low.measure.state != high.measure.state:  # a fall against a rise
        return f"{_state_words(low.measure)} against {_state_words(high.measure)}"
    return f"both {_event_words(low.measure, high.measure)}, {_apart(low, high)}"


def _part_of(part: Figure, whole: Figure) -> str:
    """A part larger than its whole as a person writes it, with the numbers: "11,000
    soldiers sent to Kursk are more than the 8,000 sent to Russia they are part of", and
    for a whole with no place "in all" ("10,000 sent are more than the 20 sent in all"),
    where the reason read "the part (sent) outnumbers the whole (all sent)" (qa6 Q14).
    The part is said with what makes it one and its noun, the verb agreeing with it
    ("1.4 million patient records copied are", not "1.4 million patient copied is"); the
    whole's qualifier reads after "the" ("the roughly 1.2 million", not "the about":
    qa14 Q7)."""
    whole_words = _event_words(whole.measure, part.measure, part=False)
    plural = _counted(part) and part.measure.base_value != 1
    said = (
        f"{_part_subject(part, whole)} {'are' if plural else 'is'} more than the "
        f"{_whole_named(whole)}"
    )
    if whole_words.startswith("all "):
        return f"{said} {_as_noun(whole_words[4:])} in all"
    return f"{said} {_as_noun(whole_words)} {'they are' if plural else 'it is'} part of"


def _part_subject(part: Figure, whole: Figure) -> str:
    """The part as the subject of its sentence: its number, what makes it a part and
    its noun, then its event ("some 7,500 Dravian troops at the border", "about 800 of
    Kell's residents displaced", "$85 million train deal")."""
    measure = part.measure
    modifier = measure.part if measure.part not in (None, "increment", whole.measure.part) else None
    noun = _subject_noun(part)
    if modifier is not None:
        modifier = _as_in(part.quantity.text, modifier)
        if modifier.lower() == (noun or "").lower():
            modifier = None
    event = _event_words(measure, whole.measure, part=True)
    if (noun or "").lower() in BODY_NOUNS:  # "38 bodies found", not "38 bodies killed"
        event = " ".join(["found", *event.split(" ")[1:]])
    if measure.unit_class.startswith("money") or event.startswith(("the ", "a ", "an ")):
        # a thing named by a noun ("a deal", "the speed"): the modifier and the noun
        # read before it ("$85 million train deal", "190 km/h train speed in Velna")
        if modifier is not None and _as_noun(event).split(" ")[0] == modifier.lower():
            modifier = None  # "$425 million aid", not "aid aid"
        named = [_as_written(part), noun, modifier, _as_noun(event)]
        return _mid_sentence(" ".join(filter(None, named)))
    if modifier is not None and modifier.endswith("'s"):  # "about 800 of Kell's residents"
        named = [_as_written(part), "of", modifier, noun, event]
    elif modifier is not None and not _counted(part):  # "212 kilometres of link planned"
        named = [_as_written(part), noun, "of", modifier, event]
    else:
        named = [_as_written(part), modifier, noun, event]
    return _mid_sentence(" ".join(filter(None, named)))


def _subject_noun(figure: Figure) -> str | None:
    """The noun a figure counts or is measured in, as written ("soldiers", "kilometres"),
    when it names what is counted ("19 civilians dead" counts civilians, not "dead")."""
    noun = unit_noun(figure)
    if noun is None or noun[:1] == "-" or noun in _STATE_NOUNS:
        return None
    if figure.measure.unit_class.startswith("money"):
        return None
    return noun


_STATE_NOUNS = frozenset(["dead", "injured", "wounded", "killed", "missing", "hurt", "homeless"])
"""Words read as a figure's noun that say its event, not what it counts."""


def _whole_named(whole: Figure) -> str:
    """The whole's number after "the", its qualifier as it reads there ("the roughly 1.2
    million", "the estimated 3,000", "the nearly 200"), with its unit when it is no count
    ("the roughly 90 miles")."""
    quantity = whole.quantity
    qualifier = _written_qualifier(quantity)
    if qualifier is not None:
        qualifier = _AFTER_THE.get(qualifier, qualifier)
    named = [qualifier, _mid_sentence(written_number(quantity))]
    if not _counted(whole) and not whole.measure.unit_class.startswith("money"):
        named.append(_subject_noun(whole))
    return " ".join(filter(None, named))


_AFTER_THE = {
    "about": "roughly",
    "around": "roughly",
    "some": "roughly",
    "approximately": "roughly",
    "an estimated": "estimated",
    "a maximum of": "at most",
    "a minimum of": "at least",
}
"""A qualifier that cannot follow "the" ("the about 1.2 million"), as it reads there."""


def _counted(figure: Figure) -> bool:
    """Whether the figure counts things one by one (troops, people, records), so that
    its noun is plural: not a sum of money, a measure (km, km/h) or a share."""
    unit_class = figure.measure.unit_class
    return not (
        unit_class.startswith("money")
        or unit_class in UNIT_NAMES
        or unit_class in MEASURED_CLASSES
        or unit_class in ("percent", "percentage points")
    )


def _as_noun(event: str) -> str:
    """Event words as they read after a number ("a deal" -> "deal", "the speed in Velna"
    -> "speed in Velna")."""
    for article in ("the ", "a ", "an "):
        if event.startswith(article):
            return event[len(article) :]
    return event


def _as_in(text: str, word: str) -> str:
    """`word` as `text` writes it ("dravian" -> "Dravian"), else as given."""
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I)
    return found.group(0) if found else word


def _mid_sentence(text: str) -> str:
    """A number as written at the start of its sentence, as it reads inside another
    ("Three dozen" -> "three dozen", "Tens of thousands" -> "tens of thousands"); a name
    or an abbreviation keeps its capitals."""
    first, _, rest = text.partition(" ")
    head = first.split("-")[0]
    if head[:1].isupper() and head[1:].islower() and head.lower() in _NUMBER_WORDS:
        return " ".join(filter(None, [first.lower(), rest]))
    return text


_NUMBER_WORDS = frozenset(SPELLED_NUMBERS) | frozenset(
    ["a", "an", "tens", "hundreds", "thousands", "millions", "dozens", "scores", "half",
     "one", "no", "fewer", "more", "roughly", "about", "around", "some", "nearly",
     "almost", "just", "over", "under", "up", "at", "between", "approximately", "well",
     "upwards", "exceeding", "less", "as", "estimated", "not"]
)  # fmt: skip
"""First words of a number as written (a number, a qualifier, "a dozen")."""


def _as_written(figure: Figure) -> str:
    """The figure's number with its qualifier, as the sentence writes them."""
    quantity = figure.quantity
    return " ".join(filter(None, [_written_qualifier(quantity), written_number(quantity)]))


def _state_words(measure: Measure) -> str:
    """The event in words: 'sent', 'killed or wounded', 'destroyed', 'a fine', 'a fall in
    trade'."""
    state = measure.state
    if state is None:
        return f"counting {measure.unit_class}"
    if measure.unit_class in ("percent", "percentage points"):
        if state in ("down", "up"):
            return f"a {'fall' if state == 'down' else 'rise'} in {measure.part or 'the share'}"
        planned, _, _ = state.rpartition(" ")  # "forecast level"
        return " ".join(filter(None, [planned, _share_of(measure.part)]))
    if measure.unit_class.startswith("money"):
        planned, _, kind = state.rpartition(" ")
        return " ".join(filter(None, [planned, MONEY_WORDS.get(kind, kind)]))
    if state[:3] == "of ":  # a measure's noun ("of wave")
        noun = state[3:]
        return f"the {noun}" if noun in _SIZE_NOUNS else f"the size of the {noun}"
    if state.startswith("planned "):  # "planned to be cut", not "planned cut"
        return f"planned to be {STATE_WORDS.get(state[8:], state[8:])}"
    return STATE_WORDS.get(state, state)


_SIZE_NOUNS = frozenset(["depth", "height", "length", "width", "size", "area", "distance"])
"""A measure's noun that is a size itself: "the depth", not "the size of the depth"."""


def _share_of(subject: str | None) -> str:
    """A percentage's subject as a noun phrase after "both" (qa14 Q7: "both vote dresk",
    "both homes in Tessendal"): "the vote for Dresk", "the unemployment rate", "the
    turnout", "the share of homes"."""
    if subject is None:
        return "the share"
    if subject.startswith("vote "):
        return f"the vote for {subject[5:].title()}"
    if subject in _RATES:
        return f"the {subject}" if subject == "turnout" else f"the {subject} rate"
    return f"the share of {subject}"


_RATES = frozenset(["unemployment", "inflation", "interest", "fatality", "turnout", "growth",
                    "mortality", "vacancy", "poverty", "literacy", "participation"])  # fmt: skip
"""Percentages said as a rate ("the unemployment rate"), not as a share of something."""


MONEY_WORDS = {"fine": "a fine", "shortfall": "a shortfall", "budget": "a budget",
               "loan": "a loan", "debt": "a debt", "ransom": "a ransom",
               "settlement": "a settlement", "loss": "a loss", "price": "a price",
               "cost": "a cost", "reward": "a reward", "deal": "a deal",
               "remaining": "what remains", "profit": "the profit", "revenue": "the revenue",
               "damage": "the damage", "pay": "the pay"}  # fmt: skip
"""How a kind of money reads after "both" ("both a fine", "both stolen")."""


def _event_words(mine: Measure, other: Measure, part: bool | None = None) -> str:
    """'sent to Kursk', 'killed in Kharkiv a day (August)', 'killed or wounded'.

    For the part of a part/whole conflict, its own place and day (what makes it a part
    the subject says: _part_subject); for the whole, "all" when it has no place.
    """
    state = _state_words(mine)
    words = []
    if part is False and not (mine.place or mine.country):
        words.append("all")
    where = mine.place or mine.country if part is not None else _where_shared(mine, other)
    if not (where in ("front", "border") and mine.state == "sent"):
        words.append(state)
    if where:
        words.append(_where_words(where, mine.state))
    if part and (day := day_part(mine)) is not None and day_part(other) is None:
        words.append(f"on {day.capitalize()}")  # a day's toll, of a running one
    if mine.per:
        words.append(PER_WORDS.get(mine.per, f"per {mine.per}"))
    if mine.when and part is None:
        words.append(f"({_when_words(mine.when)})")
    return " ".join(words)


def _where_shared(a: Measure, b: Measure) -> str | None:
    return a.place or b.place or a.country or b.country


def _where_words(where: str, state: str | None) -> str:
    if where in ("front", "border"):
        return f"at the {where}"
    if state == "sent":
        return f"to {where}"
    if state == "planned":
        return f"for {where}"
    return f"in {where}"


def _when_words(when: str) -> str:
    return " ".join(
        word.capitalize() if _is_month(word) or word in WEEKDAYS else word
        for word in when.split(" ")
    )


def _is_month(word: str) -> bool:
    return word.strip(",") in _MONTH_NAMES


_MONTH_NAMES = frozenset(MONTH_NAMES)


def _apart(low: Figure, high: Figure) -> str:
    """Why the two ranges do not meet, in terms of the qualifiers as written."""
    low_q, high_q = _written_qualifier(low.quantity), _written_qualifier(high.quantity)
    low_text, high_text = _compared(low, high), _compared(high, low)
    converted = _conversion(low, high)
    if not low_q and not high_q:
        return "no qualifier allows both" + converted
    if low_q and not high_q:
        return f"{high_text} is more than {low_text} allows" + converted
    if high_q and not low_q:
        return f"{low_text} is less than {high_text} allows" + converted
    return f"{low_text} and {high_text} do not overlap" + converted


def _compared(figure: Figure, other: Figure) -> str:
    """The figure as _apart() compares it: its number as written, with its unit when the
    other is written in another ("11 months is less than nearly three years allows", "27
    percent is more than about a fifth allows", where both read without: qa14 Q7)."""
    written_apart = figure.quantity.what != other.quantity.what or unit_noun(figure) != (
        unit_noun(other)
    )
    if not _counted(figure) and (written_apart or figure.quantity.what == "percent"):
        return figure_phrase(figure)  # a share as written: "about a fifth"
    return _mid_sentence(_as_written(figure))


def _conversion(low: Figure, high: Figure) -> str:
    """' (400 square miles ≈ 1,036 km²)' when the two are written in different units."""
    if low.quantity.what == high.quantity.what:
        return ""
    unit = UNIT_NAMES.get(low.measure.unit_class)
    if unit is None:
        return ""
    small = (
        _SMALL_UNITS.get(unit) if max(low.measure.base_value, high.measure.base_value) < 1 else None
    )
    shown = [
        f"{_number_and_noun(f)} ≈ "
        + (
            _amount(round(f.measure.base_value * 1000), small)
            if small  # a wave's height, a weight: in metres or kilograms, not "≈ 0 km"
            else _amount(round(f.measure.base_value), unit)
        )
        for f in (low, high)
        if f.quantity.what != small and (small or f.quantity.what not in BASE_UNITS)
    ]
    return f" ({'; '.join(shown)})" if shown else ""


def _amount(value: float, unit: str) -> str:
    """'1,036 km²', '1 tonne' (not '1 tonnes')."""
    if value == 1 and unit in ("tonnes", "metres", "kilograms"):
        unit = unit[:-1]
    return f"{format_value(value)} {unit}"


def _number_and_noun(figure: Figure) -> str:
    """'4 metres', '30-foot' (a unit joined to its number stays joined)."""
    noun = unit_noun(figure) or str(figure.quantity.what)
    return f"{written_number(figure.quantity)}{'' if noun[:1] == '-' else ' '}{noun}"


def figures_in(clashes: Sequence[Clash]) -> list[Figure]:
    """Every figure of `clashes`, once, in order of value."""
    unique = {id(f): f for clash in clashes for f in clash.figures}
    return sorted(unique.values(), key=_value_order)


def _value_order(figure: Figure) -> tuple[float, str, int, int]:
    return (figure.measure.base_value, figure.article_id, figure.index, figure.quantity.start)
