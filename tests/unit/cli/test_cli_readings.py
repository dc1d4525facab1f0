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


def forged(record: str, change: str) -> str:
    """`record` (a kept reading of a quote with one figure) with one field changed."""
    text, quantities, measures, *rest = json.loads(record)
    changed = {
        "a figure's place a word": lambda: quantities[0].__setitem__(1, "1"),
        "a figure's text not the quote's": lambda: quantities[0].__setitem__(0, "9,000 troops"),
        "a measure's place empty": lambda: measures[0].__setitem__(5, ""),
        "a measure's class none": lambda: measures[0].__setitem__(0, None),
        "no measure for the figure": lambda: measures.clear(),
    }
    changed[change]()
    return json.dumps([text, quantities, measures, *rest])


@pytest.mark.parametrize(
    "change",
    [
        "a figure's place a word",
        "a figure's text not the quote's",
        "a measure's place empty",
        "a measure's class none",
        "no measure for the figure",
    ],
)
def test_a_forged_reading_is_read_again_not_served_nor_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, change: str
) -> None:
    """tr18: a reading is checked by its line's checksum, which anyone can make again. A
    record of another shape under a quote's key (a figure's place a word, a measure's
    place empty, no measure for a figure) ended every summary in a traceback; one whose
    figure's text is not the quote's had the summary list a figure the quote does not
    give (its JSON's "text"). Each is now read as no reading: the quote is read again."""
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(annotate(OLD, 1, source="The ministry"))
    assert run(capsys, "import", str(exported_story(tmp_path, capsys)), "--db", str(db))[0] == 0
    code, expected, _err = run(capsys, "summary", "--db", str(db), "--format", "json", *ANA)
    assert code == 0
    key = quote_key(OLD.sentences[1].text)
    record = kept(db)[key]
    assert isinstance(record, str) and "3,000 troops" in record
    for file in readings_files(db):
        file.unlink(missing_ok=True)
    with AnnotationStore.open(db, annotator="ana") as store:
        store.add_readings(analyser_fingerprint(), {key: forged(record, change)})
    code, out, err = run(capsys, "summary", "--db", str(db), "--format", "json", *ANA)
    assert (code, err) == (0, "")
    assert json.loads(out) == json.loads(expected)
    assert "9,000" not in out
