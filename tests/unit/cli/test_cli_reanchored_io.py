"""Import, export and summary after an article changed: imported annotations are placed on
the current text (or refused when they contradict it), orphans are exported only where
the format can say so, and read-only commands count annotations where re-anchoring puts
them without writing anything."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from store import AnnotationStore, open_store
from tests.fixtures.anchored import STORY, annotate, article, files, run, story_folder
from workbench.core.anchoring.as_tagged import versions_of
from workbench.core.interchange.export.schema import validator
from workbench.core.interchange.importing import ImportFile


@pytest.fixture(autouse=True)
def as_ana(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command runs as the analyst who made the annotations: a writer re-anchors
    its own analyst's annotations only (tr7 T15)."""
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "ana")


OLD = article(STORY)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return story_folder(tmp_path)


CORRECTED = (
    STORY.replace("\n", "\nCorrection: an earlier version misnamed the agency.\n", 1)
    .replace("Moscow denied any deployment. ", "")
    .replace("No comment was given.", "No coment was given.")
)


def fill(db: Path, annotator: str = "ana") -> Path:
    with AnnotationStore.open(db, annotator=annotator) as store:
        for index in (1, 3, 4, 6):
            store.save(annotate(OLD, index, annotator, tags=("claim",), status="refuted"))
    return db


def exported(capsys: pytest.CaptureFixture[str], db: Path, *options: str) -> Any:
    code, out, _err = run(capsys, "export", "--db", str(db), *options)
    assert code == 0
    return json.loads(out)


def test_an_import_made_on_an_older_text_is_placed_on_the_current_one(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    old_export = tmp_path / "ana.json"
    source = fill(tmp_path / "source.json")
    assert run(capsys, "export", "--db", str(source), "-o", str(old_export))[0] == 0
    (corpus / "story.txt").write_text(CORRECTED, encoding="utf-8")
    db = tmp_path / "team.json"
    code, out, err = run(
        capsys, "import", str(old_export), "--articles", str(corpus), "--db", str(db)
    )
    assert code == 0, err
    assert out.splitlines() == [
        f"imported {old_export}: added 4, updated 0, skipped 0",
        "made on other versions of the articles, re-anchored: 1 moved, 1 to check, 1 orphaned",
    ]
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        assert sorted(store.for_article("story")) == [2, 4, 6]
        assert {a.anchor_state for a in store.all()} == {"current", "reanchored", "check"}
        assert [o.quote for o in store.orphans()] == ["Moscow denied any deployment."]
    # Importing it again changes nothing.
    again = run(capsys, "import", str(old_export), "--articles", str(corpus), "--db", str(db))
    assert "added 0, updated 0, skipped 4" in again[1]


def test_an_import_leaves_a_colleagues_annotations_on_another_text_as_made(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    """tr7 T15, import's pass over the database: ana importing onto the corrected text
    places the file's annotations and re-anchors her own, never bob's (his own
    workbench does, on the text he has)."""
    db = fill(tmp_path / "team.json", "bob")
    with AnnotationStore.open(db, annotator="bob", read_only=True) as store:
        made = [a.to_record() for a in store.all()]
    source = fill(tmp_path / "source.json")
    old_export = tmp_path / "ana.json"
    assert run(capsys, "export", "--db", str(source), "-o", str(old_export))[0] == 0
    (corpus / "story.txt").write_text(CORRECTED, encoding="utf-8")
    code, _out, err = run(
        capsys, "import", str(old_export), "--articles", str(corpus), "--db", str(db)
    )
    assert code == 0, err
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        assert [a.to_record() for a in store.all("bob")] == made and not store.orphans("bob")
        assert sorted(store.for_article("story")) == [2, 4, 6]  # ana's, placed here


def test_an_annotation_to_check_keeps_what_it_was_made_on_through_export_and_import(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    """qa6 Q7: an imported annotation to check read "not recorded (imported already
    moved)": the export held only the sentence it was moved onto."""
    db = fill(tmp_path / "db.json")
    (corpus / "story.txt").write_text(CORRECTED, encoding="utf-8")
    assert run(capsys, "reanchor", str(corpus), "--db", str(db))[0] == 0
    path, lines_path = tmp_path / "ana.json", tmp_path / "ana.jsonl"
    assert run(capsys, "export", "--db", str(db), "-o", str(path))[0] == 0
    assert (
        run(capsys, "export", "--db", str(db), "--format", "jsonl", "-o", str(lines_path))[0] == 0
    )
    document = json.loads(path.read_text(encoding="utf-8"))
    validator().validate(document)
    (moved,) = [record for record in document["annotations"] if record["anchor_state"] == "check"]
    assert moved["tagged_on"] == {
        "article_sha256": OLD.sha256,
        "index": 6,
        "start": OLD.sentences[6].start,
        "end": OLD.sentences[6].end,
        "quote": "No comment was given.",
        "prefix": "s doubted the ministry's count. ",
        "suffix": "\n",
    }
    assert sum("tagged_on" in record for record in document["annotations"]) == 1
    lines = list(map(json.loads, lines_path.read_text(encoding="utf-8").splitlines()[1:]))
    assert [record.get("tagged_on") for record in lines] == [
        record.get("tagged_on") for record in document["annotations"]
    ]
    read = ImportFile(lines_path)
    assert read.check() == 4 and [v.quote for v in read.made_on.values()] == [
        "No comment was given."
    ]
    team = tmp_path / "team.json"
    code, out, err = run(capsys, "import", str(path), "--articles", str(corpus), "--db", str(team))
    assert code == 0, err
    assert "1 to check" in out
    ana = ("--annotator", "ana", "--format", "json")
    summary = json.loads(run(capsys, "summary", str(corpus), "--db", str(team), *ana)[1])
    (check,) = summary["anchoring"]["check"]
    assert (check["quote"], check["old_quote"], check["old_index"]) == (
        "No coment was given.",
        "No comment was given.",
        6,
    )
    with AnnotationStore.open(team, annotator="ana", read_only=True) as store:
        placed = store.all()
        versions = versions_of(placed, store.history)  # what the review's confirm shows
        (to_check,) = [a for a in placed if a.anchor_state == "check"]
        tagged = versions.of(to_check)
        assert tagged is not None and tagged.quote == "No comment was given."
        assert (to_check.status, to_check.index) == ("refuted", 6)
    again = run(capsys, "import", str(path), "--articles", str(corpus), "--db", str(team))
    assert "added 0, updated 0, skipped 4" in again[1]  # the orphan too


TAGGED_ON_5 = {
    "article_sha256": OLD.sha256,
    "index": 5,
    "start": OLD.sentences[5].start,
    "end": OLD.sentences[5].end,
    "quote": OLD.sentences[5].text,
    "prefix": "",
    "suffix": "",
}
"""tagged_on naming sentence 6 of the story as the corpus holds it."""
ON_ANOTHER_TEXT = {"anchor_state": "check", "article_sha256": "f" * 64}
"""A record to check on a text the importer does not know."""
ON_LISTED_TEXT = {**ON_ANOTHER_TEXT, "listed": {"sha256": "e" * 64, "sentences": 3}}
"""... with the file's article list naming another text of 3 sentences."""


def edited_export(path: Path, **changes: Any) -> Path:
    """An export of one annotation of the current story, with fields changed (`listed`:
    a second entry of the file's article list)."""
    record = annotate(OLD, 3).to_record()
    listed = changes.pop("listed", None)
    record.update(changes)
    articles = [{"id": "story", "sha256": OLD.sha256}]
    if listed is not None:
        articles = [{"id": "story", "title": "Troops", **listed}]
    document = {
        "schema_version": 3 if "tagged_on" in record else 2,
        "exported_at": "2026-01-01T00:00:00Z",
        "articles": articles,
        "annotations": [record],
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"quote": "Moscow denied every deployment", "end": 61 + 30},
            "$.annotations[0].quote: not the text of article 'story' at",
        ),
        (
            {"index": 40},
            "$.annotations[0].index: index 40 (sentence 41) is beyond article 'story' (7",
        ),
        (
            {
                "tagged_on": {
                    "article_sha256": "0" * 64,
                    "index": 3,
                    "start": 0,
                    "end": 3,
                    "quote": "Old",
                    "prefix": "",
                    "suffix": "",
                }
            },
            '$.annotations[0].tagged_on: only a record still to check (anchor_state "check")',
        ),
        # tr7 T22: tagged_on is checked as a record is, and against the record.
        (
            {"anchor_state": "check", "tagged_on": {**TAGGED_ON_5, "article_sha256": OLD.sha256}},
            "$.annotations[0].tagged_on.article_sha256: the very text the record is on",
        ),
        (
            {**ON_ANOTHER_TEXT, "tagged_on": {**TAGGED_ON_5, "index": 999}},
            "$.annotations[0].tagged_on.index: index 999 (sentence 1000) is beyond article",
        ),
        (
            {**ON_ANOTHER_TEXT, "tagged_on": {**TAGGED_ON_5, "index": 0}},
            "$.annotations[0].tagged_on.index: sentence 1 of article 'story' is not",
        ),
        (
            {**ON_ANOTHER_TEXT, "tagged_on": {**TAGGED_ON_5, "quote": "x" * 38}},  # as long
            "$.annotations[0].tagged_on.quote: not the text of article 'story' at",
        ),
        (
            {**ON_LISTED_TEXT, "tagged_on": {**TAGGED_ON_5, "article_sha256": "e" * 64}},
            "$.annotations[0].tagged_on.index: index 5 (sentence 6) is beyond the text it names",
        ),
    ],
)
def test_a_record_that_contradicts_the_text_it_names_is_refused(
    capsys: pytest.CaptureFixture[str],
    corpus: Path,
    tmp_path: Path,
    changes: dict[str, Any],
    problem: str,
) -> None:
    start = STORY.index("Moscow")
    changes = {**changes, "start": start} if "end" in changes else changes
    if "end" in changes:
        changes["end"] = start + len(changes["quote"])
    bad = edited_export(tmp_path / "bad.json", **changes)
    db = tmp_path / "db.json"
    code, out, err = run(capsys, "import", str(bad), "--articles", str(corpus), "--db", str(db))
    assert (code, out) == (1, "")
    assert err.startswith(f"workbench: {bad}: {problem}") and err.count("\n") == 1
    assert not db.exists()


@pytest.mark.parametrize("tagged_on", [TAGGED_ON_5, {**TAGGED_ON_5, "article_sha256": "e" * 64}])
def test_a_record_to_check_imported_as_made_stays_to_check(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, tagged_on: dict[str, Any]
) -> None:
    """tr7 T22: a file's tagged_on places a record to check (on the sentence it names
    here, or re-anchored from another text), never confirms it: the exporter's analyst
    has not, and the history knows the words it was tagged on."""
    path = edited_export(tmp_path / "one.json", **ON_ANOTHER_TEXT, tagged_on=tagged_on)
    db = tmp_path / "db.json"
    code, out, err = run(capsys, "import", str(path), "--articles", str(corpus), "--db", str(db))
    assert code == 0, err
    assert out.splitlines()[1] == (
        "made on other versions of the articles, re-anchored: 0 moved, 1 to check, 0 orphaned"
    )
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        (placed,) = store.all()
        assert (placed.index, placed.anchor_state) == (5, "check")
        tagged = versions_of([placed], store.history).of(placed)
        assert tagged is not None
        assert (tagged.article_sha256, tagged.index) == (tagged_on["article_sha256"], 5)


def test_an_import_of_another_text_of_an_article_outside_the_corpus_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """tr7 T19, qa7 Q14: without the articles, an annotation made on another text of an
    article the database holds was taken (named on stderr) and counted under the first
    text's title: now refused, naming the record, the article and the remedy; with the
    article given it is re-anchored."""
    db = tmp_path / "db.json"
    first = edited_export(tmp_path / "a.json", listed={"sha256": OLD.sha256, "sentences": 7})
    assert run(capsys, "import", str(first), "--db", str(db))[2] == ""
    before = files(db)
    other = {"sha256": "f" * 64, "sentences": 7}
    second = edited_export(tmp_path / "b.json", article_sha256="f" * 64, index=4, listed=other)
    code, out, err = run(capsys, "import", str(second), "--db", str(db))
    assert (code, out) == (1, "")
    assert err == (
        f"workbench: {second}: $.annotations[0].article_sha256: made on another text of "
        "article 'story' ('Troops' in this file) than the one the database holds "
        "('Troops'), as are 1 annotation(s) of this file; taken, they would be shown and "
        "counted on a text they were not made on: give the article as it is now with "
        "--articles PATH to re-anchor them onto it (orphaned and named if it is another "
        "article with the same file name)\n"
    )
    assert files(db) == before
    with AnnotationStore.open(db, annotator="ana") as store:  # held on its text (an older
        (held,) = ImportFile(second).annotations()  # database's, taken as tr7 T19 did)
        store.import_annotations([held[0]])
    code, out, err = run(capsys, "import", str(second), "--db", str(db))
    assert (code, out, err) == (0, f"imported {second}: added 0, updated 0, skipped 1\n", "")


def test_an_import_meeting_another_version_it_cannot_reanchor_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = fill(tmp_path / "db.json")
    before = files(db)
    other_text = edited_export(tmp_path / "other.json", article_sha256="f" * 64, note="x")
    code, _out, err = run(capsys, "import", str(other_text), "--db", str(db))
    assert code == 1
    assert "$.annotations[0].article_sha256: made on another version of article 'story'" in err
    assert files(db) == before


def test_w3c_and_claimreview_leave_orphans_and_those_to_check_out_and_say_how_many(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    """Both formats can only say "this sentence": an orphan is on none, and one still to
    check was tagged on other words (qa5 Q5: a refuted claim published as reviewed on a
    sentence nobody reviewed)."""
    db = fill(tmp_path / "db.json")
    (corpus / "story.txt").write_text(CORRECTED, encoding="utf-8")
    assert run(capsys, "reanchor", str(corpus), "--db", str(db))[0] == 0
    document = exported(capsys, db)
    states = [(a["index"], a["anchor_state"]) for a in document["annotations"]]
    assert states == [(2, "reanchored"), (3, "orphaned"), (4, "current"), (6, "check")]
    for name, key in (("w3c", "first"), ("claimreview", "@graph")):
        code, out, err = run(capsys, "export", "--db", str(db), "--format", name)
        assert code == 0
        listed = json.loads(out)[key]
        items = listed["items"] if name == "w3c" else listed
        assert len(items) == 2  # the moved and the current one
        assert err == (
            "workbench: 1 orphaned annotation(s) left out: they are on no sentence of their "
            f"article's current text ({name} cannot say so; json and jsonl keep them)\n"
            "workbench: 1 annotation(s) still to check left out: re-anchoring moved them onto "
            "a sentence only like the one tagged and no analyst has confirmed them there "
            f"({name} would publish them as made on it; json and jsonl keep them, with "
            'anchor_state "check")\n'
        )
    w3c = run(capsys, "export", "--db", str(db), "--format", "w3c")[1]
    assert "No coment was given." not in w3c


def test_read_only_commands_count_where_reanchoring_puts_them_and_write_nothing(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    db = fill(tmp_path / "db.json")
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(annotate(article(STORY, "renamed-away"), 2, note="its file is gone"))
    (corpus / "story.txt").write_text(CORRECTED, encoding="utf-8")
    before = files(db)
    document = exported(capsys, db, "--articles", str(corpus))
    placed = [(a["article_id"], a["index"], a["anchor_state"]) for a in document["annotations"]]
    assert placed == [
        ("renamed-away", 2, "current"),
        ("story", 2, "reanchored"),
        ("story", 3, "orphaned"),
        ("story", 4, "current"),
        ("story", 6, "check"),
    ]
    story = next(a for a in document["articles"] if a["id"] == "story")
    assert story["sha256"] == article(CORRECTED).sha256
    ana = ("--annotator", "ana")  # a summary is one analyst's
    code, out, _err = run(capsys, "summary", str(corpus), "--db", str(db), *ana, "--format", "json")
    summary = json.loads(out)
    assert code == 0
    # The orphan counts nowhere, nor does the annotation of the article not given (QA
    # finding 7): it is listed as "article missing" only.
    assert summary["totals"]["annotations"] == 3
    assert [a["id"] for a in summary["articles"]] == ["story"]
    anchoring = summary["anchoring"]
    assert [(e["article_id"], e["index"]) for e in anchoring["check"]] == [("story", 6)]
    (check,) = anchoring["check"]  # QA finding 3: what was tagged, beside the sentence now
    assert (check["quote"], check["old_quote"], check["old_index"]) == (
        "No coment was given.",
        "No comment was given.",
        6,
    )
    assert [e["quote"] for e in anchoring["orphaned"]] == ["Moscow denied any deployment."]
    assert [e["article_id"] for e in anchoring["article_missing"]] == ["renamed-away"]
    markdown = run(capsys, "summary", str(corpus), "--db", str(db), *ana)[1]
    assert "## Orphaned annotations (1)" in markdown and "## Article missing (1)" in markdown
    # ... and said above the counts they are missing from (qa6 Q29)
    top = markdown.split("## ", 1)[0]
    assert (
        "Not counted: 1 orphaned annotation(s) (their sentence is gone from the article's text)"
        " and 1 annotation(s) of 1 article(s) not among the files read (another story's, or"
        " files renamed, removed or unreadable)." in top
    )  # qa7 Q3: another story's articles in the same database are not called lost
    assert "| No coment was given. | No **comment** was given. |" in markdown
    assert files(db) == before


def test_export_with_articles_says_which_annotations_it_could_not_check(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    """QA finding 7: a renamed file strands its annotations; `reanchor` said so, but
    `export --articles` wrote them as current without a word."""
    db = fill(tmp_path / "db.json")
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(annotate(article(STORY, "renamed-away"), 2, note="its file is gone"))
        store.save(annotate(article(STORY, "renamed-away"), 3, note="and another"))
    code, out, err = run(capsys, "export", "--db", str(db), "--articles", str(corpus))
    assert code == 0
    kept = [a for a in json.loads(out)["annotations"] if a["article_id"] == "renamed-away"]
    assert [a["anchor_state"] for a in kept] == ["current", "current"]  # as stored
    assert err == (
        "workbench: 2 annotation(s) of 1 article(s) not in the corpus given, exported as "
        "stored, not checked against their text: renamed-away (a renamed file is a new "
        "article: rename it back, or give the folder that holds it)\n"
    )
    code, _out, err = run(
        capsys, "export", "--db", str(db), "--articles", str(corpus), "--tag", "denial"
    )
    assert (code, err) == (0, "")  # none of them selected: nothing to say


INSERTED = STORY.replace("The ministry said", "A new lead sentence here. The ministry said")


@pytest.mark.parametrize("engine", ["file", pytest.param("postgres", marks=pytest.mark.pg_server)])
def test_an_import_by_a_colleague_never_merges_a_record_of_the_new_text_over_one_of_the_old(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, engine: str, request: pytest.FixtureRequest
) -> None:
    """rv8 R1: bob importing ana's export of the new text into a database holding her
    annotations of the old one. Her stored records are re-anchored first (the import
    writes hers anyway), so her tag of new sentence 3 never replaces her tag of old
    sentence 3 (another sentence): both kept, and her later verdict of the sentence
    her old record now sits on replaces it instead of adding a second one."""
    location = str(
        request.getfixturevalue("pg_url") if engine == "postgres" else tmp_path / "db.json"
    )
    new = article(INSERTED)
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "story.txt").write_text(INSERTED, encoding="utf-8")
    with open_store(location, "ana") as store:
        store.save(annotate(OLD, 3, note="Moscow denied (old 3)", status="refuted"))
        store.save(annotate(OLD, 5, note="Analysts doubted (old 5)"))
    with AnnotationStore.open(tmp_path / "other.json", annotator="ana") as store:
        store.save(annotate(new, 3, note="Officials confirmed (new 3)"))
        store.save(annotate(new, 6, note="Analysts doubted, later (new 6)", status="supported"))
    exported = tmp_path / "ana.json"
    assert run(capsys, "export", "--db", str(tmp_path / "other.json"), "-o", str(exported))[0] == 0
    code, out, err = run(
        capsys,
        "import",
        str(exported),
        "--db",
        location,
        "--annotator",
        "bob",
        "--articles",
        str(folder),
    )
    assert code == 0, err
    assert "added 1, updated 1" in out
    with open_store(location, "ana", read_only=True) as store:
        held = sorted((a.index, a.note, a.article_sha256 == new.sha256) for a in store.all("ana"))
    assert held == [
        (3, "Officials confirmed (new 3)", True),
        (4, "Moscow denied (old 3)", True),
        (6, "Analysts doubted, later (new 6)", True),
    ]


@pytest.mark.parametrize("engine", ["file", pytest.param("postgres", marks=pytest.mark.pg_server)])
def test_an_import_refused_late_has_not_stored_the_databases_reanchoring(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    engine: str,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """rv8 R10: the database's own annotations were re-anchored (stored, history
    "reanchor") before the file's records streamed in; a refusal found while streaming
    (the file rewritten between the passes) said "nothing was imported" with the
    database's annotations moved. Both go in one write now: a refusal leaves them."""
    import workbench.cli.import_ as import_command

    location = str(
        request.getfixturevalue("pg_url") if engine == "postgres" else tmp_path / "db.json"
    )
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "story.txt").write_text(INSERTED, encoding="utf-8")
    with open_store(location, "ana") as store:
        store.save(annotate(OLD, 3, note="Moscow denied (old 3)"))
    with AnnotationStore.open(tmp_path / "other.json", annotator="ana") as store:
        store.save(annotate(article(INSERTED), 6, note="imported"))
    exported = tmp_path / "ana.json"
    assert run(capsys, "export", "--db", str(tmp_path / "other.json"), "-o", str(exported))[0] == 0
    swapped = tmp_path / "swapped.json"
    swapped.write_bytes(exported.read_bytes().replace(b'"imported"', b'"rewritten"'))
    checked = import_command.check_tagged_on

    def then_replaced(*arguments: Any) -> None:  # after the first pass: the file changes
        checked(*arguments)
        swapped.replace(exported)

    monkeypatch.setattr(import_command, "check_tagged_on", then_replaced)
    with open_store(location, "ana", read_only=True) as store:
        before = ([a.to_record() for a in store.all()], len(store.history()))
    kept = files(Path(location)) if engine == "file" else {}
    code, out, err = run(
        capsys, "import", str(exported), "--db", location, "--articles", str(folder)
    )
    assert (code, out) == (1, "")
    assert "changed while it was being imported" in err
    with open_store(location, "ana", read_only=True) as store:
        assert ([a.to_record() for a in store.all()], len(store.history())) == before
    if engine == "file":
        assert files(Path(location)) == kept


SHIFTED = STORY.replace("\n", "\nCorrection: an earlier version misnamed the agency.\n", 1).replace(
    "No comment was given.", "No coment was given."
)


@pytest.mark.parametrize("engine", ["file", pytest.param("postgres", marks=pytest.mark.pg_server)])
def test_a_record_to_check_keeps_its_tagged_on_where_another_record_holds_its_made_on_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, engine: str, request: pytest.FixtureRequest
) -> None:
    """qa9 Q9: a record to check (made on old sentence 6, now on 7) and a record of the
    new text at sentence 6 in one file: the first could not be imported as made at 6,
    was imported already moved, and what it was tagged on stayed in the file only. It
    is imported as made, orphaned (an orphan holds no sentence), and re-anchored here:
    to check on 7, its history knowing the words it was tagged on; the other on 6."""
    location = str(
        request.getfixturevalue("pg_url") if engine == "postgres" else tmp_path / "db.json"
    )
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "story.txt").write_text(SHIFTED, encoding="utf-8")
    made = tmp_path / "made.json"
    with AnnotationStore.open(made, annotator="ana") as store:
        store.save(annotate(OLD, 5, "ana", note="Analysts doubted"))
        store.save(annotate(OLD, 6, "ana", note="No comment", status="refuted"))
    assert run(capsys, "reanchor", str(folder), "--db", str(made))[0] == 0
    exported = tmp_path / "ana.json"
    assert run(capsys, "export", "--db", str(made), "-o", str(exported))[0] == 0
    records = json.loads(exported.read_text(encoding="utf-8"))["annotations"]
    assert [(r["index"], r["anchor_state"], "tagged_on" in r) for r in records] == [
        (6, "reanchored", False),
        (7, "check", True),
    ]
    code, out, err = run(
        capsys, "import", str(exported), "--db", location, "--articles", str(folder)
    )
    assert code == 0, err
    assert out.splitlines()[1] == (
        "made on other versions of the articles, re-anchored: 0 moved, 1 to check, 0 orphaned"
    )
    with open_store(location, "ana", read_only=True) as store:
        held = {a.index: (a.note, a.anchor_state) for a in store.all()}
        assert held == {6: ("Analysts doubted", "reanchored"), 7: ("No comment", "check")}
        assert store.orphans() == []
        (moved,) = [a for a in store.all() if a.anchor_state == "check"]
        tagged = versions_of([moved], store.history).of(moved)
        assert tagged is not None
        assert (tagged.article_sha256, tagged.index, tagged.quote) == (
            OLD.sha256,
            6,
            "No comment was given.",
        )
    again = tmp_path / "again.json"
    assert run(capsys, "export", "--db", location, "-o", str(again))[0] == 0
    records = json.loads(again.read_text(encoding="utf-8"))["annotations"]
    assert [r.get("tagged_on", {}).get("index") for r in records] == [None, 6]
    code, out, err = run(  # again: where the database holds it, merged as it is
        capsys, "import", str(exported), "--db", location, "--articles", str(folder)
    )
    assert (code, out.splitlines()[0].rpartition(": ")[2]) == (0, "added 0, updated 0, skipped 2")
    with open_store(location, "ana", read_only=True) as store:
        assert store.orphans() == [] and len(store.all()) == 2
