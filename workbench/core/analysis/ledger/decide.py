"""The analyst's merge and split decisions replayed, in order, on the automatic groups.

A group is named by its smallest sentence (article id, sentence index): the same name
in every analyst's summary and in another database once an export is imported, so a
decision made in one analyst's view finds its groups in the "all analysts" view and
after an import. A split names a claim by its annotation key and takes that sentence
(every analyst's line of it) out of its group.

Decisions stored before groups were named by sentence named a group by its smallest
annotation key (annotator, article id, index), in the view of the analyst who made
them. Such a name is still found: it is the group holding that key as the smallest of
one analyst's keys (`legacy_group_id`). A merge whose named group is gone under that
name (its first sentence untagged, or an earlier claim joined it) finds it by the
sentences it had when the merge was made (`Merge.members`), when they are most of a
group now; never a bigger group that merely holds one of them. A decision whose groups
or member are gone is returned as ignored, never dropped unseen.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from workbench.core.analysis.ledger.decisions import (
    Dismiss,
    LedgerDecision,
    Merge,
    Split,
    no_longer_applies,
)
from workbench.core.annotation import AnnotationKey

Member = TypeVar("Member")
KeysOf = Callable[[Member], Iterable[AnnotationKey]]


def _hashed(*parts: object) -> str:
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"g-{digest[:10]}"


def group_id(article_id: str, index: int) -> str:
    """The name of a group whose smallest sentence is (article_id, index): interned, so
    that the summary and the open summary's live ledger share one string per group
    (20,000 of each, 1.2 MB, at 100,000 annotations)."""
    return sys.intern(_hashed(article_id, index))


def legacy_group_id(key: AnnotationKey) -> str:
    """The name groups had before: a hash of the smallest member's annotation key."""
    return _hashed(*key)


class DecidedGroups(Generic[Member]):
    """The groups by name while decisions are replayed."""

    def __init__(
        self,
        groups: Iterable[list[Member]],
        key_of: Callable[[Member], AnnotationKey],
        keys_of: KeysOf[Member] | None = None,
    ) -> None:
        """`key_of` gives a member's annotation key; `keys_of` every key it stands for
        (with several analysts, one line stands for each analyst who gave it)."""
        self.current: dict[str, list[Member]] = {}
        self._key_of = key_of
        self._keys_of: KeysOf[Member] = keys_of or (lambda member: (key_of(member),))
        self._aliases: dict[str, str] | None = None
        """Earlier names -> the current name, made when a decision first needs one."""
        self._aliases_of: dict[str, list[str]] = {}
        self._homes: dict[tuple[str, int], str] | None = None
        for group in groups:
            if group:
                self._add(group)

    def replay(self, decisions: Iterable[LedgerDecision]) -> list[LedgerDecision]:
        """Apply `decisions` in order; returns those that were ignored. A dismissal
        (not a conflict) is the ledger's, once the groups are made (dismissals.py)."""
        ignored: list[LedgerDecision] = []
        for decision in decisions:
            if isinstance(decision, Dismiss) and not no_longer_applies(decision):
                continue
            if no_longer_applies(decision):
                done = False  # a sentence of it is gone from the text: applied to no other
            elif isinstance(decision, Merge):
                done = self._merge(decision)
            elif isinstance(decision, Split):
                done = self._split(decision.member)
            else:
                done = False
            if not done:
                ignored.append(decision)
        return ignored

    def _merge(self, merge: Merge) -> bool:
        members = merge.members or tuple(() for _ in merge.groups)
        found = list(
            dict.fromkeys(
                gid
                for name, sentences in zip(merge.groups, members, strict=False)
                if (gid := self._find(name) or self._holding(sentences))
            )
        )
        if len(found) < 2:
            return False
        self._add([member for gid in found for member in self._pop(gid)])
        return True

    def _split(self, member: AnnotationKey) -> bool:
        sentence = (member[1], member[2])

        def in_sentence(item: Member) -> bool:
            key = self._key_of(item)
            return (key[1], key[2]) == sentence

        home = next(
            (gid for gid, group in self.current.items() if any(map(in_sentence, group))), None
        )
        if home is None:
            return False
        group = self.current[home]
        alone = [m for m in group if in_sentence(m)]
        rest = [m for m in group if not in_sentence(m)]
        if not rest:
            return False
        self._pop(home)
        self._add(rest)
        self._add(alone)
        return True

    def _find(self, name: str) -> str | None:
        if name in self.current:
            return name
        if self._aliases is None:
            self._aliases = {}
            for gid, group in self.current.items():
                self._alias(gid, group)
        return self._aliases.get(name)

    def _holding(self, sentences: Iterable[tuple[str, int]]) -> str | None:
        """The group a merge's recorded sentences (one named group's members when it was
        made) now make up: the group holding most of them, provided they are more than
        half of its sentences; None otherwise. So a merged group found again is the same
        group under another name (its first sentence untagged, an earlier claim joined),
        never a bigger group that happens to hold one of its sentences."""
        recorded = set(sentences)
        homes = self._sentence_homes()
        held = Counter(homes[sentence] for sentence in recorded if sentence in homes)
        if not held:
            return None
        gid, count = held.most_common(1)[0]
        return gid if 2 * count > len(self._sentences(self.current[gid])) else None

    def _sentences(self, group: list[Member]) -> set[tuple[str, int]]:
        return {(key[1], key[2]) for member in group for key in self._keys_of(member)}

    def _sentence_homes(self) -> dict[tuple[str, int], str]:
        """Each sentence -> the name of the group holding it, made when a merge first
        needs it and kept up to date by _add and _pop."""
        if self._homes is None:
            self._homes = {
                sentence: gid
                for gid, group in self.current.items()
                for sentence in self._sentences(group)
            }
        return self._homes

    def _add(self, group: list[Member]) -> None:
        keys = list(map(self._key_of, group))
        gid = group_id(*min((key[1], key[2]) for key in keys))
        if gid in self.current:  # two lines of one sentence in two groups: never one name
            gid = legacy_group_id(min(keys))
        self.current[gid] = group
        if self._aliases is not None:
            self._alias(gid, group)
        if self._homes is not None:
            self._homes.update(dict.fromkeys(self._sentences(group), gid))

    def _pop(self, gid: str) -> list[Member]:
        if self._aliases is not None:
            for alias in self._aliases_of.pop(gid, ()):
                if self._aliases.get(alias) == gid:
                    del self._aliases[alias]
        group = self.current.pop(gid)
        if self._homes is not None:
            for sentence in self._sentences(group):
                if self._homes.get(sentence) == gid:
                    del self._homes[sentence]
        return group

    def _alias(self, gid: str, group: list[Member]) -> None:
        """The group's earlier names: the smallest key of each analyst's in it."""
        assert self._aliases is not None
        smallest: dict[str, AnnotationKey] = {}
        for member in group:
            for key in self._keys_of(member):
                if key[0] not in smallest or key < smallest[key[0]]:
                    smallest[key[0]] = key
        names = [legacy_group_id(key) for key in smallest.values()]
        self._aliases_of[gid] = names
        for name in names:
            self._aliases.setdefault(name, gid)
