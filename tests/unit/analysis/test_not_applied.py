"""A merge or split the summary did not apply, in words (summary/not_applied.py): not
applied here when an article of it was not read, no longer applying when its text
changed or its claims are no claims now; its claims named by title and sentence, never
by id (qa20 #9)."""

from __future__ import annotations

from workbench.core.analysis.ledger.decisions import (
    Anchoring,
    Lost,
    Merge,
    Split,
    UnreadableDecision,
    apart_not_read,
)
from workbench.core.analysis.summary.not_applied import not_applied_words

TITLES = {"a1": "Dam fails", "b2": "Red Cross counts damage"}
MERGE = Merge(("g-1", "g-2"), "ana", "t", ((("a1", 3),), (("b2", 1), ("b2", 4))))


def words(decision: Merge | Split, read: set[str], homes: dict[tuple[str, int], int]) -> str:
    return not_applied_words(decision, read, TITLES.get, homes)


def test_a_merge_with_an_article_not_read_is_not_applied_here() -> None:
    gone, elsewhere = apart_not_read([MERGE], {"a1"})
    assert (gone, elsewhere) == ([], [MERGE])
    assert words(MERGE, {"a1"}, {("a1", 3): 1}) == (
        "merge of 2 claim groups: “Dam fails”, sentence 4, with “Red Cross counts damage”, "
        "sentences 2 and 5: not applied here, its article “Red Cross counts damage” is not "
        "in this summary"
    )


def test_an_article_with_no_title_known_is_not_named_by_its_id() -> None:
    said = not_applied_words(MERGE, {"a1"}, {"a1": "Dam fails"}.get, {})
    assert "an article not read, sentences 2 and 5" in said
    assert "its article is not in this summary" in said
    assert "b2" not in said and "g-" not in said


def test_a_sentence_gone_from_its_text_no_longer_applies_even_with_an_article_not_read() -> None:
    lost = Anchoring(lost=(Lost("a1", 3, "Officials said 12,000 were evacuated."),))
    merge = Merge(MERGE.groups, "ana", "t", MERGE.members, lost)
    assert apart_not_read([merge], {"a1"}) == ([merge], [])
    assert words(merge, {"a1"}, {}) == (
        "merge of 2 claim groups: “Dam fails”, sentence 4, with “Red Cross counts damage”, "
        "sentences 2 and 5: no longer applies, its article's text changed (not in it now: "
        "“Officials said 12,000 were evacuated.”, was “Dam fails”, sentence 4)"
    )
    assert apart_not_read([merge], {"c3"}) == ([], [merge]), "another story's: not read"


def test_on_articles_read_it_says_what_became_of_its_claims() -> None:
    read = {"a1", "b2"}
    assert apart_not_read([MERGE], read) == ([MERGE], [])
    assert words(MERGE, read, {("a1", 3): 1}).endswith(
        "no longer applies, “Red Cross counts damage”, sentences 2 and 5 are no claims now"
    )
    one = {("a1", 3): 2, ("b2", 1): 2, ("b2", 4): 2}
    assert words(MERGE, read, one).endswith(
        "no longer applies, its claims are one group now (group 2)"
    )
    split = Split(("ana", "a1", 3), "ana", "t")
    assert words(split, read, {}) == (
        "split of “Dam fails”, sentence 4 from its group: no longer applies, that sentence is "
        "no claim now"
    )
    assert words(split, read, {("a1", 3): 7, ("b2", 1): 1}).endswith(
        "that claim is a group of its own now (group 7)"
    )


def test_a_record_this_version_cannot_read_is_listed_as_no_longer_applying() -> None:
    odd = UnreadableDecision({"action": "rename"})
    assert apart_not_read([odd], {"a1"}) == ([odd], [])
