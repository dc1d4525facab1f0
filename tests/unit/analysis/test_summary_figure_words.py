"""qa5 Q11: the report's and the screen's figure lines are what an analyst copies, so they
say the figure as the article hedged it ("at least", "about", a plan), and the report
carries every claim whole."""

from __future__ import annotations

import pytest

from tests.fixtures.anchored import annotate, article
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.figure_words import figure_words
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.analysis.summary.model import Summary
from workbench.core.corpus.article_info import ArticleInfo
from workbench.tui.state.summary_detail import ledger_detail

HEDGED = article(
    "Hedged figures\n"
    "General Ryder said that at least 10,000 North Korean troops had traveled to Russia.\n"
    "Officials said about 10,000 North Korean soldiers were sent to Russia.\n"
    "Lawmakers said North Korea had sent 3,000 troops to Russia out of a promised 10,000 "
    "to be deployed by December.\n"
    "Ryder said at least 30 North Korean soldiers had been killed or injured.\n"
    "A report said tens of thousands of people fled the region.\n"
    "Analysts said North Korea has around 1.2 million military personnel.\n"
)
LONG = (
    "General Ryder gave the assessment on Monday that at least 30 North Korean soldiers had "
    "been killed or injured along the front line in Kursk along with many Russian soldiers "
    "in the same fighting, which went on for several days without a pause."
)


@pytest.fixture(scope="module")
def summary() -> Summary:
    annotations = [
        annotate(HEDGED, index, source="Ryder", tags=("claim", "attribution"))
        for index in range(1, len(HEDGED.sentences))
    ]
    return build_summary(annotations, [ArticleInfo.of(HEDGED)], SummarySettings(annotator="ana"))


def words_of(summary: Summary) -> set[str]:
    return {figure_words(f) for group in summary.ledger for f in group.figures}


def test_qualifiers_and_plans_are_said_as_written(summary: Summary) -> None:
    words = words_of(summary)
    assert "at least 10,000 North Korean troops" in words
    assert "about 10,000 North Korean troops" in words
    assert "10,000 North Korean troops (planned, by December)" in words
    assert "3,000 North Korean troops" in words, "troops sent: the plain event is not said"
    assert "at least 30 North Korean casualties" in words
    assert "around 1,200,000 North Korean troops (the size of the force)" in words


def test_a_vague_number_reads_as_written() -> None:
    annotations = [annotate(HEDGED, 5, source="report", tags=("claim", "attribution"))]
    summary = build_summary(annotations, [ArticleInfo.of(HEDGED)], SummarySettings(annotator="ana"))
    found = words_of(summary)
    assert all(text.startswith("tens of thousands of ") for text in found), found


def test_the_report_and_the_detail_pane_keep_the_qualifiers(summary: Summary) -> None:
    report = render_markdown(summary)
    figure_lines = [line for line in report.splitlines() if line.startswith("Figures:")]
    assert any("at least 10,000 North Korean troops" in line for line in figure_lines)
    sentences = [part for line in figure_lines for part in line[9:].rstrip(".").split(" · ")]
    figures = [part.split(": ", 1)[-1] for part in sentences]  # after "*title*, sentence N: "
    pieces = {piece for words in figures for piece in words.split("; ")}
    tens = {piece for piece in pieces if "10,000" in piece}
    assert tens == {
        "at least 10,000 North Korean troops",
        "about 10,000 North Korean troops",
        "10,000 North Korean troops (planned, by December)",
    }
    titles = summary.short_titles()
    group = next(g for g in summary.ledger if any("at least 30" in m.quote for m in g.members))
    line = next(m for m in group.members if "at least 30" in m.quote)
    detail = ledger_detail(group, 1, line, "claim", titles)
    assert "Figures: at least 30 North Korean casualties" in detail


def test_the_report_carries_a_long_claim_whole() -> None:
    story = article(f"Long claims\n{LONG}\n")
    annotation = annotate(story, 1, source="Ryder", tags=("claim", "attribution"))
    summary = build_summary([annotation], [ArticleInfo.of(story)], SummarySettings(annotator="ana"))
    report = render_markdown(summary)
    assert len(LONG) > 200
    assert f"ana: {LONG}" in report


def test_ranges_money_and_events_read_as_written() -> None:
    story = article(
        "Misc\n"
        "Police said between 200 and 300 people were detained at the protest.\n"
        "The ministry said the company paid a $45 million fine.\n"
        "Officials said 40 to 50 homes were destroyed in the flood.\n"
        "The agency said up to 2,000 people were displaced by the storm.\n"
    )
    annotations = [
        annotate(story, n, source="Officials", tags=("claim", "attribution"))
        for n in range(1, len(story.sentences))
    ]
    summary = build_summary(annotations, [ArticleInfo.of(story)], SummarySettings(annotator="ana"))
    assert words_of(summary) == {
        "between 200 and 300 people (detained)",
        "45,000,000 USD (fine)",
        "40 to 50 homes (destroyed)",
        "up to 2,000 people (displaced)",
    }


def test_a_duration_keeps_its_unit() -> None:
    """qa20 #4: "for nearly three months" read "nearly 3 duration", the unit dropped."""
    story = article(
        "Flood report\n"
        "Officials said 300 residents have been without power for nearly three months.\n"
        "Officials said the siege lasted 1 month.\n"
    )
    annotations = [
        annotate(story, n, source="Officials", tags=("claim", "attribution"))
        for n in range(1, len(story.sentences))
    ]
    summary = build_summary(annotations, [ArticleInfo.of(story)], SummarySettings(annotator="ana"))
    words = words_of(summary)
    assert "nearly 3 months" in words
    assert "1 month (how long it lasted)" in words, "one: the unit is singular"
    figure_lines = [line for line in render_markdown(summary).splitlines() if "300" in line]
    assert any(line.startswith("Figures: 300 people") for line in figure_lines), figure_lines
    assert any(line.endswith("; nearly 3 months.") for line in figure_lines), figure_lines
