"""tr18: a source is a name, as an analyst's is: one holding a character that draws
nothing ("Put" + U+200B + "in") is another source than the one without it, and the
summary showed the two alike (the report's Sources table, the screen's Sources tab and
its pane): what draws nothing is shown escaped there, as in an analyst's name."""

from __future__ import annotations

from dataclasses import replace

from tests.fixtures.gold import load_gold
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import load_corpus
from workbench.tui.state.summary_detail import source_detail
from workbench.tui.state.summary_view import prepare_view

HIDDEN = "Aus\u200btin"
SHOWN = "Aus\\u200btin"


def test_a_source_holding_what_draws_nothing_is_shown_with_it_escaped() -> None:
    gold = load_gold()
    ryder = [a for a in gold if a.source == "Mr. Austin"]
    assert len(ryder) >= 2
    changed = [replace(a, source=HIDDEN) if a is ryder[0] else a for a in gold]
    bob = [replace(a, annotator="b\u200bob") for a in changed]
    articles = [ArticleInfo.of(article) for article in load_corpus()]
    summary = build_summary(changed + bob, articles, SummarySettings(annotator=None))
    (row,) = [s for s in summary.sources if HIDDEN in (s.canonical, *s.variants)]
    report = render_markdown(summary)
    sources = report[report.index("## Sources") : report.index("## Claim ledger")]
    assert "\u200b" not in sources
    in_markdown = SHOWN.replace("\\", "\\\\")  # a backslash is escaped in Markdown
    assert in_markdown in sources and "b\\\\u200bob" in sources
    view = prepare_view(summary)
    cells = [str(cell) for shown in view.source_rows for cell in shown]
    assert "\u200b" not in "".join(cells) and any(SHOWN in cell for cell in cells)
    detail = source_detail(row, summary.short_titles())
    assert "\u200b" not in detail and SHOWN in detail and "b\\u200bob" in detail
