"""qa10 Q24: an attribution or a denial tagged with no source is the analyst's omission,
named apart from an unattributed sentence (the article's) and counted in the caveats."""

from __future__ import annotations

import pytest

from tests.fixtures.anchored import annotate, article
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.analysis.summary.model import Summary
from workbench.core.corpus.article_info import ArticleInfo

STORY = article(
    "Dam story\n"
    "Two hydrologists reached opposite conclusions about the dam.\n"
    "The reservoir held 140 million cubic metres of water.\n"
    "It is not yet clear when residents can return.\n"
)


@pytest.fixture(scope="module")
def summary() -> Summary:
    annotations = [
        annotate(STORY, 1, "ana", tags=("claim", "attribution")),
        annotate(STORY, 2, "ana", tags=("claim",)),
        annotate(STORY, 3, "ana", tags=("denial",)),
    ]
    return build_summary(annotations, [ArticleInfo.of(STORY)], SummarySettings(annotator="ana"))


def test_an_attribution_without_a_source_is_not_called_unattributed(summary: Summary) -> None:
    report = render_markdown(summary)
    assert "sources: attribution tagged, no source recorded." in report
    assert "sources: unattributed." in report  # the plain claim stays the article's


def test_a_denial_without_a_source_names_the_omission(summary: Summary) -> None:
    assert "· denial tagged, no source recorded · ana: It is not yet clear" in (
        render_markdown(summary)
    )


def test_the_caveats_count_them_in_the_report_and_the_json(summary: Summary) -> None:
    caveat = (
        "1 attribution and 1 denial tagged with no source recorded: listed as “no source "
        "recorded”, not as unattributed (the analyst left the source empty; the article may "
        "name one)"
    )
    assert f"> - {caveat}" in render_markdown(summary)
    assert summary.to_json()["caveats"] == [caveat]
