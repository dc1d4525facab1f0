"""A look-alike sentence is not the annotated one (qa5 Q5): re-anchoring orphans an
annotation rather than put it, even to check, on another speaker's sentence with another
figure, or on another article that happens to have the same file name; a real
correction (the same sentence, 3,000 → 3,500) stays to check."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fixtures.anchored import annotate, article
from tests.fixtures.long_quotes import refuse_long_reads, repeated
from tests.fixtures.sentences import sentence_annotation
from workbench.core.anchoring.another_article import is_another_article
from workbench.core.anchoring.placement import CHECK, MOVED, ORPHAN, plan_article
from workbench.core.anchoring.same_statement import can_be_the_same, figures, speaker
from workbench.core.corpus.sentences import WINDOW

DELETED = (
    "Correction Report\n\nOfficials said 5,000 troops were sent to Russia.\n\n"
    "Kyiv said the figure was lower.\n\nNATO said 7,000 troops were sent to Russia.\n"
)
OFFICIALS = "Officials said 5,000 troops were sent to Russia.\n\n"


def test_a_deleted_sentence_is_orphaned_not_put_on_another_speakers_figure() -> None:
    old = article(DELETED)
    refuted = annotate(old, 1, source="Officials", status="refuted")
    new = article(DELETED.replace(OFFICIALS, ""))
    (placement,) = plan_article(new, [refuted]).placements
    assert placement.outcome == ORPHAN
    assert placement.after.quote == "Officials said 5,000 troops were sent to Russia."


def test_a_corrected_figure_stays_on_its_sentence_to_check() -> None:
    old = article(DELETED)
    new = article(DELETED.replace("5,000", "5,500"))
    (placement,) = plan_article(new, [annotate(old, 1, source="Officials")]).placements
    assert (placement.outcome, placement.after.index) == (CHECK, 1)
    assert placement.after.quote == "Officials said 5,500 troops were sent to Russia."


def test_a_corrected_speaker_with_the_same_figure_stays_to_check() -> None:
    old = article(DELETED)
    new = article(DELETED.replace("Officials said 5,000", "U.S. officials said 5,000"))
    (placement,) = plan_article(new, [annotate(old, 1, source="Officials")]).placements
    assert (placement.outcome, placement.after.index) == (CHECK, 1)


def test_a_fixed_typo_in_the_speaker_and_a_corrected_figure_stay_to_check() -> None:
    old = article(DELETED.replace("Officials said 5,000", "Officals said 5,000"))
    new = article(DELETED.replace("5,000", "5,500"))
    (placement,) = plan_article(new, [annotate(old, 1, source="Officals")]).placements
    assert (placement.outcome, placement.after.index) == (CHECK, 1)


def test_a_quote_longer_than_a_sentence_is_not_read_for_its_speaker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """rv18 H2: reading who speaks is quadratic in a quote's length; one longer than a
    sentence can be (quote_cap.too_long, a text pasted whole) is judged by similarity
    alone."""
    refuse_long_reads(monkeypatch)
    said = "Kyiv officials said 6,000 troops were sent to Russia."
    assert speaker(sentence_annotation(said)) == "Kyiv officials"
    pasted = sentence_annotation(repeated(WINDOW + 1, said))
    assert speaker(pasted) is None
    assert can_be_the_same(pasted, "NATO said 7,000 troops were sent to Russia.")


def test_without_a_recorded_source_the_quotes_own_speaker_is_compared() -> None:
    old = article(DELETED)
    new = article(DELETED.replace(OFFICIALS, ""))
    (placement,) = plan_article(new, [annotate(old, 1)]).placements  # no source recorded
    assert placement.outcome == ORPHAN


def test_the_deleted_copy_of_a_repeated_sentence_is_orphaned_and_the_other_moves() -> None:
    """qa5's dup.txt: the lede copy deleted; it used to go to check onto NATO's sentence
    and the report headlined a conflict nobody stated."""
    text = "Duplicate Report\n\n" + OFFICIALS + DELETED.split("\n\n", 2)[2]
    text = text.replace("lower.\n\n", "lower.\n\n" + OFFICIALS)
    old = article(text, "dup")
    lede, body = (i for i, s in enumerate(old.sentences) if s.text.startswith("Officials"))
    notes = [
        annotate(old, lede, source="Officials", status="supported"),
        annotate(old, body, source="Officials", status="refuted"),
    ]
    new = article(text.replace(OFFICIALS, "", 1), "dup")
    by_status = {p.before.status: p for p in plan_article(new, notes).placements}
    assert by_status["supported"].outcome == ORPHAN
    assert by_status["refuted"].outcome == MOVED
    assert new.sentences[by_status["refuted"].after.index].text.startswith("Officials")


def test_another_article_with_the_same_file_name_orphans_every_annotation() -> None:
    old = article("Report A\n\nKyiv said 9,000 troops had been sent to Russia.\n", "report")
    other = article(
        "Report B\n\nNATO said 12,000 troops had been sent to Russia.\n\nSecond sentence here.\n",
        "report",
    )
    plan = plan_article(other, [annotate(old, 1, source="Kyiv", status="refuted")])
    assert plan.another_article
    assert [p.outcome for p in plan.placements] == [ORPHAN]
    assert plan.line().endswith("(another article: nothing of the annotated text is in it)")


def test_an_edit_that_keeps_the_title_is_not_another_article() -> None:
    old = article(DELETED)
    new = article(DELETED.replace(OFFICIALS, "Officials said 5,500 troops were sent.\n\n"))
    note = annotate(old, 1, source="Officials")
    assert not is_another_article(new.text, [note])
    assert not plan_article(new, [note]).another_article


def test_only_the_quote_known_leaves_the_decision_to_the_sentence_rules() -> None:
    old = article("Officials said 5,000 troops were sent to Russia.")
    note = annotate(old, 0, source="Officials")
    assert not is_another_article("Officials said 5,500 troops were sent to Russia.", [note])


def test_figures_drop_thousands_separators() -> None:
    assert figures("5,000 and 5 000 and 12,500.5 troops in 2024") == {"5000", "12500.5", "2024"}


def test_the_recorded_source_is_the_speaker_when_the_quote_names_it() -> None:
    old = article(DELETED)
    assert speaker(annotate(old, 1, source="officials")) == "officials"
    assert speaker(annotate(old, 1, source="Pentagon")) == "Officials"  # the quote's own cue


@given(
    who=st.sampled_from(["Officials", "NATO", "Kyiv", "The ministry", "General Ryder"]),
    figure=st.integers(min_value=1, max_value=99_999),
    new_figure=st.integers(min_value=1, max_value=99_999),
)
def test_the_same_speaker_can_always_be_the_same_sentence(
    who: str, figure: int, new_figure: int
) -> None:
    """Only losing the speaker as well as a figure rules a sentence out: a corrected
    figure alone never does."""
    old = article(f"Title here\n\n{who} said {figure:,} troops were sent to Russia.\n")
    note = annotate(old, 1, source=who)
    assert can_be_the_same(note, f"{who} said {new_figure:,} troops were sent to Russia.")
