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

The summary screen keeps one for as long as it is open (tens of thousands of texts), so
the indexes are arrays of text numbers kept sorted, not sets (a set of a few numbers
costs 216 bytes, a list 8 a number and a garbage-collector header, an array 4 a
number), and what is the same for most texts is shared: a text's chosen keys are its
rarest keys (one tuple) unless a figure key is added. What each text has (its
ClaimText, holders, component, keys, place, neighbours) is in lists indexed by its
number, not dicts: a dict of 40,000 numbers takes 1.3 MB, a list 0.3 MB. What most
texts have one of (a claim holding it, a neighbour, a component's one text) is kept
alone, not in a tuple or list of one. A key's count is the length of its holding
array, not a Counter beside it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, insort
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, MutableMapping, MutableSequence, Sequence
from itertools import chain
from typing import Any, TypeVar, cast

from workbench.core.analysis.ledger.claim_text import ClaimText
from workbench.core.analysis.ledger.grouping import (
    block_edges,
    common_names,
    key_order,
)
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.annotation import AnnotationKey

Edge = tuple[int, int]
Was = tuple[tuple[int, ...], AnnotationKey | None, ClaimText | None]
"""What a component gone was (settle()): its texts' numbers (a text gone since is
forgotten: no claims, no ClaimText), and when it had one text, that text's first claim
then and the text (None for a component of several: the caller keeps what those were)."""
Held = AnnotationKey | tuple[AnnotationKey, ...] | None
"""The claims holding a text, as LiveGrouping keeps them (`held`)."""
Name = TypeVar("Name")
Numbers = array  # of "i": text numbers, 4 bytes each
"""A sorted index list of text numbers: an array, not a list (4 bytes a number, not 8,
and no garbage-collector header: 50,000 of them in the open summary screen)."""
Listed = TypeVar("Listed", bound=MutableSequence[Any])
"""A sorted index list: Numbers, or (the live ledger's) a list of annotation keys."""
_NO_NUMBERS: Sequence[int] = ()
_NO_EDGES: Numbers[int] = array("i")
_PASSED_BY_ANY = 0
"""The count kept for a text with fewer than keys_per_claim rarest keys: any key that
becomes useful passes it (a useful key is held more than once, so 0 is no count)."""
_FEW = 64
"""Texts appearing at once up to which each is put in place in the sorted indexes."""
NOT_LIVE = -1
"""The component of a text not counted (not held at the last settle(), or forgotten)."""


class LiveGrouping:
    """The claim texts of a ledger (each with the claims holding it) and their groups.

    Texts are numbered once, in the order met; a component is a set of text numbers
    under a number of its own, never reused, so a caller can tell a changed component
    from one left alone."""

    def __init__(self, settings: LedgerSettings) -> None:
        self.settings = settings
        self.texts: list[ClaimText | None] = []
        """Each text by number (None: forgotten; the lists below are indexed the same)."""
        self._holders: list[Held] = []
        """The keys of the claims holding each text, sorted (`held`): the one key alone
        when one (39,000 of 40,000 texts at 100,000 annotations: a tuple of one was 2.4
        MB of the open summary screen), empty or None when the text is gone."""
        self.component_of: list[int] = []
        """The component of each live text: those counted in the frequencies (held at
        the last settle()); NOT_LIVE for the others."""
        self._components: dict[int, int | tuple[int, ...]] = {}
        """Component -> its texts (`members`): the one number alone when one (17,000 of
        20,000 components at 100,000 annotations)."""
        self._number: dict[ClaimText, int] = {}
        self._touched: set[int] = set()
        self._was_first: dict[int, AnnotationKey | None] = {}
        """The first claim of each text touched since the last settle(), as it was then
        (what a component gone was: `_was`)."""
        self._holding: dict[str, Numbers[int]] = {}
        """Key -> the live texts holding it (sorted): its count is their number (no
        Counter of 21,000 keys beside it)."""
        self._names: Counter[str] = Counter()
        self._common: set[str] = set()
        self._rarest: list[tuple[str, ...] | None] = []
        self._chosen: list[tuple[str, ...] | None] = []
        """The keys each text is blocked on: its rarest (the same tuple) and, when it
        has more useful figure keys, those after them."""
        self._in_rarest: dict[str, Numbers[int]] = {}
        """Key -> the texts holding it among their rarest (sorted)."""
        self._orders: dict[int, list[tuple[str, str]]] = {}
        self._last: list[int | None] = []
        """The count each text's last rarest key had when it was chosen (a key ranked
        before it would enter; _PASSED_BY_ANY: fewer than keys_per_claim)."""
        self._placed: list[AnnotationKey | None] = []
        """The first claim under which each text sits in its blocks."""
        self._blocks: dict[str, Numbers[int]] = {}
        """Key -> the texts blocked on it, in the order of their first claims (`_placed`;
        two texts never have the same first claim)."""
        self._edges: dict[str, Numbers[int]] = {}
        """Each block's edges, as block_edges() gives them, flat: left, right, left, ...
        (an array, not a list of pairs: 2-tuples were 1.4 MB of the open summary screen
        at 100,000 annotations)."""
        self._adjacent: list[int | list[int] | None] = []
        """Each text's neighbours: the texts an edge joins it to, once per edge (a block
        each); the one number alone when one (most texts with an edge have one: 18,500
        lists of one were 1.5 MB of the open summary screen at 100,000 annotations), None
        when none (`neighbours`)."""
        self._next_component = 0
        self._next_text = 0

    # -- claims come and go ---------------------------------------------------------------

    def add(self, key: AnnotationKey, text: ClaimText) -> None:
        number = self._number.get(text)
        if number is None:
            number = self._number[text] = self._next_text
            self._next_text += 1
            self.texts.append(text)
            self._holders.append(None)
            self.component_of.append(NOT_LIVE)
            for index in (self._rarest, self._chosen, self._last, self._placed, self._adjacent):
                index.append(None)
        held = self.held(number)
        place = bisect_left(held, key)
        self._hold(number, (*held[:place], key, *held[place:]))
        self._touched.add(number)

    def remove(self, key: AnnotationKey, text: ClaimText) -> None:
        number = self._number[text]
        held = self.held(number)
        place = bisect_left(held, key)
        self._hold(number, held[:place] + held[place + 1 :])
        self._touched.add(number)

    def holds(self, text: ClaimText) -> bool:
        """Whether the text is a live claim's (as of the last settle())."""
        number = self._number.get(text)
        return number is not None and self.component_of[number] != NOT_LIVE

    def number(self, text: ClaimText) -> int:
        """The number of a text held."""
        return self._number[text]

    def holding(self, key: str) -> Sequence[int]:
        """The live texts holding the key (sorted; not to be changed)."""
        return self._holding.get(key, _NO_NUMBERS)

    def held(self, number: int) -> tuple[AnnotationKey, ...]:
        """The keys of the claims holding the text (none once it is forgotten)."""
        found = self._holders[number]
        if not found:
            return ()
        if isinstance(found[0], str):
            return (found,)
        return found

    def _hold(self, number: int, held: tuple[AnnotationKey, ...]) -> None:
        self._holders[number] = held[0] if len(held) == 1 else held or None

    def members(self, component: int) -> tuple[int, ...]:
        """The texts of a component."""
        found = self._components[component]
        return (found,) if isinstance(found, int) else found

    def groups(self) -> Iterator[tuple[int, ...]]:
        """The texts of each component."""
        return map(self.members, self._components)

    def text(self, number: int) -> ClaimText:
        """The text of a number not forgotten."""
        text = self.texts[number]
        assert text is not None, number
        return text

    def numbers(self) -> list[int]:
        """The numbers of the texts not forgotten."""
        return [number for number, text in enumerate(self.texts) if text is not None]

    def first(self, number: int) -> AnnotationKey:
        found = self._holders[number]
        assert found, number
        return found if isinstance(found[0], str) else found[0]

    def blocked_on(self, number: int) -> frozenset[str]:
        """The keys a text was last put in the blocks of."""
        return frozenset(self._chosen[number] or ())

    # -- the groups made again ------------------------------------------------------------

    def settle(self) -> tuple[dict[int, Was], set[int]]:
        """Bring the components up to date with the claims added and removed since the
        last call; returns the components gone, by number, with what they were (their
        texts are not kept between calls), and the numbers of those made."""
        touched, self._touched = self._touched, set()
        live = self.component_of
        self._was_first = {n: self._placed[n] for n in touched if live[n] != NOT_LIVE}
        first_time = not self._components  # no text live (a scan of them was 0.6 ms)
        appeared = {n for n in touched if self._holders[n] and live[n] == NOT_LIVE}
        vanished = {n for n in touched if not self._holders[n] and live[n] != NOT_LIVE}
        for number in touched:
            if not self._holders[number] and live[number] == NOT_LIVE:
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
            old = self._chosen[number]
            if old is not None and (chosen == old or set(chosen) == set(old)):
                continue
            placed = self._placed[number] is not None
            if placed:
                dirty |= self._unplace(number)
            self._chosen[number] = chosen
            if placed:
                dirty |= self._place(number)
        for number in touched - vanished:
            if self._holders[number] and self._placed[number] != self.first(number):
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
        holding = self._holding
        many = len(appeared) > _FEW  # appended, each list sorted once after
        for numbers, step in ((appeared, 1), (vanished, -1)):
            for number in numbers:
                text = self.text(number)
                for key in text.keys:
                    before.setdefault(key, len(holding.get(key, ())))
                    if step > 0:
                        found = holding.get(key)
                        if found is None:
                            found = holding[key] = array("i")
                        if many:
                            found.append(number)
                        else:
                            insort(found, number)
                    else:
                        remove_sorted(holding, key, number)
                for name in text.names:
                    count = self._names[name]
                    self._names[name] = count + step
                    if (count > most) != (count + step > most):
                        common_changed = True
                    if not self._names[name]:
                        del self._names[name]
        if many:
            for key in before:
                if key in holding:
                    holding[key] = array("i", sorted(holding[key]))
        changed = {
            key: count for key, count in before.items() if len(holding.get(key, ())) != count
        }
        return changed, common_changed

    def _count_of(self, key: str) -> int:
        """How many live texts hold the key."""
        return len(self._holding.get(key, ()))

    def _choosers(self, changed: dict[str, int]) -> set[int]:
        """The live texts whose chosen keys a change of these keys' counts can change:
        those for which the key is among the rarest, and those it now passes (it became
        rarer than their last rarest, or useful)."""
        most = self.settings.max_block
        found: set[int] = set()
        for key, before in changed.items():
            after = self._count_of(key)
            useful_before, useful_after = 1 < before <= most, 1 < after <= most
            if not (useful_before or useful_after):
                continue
            holding = self._holding.get(key, ())
            if useful_before and useful_after:
                found.update(self._in_rarest.get(key, ()))
            elif useful_before:  # no longer useful: out of the blocks of those it was in
                found.update(n for n in holding if key in (self._chosen[n] or ()))
                continue
            elif key.startswith("fig:"):  # a useful figure key is always chosen
                found.update(holding)
                continue
            if after < before or not useful_before:
                found.update(self._passed(key, after, holding))
        return found

    def _passed(self, key: str, count: int, holding: Iterable[int]) -> Iterator[int]:
        """The texts the key, now held `count` times, is ranked before the last rarest
        key of (as that key was ranked when the text chose)."""
        last, rarest = self._last, self._rarest
        order = key_order(key)
        for number in holding:
            then = last[number]
            if then is None:
                continue
            if (
                then == _PASSED_BY_ANY
                or count < then
                or (count == then and order < key_order((rarest[number] or ("",))[-1]))
            ):
                yield number

    def _choose(self, number: int) -> tuple[str, ...]:
        """The text's keys chosen again; returns them."""
        for key in self._rarest[number] or ():
            remove_sorted(self._in_rarest, key, number)
        rarest, chosen = self._chosen_keys(number)
        self._rarest[number] = rarest
        for key in rarest:
            found = self._in_rarest.get(key)
            if found is None:
                found = self._in_rarest[key] = array("i")
            insort(found, number)
        if len(rarest) < self.settings.keys_per_claim:
            self._last[number] = _PASSED_BY_ANY
        else:
            self._last[number] = self._count_of(rarest[-1])
        return chosen

    def _chosen_keys(self, number: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """chosen_keys() of the text, with its keys' orders made once."""
        ordered = self._orders.get(number)
        if ordered is None:
            ordered = self._orders[number] = [(key_order(k), k) for k in self.text(number).keys]
        holding, most = self._holding, self.settings.max_block
        useful = sorted(
            (count, order, key)
            for order, key in ordered
            if 1 < (count := len(holding.get(key, ()))) <= most
        )
        first = self.settings.keys_per_claim
        rarest = tuple(key for _, _, key in useful[:first])
        figures = self.text(number).figure_keys
        if not figures or len(useful) <= first:
            return rarest, rarest
        more = tuple(key for _, _, key in useful[first:] if key in figures)
        return rarest, rarest + more if more else rarest

    def _choose_all(self) -> None:
        """Every text's keys chosen, as assign_blocks() does: the useful keys ranked once."""
        holding, most = self._holding, self.settings.max_block
        useful = sorted(
            (key for key, held in holding.items() if 1 < len(held) <= most),
            key=lambda key: (len(holding[key]), key_order(key)),
        )
        rank = {key: number for number, key in enumerate(useful, 1)}
        first = self.settings.keys_per_claim
        in_rarest: defaultdict[str, list[int]] = defaultdict(list)
        for number, text in enumerate(self.texts):
            if text is None:
                continue
            ranks = sorted(filter(None, map(rank.get, text.keys)))
            rarest = tuple(useful[r - 1] for r in ranks[:first])
            chosen = rarest
            if text.figure_keys and len(ranks) > first:
                more = tuple(
                    key for r in ranks[first:] if (key := useful[r - 1]) in text.figure_keys
                )
                chosen = rarest + more if more else rarest
            self._rarest[number], self._chosen[number] = rarest, chosen
            for key in rarest:
                in_rarest[key].append(number)  # numbers met in order: sorted
            if len(rarest) < first:
                self._last[number] = _PASSED_BY_ANY
            else:
                self._last[number] = len(holding[rarest[-1]])
        self._in_rarest = {key: array("i", numbers) for key, numbers in in_rarest.items()}

    def _unchoose(self, number: int) -> None:
        for key in self._rarest[number] or ():
            remove_sorted(self._in_rarest, key, number)
        self._rarest[number] = self._last[number] = self._chosen[number] = None
        self._orders.pop(number, None)

    def _place(self, number: int) -> set[str]:
        first = self.first(number)
        self._placed[number] = first
        chosen = self._chosen[number] or ()
        for key in chosen:
            block = self._blocks.get(key)
            if block is None:
                block = self._blocks[key] = array("i")
            insort(block, number, key=self._place_of)
        return set(chosen)

    def _place_of(self, number: int) -> AnnotationKey:
        """The first claim a placed text sits under in its blocks."""
        first = self._placed[number]
        assert first is not None, number
        return first

    def _unplace(self, number: int) -> set[str]:
        first = self._placed[number]
        if first is None:
            return set()
        chosen = self._chosen[number] or ()
        for key in chosen:
            block = self._blocks[key]
            del block[bisect_left(block, first, key=self._place_of)]
            if not block:
                del self._blocks[key]
        self._placed[number] = None
        return set(chosen)

    def _redo_blocks(self, keys: Iterable[str]) -> set[int]:
        """Make these blocks' edges again; returns the texts an edge was added to or
        taken from."""
        seeds: set[int] = set()
        for key in keys:
            members = self._blocks.get(key, _NO_NUMBERS)
            edges = array(
                "i",
                chain.from_iterable(
                    block_edges(members, self._live_texts(), self._common, self.settings)
                    if len(members) > 1
                    else ()
                ),
            )
            old = self._edges.pop(key, _NO_EDGES)
            if edges:
                self._edges[key] = edges
            if old == edges:
                continue
            old_pairs, pairs = _pairs(old), _pairs(edges)
            gone, made = old_pairs - pairs, pairs - old_pairs
            adjacent = self._adjacent
            for (left, right), step in chain_steps(gone, made):
                for one, other in ((left, right), (right, left)):
                    found = adjacent[one]
                    if step > 0:
                        if found is None:
                            adjacent[one] = other
                        elif isinstance(found, int):
                            adjacent[one] = [found, other]
                        else:
                            found.append(other)
                    elif isinstance(found, list):
                        found.remove(other)
                        if len(found) == 1:
                            adjacent[one] = found[0]
                    else:
                        assert found == other, (one, other)
                        adjacent[one] = None
                seeds.update((left, right))
        return seeds

    def neighbours(self, number: int) -> Sequence[int]:
        """The texts an edge joins the text to, once per edge."""
        found = self._adjacent[number]
        return () if found is None else (found,) if isinstance(found, int) else found

    def _live_texts(self) -> Sequence[ClaimText]:
        """The texts by number, as a block's members (texts held) read them."""
        return cast("Sequence[ClaimText]", self.texts)

    def _was(self, component: int) -> Was:
        """What the component was at the last settle() (its texts not forgotten yet)."""
        numbers = self.members(component)
        if len(numbers) > 1:
            return numbers, None, None
        number = numbers[0]
        return numbers, self._was_first.get(number) or self._placed[number], self.text(number)

    def _recomponent(self, seeds: set[int]) -> tuple[dict[int, Was], set[int]]:
        component_of = self.component_of
        gone = {
            component: self._was(component)
            for component in {component_of[n] for n in seeds if component_of[n] != NOT_LIVE}
        }
        nodes = {n for n in seeds if self._holders[n]}
        for component in gone:
            nodes.update(self.members(component))
            del self._components[component]
        nodes = {n for n in nodes if self._holders[n]}
        made: set[int] = set()
        for start in sorted(nodes):
            if component_of[start] != NOT_LIVE and component_of[start] in made:
                continue
            component = self._next_component
            self._next_component += 1
            members = {start}
            queue = deque([start])
            while queue:
                for other in self.neighbours(queue.popleft()):
                    if other not in members:
                        members.add(other)
                        queue.append(other)
            for number in members:
                self.component_of[number] = component
            self._components[component] = (
                next(iter(members)) if len(members) == 1 else tuple(members)
            )
            made.add(component)
        return gone, made

    def _forget(self, number: int) -> None:
        self._unplace(number)
        self._unchoose(number)
        self.component_of[number] = NOT_LIVE
        del self._number[self.text(number)]
        self.texts[number] = self._holders[number] = None

    def _regroup(self) -> tuple[dict[int, Was], set[int]]:
        """Everything grouped again (at the start, and when a name's commonness changes)."""
        gone = {component: self._was(component) for component in self._components}
        self._components.clear()
        count = len(self.texts)
        self.component_of[:] = [NOT_LIVE] * count
        self._blocks.clear()
        self._edges.clear()
        self._adjacent[:] = [None] * count
        self._placed[:] = [None] * count
        for number in self.numbers():
            if not self._holders[number]:
                self._forget(number)
        self._common = common_names(self._names, self.settings)
        dirty: set[str] = set()
        self._in_rarest.clear()
        self._last[:] = [None] * count
        self._choose_all()
        numbers = self.numbers()
        for number in numbers:
            dirty |= self._place(number)
        self._redo_blocks(dirty)
        compact(self._holding)
        compact(self._in_rarest)
        compact(self._blocks)
        self._adjacent[:] = [
            found[:] if isinstance(found, list) else found for found in self._adjacent
        ]
        return gone, self._recomponent(set(numbers))[1]


def compact(index: MutableMapping[Name, Numbers[int]]) -> None:
    """Each array copied to its length: one grown by append or insort keeps room for
    more (140,000 lists, as these were, in the open summary screen at 100,000
    annotations; done when everything is grouped again, not at each change)."""
    for name, values in index.items():
        index[name] = values[:]


def _pairs(flat: Sequence[int]) -> set[Edge]:
    """The edges of a flat array of them."""
    return set(zip(flat[::2], flat[1::2], strict=True))


def chain_steps(gone: set[Edge], made: set[Edge]) -> Iterable[tuple[Edge, int]]:
    """The edges taken away (-1) then those added (+1)."""
    for edge in gone:
        yield edge, -1
    for edge in made:
        yield edge, 1


def remove_sorted(index: MutableMapping[str, Listed], key: str, number: object) -> None:
    """Take `number` from the sorted list under `key` (if there), and the list once empty
    (the live ledger's sorted lists of denial keys too)."""
    found = index.get(key)
    if found is None:
        return
    place = bisect_left(found, number)
    if place < len(found) and found[place] == number:
        del found[place]
        if not found:
            del index[key]
