"""The one reading order: by article, then sentence, then annotator, whatever the item."""

from __future__ import annotations

from operator import attrgetter, itemgetter

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.annotation import Anchor, Annotation
from workbench.core.reading_order import article_groups, flattened

KEYS = [
    ("bob", "b", 0), ("ana", "a", 2), ("bob", "a", 1), ("ana", "a", 10),
    ("ana", "b", 0), ("bob", "a", 2), ("ana", "a", 1), ("cy", "c", 5),
]  # fmt: skip


def in_order(records: list[dict[str, object]]) -> list[dict[str, object]]:
    return flattened(
        article_groups(
            records, itemgetter("article_id"), itemgetter("index"), itemgetter("annotator")
        )
    )


def test_records_come_out_in_reading_order_whatever_order_they_come_in() -> None:
    records = [{"annotator": who, "article_id": article, "index": i} for who, article, i in KEYS]
    expected = sorted(records, key=lambda r: (r["article_id"], r["index"], r["annotator"]))
    for arrangement in (records, list(reversed(records)), expected):
        assert in_order(arrangement) == expected


def test_each_group_is_one_article() -> None:
    records = [{"annotator": who, "article_id": article, "index": i} for who, article, i in KEYS]
    groups = article_groups(
        records, itemgetter("article_id"), itemgetter("index"), itemgetter("annotator")
    )
    assert [{r["article_id"] for r in group} for group in groups] == [{"a"}, {"b"}, {"c"}]


@given(st.lists(st.tuples(st.sampled_from("ab"), st.integers(0, 3), st.sampled_from("xyz"))))
def test_annotations_and_records_share_the_order_of_one_sort_by_key_tuple(
    keys: list[tuple[str, int, str]],
) -> None:
    text = "One. Two. Three. Four."
    notes = [
        Annotation.new(Anchor.in_text(article, "0" * 64, text, index, 0, 4), who)
        for article, index, who in keys
    ]
    ordered = flattened(
        article_groups(
            notes, attrgetter("article_id"), attrgetter("index"), attrgetter("annotator")
        )
    )
    assert ordered == sorted(notes, key=lambda a: (a.article_id, a.index, a.annotator))
    records = [note.to_record() for note in notes]
    assert in_order(records) == [note.to_record() for note in ordered]
