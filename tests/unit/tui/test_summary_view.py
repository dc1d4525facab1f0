"""The summary screen's view-model without an app: read_summary reads the store and
builds the summary, prepare_view makes every table's rows (tui/state/summary_view.py)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from tests.fixtures.sentences import sentence_annotation
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.summary.model import AnchoringSection
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.core.corpus.sentences import segmenter_stamp
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


def remember(store: AnnotationStore, corpus: Corpus) -> None:
    """The corpus's articles remembered as a session of this version remembers them."""
    for article in corpus.articles:
        store.remember_article(
            article.id, article.title, article.sha256, len(article.sentences), segmenter_stamp()
        )


def test_one_analysts_summary_reads_none_of_the_others_annotations() -> None:
    """Issue 15 (memory): the summary of one analyst built every analyst's annotations
    (and the store's cache kept them) only to name the analysts; it reads that analyst's
    and names the others from the store. The view is the one a store of theirs alone
    gives, and the picker still names everyone."""
    corpus = load_corpus()
    gold = load_gold(corpus)
    ana = [replace(note, annotator="ana") for note in gold]
    bob = [replace(note, annotator="bob", status="disputed") for note in gold[::3]]
    with AnnotationStore.open(None, annotator="ana") as store:
        store.import_annotations([*ana, *bob])
        remember(store, corpus)  # the store read as it is (no re-anchoring in memory)
        read: list[str] = []
        every = store.all

        def all_read(annotator: str | None = None) -> list[Annotation]:
            found = every(annotator)
            read.extend(a.annotator for a in found)
            return found

        store.all = all_read  # type: ignore[method-assign]
        view, analysts = read_summary(Workspace(store, corpus), "ana", LedgerSettings())
    assert analysts == ["ana", "bob"]
    assert read and set(read) == {"ana"}
    with AnnotationStore.open(None, annotator="ana") as alone:
        alone.import_annotations(ana)
        remember(alone, corpus)
        theirs, _ = read_summary(Workspace(alone, corpus), "ana", LedgerSettings())
    assert view.summary == theirs.summary
    assert view.ledger_rows == theirs.ledger_rows and view.source_rows == theirs.source_rows


def test_the_header_tells_articles_not_read_from_articles_changed() -> None:
    """qa7 Q3: another story's annotations in the same database were counted among those
    'to look at after articles changed', though nothing had changed."""
    kyiv = sentence_annotation("Kyiv said 3,000.", article_id="kyiv")
    gone = sentence_annotation("Kyiv said 9,000.", article_id="kyiv", anchor_state="orphaned")
    other = tuple(
        sentence_annotation(f"Flood toll {n}.", index=n, article_id="flood") for n in range(3)
    )
    both = AnchoringSection(check=(kyiv,), orphaned=(gone,), article_not_opened=other)
    assert anchoring_words(both) == (
        "1 orphaned after articles changed · 3 on 1 article(s) not read"
    )  # the one to check is said apart ("still to check"), as the report does (fx9)
    not_opened = AnchoringSection(article_not_opened=other)
    assert anchoring_words(not_opened) == "3 on 1 article(s) not read"
    assert anchoring_words(AnchoringSection(check=(kyiv,))) == ""


def test_with_statuses_that_differ_the_articles_rows_add_up() -> None:
    """fx14: in every analyst's summary a sentence whose analysts gave it different
    statuses counts under no status; the report had a "status differs" column, the
    screen's table and pane nothing, so its status counts did not add up."""
    from workbench.tui.screens.summary import STATUS_DIFFERS_COLUMNS
    from workbench.tui.state.summary_detail import article_detail

    corpus = load_corpus()
    gold = load_gold(corpus)
    bob = [replace(note, annotator="bob", status="refuted") for note in gold[:3]]
    with AnnotationStore.open(None, annotator="ana") as store:
        store.import_annotations([*gold, *bob])
        view, _ = read_summary(Workspace(store, corpus), None, LedgerSettings())
    first = view.summary.articles[0]
    assert view.status_differs and first.status_differs == 3
    (row,) = [row for row in view.article_rows if row[0] == first.title]
    assert len(row) == len(STATUS_DIFFERS_COLUMNS) and row[-1] == 3
    statuses = row[-7:-1]
    assert sum(statuses) + row[-1] == first.annotated  # type: ignore[arg-type]
    detail = article_detail(first)
    assert "status differs 3" in detail and first.article_id not in detail, "no id"


UNCOLLECTED_READ = """
import gc
from dataclasses import replace
from store import AnnotationStore
from tests.fixtures.gold import load_gold
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.corpus.articles import load_corpus
from workbench.tui.state.summary_view import read_summary
from workbench.tui.state.workspace import Workspace

corpus = load_corpus()
with AnnotationStore.open(None, annotator="ana") as store:
    store.import_annotations(replace(note, annotator="ana") for note in load_gold(corpus))
    workspace = Workspace(store, corpus)
    collections = []

    def seen(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    gc.collect()
    gc.set_threshold(10, 1, 1)  # any allocation the collector is free to count, it runs
    gc.callbacks.append(seen)
    view, _ = read_summary(workspace, "ana", LedgerSettings())
    gc.callbacks.remove(seen)
    assert view.ledger_rows
    # (a young collection may run as the pause is being entered: no older one runs)
    generations = sorted(set(collections))
    assert max(generations, default=0) == 0, f"collections of generations {generations}"
"""


def test_the_collector_does_not_run_while_the_summary_is_read() -> None:
    """Issue 15: between the store's read and the build, each paused on its own, the
    collector ran, and at 100,000 annotations the annotations just read brought on a full
    collection, every thread stopped (the UI's too) for 0.6 s of CPU. In a process of its
    own: the pause and the collector's thresholds are the process's."""
    ran = subprocess.run(
        [sys.executable, "-c", UNCOLLECTED_READ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert ran.returncode == 0, ran.stderr


def test_every_analysts_conflicts_tab_names_each_analysts_source() -> None:
    """fx14: bob named Ukraine the source of the 12,000, ana the two governments; the
    Conflicts tab's row gave bob's alone, as if they agreed (the report names both)."""
    corpus = load_corpus()
    gold = [replace(note, annotator="ana") for note in load_gold(corpus)]
    bob = [
        replace(note, annotator="bob", source="Ukraine" if "12,000" in note.quote else note.source)
        for note in gold
    ]
    with AnnotationStore.open(None, annotator="ana") as store:
        store.import_annotations([*gold, *bob])
        view, _ = read_summary(Workspace(store, corpus), None, LedgerSettings())
        mine, _ = read_summary(Workspace(store, corpus), "ana", LedgerSettings())
    (twelve,) = [row for row in view.conflict_rows if row[1] == 12_000]
    assert twelve[3] == "The governments of South Korea and Ukraine (ana); Ukraine (bob)"
    agreed = [row[3] for row in view.conflict_rows if row[1] != 12_000]
    assert all("(ana" not in str(source) for source in agreed), "agreed: named once"
    (alone,) = [row for row in mine.conflict_rows if row[1] == 12_000]
    assert alone[3] == "The governments of South Korea and Ukraine", "one analyst's: as before"
