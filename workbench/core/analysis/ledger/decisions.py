"""The analyst's ledger decisions: merge two groups, split a claim out of its group.

The store keeps each decision as a flat record (`to_record()`, with who made it and
when); the ledger replays them in order on top of the automatic grouping. A record
that is no decision this version knows (an unknown action, a field of the wrong shape)
is read as an `UnreadableDecision`: the ledger applies nothing for it but reports it
with the decisions it ignored, so none is dropped unseen.

The records are the decisions' history: the store never removes one. Undoing a
decision appends `{"action": "undo", "before": <the decision's record>, "after": null}`
and redoing it `{"action": "redo", "before": null, "after": <the record>}` (with who
and when, as for the decision); `decisions_from_records` reads the decisions in force.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from workbench.core.annotation import AnnotationKey

Sentence = tuple[str, int]
"""(article id, sentence index)."""


@dataclass(frozen=True, slots=True)
class Merge:
    """Join the named groups (two or more group ids) into one."""

    groups: tuple[str, ...]
    annotator: str | None = None
    """Who decided; the store fills it in when the decision is saved."""
    at: str | None = None
    """When (UTC, ISO 8601); the store fills it in when the decision is saved."""
    members: tuple[tuple[Sentence, ...], ...] = ()
    """Each named group's sentences when the merge was made (same order as `groups`;
    empty in records from before): a group is still found by them once its name has
    changed, its first sentence untagged or joined by an earlier one (decide.py)."""

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            **_made(self.annotator, self.at),
            "action": "merge",
            "groups": list(self.groups),
        }
        if self.members:
            record["members"] = [[list(sentence) for sentence in group] for group in self.members]
        return record


@dataclass(frozen=True, slots=True)
class Split:
    """Take one claim (its annotation key) out of its group, into a group of its own."""

    member: AnnotationKey
    annotator: str | None = None
    at: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {**_made(self.annotator, self.at), "action": "split", "member": list(self.member)}


@dataclass(frozen=True, slots=True)
class UnreadableDecision:
    """A stored record that is no decision this version knows, kept as it was stored."""

    record: Mapping[str, Any]

    @property
    def annotator(self) -> object:
        return self.record.get("annotator")

    def to_record(self) -> dict[str, Any]:
        return dict(self.record)


LedgerDecision = Merge | Split | UnreadableDecision


def _made(annotator: str | None, at: str | None) -> dict[str, str]:
    """Who and when, first, as the store writes them."""
    made = {}
    if annotator is not None:
        made["annotator"] = annotator
    if at is not None:
        made["at"] = at
    return made


def decision_from_record(record: Mapping[str, Any]) -> LedgerDecision:
    """The decision a stored record holds, or UnreadableDecision if it holds none."""
    annotator, at = record.get("annotator"), record.get("at")
    if not (_optional_text(annotator) and _optional_text(at)):
        return UnreadableDecision(record)
    action = record.get("action")
    if action == "merge":
        groups = record.get("groups")
        members = _members(record.get("members", []))
        if (
            isinstance(groups, list)
            and all(isinstance(group, str) for group in groups)
            and members is not None
            and len(members) in (0, len(groups))
        ):
            return Merge(tuple(groups), annotator, at, members)
    elif action == "split":
        member = record.get("member")
        if _is_key(member):
            return Split((member[0], member[1], member[2]), annotator, at)
    return UnreadableDecision(record)


UNDO = "undo"
REDO = "redo"


@dataclass(slots=True)
class _Logged:
    record: Mapping[str, Any]
    decision: LedgerDecision
    in_force: bool = True


def decisions_from_records(records: Iterable[Mapping[str, Any]]) -> tuple[LedgerDecision, ...]:
    """store.ledger_decisions() read as the decisions in force, in order.

    An "undo" record takes back the latest decision in force whose record it holds as
    `before`; a "redo" puts the latest one taken back (its `after`) where it was, so a
    redo gives exactly what was there before the undo. An undo or redo that matches no
    decision is an UnreadableDecision: reported with the ignored decisions, never lost."""
    logged: list[_Logged] = []
    for record in records:
        action = record.get("action")
        if action in (UNDO, REDO):
            undoing = action == UNDO
            target = record.get("before" if undoing else "after")
            found = next(
                (e for e in reversed(logged) if e.in_force == undoing and e.record == target),
                None,
            )
            if found is not None:
                found.in_force = not undoing
                continue
        logged.append(_Logged(record, decision_from_record(record)))
    return tuple(entry.decision for entry in logged if entry.in_force)


def _members(value: object) -> tuple[tuple[Sentence, ...], ...] | None:
    """A merge record's `members` ([[[article_id, index], ...], ...]), None if malformed."""
    if not isinstance(value, list):
        return None
    groups: list[tuple[Sentence, ...]] = []
    for group in value:
        if not isinstance(group, list) or not all(_is_sentence(item) for item in group):
            return None
        groups.append(tuple((item[0], item[1]) for item in group))
    return tuple(groups)


def _is_sentence(value: object) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and isinstance(value[0], str)
        and type(value[1]) is int
        and value[1] >= 0
    )


def _optional_text(value: object) -> bool:
    return value is None or isinstance(value, str)


def _is_key(value: object) -> TypeGuard[list[Any]]:
    """An annotation key as JSON: [annotator, article_id, index]."""
    return (
        isinstance(value, list)
        and len(value) == 3
        and isinstance(value[0], str)
        and isinstance(value[1], str)
        and type(value[2]) is int
    )


def decision_words(record: Mapping[str, Any], title_of: Callable[[str], str] | None = None) -> str:
    """A decision's record in an analyst's words ("merge of 2 claim groups"), for what
    an undo or redo says; `title_of` names an article (else the split's place is left out)."""
    decision = decision_from_record(record)
    if isinstance(decision, Merge):
        return f"merge of {len(decision.groups)} claim groups"
    if isinstance(decision, Split):
        _annotator, article_id, index = decision.member
        where = f" (sentence {index + 1} of “{title_of(article_id)}”)" if title_of else ""
        return f"split of a claim{where} from its group"
    return "ledger decision"
