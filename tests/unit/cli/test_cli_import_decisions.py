"""qa4 Q6: an import checks its ledger decisions as it checks its annotations: an unknown
action, an unknown article or a sentence beyond its article is refused with the record's
place, and nothing is imported (a fresh database is not even created)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import files
from tests.fixtures.gold import load_gold
from workbench.cli.main import main
from workbench.core.analysis.ledger.decisions import Merge, Split
from workbench.core.anchoring.decisions import with_texts
from workbench.core.corpus.articles import load_corpus


@pytest.fixture(autouse=True)
def gold_is_the_analyst(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "gold")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An export of the gold annotations with a merge, a split and the split's undo."""
    folder = tmp_path_factory.mktemp("exported")
    db = folder / "db.json"
    corpus = load_corpus()
    first, second = corpus.articles[0].id, corpus.articles[1].id
    with AnnotationStore.open(db, annotator="gold") as store:
        store.import_annotations(load_gold())
        merge = Merge(("g-1", "g-2"), members=(((first, 1),), ((second, 2),)))
        store.save_ledger_decision(with_texts(merge, corpus.by_id))
        store.save_ledger_decision(Split(("gold", first, 3)).to_record())
        store.undo()
    target = folder / "export.json"
    assert main(["export", "--db", str(db), "-o", str(target)]) == 0
    document: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    assert [d["action"] for d in document["decisions"]] == ["merge", "split", "undo"]
    return document


def damaged(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    parent: Any = changed["decisions"]
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return changed


CASES = [
    ((0, "action"), "explode", "$.decisions[0].action: unknown action 'explode'"),
    ((0, "members", 0, 0, 1), 9999, "$.decisions[0].members[0][0]: no sentence 10000 in"),
    ((1, "member", 2), -1, "$.decisions[1].member[1]: no sentence 0 in article"),
    ((0, "members", 1, 0, 0), "999_x", "$.decisions[0].members[1][0]: unknown article '999_x'"),
    ((1, "member"), "x", "$.decisions[1]: not a split this version reads"),
    ((2, "before"), {"action": "explode"}, "$.decisions[2].before: an undo must hold a merge"),
]


@pytest.mark.parametrize(("path", "value", "said"), CASES)
def test_a_damaged_decision_is_refused_and_nothing_is_imported(
    exported: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    path: tuple[Any, ...],
    value: Any,
    said: str,
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(damaged(exported, path, value)), encoding="utf-8")
    fresh = tmp_path / "fresh" / "db.json"
    fresh.parent.mkdir()
    assert main(["import", str(bad), "--db", str(fresh)]) == 1
    assert said in capsys.readouterr().err
    assert list(fresh.parent.iterdir()) == []  # not created for a bad file

    good = tmp_path / "good.json"
    good.write_text(json.dumps(exported), encoding="utf-8")
    held = tmp_path / "held" / "db.json"
    assert main(["import", str(good), "--db", str(held)]) == 0
    before = files(held)
    capsys.readouterr()
    assert main(["import", str(bad), "--db", str(held)]) == 1
    assert said in capsys.readouterr().err
    assert files(held) == before


def test_a_jsonl_header_decision_is_named_on_line_1(
    exported: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = damaged(exported, (0, "action"), "explode")
    header = {k: document[k] for k in ("schema_version", "exported_at", "articles", "decisions")}
    lines = [json.dumps(header), *(json.dumps(a) for a in document["annotations"])]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["import", str(bad), "--db", str(tmp_path / "db.json")]) == 1
    assert "bad.jsonl line 1: $.decisions[0].action: unknown action" in capsys.readouterr().err
