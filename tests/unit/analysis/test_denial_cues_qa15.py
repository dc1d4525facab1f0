"""qa15 Q6: "the company said it had no reason to question the port's figure" was
suggested as a denial (0.88): a dispute said to have no grounds accepts the claim."""

from __future__ import annotations

import pytest

from tests.unit.analysis.test_suggest_rules5 import one


@pytest.mark.parametrize(
    "text",
    [
        "The company said it had no reason to question the port's figure.",
        "The operator saw little cause to dispute the report.",
        "The ministry said there was no need to deny the report.",
    ],
)
def test_a_dispute_with_no_grounds_is_no_denial(text: str) -> None:
    assert "denial" not in one(text).tags


@pytest.mark.parametrize(
    "text",
    [
        "The company questioned the port's figure.",
        "The company said the figure was wrong and had every reason to dispute it.",
    ],
)
def test_a_dispute_is_still_one(text: str) -> None:
    assert "denial" in one(text).tags
