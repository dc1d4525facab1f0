"""A conflict as a reader takes it in: every pair of its figures that conflicts, under
one heading per thing measured.

For speed at 100,000 annotations the ledger pairs each figure only with its most
distant counterparts (find_clashes), and gathers conflicts by topic (what + who). A
reader takes the pairs listed for all of them: "9,000 (Kyiv) vs 12,000 (Officials)"
left out reads as "these agree" (qa5 Q4). And a topic without a nationality
("troops") can hold separate disputes, Serbian and Cuban troops under one heading whose
values read as four figures of one thing (Q13). So a conflict of at most
EVERY_PAIR_UP_TO figures lists every pair that conflicts (clash_between, the rule
find_clashes applies), and a conflict is cut into the parts its pairs connect, each
named by the words its figures share.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from workbench.core.analysis.figures.conflicts import (
    STATE_WORDS,
    Figure,
    clash_between,
    explain_parts,
)
from workbench.core.analysis.ledger.dismissals import pair_of
from workbench.core.analysis.summary.figure_words import time_words
from workbench.core.analysis.summary.model import ConflictPair, FigureConflict

EVERY_PAIR_UP_TO = 30
"""Figures of a conflict up to which every pair is compared (435 pairs): beyond, the
pairs listed are each figure's most distant counterparts, and the report says so."""


@dataclass(frozen=True, slots=True)
class ConflictPart:
    """Figures of a conflict that its pairs connect: one thing measured."""

    label: str | None
    """What tells it from the topic's other parts ("Serbian"); None when it is alone."""
    conflict: FigureConflict
    """Its figures (by value) and pairs, as a conflict of their own."""
    every_pair: bool
    """Every conflicting pair of its figures is listed (else each figure's most distant
    counterparts only)."""
    leads: bool = False
    """The label is what its figures say happened ("missing"): it reads before the topic
    ("missing people"), as "killed" does."""


def conflict_parts(
    conflict: FigureConflict, name: Callable[[Figure], str] | None
) -> list[ConflictPart]:
    """The conflict's parts, in order of their lowest figure. `name` says who gives a
    figure in a reason, as the summary's own reasons do (build.origin_name); None when
    only the parts are wanted (a pair the summary has no reason for gets none)."""
    figures = conflict.figures
    complete = len(figures) <= EVERY_PAIR_UP_TO
    pairs = every_pair(conflict, name) if complete else list(conflict.pairs)
    parts = _connected(len(figures), pairs)
    if len(parts) == 1:
        return [ConflictPart(None, replace(conflict, pairs=tuple(pairs)), complete)]
    part_of = {n: number for number, members in enumerate(parts) for n in members}
    labels = _labels(figures, parts)
    states = [_shared_state([figures[n] for n in members]) for members in parts]
    return [
        ConflictPart(
            label,
            _sub_conflict(conflict, members, pairs, part_of),
            complete,
            leads=label == state and " " not in label,  # "missing people", "troops — held"
        )
        for label, state, members in zip(labels, states, parts, strict=True)
    ]


def _sub_conflict(
    conflict: FigureConflict,
    members: Sequence[int],
    pairs: Sequence[ConflictPair],
    part_of: Mapping[int, int],
) -> FigureConflict:
    """The figures at `members` and their pairs, renumbered, as a conflict."""
    renumbered = {old: new for new, old in enumerate(members)}
    part = part_of[members[0]]
    figures = tuple(conflict.figures[n] for n in members)
    return replace(
        conflict,
        values=tuple(sorted({figure.quantity.value for figure in figures})),
        figures=figures,
        pairs=tuple(
            ConflictPair(renumbered[pair.low], renumbered[pair.high], pair.reason)
            for pair in pairs
            if part_of[pair.low] == part
        ),
    )


def heading(conflict: FigureConflict, part: ConflictPart) -> str:
    """'troops — Serbian', 'missing people', or the topic alone when the conflict is one
    dispute."""
    if not part.label:
        return conflict.topic
    return f"{part.label} {conflict.topic}" if part.leads else f"{conflict.topic} — {part.label}"


def every_pair(
    conflict: FigureConflict, name: Callable[[Figure], str] | None
) -> list[ConflictPair]:
    """Every pair of the conflict's figures that conflicts, lower first, with the
    summary's own reason where it has one."""
    known = {(pair.low, pair.high): pair for pair in conflict.pairs}
    position = {id(figure): n for n, figure in enumerate(conflict.figures)}
    found = dict(known)
    figures = conflict.figures
    for first in range(len(figures)):
        for second in range(first + 1, len(figures)):
            clash = clash_between(figures[first], figures[second])
            if clash is None or pair_of(clash.low, clash.high) in conflict.dismissed:
                continue
            where = (position[id(clash.low)], position[id(clash.high)])
            if where not in found:
                found[where] = ConflictPair(*where, explain_parts(clash, name) if name else ())
    return sorted(found.values(), key=lambda pair: (pair.low, pair.high))


def _connected(count: int, pairs: Sequence[ConflictPair]) -> list[list[int]]:
    """The positions each part holds (figures linked by pairs), lowest first."""
    parent = list(range(count))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for pair in pairs:
        parent[root(pair.high)] = root(pair.low)
    parts: dict[int, list[int]] = {}
    for n in range(count):
        parts.setdefault(root(n), []).append(n)
    return sorted(parts.values(), key=lambda members: members[0])


_NUMBERISH = re.compile(r"\d")
_NUMBER_WORDS = frozenset(["hundred", "thousand", "million", "billion", "of"])


def _labels(figures: Sequence[Figure], parts: Sequence[Sequence[int]]) -> list[str | None]:
    """Each part's words its figures' texts all share beyond the number, its qualifier
    and the topic ("Serbian"), else the place they share, else "part 2 of 3". Two
    headings must not read alike: a label two parts share takes the part's time
    ("Serbian, last year"), its place ("Serbian, in Kursk"), what its figures say
    happened ("missing": "people — part 1 of 2" named neither what was counted, qa10
    Q22), else its number ("Serbian, part 2 of 3")."""
    members_of = [[figures[n] for n in members] for members in parts]
    labels = [_shared_words(members) or _shared_place(members) for members in members_of]
    labels = _told_apart(labels, [_shared_when(members) for members in members_of])
    labels = _told_apart(labels, [_shared_place(members) for members in members_of])
    labels = _told_apart(labels, [_shared_state(members) for members in members_of])
    count = len(parts)
    return list(_told_apart(labels, [f"part {n} of {count}" for n in range(1, count + 1)]))


def _told_apart(labels: list[str], extras: list[str]) -> list[str]:
    """Each label that is empty or that another part shares, with its extra words."""
    counts = Counter(labels)
    return [
        label
        if label and counts[label] == 1
        else ", ".join(filter(None, [label, "" if extra in label else extra]))
        for label, extra in zip(labels, extras, strict=True)
    ]


def _shared_when(figures: Sequence[Figure]) -> str:
    """'last year' when the figures all give that time; else ''."""
    times = {figure.measure.when for figure in figures}
    return time_words(str(times.pop())) if len(times) == 1 and None not in times else ""


def _shared_state(figures: Sequence[Figure]) -> str:
    """'missing', 'displaced' when the figures all say that happened; else ''."""
    states = {figure.measure.state for figure in figures}
    state = states.pop() if len(states) == 1 else None
    if state is None or state[:3] == "of " or state in ("up", "down"):
        return ""  # a rise, the size of a wave: said by the reasons under the heading
    if figures[0].measure.unit_class.startswith(("money", "percent")):
        return ""
    return STATE_WORDS.get(state, state)


def _shared_place(figures: Sequence[Figure]) -> str:
    """'in Kursk' when the figures all give that place (or country); else ''."""
    places = {figure.measure.place or figure.measure.country for figure in figures}
    return f"in {places.pop()}" if len(places) == 1 and None not in places else ""


def _shared_words(figures: Sequence[Figure]) -> str:
    def words(figure: Figure) -> list[str]:
        quantity = figure.quantity
        left_out = {*(quantity.qualifier or "").lower().split(), *quantity.topic.lower().split()}
        return [
            word
            for word in quantity.text.split()
            if not _NUMBERISH.search(word) and word.lower() not in left_out | _NUMBER_WORDS
        ]

    first, *others = [words(figure) for figure in figures]
    return " ".join(word for word in first if all(word in other for other in others))
