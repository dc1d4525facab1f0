"""The workbench's own formats: one json document, or jsonl (a header, then one line each).

json:  {"schema_version": 3, "exported_at", "articles", "annotations"[, "history"]
        [, "decisions"]}
jsonl: line 1 {"schema_version": 3, "exported_at", "articles", "annotation_lines"
       [, "decisions"]}; then one annotation record per line (as many as
       "annotation_lines" says: a file cut at a line's end is told from a whole one).
       History is only available in json; the ledger decisions are written when there
       are some.
Both are written compact, with one orjson.dumps over the whole export: 100,000
annotations must export in well under a second.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson

from workbench.core.corpus.articles import OFFSETS
from workbench.core.interchange.export.data import ExportData
from workbench.core.interchange.export.schema import SCHEMA_VERSION

LINE_BREAKS = (
    (b"\xc2\x85", b"\\u0085"),
    (b"\xe2\x80\xa8", b"\\u2028"),
    (b"\xe2\x80\xa9", b"\\u2029"),
)
"""NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: JSON allows them raw in strings, but
str.splitlines() and older JavaScript break lines there, so they are escaped (they
can only occur inside strings, where the escape means the same character)."""


NativeData = ExportData[Any]
"""The json and jsonl formats write Annotations and stored records alike."""


def escape_line_breaks(encoded: bytes) -> bytes:
    """Escape NEL, LS and PS. Each check is one fast substring scan (about 3x quicker than
    one regular-expression scan for all three), and the bytes are copied only if one of
    them is there, which in real text is rare."""
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


def dumps_for_a_page(value: Any) -> bytes:
    """dumps_line with <, > and & written as \\u003c, \\u003e and \\u0026 (the same JSON
    value): a JSON-LD export (W3C, ClaimReview) is made to be pasted into a web page's
    <script> block, where a note or quote holding "</script>" would end it and become
    markup (tr7 T14). The three can only be inside strings, so this is always valid."""
    return (
        dumps_line(value)
        .replace(b"&", b"\\u0026")
        .replace(b"<", b"\\u003c")
        .replace(b">", b"\\u003e")
    )


def current_records(items: Iterable[Any]) -> list[Any]:
    """The items, a stored record written before provenance given its "suggestion" (null:
    none was shown), as the schema wants every record to have it; copied only then."""
    return [
        {**item, "suggestion": None} if type(item) is dict and "suggestion" not in item else item
        for item in items
    ]


def export_document(data: NativeData) -> dict[str, Any]:
    """The json export, ready for orjson.

    Annotations stay what they are: orjson writes an Annotation field by field, which
    gives exactly the keys and values of to_record() (the tests check it), and a stored
    record is to_record()'s dict already.
    """
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "exported_at": data.exported_at,
        "offsets": OFFSETS,
        "articles": list(data.articles),
        "annotations": current_records(data.annotations),
    }
    if data.history is not None:
        document["history"] = list(data.history)
    if data.decisions:
        document["decisions"] = list(data.decisions)
    return document


def jsonl_header(data: NativeData) -> dict[str, Any]:
    """The first line of a jsonl export: what a reader needs before the annotations."""
    header: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "exported_at": data.exported_at,
        "offsets": OFFSETS,
        "articles": list(data.articles),
        "annotation_lines": len(data.annotations),
    }
    if data.decisions:
        header["decisions"] = list(data.decisions)
    return header


def render_json(data: NativeData) -> bytes:
    return dumps_line(export_document(data))


RECORD_BOUNDARY = b'},{"'
"""Between two records in a compact list of objects. It cannot occur inside a string,
where every quote is escaped, and an annotation record holds no list of objects (its
one nested object, the suggestion, ends the record), so it marks exactly the places
where one record ends and the next begins."""


JSONL_LINE_LIMIT = 16 * 1024 * 1024
"""The longest line a jsonl import reads (it never holds more of one line): an export
writes none longer, so that the tool's own jsonl export is always one it imports."""


class LineTooLong(ValueError):
    """A jsonl export would hold a line its own import refuses (tr7 T21: a 20 MB note)."""


def render_jsonl(data: NativeData) -> bytes:
    # One orjson call for the whole list, then one line per record: calling orjson once
    # per record costs about 5x more (its dataclass path is set up per call).
    lines = [orjson.dumps(jsonl_header(data))]
    if data.annotations:
        records = orjson.dumps(current_records(data.annotations))[1:-1]
        lines.append(records.replace(RECORD_BOUNDARY, b'}\n{"'))
    lines.append(b"")
    output = escape_line_breaks(b"\n".join(lines))
    _refuse_long_lines(output)
    return output


def _refuse_long_lines(output: bytes) -> None:
    """LineTooLong naming the first line over JSONL_LINE_LIMIT (a search per line, only
    in an output long enough to hold one)."""
    if len(output) <= JSONL_LINE_LIMIT:
        return
    start, number = 0, 1
    while start < len(output):
        end = output.find(b"\n", start)
        end = len(output) if end < 0 else end
        if end - start > JSONL_LINE_LIMIT:
            what = "its header (the articles' list)" if number == 1 else f"line {number}"
            raise LineTooLong(
                f"{what} would be {(end - start) / 1e6:.1f} MB, over the "
                f"{JSONL_LINE_LIMIT // (1024 * 1024)} MiB a jsonl line may hold (its import "
                "would refuse it): export with --format json"
            )
        start, number = end + 1, number + 1
