"""qa3 F3: ledger groups of equal rank are listed in reading order (article, then
sentence), not in the order of their ids (a hash), in the report and on the screen."""

from __future__ import annotations

from tests.fixtures.anchored import annotate, article
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.analysis.summary.model import ClaimGroup, SentenceLine, ranked_groups
from workbench.core.corpus.article_info import ArticleInfo

STORY = article(
    "Five things\n"
    "The river flooded the lower town overnight. Bakers raised bread prices in March.\n"
    "A new bridge opened to traffic on Friday. The mayor resigned after the vote.\n"
    "Schools will stay closed until the spring term.\n"
)
LATER = article("Later\nThe museum reopened its east wing.\n", "tale")


def group(group_id: str, *indexes: int, article_id: str = "story") -> ClaimGroup:
    on = STORY if article_id == "story" else LATER
    members = tuple(SentenceLine(annotate(on, i), None, ("ana",)) for i in indexes)
    return ClaimGroup(group_id, members, (article_id,), (), (), (), False, (), ())


def test_equal_groups_come_in_reading_order_whatever_their_ids() -> None:
    groups = [
        group("g-1", 4),
        group("g-2", 2),
        group("g-3", 1, 5),  # larger: first
        group("g-0", 1, article_id="tale"),
        group("g-9", 3),
    ]
    ranked = ranked_groups(groups)
    assert [g.group_id for g in ranked] == ["g-3", "g-2", "g-9", "g-1", "g-0"]


def test_the_report_lists_one_article_s_single_claims_sentence_by_sentence() -> None:
    annotations = [annotate(STORY, index) for index in range(1, 6)]
    summary = build_summary(annotations, [ArticleInfo.of(STORY)], SummarySettings())
    assert len(summary.ledger) == 5  # five claims, nothing in common
    report = render_markdown(summary)
    headings = [line for line in report.splitlines() if line.startswith("### ")]
    assert [h.split(". ", 1)[1] for h in headings] == [STORY.sentences[i].text for i in range(1, 6)]
    assert "then the largest, then in reading order." in report
