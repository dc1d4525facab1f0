"""The analyst's ledger decisions: merge two groups, split a claim out of its group,
say two figures are not a conflict (dismiss) or are one again (restore).

The store keeps each decision as a flat record (`to_record()`, with who made it and
when); the ledger replays them in order on top of the automatic grouping. A record
that is no decision this version knows (an unknown action, a field of the wrong shape)
is read as an `UnreadableDecision`: the ledger applies nothing for it but reports it
with the decisions it ignored, so none is dropped unseen.

The records are the decisions' history: the store never removes one. Undoing a
decision appends `{"action": "undo", "before": <the decision's record>, "after": null}`
and redoing it `{"action": "redo", "before": null, "after": <the record>}` (with who
and when, as for the decision); `decisions_from_records` reads the decisions in force.

A decision names sentences (article id, index) of the texts it was made on (`texts`:
article id -> sha256). When an article changes, the decision follows its sentences as
re-anchoring moves their annotations (core/anchoring/decisions.py): a record
`{"action": "reanchor", "before": <the decision as it was>, "after": <as it is now>}`
takes the place of the decision (an undo or redo still names it as it was made). A
decision whose sentence was orphaned, or could not be placed, carries `lost` (those
sentences, by their text) and is applied no more: the report names it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from workbench.core.annotation import AnnotationKey
from workbench.core.equal_records import RecordIndex

Sentence = tuple[str, int]
"""(article id, sentence index)."""


@dataclass(frozen=True, slots=True)
class Lost:
    """A sentence of a decision that re-anchoring could not place (orphaned, or gone
    from the text the decision was made on): named by its text when it is known."""

    article_id: str
    index: int
    quote: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "index": self.index, "quote": self.quote}


@dataclass(frozen=True, slots=True)
class Anchoring:
    """Which texts a decision's sentences are on (article id -> sha256; empty in records
    from before), which of them followed an annotation marked to check, and which were
    lost (then the decision no longer applies)."""

    texts: tuple[tuple[str, str], ...] = ()
    to_check: tuple[Sentence, ...] = ()
    lost: tuple[Lost, ...] = ()

    def fields(self) -> dict[str, Any]:
        """The record's fields for it (none when empty: records as before)."""
        found: dict[str, Any] = {}
        if self.texts:
            found["texts"] = dict(self.texts)
        if self.to_check:
            found["to_check"] = [list(sentence) for sentence in self.to_check]
        if self.lost:
            found["lost"] = [lost.to_record() for lost in self.lost]
        return found


NOT_MOVED = Anchoring()


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
    anchoring: Anchoring = NOT_MOVED

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            **_made(self.annotator, self.at),
            "action": "merge",
            "groups": list(self.groups),
        }
        if self.members:
            record["members"] = [[list(sentence) for sentence in group] for group in self.members]
        return {**record, **self.anchoring.fields()}


@dataclass(frozen=True, slots=True)
class Split:
    """Take one claim (its annotation key) out of its group, into a group of its own."""

    member: AnnotationKey
    annotator: str | None = None
    at: str | None = None
    anchoring: Anchoring = NOT_MOVED

    def to_record(self) -> dict[str, Any]:
        return {
            **_made(self.annotator, self.at),
            "action": "split",
            "member": list(self.member),
            **self.anchoring.fields(),
        }


REASON_CHARS = 300
"""The most a dismissal's reason may hold: a short note, not a document (an imported one
longer is refused)."""


FigurePlace = tuple[str, int, str, int]
"""(article id, sentence index, figure as written, which of the sentence's figures so
written): what finds a dismissed figure."""


@dataclass(frozen=True, slots=True)
class PairFigure:
    """One figure of a dismissed pair: the claim's annotation key (which annotation the
    decision follows when re-anchoring moves it) and the figure as written in its
    sentence ("4,000 residents"), and which figure so written it is (`occurrence`, from 0
    in the sentence's order: "100 people died … and 100 people were injured" writes two
    alike; 0, the first, is what a record without it means). The pair is found by the
    sentence and those words: a sentence whose words changed has that figure no more,
    and the dismissal no longer applies to it, never to another figure."""

    key: AnnotationKey
    text: str
    occurrence: int = 0

    @property
    def where(self) -> FigurePlace:
        return (self.key[1], self.key[2], self.text, self.occurrence)

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {"key": list(self.key), "text": self.text}
        if self.occurrence:
            record["occurrence"] = self.occurrence
        return record


@dataclass(frozen=True, slots=True)
class Dismiss:
    """Two figures the analyst judged not to conflict (`restore`: a later decision that
    they may again), with why in their words (`reason`, optional)."""

    figures: tuple[PairFigure, PairFigure]
    reason: str | None = None
    annotator: str | None = None
    at: str | None = None
    anchoring: Anchoring = NOT_MOVED
    restore: bool = False

    @property
    def pair(self) -> frozenset[FigurePlace]:
        """The pair, whichever figure is named first."""
        return frozenset(figure.where for figure in self.figures)

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            **_made(self.annotator, self.at),
            "action": RESTORE if self.restore else DISMISS,
            "figures": [figure.to_record() for figure in self.figures],
        }
        if self.reason is not None:
            record["reason"] = self.reason
        return {**record, **self.anchoring.fields()}


DISMISS = "dismiss"
RESTORE = "restore"


@dataclass(frozen=True, slots=True)
class UnreadableDecision:
    """A stored record that is no decision this version knows, kept as it was stored."""

    record: Mapping[str, Any]

    @property
    def annotator(self) -> object:
        return self.record.get("annotator")

    def to_record(self) -> dict[str, Any]:
        return dict(self.record)


LedgerDecision = Merge | Split | Dismiss | UnreadableDecision
Sentenced = Merge | Split | Dismiss
"""A decision naming sentences (what re-anchoring moves)."""


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
    anchoring = _anchoring(record)
    if not (_optional_text(annotator) and _optional_text(at)) or anchoring is None:
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
            return Merge(tuple(groups), annotator, at, members, anchoring)
    elif action == "split":
        member = record.get("member")
        if _is_key(member):
            return Split((member[0], member[1], member[2]), annotator, at, anchoring)
    elif action in (DISMISS, RESTORE):
        figures = _pair(record.get("figures"))
        reason = record.get("reason")
        if figures is not None and _is_reason(reason):
            return Dismiss(figures, reason, annotator, at, anchoring, action == RESTORE)
    return UnreadableDecision(record)


def _pair(value: object) -> tuple[PairFigure, PairFigure] | None:
    """A dismissal's `figures` ([{key, text, occurrence?}, …], two figures apart), None
    if malformed."""
    if not isinstance(value, list) or len(value) != 2:
        return None
    found = []
    for item in value:
        if not isinstance(item, dict) or not {"key", "text"} <= set(item) <= _FIGURE_FIELDS:
            return None
        key, text, nth = item["key"], item["text"], item.get("occurrence", 0)
        if not (_is_key(key) and key[2] >= 0 and isinstance(text, str) and text.strip()):
            return None
        if not (type(nth) is int and nth >= 0):
            return None
        found.append(PairFigure((key[0], key[1], key[2]), text, nth))
    first, second = found
    return (first, second) if first.where != second.where else None


_FIGURE_FIELDS = frozenset(("key", "text", "occurrence"))


def _is_reason(value: object) -> bool:
    return value is None or (isinstance(value, str) and len(value) <= REASON_CHARS)


def _anchoring(record: Mapping[str, Any]) -> Anchoring | None:
    """A record's texts, to_check and lost; None if one of them is malformed."""
    texts = record.get("texts", {})
    to_check = _members([record.get("to_check", [])])
    lost = record.get("lost", [])
    if not (
        isinstance(texts, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items())
        and to_check is not None
        and isinstance(lost, list)
        and all(_is_lost(item) for item in lost)
    ):
        return None
    return Anchoring(
        tuple(sorted(texts.items())),
        to_check[0],
        tuple(Lost(item["article_id"], item["index"], item.get("quote")) for item in lost),
    )


def _is_lost(value: object) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("article_id"), str)
        and type(value.get("index")) is int
        and isinstance(value.get("quote"), str | None)
    )


UNDO = "undo"
REDO = "redo"
REANCHOR = "reanchor"
"""A decision moved with its sentences: `before` the decision as it was, `after` now."""


@dataclass(slots=True)
class _Logged:
    record: Mapping[str, Any]
    decision: LedgerDecision
    order: int
    """Its place among the records read."""
    in_force: bool = True
    earlier: list[Mapping[str, Any]] = field(default_factory=list)
    """The decision's records before re-anchoring moved it (an undo names the first)."""


def decisions_from_records(records: Iterable[Mapping[str, Any]]) -> tuple[LedgerDecision, ...]:
    """store.ledger_decisions() read as the decisions in force, in order.

    An "undo" record takes back the latest decision in force whose record it holds as
    `before`; a "redo" puts the latest one taken back (its `after`) where it was, so a
    redo gives exactly what was there before the undo. An undo or redo that matches no
    decision is an UnreadableDecision: reported with the ignored decisions, never lost.
    A "reanchor" record puts its `after` in the place of the decision it holds as
    `before` (undo and redo still find it by any of its records)."""
    return tuple(entry.decision for entry in _logged(records) if entry.in_force)


def decision_records(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The records of the decisions, in force or undone (a redo may bring one back), as
    re-anchoring last left them, in order: what re-anchoring moves. Unreadable ones are
    left out (nothing to move)."""
    return [
        entry.record
        for entry in _logged(records)
        if not isinstance(entry.decision, UnreadableDecision)
    ]


MOVED = {UNDO: ("before",), REDO: ("after",), REANCHOR: ("before", "after")}
"""The records that name a decision record, and the fields holding it."""
KEPT_BY_A_MOVE = ("annotator", "action", "at")
"""What a reanchor keeps of the decision it moves: who made it, what it is and when."""


def move_clash(record: Mapping[str, Any]) -> tuple[str, str] | None:
    """(JSON path in the record, why) when an undo, redo or reanchor record would take
    back or replace a decision that is not its own: an undo or redo by another analyst
    than the decision's, a reanchor whose `after` is another analyst's, another kind of
    or another time's decision than its `before`. The store writes none (an analyst
    undoes their own decisions; a move keeps who made one, what and when); one from a
    file took another analyst's merge back or made it theirs without a word (tr17).
    None for any other record, and for a decision saying no analyst (from before)."""
    action = record.get("action")
    fields = MOVED.get(action) if isinstance(action, str) else None
    if fields is None:
        return None
    inner = [held for name in fields if isinstance(held := record.get(name), Mapping)]
    if len(inner) < len(fields):
        return None
    if action == REANCHOR:
        before, after = inner
        for name in KEPT_BY_A_MOVE:
            if before.get(name) != after.get(name):
                return (
                    f"$.after.{name}",
                    f"a reanchor moves a decision with its sentences, keeping its {name}; "
                    f"this one has {_quoted(after.get(name))} where the decision has "
                    f"{_quoted(before.get(name))}: it would put another decision in its place",
                )
    mover, owner = record.get("annotator"), inner[0].get("annotator")
    if isinstance(owner, str) and isinstance(mover, str) and owner != mover:
        return (
            f"$.{fields[0]}.annotator",
            f"{'an' if action == UNDO else 'a'} {action} by {_quoted(mover)} of a "
            f"{inner[0].get('action')} by {_quoted(owner)}: a decision is undone, redone and "
            "moved by its analyst alone",
        )
    return None


def _quoted(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _logged(records: Iterable[Mapping[str, Any]]) -> list[_Logged]:
    """Each record read in order; an undo, redo or reanchor applied to the decision it
    names, unless it is not that decision's own (move_clash): then it is read as an
    UnreadableDecision, reported with the ignored decisions, and the decision stays."""
    logged: list[_Logged] = []
    named: RecordIndex[_Logged] = RecordIndex()
    """Each entry under each of its records (the one in force and those before it): an
    undo, redo or reanchor finds what it names in one lookup (tr16 T4)."""
    for record in records:
        action = record.get("action")
        if action in MOVED and move_clash(record) is not None:
            pass  # read as an UnreadableDecision below
        elif action in (UNDO, REDO):
            undoing = action == UNDO
            target = record.get("before" if undoing else "after")
            found = _latest(e for e in named.found(target) if e.in_force == undoing)
            if found is not None:
                found.in_force = not undoing
                continue
        elif action == REANCHOR and isinstance(after := record.get("after"), Mapping):
            before = record.get("before")
            found = _latest(e for e in named.found(before) if e.record == before)
            if found is not None:
                found.earlier.append(found.record)
                found.record, found.decision = after, decision_from_record(after)
                named.add(after, found)
                continue
            if named.found(before):
                continue  # moved already (the same move, imported from another database)
        entry = _Logged(record, decision_from_record(record), len(logged))
        logged.append(entry)
        named.add(record, entry)
    return logged


def _latest(entries: Iterable[_Logged]) -> _Logged | None:
    """The entry read last of `entries`, or None."""
    return max(entries, key=lambda entry: entry.order, default=None)


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
    an undo or redo says; `title_of` names an article (else the split's place is left out).
    An undo, redo or reanchor not applied (move_clash) says why."""
    clash = move_clash(record)
    if clash is not None:
        return f"{record.get('action')} not applied: {clash[1]}"
    decision = decision_from_record(record)
    if isinstance(decision, Merge):
        words = f"merge of {len(decision.groups)} claim groups"
    elif isinstance(decision, Split):
        _annotator, article_id, index = decision.member
        where = f" (sentence {index + 1} of “{title_of(article_id)}”)" if title_of else ""
        words = f"split of a claim{where} from its group"
    elif isinstance(decision, Dismiss):
        words = dismissal_words(decision, title_of)
    else:
        return "ledger decision"
    return words + _lost_words(decision, title_of) + _check_words(decision, title_of)


def dismissal_words(decision: Dismiss, title_of: Callable[[str], str] | None = None) -> str:
    """ "not a conflict: “4,000 residents” (sentence 3 of “…”) vs “12,000 residents” (…)"
    for a dismissal ("a conflict again: …" for a restore); the figures and the reason are
    the analyst's words, shown escaped where they are shown."""
    named = []
    for figure in decision.figures:
        _annotator, article_id, index = figure.key
        where = f"sentence {index + 1}" + (f" of “{title_of(article_id)}”" if title_of else "")
        named.append(f"“{figure.text}” ({where})")
    said = "a conflict again" if decision.restore else "not a conflict"
    reason = f": “{decision.reason}”" if decision.reason else ""
    return f"{said}: {' vs '.join(named)}{reason}"


def _check_words(decision: Sentenced, title_of: Callable[[str], str] | None) -> str:
    """ "; to check: sentence N of “title”" for the sentences a decision followed onto a
    sentence re-anchoring marked to check; "" when none."""
    places = [
        f"sentence {index + 1}" + (f" of “{title_of(article_id)}”" if title_of else "")
        for article_id, index in decision.anchoring.to_check
    ]
    return f"; to check: {', '.join(places)}" if places else ""


QUOTE_CHARS = 80
"""How much of a lost sentence's text decision_words shows."""


def _lost_words(decision: Sentenced, title_of: Callable[[str], str] | None) -> str:
    """ "; not in its article's text now: “…” (was sentence N of “title”)" for a decision
    re-anchoring could not place; "" for any other."""
    named = []
    for lost in decision.anchoring.lost:
        quote = lost.quote or ""
        text = f"“{quote[: QUOTE_CHARS - 1]}…”" if len(quote) > QUOTE_CHARS else f"“{quote}”"
        where = f" of “{title_of(lost.article_id)}”" if title_of else ""
        place = f"was sentence {lost.index + 1}{where}"
        named.append(f"{text} ({place})" if quote else place)
    return f"; not in its article's text now: {', '.join(named)}" if named else ""


def no_longer_applies(decision: LedgerDecision) -> bool:
    """True for a decision re-anchoring could not place (a sentence of it lost)."""
    return isinstance(decision, Sentenced) and bool(decision.anchoring.lost)


def decision_articles(decision: LedgerDecision) -> frozenset[str]:
    """The articles a merge's, split's or dismissal's sentences are on (none known for a
    merge recorded without its sentences, or a record this version cannot read)."""
    if isinstance(decision, Merge):
        found = {article_id for group in decision.members for article_id, _ in group}
    elif isinstance(decision, Split):
        found = {decision.member[1]}
    elif isinstance(decision, Dismiss):
        found = {figure.key[1] for figure in decision.figures}
    else:
        return frozenset()
    return frozenset(found | {article_id for article_id, _ in decision.anchoring.texts})


def apart_not_read(
    decisions: Sequence[LedgerDecision], read: Collection[str]
) -> tuple[list[LedgerDecision], list[LedgerDecision]]:
    """The ignored decisions split in two: those that no longer apply, and those with a
    sentence on an article not `read` (another story's in the same database, a folder
    leaving one out) and none gone from its text: not applied here, applied where those
    articles are read (qa18 F5: a merge on the Kursk articles was said to "no longer
    apply" in the summary of another folder; qa20 #9: so was a merge of a claim read with
    one of an article left out). One wholly on articles not read is set apart too."""
    gone: list[LedgerDecision] = []
    elsewhere: list[LedgerDecision] = []
    for decision in decisions:
        articles = decision_articles(decision)
        unread = bool(articles) and not articles <= set(read)
        apart = unread and (articles.isdisjoint(read) or not no_longer_applies(decision))
        (elsewhere if apart else gone).append(decision)
    return gone, elsewhere
