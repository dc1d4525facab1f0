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
changed nothing of it: reanchored_in_place, qa10 Q21), or holding that judgement where
re-anchoring moved or orphaned it: the step is then undone where the annotation is now
(made_now, tr14 T1, T9); a later change by anyone else (an import, the same analyst in
another session) is never overwritten: the undo is refused with
LaterChangeError, naming that change, and the step is dropped so that the next `u`
goes on to the change before it.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
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
    moved_to: AnnotationKey | None = None
    """A re-anchoring's: the key it moved the annotation to (moved_key)."""
    flipped: bool = False
    """An undo's record standing for the step it undid: its sides swapped (replay)."""


def moved_key(action: object, after: object) -> AnnotationKey | None:
    """The key a re-anchoring record's `after` (a record) holds, for Entry.moved_to:
    None for other actions, or an `after` the replay cannot read (the step is then
    matched by its old key, as before tr14 T1)."""
    if action != REANCHOR or not isinstance(after, Mapping):
        return None
    try:
        return (str(after["annotator"]), str(after["article_id"]), int(after["index"]))
    except (KeyError, TypeError, ValueError):
        return None


def replay(
    entries: Iterable[Entry[R]],
    change_of: Callable[[R], S],
    flip: Callable[[S], S] | None = None,
) -> tuple[list[list[S]], list[list[S]]]:
    """The undo and redo stacks (oldest step first, each step's changes in history
    order) that the analyst's `entries` (oldest first) leave. With `flip` (a change
    with its sides swapped), a step undone or redone is from then on the undo's
    records flipped, or the redo's: the step as made where it was last undone or
    redone, perhaps on another sentence than first (tr14 T1)."""
    undo: list[list[Entry[R]]] = []
    redo: list[list[Entry[R]]] = []
    for group in _groups(entries):
        action = group[0].action
        if action in STEP_ACTIONS:
            undo.append(group)
            redo.clear()
        elif action == REANCHOR:
            _follow(group, undo)
            _follow(group, redo)
            undo.append(group)  # what an undo record of an older session may name
        elif action == "undo":
            _move(group, undo, redo, flipped=True if flip else None)
        elif action == "redo":
            _move(group, redo, undo, flipped=False if flip else None)
    undo = [step for step in undo if step[0].action != REANCHOR]
    redo = [step for step in redo if step[0].action != REANCHOR]
    return _built(undo, change_of, flip), _built(redo, change_of, flip)


def _follow(group: Sequence[Entry[R]], stack: list[list[Entry[R]]]) -> None:
    """The steps near the top of `stack` keyed where this re-anchoring moved their
    annotations: an undo of such a step is made where the annotation is now, and its
    record names that key (tr14 T1), so that the replay matches the two."""
    moves = {e.key: e.moved_to for e in group if e.moved_to is not None and e.moved_to != e.key}
    if not moves:
        return
    for position in range(len(stack) - 1, max(-1, len(stack) - 1 - MATCH_DEPTH), -1):
        step = stack[position]
        if any(entry.key in moves for entry in step):
            stack[position] = [replace(e, key=moves.get(e.key, e.key)) for e in step]


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
    group: list[Entry[R]],
    source: list[list[Entry[R]]],
    target: list[list[Entry[R]]],
    flipped: bool | None = None,
) -> None:
    """Move the latest step of `source` with the keys of the undo (redo) `group` onto
    `target`, as the group's own records (`flipped` for an undo's) unless `flipped` is
    None or the step is a ledger decision or a re-anchoring (none found: the record
    undid a step this replay does not know, e.g. one lost with a damaged history; it
    is left alone)."""
    keys = _keys(group)
    for position in range(len(source) - 1, max(-1, len(source) - 1 - MATCH_DEPTH), -1):
        if _keys(source[position]) == keys:
            step = source.pop(position)
            if (
                flipped is not None
                and step[0].action != REANCHOR
                and not group[0].key[1].startswith(LEDGER_KEY)
            ):
                step = [replace(entry, flipped=flipped) for entry in group]
            target.append(step)
            return


def _built(
    steps: list[list[Entry[R]]], change_of: Callable[[R], S], flip: Callable[[S], S] | None
) -> list[list[S]]:
    return [
        [
            flip(change_of(entry.record)) if flip and entry.flipped else change_of(entry.record)
            for entry in step
        ]
        for step in steps[-RESTORED_STEPS:]
    ]


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


def flipped_step(step: Step) -> Step:
    """An undo's change as the step it undid (replay's flip): its sides swapped."""
    if isinstance(step, DecisionChange):
        return step
    return Change(step.key, step.after, step.before, step.at, step.annotator, step.action)


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
    return _timeless(stored) == _timeless(
        expected.anchored(_anchor_of(stored), stored.anchor_state)
    )


def _anchor_of(annotation: Annotation) -> Anchor:
    return Anchor(**{name: getattr(annotation, name) for name in Anchor.__dataclass_fields__})


def moved_since(
    history: Iterable[Change], expected: Annotation, since: str
) -> tuple[Annotation | None, Change | None]:
    """Where `expected` is now, if re-anchoring moved or orphaned it after `since` and
    it holds there the judgement it held (history oldest first): (that annotation,
    None); or (None, the latest other change to it: an undo over a judgement changed
    since would overwrite it, and is refused naming it); (None, None) if no
    re-anchoring moved it. Every change to it is followed, so that changes that undid
    each other (the analyst's `y`, then `u`) leave nothing in the way (tr14 T9). Each
    write is followed once: its records share a time, and another annotation may take
    the sentence this one left in the same write (tr14 T1)."""
    tracked: Annotation | None = expected  # None while deleted
    place, followed_at, moved, later = expected, "", False, None
    for change in history:
        if change.at <= since or change.at == followed_at:
            continue
        before, after = change.before, change.after
        if tracked is not None:
            if before is None or not _same_place(before, tracked):
                continue
            if not same_content(before, tracked):
                return None, (change if moved else None)
        elif before is not None or after is None or not _same_place(after, place):
            continue  # deleted: only its coming back is followed
        tracked, followed_at = after, change.at
        place = after if after is not None else place
        if change.action == REANCHOR:
            moved = True
        else:
            later = change
    if not moved:
        return None, None
    if tracked is None or not _same_judgement(tracked, expected):
        return None, later
    return tracked, None


def _same_judgement(now: Annotation, expected: Annotation) -> bool:
    """True if `now` is `expected` but for where it is (and when it was written)."""
    placed = expected.anchored(_anchor_of(now), now.anchor_state)
    return _timeless(now) == _timeless(placed)


def where_now(change: Change, now: Annotation, undoing: bool) -> Change:
    """`change` as if made on the annotation where re-anchoring took it (`now`, what an
    undo (redo) of it finds): the side it left is `now`, the other side put on `now`'s
    sentence too (or made an orphan with it), so that undoing a tag made before the
    article changed takes it back where the analyst sees it now, and a redo puts it
    back there (tr14 T1); but the orphan a re-attachment placed stays as recorded."""
    anchor = _anchor_of(now)
    recorded = change.after if undoing else change.before

    def there(annotation: Annotation | None) -> Annotation | None:
        if annotation is None or (
            recorded is not None and annotation.is_orphan != recorded.is_orphan
        ):
            return annotation  # a re-attachment's orphan: back as it was (tr14 T7)
        return annotation.anchored(anchor, now.anchor_state)

    before, after = (there(change.before), now) if undoing else (now, there(change.after))
    return Change(now.key, before, after, change.at, change.annotator, change.action)


def _timeless(annotation: Annotation) -> dict[str, Any]:
    return annotation.to_record() | {"updated_at": ""}


def expected_now(change: Change, undoing: bool) -> tuple[Annotation | None, Annotation | None]:
    """What an undo (redo) of `change` expects to find, and the annotation whose
    identity says where to look (the expected one, or the other side when nothing is
    expected: an undone delete looks where the deleted annotation was)."""
    expected = change.after if undoing else change.before
    other = change.before if undoing else change.after
    return expected, expected if expected is not None else other


def made_now(
    change: Change,
    undoing: bool,
    history: Sequence[Change],
    located: Callable[[Annotation], Annotation | None],
) -> tuple[Change | None, Change | None]:
    """For a step's `change` whose annotation is not as it left it: (the change as if
    made where re-anchoring alone took its annotation, None), which the undo (redo)
    then applies (tr14 T1: refused before, "re-anchoring moved it since"); or (None,
    the later change an undo over it would overwrite, None if the history does not
    say), to refuse naming it. `history`: the changes to its article since, oldest
    first; `located`: what is stored now at an annotation's place (its key, or its
    identity for an orphan)."""
    expected, where = expected_now(change, undoing)
    assert where is not None
    if expected is not None:
        moved, later = moved_since(history, expected, change.at)
        if moved is not None and same_content(located(moved), moved):
            return where_now(change, moved, undoing), None
        return None, later or latest_change_to(history, where, change.at)
    place = _last_place(history, where)  # a tag an undo took away, where it was last
    if place is not None and located(place) is None:
        there = where.anchored(_anchor_of(place), place.anchor_state)
        before, after = (there, None) if undoing else (None, there)
        return Change(place.key, before, after, change.at, change.annotator, change.action), None
    return None, latest_change_to(history, where, change.at)


def _last_place(history: Iterable[Change], gone: Annotation) -> Annotation | None:
    """The latest side in `history` holding the annotation `gone` (by its analyst,
    article and time of creation): where a tag whose creation was undone was last, for
    its redo (the undo's record holds it where re-anchoring had taken it)."""
    identity = (gone.annotator, gone.article_id, gone.created_at)
    found = None
    for change in history:
        for side in (change.after, change.before):
            if side is not None and (side.annotator, side.article_id, side.created_at) == identity:
                found = side
                break
    return found


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
