"""The benchmark harness on tiny sizes, so that it keeps working; nothing here is timed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.harness import FIGURES, run_figures
from bench.report import Machine, Samples, markdown, table
from bench.synthetic import synthetic_annotations, synthetic_articles
from bench.workspace import Scale, Workspace
from workbench.core.corpus.sentences import sentence_spans

TINY = Scale(articles=20, sizes=(50,), repeats=1, slow_repeats=1, naive_repeats=1)
SERVER_FIGURES = {"team_store"}
"""Figures that use the tests' PostgreSQL server when there is one (kept on its worker)."""
NAMED = {"store_write": "tag to durable", "search": "search, first hits"}
"""A figure whose rows must include one named so."""


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=[pytest.mark.pg_server] if name in SERVER_FIGURES else [])
        for name in FIGURES
    ],
)
def test_every_figure_runs_on_tiny_data_and_reports(name: str, tmp_path: Path) -> None:
    """One figure a test (the workers run them side by side), each on its own tiny data."""
    figures = run_figures(Workspace(tmp_path, TINY), [name], progress=lambda _message: None)
    names = {figure.name for figure in figures}
    if name in NAMED:
        assert any(NAMED[name] in figure_name for figure_name in names)
    assert all(figure.samples.count >= 1 for figure in figures)
    report = markdown(figures, Machine.current(), 1.0, "full")
    assert f"\n\n{table(figures)}\n" in report
    assert table(figures).count("\n| ") == len(figures)  # one row per figure after the header
    if name == "suggestions":
        assert "### Suggestion quality" in report


def test_the_figures_the_report_promises_are_there() -> None:
    assert set(FIGURES) >= {"store_write", "lookup", "open_database", "export_json", "search"}


def test_synthetic_data_is_deterministic_and_anchored() -> None:
    first = synthetic_articles(3, seed=1)
    assert [article.text for article in first] == [a.text for a in synthetic_articles(3, seed=1)]
    for article in first:
        assert list(article.spans) == sentence_spans(article.text)
    annotations = synthetic_annotations(first, 40, seed=2)
    assert len({annotation.key for annotation in annotations}) == 40
    texts = {article.id: article.text for article in first}
    for annotation in annotations:
        assert texts[annotation.article_id][annotation.start : annotation.end] == annotation.quote


def test_p95_is_the_nearest_rank() -> None:
    samples = Samples(tuple(float(value) for value in range(1, 101)))
    assert samples.median == 50.5
    assert samples.p95 == 95.0
    assert Samples((3.0,)).p95 == 3.0
