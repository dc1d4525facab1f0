"""Provenance: an annotation keeps the suggestion shown when it was saved, and what became
of it; the record, the export and the import carry it, and records from before it read as
"not shown"."""

from __future__ import annotations

import hashlib
import json
from operator import itemgetter
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import AnnotationStore
from store.trusted import annotation_of, is_canonical
from workbench.cli.main import main
from workbench.core.analysis.suggestions.provenance import as_shown
from workbench.core.analysis.suggestions.suggest import suggest_sentences
from workbench.core.annotation import Anchor, Annotation, Suggested
from workbench.core.corpus.sentences import split_sentences
from workbench.core.interchange.export.formats import render
from workbench.core.interchange.export.prepare import prepare_export
from workbench.core.interchange.export.schema import validator
from workbench.core.interchange.export.shape import is_annotation_record, is_suggestion_record

TEXT = (
    "Defense Secretary Lloyd Austin said on Monday that North Korean troops were in Kursk. "
    "He said 10,000 troops had crossed the border. "
    "The weather, that Monday, was cold"
)
SHA = hashlib.sha256(TEXT.encode()).hexdigest()
SENTENCES = split_sentences("story", TEXT)
STAMP = "2026-01-01T00:00:00.000000Z"
SUGGESTED = Suggested(
    version="rules-2",
    tags=("claim", "attribution"),
    source="He",
    resolved_source="Lloyd Austin",
    scores={"claim": 0.91, "attribution": 0.97, "denial": 0.04},
)


def annotation(index: int = 1, **values: Any) -> Annotation:
    sentence = SENTENCES[index]
    anchor = Anchor.in_text("story", SHA, TEXT, index, sentence.start, sentence.end)
    return Annotation.new(anchor, "ana", **values)


def accepted(**values: Any) -> Annotation:
    return annotation(tags=SUGGESTED.tags, source=SUGGESTED.source, suggestion=SUGGESTED, **values)


def test_the_outcome_follows_what_the_annotation_holds() -> None:
    made = accepted()
    assert made.suggestion_outcome == "accepted"
    assert made.to_record()["suggestion"]["outcome"] == "accepted"
    dropped = made.toggled("claim")
    assert dropped.suggestion_outcome == "changed" and dropped.suggestion is not None
    assert dropped.toggled("claim").suggestion_outcome == "accepted"
    assert made.changed(source="Lloyd Austin").suggestion_outcome == "accepted", "resolved"
    assert made.changed(source="Pentagon").suggestion_outcome == "changed"
    assert made.changed(note="checked").suggestion_outcome == "accepted", "tags and source"
    assert annotation(tags=("claim",)).suggestion_outcome == "not_shown"


def test_a_record_round_trips_and_orjson_writes_the_same_values() -> None:
    made = accepted().toggled("denial")
    record = made.to_record()
    assert list(record["suggestion"]) == [
        "version", "tags", "source", "resolved_source", "scores", "outcome"
    ]  # fmt: skip
    assert record["suggestion"]["scores"] == {"claim": 0.91, "attribution": 0.97, "denial": 0.04}
    assert Annotation.from_record(json.loads(json.dumps(record))) == made
    assert orjson.loads(orjson.dumps(made)) == record
    assert is_canonical(record) and annotation_of(record) == made


def test_a_record_from_before_provenance_reads_as_not_shown() -> None:
    record = annotation(tags=("claim",)).to_record()
    del record["suggestion"]
    assert is_canonical(record), "old databases keep the fast path"
    assert annotation_of(record).suggestion_outcome == "not_shown"
    assert Annotation.from_record(record).suggestion is None


@pytest.mark.parametrize(
    "change",
    [
        {"scores": {"claim": 0.5}},
        {"scores": {"claim": 1.5, "attribution": 0, "denial": 0}},
        {"tags": ["opinion"]},
        {"source": 3},
        {"outcome": "ignored"},
    ],
)
def test_a_bad_suggestion_is_refused(change: dict[str, Any]) -> None:
    record = accepted().to_record()
    record["suggestion"] = {**record["suggestion"], **change}
    assert not is_annotation_record(record)
    assert not validator("annotation").is_valid(record)
    with pytest.raises((KeyError, TypeError, ValueError)):
        Annotation.from_record(record)


suggestion_values = st.one_of(
    st.none(),
    st.text(max_size=5),
    st.floats(allow_nan=False),
    st.integers(),
    st.lists(st.sampled_from(["claim", "denial", "x"]), max_size=3),
    st.dictionaries(st.sampled_from(["claim", "attribution", "denial", "x"]), st.floats()),
)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_the_fast_suggestion_check_is_never_more_lenient(data: st.DataObject) -> None:
    record = dict(SUGGESTED.to_record())
    for name in data.draw(st.lists(st.sampled_from(list(record)), max_size=3)):
        if data.draw(st.booleans()):
            record.pop(name, None)
        else:
            record[name] = data.draw(suggestion_values)
    if is_suggestion_record(record):
        assert validator("suggestion").is_valid(record), record


def test_the_suggester_gives_what_is_shown_at_the_lowest_score() -> None:
    suggestions = suggest_sentences("story", TEXT, SENTENCES)
    shown = as_shown(suggestions[1], 0.5)
    assert shown is not None and "attribution" in shown.tags
    assert (shown.source, shown.resolved_source) == ("He", "Lloyd Austin")
    assert shown.version == suggestions[1].version
    assert as_shown(suggestions[1], 1.01) is None, "nothing reaches the setting"
    assert as_shown(suggestions[2], 0.5) is None, "no tag suggested"


def test_exports_carry_provenance_and_fill_old_records() -> None:
    old = annotation(index=2, tags=("claim",)).to_record()
    del old["suggestion"]
    items = [accepted().to_record(), old]
    data = prepare_export(items, exported_at=STAMP, read=itemgetter)
    document = json.loads(render("json", data))
    assert list(validator().iter_errors(document)) == []
    assert [a["suggestion"] for a in document["annotations"]] == [
        accepted().to_record()["suggestion"],
        None,
    ]
    lines = render("jsonl", data).splitlines()
    assert [json.loads(line)["suggestion"] for line in lines[1:]] == [
        accepted().to_record()["suggestion"],
        None,
    ]
    annotations = [accepted(), annotation(index=2, tags=("claim",))]
    as_objects = json.loads(render("json", prepare_export(annotations, exported_at=STAMP)))
    assert as_objects["annotations"] == [a.to_record() for a in annotations]


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    code = main(list(arguments))
    return code, capsys.readouterr().out


@pytest.mark.parametrize("format_name", ["json", "jsonl"])
def test_provenance_survives_export_and_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], format_name: str
) -> None:
    made = [accepted(), accepted().toggled("claim"), annotation(index=2, tags=("claim",))]
    source_db = tmp_path / "ana.json"
    with AnnotationStore.open(source_db, annotator="ana") as store:
        store.remember_article("story", "A story", SHA, len(SENTENCES))
        for item in made:
            store.save(item)
    exported = tmp_path / f"out.{format_name}"
    assert (
        run(capsys, "export", "--db", str(source_db), "--format", format_name, "-o", str(exported))[
            0
        ]
        == 0
    )
    target = tmp_path / "empty.json"
    assert run(capsys, "import", str(exported), "--db", str(target))[0] == 0
    with AnnotationStore.open(target, annotator="ana", read_only=True) as store:
        back = store.all()
    assert [a.suggestion for a in back] == [made[1].suggestion, None]
    assert [a.suggestion_outcome for a in back] == ["changed", "not_shown"]


def test_a_version_2_export_without_provenance_still_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = annotation(tags=("claim",), source="He").to_record()
    del record["suggestion"]
    old = tmp_path / "old.json"
    old.write_text(
        json.dumps(
            {
                "schema_version": 2,
                "exported_at": STAMP,
                "articles": [{"id": "story", "sha256": SHA}],
                "annotations": [record],
            }
        ),
        encoding="utf-8",
    )
    target = tmp_path / "db.json"
    code, out = run(capsys, "import", str(old), "--db", str(target))
    assert (code, out.strip()) == (0, f"imported {old}: added 1, updated 0, skipped 0")
    with AnnotationStore.open(target, annotator="ana", read_only=True) as store:
        (back,) = store.all()
    assert back.suggestion is None and back.source == "He"
