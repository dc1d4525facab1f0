"""The claim ledger: claims that state the same thing, grouped across articles.

Two claims join a group when the rapidfuzz similarity of their quotes, plus a bonus for
a shared figure (same counted thing, same value) or shared proper names, reaches
`LedgerSettings.claim_threshold`. Comparing every claim with every other is quadratic,
so claims are first blocked: only claims that share one of their rarest keys (a figure,
a name, an uncommon word) are compared, with `rapidfuzz.process.cdist` per block.

Denials (sentences tagged 'denial') target a group when they resemble one of its
members, with a bonus when they deny the same subject ("North Korean soldiers").

A conflict is a counted thing ("North Korean troops") for which different sources (or,
for unattributed claims, different articles) give different figures, inside one group
or across the whole ledger. The analyst's merge and split decisions are plain dicts,
stored by the store and replayed here in order on top of the automatic grouping; group
ids derive from member keys so a decision still finds its group after new claims come.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process, utils

from workbench.core.annotation import Annotation, AnnotationKey
from workbench.core.quantities import (
    TROOP_NOUNS,
    Quantity,
    extract_quantities,
)


@dataclass(frozen=True, slots=True)
class LedgerSettings:
    """Knobs of the ledger; the defaults were tuned on the bundled articles."""

    claim_threshold: float = 70.0
    """Score (0-100 similarity plus bonuses) at which two claims are one ledger entry."""
    figure_bonus: float = 15.0
    """Added when two claims give the same figure for the same thing."""
    name_bonus: float = 5.0
    """Added when two claims share an uncommon proper name (Ryder, Kursk, Vladivostok)."""
    denial_threshold: float = 70.0
    """Score at which a denial targets a group (similarity to a member plus bonus)."""
    subject_bonus: float = 25.0
    """Added when a denial and a claim speak of the same subject (North Korean troops)."""
    max_block: int = 1000
    """A key shared by more claims than this is too common to say anything: not compared on."""
    keys_per_claim: int = 2
    """How many of its rarest words each claim is compared on (figures always are)."""
    max_reps: int = 40
    """At most this many representatives per block are compared with each claim."""
    max_subject_groups: int = 100
    """A subject held by more groups than this is too common for a denial to target by."""
    denial_samples: int = 3
    """How many distinct texts of a group a denial is compared with."""
    conflict_whats: tuple[str, ...] = ("troops", "killed", "wounded", "casualties", "square miles")
    """Counted things for which differing figures across the ledger are flagged."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_threshold": self.claim_threshold,
            "figure_bonus": self.figure_bonus,
            "name_bonus": self.name_bonus,
            "denial_threshold": self.denial_threshold,
            "subject_bonus": self.subject_bonus,
            "max_block": self.max_block,
            "keys_per_claim": self.keys_per_claim,
            "max_reps": self.max_reps,
            "max_subject_groups": self.max_subject_groups,
            "denial_samples": self.denial_samples,
            "conflict_whats": list(self.conflict_whats),
        }


STOP_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "according",
        "also",
        "would",
        "could",
        "will",
        "may",
        "might",
        "can",
        "not",
        "no",
        "than",
        "then",
        "there",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "while",
        "about",
        "after",
        "before",
        "into",
        "over",
        "more",
        "most",
        "some",
        "such",
        "only",
        "other",
        "just",
        "very",
        "even",
        "still",
        "so",
        "if",
    ]
)
SUBJECT_NOUNS = {word: "troops" for word in TROOP_NOUNS}
SUBJECT_NOUNS |= {
    word: "arms"
    for word in ["arms", "weapons", "munitions", "shells", "missiles", "artillery", "ammunition"]
}
_SUBJECT = re.compile(r"\b(" + "|".join(sorted(SUBJECT_NOUNS, key=len, reverse=True)) + r")\b")
_WHO_BEFORE = re.compile(r"\b(north korean|south korean|russian|ukrainian)s?\s+$")
_PEOPLE = re.compile(r"\b(north korean|south korean|russian|ukrainian)s\b")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number stated in a claim, where it comes from, and what it counts."""

    key: AnnotationKey
    article_id: str
    index: int
    source: str | None
    quantity: Quantity

    @property
    def origin(self) -> str:
        """Who gives the figure: the source, else the article (unattributed)."""
        return self.source or f"article {self.article_id}"


@dataclass(frozen=True, slots=True)
class LedgerGroup:
    """Claims that state the same thing, with the denials aimed at them."""

    id: str
    members: tuple[Annotation, ...]
    denials: tuple[Annotation, ...]
    figures: tuple[Figure, ...]
    conflict: bool
    """Different figures for the same thing from different sources inside this group."""
    conflict_topics: tuple[str, ...] = ()
    """Topics whose figures in this group disagree with figures elsewhere in the ledger."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """One counted thing, several figures from several sources."""

    topic: str
    what: str
    who: str | None
    figures: tuple[Figure, ...]
    groups: tuple[str, ...]

    @property
    def values(self) -> list[float]:
        return sorted({figure.quantity.value for figure in self.figures})


@dataclass(frozen=True, slots=True)
class Ledger:
    groups: tuple[LedgerGroup, ...]
    conflicts: tuple[Conflict, ...]
    ignored_decisions: tuple[dict[str, Any], ...] = ()
    """Decisions that name groups or members no longer present."""


@dataclass(frozen=True, slots=True)
class _Text:
    """What the ledger needs from a quote, computed once per distinct quote."""

    sorted_tokens: str
    """default_process()ed words in sorted order: fuzz.ratio on it is token_sort_ratio."""
    quantities: tuple[Quantity, ...]
    figure_keys: frozenset[str]
    names: frozenset[str]
    words: frozenset[str]
    subjects: frozenset[str]


@dataclass(slots=True)
class _Item:
    """One claim or denial, prepared once for comparison."""

    annotation: Annotation
    text: _Text
    figures: tuple[Figure, ...]
    keys: list[str] = field(default_factory=list)


def group_id(members: Iterable[Annotation]) -> str:
    """Stable id of a group: a hash of its smallest member key (not a list position)."""
    smallest = min(member.key for member in members)
    digest = hashlib.sha1("\x1f".join(map(str, smallest)).encode("utf-8")).hexdigest()
    return f"g-{digest[:10]}"


def member_key(annotation: Annotation) -> list[Any]:
    """JSON form of an annotation key, as used in split decisions."""
    return [annotation.annotator, annotation.article_id, annotation.index]


def subjects_of(text: str) -> frozenset[str]:
    """What a sentence talks about: 'north korean troops', 'arms'."""
    lowered = text.lower()
    found = {f"{who} troops" for who in _PEOPLE.findall(lowered)}
    for match in _SUBJECT.finditer(lowered):
        who = _WHO_BEFORE.search(lowered, max(0, match.start() - 20), match.start())
        kind = SUBJECT_NOUNS[match.group(1)]
        found.add(f"{who.group(1)} {kind}" if who else kind)
    return frozenset(found)


@lru_cache(maxsize=1 << 17)
def _text_features(quote: str) -> _Text:
    quantities = tuple(q for q in extract_quantities(quote) if q.what is not None)
    names: set[str] = set()
    content: set[str] = set()
    for position, word in enumerate(_WORD.findall(quote)):
        lower = word.lower()
        if position and word[0].isupper():
            names.add(lower)
        if len(word) > 3 and lower not in STOP_WORDS:
            content.add(lower)
    return _Text(
        sorted_tokens=" ".join(sorted(utils.default_process(quote).split())),
        quantities=quantities,
        figure_keys=frozenset(f"fig:{q.topic}:{q.value:g}" for q in quantities),
        names=frozenset(names),
        words=frozenset(content),
        subjects=subjects_of(quote),
    )


def _prepare(annotation: Annotation, source_of: Callable[[str | None], str | None]) -> _Item:
    text = _text_features(annotation.quote)
    source = source_of(annotation.source) if text.quantities else None
    figures = tuple(
        Figure(annotation.key, annotation.article_id, annotation.index, source, quantity)
        for quantity in text.quantities
    )
    return _Item(annotation=annotation, text=text, figures=figures)


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


def _all_keys(text: _Text) -> set[str]:
    return set(text.figure_keys) | {f"word:{w}" for w in text.words}


def _assign_keys(texts: Sequence[_Text], settings: LedgerSettings) -> list[list[str]]:
    """Each distinct text's rarest useful keys (figures always count)."""
    all_keys = [_all_keys(text) for text in texts]
    frequency: Counter[str] = Counter(key for keys in all_keys for key in keys)
    chosen_keys = []
    for keys in all_keys:
        useful = sorted(
            (key for key in keys if 1 < frequency[key] <= settings.max_block),
            key=lambda key: (frequency[key], key),
        )
        chosen = useful[: settings.keys_per_claim]
        chosen += [k for k in useful[settings.keys_per_claim :] if k.startswith("fig:")]
        chosen_keys.append(chosen)
    return chosen_keys


def _pair_bonus(left: _Text, right: _Text, settings: LedgerSettings, common: set[str]) -> float:
    bonus = 0.0
    if left.figure_keys & right.figure_keys:
        bonus += settings.figure_bonus
    if (left.names & right.names) - common:
        bonus += settings.name_bonus
    return bonus


def _auto_groups(items: Sequence[_Item], settings: LedgerSettings) -> list[list[int]]:
    """Union claims whose score reaches the threshold, comparing only within blocks.

    Identical texts are one; inside a block each text is compared with the block's
    representatives (the first text of each cluster met there, at most max_reps), which
    keeps the work near-linear when a block holds many versions of one claim.
    """
    distinct: dict[_Text, int] = {}
    text_of_item = [distinct.setdefault(item.text, len(distinct)) for item in items]
    texts = list(distinct)
    union = _UnionFind(len(texts))
    chosen = _assign_keys(texts, settings)
    blocks: dict[str, list[int]] = defaultdict(list)
    for number, keys in enumerate(chosen):
        for key in keys:
            blocks[key].append(number)
    name_frequency: Counter[str] = Counter(n for text in texts for n in text.names)
    common = {n for n, count in name_frequency.items() if count > settings.max_block}
    cutoff = max(settings.claim_threshold - settings.figure_bonus - settings.name_bonus, 0.0)
    for members in blocks.values():
        if len(members) < 2:
            continue
        representatives: list[int] = []
        choices: list[str] = []
        for member in members:
            text = texts[member]
            joined = False
            for _, score, position in process.extract(
                text.sorted_tokens, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
            ):
                other = representatives[position]
                bonus = _pair_bonus(text, texts[other], settings, common)
                if score + bonus >= settings.claim_threshold:
                    union.union(member, other)
                    joined = True
            if not joined and len(representatives) < settings.max_reps:
                representatives.append(member)
                choices.append(text.sorted_tokens)
    groups: dict[int, list[int]] = defaultdict(list)
    for number, text_number in enumerate(text_of_item):
        groups[union.find(text_number)].append(number)
    return list(groups.values())


def apply_decisions(
    groups: list[list[Annotation]], decisions: Iterable[Mapping[str, Any]]
) -> tuple[list[list[Annotation]], list[dict[str, Any]]]:
    """Replay merge and split decisions in order; return the groups and ignored decisions.

    {"action": "merge", "groups": [id, ...]} joins the named groups;
    {"action": "split", "member": [annotator, article_id, index]} takes one claim out.
    """
    current = {group_id(g): list(g) for g in groups if g}
    ignored: list[dict[str, Any]] = []
    for decision in decisions:
        action = decision.get("action")
        if action == "merge":
            named = [i for i in decision.get("groups", []) if i in current]
            if len(named) < 2:
                ignored.append(dict(decision))
                continue
            merged = [member for i in named for member in current.pop(i)]
            current[group_id(merged)] = merged
        elif action == "split":
            wanted = tuple(decision.get("member") or ())
            home = next((i for i, g in current.items() if any(m.key == wanted for m in g)), None)
            if home is None or len(current[home]) < 2:
                ignored.append(dict(decision))
                continue
            group = current.pop(home)
            alone = [m for m in group if m.key == wanted]
            rest = [m for m in group if m.key != wanted]
            current[group_id(rest)] = rest
            current[group_id(alone)] = alone
        else:
            ignored.append(dict(decision))
    return list(current.values()), ignored


def _figure_conflict(figures: Iterable[Figure]) -> bool:
    """Different values from different origins for one topic."""
    by_topic: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_topic[figure.quantity.topic].append(figure)
    return any(_disagree(found) for found in by_topic.values())


def _disagree(figures: Sequence[Figure]) -> bool:
    """True when no single value is given by every origin ('3,000 of a promised 10,000'
    and '10,000' agree on 10,000; '11,000' and '12,000' do not)."""
    by_origin: dict[str, set[float]] = defaultdict(set)
    for figure in figures:
        by_origin[figure.origin].add(figure.quantity.value)
    if len(by_origin) < 2:
        return False
    return not set.intersection(*by_origin.values())


def _targets(
    denials: Sequence[_Item],
    groups: Sequence[list[_Item]],
    settings: LedgerSettings,
) -> list[list[Annotation]]:
    """For each group, the denials aimed at it.

    A denial is compared with the groups that share one of its rare words or figures
    (it must reach denial_threshold) and with the groups that speak of its subject, when
    at most max_subject_groups do (it must reach denial_threshold - subject_bonus). Each
    group is scored on its first denial_samples distinct texts.
    """
    frequency: Counter[str] = Counter()
    by_key: dict[str, set[int]] = defaultdict(set)
    by_subject: dict[str, set[int]] = defaultdict(set)
    samples: list[list[str]] = []
    for number, members in enumerate(groups):
        distinct = list(dict.fromkeys(member.text for member in members))
        keys = {key for text in distinct for key in _all_keys(text)}
        frequency.update(keys)
        for key in keys:
            by_key[key].add(number)
        for subject in {s for text in distinct for s in text.subjects}:
            by_subject[subject].add(number)
        samples.append([text.sorted_tokens for text in distinct[: settings.denial_samples]])
    aimed: list[list[Annotation]] = [[] for _ in groups]
    verdicts: dict[_Text, list[int]] = {}
    for denial in denials:
        text = denial.text
        if text not in verdicts:
            rare = sorted(
                (k for k in _all_keys(text) if 0 < frequency[k] <= settings.max_block),
                key=lambda k: (frequency[k], k),
            )[: settings.keys_per_claim]
            by_text = {n for key in rare for n in by_key[key]}
            by_topic = {
                n
                for subject in text.subjects
                if len(by_subject.get(subject, ())) <= settings.max_subject_groups
                for n in by_subject.get(subject, ())
            }
            verdicts[text] = _scored(text, by_text, by_topic, samples, settings)
        for number in verdicts[text]:
            aimed[number].append(denial.annotation)
    return aimed


def _scored(
    text: _Text,
    by_text: set[int],
    by_topic: set[int],
    samples: Sequence[list[str]],
    settings: LedgerSettings,
) -> list[int]:
    """The candidate groups whose samples the denial resembles enough."""
    hits = []
    for number in sorted(by_text | by_topic):
        needed = settings.denial_threshold - (settings.subject_bonus if number in by_topic else 0)
        if process.extractOne(
            text.sorted_tokens, samples[number], scorer=fuzz.ratio, score_cutoff=max(needed, 0)
        ):
            hits.append(number)
    return hits


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    With 100,000 annotations its repeated full collections doubled the build time;
    reference counting still frees everything, and the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_ledger(
    annotations: Iterable[Annotation],
    settings: LedgerSettings | None = None,
    decisions: Iterable[Mapping[str, Any]] = (),
    source_of: Callable[[str | None], str | None] | None = None,
) -> Ledger:
    """Group the claims, attach denials, apply decisions and flag conflicting figures."""
    with paused_gc():
        return _build_ledger(annotations, settings, decisions, source_of)


def _build_ledger(
    annotations: Iterable[Annotation],
    settings: LedgerSettings | None,
    decisions: Iterable[Mapping[str, Any]],
    source_of: Callable[[str | None], str | None] | None,
) -> Ledger:
    settings = settings or LedgerSettings()
    canonical = source_of or (lambda source: source.strip() if source else None)
    claims: list[_Item] = []
    denials: list[_Item] = []
    for annotation in sorted(annotations, key=lambda a: a.key):
        if "claim" in annotation.tags:
            claims.append(_prepare(annotation, canonical))
        if "denial" in annotation.tags:
            denials.append(_prepare(annotation, canonical))
    automatic = [[claims[n].annotation for n in group] for group in _auto_groups(claims, settings)]
    grouped, ignored = apply_decisions(automatic, decisions)
    item_of = {item.annotation.key: item for item in claims}
    ordered = sorted(grouped, key=lambda g: min(m.key for m in g))
    item_groups = [[item_of[m.key] for m in sorted(g, key=lambda a: a.key)] for g in ordered]
    aimed = _targets(denials, item_groups, settings)
    drafts = []
    for members, targeted in zip(item_groups, aimed, strict=True):
        figures = tuple(f for m in members for f in m.figures)
        inside = {m.annotation.key for m in members} if targeted else set()
        drafts.append(
            LedgerGroup(
                id=group_id(m.annotation for m in members),
                members=tuple(m.annotation for m in members),
                denials=tuple(d for d in targeted if d.key not in inside),
                figures=figures,
                conflict=_figure_conflict(figures),
            )
        )
    conflicts = _ledger_conflicts(drafts, settings)
    topics_of: dict[str, set[str]] = defaultdict(set)
    for conflict in conflicts:
        for gid in conflict.groups:
            topics_of[gid].add(conflict.topic)
    groups = tuple(
        LedgerGroup(
            id=g.id,
            members=g.members,
            denials=g.denials,
            figures=g.figures,
            conflict=g.conflict,
            conflict_topics=tuple(sorted(topics_of.get(g.id, ()))),
        )
        for g in drafts
    )
    return Ledger(groups=groups, conflicts=tuple(conflicts), ignored_decisions=tuple(ignored))


def _ledger_conflicts(groups: Sequence[LedgerGroup], settings: LedgerSettings) -> list[Conflict]:
    """Topics (what + who) with different figures from different origins, ledger-wide."""
    by_topic: dict[str, list[tuple[str, Figure]]] = defaultdict(list)
    for group in groups:
        for figure in group.figures:
            if figure.quantity.what in settings.conflict_whats:
                by_topic[figure.quantity.topic].append((group.id, figure))
    conflicts = []
    for topic, found in sorted(by_topic.items()):
        figures = [figure for _, figure in found]
        if not _disagree(figures):
            continue
        ordered = sorted(
            found, key=lambda pair: (pair[1].quantity.value, pair[1].article_id, pair[1].index)
        )
        first = figures[0].quantity
        conflicts.append(
            Conflict(
                topic=topic,
                what=str(first.what),
                who=first.who,
                figures=tuple(figure for _, figure in ordered),
                groups=tuple(dict.fromkeys(gid for gid, _ in ordered)),
            )
        )
    return conflicts
