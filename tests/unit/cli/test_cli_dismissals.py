"""A pair dismissed as not a conflict (qa20 #2) through the commands: `workbench summary`
counts it nowhere and lists it apart with who and why, in Markdown and JSON; an export
carries the dismissal and an import gives it back; a malformed one is refused, naming
the file and the problem, and nothing is imported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from workbench.cli.main import main
from workbench.core.analysis.ledger.decisions import Dismiss, PairFigure
from workbench.core.anchoring.decisions import with_texts
from workbench.core.corpus.articles import load_corpus

REASON = "two fires [bold]\x1b[31m"
"""A reason typed with markup and a control code: shown escaped, never drawn."""


@pytest.fixture(autouse=True)
def gold_is_the_analyst(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "gold")


def summary_json(db: Path, tmp_path: Path, *more: str) -> dict[str, Any]:
    target = tmp_path / "summary.json"
    assert main(["summary", "--db", str(db), "--format", "json", "-o", str(target), *more]) == 0
    found: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return found


def square_miles(summary: dict[str, Any]) -> list[dict[str, Any]]:
    (found,) = [c for c in summary["conflicts"] if c["topic"] == "square miles"]
    figures: list[dict[str, Any]] = found["figures"]
    return figures


@pytest.fixture
def dismissed_db(tmp_path: Path) -> Path:
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="gold") as store:
        store.import_annotations(load_gold())
    figures = square_miles(summary_json(db, tmp_path))
    pair = tuple(PairFigure(("gold", f["article_id"], f["index"]), f["text"]) for f in figures)
    dismissal = Dismiss((pair[0], pair[1]), REASON)
    with AnnotationStore.open(db, annotator="gold") as store:
        store.save_ledger_decision(with_texts(dismissal, load_corpus().by_id))
    return db


def test_the_summary_counts_a_dismissed_pair_nowhere_and_lists_it_apart(
    dismissed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = summary_json(dismissed_db, tmp_path)
    assert not [c for c in summary["conflicts"] if c["topic"] == "square miles"]
    (pair,) = summary["dismissed"]
    assert [by["annotator"] for by in pair["by"]] == ["gold"]
    assert pair["by"][0]["reason"] == REASON
    assert "\x1b" not in (tmp_path / "summary.json").read_text(encoding="utf-8")
    everyone = summary_json(dismissed_db, tmp_path, "--annotator", "all")
    assert [by["annotator"] for by in everyone["dismissed"][0]["by"]] == ["gold"]
    capsys.readouterr()
    assert main(["summary", "--db", str(dismissed_db)]) == 0
    report = capsys.readouterr().out
    listed = report.split("## Dismissed by the analyst")[1].split("\n## ")[0]
    assert "dismissed by gold (" in listed and "square miles" in listed
    assert "\x1b" not in report and "\\[bold\\]" in listed, "the reason shown escaped"


def test_an_export_carries_the_dismissal_and_an_import_gives_it_back(
    dismissed_db: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "export.json"
    assert main(["export", "--db", str(dismissed_db), "-o", str(exported)]) == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    (record,) = document["decisions"]
    assert record["action"] == "dismiss" and record["reason"] == REASON
    fresh = tmp_path / "fresh.json"
    assert main(["import", str(exported), "--db", str(fresh)]) == 0
    summary = summary_json(fresh, tmp_path)
    assert [by["reason"] for by in summary["dismissed"][0]["by"]] == [REASON]
    assert not [c for c in summary["conflicts"] if c["topic"] == "square miles"]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            lambda r: r["figures"].pop(),
            "$.decisions[0]: not a dismiss this version reads: it names two figures apart",
        ),
        (
            lambda r: r.update(reason="x" * 301),
            "at most a reason of 300 characters",
        ),
        (
            lambda r: r["figures"][1]["key"].__setitem__(2, 9999),
            "$.decisions[0].figures[1].key[1]: no sentence 10000 in article",
        ),
    ],
)
def test_a_malformed_dismissal_is_refused_naming_the_file_and_nothing_is_imported(
    dismissed_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: Any,
    said: str,
) -> None:
    exported = tmp_path / "export.json"
    assert main(["export", "--db", str(dismissed_db), "-o", str(exported)]) == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    change(document["decisions"][0])
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    fresh = tmp_path / "fresh" / "db.json"
    fresh.parent.mkdir()
    capsys.readouterr()
    assert main(["import", str(bad), "--db", str(fresh)]) == 1
    err = capsys.readouterr().err
    assert said in err and "bad.json" in err
    assert list(fresh.parent.iterdir()) == []
