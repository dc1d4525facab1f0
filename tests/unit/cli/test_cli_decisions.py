"""Ledger decisions travel with the annotations: `export`, then `import` elsewhere, and
the summary there shows the merged groups (the issue's 31 groups instead of 30)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from workbench.cli.main import main
from workbench.core.interchange.export.schema import validator


@pytest.fixture(autouse=True)
def gold_is_the_analyst(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "gold")


def summary_of(db: Path, folder: Path) -> dict[str, Any]:
    target = folder / "summary.json"
    assert main(["summary", "--db", str(db), "--format", "json", "-o", str(target)]) == 0
    result: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return result


@pytest.fixture
def decided(tmp_path: Path) -> tuple[Path, int]:
    """The gold annotations with two single claims merged, one split undone: returns
    the database and the number of groups its summary shows."""
    db = tmp_path / "decided.json"
    with AnnotationStore.open(db, annotator="gold") as store:
        store.import_annotations(load_gold())
    groups = summary_of(db, tmp_path)["ledger"]
    singles = [g["id"] for g in groups if len(g["members"]) == 1][:2]
    shared = next(g for g in groups if len(g["members"]) > 1)
    with AnnotationStore.open(db, annotator="gold") as store:
        store.save_ledger_decision({"action": "merge", "groups": singles})
        store.save_ledger_decision({"action": "split", "member": shared["members"][0]["key"]})
        store.undo()
    assert len(summary_of(db, tmp_path)["ledger"]) == len(groups) - 1
    return db, len(groups) - 1


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_an_import_elsewhere_shows_the_merged_groups(
    decided: tuple[Path, int], tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db, groups = decided
    exported = tmp_path / f"export{suffix}"
    assert main(["export", "--db", str(db), "--format", suffix[1:], "-o", str(exported)]) == 0
    elsewhere = tmp_path / "elsewhere.json"
    capsys.readouterr()
    assert main(["import", str(exported), "--db", str(elsewhere), "--annotator", "zed"]) == 0
    assert "ledger decisions: added 3, already held 0" in capsys.readouterr().out
    summary = summary_of(elsewhere, tmp_path)
    assert len(summary["ledger"]) == groups and summary["ignored_decisions"] == []

    assert main(["import", str(exported), "--db", str(elsewhere)]) == 0
    assert "ledger decisions: added 0, already held 3" in capsys.readouterr().out
    assert len(summary_of(elsewhere, tmp_path)["ledger"]) == groups


def test_the_export_carries_the_decisions_as_the_schema_says(
    decided: tuple[Path, int], tmp_path: Path
) -> None:
    db, _groups = decided
    exported = tmp_path / "export.json"
    assert main(["export", "--db", str(db), "-o", str(exported)]) == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    validator(None).validate(document)
    assert [d["action"] for d in document["decisions"]] == ["merge", "split", "undo"]
    assert all(d["annotator"] == "gold" for d in document["decisions"])
    with pytest.raises(jsonschema.ValidationError):
        validator(None).validate({**document, "decisions": [{"action": "merge"}]})


def test_an_export_narrowed_by_more_than_the_analyst_carries_no_decisions(
    decided: tuple[Path, int], tmp_path: Path
) -> None:
    db, _groups = decided
    mine, claims = tmp_path / "mine.json", tmp_path / "claims.json"
    assert main(["export", "--db", str(db), "--annotator", "gold", "-o", str(mine)]) == 0
    assert main(["export", "--db", str(db), "--tag", "claim", "-o", str(claims)]) == 0
    assert len(json.loads(mine.read_text(encoding="utf-8"))["decisions"]) == 3
    assert "decisions" not in json.loads(claims.read_text(encoding="utf-8"))


@pytest.fixture
def decided_by_bob(tmp_path: Path) -> Path:
    """gold's annotations, and a merge by bob, who annotated nothing (made in every
    analyst's summary, where a decision is its analyst's)."""
    db = tmp_path / "decided.json"
    with AnnotationStore.open(db, annotator="gold") as store:
        store.import_annotations(load_gold())
    target = tmp_path / "all.json"
    summary = ["summary", "--db", str(db), "--annotator", "all", "--format", "json"]
    assert main([*summary, "-o", str(target)]) == 0
    groups = json.loads(target.read_text(encoding="utf-8"))["ledger"]
    singles = [g["id"] for g in groups if len(g["members"]) == 1][:2]
    with AnnotationStore.open(db, annotator="bob") as store:
        store.save_ledger_decision({"action": "merge", "groups": singles})
    return db


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_an_analyst_with_decisions_and_no_annotation_exports_the_decisions(
    decided_by_bob: Path, tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """polish19: `export --annotator bob` refused ("no annotations by bob") and bob's
    merge could not travel; the schema holds decisions without annotations."""
    exported = tmp_path / f"bob{suffix}"
    db = str(decided_by_bob)
    assert main(["export", "--db", db, "--annotator", "bob", "-o", str(exported)]) == 0
    assert capsys.readouterr().err == (
        "workbench: no annotations by bob: the export holds their 1 ledger decision(s) alone\n"
    )
    lines = exported.read_text(encoding="utf-8").splitlines()
    document = json.loads(lines[0])
    if suffix == ".json":
        validator(None).validate(document)
        assert document["annotations"] == []
    else:
        validator("jsonl_header").validate(document)
        assert document["annotation_lines"] == 0 and len(lines) == 1
    assert [(d["annotator"], d["action"]) for d in document["decisions"]] == [("bob", "merge")]
    elsewhere = tmp_path / "elsewhere.json"
    assert main(["import", str(exported), "--db", str(elsewhere)]) == 0
    assert "ledger decisions: added 1, already held 0" in capsys.readouterr().out


@pytest.mark.parametrize(
    "narrowed", [["--format", "w3c"], ["--format", "claimreview"], ["--tag", "claim"]]
)
def test_where_the_export_cannot_carry_them_it_says_why_nothing_is_exported(
    decided_by_bob: Path, tmp_path: Path, narrowed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out"
    db = str(decided_by_bob)
    assert main(["export", "--db", db, "--annotator", "bob", *narrowed, "-o", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"workbench: no annotations by bob in {db}; analysts there: gold; their 1 ledger "
        "decision(s) are exported by --format json or jsonl narrowed by --annotator alone\n"
    )
    assert not target.exists()


def exported_as(db: Path, folder: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """An export of `db` as `change` leaves it."""
    exported = folder / "export.json"
    assert main(["export", "--db", str(db), "-o", str(exported)]) == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    change(document)
    exported.write_text(json.dumps(document), encoding="utf-8")
    return exported


def test_an_export_from_before_decisions_still_imports(
    decided: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, groups = decided
    exported = exported_as(db, tmp_path, lambda document: document.pop("decisions"))
    elsewhere = tmp_path / "elsewhere.json"
    capsys.readouterr()
    assert main(["import", str(exported), "--db", str(elsewhere)]) == 0
    assert "ledger decisions" not in capsys.readouterr().out
    assert len(summary_of(elsewhere, tmp_path)["ledger"]) == groups + 1


def test_a_bad_decision_is_refused_naming_where(
    decided: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _groups = decided
    exported = exported_as(
        db, tmp_path, lambda document: document["decisions"][1].update(at="yesterday")
    )
    elsewhere = tmp_path / "elsewhere.json"
    capsys.readouterr()
    assert main(["import", str(exported), "--db", str(elsewhere)]) == 1
    error = capsys.readouterr().err
    assert "$.decisions[1].at" in error and error.count("\n") == 1
    assert not elsewhere.exists()
