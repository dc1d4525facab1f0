"""The summary screen's detail pane: the highlighted row in full (tui/state/summary_detail)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.fixtures.gold import load_gold
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.judgements import claims_by_sentence
from workbench.core.analysis.summary.model import Summary, ranked_groups
from workbench.core.annotation import Annotation
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import load_corpus
from workbench.tui.state.summary_detail import (
    anchoring_detail,
    article_detail,
    conflict_detail,
    ledger_detail,
    source_detail,
)


@pytest.fixture(scope="module")
def summary() -> Summary:
    """Alice's and bob's annotations: bob gives Ryder's claim another status and a note."""
    gold = load_gold()
    bob = [
        replace(a, annotator="bob", status="refuted", note="Pentagon said otherwise.")
        if "at least 10,000" in a.quote
        else replace(a, annotator="bob")
        for a in gold
    ]
    articles = [ArticleInfo.of(article) for article in load_corpus()]
    return build_summary(gold + bob, articles, SummarySettings(annotator=None))


def test_a_ledger_line_in_full(summary: Summary) -> None:
    titles = summary.short_titles()
    groups = ranked_groups(summary.ledger)
    number, group = next(
        (n, g)
        for n, g in enumerate(groups, 1)
        if any("at least 10,000" in m.quote for m in g.members)
    )
    line = next(m for m in group.members if "at least 10,000" in m.quote and m.notes)
    detail = ledger_detail(group, number, line, "claim", titles)
    assert detail.startswith(f"Group {number}: ")
    assert f"Text: {line.quote}" in detail, "the whole text, never cut"
    assert "Figures: at least 10,000 North Korean troops" in detail, "hedged as written"
    assert "Note (bob): Pentagon said otherwise." in detail
    assert "≠ gold judged it: claim" in detail
    assert "Source: Air Force Maj. Gen. Pat Ryder" in detail
    assert titles[line.article_id] in detail and "sentence" in detail


def test_conflicts_articles_sources_and_anchoring_in_full(summary: Summary) -> None:
    titles = summary.short_titles()
    conflict = summary.conflicts[0]
    detail = conflict_detail(conflict, 0, titles, 3)
    assert detail.startswith(f"⚠ {conflict.topic}: ") and "Why: " in detail
    assert "group 3" in detail
    # qa6 Q22: the sentence itself, where the flag is judged
    figure = conflict.figures[0]
    (judged, *_) = claims_by_sentence(summary.ledger, {(figure.article_id, figure.index)})[
        (figure.article_id, figure.index)
    ]
    shown = conflict_detail(conflict, 0, titles, 3, judged=[judged])
    assert f"Text: {judged.quote}" in shown
    row = summary.articles[0]
    assert article_detail(row).splitlines()[0] == row.title
    zelensky = next(s for s in summary.sources if "Zelensk" in s.canonical)
    assert zelensky.canonical in source_detail(zelensky, titles)
    annotation: Annotation = summary.ledger[0].members[0].annotation
    moved = replace(annotation, quote="An earlier text.")
    shown = anchoring_detail("to check", annotation, moved, titles)
    assert "As tagged" in shown and annotation.quote in shown


def test_an_unlinked_denial_judged_differently_says_so_and_how() -> None:
    """fx14: the Denials tab's row said "bob ≠", its pane named bob's source alone, as if
    the analysts agreed (the ledger's pane lists the other judgement)."""
    from workbench.tui.state.summary_detail import unlinked_detail

    spokesman = next(a for a in load_gold() if a.quote.startswith("The spokesman accused"))
    bob = replace(spokesman, annotator="bob", source="Reuters", status="in_progress")
    articles = [ArticleInfo.of(article) for article in load_corpus()]
    summary = build_summary([spokesman, bob], articles, SummarySettings(annotator=None))
    (line,) = [d for d in summary.unlinked_denials if "bob" in d.annotators]
    detail = unlinked_detail(line, summary.short_titles())
    assert "denied by Reuters · bob ≠" in detail
    assert "≠ gold judged it: attribution, denial, unverified, source The spokesman" in detail
    assert "): accuses Washington of distorting and slandering" in detail, "its note"
