"""`workbench export`: every format from a real database, filters, -o, and errors."""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from store import AnnotationStore
from workbench.cli.main import main
from workbench.core.annotation import Anchor, Annotation
from workbench.core.interchange.export.schema import validator

TEXT = "Officials said 40 troops left. [Mr. Putin] denied it. Nothing else happened."
SHA = hashlib.sha256(TEXT.encode()).hexdigest()
SPANS = [(0, 30), (31, 53), (54, len(TEXT))]


def annotation(index: int, annotator: str, **values: Any) -> Annotation:
    start, end = SPANS[index]
    return Annotation.new(
        Anchor.in_text("story", SHA, TEXT, index, start, end), annotator, **values
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "annotations.json"
    with AnnotationStore.open(path, annotator="ana") as store:
        store.remember_article("story", "A story", SHA, 3)
        store.save(annotation(0, "ana", tags=("claim", "attribution"), source="Officials"))
        store.save(annotation(1, "ana", tags=("denial",), status="refuted"))
        store.save(annotation(0, "ana", tags=("claim",), source="Officials", status="supported"))
    with AnnotationStore.open(path, annotator="bob") as store:
        store.save(annotation(2, "bob", tags=("claim",), status="disputed"))
    return path


def export(capsysbinary: pytest.CaptureFixture[bytes], *arguments: str) -> tuple[int, bytes, str]:
    code = main(["export", *arguments])
    captured = capsysbinary.readouterr()
    return code, captured.out, captured.err.decode()


def test_default_is_a_valid_json_document_on_stdout(
    db: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, out, err = export(capsysbinary, "--db", str(db))
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert list(validator().iter_errors(document)) == []
    keys = [(a["annotator"], a["index"]) for a in document["annotations"]]
    assert keys == [("ana", 0), ("ana", 1), ("bob", 2)]
    assert document["annotations"][0]["status"] == "supported"
    assert document["articles"] == [
        {"id": "story", "title": "A story", "sha256": SHA, "sentences": 3}
    ]
    assert "history" not in document


def test_history_on_request(db: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = export(capsysbinary, "--db", str(db), "--history")
    document = json.loads(out)
    assert code == 0
    assert list(validator().iter_errors(document)) == []
    assert [entry["action"] for entry in document["history"]] == ["save"] * 4
    assert document["history"][2]["before"]["tags"] == ["claim", "attribution"]


def test_jsonl_lines_are_valid(db: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = export(capsysbinary, "--db", str(db), "--format", "jsonl")
    header, *records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert list(validator("jsonl_header").iter_errors(header)) == []
    assert len(records) == 3
    assert all(not list(validator("annotation").iter_errors(record)) for record in records)


def test_w3c_and_claimreview(db: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    _, out, _ = export(capsysbinary, "--db", str(db), "--format", "w3c")
    assert json.loads(out)["total"] == 3
    _, out, _ = export(capsysbinary, "--db", str(db), "--format", "claimreview")
    reviews = json.loads(out)["@graph"]
    assert [review["reviewRating"]["alternateName"] for review in reviews] == [
        "Supported",
        "Disputed",
    ]
    assert reviews[0]["itemReviewed"]["appearance"]["headline"] == "A story"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (["--annotator", "bob"], [("bob", 2)]),
        (["--tag", "denial"], [("ana", 1)]),
        (["--tag", "denial", "--tag", "claim"], [("ana", 0), ("ana", 1), ("bob", 2)]),
        (["--status", "refuted", "--status", "disputed"], [("ana", 1), ("bob", 2)]),
        (["--article", "story", "--annotator", "ana", "--tag", "claim"], [("ana", 0)]),
        (["--tag", "claim", "--status", "refuted"], []),
    ],
)
def test_filters(
    db: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
    filters: list[str],
    expected: list[tuple[str, int]],
) -> None:
    code, out, _ = export(capsysbinary, "--db", str(db), *filters)
    assert code == 0
    assert [(a["annotator"], a["index"]) for a in json.loads(out)["annotations"]] == expected


def test_a_filter_that_matches_nothing_is_said(
    db: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """qa5 Q18: a misspelt analyst or article wrote an empty export without a word; qa7
    Q9: then with a word, but exit 0 and an empty file to send on. Refused, nothing out."""
    code, out, err = export(capsysbinary, "--db", str(db), "--annotator", "Ana")
    assert code == 1 and out == b""
    assert err == f"workbench: no annotations by Ana in {db}; analysts there: ana, bob\n"
    target = db.parent / "stroy.json"
    code, out, err = export(capsysbinary, "--db", str(db), "--article", "stroy", "-o", str(target))
    assert code == 1 and not target.exists()
    assert "no annotations of article stroy" in err and "articles there: story" in err
    code, out, err = export(capsysbinary, "--db", str(db), "--annotator", "bob")
    assert err == ""


def test_a_claimreview_export_without_a_review_says_why(
    db: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """qa5 Q10: an empty graph, exit 0, and nothing said."""
    code, out, err = export(
        capsysbinary, "--db", str(db), "--format", "claimreview", "--annotator", "ana",
        "--status", "refuted",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["@graph"] == []
    assert "no ClaimReview written: only a claim with a verdict" in err
    assert "none of the 1 annotation(s) selected has one" in err
    code, out, err = export(
        capsysbinary, "--db", str(db), "--format", "claimreview", "--tag", "claim"
    )
    assert len(json.loads(out)["@graph"]) == 2 and err == ""  # every one selected a review


def test_a_claimreview_export_says_how_many_annotations_it_left_out(
    db: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """qa18 F14: 1 review of 169 annotations written, the other 168 said nowhere."""
    code, out, err = export(capsysbinary, "--db", str(db), "--format", "claimreview")
    assert code == 0 and len(json.loads(out)["@graph"]) == 2
    assert err == (
        "workbench: 1 annotation(s) left out: ClaimReview holds only claims with a verdict "
        "(supported, refuted, disputed, inconclusive); json and jsonl keep them\n"
    )


def test_output_file_is_written_atomically(
    db: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    code, out, err = export(capsysbinary, "--db", str(db), "-o", str(target))
    assert (code, out, err) == (0, b"", "")
    assert len(json.loads(target.read_bytes())["annotations"]) == 3
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def test_errors_are_one_line_and_exit_1(
    db: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    missing = tmp_path / "none.json"
    assert export(capsysbinary, "--db", str(missing)) == (
        1,
        b"",
        f"workbench: no annotation database at {missing} (give one with --db FILE or URL)\n",
    )
    assert not missing.exists()
    code, _, err = export(capsysbinary, "--db", str(db), "--format", "w3c", "--history")
    assert (code, err) == (1, "workbench: --history is only available with --format json\n")
    code, _, err = export(capsysbinary, "--db", str(db), "-o", str(tmp_path / "no" / "out.json"))
    assert code == 1
    assert err.startswith(f"workbench: cannot write {tmp_path / 'no' / 'out.json'}: ")
    assert err.count("\n") == 1


def test_a_database_in_use_is_exported_read_only_and_not_touched(
    db: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    before = db.read_bytes()
    with AnnotationStore.open(db, annotator="ana") as holder:
        code, out, err = export(capsysbinary, "--db", str(db), "--format", "jsonl")
        assert (code, err) == (0, "")
        assert out.count(b"\n") == 1 + holder.count()
    assert db.read_bytes() == before


def test_environment_names_the_database(
    db: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_DB", str(db))
    code, out, _ = export(capsysbinary, "--format", "jsonl")
    assert code == 0
    assert len(out.splitlines()) == 4


def test_the_command_offers_exactly_the_registered_formats(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    from workbench.core.interchange.export.formats import FORMATS

    code, _out, err = export(capsysbinary, "--format", "xml")
    assert code == 2
    assert f"choose from {', '.join(map(repr, FORMATS))}" in err


def test_without_articles_a_person_is_told_the_positions_are_as_stored(
    db: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: after an article changed, export wrote its old positions as current with no
    word. Without --articles no article is read, so that is said at a terminal (not
    into a script's log: stderr piped gets nothing)."""
    assert export(capsysbinary, "--db", str(db))[2] == ""
    # The terminal is the stream under the command's TerminalStream, which always says
    # False (QA pass 2: patching TerminalStream here hid that the note never showed).
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, _, err = export(capsysbinary, "--db", str(db), "-o", str(db.with_name("out.json")))
    assert (code, err) == (
        0,
        "workbench: positions are as stored (no article was read); --articles PATH places "
        "them on the articles as they are now\n",
    )


def test_annotations_on_an_older_text_than_the_store_has_seen_are_always_named(
    db: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    with AnnotationStore.open(db, annotator="ana") as store:
        store.remember_article("story", "A story", "f" * 64, 3)  # seen changed, not re-anchored
    code, out, err = export(capsysbinary, "--db", str(db))
    assert code == 0 and len(json.loads(out)["annotations"]) == 3
    assert err == (
        "workbench: 3 annotation(s) were made on an older text of their article than the one "
        "last opened, and are exported as stored; --articles PATH places them on the "
        "articles as they are now\n"
    )


@pytest.mark.parametrize("command", ["export", "summary"])
@pytest.mark.parametrize("suffix", ["", ".history", ".journal"])
def test_output_over_the_database_or_its_files_is_refused(
    db: Path, capsysbinary: pytest.CaptureFixture[bytes], command: str, suffix: str
) -> None:
    """qa4 Q8: `-o` onto the database replaced it by the report, with exit status 0."""
    target = db.with_name(db.name + suffix)
    before = {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file()}
    status = main([command, "--db", str(db), "-o", str(target)])
    error = capsysbinary.readouterr().err.decode()
    assert status == 1
    assert f"{target} is " in error and "choose another file" in error
    assert {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file()} == before


USER_FILES = {
    "settings": ("WORKBENCH_SETTINGS", "settings.toml", "[ledger]\nclaim_threshold = 70\n"),
    "keymap": ("WORKBENCH_KEYMAP", "keymap.toml", 'toggle_claim = "1"\n'),
    "state": ("XDG_STATE_HOME", "workbench/state.json", '{"export_folder": "/tmp"}'),
    "key": ("XDG_STATE_HOME", "workbench/snapshot.key", "k" * 32),
}


@pytest.mark.parametrize("command", ["export", "summary"])
@pytest.mark.parametrize("kind", USER_FILES)
@pytest.mark.parametrize("named", ["as it is", "by a link"])
def test_output_over_a_file_of_the_users_workbench_is_refused(
    db: Path,
    tmp_path: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    kind: str,
    named: str,
) -> None:
    """polish19: `export -o settings.toml` replaced the settings by an export, exit 0,
    and every command after it stopped on "not a valid TOML settings file"."""
    variable, name, text = USER_FILES[kind]
    home = tmp_path / "home"
    own = home / name
    own.parent.mkdir(parents=True)
    own.write_text(text)
    monkeypatch.setenv(variable, str(home if variable == "XDG_STATE_HOME" else own))
    target = own
    if named == "by a link":
        target = tmp_path / "link.json"
        target.symlink_to(own)
    status = main([command, "--db", str(db), "-o", str(target)])
    error = capsysbinary.readouterr().err.decode()
    assert status == 1
    assert error.startswith(f"workbench: {target} is workbench's ")
    assert error.endswith(f"({own}): writing there would replace it; choose another file\n")
    assert error.count("\n") == 1
    assert own.read_text() == text


def test_output_over_an_ordinary_file_replaces_it_as_documented(
    db: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """An existing file that is none of workbench's is replaced whole, as `>` would:
    scripts export to the same file again (docs/export.md)."""
    target = tmp_path / "notes.json"
    target.write_text("an older export, or anything")
    assert export(capsysbinary, "--db", str(db), "-o", str(target))[:2] == (0, b"")
    assert len(json.loads(target.read_bytes())["annotations"]) == 3


@pytest.mark.parametrize("command", ["export", "summary"])
@pytest.mark.parametrize(
    ("target", "said"),
    [
        ("story.txt", "is one of the articles read: writing there would replace it"),
        ("report.md", "where the articles are read from: it would be read as an article"),
    ],
)
def test_output_over_or_among_the_articles_read_is_refused(
    db: Path,
    tmp_path: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
    command: str,
    target: str,
    said: str,
) -> None:
    """qa6 Q21: `-o corp/kursk.txt` replaced the article by the report (exit 0), and a
    report written into the articles' folder was read as an article the next time."""
    corpus = tmp_path / "corp"
    corpus.mkdir()
    (corpus / "story.txt").write_text("A story\nThe ministry said 3,000 troops arrived.\n")
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    paths = ["--articles", str(corpus)] if command == "export" else [str(corpus)]
    status = main([command, *paths, "--db", str(db), "-o", str(corpus / target)])
    assert status == 1
    assert said in capsysbinary.readouterr().err.decode()
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before


def test_a_summary_of_paths_that_hold_no_article_is_refused(
    db: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """qa6 Q8: a mistyped PATH gave a report of nothing ("No conflicting figures"), exit 0."""
    status = main(["summary", str(tmp_path / "nofolder"), "--db", str(db)])
    captured = capsysbinary.readouterr()
    assert (status, captured.out) == (1, b"")
    assert f"no articles found in {tmp_path / 'nofolder'}" in captured.err.decode()


@pytest.mark.parametrize("format_name", ["json", "jsonl", "w3c", "claimreview"])
def test_standard_output_never_carries_what_a_terminal_obeys(
    db: Path, capsysbinary: pytest.CaptureFixture[bytes], format_name: str
) -> None:
    """qa4 Q11: piped (`| head`, `| cat`) an export's C1 controls and bidi overrides
    reached the terminal raw; escaped the JSON way, they decode to the same value."""
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(
            annotation(2, "ana", tags=("claim",), note="\x9b31m red \u202e", source="\u2066X")
        )
    status, out, _ = export(capsysbinary, "--db", str(db), "--format", format_name)
    assert status == 0
    for raw in ("\x9b", "\u202e", "\u2066"):
        assert raw.encode() not in out
    values = [json.loads(line) for line in out.splitlines() if line.strip()]
    if format_name != "claimreview":  # a ClaimReview holds no note or source
        assert "\x9b31m red \u202e" in json.dumps(values, ensure_ascii=False), "same value"


def test_a_history_record_rewritten_in_place_is_never_exported_as_the_audit_trail(
    db: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """tr7 T5: a history record rewritten in place (bob's name changed to another
    analyst's, the line's own checksum recomputed, the same length) was exported as the
    audit trail without a word, and repair reported "Lost: nothing" over it."""
    from store import line_format

    history = db.with_name(db.name + ".history")
    lines = history.read_bytes().splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if b'"annotator":"bob"' in line)
    record = line_format.decode(lines[at])
    record["annotator"] = "eve"
    lines[at] = line_format.encode(record)
    history.write_bytes(b"".join(lines))
    code, out, err = export(capsysbinary, "--db", str(db), "--history")
    assert (code, out) == (1, b"")
    assert "checksum fails), though each record passes its own" in err
    assert main(["repair", "--db", str(db)]) == 0
    report = capsysbinary.readouterr().out.decode()
    assert "a record was changed in place, and which one cannot be told" in report


def test_the_output_file_s_suffix_chooses_the_format_or_refuses_a_contradiction(
    db: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """qa6 Q31: `export -o x.jsonl` wrote json, which import then refused with a schema
    error, and `summary -o s.json` wrote Markdown."""
    lines = tmp_path / "x.jsonl"
    assert export(capsysbinary, "--db", str(db), "-o", str(lines))[0] == 0
    header, *records = [json.loads(line) for line in lines.read_text().splitlines()]
    assert len(records) == 3 and "annotations" not in header
    code, _, err = export(capsysbinary, "--db", str(db), "--format", "json", "-o", str(lines))
    assert code == 1 and "names a jsonl file, but --format json was given" in err
    assert (
        export(capsysbinary, "--db", str(db), "--format", "w3c", "-o", str(tmp_path / "w.json"))[0]
        == 0
    )
    report = tmp_path / "s.json"
    assert main(["summary", "--db", str(db), "-o", str(report)]) == 0
    assert json.loads(report.read_text())
    assert main(["summary", "--db", str(db), "--format", "md", "-o", str(report)]) == 1
    assert "names a json file, but --format md was given" in capsysbinary.readouterr().err.decode()


def test_an_audit_trail_that_restarted_says_where_it_starts(
    db: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """tr7 T8: once a writer restarted a deleted history, `export --history` gave an
    audit trail starting part-way with no word, as if the earlier changes never were."""
    db.with_name(db.name + ".history").unlink()
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(annotation(2, "ana", tags=("claim",)))
    code, out, err = export(capsysbinary, "--db", str(db), "--history")
    assert code == 0 and json.loads(out)["history"]
    assert "the history starts at change 5: the record of the changes before it was lost" in err
    code, _, err = export(capsysbinary, "--db", str(db))
    assert "history starts" not in err  # said only where the history is exported


def test_a_summary_names_a_missing_article_found_under_another_file_name(
    db: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """qa6 Q26: an article file renamed (an analyst dating it) had its annotations listed
    as "article missing" and dropped from every count, without a word."""
    corpus = tmp_path / "corp"
    corpus.mkdir()
    (corpus / "story-2024-11-20.txt").write_text(TEXT)
    assert main(["summary", str(corpus), "--db", str(db), "--annotator", "all"]) == 0
    captured = capsysbinary.readouterr()
    said = "story is not among the articles read, but story-2024-11-20 has the text"
    assert said in captured.err.decode() and said in captured.out.decode()


@pytest.mark.parametrize("name", ["bob\u200b", "All", "bob ", "bob\u00a0"])
def test_an_analyst_name_the_import_refuses_is_never_exported_into_a_file_it_refuses(
    db: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], name: str
) -> None:
    """tr10 T4's names part: a name an older workbench took ("bob" with a zero-width
    space, "All") opened and was exported into a file its own import refused. The
    export that would carry it says so, naming the analyst, and writes nothing; the
    other analysts' export, and a format no import reads, are written as before."""
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(annotation(2, name, tags=("claim",)))
    for suffix in ("json", "jsonl"):
        target = tmp_path / f"out.{suffix}"
        code, _out, err = export(capsysbinary, "--db", str(db), "-o", str(target))
        assert code == 1 and not target.exists()
        assert "nothing exported: 1 annotation(s) are by an analyst whose name" in err
        assert repr(name) in err and "--annotator NAME" in err and "copy-db" in err
    assert export(capsysbinary, "--db", str(db), "--format", "w3c")[0] == 0
    others = tmp_path / "others.json"
    assert export(capsysbinary, "--db", str(db), "--annotator", "bob", "-o", str(others))[0] == 0
    assert main(["import", str(others), "--db", str(tmp_path / "fresh.json")]) == 0
    # the way on that the refusal names: the whole database copied as it is, verified
    copied = tmp_path / "copy" / "annotations.json"
    code = main(["copy-db", str(db), str(copied)])
    assert code == 0 and "verified" in capsysbinary.readouterr().out.decode()


def beyond(index: int) -> Annotation:
    """An annotation of sentence 2's span that says it is at `index`."""
    start, end = SPANS[1]
    anchor = Anchor.in_text("story", SHA, TEXT, index, start, end)
    return Annotation.new(anchor, "ana", tags=("claim",))


@pytest.mark.parametrize(
    ("damaged", "said"),
    [
        (  # tr11 T8: a server row's sentence set to 1000 by SQL was exported as whole
            beyond(1000),
            "'ana' on article 'story', sentence 1001 has index 1000 (sentence 1001), "
            "beyond its article's 3 sentences",
        ),
        (  # tr11 T8: stamped by a machine whose clock was ahead
            replace(
                annotation(2, "ana", tags=("claim",)), created_at="2030-01-01T00:00:00.000000Z"
            ),
            "'ana' on article 'story', sentence 3 has created_at 2030-01-01T00:00:00.000000Z, "
            "in the future",
        ),
    ],
)
def test_a_record_the_import_refuses_against_its_article_or_clock_is_never_exported(
    db: Path,
    tmp_path: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
    damaged: Annotation,
    said: str,
) -> None:
    """tr11 T8: an index past its article's sentences on the text the export's article
    list names, or a time in the future, was exported with exit 0 into a file its own
    import refused. The export writes nothing and names the record."""
    with AnnotationStore.open(db, annotator="ana") as store:
        store.import_annotations([damaged])  # as written: the store's own save stamps now
    target = tmp_path / "out.json"
    code, _out, err = export(capsysbinary, "--db", str(db), "-o", str(target))
    assert code == 1 and not target.exists()
    assert "nothing exported: the annotation of " + said in err and "copy-db" in err
    others = tmp_path / "others.json"
    assert export(capsysbinary, "--db", str(db), "--annotator", "bob", "-o", str(others))[0] == 0


def test_help_says_export_takes_every_analyst_unless_annotator_names_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """qa14 Q14: the option's help said "(default: $WORKBENCH_ANNOTATOR, else your login
    name)" and the lines below it "(default: every analyst)"; export takes every analyst
    whatever WORKBENCH_ANNOTATOR says."""
    assert main(["export", "--help"]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert (
        "--annotator NAME only this analyst's annotations (default, or `all`: every analyst's"
        in shown
    )
    assert "$WORKBENCH_ANNOTATOR" not in shown
    assert main(["summary", "--help"]) == 0
    assert "(default: $WORKBENCH_ANNOTATOR" in " ".join(capsys.readouterr().out.split())
