"""The store moves the ledger decisions with their sentences when it stores an
article's re-anchoring, in the same write (every engine: memory, file, PostgreSQL), and
they stay undoable (qa4 Q16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import location_of

from store import DecisionChange
from store.opening import open_store
from store.protocol import Store
from tests.fixtures.anchored import STORY, annotate, article
from workbench.core.analysis.ledger.decide import group_id
from workbench.core.analysis.ledger.decisions import (
    Merge,
    Split,
    decisions_from_records,
    no_longer_applies,
)
from workbench.core.anchoring.decisions import with_texts
from workbench.core.anchoring.placement import plan_article
from workbench.core.corpus.articles import Article
from workbench.core.corpus.sentences import segmenter_stamp

OLD = article(STORY)
INSERTED = article(STORY.replace("\n", "\nEditor's note: a paragraph was added.\n", 1))
DELETED = article(STORY.replace("Moscow denied any deployment. ", ""))
MERGE = Merge(
    (group_id("story", 1), group_id("story", 4)), members=((("story", 1),), (("story", 4),))
)
SPLIT = Split(("alice", "story", 3))


def annotated(store: Store) -> Store:
    for index in (1, 3, 4):
        store.save(annotate(OLD, index, "alice"))
    store.remember_article(OLD.id, OLD.title, OLD.sha256, len(OLD.sentences), segmenter_stamp())
    store.save_ledger_decision(with_texts(MERGE, {"story": OLD}))
    store.save_ledger_decision(SPLIT.to_record())  # a record from before: no texts
    return store


def reanchor(store: Store, on: Article) -> None:
    plan = plan_article(on, store.in_article(on.id))
    store.reanchor(plan, title=on.title, sentences=len(on.sentences), segmenter=segmenter_stamp())


def in_force(store: Store) -> tuple[Merge | Split, ...]:
    found = decisions_from_records(store.ledger_decisions())
    assert all(isinstance(decision, Merge | Split) for decision in found)
    return found  # type: ignore[return-value]


def test_the_decisions_move_with_the_annotations_and_back(store: Store) -> None:
    reanchor(annotated(store), INSERTED)
    merged, split = in_force(store)
    assert isinstance(merged, Merge) and isinstance(split, Split)
    assert merged.groups == (group_id("story", 2), group_id("story", 5))
    assert split.member == ("alice", "story", 4)
    assert dict(split.anchoring.texts) == {"story": INSERTED.sha256}
    assert [r["action"] for r in store.ledger_decisions()][-2:] == ["reanchor", "reanchor"]

    # Re-anchoring is no undo step (qa6 Q32): `u` takes back the split itself, moved.
    undone = store.undo()
    assert isinstance(undone, DecisionChange) and undone.action == "undo"
    assert [type(d) for d in in_force(store)] == [Merge], "the moved split is taken back"
    assert isinstance(store.redo(), DecisionChange)
    assert in_force(store) == (merged, split)
    # rv5 R3: the text back, the decisions follow the annotations onto its sentences
    reanchor(store, OLD)
    back = in_force(store)
    assert back[0].groups == MERGE.groups and dict(back[0].anchoring.texts) == {"story": OLD.sha256}
    assert isinstance(back[1], Split) and back[1].member == SPLIT.member


def test_a_decision_whose_sentence_is_gone_no_longer_applies(store: Store) -> None:
    reanchor(annotated(store), DELETED)
    merged, split = in_force(store)
    assert not no_longer_applies(merged)
    assert no_longer_applies(split)
    assert split.anchoring.lost[0].quote == "Moscow denied any deployment."


@pytest.mark.parametrize("engine", ["disk", "postgres"])
def test_the_moves_are_durable(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    location = location_of(engine, request, tmp_path / "db" / "annotations.json")
    with open_store(location, annotator="alice") as store:
        reanchor(annotated(store), INSERTED)
        moved = in_force(store)
    with open_store(location, annotator="alice", read_only=True) as store:
        assert in_force(store) == moved


def test_a_decision_lost_by_a_re_anchoring_applies_again_when_its_text_is_back(
    store: Store,
) -> None:
    """A split whose sentence the edit deleted no longer applies; the article's text
    back (the edit taken back, or the wrong file replaced), the annotations go back to
    the text it was made on, and the split with them."""
    reanchor(annotated(store), DELETED)
    assert no_longer_applies(in_force(store)[1])
    reanchor(store, OLD)
    merged, split = in_force(store)
    assert isinstance(split, Split) and not no_longer_applies(split)
    assert split.member == SPLIT.member
    assert dict(split.anchoring.texts) == {"story": OLD.sha256}
    assert merged.groups == MERGE.groups
    reanchor(store, DELETED)
    assert no_longer_applies(in_force(store)[1]), "the edit again loses it again"


def test_a_lost_decision_stays_lost_on_another_text(store: Store) -> None:
    reanchor(annotated(store), DELETED)
    reanchor(store, INSERTED)  # the edit goes on: the split's sentence is still gone
    assert no_longer_applies(in_force(store)[1])
