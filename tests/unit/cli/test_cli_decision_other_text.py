"""A merge or split recorded on another text of an article than the one read (tr17).

Its sentence numbers are of that text. Imported from a file holding no annotation of
the article to re-anchor (so no plan moved it), it was applied to the text read: its
merge joined, its split took out, whatever sentences have those numbers there, and no
word said so. It is read as a decision that no longer applies, its sentences there
named as lost; one on the text read is applied as before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from store import open_store
from tests.fixtures.two_claims import ENGINES, claims_of, database, two_articles
from workbench.cli.main import main
from workbench.core.analysis.ledger.decide import group_id
from workbench.core.analysis.ledger.decisions import Anchoring, Merge, Split, decision_words
from workbench.core.analysis.ledger.other_texts import on_texts_read
from workbench.core.anchoring.decisions import with_texts
from workbench.core.corpus.articles import load_corpus

ELSEWHERE = "ab" * 32
"""The sha256 of a text of the article the database never held."""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return two_articles(tmp_path)


def summary(db: str, corpus: Path, folder: Path, annotator: str = "ana") -> dict[str, Any]:
    """The JSON summary as `annotator` reads it ("all": every analyst's)."""
    out = folder / f"summary-{annotator}.json"
    argv = ["summary", "--db", db, "--annotator", annotator, "--format", "json", "-o", str(out)]
    assert main([*argv, str(corpus)]) == 0
    shown: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return shown


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("made_on", ["the text read", "another text"])
def test_a_merge_is_applied_only_on_the_text_it_was_made_on(
    engine: str, made_on: str, corpus: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    db = database(engine, request, tmp_path)
    claims = claims_of(load_corpus([corpus]))
    with open_store(db, annotator="ana") as store:
        store.import_annotations(claims)
    assert len(summary(db, corpus, tmp_path)["ledger"]) == 2
    merge = Merge(
        tuple(group_id(c.article_id, c.index) for c in claims),
        annotator="ana",
        at="2026-12-01T00:00:00.000000Z",
        members=tuple(((c.article_id, c.index),) for c in claims),
    ).to_record()
    texts = {c.article_id: c.article_sha256 for c in claims}
    if made_on == "another text":
        texts["one"] = ELSEWHERE
    imported = tmp_path / "decisions.json"
    assert main(["export", "--db", db, "--annotator", "ana", "-o", str(imported)]) == 0
    document = json.loads(imported.read_text(encoding="utf-8"))
    document["annotations"] = []  # none to re-anchor: no plan moves the decision
    document["decisions"] = [{**merge, "texts": texts}]
    imported.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", str(imported), "--db", db, "--corpus", str(corpus)]) == 0
    shown = summary(db, corpus, tmp_path)
    if made_on == "the text read":
        assert len(shown["ledger"]) == 1 and shown["ignored_decisions"] == []
    else:
        assert len(shown["ledger"]) == 2, "numbers of another text applied to this one"
        (ignored,) = shown["ignored_decisions"]
        assert ignored["lost"] == [{"article_id": "one", "index": 1, "quote": None}]


def test_a_split_on_another_text_is_named_as_no_longer_applying() -> None:
    before = Split(("ana", "one", 4), "ana", "t")
    assert on_texts_read([before], {"one": "1" * 64}) == (before,)  # no texts: as before
    split = Split(("ana", "one", 4), "ana", "t", Anchoring((("one", ELSEWHERE),)))
    (read,) = on_texts_read([split], {"one": "1" * 64, "two": "2" * 64})
    assert decision_words(read.to_record(), lambda _: "Troops") == (
        "split of a claim (sentence 5 of “Troops”) from its group; not in its article's "
        "text now: was sentence 5 of “Troops”"
    )
    assert on_texts_read([split], {"one": ELSEWHERE}) == (split,)
    assert on_texts_read([split], {"two": "2" * 64}) == (split,)  # "one" not read: as held


@pytest.mark.parametrize("engine", ENGINES)
def test_a_colleagues_merge_follows_the_claims_another_analyst_reanchors(
    engine: str,
    corpus: Path,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """rvfix0: bob merged the groups of ana's two claims (a shared database; bob tagged
    nothing there). The first article is edited and ana re-anchors: her writer moved her
    annotations and remembered the article's new text, but skipped bob's merge (it moved
    the decisions of analysts whose annotations it stored), so every summary read it,
    on the old numbers, as no longer applying, for good. It moves, and stays bob's."""
    db = database(engine, request, tmp_path)
    texts = load_corpus([corpus])
    claims = claims_of(texts)
    with open_store(db, annotator="ana") as store:
        store.import_annotations(claims)
        for article in texts:
            store.remember_article(
                article.id, article.title, article.sha256, len(article.sentences)
            )
    merge = Merge(
        tuple(group_id(c.article_id, c.index) for c in claims),
        members=tuple(((c.article_id, c.index),) for c in claims),
    )
    with open_store(db, annotator="bob") as store:
        made = store.save_ledger_decision(with_texts(merge, texts.by_id))
    assert len(summary(db, corpus, tmp_path, "all")["ledger"]) == 1
    edited = corpus / "one.txt"
    edited.write_text("Troops\nAn editor's note.\nOfficials said 3,000 troops were sent.\n")
    argv = ["reanchor", str(corpus), "--db", db, "--annotator", "ana"]
    assert main(argv) == 0
    assert capsys.readouterr().out == "one: 0 unchanged, 1 moved, 0 to check, 0 orphaned\n"
    shown = summary(db, corpus, tmp_path, "all")
    assert shown["ignored_decisions"] == [], "bob's merge read as no longer applying"
    (group,) = shown["ledger"]
    assert {(m["article_id"], m["index"]) for m in group["members"]} == {("one", 2), ("two", 1)}
    with open_store(db, annotator="bob", read_only=True) as store:
        *_before, moved = store.ledger_decisions()
    assert moved["action"] == "reanchor" and moved["annotator"] == "bob"
    assert moved["before"] == made and moved["after"]["annotator"] == "bob"
    assert moved["after"]["members"] == [[["one", 2]], [["two", 1]]]
    exported = tmp_path / "everyone.json"
    assert main(["export", "--db", db, "-o", str(exported)]) == 0  # every analyst's
    carried = json.loads(exported.read_text(encoding="utf-8"))["decisions"]
    assert [(r["action"], r["annotator"]) for r in carried] == [
        ("merge", "bob"),
        ("reanchor", "bob"),
    ]
