"""`workbench summary`: reads the store, writes Markdown or JSON, -o atomically."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from workbench.cli import summary as summary_command
from workbench.cli.common import Parser, store_options
from workbench.core.corpus import load_corpus


def parse(*argv: str) -> argparse.Namespace:
    parser = Parser(prog="workbench summary", parents=[store_options()])
    summary_command.add_arguments(parser)
    return parser.parse_args(list(argv))


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "annotations.json"
    corpus = load_corpus()
    with AnnotationStore.open(path, annotator="gold") as store:
        store.import_annotations(load_gold(corpus))
        for article in corpus:
            store.remember_article(
                article.id, article.title, article.sha256, len(article.sentences)
            )
    return path


def test_markdown_to_stdout(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert summary_command.run(parse("--db", str(database))) == 0
    report = capsys.readouterr().out
    assert report.startswith("# Fact-checking summary")
    assert "### ⚠ North Korean troops" in report
    assert "| Air Force Maj. Gen. Pat Ryder | General Ryder |" in report


def test_json_to_file_uses_remembered_articles(database: Path, tmp_path: Path) -> None:
    target = tmp_path / "summary.json"
    target.write_text("old", encoding="utf-8")
    assert (
        summary_command.run(parse("--db", str(database), "--format", "json", "-o", str(target)))
        == 0
    )
    summary = json.loads(target.read_text(encoding="utf-8"))
    assert summary["schema"] == "workbench-summary/1"
    assert [a["sentences"] for a in summary["articles"]] == [
        len(a.sentences) for a in load_corpus()
    ]
    assert summary["totals"]["annotations"] == len(load_gold())
    assert list(tmp_path.iterdir()) == [target], "no temporary file is left behind"


def test_paths_give_sentence_counts(database: Path, tmp_path: Path) -> None:
    article = tmp_path / "999_extra.txt"
    article.write_text("Extra article.\n\nOne sentence. Two sentences.\n", encoding="utf-8")
    target = tmp_path / "out.json"
    args = parse("--db", str(database), "--format", "json", "-o", str(target), str(article))
    assert summary_command.run(args) == 0
    rows = {row["id"]: row for row in json.loads(target.read_text(encoding="utf-8"))["articles"]}
    assert rows["999_extra"]["sentences"] >= 2
    assert rows["999_extra"]["tagged"] == 0
    assert rows["000_e663f5f9bf7bc169"]["sentences"] is None, "not in PATHs, not remembered"


def test_decisions_in_the_store_are_applied(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    gold = load_gold()
    with AnnotationStore.open(path, annotator="gold") as store:
        store.import_annotations(gold)
    target = tmp_path / "before.json"
    summary_command.run(parse("--db", str(path), "--format", "json", "-o", str(target)))
    groups = json.loads(target.read_text(encoding="utf-8"))["ledger"]
    singles = [g["id"] for g in groups if len(g["members"]) == 1][:2]
    with AnnotationStore.open(path, annotator="gold") as store:
        store.save_ledger_decision({"action": "merge", "groups": singles})
    summary_command.run(parse("--db", str(path), "--format", "json", "-o", str(target)))
    after = json.loads(target.read_text(encoding="utf-8"))
    assert len(after["ledger"]) == len(groups) - 1
    assert after["ignored_decisions"] == []


def test_missing_database_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nothing.json"
    assert summary_command.run(parse("--db", str(missing))) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and str(missing) in error
    assert not missing.exists(), "summary does not create a database"


def test_unwritable_output_fails_cleanly(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "out.md"
    assert summary_command.run(parse("--db", str(database), "-o", str(target))) == 1
    assert "cannot write" in capsys.readouterr().err


def test_command_does_not_import_textual() -> None:
    code = (
        "import sys, workbench.cli.summary, workbench.core.summary; "
        "sys.exit('textual' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_claim_threshold_setting_changes_the_grouping(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def groups(*extra: str) -> int:
        target = tmp_path / "summary.json"
        argv = ("--db", str(database), "--format", "json", "-o", str(target), *extra)
        assert summary_command.run(parse(*argv)) == 0
        return len(json.loads(target.read_text(encoding="utf-8"))["ledger"])

    monkeypatch.setenv("WORKBENCH_SETTINGS", str(tmp_path / "absent.toml"))
    default = groups()
    strict = groups("--claim-threshold", "100")
    settings = tmp_path / "settings.toml"
    settings.write_text("[ledger]\nclaim_threshold = 100\n", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_SETTINGS", str(settings))
    assert groups() == strict > default
    assert groups("--claim-threshold", "70") == default
