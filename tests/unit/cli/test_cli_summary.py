"""`workbench summary`: reads the store, writes Markdown or JSON, -o atomically."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from workbench.cli import summary as summary_command
from workbench.cli.common import Parser, store_options
from workbench.cli.main import main
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import load_corpus
from workbench.core.corpus.titles import short_titles


@pytest.fixture(autouse=True)
def gold_is_the_analyst(monkeypatch: pytest.MonkeyPatch) -> None:
    """The summary is the current analyst's by default: here, the gold annotations'."""
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "gold")


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
    # "He" (000, sentence 6) resolved on the bundled text the annotations were made on,
    # and "The Pentagon spokesman" (sentence 2) is the Pat Ryder the article names so
    assert (
        "| Air Force Maj. Gen. Pat Ryder | person | General Ryder; The Pentagon spokesman → "
        "Pat Ryder; "
        "he → Pat Ryder |"
    ) in report
    assert "| he |" not in report and "(unresolved" not in report


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
    summary = json.loads(target.read_text(encoding="utf-8"))
    rows = {row["id"]: row for row in summary["articles"]}
    assert rows["999_extra"]["sentences"] >= 2
    assert rows["999_extra"]["tagged"] == 0
    # The annotated articles not among the PATHs were not read: their annotations are
    # listed as "article missing" and counted nowhere else (QA finding 7).
    assert list(rows) == ["999_extra"] and summary["totals"]["annotations"] == 0
    missing = {entry["article_id"] for entry in summary["anchoring"]["article_missing"]}
    assert "000_e663f5f9bf7bc169" in missing


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
        "import sys, workbench.cli.summary, workbench.core.analysis.summary.build, "
        "workbench.core.analysis.summary.markdown; "
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


def exported(folder: Path, annotator: str, annotations: list[Annotation]) -> Path:
    """`workbench export` of a database holding `annotations` as `annotator`'s."""
    db, target = folder / f"{annotator}.json", folder / f"{annotator}-export.json"
    with AnnotationStore.open(db, annotator=annotator) as store:
        store.import_annotations(replace(a, annotator=annotator) for a in annotations)
    assert main(["export", "--db", str(db), "-o", str(target)]) == 0
    return target


@pytest.fixture(scope="module")
def two_analysts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The issue's case: alice's and bob's exports imported into one database. Bob marks
    one claim 'unverified' that alice 'supported', and tags one claim a denial."""
    folder = tmp_path_factory.mktemp("analysts")
    gold = load_gold()
    ryder = next(i for i, a in enumerate(gold) if "at least 10,000" in a.quote)
    alice = [replace(a, status="supported") if i == ryder else a for i, a in enumerate(gold)]
    bob = [replace(a, status="unverified") if i == ryder else a for i, a in enumerate(gold)]
    bob[0] = replace(bob[0], tags=("denial",))
    db = folder / "team.json"
    for name, theirs in (("alice", alice), ("bob", bob)):
        assert main(["import", str(exported(folder, name, theirs)), "--db", str(db)]) == 0
    return db


def summary_of(db: Path, tmp_path: Path, *extra: str) -> dict[str, Any]:
    target = tmp_path / "summary.json"
    argv = ("--db", str(db), "--format", "json", "-o", str(target), *extra)
    assert summary_command.run(parse(*argv)) == 0
    result: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return result


def test_one_analysts_summary_names_only_them(
    two_analysts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert summary_command.run(parse("--db", str(two_analysts), "--annotator", "bob")) == 0
    report = capsys.readouterr().out
    assert "Analyst: bob." in report and "by bob:" in report
    assert "alice" not in report
    bob = summary_of(two_analysts, tmp_path, "--annotator", "bob")
    assert bob["annotator"] == "bob" and bob["totals"]["annotators"] == ["bob"]
    assert bob["totals"]["annotations"] == bob["totals"]["sentences"] == len(load_gold())
    members = [m for g in bob["ledger"] for m in g["members"]]
    assert {m["key"][0] for m in members} == {"bob"}
    assert len({(m["article_id"], m["index"]) for m in members}) == len(members)


def test_all_analysts_count_each_sentence_once_and_show_disagreements(
    two_analysts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    everyone = summary_of(two_analysts, tmp_path, "--annotator", "all")
    totals = everyone["totals"]
    assert everyone["annotator"] is None and totals["annotators"] == ["alice", "bob"]
    assert totals["annotations"] == 2 * len(load_gold())
    assert totals["sentences"] == len(load_gold()), "counts never double"
    assert totals["disagreements"] == 2
    lines = [m for g in everyone["ledger"] for m in g["members"]]
    agreed = [m for m in lines if not m["disagreement"]]
    assert agreed and all(m["annotators"] == ["alice", "bob"] for m in agreed)
    ryder = [m for m in lines if "at least 10,000" in m["quote"]]
    assert sorted((m["annotators"], m["status"]) for m in ryder) == [
        (["alice"], "supported"),
        (["bob"], "unverified"),
    ]
    assert all(m["disagreement"] and m["others"] for m in ryder)
    assert summary_command.run(parse("--db", str(two_analysts), "--annotator", "all")) == 0
    report = capsys.readouterr().out
    assert "All analysts: alice, bob." in report
    assert "judged 2 sentence(s) differently" in report
    # each ≠ line says what differs, and how the others judged it (qa5 Q2)
    assert (
        "· supported · alice ≠ (status supported; bob: unverified): In early November, "
        "General Ryder"
    ) in report
    assert (
        "· unverified · bob ≠ (status unverified; alice: supported): In early November, "
        "General Ryder"
    ) in report
    assert "  - ≠ bob judged it: denial, " in report, "a judgement not on a line of its own"


def test_an_analyst_with_no_annotations_is_told_who_has_some(
    two_analysts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qa7 Q9: a misspelt --annotator wrote a report of nothing ("No conflicting figures",
    exit 0): refused, naming who the database holds."""
    assert summary_command.run(parse("--db", str(two_analysts), "--annotator", "carol")) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1
    assert "no annotations by carol" in captured.err and "alice, bob" in captured.err
    assert captured.out == ""


def test_a_login_with_no_annotations_is_said_in_the_report_too(
    two_analysts: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """qa13 Q5: `summary -o sum.md` as a login with no annotations on a desk's database
    wrote "No conflicting figures" and "No claims", exit 0; only stderr said whose the
    annotations were. The file now says so itself."""
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "carol")
    said = "No annotations by carol in "
    target = tmp_path / "sum.md"
    assert summary_command.run(parse("--db", str(two_analysts), "-o", str(target))) == 0
    report = target.read_text(encoding="utf-8")
    assert said in report and "analysts there: alice, bob" in report
    assert report.index(said) < report.index("No conflicting figures")
    assert "no annotations by carol" in capsys.readouterr().err
    caveats = summary_of(two_analysts, tmp_path)["caveats"]
    assert any(caveat.startswith(said) for caveat in caveats)


def test_decisions_are_the_analysts_own(two_analysts: Path, tmp_path: Path) -> None:
    copy = tmp_path / "team.json"
    for path in two_analysts.parent.glob("team.json*"):
        if path.suffix != ".lock":
            (tmp_path / path.name).write_bytes(path.read_bytes())
    before = summary_of(copy, tmp_path, "--annotator", "bob")
    singles = [g["id"] for g in before["ledger"] if len(g["members"]) == 1][:2]
    with AnnotationStore.open(copy, annotator="bob") as store:
        store.save_ledger_decision({"action": "merge", "groups": singles})
    assert (
        len(summary_of(copy, tmp_path, "--annotator", "bob")["ledger"]) == len(before["ledger"]) - 1
    )
    alice = summary_of(copy, tmp_path, "--annotator", "alice")
    assert alice["ignored_decisions"] == [], "bob's decision is not alice's"


def test_without_paths_only_the_articles_the_database_knows_are_listed(tmp_path: Path) -> None:
    """QA: a database that only knew `story` (imported, never opened) was summarised with
    the five bundled articles it never used."""
    from workbench.core.annotation import Anchor

    text = "Story title\n\nRussia said 500 soldiers crossed. The claim could not be verified.\n"
    path = tmp_path / "db.json"
    with AnnotationStore.open(path, annotator="gold") as store:
        anchor = Anchor.in_text("story", "a" * 64, text, 1, 13, 46)
        store.import_annotations([Annotation.new(anchor, "gold", tags=("claim",))])
    target = tmp_path / "summary.json"
    assert summary_command.run(parse("--db", str(path), "--format", "json", "-o", str(target))) == 0
    summary = json.loads(target.read_text(encoding="utf-8"))
    assert [row["id"] for row in summary["articles"]] == ["story"]


def test_without_paths_stale_sentence_numbers_are_said(
    database: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """QA pass 2: `summary` without PATH reads no article, so its sentence numbers are
    where the annotations were stored; unlike `export`, it said nothing, also when the
    store had seen a newer text of an article (a re-anchoring undone)."""
    copy = tmp_path / "annotations.json"
    copy.write_bytes(database.read_bytes())
    for name in ("journal", "history"):
        found = database.with_name(f"{database.name}.{name}")
        if found.exists():
            copy.with_name(f"{copy.name}.{name}").write_bytes(found.read_bytes())
    assert main(["summary", "--db", str(copy)]) == 0
    assert capsys.readouterr().err == ""  # a script's log gets nothing
    with monkeypatch.context() as patch:
        patch.setattr(sys.stderr, "isatty", lambda: True)
        assert main(["summary", "--db", str(copy)]) == 0
        assert "sentences as stored (no article was read)" in capsys.readouterr().err
    with AnnotationStore.open(copy, annotator="gold") as store:
        first = store.all()[0]
        store.remember_article(first.article_id, "changed", "f" * 64, 3)  # seen, not re-anchored
        stale = len(store.for_article(first.article_id))
    assert main(["summary", "--db", str(copy)]) == 0
    assert (
        f"workbench: {stale} annotation(s) were made on an older text of their article than "
        "the one last opened, and are summarised where they were stored"
    ) in capsys.readouterr().err


@pytest.mark.parametrize("command", ["summary", "export --articles ARTICLES", "reanchor ARTICLES"])
def test_a_misspelt_settings_section_is_refused_by_commands(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    """qa4 Q5: `[ledgr]` left the analyst's claim_threshold unapplied, without a word,
    in a report for publication; a command refuses it as it does an unknown key."""
    config = tmp_path / "config"
    (config / "workbench").mkdir(parents=True)
    (config / "workbench" / "settings.toml").write_text("[ledgr]\nclaim_threshold = 90\n")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    db = tmp_path / "annotations.json"
    with AnnotationStore.open(db, annotator="ana"):
        pass
    articles = str(Path(__file__).resolve().parents[3] / "articles")
    argv = [part.replace("ARTICLES", articles) for part in command.split()]
    assert main([*argv, "--db", str(db)]) == 1
    assert "line 1: unknown section '[ledgr]' (did you mean [ledger]?)" in capsys.readouterr().err


def test_the_report_names_articles_not_read_by_title_and_leaves_their_text_out(
    database: Path, tmp_path: Path
) -> None:
    """qa9 Q19: the report of one story ended with every annotation of another story in
    the same database, its tagged text under ids ("Article missing (171)"). Now one line
    per article not read, by the title the database remembers, and none of their text."""
    article = tmp_path / "999_extra.txt"
    article.write_text("Extra article.\n\nOne sentence. Two sentences.\n", encoding="utf-8")
    target = tmp_path / "report.md"
    assert summary_command.run(parse("--db", str(database), "-o", str(target), str(article))) == 0
    report = target.read_text(encoding="utf-8")
    gold = load_gold()
    section = report[report.index("## Article missing") :]
    assert section.startswith(f"## Article missing ({len(gold)})")
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
    corpus = load_corpus()
    short = short_titles((a.id, a.title) for a in corpus)
    expected = [
        f"| {short[article_id]} | {sum(a.article_id == article_id for a in gold)} | gold |"
        for article_id in dict.fromkeys(a.article_id for a in gold)
    ]
    assert rows == expected
    assert not any(a.quote in report for a in gold if a.index > 0)
    assert "000_e663f5f9bf7bc169" not in report


def test_a_claim_whose_number_no_float_holds_is_summarised(tmp_path: Path) -> None:
    """tr16 T2: a claimed sentence of a hostile article with a 400-digit number ended
    `workbench summary` in a traceback (OverflowError), so no summary of the database
    could be made while it was tagged; its number now counts nothing."""
    from workbench.core.annotation import Anchor

    article_path = tmp_path / "huge.txt"
    article_path.write_text(
        f"Ages\n\nThe ministry said the soldier was {'9' * 400} years old.\n", encoding="utf-8"
    )
    (article,) = load_corpus([article_path]).articles
    sentence = article.sentences[1]
    anchor = Anchor.in_text(
        article.id, article.sha256, article.text, sentence.index, sentence.start, sentence.end
    )
    path = tmp_path / "db.json"
    with AnnotationStore.open(path, annotator="gold") as store:
        store.save(Annotation.new(anchor, "gold", tags=("claim",), source="The ministry"))
    target = tmp_path / "out.json"
    args = parse("--db", str(path), "--format", "json", "-o", str(target), str(article_path))
    assert summary_command.run(args) == 0
    summary = json.loads(target.read_text(encoding="utf-8"))
    assert summary["totals"]["annotations"] == 1 and summary["conflicts"] == []


def test_a_text_pasted_whole_as_an_imported_claim_is_summarised_its_figures_named_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """lq18: an imported claim on an article outside the corpus is summarised from its
    stored quote; read for figures, a 1.78 MB one held `workbench summary` for minutes.
    Longer than any sentence, its figures are not read (every read point refuses here),
    and the report and the JSON name it."""
    from tests.fixtures.long_quotes import on_own_article, refuse_long_reads, repeated
    from workbench.core.corpus.article_info import ArticleInfo
    from workbench.core.interchange.export.formats import render
    from workbench.core.interchange.export.prepare import prepare_export

    refuse_long_reads(monkeypatch)
    claim = on_own_article("pasted", repeated(2_000_000), "Ukrainian intelligence")
    articles = {"pasted": ArticleInfo("pasted", "Pasted text", "a" * 64)}
    document = tmp_path / "pasted.json"
    document.write_bytes(render("json", prepare_export([claim], None, articles)))
    db = tmp_path / "annotations.json"
    assert main(["import", str(document), "--db", str(db)]) == 0
    target = tmp_path / "summary.json"
    assert main(["summary", "--db", str(db), "--annotator", "ana", "-o", str(target)]) == 0
    summary = json.loads(target.read_text(encoding="utf-8"))
    assert [len(group["members"]) for group in summary["ledger"]] == [1]  # still a claim
    assert summary["ledger"][0]["figures"] == []
    possible = summary["possible_conflicts"]
    assert possible["sentences_not_read"] == [{"article_id": "pasted", "index": 1}]
    capsys.readouterr()
    assert main(["summary", "--db", str(db), "--annotator", "ana"]) == 0
    report = capsys.readouterr().out
    assert "their figures were not read at all" in report
    assert "(“pasted”, sentence 2)." in report  # by its id, as the ledger names it


def test_without_paths_the_bundled_articles_read_are_named_at_a_terminal(
    database: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """polish20: a database that remembers no article is summarised on the bundled
    articles, and nothing said which articles were read, nor where they are."""
    from workbench.core.corpus.articles import bundled_articles

    path = tmp_path / "fresh.json"
    with AnnotationStore.open(path, annotator="gold") as store:
        store.import_annotations(load_gold())
        assert store.articles() == []
    assert main(["summary", "--db", str(path), "-o", str(tmp_path / "script.md")]) == 0
    assert capsys.readouterr().err == ""  # a script's log gets nothing
    with monkeypatch.context() as patch:
        patch.setattr(sys.stderr, "isatty", lambda: True)
        assert main(["summary", "--db", str(path), "-o", str(tmp_path / "person.md")]) == 0
        said = capsys.readouterr().err
        assert (
            "workbench: the database remembers no article and no PATH was given: read the "
            f"bundled articles, in {bundled_articles()}\n"
        ) in said
        assert main(["summary", "--db", str(database), "-o", str(tmp_path / "remembered.md")]) == 0
        assert "bundled" not in capsys.readouterr().err, "no article read: none named"
    person, script = (tmp_path / "person.md").read_text(), (tmp_path / "script.md").read_text()
    assert person == script, "the report is the same wherever stderr goes"
