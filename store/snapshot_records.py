"""What the store writes into its tables, checked where it is read back (tr7 T3, T4).

A checksum says a file or line is as some writer left it, not that this store wrote it:
a snapshot edited by hand with its checksum recomputed (or written by another program)
could hold an annotation the store never writes (an index of -1, an empty span, a note
that is a number), an article record whose sentence count is a word, or a meta field
that is not a number. Read leniently, such a record is shown and
counted as if whole, or ends a command in a traceback; refused, it is named and `repair`
recovers the rest. Journal lines are checked as they are replayed (replay.py) and as repair
reads them (recovery.py); a checksummed snapshot of this version is checked the same way
when it is loaded. Repair keeps no record that fails here (tr9 T1, T4: one it carried into
the repaired snapshot made that snapshot refused in turn, a repair loop).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from store.position_record import POSITIONS_TABLE
from store.reading_order import ANNOTATIONS_TABLE
from store.snapshot import META_ID, META_TABLE, Tables
from store.trusted import count_problem, record_problem, shown_value
from workbench.core.interchange.decision_shape import decision_shape_problem

ARTICLES_TABLE = "articles"
LEDGER_TABLE = "ledger"
JOURNALED_TABLES = (ANNOTATIONS_TABLE, ARTICLES_TABLE, POSITIONS_TABLE, LEDGER_TABLE)
"""The tables a journal line writes (the meta record lives in the snapshot only)."""
RECORD_KINDS = {
    ANNOTATIONS_TABLE: "annotation",
    ARTICLES_TABLE: "article record",
    POSITIONS_TABLE: "remembered place",
    LEDGER_TABLE: "ledger decision",
}
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
_POSITION_KEYS = frozenset(("annotator", "article_id", "index"))


def article_problem(record: Mapping[str, Any]) -> str | None:
    """What makes `record` an article record the store never writes (ArticleInfo's
    to_record()), or None."""
    extra = set(record).difference(_ARTICLE_KEYS)
    if extra:
        return f"unknown field(s) {', '.join(sorted(map(repr, extra)))}"
    article_id = record.get("article_id")
    if type(article_id) is not str or not article_id:
        return f"article_id is {shown_value(article_id)}, not a name"
    for name in _ARTICLE_TEXTS:
        if name in record and type(record[name]) is not str:
            return f"{name} is {shown_value(record[name])}, not a string"
    sentences = record.get("sentences", 0)
    if type(sentences) is not int or sentences < 0:
        return count_problem("sentences", sentences)
    return None


def position_problem(record: Mapping[str, Any]) -> str | None:
    """What makes `record` a remembered place the store never writes (set_position's
    document), or None: read leniently, an index that is a word stopped the app at every
    start for that analyst (tr9 T4)."""
    if record.keys() != _POSITION_KEYS:
        return f"fields {', '.join(sorted(map(repr, record)))}, not annotator, article_id, index"
    for name in ("annotator", "article_id"):
        if type(record[name]) is not str or not record[name]:
            return f"{name} is {shown_value(record[name])}, not a name"
    index = record["index"]
    if type(index) is not int or index < 0:
        return count_problem("index", index)
    return None


def decision_problem(record: Mapping[str, Any]) -> str | None:
    """What makes `record` a ledger decision the store never writes, or None: what the
    import refuses in one by itself (an unknown action, a merge of another shape, no
    analyst or time). Read as an object, such a record was exported into a file its own
    import refused (tr7 T3's ledger part); one naming sentences no text has is still
    named where the ledger is read ("decisions that no longer apply")."""
    problem = decision_shape_problem(record)
    if problem is None:
        return None
    place, words = problem
    return words if place in ("$", "$.action", "$.annotator", "$.at") else f"{place}: {words}"


def table_record_problem(table: str, record: Any) -> str | None:
    """What makes `record`, put into `table`, one the store never writes, or None."""
    if not isinstance(record, dict):
        return "not an object"
    if table == ANNOTATIONS_TABLE:
        return record_problem(record)
    if table == ARTICLES_TABLE:
        return article_problem(record)
    if table == POSITIONS_TABLE:
        return position_problem(record)
    if table == LEDGER_TABLE:
        return decision_problem(record)
    return None


def op_problem(op: Any) -> str | None:
    """What makes one op of a numbered journal line something the store never writes
    (checked before it is applied: a table the store does not journal, such as the meta
    record, or a document id that is not a number, would be read as if whole)."""
    if type(op) is not list or len(op) != 3:
        return "holds an op that is not [table, id, document]"
    table, doc_id, record = op
    if table not in JOURNALED_TABLES:
        return f"writes into {shown_value(table)}, which no journal line of the store writes"
    return document_problem(table, doc_id, record)


def document_problem(table: str, doc_id: Any, record: Any) -> str | None:
    """What makes a document of `table` (None: a delete) one the store never writes."""
    if type(doc_id) is not str or not doc_id.isdecimal():
        return f"names {RECORD_KINDS[table]} {shown_value(doc_id)}, not a document number"
    if record is None:
        return None
    problem = table_record_problem(table, record)
    if problem is None:
        return None
    return f"holds {RECORD_KINDS[table]} {doc_id}, which is not one the store writes: {problem}"


def ops_problem(ops: Any) -> str | None:
    """The first op_problem of a line's ops, or None."""
    if type(ops) is not list:
        return "holds no list of changes"
    return next(filter(None, map(op_problem, ops)), None)


def snapshot_problem(tables: Tables, records: bool = True) -> str | None:
    """The first thing in a loaded snapshot the store never writes, in words, or None:
    its meta counts, and (`records`: a checksummed snapshot of this version, whose
    records have no older shapes) every record."""
    meta = tables.get(META_TABLE, {}).get(META_ID, {})
    for name in META_COUNTS:
        if meta_count(meta, name) is None:
            return f"its meta field {count_problem(name, meta[name])}"
    if not records:
        return None
    for table in JOURNALED_TABLES:
        for doc_id, record in tables.get(table, {}).items():  # JSON keys: strings
            if not doc_id.isdecimal() or table_record_problem(table, record) is not None:
                return document_problem(table, doc_id, record)
    return None


def meta_count(meta: Mapping[str, Any], name: str, default: int = 0) -> int | None:
    """A meta count as the store wrote it (`default` when absent), or None when it is
    not a whole number: repair recounts what such a count said (tr9 T2: int() of a word
    ended repair half way, and every repair after it)."""
    value = meta.get(name, default)
    return value if type(value) is int and value >= 0 else None
