"""Not a conflict (ledger/dismissals.py): a pair the analyst dismissed is counted and
listed as a conflict nowhere, is listed apart with who and why, comes back with a
restore, and no longer applies (named, never moved onto other figures) once a figure's
words are gone (qa20 #2)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from tests.fixtures.anchored import STORY, annotate, article
from tests.fixtures.gold import load_gold
from workbench.core.analysis.figures.conflicts import Figure
from workbench.core.analysis.ledger.decisions import (
    Dismiss,
    PairFigure,
    UnreadableDecision,
    decision_from_record,
    decision_words,
    decisions_from_records,
    no_longer_applies,
)
from workbench.core.analysis.ledger.dismissals import place_of
from workbench.core.analysis.ledger.ledger import Ledger, build_ledger
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.conflict_parts import conflict_parts
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.analysis.summary.model import FigureConflict, Summary
from workbench.core.analysis.summary.possible import with_possible
from workbench.core.anchoring.decisions import moves, with_texts
from workbench.core.anchoring.placement import plan_article
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import load_corpus
from workbench.core.interchange.decision_shape import decision_shape_problem

AT = "2026-12-03T18:00:00Z"


@pytest.fixture(scope="module")
def gold() -> tuple[list[Annotation], list[ArticleInfo]]:
    corpus = load_corpus()
    return load_gold(corpus), [ArticleInfo.of(a) for a in corpus]


def summarised(
    gold: tuple[list[Annotation], list[ArticleInfo]], *decisions: Dismiss, annotator: str = "gold"
) -> Summary:
    annotations, infos = gold
    settings = SummarySettings(decisions=decisions, annotator=annotator)
    return build_summary(annotations, infos, settings)


def conflict(summary: Summary, topic: str) -> FigureConflict | None:
    return next((c for c in summary.conflicts if c.topic == topic), None)


def dismissal(
    low: Figure, high: Figure, reason: str | None = "not one thing", **made: Any
) -> Dismiss:
    made = {"annotator": "gold", "at": AT, **made}
    figures = (PairFigure(low.key, low.quantity.text), PairFigure(high.key, high.quantity.text))
    return Dismiss(figures, reason, **made)


def square_miles(summary: Summary) -> tuple[Figure, Figure]:
    found = conflict(summary, "square miles")
    assert found is not None and len(found.figures) == 2
    return found.figures[0], found.figures[1]


def test_a_dismissed_pair_is_no_conflict_and_is_listed_apart_with_who_and_why(gold) -> None:  # type: ignore[no-untyped-def]
    before = summarised(gold)
    low, high = square_miles(before)
    after = summarised(gold, dismissal(high, low, "two different fires"))
    assert conflict(after, "square miles") is None
    assert conflict(after, "North Korean troops") is not None, "the other conflict stays"
    assert not any("square miles" in group.conflict_topics for group in after.ledger)
    (pair,) = after.dismissed
    assert (pair.low, pair.high) == (low, high), "found whichever figure is named first"
    assert [by.annotator for by in pair.by] == ["gold"]
    assert after.ignored_decisions == ()
    report = render_markdown(after)
    conflicts = report.split("## Conflicting figures")[1].split("\n## ")[0]
    assert "square miles" not in conflicts
    listed = report.split("## Dismissed by the analyst")[1].split("\n## ")[0]
    assert "approximately 400 square miles" in listed and "some 500 square miles" in listed
    assert "dismissed by gold (" in listed and "“two different fires”" in listed
    shape = after.to_json()
    assert [f["text"] for f in shape["dismissed"][0]["figures"]] == [
        low.quantity.text,
        high.quantity.text,
    ]
    assert shape["dismissed"][0]["by"] == [
        {"annotator": "gold", "at": AT, "reason": "two different fires"}
    ]
    assert not any(c["topic"] == "square miles" for c in shape["conflicts"])
    assert "## Dismissed by the analyst" not in render_markdown(before)
    assert before.to_json()["dismissed"] == []


def test_a_dismissed_pair_is_not_listed_again_as_a_possible_conflict(gold) -> None:  # type: ignore[no-untyped-def]
    found = with_possible(summarised(gold)).possible
    assert found is not None and found.pairs
    first, second = found.pairs[0].figures
    after = with_possible(summarised(gold, dismissal(first, second))).possible
    assert after is not None
    spots = {(first.article_id, first.index), (second.article_id, second.index)}
    for pair in after.pairs:
        assert {(f.article_id, f.index) for f in pair.figures} != spots


def test_a_figure_that_loses_one_pair_stays_a_conflict_by_its_other_pairs(gold) -> None:  # type: ignore[no-untyped-def]
    troops = conflict(summarised(gold), "North Korean troops")
    assert troops is not None
    figures = troops.figures
    first = troops.pairs[0]
    dismissed = (figures[first.low], figures[first.high])
    after = conflict(summarised(gold, dismissal(*dismissed)), "North Korean troops")
    assert after is not None
    pairs = {
        frozenset((place_of(after.figures[p.low]), place_of(after.figures[p.high])))
        for part in conflict_parts(after, None)
        for p in part.conflict.pairs
    }
    assert frozenset(map(place_of, dismissed)) not in pairs, "not listed, even as every pair"
    assert pairs, "the other pairs stay"


def test_a_restore_takes_the_dismissal_back_and_undo_takes_the_restore_back(gold) -> None:  # type: ignore[no-untyped-def]
    low, high = square_miles(summarised(gold))
    dismissed = dismissal(low, high)
    restored = dismissal(low, high, None, restore=True, at="2026-12-03T18:05:00Z")
    back = summarised(gold, dismissed, restored)
    assert conflict(back, "square miles") is not None and back.dismissed == ()
    records = [
        dismissed.to_record(),
        restored.to_record(),
        {"annotator": "gold", "at": AT, "action": "undo", "before": restored.to_record()},
    ]
    undone = summarised(gold, *decisions_from_records(records))  # type: ignore[arg-type]
    assert conflict(undone, "square miles") is None and len(undone.dismissed) == 1


def test_a_restore_of_nothing_dismissed_is_named_not_dropped(gold) -> None:  # type: ignore[no-untyped-def]
    low, high = square_miles(summarised(gold))
    lone = dismissal(low, high, None, restore=True)
    summary = summarised(gold, lone)
    assert summary.ignored_decisions == (lone,)
    assert conflict(summary, "square miles") is not None


def test_a_dismissal_whose_figure_is_written_otherwise_now_no_longer_applies(gold) -> None:  # type: ignore[no-untyped-def]
    """Found by the figure as written: a sentence saying another figure is not the one
    dismissed; the dismissal is listed, never applied to the other figure."""
    low, high = square_miles(summarised(gold))
    changed = Dismiss(
        (PairFigure(low.key, "approximately 450 square miles"), PairFigure(high.key, "x")),
        "old text",
        "gold",
        AT,
    )
    summary = summarised(gold, changed)
    assert conflict(summary, "square miles") is not None
    assert summary.ignored_decisions == (changed,)
    report = render_markdown(summary)
    gone = report.split("## Decisions that no longer apply")[1].split("\n## ")[0]
    assert "not a conflict: “approximately 450 square miles”" in gone


def test_each_analysts_dismissal_is_theirs(gold) -> None:  # type: ignore[no-untyped-def]
    low, high = square_miles(summarised(gold))
    bobs = dismissal(low, high, annotator="bob")
    assert conflict(summarised(gold, bobs), "square miles") is not None, "not gold's"
    everyone = summarised(gold, bobs, dismissal(low, high), annotator=None)  # type: ignore[arg-type]
    (pair,) = everyone.dismissed
    assert [by.annotator for by in pair.by] == ["bob", "gold"]
    # bob's restore takes back bob's dismissal only
    bob_back = dismissal(low, high, None, annotator="bob", restore=True)
    (pair,) = summarised(gold, bobs, dismissal(low, high), bob_back, annotator=None).dismissed  # type: ignore[arg-type]
    assert [by.annotator for by in pair.by] == ["gold"]


def test_a_dismissal_record_reads_back_and_a_malformed_one_is_refused() -> None:
    made = Dismiss(
        (PairFigure(("ana", "a", 1), "4,000 residents"), PairFigure(("ana", "b", 0), "12,000")),
        "part of the whole",
        "ana",
        AT,
    )
    record = made.to_record()
    assert record["action"] == "dismiss" and decision_from_record(record) == made
    assert decision_shape_problem(record) is None
    restore = Dismiss(made.figures, None, "ana", AT, restore=True)
    assert decision_from_record(restore.to_record()) == restore
    assert "reason" not in restore.to_record()
    for field, value in [
        ("figures", [record["figures"][0]]),
        ("figures", [record["figures"][0], record["figures"][0]]),
        ("figures", [{"key": ["ana", "a", 1], "text": ""}, record["figures"][1]]),
        ("figures", [{"key": ["ana", "a"], "text": "4"}, record["figures"][1]]),
        ("reason", 12),
        ("reason", "x" * 301),
    ]:
        bad = {**record, field: value}
        assert isinstance(decision_from_record(bad), UnreadableDecision), (field, value)
        problem = decision_shape_problem(bad)
        assert problem is not None and "names two figures apart" in problem[1], (field, value)


def test_the_words_of_a_dismissal_name_both_figures_and_the_reason() -> None:
    made = Dismiss(
        (PairFigure(("ana", "a", 1), "4,000"), PairFigure(("ana", "b", 0), "12,000")), "why", "ana"
    )
    words = decision_words(made.to_record(), lambda article: f"T{article}")
    assert words == (
        "not a conflict: “4,000” (sentence 2 of “Ta”) vs “12,000” (sentence 1 of “Tb”): “why”"
    )
    restore = Dismiss(made.figures, None, "ana", restore=True)
    assert decision_words(restore.to_record()).startswith("a conflict again: “4,000”")


OLD = article(STORY)
INSERTED = STORY.replace("\n", "\nEditor's note: this report was updated on Thursday.\n", 1)


def test_a_dismissal_follows_its_claims_when_the_article_changes() -> None:
    decision = Dismiss(
        (PairFigure(("ana", "story", 1), "one"), PairFigure(("ana", "story", 3), "two"))
    )
    record = {"annotator": "ana", "at": AT, **with_texts(decision, {"story": OLD})}
    new = article(INSERTED)
    plan = plan_article(new, [annotate(OLD, index) for index in (1, 2, 3)])
    moved = moves([record], [plan], {"story": OLD.sha256})
    (followed,) = decisions_from_records([record, *moved])
    assert isinstance(followed, Dismiss) and not no_longer_applies(followed)
    assert [figure.key for figure in followed.figures] == [("ana", "story", 2), ("ana", "story", 4)]
    assert [figure.text for figure in followed.figures] == ["one", "two"]
    gone = OLD.sentences[3].text
    orphaning = plan_article(
        article(STORY.replace(gone + " ", "")), [annotate(OLD, i) for i in (1, 2, 3)]
    )
    (lost,) = decisions_from_records([record, *moves([record], [orphaning], {})])
    assert no_longer_applies(lost)


def test_every_pair_listed_leaves_out_a_pair_dismissed(gold) -> None:  # type: ignore[no-untyped-def]
    """A conflict of a few figures lists every pair that conflicts (conflict_parts),
    found again by the rule: a pair dismissed is not found again."""
    troops = conflict(summarised(gold), "North Korean troops")
    assert troops is not None and len(troops.pairs) == 2
    kept, dropped = troops.pairs
    figures = troops.figures
    gone = frozenset((place_of(figures[dropped.low]), place_of(figures[dropped.high])))
    shown = replace(troops, pairs=(kept,), dismissed=frozenset({gone}))
    listed = [
        frozenset((place_of(part.conflict.figures[p.low]), place_of(part.conflict.figures[p.high])))
        for part in conflict_parts(shown, None)
        for p in part.conflict.pairs
    ]
    assert listed == [frozenset((place_of(figures[kept.low]), place_of(figures[kept.high])))]
    undismissed = replace(troops, pairs=(kept,))
    assert len([p for part in conflict_parts(undismissed, None) for p in part.conflict.pairs]) == 2


BLAST = [
    ("Police", "Police said 100 people were killed in the blast in Orsk."),
    ("Officials", "Officials said 200 people were killed in the blast in Orsk."),
    ("Medics", "Medics said 300 people were killed in the blast in Orsk."),
    ("Firefighters", "Firefighters said 150 people were killed in the blast in Orsk."),
]


def test_a_figure_whose_listed_pairs_are_all_dismissed_conflicts_by_a_pair_not_listed() -> None:
    """The rule lists each figure against its most distant counterparts only: 150 is
    listed against 100 and 300, not 200. With both dismissed, it still conflicts with
    200, and stays a conflict by that pair."""
    claims = [
        Annotation.new(
            Anchor.in_text(f"a{n}", "0" * 64, text, 0, 0, len(text)),
            "ana",
            tags=("claim",),
            source=source,
        )
        for n, (source, text) in enumerate(BLAST)
    ]

    def texts(ledger: Ledger) -> set[tuple[str, str]]:
        return {(c.low.quantity.text, c.high.quantity.text) for c in ledger.conflicts[0].clashes}

    listed = texts(build_ledger(claims))
    assert ("150 people", "200 people") not in listed
    assert {("100 people", "150 people"), ("150 people", "300 people")} <= listed

    def gone(low: int, high: int) -> Dismiss:
        figures = tuple(
            PairFigure(("ana", f"a{n}", 0), f"{BLAST[n][1].split()[2]} people") for n in (low, high)
        )
        return Dismiss((figures[0], figures[1]), None, "ana", AT)

    after = build_ledger(claims, decisions=[gone(0, 3), gone(3, 2)])
    kept = texts(after)
    assert ("150 people", "200 people") in kept
    assert not {("100 people", "150 people"), ("150 people", "300 people")} & kept
    assert len(after.dismissed) == 2 and after.ignored_decisions == ()


TWICE = [
    ("Officials", "Officials said 100 people died in the blast and 100 people were injured."),
    ("Police", "Police said 300 people died in the blast and 300 people were injured."),
]


def test_a_dismissal_of_one_of_two_figures_written_alike_leaves_the_other_a_conflict() -> None:
    """One sentence writes "100 people" for the killed and for the wounded (rv21 #1):
    each is its own figure (its occurrence), so dismissing the killed pair leaves the
    wounded conflict, and dismissing the wounded leaves the killed."""
    claims = [
        Annotation.new(
            Anchor.in_text(f"a{n}", "0" * 64, text, 0, 0, len(text)),
            "ana",
            tags=("claim",),
            source=source,
        )
        for n, (source, text) in enumerate(TWICE)
    ]
    clashes = {
        c.low.quantity.topic: c for found in build_ledger(claims).conflicts for c in found.clashes
    }
    assert set(clashes) == {"killed", "wounded"}

    def topics(ledger: Ledger) -> set[str]:
        return {c.low.quantity.topic for found in ledger.conflicts for c in found.clashes}

    for gone, stays in [("killed", "wounded"), ("wounded", "killed")]:
        low, high = clashes[gone].low, clashes[gone].high
        figures = (
            PairFigure(low.key, low.quantity.text, low.occurrence),
            PairFigure(high.key, high.quantity.text, high.occurrence),
        )
        after = build_ledger(claims, decisions=[Dismiss(figures, None, "ana", AT)])
        assert topics(after) == {stays}, gone
        assert [pair.low.quantity.topic for pair in after.dismissed] == [gone]
    assert clashes["wounded"].low.occurrence == 1 and clashes["killed"].low.occurrence == 0


def test_a_dismissal_names_which_figure_so_written_and_reads_one_without_as_the_first() -> None:
    second = PairFigure(("ana", "a", 1), "100 people", 1)
    made = Dismiss((second, PairFigure(("ana", "b", 0), "300 people")), None, "ana", AT)
    record = made.to_record()
    assert record["figures"][0]["occurrence"] == 1 and "occurrence" not in record["figures"][1]
    assert decision_from_record(record) == made and decision_shape_problem(record) is None
    first = {**record["figures"][0]}
    del first["occurrence"]
    old = decision_from_record({**record, "figures": [first, record["figures"][1]]})
    assert isinstance(old, Dismiss) and old.figures[0].occurrence == 0
    for value in (-1, "1", 1.0, True, None):
        bad = {**record, "figures": [{**first, "occurrence": value}, record["figures"][1]]}
        assert isinstance(decision_from_record(bad), UnreadableDecision), value
        problem = decision_shape_problem(bad)
        assert problem is not None and "occurrence" in problem[1], value
