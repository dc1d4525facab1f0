"""qa4 Q16: a line added at the top of an article moves its sentences; the analyst's
merge and split move with them, through `reanchor` (stored), `summary PATHS` (in
memory) and `import --articles`: the merge still joins the same two claims, the split
still splits the same sentence, and no decision is listed as no longer applying."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from workbench.cli.main import main
from workbench.core.analysis.ledger.decisions import Merge, Split
from workbench.core.anchoring.decisions import with_texts
from workbench.core.corpus.articles import BUNDLED_ARTICLES, load_corpus

CHANGED = "002_3495a8c75ef49377"


@pytest.fixture(autouse=True)
def gold_is_the_analyst(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "gold")


def summary_of(db: Path, corpus: Path, folder: Path) -> dict[str, Any]:
    target = folder / "summary.json"
    arguments = ["summary", str(corpus), "--db", str(db), "--format", "json", "-o", str(target)]
    assert main(arguments) == 0
    result: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return result


def partition(summary: dict[str, Any]) -> set[frozenset[str]]:
    """The ledger's groups as sets of quotes: what the analyst's decisions shaped."""
    return {frozenset(m["quote"] for m in group["members"]) for group in summary["ledger"]}


@pytest.fixture
def decided(tmp_path: Path) -> tuple[Path, Path, set[frozenset[str]]]:
    """The gold annotations with a merge (as saved now, with its texts) of a claim of
    the article that changes with one of another, and a split (a record of before, no
    texts) of a claim of that article: (database, the changed corpus, the partition)."""
    db = tmp_path / "decided.json"
    with AnnotationStore.open(db, annotator="gold") as store:
        store.import_annotations(load_gold())
        for article in load_corpus():
            sentences = len(article.sentences)
            store.remember_article(article.id, article.title, article.sha256, sentences)
    groups = summary_of(db, BUNDLED_ARTICLES, tmp_path)["ledger"]
    singles = [g for g in groups if len(g["members"]) == 1]
    here = next(g for g in singles if g["members"][0]["article_id"] == CHANGED)
    there = next(g for g in singles if g["members"][0]["article_id"] != CHANGED)
    shared = next(
        g
        for g in groups
        if len({(m["article_id"], m["index"]) for m in g["members"]}) > 1
        and any(m["article_id"] == CHANGED for m in g["members"])
    )
    cut = next(m for m in shared["members"] if m["article_id"] == CHANGED)
    merge = Merge(
        (here["id"], there["id"]),
        members=tuple(
            tuple((m["article_id"], m["index"]) for m in g["members"]) for g in (here, there)
        ),
    )
    with AnnotationStore.open(db, annotator="gold") as store:
        store.save_ledger_decision(with_texts(merge, load_corpus().by_id))
        store.save_ledger_decision(Split(tuple(cut["key"])).to_record())  # type: ignore[arg-type]
    before = summary_of(db, BUNDLED_ARTICLES, tmp_path)
    assert before["ignored_decisions"] == []
    shaped = partition(before)
    assert frozenset({here["members"][0]["quote"], there["members"][0]["quote"]}) in shaped
    assert frozenset({cut["quote"]}) in shaped
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED_ARTICLES, corpus)
    path = corpus / f"{CHANGED}.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(1, "This article was updated on Thursday with new details from officials.")
    path.write_text("\n".join(lines), encoding="utf-8")
    return db, corpus, shaped


def test_the_summary_of_the_changed_articles_keeps_the_decisions_in_memory(
    decided: tuple[Path, Path, set[frozenset[str]]], tmp_path: Path
) -> None:
    db, corpus, shaped = decided
    stored = db.with_suffix(".json.journal").read_bytes()
    after = summary_of(db, corpus, tmp_path)
    assert after["ignored_decisions"] == []
    assert partition(after) == shaped
    assert db.with_suffix(".json.journal").read_bytes() == stored  # read-only: nothing written


def test_reanchor_moves_the_decisions_with_the_annotations(
    decided: tuple[Path, Path, set[frozenset[str]]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, corpus, shaped = decided
    assert main(["reanchor", str(corpus), "--db", str(db)]) == 0
    assert f"{CHANGED}: " in capsys.readouterr().out
    after = summary_of(db, corpus, tmp_path)
    assert after["ignored_decisions"] == []
    assert partition(after) == shaped
    with AnnotationStore.open(db, annotator="gold", read_only=True) as store:
        actions = [record["action"] for record in store.ledger_decisions()]
    assert actions == ["merge", "split", "reanchor", "reanchor"]
    exported = tmp_path / "gold.json"
    assert main(["export", "--db", str(db), "--annotator", "gold", "-o", str(exported)]) == 0
    carried = json.loads(exported.read_text(encoding="utf-8"))["decisions"]
    assert [record["action"] for record in carried] == actions  # the analyst's moves too


def test_an_import_onto_the_changed_articles_moves_the_decisions(
    decided: tuple[Path, Path, set[frozenset[str]]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, corpus, shaped = decided
    exported = tmp_path / "export.json"
    assert main(["export", "--db", str(db), "-o", str(exported)]) == 0
    elsewhere = tmp_path / "elsewhere.json"
    capsys.readouterr()
    arguments = ["import", str(exported), "--db", str(elsewhere), "--articles", str(corpus)]
    assert main(arguments) == 0
    out = capsys.readouterr().out
    assert "ledger decisions: added 4 (2 moving decisions with their sentences)" in out
    after = summary_of(elsewhere, corpus, tmp_path)
    assert after["ignored_decisions"] == []
    assert partition(after) == shaped


def test_one_decision_moved_is_said_in_the_singular() -> None:
    """qa14 Q23: "ledger decisions: added 1 (1 moving decisions with their sentences)"."""
    from workbench.cli.import_ import moving_words

    assert moving_words(1) == "1 moving a decision with its sentences"
    assert moving_words(2) == "2 moving decisions with their sentences"
