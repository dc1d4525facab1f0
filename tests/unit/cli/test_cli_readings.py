"""Readings kept beside the database (ledger/readings.py): written by writing commands
(import, reanchor), used by `summary`, which like `export` writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import AnnotationStore
from store.readings_file import readings_files
from tests.fixtures.anchored import STORY, annotate, article, files, run, story_folder
from tests.fixtures.restores import Restores
from workbench.core.analysis.ledger.readings import analyser_fingerprint, quote_key, speaker_key


@pytest.fixture(autouse=True)
def as_ana(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command runs as the analyst who made the annotations: a writer re-anchors
    its own analyst's annotations only (tr7 T15)."""
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "ana")


OLD = article(STORY)
ANA = ("--annotator", "ana")


def exported_story(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """An export of claims on the story, one with a role source ("The spokesman")."""
    source = tmp_path / "source.json"
    with AnnotationStore.open(source, annotator="ana") as store:
        store.save(annotate(OLD, 1, source="The ministry"))
        store.save(annotate(OLD, 4, tags=("claim", "denial"), source="The spokesman"))
        store.save(annotate(OLD, 5, tags=("attribution",), source="Analysts"))
    out = tmp_path / "ana.json"
    assert run(capsys, "export", "--db", str(source), "-o", str(out))[0] == 0
    return out


def kept(db: Path) -> dict[str, object]:
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        return dict(store.readings(analyser_fingerprint()))


def test_import_keeps_the_readings_a_summary_uses_and_read_only_commands_write_none(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = story_folder(tmp_path)
    db = tmp_path / "team.json"
    code, _out, err = run(
        capsys, "import", str(exported_story(tmp_path, capsys)), "--articles", str(corpus),
        "--db", str(db),
    )  # fmt: skip
    assert code == 0, err
    readings = kept(db)
    quotes = [OLD.sentences[1].text, OLD.sentences[4].text]
    assert {quote_key(quote) for quote in quotes} <= set(readings)
    assert quote_key(OLD.sentences[5].text) not in readings, "an attribution is not read"
    assert speaker_key(OLD.sha256, 4, "The spokesman") in readings

    restored = Restores(monkeypatch)
    before = files(db)
    assert any(name.endswith(".readings.tail") or name.endswith(".readings") for name in before)
    summary = run(capsys, "summary", str(corpus), "--db", str(db), *ANA, "--format", "json")
    assert summary[0] == 0 and restored.count == 2, "both quotes restored, none read"
    markdown = run(capsys, "summary", "--db", str(db), *ANA)
    assert run(capsys, "export", "--db", str(db))[0] == 0
    assert files(db) == before, "read-only commands write nothing, readings neither"

    for path in readings_files(db):
        path.unlink(missing_ok=True)
    assert run(capsys, "summary", str(corpus), "--db", str(db), *ANA, "--format", "json") == (
        summary
    ), "the same summary without readings"
    assert run(capsys, "summary", "--db", str(db), *ANA) == markdown
    assert not any(path.exists() for path in readings_files(db)), "summary made none"
    assert json.loads(summary[1])["totals"]["annotations"] == 3


def test_reanchor_keeps_the_readings_of_the_articles_it_moved(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = story_folder(tmp_path)
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(annotate(OLD, 4, source="The spokesman"))
    changed = STORY.replace("\n", "\nCorrection: an earlier version misnamed the agency.\n", 1)
    (corpus / "story.txt").write_text(changed, encoding="utf-8")
    code, _out, err = run(capsys, "reanchor", str(corpus), "--db", str(db))
    assert code == 0, err
    new = article(changed)
    moved = next(s for s in new.sentences if s.text == OLD.sentences[4].text)
    readings = kept(db)
    assert quote_key(moved.text) in readings
    assert speaker_key(new.sha256, moved.index, "The spokesman") in readings
