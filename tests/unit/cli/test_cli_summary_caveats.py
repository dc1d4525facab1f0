"""qa5 Q7: `workbench summary` without PATH reads no article, so it cannot resolve pronoun
sources nor see an article changed since; the report itself says so (Markdown and the
JSON's `caveats`), not only stderr, so a published report carries its caveat."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article
from workbench.cli.main import main

STORY = article(
    "Pronoun Report\n"
    "General Pat Ryder said 3,000 troops had been sent to Russia. "
    "He added that 4,000 more were expected.\n",
    "pronouns",
)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """The pronoun claim typed "He", the article remembered but not bundled."""
    path = tmp_path / "db.json"
    with AnnotationStore.open(path, annotator="qa") as store:
        store.remember_article(STORY.id, "Pronoun Report", STORY.sha256, len(STORY.sentences))
        store.import_annotations(
            [
                annotate(STORY, 1, "qa", source="General Pat Ryder", tags=("claim", "attribution")),
                annotate(STORY, 2, "qa", source="He", tags=("claim", "attribution")),
            ]
        )
    return path


def summary(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    assert main(["summary", *arguments, "--annotator", "qa"]) == 0
    return capsys.readouterr().out


def test_without_paths_the_report_says_what_it_did_not_read(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = summary(capsys, "--db", str(database))
    head = report[: report.index("## Conflicting figures")]
    assert "> **Caveats**: what this summary could not read or resolve." in head
    assert "> - No article was read (no PATH given)" in head
    assert "> - 1 pronoun or role source(s) in 1 article(s) left unresolved" in head
    caveats = json.loads(summary(capsys, "--db", str(database), "--format", "json"))["caveats"]
    assert len(caveats) == 2 and caveats[0].startswith("No article was read (no PATH given)")


def test_with_the_articles_read_there_is_no_caveat(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "pronouns.txt").write_text(STORY.text, encoding="utf-8")
    report = summary(capsys, str(folder), "--db", str(database))
    assert "Caveats" not in report
    assert "he → Pat Ryder" in report, "resolved on the text read"
    shown = json.loads(summary(capsys, str(folder), "--db", str(database), "--format", "json"))
    assert shown["caveats"] == []


def test_the_help_says_what_a_summary_without_path_leaves_unread(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """qa17 Q4 (the list's Q17): `summary` without PATH differs from the summary
    screen's report (no article read: a pronoun is counted as typed), yet its help said
    the default was "the articles as the database remembers them", and README's
    Commands line gave it no PATH at all. Both now say how to get the screen's report."""
    assert main(["summary", "--help"]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "as the database remembers them" not in shown
    assert "Without PATH no article is read" in shown
    assert "the summary screen's report" in shown
    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Commands", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    line = next(line for line in block.splitlines() if line.startswith("workbench summary"))
    assert "[PATH ...]" in line
