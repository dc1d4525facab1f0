"""qa9 Q9: which records to check whose made-on sentence another record of the file holds
are imported as made, orphaned (workbench/cli/import_.py), and how one no sentence took
is counted."""

from __future__ import annotations

from dataclasses import replace

from tests.fixtures.anchored import STORY, annotate, article
from workbench.cli.import_ import orphaned_as_made, still_orphaned
from workbench.core.annotation import Annotation

OLD = article(STORY)


def made(index: int, created_at: str = "2026-11-30T10:00:00.000000Z") -> Annotation:
    return replace(annotate(OLD, index), created_at=created_at, updated_at=created_at)


def test_only_those_that_meet_nothing_are_orphaned_as_made() -> None:
    crowded = {
        ("ana", "story", 7): made(6),  # taken: orphaned as made
        ("ana", "story", 5): made(4, "2026-11-30T11:00:00.000000Z"),  # the database holds 5
        ("ana", "other", 3): replace(made(2), article_id="other"),  # not here
        ("ana", "story", 2): made(1, "2026-11-30T12:00:00.000000Z"),  # the same orphan as
        ("ana", "story", 3): made(1, "2026-11-30T12:00:00.000000Z"),  # this one: neither
    }
    database = {("ana", "story", 5): made(5)}
    chosen = orphaned_as_made(crowded, {"story"}, database.get)
    assert list(chosen) == [("ana", "story", 7)]
    assert chosen[("ana", "story", 7)] == replace(made(6), anchor_state="orphaned")


def test_one_no_sentence_took_is_counted_orphaned() -> None:
    orphan = replace(made(6), anchor_state="orphaned")
    (plan,) = still_orphaned([orphan, made(3)], [])
    assert (plan.article_id, plan.count("orphaned")) == ("story", 1)
    assert still_orphaned([made(3)], []) == []
