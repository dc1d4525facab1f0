"""What the store writes into its tables, checked where it is read back (tr7 T3, T4).

A checksum says a file or line is as some writer left it, not that this store wrote it:
a snapshot edited by hand with its checksum recomputed (or written by another program)
could hold an annotation the store never writes (an index of -1, an empty span, a note
that is a number), an article record whose sentence count is a word, or a meta field
that is not a number. Read leniently, such a record is shown and
counted as if whole, or ends a command in a traceback; refused, it is named and `repair`
recovers the rest. Journal lines are checked as they are replayed (replay.py); a
checksummed snapshot of this version is checked the same way when it is loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from store.reading_order import ANNOTATIONS_TABLE
from store.snapshot import META_ID, META_TABLE, Tables
from store.trusted import record_problem

ARTICLES_TABLE = "articles"
META_COUNTS = (
    "schema_version",
    "journal_seq",
    "history_bytes",
    "history_first_id",
    "history_next_id",
)
"""The meta record's fields that are counts: read with int() wherever they are used."""
_ARTICLE_TEXTS = ("title", "sha256", "segmenter", "remembered_at")
_ARTICLE_KEYS = frozenset(("article_id", "sentences", *_ARTICLE_TEXTS))


def article_problem(record: Mapping[str, Any]) -> str | None:
    """What makes `record` an article record the store never writes (ArticleInfo's
    to_record()), or None."""
    extra = set(record).difference(_ARTICLE_KEYS)
    if extra:
        return f"unknown field(s) {', '.join(sorted(map(repr, extra)))}"
    article_id = record.get("article_id")
    if type(article_id) is not str or not article_id:
        return f"article_id is {_shown(article_id)}, not a name"
    for name in _ARTICLE_TEXTS:
        if name in record and type(record[name]) is not str:
            return f"{name} is {_shown(record[name])}, not a string"
    sentences = record.get("sentences", 0)
    if type(sentences) is not int or sentences < 0:
        return f"sentences is {_shown(sentences)}, not a whole number"
    return None


def table_record_problem(table: str, record: Any) -> str | None:
    """record_problem or article_problem for a record put into `table` (None for the
    tables whose records are read where they are used: ledger decisions that cannot be
    read are named there, positions are best effort)."""
    if table not in (ANNOTATIONS_TABLE, ARTICLES_TABLE):
        return None
    if not isinstance(record, dict):
        return "not an object"
    return record_problem(record) if table == ANNOTATIONS_TABLE else article_problem(record)


def snapshot_problem(tables: Tables) -> str | None:
    """The first thing in a loaded snapshot the store never writes, in words, or None."""
    meta = tables.get(META_TABLE, {}).get(META_ID, {})
    for name in META_COUNTS:
        value = meta.get(name, 0)
        if type(value) is not int or value < 0:
            return f"its meta field {name} is {_shown(value)}, not a whole number"
    for table in (ANNOTATIONS_TABLE, ARTICLES_TABLE):
        for doc_id, record in tables.get(table, {}).items():
            problem = table_record_problem(table, record)
            if problem is not None:
                kind = "annotation" if table == ANNOTATIONS_TABLE else "article record"
                return f"holds {kind} {doc_id}, which is not one the store writes: {problem}"
    return None


def _shown(value: object) -> str:
    """A value as a message quotes it: a megabyte of it helps nobody."""
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"
