"""qa3 F8: a claim re-anchored onto changed text and not confirmed ("to check") shows the
new sentence's figures, not the ones the analyst tagged. Wherever the summary shows such
a claim or figure (Markdown conflict tables, ledger lines and figures, the screen's rows
and detail pane, the JSON) it is marked, so nobody publishes an unconfirmed figure."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from tests.fixtures.anchored import annotate, article
from workbench.core.analysis.figures.conflicts import format_value
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import conflict_values, render_markdown
from workbench.core.analysis.summary.model import Summary, unconfirmed_sentences
from workbench.core.annotation import Annotation
from workbench.core.corpus.article_info import ArticleInfo
from workbench.tui.state.summary_detail import conflict_detail, ledger_detail
from workbench.tui.state.summary_view import prepare_view

OLD = article(
    "Troops sent to Kursk\n"
    "The ministry said 3,000 troops arrived on Monday. Officials confirmed the figure.\n"
    "Kyiv said 12,000 troops arrived on Monday. No comment was given.\n"
)
NEW = article(OLD.text.replace("3,000 troops", "30,000 troops"))
"""The ministry's sentence (1) now says 30,000; Kyiv's (3) is unchanged."""
ATTRIBUTED = {"tags": ("claim", "attribution")}


def moved(annotation: Annotation) -> Annotation:
    """`annotation` as re-anchoring leaves it on NEW's similar sentence, unconfirmed."""
    on_new = annotate(NEW, annotation.index, annotation.annotator, **ATTRIBUTED)
    return replace(on_new, source=annotation.source, anchor_state="check")


def summary_of(annotations: list[Annotation], annotator: str | None = "ana") -> Summary:
    return build_summary(annotations, [ArticleInfo.of(NEW)], SummarySettings(annotator=annotator))


@pytest.fixture
def ministry() -> Annotation:
    return moved(annotate(OLD, 1, "ana", source="ministry", **ATTRIBUTED))


@pytest.fixture
def kyiv() -> Annotation:
    return annotate(NEW, 3, "ana", source="Kyiv", **ATTRIBUTED)


@pytest.fixture
def summary(ministry: Annotation, kyiv: Annotation) -> Summary:
    summary = summary_of([ministry, kyiv])
    assert [conflict.values for conflict in summary.conflicts] == [(12_000.0, 30_000.0)]
    return summary


def test_the_markdown_marks_the_figure_and_the_claim_to_check(summary: Summary) -> None:
    report = render_markdown(summary)
    assert "### ⚠ troops: 12,000, 30,000 (to check)\n" in report
    assert "| 30,000 (to check) | 30,000 troops | ministry (to check) |" in report
    assert "| 12,000 | 12,000 troops | Kyiv |" in report
    assert (
        "vs 30,000 troops (ministry): both sent, no qualifier allows both (30,000 to check)"
        in report
    )
    assert "sentence 2 · unverified · ana (to check): The ministry said 30,000" in report
    assert "sentence 4 · unverified · ana: Kyiv said 12,000" in report
    assert ", sentence 2: 30,000 troops (to check) · *" in report
    assert ", sentence 4: 12,000 troops.\n" in report
    # said once above the conflicts and once above the ledger
    assert report.count("Marked (to check): the article changed after it was tagged") == 2


def test_nothing_is_marked_once_confirmed(ministry: Annotation, kyiv: Annotation) -> None:
    confirmed = replace(ministry, anchor_state="current")
    report = render_markdown(summary_of([confirmed, kyiv]))
    assert "to check" not in report.lower()
    assert unconfirmed_sentences(summary_of([confirmed, kyiv]).ledger) == frozenset()


def test_the_json_flags_the_figure_and_names_who_is_to_check(summary: Summary) -> None:
    shape = json.loads(summary.to_json_bytes())
    (conflict,) = shape["conflicts"]
    assert [(f["value"], f["to_check"]) for f in conflict["figures"]] == [
        (12_000.0, False),
        (30_000.0, True),
    ]
    members = {m["index"]: m["to_check"] for g in shape["ledger"] for m in g["members"]}
    assert members == {1: ["ana"], 3: []}
    figures = {f["index"]: f["to_check"] for g in shape["ledger"] for f in g["figures"]}
    assert figures == {1: True, 3: False}
    assert shape == json.loads(json.dumps(summary.to_json()))  # both writers agree


def test_an_analyst_who_tagged_the_new_text_confirms_the_figure(
    ministry: Annotation, kyiv: Annotation
) -> None:
    """Every analyst's summary: bob tagged the ministry's sentence as it reads now, so its
    figure is one an analyst stands behind; ana's judgement still says she is to check."""
    bob = annotate(NEW, 1, "bob", source="ministry", **ATTRIBUTED)
    summary = summary_of([ministry, kyiv, bob], annotator=None)
    report = render_markdown(summary)
    assert "· ana, bob (to check: ana): The ministry said 30,000" in report
    assert "| 30,000 | 30,000 troops |" in report and "30,000 (to check)" not in report
    assert unconfirmed_sentences(summary.ledger) == frozenset()
    alone = summary_of([ministry, kyiv, replace(bob, anchor_state="check")], annotator=None)
    assert unconfirmed_sentences(alone.ledger) == frozenset({("story", 1)})
    assert "· ana, bob (to check): The ministry said 30,000" in render_markdown(alone)


def test_the_screen_rows_and_detail_mark_it(summary: Summary) -> None:
    view = prepare_view(summary)
    rows = {row[4]: row for row in view.ledger_rows}  # by sentence number
    assert rows[2][5] == "ana (to check)" and rows[2][8] == "30,000 troops (to check)"
    assert rows[4][5] == "ana" and rows[4][8] == "12,000 troops"
    written = {row[1]: row[2] for row in view.conflict_rows}
    assert written == {12_000.0: "12,000 troops", 30_000.0: "30,000 troops (to check)"}
    assert view.unconfirmed == frozenset({("story", 1)})

    titles = summary.short_titles()
    group = summary.ledger[0]
    line = next(m for m in group.members if m.index == 1)
    detail = ledger_detail(group, 1, line, "claim", titles)
    assert "by ana (to check)" in detail and "Figures: 30,000 troops (to check)" in detail
    (conflict,) = summary.conflicts
    shown = conflict_detail(conflict, 1, titles, 1, view.unconfirmed)
    assert shown.startswith("⚠ troops: 12,000, 30,000 (to check)\n")
    assert "30,000 (to check) as written “30,000 troops”" in shown
    assert "as written “12,000 troops”" in conflict_detail(conflict, 0, titles, 1)
    assert "(to check)" not in conflict_detail(conflict, 0, titles, 1)


def test_a_patched_view_sees_a_claim_that_became_to_check(
    ministry: Annotation, kyiv: Annotation
) -> None:
    """The screen patches its view after each change: a view with nothing to check
    looks only at the groups a patch replaced (one analyst: one line per sentence)."""
    confirmed = summary_of([replace(ministry, anchor_state="current"), kyiv])
    shown = prepare_view(confirmed)
    assert shown.unconfirmed == frozenset()
    assert prepare_view(confirmed, shown).unconfirmed == frozenset()
    (group,) = confirmed.ledger
    members = tuple(replace(m, to_check=("ana",)) if m.index == 1 else m for m in group.members)
    patched = replace(confirmed, ledger=(replace(group, members=members),))
    assert prepare_view(patched, shown).unconfirmed == frozenset({("story", 1)})


def test_a_value_is_marked_only_when_every_figure_giving_it_is_to_check(summary: Summary) -> None:
    """conflict_values: 30,000 is given by the moved sentence only, 12,000 by Kyiv's;
    a value also given by a confirmed sentence is not marked."""
    conflict = summary.conflicts[0]
    where = {
        figure.quantity.value: (figure.article_id, figure.index) for figure in conflict.figures
    }
    assert conflict_values(conflict, frozenset()) == "12,000, 30,000"
    assert conflict_values(conflict, {where[30_000.0]}) == "12,000, 30,000 (to check)"
    assert conflict_values(conflict, set(where.values())) == (
        "12,000 (to check), 30,000 (to check)"
    )
    both = replace(conflict, figures=(*conflict.figures, replace(conflict.figures[0], index=9)))
    given_twice = both.figures[-1].quantity.value
    marked = {(f.article_id, f.index) for f in conflict.figures}
    assert f"{format_value(given_twice)} (to check)" not in conflict_values(both, marked)
