"""The summary screen's view-model without an app: read_summary reads the store and
builds the summary, prepare_view makes every table's rows (tui/state/summary_view.py)."""

from __future__ import annotations

from dataclasses import replace

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.corpus.articles import load_corpus
from workbench.tui.state.summary_view import FLAG, prepare_view, read_summary
from workbench.tui.state.workspace import Workspace


def test_the_view_holds_every_table_of_the_summary_it_was_read_from() -> None:
    corpus = load_corpus()
    with AnnotationStore.open(None, annotator="ana") as store:
        store.import_annotations(replace(note, annotator="ana") for note in load_gold(corpus))
        view, analysts = read_summary(Workspace(store, corpus), "ana", LedgerSettings())
    summary = view.summary
    assert analysts == ["ana"] and summary.totals.annotations == len(load_gold(corpus))
    assert len(view.ledger_rows) == len(view.lines) > 0
    assert len(view.article_rows) == len(summary.articles) == len(corpus)
    assert len(view.source_rows) == len(summary.sources)
    assert len(view.conflict_rows) == len(view.conflict_figures) > 0
    # Groups with conflicting figures come first, flagged on their first line.
    first = view.ledger_rows[0][0]
    assert getattr(first, "plain", first) == FLAG
    assert prepare_view(summary).ledger_rows == view.ledger_rows  # pure: the same again
