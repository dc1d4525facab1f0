"""The fast shape checks never accept what the JSON Schema rejects, and accept real exports."""

from __future__ import annotations

import hashlib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.annotation import RECORD_FIELDS, Anchor, Annotation
from workbench.core.interchange.export.schema import validator
from workbench.core.interchange.export.shape import (
    LARGEST_COUNT,
    is_annotation_record,
    is_article_record,
    is_change_record,
)

TEXT = "Officials said 40 troops left. He denied it."
SHA = hashlib.sha256(TEXT.encode()).hexdigest()
RECORD = Annotation.new(
    Anchor.in_text("story", SHA, TEXT, 0, 0, 30), "ana", tags=("claim",), source="Officials"
).to_record()
ARTICLE = {"id": "story", "title": "Story", "sha256": SHA, "sentences": 2}
CHANGE = {
    "key": ["ana", "story", 0],
    "before": None,
    "after": RECORD,
    "at": RECORD["created_at"],
    "annotator": "ana",
    "action": "save",
}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**60), max_value=2**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | st.sampled_from(
        [
            "claim",
            "denial",
            "refuted",
            "",
            "0" * 64,
            RECORD["created_at"],
            RECORD["created_at"] + "\n",
            LARGEST_COUNT,
            LARGEST_COUNT + 1,
            3.0,
        ]
    ),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


def mutated(record: dict[str, Any], data: st.DataObject, fields: list[str]) -> dict[str, Any]:
    """A copy with some fields replaced, removed, or an extra one added."""
    copy = dict(record)
    for name in data.draw(st.lists(st.sampled_from(fields), max_size=3)):
        action = data.draw(st.sampled_from(["replace", "delete", "tweak"]))
        if action == "delete":
            copy.pop(name, None)
        elif action == "tweak" and isinstance(copy.get(name), list):
            copy[name] = [*copy[name], data.draw(json_values)]
        else:
            copy[name] = data.draw(json_values)
    if data.draw(st.booleans()):
        copy[data.draw(st.text(max_size=6))] = data.draw(json_values)
    return copy


def schema_accepts(definition: str, record: Any) -> bool:
    return bool(validator(definition).is_valid(record))


def test_real_records_take_the_fast_path() -> None:
    assert is_annotation_record(RECORD) and schema_accepts("annotation", RECORD)
    assert is_article_record(ARTICLE) and schema_accepts("article", ARTICLE)
    assert is_change_record(CHANGE) and schema_accepts("change", CHANGE)
    assert is_article_record({"id": "x", "sha256": SHA})


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_fast_annotation_check_is_never_more_lenient(data: st.DataObject) -> None:
    record = mutated(RECORD, data, list(RECORD_FIELDS))
    if is_annotation_record(record):
        assert schema_accepts("annotation", record), record


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_fast_article_check_is_never_more_lenient(data: st.DataObject) -> None:
    record = mutated(ARTICLE, data, list(ARTICLE))
    if is_article_record(record):
        assert schema_accepts("article", record), record


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_fast_change_check_is_never_more_lenient(data: st.DataObject) -> None:
    record = mutated(CHANGE, data, list(CHANGE))
    if data.draw(st.booleans()):
        record["after"] = mutated(RECORD, data, list(RECORD_FIELDS))
    if is_change_record(record):
        assert schema_accepts("change", record), record
