"""The summary screen's view-model without an app: read_summary reads the store and
builds the summary, prepare_view makes every table's rows (tui/state/summary_view.py)."""

from __future__ import annotations

from dataclasses import replace

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from tests.fixtures.sentences import sentence_annotation
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.summary.model import AnchoringSection
from workbench.core.corpus.articles import load_corpus
from workbench.tui.state.summary_view import FLAG, anchoring_words, prepare_view, read_summary
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


def test_the_header_tells_articles_not_read_from_articles_changed() -> None:
    """qa7 Q3: another story's annotations in the same database were counted among those
    'to look at after articles changed', though nothing had changed."""
    kyiv = sentence_annotation("Kyiv said 3,000.", article_id="kyiv")
    gone = sentence_annotation("Kyiv said 9,000.", article_id="kyiv", anchor_state="orphaned")
    other = tuple(
        sentence_annotation(f"Flood toll {n}.", index=n, article_id="flood") for n in range(3)
    )
    both = AnchoringSection(check=(kyiv,), orphaned=(gone,), article_missing=other)
    assert anchoring_words(both) == (
        "1 orphaned after articles changed · 3 on 1 article(s) not read"
    )  # the one to check is said apart ("still to check"), as the report does (fx9)
    assert anchoring_words(AnchoringSection(article_missing=other)) == "3 on 1 article(s) not read"
    assert anchoring_words(AnchoringSection(check=(kyiv,))) == ""
