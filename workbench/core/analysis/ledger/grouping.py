"""Which claim texts state the same thing: blocking, then rapidfuzz within blocks.

Comparing every claim with every other is quadratic, so each distinct text is put in
the blocks of its `keys_per_claim` rarest keys (uncommon words) and of all its figures;
a key held by more than `max_block` texts says nothing and makes no block. Inside a
block each text is compared with the block's representatives (the texts met there
that joined no earlier representative, at most `max_reps`), which keeps the work
near-linear when a block holds many versions of one claim.

The comparison is done one representative at a time against every later text of the
block, in one rapidfuzz call each: the same pairs as comparing each text with the
representatives before it, with one call per representative instead of one per text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence, Set
from itertools import chain

from rapidfuzz import fuzz, process

from workbench.core.analysis.ledger.claim_text import ClaimText
from workbench.core.analysis.ledger.settings import LedgerSettings


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, node: int) -> int:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, left: int, right: int) -> None:
        left, right = self.find(left), self.find(right)
        if left != right:
            self.parent[max(left, right)] = min(left, right)


def key_order(key: str) -> str:
    """How keys of equal frequency are ordered: figures first, then words, each by text."""
    return key if key.startswith("fig:") else "word:" + key


def assign_blocks(texts: Sequence[ClaimText], settings: LedgerSettings) -> list[list[int]]:
    """The blocks: for each useful key, the numbers of the texts compared on it (in order).

    rarest_keys() for every text at once: keys are ranked once by (frequency, order),
    so that each text only sorts the ranks of its keys.
    """
    frequency: Counter[str] = Counter(chain.from_iterable(text.keys for text in texts))
    useful = sorted(
        (key for key, count in frequency.items() if 1 < count <= settings.max_block),
        key=lambda key: (frequency[key], key_order(key)),
    )
    rank = {key: number for number, key in enumerate(useful, 1)}
    first = settings.keys_per_claim
    blocks: dict[str, list[int]] = defaultdict(list)
    for number, text in enumerate(texts):
        ranks = sorted(filter(None, map(rank.get, text.keys)))
        chosen = [useful[r - 1] for r in ranks[:first]]
        if text.figure_keys and len(ranks) > first:
            chosen += [useful[r - 1] for r in ranks[first:] if useful[r - 1] in text.figure_keys]
        for key in chosen:
            blocks[key].append(number)
    return [members for members in blocks.values() if len(members) > 1]


def group_texts(texts: Sequence[ClaimText], settings: LedgerSettings) -> list[int]:
    """For each text, the smallest number of the texts it is grouped with."""
    union = _UnionFind(len(texts))
    name_frequency: Counter[str] = Counter(chain.from_iterable(text.names for text in texts))
    common = common_names(name_frequency, settings)
    for members in assign_blocks(texts, settings):
        for member, other in block_edges(members, texts, common, settings):
            union.union(member, other)
    return [union.find(number) for number in range(len(texts))]


def common_names(name_frequency: Mapping[str, int], settings: LedgerSettings) -> set[str]:
    """Names held by more than max_block texts: sharing one earns no name bonus."""
    return {name for name, count in name_frequency.items() if count > settings.max_block}


def chosen_keys(
    text: ClaimText, frequency: Mapping[str, int], settings: LedgerSettings
) -> tuple[tuple[str, ...], frozenset[str]]:
    """The keys one text is blocked on, as assign_blocks() chooses them, for one text
    at a time (ledger/live.py): its keys_per_claim rarest useful keys, and those with
    every useful figure key."""
    useful = sorted(
        (key for key in text.keys if 1 < frequency.get(key, 0) <= settings.max_block),
        key=lambda key: (frequency[key], key_order(key)),
    )
    first = settings.keys_per_claim
    rarest = tuple(useful[:first])
    return rarest, frozenset(rarest).union(key for key in useful[first:] if key in text.figure_keys)


def block_edges(
    members: Sequence[int],
    texts: Sequence[ClaimText] | Mapping[int, ClaimText],
    common: Set[str],
    settings: LedgerSettings,
) -> list[tuple[int, int]]:
    """The pairs of the block's texts that score at least claim_threshold, each a
    representative and a later text: a function of the block's members, in order,
    alone (which is what lets ledger/live.py redo one block, not the grouping)."""
    edges: list[tuple[int, int]] = []
    threshold = settings.claim_threshold
    figure_bonus, name_bonus = settings.figure_bonus, settings.name_bonus
    cutoff = max(threshold - figure_bonus - name_bonus, 0.0)
    sure = figure_bonus >= 0 and name_bonus >= 0
    tokens = [texts[member].sorted_tokens for member in members]
    joined = [False] * len(members)
    representatives = 0
    for position, member in enumerate(members):
        if joined[position] or representatives >= settings.max_reps:
            continue
        representatives += 1
        text = texts[member]
        # ClaimText's word sets are tuples: a representative's as sets, once
        figure_keys, names = set(text.figure_keys), set(text.names)
        later = position + 1
        for _, score, offset in process.extract(
            tokens[position], tokens[later:], scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            other = members[later + offset]
            if not (sure and score >= threshold):
                other_text = texts[other]
                bonus = 0.0
                if figure_keys and not figure_keys.isdisjoint(other_text.figure_keys):
                    bonus += figure_bonus
                shared = names.intersection(other_text.names) if names else names
                if shared and not (common and shared <= common):
                    bonus += name_bonus
                if score + bonus < threshold:
                    continue
            edges.append((member, other))
            joined[later + offset] = True
    return edges
