"""Every export format from plain annotations: shapes, filters, and the JSON Schema."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.fixtures.sentences import sentence_annotation
from workbench.core.annotation import Anchor, Annotation, Suggested
from workbench.core.annotation_filter import AnnotationFilter
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import OFFSETS
from workbench.core.interchange.export.formats import FORMATS, render
from workbench.core.interchange.export.prepare import prepare_export
from workbench.core.interchange.export.schema import SCHEMA_VERSION, export_schema, validator

ROOT = Path(__file__).resolve().parents[3]
TEXT = "Officials said 40 troops left. [Mr. Putin] denied it.\nA “quoted” line, with ünïcode."
SHA = hashlib.sha256(TEXT.encode()).hexdigest()
STAMP = "2026-01-02T03:04:05.000006Z"


def annotation(
    index: int, annotator: str = "ana", article: str = "story", **values: Any
) -> Annotation:
    spans = [(0, 30), (31, 53), (54, len(TEXT))]
    start, end = spans[index]
    anchor = Anchor.in_text(article, SHA, TEXT, index, start, end)
    values.setdefault("created_at", STAMP)
    return Annotation.new(anchor, annotator, **values)


SAMPLE = [
    annotation(0, tags=("claim", "attribution"), source="Officials", status="refuted", note="x"),
    annotation(1, tags=("denial",), source="[Mr. Putin]"),
    annotation(2, annotator="bob", tags=("claim",), status="supported"),
    annotation(1, annotator="bob", article="other", tags=("claim",), status="in_progress"),
]


def lines(output: bytes) -> list[Any]:
    return [json.loads(line) for line in output.decode().splitlines()]


def test_the_published_schema_is_the_shipped_one() -> None:
    shipped = ROOT / "workbench" / "core" / "interchange" / "export" / "export_schema.json"
    assert (ROOT / "docs" / "export.schema.json").read_bytes() == shipped.read_bytes()
    Draft202012Validator.check_schema(export_schema())


def test_json_export_is_valid_and_holds_exact_records() -> None:
    data = prepare_export(SAMPLE, exported_at=STAMP)
    document = json.loads(render("json", data))
    assert list(validator().iter_errors(document)) == []
    assert document["schema_version"] == SCHEMA_VERSION
    assert document["exported_at"] == STAMP
    assert "history" not in document
    expected = sorted(SAMPLE, key=lambda a: (a.article_id, a.index, a.annotator))
    assert document["annotations"] == [a.to_record() for a in expected]
    assert [article["id"] for article in document["articles"]] == ["other", "story"]


def test_jsonl_export_is_a_header_then_one_valid_annotation_per_line() -> None:
    output = render("jsonl", prepare_export(SAMPLE, exported_at=STAMP))
    header, *records = lines(output)
    assert list(validator("jsonl_header").iter_errors(header)) == []
    assert header["schema_version"] == SCHEMA_VERSION
    expected = sorted(SAMPLE, key=lambda a: (a.article_id, a.index, a.annotator))
    assert records == [a.to_record() for a in expected]
    for record in records:
        assert list(validator("annotation").iter_errors(record)) == []
    assert output.endswith(b"\n") and output.count(b"\n") == len(SAMPLE) + 1


@pytest.mark.parametrize(
    "note",
    ["one\ntwo\u2028three\x85four\u2029", '},{"article_id":"x"}\n{"', '"},{"', "\\"],
)
def test_line_breaks_and_record_like_text_stay_inside_their_line(note: str) -> None:
    noted = [annotation(0, tags=("claim",), note=note), annotation(1, source=note)]
    output = render("jsonl", prepare_export(noted, exported_at=STAMP))
    assert output.count(b"\n") == 3
    assert lines(output)[1:] == [record.to_record() for record in noted]


def test_empty_exports_are_valid() -> None:
    data = prepare_export([], exported_at=STAMP)
    assert list(validator().iter_errors(json.loads(render("json", data)))) == []
    assert lines(render("jsonl", data)) == [
        {
            "schema_version": SCHEMA_VERSION,
            "exported_at": STAMP,
            "offsets": OFFSETS,
            "articles": [],
            "annotation_lines": 0,
        }
    ]
    assert json.loads(render("w3c", data))["total"] == 0
    assert json.loads(render("claimreview", data))["@graph"] == []


@pytest.mark.parametrize("format_name", ["json", "jsonl", "w3c"])
def test_every_export_with_offsets_says_what_they_count(format_name: str) -> None:
    """tr7 T18: offsets count code points after a BOM is dropped and CRLF made LF, while
    article_sha256 names the bytes: a tool applying them to the published file selected
    other characters, and no export said so."""
    output = render(format_name, prepare_export(SAMPLE, exported_at=STAMP)).decode()
    document = json.loads(output.splitlines()[0])
    said = document["label"] if format_name == "w3c" else document["offsets"]
    assert "BOM dropped" in said and "CRLF and CR turned into LF" in said


def test_history_is_exported_in_the_schema_shape() -> None:
    class Change:
        def __init__(self, before: Annotation | None, after: Annotation | None) -> None:
            self.key = (after or before).key  # type: ignore[union-attr]
            self.before, self.after = before, after
            self.at, self.annotator, self.action = STAMP, "ana", "save"

    first = SAMPLE[0]
    changes = [Change(None, first), Change(first, first.changed(note="y")), Change(SAMPLE[2], None)]
    data = prepare_export(SAMPLE, history=changes, exported_at=STAMP)
    document = json.loads(render("json", data))
    assert list(validator().iter_errors(document)) == []
    assert [entry["key"] for entry in document["history"]] == [
        ["ana", "story", 0],
        ["ana", "story", 0],
        ["bob", "story", 2],
    ]
    assert document["history"][0]["before"] is None
    assert document["history"][1]["after"]["note"] == "y"
    filtered = prepare_export(
        SAMPLE,
        AnnotationFilter.of(annotators=["ana"]),
        history=changes,
    )
    assert [entry["key"][0] for entry in filtered.history or []] == ["ana", "ana"]
    assert prepare_export(SAMPLE, history=[]).history == []


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (AnnotationFilter(), 4),
        (AnnotationFilter.of(article_ids=["other"]), 1),
        (AnnotationFilter.of(tags=["claim"]), 3),
        (AnnotationFilter.of(tags=["denial", "attribution"]), 2),
        (AnnotationFilter.of(statuses=["refuted", "supported"]), 2),
        (AnnotationFilter.of(annotators=["bob"]), 2),
        (AnnotationFilter.of(tags=["claim"], annotators=["bob"], article_ids=["story"]), 1),
        (AnnotationFilter.of(annotators=["nobody"]), 0),
    ],
)
def test_filters_combine_alternatives_within_and_all_across(
    wanted: AnnotationFilter, expected: int
) -> None:
    chosen = prepare_export(SAMPLE, wanted).annotations
    assert len(chosen) == expected
    assert all(wanted.matches(a) for a in chosen)
    assert {a.article_id for a in chosen} == {
        r["id"] for r in prepare_export(SAMPLE, wanted).articles
    }


def test_article_records_prefer_the_catalogue_and_fall_back_to_the_anchor() -> None:
    catalogue = {"story": ArticleInfo("story", "A story", "f" * 64, 3)}
    records = prepare_export(SAMPLE, catalogue=catalogue).articles
    assert records == [
        {"id": "other", "title": None, "sha256": SHA},
        {"id": "story", "title": "A story", "sha256": "f" * 64, "sentences": 3},
    ]


def test_w3c_has_quote_and_position_selectors_and_purposed_bodies() -> None:
    collection = json.loads(render("w3c", prepare_export(SAMPLE, exported_at=STAMP)))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    assert collection["total"] == 4
    items = collection["first"]["items"]
    first = next(item for item in items if item["target"]["selector"][0]["exact"] == TEXT[:30])
    assert first["id"] == f"urn:workbench:annotation:ana:story:{STAMP}~0", "ana's two share it"
    assert first["type"] == "Annotation"
    assert first["creator"] == {"type": "Person", "name": "ana"}
    assert first["created"] == STAMP and first["modified"] == STAMP
    assert first["target"]["source"] == "urn:workbench:article:story"
    quote, position = first["target"]["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": TEXT[0:30],
        "prefix": "",
        "suffix": TEXT[30:62],
    }
    assert position == {"type": "TextPositionSelector", "start": 0, "end": 30}
    assert TEXT[position["start"] : position["end"]] == quote["exact"]
    purposes = [(body["purpose"], body["value"]) for body in first["body"]]
    assert purposes == [
        ("tagging", "claim"),
        ("tagging", "attribution"),
        ("commenting", "x"),
        ("identifying", "Officials"),
        ("assessing", "refuted"),
    ]
    assert all(body["type"] == "TextualBody" for body in first["body"])


def test_w3c_identifiers_are_percent_encoded() -> None:
    odd = annotation(0, annotator="a b", article="dir:x/y", tags=("claim",))
    item = json.loads(render("w3c", prepare_export([odd])))["first"]["items"][0]
    assert item["id"] == f"urn:workbench:annotation:a%20b:dir%3Ax%2Fy:{STAMP}"
    assert item["target"]["source"] == "urn:workbench:article:dir%3Ax%2Fy"


def ids(format_name: str, annotations: list[Annotation]) -> list[str]:
    document = json.loads(render(format_name, prepare_export(annotations)))
    if format_name == "w3c":
        return [item["id"] for item in document["first"]["items"]]
    return [review["@id"] for review in document["@graph"]]


@pytest.mark.parametrize("format_name", ["w3c", "claimreview"])
def test_an_annotation_keeps_its_id_when_its_sentence_moves(format_name: str) -> None:
    """qa6 Q19: ids were the sentence number, so after two sentences were added above it
    "He added …" took over Peskov's id: a consumer updating by id replaced one review
    with another. An id is the annotation's identity (analyst, article, creation)."""
    made = annotation(0, tags=("claim",), status="refuted", created_at="2026-01-01T00:00:01Z")
    other = annotation(2, tags=("claim",), status="refuted", created_at="2026-01-01T00:00:02Z")
    moved = replace(made, index=2, start=54, end=len(TEXT), status="disputed", updated_at=STAMP)
    before, after = ids(format_name, [made]), ids(format_name, [moved])
    assert before == after == ["urn:workbench:annotation:ana:story:2026-01-01T00:00:01Z"]
    assert ids(format_name, [other]) != before, "another annotation on its old sentence"


def test_annotations_sharing_an_identity_still_get_ids_of_their_own() -> None:
    twins = [annotation(0, tags=("claim",)), annotation(2, tags=("claim",))]
    assert ids("w3c", twins) == [
        f"urn:workbench:annotation:ana:story:{STAMP}~0",
        f"urn:workbench:annotation:ana:story:{STAMP}~2",
    ]


def test_claimreview_covers_only_claims_with_a_verdict() -> None:
    catalogue = {"story": ArticleInfo("story", "A story")}
    graph = json.loads(render("claimreview", prepare_export(SAMPLE, catalogue=catalogue)))
    assert graph["@context"] == "https://schema.org"
    reviews = graph["@graph"]
    assert [review["claimReviewed"] for review in reviews] == [TEXT[0:30], TEXT[54:]]
    refuted = reviews[0]
    assert refuted["@type"] == "ClaimReview"
    assert refuted["reviewRating"] == {"@type": "Rating", "alternateName": "Refuted"}
    assert refuted["author"] == {"@type": "Person", "name": "ana"}
    assert refuted["datePublished"] == STAMP
    assert refuted["reviewBody"] == "x"
    claim = refuted["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Organization", "name": "Officials"}
    assert claim["appearance"]["@type"] == "CreativeWork"
    assert claim["appearance"]["identifier"] == "story"
    assert claim["appearance"]["headline"] == "A story"
    assert "author" not in reviews[1]["itemReviewed"]


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("General Ryder", "Person"),
        ("Ukraine's military intelligence agency", "Organization"),
        ("U.S. officials", "Organization"),
        ("The New York Times", "Organization"),
        ("Pentagon spokesman", "Person"),  # qa7 Q10 a: one person, by a body's role
        ("a senior Defense Department official", "Person"),
    ],
)
def test_claim_authors_are_people_or_organisations(source: str, kind: str) -> None:
    reviewed = annotation(0, tags=("claim",), source=source, status="disputed")
    review = json.loads(render("claimreview", prepare_export([reviewed])))["@graph"][0]
    assert review["itemReviewed"]["author"] == {"@type": kind, "name": source}


def speakers_published(annotation: Annotation) -> tuple[object, list[str]]:
    """ClaimReview's claim author, and the W3C identifying bodies."""
    data = prepare_export([annotation])
    review = json.loads(render("claimreview", data))["@graph"][0]
    item = json.loads(render("w3c", data))["first"]["items"][0]
    bodies = [body["value"] for body in item["body"] if body["purpose"] == "identifying"]
    return review["itemReviewed"].get("author"), bodies


def test_a_pronoun_is_published_as_the_speaker_the_analyst_accepted() -> None:
    """qa7 Q5: ClaimReview named "He" as the claim's author (and W3C as who speaks),
    where the summary names Pat Ryder: the speaker accepted for it is published, and a
    pronoun nobody resolved names no one."""
    scores = {"claim": 0.9, "attribution": 0.9, "denial": 0.0}
    shown = Suggested("rules", ("claim", "attribution"), "He", "Pat Ryder", scores)
    made = annotation(0, tags=("claim", "attribution"), status="supported")
    resolved = replace(made, source="He", suggestion=shown)
    assert speakers_published(resolved) == (
        {"@type": "Person", "name": "Pat Ryder"},
        ["Pat Ryder"],
    )
    assert speakers_published(replace(made, source="she")) == (None, [])
    typed = replace(resolved, source="Pat Ryder")  # typed over: the analyst's own words
    assert speakers_published(typed)[1] == ["Pat Ryder"]
    assert speakers_published(replace(made, source="General Ryder"))[1] == ["General Ryder"]


def test_a_title_and_surname_is_published_as_the_full_name_the_summary_counts() -> None:
    """qa13 Q4: ClaimReview named "Commander Sæther" as the author of one claim and
    "Ingrid Sæther" of another, where the summary counts both under Ingrid Sæther (her
    sentence writes "Commander Ingrid Sæther")."""
    named = sentence_annotation(
        "Commander Ingrid Sæther said 12 survivors had been found.",
        tags=("claim", "attribution"),
        source="Ingrid Sæther",
        status="supported",
    )
    titled = sentence_annotation(
        "The ferry was carrying 312 passengers, Commander Sæther said.", index=1,
        tags=("claim", "attribution"), source="Commander Sæther", status="disputed",
    )  # fmt: skip
    data = prepare_export([named, titled])
    reviews = json.loads(render("claimreview", data))["@graph"]
    assert [review["itemReviewed"]["author"]["name"] for review in reviews] == [
        "Ingrid Sæther",
        "Ingrid Sæther",
    ]
    items = json.loads(render("w3c", data))["first"]["items"]
    bodies = [body["value"] for item in items for body in item["body"]]
    assert bodies.count("Ingrid Sæther") == 2 and "Commander Sæther" not in bodies
    alone = ({"@type": "Person", "name": "Commander Sæther"}, ["Commander Sæther"])
    assert speakers_published(titled) == alone, "no fuller name exported: as recorded"


@pytest.mark.parametrize("format_name", ["w3c", "claimreview"])
def test_a_json_ld_export_can_be_pasted_into_a_page_without_becoming_markup(
    format_name: str,
) -> None:
    """tr7 T14: a note or source holding "</script>" ended the <script> block a JSON-LD
    export is pasted into; written as \\u003c/script\\u003e it is the same value."""
    hostile = "</script><img src=x onerror=alert(1)> & more"
    reviewed = annotation(0, tags=("claim",), source=hostile, note=hostile, status="refuted")
    output = render(format_name, prepare_export([reviewed]))
    assert not any(mark in output for mark in (b"<", b">", b"&"))
    assert hostile in json.dumps(json.loads(output), ensure_ascii=False)


def test_every_format_is_registered_and_ends_with_a_newline() -> None:
    assert set(FORMATS) == {"json", "jsonl", "w3c", "claimreview"}
    data = prepare_export(SAMPLE, exported_at=STAMP)
    for name in FORMATS:
        assert render(name, data).endswith(b"\n")


def test_each_format_has_its_own_default_file_name() -> None:
    names = {name: FORMATS[name].default_file for name in FORMATS}
    assert len(set(names.values())) == len(names), names
    assert names["w3c"] == "workbench-export.w3c.jsonld"
    assert names["claimreview"] == "workbench-claimreview.jsonld"
    assert [FORMATS[name].suffix for name in FORMATS] == [".json", ".jsonl", ".jsonld", ".jsonld"]
