"""The claim ledger: claims that state the same thing, grouped across articles.

Two claims join a group when the rapidfuzz similarity of their quotes, plus a bonus for
a shared figure (same counted thing, same value) or shared proper names, reaches
`LedgerSettings.claim_threshold`. What is compared is read once per distinct quote
(claim_text.py); comparing every claim with every other is quadratic, so claims
are first blocked: only claims that share one of their rarest keys (a figure or an
uncommon word) are compared (grouping.py).

Denials (sentences tagged 'denial') target a group when they resemble one of its
members, with a bonus when they deny the same subject ("North Korean soldiers")
(denials.py); one naming what it denies only by a pronoun or its kind ("rejected
that", "denied the allegation") answers the claim just before it, or, naming whose
claim it rejects ("dismissed Mr. Dorn's account"), theirs a few sentences back
(_aim_back).

A conflict is two figures that measure the same thing and cannot both be true, given
by different sources (or, for unattributed claims, different articles), inside one
group or across the whole ledger (analysis/figures/measures.py reads what a figure
measures, analysis/figures/conflicts.py decides and explains). The analyst's merge and split
decisions (decisions.py) are replayed in order on top of the automatic grouping
(decide.py); a group is named by its smallest sentence, so a decision still finds its
group after new claims come, in every analyst's view and after an import.
"""

from __future__ import annotations

from bisect import insort
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter

from workbench.core.analysis.figures.conflicts import (
    Clash,
    Figure,
    figures_in,
    find_clashes,
    occurrences,
)
from workbench.core.analysis.figures.measures import Measure
from workbench.core.analysis.figures.quantity import Quantity
from workbench.core.analysis.ledger.answers import anaphoric, denied_words, unclaimed_spans
from workbench.core.analysis.ledger.claim_text import ClaimText, ClaimTexts, claim_text
from workbench.core.analysis.ledger.decide import DecidedGroups
from workbench.core.analysis.ledger.decisions import Dismiss, LedgerDecision, no_longer_applies
from workbench.core.analysis.ledger.denials import (
    answered_before,
    antecedents,
    denial_targets,
    group_sides,
)
from workbench.core.analysis.ledger.dismissals import DismissedPair, replayed, without_dismissed
from workbench.core.analysis.ledger.grouping import group_texts
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.annotation import Annotation, AnnotationKey
from workbench.core.collector import paused_gc


@dataclass(frozen=True, slots=True)
class LedgerGroup:
    """Claims that state the same thing, with the denials aimed at them."""

    id: str
    members: tuple[Annotation, ...]
    denials: tuple[Annotation, ...]
    figures: tuple[Figure, ...]
    conflict: bool
    """Two of this group's own claims give conflicting figures (so it has two or more)."""
    conflict_topics: tuple[str, ...] = ()
    """Topics whose figures in this group conflict with figures elsewhere in the ledger."""
    clashes: tuple[Clash, ...] = ()
    """The conflicts this group's figures are in, inside the group or with others."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """One counted thing and the conflicting figures given for it."""

    topic: str
    what: str
    who: str | None
    figures: tuple[Figure, ...]
    """Every figure in one of `clashes`, by value."""
    groups: tuple[str, ...]
    clashes: tuple[Clash, ...] = ()

    @property
    def values(self) -> list[float]:
        return sorted({figure.quantity.value for figure in self.figures})


@dataclass(frozen=True, slots=True)
class Ledger:
    groups: tuple[LedgerGroup, ...]
    conflicts: tuple[Conflict, ...]
    ignored_decisions: tuple[LedgerDecision, ...] = ()
    """Decisions that name groups or members no longer present, or that cannot be read."""
    dismissed: tuple[DismissedPair, ...] = ()
    """The pairs of figures the analysts dismissed as not a conflict (dismissals.py):
    no clash of theirs is in `conflicts` nor in a group's."""


@dataclass(frozen=True, slots=True)
class Item:
    """One claim or denial, prepared once for comparison."""

    annotation: Annotation
    text: ClaimText
    figures: tuple[Figure, ...]
    key: AnnotationKey
    """The annotation's key, made once: groups are sorted and named by it."""


_annotation_key: Callable[[Annotation], AnnotationKey] = attrgetter(
    "annotator", "article_id", "index"
)
"""Annotation.key at C speed (sorting 100,000 annotations calls it once each)."""
_item_key: Callable[[Item], AnnotationKey] = attrgetter("key")


def _stripped(annotation: Annotation) -> str | None:
    source = annotation.source
    return source.strip() if source else None


def prepare(
    annotation: Annotation,
    source_of: Callable[[Annotation], str | None],
    texts: dict[str, ClaimText],
    key: AnnotationKey | None = None,
) -> Item:
    """The annotation with its quote's ClaimText (one per distinct quote) and figures.
    `key`: the annotation's key as the caller holds it (one tuple, not two)."""
    quote = annotation.quote
    text = texts.get(quote)
    if text is None:
        text = texts[quote] = (
            texts.read(quote) if isinstance(texts, ClaimTexts) else claim_text(quote)
        )
    if key is None:
        key = _annotation_key(annotation)
    if not text.quantities:
        return Item(annotation, text, (), key)
    source = source_of(annotation)
    pairs: Iterable[tuple[Quantity, Measure, int]] = zip(
        text.quantities, text.measures, occurrences(text.quantities), strict=True
    )
    tags = annotation.tags
    unclaimed = unclaimed_spans(quote, source, "denial" in tags, "claim" in tags)
    if unclaimed:  # what is denied, rejected or another's is not the source's (qa5 Q1, qa6)
        pairs = (
            pair
            for pair in pairs
            if not any(start <= pair[0].start < end for start, end in unclaimed)
        )
    figures = tuple(
        Figure(key, annotation.article_id, annotation.index, source, quantity, measure, nth)
        for quantity, measure, nth in pairs
    )
    return Item(annotation, text, figures, key)


def _auto_groups(items: Sequence[Item], settings: LedgerSettings) -> list[list[Item]]:
    """Claims grouped by group_texts() over their distinct texts, in order of first member."""
    distinct: dict[ClaimText, int] = {}
    text_of_item = [distinct.setdefault(item.text, len(distinct)) for item in items]
    roots = group_texts(list(distinct), settings)
    groups: dict[int, list[Item]] = defaultdict(list)
    for item, number in zip(items, text_of_item, strict=True):
        groups[roots[number]].append(item)
    return list(groups.values())


def _aimed(
    denials: Sequence[Item], groups: Sequence[list[Item]], settings: LedgerSettings
) -> list[list[Annotation]]:
    """For each group, the denials aimed at it (see denials.py)."""
    aimed: list[list[Annotation]] = [[] for _ in groups]
    if not denials:
        return aimed
    quotes: dict[ClaimText, str] = {}
    for denial in denials:
        quotes.setdefault(denial.text, denial.annotation.quote)
    distinct = list(quotes)
    denied = [denied_words(quote) for quote in quotes.values()]
    group_texts = [
        [members[0].text] if len(members) == 1 else list(dict.fromkeys(m.text for m in members))
        for members in groups
    ]
    targets = denial_targets(distinct, group_texts, settings, denied)
    verdicts = dict(zip(distinct, targets, strict=True))
    for denial in denials:
        for number in verdicts[denial.text]:
            aimed[number].append(denial.annotation)
    return aimed


def _aim_back(
    denials: Sequence[Item],
    groups: Sequence[list[Item]],
    aimed: list[list[Annotation]],
    source_of: Callable[[Annotation], str | None],
) -> None:
    """Aim each anaphoric denial (answers.anaphoric) at the groups of the claims before
    it that it answers (denials.antecedents, denials.answered_before); `aimed` stays in
    key order."""
    back: dict[AnnotationKey, list[Annotation]] = defaultdict(list)
    for item in denials:
        quote = item.annotation.quote
        if anaphoric(quote):
            for key in antecedents(item.key, quote):
                back[key].append(item.annotation)
    if not back:
        return
    for number, members in enumerate(groups):
        for member in members:
            for denial in back.get(member.key, ()):
                if denial not in aimed[number] and answered_before(
                    denial, member.annotation, source_of
                ):
                    insort(aimed[number], denial, key=_annotation_key)


def build_ledger(
    annotations: Iterable[Annotation],
    settings: LedgerSettings | None = None,
    decisions: Iterable[LedgerDecision] = (),
    source_of: Callable[[Annotation], str | None] | None = None,
    keys_of: Callable[[Annotation], Iterable[AnnotationKey]] | None = None,
    texts: ClaimTexts | None = None,
) -> Ledger:
    """Group the claims, attach denials, apply decisions and flag conflicting figures.

    `keys_of` gives every annotation key a claim stands for (with several analysts, a
    line stands for each analyst who gave it): how decisions stored under the earlier
    group names are matched (decide.py). `texts` keeps what was read in each quote from
    one build to the next (the summary screen rebuilds after every change): a quote is
    read once per ClaimTexts."""
    with paused_gc(promote=True):
        return _build_ledger(annotations, settings, decisions, source_of, keys_of, texts)


def _build_ledger(
    annotations: Iterable[Annotation],
    settings: LedgerSettings | None,
    decisions: Iterable[LedgerDecision],
    source_of: Callable[[Annotation], str | None] | None,
    keys_of: Callable[[Annotation], Iterable[AnnotationKey]] | None,
    cached: ClaimTexts | None,
) -> Ledger:
    settings = settings or LedgerSettings()
    canonical = source_of or _stripped
    texts: dict[str, ClaimText] = {} if cached is None else cached
    claims: list[Item] = []
    denials: list[Item] = []
    for annotation in sorted(annotations, key=_annotation_key):
        is_claim, is_denial = "claim" in annotation.tags, "denial" in annotation.tags
        if is_claim or is_denial:
            item = prepare(annotation, canonical, texts)
            if is_claim:
                claims.append(item)
            if is_denial:
                denials.append(item)
    if cached is not None:
        cached.keep_only(item.annotation.quote for item in chain(claims, denials))
    decided = DecidedGroups(
        _auto_groups(claims, settings),
        _item_key,
        None if keys_of is None else lambda item: keys_of(item.annotation),
    )
    decisions = list(decisions)
    ignored = decided.replay(decisions)
    ordered = sorted(
        ((gid, sorted(members, key=_item_key)) for gid, members in decided.current.items()),
        key=lambda pair: _item_key(pair[1][0]),
    )
    claims_of = [members for _, members in ordered]
    aimed = _aimed(denials, claims_of, settings)
    _aim_back(denials, claims_of, aimed, canonical)
    figures_of = [tuple(f for m in members for f in m.figures) for _, members in ordered]
    group_of = {
        id(figure): gid for (gid, _), figures in zip(ordered, figures_of, strict=True)
        for figure in figures
    }  # fmt: skip
    clashes = find_clashes((f for figures in figures_of for f in figures), settings.conflict_whats)
    dismissals = [d for d in decisions if isinstance(d, Dismiss) and not no_longer_applies(d)]
    dismissed: list[DismissedPair] = []
    if dismissals:
        dismissed, not_applied = replayed(dismissals, (f for fs in figures_of for f in fs))
        dropped = {id(decision) for decision in (*ignored, *not_applied)}
        ignored = [decision for decision in decisions if id(decision) in dropped]
        clashes = without_dismissed(clashes, dismissed)
    conflicts = _ledger_conflicts(clashes, group_of)
    inside: set[str] = set()
    outside: dict[str, set[str]] = defaultdict(set)
    touching: dict[str, list[Clash]] = defaultdict(list)
    for clash in clashes:
        low, high = group_of[id(clash.low)], group_of[id(clash.high)]
        touching[low].append(clash)
        if low == high:
            inside.add(low)
        else:
            touching[high].append(clash)
            outside[low].add(clash.low.quantity.topic)
            outside[high].add(clash.high.quantity.topic)
    groups = []

    def tokens(quote: str) -> str:
        return texts[quote].sorted_tokens  # every member's quote was read (prepare)

    for (gid, members), targeted, figures in zip(ordered, aimed, figures_of, strict=True):
        said: tuple[Annotation, ...] = tuple(m.annotation for m in members)
        denying: tuple[Annotation, ...] = ()
        if targeted or len(said) > 1:  # else nothing to split (most groups: one claim)
            said, denying = group_sides(said, targeted, canonical, figures.__iter__, tokens)
        groups.append(
            LedgerGroup(
                id=gid,
                members=said,
                denials=denying,
                figures=figures,
                conflict=gid in inside,
                conflict_topics=tuple(sorted(outside[gid])) if gid in outside else (),
                clashes=tuple(touching[gid]) if gid in touching else (),
            )
        )
    return Ledger(
        groups=tuple(groups),
        conflicts=tuple(conflicts),
        ignored_decisions=tuple(ignored),
        dismissed=tuple(dismissed),
    )


def _ledger_conflicts(clashes: Sequence[Clash], group_of: Mapping[int, str]) -> list[Conflict]:
    """The clashes gathered by topic (what + who), each with its figures and groups."""
    by_topic: dict[str, list[Clash]] = defaultdict(list)
    for clash in clashes:
        by_topic[clash.low.quantity.topic].append(clash)
    conflicts = []
    for topic, found in sorted(by_topic.items()):
        figures = figures_in(found)
        first = found[0].low
        conflicts.append(
            Conflict(
                topic=topic,
                what=first.measure.unit_class,
                who=first.quantity.who,
                figures=tuple(figures),
                groups=tuple(dict.fromkeys(group_of[id(f)] for f in figures)),
                clashes=tuple(found),
            )
        )
    return conflicts
