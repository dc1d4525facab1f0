"""group_texts() kept exact while claim texts come and go, one text at a time.

group_texts() (grouping.py) is the connected components of a graph: each block gives
the edges between its representatives and the later texts close enough to them, and a
block's edges depend on its members, in text order, alone (block_edges()). What one
text added or removed can reach is therefore:

- the frequencies of its own keys, by one. A text holding such a key chooses other
  keys only when the key is among those it chose, or is now rarer than the last of its
  rarest (or became useful, or is a figure key, always chosen when useful). Only those
  texts choose again; each checks against what it chose, not all its keys;
- the blocks a text joins, leaves or moves in (a text is ordered by its first claim,
  so a claim added before it moves it), whose edges are made again;
- the components of the texts whose edges changed: found again, breadth-first, within
  the components they were in.

A name that becomes common or uncommon (held by more than max_block texts) changes the
bonus of pairs anywhere: then everything is grouped again, as group_texts() would.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter, defaultdict, deque
from collections.abc import Iterable

from workbench.core.analysis.ledger.claim_text import ClaimText
from workbench.core.analysis.ledger.grouping import (
    block_edges,
    common_names,
    key_order,
)
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.annotation import AnnotationKey

Edge = tuple[int, int]
_PASSED_BY_ANY = (float("inf"), "")
"""The rank a text with fewer than keys_per_claim rarest keys is compared with."""
Placed = tuple[AnnotationKey, int]
"""A text in a block: (its first claim's key, its number)."""


class LiveGrouping:
    """The claim texts of a ledger (each with the claims holding it) and their groups.

    Texts are numbered once, in the order met; a component is a set of text numbers
    under a number of its own, never reused, so a caller can tell a changed component
    from one left alone."""

    def __init__(self, settings: LedgerSettings) -> None:
        self.settings = settings
        self.texts: dict[int, ClaimText] = {}
        self.holders: dict[int, list[AnnotationKey]] = {}
        """The keys of the claims holding each text, sorted (empty: the text is gone)."""
        self.component_of: dict[int, int] = {}
        self.components: dict[int, set[int]] = {}
        self._number: dict[ClaimText, int] = {}
        self._live: set[int] = set()
        """The texts counted in the frequencies (those held at the last settle())."""
        self._touched: set[int] = set()
        self._frequency: Counter[str] = Counter()
        self._holding: dict[str, set[int]] = defaultdict(set)
        """Key -> the live texts holding it."""
        self._names: Counter[str] = Counter()
        self._common: set[str] = set()
        self._rarest: dict[int, tuple[str, ...]] = {}
        self._chosen: dict[int, frozenset[str]] = {}
        self._in_rarest: dict[str, set[int]] = defaultdict(set)
        """Key -> the texts holding it among their rarest."""
        self._orders: dict[int, list[tuple[str, str]]] = {}
        self._last: dict[int, tuple[float, str]] = {}
        """Each text's last rarest key, ranked (a key ranked before it would enter)."""
        self._placed: dict[int, AnnotationKey] = {}
        """The first claim under which each text sits in its blocks."""
        self._blocks: dict[str, list[Placed]] = defaultdict(list)
        self._edges: dict[str, list[Edge]] = {}
        self._adjacent: dict[int, Counter[int]] = defaultdict(Counter)
        self._next_component = 0
        self._next_text = 0

    # -- claims come and go ---------------------------------------------------------------

    def add(self, key: AnnotationKey, text: ClaimText) -> None:
        number = self._number.get(text)
        if number is None:
            number = self._number[text] = self._next_text
            self._next_text += 1
            self.texts[number] = text
            self.holders[number] = []
        insort(self.holders[number], key)
        self._touched.add(number)

    def remove(self, key: AnnotationKey, text: ClaimText) -> None:
        number = self._number[text]
        held = self.holders[number]
        del held[bisect_left(held, key)]
        self._touched.add(number)

    def first(self, number: int) -> AnnotationKey:
        return self.holders[number][0]

    def blocked_on(self, number: int) -> frozenset[str]:
        """The keys a text was last put in the blocks of."""
        return self._chosen[number]

    # -- the groups made again ------------------------------------------------------------

    def settle(self) -> tuple[set[int], set[int]]:
        """Bring the components up to date with the claims added and removed since the
        last call; returns the numbers of the components gone and of those made."""
        touched, self._touched = self._touched, set()
        first_time = not self._live
        appeared = {n for n in touched if self.holders[n] and n not in self._live}
        vanished = {n for n in touched if not self.holders[n] and n in self._live}
        for number in touched:
            if not self.holders[number] and number not in self._live:
                self._forget(number)  # came and went between two calls
        changed, common_changed = self._count(appeared, vanished)
        if common_changed or first_time:
            return self._regroup()
        dirty: set[str] = set()
        for number in vanished:
            dirty |= self._unplace(number)
            self._unchoose(number)
        for number in self._choosers(changed) | appeared:
            chosen = self._choose(number)
            if chosen == self._chosen.get(number):
                continue
            placed = number in self._placed
            if placed:
                dirty |= self._unplace(number)
            self._chosen[number] = chosen
            if placed:
                dirty |= self._place(number)
        for number in touched - vanished:
            if self.holders.get(number) and self._placed.get(number) != self.first(number):
                dirty |= self._unplace(number) | self._place(number)
        seeds = touched | self._redo_blocks(dirty)
        found = self._recomponent(seeds)
        for number in vanished:
            self._forget(number)
        return found

    def _count(self, appeared: set[int], vanished: set[int]) -> tuple[dict[str, int], bool]:
        """Count the texts that appeared and vanished; returns each key whose count
        changed with its count before, and whether a name became common or uncommon."""
        before: dict[str, int] = {}
        most = self.settings.max_block
        common_changed = False
        for numbers, step in ((appeared, 1), (vanished, -1)):
            for number in numbers:
                text = self.texts[number]
                for key in text.keys:
                    before.setdefault(key, self._frequency[key])
                    self._frequency[key] += step
                    if step > 0:
                        self._holding[key].add(number)
                    else:
                        self._holding[key].discard(number)
                        if not self._frequency[key]:
                            del self._frequency[key], self._holding[key]
                for name in text.names:
                    count = self._names[name]
                    self._names[name] = count + step
                    if (count > most) != (count + step > most):
                        common_changed = True
                    if not self._names[name]:
                        del self._names[name]
        self._live |= appeared
        self._live -= vanished
        changed = {key: count for key, count in before.items() if self._frequency[key] != count}
        return changed, common_changed

    def _choosers(self, changed: dict[str, int]) -> set[int]:
        """The live texts whose chosen keys a change of these keys' counts can change:
        those for which the key is among the rarest, and those it now passes (it became
        rarer than their last rarest, or useful)."""
        most = self.settings.max_block
        found: set[int] = set()
        frequency, last = self._frequency, self._last
        for key, before in changed.items():
            after = frequency[key]
            useful_before, useful_after = 1 < before <= most, 1 < after <= most
            if not (useful_before or useful_after):
                continue
            holding = self._holding.get(key, ())
            if useful_before and useful_after:
                found |= self._in_rarest.get(key, set())
            elif useful_before:  # no longer useful: out of the blocks of those it was in
                found.update(n for n in holding if key in self._chosen.get(n, ()))
                continue
            elif key.startswith("fig:"):  # a useful figure key is always chosen
                found.update(holding)
                continue
            if after < before or not useful_before:
                rank = (after, key_order(key))
                found.update(n for n in holding if n in last and rank < last[n])
        return found

    def _choose(self, number: int) -> frozenset[str]:
        """The text's keys chosen again; returns them."""
        for key in self._rarest.get(number, ()):
            self._in_rarest[key].discard(number)
        rarest, chosen = self._chosen_keys(number)
        self._rarest[number] = rarest
        for key in rarest:
            self._in_rarest[key].add(number)
        if len(rarest) < self.settings.keys_per_claim:
            self._last[number] = _PASSED_BY_ANY
        else:
            self._last[number] = (self._frequency[rarest[-1]], key_order(rarest[-1]))
        return chosen

    def _chosen_keys(self, number: int) -> tuple[tuple[str, ...], frozenset[str]]:
        """chosen_keys() of the text, with its keys' orders made once."""
        ordered = self._orders.get(number)
        if ordered is None:
            ordered = self._orders[number] = [(key_order(k), k) for k in self.texts[number].keys]
        frequency, most = self._frequency, self.settings.max_block
        useful = sorted(
            (count, order, key)
            for order, key in ordered
            if 1 < (count := frequency.get(key, 0)) <= most
        )
        first = self.settings.keys_per_claim
        rarest = tuple(key for _, _, key in useful[:first])
        figures = self.texts[number].figure_keys
        if not figures or len(useful) <= first:
            return rarest, frozenset(rarest)
        return rarest, frozenset(rarest).union(
            key for _, _, key in useful[first:] if key in figures
        )

    def _choose_all(self) -> None:
        """Every text's keys chosen, as assign_blocks() does: the useful keys ranked once."""
        frequency, most = self._frequency, self.settings.max_block
        useful = sorted(
            (key for key, count in frequency.items() if 1 < count <= most),
            key=lambda key: (frequency[key], key_order(key)),
        )
        rank = {key: number for number, key in enumerate(useful, 1)}
        first = self.settings.keys_per_claim
        for number, text in self.texts.items():
            ranks = sorted(filter(None, map(rank.get, text.keys)))
            rarest = tuple(useful[r - 1] for r in ranks[:first])
            chosen = frozenset(rarest)
            if text.figure_keys and len(ranks) > first:
                chosen = chosen.union(
                    key for r in ranks[first:] if (key := useful[r - 1]) in text.figure_keys
                )
            self._rarest[number], self._chosen[number] = rarest, chosen
            for key in rarest:
                self._in_rarest[key].add(number)
            if len(rarest) < first:
                self._last[number] = _PASSED_BY_ANY
            else:
                self._last[number] = (frequency[rarest[-1]], key_order(rarest[-1]))

    def _unchoose(self, number: int) -> None:
        for key in self._rarest.pop(number, ()):
            self._in_rarest[key].discard(number)
        self._last.pop(number, None)
        self._chosen.pop(number, None)
        self._orders.pop(number, None)

    def _place(self, number: int) -> set[str]:
        first = self.first(number)
        self._placed[number] = first
        chosen = self._chosen[number]
        for key in chosen:
            insort(self._blocks[key], (first, number))
        return set(chosen)

    def _unplace(self, number: int) -> set[str]:
        first = self._placed.pop(number, None)
        if first is None:
            return set()
        chosen = self._chosen[number]
        for key in chosen:
            block = self._blocks[key]
            del block[bisect_left(block, (first, number))]
            if not block:
                del self._blocks[key]
        return set(chosen)

    def _redo_blocks(self, keys: Iterable[str]) -> set[int]:
        """Make these blocks' edges again; returns the texts an edge was added to or
        taken from."""
        seeds: set[int] = set()
        for key in keys:
            block = self._blocks.get(key, [])
            members = [number for _, number in block]
            edges = (
                block_edges(members, self.texts, self._common, self.settings)
                if len(members) > 1
                else []
            )
            old = self._edges.pop(key, [])
            if edges:
                self._edges[key] = edges
            if old == edges:
                continue
            gone, made = set(old) - set(edges), set(edges) - set(old)
            for (left, right), step in chain_steps(gone, made):
                for one, other in ((left, right), (right, left)):
                    neighbours = self._adjacent[one]
                    neighbours[other] += step
                    if not neighbours[other]:
                        del neighbours[other]
                        if not neighbours:
                            del self._adjacent[one]
                seeds.update((left, right))
        return seeds

    def _recomponent(self, seeds: set[int]) -> tuple[set[int], set[int]]:
        gone = {self.component_of[n] for n in seeds if n in self.component_of}
        nodes = {n for n in seeds if self.holders.get(n)}
        for component in gone:
            nodes |= self.components.pop(component)
        nodes = {n for n in nodes if self.holders.get(n)}
        made: set[int] = set()
        for start in sorted(nodes):
            if start in self.component_of and self.component_of[start] in made:
                continue
            component = self._next_component
            self._next_component += 1
            members = {start}
            queue = deque([start])
            while queue:
                for other in self._adjacent.get(queue.popleft(), ()):
                    if other not in members:
                        members.add(other)
                        queue.append(other)
            for number in members:
                self.component_of[number] = component
            self.components[component] = members
            made.add(component)
        return gone, made

    def _forget(self, number: int) -> None:
        self._unplace(number)
        self._unchoose(number)
        self.component_of.pop(number, None)
        del self._number[self.texts.pop(number)], self.holders[number]

    def _regroup(self) -> tuple[set[int], set[int]]:
        """Everything grouped again (at the start, and when a name's commonness changes)."""
        gone = set(self.components)
        self.components.clear()
        self.component_of.clear()
        self._blocks.clear()
        self._edges.clear()
        self._adjacent.clear()
        self._placed.clear()
        for number in list(self.texts):
            if not self.holders[number]:
                self._forget(number)
        self._common = common_names(self._names, self.settings)
        dirty: set[str] = set()
        self._in_rarest.clear()
        self._last.clear()
        self._choose_all()
        for number in self.texts:
            dirty |= self._place(number)
        self._redo_blocks(dirty)
        return gone, self._recomponent(set(self.texts))[1]


def chain_steps(gone: set[Edge], made: set[Edge]) -> Iterable[tuple[Edge, int]]:
    """The edges taken away (-1) then those added (+1)."""
    for edge in gone:
        yield edge, -1
    for edge in made:
        yield edge, 1
