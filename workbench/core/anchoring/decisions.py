"""The analyst's ledger decisions follow their sentences when re-anchoring moves them.

A merge or split names sentences (article id, index) of the text it was made on, and
its groups by their smallest sentence (decide.py); a dismissal (not a conflict) names
its two figures' claims by their annotation keys, followed as a split's is. When an
article's text changes, its annotations are re-anchored (placement.py); a decision's
sentence follows the annotation that was on it, by the same plan:

- moved (or kept): the decision names the sentence where the annotation is now;
- to check: it follows too, and the sentence is listed in the decision's `to_check`;
- orphaned: the decision no longer applies (`lost`, naming the sentence by its text):
  it is never applied to whatever sentence now has that number;
- no annotation on it of the text the decision was made on (the sentence was untagged,
  or the decision was made on a text none of them is on): a merge's group forgets it
  (it was in no group); a split's sentence, or a merge group's only sentence, is lost.

Which text a decision was made on: its `texts` (article id -> sha256, written since
decisions follow re-anchoring). A record from before has none: it is read as made on the
text the database remembers for the article (what its annotations were last anchored
to), the safest reading there is; of an article it remembers no text of, as made on the
text its annotations at that sentence are on. `moves` gives the "reanchor" records that
move the decisions (in force or undone: a redo may bring one back); the file and
PostgreSQL stores write them with the annotations' re-anchoring, in the same write; a
read-only view and an import add them in memory.

Whose decisions a plan moves: every analyst's, whoever's writer stores it. A writer
stores its own analyst's annotations only and keeps the others' aside (tr7 T15,
ArticlePlan.others), but a decision follows the annotations at its sentences, and those
it stores move now: a colleague's merge over them was left on the old numbers once the
article was remembered at its new text, read by every summary as no longer applying,
for good (rvfix0). A decision waits (is not moved by this plan) only when an annotation
of its own analyst at one of its sentences is kept aside and moved (that analyst's
workbench stores it later, from the text the decision is on, and moves the decision
then), or when a sentence has no annotation on the decision's text while the plan keeps
aside and moves some that are on it and stores none from it (two versions in use: the
decision was moved ahead of the annotations at its sentences by a workbench holding its
text, and this writer holds another; read as lost here, it was lost for good). When the
plan stores annotations from the decision's text, such a sentence is untagged there and
is followed as one (rv18: an untagged merge member made every merge over it wait while
a colleague's annotation was kept aside, and then lost). A move stays the decision's
analyst's (its `annotator`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.core.analysis.ledger.decide import group_id, legacy_group_id
from workbench.core.analysis.ledger.decisions import (
    REANCHOR,
    Dismiss,
    Lost,
    Merge,
    Sentence,
    Sentenced,
    Split,
    decision_from_record,
    decision_records,
)
from workbench.core.anchoring.placement import (
    CHECK,
    ORPHAN,
    ArticlePlan,
    ArticleText,
    Placement,
)


@dataclass(frozen=True, slots=True)
class _Followed:
    """Where one sentence of a decision is now: `index` None when it is gone."""

    index: int | None
    to_check: bool = False
    lost: Lost | None = None
    """Set when the sentence cannot be placed and that loses the decision."""
    waits: bool = False
    """Set when an annotation of the decision's own analyst on the sentence is kept
    aside by the plan and moved (the decision moves with it, when it is stored), or the
    decision was moved ahead of the annotations at the sentence (_Plans.follow)."""


class _Plans:
    """The plans by article, and each article's placements by the sentence they left
    (the text's sha256 and the index there)."""

    def __init__(self, plans: Iterable[ArticlePlan]) -> None:
        self.sha256: dict[str, str] = {}
        self.left: dict[str, dict[tuple[str, int], list[Placement]]] = {}
        self.aside: dict[str, dict[tuple[str, int], set[str]]] = {}
        """By article, the analysts whose annotations on a sentence the plan keeps aside
        (ArticlePlan.others) and moves: not stored by this plan."""
        self.stored_from: dict[str, set[str]] = {}
        """By article, the texts the annotations this plan stores (its placements) leave:
        the texts its writer holds the article at."""
        for plan in plans:
            self.sha256[plan.article_id] = plan.sha256
            by_sentence: dict[tuple[str, int], list[Placement]] = defaultdict(list)
            aside: dict[tuple[str, int], set[str]] = defaultdict(set)
            for placement in (*plan.placements, *plan.others):
                before = placement.before
                if not before.is_orphan:
                    by_sentence[(before.article_sha256, before.index)].append(placement)
            self.stored_from[plan.article_id] = {
                p.before.article_sha256 for p in plan.placements if not p.before.is_orphan
            }
            for placement in plan.others:
                before = placement.before
                if placement.changed and not before.is_orphan:
                    aside[(before.article_sha256, before.index)].add(before.annotator)
            self.left[plan.article_id] = by_sentence
            self.aside[plan.article_id] = aside
        self._names: dict[str, tuple[str, int, str | None]] | None = None

    def follow(
        self,
        article_id: str,
        index: int,
        made_on: str | None,
        annotator: str | None = None,
        owner: str | None = None,
    ) -> _Followed:
        """Where sentence `index` of article `article_id` (of the text `made_on`) is now,
        for a decision of `owner`. It waits when the plan keeps aside and moves the
        owner's annotation there, or finds none there while it keeps aside and moves
        some on that text and stores none from it (the writer holds another text). Made
        on no known text: on the one the annotations at `index` are on, if they are all
        on one (a database that remembers no text of the article has stored no
        re-anchoring of it: its annotations are where the decision was made)."""
        by_sentence = self.left[article_id]
        if made_on is None:
            texts = {sha256 for sha256, at in by_sentence if at == index}
            made_on = texts.pop() if len(texts) == 1 else None
        if made_on and owner in self.aside[article_id].get((made_on, index), ()):
            return _Followed(None, waits=True)
        found = by_sentence.get((made_on, index), []) if made_on else []
        if found:
            mine = [p for p in found if p.before.annotator == annotator]
            placement = min(mine or found, key=lambda p: p.before.key)
            if placement.outcome == ORPHAN:
                return _Followed(None, lost=Lost(article_id, index, placement.before.quote))
            return _Followed(placement.after.index, to_check=placement.outcome == CHECK)
        if made_on == self.sha256[article_id]:
            return _Followed(index)  # made on the text as it is now: nothing moved
        if made_on not in self.stored_from[article_id] and any(
            sha256 == made_on for sha256, _index in self.aside[article_id]
        ):
            # Annotations kept aside are still on the text the decision is on, and this
            # writer's are not: it was moved there ahead of those at this sentence (a
            # colleague's workbench holding that text): it waits for them, never lost
            # for their lag. When this writer's annotations leave that text too, the
            # sentence is untagged there (rv18 H1: waiting, the decision was lost).
            return _Followed(None, waits=True)
        return _Followed(None, lost=Lost(article_id, index) if annotator else None)

    def named(self, name: str) -> tuple[str, int, str | None] | None:
        """The sentence a group name stands for, of the placed annotations of the
        planned articles (article id, index, and the annotator for a name of before)."""
        if self._names is None:
            self._names = {}
            for article_id, by_sentence in self.left.items():
                for (_made_on, index), placements in by_sentence.items():
                    self._names.setdefault(group_id(article_id, index), (article_id, index, None))
                    for placement in placements:
                        key = placement.before.key
                        self._names.setdefault(legacy_group_id(key), (article_id, index, key[0]))
        return self._names.get(name)


def moves(
    records: Sequence[Mapping[str, Any]],
    plans: Iterable[ArticlePlan],
    remembered: Mapping[str, str | None],
    at: str | None = None,
) -> list[dict[str, Any]]:
    """The "reanchor" records that move the decisions of `records` (the ledger
    table, oldest first) with their sentences through `plans`; `remembered`: article id
    -> the sha256 of the text the database remembers (what a record without `texts` was
    made on). A move is the decision's analyst's (an export of their decisions carries
    it); `at`: when the store re-anchored; without it (a view in memory, an import) the
    decision's own time, so the move is the same every time. Every analyst's decisions
    move, their sentences followed through every analyst's placements (those a writer's
    plan keeps aside too: ArticlePlan.others); one waits while an annotation of its own
    analyst at one of its sentences is kept aside and moved (_Followed.waits)."""
    planned = _Plans(plans)
    if not planned.sha256:
        return []
    found: list[dict[str, Any]] = []
    for record in decision_records(records):
        after = _followed(record, planned, remembered)
        if after is not None and _moved(record, after):
            found.append(
                {
                    "annotator": record.get("annotator"),
                    "at": at or record.get("at"),
                    "action": REANCHOR,
                    "before": dict(record),
                    "after": after,
                }
            )
    return found


def _moved(record: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """True when `after` says more than `record`: a record without texts whose sentences
    all stayed is not moved just to say its texts (it is read as on the remembered text,
    which is the text it is on)."""
    if "texts" in record:
        return after != record
    return {name: value for name, value in after.items() if name != "texts"} != record


def _followed(
    record: Mapping[str, Any], planned: _Plans, remembered: Mapping[str, str | None]
) -> dict[str, Any] | None:
    """The record as its sentences now are; None when it names no sentence of the
    planned articles, is lost already, or waits for its own analyst's annotations."""
    decision = decision_from_record(record)
    if not isinstance(decision, Sentenced):
        return None
    if decision.anchoring.lost:
        return _found_again(record, decision, planned, remembered)
    texts = dict(decision.anchoring.texts)
    old_checks = set(decision.anchoring.to_check)
    owner = record.get("annotator")
    touched: set[str] = set()
    to_check: list[Sentence] = []
    lost: list[Lost] = []
    waits: list[Sentence] = []

    def follow(sentence: Sentence, annotator: str | None = None) -> Sentence | None:
        article_id, index = sentence
        if article_id not in planned.sha256:
            return sentence
        touched.add(article_id)
        made_on = texts.get(article_id) or remembered.get(article_id)
        now = planned.follow(
            article_id, index, made_on, annotator, owner if isinstance(owner, str) else None
        )
        if now.waits:
            waits.append(sentence)
            return None
        if now.index is None:
            if now.lost is not None:
                lost.append(now.lost)
            return None
        moved = (article_id, now.index)
        if now.to_check or sentence in old_checks:
            to_check.append(moved)
        return moved

    after = dict(record)
    if isinstance(decision, Split):
        annotator, article_id, index = decision.member
        moved = follow((article_id, index), annotator)
        if moved is not None:
            after["member"] = [annotator, *moved]
    elif isinstance(decision, Dismiss):
        figures = []
        for figure in decision.figures:
            annotator, article_id, index = figure.key
            moved = follow((article_id, index), annotator)
            place = [article_id, index] if moved is None else list(moved)
            figures.append({"key": [annotator, *place], "text": figure.text})
        after["figures"] = figures
    else:
        after.update(_merge_followed(decision, follow, planned, lost))
    if not touched or waits:
        return None
    if lost:
        made_on = {a: texts.get(a) or remembered.get(a) for a in sorted(_articles(decision))}
        known = {article_id: sha256 for article_id, sha256 in made_on.items() if sha256}
        return {
            **record,
            **({"texts": known} if known else {}),
            "lost": [item.to_record() for item in dict.fromkeys(lost)],
        }
    after.pop("to_check", None)
    if to_check:
        after["to_check"] = [list(sentence) for sentence in dict.fromkeys(to_check)]
    after["texts"] = {**texts, **{article_id: planned.sha256[article_id] for article_id in touched}}
    return after


def _found_again(
    record: Mapping[str, Any],
    decision: Sentenced,
    planned: _Plans,
    remembered: Mapping[str, str | None],
) -> dict[str, Any] | None:
    """A lost decision applies again when its articles are back on the very texts it
    was made on (an undone re-anchoring, an article's edit taken back): its sentence
    numbers are those texts' again. None otherwise, and for a record that does not say
    every text it was made on (it stays lost: a guess would merge other sentences)."""
    articles = _articles(decision) | {lost.article_id for lost in decision.anchoring.lost}
    if not articles & planned.sha256.keys():
        return None
    texts = dict(decision.anchoring.texts)
    for article_id in articles:
        now = planned.sha256.get(article_id) or remembered.get(article_id)
        if texts.get(article_id) is None or texts[article_id] != now:
            return None
    return {name: value for name, value in record.items() if name != "lost"}


Follow = Callable[[Sentence, str | None], Sentence | None]


def _merge_followed(
    merge: Merge, follow: Follow, planned: _Plans, lost: list[Lost]
) -> dict[str, Any]:
    """A merge's groups and members as their sentences now are. A group keeps the name
    of the sentence it was named by (decide.py: its smallest sentence; before that, an
    analyst's smallest annotation key), moved; when that sentence is gone and others of
    the group are placed, it is named by the smallest of them; with none, it is lost."""
    groups: list[str] = []
    members: list[list[list[Any]]] = []
    recorded = merge.members or tuple(() for _ in merge.groups)
    for name, sentences in zip(merge.groups, recorded, strict=True):
        now = [moved for sentence in sentences if (moved := follow(sentence, None)) is not None]
        members.append([list(sentence) for sentence in now])
        by_name = {group_id(*sentence): sentence for sentence in sentences}
        named = (*by_name[name], None) if name in by_name else planned.named(name)
        if named is None:
            groups.append(name)  # names no sentence of the planned articles
            continue
        article_id, index, annotator = named
        moved = follow((article_id, index), annotator)
        if moved is not None and annotator is not None:
            groups.append(legacy_group_id((annotator, *moved)))
        elif moved is not None:
            groups.append(group_id(*moved))
        elif now:
            groups.append(group_id(*min(now)))
        elif not lost:
            lost.append(Lost(article_id, index))
    changed: dict[str, Any] = {"groups": groups}
    if merge.members:
        changed["members"] = members
    return changed


def with_texts(decision: Sentenced, articles: Mapping[str, ArticleText]) -> dict[str, Any]:
    """A new decision's record, with the texts its sentences are on (article id ->
    sha256, of the articles given): what re-anchoring later moves it from."""
    texts = {a: articles[a].sha256 for a in sorted(_articles(decision)) if a in articles}
    return {**decision.to_record(), **({"texts": texts} if texts else {})}


def _articles(decision: Sentenced) -> set[str]:
    """The articles a decision names sentences of."""
    if isinstance(decision, Split):
        return {decision.member[1]}
    if isinstance(decision, Dismiss):
        return {figure.key[1] for figure in decision.figures}
    return {sentence[0] for group in decision.members for sentence in group}


class ImportedDecisions:
    """An import's decision records, then the moves that take them with their sentences
    onto the texts the import placed its annotations on. Read once the annotations are
    (a store reads the decisions after them), when `plans` holds the import's plans."""

    def __init__(
        self,
        records: Sequence[Mapping[str, Any]],
        plans: Sequence[ArticlePlan],
        articles: Iterable[Mapping[str, Any]],
    ) -> None:
        """`articles`: the file's list of articles (id, sha256: the texts the exporting
        database remembered, what its records without `texts` were made on)."""
        self.records = records
        self.plans = plans
        self.remembered = {str(a.get("id")): a.get("sha256") for a in articles}
        self.moved = 0
        """How many moves the last reading added."""

    def __iter__(self) -> Iterator[Mapping[str, Any]]:
        yield from self.records
        found = moves(self.records, self.plans, self.remembered)
        self.moved = len(found)
        yield from found
