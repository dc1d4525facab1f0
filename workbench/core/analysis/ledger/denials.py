"""Which claim groups a denial is aimed at.

A denial is compared with the groups that share one of its rare words or figures (it
must reach denial_threshold) and with the groups that speak of its subject, when at
most max_subject_groups do (it must reach denial_threshold - subject_bonus). Each
group is scored on its first denial_samples distinct texts, all candidates of one
denial in a single rapidfuzz call.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from itertools import chain

from rapidfuzz import fuzz, process

from workbench.core.analysis.ledger.claim_text import ClaimText
from workbench.core.analysis.ledger.grouping import key_order
from workbench.core.analysis.ledger.settings import LedgerSettings


def denial_targets(
    denials: Sequence[ClaimText],
    groups: Sequence[Sequence[ClaimText]],
    settings: LedgerSettings,
) -> list[list[int]]:
    """For each denial text, the numbers of the groups it targets (in order).

    `groups` holds each group's distinct texts, in member order.
    """
    if not denials:
        return []
    group_keys = [_joined([text.keys for text in texts]) for texts in groups]
    frequency: Counter[str] = Counter(chain.from_iterable(group_keys))
    rare = {text: rare_keys(text, frequency, settings) for text in denials}
    by_key = _holders(group_keys, frozenset(chain.from_iterable(rare.values())))
    group_subjects = [_joined([text.subjects for text in texts]) for texts in groups]
    by_subject = _holders(group_subjects, frozenset().union(*(t.subjects for t in denials)))
    samples = Samples(groups, settings.denial_samples)
    targets = []
    for text in denials:
        by_text = set(chain.from_iterable(by_key.get(key, ()) for key in rare[text]))
        by_topic = set(
            chain.from_iterable(
                by_subject.get(subject, ())
                for subject in text.subjects
                if len(by_subject.get(subject, ())) <= settings.max_subject_groups
            )
        )
        targets.append(scored(text, by_text, by_topic, samples, settings))
    return targets


def _joined(values: list[Collection[str]]) -> Collection[str]:
    """The distinct values of these (a text's own keys when it is the only one)."""
    return values[0] if len(values) == 1 else frozenset().union(*values)


def rare_keys(text: ClaimText, frequency: Counter[str], settings: LedgerSettings) -> list[str]:
    """The denial's keys_per_claim rarest keys among those some group holds."""
    return sorted(
        (key for key in text.keys if 0 < frequency[key] <= settings.max_block),
        key=lambda key: (frequency[key], key_order(key)),
    )[: settings.keys_per_claim]


def _holders(
    group_values: Sequence[Collection[str]], wanted: frozenset[str]
) -> dict[str, list[int]]:
    """For each wanted key or subject held by some group, the groups holding it."""
    holders: dict[str, list[int]] = defaultdict(list)
    if wanted:
        for number, values in enumerate(group_values):
            for value in wanted.intersection(values):
                holders[value].append(number)
    return dict(holders)


class Samples:
    """Each group's first denial_samples texts, laid out so that the samples of a
    denial's candidate groups are gathered without a Python loop over the groups (most
    groups have one text)."""

    def __init__(self, groups: Sequence[Sequence[ClaimText]], size: int) -> None:
        self.size = size
        self.first = [texts[0].sorted_tokens if size > 0 else "" for texts in groups]
        self.rest = {
            number: [text.sorted_tokens for text in texts[1:size]]
            for number, texts in enumerate(groups)
            if len(texts) > 1 and size > 1
        }
        self.several = frozenset(self.rest)

    def of(self, numbers: list[int]) -> tuple[list[str], list[int]]:
        """The samples of these groups, and the group each belongs to."""
        if self.size <= 0:
            return [], []
        tokens = list(map(self.first.__getitem__, numbers))
        owners = list(numbers)
        for number in self.several.intersection(numbers):
            rest = self.rest[number]
            tokens += rest
            owners += [number] * len(rest)
        return tokens, owners


def scored(
    text: ClaimText,
    by_text: set[int],
    by_topic: set[int],
    samples: Samples,
    settings: LedgerSettings,
) -> list[int]:
    """The candidate groups one of whose samples the denial resembles enough: a group
    it speaks of the subject of needs denial_threshold - subject_bonus, any other
    denial_threshold."""
    if not by_text and not by_topic:
        return []
    choices, owners = samples.of(list(by_text | by_topic))
    needed = max(settings.denial_threshold, 0)
    by_subject = max(settings.denial_threshold - settings.subject_bonus, 0)
    if not by_topic:
        found = process.extract(
            text.sorted_tokens, choices, scorer=fuzz.ratio, score_cutoff=needed, limit=None
        )
        return sorted({owners[position] for _, _, position in found})
    hits: set[int] = set()
    for _, score, position in process.extract(
        text.sorted_tokens,
        choices,
        scorer=fuzz.ratio,
        score_cutoff=min(needed, by_subject),
        limit=None,
    ):
        number = owners[position]
        if score >= (by_subject if number in by_topic else needed):
            hits.add(number)
    return sorted(hits)
