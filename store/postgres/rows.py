"""Annotation rows: the columns in Annotation.to_record() order, and records from rows.

The table names the record's keys `index`, `start` and `end` sentence, start_offset and
end_offset (SQL words); everything else is the record's own name and value, so a row
read back is exactly the record that was written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from psycopg.types.json import Jsonb

from store.errors import DamagedRowError
from store.trusted import annotation_of, record_problem
from workbench.core.annotation import SUGGESTION_KEYS, TAGS, Annotation

RECORD_KEYS: tuple[str, ...] = tuple(Annotation("", "", 0, 0, 0, "", "", "", "").to_record())
"""The record's keys in to_record()'s order (an export writes them in this order)."""
_COLUMN = {"index": "sentence", "start": "start_offset", "end": "end_offset"}
_TYPE = {"index": "int4", "start": "int4", "end": "int4", "suggestion": "jsonb"}
COLUMNS = ", ".join(_COLUMN.get(key, key) for key in RECORD_KEYS)
"""The record's fields as columns, in RECORD_KEYS order."""
COLUMN_TYPES = [_TYPE.get(key, "text") for key in RECORD_KEYS]
SELECT = f"SELECT {COLUMNS}, id, version FROM annotations"
"""Every annotation query: the record, then the row's id and version."""
PLACED = "anchor_state <> 'orphaned'"
AT_KEY = f"{SELECT} WHERE annotator = %s AND article_id = %s AND sentence = %s AND {PLACED}"
"""The placed row of one (annotator, article_id, sentence), if any."""
BY_KEY = 'annotator COLLATE "C", article_id COLLATE "C", sentence'
"""Key order, as Python orders the key tuples (code points: the C collation)."""
FIELD_COUNT = len(RECORD_KEYS)


TAGS_AT = RECORD_KEYS.index("tags")
SUGGESTION_AT = RECORD_KEYS.index("suggestion")


def record_of(row: Sequence[Any]) -> dict[str, Any]:
    """The stored record of a row (its first FIELD_COUNT columns). Tags are stored as
    one comma-separated text (they are a few fixed words): a text array column would
    make reading 100,000 rows take about twice as long."""
    record = dict(zip(RECORD_KEYS, row[:FIELD_COUNT], strict=False))
    tags = record["tags"]
    record["tags"] = tags.split(",") if tags else []
    suggestion = record["suggestion"]
    if suggestion is not None:
        record["suggestion"] = _in_record_order(suggestion)
    return record


def _in_record_order(suggestion: dict[str, Any]) -> dict[str, Any]:
    """A jsonb column gives its keys back in its own order: to_record()'s again."""
    ordered = {key: suggestion[key] for key in SUGGESTION_KEYS if key in suggestion}
    scores = ordered.get("scores")
    if isinstance(scores, dict):
        ordered["scores"] = {tag: scores[tag] for tag in TAGS if tag in scores}
    return ordered


def checked_record(row: Sequence[Any]) -> dict[str, Any]:
    """The row's record (its id after the record's columns); DamagedRowError naming the
    id when the store never writes such a record (about 2 µs a row: every read checks,
    export and copy-db included: tr9 T9)."""
    record = record_of(row)
    problem = record_problem(record)
    if problem is not None:
        raise DamagedRowError(row[FIELD_COUNT], problem)
    return record


def annotation_of_row(row: Sequence[Any]) -> Annotation:
    """The row's annotation (checked_record)."""
    return annotation_of(checked_record(row))


def row_values(record: dict[str, Any]) -> list[Any]:
    """A record as the values of COLUMNS (for COPY)."""
    values = [record[name] for name in RECORD_KEYS[:SUGGESTION_AT]]
    values.append(record.get("suggestion"))  # none in a record from before provenance
    values[TAGS_AT] = ",".join(values[TAGS_AT])
    if values[SUGGESTION_AT] is not None:
        values[SUGGESTION_AT] = Jsonb(values[SUGGESTION_AT])
    return values


def identity(annotation: Annotation) -> tuple[Any, ...]:
    """What names an annotation for a session: its key when placed, its orphan identity
    (which keeps the sentence it had) when orphaned."""
    if annotation.is_orphan:
        return ("orphan", *annotation.orphan_key)
    return annotation.key


def annotations_of_rows(found: Iterable[Sequence[Any]]) -> list[Annotation]:
    return [annotation_of_row(row) for row in found]
