"""Undo after a restart: the undo and redo steps earlier sessions left, read back from
the history.

A session keeps its undo steps in memory, and they were gone when the program was
started again ("Nothing to undo"), though the history holds every change with its
before and after. Both engines now rebuild, the first time a session runs out of
steps of its own, what the analyst's earlier sessions left, by replaying the
analyst's own history records and ledger records (those before this session began),
merged by time, oldest first, as a session makes them:

- a change (save, delete, re-attach, a claim-ledger merge or split) is a new step on
  the undo stack and empties the redo stack;
- an article's re-anchoring is no step (qa6 Q32: it is the workbench keeping the
  annotations on the text shown, not the analyst's change; sessions before that pushed
  it, so it is replayed only for the undo records that may name it, then left out);
- an undo moves the step it undid (the latest with the same annotations) onto the redo
  stack, and a redo moves it back;
- an import is no step (in a session neither), and other analysts' records play no
  part here.

So `u` after a restart undoes this analyst's last change still in effect, going back
one change at a time, and ctrl+r redoes what they undid last, as long as they have
made no change since (a change empties the redo stack, within a session and across a
restart alike: the restored redo steps are dropped once this session changes
anything). A step is undone only if every annotation it changed is still as it left
it (a re-anchoring that left it on its sentence, the article corrected elsewhere,
changed nothing of it: reanchored_in_place, qa10 Q21); a later change by anyone else
(a re-anchoring that moved it, an import, the same analyst in another session) is
never overwritten: the undo is refused with
LaterChangeError, naming that change, and the step is dropped so that the next `u`
goes on to the change before it.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from store.change import REDO, UNDO, Change, DecisionChange
from workbench.core.annotation import Anchor, Annotation, AnnotationKey

DECISIONS = frozenset({"merge", "split"})
STEP_ACTIONS = frozenset({"save", "delete", "reattach"}) | DECISIONS
"""The actions a session pushes as undo steps (an import is none, nor a re-anchoring:
qa6 Q32, it is not the analyst's change)."""
REANCHOR = "reanchor"
REPLAYED_ACTIONS = STEP_ACTIONS | {"undo", "redo", REANCHOR}
"""The actions the replay reads; the store may narrow its query by them."""
RESTORED_STEPS = 1000
"""At most this many undo (and redo) steps are restored: no analyst presses `u` more
often, and each restored step is a Change built from its record."""
MATCH_DEPTH = 50
"""How far below the top an undo (redo) looks for the step it names: a session undoes
the top one, so only records written concurrently by two sessions of one analyst (a
team database) put it lower."""

R = TypeVar("R")
S = TypeVar("S")
LEDGER_KEY = "\x00ledger"
"""The article part of a ledger decision's key in the replay (no article id is empty)."""


@dataclass(frozen=True, slots=True)
class Entry(Generic[R]):
    """One of the analyst's history records, read only as far as the replay needs
    (the record itself becomes a Change only if its step is restored)."""

    at: str
    action: str
    key: AnnotationKey
    record: R


def replay(
    entries: Iterable[Entry[R]], change_of: Callable[[R], S]
) -> tuple[list[list[S]], list[list[S]]]:
    """The undo and redo stacks (oldest step first, each step's changes in history
    order) that the analyst's `entries` (oldest first) leave."""
    undo: list[list[Entry[R]]] = []
    redo: list[list[Entry[R]]] = []
    for group in _groups(entries):
        action = group[0].action
        if action in STEP_ACTIONS:
            undo.append(group)
            redo.clear()
        elif action == REANCHOR:
            undo.append(group)  # what an undo record of an older session may name
        elif action == "undo":
            _move(_keys(group), undo, redo)
        elif action == "redo":
            _move(_keys(group), redo, undo)
    undo = [step for step in undo if step[0].action != REANCHOR]
    redo = [step for step in redo if step[0].action != REANCHOR]
    return _built(undo, change_of), _built(redo, change_of)


def _groups(entries: Iterable[Entry[R]]) -> Iterable[list[Entry[R]]]:
    """The records of one step: consecutive, with the same time, action and article
    (one write's records share a time; an article's re-anchoring is its own group)."""
    group: list[Entry[R]] = []
    for entry in entries:
        if group and _step_of(group[0]) != _step_of(entry):
            yield group
            group = []
        group.append(entry)
    if group:
        yield group


def _step_of(entry: Entry[R]) -> tuple[str, str, str]:
    return (entry.at, entry.action, entry.key[1])


def _keys(group: Sequence[Entry[R]]) -> frozenset[AnnotationKey]:
    return frozenset(entry.key for entry in group)


def _move(
    keys: frozenset[AnnotationKey], source: list[list[Entry[R]]], target: list[list[Entry[R]]]
) -> None:
    """Move the latest step of `source` with these keys onto `target` (none found: the
    record undid a step this replay does not know, e.g. one lost with a damaged
    history; it is left alone)."""
    for position in range(len(source) - 1, max(-1, len(source) - 1 - MATCH_DEPTH), -1):
        if _keys(source[position]) == keys:
            target.append(source.pop(position))
            return


def _built(steps: list[list[Entry[R]]], change_of: Callable[[R], S]) -> list[list[S]]:
    return [[change_of(entry.record) for entry in step] for step in steps[-RESTORED_STEPS:]]


def by_time(*entries: Iterable[Entry[Any]]) -> Iterator[Entry[Any]]:
    """Several sources of entries (each oldest first) as one, oldest first."""
    return heapq.merge(*entries, key=lambda entry: entry.at)


def ledger_entries(
    records: Iterable[Mapping[str, Any]], annotator: str, before: str
) -> Iterator[Entry[Mapping[str, Any]]]:
    """The analyst's ledger records written before `before` (a time), as replay entries:
    a decision (merge, split) is a step whose key is the decision's own time; an undo
    or redo of it names that decision (its `before` or `after`)."""
    for record in records:
        at, action = str(record.get("at", "")), record.get("action")
        if record.get("annotator") != annotator or at >= before:
            continue
        if action in DECISIONS:
            decision: Any = record
        elif action in (UNDO, REDO):
            decision = record.get("before" if action == UNDO else "after")
        else:
            continue
        if isinstance(decision, Mapping):
            key = (annotator, f"{LEDGER_KEY} {decision.get('at')}", 0)
            yield Entry(at, str(action), key, record)


def decision_step(record: Mapping[str, Any]) -> DecisionChange:
    """A restored decision step: the decision as made (undo() and redo() read its
    record only)."""
    return DecisionChange(
        None,
        dict(record),
        str(record.get("at")),
        str(record.get("annotator")),
        str(record.get("action")),
    )


Step = Change | DecisionChange
"""What a replayed record becomes: an annotation change, or a ledger decision."""
T = TypeVar("T")


def made(make: Callable[[], Step]) -> Step:
    """The step item of a record read lazily (replay's change_of for such entries)."""
    return make()


def restored(
    steps: list[list[Step]], wrap: Callable[[Change], T]
) -> list[list[T] | DecisionChange]:
    """Replayed steps as an engine keeps them: a decision alone, an annotation step as
    its changes, each wrapped as the engine wants (the Change itself, or with its row)."""
    kept: list[list[T] | DecisionChange] = []
    for step in steps:
        if isinstance(step[0], DecisionChange):
            kept.append(step[0])
        else:
            kept.append([wrap(change) for change in step if isinstance(change, Change)])
    return kept


def same_content(stored: Annotation | None, expected: Annotation | None) -> bool:
    """True if `stored` is `expected` but perhaps for when it was written (an undo
    restamps what it restores, so a redo finds its own undo's time there), or as a
    re-anchoring left it on its very sentence of a corrected text (reanchored_in_place)."""
    if stored is None or expected is None:
        return stored is expected
    return _timeless(stored) == _timeless(expected) or reanchored_in_place(stored, expected)


def reanchored_in_place(stored: Annotation, expected: Annotation) -> bool:
    """True if `stored` is `expected` re-anchored onto another text of its article
    without leaving its sentence (the same number and words): what re-anchoring
    rewrites in every record of an article edited elsewhere (the text's digest, the
    words around it, the provenance's "on an earlier text", perhaps its mark), never
    the analyst's judgement. Undoing over it overwrites nothing anyone did, and what it
    restores is re-anchored in turn (qa10 Q21: every undo of an article corrected in
    another paragraph was refused, "re-anchoring moved it since"). One it moved or
    orphaned stays a later change."""
    if (
        stored.is_orphan
        or expected.is_orphan
        or stored.article_sha256 == expected.article_sha256
        or (stored.article_id, stored.index, stored.quote)
        != (expected.article_id, expected.index, expected.quote)
    ):
        return False
    anchor = Anchor(**{name: getattr(stored, name) for name in Anchor.__dataclass_fields__})
    return _timeless(stored) == _timeless(expected.anchored(anchor, stored.anchor_state))


def _timeless(annotation: Annotation) -> dict[str, Any]:
    return annotation.to_record() | {"updated_at": ""}


def expected_now(change: Change, undoing: bool) -> tuple[Annotation | None, Annotation | None]:
    """What an undo (redo) of `change` expects to find, and the annotation whose
    identity says where to look (the expected one, or the other side when nothing is
    expected: an undone delete looks where the deleted annotation was)."""
    expected = change.after if undoing else change.before
    other = change.before if undoing else change.after
    return expected, expected if expected is not None else other


def latest_change_to(history: Iterable[Change], where: Annotation, since: str) -> Change | None:
    """The latest change after `since` to the annotation at `where`'s place (its key, or
    its identity for an orphan): what a refused undo names."""
    found: Change | None = None
    for change in history:
        if change.at <= since:
            continue
        for side in (change.before, change.after):
            if side is not None and _same_place(side, where):
                found = change
                break
    return found


def _same_place(one: Annotation, other: Annotation) -> bool:
    if one.is_orphan or other.is_orphan:
        return one.is_orphan and other.is_orphan and one.orphan_key == other.orphan_key
    return one.key == other.key
