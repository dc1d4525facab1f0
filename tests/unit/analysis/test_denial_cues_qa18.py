"""qa18 F2: "Varga's office rejected the ministry's count, saying …" was suggested as
no denial (0.02, or 0.20 with the reason after it): a dispute verb is a denial only with
a claim as its object, and a figure named as a "count", "tally" or "toll" was no claim,
as "figure", "number" and "estimate" are."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_suggest_rules5 import one


@pytest.mark.parametrize(
    "text",
    [
        "The mayor rejected the ministry's count.",
        "Varga's office rejected the ministry's count, saying rescue teams were still "
        "searching collapsed buildings.",
        "The union disputed the company's tally of strikers.",
        "Officials dismissed the opposition's death toll as inflated.",
    ],
)
def test_a_figure_named_as_a_count_tally_or_toll_is_a_claim_disputed(text: str) -> None:
    assert "denial" in one(text).tags


@pytest.mark.parametrize(
    "text",
    [
        "The mayor rejected the ministry's plan.",
        "Election officials began the count on Sunday.",
        "The storm took a heavy toll on the harbour.",
    ],
)
def test_what_is_no_claim_is_still_none(text: str) -> None:
    assert "denial" not in one(text).tags
