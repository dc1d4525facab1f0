"""One analyst's claim ledger, kept exact while claims and denials come and go.

build_ledger() makes the ledger from scratch: 2 to 3 seconds at 100,000 annotations.
The open summary changes one annotation at a time, and LiveLedger keeps what that
build computes so that a change costs only what it can reach. After any change its
ledger() is the one build_ledger() gives for the same annotations
(tests/unit/analysis/test_live_ledger.py checks it after every step of random
sequences):

- the groups: LiveGrouping (live_grouping.py) redoes the blocks and components a text
  added or removed can reach; a group is remade when its component is;
- the denials: a denial's targets depend on the groups holding its rarest keys and its
  subjects, on how many groups hold its keys, and on those groups' first texts. They
  are scored again for the denials sharing a key or subject with a group that changed
  (its texts, not only its members' annotations); an anaphoric denial is aimed at the
  groups of the claims before it it answers when those groups are made (`_back`);
- the conflicts: find_clashes() compares figures within buckets (what must be equal),
  each bucket on its own, in the order the ledger lists the figures. A bucket is
  compared again when a figure comes, goes, or moves in that order (its group's first
  claim changed), and the clashes of all buckets are merged in the order
  find_clashes() sorts them, ties in its order (bucket met first, then found first).

A LedgerGroup is made again only when something it holds changed: `take_changed()`
names those, so that a summary remakes only their rows. One analyst's ledger only (one
line per sentence) and without merge or split decisions: a summary with either is
rebuilt (summary/incremental.py).

The open summary screen keeps one for as long as it is open, so it keeps numbers, not
objects, for what there is one of per claim or per group: a claim is its annotation
(its text the grouping's, its figures by key when it has some), a group the number of
its component in the grouping (its members, texts and first claim made from that when
asked), a claim's group found through its text's component.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from typing import TypeVar

from workbench.core.analysis.figures.conflicts import (
    Clash,
    Figure,
    bucket_of,
    comparable,
    figures_in,
    find_clashes,
)
from workbench.core.analysis.ledger.answers import anaphoric, denied_words
from workbench.core.analysis.ledger.claim_text import ClaimText, ClaimTexts, claim_text
from workbench.core.analysis.ledger.decide import group_id
from workbench.core.analysis.ledger.denials import (
    FIRST_TEXTS,
    LaterIndex,
    Samples,
    answered_before,
    antecedents,
    denial_targets,
    group_sides,
    later_index,
    rare_keys,
    scored,
    stating_keys,
)
from workbench.core.analysis.ledger.grouping import key_order
from workbench.core.analysis.ledger.ledger import Conflict, Item, Ledger, LedgerGroup, prepare
from workbench.core.analysis.ledger.live_grouping import LiveGrouping, remove_sorted
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.annotation import Annotation, AnnotationKey
from workbench.core.collector import paused_gc

Key = AnnotationKey
Name = TypeVar("Name")
Value = TypeVar("Value")
Bucket = tuple[object, ...]
Order = tuple[Key, Key, int]
"""Where find_clashes() meets a figure: its group's first claim, its claim, its place."""
Ranked = tuple[tuple[float, float, Key, Key, Order, int], Clash]
"""A clash with what find_clashes() sorts it by, then its bucket and its place there."""


@dataclass(slots=True)
class _Group:
    """A group as a change or a reader needs it: made from its component when asked
    (LiveLedger keeps only the component's number by group id: 20,000 of these with
    their tuples were 4.8 MB of the open summary screen at 100,000 annotations), or
    what a component gone was (LiveGrouping.settle())."""

    gid: str
    first: Key
    texts: tuple[ClaimText, ...]
    """The distinct texts, in the order of their first claims (what a denial is
    compared with)."""
    numbers: tuple[int, ...]
    """Its texts' numbers in the grouping (of a group gone: as it was; those of its
    texts gone since hold no claims)."""

    def keys(self) -> Collection[str]:
        """Its texts' keys (made when asked: only changed groups are asked, and most
        groups have one text, whose own keys these are)."""
        return _union(t.keys for t in self.texts)

    def subjects(self) -> Collection[str]:
        return _union(t.subjects for t in self.texts)


@dataclass(slots=True)
class _Follows:
    """What a group made following a group gone (the same first FIRST_TEXTS texts:
    LiveLedger._near) changed, as the denials scored again on it read it."""

    was: _Group
    keys: Collection[str]
    """The group gone's keys and subjects."""
    subjects: Collection[str]
    added: tuple[ClaimText, ...]
    """Its texts that the group gone did not have."""
    removed: bool
    """Whether the group gone had texts it has not."""
    touched: set[ClaimText]
    """The denial texts holding among their rarest keys or subjects in use one that a
    text added or taken holds (the others keep their verdict)."""


class LiveLedger:
    """The claims and denials of one analyst's summary and their Ledger."""

    def __init__(
        self,
        annotations: Iterable[Annotation] | Mapping[Key, Annotation],
        settings: LedgerSettings,
        source_of: Callable[[Annotation], str | None],
        texts: dict[str, ClaimText] | None = None,
    ) -> None:
        """`source_of` names a claim's source as the summary does; `texts` the quotes
        already read (the summary's ClaimTexts). `annotations` by key: the items share
        the caller's key tuples (the open summary's accumulator holds them; 4 MB)."""
        self.settings = settings
        self._source_of = source_of
        self._read: dict[str, ClaimText] = {} if texts is None else texts
        self._claims: dict[Key, Annotation] = {}
        """The claims (no Item each: its text is the grouping's, its key the one the
        grouping holds, its figures in `_figures`; 58,000 Items were 3.7 MB of the open
        summary screen at 100,000 annotations)."""
        self._figures: dict[Key, tuple[Figure, ...]] = {}
        """The figures of the claims that have some (one in eight)."""
        self._denials: dict[Key, Item] = {}
        self._grouping = LiveGrouping(settings)
        self._groups: dict[str, int] = {}
        """Each group's component in the grouping, by group id (`_group`)."""
        self._several: dict[str, tuple[Key, tuple[ClaimText, ...]]] = {}
        """The first claim and texts of each group of several texts (3,000 of 20,000 at
        100,000 annotations; some of thousands, which a denial scored again reads)."""
        self._gid_of_component: dict[int, str] = {}
        """The group of each component."""
        self._gid_of: dict[Key, str] = {}
        """The group of each claim with figures (what compares figures asks; a dict of
        every claim was 2.5 MB of the open summary screen at 100,000 annotations)."""
        self._firsts: list[Key] = []
        self._order: list[str] = []
        """The groups' ids, in the order of their first claims (`_firsts`)."""
        self._unlinked: list[Key] = []
        self.unlinked_version = 0
        """Counts the changes to unlinked() (a caller keeping what it made of it)."""
        self._claims_changed: list[tuple[Item | None, Item | None]] = []
        self._denials_changed: list[tuple[Item | None, Item | None]] = []
        # what the denials are aimed at
        self._group_frequency: Counter[str] = Counter()
        self._subject_groups: dict[str, set[str]] = defaultdict(set)
        self._denial_keys: dict[ClaimText, list[Key]] = {}
        """Each denial text's denials, by key (sorted lists: 5,600 small sets were 1.6 MB
        of the open summary screen at 100,000 annotations)."""
        self._denied: dict[ClaimText, frozenset[str]] = {}
        """What each denial text denies (answers.denied_words of its first quote)."""
        self._by_denial_key: dict[str, list[ClaimText]] = {}
        """Key -> the denial texts holding it (lists: the open summary keeps this)."""
        self._by_denial_subject: dict[str, set[ClaimText]] = defaultdict(set)
        self._rare: dict[ClaimText, list[str]] = {}
        self._by_rare: dict[str, list[ClaimText]] = {}
        """Key -> the denial texts holding it among their rarest."""
        self._figure_keys: dict[str, set[str]] = defaultdict(set)
        """Each figure value the groups state -> their figure keys stating it."""
        self._denying_value: dict[str, set[ClaimText]] = defaultdict(set)
        """Each figure value some denial text denies -> those texts (answers.denied_values)."""
        self._stating: dict[ClaimText, list[str]] = {}
        """The figure keys stating what each denial text denies (denials.stating_keys):
        a group holding one is compared with it, as one holding a rarest key is."""
        self._by_stating: dict[str, list[ClaimText]] = {}
        """Key -> the denial texts it is among the stating keys of."""
        self._targets: dict[ClaimText, tuple[str, ...]] = {}
        """The groups each denial text is aimed at (tuples: 6,500 frozensets were 2.8 MB
        of the open summary screen at 100,000; set operations make one when rescored)."""
        self._aimed: dict[str, list[Key]] = {}
        """Group -> the denials aimed at it, sorted (lists: 10,000 small sets were 3.8 MB
        of the open summary screen at 100,000 annotations)."""
        self._back: dict[Key, list[Key]] = {}
        """The anaphoric denials (answers.anaphoric), sorted, by the key of each claim
        before them that they may answer (denials.antecedents): aimed at that claim's
        group when the group is made (`_ledger_group`), not scored."""
        # conflicting figures
        self._bucket_figures: dict[Bucket, dict[tuple[Key, int], Figure]] = defaultdict(dict)
        self._bucket_found: dict[Bucket, list[Ranked]] = {}
        self._bucket_of_place: dict[tuple[Key, int], Bucket] = {}
        self._bucket_by_gid: dict[Bucket, dict[str, list[Ranked]]] = {}
        self._bucket_by_topic: dict[Bucket, dict[str, list[tuple[Ranked, str, str]]]] = {}
        """Each bucket's clashes by topic, with the groups of their figures (a topic's
        Conflict names them)."""
        self._gid_buckets: dict[str, set[Bucket]] = defaultdict(set)
        self._topic_buckets: dict[str, set[Bucket]] = defaultdict(set)
        self._touching: dict[str, tuple[Clash, ...]] = {}
        self._inside: set[str] = set()
        self._outside: dict[str, tuple[str, ...]] = {}
        self._conflicts: dict[str, Conflict] = {}
        # what is shown
        self._listing: dict[str, tuple[Key, ...]] = {}
        """The denials each group lists, by key (groups listing none left out). A group's
        LedgerGroup is made when asked for (`group`), not kept: 40,000 of them were 4 MB
        of the open summary screen at 100,000 annotations, and the summary asks only for
        those that changed."""
        self._changed: set[str] = set()
        self._made_now: dict[str, LedgerGroup] = {}
        """The LedgerGroups of the groups the last settle made again, until read once
        (`group`: the summary reads each changed group right after; making them twice
        was a fifth of a tag aiming a denial at a hundred groups)."""
        self._listed: Counter[Key] = Counter()
        """How many groups list each denial."""
        self._settled = False
        self._started = False
        """Whether the first settle is done (it aims every denial at once)."""
        with paused_gc(promote=True):  # hundreds of thousands of lasting objects
            keyed = annotations if isinstance(annotations, Mapping) else by_key(annotations)
            for key in sorted(keyed):
                self._put(keyed[key], key=key)
            self._settle()

    # -- changes --------------------------------------------------------------------------

    def apply(self, before: Annotation | None, after: Annotation | None) -> None:
        """One annotation changed (None: none before, or deleted); the ledger follows
        when next asked for."""
        kept = None
        if before is not None:
            kept = self._take(before.key)
        if after is not None:
            self._put(after, kept)

    def _put(
        self, annotation: Annotation, kept: Item | None = None, key: Key | None = None
    ) -> None:
        """`kept`: the item the annotation had, whose text and figures it keeps when
        its quote, source, claim and denial tags are the same (so that its figures are
        not new ones; a denial's denied figures are left out, and which are denied
        depends on whether it is a claim too: ledger.prepare);
        `key`: the annotation's key, as the caller holds it."""
        claim, denial = "claim" in annotation.tags, "denial" in annotation.tags
        if not (claim or denial):
            return
        if (
            kept is not None
            and kept.annotation.quote == annotation.quote
            and self._source_of(kept.annotation) == self._source_of(annotation)
            and ("denial" in kept.annotation.tags) == denial
            and ("claim" in kept.annotation.tags) == claim
        ):
            item = Item(annotation, kept.text, kept.figures, kept.key)
        else:
            item = prepare(annotation, self._source_of, self._read, key)
        key = item.key
        if claim:
            self._claims[key] = annotation
            if item.figures:
                self._figures[key] = item.figures
            self._grouping.add(key, item.text)
            if item.figures or self._started:
                # the first settle reads only the figures of the claims that came
                # (_reclash): an item kept for every claim till then was 58,000 items and
                # pairs at 100,000 annotations, freed between the lasting objects
                self._claims_changed.append((None, item))
        if denial:
            self._denials[key] = item
            self._denials_changed.append((None, item))
            if anaphoric(annotation.quote):
                for before in antecedents(key, annotation.quote):
                    insort(self._back.setdefault(before, []), key)
        self._settled = False

    def _take(self, key: Key) -> Item | None:
        """Take the annotation's claim and denial out; returns its item, if any."""
        annotation = self._claims.pop(key, None)
        claim = None
        if annotation is not None:
            claim = Item(annotation, self._text(annotation), self._figures.pop(key, ()), key)
            self._gid_of.pop(key, None)
            self._grouping.remove(key, claim.text)
            self._claims_changed.append((claim, None))
            self._settled = False
        denial = self._denials.pop(key, None)
        if denial is not None:
            self._denials_changed.append((denial, None))
            if anaphoric(denial.annotation.quote):
                for before in antecedents(key, denial.annotation.quote):
                    self._unback(before, key)
            self._settled = False
        return denial or claim

    def _text(self, annotation: Annotation) -> ClaimText:
        """The reading of a claim's quote (the summary's, read again if dropped since)."""
        return self._reading(annotation.quote)

    def _sorted_tokens(self, quote: str) -> str:
        """A claim's words as the ledger compares them (group_sides)."""
        return self._reading(quote).sorted_tokens

    def _reading(self, quote: str) -> ClaimText:
        text = self._read.get(quote)
        if text is None:
            text = self._read[quote] = (
                self._read.read(quote) if isinstance(self._read, ClaimTexts) else claim_text(quote)
            )
        return text

    # -- the ledger -----------------------------------------------------------------------

    def ledger(self) -> Ledger:
        """The Ledger build_ledger() gives for the annotations as they are now."""
        self._settle()
        group, made = self._group, self._ledger_group
        return Ledger(
            groups=tuple(made(group(gid)) for gid in self._order),
            conflicts=self.conflicts(),
        )

    def group(self, gid: str) -> LedgerGroup | None:
        """The group's LedgerGroup as the ledger lists it now (made when asked)."""
        self._settle()
        made = self._made_now.pop(gid, None)
        if made is not None:
            return made
        component = self._groups.get(gid)
        return None if component is None else self._ledger_group(self._made(component, gid))

    def order(self) -> list[str]:
        """The groups' ids in the ledger's order (not to be changed)."""
        self._settle()
        return self._order

    def conflicts(self) -> tuple[Conflict, ...]:
        self._settle()
        return tuple(conflict for _, conflict in sorted(self._conflicts.items()))

    def unlinked(self) -> list[Key]:
        """The denials no group lists (build_summary's unlinked denials), in key order
        (not to be changed)."""
        self._settle()
        return self._unlinked

    def take_changed(self) -> set[str]:
        """The groups made again or gone since the last call (by id)."""
        self._settle()
        changed, self._changed = self._changed, set()
        return changed

    def _settle(self) -> None:
        if self._settled:
            return
        self._settled = True
        with paused_gc(promote=True):
            self._settle_now()

    def _settle_now(self) -> None:
        self._made_now.clear()
        keep = self._started  # not at the first: no one reads every group made then
        gone, made = self._regroup()
        same = {
            gid
            for gid, group in made.items()
            if gid in gone and gone[gid].texts == group.texts and gone[gid].first == group.first
        }
        changed = set(gone) | set(made)
        if self._started:
            changed |= self._retarget(
                {gid: g for gid, g in gone.items() if gid not in same},
                {gid: g for gid, g in made.items() if gid not in same},
            )
        else:
            self._target_all()
            self._started = True
        changed |= self._reclash(gone, made)
        if self._denials_changed:
            changed |= self._answered_before()
        listed = self._listed
        moved = {d.key for pair in self._denials_changed for d in pair if d is not None}
        listing, denials = self._listing, self._denials
        for gid in changed:
            old = listing.pop(gid, ())
            listed.subtract(old)
            moved.update(old)
            if gid in self._groups:
                # the items' own key tuples: Annotation.key makes a new one each time
                # (60,000 tuples, 3.4 MB at 100,000 annotations)
                shown = self._ledger_group(self._group(gid))
                if keep:
                    self._made_now[gid] = shown
                new = tuple(denials[d.key].key for d in shown.denials)
                if new:
                    listing[gid] = new
                listed.update(new)
                moved.update(new)
        unlinked = self._unlinked
        for key in moved:
            if not listed[key]:
                listed.pop(key, None)
            place = bisect_left(unlinked, key)
            there = place < len(unlinked) and unlinked[place] == key
            if key in self._denials and not listed[key]:
                if not there:
                    unlinked.insert(place, key)
                    self.unlinked_version += 1
            elif there:
                del unlinked[place]
                self.unlinked_version += 1
        self._claims_changed.clear()
        self._denials_changed.clear()
        self._changed |= changed

    def _unback(self, before: Key, key: Key) -> None:
        denials = self._back.get(before)
        if denials is not None and key in denials:
            denials.remove(key)
            if not denials:
                del self._back[before]

    def _answered_before(self) -> set[str]:
        """The groups holding a claim before an anaphoric denial that came or went (its
        group lists it or no longer: `_ledger_group`)."""
        found = set()
        grouping = self._grouping
        for pair in self._denials_changed:
            for item in pair:
                if item is None or not anaphoric(item.annotation.quote):
                    continue
                for before in antecedents(item.key, item.annotation.quote):
                    claim = self._claims.get(before)
                    if claim is not None:
                        number = grouping.number(self._text(claim))
                        found.add(self._gid_of_component[grouping.component_of[number]])
        return found

    def _ledger_group(self, group: _Group) -> LedgerGroup:
        members = self._members(group)
        aimed = self._aimed.get(group.gid, ())
        figures = self._figures
        denials = [self._denials[k].annotation for k in aimed]
        back = self._back
        if back:  # anaphoric denials answering one of its claims (ledger._aim_back)
            source_of = self._source_of
            for member in members:
                for key in back.get(member, ()):
                    denial = self._denials[key].annotation
                    if denial not in denials and answered_before(
                        denial, self._claims[member], source_of
                    ):
                        insort(denials, denial, key=_annotation_key)
        claims, denials_shown = group_sides(
            list(map(self._claims.__getitem__, members)),
            denials,
            self._source_of,
            lambda: chain.from_iterable(figures.get(member, ()) for member in members),
            self._sorted_tokens,
        )
        gid = group.gid
        return LedgerGroup(
            id=gid,
            members=claims,
            denials=denials_shown,
            figures=tuple(f for m in members if m in figures for f in figures[m]),
            conflict=gid in self._inside,
            conflict_topics=self._outside.get(gid, ()),
            clashes=self._touching.get(gid, ()),
        )

    # -- groups ---------------------------------------------------------------------------

    def _regroup(self) -> tuple[dict[str, _Group], dict[str, _Group]]:
        """The groups gone and made, by id (a group changed is in both)."""
        components_gone, components_made = self._grouping.settle()
        gone: dict[str, _Group] = {}
        for component, (numbers, one_first, one_text) in components_gone.items():
            gid = self._gid_of_component.pop(component)
            del self._groups[gid]
            if one_text is None:
                first, texts = self._several.pop(gid)
            else:
                assert one_first is not None, gid
                first, texts = one_first, (one_text,)
            gone[gid] = _Group(gid, first, texts, numbers)
            place = bisect_left(self._firsts, first)
            del self._firsts[place], self._order[place]
        made: dict[str, _Group] = {}
        figures = self._figures
        for component in components_made:
            group = self._made(component)
            gid, first = group.gid, group.first
            made[gid] = group
            if len(group.texts) > 1:
                self._several[gid] = (first, group.texts)
            for member in self._members(group):
                if member in figures:
                    self._gid_of[member] = gid
            self._groups[gid] = component
            self._gid_of_component[component] = gid
            place = bisect_left(self._firsts, first)
            self._firsts.insert(place, first)
            self._order.insert(place, gid)
        return gone, made

    def _made(self, component: int, gid: str | None = None) -> _Group:
        """The group of a component (`gid`: its id, when known)."""
        grouping = self._grouping
        numbers = grouping.members(component)
        texts: tuple[ClaimText, ...]
        if len(numbers) == 1:
            first, texts = grouping.first(numbers[0]), (grouping.text(numbers[0]),)
        elif gid is not None:
            first, texts = self._several[gid]
        else:
            ordered = sorted((grouping.first(n), n) for n in numbers)
            first, texts = ordered[0][0], tuple(grouping.text(n) for _, n in ordered)
        if gid is None:
            gid = group_id(first[1], first[2])
        return _Group(gid, first, texts, numbers)

    def _group(self, gid: str) -> _Group:
        return self._made(self._groups[gid], gid)

    def _members(self, group: _Group) -> tuple[Key, ...]:
        """The keys of a group's claims, sorted (the grouping's own key tuples)."""
        held, numbers = self._grouping.held, group.numbers
        if len(numbers) == 1:
            return held(numbers[0])
        return tuple(sorted(chain.from_iterable(map(held, numbers))))

    def _texts(self, gid: str) -> tuple[ClaimText, ...]:
        """The texts of a group, in the order of their first claims."""
        several = self._several.get(gid)
        if several is not None:
            return several[1]
        grouping = self._grouping
        return (grouping.text(grouping.members(self._groups[gid])[0]),)

    def _first(self, gid: str) -> Key:
        """The first claim of a group."""
        several = self._several.get(gid)
        if several is not None:
            return several[0]
        return self._grouping.first(self._grouping.members(self._groups[gid])[0])

    # -- denials --------------------------------------------------------------------------

    def _retarget(self, gone: dict[str, _Group], made: dict[str, _Group]) -> set[str]:
        """Follow the groups gone and made and the denials changed; returns the groups
        whose denials changed."""
        frequency = self._group_frequency
        before: dict[str, int] = {}
        holders_before: dict[str, int] = {}
        keys_of = {gid: group.keys() for gid, group in made.items()}
        keys_gone = {gid: group.keys() for gid, group in gone.items()}
        subjects_of: dict[str, Collection[str]] = {}
        subjects_gone: dict[str, Collection[str]] = {}
        for groups, step, keys_by, subjects_by in (
            (gone, -1, keys_gone, subjects_gone),
            (made, 1, keys_of, subjects_of),
        ):
            for gid, group in groups.items():
                for key in keys_by[gid]:
                    before.setdefault(key, frequency[key])
                    frequency[key] += step
                    if not frequency[key]:
                        del frequency[key]
                    if key.startswith("fig:"):
                        self._count_figure(key)
                subjects = subjects_by[gid] = group.subjects()
                for subject in subjects:
                    holders_before.setdefault(subject, len(self._subject_groups.get(subject, ())))
                    _step(self._subject_groups, subject, gid, step)
        # A denial whose subjects in use change, or that is new, is scored again on every
        # group; one whose rarest keys may change too, unless they come out the same (its
        # verdict on a group left alone is then the same); the others, and those, on the
        # groups made that they may be aimed at (`_near`).
        changed_keys = [key for key, count in before.items() if frequency[key] != count]
        maybe = self._passed(before)
        by_rare = self._by_rare
        for key in changed_keys:
            maybe.update(by_rare.get(key, ()))
        most = self.settings.max_subject_groups
        again: set[ClaimText] = set()
        for subject, count in holders_before.items():
            now = len(self._subject_groups.get(subject, ()))
            if (count <= most) != (now <= most):
                again |= self._by_denial_subject.get(subject, set())
        # a figure denied stated by more or fewer groups: compared with others (qa17 Q3)
        denying = self._denying_value
        for key in changed_keys:
            if key.startswith("fig:"):
                again |= denying.get(key.rpartition(":")[2], set())
        for pair in self._claims_changed:  # a denial that became or stopped being a claim
            for item in pair:
                if item is not None and item.text in self._denial_keys:
                    maybe.add(item.text)
        changed: set[str] = set()
        for old, new in self._denials_changed:
            if old is not None:
                changed |= self._unaim(old)
            if new is not None:
                maybe.add(new.text)
                changed |= self._aim(new)
        near, follows = self._near(gone, made, (keys_gone, subjects_gone), (keys_of, subjects_of))
        for text in maybe - again:
            if text in self._denial_keys:
                if self._same_rare(text):
                    near.add(text)
                else:
                    again.add(text)
        # Each group's later texts indexed once for all the denials scored on it here.
        indexes: dict[str, LaterIndex | None] = {}
        for text in again:
            if text in self._denial_keys:
                changed |= self._rescore(text, indexes)
        made_with = {gid: (group, keys_of[gid], subjects_of[gid]) for gid, group in made.items()}
        made_indexes: dict[str, LaterIndex | None] = {}
        for text in near - again:
            if text in self._denial_keys:
                changed |= self._rescore_near(text, gone, made_with, follows, made_indexes)
        return changed

    def _near(
        self,
        gone: dict[str, _Group],
        made: dict[str, _Group],
        gone_with: tuple[Mapping[str, Collection[str]], Mapping[str, Collection[str]]],
        made_with: tuple[Mapping[str, Collection[str]], Mapping[str, Collection[str]]],
    ) -> tuple[set[ClaimText], dict[str, _Follows]]:
        """The denial texts whose targets the groups gone and made may change (their
        rarest keys and subjects in use as they were), and what changed in each group
        made that follows a group gone (`gone_with`, `made_with`: their keys and
        subjects, by id).

        A group made follows a group gone when its first FIRST_TEXTS texts are the
        same: a denial is compared with those and with the later texts holding its
        rarest keys or subjects in use, so one that no text added or taken holds has
        the verdict on the group made it had on the group gone (a verdict depends on
        the group alone). A text joining a group of 700 texts had all the denials
        holding one of their keys scored again on it (1,200 of them)."""
        by_rare, by_subject = self._by_rare, self._by_denial_subject
        by_stating = self._by_stating
        subject_groups, most = self._subject_groups, self.settings.max_subject_groups
        near: set[ClaimText] = set()

        def touching(keys: Collection[str], subjects: Iterable[str]) -> set[ClaimText]:
            found: set[ClaimText] = set()
            if len(keys) < len(by_rare):
                held = [key for key in keys if key in by_rare]
            else:
                held = [key for key in by_rare if key in keys]
            for key in held:
                found.update(by_rare[key])
            for key in [key for key in by_stating if key in keys] if by_stating else ():
                found.update(by_stating[key])
            for subject in subjects:
                if len(subject_groups.get(subject, ())) <= most:
                    found |= by_subject.get(subject, set())
            return found

        keys_gone, subjects_gone = gone_with
        keys_of, subjects_of = made_with
        by_firsts = {frozenset(group.texts[:FIRST_TEXTS]): group for group in gone.values()}
        follows: dict[str, _Follows] = {}
        for gid, group in made.items():
            was = by_firsts.get(frozenset(group.texts[:FIRST_TEXTS]))
            if was is None:
                near |= touching(keys_of[gid], subjects_of[gid])
                continue
            texts, before = set(group.texts), set(was.texts)
            added = tuple(text for text in group.texts if text not in before)
            taken = before - texts
            moved = [*added, *taken]
            found = touching(
                _union(text.keys for text in moved) if moved else (),
                _union(text.subjects for text in moved) if moved else (),
            )
            follows[gid] = _Follows(
                was, keys_gone[was.gid], subjects_gone[was.gid], added, bool(taken), found
            )
            near |= found
            if was.gid != gid:  # renamed: the denials aimed at it follow
                denials = self._denials
                near.update(denials[key].text for key in self._aimed.get(was.gid, ()))
        kept = {follow.was.gid for follow in follows.values()}
        for gid in gone:
            if gid not in kept:
                near |= touching(keys_gone[gid], subjects_gone[gid])
        return near, follows

    def _same_rare(self, text: ClaimText) -> bool:
        """Whether the denial text's rarest keys, chosen again, are the ones it was
        scored with (kept in their new order: _passed reads the last); False for one
        never scored."""
        old = self._rare.get(text)
        if old is None:
            return False
        own = self._grouping.holds(text)
        rare = rare_keys(text, self._group_frequency, self.settings, own)
        if len(rare) != len(old) or set(rare) != set(old):
            return False
        self._rare[text] = rare
        return True

    def _target_all(self) -> None:
        """Every denial aimed, at once, as build_ledger() does (denial_targets())."""
        groups = [self._group(gid) for gid in self._groups]
        for group in groups:
            keys = group.keys()
            self._group_frequency.update(keys)
            for key in keys:
                if key.startswith("fig:"):
                    self._count_figure(key)
            for subject in group.subjects():
                self._subject_groups[subject].add(group.gid)
        for denial in self._denials_changed:
            if denial[1] is not None:
                self._aim(denial[1])
        texts = list(self._denial_keys)
        gids = [group.gid for group in groups]
        verdicts = denial_targets(
            texts,
            [group.texts for group in groups],
            self.settings,
            [self._denied[text] for text in texts],
        )
        for text, numbers in zip(texts, verdicts, strict=True):
            own = self._grouping.holds(text)
            rare = self._rare[text] = rare_keys(text, self._group_frequency, self.settings, own)
            for key in rare:
                self._by_rare.setdefault(key, []).append(text)
            self._restate(text)
            self._retargeted(text, frozenset(), frozenset(gids[n] for n in numbers))

    def _passed(self, before: dict[str, int]) -> set[ClaimText]:
        """The denial texts whose rarest keys a change of these keys' counts (among the
        groups) can change, besides those holding one among their rarest: those the
        key now passes (it became rarer than their last rarest, or useful)."""
        most, first = self.settings.max_block, self.settings.keys_per_claim
        frequency = self._group_frequency
        found: set[ClaimText] = set()
        for key, count in before.items():
            now = frequency[key]
            if not 0 < now <= most or (now >= count and 1 < count <= most):
                continue  # not useful, or no rarer than it was (nor first useful)
            rank = (now, key_order(key))
            for text in self._by_denial_key.get(key, ()):
                own = self._grouping.holds(text)
                if not own < now or (now >= count and own < count <= most):
                    continue
                rare = self._rare.get(text)
                if rare is None or len(rare) < first:
                    found.add(text)
                elif key not in rare:
                    last = rare[-1]
                    if rank < (frequency[last], key_order(last)):
                        found.add(text)
        return found

    def _count_figure(self, key: str) -> None:
        """Keep the figure key under its value while some group holds it."""
        value = key.rpartition(":")[2]
        if self._group_frequency[key] > 0:
            self._figure_keys[value].add(key)
        else:
            discard_from(self._figure_keys, value, key)

    def _restate(self, text: ClaimText) -> list[str]:
        """The denial text's stating keys read again (denials.stating_keys), indexed."""
        for key in self._stating.pop(text, ()):
            _take_text(self._by_stating, key, text)
        stating = stating_keys(
            self._denied[text], self._figure_keys, self._group_frequency, self.settings.max_block
        )
        if stating:
            self._stating[text] = stating
            for key in stating:
                self._by_stating.setdefault(key, []).append(text)
        return stating

    def _aim(self, denial: Item) -> set[str]:
        """Aim the denial where its text is aimed; returns those groups."""
        text = denial.text
        keys = self._denial_keys.get(text)
        if keys is None:
            keys = self._denial_keys[text] = []
            denied = self._denied[text] = denied_words(denial.annotation.quote)
            for value in getattr(denied, "figures", ()):
                self._denying_value[value].add(text)
            for key in text.keys:
                self._by_denial_key.setdefault(key, []).append(text)
            for subject in text.subjects:
                self._by_denial_subject[subject].add(text)
        place = bisect_left(keys, denial.key)
        if place == len(keys) or keys[place] != denial.key:
            keys.insert(place, denial.key)
        targets = self._targets.get(text, ())
        for gid in targets:
            _insert(self._aimed, gid, denial.key)
        return set(targets)

    def _unaim(self, denial: Item) -> set[str]:
        text = denial.text
        keys = self._denial_keys[text]
        place = bisect_left(keys, denial.key)
        if place < len(keys) and keys[place] == denial.key:
            del keys[place]
        targets = self._targets.get(text, ())
        for gid in targets:
            remove_sorted(self._aimed, gid, denial.key)
        if not keys:
            del self._denial_keys[text]
            denied = self._denied.pop(text)
            for value in getattr(denied, "figures", ()):
                discard_from(self._denying_value, value, text)
            for key in self._stating.pop(text, ()):
                _take_text(self._by_stating, key, text)
            for key in text.keys:
                _take_text(self._by_denial_key, key, text)
            for subject in text.subjects:
                discard_from(self._by_denial_subject, subject, text)
            for key in self._rare.pop(text, ()):
                _take_text(self._by_rare, key, text)
            self._targets.pop(text, None)
        return set(targets)

    def _rescore(self, text: ClaimText, indexes: dict[str, LaterIndex | None]) -> set[str]:
        """Score the denial text again; returns the groups it is aimed at or no longer."""
        settings = self.settings
        for key in self._rare.get(text, ()):
            _take_text(self._by_rare, key, text)
        own = self._grouping.holds(text)
        rare = self._rare[text] = rare_keys(text, self._group_frequency, settings, own)
        for key in rare:
            self._by_rare.setdefault(key, []).append(text)
        # the groups holding a rare key: those of the texts holding it
        grouping, gid_of_component = self._grouping, self._gid_of_component
        component_of = grouping.component_of
        by_text = {
            gid_of_component[component_of[number]]
            for key in chain(rare, self._restate(text))
            for number in grouping.holding(key)
        }
        by_topic: set[str] = set()
        usable = []
        for subject in text.subjects:
            holding = self._subject_groups.get(subject, set())
            if len(holding) <= settings.max_subject_groups:
                by_topic |= holding
                usable.append(subject)
        candidates = sorted(by_text | by_topic)
        number = {gid: n for n, gid in enumerate(candidates)}
        texts = list(map(self._texts, candidates))
        hits = scored(
            text,
            self._denied[text],
            {number[gid] for gid in by_text},
            {number[gid] for gid in by_topic},
            Samples(texts, rare, usable, kept_indexes(candidates, texts, indexes)),
            settings,
            rare,
            usable,
        )
        old = frozenset(self._targets.get(text, ()))
        return self._retargeted(text, old, frozenset(candidates[n] for n in hits))

    def _rescore_near(
        self,
        text: ClaimText,
        gone: dict[str, _Group],
        made: dict[str, tuple[_Group, Collection[str], Collection[str]]],
        follows: Mapping[str, _Follows],
        indexes: dict[str, LaterIndex | None],
    ) -> set[str]:
        """Score the denial text again on the groups made only (each with its keys and
        subjects; its rarest keys and the subjects it may use are the same: a verdict on
        a group depends on that group alone); returns the groups it is aimed at or no
        longer.

        A group made following a group gone (`_near`) keeps the verdict the group gone
        had when no text added or taken touches the denial. When some do, the group
        was a candidate, and its subjects give the same threshold: a group that only
        gained texts is still aimed at, or aimed at when one of the texts gained
        that the denial is compared with answers it; one that only lost texts and was
        not aimed at still is not. Otherwise it is scored whole."""
        old = frozenset(self._targets.get(text, ()))
        kept = {gid for gid in old if gid not in gone}
        scored_on: dict[str, tuple[_Group, Collection[str], Collection[str]]] = {}
        for gid, entry in made.items():
            follow = follows.get(gid)
            if follow is None:
                scored_on[gid] = entry
                continue
            if text not in follow.touched:
                if follow.was.gid in old:
                    kept.add(gid)
                continue
            if self._stating.get(text):  # compared by a figure too: scored whole
                scored_on[gid] = entry
                continue
            rare, usable = self._in_use(text)
            topic = not usable.isdisjoint(entry[2])
            if (
                (follow.added and follow.removed)
                or topic != (not usable.isdisjoint(follow.subjects))
                or (rare.isdisjoint(follow.keys) and usable.isdisjoint(follow.subjects))
            ):
                scored_on[gid] = entry
            elif follow.was.gid in old:
                if follow.removed:
                    scored_on[gid] = entry
                else:
                    kept.add(gid)
            elif follow.added and self._answered_by(text, follow.added, topic, rare, usable):
                kept.add(gid)
        if scored_on:
            kept.update(self._hits_near(text, scored_on, indexes))
        return self._retargeted(text, old, frozenset(kept))

    def _in_use(self, text: ClaimText) -> tuple[set[str], set[str]]:
        """The denial text's rarest keys and the subjects it may use (held by at most
        max_subject_groups groups)."""
        most = self.settings.max_subject_groups
        usable = {
            subject
            for subject in text.subjects
            if len(self._subject_groups.get(subject, ())) <= most
        }
        return set(self._rare[text]), usable

    def _answered_by(
        self,
        text: ClaimText,
        added: Sequence[ClaimText],
        topic: bool,
        rare: set[str],
        usable: set[str],
    ) -> bool:
        """Whether one of these texts (a group's later texts) that the denial text is
        compared with (holding one of its `rare` keys or `usable` subjects) answers it
        (`topic`: the group speaks of its subject)."""
        compared = [
            one
            for one in added
            if not rare.isdisjoint(one.keys) or not usable.isdisjoint(one.subjects or ())
        ]
        if not compared:
            return False
        samples = Samples([compared], rare, usable)
        on = {0}
        return bool(
            scored(text, self._denied[text], on, on if topic else set(), samples,
                   self.settings, rare, usable)
        )  # fmt: skip

    def _hits_near(
        self,
        text: ClaimText,
        made: dict[str, tuple[_Group, Collection[str], Collection[str]]],
        indexes: dict[str, LaterIndex | None],
    ) -> list[str]:
        """The groups made the denial text is aimed at."""
        settings = self.settings
        rare, usable = self._in_use(text)
        keyed = rare.union(self._stating.get(text, ()))  # what makes a group a candidate
        candidates = [
            gid
            for gid, (_, keys, subjects) in made.items()
            if not keyed.isdisjoint(keys) or not usable.isdisjoint(subjects)
        ]
        if not candidates:
            return []
        by_text = {n for n, gid in enumerate(candidates) if not keyed.isdisjoint(made[gid][1])}
        by_topic = {n for n, gid in enumerate(candidates) if not usable.isdisjoint(made[gid][2])}
        texts = [made[gid][0].texts for gid in candidates]
        samples = Samples(texts, rare, usable, kept_indexes(candidates, texts, indexes))
        hits = scored(text, self._denied[text], by_text, by_topic, samples, settings, rare, usable)
        return [candidates[n] for n in hits]

    def _retargeted(
        self, text: ClaimText, old: frozenset[str], targets: frozenset[str]
    ) -> set[str]:
        """The denial text aimed at `targets` instead of `old`; returns the groups
        gained or lost."""
        if targets == old:
            return set()
        self._targets[text] = tuple(targets)
        denials = self._denial_keys[text]
        for gid in old - targets:
            for denial in denials:
                remove_sorted(self._aimed, gid, denial)
        for gid in targets - old:
            for denial in denials:
                _insert(self._aimed, gid, denial)
        return set(old ^ targets)

    # -- conflicting figures --------------------------------------------------------------

    def _reclash(self, gone: dict[str, _Group], made: dict[str, _Group]) -> set[str]:
        """Compare again the buckets whose figures came, went or moved; returns the
        groups whose conflicts changed."""
        classes = self.settings.conflict_whats
        dirty: set[Bucket] = set()
        final: dict[tuple[Key, int], Figure | None] = {}
        """Each figure's place (claim, position) as the changes leave it (None: gone)."""
        for old, new in self._claims_changed:
            for item, present in ((old, False), (new, True)):
                if item is not None:
                    for place, one in enumerate(item.figures):
                        if comparable(one, classes):
                            final[(item.key, place)] = one if present else None
        for where, figure in final.items():
            bucket = self._bucket_of_place.get(where)
            if bucket is not None and self._bucket_figures[bucket][where] is figure:
                continue
            if bucket is not None:
                del self._bucket_figures[bucket][where], self._bucket_of_place[where]
                dirty.add(bucket)
            if figure is not None:
                bucket = self._bucket_of_place[where] = bucket_of(figure.measure)
                self._bucket_figures[bucket][where] = figure
                dirty.add(bucket)
        # the claims of the texts of the groups gone, with those groups' first claims (a
        # claim taken out or put in has its figures in `final`)
        grouping = self._grouping
        first_before = {
            key: group.first
            for group in gone.values()
            for number in group.numbers
            for key in grouping.held(number)
        }
        figures_of = self._figures
        for group in made.values():
            for member in self._members(group):
                figures = figures_of.get(member)
                if figures and first_before.get(member) != group.first:
                    dirty.update(
                        bucket_of(figure.measure)
                        for figure in figures
                        if comparable(figure, classes)
                    )
        if not dirty:
            return set()
        gids: set[str] = set()
        topics: set[str] = set()
        for bucket in dirty:
            old_gids = self._bucket_by_gid.pop(bucket, {})
            old_topics = self._bucket_by_topic.pop(bucket, {})
            self._compare(bucket)
            new_gids = self._bucket_by_gid.get(bucket, {})
            new_topics = self._bucket_by_topic.get(bucket, {})
            # only where the bucket's share changed (the same clashes, ranked the same)
            for olds, news, holders, moved in (
                (old_gids, new_gids, self._gid_buckets, gids),
                (old_topics, new_topics, self._topic_buckets, topics),
            ):
                for name in olds.keys() | news.keys():
                    if olds.get(name) != news.get(name):
                        moved.add(name)
                    if name in news:
                        holders[name].add(bucket)
                    else:
                        discard_from(holders, name, bucket)
        for topic in topics:
            self._conflict(topic)
        # A group this change made may hold the same clashes, ranked the same, with a
        # figure of another group now its own: what it shares with groups elsewhere
        # moved though no ranked list did (rv9 R5: a stale conflict topic).
        gids.update(gid for gid in made if gid in self._gid_buckets)
        return {gid for gid in gids if self._share(gid) and gid in self._groups}

    def _compare(self, bucket: Bucket) -> None:
        """Compare the bucket's figures again, in the ledger's order."""
        figures = self._bucket_figures.get(bucket)
        if not figures:
            self._bucket_figures.pop(bucket, None)
            self._bucket_found.pop(bucket, None)
            return
        gid_of, first = self._gid_of, self._first
        ordered = sorted(
            ((first(gid_of[key]), key, place), figure) for (key, place), figure in figures.items()
        )
        met = ordered[0][0]
        found = find_clashes((figure for _, figure in ordered), self.settings.conflict_whats)
        # the clashes found before, kept where the same: a clash is its two figures
        # (and the part), so that what holds them compares them by identity
        before = {
            (id(c.low), id(c.high), id(c.part)): c for _, c in self._bucket_found.get(bucket, ())
        }
        ranked: list[Ranked] = []
        by_gid: dict[str, list[Ranked]] = defaultdict(list)
        by_topic: dict[str, list[tuple[Ranked, str, str]]] = defaultdict(list)
        last: tuple[float, float, Key, Key] | None = None
        tie = 0
        for clash in found:
            clash = before.get((id(clash.low), id(clash.high), id(clash.part)), clash)
            low, high = clash.low, clash.high
            value = (low.measure.base_value, high.measure.base_value, low.key, high.key)
            # find_clashes() sorts on `value`, ties as found: only a tie's place counts
            tie = tie + 1 if value == last else 0
            last = value
            one = ((*value, met, tie), clash)
            ranked.append(one)
            low_gid, high_gid = gid_of[low.key], gid_of[high.key]
            by_gid[low_gid].append(one)
            if high_gid != low_gid:
                by_gid[high_gid].append(one)
            by_topic[low.quantity.topic].append((one, low_gid, high_gid))
        self._bucket_found[bucket] = ranked
        self._bucket_by_gid[bucket] = dict(by_gid)
        self._bucket_by_topic[bucket] = dict(by_topic)

    def _share(self, gid: str) -> bool:
        """Gather the clashes touching the group from every bucket, in find_clashes()'s
        order; returns whether they changed."""
        ranked = sorted(
            chain.from_iterable(
                self._bucket_by_gid[bucket][gid] for bucket in self._gid_buckets.get(gid, ())
            )
        )
        gid_of = self._gid_of
        touching = tuple(clash for _, clash in ranked)
        inside = False
        topics: set[str] = set()
        for clash in touching:
            low, high = gid_of[clash.low.key], gid_of[clash.high.key]
            if low == high:
                inside = True
            else:
                topics.add((clash.low if low == gid else clash.high).quantity.topic)
        outside = tuple(sorted(topics))
        if (
            touching == self._touching.get(gid, ())
            and outside == self._outside.get(gid, ())
            and inside == (gid in self._inside)
        ):
            return False
        for value, into in ((touching, self._touching), (outside, self._outside)):
            if value:
                into[gid] = value  # type: ignore[assignment]
            else:
                into.pop(gid, None)
        if inside:
            self._inside.add(gid)
        else:
            self._inside.discard(gid)
        return True

    def _conflict(self, topic: str) -> None:
        """The topic's Conflict made again from its clashes in every bucket (the one
        before kept when the same)."""
        found = [
            clash
            for (_, clash), _, _ in sorted(
                chain.from_iterable(
                    self._bucket_by_topic[bucket][topic]
                    for bucket in self._topic_buckets.get(topic, ())
                )
            )
        ]
        if not found:
            self._conflicts.pop(topic, None)
            return
        figures = figures_in(found)
        gid_of = self._gid_of
        groups = tuple(dict.fromkeys(gid_of[figure.key] for figure in figures))
        old = self._conflicts.get(topic)
        if old is not None and old.clashes == tuple(found) and old.groups == groups:
            return
        first = found[0].low
        self._conflicts[topic] = Conflict(
            topic=topic,
            what=first.measure.unit_class,
            who=first.quantity.who,
            figures=tuple(figures),
            groups=groups,
            clashes=tuple(found),
        )


_annotation_key: Callable[[Annotation], Key] = attrgetter("annotator", "article_id", "index")
"""Annotation.key (the order group_sides lists denials in)."""


def by_key(annotations: Iterable[Annotation]) -> dict[Key, Annotation]:
    return {annotation.key: annotation for annotation in annotations}


def _union(values: Iterable[Collection[str]]) -> Collection[str]:
    """The distinct strings of these (the only one's own, when there is one)."""
    found = list(values)
    return found[0] if len(found) == 1 else frozenset().union(*found)


def _step(index: dict[str, set[str]], key: str, gid: str, step: int) -> None:
    if step > 0:
        index[key].add(gid)
    else:
        discard_from(index, key, gid)


def _take_text(index: dict[str, list[ClaimText]], key: str, text: ClaimText) -> None:
    """Take the text (or one equal to it: texts are dict keys here) from the list under
    `key`, and the list once empty."""
    found = index.get(key)
    if found is None:
        return
    tokens = text.sorted_tokens
    for place, there in enumerate(found):
        if there is text or (there.sorted_tokens == tokens and there == text):
            del found[place]
            break
    if not found:
        del index[key]


def _insert(index: dict[str, list[Key]], name: str, key: Key) -> None:
    """Put `key` in the sorted list under `name`, once."""
    found = index.setdefault(name, [])
    place = bisect_left(found, key)
    if place == len(found) or found[place] != key:
        found.insert(place, key)


def discard_from(index: MutableMapping[Name, set[Value]], key: Name, value: Value) -> None:
    """Take `value` from the set under `key`, and the set once empty."""
    found = index.get(key)
    if found is not None:
        found.discard(value)
        if not found:
            del index[key]


def kept_indexes(
    gids: Sequence[str],
    texts: Sequence[Sequence[ClaimText]],
    kept: dict[str, LaterIndex | None],
) -> Callable[[int], LaterIndex | None]:
    """Samples' `indexes`: None the first time a denial scored in this change asks for a
    group (read as before: most groups are asked for once), its LaterIndex from the
    second on, made then and `kept` for the others."""

    def index_of(place: int) -> LaterIndex | None:
        gid = gids[place]
        if gid not in kept:
            kept[gid] = None
            return None
        found = kept[gid]
        if found is None:
            found = kept[gid] = later_index(texts[place])
        return found

    return index_of
