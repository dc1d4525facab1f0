"""The workbench's own formats: one json document, or jsonl (a header, then one line each).

json:  {"schema_version": 1, "exported_at", "articles", "annotations"[, "history"]}
jsonl: line 1 {"schema_version": 1, "exported_at", "articles"}; then one annotation
       record per line. History is only available in json.
Both are written compact, with one orjson.dumps over the whole export: 100,000
annotations must export in well under a second.
"""

from __future__ import annotations

from typing import Any

import orjson

from workbench.core.export.data import ExportData
from workbench.core.export.schema import SCHEMA_VERSION

LINE_BREAKS = (
    (b"\xc2\x85", b"\\u0085"),
    (b"\xe2\x80\xa8", b"\\u2028"),
    (b"\xe2\x80\xa9", b"\\u2029"),
)
"""NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: JSON allows them raw in strings, but
str.splitlines() and older JavaScript break lines there, so they are escaped (they
can only occur inside strings, where the escape means the same character)."""


def escape_line_breaks(encoded: bytes) -> bytes:
    for raw, escaped in LINE_BREAKS:
        if raw in encoded:
            encoded = encoded.replace(raw, escaped)
    return encoded


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON (non-ASCII text kept readable); orjson is about 8x json.dumps."""
    return escape_line_breaks(orjson.dumps(value))


def dumps_line(value: Any) -> bytes:
    """Compact JSON and a newline: a whole file for json, w3c and claimreview."""
    return escape_line_breaks(orjson.dumps(value, option=orjson.OPT_APPEND_NEWLINE))


def export_document(data: ExportData) -> dict[str, Any]:
    """The json export, ready for orjson.

    Annotations stay Annotation objects: orjson writes a dataclass field by field, which
    gives exactly the keys and values of to_record() (the tests check it) at half the
    cost of building 100,000 dicts first.
    """
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "exported_at": data.exported_at,
        "articles": list(data.articles),
        "annotations": list(data.annotations),
    }
    if data.history is not None:
        document["history"] = list(data.history)
    return document


def jsonl_header(data: ExportData) -> dict[str, Any]:
    """The first line of a jsonl export: what a reader needs before the annotations."""
    return {
        "schema_version": SCHEMA_VERSION,
        "exported_at": data.exported_at,
        "articles": list(data.articles),
    }


def render_json(data: ExportData) -> bytes:
    return dumps_line(export_document(data))


RECORD_BOUNDARY = b'},{"'
"""Between two records in a compact list of flat objects. It cannot occur inside a
string, where every quote is escaped, and annotation records hold no nested object,
so it marks exactly the places where one record ends and the next begins."""


def render_jsonl(data: ExportData) -> bytes:
    # One orjson call for the whole list, then one line per record: calling orjson once
    # per record costs about 5x more (its dataclass path is set up per call).
    lines = [orjson.dumps(jsonl_header(data))]
    if data.annotations:
        records = orjson.dumps(list(data.annotations))[1:-1]
        lines.append(records.replace(RECORD_BOUNDARY, b'}\n{"'))
    lines.append(b"")
    return escape_line_breaks(b"\n".join(lines))
