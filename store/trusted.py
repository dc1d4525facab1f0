"""Annotations from stored records without re-validating what the store itself wrote.

Every record the store writes comes from Annotation.to_record(), so it already has the
exact keys, types, canonical tag order and a known status. Annotation.from_record()
checks and converts all of that again, which is most of the cost of all() at 100,000
annotations. A record that passes one cheap shape test is turned into an Annotation by
filling its slots directly; anything else (a hand-edited or migrated file) takes the
validating path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import combinations
from typing import Any

from workbench.core.annotation import (
    ANCHOR_STATES,
    CONTEXT_CHARS,
    FIELDS_BEFORE_SUGGESTION,
    STATUSES,
    TAGS,
    Annotation,
    Suggested,
)
from workbench.core.interchange.export.shape import is_sha256, is_timestamp

RECORD_KEYS = frozenset(Annotation.__dataclass_fields__)
"""to_record() has exactly the dataclass's field names as keys."""
RECORD_KEY_SETS = (RECORD_KEYS, FIELDS_BEFORE_SUGGESTION)
"""What the store writes now, and what it wrote before provenance (read as not shown)."""
CANONICAL_TAGS = frozenset(
    combination for size in range(len(TAGS) + 1) for combination in combinations(TAGS, size)
)
"""Every tag tuple in canonical order (TAGS order, no duplicates)."""
_SHARED_TAGS = {tags: tags for tags in CANONICAL_TAGS}
"""One tuple per combination, shared by every Annotation read (100,000 annotations, a
few combinations: 4 MB less in the open summary screen)."""
KNOWN_STATUSES = frozenset(STATUSES)
KNOWN_ANCHOR_STATES = frozenset(ANCHOR_STATES)
_new = object.__new__


def _slot_setter(name: str) -> Callable[[Annotation, Any], None]:
    """The slot's descriptor setter: it writes the slot even though the class is frozen."""
    setter: Callable[[Annotation, Any], None] = vars(Annotation)[name].__set__
    return setter


_set_article_id = _slot_setter("article_id")
_set_article_sha256 = _slot_setter("article_sha256")
_set_index = _slot_setter("index")
_set_start = _slot_setter("start")
_set_end = _slot_setter("end")
_set_quote = _slot_setter("quote")
_set_prefix = _slot_setter("prefix")
_set_suffix = _slot_setter("suffix")
_set_annotator = _slot_setter("annotator")
_set_tags = _slot_setter("tags")
_set_source = _slot_setter("source")
_set_note = _slot_setter("note")
_set_status = _slot_setter("status")
_set_created_at = _slot_setter("created_at")
_set_updated_at = _slot_setter("updated_at")
_set_anchor_state = _slot_setter("anchor_state")
_set_suggestion = _slot_setter("suggestion")


def is_canonical(record: Mapping[str, Any]) -> bool:
    """True if `record` has exactly to_record()'s keys (or those of a record from before
    provenance), canonical tags, a known status and anchor state, and an integer sentence
    index: what the store writes. (The other types
    are those JSON gives back for what to_record() wrote; a hand-edited file may still be
    wrong there, as from_record would not notice either.)"""
    return (
        record.keys() in RECORD_KEY_SETS
        and tuple(record["tags"]) in CANONICAL_TAGS
        and record["status"] in KNOWN_STATUSES
        and record["anchor_state"] in KNOWN_ANCHOR_STATES
        and type(record["index"]) is int
    )


def annotation_of(record: Mapping[str, Any]) -> Annotation:
    """The Annotation of a stored record; KeyError/TypeError/ValueError if it is not one.

    A canonical record fills the slots directly (about 2 µs instead of 8 µs)."""
    if not is_canonical(record):
        return Annotation.from_record(record)
    annotation: Annotation = _new(Annotation)
    _set_article_id(annotation, record["article_id"])
    _set_article_sha256(annotation, record["article_sha256"])
    _set_index(annotation, record["index"])
    _set_start(annotation, record["start"])
    _set_end(annotation, record["end"])
    _set_quote(annotation, record["quote"])
    _set_prefix(annotation, record["prefix"])
    _set_suffix(annotation, record["suffix"])
    _set_annotator(annotation, record["annotator"])
    _set_tags(annotation, _SHARED_TAGS[tuple(record["tags"])])
    _set_source(annotation, record["source"])
    _set_note(annotation, record["note"])
    _set_status(annotation, record["status"])
    _set_created_at(annotation, record["created_at"])
    _set_updated_at(annotation, record["updated_at"])
    _set_anchor_state(annotation, record["anchor_state"])
    suggestion = record.get("suggestion")
    _set_suggestion(annotation, None if suggestion is None else Suggested.from_record(suggestion))
    return annotation


_TEXT_FIELDS = (
    "article_id",
    "article_sha256",
    "quote",
    "prefix",
    "suffix",
    "annotator",
    "note",
    "created_at",
    "updated_at",
)


def record_problem(record: Mapping[str, Any]) -> str | None:
    """What makes `record` something the store never writes, or None if it is exactly an
    annotation as to_record() makes it, now or before provenance (every key, each of its
    JSON type, a canonical tag list, a known status and anchor state, a suggestion that
    reads as one).

    A checksum only says a line is as it was written: a record written wrong (a string
    for a sentence index, an unknown tag) passes it, and read leniently it is either
    refused later in a screen or, worse, coerced onto another annotation's sentence.
    About 2 µs: cheap enough for every journal line replayed."""
    if record.keys() not in RECORD_KEY_SETS:  # a record from before provenance is one
        missing = FIELDS_BEFORE_SUGGESTION.difference(record)
        if missing:
            return f"{', '.join(sorted(missing))} missing"
        extra = set(record).difference(RECORD_KEYS)
        return f"unknown field(s) {', '.join(sorted(map(repr, extra)))}"
    suggestion = record.get("suggestion")
    if suggestion is not None:
        try:
            Suggested.from_record(suggestion)
        except (KeyError, TypeError, ValueError) as error:
            return f"its suggestion is not one ({error!r})"
    for name in ("index", "start", "end"):
        value = record[name]
        if type(value) is not int or value < 0:
            return count_problem(name, value)
    for name in _TEXT_FIELDS:
        if type(record[name]) is not str:
            return f"{name} is {record[name]!r}, not a string"
    source = record["source"]
    if source is not None and type(source) is not str:
        return f"source is {source!r}, not a string"
    tags = record["tags"]
    if type(tags) is not list or tuple(tags) not in CANONICAL_TAGS:
        return f"tags are {tags!r}, not a list of {', '.join(TAGS)} in that order"
    if record["status"] not in KNOWN_STATUSES:
        return f"status is {record['status']!r}"
    if record["anchor_state"] not in KNOWN_ANCHOR_STATES:
        return f"anchor_state is {record['anchor_state']!r}"
    return anchor_problem(record)


def count_problem(name: str, value: object) -> str:
    """What is wrong with a count the store never writes (one that is no whole number,
    or one below 0: "-5, not a whole number" was wrong, tr10 T3)."""
    if type(value) is int:
        return f"{name} is {value}, below 0"
    return f"{name} is {shown_value(value)}, not a whole number"


def anchor_problem(record: Mapping[str, Any]) -> str | None:
    """What the import refuses in a record's names, anchor and times, in its words (a
    record of the right types can still be one no writer of the store makes: an empty
    analyst, a hash that is none, a quote that is not its span, a time that is none;
    exported, the import refused it: tr10 T4). One test for a good record (every record
    opened is checked); the words only for a bad one."""
    start, end = record["start"], record["end"]
    created, updated = record["created_at"], record["updated_at"]
    if (
        record["article_id"]
        and record["annotator"]
        and (record["article_sha256"] in _HASHES or _is_new_hash(record["article_sha256"]))
        and start < end
        and len(record["quote"]) == end - start
        and len(record["prefix"]) <= CONTEXT_CHARS
        and len(record["suffix"]) <= CONTEXT_CHARS
        and is_timestamp(created)
        and (updated == created or is_timestamp(updated))
    ):
        return None
    return _anchor_words(record)


_HASHES: set[str] = set()
"""Article hashes seen well formed: a few per article, repeated in each of its records."""


def _is_new_hash(value: str) -> bool:
    if not is_sha256(value):
        return False
    if len(_HASHES) < 100_000:
        _HASHES.add(value)
    return True


def _anchor_words(record: Mapping[str, Any]) -> str:
    """anchor_problem's words for a record it found wrong."""
    for name in ("article_id", "annotator"):
        if not record[name]:
            return f"{name} is empty"
    if not is_sha256(record["article_sha256"]):
        return f"article_sha256 is {shown_value(record['article_sha256'])}, not a SHA-256 hash"
    start, end, quote = record["start"], record["end"], record["quote"]
    if end <= start:
        return "end is before start" if end < start else "end is start: the quote is empty"
    if len(quote) != end - start:
        return f"quote has {len(quote)} characters but start..end spans {end - start}"
    for name in ("prefix", "suffix"):
        if len(record[name]) > CONTEXT_CHARS:
            return f"{name} has {len(record[name])} characters ({CONTEXT_CHARS} at most)"
    for name in ("created_at", "updated_at"):
        if not is_timestamp(record[name]):
            return f"{name} is {shown_value(record[name])}, not a UTC ISO 8601 timestamp"
    raise AssertionError("anchor_problem found nothing wrong")  # pragma: no cover


def shown_value(value: object) -> str:
    """A value as a message quotes it, cut short: a megabyte of it helps nobody."""
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"
