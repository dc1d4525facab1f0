"""A figure as a person reads it on a report's or the screen's figure line.

The line is what an analyst copies into a piece, so it must say what the article said:
the words that hedge the number ("at least 10,000 North Korean troops", "about 10,000"),
and what happened when that is not the plain event of its kind ("10,000 North Korean
troops (planned, by December)", "1,200,000 North Korean troops (the size of the force)").
The number itself is written out in full, as in the conflict tables' "figure" column.
"""

from __future__ import annotations

from workbench.core.analysis.figures.conflicts import (
    STATE_WORDS,
    Figure,
    format_value,
    written_number,
)
from workbench.core.analysis.figures.quantity import Quantity
from workbench.core.analysis.lexicon import MONTH_NAMES, WEEKDAY_NAMES

PLAIN_STATES = {"troops": "sent"}
"""A class's state read when its sentence names no other event: not worth saying."""


def figure_words(figure: Figure, verdict: str = "") -> str:
    """'at least 10,000 North Korean troops', 'tens of thousands of people',
    'between 200 and 300 people', '10,000 North Korean troops (planned, by December)';
    with a `verdict` on its claim: '3,000 North Korean troops (refuted by bob)'."""
    quantity = figure.quantity
    thing = _thing(quantity)
    if quantity.vague:
        words = f"{written_number(quantity)} of {thing}"
    else:
        number = format_value(quantity.value)
        words = " ".join(filter(None, [quantity.qualifier, number, thing]))
    notes = "; ".join(filter(None, [state_words(figure), verdict]))
    return f"{words} ({notes})" if notes else words


def _thing(quantity: Quantity) -> str:
    """What the number counts: a sum's currency, a duration's unit ("nearly 3 months",
    "1 week": its topic is the bare "duration"), else the topic."""
    if quantity.what == "money" and quantity.unit:
        return quantity.unit
    if quantity.what == "duration" and quantity.unit:
        return quantity.unit.removesuffix("s") if quantity.value == 1 else quantity.unit
    return quantity.topic


def state_words(figure: Figure) -> str:
    """What happened, when the figure's words do not say it already: 'planned, by
    December', 'captured', 'the size of the force'; '' for troops sent, the dead
    counted as killed, or a figure whose event is not known."""
    measure, what = figure.measure, figure.quantity.what
    state = measure.state
    if state is None or state in (what, measure.unit_class):
        return ""
    if PLAIN_STATES.get(measure.unit_class) == state:
        return ""
    if state == "planned" or state.startswith("planned "):
        deadline = measure.when if measure.when and measure.when.startswith("by ") else None
        return ", ".join(filter(None, [state, deadline and time_words(deadline)]))
    return STATE_WORDS.get(state, state)


_NAMES = frozenset(MONTH_NAMES) | frozenset(WEEKDAY_NAMES)


def time_words(words: str) -> str:
    """A time as read ('by december'), its months and weekdays capitalised."""
    return " ".join(w.capitalize() if w in _NAMES else w for w in words.split(" "))
