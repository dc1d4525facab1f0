"""qa18 F5: opened on another story's folder, the summary screen said "1 merge/split
decision(s) no longer apply" and the report put the analyst's merge on the Kursk
articles under "Decisions that no longer apply: … whose claim groups or claims are
gone": nothing was gone, those articles were only not read here (the database holds
two stories). A decision all of whose sentences are on articles the summary did not
read is now said to be on articles not read, apart from those that no longer apply."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Static

from store import AnnotationStore
from tests.fixtures.anchored import run
from tests.fixtures.gold import load_gold
from tests.functional.test_summary_screen import open_summary
from workbench.config.settings import SuggestionSettings
from workbench.core.analysis.summary.build import build_summary
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.core.corpus.titles import shorten
from workbench.tui.app import WorkbenchApp

FLOOD = (
    "Mayor Says Flood Killed 47 in Riverton\n"
    "The Interior Ministry said on Wednesday that 14 people had died.\n"
)


def two_stories(bundled: Corpus, store: AnnotationStore) -> None:
    """The bundled story's gold annotations and one merge of two of its claims."""
    gold = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    store.import_annotations(gold)
    claims = [note for note in store.all() if "claim" in note.tags][:2]
    summary = build_summary(store.all(), ())
    groups = [
        next(g for g in summary.ledger if any(m.key == note.key for m in g.members))
        for note in claims
    ]
    store.save_ledger_decision(
        {
            "action": "merge",
            "groups": [g.group_id for g in groups],
            "members": [[[n.article_id, n.index]] for n in claims],
        }
    )


async def test_a_merge_on_another_storys_articles_is_not_said_gone(
    bundled: Corpus, store: AnnotationStore, tmp_path: Path
) -> None:
    two_stories(bundled, store)
    (tmp_path / "flood.txt").write_text(FLOOD, encoding="utf-8")
    other = load_corpus([tmp_path / "flood.txt"])
    app = WorkbenchApp(
        store, corpus=other, keymap={}, suggestions=SuggestionSettings(enabled=False)
    )
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_summary(app, pilot)
        assert screen.summary is not None and screen.summary.ignored_decisions
        status = str(screen.query_one("#summary-status", Static).render())
        assert "1 ledger decision(s) on articles not read" in status
        assert "no longer apply" not in status


def test_the_report_lists_it_apart_from_decisions_that_no_longer_apply(
    bundled: Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="tester") as store:
        two_stories(bundled, store)
    flood = tmp_path / "flood"
    flood.mkdir()
    (flood / "flood.txt").write_text(FLOOD, encoding="utf-8")
    code, out, err = run(capsys, "summary", str(flood), "--db", str(db), "--annotator", "tester")
    assert code == 0, err
    assert "## Decisions that no longer apply" not in out
    assert "## Decisions on articles not read" in out
    assert "- merge of 2 claim groups" in out
    code, out, err = run(capsys, "summary", "--db", str(db), "--annotator", "tester")
    assert code == 0, err
    assert "## Decisions on articles not read" not in out, "applied where its articles are read"
    assert "## Decisions that no longer apply" not in out


def across_two_articles(bundled: Corpus, store: AnnotationStore) -> tuple[str, str]:
    """The bundled gold annotations and one merge of a claim of article 000 with a claim of
    article 003; returns the two articles' ids."""
    gold = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    store.import_annotations(gold)
    for article in bundled:  # as the app does when it opens them
        store.remember_article(article.id, article.title, article.sha256, len(article.sentences))
    claims = [note for note in store.all() if "claim" in note.tags]
    first = next(n for n in claims if n.article_id.startswith("000_"))
    second = next(n for n in claims if n.article_id.startswith("003_"))
    summary = build_summary(store.all(), ())
    groups = [
        next(g for g in summary.ledger if any(m.key == note.key for m in g.members))
        for note in (first, second)
    ]
    assert groups[0].group_id != groups[1].group_id
    store.save_ledger_decision(
        {
            "action": "merge",
            "groups": [g.group_id for g in groups],
            "members": [[[n.article_id, n.index]] for n in (first, second)],
        }
    )
    return first.article_id, second.article_id


def test_a_merge_with_one_article_not_read_is_not_applied_here_and_names_its_claims(
    bundled: Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qa20 #9: a merge of a claim of an article read with one of an article not read was
    listed under "Decisions that no longer apply" as "merge of 2 claim groups": it applies
    again once both articles are read, and the line said nothing of which claims."""
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="tester") as store:
        read, unread = across_two_articles(bundled, store)
        first, second = (
            next(n for n in store.all() if n.article_id == a and "claim" in n.tags)
            for a in (read, unread)
        )
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / f"{read}.txt").write_bytes(bundled.by_id[read].path.read_bytes())
    code, out, err = run(capsys, "summary", str(folder), "--db", str(db), "--annotator", "tester")
    assert code == 0, err
    assert "## Decisions that no longer apply" not in out
    assert "## Decisions on articles not read" in out
    section = out.split("## Decisions on articles not read", 1)[1].split("\n## ", 1)[0]
    line = next(text for text in section.splitlines() if text.startswith("- merge"))
    assert f"“{shorten(bundled.by_id[read].title)}”, sentence {first.index + 1}" in line
    other = f"“{shorten(bundled.by_id[unread].title)}”"
    assert f"{other}, sentence {second.index + 1}" in line
    assert f"not applied here, its article {other} is not in this summary" in line
    assert "g-" not in line and read not in line and unread not in line, "no ids"
    code, out, err = run(capsys, "summary", "--db", str(db), "--annotator", "tester")
    assert code == 0, err
    assert "## Decisions on articles not read" not in out, "applied where both are read"
    assert "## Decisions that no longer apply" not in out


async def test_the_screen_counts_it_as_on_articles_not_read(
    bundled: Corpus, store: AnnotationStore
) -> None:
    read, _unread = across_two_articles(bundled, store)
    one = Corpus([bundled.by_id[read]], [])
    app = WorkbenchApp(store, corpus=one, keymap={}, suggestions=SuggestionSettings(enabled=False))
    async with app.run_test(size=(200, 40)) as pilot:
        screen = await open_summary(app, pilot)
        assert screen.summary is not None and screen.summary.ignored_decisions
        status = str(screen.query_one("#summary-status", Static).render())
        assert "decision(s) on articles not read" in status
        assert "no longer apply" not in status
