"""Ledger decisions kept: group names by sentence, earlier names still found, undo/redo."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.fixtures.gold import load_gold
from workbench.core.analysis.ledger.decide import DecidedGroups, group_id, legacy_group_id
from workbench.core.analysis.ledger.decisions import (
    Merge,
    Split,
    UnreadableDecision,
    decision_words,
    decisions_from_records,
)
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.annotation import Annotation


@pytest.fixture(scope="module")
def gold() -> list[Annotation]:
    return load_gold()


def as_analyst(annotations: list[Annotation], name: str) -> list[Annotation]:
    return [replace(a, annotator=name) for a in annotations]


def ids(annotations: list[Annotation], **settings: object) -> list[str]:
    summary = build_summary(annotations, settings=SummarySettings(**settings))  # type: ignore[arg-type]
    return [group.group_id for group in summary.ledger]


def test_a_group_is_named_by_its_smallest_sentence_for_every_analyst(
    gold: list[Annotation],
) -> None:
    alice = build_summary(as_analyst(gold, "alice")).ledger
    bob = build_summary(as_analyst(gold, "bob")).ledger
    assert [g.group_id for g in alice] == [g.group_id for g in bob]
    for group in alice:
        first = min((line.article_id, line.index) for line in group.members)
        assert group.group_id == group_id(*first)


def test_one_analysts_merge_applies_in_the_all_analysts_view(gold: list[Annotation]) -> None:
    """Part 1 left this: bob's merge named bob-led ids, missing in the "all" view."""
    both = as_analyst(gold, "alice") + as_analyst(gold, "bob")
    groups = build_summary(as_analyst(gold, "bob")).ledger
    singles = tuple(g.group_id for g in groups if len(g.members) == 1)[:2]
    merge = Merge(singles, annotator="bob")
    everyone = build_summary(both, settings=SummarySettings(decisions=(merge,)))
    assert everyone.ignored_decisions == ()
    assert len(everyone.ledger) == len(groups) - 1


def test_a_decision_under_an_earlier_group_name_is_still_applied(gold: list[Annotation]) -> None:
    """Databases made before groups were named by sentence keep their decisions."""
    bob = as_analyst(gold, "bob")
    groups = build_summary(bob).ledger
    singles = [g for g in groups if len(g.members) == 1][:2]
    earlier = tuple(legacy_group_id(g.members[0].annotation.key) for g in singles)
    assert not set(earlier) & {g.group_id for g in groups}
    merge = Merge(earlier, annotator="bob")
    for chosen, annotator in ((bob, "bob"), (as_analyst(gold, "alice") + bob, None)):
        settings = SummarySettings(decisions=(merge,), annotator=annotator)
        summary = build_summary(chosen, settings=settings)
        assert summary.ignored_decisions == ()
        assert len(summary.ledger) == len(groups) - 1
        wanted = {(g.members[0].article_id, g.members[0].index) for g in singles}
        assert any(wanted <= {(m.article_id, m.index) for m in g.members} for g in summary.ledger)


def test_a_split_takes_every_analysts_line_of_the_sentence(gold: list[Annotation]) -> None:
    both = as_analyst(gold, "alice") + as_analyst(gold, "bob")
    shared = next(g for g in build_summary(both).ledger if len(g.members) >= 2)
    member = shared.members[-1]
    split = Split(("bob", member.article_id, member.index), annotator="bob")
    summary = build_summary(both, settings=SummarySettings(decisions=(split,)))
    assert summary.ignored_decisions == ()
    alone = next(g for g in summary.ledger if member.key in {m.key for m in g.members})
    assert {(m.article_id, m.index) for m in alone.members} == {(member.article_id, member.index)}


def test_a_decision_that_finds_nothing_is_named_not_dropped(gold: list[Annotation]) -> None:
    stale = Merge(("g-0000000000", "g-ffffffffff"), annotator="gold", at="2026-01-01T00:00:00Z")
    summary = build_summary(gold, settings=SummarySettings(decisions=(stale,)))
    assert summary.ignored_decisions == (stale,)
    assert summary.to_json()["ignored_decisions"] == [stale.to_record()]
    report = render_markdown(summary)
    assert "## Decisions that no longer apply" in report
    assert (
        "- merge of 2 claim groups: no longer applies, its claim groups are not found "
        "(gold, 2026-01-01 00:00 UTC)"
    ) in report
    assert "no longer apply" not in render_markdown(build_summary(gold))


MERGE = {"annotator": "a", "at": "2026-01-01T00:00:00Z", "action": "merge", "groups": ["x", "y"]}
SPLIT = {"annotator": "a", "at": "2026-01-01T00:00:01Z", "action": "split", "member": ["a", "b", 1]}


def undo(record: dict[str, object], at: str = "2026-01-02T00:00:00Z") -> dict[str, object]:
    return {"annotator": "a", "at": at, "action": "undo", "before": record, "after": None}


def redo(record: dict[str, object], at: str = "2026-01-03T00:00:00Z") -> dict[str, object]:
    return {"annotator": "a", "at": at, "action": "redo", "before": None, "after": record}


def test_an_undo_takes_its_decision_back_and_a_redo_puts_it_where_it_was() -> None:
    merge, split = decisions_from_records([MERGE, SPLIT])
    assert decisions_from_records([MERGE, SPLIT, undo(SPLIT)]) == (merge,)
    assert decisions_from_records([MERGE, SPLIT, undo(SPLIT), undo(MERGE)]) == ()
    again = [MERGE, SPLIT, undo(SPLIT), undo(MERGE), redo(MERGE)]
    assert decisions_from_records(again) == (merge,)
    assert decisions_from_records([*again, redo(SPLIT)]) == (merge, split)
    redone_first = [MERGE, SPLIT, undo(SPLIT), undo(MERGE), redo(MERGE, "2026-01-04T00:00:00Z")]
    assert decisions_from_records([*redone_first, redo(SPLIT)]) == (merge, split), "in place"


def test_an_undo_or_redo_of_nothing_is_reported() -> None:
    orphan_undo, orphan_redo = undo(SPLIT), redo(MERGE)
    read = decisions_from_records([MERGE, orphan_undo, orphan_redo])
    assert read[1:] == (UnreadableDecision(orphan_undo), UnreadableDecision(orphan_redo))
    twice = decisions_from_records([MERGE, undo(MERGE), undo(MERGE, "2026-01-05T00:00:00Z")])
    assert len(twice) == 1 and isinstance(twice[0], UnreadableDecision)


def test_decisions_in_words() -> None:
    assert decision_words(MERGE) == "merge of 2 claim groups"
    assert decision_words(SPLIT) == "split of a claim from its group"
    assert decision_words(SPLIT, {"b": "Title"}.__getitem__) == (
        "split of a claim (sentence 2 of “Title”) from its group"
    )
    assert decision_words({"action": "rename"}) == "ledger decision"


def replayed(
    groups: list[list[tuple[str, str, int]]], merge: Merge
) -> list[list[tuple[str, str, int]]]:
    decided = DecidedGroups(groups, key_of=lambda key: key)
    assert decided.replay([merge]) == []
    return sorted(sorted(group) for group in decided.current.values())


def test_a_merge_holds_when_its_group_s_name_changes() -> None:
    """qa3 F10: a group is named by its first sentence; an earlier claim joining it, or
    that sentence untagged, renamed it and the merge silently stopped applying."""
    first, second, other = ("a", "x", 5), ("a", "x", 7), ("a", "y", 1)
    names = (group_id("x", 5), group_id("y", 1))
    recorded = Merge(names, members=((("x", 5), ("x", 7)), (("y", 1),)))
    earlier = ("a", "x", 2)
    joined = replayed([[earlier, first, second], [other]], recorded)
    assert joined == [[earlier, first, second, other]], "most of it is the merged group"
    assert replayed([[second], [other]], recorded) == [[second, other]], "by its old members"
    untagged = DecidedGroups([[second], [other]], key_of=lambda key: key)
    assert untagged.replay([Merge(names)]) == [Merge(names)], "an old record: named, not lost"


def test_a_merge_never_takes_a_bigger_group_holding_one_of_its_sentences() -> None:
    """rev R3: {S} merged with H; S now sits in G with two other claims (the all-analysts
    ledger, or claims that joined it): G is not the group merged, so the merge is named
    as no longer applying rather than pulling G's other claims in."""
    alone, other = ("b", "x", 5), ("b", "y", 1)
    merge = Merge((group_id("x", 9), group_id("y", 1)), members=((("x", 9),), (("y", 1),)))
    decided = DecidedGroups([[("a", "x", 3), alone, ("a", "x", 9)], [other]], key_of=lambda k: k)
    assert decided.replay([merge]) == [merge]


def test_a_merge_s_members_go_through_its_record() -> None:
    merge = Merge(
        ("g-1", "g-2"), "bob", "2026-01-01T00:00:00Z", ((("x", 5),), (("y", 1), ("y", 2)))
    )
    record = merge.to_record()
    assert record["members"] == [[["x", 5]], [["y", 1], ["y", 2]]]
    assert decisions_from_records([record]) == (merge,)
    assert "members" not in Merge(("g-1", "g-2")).to_record(), "records from before are alike"
    for bad in ([["x", 5]], [[["x", -1]], []], [[["x", "5"]], []], [[]]):
        assert isinstance(
            decisions_from_records([{**record, "members": bad}])[0], UnreadableDecision
        )


def test_an_undo_finds_what_it_names_without_comparing_every_decision() -> None:
    """tr16 T4: each undo, redo or reanchor was compared with every decision read before
    it: 10,000 undos naming nothing (an import may carry them, and the store never drops
    one) made every summary 5 s slower, 50,000 two minutes. The same decisions in force,
    each record compared with a few."""

    class Counted(dict):  # type: ignore[type-arg]
        compared = 0

        def __eq__(self, other: object) -> bool:
            Counted.compared += 1
            return super().__eq__(other)

        __hash__ = None  # type: ignore[assignment]

    at = "2026-01-01T00:00:00.000000Z"
    merges = [Merge((f"g-{n:010d}", "g-x"), "ana", at).to_record() for n in range(400)]
    undos = [
        Counted({"annotator": "ana", "at": at, "action": "undo", "before": m, "after": None})
        for m in merges
    ]
    nothing = [
        Counted(
            {"annotator": "ana", "at": at, "action": "undo", "after": None,
             "before": Merge((f"g-{n:010d}", "g-y"), "ana", at).to_record()}
        )
        for n in range(400)
    ]  # fmt: skip
    records = [*map(Counted, merges), *nothing, *undos[:300], *undos[:10]]
    Counted.compared = 0
    found = decisions_from_records(records)
    assert [d.to_record() for d in found if isinstance(d, Merge)] == merges[300:]
    assert sum(isinstance(d, UnreadableDecision) for d in found) == 400 + 10
    assert Counted.compared <= 2 * len(records)  # a pass each: over 200,000
