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
