"""`workbench suggest`: one JSON object per sentence, or a readable listing; read-only."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from workbench.cli.main import main
from workbench.cli.suggest import json_record, visible, write_listing
from workbench.core.analysis.suggestions.suggest import suggest
from workbench.core.corpus.articles import load_corpus

FIELDS = [
    "article", "index", "start", "end", "tags", "weak", "scores", "source", "source_start",
    "source_end", "resolved_source", "cue",
]  # fmt: skip


def json_lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines()]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(
        "Troops Enter Combat\n"
        "Air Force Maj. Gen. Pat Ryder told reporters that troops had entered combat. "
        "He added: “We do have indications.” The claims could not be verified.\n",
        encoding="utf-8",
    )
    return path


def test_json_has_one_object_per_sentence_as_documented(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["suggest", "--json", str(story)]) == 0
    records = json_lines(capsys.readouterr().out)
    text = story.read_text(encoding="utf-8")
    assert [list(record) for record in records] == [FIELDS] * 4
    assert [record["index"] for record in records] == [0, 1, 2, 3]
    ryder, added, unverified = records[1], records[2], records[3]
    assert ryder["tags"] == ["claim", "attribution"]
    assert ryder["source"] == "Pat Ryder" and ryder["cue"] == "told"
    assert text[ryder["source_start"] : ryder["source_end"]] == "Pat Ryder"
    assert (added["source"], added["resolved_source"]) == ("He", "Pat Ryder")
    assert unverified["tags"] == []
    assert unverified["source"] is unverified["source_start"] is unverified["cue"] is None
    assert set(unverified["scores"]) == {"claim", "attribution", "denial"}


def test_the_readable_listing(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(story)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "== story: Troops Enter Combat"
    assert lines[3].startswith("   2  claim ")
    assert "source: Pat Ryder" in lines[3] and "cue: told" in lines[3]
    assert (
        lines[4]
        == "      Air Force Maj. Gen. Pat Ryder told reporters that troops had entered combat."
    )
    assert "source: He → Pat Ryder" in lines[5]
    assert lines[7] == "   4  —"


def test_without_paths_it_reads_the_bundled_articles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", "--json"]) == 0
    records = json_lines(capsys.readouterr().out)
    corpus = load_corpus()
    assert [(r["article"], r["index"]) for r in records] == [
        (article.id, s.index) for article in corpus for s in article.sentences
    ]


def test_control_characters_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "evil\x1b[2J.txt"
    path.write_text("Officials \x1b[31msaid\x1b[0m the \u202eflag was false.\n", encoding="utf-8")
    assert main(["suggest", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\x1b[31m" in out and "\\u202e" in out
    assert main(["suggest", "--json", str(tmp_path)]) == 0
    assert "\x1b" not in capsys.readouterr().out  # JSON escapes them itself


def test_visible_leaves_ordinary_text_alone() -> None:
    text = "“Mr. Putin’s” [troops] — 10,000 é 北朝鮮 \t"
    assert visible(text.strip()) == text.strip()
    assert visible("a\tb\nc\x07") == "a\\tb\\nc\\x07"


def test_bad_files_are_reported_and_the_rest_listed(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00")
    assert main(["suggest", "--json", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert {record["article"] for record in json_lines(captured.out)} == {"story"}
    assert captured.err.count("\n") == 1 and "broken.txt" in captured.err


def test_no_articles_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("workbench: no articles found")


def test_it_writes_nothing(story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    db = tmp_path / "annotations.json"
    assert main(["suggest", "--db", str(db), str(story)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_weak_tag_is_marked_as_the_panel_marks_it(story: Path) -> None:
    """qa9 Q23: a denial at 0.45, which Enter does not store, was listed like the others
    ("denial 0.45") and put in the JSON's `tags` with nothing to tell it apart."""
    article = load_corpus([story]).articles[0]
    found = suggest(article)[1]
    scores = {**found.scores, "denial": 0.45}
    shown = replace(found, scores=scores, tags=(*found.tags, "denial"))
    record = json_record(shown)
    assert record["tags"] == ["claim", "attribution", "denial"]
    assert record["weak"] == ["denial"]
    out = io.StringIO()
    write_listing(out, article, [shown])
    line = out.getvalue().splitlines()[1]
    assert "  denial 0.45?  " in line
    assert f"claim {found.scores['claim']:.2f}  " in line and "?" not in line.split("denial")[0]
