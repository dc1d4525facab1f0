"""qa5 Q5: an annotation still to check (moved onto a sentence only like the one tagged,
not confirmed) is listed, marked, but counted in no table: its verdict and source were
given to other words. The report says how many it leaves out; the open summary screen
(SummaryAccumulator) agrees with a rebuild whatever is confirmed or moved."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fixtures.anchored import annotate, article
from tests.unit.analysis.test_summary_incremental import gold, infos
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.incremental import SummaryAccumulator
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.annotation import STATUSES, Annotation
from workbench.core.corpus.article_info import ArticleInfo

NEW = article(
    "Correction Report\n\nKyiv said the figure was lower.\n\n"
    "NATO said 7,000 troops were sent to Russia.\n\nSeoul said 9,000 troops were sent to Russia.\n"
)
ATTRIBUTED = {"tags": ("claim", "attribution")}


def moved(annotator: str, **values: object) -> Annotation:
    """A refuted claim of "Officials" re-anchored, to check, onto NATO's sentence."""
    on_new = annotate(NEW, 2, annotator, source="Officials", status="refuted", **ATTRIBUTED)
    return replace(on_new, anchor_state="check", **values)  # type: ignore[arg-type]


def seoul(annotator: str = "qa", status: str = "supported") -> Annotation:
    return annotate(NEW, 3, annotator, source="Seoul", status=status, **ATTRIBUTED)


def summary_of(annotations: list[Annotation], annotator: str | None = "qa"):  # type: ignore[no-untyped-def]
    return build_summary(annotations, [ArticleInfo.of(NEW)], SummarySettings(annotator=annotator))


def test_a_claim_to_check_is_counted_in_no_table_and_the_report_says_so() -> None:
    summary = summary_of([moved("qa"), seoul()])
    (row,) = summary.articles
    assert (row.annotated, row.statuses["refuted"], row.statuses["supported"]) == (1, 0, 1)
    assert [source.canonical for source in summary.sources] == ["Seoul"]  # no "Officials"
    totals = summary.totals
    assert (totals.annotations, totals.sentences, totals.to_check) == (2, 1, 1)
    assert totals.statuses["refuted"] == 0
    assert json.loads(summary.to_json_bytes())["totals"]["to_check"] == 1
    report = render_markdown(summary)
    assert "Not counted: 1 annotation(s) still to check" in report
    assert "The sentence, tag and status counts above" in report  # rv6 R4: not suggestions
    assert "sentence 3 · refuted · qa (to check): NATO said 7,000" in report  # still listed


def test_a_summary_with_nothing_to_check_is_as_before() -> None:
    summary = summary_of([seoul()])
    assert "to_check" not in json.loads(summary.to_json_bytes())["totals"]
    assert "Not counted" not in render_markdown(summary)


def test_with_two_analysts_only_the_confirmed_judgement_counts() -> None:
    """bob's refuted moved there to check; alice supports the sentence as it is now."""
    summary = summary_of([moved("bob"), annotate(NEW, 2, "alice", status="supported")], None)
    (row,) = summary.articles
    assert (row.annotated, row.statuses["supported"], row.disagreements) == (1, 1, 0)
    assert summary.totals.to_check == 1
    (group,) = summary.ledger
    assert [(m.annotators, m.to_check) for m in group.members] == [
        (("alice",), ()),
        (("bob",), ("bob",)),
    ]
    # rv6 R2: a judgement made on other words is no disagreement: no ≠ on either line
    assert [m.disagreement for m in group.members] == [False, False]
    assert " ≠" not in render_markdown(summary)


def test_a_source_only_a_claim_to_check_gives_is_not_the_groups() -> None:
    """rv6 R3: NATO's 7,000 is not attributed to "Officials" in the ledger's heading."""
    summary = summary_of([moved("qa"), seoul()])
    assert all("Officials" not in group.sources for group in summary.ledger)
    assert "Seoul" in {source for group in summary.ledger for source in group.sources}
    report = render_markdown(summary)
    assert "sources: Officials" not in report and "sources: Seoul." in report
    # rv6 R3 addendum: the verdict and source given to other words are marked, or left out
    assert "| Officials (to check) | refuted (to check) |" in report
    assert (
        "Figures: *Correction Report*, sentence 3: 7,000 troops (to check) · "
        "*Correction Report*, sentence 4: 9,000 troops (supported)."
    ) in report
    reasons = [line for line in report.splitlines() if "7,000 troops" in line and " vs " in line]
    assert reasons and all(line.endswith("(7,000 to check)") for line in reasons)


def test_a_group_only_claims_to_check_make_names_no_source() -> None:
    only = summary_of([moved("qa")])
    assert "sources: none confirmed (every claim here is to check)." in render_markdown(only)


change = st.tuples(
    st.integers(0, 40),
    st.sampled_from(("confirm", "unconfirm", "status", "delete")),
    st.sampled_from(STATUSES),
)


@settings(max_examples=15, deadline=None)
@given(st.lists(change, min_size=1, max_size=10), st.sampled_from(["gold", None]))
def test_confirming_and_moving_give_the_rebuilt_summary(
    steps: list[tuple[int, str, str]], whose: str | None
) -> None:
    """The open summary screen, patched change by change, equals a rebuild: an
    annotation confirmed (`y`) comes into the tables, one to check leaves them."""
    start = [
        replace(a, anchor_state="check") if n % 3 == 0 else a for n, a in enumerate(gold()[:41])
    ]
    summary_settings = SummarySettings(annotator=whose)
    accumulator = SummaryAccumulator(start, infos(), summary_settings)
    current = {a.key: a for a in start}
    for number, action, status in steps:
        before = current.get(start[number].key)
        if before is None:
            continue
        after: Annotation | None
        if action == "delete":
            after = None
        elif action == "status":
            after = before.changed(status=status)
        else:
            after = replace(before, anchor_state="current" if action == "confirm" else "check")
        if after is None:
            del current[before.key]
        else:
            current[after.key] = after
        accumulator.apply(before, after)
        expected = build_summary(
            [current[key] for key in sorted(current)], infos(), summary_settings
        )
        assert accumulator.summary() == expected


BREACH = article(
    "Breach Report\n\nThe police said about 1.2 million records were copied.\n\n"
    "Mr. Sanz said 1.3 million records were copied.\n\n"
    "Mr. Ruiz said 1.4 million records were copied.\n"
)


def test_the_note_promises_a_conflict_only_where_a_figure_to_check_makes_one() -> None:
    """qa14 Q21: Sanz's 1.4 million corrected to 1.3 million (to check) makes no conflict
    with "about 1.2 million" (10% either way): the note above "No conflicting figures."
    does not promise that the conflicts list every annotation to check."""
    police = annotate(BREACH, 1, "qa", source="police", **ATTRIBUTED)
    sanz = replace(annotate(BREACH, 2, "qa", source="Sanz", **ATTRIBUTED), anchor_state="check")
    build = SummarySettings(annotator="qa")
    absorbed = render_markdown(build_summary([police, sanz], [ArticleInfo.of(BREACH)], build))
    assert "No conflicting figures." in absorbed
    assert "the conflicts list them marked" not in absorbed
    assert (
        "the ledger lists them marked “(to check)”, and so do the conflicts where one of "
        "their figures conflicts with another (“about” allows 10% either way)."
    ) in absorbed
    ruiz = replace(annotate(BREACH, 3, "qa", source="Ruiz", **ATTRIBUTED), anchor_state="check")
    clash = render_markdown(build_summary([police, ruiz], [ArticleInfo.of(BREACH)], build))
    assert "No conflicting figures." not in clash and "1,400,000 (to check)" in clash
