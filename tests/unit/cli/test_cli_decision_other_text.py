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
from workbench.core.corpus.articles import load_corpus

ELSEWHERE = "ab" * 32
"""The sha256 of a text of the article the database never held."""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return two_articles(tmp_path)


def summary(db: str, corpus: Path, folder: Path) -> dict[str, Any]:
    out = folder / "summary.json"
    argv = ["summary", "--db", db, "--annotator", "ana", "--format", "json", "-o", str(out)]
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
