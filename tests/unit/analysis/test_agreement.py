"""Cohen's kappa per tag, checked against a worked example computed by hand."""

from __future__ import annotations

import pytest

from tests.fixtures.sentences import sentence_annotation
from workbench.core.analysis.agreement import (
    TagAgreement,
    compare,
    sentence_counts,
    single_annotator,
    tag_agreement,
)
from workbench.core.annotation import Annotation

SHA = "0" * 64


def judged(
    annotator: str, index: int, tags: tuple[str, ...], article: str = "story", quote: str = ""
) -> Annotation:
    text = quote or f"Sentence {index}."
    return sentence_annotation(
        text, index=index, article_id=article, annotator=annotator, tags=tags, note="seen"
    )


# Ten sentences both analysts recorded. By hand:
#   claim:       A yes on 0-5, B yes on 0-3 and 6 -> both 4, A only 2, B only 1, neither 3.
#                p_o = 7/10; p_e = (6/10)(5/10) + (4/10)(5/10) = 1/2; kappa = (0.7-0.5)/0.5 = 0.4
#   attribution: A yes on 0,1,2, B yes on 0,1,3 -> both 2, A only 1, B only 1, neither 6.
#                p_o = 8/10; p_e = (3/10)^2 + (7/10)^2 = 0.58; kappa = 0.22/0.42 = 11/21
#   denial:      nobody says yes: p_e = 1, kappa undefined (None), raw agreement 100 %.
CLAIM_A, CLAIM_B = {0, 1, 2, 3, 4, 5}, {0, 1, 2, 3, 6}
ATTRIBUTION_A, ATTRIBUTION_B = {0, 1, 2}, {0, 1, 3}


def tags_of(index: int, claim: set[int], attribution: set[int]) -> tuple[str, ...]:
    return tuple(
        tag for tag, chosen in (("claim", claim), ("attribution", attribution)) if index in chosen
    )


ANA = [judged("ana", i, tags_of(i, CLAIM_A, ATTRIBUTION_A)) for i in range(10)]
BOB = [judged("bob", i, tags_of(i, CLAIM_B, ATTRIBUTION_B)) for i in range(10)]


def test_worked_example() -> None:
    report = compare(ANA, BOB)
    assert (report.annotator_a, report.annotator_b) == ("ana", "bob")
    assert report.compared == 10
    claim, attribution, denial = report.per_tag
    assert (claim.tag, claim.both, claim.only_a, claim.only_b, claim.neither) == (
        "claim",
        4,
        2,
        1,
        3,
    )
    assert claim.observed == pytest.approx(0.7)
    assert claim.expected == pytest.approx(0.5)
    assert claim.kappa == pytest.approx(0.4)
    assert (attribution.both, attribution.only_a, attribution.only_b, attribution.neither) == (
        2,
        1,
        1,
        6,
    )
    assert attribution.expected == pytest.approx(0.58)
    assert attribution.kappa == pytest.approx(11 / 21)
    assert denial.sentences == 10
    assert denial.observed == 1.0
    assert denial.expected == 1.0
    assert denial.kappa is None


def test_disagreements_list_every_sentence_whose_tags_differ() -> None:
    report = compare(ANA, BOB)
    assert [(d.index, d.tags_a, d.tags_b) for d in report.disagreements] == [
        (2, ("claim", "attribution"), ("claim",)),
        (3, ("claim",), ("claim", "attribution")),
        (4, ("claim",), ()),
        (5, ("claim",), ()),
        (6, (), ("claim",)),
    ]
    assert report.disagreements[0].quote == "Sentence 2."


def test_perfect_and_opposite_agreement() -> None:
    assert TagAgreement("claim", both=3, only_a=0, only_b=0, neither=2).kappa == 1.0
    assert TagAgreement("claim", both=0, only_a=2, only_b=2, neither=0).kappa == -1.0
    # Both always say yes: chance agreement is 1, kappa undefined.
    assert TagAgreement("claim", both=5, only_a=0, only_b=0, neither=0).kappa is None
    # One always says yes, the other varies: p_e = 1/2 exactly, not degenerate.
    assert TagAgreement("claim", both=1, only_a=1, only_b=0, neither=0).kappa == 0.0


def test_no_sentences_in_common_gives_no_figures() -> None:
    empty = tag_agreement("claim", [])
    assert (empty.sentences, empty.observed, empty.expected, empty.kappa) == (0, None, None, None)
    report = compare(ANA[:3], [judged("bob", 0, ("claim",), article="elsewhere")])
    assert report.compared == 0
    assert (report.only_a, report.only_b) == (3, 1)
    assert all(tag.kappa is None for tag in report.per_tag)


def test_one_sided_and_changed_sentences_are_counted_apart() -> None:
    extra = judged("ana", 10, ("claim",))
    changed = judged("bob", 9, (), quote="The article changed here.")
    report = compare([*ANA, extra], [*BOB[:9], changed])
    assert report.compared == 9
    assert report.only_a == 1
    assert report.only_b == 0
    assert report.mismatched == 1


def test_missing_as_untagged_compares_one_sided_sentences_of_shared_articles() -> None:
    extra = judged("ana", 10, ("claim",))
    elsewhere = judged("ana", 0, ("denial",), article="only-ana-read-this")
    report = compare([*ANA, extra, elsewhere], BOB, missing_as_untagged=True)
    assert report.compared == 11
    assert report.only_a == 1
    claim = report.per_tag[0]
    assert (claim.both, claim.only_a, claim.only_b, claim.neither) == (4, 3, 1, 3)
    assert report.disagreements[-1].index == 10
    assert report.disagreements[-1].tags_b == ()


def test_each_side_must_be_one_analyst() -> None:
    assert single_annotator(ANA, "A") == "ana"
    with pytest.raises(
        ValueError, match="A: expected one analyst's annotations, found annotators ana, bob"
    ):
        single_annotator([*ANA, *BOB], "A")
    with pytest.raises(ValueError, match="found no annotations"):
        single_annotator([], "B")


def test_an_article_exported_from_different_texts_is_named_not_compared() -> None:
    """QA: the same judgements exported before and after a correction (the sentences
    moved one down) were reported as 3 by A only, 2 by B only, 4 whose text differs."""
    from dataclasses import replace

    corrected = [replace(a, article_sha256="1" * 64, index=a.index + 1) for a in BOB]
    other = judged("ana", 0, ("claim",), article="unchanged")
    report = compare([*ANA, other], [*corrected, replace(other, annotator="bob")])
    assert (report.compared, report.only_a, report.only_b, report.mismatched) == (1, 0, 0, 0)
    assert report.disagreements == ()
    assert [(d.article_id, d.texts_a, d.texts_b) for d in report.different_texts] == [
        ("story", (SHA,), ("1" * 64,))
    ]


def test_a_record_to_check_or_orphaned_is_not_compared() -> None:
    """rv6 R6 (qa5 Q5): bob's "refuted" moved, to check, onto a sentence alice tagged is
    not bob's judgement of it; nor is an orphan's old index a sentence he judged."""
    from dataclasses import replace

    from tests.fixtures.anchored import STORY, annotate, article

    story = article(STORY)
    alice = [annotate(story, 1, "alice"), annotate(story, 3, "alice", tags=("denial",))]
    bob = [
        annotate(story, 1, "bob"),
        replace(annotate(story, 3, "bob", tags=("claim", "attribution")), anchor_state="check"),
        replace(annotate(story, 4, "bob"), anchor_state="orphaned"),
    ]
    report = compare(alice, bob)
    assert (report.compared, report.only_a, report.unplaced_a, report.unplaced_b) == (1, 1, 0, 2)
    assert report.disagreements == ()
    assert report.annotator_b == "bob"


def test_missing_as_untagged_counts_the_sentences_both_left_blank() -> None:
    """qa7 Q2: both left sentence 10 and 11 blank (a byline, "Read more"): with the
    sentence count they are "neither" for every tag; without them kappa read 0.000."""
    counts = sentence_counts([{"id": "story", "sha256": SHA, "sentences": 12}])
    report = compare(ANA, BOB, missing_as_untagged=True, sentence_counts=counts)
    claim = report.per_tag[0]
    assert (report.compared, report.blank, report.recorded_by_both) == (12, 2, 10)
    assert (claim.both, claim.only_a, claim.only_b, claim.neither) == (4, 2, 1, 5)
    assert report.per_tag[2].sentences == 12
    assert report.uncounted == ()
    # Without the option they are left out, and counted as such.
    plain = compare(ANA, BOB, sentence_counts=counts)
    assert (plain.compared, plain.blank, plain.left_out_by_default) == (10, 2, 2)
    # An article whose count no export carries: only its recorded sentences, named.
    assert compare(ANA, BOB, missing_as_untagged=True).uncounted == ("story",)


def test_sentence_counts_leave_out_a_text_counted_two_ways() -> None:
    listed = [{"id": "x", "sha256": "a", "sentences": 3}, {"id": "y", "sha256": "b"}]
    other = [{"id": "x", "sha256": "a", "sentences": 4}, {"id": "z", "sha256": "c", "sentences": 2}]
    assert sentence_counts(listed, other) == {("z", "c"): 2}
