"""The one annotation filter: the same answer for an Annotation, its record, and in bulk."""

from __future__ import annotations

from operator import itemgetter

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.annotation import ANCHOR_STATES, STATUSES, TAGS, Anchor, Annotation
from workbench.core.annotation_filter import UNTAGGED, AnnotationFilter

TEXT = "One sentence. Another one."


def note(**values: object) -> Annotation:
    anchor = Anchor.in_text(str(values.pop("article_id", "a1")), "0" * 64, TEXT, 0, 0, 13)
    return Annotation.new(anchor, str(values.pop("annotator", "ana")), **values)  # type: ignore[arg-type]


annotations = st.builds(
    note,
    article_id=st.sampled_from(["a1", "a2"]),
    annotator=st.sampled_from(["ana", "bob"]),
    tags=st.lists(st.sampled_from(TAGS), max_size=3).map(tuple),
    source=st.sampled_from([None, "", "Kim", "the ministry"]),
    status=st.sampled_from(STATUSES),
    anchor_state=st.sampled_from(ANCHOR_STATES),
)
filters = st.builds(
    AnnotationFilter.of,
    article_ids=st.sets(st.sampled_from(["a1", "a2", "a3"]), max_size=2),
    tags=st.sets(st.sampled_from([*TAGS, UNTAGGED]), max_size=2),
    statuses=st.sets(st.sampled_from(STATUSES), max_size=2),
    annotators=st.sets(st.sampled_from(["ana", "bob", "cy"]), max_size=2),
    sources=st.sets(st.sampled_from([None, "", "Kim", "Lee"]), max_size=2),
    anchor_states=st.sets(st.sampled_from(ANCHOR_STATES), max_size=2),
)


def by_hand(wanted: AnnotationFilter, annotation: Annotation) -> bool:
    """The rule as the module docstring states it, written out plainly."""
    tags = set(annotation.tags) | ({UNTAGGED} if not annotation.tags else set())
    return (
        (not wanted.article_ids or annotation.article_id in wanted.article_ids)
        and (not wanted.tags or bool(tags & wanted.tags))
        and (not wanted.statuses or annotation.status in wanted.statuses)
        and (not wanted.annotators or annotation.annotator in wanted.annotators)
        and (not wanted.sources or (annotation.source or None) in wanted.sources)
        and (not wanted.anchor_states or annotation.anchor_state in wanted.anchor_states)
    )


@given(wanted=filters, notes=st.lists(annotations, max_size=12))
def test_an_annotation_its_record_and_a_bulk_selection_agree(
    wanted: AnnotationFilter, notes: list[Annotation]
) -> None:
    expected = [annotation for annotation in notes if by_hand(wanted, annotation)]
    assert [a for a in notes if wanted.matches(a)] == expected
    records = [annotation.to_record() for annotation in notes]
    assert [r for r in records if wanted.matches_record(r)] == [a.to_record() for a in expected]
    assert wanted.select(notes) == expected
    assert wanted.select(records, itemgetter) == [a.to_record() for a in expected]


def test_an_empty_filter_keeps_everything() -> None:
    everyone = [note(), note(tags=("claim",), annotator="bob")]
    assert AnnotationFilter().is_empty
    assert AnnotationFilter().select(everyone) == everyone


def test_untagged_and_no_source_are_values_like_any_other() -> None:
    bare = note(note="check this")
    tagged = note(tags=("denial",), source="Kim")
    blank_source = note(tags=("claim",), source="")
    assert AnnotationFilter.of(tags=[UNTAGGED]).select([bare, tagged]) == [bare]
    assert AnnotationFilter.of(tags=[UNTAGGED, "denial"]).select([bare, tagged]) == [bare, tagged]
    no_source = AnnotationFilter.of(sources=[None])
    assert no_source.select([bare, tagged, blank_source]) == [bare, blank_source]
    assert AnnotationFilter.of(sources=[""]) == no_source, "an empty source is no source"
    assert AnnotationFilter(sources=frozenset({""})) == no_source


def test_values_of_one_field_are_alternatives_and_fields_must_all_match() -> None:
    first = note(tags=("claim",), status="supported")
    second = note(tags=("attribution",), status="refuted", article_id="a2")
    either = AnnotationFilter.of(statuses=["supported", "refuted"])
    assert either.select([first, second]) == [first, second]
    both = AnnotationFilter.of(statuses=["supported", "refuted"], article_ids=["a2"])
    assert both.select([first, second]) == [second]
