"""Figures a sentence states by arithmetic: a total of two parts, a part of a whole.

"186 passengers and nine crew" are 195 people on board; "80 killed and 400 wounded" are
at least 480 casualties; "a third of Kell's 1,200 residents" are 400 residents; "about 800
of Kell's 1,200 residents" is one figure of 800 residents; "Of 45 drones launched, 40 were
shot down" counts drones. News gives the parts where another report gives the total:
without the arithmetic the two figures are never compared (and "1,200 residents" there is
the whole, not a figure of what happened to them).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from workbench.core.analysis.figures.quantity import Quantity
from workbench.core.analysis.lexicon import NEAR_ABOVE, NEAR_BELOW

SUMS = {
    frozenset(["killed", "wounded"]): ("casualties", None, "lower"),
    frozenset(["passengers", "crew"]): ("people", "aboard", "exact"),
}
"""Two parts joined by "and" -> (what their sum counts, its unit mark, its bound). The
dead and the wounded are at least the casualties (the missing and captured count too);
passengers and crew are everyone on board."""
ABOARD = "aboard"

_JOINED = re.compile(r"(?:\s+[a-z]+)?,?\s+and\s+")
"""Between two parts: "and", after the first part's verb ("80 men killed and 400")."""
_OF_WHOLE = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our)\s+|[A-Z][\w’'-]*(?:'s|’s)\s+)?")
"""Between a part and its whole: "800 of Kell's 1,200 residents", "a third of the 90"."""
_OF_OPENING = re.compile(r"[\"'“‘]?Of\s+(?:the\s+)?$")
"""A sentence opening with its whole: "Of 45 drones launched overnight, 40 were shot
down"."""
_APPROXIMATE = 0.1
"""How far "about" or "some" lets a part go below its figure (conflicts.APPROXIMATE)."""
_NOT_WHOLES = frozenset(["money", "percent", "percentage points", "time", "duration"])


def with_arithmetic(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """`found` (in order) with the parts of a whole counted as it is, a share of a whole
    as the figure it makes, and the sums of two parts added after the others."""
    if " of " in sentence or sentence.lstrip("\"'“‘").startswith("Of "):
        found = _parts_of_wholes(sentence, found)
    if " and " in sentence:
        found = found + _sums(sentence, found)
    return found


def _parts_of_wholes(sentence: str, found: list[Quantity]) -> list[Quantity]:
    result: list[Quantity | None] = list(found)
    for position in range(len(found) - 1):
        part, whole = found[position], found[position + 1]
        if not _OF_WHOLE.fullmatch(sentence, part.end, whole.start) or not _a_whole(whole):
            continue
        if part.what is None and part.value < whole.value:
            # one figure, "800 of Kell's 1,200 residents", read on to the verb after it
            result[position] = replace(
                part, text=sentence[part.start : whole.end], end=whole.end, what=whole.what,
                who=whole.who,
            )  # fmt: skip
            result[position + 1] = None
        elif part.what == "percent":  # "a third of Kell's 1,200 residents": 400
            result[position + 1] = replace(
                whole,
                text=sentence[part.start : whole.end],
                start=part.start,
                value=float(round(part.value * whole.value / 100)),
                qualifier=part.qualifier,
                bound=part.bound,
            )
    kept = [quantity for quantity in result if quantity is not None]
    if kept and _OF_OPENING.match(sentence[: kept[0].start]) and _a_whole(kept[0]):
        first = kept[0]
        for position, later in enumerate(kept[1:], 1):
            if later.what is None and later.value < first.value:
                kept[position] = replace(later, what=first.what, who=first.who)
                break
    return kept


def _a_whole(quantity: Quantity) -> bool:
    """Whether a figure can be a whole of counted things (not money, a share or a unit)."""
    return (
        quantity.what is not None
        and quantity.what not in _NOT_WHOLES
        and quantity.unit is None
        and not quantity.vague
        and quantity.low is None
    )


def _sums(sentence: str, found: list[Quantity]) -> list[Quantity]:
    sums = []
    for first, second in pairwise(found):
        kinds = frozenset([_kind(first) or "", _kind(second) or ""])
        if kinds not in SUMS or not _JOINED.fullmatch(sentence, first.end, second.start):
            continue
        what, unit, bound = SUMS[kinds]
        if bound == "exact" and (first.bound, second.bound) != ("exact", "exact"):
            bound = "approximate"
        sums.append(
            replace(
                first,
                text=sentence[first.start : second.end],
                end=second.end,
                value=_least(first) + _least(second)
                if bound == "lower"
                else first.value + second.value,
                what=what,
                who=first.who if first.who == second.who else None,
                qualifier=None,
                bound=bound,
                unit=unit,
                low=None,
            )
        )
    return sums


def _kind(quantity: Quantity) -> str | None:
    """What a part counts, with crew however written ("nine crew", "9 crew members")."""
    if quantity.text.endswith(("crew", "crew members")):
        return "crew"
    return quantity.what


def _least(quantity: Quantity) -> float:
    """The least a part can be ("some 400": 360; "nearly 400": 360; "up to 400": 0)."""
    if quantity.qualifier in NEAR_BELOW or quantity.bound == "approximate":
        return quantity.value * (1 - _APPROXIMATE)
    if quantity.bound == "upper" and quantity.qualifier not in NEAR_ABOVE:
        return 0.0
    return quantity.value
