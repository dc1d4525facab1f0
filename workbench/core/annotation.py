"""The annotation record: one per (annotator, article, sentence).

The anchor fields (quote, prefix, suffix, start, end) follow the W3C Web Annotation
TextQuoteSelector and TextPositionSelector so an annotation can be re-anchored if
its article changes later.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from workbench.core.terminal_text import is_invisible

TAGS: tuple[str, ...] = ("claim", "attribution", "denial")
STATUSES: tuple[str, ...] = (
    "unverified",
    "in_progress",
    "supported",
    "refuted",
    "disputed",
    "inconclusive",
)
VERDICTS: tuple[str, ...] = ("supported", "refuted", "disputed", "inconclusive")
DEFAULT_STATUS = "unverified"
CONTEXT_CHARS = 32
ANCHOR_STATES: tuple[str, ...] = ("current", "reanchored", "check", "orphaned")
"""Where an annotation stands against its article's text (docs/decisions/reanchoring.md):
made on it (current), moved onto it by an exact match (reanchored), moved by a fuzzy
match the analyst has not confirmed (check), or on no sentence of it (orphaned)."""
CURRENT = "current"
REANCHORED = "reanchored"
"""Moved by an exact match onto a changed text (or, for a source read from the
sentences before it, kept at its index on one), not confirmed yet."""
CHECK = "check"
"""Moved onto a similar sentence after its article changed, not confirmed yet."""
ORPHANED = "orphaned"

AnnotationKey = tuple[str, str, int]
"""(annotator, article_id, sentence index): the identity of an annotation on a sentence."""
SUGGESTION_OUTCOMES: tuple[str, ...] = ("accepted", "changed", "not_shown")
SHOWN_OUTCOMES = frozenset(SUGGESTION_OUTCOMES[:2])
SUGGESTION_KEYS: tuple[str, ...] = (
    "version",
    "tags",
    "source",
    "resolved_source",
    "scores",
    "outcome",
)
"""An annotation's "suggestion" record's keys, in the order to_record writes them."""
"""What became of the suggestion for a sentence (docs/SUGGESTIONS.md, Provenance): the
annotation holds it as is (its tags, and its source or the speaker it resolves to), the
analyst changed it, or none was shown (suggestions off, nothing above the lowest score
shown, or an annotation made before suggestions were recorded)."""
OrphanKey = tuple[str, str, str, int, str]
"""(annotator, article_id, article_sha256, index, created_at): the identity of an orphan,
which is on no sentence, so its index is only where it was on the text it was made on."""


EVERY_ANALYST = "all"
"""`--annotator all`: every analyst's summary, so never an analyst's name (any case)."""


def reserved_name_problem(annotator: str) -> str | None:
    """Why `annotator` cannot be an analyst's name, or None: "All" could never have a
    summary of their own, `--annotator All` meaning every analyst's (tr7 T16); a name
    holding a character that draws nothing (a zero-width space pasted in, a bidi
    control, a Hangul filler or a grapheme joiner: is_invisible), or one that begins or
    ends with white space (a space, a no-break or ideographic space: tr10 T1), is another
    analyst that looks the same on every screen (tr8 T8, tr9 T5). A control
    character is shown escaped, so it looks different, and is left to the screens."""
    found = reserved_name_reason(annotator)
    if found is None:
        return None
    reason, remedy = found
    return f"{reason}; {remedy}"


def reserved_name_reason(annotator: str) -> tuple[str, str] | None:
    """reserved_name_problem as (why the name cannot be an analyst's, what to do when
    typing one), or None; an export of a name an older workbench took says the why with
    a remedy of its own (tr10 T4)."""
    if annotator.strip().casefold() == EVERY_ANALYST:
        return (
            f"{annotator!r} is reserved: --annotator {EVERY_ANALYST} means every analyst's summary",
            "choose another analyst name",
        )
    if annotator != annotator.strip():
        return (
            f"analyst name {annotator!r} begins or ends with white space: it would be "
            "another analyst that looks the same, whom no command could name (they take "
            "--annotator without it)",
            "remove it",
        )
    hidden = [c for c in annotator if is_invisible(c)]
    if hidden:
        return (
            f"analyst name {annotator!r} holds an invisible character (U+{ord(hidden[0]):04X}"
            "): it would be another analyst that looks the same",
            "remove it",
        )
    return None


def look_alike(name: str) -> str:
    """What two analyst names that look the same share: the name in one Unicode form
    (NFKC: "José" typed composed or as e + combining accent), case folded, without the
    characters that draw nothing (a name an older workbench took with one, tr9 T5), and
    without white space at either end (tr10 T1)."""
    shown = "".join(character for character in name if not is_invisible(character))
    return unicodedata.normalize("NFKC", shown).casefold().strip()


def look_alikes(name: str, held: Iterable[str]) -> list[str]:
    """The names of `held` that look like `name` (look_alike) but are not it, sorted:
    "ana" for "Ana", each counted as another analyst (qa10 Q29); "ana" for "аna", a
    Cyrillic "а" in it (name_scripts.script_twins, qa21 #6)."""
    from workbench.core.name_scripts import script_twins

    held = list(held)
    alike = look_alike(name)
    same = {other for other in held if other != name and look_alike(other) == alike}
    return sorted(same | set(script_twins(name, held)))


def status_words(status: str) -> str:
    """A status as a person reads it ("in progress"); the stored name is "in_progress"."""
    return status.replace("_", " ")


_TAG_SET = frozenset(TAGS)


def utc_now() -> str:
    """Current time as ISO 8601 UTC with a 'Z', to the microsecond (orders edits)."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def moment_words(at: str) -> str:
    """A stored UTC time as a person reads it, to the minute: "2026-11-30 17:48 UTC"
    (stored: "2026-11-30T17:48:48.923373Z"). A value that names no moment reads as it is."""
    try:
        moment = datetime.fromisoformat(at.removesuffix("Z"))
    except ValueError:
        return at
    zone = " UTC" if at.endswith("Z") else moment.strftime(" %z").rstrip()
    return moment.strftime("%Y-%m-%d %H:%M") + zone


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags in canonical order, without duplicates; unknown tags raise ValueError."""
    wanted = set(tags)
    unknown = wanted.difference(TAGS)
    if unknown:
        raise ValueError(f"unknown tag(s): {', '.join(sorted(unknown))}")
    return tuple(tag for tag in TAGS if tag in wanted)


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a sentence sits in an article: everything needed to find it again."""

    article_id: str
    article_sha256: str
    index: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str

    @classmethod
    def in_text(
        cls, article_id: str, article_sha256: str, text: str, index: int, start: int, end: int
    ) -> Anchor:
        """Anchor the span text[start:end] with up to CONTEXT_CHARS of context each side."""
        return cls(
            article_id=article_id,
            article_sha256=article_sha256,
            index=index,
            start=start,
            end=end,
            quote=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
        )


EARLIER_TEXT = " (on an earlier text)"
"""Appended to a suggestion's version when its annotation moves onto a changed text."""


@dataclass(frozen=True, slots=True)
class Suggested:
    """What the suggester showed for a sentence when the analyst saved it: an
    annotation's provenance. The fields are the "suggestion" record's keys in order
    (orjson writes an Annotation, and so this, field by field). `scores` holds every
    tag's score (0 to 1) in TAGS order; `outcome` is "accepted" or "changed", and the
    annotation holding this sets it from its own tags and source (never stale)."""

    version: str
    tags: tuple[str, ...]
    source: str | None
    resolved_source: str | None
    scores: dict[str, float] = field(hash=False)
    outcome: str = "accepted"

    def __post_init__(self) -> None:
        object.__setattr__(self, "tags", normalise_tags(self.tags))
        scores = self.scores
        if not isinstance(scores, Mapping) or scores.keys() != _TAG_SET:
            raise ValueError(f"suggestion scores must name each tag once: {scores!r}")
        in_order = {tag: float(scores[tag]) for tag in TAGS}
        if not all(0.0 <= score <= 1.0 for score in in_order.values()):
            raise ValueError(f"suggestion scores must be 0 to 1: {scores!r}")
        object.__setattr__(self, "scores", in_order)
        if self.outcome not in SHOWN_OUTCOMES:
            raise ValueError(f"unknown suggestion outcome: {self.outcome!r}")
        for value in (self.source, self.resolved_source):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"a suggested source must be text or null: {value!r}")

    def on_earlier_text(self) -> Suggested:
        """This suggestion, once its annotation is re-anchored onto a changed text: the
        version says it was made on an earlier text, whose sentences before it may
        differ: a source the analyst typed is then not read on the new text, one kept
        with the speaker shown keeps that speaker (core/analysis/sources/speakers.py)."""
        if self.version.endswith(EARLIER_TEXT):
            return self
        return replace(self, version=self.version + EARLIER_TEXT)

    def held_by(self, tags: tuple[str, ...], source: str | None) -> bool:
        """True if an annotation with these tags and source holds the suggestion as is:
        the same tags, and the suggested source or the speaker it resolves to."""
        return tags == self.tags and (
            source == self.source or (source is not None and source == self.resolved_source)
        )

    def to_record(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "tags": list(self.tags),
            "source": self.source,
            "resolved_source": self.resolved_source,
            "scores": dict(self.scores),
            "outcome": self.outcome,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Suggested:
        """Inverse of to_record; raises KeyError/ValueError/TypeError on bad input."""
        if not isinstance(record, Mapping):
            raise TypeError(f"a suggestion must be an object, not {type(record).__name__}")
        return cls(
            version=str(record["version"]),
            tags=tuple(record["tags"]),
            source=record["source"],
            resolved_source=record["resolved_source"],
            scores=record["scores"],
            outcome=str(record.get("outcome", "accepted")),
        )


@dataclass(frozen=True, slots=True)
class Annotation:
    """An analyst's judgement of one sentence."""

    article_id: str
    article_sha256: str
    index: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    annotator: str
    tags: tuple[str, ...] = ()
    source: str | None = None
    note: str = ""
    status: str = DEFAULT_STATUS
    created_at: str = field(default_factory=utc_now)
    updated_at: str = field(default="")
    anchor_state: str = CURRENT
    suggestion: Suggested | None = None
    """The suggestion shown when the analyst first saved this sentence (None: none was)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "tags", normalise_tags(self.tags))
        if self.status not in STATUSES:
            raise ValueError(f"unknown status: {self.status!r}")
        if self.anchor_state not in ANCHOR_STATES:
            raise ValueError(f"unknown anchor state: {self.anchor_state!r}")
        if not self.updated_at:
            object.__setattr__(self, "updated_at", self.created_at)
        suggestion = self.suggestion
        if suggestion is not None:
            outcome = "accepted" if suggestion.held_by(self.tags, self.source) else "changed"
            if outcome != suggestion.outcome:
                object.__setattr__(self, "suggestion", replace(suggestion, outcome=outcome))

    @classmethod
    def new(cls, anchor: Anchor, annotator: str, **values: Any) -> Annotation:
        """A fresh annotation of an anchored sentence."""
        return cls(
            article_id=anchor.article_id,
            article_sha256=anchor.article_sha256,
            index=anchor.index,
            start=anchor.start,
            end=anchor.end,
            quote=anchor.quote,
            prefix=anchor.prefix,
            suffix=anchor.suffix,
            annotator=annotator,
            **values,
        )

    @property
    def key(self) -> AnnotationKey:
        return (self.annotator, self.article_id, self.index)

    @property
    def is_orphan(self) -> bool:
        """On no sentence of its article's current text: kept, listed, never placed."""
        return self.anchor_state == ORPHANED

    @property
    def orphan_key(self) -> OrphanKey:
        return (self.annotator, self.article_id, self.article_sha256, self.index, self.created_at)

    @property
    def is_blank(self) -> bool:
        """True when the analyst has recorded nothing: such a record is not kept."""
        return not self.tags and not self.source and not self.note and self.status == DEFAULT_STATUS

    @property
    def suggestion_outcome(self) -> str:
        """One of SUGGESTION_OUTCOMES, read from the suggestion and what is recorded now."""
        return "not_shown" if self.suggestion is None else self.suggestion.outcome

    def has_tag(self, tag: str) -> bool:
        return tag in self.tags

    def with_tag(self, tag: str, on: bool) -> Annotation:
        """A copy with `tag` switched on or off."""
        tags = set(self.tags)
        if on:
            tags.add(tag)
        else:
            tags.discard(tag)
        return self.changed(tags=tuple(tags))

    def toggled(self, tag: str) -> Annotation:
        return self.with_tag(tag, tag not in self.tags)

    def anchored(self, anchor: Anchor, anchor_state: str) -> Annotation:
        """This annotation on another sentence (re-anchoring): the anchor's fields and
        `anchor_state` replaced, everything the analyst recorded kept, updated_at too.
        Copied slot by slot: the fields were validated when this annotation was made, and
        re-anchoring a whole corpus makes one copy per annotation."""
        if anchor_state not in ANCHOR_STATES:
            raise ValueError(f"unknown anchor state: {anchor_state!r}")
        moved: Annotation = object.__new__(Annotation)
        for name in _KEPT_ON_MOVE:
            object.__setattr__(moved, name, getattr(self, name))
        for name in _ANCHOR_FIELDS:
            object.__setattr__(moved, name, getattr(anchor, name))
        object.__setattr__(moved, "anchor_state", anchor_state)
        if self.suggestion is not None and anchor.article_sha256 != self.article_sha256:
            object.__setattr__(moved, "suggestion", self.suggestion.on_earlier_text())
        return moved

    def changed(self, **values: Any) -> Annotation:
        """A copy with `values` replaced and updated_at set to now."""
        if "tags" in values:
            values["tags"] = normalise_tags(values["tags"])
        values.setdefault("updated_at", utc_now())
        return replace(self, **values)

    def to_record(self) -> dict[str, Any]:
        """Plain JSON-ready dict (the stored and exported shape)."""
        return {
            "article_id": self.article_id,
            "article_sha256": self.article_sha256,
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "tags": list(self.tags),
            "source": self.source,
            "note": self.note,
            "status": self.status,
            "annotator": self.annotator,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "anchor_state": self.anchor_state,
            "suggestion": None if self.suggestion is None else self.suggestion.to_record(),
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Annotation:
        """Inverse of to_record; raises KeyError/ValueError/TypeError on bad input.

        A record without anchor_state (history written before it existed) is current; one
        without suggestion (written before provenance) had none shown."""
        suggestion = record.get("suggestion")
        return cls(
            article_id=str(record["article_id"]),
            article_sha256=str(record["article_sha256"]),
            index=int(record["index"]),
            start=int(record["start"]),
            end=int(record["end"]),
            quote=str(record["quote"]),
            prefix=str(record["prefix"]),
            suffix=str(record["suffix"]),
            annotator=str(record["annotator"]),
            tags=tuple(record["tags"]),
            source=record["source"],
            note=str(record["note"]),
            status=str(record["status"]),
            created_at=str(record["created_at"]),
            updated_at=str(record["updated_at"]),
            anchor_state=str(record.get("anchor_state", CURRENT)),
            suggestion=None if suggestion is None else Suggested.from_record(suggestion),
        )


RECORD_FIELDS: tuple[str, ...] = tuple(Annotation.__dataclass_fields__)
_ANCHOR_FIELDS: tuple[str, ...] = tuple(Anchor.__dataclass_fields__)
_KEPT_ON_MOVE: tuple[str, ...] = tuple(
    name for name in RECORD_FIELDS if name not in _ANCHOR_FIELDS and name != "anchor_state"
)
FIELDS_BEFORE_SUGGESTION: frozenset[str] = frozenset(RECORD_FIELDS) - {"suggestion"}
"""The keys of a record written before provenance (old databases and exports)."""


def same_judgement(one: Annotation | None, other: Annotation | None) -> bool:
    """True when both hold the same judgement: the same tags, source, note and status
    (None and a blank annotation hold none). Where it sits (a re-anchoring) and when it
    was stamped do not count: what a save compares with the value it was made from."""

    def judgement(annotation: Annotation | None) -> tuple[object, ...] | None:
        if annotation is None or annotation.is_blank:
            return None
        return (annotation.tags, annotation.source, annotation.note, annotation.status)

    return judgement(one) == judgement(other)
