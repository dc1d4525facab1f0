"""`workbench sentences`: one JSON object per sentence, or a readable listing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from workbench.cli.main import main
from workbench.core.corpus.articles import load_corpus

ROOT = Path(__file__).resolve().parents[3]
FIELDS = ["article", "index", "start", "end", "text"]


def json_lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines()]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text("Gen. Smith Speaks\nLt. Gen. Kyrylo Budanov said so. “It is over.”\n")
    return path


def test_json_lines_have_exact_offsets(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sentences", "--json", str(article)]) == 0
    records = json_lines(capsys.readouterr().out)
    text = article.read_text()
    assert [list(record) for record in records] == [FIELDS] * 3
    assert [record["text"] for record in records] == [
        "Gen. Smith Speaks",
        "Lt. Gen. Kyrylo Budanov said so.",
        "“It is over.”",
    ]
    assert [record["index"] for record in records] == [0, 1, 2]
    for record in records:
        assert record["article"] == "story"
        assert text[record["start"] : record["end"]] == record["text"]


def test_json_lines_hold_no_raw_unicode_line_break(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qa5 Q15: a raw U+2028 inside a record cut it in two for str.splitlines()."""
    (tmp_path / "w.txt").write_text(
        "Title\n\nNATO said 12,000 troops\u2028had been sent.\u2029 Kyiv agreed.\n",
        encoding="utf-8",
    )
    assert main(["sentences", "--json", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "\u2028" not in out and "\u2029" not in out
    assert "\\u2028" in out
    assert "\u2028" in "".join(record["text"] for record in json_lines(out))


def test_without_paths_it_lists_the_bundled_articles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sentences", "--json"]) == 0
    records = json_lines(capsys.readouterr().out)
    corpus = load_corpus()
    assert [r["article"] for r in records] == [
        article.id for article in corpus for _ in article.sentences
    ]
    for record in records:
        text = corpus.by_id[record["article"]].text
        assert text[record["start"] : record["end"]] == record["text"]


def test_the_readable_listing(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sentences", str(article)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "== story: Gen. Smith Speaks",
        "   1 [0:17] Gen. Smith Speaks",
        "   2 [18:50] Lt. Gen. Kyrylo Budanov said so.",
        "   3 [51:64] “It is over.”",
    ]


def test_bad_files_are_reported_and_the_rest_printed(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00")
    assert main(["sentences", "--json", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert {record["article"] for record in json_lines(captured.out)} == {"story"}
    assert captured.err.count("\n") == 1
    assert "broken.txt" in captured.err


def test_no_articles_at_all_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing"
    assert main(["sentences", str(missing)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(missing) in captured.err


def test_bad_arguments_exit_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sentences", "--jsn"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "--jsn" in error


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sentences", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: workbench sentences")
    assert "--json" in out


def test_python_dash_m_workbench_sentences_json() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "sentences", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    records = json_lines(result.stdout)
    assert len({record["article"] for record in records}) == 5
    assert all(list(record) == FIELDS for record in records)
    assert any(record["text"].startswith("Air Force Maj. Gen. Pat Ryder") for record in records)


def test_a_newline_or_tab_in_a_file_name_stays_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: a newline in a file name split the header in two (suggest escaped it)."""
    (tmp_path / "ctrl\nname.txt").write_text("Newline\tname\nIt said so.\n")
    (tmp_path / "bad\tfile.txt").write_bytes(b"\x00\x01binary")
    assert main(["sentences", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "== ctrl\\nname: Newline\\tname"
    assert err.splitlines() == [
        f"workbench: skipped {tmp_path}/bad\\tfile.txt: binary file (contains NUL bytes), "
        "not a text article"
    ]
