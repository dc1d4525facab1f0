"""Possible conflicts (summary/possible.py) of a claimed sentence that is a table: its
figures are not judged pair by pair against another's, and the tier says it left it out
(tr16 T3)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from workbench.core.analysis.summary import possible
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.analysis.summary.model import Summary
from workbench.core.analysis.summary.possible import FIGURE_CAP, possible_conflicts
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article
from workbench.tui.state.summary_view import PossibleShown

WHEN = "2024-11-05T10:00:00Z"


def tallies(figures: int) -> Summary:
    """Two articles, each one claimed sentence of `figures` bare numbers, of two sources:
    they share their words and names, and the rule reads no figure of theirs."""
    articles = [
        Article(
            article_id,
            Path(f"{article_id}.txt"),
            "Tallies\n\nOfficials in Kursk said the tallies were "
            + ", ".join(str(first + n) for n in range(figures))
            + ".\n",
        )
        for article_id, first in (("one", 11), ("two", 5_011))
    ]
    annotations = []
    for article, source in zip(articles, ("Kursk officials", "Kyiv officials"), strict=True):
        sentence = article.sentences[1]
        anchor = Anchor.in_text(
            article.id, article.sha256, article.text, 1, sentence.start, sentence.end
        )
        annotations.append(
            Annotation.new(
                anchor, "ana", tags=("claim",), source=source, created_at=WHEN, updated_at=WHEN
            )
        )
    return build_summary(
        annotations,
        [ArticleInfo.of(article) for article in articles],
        SummarySettings(annotator="ana"),
        texts={article.id: article for article in articles},
    )


def judged_pairs(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Each pair of sentences the tier judges, as it judges it."""
    judged: list[object] = []
    judge = possible._judged

    def counted(*args: object) -> object:
        judged.append(args)
        return judge(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(possible, "_judged", counted)
    return judged


def test_two_sentences_of_a_few_figures_are_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    judged = judged_pairs(monkeypatch)
    found = possible_conflicts(tallies(FIGURE_CAP))
    assert len(judged) == 1  # the test can fail: these two are compared
    assert found.crowded == 0 and found.not_compared() == ""


def test_a_sentence_of_more_figures_than_the_cap_is_not_judged_and_is_said(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two sentences of 450 figures each (a table pasted as one sentence) were 200,000
    judgements, two seconds a pair: twenty such claims held the summary for minutes."""
    judged = judged_pairs(monkeypatch)
    summary = tallies(FIGURE_CAP + 1)
    found = possible_conflicts(summary)
    assert judged == [] and found.pairs == ()
    assert found.crowded == 2
    said = found.not_compared()
    assert f"2 claimed sentence(s) gave more than {FIGURE_CAP} figures" in said
    shown = dataclasses.replace(summary, possible=found)
    assert said in render_markdown(shown)
    assert said in PossibleShown(found, "", False, {}).said()  # the screen's tab heading
    data = shown.to_json()["possible_conflicts"]
    assert (data["figure_cap"], data["sentences_left_out"]) == (FIGURE_CAP, 2)
