"""An undo, redo or reanchor record that is not its decision's own (tr17).

The store writes none: an analyst undoes and redoes their own decisions, and a move
keeps who made a decision, what it is and when. One from a file (bob's export, or one
made by hand) took ana's merge back, made it bob's, or put a split in its place, and
every summary of ana's then lacked her merge without a word. An import holding one is
refused, naming the file and the record, and nothing is imported; one held already (an
import by an earlier version, a row written by SQL) is no damage: the database opens,
the decision it names stays in force, and the record is listed with the decisions not
applied, saying why.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from store import AnnotationStore, open_store
from tests.fixtures.two_claims import ENGINES, claims_of, database, two_articles
from workbench.cli.main import main
from workbench.core.analysis.ledger.decide import group_id
from workbench.core.analysis.ledger.decisions import (
    Merge,
    UnreadableDecision,
    decision_words,
    decisions_from_records,
    move_clash,
)
from workbench.core.anchoring.decisions import with_texts
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.articles import Corpus, load_corpus

LATER = "2026-12-01T00:00:00.000000Z"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return two_articles(tmp_path)


def merged(db: str, corpus: Corpus) -> dict[str, Any]:
    """ana's two claims, one in each article, and her merge of their two groups: the
    merge's record as held."""
    claims = claims_of(corpus)
    merge = Merge(
        tuple(group_id(claim.article_id, claim.index) for claim in claims),
        members=tuple(((claim.article_id, claim.index),) for claim in claims),
    )
    with open_store(db, annotator="ana") as store:
        store.import_annotations(claims)
        store.save_ledger_decision(with_texts(merge, corpus.by_id))
        record: dict[str, Any] = store.ledger_decisions()[0]
    return record


def clashes(merge: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each kind of record that is not its decision's own, naming ana's merge."""
    bobs = {**copy.deepcopy(merge), "annotator": "bob"}
    split = {"annotator": "ana", "at": merge["at"], "action": "split"}
    split["member"] = ["ana", merge["members"][0][0][0], merge["members"][0][0][1]]
    move = {"at": LATER, "action": "reanchor", "before": merge}
    return {
        "made bob's": {**move, "annotator": "ana", "after": bobs},
        "moved by bob": {**move, "annotator": "bob", "after": copy.deepcopy(merge)},
        "a split in its place": {**move, "annotator": "ana", "after": split},
        "undone by bob": {"annotator": "bob", "at": LATER, "action": "undo", "before": merge},
    }


def state(db: str) -> list[dict[str, Any]]:
    with open_store(db, annotator="ana", read_only=True) as store:
        return store.ledger_decisions()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "kind", ["made bob's", "moved by bob", "a split in its place", "undone by bob"]
)
def test_an_import_holding_one_is_refused_naming_the_record(
    engine: str,
    kind: str,
    corpus: Path,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = database(engine, request, tmp_path)
    merge = merged(db, load_corpus([corpus]))
    exported = tmp_path / "ana.json"
    assert main(["export", "--db", db, "--annotator", "ana", "-o", str(exported)]) == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["decisions"].append(clashes(merge)[kind])
    hostile = tmp_path / "bob.json"
    hostile.write_text(json.dumps(document), encoding="utf-8")
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("db.json")}
    held = state(db)
    capsys.readouterr()
    assert main(["import", str(hostile), "--db", db, "--corpus", str(corpus)]) == 1
    said = capsys.readouterr().err
    assert f"{hostile}: $.decisions[1]" in said and said.count("\n") == 1, said
    assert "by its analyst alone" in said or "it would put another decision in its place" in said
    assert state(db) == held
    if engine == "file":
        after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("db.json")}
        assert after == files


@pytest.mark.parametrize("engine", ENGINES)
def test_one_held_already_is_no_damage_and_leaves_the_decision_in_force(
    engine: str, corpus: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    db = database(engine, request, tmp_path)
    merge = merged(db, load_corpus([corpus]))
    records = clashes(merge)
    with open_store(db, annotator="ana") as store:  # as an earlier version's import held them
        for record in records.values():
            store.save_ledger_decision(copy.deepcopy(record))
    with open_store(db, annotator="ana", read_only=True) as store:
        assert not store.warnings
        held = store.ledger_decisions()
    decisions = decisions_from_records(held)
    assert isinstance(decisions[0], Merge) and decisions[0].annotator == "ana"
    assert decisions[0].groups == tuple(merge["groups"])
    unread = decisions[1:]
    assert len(unread) == len(records)
    assert all(isinstance(decision, UnreadableDecision) for decision in unread)
    words = [decision_words(decision.to_record()) for decision in unread]
    assert words[0].startswith("reanchor not applied: a reanchor moves a decision")
    assert words[3] == (
        "undo not applied: an undo by 'bob' of a merge by 'ana': a decision is undone, "
        "redone and moved by its analyst alone"
    )
    summary = tmp_path / "summary.json"
    argv = ["summary", str(corpus), "--db", db, "--annotator", "all", "--format", "json"]
    assert main([*argv, "-o", str(summary)]) == 0
    shown = json.loads(summary.read_text(encoding="utf-8"))
    assert len(shown["ledger"]) == 1  # ana's merge applied
    assert len(shown["ignored_decisions"]) == len(records)


def test_the_records_the_store_writes_are_their_decisions_own(tmp_path: Path) -> None:
    """An undo and a redo of the store, and a move by re-anchoring, clash with nothing."""
    corpus = load_corpus()
    with AnnotationStore.open(tmp_path / "db.json", annotator="ana") as store:
        article = next(iter(corpus))
        sentence = article.sentences[1]
        anchor = Anchor.in_text(
            article.id, article.sha256, article.text, 1, sentence.start, sentence.end
        )
        store.save(Annotation.new(anchor, "ana", tags=("claim",)))
        store.save_ledger_decision(Merge((group_id(article.id, 1), "elsewhere")).to_record())
        store.undo()
        store.redo()
        records = store.ledger_decisions()
    assert [record["action"] for record in records] == ["merge", "undo", "redo"]
    assert [move_clash(record) for record in records] == [None, None, None]


def test_a_legacy_decision_naming_no_analyst_is_left_as_it_was() -> None:
    legacy = {"action": "merge", "groups": ["a", "b"]}
    undo = {"annotator": "ana", "at": LATER, "action": "undo", "before": legacy}
    assert move_clash(undo) is None
    assert decisions_from_records([legacy, undo]) == ()
