"""Reading exports back: valid files round-trip, and every kind of bad file is one clear
message that says where (JSON path or line)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from workbench.core.annotation import Anchor, Annotation
from workbench.core.interchange.export.formats import render
from workbench.core.interchange.export.prepare import prepare_export
from workbench.core.interchange.importing import (
    ImportFileError,
    check_known_articles,
    importable_as_made,
    parse_document,
    parse_lines,
    read_import,
)

TEXT = "Officials said 40 troops left. He denied it. Nothing else happened."
SHA = hashlib.sha256(TEXT.encode()).hexdigest()
SPANS = [(0, 30), (31, 44), (45, len(TEXT))]


def annotation(
    index: int, annotator: str = "ana", article: str = "story", **values: Any
) -> Annotation:
    start, end = SPANS[index]
    return Annotation.new(
        Anchor.in_text(article, SHA, TEXT, index, start, end), annotator, **values
    )


SAMPLE = [
    annotation(0, tags=("claim", "attribution"), source="Officials", note="ünï\n[b]"),
    annotation(1, tags=("denial",), status="refuted"),
    annotation(1, annotator="bob", tags=("claim",)),
]


def document(**changes: Any) -> dict[str, Any]:
    exported: dict[str, Any] = json.loads(render("json", prepare_export(SAMPLE)))
    exported.update(changes)
    return exported


def encoded(value: Any) -> bytes:
    return json.dumps(value).encode()


def numbered(text: bytes) -> list[tuple[int, bytes]]:
    return list(enumerate(text.splitlines(keepends=True), start=1))


def jsonl(records: list[Any] | None = None) -> bytes:
    output = render("jsonl", prepare_export(SAMPLE))
    if records is None:
        return output
    header = output.split(b"\n", 1)[0]
    return b"\n".join([header, *(json.dumps(r).encode() for r in records)]) + b"\n"


def problem(raw: bytes) -> str:
    with pytest.raises(ImportFileError) as caught:
        parse_document(raw)
    return str(caught.value)


def line_problem(raw: bytes) -> str:
    with pytest.raises(ImportFileError) as caught:
        parse_lines(numbered(raw))
    return str(caught.value)


def test_json_round_trip_gives_the_same_annotations() -> None:
    batch = parse_document(render("json", prepare_export(SAMPLE)))
    assert batch.format == "json"
    assert sorted(a.to_record().items() for a in batch.annotations) == sorted(
        a.to_record().items() for a in SAMPLE
    )
    assert [article["id"] for article in batch.articles] == ["story"]
    assert batch.unlisted_articles == {}


def test_jsonl_round_trip_gives_the_same_annotations() -> None:
    batch = parse_lines(numbered(jsonl()))
    assert batch.format == "jsonl"
    assert {a.key: a for a in batch.annotations} == {a.key: a for a in SAMPLE}


def test_blank_lines_in_jsonl_are_ignored() -> None:
    raw = jsonl().replace(b"\n", b"\n\n  \n")
    assert len(parse_lines(numbered(raw)).annotations) == 3


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "$: empty, expected JSON"),
        (b"\xff\xfe{}", "$: not UTF-8 (invalid byte 0xff at byte 0)"),
        (
            b'{"schema_version": 1,\n "articles": [',
            "$: not valid JSON: expected a JSON value at line 2, column 15 "
            "(the file looks truncated)",
        ),
        (b'{"schema_version": 1,, }', "$: not valid JSON: "),
        (b"[1, 2]", "$: expected an object with schema_version, found a list"),
        (b'{"annotations": []}', "$.schema_version: missing (is this a workbench export?)"),
        (  # qa5 Q17: a ClaimReview or W3C export is for other tools
            b'{"@context": "https://schema.org", "@graph": []}',
            "$.schema_version: missing: this is a W3C or ClaimReview export (JSON-LD)",
        ),
        (  # qa6 Q19: with the ids of before (sentence index) or of now, the same answer
            b'{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",'
            b' "first": {"items": [{"id": "urn:workbench:annotation:ana:story:3"}]}}',
            "$.schema_version: missing: this is a W3C or ClaimReview export (JSON-LD)",
        ),
        (
            b'{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",'
            b' "first": {"items": [{"id": "urn:workbench:annotation:ana:story:'
            b'2026-11-21T13:50:01.000001Z"}]}}',
            "$.schema_version: missing: this is a W3C or ClaimReview export (JSON-LD)",
        ),
        (b'{"schema_version": "1"}', "$.schema_version: expected an integer, found a string"),
        (
            b'{"schema_version": 4, "whatever": 1}',
            "$.schema_version: unsupported schema version 4 (this workbench reads versions 1 to 3)",
        ),
        (
            b'{"schema_version": 1, "exported_at": "2026-01-01T00:00:00Z", "articles": []}',
            "$: 'annotations' is a required property",
        ),
    ],
)
def test_bad_json_documents(raw: bytes, message: str) -> None:
    assert problem(raw).startswith(message)


def test_truncated_export_names_line_and_column() -> None:
    raw = render("json", prepare_export(SAMPLE))
    message = problem(raw[: len(raw) // 2])
    assert message.startswith("$: not valid JSON: ")
    assert "line 1, column" in message and "truncated" in message


def bad_annotation(position: int, /, **changes: Any) -> bytes:
    exported = document()
    record = exported["annotations"][position]
    for name, value in changes.items():
        if value is DELETE:
            del record[name]
        else:
            record[name] = value
    return encoded(exported)


DELETE = object()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"tags": DELETE}, "$.annotations[1]: 'tags' is a required property"),
        ({"index": "3"}, "$.annotations[1].index: '3' is not of type 'integer'"),
        ({"index": True}, "$.annotations[1].index: True is not of type 'integer'"),
        ({"index": -1}, "$.annotations[1].index: -1 is less than the minimum of 0"),
        (
            {"tags": ["opinion"]},
            "$.annotations[1].tags[0]: 'opinion' is not one of ['claim', 'attribution', 'denial']",
        ),
        (
            {"tags": ["claim", "claim"]},
            "$.annotations[1].tags: ['claim', 'claim'] has non-unique elements",
        ),
        ({"status": "true"}, "$.annotations[1].status: 'true' is not one of"),
        ({"source": 7}, "$.annotations[1].source: 7 is not of type 'string', 'null'"),
        (
            {"tag": ["claim"]},
            "$.annotations[1]: Additional properties are not allowed ('tag' was unexpected)",
        ),
        ({"updated_at": "yesterday"}, "$.annotations[1].updated_at: 'yesterday' does not match"),
        (
            {"updated_at": "2026-01-01T00:00:00Z\n"},
            "$.annotations[1].updated_at: not a UTC ISO 8601 timestamp",
        ),
        (  # qa5 Q8: the shape of a timestamp, but no such day
            {"created_at": "2026-11-31T00:00:00Z"},
            "$.annotations[1].created_at: not a UTC ISO 8601 timestamp",
        ),
        (  # tr7 T10: a clock years ahead would win every later import
            {"updated_at": "9999-12-31T23:59:59.999999Z"},
            "$.annotations[1].updated_at: 9999-12-31T23:59:59.999999Z is in the future",
        ),
        (  # tr7 T16: "All" could never get a summary of their own
            {"annotator": "All"},
            "$.annotations[1].annotator: 'All' is reserved: --annotator all means every",
        ),
        *(  # tr10 T1: "ana " was another analyst beside "ana", whom no command could name
            (
                {"annotator": name},
                f"$.annotations[1].annotator: analyst name {name!r} begins or ends with "
                "white space: it would be another analyst that looks the same",
            )
            for name in ("ana ", " ana", "ana\u00a0", "ana\u3000")
        ),
        ({"article_sha256": "abc"}, "$.annotations[1].article_sha256: 'abc' does not match"),
        ({"end": 2**60}, "$.annotations[1].end: 1152921504606846976 is greater than the maximum"),
        ({"start": 50, "end": 40}, "$.annotations[1].end: end is before start"),
        (
            {"start": 10, "end": 10, "quote": ""},
            "$.annotations[1].end: end is start: the quote is empty",
        ),
        (
            {"quote": "different"},
            "$.annotations[1].quote: quote has 9 characters but start..end spans 13",
        ),
        ({"note": "x" * 1000, "annotator": ["x" * 1000]}, "$.annotations[1].annotator: ['xxxx"),
    ],
)
def test_bad_annotation_records(changes: dict[str, Any], message: str) -> None:
    found = problem(bad_annotation(1, **changes))
    assert found.startswith(message), found
    assert len(found) < 300


def test_whole_floats_are_integers_as_the_schema_says() -> None:
    batch = parse_document(bad_annotation(1, index=1.0))
    assert batch.annotations[1].index == 1


def test_duplicate_annotations_are_refused_with_both_places() -> None:
    exported = document()
    exported["annotations"].append(dict(exported["annotations"][0], note="other"))
    assert problem(encoded(exported)) == (
        "$.annotations[3]: duplicate annotation (annotator 'ana', article 'story', index 0); "
        "first at $.annotations[0]"
    )


def test_duplicate_article_ids_are_refused() -> None:
    exported = document()
    exported["articles"].append(dict(exported["articles"][0]))
    assert problem(encoded(exported)).startswith(
        "$.articles[1].id: duplicate article id 'story' (also $.articles[0])"
    )


def test_bad_articles_and_history_are_found_by_path() -> None:
    assert problem(encoded(document(articles=[{"id": "story"}]))).startswith(
        "$.articles[0]: 'sha256' is a required property"
    )
    history = [
        {
            "key": ["ana", "story", "0"],
            "before": None,
            "after": None,
            "at": "2026-01-01T00:00:00Z",
            "annotator": "ana",
            "action": "save",
        }
    ]
    assert problem(encoded(document(history=history))).startswith(
        "$.history[0].key[2]: '0' is not of type 'integer'"
    )
    assert problem(encoded(document(extra=1))).startswith(
        "$: Additional properties are not allowed ('extra' was unexpected)"
    )


def test_unknown_articles_are_checked_against_what_the_caller_knows() -> None:
    batch = parse_document(encoded(document(articles=[])))
    assert list(batch.unlisted_articles) == ["story"]
    assert str(batch.unlisted_articles["story"]) == "$.annotations[0].article_id"
    check_known_articles(batch, {"story"})
    with pytest.raises(ImportFileError) as caught:
        check_known_articles(batch, {"elsewhere"})
    assert str(caught.value) == (
        "$.annotations[0].article_id: unknown article 'story' (not in the file's articles, "
        "the database or the corpus)"
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "line 1: empty, expected the header line with schema_version"),
        (b"\n\n", "line 1: empty, expected the header line with schema_version"),
        (b'{"schema_version": 4}\n', "line 1: $.schema_version: unsupported schema version 4"),
        (b'{"schema_version": 1}\n', "line 1: 'exported_at' is a required property"),
        (b"[]\n", "line 1: expected an object with schema_version, found a list"),
    ],
)
def test_bad_jsonl_headers(raw: bytes, message: str) -> None:
    assert line_problem(raw).startswith(message)


def test_bad_jsonl_lines_name_their_line() -> None:
    good = json.loads(jsonl().splitlines()[1])
    assert line_problem(jsonl([good, dict(good, tags=["maybe"])])).startswith(
        "line 3: $.tags[0]: 'maybe' is not one of"
    )
    assert line_problem(jsonl([good, good])).startswith(
        "line 3: duplicate annotation (annotator 'ana', article 'story', index 0); first at line 2"
    )
    truncated = jsonl()[:-20]
    assert line_problem(truncated).startswith("line 4: not valid JSON: ")
    assert "column" in line_problem(truncated)


def test_jsonl_header_articles_are_validated() -> None:
    raw = b'{"schema_version":1,"exported_at":"2026-01-01T00:00:00Z","articles":[{"id":""}]}\n'
    assert line_problem(raw).startswith("line 1: $.articles[0]: ")


def test_read_import_names_the_file_and_picks_the_format_by_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(render("json", prepare_export(SAMPLE)))
    (tmp_path / "a.jsonl").write_bytes(jsonl())
    (tmp_path / "b.ndjson").write_bytes(jsonl()[:-5])
    assert read_import(tmp_path / "a.json").format == "json"
    assert read_import(tmp_path / "a.jsonl").format == "jsonl"
    assert read_import(tmp_path / "a.jsonl", known_articles={"story"}).format == "jsonl"
    with pytest.raises(ImportFileError) as caught:
        read_import(tmp_path / "b.ndjson")
    assert str(caught.value).startswith(f"{tmp_path / 'b.ndjson'} line 4: not valid JSON")
    with pytest.raises(ImportFileError) as caught:
        read_import(tmp_path / "a.jsonl", "json")
    assert str(caught.value).startswith(f"{tmp_path / 'a.jsonl'}: $: not valid JSON")
    (tmp_path / "unlisted.json").write_bytes(encoded(document(articles=[])))
    with pytest.raises(ImportFileError) as caught:
        read_import(tmp_path / "unlisted.json", known_articles=set())
    assert str(caught.value).startswith(
        f"{tmp_path / 'unlisted.json'}: $.annotations[0].article_id"
    )


def version_1(record: dict[str, Any]) -> dict[str, Any]:
    """A record as workbench wrote it before schema version 2 (no anchor_state)."""
    return {name: value for name, value in record.items() if name != "anchor_state"}


def test_a_version_1_export_is_read_with_current_anchors() -> None:
    old = document(schema_version=1)
    old["annotations"] = [version_1(record) for record in old["annotations"]]
    old["history"] = [
        {"key": ["ana", "story", 0], "before": None, "after": old["annotations"][0],
         "at": "2026-01-01T00:00:00Z", "annotator": "ana", "action": "save"}
    ]  # fmt: skip
    batch = parse_document(encoded(old))
    assert batch.annotations == sorted(SAMPLE, key=lambda a: (a.article_id, a.index, a.annotator))
    assert {a.anchor_state for a in batch.annotations} == {"current"}
    header, *records = (json.loads(line) for line in jsonl().splitlines())
    lines = [dict(header, schema_version=1), *(version_1(record) for record in records)]
    raw = b"\n".join(encoded(line) for line in lines)
    assert parse_lines(numbered(raw)).annotations == batch.annotations


def test_an_unknown_anchor_state_is_refused() -> None:
    exported = document()
    exported["annotations"][1]["anchor_state"] = "lost"
    assert problem(encoded(exported)).startswith("$.annotations[1].anchor_state: 'lost' is not")


def test_an_orphan_may_share_its_old_index_with_a_placed_annotation() -> None:
    exported = document()
    placed = exported["annotations"][0]
    exported["annotations"].append(dict(placed, anchor_state="orphaned", note="orphan"))
    batch = parse_document(encoded(exported))
    assert [a.anchor_state for a in batch.annotations][-1] == "orphaned"
    exported["annotations"].append(dict(placed, anchor_state="orphaned", note="again"))
    assert "duplicate orphan (annotator 'ana', article 'story', index 0)" in problem(
        encoded(exported)
    )


def test_records_to_check_are_imported_as_made_only_where_that_meets_nothing() -> None:
    """qa6 Q7: a record to check with tagged_on is imported as made (importable_as_made)
    unless a record imported as it is holds the sentence it was made on; two whose
    sentences swapped places go together; one left out frees no other."""
    made = {
        ("ana", "story", 1): annotation(2),  # was sentence 2, now 1
        ("ana", "story", 2): annotation(1),  # was sentence 1, now 2: the pair swapped
        ("bob", "story", 0): annotation(1, "bob"),  # was 1; bob's sentence 1 stays as is
    }
    held = {("ana", "story", 1), ("ana", "story", 2), ("bob", "story", 0), ("bob", "story", 1)}
    chosen = importable_as_made(made, held)
    assert sorted(chosen) == [("ana", "story", 1), ("ana", "story", 2)]
    # one of the pair met something in the database: the other, made where it stays, too
    assert importable_as_made(made, held, dropped=[("ana", "story", 1)]) == {}


@pytest.mark.parametrize(("field", "position"), [("note", 0), ("source", 1)])
def test_a_nul_character_in_a_string_is_refused_naming_its_path(field: str, position: int) -> None:
    """tr8 T3: the file store took a note holding U+0000, the team store refused it
    without naming the file or the field; no store takes one now."""
    why = "a string holds a NUL character (U+0000), which the team store (PostgreSQL) cannot hold"
    raw = bad_annotation(position, **{field: "nul\u0000here"})
    assert problem(raw) == f"$.annotations[{position}].{field}: {why}"
    good = json.loads(jsonl().splitlines()[1])
    assert line_problem(jsonl([good, dict(good, index=1, **{field: "\u0000"})])) == (
        f"line 3: $.{field}: {why}"
    )


LARGE = 2**31
TOO_LARGE = "is more than the team store (PostgreSQL) can hold (2,147,483,647 at most)"
TOO_LONG = "longer than the team store (PostgreSQL) can hold in an id or name (1,000 bytes at most)"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"index": LARGE}, f"index {LARGE} {TOO_LARGE}"),
        ({"start": LARGE, "end": LARGE + 30}, f"start {LARGE} {TOO_LARGE}"),
        ({"annotator": "ü" * 501}, f"annotator is 1,002 bytes long (UTF-8), {TOO_LONG}"),
        ({"article_id": "s" * 1001}, f"article_id is 1,001 bytes long (UTF-8), {TOO_LONG}"),
    ],
)
def test_what_the_team_store_cannot_hold_is_refused_naming_its_path(
    changes: dict[str, Any], reason: str
) -> None:
    """tr9 T13, tr8 T3's second case: the file store took an id or name too long for
    the server's index, and a count past its integers; the server refused them in
    PostgreSQL's words, naming no record. No store takes them now: the import refuses
    them first, at their path."""
    field = next(iter(changes))
    assert problem(bad_annotation(1, **changes)) == f"$.annotations[1].{field}: {reason}"
    good = json.loads(jsonl().splitlines()[1])
    assert line_problem(jsonl([good, dict(good, **changes)])) == f"line 3: $.{field}: {reason}"


def test_a_listed_article_the_team_store_cannot_hold_is_refused_naming_its_path() -> None:
    exported = document()
    exported["articles"][0]["sentences"] = LARGE
    assert problem(encoded(exported)) == f"$.articles[0].sentences: sentences {LARGE} {TOO_LARGE}"
    exported["articles"][0] = {"id": "s" * 1001, "title": None, "sha256": SHA}
    assert problem(encoded(exported)) == (
        f"$.articles[0].id: id is 1,001 bytes long (UTF-8), {TOO_LONG}"
    )
