"""qa5 Q2: in "all analysts" each ≠ line says what differs between the judgements, the
conflict table names each analyst's source and status, and a figure whose claim an
analyst refuted says so wherever it is listed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.fixtures.anchored import annotate, article
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.judgements import differences
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.analysis.summary.model import Summary
from workbench.core.corpus.article_info import ArticleInfo
from workbench.tui.state.summary_detail import conflict_detail

STORY = article(
    "Troop counts\n"
    "The governments of South Korea and Ukraine said 12,000 North Korean troops had been "
    "sent to Russia.\n"
    "South Korean lawmakers said 3,000 North Korean troops had been sent to Russia.\n"
)
ATTRIBUTED = {"tags": ("claim", "attribution")}


@pytest.fixture(scope="module")
def summary() -> Summary:
    alice = [
        annotate(STORY, 1, "alice", source="governments of South Korea and Ukraine", **ATTRIBUTED),
        annotate(STORY, 2, "alice", source="South Korean lawmakers", **ATTRIBUTED),
    ]
    bob = [
        replace(alice[0], annotator="bob", source="Ukraine"),
        replace(alice[1], annotator="bob", status="refuted"),
    ]
    return build_summary(alice + bob, [ArticleInfo.of(STORY)], SummarySettings(annotator=None))


def test_each_disagreement_line_says_what_differs(summary: Summary) -> None:
    lines = [m for g in summary.ledger for m in g.members if m.index == 1]
    assert {differences(line) for line in lines} == {
        "source governments of South Korea and Ukraine; bob: Ukraine",
        "source Ukraine; alice: governments of South Korea and Ukraine",
    }
    report = render_markdown(summary)
    assert "· alice ≠ (source governments of South Korea and Ukraine; bob: Ukraine): " in report
    assert "· refuted · bob ≠ (status refuted; alice: unverified): " in report


def test_the_conflict_table_names_each_analysts_source_and_status(summary: Summary) -> None:
    report = render_markdown(summary)
    assert "| figure | as written | source | status | article | sentence |" in report
    assert (
        "| 12,000 | 12,000 North Korean troops | governments of South Korea and Ukraine (alice); "
        "Ukraine (bob) | unverified (alice, bob) |"
    ) in report
    assert (
        "| 3,000 | 3,000 North Korean troops | South Korean lawmakers (alice, bob) | "
        "unverified (alice); refuted (bob) |"
    ) in report


def test_a_refuted_figure_is_marked_where_listed(summary: Summary) -> None:
    report = render_markdown(summary)
    assert "3,000 North Korean troops (refuted by bob)" in report
    bob_only = build_summary(
        [replace(annotate(STORY, 2, "bob", source="lawmakers", **ATTRIBUTED), status="refuted")],
        [ArticleInfo.of(STORY)],
        SummarySettings(annotator="bob"),
    )
    assert "Figures: 3,000 North Korean troops (refuted)." in render_markdown(bob_only)


def test_the_detail_pane_gives_each_analysts_source(summary: Summary) -> None:
    (conflict,) = summary.conflicts
    position = next(n for n, f in enumerate(conflict.figures) if f.quantity.value == 12_000)
    judged = [m for g in summary.ledger for m in g.members if m.index == 1]
    shown = conflict_detail(conflict, position, summary.short_titles(), 1, frozenset(), judged)
    assert (
        "Source: governments of South Korea and Ukraine (alice); Ukraine (bob) · "
        "status: unverified (alice, bob)"
    ) in shown


def test_a_group_lists_sources_named_differently_apart(summary: Summary) -> None:
    """Listed together, 'governments of South Korea and Ukraine, Ukraine' read as two
    speakers where two analysts named one sentence's speaker differently."""
    report = render_markdown(summary)
    assert (
        "Sources the analysts name differently: *Troop counts*, sentence 2: governments of "
        "South Korea and Ukraine (alice); Ukraine (bob)."
    ) in report
    heading = next(
        line for line in report.splitlines() if "sources: " in line and "in 1 article" in line
    )
    assert "Ukraine" not in heading.split("sources: ")[1]
