"""fx14: the report's Sources table gives the counts the screen's gives, and in every
analyst's summary who named each source (one analyst's "Ukraine" named no analyst)."""

from __future__ import annotations

from dataclasses import replace

from tests.fixtures.anchored import annotate
from tests.unit.analysis.test_summary_judgements import ATTRIBUTED, STORY
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.corpus.article_info import ArticleInfo

ALICE = [
    annotate(STORY, 1, "alice", source="governments of South Korea and Ukraine", **ATTRIBUTED),
    annotate(STORY, 2, "alice", source="South Korean lawmakers", **ATTRIBUTED),
]
BOB = [
    replace(ALICE[0], annotator="bob", source="Ukraine"),
    replace(ALICE[1], annotator="bob"),
]


def sources_table(report: str) -> list[str]:
    lines = report.splitlines()
    start = lines.index("## Sources") + 2
    return lines[start : lines.index("", start)]


def test_every_analysts_sources_name_who_named_each() -> None:
    summary = build_summary(ALICE + BOB, [ArticleInfo.of(STORY)], SummarySettings(annotator=None))
    named = {row.canonical: row.annotators for row in summary.sources}
    assert named["Ukraine"] == ("bob",)
    assert named["South Korean lawmakers"] == ("alice", "bob")
    table = sources_table(render_markdown(summary))
    assert table[0] == (
        "| source | kind | also written | articles | sentences | claims | attributions | "
        "denials | analysts |"
    )
    assert "| Ukraine | group | — | 1 | 1 | 1 | 1 | 0 | bob |" in table
    assert "| South Korean lawmakers | group | — | 1 | 1 | 1 | 1 | 0 | alice, bob |" in table


def test_one_analysts_sources_give_the_screens_counts_and_no_analysts() -> None:
    summary = build_summary(ALICE + BOB, [ArticleInfo.of(STORY)], SummarySettings(annotator="bob"))
    assert all(row.annotators == () for row in summary.sources)
    table = sources_table(render_markdown(summary))
    assert table[0].endswith("| sentences | claims | attributions | denials |")
    assert "| Ukraine | group | — | 1 | 1 | 1 | 1 | 0 |" in table
