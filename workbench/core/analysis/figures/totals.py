"""Where a sentence states a total: the verb of totals right before a bare number.

"The toll has risen to 21", "cases now stand at 1,200": the number is what the clause's
subject counts. A news sentence often says by how much and when between the verb and the
new level ("Homicides rose 14% in 2025 to 1,020", "Asylum applications fell by half in
2024 to 22,000", "Measles cases doubled last year to some 9,000"); the number after "to"
is still the subject's total, so the change and its period are read past. One function,
so that what a number counts (quantities.py) and what happened to it (measures.py) agree
on which verb states it.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.analysis.lexicon import (
    CHANGE_REACH,
    CHANGE_WORDS,
    MULTIPLYING_VERBS,
    TOTAL_VERBS,
)


def verb_past_change(lowers: Sequence[str]) -> int | None:
    """The position in `lowers` (the lower-case words before a number, nearest last) of
    a verb of totals that a change's size or period parts from "to" before the number
    ("rose 14% in 2025 to", "doubled last year to"), or None. The verb right before its
    link ("rose to", "stands at") is read where it is met, as before."""
    if not lowers or lowers[-1] != "to":
        return None
    last = len(lowers) - 2
    verb = last
    while verb >= 0 and last - verb < CHANGE_REACH and lowers[verb] in CHANGE_WORDS:
        verb -= 1
    if verb < 0:
        return None
    word = lowers[verb]
    if word in MULTIPLYING_VERBS or (word in TOTAL_VERBS and verb < last):
        return verb
    return None
