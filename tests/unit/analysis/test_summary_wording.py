"""qa3 F13 and F5: the Markdown report's totals line counts the articles with annotated
sentences ("in 1 article", not "in 1 articles" of every article known), says "0 annotated
sentences by carol." for an analyst with none (not "by nobody"), and the Articles table
of several analysts counts the sentences whose statuses differ, so its columns add up."""

from __future__ import annotations

from dataclasses import replace

from tests.fixtures.anchored import annotate, article
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.corpus.article_info import ArticleInfo

STORY = article("Story\nThe river flooded the lower town. Bakers raised bread prices in March.\n")
OTHER = article("Other\nA new bridge opened to traffic on Friday.\n", "other")
KNOWN = [ArticleInfo.of(STORY), ArticleInfo.of(OTHER)]


def report(annotations: list, annotator: str | None) -> str:  # type: ignore[type-arg]
    return render_markdown(build_summary(annotations, KNOWN, SummarySettings(annotator=annotator)))


def totals_line(text: str) -> str:
    return text.splitlines()[4]


def test_the_totals_count_annotated_articles_in_words_that_agree() -> None:
    one = [annotate(STORY, 1, "alice")]
    assert totals_line(report(one, "alice")) == (
        "1 annotated sentence (1 tagged) in 1 article by alice: 1 claim, 0 attribution, 0 denial."
    )
    two = [*one, annotate(STORY, 2, "alice"), annotate(OTHER, 1, "alice")]
    assert totals_line(report(two, "alice")).startswith(
        "3 annotated sentences (3 tagged) in 2 articles by alice:"
    )


def test_an_analyst_with_nothing_is_named_not_nobody() -> None:
    text = report([annotate(STORY, 1, "alice")], "carol")
    assert text.splitlines()[2] == "Analyst: carol."
    assert totals_line(text) == "0 annotated sentences by carol."


def test_statuses_that_differ_have_their_own_column_so_the_columns_add_up() -> None:
    alice = [annotate(STORY, 1, "alice"), annotate(STORY, 2, "alice")]
    bob = [replace(annotate(STORY, 1, "bob"), status="supported"), annotate(STORY, 2, "bob")]
    text = report([*alice, *bob], None)
    header, _rule, other, story = text.split("## Articles\n\n")[1].splitlines()[:4]
    assert header.endswith("| inconclusive | status differs |")
    cells = [cell.strip() for cell in story.strip("|").split("|")]
    statuses, differs = [int(c) for c in cells[6:12]], int(cells[12])
    assert (sum(statuses), differs) == (1, 1)  # 2 annotated: 1 agreed, 1 not
    assert other.endswith("| 0 |")  # sorted by id: "other" first
    assert "“status differs” counts those they gave different statuses." in text
    # One analyst (or analysts who agree): no such column.
    assert "status differs" not in report(alice, "alice")
