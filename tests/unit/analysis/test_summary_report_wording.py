"""qa20 #7: the Markdown report says its counts and brackets as a person writes them:
"1 claim group", "Why they conflict (both pairs)", one bracket each in a possible
conflict's line, and "“about” allows 10%" only where some figure says "about"."""

from __future__ import annotations

import dataclasses

from tests.fixtures.anchored import annotate, article
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.analysis.summary.possible import with_possible
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article

ATTRIBUTED = {"tags": ("claim", "attribution")}


def report_of(story: Article, **changed: object) -> str:
    """Every sentence a claim of the speaker it opens with."""
    annotations = [
        dataclasses.replace(
            annotate(story, n, source=sentence.text.split()[0], **ATTRIBUTED),  # type: ignore[arg-type]
            **changed,
        )
        for n, sentence in enumerate(story.sentences)
        if n
    ]
    summary = build_summary(annotations, [ArticleInfo.of(story)], SummarySettings(annotator="ana"))
    return render_markdown(with_possible(summary))


def test_one_claim_group_is_said_in_the_singular() -> None:
    report = report_of(article("Short\nKyiv said 9,000 troops had been sent to Russia.\n"))
    assert "\n1 claim group. " in report
    assert "1 claim groups" not in report


def test_two_pairs_are_both_pairs_and_three_all_three() -> None:
    two = report_of(
        article(
            "Troop Report\n"
            "Kyiv said 12,000 North Korean troops had been sent to Russia.\n"
            "NATO said 12,000 North Korean troops had been sent to Russia.\n"
            "Seoul said 4,000 North Korean troops had been sent to Russia.\n"
        )
    )
    assert "Why they conflict (both pairs):" in two and "all 2 pairs" not in two
    three = report_of(
        article(
            "Troop Report\n"
            "Kyiv said 9,000 North Korean troops had been sent to Russia.\n"
            "NATO said 12,000 North Korean troops had been sent to Russia.\n"
            "Seoul said 4,000 North Korean troops had been sent to Russia.\n"
        )
    )
    assert "Why they conflict (all 3 pairs):" in three


FLOOD = article(
    "Flood Report\n"
    "Police said 320 homes were destroyed in the flood.\n"
    "Volunteers said 180 homes were destroyed in Valdren.\n"
)


def test_the_about_rule_is_said_only_where_a_figure_says_about() -> None:
    plain = report_of(FLOOD, anchor_state="check")
    assert "Not counted: 2 annotation(s) still to check" in plain
    assert "either way" not in plain
    about = report_of(
        article(
            "Flood Report\n"
            "Police said about 320 homes were destroyed in the flood.\n"
            "Volunteers said 180 homes were destroyed in Valdren.\n"
        ),
        anchor_state="check",
    )
    assert "(“about” allows 10% either way)." in about


DAM = article(
    "Dam fails above Valdren\nPolice spokesman Tomas Berg said 320 homes were destroyed.\n", "a"
)
DAMAGE = article(
    "Red Cross counts damage\n"
    "The Red Cross said on Wednesday that 180 homes were destroyed in Valdren.\n",
    "c",
)


def possible_line(**changed: object) -> str:
    annotations = [
        dataclasses.replace(annotate(story, 1, source=source, **ATTRIBUTED), **changed)  # type: ignore[arg-type]
        for story, source in ((DAM, "Tomas Berg"), (DAMAGE, "Red Cross"))
    ]
    infos = [ArticleInfo.of(DAM), ArticleInfo.of(DAMAGE)]
    report = render_markdown(with_possible(build_summary(annotations, infos, SummarySettings())))
    return next(row for row in report.splitlines() if row.startswith("- 0."))


def test_a_possible_conflicts_figure_and_source_take_one_bracket_each() -> None:
    """'180 homes (to check) (Red Cross (to check))' nested a bracket in another, and
    '320 homes (Tomas Berg (ana, bob))' in every analyst's summary."""
    checked = possible_line(anchor_state="check")
    assert "320 homes (to check) from Tomas Berg vs " in checked
    assert "180 homes (to check) from Red Cross — the rule reads" in checked
    line = possible_line()
    assert "sentence 2: 320 homes from Tomas Berg vs " in line, line
    assert "180 homes from Red Cross — " in line
